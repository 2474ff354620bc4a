/* calendar — the API of the academic calendar: a year's structure and its check
 * (CAL-1..CAL-4), approval and the network's list of years not fixed in time (CAL-5),
 * the public holidays as data and working-day arithmetic (CAL-7). docs/calendar.md. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/calendar.h"
#include "core/holidays.h"
#include "store/audit.h"
#include "store/calendar.h"
#include "store/db.h"
#include "store/org.h"

#define WORKING_DAYS_MAX 366

/* Today's date in Kazakhstan, as 'YYYY-MM-DD'. */
static void today_kz(char out[DATE_TEXT_SIZE])
{
	date_format(api_today(), out);
}

/* --- checking a structure --- */

/* The figures of the check, as the report shows them. */
static json_t *figures_json(const struct calendar_year *y, const struct calendar_figures *f)
{
	json_t *levels = json_array();
	for (enum org_level l = LEVEL_PRIMARY; l <= LEVEL_HIGH; l++)
		if (y->levels & CALENDAR_LEVEL_BIT(l))
			json_array_append_new(levels, json_string(org_level_code(l)));
	char until[DATE_TEXT_SIZE];
	date_format(f->summer_until, until);
	return json_pack("{s:o, s:I, s:I, s:I, s:I, s:s, s:I, s:I}", "levels", levels, "study_days",
			 (json_int_t)f->study_days, "study_days_basic", (json_int_t)f->study_days_basic,
			 "study_days_high", (json_int_t)f->study_days_high, "holiday_days",
			 (json_int_t)f->holiday_days, "summer_until", until, "summer_days",
			 (json_int_t)f->summer_days, "summer_days_senior", (json_int_t)f->summer_days_senior);
}

/* A problem of the check as an API problem, with its level and amounts when it has them. */
static void add_amounts(json_t *detail, const struct calendar_problem *p)
{
	if (p->level != LEVEL_INVALID)
		json_object_set_new(detail, "level", json_string(org_level_code(p->level)));
	if (p->unit) {
		json_object_set_new(detail, "have", json_integer(p->have));
		json_object_set_new(detail, "need", json_integer(p->need));
		json_object_set_new(detail, "unit", json_string(p->unit));
	}
}

/*
 * Checks structure `s` (calendar_structure_get's shape, with the year's dates in
 * "academic_year") of a year of `school` against CAL-1..CAL-4. Each problem goes to
 * `report` when it is not NULL, else to the request's errors. *figures (when not NULL)
 * gets what was measured. Returns the number of problems, or -1 on a database failure.
 */
static int check_structure(struct req *rq, int64_t school, json_t *s, json_t *report, json_t **figures)
{
	struct calendar_year y;
	struct calendar_problem problems[CALENDAR_MAX_PROBLEMS];
	if (calendar_structure_to_year(s, &y) != 0 || calendar_context(rq->db, school, &y) != DB_OK)
		return -1;
	size_t n = calendar_check(&y, problems, CALENDAR_MAX_PROBLEMS);
	for (size_t i = 0; i < n && i < CALENDAR_MAX_PROBLEMS; i++) {
		const struct calendar_problem *p = &problems[i];
		json_t *detail;
		if (report) {
			detail = reply_problem(rq, p->code, p->rule, p->field);
			json_array_append_new(report, detail);
		} else {
			detail = reply_add_error(rq, p->code, p->rule, p->field);
		}
		add_amounts(detail, p);
	}
	if (figures) {
		struct calendar_figures f;
		calendar_measure(&y, &f);
		*figures = figures_json(&y, &f);
	}
	return (int)n;
}

/* The school of academic year `id`; replies 404 and returns 0 when there is none. */
static int64_t year_school(struct req *rq, int64_t id)
{
	int64_t school = org_school_of(rq->db, "academic_years", id);
	if (!school)
		reply_error(rq, 404, "not_found", NULL, NULL);
	return school;
}

