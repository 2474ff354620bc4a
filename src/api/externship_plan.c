/* externship_plan (api) — the externship student's individual schedule of remote
 * consultations (issue 7: A1 form 3, EXT-13, EXT-15), one per academic year the
 * externship touches: the academic deputy writes its rows (subject, teacher, consultation
 * day, topic, note), the director approves it by order, and then the curator, the
 * subject's teacher or the deputy mark each summative work sent and received. The
 * student, the parents and the school read it with each quarter's works (three per
 * subject, EXT-15). Rules are core/externship_plan.h's; a refusal lists every problem and
 * writes nothing. docs/movement.md, "The consultation schedule". */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/movement.h"
#include "core/date.h"
#include "core/deadline.h"
#include "core/externship_plan.h"
#include "core/roles.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/externship_plan.h"
#include "store/movement.h"
#include "store/people.h"

#define PLAN_MAX_ROWS 200 /* a year's consultations, every subject */

static struct calendar_period period_of(json_t *o)
{
	return (struct calendar_period){api_date_at(o, "starts_on"), api_date_at(o, "ends_on")};
}

/* A row of a schedule (the API's or the store's) as core reads it. */
static struct plan_row core_row(json_t *r)
{
	json_t *subject = json_object_get(r, "subject");
	return (struct plan_row){
		.subject_id = json_is_object(subject) ? api_int_at(subject, "id") : api_int_at(r, "subject_id"),
		.consultation_on = api_date_at(r, "consultation_on"),
		.work_sent_on = api_date_at(r, "work_sent_on"),
		.work_received_on = api_date_at(r, "work_received_on"),
	};
}

/* The rows of a schedule as core reads them; returns how many (at most cap). */
static size_t core_rows(json_t *rows, struct plan_row *out, size_t cap)
{
	size_t i, n = 0;
	json_t *r;
	json_array_foreach(rows, i, r) {
		if (n == cap)
			break;
		out[n++] = core_row(r);
	}
	return n;
}

/* The externship's case (404 when missing or another kind; 403 without the right to read
 * it): the case, or NULL with the reply sent. */
static json_t *externship_case(struct req *rq, int64_t id)
{
	json_t *c = movement_case_get(rq->db, id);
	if (!c || strcmp(api_text_at(c, "kind"), "externship") != 0) {
		json_decref(c);
		reply_error(rq, rq->db->lost ? 503 : 404, rq->db->lost ? "unavailable" : "not_found", NULL, NULL);
		return NULL;
	}
	int family = movement_family_may(rq, api_int_at(c, "student_id"));
	if (family == 0 || (family < 0 && !rights_read_school(rq, api_int_at(c, "school_id")))) {
		json_decref(c);
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	return c;
}

/* Each NIS quarter of the year inside the externship with its works (EXT-15): {n,
 * starts_on, ends_on, due, subjects, complete, done_on, state}. */
static json_t *quarters_json(json_t *year, json_t *rows, struct calendar_period ext)
{
	json_t *out = json_array();
	struct plan_row core[PLAN_MAX_ROWS];
	size_t n = core_rows(rows, core, PLAN_MAX_ROWS), i;
	json_t *t;
	if (strcmp(api_text_at(year, "type") ? api_text_at(year, "type") : "", "quarters") != 0)
		return out;
	json_array_foreach(json_object_get(year, "terms"), i, t) {
		struct calendar_period q = period_of(t);
		if (date_compare(q.ends_on, ext.starts_on) < 0 || date_compare(q.ends_on, ext.ends_on) > 0)
			continue; /* EXT-15: the quarters that end inside the externship */
		struct plan_quarter w = plan_quarter_works(core, n, q);
		enum deadline_state st = deadline_state_on(q.ends_on, w.done, api_today());
		json_array_append_new(out, json_pack("{s:O, s:o, s:o, s:o, s:I, s:I, s:o, s:s, s:s}", "n",
						     json_object_get(t, "n"), "starts_on", api_date_json(q.starts_on),
						     "ends_on", api_date_json(q.ends_on), "due", api_date_json(q.ends_on),
						     "subjects", (json_int_t)w.subjects, "complete",
						     (json_int_t)w.complete, "done_on",
						     w.done.done ? api_date_json(w.done.on) : json_null(), "state",
						     deadline_state_code(st), "rule", "EXT-15"));
	}
	return out;
}

/* What the caller may do with the case's schedules. */
static json_t *may_json(struct req *rq, int64_t school)
{
	int own = rq->user.school_id == school;
	return json_pack("{s:b, s:b, s:b}", "edit", own && rq->user.role == ROLE_DEPUTY_ACADEMIC, "approve",
			 own && rq->user.role == ROLE_DIRECTOR, "mark",
			 own && (rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER)));
}

