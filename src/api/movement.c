/* movement (api) — the students' movement book (issue 7): a legal representative (or
 * the school's administration on their behalf) files an application for externship,
 * academic leave or a return; the academic deputy checks the documents; the council's
 * decision is recorded; the director signs the order, which changes the student's
 * status and writes the movement book; the deadlines of the open cases. Every rule is
 * core's (core/movement.h, core/deadline.h); a refusal lists every problem and writes
 * nothing; every step is audited. docs/movement.md, "API". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/movement.h"
#include "core/date.h"
#include "core/deadline.h"
#include "core/movement.h"
#include "core/roles.h"
#include "store/audit.h"
#include "store/calendar.h"
#include "store/db.h"
#include "store/movement.h"
#include "store/people.h"

/* --- reading a case --- */

static unsigned documents_of(json_t *list)
{
	unsigned bits = 0;
	size_t i;
	json_t *d;
	json_array_foreach(list, i, d)
		bits |= movement_document_from_code(json_string_value(d));
	return bits;
}

/* The case as core's case machine sees it. */
static struct movement_case case_of(json_t *c)
{
	json_t *dec = json_object_get(c, "decision"), *ord = json_object_get(c, "order");
	struct movement_case mc = {
		.kind = movement_kind_from_code(api_text_at(c, "kind")),
		.state = case_state_from_code(api_text_at(c, "status")),
		.filed_on = api_date_at(c, "filed_on"),
		.documents_checked_on = api_date_at(c, "documents_checked_on"),
		.done_on = api_date_at(c, "done_on"),
	};
	if (json_is_object(dec)) {
		mc.has_decision = 1;
		mc.approved = json_is_true(json_object_get(dec, "approved"));
		mc.decided_on = api_date_at(dec, "date");
	}
	if (json_is_object(ord)) {
		mc.ordered_on = api_date_at(ord, "date");
		mc.effective_from = api_date_at(ord, "starts_on");
		mc.effective_to = api_date_at(ord, "ends_on");
		if (!mc.effective_to.y)
			mc.effective_to = mc.effective_from;
	}
	return mc;
}

/* The request's field for a field core names: the steps' dates are each body's "date",
 * the order's period its "starts_on"/"ends_on", the case's state its "status". */
static const char *api_field(const char *core)
{
	static const char *const map[][2] = {
		{"checked_on", "date"}, {"decided_on", "date"}, {"ordered_on", "date"}, {"completed_on", "date"},
		{"withdrawn_on", "date"}, {"protocol_no", "protocol_number"}, {"order_no", "number"},
		{"effective_from", "starts_on"}, {"effective_to", "ends_on"}, {"state", "status"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(core, map[i][0]) == 0)
			return map[i][1];
	return core;
}

/* Adds core's problems to the request's errors, each with its rule. */
static void add_problems(struct req *rq, const struct movement_problem *p, size_t n)
{
	for (size_t i = 0; i < n && i < MOVEMENT_MAX_PROBLEMS; i++)
		reply_add_error(rq, p[i].code, p[i].rule && *p[i].rule ? p[i].rule : NULL,
				p[i].field[0] ? api_field(p[i].field) : NULL);
}

/* --- deadlines (core/deadline.h, the CAL-7 calendar as the network office keeps it) --- */

struct date movement_year_start(struct date d)
{
	return (struct date){d.m >= 9 ? d.y : d.y - 1, 9, 1};
}

/* The occurrence a recurring duty is recorded under (movement_duties.period): the
 * month's first day (EXT-14, EXT-16), the quarter's last day (EXT-15), the academic
 * year's first day (EXT-13's schedule and its e-mail); null for a duty that happens
 * once. */
static json_t *period_json(const struct deadline *d)
{
	const char *c = d->code;
	if (strcmp(c, "curator_tasks") == 0 || strcmp(c, "monthly_works") == 0 || strcmp(c, "quarter_works") == 0)
		return api_date_json(d->period);
	if (strcmp(c, "consultation_schedule") == 0 || strcmp(c, "schedule_email") == 0)
		return api_date_json(movement_year_start(d->from));
	return json_null();
}

static json_t *deadline_json(const struct deadline *d, const struct holiday_calendar *cal)
{
	json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:i, s:b, s:o, s:s}", "rule", d->rule, "code", d->code,
			      "role", role_code(d->role) ? role_code(d->role) : "", "actor", d->actor, "counts_from",
			      d->counts_from, "from", api_date_json(d->from), "working_days", d->working_days, "by_analogy",
			      d->by_analogy, "due", api_date_json(d->due), "state", deadline_state_code(d->state));
	json_object_set_new(j, "period", period_json(d));
	json_object_set_new(j, "done_on", d->done.done ? api_date_json(d->done.on) : json_null());
	/* done late: by how many working days (CAL-7) */
	json_object_set_new(j, "late_by", d->state == DEADLINE_DONE_LATE
		? json_integer(deadline_working_days_late(cal, d->due, d->done.on)) : json_null());
	return j;
}