static int is_approved(json_t *structure_or_year)
{
	json_t *y = json_object_get(structure_or_year, "academic_year");
	return !json_is_null(json_object_get(y ? y : structure_or_year, "approved_at"));
}

/* Begins the write of year `id` and reads its structure; an approved year's is fixed
 * (409 year_approved, CAL-5). Returns the structure, or NULL having replied. */
static json_t *begin_year_write(struct req *rq, int64_t id)
{
	if (db_begin_write(rq->db) != DB_OK) {
		reply_db_failure(rq);
		return NULL;
	}
	json_t *s = calendar_structure_get(rq->db, id);
	if (!s) {
		api_rollback_errors(rq, 500);
		return NULL;
	}
	if (is_approved(s)) {
		json_decref(s);
		reply_add_error(rq, "year_approved", "CAL-5", NULL);
		api_rollback_errors(rq, 409);
		return NULL;
	}
	return s;
}

/* --- the structure of a year --- */

static const char *const year_types[] = {"quarters", "semesters", NULL};
static const char *const holiday_kinds[] = {"autumn", "winter", "spring", "extra", NULL};

static const struct field_spec term_fields[] = {
	{.name = "number", .type = FIELD_INT, .min = 1, .max = CALENDAR_MAX_TERMS},
	{.name = "starts_on", .type = FIELD_DATE, .required = 1},
	{.name = "ends_on", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};
static const struct field_spec holiday_fields[] = {
	{.name = "kind", .type = FIELD_ENUM, .required = 1, .values = holiday_kinds},
	{.name = "starts_on", .type = FIELD_DATE, .required = 1},
	{.name = "ends_on", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};
static const struct field_spec period_fields[] = {
	{.name = "starts_on", .type = FIELD_DATE, .required = 1},
	{.name = "ends_on", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};
static const struct field_spec structure_fields[] = {
	{.name = "type", .type = FIELD_ENUM, .required = 1, .values = year_types},
	{.name = "terms", .type = FIELD_LIST, .required = 1, .max_len = CALENDAR_MAX_TERMS,
	 .fields = term_fields},
	{.name = "holidays", .type = FIELD_LIST, .required = 1, .max_len = CALENDAR_MAX_HOLIDAYS,
	 .fields = holiday_fields},
	/* the external assessment of grades 11–12, and that of grade 10 (basic school) */
	{.name = "assessment", .type = FIELD_OBJECT, .nullable = 1, .fields = period_fields},
	{.name = "assessment_basic", .type = FIELD_OBJECT, .nullable = 1, .fields = period_fields},
	{.name = NULL},
};

/* The structure of the route's year for a reader of its school (*school gets it), or
 * NULL having replied (404, 403, a database failure). */
static json_t *read_structure(struct req *rq, int64_t *school)
{
	int64_t id = rq->params[0];
	*school = year_school(rq, id);
	if (!*school)
		return NULL;
	if (!rights_read_school(rq, *school)) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	json_t *s = calendar_structure_get(rq->db, id);
	if (!s)
		reply_db_failure(rq);
	return s;
}

int api_year_structure_get(struct req *rq)
{
	int64_t school;
	json_t *s = read_structure(rq, &school);
	return s ? reply_json(rq, 200, s) : rq->status;
}

/* A term's "number", when given, is its place in the list. */
static void check_term_numbers(struct req *rq)
{
	size_t i;
	json_t *t;
	json_array_foreach(json_object_get(rq->json, "terms"), i, t) {
		json_t *n = json_object_get(t, "number");
		char field[48];
		snprintf(field, sizeof field, "terms[%zu].number", i);
		if (n && json_integer_value(n) != (json_int_t)i + 1)
			reply_add_error(rq, "out_of_range", NULL, field);
	}
}

int api_year_structure_put(struct req *rq)
{
	int64_t id = rq->params[0], school = year_school(rq, id);
	if (!school)
		return rq->status;
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, structure_fields, VALIDATE_CREATE) == 0)
		check_term_numbers(rq);
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	json_t *before = begin_year_write(rq, id);
	if (!before)
		return rq->status;
	json_t *after = json_deep_copy(rq->json);
	json_object_set(after, "academic_year", json_object_get(before, "academic_year"));
	/* A PUT replaces the structure: an assessment left out is none. */
	if (!json_object_get(after, "assessment"))
		json_object_set_new(after, "assessment", json_null());
	if (!json_object_get(after, "assessment_basic"))
		json_object_set_new(after, "assessment_basic", json_null());
	/* CAL-1..CAL-4: a structure that breaks a rule is not saved, draft or not. */
	int n = check_structure(rq, school, after, NULL, NULL);
	int ok = n == 0 && calendar_structure_save(rq->db, id, after) == DB_OK;
	json_decref(after);
	after = ok ? calendar_structure_get(rq->db, id) : NULL;
	ok = ok && after &&
	     audit_record(rq->db, rq->user.id, school, "update", "academic_year_structure", id, before,
			  after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, n > 0 ? 422 : 500);
	}
	return api_commit_reply(rq, 200, after);
}

