/* journal_views (store) — the journal read over many lessons (JRN-1..JRN-4, ASM-2):
 * a teacher's day, the grid of a class-subject for a term, the figures a term result is
 * computed from, a student's diary for a week, what is late in a school, and the month's
 * report of lessons held, missed and covered. Readers only; every list is ordered.
 * A "unit" is one class's lessons of one subject — the whole class's and its groups'
 * (group 0) or one group's. Dates are 'YYYY-MM-DD', ranges inclusive. */
#ifndef MEKTEP_STORE_JOURNAL_VIEWS_H
#define MEKTEP_STORE_JOURNAL_VIEWS_H

#include <jansson.h>
#include <stdint.h>

#include "core/date.h"
#include "store/db.h"
#include "util/buf.h"

/* The lessons a teacher (staff id) teaches or covers from..to: [{"id","date","period",
 * "starts_at","ends_at", parts (store/parts.h), "status","topic","homework",
 * "attendance_marked","planned_topic","covered": bool (they cover it),
 * "cover_staff_id" (someone covers theirs, or null)}] by date and period. */
json_t *journal_teacher_lessons(struct db *db, int64_t staff_id, const char *from, const char *to);

/* The grid of a unit from..to: {"lessons": [{"id","date","period","status","topic",
 * "attendance_marked","work": {"kind","title","max_points"} | null}],
 * "students": [{"id","last_name","first_name","middle_name"}],
 * "absences": [[lesson, student, "absent"|"late", reason|null]], "marks": [[lesson,
 * student, mark]], "scores": [[lesson, student, points]]}. */
json_t *journal_grid(struct db *db, int64_t class_id, int64_t group_id, int64_t subject_id, const char *from,
		     const char *to);

/* The figures of each student of a unit from..to: [{"id","last_name","first_name",
 * "middle_name","formative_sum","formative_count","section_points","section_max",
 * "term_points","term_max"}] in class-list order. A summative work counts for a
 * student who has a score in it. */
json_t *journal_unit_figures(struct db *db, int64_t class_id, int64_t group_id, int64_t subject_id,
			     const char *from, const char *to);

/* One student's figures per subject from..to: {"<subject id>": {"subject": {"id","code",
 * "name"},"formative_sum","formative_count","section_points","section_max","term_points",
 * "term_max"}}. */
json_t *journal_student_figures(struct db *db, int64_t student_id, const char *from, const char *to);

/* A student's week from `monday` (the class's lessons, and their groups') written as
 * JSON text into out: [{"date","weekday" (1..6),"lessons": [{"id","date","period",
 * "starts_at","ends_at","subject": {"id","code","name"},"teacher": {"id","last_name",
 * "first_name","middle_name"},"cover": {…} | null,"room","status","topic","homework",
 * "attendance" (null where the roll was not taken),"reason","mark","work": {"kind",
 * "title","max_points","points"} | null}]}], Monday to Friday and Saturday when it has
 * lessons. Text, not a jansson tree: the diary is the hottest read (bench/README.md).
 * DB_OK or a negative rc. */
int journal_student_week(struct db *db, int64_t student_id, struct date monday, struct buf *out);

/* The lessons of a school from..to (to: the day before today) whose journal is not
 * complete — no journal, or held without a topic or without the roll — with the
 * teacher answerable (the substitute when there is one): [{"id","date","period",
 * "staff_id","last_name","first_name","middle_name","class","subject","has_topic",
 * "attendance_marked"}] by teacher, date, period. */
json_t *journal_incomplete(struct db *db, int64_t school_id, const char *from, const char *to);

/* JRN-1: per teacher of a school, from..to: [{"staff_id","last_name","first_name",
 * "middle_name","scheduled","held","missed","not_filled","given_to_substitute",
 * "covered"}] in name order; only teachers with lessons or covers. */
json_t *journal_month_report(struct db *db, int64_t school_id, const char *from, const char *to);

#endif
