/* club (store) — the queries of clubs; see club.h. */
#include "store/club.h"

#include <stdio.h>
#include <string.h>

#include "store/row.h"

static int done(int rc)
{
	return rc < 0 ? rc : DB_OK;
}

/* The rc of an INSERT … RETURNING id run by db_query_int64. */
static int inserted(int rc)
{
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

/* A "last first" name from two columns, null when the first is NULL. */
static json_t *row_person(struct db_stmt *st, int col)
{
	if (db_col_is_null(st, col))
		return json_null();
	char name[200];
	snprintf(name, sizeof name, "%s %s", db_col_text(st, col), db_col_text(st, col + 1));
	return json_string(name);
}

/* --- clubs --- */

#define CLUB_SELECT \
	"SELECT k.id, k.school_id, k.academic_year_id, k.title_kk, k.title_ru, k.title_en, k.direction, k.sports," \
	" k.sport, k.leader_id, p.last_name, p.first_name, k.weekly_hours, k.programme_approved_on," \
	" k.schedule_approved_on," \
	" (SELECT COUNT(*) FROM club_members m WHERE m.club_id = k.id AND m.left_on IS NULL)" \
	" FROM clubs k LEFT JOIN staff s ON s.id = k.leader_id LEFT JOIN persons p ON p.id = s.person_id"

static json_t *club_row(struct db_stmt *st)
{
	json_t *c = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "school_id",
			      row_int(st, 1), "academic_year_id", row_int(st, 2), "title", row_names(st, 3), "direction",
			      row_text(st, 6), "sports", row_bool(st, 7), "sport", row_text(st, 8), "leader_id",
			      row_int(st, 9));
	json_object_set_new(c, "leader", row_person(st, 10));
	json_object_set_new(c, "weekly_hours", row_int(st, 12));
	json_object_set_new(c, "programme_approved_on", row_text(st, 13));
	json_object_set_new(c, "schedule_approved_on", row_text(st, 14));
	json_object_set_new(c, "members", row_int(st, 15));
	return c;
}

json_t *club_get(struct db *db, int64_t id)
{
	return row_get_one(db, CLUB_SELECT " WHERE k.id = $1", id, club_row);
}

json_t *clubs_list(struct db *db, int64_t school_id, int64_t year_id)
{
	struct db_stmt *st =
		db_prepare(db, CLUB_SELECT " WHERE k.school_id = $1 AND k.academic_year_id = $2 ORDER BY k.title_kk, k.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	return row_collect(st, club_row);
}

static const char *const club_fields[] = {"school_id", "academic_year_id", "title.kk", "title.ru", "title.en",
					  "direction", "sports", "sport", "leader_id", "weekly_hours", NULL};

int club_insert(struct db *db, json_t *rec, int64_t *id_out)
{
	return row_write(db,
			 "INSERT INTO clubs (school_id, academic_year_id, title_kk, title_ru, title_en, direction, sports,"
			 " sport, leader_id, weekly_hours, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
			 " $9, $10, $11, $11) RETURNING id",
			 rec, club_fields, 0, id_out);
}

int club_update(struct db *db, int64_t id, json_t *rec)
{
	return row_write(db,
			 "UPDATE clubs SET school_id = $1, academic_year_id = $2, title_kk = $3, title_ru = $4,"
			 " title_en = $5, direction = $6, sports = $7, sport = $8, leader_id = $9, weekly_hours = $10,"
			 " updated_at = $11 WHERE id = $12",
			 rec, club_fields, id, NULL);
}

/* --- programme and schedule --- */

static json_t *programme_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "position", row_int(st, 0), "quarter", row_int(st, 1), "topic",
			 row_text(st, 2), "hours", row_int(st, 3));
}

json_t *club_programme_of(struct db *db, int64_t club_id)
{
	return row_list(db,
			"SELECT position, quarter, topic, hours FROM club_programme_rows WHERE club_id = $1 ORDER BY position",
			club_id, programme_row);
}

