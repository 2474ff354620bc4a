/* timetable — bell schedules, rooms, timetable versions and entries, the report's
 * inputs, and the dated lessons laid from an approved version (see timetable.h). */
#include "store/timetable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/calendar.h"
#include "store/curriculum.h"
#include "store/db_copy.h"
#include "store/parts.h"
#include "store/row.h"

/* --- the bell schedule --- */

static json_t *period_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "number", row_int(st, 0), "starts_at", row_text(st, 1),
			 "ends_at", row_text(st, 2), "meal_after", row_bool(st, 3));
}

json_t *bells_get(struct db *db, int64_t school_id)
{
	struct db_stmt *st = db_prepare(db, "SELECT lesson_minutes, saturday, updated_at FROM bell_schedules"
					    " WHERE school_id = $1");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	int rc = db_step(st);
	json_t *b = json_pack("{s:I, s:i, s:b, s:o}", "school_id", (json_int_t)school_id, "lesson_minutes",
			      rc == DB_ROW ? (int)db_col_int64(st, 0) : TT_LESSON_MINUTES, "saturday",
			      rc == DB_ROW && db_col_int64(st, 1) != 0, "updated_at",
			      rc == DB_ROW ? row_text(st, 2) : json_null());
	db_done(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		json_decref(b);
		return NULL;
	}
	st = db_prepare(db, "SELECT number, starts_at, ends_at, meal_after FROM bell_periods"
			    " WHERE school_id = $1 ORDER BY number");
	json_t *periods = NULL;
	if (st) {
		db_bind_int64(st, 1, school_id);
		periods = row_collect(st, period_row);
	}
	if (!periods) {
		json_decref(b);
		return NULL;
	}
	json_object_set_new(b, "periods", periods);
	json_object_set_new(b, "meal_break_minutes",
			    json_integer((json_int_t)settings_get_int(db, SETTING_MEAL_BREAK, TT_MEAL_BREAK_MINUTES)));
	json_object_set_new(b, "min_break_minutes",
			    json_integer((json_int_t)settings_get_int(db, SETTING_MIN_BREAK, TT_MIN_BREAK_MINUTES)));
	return b;
}

int bells_save(struct db *db, int64_t school_id, json_t *b, int64_t user_id)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "INSERT INTO bell_schedules (school_id, lesson_minutes, saturday, updated_at,"
			    " updated_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (school_id) DO UPDATE SET"
			    " lesson_minutes = excluded.lesson_minutes, saturday = excluded.saturday,"
			    " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
			user_id ? "iiisi" : "iiisn", school_id,
			(int64_t)json_integer_value(json_object_get(b, "lesson_minutes")),
			(int64_t)json_is_true(json_object_get(b, "saturday")), now, user_id);
	if (rc < 0)
		return rc;
	rc = db_run(db, "DELETE FROM bell_periods WHERE school_id = $1", "i", school_id);
	size_t i;
	json_t *p;
	json_array_foreach(json_object_get(b, "periods"), i, p) {
		if (rc < 0)
			break;
		rc = db_run(db, "INSERT INTO bell_periods (school_id, number, starts_at, ends_at, meal_after)"
				" VALUES ($1, $2, $3, $4, $5)", "iissi", school_id,
			    (int64_t)json_integer_value(json_object_get(p, "number")),
			    json_string_value(json_object_get(p, "starts_at")),
			    json_string_value(json_object_get(p, "ends_at")),
			    (int64_t)json_is_true(json_object_get(p, "meal_after")));
	}
	return rc < 0 ? rc : DB_OK;
}

int bells_to_core(json_t *b, struct tt_bells *out)
{
	memset(out, 0, sizeof *out);
	out->lesson_minutes = (int)json_integer_value(json_object_get(b, "lesson_minutes"));
	json_t *periods = json_object_get(b, "periods");
	if (json_array_size(periods) > TT_MAX_PERIODS)
		return -1;
	size_t i;
	json_t *p;
	json_array_foreach(periods, i, p) {
		struct tt_period *tp = &out->periods[i];
		tp->number = (int)json_integer_value(json_object_get(p, "number"));
		tp->meal_after = json_is_true(json_object_get(p, "meal_after"));
		if (tt_parse_hhmm(json_string_value(json_object_get(p, "starts_at")), &tp->starts_at) != 0 ||
		    tt_parse_hhmm(json_string_value(json_object_get(p, "ends_at")), &tp->ends_at) != 0)
			return -1;
		out->n++;
	}
	return 0;
}

/* --- rooms --- */

static json_t *room_subject_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "id", row_int(st, 0), "code", row_text(st, 1), "name",
			 row_names(st, 2));
}

static json_t *room_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "school_id", row_int(st, 1), "name",
			 row_text(st, 2), "capacity", row_int(st, 3));
}

/* Adds "subjects" to each room of `rooms` (a list, or one room when `one`). */
static json_t *with_subjects(struct db *db, json_t *rooms)
{
	size_t i;
	json_t *r;
	json_array_foreach(rooms, i, r) {
		struct db_stmt *st = db_prepare(db, "SELECT s.id, s.code, s.name_kk, s.name_ru, s.name_en"
						    " FROM room_subjects rs JOIN subjects s ON s.id = rs.subject_id"
						    " WHERE rs.room_id = $1 ORDER BY s.code");
		json_t *subjects = NULL;
		if (st) {
			db_bind_int64(st, 1, json_integer_value(json_object_get(r, "id")));
			subjects = row_collect(st, room_subject_row);
		}
		if (!subjects) {
			json_decref(rooms);
			return NULL;
		}
		json_object_set_new(r, "subjects", subjects);
	}
	return rooms;
}

