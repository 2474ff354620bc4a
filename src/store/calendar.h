/* calendar — queries of the academic calendar: the structure of a year (its type,
 * terms, holidays and the external assessments of grades 11–12 and of grade 10;
 * CAL-1..CAL-4), its approval (CAL-5), and Kazakhstan's public holidays as data
 * (CAL-7), which the network office edits and the working-day arithmetic reads.
 *
 * Records come and go as JSON objects in the API's shape (as in org.h). Getters
 * return a new reference, or NULL when there is no such row (check db->lost to tell
 * a failure). Writers return DB_OK or a negative db rc. */
#ifndef MEKTEP_STORE_CALENDAR_H
#define MEKTEP_STORE_CALENDAR_H

#include <jansson.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/holidays.h"
#include "store/db.h"

/* --- the structure of an academic year --- */

/*
 * {"academic_year": <the year as years_get gives it>, "type": "quarters",
 *  "terms": [{"number", "starts_on", "ends_on"}, …] in order,
 *  "holidays": [{"kind", "starts_on", "ends_on"}, …] in the order saved,
 *  "assessment": {"starts_on", "ends_on"} or null (grades 11–12),
 *  "assessment_basic": {"starts_on", "ends_on"} or null (grade 10, basic school)}.
 * Everything but "academic_year" is what calendar_structure_save takes.
 */
json_t *calendar_structure_get(struct db *db, int64_t year_id);
/* Replaces the year's type, terms, holidays and both assessments with those of `s`
 * (the shape above; "academic_year" and a term's "number" are not read; an assessment
 * absent or null is none). */
int calendar_structure_save(struct db *db, int64_t year_id, json_t *s);
/*
 * Fills *out from a structure (the shape above, "academic_year" giving the year's
 * dates): type, terms, holidays and both assessments; has_next_start and levels are
 * left 0 (see calendar_context). Returns 0, or -1 when a date does not parse, the type is
 * unknown, or there are more terms or holidays than core/calendar.h holds.
 */
int calendar_structure_to_year(json_t *s, struct calendar_year *out);
/*
 * What the rules need from the rest of the database, for a year of `school_id`
 * whose dates are in *y: the next year's start (the school's first year starting
 * after y->ends_on) and the levels the school teaches (the grades of all its
 * classes, any year; ORG-1). A school without classes gets all three levels.
 * Returns DB_OK or a negative rc.
 */
int calendar_context(struct db *db, int64_t school_id, struct calendar_year *y);

/* CAL-5: records the approval of a year: approved_at (an instant), approved_by (a
 * user id, 0 for none), fixed_on (a date) and its status. */
int calendar_year_approve(struct db *db, int64_t year_id, int64_t user_id, const char *at,
			  const char *fixed_on, const char *status);

/*
 * CAL-5: every school, by code, that has no year named `name` approved with a
 * fixed_on before `deadline` ('YYYY-MM-DD'): a JSON array of
 * {"school": {"id", "code", "name"}, "academic_year_id" (or null),
 *  "status": "missing" | "not_approved" | "approved_late", "fixed_on" (or null)}.
 */
json_t *calendar_not_fixed(struct db *db, const char *name, const char *deadline);

/* --- public holidays (tables holiday_rules, holiday_fixed, holiday_transfers) --- */

/* Fills the tables from holiday_calendar_default(), names in kk/ru/en. Run once, by
 * migration 002, in its transaction. */
int holidays_seed_default(struct db *db);

/* The tables loaded for core/holidays.h. `cal` points into the arrays, which the
 * struct owns; names are not loaded (NULL). Release with holidays_table_release. */
struct holidays_table {
	struct holiday_calendar cal;
	struct holiday_rule *rules;
	struct holiday_fixed *fixed;
	struct holiday_transfer *transfers;
};
/* Reads the three tables into *out (as they are now: an edit shows at once). Returns
 * DB_OK, or a negative rc with *out empty. */
int holidays_load(struct db *db, struct holidays_table *out);
/* Frees what holidays_load allocated and empties *t; an empty table is fine. */
void holidays_table_release(struct holidays_table *t);

/*
 * What applies in calendar year `year`: {"rules": [{"id", "month", "day",
 * "from_year", "to_year", "moves_if_weekend", "name"}], "fixed": [{"id", "date",
 * "name", "moves_if_weekend"}], "transfers": [{"id", "working_day", "day_off"}]}
 * (a transfer with either day in the year).
 */
json_t *holidays_of_year(struct db *db, int year);

/* A one-year holiday: {"id", "date", "name": {kk, ru, en}, "moves_if_weekend"}. */
json_t *holidays_fixed_get(struct db *db, int64_t id);
int holidays_fixed_insert(struct db *db, json_t *h, int64_t *id_out);
int holidays_fixed_delete(struct db *db, int64_t id);
/* A transfer: {"id", "working_day", "day_off"}. */
json_t *holidays_transfer_get(struct db *db, int64_t id);
int holidays_transfer_insert(struct db *db, json_t *t, int64_t *id_out);
int holidays_transfer_delete(struct db *db, int64_t id);

#endif