/* The schedules of an ordered externship: {case_id, student_id, period, years: [{id, name,
 * starts_on, ends_on, plan: null | {id, order, rows}, quarters}], may}; NULL on error. */
static json_t *plan_view(struct req *rq, json_t *c)
{
	json_t *order = json_object_get(c, "order");
	json_t *years = NULL, *plans = NULL;
	if (json_is_object(order)) {
		years = externship_years(rq->db, api_int_at(c, "school_id"), api_text_at(order, "starts_on"),
					 api_text_at(order, "ends_on"));
		plans = years ? externship_plans_of_case(rq->db, api_int_at(c, "id")) : NULL;
		if (!plans) {
			json_decref(years);
			return NULL;
		}
	} else {
		years = json_array();
		plans = json_array();
	}
	size_t i, k;
	json_t *y, *p;
	json_array_foreach(years, i, y) {
		json_t *mine = json_null();
		json_array_foreach(plans, k, p)
			if (api_int_at(p, "academic_year_id") == api_int_at(y, "id"))
				mine = json_incref(p);
		json_t *rows = json_is_object(mine) ? json_object_get(mine, "rows") : NULL;
		json_object_set_new(y, "quarters", quarters_json(y, rows, period_of(order)));
		json_object_del(y, "terms");
		json_object_set_new(y, "plan", mine);
	}
	json_decref(plans);
	json_t *period = json_is_object(order) ? json_pack("{s:O, s:O}", "starts_on", json_object_get(order, "starts_on"),
							   "ends_on", json_object_get(order, "ends_on"))
					       : json_null();
	return json_pack("{s:I, s:I, s:o, s:o, s:o}", "case_id", (json_int_t)api_int_at(c, "id"), "student_id",
			 (json_int_t)api_int_at(c, "student_id"), "period", period, "years", years, "may",
			 may_json(rq, api_int_at(c, "school_id")));
}

/* GET /applications/{id}/plan */
int api_application_plan(struct req *rq)
{
	json_t *c = externship_case(rq, rq->params[0]);
	if (!c)
		return rq->status;
	json_t *view = plan_view(rq, c);
	json_decref(c);
	return view ? reply_json(rq, 200, view) : reply_db_failure(rq);
}

/* The year of the externship's years the request names, or NULL (errors added). */
static json_t *year_of(struct req *rq, json_t *view)
{
	size_t i;
	json_t *y;
	json_array_foreach(json_object_get(view, "years"), i, y)
		if (api_int_at(y, "id") == body_int(rq, "academic_year_id", 0))
			return y;
	reply_add_error(rq, "year_outside_externship", "EXT-13", "academic_year_id");
	return NULL;
}

/* The case for a step on its schedule by `roles` of its school, ordered: the case and its
 * view, or NULL with the reply sent. */
