/* org — queries for the network's organisation: schools (with their figures),
 * academic years, classes and subjects. Records come and go as JSON objects in the
 * API's shape; writers take a complete record (the caller merges a PATCH onto the
 * current one), so each UPDATE is one fixed statement.
 *
 * Getters return a new reference, or NULL when there is no such row (check
 * db->lost to tell a failure). Writers return DB_OK or a negative db rc. */
#ifndef MEKTEP_STORE_ORG_H
#define MEKTEP_STORE_ORG_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

json_t *schools_get(struct db *db, int64_t id);
/* Schools whose code or names contain q (NULL for all); only_id limits to one school. */
json_t *schools_list(struct db *db, const char *q, int64_t only_id, int64_t limit, int64_t offset,
		     int64_t *total);
int schools_insert(struct db *db, json_t *school, int64_t *id_out);
int schools_update(struct db *db, int64_t id, json_t *school);
/* DB_ROW with *id_out when a school has the code, DB_DONE when none does. */
int schools_find_code(struct db *db, const char *code, int64_t *id_out);

json_t *years_get(struct db *db, int64_t id);
json_t *years_list(struct db *db, int64_t school_id);
int years_insert(struct db *db, json_t *year, int64_t *id_out);
int years_update(struct db *db, int64_t id, json_t *year);
/* The school's current academic year (status 'current'), or 0. */
int64_t years_current(struct db *db, int64_t school_id);

json_t *classes_get(struct db *db, int64_t id);
/* Classes of a school, of one academic year when year_id != 0, by grade and letter. */
json_t *classes_list(struct db *db, int64_t school_id, int64_t year_id, int64_t limit,
		     int64_t offset, int64_t *total);
/* The current-year classes a staff member curates, by grade and letter. */
json_t *classes_curated_by(struct db *db, int64_t staff_id);
int classes_insert(struct db *db, json_t *cls, int64_t *id_out);
int classes_update(struct db *db, int64_t id, json_t *cls);

json_t *subjects_get(struct db *db, int64_t id);
json_t *subjects_list(struct db *db, const char *q, int64_t limit, int64_t offset, int64_t *total);
int subjects_insert(struct db *db, json_t *subject, int64_t *id_out);
int subjects_update(struct db *db, int64_t id, json_t *subject);

/* The school a record belongs to (for rights), or 0 when there is no such record. */
int64_t org_school_of(struct db *db, const char *table, int64_t id);

#endif