json_t *rooms_get(struct db *db, int64_t id)
{
	json_t *r = row_get_one(db, "SELECT id, school_id, name, capacity FROM rooms WHERE id = $1", id, room_row);
	if (!r)
		return NULL;
	json_t *list = with_subjects(db, json_pack("[o]", r));
	json_t *one = list ? json_incref(json_array_get(list, 0)) : NULL;
	json_decref(list);
	return one;
}

json_t *rooms_list(struct db *db, int64_t school_id)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, school_id, name, capacity FROM rooms"
					    " WHERE school_id = $1 ORDER BY name, id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	json_t *rooms = row_collect(st, room_row);
	return rooms ? with_subjects(db, rooms) : NULL;
}

int rooms_insert(struct db *db, json_t *room, int64_t *id_out)
{
	static const char *const fields[] = {"school_id", "name", "capacity", NULL};
	int rc = row_write(db, "INSERT INTO rooms (school_id, name, capacity, created_at, updated_at)"
			       " VALUES ($1, $2, $3, $4, $4) RETURNING id",
			   room, fields, 0, id_out);
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(room, "subjects"), i, s) {
		if (rc != DB_OK)
			break;
		rc = db_run(db, "INSERT INTO room_subjects (room_id, subject_id) VALUES ($1, $2)"
				" ON CONFLICT DO NOTHING", "ii", *id_out,
			    (int64_t)json_integer_value(json_object_get(s, "subject_id")));
		rc = rc < 0 ? rc : DB_OK;
	}
	return rc;
}

/* --- versions --- */

#define TIMETABLE_COLUMNS \
	"t.id, t.school_id, t.academic_year_id, t.semester, t.number, t.status, t.based_on, t.reason," \
	" t.created_by, cu.login, t.created_at, t.updated_at, t.approved_by, au.login, t.approved_at," \
	" t.committee_date, t.committee_note, t.superseded_at, t.laid_at," \
	" (SELECT COUNT(*) FROM timetable_entries e WHERE e.timetable_id = t.id)" \
	" FROM timetables t LEFT JOIN users cu ON cu.id = t.created_by" \
	" LEFT JOIN users au ON au.id = t.approved_by"

/* {"id", "login"} of a user at columns col, col+1, or null. */
static json_t *user_ref(struct db_stmt *st, int col)
{
	if (db_col_is_null(st, col))
		return json_null();
	return json_pack("{s:o, s:o}", "id", row_int(st, col), "login", row_text(st, col + 1));
}

static json_t *timetable_row(struct db_stmt *st)
{
	json_t *t = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0),
			      "school_id", row_int(st, 1), "academic_year_id", row_int(st, 2), "semester",
			      row_int(st, 3), "number", row_int(st, 4), "status", row_text(st, 5), "based_on",
			      row_int(st, 6), "reason", row_text(st, 7), "created_by", user_ref(st, 8),
			      "created_at", row_text(st, 10), "updated_at", row_text(st, 11));
	json_object_set_new(t, "approved_by", user_ref(st, 12));
	json_object_set_new(t, "approved_at", row_text(st, 14));
	json_object_set_new(t, "committee_date", row_text(st, 15));
	json_object_set_new(t, "committee_note", row_text(st, 16));
	json_object_set_new(t, "superseded_at", row_text(st, 17));
	json_object_set_new(t, "laid_at", row_text(st, 18));
	json_object_set_new(t, "entries_count", row_int(st, 19));
	return t;
}

json_t *timetables_get(struct db *db, int64_t id)
{
	return row_get_one(db, "SELECT " TIMETABLE_COLUMNS " WHERE t.id = $1", id, timetable_row);
}

json_t *timetables_list(struct db *db, int64_t school_id, int64_t year_id)
{
	struct db_stmt *st = db_prepare(db, "SELECT " TIMETABLE_COLUMNS " WHERE t.school_id = $1 AND"
					    " ($2 = 0 OR t.academic_year_id = $2)"
					    " ORDER BY t.academic_year_id DESC, t.semester DESC, t.number DESC");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	return row_collect(st, timetable_row);
}