/* The duties recorded for the case (its "duties": migration 011), as core's marks. */
#define YEARS_MAX 3
#define MONTHS_MAX 24
#define QUARTERS_MAX 8
struct case_marks {
	struct deadline_year years[YEARS_MAX];
	struct calendar_period quarters[YEARS_MAX][QUARTERS_MAX];
	struct deadline_done tasks[MONTHS_MAX];
	struct deadline_done works[YEARS_MAX * QUARTERS_MAX];
	size_t n_years, n_tasks, n_works;
};

/* EXT-15: the case's NIS quarters ("quarters" of the store: each with the day its works
 * were all back by the consultation schedule, or null) into the years and the works
 * done. */
static void quarters_of(json_t *c, struct case_marks *k)
{
	size_t i;
	json_t *q;
	json_array_foreach(json_object_get(c, "quarters"), i, q) {
		struct calendar_period p = {api_date_at(q, "starts_on"), api_date_at(q, "ends_on")};
		for (size_t y = 0; y < k->n_years; y++) {
			struct deadline_year *dy = &k->years[y];
			if (date_compare(p.ends_on, dy->span.starts_on) < 0 || date_compare(p.ends_on, dy->span.ends_on) > 0 ||
			    dy->n_quarters == QUARTERS_MAX)
				continue;
			k->quarters[y][dy->n_quarters++] = p;
			dy->quarters = k->quarters[y];
			struct date done = api_date_at(q, "done_on");
			if (done.y && k->n_works < YEARS_MAX * QUARTERS_MAX)
				k->works[k->n_works++] = (struct deadline_done){p.ends_on, done};
		}
	}
}

static struct deadline_mark mark_of(json_t *duty)
{
	struct deadline_mark m = {0};
	m.on = api_date_at(duty, "done_on");
	m.done = m.on.y != 0;
	return m;
}

static void marks_of(json_t *c, const struct movement_case *mc, struct deadline_case *dc, struct case_marks *k)
{
	memset(k, 0, sizeof *k);
	/* the academic years an ordered externship touches, each 1 September to 31 August */
	if (mc->kind == MOVEMENT_EXTERNSHIP && mc->effective_from.y) {
		for (struct date y = movement_year_start(mc->effective_from);
		     date_compare(y, mc->effective_to) <= 0 && k->n_years < YEARS_MAX; y.y++) {
			struct deadline_year *dy = &k->years[k->n_years++];
			dy->span.starts_on = y;
			dy->span.ends_on = (struct date){y.y + 1, 8, 31};
		}
	}
	size_t i;
	json_t *d;
	json_array_foreach(json_object_get(c, "duties"), i, d) {
		const char *code = api_text_at(d, "code");
		struct date period = api_date_at(d, "period");
		if (!code)
			continue;
		if (strcmp(code, "contingent_copy") == 0)
			dc->copy_sent = mark_of(d);
		else if (strcmp(code, "subject_list") == 0)
			dc->subjects_submitted = mark_of(d);
		else if (strcmp(code, "curator_tasks") == 0 && k->n_tasks < MONTHS_MAX)
			k->tasks[k->n_tasks++] = (struct deadline_done){period, mark_of(d).on};
		else if (strcmp(code, "monthly_works") == 0 && k->n_works < YEARS_MAX * QUARTERS_MAX)
			k->works[k->n_works++] = (struct deadline_done){period, mark_of(d).on};
		else
			for (size_t y = 0; y < k->n_years; y++)
				if (date_compare(k->years[y].span.starts_on, period) == 0) {
					if (strcmp(code, "consultation_schedule") == 0)
						k->years[y].schedule_ordered = mark_of(d);
					else if (strcmp(code, "schedule_email") == 0)
						k->years[y].schedule_emailed = mark_of(d);
				}
	}
	quarters_of(c, k);
	dc->years = k->years;
	dc->n_years = k->n_years;
	dc->works_sent = k->works;
	dc->n_works_sent = k->n_works;
	dc->tasks_sent = k->tasks;
	dc->n_tasks_sent = k->n_tasks;
}

