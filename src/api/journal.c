/* journal (api) — one lesson's journal (JRN-1, JRN-2, ASM-1, ASM-2): read it with its
 * roster and the КТЖ topics to pick from; save it whole — held or missed, topic,
 * homework, attendance, formative marks, a summative work — in one transaction with
 * the audit of before and after; the deputy's substitute; closing a term and unlocking
 * a class-subject in a closed term. The rules are core/journal.h and core/assess.h;
 * docs/journal.md tells the whole flow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/date.h"
#include "core/journal.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/marking.h"
#include "store/people.h"
#include "store/row.h"

static int64_t nested_id(json_t *o, const char *key)
{
	return json_integer_value(json_object_get(json_object_get(o, key), "id"));
}

/* The staff id of the signed-in teacher in `school`, or 0. */
static int64_t my_staff(struct req *rq, int64_t school)
{
	if (!rq->user.person_id || rq->user.school_id != school)
		return 0;
	return staff_of_person(rq->db, rq->user.person_id, school);
}

/* JRN-1: who writes a lesson's journal — its teacher, or the substitute when the deputy
 * assigned one; the director and the academic deputy of the school (corrections). */
static int may_write(struct req *rq, json_t *lesson)
{
	int64_t school = api_int_at(lesson, "school_id");
	if ((rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC)) && rq->user.school_id == school)
		return 1;
	if (!(rq->user.role & ROLE_TEACHER))
		return 0;
	int64_t me = my_staff(rq, school);
	if (!me)
		return 0;
	json_t *cover = json_object_get(lesson, "cover");
	if (json_is_object(cover))
		return api_int_at(cover, "staff_id") == me;
	return nested_id(lesson, "teacher") == me;
}

/* The КТЖ topics of the lesson's year, subject and grade: [{"id","position","title"}]. */
static json_t *topic_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "id", row_int(st, 0), "position", row_int(st, 1), "title", row_text(st, 2));
}

static json_t *ktp_topics_of(struct db *db, json_t *lesson)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, position, title FROM ktp_topics WHERE academic_year_id = $1"
					    " AND subject_id = $2 AND grade = $3 ORDER BY position");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, api_int_at(lesson, "academic_year_id"));
	db_bind_int64(st, 2, nested_id(lesson, "subject"));
	db_bind_int64(st, 3, api_int_at(json_object_get(lesson, "class"), "grade"));
	return row_collect(st, topic_row);
}

/* The lock state of a lesson: its term, whether the term is closed and an unlock runs.
 * Returns 1 when writes are refused, 0 when allowed, -1 on a database error. */
static int lesson_locked(struct req *rq, json_t *lesson, int *term_out)
{
	int64_t year = api_int_at(lesson, "academic_year_id");
	int term = journal_term_of(rq->db, year, json_string_value(json_object_get(lesson, "date")));
	*term_out = term;
	if (!term)
		return 0;
	int closed = journal_term_closed(rq->db, year, term);
	if (closed < 0)
		return -1;
	char until[21] = "", now[21];
	if (closed && journal_unlock_until(rq->db, year, term, nested_id(lesson, "class"), nested_id(lesson, "subject"),
					   until) != DB_OK)
		return -1;
	db_now_utc(now);
	return journal_locked(closed, until, now);
}

/* Adds what the page needs beside the lesson: "term", "locked", "late", "may_write",
 * "topics", "formative_max". 0, or -1 on a database error. */
static int decorate(struct req *rq, json_t *lesson)
{
	int term = 0;
	int locked = lesson_locked(rq, lesson, &term);
	json_t *topics = locked < 0 ? NULL : ktp_topics_of(rq->db, lesson);
	struct marking_model m;
	if (!topics || marking_for_school(rq->db, api_int_at(lesson, "school_id"), &m) != DB_OK) {
		json_decref(topics);
		return -1;
	}
	struct date day = {0};
	date_parse(json_string_value(json_object_get(lesson, "date")), &day);
	const char *status = json_string_value(json_object_get(lesson, "status"));
	const char *topic = json_string_value(json_object_get(lesson, "topic"));
	unsigned late = journal_lateness(day, api_today(), status && strcmp(status, "missed") == 0, topic && *topic,
					 json_is_true(json_object_get(lesson, "attendance_marked")));
	json_t *why = json_array();
	if (late & JOURNAL_LATE_TOPIC)
		json_array_append_new(why, json_string("topic"));
	if (late & JOURNAL_LATE_ATTENDANCE)
		json_array_append_new(why, json_string("attendance"));
	json_object_set_new(lesson, "term", term ? json_integer(term) : json_null());
	json_object_set_new(lesson, "locked", json_boolean(locked));
	json_object_set_new(lesson, "late", why);
	json_object_set_new(lesson, "may_write", json_boolean(may_write(rq, lesson)));
	json_object_set_new(lesson, "marks_allowed", json_boolean(journal_marks_allowed(day, api_today())));
	json_object_set_new(lesson, "formative_max", json_integer(m.formative_max));
	json_object_set_new(lesson, "topics", topics);
	return 0;
}