static json_t *plan_step(struct req *rq, unsigned roles, json_t **view)
{
	json_t *c = externship_case(rq, rq->params[0]);
	if (!c)
		return NULL;
	if (!(rq->user.role & roles) || rq->user.school_id != api_int_at(c, "school_id")) {
		json_decref(c);
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	if (!json_is_object(json_object_get(c, "order"))) {
		json_decref(c);
		reply_error(rq, 422, "plan_before_order", "EXT-13", NULL);
		return NULL;
	}
	*view = plan_view(rq, c);
	if (!*view) {
		json_decref(c);
		reply_db_failure(rq);
		return NULL;
	}
	return c;
}

static const struct field_spec row_fields[] = {
	{.name = "subject_id", .type = FIELD_ID, .required = 1},
	{.name = "teacher_id", .type = FIELD_ID, .nullable = 1},
	{.name = "consultation_on", .type = FIELD_DATE, .required = 1},
	{.name = "topic", .type = FIELD_STRING, .required = 1, .max_len = 300},
	{.name = "note", .type = FIELD_STRING, .nullable = 1, .max_len = 500},
	{.name = NULL},
};

static const struct field_spec plan_fields[] = {
	{.name = "academic_year_id", .type = FIELD_ID, .required = 1},
	{.name = "rows", .type = FIELD_LIST, .required = 1, .max_len = PLAN_MAX_ROWS, .fields = row_fields},
	{.name = NULL},
};

/* The rows' problems: core's (EXT-13), and subjects and teachers that exist (a teacher
 * of the school). */
static int check_rows(struct req *rq, json_t *rows, struct calendar_period ext, struct calendar_period year,
		      int64_t school)
{
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		struct plan_row core = core_row(r);
		struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
		size_t np = plan_row_check(&core, ext, year, api_today(), p, MOVEMENT_MAX_PROBLEMS);
		char path[64];
		for (size_t k = 0; k < np && k < MOVEMENT_MAX_PROBLEMS; k++) {
			snprintf(path, sizeof path, "rows[%zu].%s", i, p[k].field);
			reply_add_error(rq, p[k].code, p[k].rule, path);
		}
		int64_t found = 0;
		if (db_query_int64(rq->db, &found, "SELECT COUNT(*) FROM subjects WHERE id = $1", "i",
				   api_int_at(r, "subject_id")) != DB_ROW)
			return -1;
		if (!found) {
			snprintf(path, sizeof path, "rows[%zu].subject_id", i);
			reply_add_error(rq, "dangling_reference", NULL, path);
		}
		if (json_is_integer(json_object_get(r, "teacher_id"))) {
			if (db_query_int64(rq->db, &found, "SELECT COUNT(*) FROM staff WHERE id = $1 AND school_id = $2",
					   "ii", api_int_at(r, "teacher_id"), school) != DB_ROW)
				return -1;
			if (!found) {
				snprintf(path, sizeof path, "rows[%zu].teacher_id", i);
				reply_add_error(rq, "wrong_school", NULL, path);
			}
		}
	}
	return 0;
}

/* PUT /applications/{id}/plan {academic_year_id, rows}: the academic deputy writes the
 * year's schedule (EXT-13) until the director's order approves it. */
int api_application_plan_put(struct req *rq)
{
	json_t *view = NULL;
	json_t *c = plan_step(rq, ROLE_DEPUTY_ACADEMIC, &view);
	if (!c)
		return rq->status;
	if (validate_body(rq, plan_fields, VALIDATE_CREATE)) {
		json_decref(c);
		json_decref(view);
		return reply_errors(rq, 422);
	}
	json_t *year = year_of(rq, view);
	json_t *plan = year ? json_object_get(year, "plan") : NULL;
	if (json_is_object(plan) && json_is_object(json_object_get(plan, "order")))
		reply_add_error(rq, "plan_approved", "EXT-13", NULL);
	json_t *rows = json_object_get(rq->json, "rows");
	int64_t school = api_int_at(c, "school_id");
	if (year && check_rows(rq, rows, period_of(json_object_get(view, "period")), period_of(year), school) != 0) {
		json_decref(c);
		json_decref(view);
		return reply_db_failure(rq);
	}
	json_t *before = json_is_object(plan) ? json_incref(plan) : json_null();
	json_decref(view);
	if (reply_has_errors(rq)) {
		json_decref(c);
		json_decref(before);
		return reply_errors(rq, 422);
	}
	int64_t plan_id = 0;
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(c);
		json_decref(before);
		return reply_db_failure(rq);
	}
	int rc = externship_plan_save(rq->db, api_int_at(c, "id"), body_int(rq, "academic_year_id", 0), school, rows,
				      rq->user.id, &plan_id);
	json_t *after = rc == DB_OK ? plan_view(rq, c) : NULL;
	if (after)
		rc = audit_record(rq->db, rq->user.id, school, "plan", "externship_plan", plan_id, before, rows);
	json_decref(before);
	json_decref(c);
	if (!after || rc != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, after);
}

