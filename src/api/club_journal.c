/* club_journal (api) — what a club keeps through the year (issue 8): the leader's
 * journal of sessions with their date, content, duration and who was absent (CLB-7); the
 * quarterly report on the programme's progress, generated from the programme and the
 * journal (hours planned and held, topics, attendance per member, CLB-7); the deputy for
 * upbringing's quarterly check of the journal and the clubs not checked in a quarter
 * (CLB-8); the members' results and products with their level (CLB-6); the satisfaction
 * survey of students and representatives with its results (CLB-8). docs/clubs.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/clubs.h"
#include "api/electives.h"
#include "api/handlers.h"
#include "core/club.h"
#include "core/date.h"
#include "report/club_report.h"
#include "store/club.h"
#include "store/db.h"
#include "store/org.h"
#include "store/people.h"

/* Whether the membership covers the day: joined on or before, not left before. */
static int member_on(json_t *m, const char *day)
{
	const char *left = api_text_at(m, "left_on");
	return strcmp(api_text_at(m, "joined_on"), day) <= 0 && (!left || strcmp(left, day) >= 0);
}

/* The membership of the student in the list that covers the day, or NULL. */
static json_t *member_of(json_t *members, int64_t student, const char *day)
{
	size_t i;
	json_t *m;
	json_array_foreach(members, i, m) if (api_int_at(m, "student_id") == student && member_on(m, day)) return m;
	return NULL;
}

/* --- the journal (CLB-7) --- */

int api_club_sessions(struct req *rq)
{
	json_t *c = club_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	json_decref(c);
	json_t *items = club_sessions_of(rq->db, rq->params[0]);
	return items ? reply_list(rq, items, (int64_t)json_array_size(items), -1) : reply_db_failure(rq);
}

static const char *const reasons[] = {"ill", "sanatorium", "excused", "unexcused", NULL};
static const struct field_spec absence_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = "reason", .type = FIELD_ENUM, .nullable = 1, .values = reasons},
	{.name = NULL},
};
static const struct field_spec session_fields[] = {
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = "content", .type = FIELD_STRING, .required = 1, .max_len = 2000},
	{.name = "hours", .type = FIELD_INT, .required = 1, .min = 1, .max = 6},
	{.name = "absent", .type = FIELD_LIST, .max_len = 200, .fields = absence_fields},
	{.name = NULL},
};

/* The leader writes a session whole (again on the same date replaces it): the absent
 * must be members that day; a member who is ill or in a sanatorium (CLB-4) is absent
 * for that reason unless another is given. */
int api_club_session_save(struct req *rq)
{
	int64_t school;
	if (club_write_begin(rq, rq->params[0], club_may_lead, session_fields, "date", &school))
		return rq->status;
	json_t *members = club_members_of(rq->db, rq->params[0]);
	if (!members)
		return api_rollback_errors(rq, 500);
	json_t *rec = json_deep_copy(rq->json);
	const char *day = body_str(rq, "date");
	json_t *absent = json_object_get(rec, "absent");
	if (!json_is_array(absent)) {
		absent = json_array();
		json_object_set_new(rec, "absent", absent);
	}
	size_t i;
	json_t *a;
	char field[48];
	json_array_foreach(absent, i, a) {
		json_t *m = member_of(members, api_int_at(a, "student_id"), day);
		if (!m) {
			snprintf(field, sizeof field, "absent[%zu].student_id", i);
			reply_add_error(rq, "club_not_member", NULL, field);
		} else if (!api_text_at(a, "reason") && strcmp(api_text_at(m, "status"), "active") != 0) {
			json_object_set(a, "reason", json_object_get(m, "status"));
		}
	}
	json_decref(members);
	if (reply_has_errors(rq)) {
		json_decref(rec);
		return api_rollback_errors(rq, 422);
	}
	int64_t id = 0;
	int rc = club_session_save(rq->db, rq->params[0], rec, rq->user.id, &id);
	json_decref(rec);
	json_t *after = rc == DB_OK ? club_session_get(rq->db, id) : NULL;
	return club_write_end(rq, school, "save", "club_session", id, NULL, json_incref(after), 200, after);
}

/* --- the quarterly report (CLB-7) --- */

/* ?quarter=1..4 into *q; -1 after replying 400. */
static int query_quarter(struct req *rq, int *q)
{
	const char *v = req_query(rq, "quarter");
	*q = v ? atoi(v) : 0;
	if (!v || *q < 1 || *q > 4 || v[1]) {
		reply_error(rq, 400, "bad_query", NULL, "quarter");
		return -1;
	}
	return 0;
}