int club_approve(struct db *db, int64_t club_id, const char *what, const char *date, int64_t user_id)
{
	char now[21];
	db_now_utc(now);
	const char *sql = strcmp(what, "programme") == 0
		? "UPDATE clubs SET programme_approved_on = $2, programme_approved_by = $3, updated_at = $4 WHERE id = $1"
		: "UPDATE clubs SET schedule_approved_on = $2, schedule_approved_by = $3, updated_at = $4 WHERE id = $1";
	if (date)
		return done(db_run(db, sql, "isis", club_id, date, user_id, now));
	return done(db_run(db, sql, "inns", club_id, now));
}

int club_programme_save(struct db *db, int64_t club_id, json_t *rows)
{
	int rc = db_run(db, "DELETE FROM club_programme_rows WHERE club_id = $1", "i", club_id);
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		if (rc < 0)
			break;
		rc = db_run(db,
			    "INSERT INTO club_programme_rows (club_id, position, quarter, topic, hours)"
			    " VALUES ($1, $2, $3, $4, $5)",
			    "iiisi", club_id, (int64_t)i + 1, json_integer_value(json_object_get(r, "quarter")),
			    json_string_value(json_object_get(r, "topic")), json_integer_value(json_object_get(r, "hours")));
	}
	return rc < 0 ? rc : club_approve(db, club_id, "programme", NULL, 0);
}

static json_t *slot_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "position", row_int(st, 0), "weekday", row_int(st, 1),
			 "starts_at", row_text(st, 2), "ends_at", row_text(st, 3), "room", row_text(st, 4));
}

json_t *club_schedule_of(struct db *db, int64_t club_id)
{
	return row_list(db,
			"SELECT position, weekday, starts_at, ends_at, room FROM club_schedule WHERE club_id = $1"
			" ORDER BY weekday, starts_at, position",
			club_id, slot_row);
}

int club_schedule_save(struct db *db, int64_t club_id, json_t *rows)
{
	int rc = db_run(db, "DELETE FROM club_schedule WHERE club_id = $1", "i", club_id);
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		if (rc < 0)
			break;
		rc = db_run(db,
			    "INSERT INTO club_schedule (club_id, position, weekday, starts_at, ends_at, room)"
			    " VALUES ($1, $2, $3, $4, $5, $6)",
			    "iiisss", club_id, (int64_t)i + 1, json_integer_value(json_object_get(r, "weekday")),
			    json_string_value(json_object_get(r, "starts_at")),
			    json_string_value(json_object_get(r, "ends_at")), json_string_value(json_object_get(r, "room")));
	}
	return rc < 0 ? rc : club_approve(db, club_id, "schedule", NULL, 0);
}

int club_lessons_of(struct db *db, int64_t student_id, int64_t year_id, int weekday, struct club_interval *out,
		    int cap)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT DISTINCT b.starts_at, b.ends_at FROM timetable_entries e"
		" JOIN timetables t ON t.id = e.timetable_id AND t.status = 'approved' AND t.academic_year_id = $2"
		" JOIN students s ON s.id = $1 AND s.class_id = e.class_id"
		" JOIN bell_periods b ON b.school_id = t.school_id AND b.number = e.period"
		" WHERE e.weekday = $3 AND (e.group_id IS NULL OR EXISTS (SELECT 1 FROM group_members g"
		"  WHERE g.group_id = e.group_id AND g.student_id = $1))");
	if (!st)
		return -1;
	db_bind_int64(st, 1, student_id);
	db_bind_int64(st, 2, year_id);
	db_bind_int64(st, 3, weekday);
	int n = 0, rc;
	while ((rc = db_step(st)) == DB_ROW)
		if (n < cap) {
			out[n].start = club_minutes(db_col_text(st, 0));
			out[n].end = club_minutes(db_col_text(st, 1));
			n++;
		}
	db_done(st);
	return rc == DB_DONE ? n : -1;
}

/* --- members --- */

#define MEMBER_SELECT \
	"SELECT m.id, m.student_id, p.last_name, p.first_name, CAST(c.grade AS TEXT) || c.letter, m.joined_on," \
	" m.left_on, m.status, m.status_note, m.club_id FROM club_members m JOIN students s ON s.id = m.student_id" \
	" JOIN persons p ON p.id = s.person_id LEFT JOIN classes c ON c.id = s.class_id"