static const struct field_spec approve_fields[] = {
	{.name = "academic_year_id", .type = FIELD_ID, .required = 1},
	{.name = "number", .type = FIELD_STRING, .required = 1, .max_len = 50},
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};

/* POST /applications/{id}/plan/approve {academic_year_id, number, date}: the director's
 * order approving the year's schedule (EXT-13). */
int api_application_plan_approve(struct req *rq)
{
	json_t *view = NULL;
	json_t *c = plan_step(rq, ROLE_DIRECTOR, &view);
	if (!c)
		return rq->status;
	if (validate_body(rq, approve_fields, VALIDATE_CREATE)) {
		json_decref(c);
		json_decref(view);
		return reply_errors(rq, 422);
	}
	json_t *year = year_of(rq, view);
	json_t *plan = year ? json_object_get(year, "plan") : NULL;
	if (year && (!json_is_object(plan) || json_array_size(json_object_get(plan, "rows")) == 0))
		reply_add_error(rq, "plan_empty", "EXT-13", "academic_year_id");
	else if (json_is_object(plan) && json_is_object(json_object_get(plan, "order")))
		reply_add_error(rq, "plan_approved", "EXT-13", NULL);
	struct date on = {0};
	date_parse(body_str(rq, "date"), &on);
	if (date_compare(on, api_today()) > 0)
		reply_add_error(rq, "date_in_future", "EXT-13", "date");
	int64_t plan_id = json_is_object(plan) ? api_int_at(plan, "id") : 0, school = api_int_at(c, "school_id");
	char period[DATE_TEXT_SIZE] = "";
	if (year)
		date_format(movement_year_start(api_date_at(year, "starts_on")), period);
	json_decref(view);
	if (reply_has_errors(rq)) {
		json_decref(c);
		return reply_errors(rq, 422);
	}
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(c);
		return reply_db_failure(rq);
	}
	int rc = externship_plan_approve(rq->db, plan_id, body_str(rq, "number"), body_str(rq, "date"), rq->user.id);
	/* EXT-13's deadline is met by this order; its e-mail goes out with the schedule */
	if (rc == DB_OK)
		rc = duties_schedule_approved(rq, api_int_at(c, "id"), period, body_str(rq, "date"));
	json_t *order = json_pack("{s:s, s:s}", "number", body_str(rq, "number"), "date", body_str(rq, "date"));
	if (rc == DB_OK)
		rc = audit_record(rq->db, rq->user.id, school, "approve", "externship_plan", plan_id, NULL, order);
	json_decref(order);
	json_t *after = rc == DB_OK ? plan_view(rq, c) : NULL;
	json_decref(c);
	if (!after)
		return api_rollback_errors(rq, 500);
	return api_commit_reply(rq, 200, after);
}

static const struct field_spec mark_fields[] = {
	{.name = "work_sent_on", .type = FIELD_DATE, .nullable = 1},
	{.name = "work_received_on", .type = FIELD_DATE, .nullable = 1},
	{.name = "note", .type = FIELD_STRING, .nullable = 1, .max_len = 500},
	{.name = NULL},
};

/* Who marks a row's work: the director and the academic deputy of the school, the
 * curator of the student's class, the row's subject teacher. */
static int may_mark(struct req *rq, json_t *row)
{
	int64_t school = api_int_at(row, "school_id");
	if (rq->user.school_id != school)
		return 0;
	if (rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC))
		return 1;
	int64_t me = rq->user.person_id ? staff_of_person(rq->db, rq->user.person_id, school) : 0;
	return me && (me == api_int_at(row, "curator_id") || me == api_int_at(row, "teacher_id"));
}

/* The value a PATCH gives the field: the body's when it has it, else the row's. */
static const char *patched(struct req *rq, json_t *row, const char *key)
{
	return body_has(rq, key) ? body_str(rq, key) : api_text_at(row, key);
}

/* PATCH /plan-rows/{id} {work_sent_on, work_received_on, note}: a summative work sent
 * to the student and received back (EXT-15), once the schedule is approved. */
