/* daily_bounds (api) — a grade's daily minimum and maximum of lessons per ЖОЖ (issue 9;
 * TT-1, CUR-2): GET /curricula/{id}/daily-bounds gives each grade of the ЖОЖ its weekly
 * hours (lessons + electives) and its bounds, set or Mektep's default; PUT replaces the
 * bounds set (a grade left out takes the default again), the director and academic
 * deputy of the school, an approved ЖОЖ too (they are not rows of its subjects). A
 * refusal lists every broken bound of every grade with its figures and writes nothing;
 * the change is audited. The rule is core/daily_bounds.h; the generator reads the same
 * table (store/timetable_week.c). docs/curriculum.md. */
#include <stdio.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/daily_bounds.h"
#include "core/roles.h"
#include "http/reply.h"
#include "http/validate.h"
#include "store/audit.h"
#include "store/daily_bounds.h"
#include "store/db.h"

/* A grade's weekly hours as the bounds are checked against them: its lessons of the ЖОЖ
 * plus its elective hours (the elective blocks take class periods too). */
static int weekly_hours(json_t *g)
{
	return (int)(json_integer_value(json_object_get(g, "lesson_hours")) +
		     json_integer_value(json_object_get(g, "elective_hours")));
}

/* The reply: the week and every grade with its bounds — the ones set, else the default
 * (`set` says which) — and the default beside. Steals `grades`. */
static json_t *bounds_reply(int64_t id, int days, int periods, json_t *grades)
{
	size_t i;
	json_t *g;
	json_array_foreach(grades, i, g) {
		int hours = weekly_hours(g);
		struct daily_bounds d = daily_bounds_default(hours, hours, days, periods);
		int set = json_is_integer(json_object_get(g, "min_daily"));
		json_object_set_new(g, "weekly_hours", json_integer(hours));
		json_object_set_new(g, "set", json_boolean(set));
		json_object_set_new(g, "default", json_pack("{s:i, s:i}", "min_daily", d.min, "max_daily", d.max));
		if (!set) {
			json_object_set_new(g, "min_daily", json_integer(d.min));
			json_object_set_new(g, "max_daily", json_integer(d.max));
		}
	}
	return json_pack("{s:I, s:i, s:i, s:o}", "curriculum_id", (json_int_t)id, "days", days, "periods", periods,
			 "grades", grades);
}

/* The ЖОЖ's school after the checks every route does: 404, 403 (read or write), or -1
 * on a database failure (replied). */
static int64_t curriculum_for(struct req *rq, int write)
{
	int64_t school = api_curriculum_school(rq, rq->params[0]);
	if (school < 0) {
		reply_db_failure(rq);
		return -1;
	}
	if (!school) {
		reply_error(rq, 404, "not_found", NULL, NULL);
		return -1;
	}
	int allowed = write ? (rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC)) && rq->user.school_id == school
			    : rights_read_school(rq, school);
	if (!allowed) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return -1;
	}
	return school;
}

int api_curriculum_daily_bounds_get(struct req *rq)
{
	int64_t school = curriculum_for(rq, 0);
	if (school < 0)
		return rq->status;
	int days, periods;
	json_t *grades = daily_bounds_week(rq->db, school, &days, &periods) == DB_OK
				 ? daily_bounds_grades(rq->db, rq->params[0])
				 : NULL;
	return grades ? reply_json(rq, 200, bounds_reply(rq->params[0], days, periods, grades)) : reply_db_failure(rq);
}

static const struct field_spec bound_fields[] = {
	{.name = "grade", .type = FIELD_INT, .required = 1, .min = 1, .max = 12},
	{.name = "min_daily", .type = FIELD_INT, .required = 1, .min = 0, .max = 40},
	{.name = "max_daily", .type = FIELD_INT, .required = 1, .min = 0, .max = 40},
	{.name = NULL},
};
static const struct field_spec bounds_fields[] = {
	{.name = "grades", .type = FIELD_LIST, .required = 1, .max_len = 12, .fields = bound_fields},
	{.name = NULL},
};

/* The ЖОЖ's grade g of `grades` (daily_bounds_grades), or NULL when it has no rows. */
static json_t *grade_of(json_t *grades, json_int_t g)
{
	size_t i;
	json_t *r;
	json_array_foreach(grades, i, r) if (json_integer_value(json_object_get(r, "grade")) == g) return r;
	return NULL;
}

/* TT-1: every listed grade's bounds against its weekly hours and the week; each
 * problem added with the figures that decide it. */
static void check_bounds(struct req *rq, json_t *grades, int days, int periods)
{
	json_t *list = json_object_get(rq->json, "grades");
	size_t i;
	json_t *b;
	json_array_foreach(list, i, b) {
		json_int_t g = json_integer_value(json_object_get(b, "grade"));
		char field[48];
		for (size_t k = 0; k < i; k++)
			if (json_integer_value(json_object_get(json_array_get(list, k), "grade")) == g) {
				snprintf(field, sizeof field, "grades[%zu].grade", i);
				reply_add_error(rq, "duplicate_grade", NULL, field);
				break;
			}
		json_t *row = grade_of(grades, g);
		int hours = row ? weekly_hours(row) : 0;
		struct daily_bounds d = {(int)json_integer_value(json_object_get(b, "min_daily")),
					 (int)json_integer_value(json_object_get(b, "max_daily"))};
		struct daily_bounds_problem p[8];
		size_t n = daily_bounds_check(d, hours, days, periods, p, 8);
		for (size_t k = 0; k < n && k < 8; k++) {
			snprintf(field, sizeof field, "grades[%zu].%s", i, p[k].field);
			json_t *e = reply_add_error(rq, p[k].code, "TT-1", field);
			json_object_set_new(
				e, "figures",
				json_pack("{s:I, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i}", "grade", g, "min_daily", d.min,
					  "max_daily", d.max, "weekly_hours", hours, "lesson_hours",
					  row ? (int)json_integer_value(json_object_get(row, "lesson_hours")) : 0,
					  "elective_hours",
					  row ? (int)json_integer_value(json_object_get(row, "elective_hours")) : 0, "days",
					  days, "periods", periods, "min_week", d.min * days, "max_week", d.max * days));
		}
	}
}

int api_curriculum_daily_bounds_put(struct req *rq)
{
	int64_t id = rq->params[0];
	int64_t school = curriculum_for(rq, 1);
	if (school < 0)
		return rq->status;
	if (validate_body(rq, bounds_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	int days, periods;
	if (daily_bounds_week(rq->db, school, &days, &periods) != DB_OK || db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *grades = daily_bounds_grades(rq->db, id);
	if (!grades)
		return api_rollback_errors(rq, 500);
	check_bounds(rq, grades, days, periods);
	json_decref(grades);
	if (reply_has_errors(rq))
		return api_rollback_errors(rq, 422);
	json_t *before = daily_bounds_set_of(rq->db, id);
	int ok = before && daily_bounds_replace(rq->db, id, json_object_get(rq->json, "grades")) == DB_OK;
	json_t *after = ok ? daily_bounds_set_of(rq->db, id) : NULL;
	ok = after && audit_record(rq->db, rq->user.id, school, "update", "curriculum_daily_bounds", id, before, after) ==
			      DB_OK;
	json_decref(before);
	json_decref(after);
	grades = ok ? daily_bounds_grades(rq->db, id) : NULL;
	if (!grades)
		return api_rollback_errors(rq, 500);
	return api_commit_reply(rq, 200, bounds_reply(id, days, periods, grades));
}