int timetables_insert(struct db *db, json_t *t, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	json_t *based = json_object_get(t, "based_on");
	const char *reason = json_string_value(json_object_get(t, "reason"));
	int64_t year = json_integer_value(json_object_get(t, "academic_year_id"));
	int64_t semester = json_integer_value(json_object_get(t, "semester"));
	struct db_stmt *st = db_prepare(db,
		"INSERT INTO timetables (school_id, academic_year_id, semester, number, status, based_on,"
		" reason, created_by, created_at, updated_at) VALUES ($1, $2, $3,"
		" (SELECT COALESCE(MAX(number), 0) + 1 FROM timetables WHERE academic_year_id = $2"
		" AND semester = $3), 'draft', $4, $5, $6, $7, $7) RETURNING id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, json_integer_value(json_object_get(t, "school_id")));
	db_bind_int64(st, 2, year);
	db_bind_int64(st, 3, semester);
	if (json_is_integer(based))
		db_bind_int64(st, 4, json_integer_value(based));
	else
		db_bind_null(st, 4);
	db_bind_text(st, 5, reason);
	if (user_id)
		db_bind_int64(st, 6, user_id);
	else
		db_bind_null(st, 6);
	db_bind_text(st, 7, now);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*id_out = db_col_int64(st, 0);
	db_done(st);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

int timetables_approve(struct db *db, int64_t id, int64_t user_id, const char *at,
		       const char *committee_date, const char *note)
{
	int rc = db_run(db, "UPDATE timetables SET status = 'superseded', superseded_at = $2, updated_at = $2"
			    " WHERE status = 'approved' AND id <> $1 AND (academic_year_id, semester) ="
			    " (SELECT academic_year_id, semester FROM timetables WHERE id = $1)",
			"is", id, at);
	if (rc < 0)
		return rc;
	struct db_stmt *st = db_prepare(db, "UPDATE timetables SET status = 'approved', approved_by = $2,"
					    " approved_at = $3, committee_date = $4, committee_note = $5,"
					    " updated_at = $3 WHERE id = $1");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, id);
	if (user_id)
		db_bind_int64(st, 2, user_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, at);
	db_bind_text(st, 4, committee_date);
	db_bind_text(st, 5, note);
	rc = db_step(st);
	db_done(st);
	return rc < 0 ? rc : DB_OK;
}

int timetables_touch(struct db *db, int64_t id)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "UPDATE timetables SET updated_at = $2 WHERE id = $1", "is", id, now);
	return rc < 0 ? rc : DB_OK;
}

/* --- entries --- */

static json_t *entry_row(struct db_stmt *st)
{
	json_t *e = json_pack("{s:o, s:o, s:o}", "id", row_int(st, 0), "weekday", row_int(st, 1), "period",
			      row_int(st, 2));
	parts_put(e, st, 3);
	json_object_set_new(e, "locked", row_bool(st, 3 + PART_COUNT));
	return e;
}

json_t *timetable_entries_json(struct db *db, int64_t timetable_id, int64_t class_id, int64_t staff_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT x.id, x.weekday, x.period, " PART_COLUMNS ", x.locked FROM timetable_entries x" PART_JOINS
		" WHERE x.timetable_id = $1 AND ($2 = 0 OR x.class_id = $2) AND ($3 = 0 OR x.staff_id = $3)"
		" ORDER BY x.weekday, x.period, c.grade, c.letter, g.name, x.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, timetable_id);
	db_bind_int64(st, 2, class_id);
	db_bind_int64(st, 3, staff_id);
	return row_collect(st, entry_row);
}

static int entry_fill(struct db_stmt *st, void *item)
{
	*(struct tt_entry *)item = (struct tt_entry){
		.id = db_col_int64(st, 0), .weekday = (int)db_col_int64(st, 1), .period = (int)db_col_int64(st, 2),
		.class_id = db_col_int64(st, 3), .group_id = db_col_int64(st, 4), .subject_id = db_col_int64(st, 5),
		.staff_id = db_col_int64(st, 6), .room_id = db_col_int64(st, 7), .grade = (int)db_col_int64(st, 8),
		.locked = db_col_int64(st, 9) != 0,
	};
	return 0;
}