json_t *movement_case_deadlines(json_t *c, const struct holiday_calendar *cal, const char *programme,
				const char *funding)
{
	struct movement_case mc = case_of(c);
	json_t *out = json_array();
	if (mc.kind == MOVEMENT_KIND_INVALID || mc.state == CASE_STATE_INVALID)
		return out;
	struct deadline_case dc = {
		.c = &mc,
		.programme = programme && strcmp(programme, "ib") == 0 ? PROGRAMME_IB : PROGRAMME_NIS,
		.orken_grant = funding && strcmp(funding, "orken") == 0,
	};
	struct case_marks marks;
	marks_of(c, &mc, &dc, &marks);
	struct deadline list[DEADLINE_MAX];
	size_t n = deadline_list(&dc, cal, api_today(), list, DEADLINE_MAX);
	for (size_t i = 0; i < n && i < DEADLINE_MAX; i++)
		json_array_append_new(out, deadline_json(&list[i], cal));
	return out;
}

/* Adds "deadlines" to the case. 0, or -1 on a database error. */
int movement_case_decorate(struct db *db, json_t *c, const char *funding)
{
	char programme[8];
	struct holidays_table t;
	if (movement_school_programme(db, api_int_at(c, "school_id"), programme) != DB_OK || holidays_load(db, &t) != DB_OK)
		return -1;
	json_object_set_new(c, "deadlines", movement_case_deadlines(c, &t.cal, programme, funding));
	holidays_table_release(&t);
	return 0;
}

/* --- rights --- */

int movement_family_may(struct req *rq, int64_t student_id)
{
	if (rq->user.role == ROLE_PARENT)
		return rq->user.person_id && representatives_is_linked(rq->db, student_id, rq->user.person_id);
	if (rq->user.role == ROLE_STUDENT)
		return rq->user.person_id && students_of_person(rq->db, rq->user.person_id) == student_id;
	return -1;
}

/* The step's roles over a case of `school`: the director and (unless director_only) the
 * academic deputy of that school. */
static int may_step(struct req *rq, int64_t school, unsigned roles)
{
	return (rq->user.role & roles) && rq->user.school_id == school;
}

/* --- POST /students/{id}/applications --- */

static const char *const kinds[] = {"externship", "externship_return", "academic_leave", "leave_return", NULL};
static const char *const grounds[] = {"student_admitted_abroad", "representative_posted_abroad",
				      "representative_resides_abroad", "medical", NULL};
static const char *const documents[] = {"study_abroad_proof", "posting_abroad_proof", "residence_abroad_certificate",
					"visa", "foreign_transcript", "vkk_conclusion", "specialised_conclusion",
					"health_certificate", "inpatient_report_card", NULL};

static const struct field_spec application_fields[] = {
	{.name = "kind", .type = FIELD_ENUM, .required = 1, .values = kinds},
	{.name = "ground", .type = FIELD_ENUM, .nullable = 1, .values = grounds},
	{.name = "starts_on", .type = FIELD_DATE, .nullable = 1},
	{.name = "ends_on", .type = FIELD_DATE, .nullable = 1},
	{.name = "returns_on", .type = FIELD_DATE, .nullable = 1},
	{.name = "documents", .type = FIELD_ENUM_SET, .max_len = MOVEMENT_DOCUMENT_KINDS, .values = documents},
	{.name = "visa_required", .type = FIELD_BOOL},
	{.name = "studied_in_inpatient", .type = FIELD_BOOL},
	{.name = "foreign_school", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 300},
	{.name = "representative_mobile", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 20},
	{.name = "representative_email", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 254},
	{.name = "student_email", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 254},
	{.name = "filed_on", .type = FIELD_DATE},
	{.name = NULL},
};

/* The period of the status the student is away in: the open row of the book, else the
 * last order of that kind; *found 0 when neither. */
static int away_period(struct db *db, int64_t student_id, const char *kind, struct date *from, struct date *to,
		       int *found)
{
	*found = 0;
	json_t *cur = movement_book_current(db, student_id);
	if (!cur && db->lost)
		return -1;
	if (cur && api_text_at(cur, "starts_on")) {
		*from = api_date_at(cur, "starts_on");
		*to = api_text_at(cur, "planned_ends_on") ? api_date_at(cur, "planned_ends_on") : *from;
		*found = from->y != 0;
	}
	json_decref(cur);
	(void)kind;
	return 0;
}

/* The last day of the academic year in which `d` lies: 31 August (EXT-1, the reading
 * of docs/movement.md: a year runs from one 1 September to the day before the next). */
static struct date year_end_of(struct date d)
{
	return (struct date){d.m >= 9 ? d.y + 1 : d.y, 8, 31};
}

int movement_status_of(struct db *db, int64_t student_id, enum student_status *out)
{
	char code[24], since[DATE_TEXT_SIZE];
	if (movement_status_ordered(db, student_id, code, since) != DB_OK)
		return -1;
	*out = student_status_from_code(code);
	return 0;
}

