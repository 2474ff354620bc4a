/* elective_sessions (api) — the e-journal of elective groups (issue 8, ELE-14): a session
 * saved whole by the group's teacher (held or not, the topic from the programme's
 * thematic plan, absences and lateness as in the lessons' journal, the course's test
 * work and who did it); the results "сыналды" / "сыналмады" of each semester and of the
 * year with the figures that decided them, computed by core (ELE-9, ELE-10), for the
 * course and in the student's card (ELE-11); the students' final products (ELE-8).
 * docs/electives.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/electives.h"
#include "api/handlers.h"
#include "core/date.h"
#include "core/elective.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/elective.h"
#include "store/org.h"

/* --- results --- */

/* Whether the period (semester 1, 2, or the year: 0) of the course's year is over today:
 * until then a result is the standing so far. -1 on a database error. */
static int period_over(struct req *rq, int64_t course_id, int semester)
{
	int64_t year = 0;
	char end[11], today[11];
	if (db_query_int64(rq->db, &year, "SELECT academic_year_id FROM elective_courses WHERE id = $1", "i",
			   course_id) != DB_ROW ||
	    elective_period_end(rq->db, year, semester, end) != DB_OK)
		return -1;
	elective_today(today);
	return end[0] && strcmp(end, today) < 0;
}

/* One period's result of a student with the figures that decided it; `final` whether the
 * period is over. */
static json_t *result_json(const struct elective_thresholds *t, const struct elective_figures *f, int final)
{
	int test_done = f->test_held > 0 && f->test_done >= f->test_held;
	struct elective_result r;
	elective_result(t, test_done, f->attended, f->held, f->switched, &r);
	json_t *o = json_pack("{s:b, s:i, s:i, s:f, s:i, s:b, s:i, s:i, s:b, s:b}", "passed", r.passed, "held", r.held,
			      "attended", r.attended, "percent", r.percent_tenths / 10.0, "required_percent",
			      r.required_percent, "test_work_done", r.test_work_done, "test_works_held", f->test_held,
			      "test_works_done", f->test_done, "attendance_short", r.attendance_short, "switched",
			      f->switched);
	/* nothing held yet: nothing to judge */
	json_object_set_new(o, "result", r.held ? json_string(r.passed ? "сыналды" : "сыналмады") : json_null());
	json_object_set_new(o, "final", json_boolean(final));
	return o;
}

json_t *elective_results_json(struct req *rq, const struct elective_thresholds *t, int64_t course_id,
			      int64_t student_id)
{
	static const char *const names[] = {"year", "semester_1", "semester_2"};
	json_t *out = json_object();
	for (int s = 0; s < 3; s++) {
		int n, over = period_over(rq, course_id, s);
		struct elective_figures *f = over >= 0 ? elective_figures_of(rq->db, course_id, s, student_id, &n) : NULL;
		if (!f) {
			json_decref(out);
			return NULL;
		}
		json_object_set_new(out, names[s], n > 0 ? result_json(t, &f[0], over) : json_null());
		free(f);
	}
	return out;
}

int api_elective_results(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	json_decref(c);
	const char *period = req_query(rq, "period");
	int semester = 0;
	if (period && strcmp(period, "1") == 0)
		semester = 1;
	else if (period && strcmp(period, "2") == 0)
		semester = 2;
	else if (period && strcmp(period, "year") != 0)
		return reply_error(rq, 400, "bad_query", NULL, "period");
	struct elective_thresholds t;
	int n, over = period_over(rq, rq->params[0], semester);
	struct elective_figures *f = over >= 0 && elective_thresholds_load(rq->db, &t) == DB_OK
		? elective_figures_of(rq->db, rq->params[0], semester, 0, &n) : NULL;
	if (!f)
		return reply_db_failure(rq);
	json_t *items = json_array();
	for (int i = 0; i < n; i++) {
		json_t *r = result_json(&t, &f[i], over);
		json_object_set_new(r, "student_id", json_integer(f[i].student_id));
		json_object_set_new(r, "last_name", json_string(f[i].last_name));
		json_object_set_new(r, "first_name", json_string(f[i].first_name));
		json_object_set_new(r, "left", json_boolean(f[i].left));
		json_array_append_new(items, r);
	}
	free(f);
	json_t *out = json_pack("{s:I, s:s, s:b, s:o, s:{s:i, s:i}}", "course_id", (json_int_t)rq->params[0], "period",
				semester ? (semester == 1 ? "1" : "2") : "year", "final", over, "items", items, "thresholds",
				"pass_percent", t.pass_attendance_percent, "pass_percent_switched",
				t.pass_attendance_percent_switched);
	return reply_json(rq, 200, out);
}

