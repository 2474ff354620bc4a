/* learning_routes (api) — individual learning routes, ОЖОМ (issue 8, appendix 5): a
 * subject teacher (or the school's administration) writes a student's route with its
 * reason (IR-1), span, five components and schedule (IR-2); the teacher, the curator and
 * the student or a representative each agree it from their own account (IR-2); the
 * teachers assess it every week and may correct it, the correction kept as history
 * (IR-3); the subject teacher writes the conclusions at its end (IR-4); the deputies read
 * the quarter's achievement and attendance of every route student (IR-5); the curator,
 * the student and the parents read theirs. A refusal lists every problem and writes
 * nothing; every write is audited. docs/learning-routes.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/results.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/learning_route.h"
#include "store/audit.h"
#include "store/calendar.h"
#include "store/db.h"
#include "store/journal_views.h"
#include "store/learning_route.h"
#include "store/marking.h"
#include "store/org.h"
#include "store/people.h"

/* --- who may do what --- */

/* The signed-in user's staff id at `school`, 0 when none. */
static int64_t my_staff(struct req *rq, int64_t school)
{
	if (!rq->user.person_id || rq->user.school_id != school)
		return 0;
	return staff_of_person(rq->db, rq->user.person_id, school);
}

static int is_admin_of(struct req *rq, int64_t school)
{
	return (rq->user.role & ROLES_SCHOOL_ADMIN) && rq->user.school_id == school;
}

/* The route and its student when the user may read them (the school's staff, network
 * roles, the student, a linked representative); NULL after replying. */
static json_t *route_for(struct req *rq, int64_t id, json_t **student)
{
	json_t *r = learning_route_get(rq->db, id);
	if (!r) {
		if (rq->db->lost)
			reply_db_failure(rq);
		else
			reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	json_t *s = api_student_for(rq, api_int_at(r, "student_id"), NULL);
	if (!s) {
		json_decref(r);
		return NULL;
	}
	if (student)
		*student = s;
	else
		json_decref(s);
	return r;
}

/* --- the year as core sees it --- */

/* The calendar of the year (its dates and, when saved, its terms and holidays); 0, or
 * -1 when the year is missing. */
static int year_calendar(struct req *rq, int64_t year_id, struct calendar_year *y)
{
	memset(y, 0, sizeof *y);
	json_t *s = calendar_structure_get(rq->db, year_id);
	int ok = s && calendar_structure_to_year(s, y) == 0;
	json_decref(s);
	if (ok)
		return 0;
	json_t *year = years_get(rq->db, year_id);
	if (!year)
		return -1;
	memset(y, 0, sizeof *y);
	y->starts_on = api_date_at(year, "starts_on");
	y->ends_on = api_date_at(year, "ends_on");
	y->type = CALENDAR_TYPE_INVALID;
	json_decref(year);
	return 0;
}

/* IR-3: the route's weeks and those ended without an assessment into r ("weeks",
 * "overdue_weeks" [Mondays]); a draft has none due yet, a concluded route keeps those it
 * had. */
static int add_weeks(struct req *rq, json_t *r, const struct calendar_year *y)
{
	struct date starts = api_date_at(r, "starts_on"), ends = api_date_at(r, "ends_on");
	size_t weeks = route_weeks(y->n_terms ? y : NULL, starts, ends, NULL, 0);
	json_object_set_new(r, "weeks", json_integer((json_int_t)weeks));
	json_t *overdue = json_array();
	json_object_set_new(r, "overdue_weeks", overdue);
	if (strcmp(api_text_at(r, "status"), "draft") == 0)
		return 0;
	json_t *dates = learning_route_assessment_dates(rq->db, api_int_at(r, "id"));
	if (!dates)
		return -1;
	size_t n = json_array_size(dates);
	struct date *assessed = calloc(n + 1, sizeof *assessed);
	struct date *out = calloc(weeks + 1, sizeof *out);
	for (size_t i = 0; i < n; i++)
		date_parse(json_string_value(json_array_get(dates, i)), &assessed[i]);
	size_t k = route_overdue_weeks(y->n_terms ? y : NULL, starts, ends, assessed, n, api_today(), out, weeks);
	for (size_t i = 0; i < k && i < weeks; i++)
		json_array_append_new(overdue, api_date_json(out[i]));
	free(assessed);
	free(out);
	json_decref(dates);
	return 0;
}

/* --- reading --- */

int api_learning_route_get(struct req *rq)
{
	json_t *r = route_for(rq, rq->params[0], NULL);
	if (!r)
		return rq->status;
	struct calendar_year y;
	if (year_calendar(rq, api_int_at(r, "academic_year_id"), &y) != 0 || add_weeks(rq, r, &y) != 0) {
		json_decref(r);
		return reply_db_failure(rq);
	}
	return reply_json(rq, 200, r);
}

int api_student_learning_routes(struct req *rq)
{
	int64_t id = rq->params[0];
	json_t *s = api_student_for(rq, id, NULL);
	if (!s)
		return rq->status;
	json_decref(s);
	struct route_filter f = {.student_id = id};
	json_t *items = learning_routes_list(rq->db, &f);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), -1);
}