/* The report of quarter q of club c (CLB-7): hours planned and held, the quarter's topics
 * and sessions, each member's attendance, the deputy's check. NULL on a database failure. */
static json_t *club_report_of(struct req *rq, json_t *c, int q)
{
	char from[11], to[11];
	json_t *programme = club_programme_of(rq->db, rq->params[0]);
	json_t *sessions = programme ? club_sessions_of(rq->db, rq->params[0]) : NULL;
	json_t *members = sessions ? club_members_of(rq->db, rq->params[0]) : NULL;
	json_t *checks = members ? club_checks_of(rq->db, rq->params[0]) : NULL;
	if (!checks || club_quarter_dates(rq->db, api_int_at(c, "academic_year_id"), q, from, to) != DB_OK) {
		json_decref(programme);
		json_decref(sessions);
		json_decref(members);
		json_decref(checks);
		return NULL;
	}
	int planned = 0, held = 0;
	json_t *topics = json_array(), *held_list = json_array();
	size_t i;
	json_t *r;
	json_array_foreach(programme, i, r) if (api_int_at(r, "quarter") == q) {
		planned += (int)api_int_at(r, "hours");
		json_array_append(topics, r);
	}
	json_array_foreach(sessions, i, r) {
		const char *d = api_text_at(r, "date");
		if (!from[0] || strcmp(d, from) < 0 || strcmp(d, to) > 0)
			continue;
		held += (int)api_int_at(r, "hours");
		json_array_append(held_list, r);
	}
	/* attendance of each member who was one during the quarter */
	json_t *attendance = json_array();
	json_array_foreach(members, i, r) {
		const char *left = api_text_at(r, "left_on");
		if (!from[0] || strcmp(api_text_at(r, "joined_on"), to) > 0 || (left && strcmp(left, from) < 0))
			continue;
		int n = 0, present = 0;
		size_t j;
		json_t *s;
		json_array_foreach(held_list, j, s) {
			if (!member_on(r, api_text_at(s, "date")))
				continue;
			n++;
			int away = 0;
			size_t k;
			json_t *a;
			json_array_foreach(json_object_get(s, "absent"), k, a) away |=
				api_int_at(a, "student_id") == api_int_at(r, "student_id");
			present += !away;
		}
		json_array_append_new(attendance, json_pack("{s:O, s:O, s:O, s:O, s:O, s:O, s:i, s:i, s:i}", "student_id",
			json_object_get(r, "student_id"), "last_name", json_object_get(r, "last_name"), "first_name",
			json_object_get(r, "first_name"), "class", json_object_get(r, "class"), "status",
			json_object_get(r, "status"), "left_on", json_object_get(r, "left_on"), "sessions", n, "attended",
			present, "percent", n ? present * 100 / n : 100));
	}
	json_t *checked = json_null();
	json_array_foreach(checks, i, r) if (api_int_at(r, "quarter") == q) checked = r;
	struct club_progress p = club_progress_of(planned, held);
	json_t *out = json_pack("{s:O, s:O, s:i, s:s?, s:s?, s:i, s:i, s:i, s:o, s:o, s:o, s:O}", "club_id",
				json_object_get(c, "id"), "title", json_object_get(c, "title"), "quarter", q, "from",
				from[0] ? from : NULL, "to", to[0] ? to : NULL, "hours_planned", p.planned, "hours_held",
				p.held, "percent", p.percent, "topics", topics, "sessions", held_list, "attendance",
				attendance, "check", checked);
	json_decref(programme);
	json_decref(sessions);
	json_decref(members);
	json_decref(checks);
	return out;
}

/* The club of the path, readable by the user, and its report of ?quarter= into *report
 * (the quarter into *q); NULL after replying (404, 403, 400, a database failure). */
static json_t *report_request(struct req *rq, int *q, json_t **report)
{
	json_t *c = club_for(rq, rq->params[0]);
	if (!c)
		return NULL;
	if (query_quarter(rq, q) < 0) {
		json_decref(c);
		return NULL;
	}
	*report = club_report_of(rq, c, *q);
	if (!*report) {
		json_decref(c);
		reply_db_failure(rq);
		return NULL;
	}
	return c;
}

int api_club_report(struct req *rq)
{
	int q;
	json_t *report = NULL, *c = report_request(rq, &q, &report);
	if (!c)
		return rq->status;
	json_decref(c);
	return reply_json(rq, 200, report);
}