int timetable_entries_load(struct db *db, int64_t timetable_id, struct tt_entry **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_prepare(db,
		"SELECT e.id, e.weekday, e.period, e.class_id, COALESCE(e.group_id, 0), e.subject_id,"
		" e.staff_id, COALESCE(e.room_id, 0), c.grade, e.locked FROM timetable_entries e"
		" JOIN classes c ON c.id = e.class_id WHERE e.timetable_id = $1 ORDER BY e.id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, timetable_id);
	return row_collect_items(st, (void **)out, n, sizeof **out, entry_fill);
}

/* Binds an entry's fields as $first.. $first+8: weekday, period, class, group (NULL for
 * 0), subject, staff, room (NULL for 0), locked. */
static void bind_entry(struct db_stmt *st, int first, const struct tt_entry *e)
{
	db_bind_int64(st, first, e->weekday);
	db_bind_int64(st, first + 1, e->period);
	db_bind_int64(st, first + 2, e->class_id);
	if (e->group_id)
		db_bind_int64(st, first + 3, e->group_id);
	else
		db_bind_null(st, first + 3);
	db_bind_int64(st, first + 4, e->subject_id);
	db_bind_int64(st, first + 5, e->staff_id);
	if (e->room_id)
		db_bind_int64(st, first + 6, e->room_id);
	else
		db_bind_null(st, first + 6);
	db_bind_int64(st, first + 7, e->locked ? 1 : 0);
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Deletes the saved entries of the version whose ids are not in keep[0..nkeep) (sorted). */
static int delete_others(struct db *db, int64_t timetable_id, const int64_t *keep, size_t nkeep)
{
	struct tt_entry *saved;
	size_t nsaved;
	int rc = timetable_entries_load(db, timetable_id, &saved, &nsaved);
	for (size_t i = 0; i < nsaved && rc == DB_OK; i++) {
		if (nkeep && bsearch(&saved[i].id, keep, nkeep, sizeof *keep, cmp_id))
			continue;
		rc = db_run(db, "DELETE FROM timetable_entries WHERE id = $1", "i", saved[i].id);
		rc = rc < 0 ? rc : DB_OK;
	}
	free(saved);
	return rc;
}

int timetable_entries_store(struct db *db, int64_t timetable_id, struct tt_entry *entries, size_t n)
{
	int64_t *keep = malloc((n ? n : 1) * sizeof *keep);
	if (!keep)
		return DB_ERROR;
	size_t nkeep = 0;
	for (size_t i = 0; i < n; i++)
		if (entries[i].id)
			keep[nkeep++] = entries[i].id;
	qsort(keep, nkeep, sizeof *keep, cmp_id);
	int rc = nkeep ? delete_others(db, timetable_id, keep, nkeep)
		       : db_run(db, "DELETE FROM timetable_entries WHERE timetable_id = $1", "i", timetable_id);
	free(keep);
	rc = rc < 0 ? rc : DB_OK;
	for (size_t i = 0; i < n && rc == DB_OK; i++) {
		struct tt_entry *e = &entries[i];
		struct db_stmt *st = e->id
			? db_prepare(db, "UPDATE timetable_entries SET weekday = $1, period = $2, class_id = $3,"
					 " group_id = $4, subject_id = $5, staff_id = $6, room_id = $7, locked = $8"
					 " WHERE id = $9 AND timetable_id = $10")
			: db_prepare(db, "INSERT INTO timetable_entries (weekday, period, class_id, group_id,"
					 " subject_id, staff_id, room_id, locked, timetable_id)"
					 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id");
		if (!st)
			return DB_ERROR;
		bind_entry(st, 1, e);
		if (e->id) {
			db_bind_int64(st, 9, e->id);
			db_bind_int64(st, 10, timetable_id);
		} else {
			db_bind_int64(st, 9, timetable_id);
		}
		rc = db_step(st);
		if (rc == DB_ROW && !e->id)
			e->id = db_col_int64(st, 0);
		db_done(st);
		rc = rc == DB_ROW || rc == DB_DONE ? DB_OK : rc < 0 ? rc : DB_ERROR;
	}
	return rc == DB_OK ? timetables_touch(db, timetable_id) : rc;
}

int timetable_entries_copy(struct db *db, int64_t from, int64_t to)
{
	int rc = db_run(db, "INSERT INTO timetable_entries (timetable_id, weekday, period, class_id, group_id,"
			    " subject_id, staff_id, room_id, locked) SELECT $2, weekday, period, class_id,"
			    " group_id, subject_id, staff_id, room_id, locked FROM timetable_entries"
			    " WHERE timetable_id = $1 ORDER BY id", "ii", from, to);
	return rc < 0 ? rc : DB_OK;
}

json_t *timetable_entry_describe(struct db *db, const struct tt_entry *e, long index)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT " PART_COLUMNS " FROM classes c JOIN subjects s ON s.id = $3 JOIN staff f ON f.id = $4"
		" JOIN persons p ON p.id = f.person_id LEFT JOIN class_groups g ON g.id = $2"
		" LEFT JOIN rooms r ON r.id = $5 WHERE c.id = $1");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, e->class_id);
	db_bind_int64(st, 2, e->group_id);
	db_bind_int64(st, 3, e->subject_id);
	db_bind_int64(st, 4, e->staff_id);
	db_bind_int64(st, 5, e->room_id);
	json_t *d = json_pack("{s:o, s:o, s:i, s:i}", "id", e->id ? json_integer(e->id) : json_null(), "index",
			      index >= 0 ? json_integer(index) : json_null(), "weekday", e->weekday, "period",
			      e->period);
	if (db_step(st) == DB_ROW)
		parts_put(d, st, 0);
	db_done(st);
	return d;
}

static int pair_fill(struct db_stmt *st, void *item)
{
	*(struct tt_group_pair *)item = (struct tt_group_pair){db_col_int64(st, 0), db_col_int64(st, 1)};
	return 0;
}

int timetable_group_overlaps(struct db *db, int64_t year_id, struct tt_group_pair **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_prepare(db,
		"SELECT DISTINCT a.group_id, b.group_id FROM group_members a"
		" JOIN group_members b ON b.student_id = a.student_id AND b.group_id > a.group_id"
		" JOIN class_groups ga ON ga.id = a.group_id"
		" JOIN class_groups gb ON gb.id = b.group_id AND gb.class_id = ga.class_id"
		" JOIN classes c ON c.id = ga.class_id WHERE c.academic_year_id = $1");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, year_id);
	return row_collect_items(st, (void **)out, n, sizeof **out, pair_fill);
}

/* --- the references of entries --- */

static int ref_fill(struct db_stmt *st, void *item)
{
	*(struct timetable_ref *)item = (struct timetable_ref){db_col_int64(st, 0), db_col_int64(st, 1)};
	return 0;
}

/* Reads the two integer columns of `sql` (bound to `id`) into a table sorted by the
 * first. */
static int load_pairs(struct db *db, const char *sql, int64_t id, struct timetable_ref_table *t)
{
	memset(t, 0, sizeof *t);
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, id);
	int rc = row_collect_items(st, (void **)&t->rows, &t->n, sizeof *t->rows, ref_fill);
	if (rc == DB_OK && t->n)
		qsort(t->rows, t->n, sizeof *t->rows, cmp_id);
	return rc;
}