/* 1 when the user may read the school and it exists; else 0 after replying. */
static int school_readable(struct req *rq, int64_t school)
{
	if (!rights_read_school(rq, school)) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return 0;
	}
	return api_school_found(rq, school);
}

int api_school_learning_routes(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!school_readable(rq, school))
		return rq->status;
	struct route_filter f = {.school_id = school};
	if (api_query_id(rq, "year", &f.year_id) != 0 || api_query_id(rq, "class_id", &f.class_id) != 0)
		return rq->status;
	if (!f.year_id)
		f.year_id = years_current(rq->db, school);
	json_t *items = learning_routes_list(rq->db, &f);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), -1);
}

/* --- writing a route (IR-1, IR-2) --- */

static const char *const reasons[] = {"high_ability", "low_motivation", "long_illness", "other", NULL};
static const char *const spans[] = {"topic", "section", "semester", "year", NULL};

static const struct field_spec schedule_fields[] = {
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = "activity", .type = FIELD_STRING, .required = 1, .max_len = 1000},
	{.name = "form", .type = FIELD_STRING, .required = 1, .max_len = 200},
	{.name = NULL},
};

#define COMPONENT_SPEC(n) {.name = n, .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 10000}
/* IR-2: the five components and the schedule, as a route and a correction write them */
#define ROUTE_PARTS_SPECS \
	COMPONENT_SPEC("target"), COMPONENT_SPEC("content"), COMPONENT_SPEC("technological"), \
		COMPONENT_SPEC("diagnostic"), COMPONENT_SPEC("organisational"), \
		{.name = "schedule", .type = FIELD_LIST, .max_len = 200, .fields = schedule_fields}

static const struct field_spec route_fields[] = {
	{.name = "reason", .type = FIELD_ENUM, .required = 1, .values = reasons},
	{.name = "reason_note", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 2000},
	{.name = "span", .type = FIELD_ENUM, .required = 1, .values = spans},
	{.name = "span_title", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 500},
	{.name = "semester", .type = FIELD_INT, .nullable = 1, .min = 1, .max = 2},
	{.name = "starts_on", .type = FIELD_DATE, .nullable = 1},
	{.name = "ends_on", .type = FIELD_DATE, .nullable = 1},
	{.name = "staff_id", .type = FIELD_ID},
	{.name = "curator_id", .type = FIELD_ID},
	ROUTE_PARTS_SPECS,
	{.name = NULL},
};

/* subject_ids (not a field of validate_body's: a list of ids) checked here: a non-empty array of distinct positive
 * integers), so the table's other fields are checked by validate_body. */
static int validate_route(struct req *rq, enum validate_mode mode)
{
	json_t *ids = json_object_get(rq->json, "subject_ids");
	int bad = 0;
	if (ids) {
		size_t i, j;
		json_t *v;
		bad = !json_is_array(ids) || json_array_size(ids) == 0 || json_array_size(ids) > 20;
		json_array_foreach(ids, i, v) {
			if (!json_is_integer(v) || json_integer_value(v) <= 0)
				bad = 1;
			for (j = 0; j < i && !bad; j++)
				bad = json_equal(v, json_array_get(ids, j));
		}
		if (bad)
			reply_add_error(rq, "invalid_format", NULL, "subject_ids");
	} else if (mode == VALIDATE_CREATE) {
		reply_add_error(rq, "missing_field", NULL, "subject_ids");
		bad = 1;
	}
	json_t *saved = ids ? json_incref(ids) : NULL;
	json_object_del(rq->json, "subject_ids");
	int n = validate_body(rq, route_fields, mode);
	if (saved)
		json_object_set_new(rq->json, "subject_ids", saved);
	return n || bad;
}