static json_t *member_row(struct db_stmt *st)
{
	json_t *m = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "student_id",
			      row_int(st, 1), "last_name", row_text(st, 2), "first_name", row_text(st, 3), "class",
			      row_text(st, 4), "joined_on", row_text(st, 5), "left_on", row_text(st, 6), "status",
			      row_text(st, 7));
	json_object_set_new(m, "status_note", row_text(st, 8));
	json_object_set_new(m, "club_id", row_int(st, 9));
	return m;
}

json_t *club_members_of(struct db *db, int64_t club_id)
{
	return row_list(db,
			MEMBER_SELECT " WHERE m.club_id = $1 ORDER BY m.left_on IS NOT NULL, p.last_name, p.first_name,"
				      " m.joined_on",
			club_id, member_row);
}

json_t *club_member_get(struct db *db, int64_t id)
{
	return row_get_one(db, MEMBER_SELECT " WHERE m.id = $1", id, member_row);
}

int64_t club_member_open(struct db *db, int64_t club_id, int64_t student_id)
{
	int64_t id = 0;
	int rc = db_query_int64(db, &id,
				"SELECT id FROM club_members WHERE club_id = $1 AND student_id = $2 AND left_on IS NULL", "ii",
				club_id, student_id);
	return rc == DB_ROW ? id : rc == DB_DONE ? 0 : -1;
}

int club_member_insert(struct db *db, int64_t club_id, int64_t student_id, const char *joined_on, int64_t user_id,
		       int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO club_members (club_id, student_id, joined_on, created_by, created_at)"
				" VALUES ($1, $2, $3, $4, $5) RETURNING id",
				"iisis", club_id, student_id, joined_on, user_id, now);
	return inserted(rc);
}

int club_member_leave(struct db *db, int64_t id, const char *left_on)
{
	return done(db_run(db, "UPDATE club_members SET left_on = $2 WHERE id = $1", "is", id, left_on));
}

int club_member_status(struct db *db, int64_t id, const char *status, const char *note)
{
	return done(db_run(db, "UPDATE club_members SET status = $2, status_note = $3 WHERE id = $1", "iss", id, status,
			   note));
}

static json_t *membership_row(struct db_stmt *st)
{
	json_t *m = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "club_id",
			      row_int(st, 1), "title", row_names(st, 2), "direction", row_text(st, 5), "joined_on",
			      row_text(st, 6), "left_on", row_text(st, 7), "status", row_text(st, 8), "sports",
			      row_bool(st, 9));
	json_object_set_new(m, "leader", row_person(st, 10));
	return m;
}

json_t *club_memberships_of_student(struct db *db, int64_t student_id, int64_t year_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT m.id, k.id, k.title_kk, k.title_ru, k.title_en, k.direction, m.joined_on, m.left_on, m.status,"
		" k.sports, p.last_name, p.first_name FROM club_members m JOIN clubs k ON k.id = m.club_id"
		" LEFT JOIN staff s ON s.id = k.leader_id LEFT JOIN persons p ON p.id = s.person_id"
		" WHERE m.student_id = $1 AND k.academic_year_id = $2"
		" ORDER BY m.left_on IS NOT NULL, k.title_kk, m.joined_on");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, student_id);
	db_bind_int64(st, 2, year_id);
	json_t *items = row_collect(st, membership_row);
	size_t i;
	json_t *m;
	json_array_foreach(items, i, m) {
		json_t *slots = club_schedule_of(db, json_integer_value(json_object_get(m, "club_id")));
		if (!slots) {
			json_decref(items);
			return NULL;
		}
		json_object_set_new(m, "schedule", slots);
	}
	return items;
}

/* --- medical certificates --- */

static json_t *certificate_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "student_id", row_int(st, 1), "sport",
			 row_text(st, 2), "issued_on", row_text(st, 3), "valid_until", row_text(st, 4), "note",
			 row_text(st, 5));
}