/* The report as a document to print and sign (CLB-7, A4§18), in ?lang=kk|ru|en. */
int api_club_report_pdf(struct req *rq)
{
	int q, lang = api_document_lang(rq);
	if (lang < 0)
		return rq->status;
	json_t *report = NULL, *c = report_request(rq, &q, &report);
	if (!c)
		return rq->status;
	json_t *school = schools_get(rq->db, api_int_at(c, "school_id"));
	json_t *blocks = school ? club_report_doc(report, c, json_object_get(school, "name"), (enum lang)lang) : NULL;
	json_decref(report);
	json_decref(school);
	json_decref(c);
	if (!blocks)
		return reply_db_failure(rq);
	char filename[64];
	snprintf(filename, sizeof filename, "club-report-%lld-q%d-%s.pdf", (long long)rq->params[0], q, lang_code(lang));
	return api_reply_blocks_pdf(rq, blocks, filename);
}

/* --- checks (CLB-8) --- */

static const struct field_spec check_fields[] = {
	{.name = "quarter", .type = FIELD_INT, .required = 1, .min = 1, .max = 4},
	{.name = "checked_on", .type = FIELD_DATE, .required = 1},
	{.name = "note", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 2000},
	{.name = NULL},
};

/* CLB-8: the deputy for upbringing (or the director) records a check of the journal. */
int api_club_check_create(struct req *rq)
{
	int64_t school;
	if (club_write_begin(rq, rq->params[0], club_may_manage, check_fields, "checked_on", &school))
		return rq->status;
	int64_t id = 0;
	int rc = club_check_insert(rq->db, rq->params[0], rq->json, rq->user.id, &id);
	json_t *reply = rc == DB_OK ? json_deep_copy(rq->json) : NULL;
	if (reply)
		json_object_set_new(reply, "id", json_integer(id));
	return club_write_end(rq, school, "check", "club_journal", rq->params[0], NULL, json_incref(reply), 201, reply);
}

int api_school_clubs_unchecked(struct req *rq)
{
	int64_t school = rq->params[0], year;
	int q;
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (!api_school_found(rq, school) || query_quarter(rq, &q) < 0 || api_query_id(rq, "year", &year) < 0)
		return rq->status;
	json_t *items = clubs_unchecked(rq->db, school, year ? year : years_current(rq->db, school), q);
	return items ? reply_list(rq, items, (int64_t)json_array_size(items), -1) : reply_db_failure(rq);
}

/* --- results (CLB-6) --- */

int api_club_results(struct req *rq)
{
	json_t *c = club_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	json_decref(c);
	json_t *items = club_results_of(rq->db, rq->params[0], 0);
	return items ? reply_list(rq, items, (int64_t)json_array_size(items), -1) : reply_db_failure(rq);
}

static const char *const result_kinds[] = {"product", "contest", "exhibition", "sport_event", NULL};
static const char *const levels[] = {"school", "network", "regional", "republican", "international", NULL};
static const struct field_spec result_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = "kind", .type = FIELD_ENUM, .required = 1, .values = result_kinds},
	{.name = "title", .type = FIELD_STRING, .required = 1, .max_len = 300},
	{.name = "level", .type = FIELD_ENUM, .required = 1, .values = levels},
	{.name = "award", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 200},
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};

/* Whether the student was a member on the body's `date_field`; adds club_not_member
 * at `field` when not. -1 on a database error. */
static int check_member(struct req *rq, const char *date_field, const char *field)
{
	json_t *members = club_members_of(rq->db, rq->params[0]);
	if (!members)
		return -1;
	if (!member_of(members, body_int(rq, "student_id", 0), body_str(rq, date_field)))
		reply_add_error(rq, "club_not_member", NULL, field);
	json_decref(members);
	return 0;
}

int api_club_result_create(struct req *rq)
{
	int64_t school;
	if (club_write_begin(rq, rq->params[0], club_may_lead, result_fields, "date", &school))
		return rq->status;
	if (check_member(rq, "date", "student_id") < 0 || reply_has_errors(rq))
		return api_rollback_errors(rq, 422);
	int64_t id = 0;
	int rc = club_result_insert(rq->db, rq->params[0], rq->json, rq->user.id, &id);
	json_t *reply = rc == DB_OK ? json_deep_copy(rq->json) : NULL;
	if (reply)
		json_object_set_new(reply, "id", json_integer(id));
	return club_write_end(rq, school, "create", "club_result", id, NULL, json_incref(reply), 201, reply);
}