static void span_problem(struct req *rq, enum route_span_problem p)
{
	switch (p) {
	case ROUTE_SPAN_DATES_MISSING:
		reply_add_error(rq, "learning_route_span_dates_missing", "IR-2", "starts_on");
		break;
	case ROUTE_SPAN_DATES_ORDER:
		reply_add_error(rq, "learning_route_span_order", "IR-2", "ends_on");
		break;
	case ROUTE_SPAN_OUTSIDE_YEAR:
		reply_add_error(rq, "learning_route_outside_year", "IR-2", "starts_on");
		break;
	case ROUTE_SPAN_NO_SEMESTER:
		reply_add_error(rq, "learning_route_no_semester", "IR-2", "semester");
		break;
	case ROUTE_SPAN_OK:
		break;
	}
}

static int count_of(struct req *rq, const char *sql, int64_t a, int64_t b)
{
	int64_t n = 0;
	return db_query_int64(rq->db, &n, sql, "ii", a, b) == DB_ROW ? (int)n : -1;
}

/* The rules and references of a route record (merged): IR-1's reason (a note for
 * "other"), IR-2's span and its dates in the year (set into rec), the teacher and the
 * curator on the school's staff, the subjects, the schedule inside the span. */
static int check_route(struct req *rq, json_t *rec)
{
	int64_t school = api_int_at(rec, "school_id");
	const char *note = api_text_at(rec, "reason_note");
	if (strcmp(api_text_at(rec, "reason"), "other") == 0 && (!note || !*note))
		reply_add_error(rq, "learning_route_reason_note_missing", "IR-1", "reason_note");
	enum route_span span = route_span_from_code(api_text_at(rec, "span"));
	const char *title = api_text_at(rec, "span_title");
	if ((span == ROUTE_SPAN_TOPIC || span == ROUTE_SPAN_SECTION) && (!title || !*title))
		reply_add_error(rq, "learning_route_span_title_missing", "IR-2", "span_title");
	struct calendar_year y;
	if (year_calendar(rq, api_int_at(rec, "academic_year_id"), &y) != 0)
		return -1;
	struct date starts = {0}, ends = {0};
	enum route_span_problem p = route_span_dates(&y, span, (int)api_int_at(rec, "semester"),
						     api_date_at(rec, "starts_on"), api_date_at(rec, "ends_on"), &starts,
						     &ends);
	span_problem(rq, p);
	if (p == ROUTE_SPAN_OK) {
		json_object_set_new(rec, "starts_on", api_date_json(starts));
		json_object_set_new(rec, "ends_on", api_date_json(ends));
		if (span != ROUTE_SPAN_SEMESTER)
			json_object_set_new(rec, "semester", json_null());
		size_t i;
		json_t *row;
		json_array_foreach(json_object_get(rec, "schedule"), i, row) {
			struct date d = api_date_at(row, "date");
			if (date_compare(d, starts) < 0 || date_compare(d, ends) > 0) {
				char field[40];
				snprintf(field, sizeof field, "schedule[%zu].date", i);
				reply_add_error(rq, "learning_route_schedule_outside", "IR-2", field);
			}
		}
	}
	static const char *const staff_sql =
		"SELECT COUNT(*) FROM staff WHERE id = $1 AND school_id = $2 AND active = 1";
	int t = count_of(rq, staff_sql, api_int_at(rec, "staff_id"), school);
	int c = count_of(rq, staff_sql, api_int_at(rec, "curator_id"), school);
	if (t < 0 || c < 0)
		return -1;
	if (!t && api_int_at(rec, "staff_id"))
		reply_add_error(rq, "dangling_reference", NULL, "staff_id");
	if (!api_int_at(rec, "curator_id"))
		reply_add_error(rq, "learning_route_curator_missing", "IR-2", "curator_id");
	else if (!c)
		reply_add_error(rq, "dangling_reference", NULL, "curator_id");
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(rec, "subject_ids"), i, v) {
		int64_t n = 0;
		if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM subjects WHERE id = $1", "i", json_integer_value(v)) !=
		    DB_ROW)
			return -1;
		if (!n) {
			char field[48];
			snprintf(field, sizeof field, "subject_ids[%zu]", i);
			reply_add_error(rq, "dangling_reference", NULL, field);
		}
	}
	return 0;
}

