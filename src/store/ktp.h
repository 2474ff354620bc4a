/* ktp (store) — the КТЖ laid over the dated lessons (CUR-10): each lesson's planned
 * topic and whether the teacher pinned it there (lessons.ktp_topic_id, ktp_pinned of
 * migration 005). A "unit" is one class's lessons of one subject, either the whole
 * class's (group 0) or one group's. Conventions of org.h; writers run inside the
 * caller's transaction. The rule of the lay is core/ktp.h. */
#ifndef MEKTEP_STORE_KTP_H
#define MEKTEP_STORE_KTP_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/* A dated lesson as the plan sees it: {"id","school_id","academic_year_id","class_id",
 * "grade","group_id" (null),"subject_id","date","period","topic": {"id","position",
 * "title","hours","pinned"} or null}; NULL when there is no such lesson. */
json_t *ktp_lesson_get(struct db *db, int64_t lesson_id);
/* The year, subject and grade of a КТЖ topic: DB_ROW, or DB_DONE when there is none. */
int ktp_topic_of(struct db *db, int64_t topic_id, int64_t *year, int64_t *subject, int *grade);
/* Pins topic_id to the lesson (0: takes the pin off). */
int ktp_lesson_pin(struct db *db, int64_t lesson_id, int64_t topic_id);
/* The units of a class and subject that have lessons, as a JSON array of group ids (0
 * for the whole class), whole class first. */
json_t *ktp_units(struct db *db, int64_t class_id, int64_t subject_id);

struct ktp_lay_counts {
	int64_t lessons; /* the unit's lessons */
	int64_t planned; /* of them with a topic */
	int64_t changed; /* lessons whose topic or pin the lay changed */
	int64_t not_placed; /* topics with hours left without a lesson */
};
/* Lays the КТЖ of (year, subject, grade) over one unit's lessons (core/ktp.h) and writes
 * the lessons whose planned topic changed. */
int ktp_plan_lay(struct db *db, int64_t year, int64_t class_id, int64_t group_id, int64_t subject_id, int grade,
		 struct ktp_lay_counts *out);
/* The plan of one unit: {"lessons": [lesson (as ktp_lesson_get, without school and
 * year)], "not_placed": [{"id","position","title","hours","placed_hours"}], "topics_count",
 * "total_hours"}. */
json_t *ktp_plan_get(struct db *db, int64_t year, int64_t class_id, int64_t group_id, int64_t subject_id,
		     int grade);
/* 1 when the teacher (staff id) has hours of the subject in the class — in the group,
 * or the whole class — in the teaching load (CUR-9). */
int ktp_load_teaches_unit(struct db *db, int64_t staff_id, int64_t class_id, int64_t group_id, int64_t subject_id);

#endif
