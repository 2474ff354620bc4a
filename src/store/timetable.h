/* timetable — queries of the timetable: a school's bell schedule (CAL-6, ORG-7) and
 * rooms, the versions of a semester's weekly timetable with their entries (TT-1..TT-3),
 * what the report compares them with (the ЖОЖ, the teachers' set loads), and the dated
 * lessons laid from an approved version over the calendar.
 *
 * Records come and go as JSON objects in the API's shape (as in org.h). Getters return
 * a new reference, or NULL when there is no such row (check db->lost to tell a
 * failure). Writers return DB_OK or a negative db rc. Entries also move as arrays of
 * struct tt_entry (core/timetable.h), malloc'd, which the caller frees. */
#ifndef MEKTEP_STORE_TIMETABLE_H
#define MEKTEP_STORE_TIMETABLE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/timetable.h"
#include "store/db.h"

/* The network settings of the bell schedule check (table settings, migration 004; read
 * with settings_get_int of store/curriculum.h). */
#define SETTING_MEAL_BREAK "meal_break_minutes"
#define SETTING_MIN_BREAK "min_break_minutes"

/* --- the bell schedule --- */

/*
 * {"school_id", "lesson_minutes", "saturday" (bool), "periods": [{"number",
 *  "starts_at", "ends_at" ('HH:MM'), "meal_after" (bool)}, …] by number,
 *  "meal_break_minutes", "min_break_minutes", "updated_at" (null when never saved)}.
 * A school that never saved one has 40 minutes, no Saturdays and no periods.
 */
json_t *bells_get(struct db *db, int64_t school_id);
/* Replaces the school's schedule with `b` (lesson_minutes, saturday, periods as above;
 * the caller has checked them). */
int bells_save(struct db *db, int64_t school_id, json_t *b, int64_t user_id);
/* Fills *out from a schedule in the shape above: 0, or -1 when a time does not parse or
 * there are more than TT_MAX_PERIODS periods. */
int bells_to_core(json_t *b, struct tt_bells *out);

/* --- rooms --- */

/* {"id", "school_id", "name", "capacity" (or null), "subjects": [{"id", "code",
 *  "name"}]} — the subjects the room serves, none for any. */
json_t *rooms_get(struct db *db, int64_t id);
/* The school's rooms by name. */
json_t *rooms_list(struct db *db, int64_t school_id);
/* Inserts {"school_id", "name", "capacity", "subjects": [{"subject_id"}]}. DB_CONSTRAINT
 * when the school has a room of that name. */
int rooms_insert(struct db *db, json_t *room, int64_t *id_out);

/* --- versions --- */

/*
 * {"id", "school_id", "academic_year_id", "semester", "number", "status",
 *  "based_on" (or null), "reason", "created_by": {"id", "login"} (or null),
 *  "created_at", "updated_at", "approved_by" (as created_by), "approved_at",
 *  "committee_date", "committee_note", "superseded_at", "laid_at", "entries_count"}.
 */
json_t *timetables_get(struct db *db, int64_t id);
/* The school's versions, of one academic year when year_id != 0, newest first. */
json_t *timetables_list(struct db *db, int64_t school_id, int64_t year_id);
/* A new draft for {"school_id", "academic_year_id", "semester", "based_on", "reason"},
 * numbered after the semester's last version; created_by `user_id` (0: none). */
int timetables_insert(struct db *db, json_t *t, int64_t user_id, int64_t *id_out);
/* TT-3: approves the version and supersedes the semester's approved one (if another),
 * recording who, when (`at`) and the parents' committee's date and note. */
int timetables_approve(struct db *db, int64_t id, int64_t user_id, const char *at,
		       const char *committee_date, const char *note);
/* Marks the version's entries changed (updated_at = now). */
int timetables_touch(struct db *db, int64_t id);

/* --- entries --- */

/* The version's entries as the API shows them, by weekday, period and class:
 * {"id", "weekday", "period", "class": {"id", "label", "grade"}, "group": {"id", "name"}
 *  or null, "subject": {"id", "code", "name"}, "teacher": {"id", "last_name",
 *  "first_name", "middle_name"}, "room": {"id", "name"} or null, "locked"}.
 * class_id / staff_id != 0 keep those of one class (its groups too) / one teacher. */
json_t *timetable_entries_json(struct db *db, int64_t timetable_id, int64_t class_id, int64_t staff_id);
/* The version's entries as core records (ids, classes' grades), by id. DB_OK or a rc. */
int timetable_entries_load(struct db *db, int64_t timetable_id, struct tt_entry **out, size_t *n);
/* Writes the version's entries so that they are exactly entries[0..n): entries whose id
 * is 0 are inserted (their id is set), those with an id are updated, and saved entries
 * whose id is not among them are deleted. */