int timetable_refs_load(struct db *db, int64_t school_id, int64_t year_id, struct timetable_refs *out)
{
	memset(out, 0, sizeof *out);
	int rc = load_pairs(db, "SELECT id, grade FROM classes WHERE academic_year_id = $1", year_id, &out->classes);
	if (rc == DB_OK)
		rc = load_pairs(db, "SELECT g.id, g.class_id FROM class_groups g JOIN classes c ON c.id = g.class_id"
				    " WHERE c.academic_year_id = $1", year_id, &out->groups);
	if (rc == DB_OK)
		rc = load_pairs(db, "SELECT g.id, g.subject_id FROM class_groups g JOIN classes c"
				    " ON c.id = g.class_id WHERE c.academic_year_id = $1", year_id, &out->group_subjects);
	if (rc == DB_OK)
		rc = load_pairs(db, "SELECT id, 0 FROM staff WHERE school_id = $1 AND active = 1", school_id,
				&out->staff);
	if (rc == DB_OK)
		rc = load_pairs(db, "SELECT id, 0 FROM rooms WHERE school_id = $1", school_id, &out->rooms);
	if (rc == DB_OK)
		rc = load_pairs(db, "SELECT id, 0 FROM subjects WHERE id > $1", 0, &out->subjects);
	if (rc != DB_OK)
		timetable_refs_release(out);
	return rc;
}

void timetable_refs_release(struct timetable_refs *r)
{
	free(r->classes.rows);
	free(r->groups.rows);
	free(r->group_subjects.rows);
	free(r->staff.rows);
	free(r->rooms.rows);
	free(r->subjects.rows);
	memset(r, 0, sizeof *r);
}

const struct timetable_ref *timetable_ref_find(const struct timetable_ref_table *t, int64_t id)
{
	return t->n ? bsearch(&id, t->rows, t->n, sizeof *t->rows, cmp_id) : NULL;
}

/* --- the report --- */

static int hours_fill(struct db_stmt *st, void *item)
{
	*(struct tt_hours *)item = (struct tt_hours){db_col_int64(st, 0), db_col_int64(st, 1), db_col_int64(st, 2),
						     (int)db_col_int64(st, 3)};
	return 0;
}

int timetable_plan(struct db *db, int64_t year_id, struct tt_hours **out, size_t *n, int *has_curriculum)
{
	*out = NULL;
	*n = 0;
	int64_t curriculum = 0;
	int rc = db_query_int64(db, &curriculum, "SELECT id FROM school_curricula WHERE academic_year_id = $1",
				"i", year_id);
	*has_curriculum = rc == DB_ROW;
	if (rc != DB_ROW)
		return rc == DB_DONE ? DB_OK : rc;
	struct db_stmt *st = db_prepare(db,
		"SELECT c.id, COALESCE(g.id, 0), r.subject_id, r.hours FROM classes c"
		" JOIN school_curriculum_rows r ON r.curriculum_id = $2 AND r.grade = c.grade"
		" LEFT JOIN class_groups g ON g.class_id = c.id AND g.subject_id = r.subject_id"
		" WHERE c.academic_year_id = $1 AND r.hours > 0");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, year_id);
	db_bind_int64(st, 2, curriculum);
	return row_collect_items(st, (void **)out, n, sizeof **out, hours_fill);
}

int timetable_loads(struct db *db, int64_t year_id, struct tt_load **out, size_t *n)
{
	struct timetable_ref_table t;
	int rc = load_pairs(db, "SELECT staff_id, set_hours FROM teacher_loads WHERE academic_year_id = $1",
			    year_id, &t);
	*out = NULL;
	*n = 0;
	if (rc != DB_OK) {
		free(t.rows);
		return rc;
	}
	*out = malloc((t.n ? t.n : 1) * sizeof **out);
	if (!*out) {
		free(t.rows);
		return DB_ERROR;
	}
	for (size_t i = 0; i < t.n; i++)
		(*out)[i] = (struct tt_load){t.rows[i].id, (int)t.rows[i].value};
	*n = t.n;
	free(t.rows);
	return DB_OK;
}

/* Fills obj[key] with {"<col 0>": build(st)} of the rows of `sql` bound to id. */
static int map_into(struct db *db, json_t *obj, const char *key, const char *sql, int64_t id,
		    json_t *(*build)(struct db_stmt *))
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	json_t *map = json_object();
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		char key_text[24];
		snprintf(key_text, sizeof key_text, "%lld", (long long)db_col_int64(st, 0));
		json_object_set_new(map, key_text, build(st));
	}
	db_done(st);
	json_object_set_new(obj, key, map);
	return rc == DB_DONE ? 0 : -1;
}

static json_t *class_label_row(struct db_stmt *st)
{
	char label[32];
	snprintf(label, sizeof label, "%lld%s", (long long)db_col_int64(st, 1),
		 db_col_text(st, 2) ? db_col_text(st, 2) : "");
	return json_string(label);
}

static json_t *text_row(struct db_stmt *st)
{
	return row_text(st, 1);
}

static json_t *subject_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "id", row_int(st, 0), "code", row_text(st, 1), "name",
			 row_names(st, 2));
}

static json_t *teacher_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "last_name", row_text(st, 1),
			 "first_name", row_text(st, 2), "middle_name", row_text(st, 3));
}

json_t *timetable_report_names(struct db *db, int64_t school_id, int64_t year_id)
{
	json_t *names = json_object();
	if (map_into(db, names, "classes", "SELECT id, grade, letter FROM classes WHERE academic_year_id = $1",
		     year_id, class_label_row) ||
	    map_into(db, names, "groups", "SELECT g.id, g.name FROM class_groups g JOIN classes c"
					  " ON c.id = g.class_id WHERE c.academic_year_id = $1",
		     year_id, text_row) ||
	    map_into(db, names, "subjects", "SELECT id, code, name_kk, name_ru, name_en FROM subjects"
					    " WHERE id > $1", 0, subject_row) ||
	    map_into(db, names, "teachers", "SELECT f.id, p.last_name, p.first_name, p.middle_name FROM staff f"
					    " JOIN persons p ON p.id = f.person_id WHERE f.school_id = $1",
		     school_id, teacher_row)) {
		json_decref(names);
		return NULL;
	}
	return names;
}