int api_lesson_journal_get(struct req *rq)
{
	json_t *lesson = journal_lesson_get(rq->db, rq->params[0]);
	if (!lesson)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, api_int_at(lesson, "school_id"))) {
		json_decref(lesson);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	if (decorate(rq, lesson) != 0) {
		json_decref(lesson);
		return reply_db_failure(rq);
	}
	return reply_json(rq, 200, lesson);
}

/* --- the save --- */

static const char *const lesson_statuses[] = {"held", "missed", NULL};
static const char *const attendance_values[] = {"present", "absent", "late", NULL};
static const char *const absence_reasons[] = {"illness", "excused", "unexcused", NULL};
static const char *const work_kinds[] = {"section", "term", NULL};

#define JOURNAL_MAX_STUDENTS 60

static const struct field_spec attendance_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = "status", .type = FIELD_ENUM, .required = 1, .values = attendance_values},
	{.name = "reason", .type = FIELD_ENUM, .nullable = 1, .values = absence_reasons},
	{.name = NULL},
};
static const struct field_spec mark_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = "mark", .type = FIELD_INT, .required = 1, .nullable = 1, .min = 1, .max = 100},
	{.name = NULL},
};
static const struct field_spec score_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = "points", .type = FIELD_INT, .required = 1, .nullable = 1, .min = 0, .max = 1000},
	{.name = NULL},
};
static const struct field_spec work_fields[] = {
	{.name = "kind", .type = FIELD_ENUM, .required = 1, .values = work_kinds},
	{.name = "title", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 200},
	{.name = "max_points", .type = FIELD_INT, .required = 1, .min = 1, .max = 1000},
	{.name = "scores", .type = FIELD_LIST, .max_len = JOURNAL_MAX_STUDENTS, .fields = score_fields},
	{.name = NULL},
};
static const struct field_spec journal_fields[] = {
	{.name = "status", .type = FIELD_ENUM, .values = lesson_statuses},
	{.name = "missed_reason", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 500},
	{.name = "topic_id", .type = FIELD_ID, .nullable = 1},
	{.name = "topic", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 500},
	{.name = "homework", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 2000},
	{.name = "attendance", .type = FIELD_LIST, .nullable = 1, .max_len = JOURNAL_MAX_STUDENTS,
	 .fields = attendance_fields},
	{.name = "marks", .type = FIELD_LIST, .max_len = JOURNAL_MAX_STUDENTS, .fields = mark_fields},
	{.name = "work", .type = FIELD_OBJECT, .nullable = 1, .fields = work_fields},
	{.name = NULL},
};