/* --- sessions --- */

static const char *const statuses[] = {"held", "missed", NULL};
static const char *const attendance_values[] = {"absent", "late", NULL};
static const char *const reasons[] = {"illness", "excused", "unexcused", NULL};

static const struct field_spec attendance_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = "status", .type = FIELD_ENUM, .required = 1, .values = attendance_values},
	{.name = "reason", .type = FIELD_ENUM, .nullable = 1, .values = reasons},
	{.name = NULL},
};
static const struct field_spec done_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = NULL},
};
static const struct field_spec session_fields[] = {
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = "status", .type = FIELD_ENUM, .values = statuses},
	{.name = "missed_reason", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 500},
	{.name = "plan_position", .type = FIELD_INT, .nullable = 1, .min = 1, .max = 200},
	{.name = "topic", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 500},
	{.name = "test_work", .type = FIELD_BOOL},
	{.name = "attendance", .type = FIELD_LIST, .max_len = 60, .fields = attendance_fields},
	{.name = "test_work_done", .type = FIELD_LIST, .max_len = 60, .fields = done_fields},
	{.name = NULL},
};

/* Whether the member was in the group on `date` (joined on or before, not yet left). */
static int member_on(json_t *group, int64_t student, const char *date)
{
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(group, "members"), i, m) {
		if (api_int_at(m, "student_id") != student)
			continue;
		const char *joined = json_string_value(json_object_get(m, "joined_on"));
		const char *left = json_string_value(json_object_get(m, "left_on"));
		if (joined && strcmp(joined, date) <= 0 && (!left || strcmp(date, left) < 0))
			return 1;
	}
	return 0;
}

/* Checks the student of item i of a list of the session (attendance, test_work_done):
 * given once, a member of the group on the day. key gets the student's id as text.
 * 1 when the student is a member that day. */
static int listed_member(struct req *rq, json_t *group, json_t *item, const char *list, size_t i, const char *date,
			 json_t *seen, char key[24])
{
	char field[64];
	snprintf(field, sizeof field, "%s[%zu].student_id", list, i);
	int64_t s = api_int_at(item, "student_id");
	snprintf(key, 24, "%lld", (long long)s);
	if (json_object_get(seen, key))
		reply_add_error(rq, "student_repeated", NULL, field);
	json_object_set_new(seen, key, json_true());
	if (member_on(group, s, date))
		return 1;
	reply_add_error(rq, "student_not_in_lesson", "ELE-3", field);
	return 0;
}

/* Every problem of the session in rq->json for the group (journal rules: JRN-1's
 * missed lesson, the roll's reasons; ELE-10's test work; ELE-14's plan). */