/* --- dated lessons --- */

/* A dated lesson as the lay compares them: the key (day, period, class, group, subject,
 * staff), then what may change in place. */
struct lay_row {
	int64_t day, period, class_id, group_id, subject_id, staff_id;
	int64_t room_id, timetable_id, entry_id;
	int64_t id; /* the saved lesson's id; 0 for one to insert */
};

static int lay_key_cmp(const struct lay_row *a, const struct lay_row *b)
{
	const int64_t ka[] = {a->day, a->period, a->class_id, a->group_id, a->subject_id, a->staff_id};
	const int64_t kb[] = {b->day, b->period, b->class_id, b->group_id, b->subject_id, b->staff_id};
	for (int i = 0; i < 6; i++)
		if (ka[i] != kb[i])
			return ka[i] < kb[i] ? -1 : 1;
	return 0;
}

static int lay_row_cmp(const void *a, const void *b)
{
	return lay_key_cmp(a, b);
}

static int lay_fill(struct db_stmt *st, void *item)
{
	struct date d;
	if (date_parse(db_col_text(st, 1), &d) != 0)
		return -1;
	*(struct lay_row *)item = (struct lay_row){
		.id = db_col_int64(st, 0), .day = date_to_days(d), .period = db_col_int64(st, 2),
		.class_id = db_col_int64(st, 3), .group_id = db_col_int64(st, 4), .subject_id = db_col_int64(st, 5),
		.staff_id = db_col_int64(st, 6), .room_id = db_col_int64(st, 7), .timetable_id = db_col_int64(st, 8),
		.entry_id = db_col_int64(st, 9),
	};
	return 0;
}

/* The semester's lessons from `from` on, sorted by key. */
static int lay_existing(struct db *db, int64_t year_id, int64_t semester, const char *from,
			struct lay_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_prepare(db,
		"SELECT id, lesson_date, period, class_id, COALESCE(group_id, 0), subject_id, staff_id,"
		" COALESCE(room_id, 0), timetable_id, COALESCE(entry_id, 0) FROM lessons"
		" WHERE academic_year_id = $1 AND semester = $2 AND lesson_date >= $3");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, year_id);
	db_bind_int64(st, 2, semester);
	db_bind_text(st, 3, from);
	int rc = row_collect_items(st, (void **)out, n, sizeof **out, lay_fill);
	if (rc == DB_OK && *n)
		qsort(*out, *n, sizeof **out, lay_row_cmp);
	return rc;
}

/* What a lay works with, read from the database. */
struct lay_input {
	json_t *timetable;
	int64_t school_id, year_id, semester;
	struct tt_calendar cal;
	struct holidays_table public_days;
	struct date start, end;  /* the semester's first and last day */
	int corrects;            /* another version of the semester was approved before */
};

static void lay_input_release(struct lay_input *in)
{
	json_decref(in->timetable);
	holidays_table_release(&in->public_days);
}

/* Reads the version, its year's structure, the school's Saturdays and the public
 * holidays. Returns a timetable_lay_rc or a negative db rc. */
static int lay_read(struct db *db, int64_t timetable_id, struct lay_input *in)
{
	memset(in, 0, sizeof *in);
	in->timetable = timetables_get(db, timetable_id);
	if (!in->timetable)
		return DB_ERROR;
	if (strcmp(json_string_value(json_object_get(in->timetable, "status")), "approved") != 0)
		return LAY_NOT_APPROVED;
	in->school_id = json_integer_value(json_object_get(in->timetable, "school_id"));
	in->year_id = json_integer_value(json_object_get(in->timetable, "academic_year_id"));
	in->semester = json_integer_value(json_object_get(in->timetable, "semester"));
	json_t *s = calendar_structure_get(db, in->year_id);
	struct calendar_year y;
	size_t first, count;
	int bad = !s || calendar_structure_to_year(s, &y) != 0 ||
		  tt_semester_terms(y.type, (int)in->semester, &first, &count) != 0 || first + count > y.n_terms;
	json_decref(s);
	if (bad)
		return LAY_NO_CALENDAR;
	in->cal.n_terms = count;
	memcpy(in->cal.terms, &y.terms[first], count * sizeof y.terms[0]);
	in->cal.n_holidays = y.n_holidays;
	memcpy(in->cal.holidays, y.holidays, sizeof y.holidays);
	in->cal.has_assessment = y.has_assessment;
	in->cal.assessment = y.assessment;
	in->start = y.terms[first].starts_on;
	in->end = y.terms[first + count - 1].ends_on;
	int64_t saturday = 0, superseded = 0;
	int rc = db_query_int64(db, &saturday, "SELECT saturday FROM bell_schedules WHERE school_id = $1", "i",
				in->school_id);
	if (rc < 0)
		return rc;
	in->cal.saturday = rc == DB_ROW && saturday;
	rc = db_query_int64(db, &superseded, "SELECT COUNT(*) FROM timetables WHERE academic_year_id = $1"
					     " AND semester = $2 AND status = 'superseded'",
			    "ii", in->year_id, in->semester);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	in->corrects = superseded > 0;
	rc = holidays_load(db, &in->public_days);
	if (rc != DB_OK)
		return rc;
	in->cal.public_days = &in->public_days.cal;
	return LAY_OK;
}