int api_year_check(struct req *rq)
{
	int64_t school;
	json_t *s = read_structure(rq, &school);
	if (!s)
		return rq->status;
	json_t *problems = json_array(), *figures = NULL;
	int n = check_structure(rq, school, s, problems, &figures);
	json_decref(s);
	if (n < 0) {
		json_decref(problems);
		return reply_db_failure(rq);
	}
	return reply_json(rq, 200, json_pack("{s:I, s:b, s:o, s:o}", "academic_year_id",
					     (json_int_t)rq->params[0], "ok", n == 0, "problems",
					     problems, "figures", figures));
}

int api_year_approve(struct req *rq)
{
	int64_t id = rq->params[0], school = year_school(rq, id);
	if (!school)
		return rq->status;
	/* The director of the year's school approves (CAL-5: the dates are then fixed). */
	if (rq->user.role != ROLE_DIRECTOR || rq->user.school_id != school)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *s = begin_year_write(rq, id);
	if (!s)
		return rq->status;
	int n = check_structure(rq, school, s, NULL, NULL);
	json_t *before = json_incref(json_object_get(s, "academic_year"));
	json_decref(s);
	if (n != 0) {
		json_decref(before);
		return api_rollback_errors(rq, n > 0 ? 422 : 500);
	}
	/* A draft becomes the current year when the school has none; else it waits, approved,
	 * until the current one is closed. */
	const char *status = json_string_value(json_object_get(before, "status"));
	if (strcmp(status, "draft") == 0 && !years_current(rq->db, school))
		status = "current";
	char now[21], today[DATE_TEXT_SIZE];
	db_now_utc(now);
	today_kz(today);
	json_t *after = calendar_year_approve(rq->db, id, rq->user.id, now, today, status) == DB_OK
				? years_get(rq->db, id)
				: NULL;
	int ok = after && audit_record(rq->db, rq->user.id, school, "approve", "academic_year", id, before,
				       after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, after);
}

int api_calendar_check_dates(struct req *rq, int64_t school, json_t *before, json_t *after)
{
	static const char *const dates[] = {"starts_on", "ends_on"};
	const char *moved = NULL;
	for (int i = 0; i < 2; i++)
		if (!json_equal(json_object_get(before, dates[i]), json_object_get(after, dates[i])))
			moved = moved ? moved : dates[i];
	if (!moved)
		return 0;
	if (is_approved(before)) {
		reply_add_error(rq, "year_approved", "CAL-5", moved);
		return 409;
	}
	json_t *s = calendar_structure_get(rq->db, json_integer_value(json_object_get(before, "id")));
	if (!s)
		return 500;
	int n = 0;
	if (json_array_size(json_object_get(s, "terms")) || json_array_size(json_object_get(s, "holidays")) ||
	    !json_is_null(json_object_get(s, "assessment")) ||
	    !json_is_null(json_object_get(s, "assessment_basic"))) {
		json_object_set(s, "academic_year", after);
		n = check_structure(rq, school, s, NULL, NULL);
	}
	json_decref(s);
	return n < 0 ? 500 : n > 0 ? 422 : 0;
}

