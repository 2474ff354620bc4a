/* journal (store) — one lesson's journal (JRN-1, JRN-2, ASM-2; migration 007): the
 * lesson with its roster and what was recorded — held or missed, the topic, the
 * homework, attendance, formative marks, a summative work and its scores — saved whole
 * in the caller's transaction; the substitute of a lesson; the terms a lesson falls in,
 * their closing and the deputy's unlocks. Records travel as JSON in the API's shape
 * (conventions of org.h). The views over many lessons are journal_views.h. */
#ifndef MEKTEP_STORE_JOURNAL_H
#define MEKTEP_STORE_JOURNAL_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/*
 * A lesson and its journal: {"id","school_id","academic_year_id","semester","date",
 * "period","starts_at","ends_at", "class","group","subject","teacher","room" (store/parts.h),
 * "planned_topic": {"id","position","title"} or null (the КТЖ plan, CUR-10),
 * "cover": {"staff_id","last_name","first_name","middle_name","reason"} or null,
 * "status": "held" | "missed" | null (nothing saved yet), "missed_reason", "topic_id",
 * "topic", "homework", "attendance_marked": bool, "filled_at",
 * "work": {"kind","title","max_points"} or null,
 * "students": [{"id","last_name","first_name","middle_name","attendance": "present" |
 *   "absent" | "late", "reason", "mark", "points", "away": null | {"status": "externship" |
 *   "academic_leave","starts_on","planned_ends_on","order_number","ordered_on"}}] in the
 *   order of the class list; a student away that day (EXT-8, LV-5) is listed, not expected}.
 * NULL when there is no such lesson (or on error: db->lost).
 */
json_t *journal_lesson_get(struct db *db, int64_t lesson_id);

/* What the audit log keeps of a lesson's journal: {"status","missed_reason","topic_id",
 * "topic","homework","attendance_marked","attendance": {"<student>": "absent:illness" |
 * "late"},"marks": {"<student>": n},"work": null | {"kind","title","max_points",
 * "scores": {"<student>": n}}}. NULL on error. */
json_t *journal_snapshot(struct db *db, int64_t lesson_id);

/*
 * Replaces the lesson's journal with `j` (checked by the caller): {"status","missed_reason",
 * "topic_id","topic","homework","attendance": [{"student_id","status","reason"}] or null
 * (roll not taken), "marks": [{"student_id","mark"}], "work": null | {"kind","title",
 * "max_points","scores": [{"student_id","points"}]}}. A student the roll does not list
 * was present; "present" entries write nothing. Returns DB_OK or a negative rc.
 */
int journal_lesson_save(struct db *db, int64_t lesson_id, json_t *j, int64_t user_id);

/* The ids of the students expected at the lesson (its roster without those away on
 * externship or leave that day) into *out (malloc'd, ascending); their count, or -1. */
long journal_roster_ids(struct db *db, int64_t lesson_id, int64_t **out);

/* JRN-1: the substitute of a lesson (staff_id 0 takes it away). */
int journal_cover_set(struct db *db, int64_t lesson_id, int64_t staff_id, const char *reason, int64_t user_id);
/* Whether staff_id covers the lesson. */
int journal_covers(struct db *db, int64_t lesson_id, int64_t staff_id);

/* The term (1..) of the year that holds `date`, or 0 when none does (or on error). */
int journal_term_of(struct db *db, int64_t year_id, const char *date);
/* Whether the term is closed: 1, 0, or a negative rc. */
int journal_term_closed(struct db *db, int64_t year_id, int term);
/* The latest end of an unlock of (year, term, class, subject) into until[21] ("" when
 * none). DB_OK or a negative rc. */
int journal_unlock_until(struct db *db, int64_t year_id, int term, int64_t class_id, int64_t subject_id,
			 char until[21]);
/* Closes a term (its lessons' journals lock). DB_OK, DB_DONE when it was closed, or rc. */
int journal_term_close(struct db *db, int64_t year_id, int term, int64_t user_id);
/* The deputy's unlock of one class-subject in a closed term until `until`; *id_out. */
int journal_unlock_add(struct db *db, int64_t year_id, int term, int64_t class_id, int64_t subject_id,
		       const char *reason, const char *until, int64_t user_id, int64_t *id_out);
/* The closings of a year's terms: [{"term","closed_at","closed_by"}]. */
json_t *journal_closures(struct db *db, int64_t year_id);

#endif
