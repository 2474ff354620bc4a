/* curriculum (demo) — the demo network's curriculum: a ТОЖ for NIS grades 7–12 (the
 * IB school's programme gets the same table), and for each school, in the school's
 * own write transaction, its approved ЖОЖ of the demo year, two groups per split
 * subject of every class above the threshold (CUR-3, by the alphabet), the teaching
 * load of every class-subject and group (CUR-9) with each teacher's set load, and
 * the high-school choices of grades 11–12 fixed by the director's order (CUR-4).
 *
 * Deterministic: the same schools give the same rows; nothing random is drawn, so
 * the rest of the demo (which draws from the seed) is unchanged by this module.
 * Set loads equal the hours given, except for about one teacher in four whose set
 * load is one or two hours off, so that the CUR-9 report has something to show. Everything is written with db_copy (COPY on PostgreSQL), ids given here and
 * the identity sequences moved past them. */
#ifndef MEKTEP_DEMO_CURRICULUM_H
#define MEKTEP_DEMO_CURRICULUM_H

#include <stdint.h>

#include "store/db.h"

#define DEMO_COUNCIL_DATE "2026-08-28"    /* the Pedagogical council that approved the ЖОЖ */
#define DEMO_CHOICE_ORDER_DATE "2026-06-15"

/* What one school got. */
struct demo_curriculum_counts {
	int rows, groups, members, assignments, applications;
};

/* Writes the ТОЖ of both programmes (grades 7–12) inside a write transaction of the
 * caller's. Needs the subjects (names.c). DB_OK or a negative rc. */
int demo_curriculum_network(struct db *db, const char *now);

/* Writes the curriculum of a school just written (its classes, students, staff and
 * representatives are in the database) inside the caller's write transaction.
 * `index` is the school's 0-based number (it varies which teachers are off their set
 * load). Adds to *counts. DB_OK or a negative rc. */
int demo_curriculum_school(struct db *db, int64_t school_id, int64_t year_id, const char *programme, int index,
			   const char *now, struct demo_curriculum_counts *counts);

#endif
