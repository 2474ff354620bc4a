/* externship_plan (store) — the queries of the externship student's consultation
 * schedule (A1 form 3, EXT-13, EXT-15): the case's schedules with their rows, writing a
 * schedule's rows, its approval by order, and marking a row's work sent and received.
 * docs/movement.md, "The consultation schedule". */
#ifndef MEKTEP_STORE_EXTERNSHIP_PLAN_H
#define MEKTEP_STORE_EXTERNSHIP_PLAN_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/* The case's schedules, oldest year first: [{id, academic_year_id, order: null |
 * {number, date}, rows: [{id, position, subject: {id, name}, teacher: null | {id,
 * last_name, first_name}, consultation_on, topic, work_sent_on, work_received_on,
 * note}]}]; NULL on a database error. */
json_t *externship_plans_of_case(struct db *db, int64_t case_id);

/* The schedule of the case for the year: DB_OK with *plan_id (0: none yet) and
 * *approved, or a negative rc. */
int externship_plan_find(struct db *db, int64_t case_id, int64_t year_id, int64_t *plan_id, int *approved);

/* Writes the year's schedule of the case: made when missing, its rows replaced by
 * `rows` ([{subject_id, teacher_id?, consultation_on, topic, note?}], in order). DB_OK
 * with *plan_id, or rc. */
int externship_plan_save(struct db *db, int64_t case_id, int64_t year_id, int64_t school_id, json_t *rows,
			 int64_t user_id, int64_t *plan_id);

/* The director's order approving the schedule. DB_OK or rc. */
int externship_plan_approve(struct db *db, int64_t plan_id, const char *number, const char *date,
			    int64_t user_id);

/* The school's academic years that overlap from..to (ISO dates), oldest first, each
 * {id, name, starts_on, ends_on, type, terms: [{n, starts_on, ends_on}]}; NULL on error. */
json_t *externship_years(struct db *db, int64_t school_id, const char *from, const char *to);

/* A row with what deciding on it needs: {id, plan_id, case_id, school_id, student_id,
 * academic_year_id, approved, teacher_id, curator_id, subject_id, consultation_on,
 * work_sent_on, work_received_on, note, year: {starts_on, ends_on}}; NULL when there is
 * none (or on error). */
json_t *externship_plan_row(struct db *db, int64_t row_id);

/* Sets the row's work dates and note (NULL clears). DB_OK or rc. */
int externship_plan_row_mark(struct db *db, int64_t row_id, const char *sent_on, const char *received_on,
			     const char *note, int64_t user_id);

/* The externships a member of staff follows on `today` (ISO): of students whose class they
 * curate, or in whose approved or draft schedule they teach a row; ordered, not yet over.
 * [{case_id, student: {id, last_name, first_name}, class, starts_on, ends_on, curator,
 * plan_approved, works_to_mark}] (works_to_mark: their rows whose work has not come
 * back); NULL on a database error. */
json_t *externship_cases_of_staff(struct db *db, int64_t staff_id, const char *today);

/* Adds "quarters" to each ordered externship of `cases` (movement_case_get's shape): the
 * NIS quarters of the school's academic years that end inside the externship, each
 * {starts_on, ends_on, done_on}, done_on the day its works were all back by the case's
 * consultation schedules (core's plan_quarter_works, EXT-15) or null. 0, or -1 on error. */
int externship_quarters_attach(struct db *db, json_t *cases);

#endif