int movement_order_after_ordered(struct req *rq, int64_t student_id, const char *starts_on, const char *field)
{
	char code[24], since[DATE_TEXT_SIZE];
	if (movement_status_ordered(rq->db, student_id, code, since) != DB_OK)
		return -1;
	if (starts_on && since[0] && strcmp(starts_on, since) <= 0) {
		json_t *e = reply_add_error(rq, "order_before_ordered", NULL, field);
		if (e)
			json_object_set_new(e, "figures", json_pack("{s:s, s:s}", "ordered_from", since, "status", code));
	}
	return 0;
}

/* Runs core's check of the application in rq->json for the student; adds every
 * problem. -1 on a database error. */
static int check_application(struct req *rq, json_t *student, enum movement_kind kind)
{
	int64_t id = api_int_at(student, "id");
	int granted = movement_externships_granted(rq->db, id);
	struct movement_student s = {.externships_granted = granted};
	if (granted < 0 || movement_status_of(rq->db, id, &s.status) != 0)
		return -1;
	json_t *b = rq->json;
	unsigned docs = documents_of(json_object_get(b, "documents"));
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	size_t n = 0;
	if (kind == MOVEMENT_EXTERNSHIP) {
		struct externship_application a = {
			.grade = (int)api_int_at(json_object_get(student, "class"), "grade"),
			.ground = externship_ground_from_code(api_text_at(b, "ground")),
			.documents = docs,
			.visa_required = json_is_true(json_object_get(b, "visa_required")),
			.starts_on = api_date_at(b, "starts_on"),
			.ends_on = api_date_at(b, "ends_on"),
			.foreign_school = api_text_at(b, "foreign_school"),
			.representative_mobile = api_text_at(b, "representative_mobile"),
			.representative_email = api_text_at(b, "representative_email"),
			.student_email = api_text_at(b, "student_email"),
		};
		a.year_ends_on = year_end_of(a.starts_on);
		n = movement_check_externship(&s, &a, p, MOVEMENT_MAX_PROBLEMS);
	} else if (kind == MOVEMENT_ACADEMIC_LEAVE) {
		const char *g = api_text_at(b, "ground");
		struct leave_application a = {
			.ground = leave_ground_from_code(g ? g : "medical"),
			.documents = docs,
			.starts_on = api_date_at(b, "starts_on"),
			.ends_on = api_date_at(b, "ends_on"),
		};
		n = movement_check_leave(&s, &a, p, MOVEMENT_MAX_PROBLEMS);
	} else {
		struct return_application a = {
			.documents = docs,
			.returns_on = api_date_at(b, "returns_on"),
			.studied_in_inpatient = json_is_true(json_object_get(b, "studied_in_inpatient")),
		};
		int found = 0;
		if (away_period(rq->db, id, api_text_at(b, "kind"), &a.away_from, &a.away_to, &found) != 0)
			return -1;
		if (!found) {
			/* not away by the book: only the status speaks */
			a.away_from = date_add_days(a.returns_on, -1);
			a.away_to = date_add_days(a.returns_on, 1);
		}
		n = kind == MOVEMENT_EXTERNSHIP_RETURN ? movement_check_externship_return(&s, &a, p, MOVEMENT_MAX_PROBLEMS)
						       : movement_check_leave_return(&s, &a, p, MOVEMENT_MAX_PROBLEMS);
	}
	add_problems(rq, p, n);
	return 0;
}