static int in_roster(const int64_t *ids, long n, int64_t id)
{
	long lo = 0, hi = n - 1;
	while (lo <= hi) {
		long mid = (lo + hi) / 2;
		if (ids[mid] == id)
			return 1;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

/* EXT-8, LV-5: the rule that keeps student `id` away from the lesson (on externship or
 * academic leave that day), or NULL. */
static const char *away_rule(json_t *lesson, int64_t id)
{
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(lesson, "students"), i, s) {
		if (api_int_at(s, "id") != id)
			continue;
		const char *status = json_string_value(json_object_get(json_object_get(s, "away"), "status"));
		return !status ? NULL : strcmp(status, "externship") == 0 ? "EXT-8" : "LV-5";
	}
	return NULL;
}

/* Checks the students of a list (attendance, marks, scores): each of the lesson's
 * roster and expected that day, each once. `path` is the list's field name. */
static void check_students(struct req *rq, json_t *lesson, json_t *list, const char *path, const int64_t *roster,
			   long n)
{
	size_t i, k;
	json_t *e, *f;
	json_array_foreach(list, i, e) {
		int64_t id = api_int_at(e, "student_id");
		char field[64];
		snprintf(field, sizeof field, "%s[%zu].student_id", path, i);
		if (!in_roster(roster, n, id)) {
			const char *rule = away_rule(lesson, id);
			reply_add_error(rq, rule ? "student_away" : "student_not_in_lesson", rule, field);
			continue;
		}
		json_array_foreach(list, k, f) {
			if (k >= i)
				break;
			if (api_int_at(f, "student_id") == id) {
				reply_add_error(rq, "student_repeated", NULL, field);
				break;
			}
		}
	}
}

/* The rules of a lesson's journal over the validated body, every problem added. */
static void check_journal(struct req *rq, json_t *lesson, const int64_t *roster, long n, int formative_max)
{
	json_t *body = rq->json;
	const char *status = body_str(rq, "status");
	int missed = status && strcmp(status, "missed") == 0;
	json_t *attendance = json_object_get(body, "attendance"), *marks = json_object_get(body, "marks");
	json_t *work = json_object_get(body, "work");
	int has_marks = json_array_size(marks) > 0 || json_is_object(work);
	size_t i;
	json_t *e;

	if (missed) {
		/* JRN-1: a lesson not held is recorded with its reason and nothing else */
		const char *reason = body_str(rq, "missed_reason");
		if (!reason || !*reason)
			reply_add_error(rq, "missed_reason_required", "JRN-1", "missed_reason");
		if (json_array_size(attendance) || has_marks)
			reply_add_error(rq, "missed_lesson_has_marks", "JRN-1", "status");
	}
	struct date day = {0};
	date_parse(json_string_value(json_object_get(lesson, "date")), &day);
	if (!journal_marks_allowed(day, api_today()) && (json_array_size(attendance) || has_marks))
		reply_add_error(rq, "lesson_not_yet_held", NULL, "attendance");
	check_students(rq, lesson, attendance, "attendance", roster, n);
	json_array_foreach(attendance, i, e) {
		enum attendance_status st = attendance_status_from(json_string_value(json_object_get(e, "status")));
		if (!attendance_reason_valid(st, json_string_value(json_object_get(e, "reason")))) {
			char field[64];
			snprintf(field, sizeof field, "attendance[%zu].reason", i);
			reply_add_error(rq, st == ATT_ABSENT ? "absence_reason_required" : "reason_only_for_absence", NULL,
					field);
		}
	}
	check_students(rq, lesson, marks, "marks", roster, n);
	json_array_foreach(marks, i, e) {
		json_t *mark = json_object_get(e, "mark");
		if (json_is_integer(mark) && json_integer_value(mark) > formative_max) {
			char field[64];
			snprintf(field, sizeof field, "marks[%zu].mark", i);
			json_t *p = reply_add_error(rq, "mark_above_scale", "ASM-2", field);
			json_object_set_new(p, "max", json_integer(formative_max));
		}
	}
	if (json_is_object(work)) {
		json_t *scores = json_object_get(work, "scores");
		int64_t max = api_int_at(work, "max_points");
		check_students(rq, lesson, scores, "work.scores", roster, n);
		json_array_foreach(scores, i, e) {
			json_t *pts = json_object_get(e, "points");
			if (json_is_integer(pts) && json_integer_value(pts) > max) {
				char field[64];
				snprintf(field, sizeof field, "work.scores[%zu].points", i);
				reply_add_error(rq, "points_above_max", "ASM-2", field);
			}
		}
	}
}

/* JRN-2: the topic from the КТЖ: a topic_id must be one of the lesson's year, subject
 * and grade; its title is the topic when none is written. */
static void check_topic(struct req *rq, json_t *lesson, json_t *topics)
{
	json_t *tid = json_object_get(rq->json, "topic_id");
	if (!json_is_integer(tid))
		return;
	size_t i;
	json_t *t;
	json_array_foreach(topics, i, t) {
		if (api_int_at(t, "id") == json_integer_value(tid)) {
			const char *given = body_str(rq, "topic");
			if (!given || !*given)
				json_object_set(rq->json, "topic", json_object_get(t, "title"));
			return;
		}
	}
	(void)lesson;
	reply_add_error(rq, "ktp_topic_mismatch", "JRN-2", "topic_id");
}

int api_lesson_journal_put(struct req *rq)
{
	int64_t lesson_id = rq->params[0];
	json_t *lesson = journal_lesson_get(rq->db, lesson_id);
	if (!lesson)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	int64_t school = api_int_at(lesson, "school_id");
	if (!may_write(rq, lesson)) {
		json_decref(lesson);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	if (validate_body(rq, journal_fields, VALIDATE_CREATE)) {
		json_decref(lesson);
		return reply_errors(rq, 422);
	}
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(lesson);
		return reply_db_failure(rq);
	}
	int term = 0;
	int locked = lesson_locked(rq, lesson, &term);
	if (locked != 0) {
		json_decref(lesson);
		if (locked < 0)
			return api_rollback_errors(rq, 500);
		reply_add_error(rq, "term_closed", NULL, NULL);
		return api_rollback_errors(rq, 409);
	}
	int64_t *roster = NULL;
	long n = journal_roster_ids(rq->db, lesson_id, &roster);
	struct marking_model model;
	json_t *topics = n >= 0 ? ktp_topics_of(rq->db, lesson) : NULL;
	if (!topics || marking_for_school(rq->db, school, &model) != DB_OK) {
		free(roster);
		json_decref(topics);
		json_decref(lesson);
		return api_rollback_errors(rq, 500);
	}
	check_journal(rq, lesson, roster, n, model.formative_max);
	check_topic(rq, lesson, topics);
	free(roster);
	json_decref(topics);
	json_decref(lesson);
	if (reply_has_errors(rq))
		return api_rollback_errors(rq, 422);

	json_t *before = journal_snapshot(rq->db, lesson_id);
	json_t *after = before && journal_lesson_save(rq->db, lesson_id, rq->json, rq->user.id) == DB_OK
				? journal_snapshot(rq->db, lesson_id) : NULL;
	int ok = after && (json_equal(before, after) ||
			   audit_record(rq->db, rq->user.id, school, "save", "lesson_journal", lesson_id, before, after) ==
				   DB_OK);
	json_decref(before);
	json_decref(after);
	if (!ok)
		return api_rollback_errors(rq, 500);
	json_t *saved = journal_lesson_get(rq->db, lesson_id);
	if (!saved || decorate(rq, saved) != 0) {
		json_decref(saved);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, saved);
}

/* --- the substitute (JRN-1) --- */

static const struct field_spec cover_fields[] = {
	{.name = "staff_id", .type = FIELD_ID, .required = 1, .nullable = 1},
	{.name = "reason", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 500},
	{.name = NULL},
};

/* The deputy (academic) or director assigns a teacher of the same school to cover a
 * lesson; staff_id null takes the substitute away. */
int api_lesson_cover_put(struct req *rq)
{
	int64_t lesson_id = rq->params[0];
	json_t *lesson = journal_lesson_get(rq->db, lesson_id);
	if (!lesson)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	int64_t school = api_int_at(lesson, "school_id");
	int64_t teacher = nested_id(lesson, "teacher");
	json_decref(lesson);
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, cover_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	int64_t staff = body_int(rq, "staff_id", 0);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	if (staff) {
		int64_t n = 0;
		if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM staff WHERE id = $1 AND school_id = $2", "ii", staff,
				   school) != DB_ROW)
			return api_rollback_errors(rq, 500);
		if (!n)
			reply_add_error(rq, "dangling_reference", NULL, "staff_id");
		else if (staff == teacher)
			reply_add_error(rq, "cover_is_own_teacher", "JRN-1", "staff_id");
		if (reply_has_errors(rq))
			return api_rollback_errors(rq, 422);
	}
	json_t *before = journal_lesson_get(rq->db, lesson_id);
	json_t *b = before ? json_deep_copy(json_object_get(before, "cover")) : NULL;
	json_decref(before);
	int ok = before && journal_cover_set(rq->db, lesson_id, staff, body_str(rq, "reason"), rq->user.id) == DB_OK;
	json_t *after = ok ? journal_lesson_get(rq->db, lesson_id) : NULL;
	json_t *a = after ? json_deep_copy(json_object_get(after, "cover")) : NULL;
	ok = after && audit_record(rq->db, rq->user.id, school, staff ? "cover" : "uncover", "lesson_cover", lesson_id,
				   b, a) == DB_OK;
	json_decref(a);
	json_decref(b);
	if (!ok || decorate(rq, after) != 0) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, after);
}