static void check_session(struct req *rq, json_t *group, json_t *plan, json_t *year)
{
	const char *date = body_str(rq, "date");
	const char *status = body_str(rq, "status");
	int missed = status && strcmp(status, "missed") == 0;
	json_t *att = json_object_get(rq->json, "attendance"), *done = json_object_get(rq->json, "test_work_done");
	char today[DATE_TEXT_SIZE];
	elective_today(today);
	const char *ys = json_string_value(json_object_get(year, "starts_on"));
	const char *ye = json_string_value(json_object_get(year, "ends_on"));
	if (!ys || !ye || strcmp(date, ys) < 0 || strcmp(date, ye) > 0)
		reply_add_error(rq, "out_of_range", NULL, "date");
	if (missed) {
		const char *why = body_str(rq, "missed_reason");
		if (!why || !*why)
			reply_add_error(rq, "missed_reason_required", "JRN-1", "missed_reason");
		if (json_array_size(att) || json_array_size(done) || json_is_true(json_object_get(rq->json, "test_work")))
			reply_add_error(rq, "missed_lesson_has_marks", "JRN-1", "attendance");
	}
	if ((json_array_size(att) || json_array_size(done)) && strcmp(date, today) > 0)
		reply_add_error(rq, "lesson_not_yet_held", "JRN-1", "date");
	json_t *pos = json_object_get(rq->json, "plan_position");
	if (json_is_integer(pos)) {
		int found = 0;
		size_t i;
		json_t *r;
		json_array_foreach(plan, i, r)
			found |= api_int_at(r, "position") == json_integer_value(pos);
		if (!found)
			reply_add_error(rq, "elective_plan_row_missing", "ELE-14", "plan_position");
	}
	json_t *seen = json_object(), *absent = json_object();
	size_t i;
	json_t *a;
	json_array_foreach(att, i, a) {
		char field[64], key[24];
		listed_member(rq, group, a, "attendance", i, date, seen, key);
		const char *st = json_string_value(json_object_get(a, "status"));
		int has_reason = json_is_string(json_object_get(a, "reason"));
		snprintf(field, sizeof field, "attendance[%zu].reason", i);
		if (strcmp(st, "absent") == 0 && !has_reason)
			reply_add_error(rq, "absence_reason_required", NULL, field);
		if (strcmp(st, "absent") != 0 && has_reason)
			reply_add_error(rq, "reason_only_for_absence", NULL, field);
		if (strcmp(st, "absent") == 0)
			json_object_set_new(absent, key, json_true());
	}
	json_decref(seen);
	seen = json_object();
	if (json_array_size(done) && !json_is_true(json_object_get(rq->json, "test_work")))
		reply_add_error(rq, "elective_no_test_work", "ELE-10", "test_work_done");
	json_array_foreach(done, i, a) {
		char key[24];
		if (listed_member(rq, group, a, "test_work_done", i, date, seen, key) && json_object_get(absent, key)) {
			char field[64];
			snprintf(field, sizeof field, "test_work_done[%zu].student_id", i);
			reply_add_error(rq, "elective_test_work_absent", "ELE-10", field);
		}
	}
	json_decref(seen);
	json_decref(absent);
}

/* The record to write: the body with its defaults, the semester and the lists' ids. */
static json_t *session_record(struct req *rq, int semester)
{
	json_t *rec = json_deep_copy(rq->json);
	if (!json_object_get(rec, "status"))
		json_object_set_new(rec, "status", json_string("held"));
	json_object_set_new(rec, "semester", json_integer(semester));
	json_t *ids = json_array();
	size_t i;
	json_t *a;
	json_array_foreach(json_object_get(rq->json, "test_work_done"), i, a)
		json_array_append(ids, json_object_get(a, "student_id"));
	json_object_set_new(rec, "test_work_done", ids);
	return rec;
}