/* --- the satisfaction survey (CLB-8) --- */

int api_club_survey(struct req *rq)
{
	json_t *c = club_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	json_decref(c);
	json_t *out = club_survey_results(rq->db, rq->params[0]);
	return out ? reply_json(rq, 200, out) : reply_db_failure(rq);
}

static const char *const respondents[] = {"student", "representative", NULL};
static const struct field_spec survey_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = "respondent", .type = FIELD_ENUM, .required = 1, .values = respondents},
	{.name = "satisfaction", .type = FIELD_INT, .required = 1, .min = 1, .max = 5},
	{.name = "comment", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 2000},
	{.name = NULL},
};

/* An answer entered by the deputy for upbringing or the director from the survey they
 * ran (CLB-8), for a member of the club; answered today. */
int api_club_survey_answer(struct req *rq)
{
	int64_t school;
	if (club_write_begin(rq, rq->params[0], club_may_manage, survey_fields, NULL, &school))
		return rq->status;
	char today[DATE_TEXT_SIZE];
	elective_today(today);
	json_object_set_new(rq->json, "answered_on", json_string(today));
	if (check_member(rq, "answered_on", "student_id") < 0 || reply_has_errors(rq))
		return api_rollback_errors(rq, 422);
	int64_t id = 0;
	int rc = club_survey_insert(rq->db, rq->params[0], rq->json, rq->user.id, &id);
	json_t *reply = rc == DB_OK ? club_survey_results(rq->db, rq->params[0]) : NULL;
	return club_write_end(rq, school, "answer", "club_survey", id, NULL, NULL, 201, reply);
}

static const struct field_spec own_survey_fields[] = {
	{.name = "satisfaction", .type = FIELD_INT, .required = 1, .min = 1, .max = 5},
	{.name = "comment", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 2000},
	{.name = NULL},
};

/* The survey answered by the member themself or a linked representative (CLB-8): each of
 * them once a quarter, for a club the student is in today, during a quarter of its year. */
int api_student_club_survey(struct req *rq)
{
	json_t *student = students_get(rq->db, rq->params[0]);
	json_t *club = student ? club_get(rq->db, rq->params[1]) : NULL;
	if (!club || api_int_at(club, "school_id") != api_int_at(student, "school_id")) {
		json_decref(student);
		json_decref(club);
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	}
	const char *respondent = club_survey_respondent(rq, student);
	int64_t school = api_int_at(club, "school_id"), year = api_int_at(club, "academic_year_id");
	json_decref(student);
	json_decref(club);
	if (!respondent)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, own_survey_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	char today[DATE_TEXT_SIZE], from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], on[DATE_TEXT_SIZE];
	int quarter = 0;
	elective_today(today);
	json_t *members = club_members_of(rq->db, rq->params[1]);
	if (!members || club_quarter_of(rq->db, year, today, &quarter, from, to) != DB_OK) {
		json_decref(members);
		return reply_db_failure(rq);
	}
	int member = member_of(members, rq->params[0], today) != NULL;
	json_decref(members);
	if (!member)
		reply_add_error(rq, "club_not_member", "CLB-8", "club_id");
	if (!quarter)
		reply_add_error(rq, "club_survey_no_quarter", "CLB-8", "answered_on");
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int rc = club_survey_answered(rq->db, rq->params[1], rq->params[0], rq->user.id, from, to, on);
	if (rc == DB_ROW) {
		json_t *e = reply_add_error(rq, "club_survey_answered", "CLB-8", "satisfaction");
		json_object_set_new(e, "answered_on", json_string(on));
		return api_rollback_errors(rq, 409);
	}
	if (rc != DB_DONE)
		return api_rollback_errors(rq, 500);
	json_object_set_new(rq->json, "student_id", json_integer(rq->params[0]));
	json_object_set_new(rq->json, "respondent", json_string(respondent));
	json_object_set_new(rq->json, "answered_on", json_string(today));
	int64_t id = 0;
	rc = club_survey_insert(rq->db, rq->params[1], rq->json, rq->user.id, &id);
	json_t *reply = rc == DB_OK ? json_pack("{s:I, s:i, s:s, s:s, s:O}", "id", (json_int_t)id, "quarter", quarter,
						 "respondent", respondent, "answered_on", today, "satisfaction",
						 json_object_get(rq->json, "satisfaction"))
				    : NULL;
	return club_write_end(rq, school, "answer", "club_survey", id, NULL, NULL, 201, reply);
}
