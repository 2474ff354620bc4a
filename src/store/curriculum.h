/* curriculum — queries for the curriculum area: network settings, the ТОЖ, each
 * school's ЖОЖ, the subject groups of classes and their members, high-school choices
 * with the directors' orders, the teaching load (ОЖ) and the КТЖ topics.
 *
 * Conventions of org.h: records come and go as JSON objects in the API's shape;
 * getters return a new reference, or NULL when there is no such row (check db->lost
 * to tell a failure); writers return DB_OK or a negative db rc and run inside the
 * caller's transaction. Rules are not checked here (core/curriculum.h does that);
 * the CHECK constraints of migration 003 are the last line.
 *
 * Curriculum rows, in the ТОЖ and the ЖОЖ alike:
 *   {"grade" (ЖОЖ only), "subject_id", "subject": {"id","code","name"}, "hours",
 *    "component", "split_in_groups" (bool), "split_language" ("kk"/"ru"/null),
 *    "standard_hours", "advanced_hours" (null when the subject has no levels),
 *    "english_medium" (bool, CUR-7, derived from the subject and grade)} */
#ifndef MEKTEP_STORE_CURRICULUM_H
#define MEKTEP_STORE_CURRICULUM_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/* --- settings --- */

#define SETTING_SPLIT_THRESHOLD "group_split_threshold"

/* The integer value of a setting, or `def` when it is missing or not a number. */
int64_t settings_get_int(struct db *db, const char *key, int64_t def);
/* Sets a setting (inserted when missing) as the decimal text of value. A user id of 0
 * (here and below) is the command line: stored as NULL. */
int settings_set_int(struct db *db, const char *key, int64_t value, int64_t user_id);

/* --- the ТОЖ (CUR-1) --- */

/* {"id" (null when none yet), "programme", "grade", "rows": [...], "total_hours"}. */
json_t *typical_get(struct db *db, const char *programme, int grade);
/* Replaces the rows of the programme's grade with `rows` (each: subject_id, hours,
 * component, split_in_groups, split_language, standard_hours, advanced_hours; their
 * order is their position). Creates the ТОЖ when missing; *id_out gets its id. */
int typical_replace(struct db *db, const char *programme, int grade, json_t *rows, int64_t *id_out);

/* --- the ЖОЖ (CUR-2) --- */

/* A school's ЖОЖ without rows: {"id","school_id","academic_year_id","academic_year",
 * "status","council_date","protocol_number","approved_by","approved_at","rows_count"}. */
json_t *school_curricula_list(struct db *db, int64_t school_id);
/* One ЖОЖ with its rows (of one grade when grade != 0). */
json_t *school_curriculum_get(struct db *db, int64_t id, int grade);
/* The ЖОЖ of an academic year: DB_ROW and *id_out, or DB_DONE. */
int school_curriculum_of_year(struct db *db, int64_t year_id, int64_t *id_out);
/* Creates the draft ЖОЖ of a school's year with every row of the ТОЖ of `programme`.
 * *rows_out gets the number of rows copied (0: the ТОЖ is empty; the caller refuses). */
int school_curriculum_generate(struct db *db, int64_t school_id, int64_t year_id, const char *programme,
			       int64_t *id_out, int64_t *rows_out);
/* Inserts or replaces the row of (grade, subject_id) with the fields of `row`. */
int school_curriculum_put_row(struct db *db, int64_t id, json_t *row);
/* Removes the row of (grade, subject_id); DB_DONE whether or not it was there. */
int school_curriculum_remove_row(struct db *db, int64_t id, int grade, int64_t subject_id);
/* Records the Pedagogical council's decision and the approval. */
int school_curriculum_approve(struct db *db, int64_t id, const char *council_date, const char *protocol,
			      int64_t user_id);
/* Touches updated_at after rows changed. */
int school_curriculum_touch(struct db *db, int64_t id);
/* The school of a ЖОЖ, or 0 when there is none. */
int64_t school_curriculum_school(struct db *db, int64_t id);

/* --- groups (CUR-3) --- */

/* {"id","class_id","subject": {...},"subject_id","name","members": [{"student_id",
 * "last_name","first_name","middle_name"}] (alphabetical),"size"}. */
