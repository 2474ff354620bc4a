/* contingent (store) — the monthly contingent report of a school or of the network
 * (issue 7; EXT-9, LV-6, EXT-10, LV-7): the students by grade, language of instruction
 * and funding, and the lists the rules ask for — the externship students and the
 * students on academic leave whose period touches the month, each with class, language,
 * period and the order (number, date). Read from students and the movement book. */
#ifndef MEKTEP_STORE_CONTINGENT_H
#define MEKTEP_STORE_CONTINGENT_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/*
 * {"from","to","schools": [{"id","code","name": {kk,ru,en},
 *   "counts": [{"grade","language","funding","studying","externship","academic_leave"}]
 *     (by grade, language, funding),
 *   "totals": {"studying","externship","academic_leave","students"},
 *   "externship": [{"student_id","last_name","first_name","middle_name","class",
 *     "language","funding","starts_on","ends_on","planned_ends_on","order_number",
 *     "ordered_on"}],
 *   "academic_leave": [same]}]} for school_id, or every school when 0; from..to
 * inclusive ('YYYY-MM-DD'). NULL on error.
 */
json_t *contingent_report(struct db *db, int64_t school_id, const char *from, const char *to);

#endif