/* --- closing a term and unlocking --- */

/* The school's year by id: its school, or 0. */
static int64_t year_school(struct db *db, int64_t year_id)
{
	int64_t school = 0;
	return db_query_int64(db, &school, "SELECT school_id FROM academic_years WHERE id = $1", "i", year_id) == DB_ROW
		       ? school : 0;
}

/* Who closes terms and unlocks: the director and the academic deputy of the school. */
static int rights_journal_admin(struct req *rq, int64_t school)
{
	if (rq->user.role == ROLE_NETWORK_ADMIN)
		return 1;
	return (rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC)) && rq->user.school_id == school;
}

static int term_exists(struct db *db, int64_t year, int64_t term)
{
	int64_t n = 0;
	return db_query_int64(db, &n, "SELECT COUNT(*) FROM year_terms WHERE academic_year_id = $1 AND term_no = $2",
			      "ii", year, term) == DB_ROW && n > 0;
}

/* The school of a route's year and term for the director or academic deputy; 0 after
 * replying 404 (no such year or term) or 403. */
static int64_t term_route(struct req *rq, int64_t year, int64_t term)
{
	int64_t school = year_school(rq->db, year);
	if (!school || !term_exists(rq->db, year, term)) {
		if (rq->db->lost)
			reply_db_failure(rq);
		else
			reply_error(rq, 404, "not_found", NULL, NULL);
		return 0;
	}
	if (!rights_journal_admin(rq, school)) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return 0;
	}
	return school;
}

