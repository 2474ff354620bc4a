/* elective (store) — elective courses (issue 8; migration 012): the courses of a school's
 * year, their programmes (ELE-6) with reviews (ELE-7) and approval (ELE-5), the
 * students' choices and switches (ELE-1, ELE-13), what the ЖОЖ gives a grade (ELE-12),
 * groups with fixed members (ELE-3, ELE-4), sessions with attendance and the test work
 * (ELE-14, ELE-10), the figures of the results (ELE-9) and the final products (ELE-8).
 * Records travel as JSON in the API's shape (the conventions of org.h); the rules are
 * core/elective.h, applied by api/electives*.c. */
#ifndef MEKTEP_STORE_ELECTIVE_H
#define MEKTEP_STORE_ELECTIVE_H

#include <jansson.h>
#include <stdint.h>

#include "core/elective.h"
#include "store/db.h"

/* The thresholds of the settings (elective_*), the regulation's where a setting is
 * missing or not a number. DB_OK or a negative rc. */
int elective_thresholds_load(struct db *db, struct elective_thresholds *t);

/* --- courses --- */

/* {"id","school_id","academic_year_id","title":{kk,ru,en},"kind","focus","direction",
 * "second_language","grade_from","grade_to","hours","staff_id","teacher" (name or null),
 * "programme_status","active","choices" (open choices),"groups"}. NULL when missing (or
 * on error: db->lost). */
json_t *elective_course_get(struct db *db, int64_t id);
/* The courses of a school's year in title order. NULL on error. */
json_t *elective_courses_list(struct db *db, int64_t school_id, int64_t year_id);
int elective_course_insert(struct db *db, json_t *rec, int64_t *id_out);
int elective_course_update(struct db *db, int64_t id, json_t *rec);

/* --- programmes (ELE-5..ELE-7) --- */

/* {"course_id","author","year_label","explanatory_note","content","recommendations",
 * "literature","plan":[{"section","topic","hours","form"}],"approval": null |
 * {"date","protocol_number"},"reviews":[{"id","reviewer","reviewed_on","criteria":{...},
 * "total","comment"}]} — an empty programme when none was written. NULL on error. */
json_t *elective_programme_get(struct db *db, int64_t course_id);
/* Writes the programme's text fields and replaces its plan (rec in the shape above). */
int elective_programme_save(struct db *db, int64_t course_id, json_t *rec, int64_t user_id);
/* A review: rec {"reviewer","reviewed_on","criteria" (object),"total","comment"}. */
int elective_review_insert(struct db *db, int64_t course_id, json_t *rec, int64_t user_id, int64_t *id_out);
/* The methodological association's approval: the programme and the course's status. */
int elective_programme_approve(struct db *db, int64_t course_id, const char *date, const char *protocol,
			       int64_t user_id);
/* Sets the course's programme_status. */
int elective_programme_status(struct db *db, int64_t course_id, const char *status);

/* --- the ЖОЖ's hours and a student's choices (ELE-1, ELE-12, ELE-13) --- */

struct elective_load {
	int has_limits;     /* the ЖОЖ gives the grade its elective hours and maximum */
	int elective_hours; /* the ЖОЖ's hours of electives for the grade */
	int max_weekly;     /* the grade's maximum weekly load */
	int lessons;        /* the ЖОЖ's weekly hours of the grade's subjects (levels chosen) */
	int chosen;         /* the hours of the student's open choices */
};
/* The figures of the student's weekly load in the school's year for a grade; `except`
 * leaves out one choice (a switch replaces it). DB_OK or a negative rc. */
int elective_load_of(struct db *db, int64_t student_id, int64_t school_id, int64_t year_id, int grade,
		     int64_t except, struct elective_load *out);
/* Sets (replaces) the ЖОЖ's elective hours and maximum of a grade. */
int elective_limits_put(struct db *db, int64_t curriculum_id, int grade, int elective_hours, int max_weekly);
/* A ЖОЖ's rows of curriculum_electives: [{"grade","elective_hours","max_weekly_hours"}]. */
json_t *elective_limits_of(struct db *db, int64_t curriculum_id);

