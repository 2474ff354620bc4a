/* unavailability — `GET/PUT /staff/{id}/unavailability` (issue 9; TT-1: the timetable
 * takes each teacher's load and time into account): the times a teacher cannot teach in
 * an academic year (the whole year, or one semester; a period or the whole day), which
 * the generator never gives them (store/timetable_week.c) and export-fet writes as
 * ConstraintTeacherNotAvailableTimes. The school's director, deputies and responsible
 * person for the timetable read and replace them; the teacher reads their own. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/org.h"
#include "store/people.h"
#include "store/timetable.h"
#include "store/unavailability.h"

static const struct field_spec time_fields[] = {
	{.name = "weekday", .type = FIELD_INT, .min = 1, .max = 6, .required = 1},
	{.name = "period", .type = FIELD_INT, .min = 1, .max = 12, .nullable = 1},
	{.name = NULL},
};

static const struct field_spec put_fields[] = {
	{.name = "academic_year_id", .type = FIELD_ID},
	{.name = "semester", .type = FIELD_INT, .min = 1, .max = 2, .nullable = 1},
	{.name = "times", .type = FIELD_LIST, .max_len = 80, .fields = time_fields, .required = 1},
	{.name = NULL},
};

/* The staff member's school and person (0 when there is no such staff member). */
static int64_t staff_school(struct req *rq, int64_t staff_id, int64_t *person)
{
	json_t *f = staff_get(rq->db, staff_id);
	int64_t school = f ? api_int_at(f, "school_id") : 0;
	*person = f ? api_int_at(f, "person_id") : 0;
	json_decref(f);
	return school;
}

/* The year asked for (?academic_year_id= or the body's), the school's current one when
 * none; 0 after a reply (400/422). */
static int64_t year_of(struct req *rq, int64_t school, int64_t asked)
{
	int64_t year = asked ? asked : years_current(rq->db, school);
	int64_t year_school = year ? org_school_of(rq->db, "academic_years", year) : 0;
	if (!year_school) {
		reply_error(rq, 422, "dangling_reference", NULL, "academic_year_id");
		return 0;
	}
	if (year_school != school) {
		reply_error(rq, 422, "wrong_school", NULL, "academic_year_id");
		return 0;
	}
	return year;
}

/* {staff_id, academic_year_id, days, periods, items}: days and periods of the school's
 * bell schedule, for a grid. */
static int reply_times(struct req *rq, int status, int64_t staff, int64_t school, int64_t year)
{
	json_t *items = unavailability_list(rq->db, staff, year);
	json_t *bells = bells_get(rq->db, school);
	if (!items || !bells) {
		json_decref(items);
		json_decref(bells);
		return reply_db_failure(rq);
	}
	json_t *o = json_pack("{sI sI si si so}", "staff_id", (json_int_t)staff, "academic_year_id", (json_int_t)year,
			      "days", json_is_true(json_object_get(bells, "saturday")) ? 6 : 5, "periods",
			      (int)json_array_size(json_object_get(bells, "periods")), "items", items);
	json_decref(bells);
	return o ? reply_json(rq, status, o) : reply_error(rq, 500, "internal", NULL, NULL);
}

int api_unavailability_get(struct req *rq)
{
	int64_t person, staff = rq->params[0];
	int64_t school = staff_school(rq, staff, &person);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	int own = rq->user.person_id && rq->user.person_id == person && rq->user.school_id == school;
	if (!own && !rights_write_timetable(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	int64_t asked;
	if (api_query_id(rq, "academic_year_id", &asked))
		return rq->status;
	int64_t year = year_of(rq, school, asked);
	return year ? reply_times(rq, 200, staff, school, year) : rq->status;
}

int api_unavailability_put(struct req *rq)
{
	int64_t person, staff = rq->params[0];
	int64_t school = staff_school(rq, staff, &person);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_write_timetable(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, put_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	int64_t year = year_of(rq, school, body_int(rq, "academic_year_id", 0));
	if (!year)
		return rq->status;
	json_t *bells = bells_get(rq->db, school);
	if (!bells)
		return reply_db_failure(rq);
	int days = json_is_true(json_object_get(bells, "saturday")) ? 6 : 5;
	int periods = (int)json_array_size(json_object_get(bells, "periods"));
	json_decref(bells);
	/* each time inside the school's week, and once */
	json_t *times = json_object_get(rq->json, "times");
	unsigned seen[7] = {0};
	size_t i;
	json_t *t;
	json_array_foreach(times, i, t) {
		char field[48];
		int day = (int)api_int_at(t, "weekday");
		json_t *p = json_object_get(t, "period");
		int period = json_is_integer(p) ? (int)json_integer_value(p) : 0;
		unsigned bit = period ? 1u << period : 1u;
		if (day > days) {
			snprintf(field, sizeof field, "times[%zu].weekday", i);
			reply_add_error(rq, "unavailability_day", "TT-1", field);
		} else if (period > periods) {
			snprintf(field, sizeof field, "times[%zu].period", i);
			reply_add_error(rq, "unavailability_period", "TT-1", field);
		} else if (seen[day] & (bit | 1u)) {
			snprintf(field, sizeof field, "times[%zu]", i);
			reply_add_error(rq, "unavailability_twice", "TT-1", field);
		} else if (!period && seen[day]) {
			snprintf(field, sizeof field, "times[%zu]", i);
			reply_add_error(rq, "unavailability_twice", "TT-1", field);
		}
		seen[day > 6 ? 0 : day] |= bit;
	}
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	json_t *sem = json_object_get(rq->json, "semester");
	int rc = db_begin_write(rq->db);
	if (rc == DB_OK)
		rc = unavailability_replace(rq->db, staff, year, json_is_integer(sem) ? (int)json_integer_value(sem) : 0,
					    times, rq->user.id);
	if (rc == DB_OK) {
		json_t *after = unavailability_list(rq->db, staff, year);
		rc = after ? audit_record(rq->db, rq->user.id, school, "update", "teacher_unavailability", staff, NULL, after)
			   : DB_ERROR;
		json_decref(after);
	}
	if (rc == DB_OK)
		rc = db_commit(rq->db);
	if (rc != DB_OK) {
		db_rollback(rq->db);
		return reply_db_failure(rq);
	}
	return reply_times(rq, 200, staff, school, year);
}