/* Commits a write of route `id` with its audit (before, taken, may be NULL) and replies
 * the route as GET gives it. */
static int reply_written(struct req *rq, int64_t id, const char *action, json_t *before, int status)
{
	json_t *after = learning_route_get(rq->db, id);
	int64_t school = after ? api_int_at(after, "school_id") : 0;
	int audited = after &&
		      audit_record(rq->db, rq->user.id, school, action, "learning_route", id, before, after) == DB_OK;
	json_decref(before);
	if (!audited) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	struct calendar_year y;
	if (year_calendar(rq, api_int_at(after, "academic_year_id"), &y) != 0 || add_weeks(rq, after, &y) != 0) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, status, after);
}

/* Begins the write and reads the route of the path as it is now; NULL after replying.
 * With `draft_only`, a route no longer a draft is 409 learning_route_not_draft (IR-3: an
 * agreed route changes only by a weekly assessment's correction). */
static json_t *route_begin(struct req *rq, int draft_only)
{
	if (db_begin_write(rq->db) != DB_OK) {
		reply_db_failure(rq);
		return NULL;
	}
	json_t *before = learning_route_get(rq->db, rq->params[0]);
	if (!before) {
		api_rollback_errors(rq, 500);
		return NULL;
	}
	if (draft_only && strcmp(api_text_at(before, "status"), "draft") != 0) {
		json_decref(before);
		reply_add_error(rq, "learning_route_not_draft", "IR-3", NULL);
		api_rollback_errors(rq, 409);
		return NULL;
	}
	return before;
}

int api_student_learning_route_create(struct req *rq)
{
	int64_t id = rq->params[0];
	json_t *s = students_get(rq->db, id);
	if (!s)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	int64_t school = api_int_at(s, "school_id");
	int64_t me = my_staff(rq, school);
	if (!is_admin_of(rq, school) && !(rq->user.role == ROLE_TEACHER && me)) {
		json_decref(s);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	if (validate_route(rq, VALIDATE_CREATE)) {
		json_decref(s);
		return reply_errors(rq, 422);
	}
	json_t *rec = json_deep_copy(rq->json);
	json_object_set_new(rec, "school_id", json_integer(school));
	json_object_set_new(rec, "student_id", json_integer(id));
	int64_t cls = api_int_at(s, "class_id"), year = 0, curator = 0;
	if (cls)
		db_query_int64(rq->db, &year, "SELECT academic_year_id FROM classes WHERE id = $1", "i", cls);
	if (!year)
		year = years_current(rq->db, school);
	json_object_set_new(rec, "academic_year_id", json_integer(year));
	/* a teacher writes their own routes; the administration names the teacher */
	if (rq->user.role == ROLE_TEACHER)
		json_object_set_new(rec, "staff_id", json_integer(me));
	else if (!json_object_get(rec, "staff_id"))
		reply_add_error(rq, "missing_field", NULL, "staff_id");
	/* the class's curator unless another is named */
	if (!json_object_get(rec, "curator_id") && cls &&
	    db_query_int64(rq->db, &curator, "SELECT COALESCE(curator_id, 0) FROM classes WHERE id = $1", "i", cls) ==
		    DB_ROW &&
	    curator)
		json_object_set_new(rec, "curator_id", json_integer(curator));
	if (strcmp(api_text_at(s, "status") ? api_text_at(s, "status") : "", "studying") != 0)
		reply_add_error(rq, "learning_route_student_not_studying", "IR-1", "student_id");
	json_decref(s);
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(rec);
		return reply_db_failure(rq);
	}
	if (check_route(rq, rec) != 0 || reply_has_errors(rq)) {
		json_decref(rec);
		return api_rollback_errors(rq, 422);
	}
	int64_t rid = 0;
	int rc = learning_route_insert(rq->db, rec, rq->user.id, &rid);
	json_decref(rec);
	if (rc != DB_OK)
		return api_rollback_errors(rq, 500);
	return reply_written(rq, rid, "create", NULL, 201);
}