int timetable_entries_store(struct db *db, int64_t timetable_id, struct tt_entry *entries, size_t n);
/* Copies every entry of version `from` into version `to`. */
int timetable_entries_copy(struct db *db, int64_t from, int64_t to);

/* Describes entries for a clash reply: {"id" (or null), "index" (or null), "weekday",
 * "period", "class", "group", "subject", "teacher", "room"} with the names as above.
 * `index` is the entry's place in the request (or -1 for a saved entry not in it). */
json_t *timetable_entry_describe(struct db *db, const struct tt_entry *e, long index);

/* Pairs of different groups of one class that share a student, among the classes of
 * the academic year (CUR-3 groups, their members). DB_OK or a rc; *out malloc'd. */
int timetable_group_overlaps(struct db *db, int64_t year_id, struct tt_group_pair **out, size_t *n);

/* What entries may refer to, read once for a save: each table sorted by id, with a
 * value per row — the classes of the version's academic year (value: grade), their
 * groups (value: the group's class; in group_subjects: its subject), the school's
 * active staff, the school's rooms, and every subject (values 0). */
struct timetable_ref {
	int64_t id, value;
};
struct timetable_ref_table {
	struct timetable_ref *rows;
	size_t n;
};
struct timetable_refs {
	struct timetable_ref_table classes, groups, group_subjects, staff, rooms, subjects;
};
/* Reads the tables into *out; release with timetable_refs_release. DB_OK or a rc. */
int timetable_refs_load(struct db *db, int64_t school_id, int64_t year_id, struct timetable_refs *out);
void timetable_refs_release(struct timetable_refs *r);
/* The row of `id`, or NULL when the table has none. */
const struct timetable_ref *timetable_ref_find(const struct timetable_ref_table *t, int64_t id);

/* --- the report (TT-1) --- */

/* What the ЖОЖ of the version's academic year asks of each class (each split subject
 * per group when the class has groups for it): *has_curriculum 0 when the year has no
 * ЖОЖ (then *n is 0). And the teachers' set loads (CUR-9) of the year. */
int timetable_plan(struct db *db, int64_t year_id, struct tt_hours **out, size_t *n, int *has_curriculum);
int timetable_loads(struct db *db, int64_t year_id, struct tt_load **out, size_t *n);
/* Names for the report: {"classes": {"<id>": "7А"}, "groups": {"<id>": "1"},
 * "subjects": {"<id>": {"id", "code", "name"}}, "teachers": {"<id>": {"id",
 * "last_name", "first_name", "middle_name"}}} of the school and year. */
json_t *timetable_report_names(struct db *db, int64_t school_id, int64_t year_id);

/* --- dated lessons --- */

enum timetable_lay_rc {
	LAY_OK = 0,
	LAY_NOT_APPROVED = 1, /* only an approved version is laid */
	LAY_NO_CALENDAR = 2,  /* the academic year has no terms (CAL-1) */
	LAY_BAD_FROM = 3,     /* `from` is not inside the semester */
};

struct timetable_lay_result {
	char from[11], to[11];     /* the dates laid over */
	int64_t days;              /* study days in them */
	int64_t inserted, updated, removed, kept; /* lessons */
	int64_t journaled; /* lessons the version drops but kept: their journal was filled */
};

/*
 * Lays the approved version `timetable_id` over the study days of its semester from
 * `from` ('YYYY-MM-DD'; NULL: the semester's first day, or for a version approved after
 * another of the semester, the later of that and the approval's Kazakhstan date) to
 * the semester's last day: the semester's lessons from `from` on become exactly those
 * of the version. A lesson already there with the same date, period, class, group,
 * subject and teacher is kept (room and origin updated), so laying twice changes
 * nothing and a correction keeps the lessons it does not move. Lessons before `from`
 * are never touched, nor is a lesson whose journal was filled or that has a substitute
 * (counted in `journaled`). Runs in the caller's transaction. Returns a timetable_lay_rc, or a
 * negative db rc; fills *out.
 */
int timetable_lay(struct db *db, int64_t timetable_id, const char *from, struct timetable_lay_result *out);

/* The dated lessons of a class (its groups too) or of a teacher, from..to (dates),
 * by date and period: {"id", "date", "period", "starts_at", "ends_at" (or null),
 * "class", "group", "subject", "teacher", "room" (as entries), "timetable_id",
 * "entry_id"}. `which` is "class" or "staff". */
json_t *lessons_list(struct db *db, const char *which, int64_t id, const char *from, const char *to);

#endif