json_t *club_certificates_of(struct db *db, int64_t student_id)
{
	return row_list(db,
			"SELECT id, student_id, sport, issued_on, valid_until, note FROM medical_certificates"
			" WHERE student_id = $1 ORDER BY valid_until DESC, id DESC",
			student_id, certificate_row);
}

int club_certificate_insert(struct db *db, int64_t student_id, json_t *rec, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO medical_certificates (student_id, sport, issued_on, valid_until, note,"
				" created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
				"issssis", student_id, json_string_value(json_object_get(rec, "sport")),
				json_string_value(json_object_get(rec, "issued_on")),
				json_string_value(json_object_get(rec, "valid_until")),
				json_string_value(json_object_get(rec, "note")), user_id, now);
	return inserted(rc);
}

static json_t *validity_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o}", "issued_on", row_text(st, 0), "valid_until", row_text(st, 1));
}

json_t *club_certificates_for(struct db *db, int64_t student_id, const char *sport)
{
	struct db_stmt *st = db_prepare(db, "SELECT issued_on, valid_until FROM medical_certificates"
					    " WHERE student_id = $1 AND sport = $2");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, student_id);
	db_bind_text(st, 2, sport ? sport : "");
	return row_collect(st, validity_row);
}

/* --- the journal --- */

static json_t *absence_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o}", "student_id", row_int(st, 0), "reason", row_text(st, 1));
}

static json_t *session_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "club_id", row_int(st, 1), "date",
			 row_text(st, 2), "content", row_text(st, 3), "hours", row_int(st, 4));
}

/* Adds each session's "absent" list. */
static json_t *with_absences(struct db *db, json_t *sessions)
{
	size_t i;
	json_t *s;
	json_array_foreach(sessions, i, s) {
		json_t *absent = row_list(db,
					  "SELECT student_id, reason FROM club_absences WHERE session_id = $1"
					  " ORDER BY student_id",
					  json_integer_value(json_object_get(s, "id")), absence_row);
		if (!absent) {
			json_decref(sessions);
			return NULL;
		}
		json_object_set_new(s, "absent", absent);
	}
	return sessions;
}

json_t *club_sessions_of(struct db *db, int64_t club_id)
{
	json_t *items = row_list(db,
				 "SELECT id, club_id, session_date, content, hours FROM club_sessions WHERE club_id = $1"
				 " ORDER BY session_date",
				 club_id, session_row);
	return items ? with_absences(db, items) : NULL;
}

json_t *club_session_get(struct db *db, int64_t id)
{
	json_t *s = row_get_one(db, "SELECT id, club_id, session_date, content, hours FROM club_sessions WHERE id = $1",
				id, session_row);
	if (!s)
		return NULL;
	json_t *one = json_pack("[o]", s);
	one = with_absences(db, one);
	if (!one)
		return NULL;
	s = json_incref(json_array_get(one, 0));
	json_decref(one);
	return s;
}

int club_session_save(struct db *db, int64_t club_id, json_t *rec, int64_t user_id, int64_t *id_out)
{
	const char *date = json_string_value(json_object_get(rec, "date"));
	int64_t old = 0;
	int rc = db_query_int64(db, &old, "SELECT id FROM club_sessions WHERE club_id = $1 AND session_date = $2", "is",
				club_id, date);
	if (rc < 0)
		return rc;
	char now[21];
	db_now_utc(now);
	if (rc == DB_ROW) {
		rc = db_run(db, "DELETE FROM club_absences WHERE session_id = $1", "i", old);
		if (rc >= 0)
			rc = db_run(db, "UPDATE club_sessions SET content = $2, hours = $3 WHERE id = $1", "isi", old,
				    json_string_value(json_object_get(rec, "content")),
				    json_integer_value(json_object_get(rec, "hours")));
		*id_out = old;
	} else {
		rc = db_query_int64(db, id_out,
				    "INSERT INTO club_sessions (club_id, session_date, content, hours, created_by, created_at)"
				    " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
				    "issiis", club_id, date, json_string_value(json_object_get(rec, "content")),
				    json_integer_value(json_object_get(rec, "hours")), user_id, now);
	}
	size_t i;
	json_t *a;
	json_array_foreach(json_object_get(rec, "absent"), i, a) {
		if (rc < 0)
			break;
		rc = db_run(db, "INSERT INTO club_absences (session_id, student_id, reason) VALUES ($1, $2, $3)", "iis",
			    *id_out, json_integer_value(json_object_get(a, "student_id")),
			    json_string_value(json_object_get(a, "reason")));
	}
	return done(rc);
}