/* The route's teacher or the school's administration. */
static int may_edit(struct req *rq, json_t *r)
{
	int64_t school = api_int_at(r, "school_id");
	if (is_admin_of(rq, school))
		return 1;
	int64_t me = rq->user.role == ROLE_TEACHER ? my_staff(rq, school) : 0;
	return me && me == api_int_at(r, "staff_id");
}

int api_learning_route_update(struct req *rq)
{
	json_t *r = route_for(rq, rq->params[0], NULL);
	if (!r)
		return rq->status;
	int may = may_edit(rq, r);
	json_decref(r);
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_route(rq, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	json_t *before = route_begin(rq, 1);
	if (!before)
		return rq->status;
	json_t *merged = api_merge(before, rq->json);
	/* a teacher stays the route's teacher */
	if (rq->user.role == ROLE_TEACHER)
		json_object_set(merged, "staff_id", json_object_get(before, "staff_id"));
	if (check_route(rq, merged) != 0 || reply_has_errors(rq)) {
		json_decref(before);
		json_decref(merged);
		return api_rollback_errors(rq, reply_has_errors(rq) ? 422 : 500);
	}
	/* what was agreed is not what is written now: everyone agrees again */
	int rc = learning_route_update(rq->db, rq->params[0], merged);
	if (rc == DB_OK)
		rc = learning_route_agreements_clear(rq->db, rq->params[0]);
	json_decref(merged);
	if (rc != DB_OK) {
		json_decref(before);
		return api_rollback_errors(rq, 500);
	}
	return reply_written(rq, rq->params[0], "update", before, 200);
}

/* The route's parts as core sees them. */
static struct route_parts parts_of(json_t *r)
{
	struct route_parts p = {0};
	for (int i = 0; i < ROUTE_COMPONENTS; i++)
		p.components[i] = api_text_at(r, route_component_names[i]);
	p.schedule_rows = json_array_size(json_object_get(r, "schedule"));
	json_t *ag = json_object_get(r, "agreements");
	for (int i = 0; i < ROUTE_AGREEMENTS; i++)
		p.agreed[i] = json_is_object(json_object_get(ag, route_agreement_names[i]));
	return p;
}

/* IR-2: the agreement of whoever the user is to the route — its teacher, its curator
 * (one person may be both), the student, or a linked representative for the student. */
int api_learning_route_agree(struct req *rq)
{
	json_t *student = NULL;
	json_t *r = route_for(rq, rq->params[0], &student);
	if (!r)
		return rq->status;
	int64_t school = api_int_at(r, "school_id");
	int64_t me = rq->user.role == ROLE_TEACHER || (rq->user.role & ROLES_SCHOOL_ADMIN) ? my_staff(rq, school) : 0;
	int teacher = me && me == api_int_at(r, "staff_id");
	int curator = me && me == api_int_at(r, "curator_id");
	const char *as = NULL;
	if (rq->user.role == ROLE_STUDENT && rq->user.person_id == api_int_at(student, "person_id"))
		as = "student";
	else if (rq->user.role == ROLE_PARENT)
		as = "representative"; /* route_for let only a linked one through */
	json_decref(student);
	json_decref(r);
	if (!teacher && !curator && !as)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *before = route_begin(rq, 1);
	if (!before)
		return rq->status;
	struct route_parts p = parts_of(before);
	unsigned missing = route_missing_parts(&p);
	for (int i = 0; i < ROUTE_COMPONENTS; i++)
		if (missing & (1u << i))
			reply_add_error(rq, "learning_route_part_missing", "IR-2", route_component_names[i]);
	if (missing & ROUTE_MISSING_SCHEDULE)
		reply_add_error(rq, "learning_route_part_missing", "IR-2", "schedule");
	if (reply_has_errors(rq)) {
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}
	int rc = DB_OK;
	if (teacher)
		rc = learning_route_agree(rq->db, rq->params[0], "teacher", rq->user.id, NULL);
	if (rc == DB_OK && curator)
		rc = learning_route_agree(rq->db, rq->params[0], "curator", rq->user.id, NULL);
	if (rc == DB_OK && as)
		rc = learning_route_agree(rq->db, rq->params[0], "student", rq->user.id, as);
	json_t *now = rc == DB_OK ? learning_route_get(rq->db, rq->params[0]) : NULL;
	if (now) {
		p = parts_of(now);
		if (route_is_agreed(&p))
			rc = learning_route_set_status(rq->db, rq->params[0], "agreed");
	}
	json_decref(now);
	if (!now || rc != DB_OK) {
		json_decref(before);
		return api_rollback_errors(rq, 500);
	}
	return reply_written(rq, rq->params[0], "agree", before, 200);
}

/* --- the weekly assessment and its corrections (IR-3) --- */

static const char *const progresses[] = {"ahead", "on_track", "behind", NULL};

static const struct field_spec correction_fields[] = {
	ROUTE_PARTS_SPECS,
	{.name = NULL},
};

static const struct field_spec assessment_fields[] = {
	{.name = "assessed_on", .type = FIELD_DATE},
	{.name = "progress", .type = FIELD_ENUM, .required = 1, .values = progresses},
	{.name = "comment", .type = FIELD_STRING, .required = 1, .max_len = 4000},
	{.name = "correction", .type = FIELD_OBJECT, .fields = correction_fields},
	{.name = NULL},
};

/* The schedule's rows as JSON text without their positions (a correction's history). */
static char *schedule_text(json_t *rows)
{
	json_t *copy = json_array();
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		json_array_append_new(copy, json_pack("{s:O, s:O, s:O}", "date", json_object_get(r, "date"), "activity",
						      json_object_get(r, "activity"), "form", json_object_get(r, "form")));
	}
	char *text = json_dumps(copy, JSON_COMPACT);
	json_decref(copy);
	return text;
}