/* The Kazakhstan (UTC+5) date of an instant 'YYYY-MM-DDTHH:MM:SSZ'. */
static int kazakhstan_date(const char *instant, struct date *out)
{
	char day[DATE_TEXT_SIZE];
	if (!instant || strlen(instant) < 13)
		return -1;
	memcpy(day, instant, 10);
	day[10] = '\0';
	if (date_parse(day, out) != 0)
		return -1;
	int hour = (instant[11] - '0') * 10 + (instant[12] - '0');
	if (hour + 5 >= 24)
		*out = date_add_days(*out, 1);
	return 0;
}

/* The day the lay starts: `from` when given (inside the semester, else -1), else the
 * semester's first day, or the approval's day for a correction (when later). */
static int lay_from(const struct lay_input *in, const char *from, struct date *out)
{
	if (from) {
		if (date_parse(from, out) != 0 || date_compare(*out, in->start) < 0 ||
		    date_compare(*out, in->end) > 0)
			return -1;
		return 0;
	}
	*out = in->start;
	struct date approved;
	if (in->corrects &&
	    kazakhstan_date(json_string_value(json_object_get(in->timetable, "approved_at")), &approved) == 0 &&
	    date_compare(approved, *out) > 0)
		*out = date_compare(approved, in->end) > 0 ? date_add_days(in->end, 1) : approved;
	return 0;
}

/* The lessons the version gives from `from` to the semester's end, sorted by key. */
static int lay_desired(struct db *db, const struct lay_input *in, int64_t timetable_id, struct date from,
		       struct lay_row **out, size_t *n, int64_t *ndays)
{
	*out = NULL;
	*n = 0;
	size_t days_n = tt_study_days(&in->cal, from, in->end, NULL, 0);
	struct tt_day *days = malloc((days_n ? days_n : 1) * sizeof *days);
	struct tt_entry *e = NULL;
	size_t ne = 0;
	int rc = days ? timetable_entries_load(db, timetable_id, &e, &ne) : DB_ERROR;
	*ndays = (int64_t)days_n;
	if (rc == DB_OK) {
		tt_study_days(&in->cal, from, in->end, days, days_n);
		size_t nl = tt_lay(days, days_n, e, ne, NULL, 0);
		struct tt_lesson *l = nl == TT_NOMEM ? NULL : malloc((nl ? nl : 1) * sizeof *l);
		*out = l ? malloc((nl ? nl : 1) * sizeof **out) : NULL;
		if (!*out || tt_lay(days, days_n, e, ne, l, nl) != nl) {
			free(*out);
			*out = NULL;
			rc = DB_ERROR;
		} else {
			for (size_t i = 0; i < nl; i++) {
				const struct tt_entry *x = &e[l[i].entry];
				(*out)[i] = (struct lay_row){
					.day = date_to_days(days[l[i].day].date), .period = x->period,
					.class_id = x->class_id, .group_id = x->group_id,
					.subject_id = x->subject_id, .staff_id = x->staff_id,
					.room_id = x->room_id, .timetable_id = timetable_id, .entry_id = x->id,
				};
			}
			*n = nl;
			if (nl)
				qsort(*out, nl, sizeof **out, lay_row_cmp);
		}
		free(l);
	}
	free(days);
	free(e);
	return rc;
}

/* Writes a new lesson through the open copy: NULL for a group or room of 0. */
static int copy_lesson(struct db *db, const struct lay_input *in, const struct lay_row *r, const char *now)
{
	char date[DATE_TEXT_SIZE];
	date_format(date_from_days(r->day), date);
	if (r->group_id && r->room_id)
		return db_copy_row(db, "iiisiiiiiiiis", in->school_id, in->year_id, in->semester, date, r->period,
				   r->class_id, r->group_id, r->subject_id, r->staff_id, r->room_id, r->timetable_id,
				   r->entry_id, now);
	if (r->group_id)
		return db_copy_row(db, "iiisiiiiiniis", in->school_id, in->year_id, in->semester, date, r->period,
				   r->class_id, r->group_id, r->subject_id, r->staff_id, r->timetable_id,
				   r->entry_id, now);
	if (r->room_id)
		return db_copy_row(db, "iiisiiniiiiis", in->school_id, in->year_id, in->semester, date, r->period,
				   r->class_id, r->subject_id, r->staff_id, r->room_id, r->timetable_id,
				   r->entry_id, now);
	return db_copy_row(db, "iiisiiniiniis", in->school_id, in->year_id, in->semester, date, r->period,
			   r->class_id, r->subject_id, r->staff_id, r->timetable_id, r->entry_id, now);
}