int club_quarter_dates(struct db *db, int64_t year_id, int quarter, char from[11], char to[11])
{
	from[0] = to[0] = '\0';
	struct db_stmt *st =
		db_prepare(db, "SELECT starts_on, ends_on FROM year_terms WHERE academic_year_id = $1 AND term_no = $2");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, year_id);
	db_bind_int64(st, 2, quarter);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		snprintf(from, 11, "%s", db_col_text(st, 0));
		snprintf(to, 11, "%s", db_col_text(st, 1));
	}
	db_done(st);
	return rc < 0 ? rc : DB_OK;
}

/* --- checks --- */

static json_t *check_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "quarter", row_int(st, 1), "checked_on",
			 row_text(st, 2), "note", row_text(st, 3));
}

json_t *club_checks_of(struct db *db, int64_t club_id)
{
	return row_list(db,
			"SELECT id, quarter, checked_on, note FROM club_checks WHERE club_id = $1 ORDER BY quarter,"
			" checked_on, id",
			club_id, check_row);
}

int club_check_insert(struct db *db, int64_t club_id, json_t *rec, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO club_checks (club_id, quarter, checked_on, note, checked_by, created_at)"
				" VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
				"iissis", club_id, json_integer_value(json_object_get(rec, "quarter")),
				json_string_value(json_object_get(rec, "checked_on")),
				json_string_value(json_object_get(rec, "note")), user_id, now);
	return inserted(rc);
}

static json_t *unchecked_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "id", row_int(st, 0), "title", row_names(st, 1), "leader",
			 row_person(st, 4));
}

json_t *clubs_unchecked(struct db *db, int64_t school_id, int64_t year_id, int quarter)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT k.id, k.title_kk, k.title_ru, k.title_en, p.last_name, p.first_name FROM clubs k"
		" LEFT JOIN staff s ON s.id = k.leader_id LEFT JOIN persons p ON p.id = s.person_id"
		" WHERE k.school_id = $1 AND k.academic_year_id = $2"
		" AND NOT EXISTS (SELECT 1 FROM club_checks c WHERE c.club_id = k.id AND c.quarter = $3)"
		" ORDER BY k.title_kk, k.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	db_bind_int64(st, 3, quarter);
	return row_collect(st, unchecked_row);
}

/* --- results --- */

static json_t *result_row(struct db_stmt *st)
{
	json_t *r = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "student_id",
			      row_int(st, 1), "last_name", row_text(st, 2), "first_name", row_text(st, 3), "kind",
			      row_text(st, 4), "title", row_text(st, 5), "level", row_text(st, 6), "award",
			      row_text(st, 7));
	json_object_set_new(r, "date", row_text(st, 8));
	json_object_set_new(r, "club_id", row_int(st, 9));
	return r;
}

json_t *club_results_of(struct db *db, int64_t club_id, int64_t student_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT r.id, r.student_id, p.last_name, p.first_name, r.kind, r.title, r.level, r.award, r.result_date,"
		" r.club_id FROM club_results r JOIN students s ON s.id = r.student_id JOIN persons p ON p.id = s.person_id"
		" WHERE ($1 = 0 OR r.club_id = $1) AND ($2 = 0 OR r.student_id = $2) ORDER BY r.result_date, r.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, club_id);
	db_bind_int64(st, 2, student_id);
	return row_collect(st, result_row);
}

int club_result_insert(struct db *db, int64_t club_id, json_t *rec, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO club_results (club_id, student_id, kind, title, level, award, result_date,"
				" created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
				"iisssssis", club_id, json_integer_value(json_object_get(rec, "student_id")),
				json_string_value(json_object_get(rec, "kind")),
				json_string_value(json_object_get(rec, "title")),
				json_string_value(json_object_get(rec, "level")),
				json_string_value(json_object_get(rec, "award")),
				json_string_value(json_object_get(rec, "date")), user_id, now);
	return inserted(rc);
}