/* The student's choices of a year, open first: [{"id","course_id","title","hours",
 * "starts_on","ends_on","switched_from","switched","application_on","applicant"}]. */
json_t *elective_choices_of(struct db *db, int64_t student_id, int64_t year_id);
json_t *elective_choice_get(struct db *db, int64_t id);
/* The open choices of a course with their students, by grade, class and name:
 * [{"student_id","last_name","first_name","class","grade","starts_on","switched",
 * "group_id" (null when in none of its groups)}]. NULL on error. */
json_t *elective_choosers(struct db *db, int64_t course_id);
/* A new open choice; switched_from 0 when it is not a switch. */
int elective_choice_insert(struct db *db, int64_t student_id, int64_t course_id, int64_t year_id,
			   const char *starts_on, int64_t switched_from, const char *application_on,
			   const char *applicant, int64_t user_id, int64_t *id_out);
/* Closes a choice (its last day is the day before `on`) and the student's membership of
 * the course's groups. */
int elective_choice_close(struct db *db, int64_t choice_id, const char *on);

/* --- groups (ELE-3, ELE-4) --- */

/* {"id","course_id","name","staff_id","teacher","members":[{"student_id","last_name",
 * "first_name","class","grade","joined_on","left_on"}],"size","formation"}; formation:
 * one_class, parallel, across_parallels (of the members still in it). */
json_t *elective_group_get(struct db *db, int64_t id);
json_t *elective_groups_of(struct db *db, int64_t course_id);
int elective_group_insert(struct db *db, int64_t course_id, const char *name, int64_t staff_id, int64_t *id_out);
int elective_group_add(struct db *db, int64_t group_id, int64_t student_id, const char *joined_on);
/* The group of the course the student is a member of now, or 0. -1 on error. */
int64_t elective_group_of_student(struct db *db, int64_t course_id, int64_t student_id);

/* --- sessions (ELE-14) --- */

/* {"id","group_id","date","semester","status","missed_reason","plan_position","topic",
 * "test_work","attendance":[{"student_id","status","reason"}],"test_work_done":[ids]}. */
json_t *elective_session_get(struct db *db, int64_t id);
/* The group's sessions, by date, each as above without the lists but with "absent". */
json_t *elective_sessions_of(struct db *db, int64_t group_id);
/* Writes (inserts or replaces) a session of a group on a date with its lists; rec in the
 * shape above. *id_out its id. */
int elective_session_save(struct db *db, int64_t group_id, json_t *rec, int64_t user_id, int64_t *id_out);
/* The semester (1 or 2) of a date in a school's year, from the year's terms (the second
 * half of the terms is the second semester); 1 January starts it when there are none. */
int elective_semester_of(struct db *db, int64_t year_id, const char *date);

/* --- results (ELE-9, ELE-10) --- */

/* The last day of semester 1 or 2, or of the year (0), of a school's year into out
 * ("" when the year has no terms and no end). DB_OK or a negative rc. */
int elective_period_end(struct db *db, int64_t year_id, int semester, char out[11]);

struct elective_figures {
	int64_t student_id;
	char last_name[96], first_name[96];
	int held, attended, test_held, test_done, switched, left;
};
/* The figures of every member (present or past) of the course's groups for semester 1
 * or 2, or the year (0); `student_id` 0 for all, else one. A malloc'd array (*n rows),
 * NULL on error (then *n is -1). */
struct elective_figures *elective_figures_of(struct db *db, int64_t course_id, int semester, int64_t student_id,
					    int *n);

/* --- final products (ELE-8) --- */
json_t *elective_products_of(struct db *db, int64_t course_id, int64_t student_id);
int elective_product_insert(struct db *db, int64_t course_id, int64_t student_id, json_t *rec, int64_t user_id,
			    int64_t *id_out);

#endif