/* Makes the saved lessons `have` exactly `want` (both sorted by key). */
static int lay_apply(struct db *db, const struct lay_input *in, struct lay_row *have, size_t nhave,
		     const struct lay_row *want, size_t nwant, struct timetable_lay_result *out)
{
	char now[21];
	db_now_utc(now);
	int rc = DB_OK;
	size_t i = 0, j = 0;
	/* first the removals and updates, then the new lessons in one copy */
	while (rc == DB_OK && (i < nhave || j < nwant)) {
		int c = i >= nhave ? 1 : j >= nwant ? -1 : lay_key_cmp(&have[i], &want[j]);
		if (c < 0) {
			/* a lesson whose journal was filled or that has a substitute is history
			 * (docs/journal.md): it stays, whatever the new version says */
			int64_t gone = 0;
			rc = db_query_int64(db, &gone, "DELETE FROM lessons WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM"
						     " lesson_journal WHERE lesson_id = $1) AND NOT EXISTS (SELECT 1 FROM"
						     " lesson_covers WHERE lesson_id = $1) RETURNING id", "i", have[i++].id);
			if (rc == DB_ROW)
				out->removed++;
			else if (rc == DB_DONE)
				out->journaled++;
		} else if (c > 0) {
			j++;
		} else {
			const struct lay_row *w = &want[j];
			struct lay_row *h = &have[i];
			if (h->room_id != w->room_id || h->timetable_id != w->timetable_id || h->entry_id != w->entry_id) {
				rc = w->room_id
					? db_run(db, "UPDATE lessons SET room_id = $2, timetable_id = $3, entry_id = $4"
						     " WHERE id = $1", "iiii", h->id, w->room_id, w->timetable_id, w->entry_id)
					: db_run(db, "UPDATE lessons SET room_id = NULL, timetable_id = $2, entry_id = $3"
						     " WHERE id = $1", "iii", h->id, w->timetable_id, w->entry_id);
				out->updated++;
			} else {
				out->kept++;
			}
			h->id = -1; /* matched */
			i++, j++;
		}
		rc = rc < 0 ? rc : DB_OK;
	}
	if (rc != DB_OK)
		return rc;
	int64_t news = (int64_t)nwant - out->updated - out->kept;
	if (news <= 0)
		return DB_OK;
	rc = db_copy_begin(db, "lessons", "school_id, academic_year_id, semester, lesson_date, period, class_id,"
					  " group_id, subject_id, staff_id, room_id, timetable_id, entry_id, created_at");
	if (rc != DB_OK)
		return rc;
	for (i = 0, j = 0; j < nwant && rc == DB_OK; j++) {
		while (i < nhave && lay_key_cmp(&have[i], &want[j]) < 0)
			i++;
		if (i < nhave && lay_key_cmp(&have[i], &want[j]) == 0)
			continue; /* kept or updated */
		rc = copy_lesson(db, in, &want[j], now);
		out->inserted++;
	}
	int end = db_copy_end(db);
	return rc != DB_OK ? rc : end;
}

int timetable_lay(struct db *db, int64_t timetable_id, const char *from, struct timetable_lay_result *out)
{
	memset(out, 0, sizeof *out);
	struct lay_input in;
	int rc = lay_read(db, timetable_id, &in);
	struct date start;
	if (rc == LAY_OK && lay_from(&in, from, &start) != 0)
		rc = LAY_BAD_FROM;
	if (rc != LAY_OK) {
		lay_input_release(&in);
		return rc;
	}
	date_format(start, out->from);
	date_format(in.end, out->to);
	struct lay_row *have = NULL, *want = NULL;
	size_t nhave = 0, nwant = 0;
	rc = lay_existing(db, in.year_id, in.semester, out->from, &have, &nhave);
	if (rc == DB_OK)
		rc = lay_desired(db, &in, timetable_id, start, &want, &nwant, &out->days);
	if (rc == DB_OK)
		rc = lay_apply(db, &in, have, nhave, want, nwant, out);
	if (rc == DB_OK) {
		char now[21];
		db_now_utc(now);
		rc = db_run(db, "UPDATE timetables SET laid_at = $2 WHERE id = $1", "is", timetable_id, now);
		rc = rc < 0 ? rc : DB_OK;
	}
	free(have);
	free(want);
	lay_input_release(&in);
	return rc;
}

static json_t *lesson_row(struct db_stmt *st)
{
	json_t *l = json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "date", row_text(st, 1),
			      "period", row_int(st, 2), "starts_at", row_text(st, 3), "ends_at", row_text(st, 4));
	parts_put(l, st, 5);
	json_object_set_new(l, "timetable_id", row_int(st, 5 + PART_COUNT));
	json_object_set_new(l, "entry_id", row_int(st, 6 + PART_COUNT));
	/* the planned topic of the КТЖ (CUR-10, store/ktp.h), or null */
	int k = 7 + PART_COUNT;
	json_object_set_new(l, "topic", db_col_is_null(st, k) ? json_null()
		: json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, k), "position", row_int(st, k + 1), "title",
			    row_text(st, k + 2), "hours", row_int(st, k + 3), "pinned", row_bool(st, k + 4)));
	return l;
}

#define LESSON_SELECT \
	"SELECT x.id, x.lesson_date, x.period, b.starts_at, b.ends_at, " PART_COLUMNS \
	", x.timetable_id, x.entry_id, k.id, k.position, k.title, k.hours, x.ktp_pinned FROM lessons x" PART_JOINS \
	" LEFT JOIN bell_periods b ON b.school_id = x.school_id AND b.number = x.period" \
	" LEFT JOIN ktp_topics k ON k.id = x.ktp_topic_id AND k.academic_year_id = x.academic_year_id" \
	" AND k.subject_id = x.subject_id AND k.grade = c.grade"

json_t *lessons_list(struct db *db, const char *which, int64_t id, const char *from, const char *to)
{
	struct db_stmt *st = strcmp(which, "class") == 0
		? db_prepare(db, LESSON_SELECT " WHERE x.class_id = $1 AND x.lesson_date >= $2 AND"
					       " x.lesson_date <= $3 ORDER BY x.lesson_date, x.period, g.name, x.id")
		: db_prepare(db, LESSON_SELECT " WHERE x.staff_id = $1 AND x.lesson_date >= $2 AND"
					       " x.lesson_date <= $3 ORDER BY x.lesson_date, x.period, x.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	return row_collect(st, lesson_row);
}
