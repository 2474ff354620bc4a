/* year_end (store) — the queries of a class's year end (ASM-3, DOC-1): the school's next
 * academic year, the class of that year a student moves into (made when it does not
 * exist yet), and the decisions recorded per student. docs/movement.md, "The year's end". */
#ifndef MEKTEP_STORE_YEAR_END_H
#define MEKTEP_STORE_YEAR_END_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/* The school's academic year that starts after `year_id` ends (the earliest such): DB_OK
 * with *next_id (0 when there is none), or a negative rc. */
int year_end_next_year(struct db *db, int64_t year_id, int64_t *next_id);

/* The class of `year_id` with `grade` and `letter`; made with `language` when the year has
 * none yet (*made = 1). DB_OK with *class_id, or a negative rc. */
int year_end_class_in(struct db *db, int64_t school_id, int64_t year_id, int grade, const char *letter,
		      const char *language, int64_t *class_id, int *made);

/* One student's decision as recorded (the columns of year_end_decisions). */
struct year_end_record {
	int64_t school_id, student_id, from_class_id, to_class_id; /* to_class_id 0: none */
	int from_grade, to_grade;                                  /* to_grade 0: none */
	const char *decision, *status_after, *certificate;         /* certificate: NULL */
	const char *council_date, *council_protocol, *order_number, *order_date;
	int64_t user_id;
};
int year_end_insert(struct db *db, const struct year_end_record *r);

/* The decisions recorded for the class (from_class_id), each with the student's name and
 * the class moved into: a JSON array (empty when the class is not decided yet), NULL on
 * a database error. */
json_t *year_end_of_class(struct db *db, int64_t class_id);

#endif