/* Applies the assessment's correction to the route (before: the route now), each part
 * changed recorded with its text before and after. Adds IR-2's problems of a corrected
 * route (a part emptied, a row outside the span). */
static int apply_correction(struct req *rq, json_t *before, int64_t assessment, json_t *corr)
{
	int64_t id = api_int_at(before, "id");
	for (int i = 0; i < ROUTE_COMPONENTS; i++) {
		const char *part = route_component_names[i];
		if (!json_object_get(corr, part))
			continue;
		const char *text = api_text_at(corr, part);
		const char *old = api_text_at(before, part);
		if (!text || !*text) {
			char field[48];
			snprintf(field, sizeof field, "correction.%s", part);
			reply_add_error(rq, "learning_route_part_missing", "IR-2", field);
			continue;
		}
		if (old && strcmp(old, text) == 0)
			continue;
		if (learning_route_component_set(rq->db, id, part, text) != DB_OK ||
		    learning_route_correction_insert(rq->db, id, assessment, part, old, text) != DB_OK)
			return -1;
	}
	json_t *rows = json_object_get(corr, "schedule");
	if (!json_is_array(rows))
		return 0;
	if (json_array_size(rows) == 0)
		reply_add_error(rq, "learning_route_part_missing", "IR-2", "correction.schedule");
	struct date starts = api_date_at(before, "starts_on"), ends = api_date_at(before, "ends_on");
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		struct date d = api_date_at(row, "date");
		if (date_compare(d, starts) < 0 || date_compare(d, ends) > 0) {
			char field[48];
			snprintf(field, sizeof field, "correction.schedule[%zu].date", i);
			reply_add_error(rq, "learning_route_schedule_outside", "IR-2", field);
		}
	}
	if (reply_has_errors(rq))
		return 0;
	char *old = schedule_text(json_object_get(before, "schedule"));
	char *now = schedule_text(rows);
	int rc = old && now && strcmp(old, now) != 0
			 ? (learning_route_schedule_save(rq->db, id, rows) == DB_OK &&
					    learning_route_correction_insert(rq->db, id, assessment, "schedule", old, now) == DB_OK
				    ? 0
				    : -1)
			 : 0;
	free(old);
	free(now);
	return rc;
}