/* --- survey --- */

int club_survey_insert(struct db *db, int64_t club_id, json_t *rec, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO club_survey_answers (club_id, student_id, respondent, answered_on, satisfaction,"
				" comment, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
				"iissisis", club_id, json_integer_value(json_object_get(rec, "student_id")),
				json_string_value(json_object_get(rec, "respondent")),
				json_string_value(json_object_get(rec, "answered_on")),
				json_integer_value(json_object_get(rec, "satisfaction")),
				json_string_value(json_object_get(rec, "comment")), user_id, now);
	return inserted(rc);
}

int club_quarter_of(struct db *db, int64_t year_id, const char *date, int *quarter, char from[11], char to[11])
{
	*quarter = 0;
	for (int q = 1; q <= 4; q++) {
		int rc = club_quarter_dates(db, year_id, q, from, to);
		if (rc != DB_OK)
			return rc;
		if (from[0] && strcmp(from, date) <= 0 && strcmp(date, to) <= 0) {
			*quarter = q;
			return DB_OK;
		}
	}
	from[0] = to[0] = '\0';
	return DB_OK;
}

int club_survey_answered(struct db *db, int64_t club_id, int64_t student_id, int64_t user_id, const char *from,
			 const char *to, char on[11])
{
	on[0] = '\0';
	struct db_stmt *st = db_prepare(db, "SELECT MAX(answered_on) FROM club_survey_answers WHERE club_id = $1 AND"
					    " student_id = $2 AND created_by = $3 AND answered_on BETWEEN $4 AND $5");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, club_id);
	db_bind_int64(st, 2, student_id);
	db_bind_int64(st, 3, user_id);
	db_bind_text(st, 4, from);
	db_bind_text(st, 5, to);
	int rc = db_step(st);
	if (rc == DB_ROW && db_col_text(st, 0))
		snprintf(on, 11, "%s", db_col_text(st, 0));
	db_done(st);
	return rc < 0 ? rc : on[0] ? DB_ROW : DB_DONE;
}

static json_t *comment_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "respondent", row_text(st, 0), "satisfaction", row_int(st, 1),
			 "comment", row_text(st, 2), "answered_on", row_text(st, 3));
}

json_t *club_survey_results(struct db *db, int64_t club_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT respondent, satisfaction, COUNT(*) FROM club_survey_answers WHERE club_id = $1"
		" GROUP BY respondent, satisfaction");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, club_id);
	int64_t counts[2][6] = {{0}};
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int who = strcmp(db_col_text(st, 0), "student") == 0 ? 0 : 1;
		int64_t score = db_col_int64(st, 1);
		if (score >= 1 && score <= 5)
			counts[who][score] = db_col_int64(st, 2);
	}
	db_done(st);
	if (rc != DB_DONE)
		return NULL;
	json_t *out = json_object();
	static const char *const who[] = {"student", "representative"};
	for (int w = 0; w < 2; w++) {
		int64_t n = 0, sum = 0;
		json_t *by = json_array();
		for (int s = 1; s <= 5; s++) {
			n += counts[w][s];
			sum += counts[w][s] * s;
			json_array_append_new(by, json_integer(counts[w][s]));
		}
		json_object_set_new(out, who[w], json_pack("{s:I, s:o, s:o}", "answers", (json_int_t)n, "average",
							     n ? json_real((double)(sum * 10 / n) / 10.0) : json_null(),
							     "by_score", by));
	}
	json_t *comments = row_list(db,
				    "SELECT respondent, satisfaction, comment, answered_on FROM club_survey_answers"
				    " WHERE club_id = $1 AND comment IS NOT NULL AND comment <> '' ORDER BY answered_on DESC,"
				    " id DESC",
				    club_id, comment_row);
	if (!comments) {
		json_decref(out);
		return NULL;
	}
	json_object_set_new(out, "comments", comments);
	return out;
}