/* POST /academic-years/{id}/terms/{n}/close */
int api_term_close(struct req *rq)
{
	int64_t year = rq->params[0], term = rq->params[1];
	int64_t school = term_route(rq, year, term);
	if (!school)
		return rq->status;
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int rc = journal_term_close(rq->db, year, (int)term, rq->user.id);
	if (rc == DB_DONE) {
		reply_add_error(rq, "term_already_closed", NULL, NULL);
		return api_rollback_errors(rq, 409);
	}
	json_t *after = json_pack("{s:I, s:I}", "academic_year_id", (json_int_t)year, "term", (json_int_t)term);
	if (rc != DB_OK || audit_record(rq->db, rq->user.id, school, "close", "term", year * 10 + term, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	json_decref(after);
	json_t *closures = journal_closures(rq->db, year);
	if (!closures)
		return api_rollback_errors(rq, 500);
	return api_commit_reply(rq, 200, json_pack("{s:I, s:o}", "academic_year_id", (json_int_t)year, "closed", closures));
}

static const struct field_spec unlock_fields[] = {
	{.name = "class_id", .type = FIELD_ID, .required = 1},
	{.name = "subject_id", .type = FIELD_ID, .required = 1},
	{.name = "reason", .type = FIELD_STRING, .required = 1, .max_len = 500},
	{.name = "hours", .type = FIELD_INT, .min = 1, .max = 168},
	{.name = NULL},
};

/* POST /academic-years/{id}/terms/{n}/unlocks: one class-subject opened for `hours`
 * (default 24) in a closed term, with the reason. */
int api_term_unlock(struct req *rq)
{
	int64_t year = rq->params[0], term = rq->params[1];
	int64_t school = term_route(rq, year, term);
	if (!school)
		return rq->status;
	if (validate_body(rq, unlock_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int64_t class_id = body_int(rq, "class_id", 0), subject = body_int(rq, "subject_id", 0), n = 0;
	if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM classes WHERE id = $1 AND academic_year_id = $2", "ii",
			   class_id, year) != DB_ROW)
		return api_rollback_errors(rq, 500);
	if (!n)
		reply_add_error(rq, "dangling_reference", NULL, "class_id");
	if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM subjects WHERE id = $1", "i", subject) != DB_ROW)
		return api_rollback_errors(rq, 500);
	if (!n)
		reply_add_error(rq, "dangling_reference", NULL, "subject_id");
	int closed = journal_term_closed(rq->db, year, (int)term);
	if (closed < 0)
		return api_rollback_errors(rq, 500);
	if (!closed)
		reply_add_error(rq, "term_not_closed", NULL, NULL);
	if (reply_has_errors(rq))
		return api_rollback_errors(rq, closed ? 422 : 409);
	char until[21];
	time_t t = time(NULL) + (time_t)body_int(rq, "hours", 24) * 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(until, sizeof until, "%Y-%m-%dT%H:%M:%SZ", &tm);
	int64_t id = 0;
	json_t *after = json_pack("{s:I, s:I, s:I, s:I, s:s, s:s}", "academic_year_id", (json_int_t)year, "term",
				  (json_int_t)term, "class_id", (json_int_t)class_id, "subject_id", (json_int_t)subject,
				  "reason", body_str(rq, "reason"), "until", until);
	if (journal_unlock_add(rq->db, year, (int)term, class_id, subject, body_str(rq, "reason"), until, rq->user.id,
			       &id) != DB_OK ||
	    audit_record(rq->db, rq->user.id, school, "unlock", "journal_unlock", id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	json_object_set_new(after, "id", json_integer(id));
	return api_commit_reply(rq, 201, after);
}