int api_learning_route_assess(struct req *rq)
{
	json_t *r = route_for(rq, rq->params[0], NULL);
	if (!r)
		return rq->status;
	int64_t school = api_int_at(r, "school_id");
	int64_t me = rq->user.role == ROLE_TEACHER ? my_staff(rq, school) : 0;
	int may = me && (me == api_int_at(r, "staff_id") || me == api_int_at(r, "curator_id"));
	json_decref(r);
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, assessment_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	json_t *before = route_begin(rq, 0);
	if (!before)
		return rq->status;
	struct date today = api_today();
	struct date on = body_str(rq, "assessed_on") ? api_date_at(rq->json, "assessed_on") : today;
	if (strcmp(api_text_at(before, "status"), "agreed") != 0)
		reply_add_error(rq, "learning_route_not_agreed", "IR-3", NULL);
	if (date_compare(on, today) > 0)
		reply_add_error(rq, "date_in_future", NULL, "assessed_on");
	else if (date_compare(on, api_date_at(before, "starts_on")) < 0 ||
		 date_compare(on, api_date_at(before, "ends_on")) > 0)
		reply_add_error(rq, "learning_route_assessment_outside", "IR-3", "assessed_on");
	if (reply_has_errors(rq)) {
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}
	json_t *rec = json_pack("{s:o, s:o, s:O, s:O}", "assessed_on", api_date_json(on), "week_of",
				api_date_json(route_week_of(on)), "progress", json_object_get(rq->json, "progress"),
				"comment", json_object_get(rq->json, "comment"));
	int64_t aid = 0;
	int rc = learning_route_assessment_insert(rq->db, rq->params[0], rec, me, rq->user.id, &aid);
	json_decref(rec);
	if (rc != DB_OK ||
	    (json_is_object(json_object_get(rq->json, "correction")) &&
	     apply_correction(rq, before, aid, json_object_get(rq->json, "correction")) != 0)) {
		json_decref(before);
		return api_rollback_errors(rq, 500);
	}
	if (reply_has_errors(rq)) {
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}
	return reply_written(rq, rq->params[0], "assess", before, 201);
}

/* --- conclusions (IR-4) --- */

static const struct field_spec conclusion_fields[] = {
	{.name = "conclusions", .type = FIELD_STRING, .required = 1, .max_len = 10000},
	{.name = "recommendations", .type = FIELD_STRING, .required = 1, .max_len = 10000},
	{.name = NULL},
};