/* --- CAL-5: years not fixed before 25 August --- */

/* Parses "YYYY-YYYY" (consecutive years) into the first year; 0, or -1. */
static int parse_year_name(const char *name, int *first)
{
	struct date a, b;
	char ya[DATE_TEXT_SIZE], yb[DATE_TEXT_SIZE];
	if (!name || strlen(name) != 9 || name[4] != '-')
		return -1;
	snprintf(ya, sizeof ya, "%.4s-01-01", name);
	snprintf(yb, sizeof yb, "%.4s-01-01", name + 5);
	if (date_parse(ya, &a) != 0 || date_parse(yb, &b) != 0 || b.y != a.y + 1)
		return -1;
	*first = a.y;
	return 0;
}

int api_calendar_not_fixed(struct req *rq)
{
	const char *name = req_query(rq, "year");
	int first;
	if (parse_year_name(name, &first) != 0)
		return reply_error(rq, 400, "bad_query", NULL, "year");
	char deadline[DATE_TEXT_SIZE], today[DATE_TEXT_SIZE];
	date_format((struct date){first, 8, 25}, deadline);
	today_kz(today);
	json_t *items = calendar_not_fixed(rq->db_read, name, deadline);
	if (!items)
		return reply_db_failure(rq);
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		json_object_set_new(it, "deadline", json_string(deadline));
		json_object_set_new(it, "overdue", json_boolean(strcmp(today, deadline) >= 0));
	}
	return reply_list(rq, items, (int64_t)json_array_size(items), 0);
}

/* --- public holidays (CAL-7) --- */

/* Reads query argument `name` into *out: 0; or adds a problem and returns -1 when it
 * is missing or not an integer ("bad_query") or outside [min, max] ("out_of_range"). */
static int query_int(struct req *rq, const char *name, long min, long max, long *out)
{
	const char *s = req_query(rq, name);
	size_t n = s ? strlen(s) : 0;
	size_t digits = n && s[0] == '-' ? 1 + strspn(s + 1, "0123456789") : strspn(s ? s : "", "0123456789");
	if (!n || digits != n || n > 10 || (s[0] == '-' && n == 1)) {
		reply_add_error(rq, "bad_query", NULL, name);
		return -1;
	}
	*out = strtol(s, NULL, 10);
	if (*out < min || *out > max) {
		reply_add_error(rq, "out_of_range", NULL, name);
		return -1;
	}
	return 0;
}

int api_holidays_get(struct req *rq)
{
	long year;
	if (query_int(rq, "year", DATE_MIN_YEAR, DATE_MAX_YEAR, &year) != 0)
		return reply_errors(rq, 400);
	struct holidays_table t;
	if (holidays_load(rq->db, &t) != DB_OK)
		return reply_db_failure(rq);
	json_t *body = holidays_of_year(rq->db, (int)year);
	if (!body) {
		holidays_table_release(&t);
		return reply_db_failure(rq);
	}
	struct date days[366];
	size_t n = holiday_list_year(&t.cal, (int)year, days, 366);
	holidays_table_release(&t);
	json_t *off = json_array();
	for (size_t i = 0; i < n && i < 366; i++) {
		char d[DATE_TEXT_SIZE];
		date_format(days[i], d);
		json_array_append_new(off, json_string(d));
	}
	json_object_set_new(body, "year", json_integer(year));
	json_object_set_new(body, "days_off", off);
	return reply_json(rq, 200, body);
}