int api_student_application_create(struct req *rq)
{
	int64_t id = rq->params[0];
	int family = movement_family_may(rq, id);
	if (family == 0 || rq->user.role == ROLE_STUDENT)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *student = students_get(rq->db, id);
	if (!student)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	int64_t school = api_int_at(student, "school_id");
	json_decref(student);
	if (family < 0 && !may_step(rq, school, ROLES_SCHOOL_ADMIN))
		return reply_error(rq, 403, "forbidden", NULL, NULL);

	/* an empty list of documents is no documents: core names each one missing */
	json_t *docs = json_object_get(rq->json, "documents");
	if (json_is_array(docs) && json_array_size(docs) == 0)
		json_object_del(rq->json, "documents");
	if (validate_body(rq, application_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	enum movement_kind kind = movement_kind_from_code(body_str(rq, "kind"));
	int returning = kind == MOVEMENT_EXTERNSHIP_RETURN || kind == MOVEMENT_LEAVE_RETURN;
	if (returning && !body_str(rq, "returns_on"))
		reply_add_error(rq, "missing_field", NULL, "returns_on");
	if (!returning && !body_str(rq, "starts_on"))
		reply_add_error(rq, "missing_field", NULL, "starts_on");
	if (!returning && !body_str(rq, "ends_on"))
		reply_add_error(rq, "missing_field", NULL, "ends_on");
	/* the administration registers a paper application on the day it was handed in;
	 * a representative's own application is filed today */
	char today[DATE_TEXT_SIZE];
	date_format(api_today(), today);
	const char *filed_on = body_str(rq, "filed_on");
	if (filed_on && family > 0)
		reply_add_error(rq, "filed_on_staff_only", NULL, "filed_on");
	else if (filed_on && strcmp(filed_on, today) > 0)
		reply_add_error(rq, "date_in_future", NULL, "filed_on");
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);

	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	student = students_get(rq->db, id);
	if (!student || check_application(rq, student, kind) != 0) {
		json_decref(student);
		return api_rollback_errors(rq, 500);
	}
	if (reply_has_errors(rq)) {
		json_decref(student);
		return api_rollback_errors(rq, 422);
	}
	json_t *rec = json_deep_copy(rq->json);
	if (kind == MOVEMENT_ACADEMIC_LEAVE && !body_str(rq, "ground"))
		json_object_set_new(rec, "ground", json_string("medical"));
	json_object_set_new(rec, "school_id", json_integer(school));
	json_object_set_new(rec, "student_id", json_integer(id));
	json_object_set(rec, "grade", json_object_get(json_object_get(student, "class"), "grade"));
	json_object_set_new(rec, "filed_on", json_string(filed_on ? filed_on : today));
	char funding[16];
	snprintf(funding, sizeof funding, "%s", api_text_at(student, "funding") ? api_text_at(student, "funding") : "");
	json_decref(student);
	int64_t case_id = 0;
	int rc = movement_case_insert(rq->db, rec, rq->user.id, &case_id);
	json_decref(rec);
	json_t *after = rc == DB_OK ? movement_case_get(rq->db, case_id) : NULL;
	if (!after || audit_record(rq->db, rq->user.id, school, "file", "movement_case", case_id, NULL, after) != DB_OK ||
	    movement_case_decorate(rq->db, after, funding) != 0) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

/* --- the steps: documents checked, decision, order --- */

/* The case of the route and its student's funding for a step by `roles` of the case's
 * school; NULL after replying 404 or 403. */
static json_t *step_case(struct req *rq, unsigned roles)
{
	json_t *c = movement_case_get(rq->db, rq->params[0]);
	if (!c) {
		if (rq->db->lost)
			reply_db_failure(rq);
		else
			reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	if (!may_step(rq, api_int_at(c, "school_id"), roles)) {
		json_decref(c);
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	return c;
}

/* Checks the step on the case (re-read in the transaction) with core's case machine;
 * adds every problem. The case as it is, or NULL on a database error. */
static json_t *check_step(struct req *rq, const struct case_step_request *r, struct movement_case *mc)
{
	json_t *c = movement_case_get(rq->db, rq->params[0]);
	if (!c)
		return NULL;
	*mc = case_of(c);
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	size_t n = movement_case_check(mc, r, api_today(), p, MOVEMENT_MAX_PROBLEMS);
	add_problems(rq, p, n);
	return c;
}

const char *movement_student_funding(struct db *db, int64_t student, char out[16])
{
	json_t *s = students_get(db, student);
	snprintf(out, 16, "%s", s && api_text_at(s, "funding") ? api_text_at(s, "funding") : "");
	json_decref(s);
	return out;
}

/* Writes the case after the step, audits before and after, replies 200 with it. */
static int finish_step(struct req *rq, json_t *before, json_t *after, const char *step, const char *action)
{
	int64_t id = api_int_at(before, "id"), school = api_int_at(before, "school_id");
	char funding[16];
	json_t *saved = movement_case_save(rq->db, id, after, step, rq->user.id) == DB_OK ? movement_case_get(rq->db, id)
											     : NULL;
	int ok = saved && audit_record(rq->db, rq->user.id, school, action, "movement_case", id, before, saved) == DB_OK &&
		 movement_case_decorate(rq->db, saved, movement_student_funding(rq->db, api_int_at(before, "student_id"), funding)) == 0;
	json_decref(before);
	json_decref(after);
	if (!ok) {
		json_decref(saved);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, saved);
}

static json_t *state_json(enum case_state s)
{
	return json_string(case_state_code(s));
}

static const struct field_spec checked_fields[] = {
	{.name = "date", .type = FIELD_DATE},
	{.name = NULL},
};

/* A step dated by the body's "date" (today when absent) that needs nothing else: checks
 * it with core's case machine in a write transaction and saves the case with its new
 * status and `date_key` set to that day. */
static int dated_step(struct req *rq, const struct field_spec *fields, enum case_step step, const char *date_key,
		      const char *saved_as, const char *action)
{
	if (validate_body(rq, fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	struct case_step_request r = {.step = step, .on = api_today()};
	if (body_str(rq, "date"))
		date_parse(body_str(rq, "date"), &r.on);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	struct movement_case mc;
	json_t *before = check_step(rq, &r, &mc);
	if (!before)
		return api_rollback_errors(rq, 500);
	if (reply_has_errors(rq)) {
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}
	struct movement_case next = movement_case_apply(&mc, &r);
	json_t *after = json_deep_copy(before);
	json_object_set_new(after, "status", state_json(next.state));
	json_object_set_new(after, date_key, api_date_json(r.on));
	return finish_step(rq, before, after, saved_as, action);
}

/* POST /applications/{id}/documents-checked {"date"} (today when absent) */
int api_application_documents_checked(struct req *rq)
{
	json_t *c = step_case(rq, ROLE_DEPUTY_ACADEMIC);
	if (!c)
		return rq->status;
	json_decref(c);
	return dated_step(rq, checked_fields, STEP_CHECK_DOCUMENTS, "documents_checked_on", "documents_checked", "check_documents");
}

static const char *const councils[] = {"pedagogical", "small", NULL};

static const struct field_spec decision_fields[] = {
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = "protocol_number", .type = FIELD_STRING, .required = 1, .max_len = 50},
	{.name = "approved", .type = FIELD_BOOL, .required = 1},
	{.name = "council", .type = FIELD_ENUM, .required = 1, .values = councils},
	{.name = NULL},
};

/* POST /applications/{id}/decision: the Pedagogical or Small pedagogical council's. */
int api_application_decision(struct req *rq)
{
	json_t *c = step_case(rq, ROLE_DEPUTY_ACADEMIC | ROLE_DIRECTOR);
	if (!c)
		return rq->status;
	json_decref(c);
	if (validate_body(rq, decision_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	struct case_step_request r = {.step = STEP_DECIDE,
				      .approved = json_is_true(json_object_get(rq->json, "approved")),
				      .protocol_no = body_str(rq, "protocol_number")};
	date_parse(body_str(rq, "date"), &r.on);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	struct movement_case mc;
	json_t *before = check_step(rq, &r, &mc);
	if (!before)
		return api_rollback_errors(rq, 500);
	if (reply_has_errors(rq)) {
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}
	struct movement_case next = movement_case_apply(&mc, &r);
	json_t *after = json_deep_copy(before);
	json_object_set_new(after, "status", state_json(next.state));
	json_object_set_new(after, "decision", json_pack("{s:o, s:s, s:b, s:s}", "date", api_date_json(next.decided_on),
							 "protocol_number", r.protocol_no, "approved", r.approved,
							 "council", body_str(rq, "council")));
	return finish_step(rq, before, after, "decision", "decide");
}

static const struct field_spec order_fields[] = {
	{.name = "number", .type = FIELD_STRING, .required = 1, .max_len = 50},
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = "starts_on", .type = FIELD_DATE, .required = 1},
	{.name = "ends_on", .type = FIELD_DATE, .nullable = 1},
	{.name = NULL},
};

static enum student_event event_of(enum movement_kind k)
{
	switch (k) {
	case MOVEMENT_EXTERNSHIP: return EVENT_EXTERNSHIP_ORDER;
	case MOVEMENT_EXTERNSHIP_RETURN: return EVENT_EXTERNSHIP_RETURN;
	case MOVEMENT_ACADEMIC_LEAVE: return EVENT_LEAVE_ORDER;
	case MOVEMENT_LEAVE_RETURN: return EVENT_LEAVE_RETURN;
	default: return EVENT_INVALID;
	}
}

/* POST /applications/{id}/order: the director's order (number, date, effective dates).
 * The book gets the new status from the order's first day, the student's status follows
 * on that day (at once when it is today or before), and the case is done (EXT-7, LV-5,
 * EXT-11, LV-9). */
int api_application_order(struct req *rq)
{
	json_t *c = step_case(rq, ROLE_DIRECTOR);
	if (!c)
		return rq->status;
	json_decref(c);
	if (validate_body(rq, order_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	struct case_step_request r = {.step = STEP_ORDER, .order_no = body_str(rq, "number")};
	date_parse(body_str(rq, "date"), &r.on);
	date_parse(body_str(rq, "starts_on"), &r.effective_from);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *probe = movement_case_get(rq->db, rq->params[0]);
	json_t *student = probe ? students_get(rq->db, api_int_at(probe, "student_id")) : NULL;
	if (!student) {
		json_decref(probe);
		return api_rollback_errors(rq, 500);
	}
	enum movement_kind kind = movement_kind_from_code(api_text_at(probe, "kind"));
	json_decref(probe);
	int period = kind == MOVEMENT_EXTERNSHIP || kind == MOVEMENT_ACADEMIC_LEAVE;
	if (period && !body_str(rq, "ends_on"))
		reply_add_error(rq, "missing_field", NULL, "ends_on");
	r.effective_to = r.effective_from;
	if (period && body_str(rq, "ends_on"))
		date_parse(body_str(rq, "ends_on"), &r.effective_to);
	char class_name[32] = "";
	json_t *cls = json_object_get(student, "class");
	if (json_is_object(cls))
		snprintf(class_name, sizeof class_name, "%s", api_text_at(cls, "label") ? api_text_at(cls, "label") : "");
	r.class_name = class_name;
	struct movement_case mc;
	json_t *before = reply_has_errors(rq) ? NULL : check_step(rq, &r, &mc);
	if (!before) {
		json_decref(student);
		return api_rollback_errors(rq, reply_has_errors(rq) ? 422 : 500);
	}
	/* the student's status must allow the movement (a second externship ordered
	 * meanwhile, a return for a student who is no longer away) */
	enum student_status from;
	if (movement_status_of(rq->db, api_int_at(student, "id"), &from) != 0 ||
	    movement_order_after_ordered(rq, api_int_at(student, "id"), body_str(rq, "starts_on"), "starts_on") != 0) {
		json_decref(before);
		json_decref(student);
		return api_rollback_errors(rq, 500);
	}
	enum student_event ev = event_of(kind);
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	size_t np = movement_status_check(from, ev, p, MOVEMENT_MAX_PROBLEMS);
	add_problems(rq, p, np);
	struct movement_case ordered = movement_case_apply(&mc, &r);
	struct case_step_request done = {.step = STEP_COMPLETE, .on = r.on};
	if (!reply_has_errors(rq)) {
		np = movement_case_check(&ordered, &done, api_today(), p, MOVEMENT_MAX_PROBLEMS);
		add_problems(rq, p, np);
	}
	if (reply_has_errors(rq)) {
		json_decref(before);
		json_decref(student);
		return api_rollback_errors(rq, 422);
	}
	struct movement_case next = movement_case_apply(&ordered, &done);
	enum student_status to = movement_status_after(from, ev);
	json_t *after = json_deep_copy(before);
	json_object_set_new(after, "status", state_json(next.state));
	json_object_set_new(after, "order", json_pack("{s:s, s:o, s:o, s:o}", "number", r.order_no, "date",
						      api_date_json(next.ordered_on), "starts_on",
						      api_date_json(next.effective_from), "ends_on",
						      period ? api_date_json(next.effective_to) : json_null()));
	json_object_set_new(after, "done_on", api_date_json(next.done_on));
	int64_t sid = api_int_at(student, "id"), school = api_int_at(before, "school_id");
	json_t *sb = json_pack("{s:s}", "status", student_status_code(from));
	json_t *sa = json_pack("{s:s}", "status", student_status_code(to));
	char ordered_on[DATE_TEXT_SIZE], today[DATE_TEXT_SIZE];
	date_format(r.on, ordered_on);
	date_format(api_today(), today);
	int rc = movement_book_move(rq->db, sid, school, student_status_code(from), student_status_code(to),
				    body_str(rq, "starts_on"), period ? body_str(rq, "ends_on") : NULL,
				    api_int_at(before, "id"), r.order_no, ordered_on, rq->user.id, today);
	int ok = rc == DB_OK && audit_record(rq->db, rq->user.id, school, "status", "student", sid, sb, sa) == DB_OK;
	json_decref(sb);
	json_decref(sa);
	json_decref(student);
	if (!ok) {
		json_decref(before);
		json_decref(after);
		/* another order for the case or the student got there first (the book's
		 * unique indexes): what the check would have said had it seen it */
		if (rc == DB_CONSTRAINT)
			reply_add_error(rq, "conflict", NULL, NULL);
		return api_rollback_errors(rq, rc == DB_CONSTRAINT ? 409 : 500);
	}
	return finish_step(rq, before, after, "order", "order");
}

static const struct field_spec withdraw_fields[] = {
	{.name = "date", .type = FIELD_DATE, .nullable = 1},
	{.name = NULL},
};

/* POST /applications/{id}/withdraw {"date"}: the applicant withdraws the application
 * before the order — a linked parent, or the school's director or academic deputy on
 * the family's behalf. The case is closed (`withdrawn`, done_on the day) and nothing
 * more is due. */
int api_application_withdraw(struct req *rq)
{
	json_t *c = movement_case_get(rq->db, rq->params[0]);
	if (!c)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	int family = movement_family_may(rq, api_int_at(c, "student_id"));
	int may = family > 0 ? rq->user.role == ROLE_PARENT
			     : family < 0 && may_step(rq, api_int_at(c, "school_id"), ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC);
	json_decref(c);
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	return dated_step(rq, withdraw_fields, STEP_WITHDRAW, "done_on", "withdraw", "withdraw");
}

/* --- GET /students/{id}/movements --- */

int api_student_movements(struct req *rq)
{
	int64_t id = rq->params[0];
	int family = movement_family_may(rq, id);
	if (family == 0)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *student = students_get(rq->db, id);
	if (!student)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	if (family < 0 && !rights_read_school(rq, api_int_at(student, "school_id"))) {
		json_decref(student);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	json_t *book = movement_book(rq->db, id);
	json_t *cases = book ? movement_cases_of_student(rq->db, id) : NULL;
	char programme[8];
	struct holidays_table t;
	if (!cases || movement_school_programme(rq->db, api_int_at(student, "school_id"), programme) != DB_OK ||
	    holidays_load(rq->db, &t) != DB_OK) {
		json_decref(book);
		json_decref(cases);
		json_decref(student);
		return reply_db_failure(rq);
	}
	size_t i;
	json_t *c;
	json_array_foreach(cases, i, c)
		json_object_set_new(c, "deadlines", movement_case_deadlines(c, &t.cal, programme, api_text_at(student, "funding")));
	holidays_table_release(&t);
	json_t *who = json_pack("{s:O, s:O, s:O, s:O, s:O, s:O}", "id", json_object_get(student, "id"), "last_name",
				json_object_get(student, "last_name"), "first_name", json_object_get(student, "first_name"),
				"school_id", json_object_get(student, "school_id"), "class", json_object_get(student, "class"),
				"status", json_object_get(student, "status"));
	json_decref(student);
	return reply_json(rq, 200, json_pack("{s:o, s:o, s:o}", "student", who, "items", book, "cases", cases));
}

/* --- GET /schools/{id}/deadlines --- */

static int state_rank(const char *s)
{
	return s && strcmp(s, "overdue") == 0 ? 0 : 1;
}

static int by_urgency(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int r = state_rank(api_text_at(x, "state")) - state_rank(api_text_at(y, "state"));
	if (r)
		return r;
	const char *dx = api_text_at(x, "due"), *dy = api_text_at(y, "due");
	r = strcmp(dx ? dx : "", dy ? dy : "");
	if (r)
		return r;
	int64_t cx = api_int_at(x, "case_id"), cy = api_int_at(y, "case_id");
	return cx < cy ? -1 : cx > cy;
}

/* The open cases' deadlines not yet met: what is due, by whom, by when, overdue first. */
int api_school_deadlines(struct req *rq)
{
	int64_t school = rq->params[0];
	if (req_query(rq, "today"))
		return reply_error(rq, 400, "bad_query", NULL, "today");
	if (!api_school_found(rq, school))
		return rq->status;
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *cases = movement_cases_of_school(rq->db, school);
	char programme[8];
	struct holidays_table t;
	if (!cases || movement_school_programme(rq->db, school, programme) != DB_OK || holidays_load(rq->db, &t) != DB_OK) {
		json_decref(cases);
		return reply_db_failure(rq);
	}
	size_t i, k, n = 0, cap = 16;
	json_t **items = malloc(cap * sizeof *items);
	json_t *c, *d;
	/* the cases still waiting for a step (a filed case has no deadline yet: the pages
	 * list it so the deputy finds it) */
	json_t *open = json_array();
	json_array_foreach(cases, i, c) {
		const char *cs = api_text_at(c, "status");
		if (cs && strcmp(cs, "done") != 0)
			json_array_append_new(open, json_pack("{s:I, s:s, s:s, s:O, s:O}", "id", (json_int_t)api_int_at(c, "id"),
							      "kind", api_text_at(c, "kind"), "status", cs, "filed_on",
							      json_object_get(c, "filed_on"), "student",
							      json_object_get(c, "student")));
	}
	json_array_foreach(cases, i, c) {
		json_t *list = movement_case_deadlines(c, &t.cal, programme, api_text_at(c, "funding"));
		json_array_foreach(list, k, d) {
			const char *st = api_text_at(d, "state");
			if (!st || (strcmp(st, "pending") != 0 && strcmp(st, "overdue") != 0))
				continue;
			if (n == cap) {
				json_t **more = items ? realloc(items, 2 * cap * sizeof *items) : NULL;
				if (!more)
					continue;
				items = more;
				cap *= 2;
			}
			if (!items)
				continue;
			json_t *e = json_deep_copy(d);
			json_object_set_new(e, "case_id", json_integer(api_int_at(c, "id")));
			json_object_set_new(e, "kind", json_string(api_text_at(c, "kind")));
			json_object_set_new(e, "case_status", json_string(api_text_at(c, "status")));
			json_object_set(e, "student", json_object_get(c, "student"));
			items[n++] = e;
		}
		json_decref(list);
	}
	holidays_table_release(&t);
	json_decref(cases);
	if (n)
		qsort(items, n, sizeof *items, by_urgency);
	json_t *out = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(out, items[i]);
	free(items);
	return reply_json(rq, 200, json_pack("{s:o, s:o, s:o}", "today", api_date_json(api_today()), "items", out, "cases", open));
}