int api_plan_row_mark(struct req *rq)
{
	json_t *row = externship_plan_row(rq->db, rq->params[0]);
	if (!row)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	if (!may_mark(rq, row)) {
		json_decref(row);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	if (validate_body(rq, mark_fields, VALIDATE_PATCH)) {
		json_decref(row);
		return reply_errors(rq, 422);
	}
	if (!json_is_true(json_object_get(row, "approved")))
		reply_add_error(rq, "plan_not_approved", "EXT-13", NULL);
	json_t *c = movement_case_get(rq->db, api_int_at(row, "case_id"));
	if (!c) {
		json_decref(row);
		return reply_db_failure(rq);
	}
	json_t *after = json_pack("{s:O, s:O, s:s?, s:s?, s:s?}", "subject_id", json_object_get(row, "subject_id"),
				  "consultation_on", json_object_get(row, "consultation_on"), "work_sent_on",
				  patched(rq, row, "work_sent_on"), "work_received_on",
				  patched(rq, row, "work_received_on"), "note", patched(rq, row, "note"));
	struct plan_row core = core_row(after);
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	size_t np = plan_row_check(&core, period_of(json_object_get(c, "order")), period_of(json_object_get(row, "year")),
				   api_today(), p, MOVEMENT_MAX_PROBLEMS);
	json_decref(c);
	for (size_t k = 0; k < np && k < MOVEMENT_MAX_PROBLEMS; k++)
		if (strcmp(p[k].field, "consultation_on") != 0) /* the deputy's, checked when written */
			reply_add_error(rq, p[k].code, p[k].rule, p[k].field);
	if (reply_has_errors(rq)) {
		json_decref(row);
		json_decref(after);
		return reply_errors(rq, 422);
	}
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(row);
		json_decref(after);
		return reply_db_failure(rq);
	}
	int rc = externship_plan_row_mark(rq->db, rq->params[0], api_text_at(after, "work_sent_on"),
					  api_text_at(after, "work_received_on"), api_text_at(after, "note"), rq->user.id);
	if (rc == DB_OK)
		rc = audit_record(rq->db, rq->user.id, api_int_at(row, "school_id"), "mark", "externship_plan_row",
				  rq->params[0], row, after);
	json_decref(row);
	json_decref(after);
	json_t *now = rc == DB_OK ? externship_plan_row(rq->db, rq->params[0]) : NULL;
	if (!now)
		return api_rollback_errors(rq, 500);
	return api_commit_reply(rq, 200, now);
}

/* EXT-14: the 5th of the month on or after `today` that lies in `period`, or {0}. */
static struct date next_tasks_day(struct date today, struct calendar_period period)
{
	struct date d = {today.y, today.m, DEADLINE_TASKS_DAY};
	while (date_compare(d, today) < 0 || date_compare(d, period.starts_on) < 0)
		d = d.m == 12 ? (struct date){d.y + 1, 1, DEADLINE_TASKS_DAY} : (struct date){d.y, d.m + 1, DEADLINE_TASKS_DAY};
	return date_compare(d, period.ends_on) <= 0 ? d : (struct date){0};
}

/* GET /me/externships: the externship students a teacher follows — as their class's
 * curator (the monthly tasks by the 5th, EXT-14) or as a subject teacher of their
 * schedule (the works to mark, EXT-15). */
int api_my_externships(struct req *rq)
{
	int64_t staff = rq->user.person_id && rq->user.school_id
				? staff_of_person(rq->db, rq->user.person_id, rq->user.school_id)
				: 0;
	json_t *items = json_array();
	if (staff) {
		json_decref(items);
		char today[DATE_TEXT_SIZE];
		date_format(api_today(), today);
		items = externship_cases_of_staff(rq->db, staff, today);
		if (!items)
			return reply_db_failure(rq);
	}
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		struct date next = json_is_true(json_object_get(it, "curator"))
					   ? next_tasks_day(api_today(), period_of(it))
					   : (struct date){0};
		json_object_set_new(it, "tasks_due", api_date_json(next));
	}
	return reply_json(rq, 200, json_pack("{s:o, s:s}", "items", items, "tasks_rule", "EXT-14"));
}