int api_learning_route_conclude(struct req *rq)
{
	json_t *r = route_for(rq, rq->params[0], NULL);
	if (!r)
		return rq->status;
	int64_t me = rq->user.role == ROLE_TEACHER ? my_staff(rq, api_int_at(r, "school_id")) : 0;
	int may = me && me == api_int_at(r, "staff_id");
	json_decref(r);
	/* IR-4: the subject teacher writes them, no one else */
	if (!may)
		return reply_error(rq, 403, "forbidden", "IR-4", NULL);
	if (validate_body(rq, conclusion_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	json_t *before = route_begin(rq, 0);
	if (!before)
		return rq->status;
	const char *status = api_text_at(before, "status");
	if (strcmp(status, "concluded") == 0) {
		json_decref(before);
		reply_add_error(rq, "learning_route_concluded", "IR-4", NULL);
		return api_rollback_errors(rq, 409);
	}
	struct date today = api_today();
	if (strcmp(status, "agreed") != 0)
		reply_add_error(rq, "learning_route_not_agreed", "IR-4", NULL);
	if (!route_may_conclude(api_date_at(before, "ends_on"), today))
		reply_add_error(rq, "learning_route_not_ended", "IR-4", "ends_on");
	if (reply_has_errors(rq)) {
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}
	char on[DATE_TEXT_SIZE];
	date_format(today, on);
	if (learning_route_conclude(rq->db, rq->params[0], body_str(rq, "conclusions"), body_str(rq, "recommendations"),
				    on, rq->user.id) != DB_OK) {
		json_decref(before);
		return api_rollback_errors(rq, 500);
	}
	return reply_written(rq, rq->params[0], "conclude", before, 200);
}

/* --- the quarter's analysis (IR-5) --- */

/* The route's subjects' results of the student in the quarter, as the diary gives a
 * term's (journal_student_figures through the school's marking model): one per subject,
 * null figures where the journal has none. */
static json_t *achievement(const struct marking_model *m, json_t *figures, json_t *route)
{
	json_t *out = json_array();
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(route, "subjects"), i, s) {
		char key[24];
		snprintf(key, sizeof key, "%lld", (long long)api_int_at(s, "id"));
		struct term_figures tf;
		results_figures(json_object_get(figures, key), &tf);
		json_t *r = results_term_json(m, &tf);
		json_object_set(r, "subject", s);
		json_array_append_new(out, r);
	}
	return out;
}

int api_school_learning_routes_quarter(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!school_readable(rq, school))
		return rq->status;
	int64_t year = 0, term = 0;
	if (api_query_id(rq, "year", &year) != 0 || api_query_id(rq, "term", &term) != 0)
		return rq->status;
	if (!year)
		year = years_current(rq->db, school);
	struct calendar_year y;
	if (!year || year_calendar(rq, year, &y) != 0 || y.n_terms == 0)
		return reply_error(rq, 404, "not_found", NULL, "year");
	struct date today = api_today();
	if (!term) {
		/* the quarter under way, else the last one ended */
		for (size_t i = 0; i < y.n_terms; i++)
			if (date_compare(y.terms[i].starts_on, today) <= 0)
				term = (int64_t)i + 1;
		if (!term)
			term = 1;
	}
	if (term > (int64_t)y.n_terms)
		return reply_error(rq, 400, "bad_query", NULL, "term");
	struct date from = y.terms[term - 1].starts_on, to = y.terms[term - 1].ends_on;
	char f[DATE_TEXT_SIZE], t[DATE_TEXT_SIZE];
	date_format(from, f);
	date_format(to, t);
	struct route_filter filter = {.school_id = school, .year_id = year};
	struct marking_model model;
	json_t *routes = marking_for_school(rq->db, school, &model) == DB_OK ? learning_routes_list(rq->db, &filter) : NULL;
	if (!routes)
		return reply_db_failure(rq);
	json_t *items = json_array();
	size_t i;
	json_t *r;
	int ok = 1;
	json_array_foreach(routes, i, r) {
		/* the routes under way in the quarter */
		if (date_compare(api_date_at(r, "ends_on"), from) < 0 || date_compare(api_date_at(r, "starts_on"), to) > 0)
			continue;
		json_t *figures = journal_student_figures(rq->db, api_int_at(r, "student_id"), f, t);
		json_t *att = learning_route_attendance(rq->db, api_int_at(r, "id"), api_int_at(r, "student_id"), f, t);
		int64_t n = learning_route_assessments_between(rq->db, api_int_at(r, "id"), f, t);
		if (!figures || !att || n < 0 || add_weeks(rq, r, &y) != 0) {
			json_decref(figures);
			json_decref(att);
			ok = 0;
			break;
		}
		int64_t held = api_int_at(att, "held"), absent = api_int_at(att, "absent");
		json_object_set_new(att, "percent", held ? json_real(100.0 * (double)(held - absent) / (double)held)
							 : json_null());
		json_object_set_new(r, "achievement", achievement(&model, figures, r));
		json_object_set_new(r, "attendance", att);
		json_object_set_new(r, "assessments_in_quarter", json_integer(n));
		json_array_append(items, r);
		json_decref(figures);
	}
	json_decref(routes);
	if (!ok) {
		json_decref(items);
		return reply_db_failure(rq);
	}
	return reply_json(rq, 200, json_pack("{s:I, s:{s:I, s:s, s:s}, s:o}", "academic_year_id", (json_int_t)year,
					     "term", "number", (json_int_t)term, "starts_on", f, "ends_on", t, "items",
					     items));
}
