/* people — queries for persons and what they are in the network: students (with
 * their class), legal representatives (and their links to students), staff (with
 * roles per school). Same conventions as org.h: records as JSON in the API's shape,
 * getters return a new reference or NULL, writers take the complete record. */
#ifndef MEKTEP_STORE_PEOPLE_H
#define MEKTEP_STORE_PEOPLE_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/* Person fields in the API: last_name, first_name, middle_name, iin, birth_date, sex,
 * phone, email. */
json_t *persons_get(struct db *db, int64_t id);
int persons_insert(struct db *db, json_t *person, int64_t *id_out);
int persons_update(struct db *db, int64_t id, json_t *person);
/* DB_ROW with *id_out when someone has the IIN, DB_DONE when nobody does. */
int persons_find_iin(struct db *db, const char *iin, int64_t *id_out);

struct student_filter {
	int64_t school_id;  /* the school, when class_id is 0 */
	int64_t class_id;   /* the class; 0 for the whole school */
	const char *q;      /* name or IIN, NULL = all */
};
json_t *students_get(struct db *db, int64_t id);
json_t *students_list(struct db *db, const struct student_filter *f, int64_t limit, int64_t offset,
		      int64_t *total);
/* Inserts the person and the student; *id_out is the student's id. */
int students_insert(struct db *db, json_t *student, int64_t *id_out);
int students_update(struct db *db, int64_t id, json_t *student);
/* The student row of a person, or 0. */
int64_t students_of_person(struct db *db, int64_t person_id);

/* The representatives of a student: persons with "relation". */
json_t *representatives_of(struct db *db, int64_t student_id);
/* The students a representative (person) is linked to, each with its school. */
json_t *representatives_children(struct db *db, int64_t person_id);
/* Representatives of a school's students (school_id 0: all), by name or IIN. */
json_t *representatives_list(struct db *db, int64_t school_id, const char *q, int64_t limit,
			     int64_t offset, int64_t *total);
int representatives_link(struct db *db, int64_t student_id, int64_t person_id, const char *relation);
int representatives_unlink(struct db *db, int64_t student_id, int64_t person_id);
/* 1 when the person represents the student. */
int representatives_is_linked(struct db *db, int64_t student_id, int64_t person_id);
/* 1 when the person represents any student of the school (school 0: any at all). */
int representatives_in_school(struct db *db, int64_t person_id, int64_t school_id);
/* The school of the person's first represented student (for the audit log), or 0. */
int64_t representatives_first_school(struct db *db, int64_t person_id);

json_t *staff_get(struct db *db, int64_t id);
/* The staff row of a person at a school, or 0. */
int64_t staff_of_person(struct db *db, int64_t person_id, int64_t school_id);
json_t *staff_list(struct db *db, int64_t school_id, const char *q, const char *role, int64_t limit,
		   int64_t offset, int64_t *total);
/* Inserts the person (or uses person_id when given) and the staff row with its roles. */
int staff_insert(struct db *db, json_t *staff, int64_t *id_out);
int staff_update(struct db *db, int64_t id, json_t *staff);

#endif