int api_elective_session_save(struct req *rq)
{
	int64_t gid = rq->params[0];
	json_t *c;
	json_t *g = elective_group_for(rq, gid, &c);
	if (!g)
		return rq->status;
	int may = elective_may_teach(rq, c, api_int_at(g, "staff_id"));
	int64_t course = api_int_at(c, "id"), school = api_int_at(c, "school_id"), year_id = api_int_at(c, "academic_year_id");
	json_decref(c);
	json_decref(g);
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, session_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	g = elective_group_get(rq->db, gid);
	json_t *prog = g ? elective_programme_get(rq->db, course) : NULL;
	json_t *year = prog ? years_get(rq->db, year_id) : NULL;
	if (!year) {
		json_decref(g);
		json_decref(prog);
		return api_rollback_errors(rq, 500);
	}
	check_session(rq, g, json_object_get(prog, "plan"), year);
	json_decref(g);
	json_decref(prog);
	json_decref(year);
	if (reply_has_errors(rq))
		return api_rollback_errors(rq, 422);
	int semester = elective_semester_of(rq->db, year_id, body_str(rq, "date"));
	int64_t before_id = 0;
	if (semester < 0 || db_query_int64(rq->db, &before_id, "SELECT id FROM elective_sessions WHERE group_id = $1 AND"
						" session_date = $2", "is", gid, body_str(rq, "date")) < 0)
		return api_rollback_errors(rq, 500);
	json_t *before = before_id ? elective_session_get(rq->db, before_id) : NULL;
	json_t *rec = session_record(rq, semester);
	int64_t id = 0;
	int rc = elective_session_save(rq->db, gid, rec, rq->user.id, &id);
	json_decref(rec);
	json_t *after = rc == DB_OK ? elective_session_get(rq->db, id) : NULL;
	int ok = after && audit_record(rq->db, rq->user.id, school, "save", "elective_session", id, before, after) ==
				  DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, before_id ? 200 : 201, after);
}

int api_elective_session_get(struct req *rq)
{
	json_t *s = elective_session_get(rq->db, rq->params[0]);
	if (!s)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	json_t *c;
	json_t *g = elective_group_for(rq, api_int_at(s, "group_id"), &c);
	if (!g) {
		json_decref(s);
		return rq->status;
	}
	/* the roll: the members on the session's day */
	json_t *roll = json_array();
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(g, "members"), i, m)
		if (member_on(g, api_int_at(m, "student_id"), json_string_value(json_object_get(s, "date"))))
			json_array_append(roll, m);
	json_object_set_new(s, "roll", roll);
	json_object_set_new(s, "may_write", json_boolean(elective_may_teach(rq, c, api_int_at(g, "staff_id"))));
	json_decref(g);
	json_decref(c);
	return reply_json(rq, 200, s);
}

/* --- final products (ELE-8) --- */

static const char *const product_kinds[] = {"prize", "creative_work", "research_report", "article", "talk",
					    "presentation", "video", "product", "sports_event", "patent", "other", NULL};
static const struct field_spec product_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = "kind", .type = FIELD_ENUM, .required = 1, .values = product_kinds},
	{.name = "title", .type = FIELD_STRING, .required = 1, .max_len = 500},
	{.name = "recorded_on", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};

int api_elective_products(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	json_decref(c);
	json_t *items = elective_products_of(rq->db, rq->params[0], 0);
	return items ? reply_list(rq, items, (int64_t)json_array_size(items), -1) : reply_db_failure(rq);
}

int api_elective_product_create(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	int may = elective_may_teach(rq, c, 0);
	int64_t course = rq->params[0], school = api_int_at(c, "school_id");
	json_decref(c);
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, product_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	elective_not_future(rq, "recorded_on");
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int64_t chose = 0;
	if (db_query_int64(rq->db, &chose, "SELECT COUNT(*) FROM elective_choices WHERE student_id = $1 AND course_id = $2",
			   "ii", body_int(rq, "student_id", 0), course) != DB_ROW)
		return api_rollback_errors(rq, 500);
	if (!chose)
		reply_add_error(rq, "elective_not_chosen", "ELE-8", "student_id");
	if (reply_has_errors(rq))
		return api_rollback_errors(rq, 422);
	int64_t id = 0;
	json_t *rec = json_deep_copy(rq->json);
	int rc = elective_product_insert(rq->db, course, body_int(rq, "student_id", 0), rec, rq->user.id, &id);
	json_object_set_new(rec, "id", json_integer(id));
	json_object_set_new(rec, "course_id", json_integer(course));
	if (rc != DB_OK || audit_record(rq->db, rq->user.id, school, "create", "elective_product", id, NULL, rec) != DB_OK) {
		json_decref(rec);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, rec);
}