static const struct field_spec fixed_fields[] = {
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = "name", .type = FIELD_NAMES, .required = 1, .max_len = 100},
	{.name = "moves_if_weekend", .type = FIELD_BOOL},
	{.name = NULL},
};
static const struct field_spec transfer_fields[] = {
	{.name = "working_day", .type = FIELD_DATE, .required = 1},
	{.name = "day_off", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};

/* What differs between the two kinds of holiday rows. */
struct holiday_kind {
	const char *entity;   /* in the audit log */
	const struct field_spec *fields;
	int (*insert)(struct db *db, json_t *rec, int64_t *id_out);
	json_t *(*get)(struct db *db, int64_t id);
	int (*remove)(struct db *db, int64_t id);
};
static const struct holiday_kind fixed_kind = {"holiday_fixed", fixed_fields, holidays_fixed_insert,
					       holidays_fixed_get, holidays_fixed_delete};
static const struct holiday_kind transfer_kind = {"holiday_transfer", transfer_fields,
						  holidays_transfer_insert, holidays_transfer_get,
						  holidays_transfer_delete};

static int holiday_create(struct req *rq, const struct holiday_kind *k)
{
	if (!rights_write_network(rq))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, k->fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (k == &fixed_kind && !body_has(rq, "moves_if_weekend"))
		json_object_set_new(rq->json, "moves_if_weekend", json_false());
	if (k == &transfer_kind && strcmp(body_str(rq, "working_day"), body_str(rq, "day_off")) == 0)
		return reply_error(rq, 422, "holiday_transfer_same_day", "CAL-7", "day_off");
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int64_t id = 0;
	int rc = k->insert(rq->db, rq->json, &id);
	if (rc == DB_CONSTRAINT)
		reply_add_error(rq, "holiday_exists", "CAL-7", k == &fixed_kind ? "date" : NULL);
	if (rc != DB_OK)
		return api_rollback_errors(rq, 409);
	json_t *after = k->get(rq->db, id);
	if (!after || audit_record(rq->db, rq->user.id, 0, "create", k->entity, id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

static int holiday_delete(struct req *rq, const struct holiday_kind *k)
{
	int64_t id = rq->params[0];
	if (!rights_write_network(rq))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = k->get(rq->db, id);
	if (!before) {
		db_rollback(rq->db);
		return reply_error(rq, 404, "not_found", NULL, NULL);
	}
	int ok = k->remove(rq->db, id) == DB_OK &&
		 audit_record(rq->db, rq->user.id, 0, "delete", k->entity, id, before, NULL) == DB_OK;
	json_decref(before);
	if (!ok)
		return api_rollback_errors(rq, 500);
	return api_commit_reply(rq, 200, json_pack("{s:b}", "deleted", 1));
}

int api_holiday_fixed_create(struct req *rq)
{
	return holiday_create(rq, &fixed_kind);
}

int api_holiday_fixed_delete(struct req *rq)
{
	return holiday_delete(rq, &fixed_kind);
}

int api_holiday_transfer_create(struct req *rq)
{
	return holiday_create(rq, &transfer_kind);
}

int api_holiday_transfer_delete(struct req *rq)
{
	return holiday_delete(rq, &transfer_kind);
}

int api_add_working_days(struct req *rq)
{
	struct date from;
	long days;
	if (date_parse(req_query(rq, "from"), &from) != 0)
		reply_add_error(rq, "bad_date", NULL, "from");
	query_int(rq, "days", 0, WORKING_DAYS_MAX, &days);
	if (reply_has_errors(rq))
		return reply_errors(rq, 400);
	struct holidays_table t;
	if (holidays_load(rq->db, &t) != DB_OK)
		return reply_db_failure(rq);
	struct date d = holiday_add_working_days(&t.cal, from, (int)days);
	holidays_table_release(&t);
	char out[DATE_TEXT_SIZE];
	if (date_format(d, out) != 0)
		return reply_error(rq, 400, "out_of_range", NULL, "days");
	return reply_json(rq, 200, json_pack("{s:s}", "date", out));
}