json_t *groups_get(struct db *db, int64_t id);
/* The groups of a class by subject code and name. */
json_t *groups_of_class(struct db *db, int64_t class_id);
/* The studying students of a class as [{"id","sort_key"}]. */
json_t *groups_class_students(struct db *db, int64_t class_id);
/* How many groups the class has for the subject. */
int64_t groups_count(struct db *db, int64_t class_id, int64_t subject_id);
int groups_insert(struct db *db, int64_t class_id, int64_t subject_id, const char *name, int64_t *id_out);
int groups_add_member(struct db *db, int64_t group_id, int64_t student_id);
/* The group of the class and subject the student is in: DB_ROW and *group_out, or DB_DONE. */
int groups_member_of(struct db *db, int64_t class_id, int64_t subject_id, int64_t student_id,
		     int64_t *group_out);
int groups_remove_member(struct db *db, int64_t group_id, int64_t student_id);
/* The class of a group, or 0. */
int64_t groups_class(struct db *db, int64_t group_id);
/* The subject of a group, or 0. */
int64_t groups_subject(struct db *db, int64_t group_id);

/* --- high-school choice (CUR-4..CUR-7) --- */

/* Every application of a student, newest year first: {"id","student_id",
 * "academic_year_id","academic_year","representative_id","math_programme","filed_on",
 * "order": {"id","number","date"} or null, "subjects": [{"subject_id","subject",
 * "level","language"}]}; `language` is "en" when CUR-7 applies, else `class_language`. */
json_t *choices_of_student(struct db *db, int64_t student_id, const char *class_language);
/* The application of a student for a year: DB_ROW and *id_out, or DB_DONE. */
int choices_find(struct db *db, int64_t student_id, int64_t year_id, int64_t *id_out);
/* Inserts or replaces the application (header and subjects) from `a`: academic_year_id,
 * representative_id, math_programme, filed_on, subjects [{subject_id, level}]. */
int choices_save(struct db *db, int64_t student_id, json_t *a, int64_t user_id, int64_t *id_out);
int choice_orders_insert(struct db *db, int64_t school_id, int64_t year_id, const char *number,
			 const char *date, int64_t user_id, int64_t *id_out);
int choices_fix(struct db *db, int64_t application_id, int64_t order_id);

/* --- the teaching load (CUR-9) --- */

/* {"academic_year_id","teachers": [{"staff_id","last_name","first_name","middle_name",
 * "set_hours","elective_hours","club_hours","lesson_hours"}], "assignments": [{"id",
 * "staff_id","class_id","class","group_id","group","subject_id","subject","hours"}]}. */
json_t *load_get(struct db *db, int64_t school_id, int64_t year_id);
/* Replaces the load of the year with `teachers` and `assignments` (each assignment
 * with its class_id filled in). */
int load_replace(struct db *db, int64_t school_id, int64_t year_id, json_t *teachers, json_t *assignments);
/* The units of the ЖОЖ for the year's classes (each split subject per group, when the
 * class has groups for it) as a JSON array of [class_id, group_id, subject_id, hours],
 * and the assigned hours in the same shape. */
json_t *load_plan_units(struct db *db, int64_t year_id, int64_t curriculum_id);
json_t *load_assigned_units(struct db *db, int64_t year_id);
/* Names for a report: {"classes": {"<id>": "7А"}, "groups": {"<id>": "1"}, "subjects":
 * {"<id>": {"id","code","name"}}} of the year's classes and groups and every subject. */
json_t *load_names(struct db *db, int64_t year_id);
/* 1 when the teacher (staff id) has hours of the subject in a class of `grade` in the year. */
int load_teaches(struct db *db, int64_t year_id, int64_t staff_id, int64_t subject_id, int grade);

/* --- КТЖ (CUR-10) --- */

/* {"school_id","academic_year_id","subject_id","grade","topics": [{"position","title",
 * "hours"}],"total_hours"}. */
json_t *ktp_get(struct db *db, int64_t school_id, int64_t year_id, int64_t subject_id, int grade);
/* Replaces the topics with `topics` ([{title, hours}], positions 1..n in order),
 * keeping the ids of the topics it keeps (core/ktp.h ktp_match: by title, then by place):
 * those are updated in place, the others inserted; the old topics not kept are deleted
 * and the lessons planned or pinned on them lose their topic (lessons.ktp_topic_id,
 * ktp_pinned). */
int ktp_replace(struct db *db, int64_t school_id, int64_t year_id, int64_t subject_id, int grade,
		json_t *topics);

#endif
