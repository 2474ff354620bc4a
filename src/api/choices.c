/* choices — the API of high-school choice: a legal representative's application with
 * the subjects, levels and mathematics programme (CUR-4, CUR-6), the director's order
 * that fixes it (CUR-5), and the subjects taught in English (CUR-7). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/curriculum.h"
#include "api/handlers.h"
#include "store/audit.h"
#include "store/curriculum.h"
#include "store/db.h"
#include "store/org.h"
#include "store/people.h"

#define PROBLEMS_CAP 32
#define ORDER_MAX_STUDENTS 1000

static const char *const levels[] = {"standard", "advanced", NULL};

static const struct field_spec choice_fields[] = {
	{.name = "subject_id", .type = FIELD_ID, .required = 1},
	{.name = "level", .type = FIELD_ENUM, .required = 1, .values = levels},
	{.name = NULL},
};
static const struct field_spec application_body[] = {
	{.name = "academic_year_id", .type = FIELD_ID, .required = 1},
	{.name = "math_programme", .type = FIELD_INT, .required = 1, .min = 7, .max = 10},
	{.name = "subjects", .type = FIELD_LIST, .required = 1, .max_len = CUR_MAX_CHOICES, .fields = choice_fields},
	{.name = "representative_id", .type = FIELD_ID},
	{.name = NULL},
};

/* The language of the student's class ("kk"/"ru"), or NULL without a class. */
static const char *class_language(json_t *student)
{
	return json_string_value(json_object_get(json_object_get(student, "class"), "language"));
}

/* The calendar year an academic year starts in, or 0. */
static int year_start(struct db *db, int64_t year_id)
{
	json_t *y = years_get(db, year_id);
	const char *starts = json_string_value(json_object_get(y, "starts_on"));
	int start = starts ? atoi(starts) : 0;
	json_decref(y);
	return start;
}

int api_student_choices(struct req *rq)
{
	int64_t id = rq->params[0];
	json_t *s = students_get(rq->db, id);
	if (!s)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_student(rq, id, json_integer_value(json_object_get(s, "school_id")),
				 json_integer_value(json_object_get(s, "person_id")))) {
		json_decref(s);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	json_t *items = choices_of_student(rq->db, id, class_language(s));
	json_decref(s);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), 0);
}

/* An application as the rules see it, from its JSON (stored or requested). */
static void to_application(json_t *a, struct cur_application *out)
{
	memset(out, 0, sizeof *out);
	out->math_programme = (int)json_integer_value(json_object_get(a, "math_programme"));
	out->fixed = json_is_object(json_object_get(a, "order"));
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(a, "subjects"), i, c) {
		if (out->n == CUR_MAX_CHOICES)
			break;
		out->items[out->n].subject_id = json_integer_value(json_object_get(c, "subject_id"));
		out->items[out->n++].level = cur_level_from_code(json_string_value(json_object_get(c, "level")));
	}
}

/* The student's grade in the academic year starting in `start`, from their class now;
 * 0 without a class. */
static int grade_in(struct req *rq, json_t *student, int start)
{
	json_t *cls = classes_get(rq->db, json_integer_value(json_object_get(student, "class_id")));
	int grade = 0;
	if (cls) {
		int now = year_start(rq->db, json_integer_value(json_object_get(cls, "academic_year_id")));
		grade = (int)json_integer_value(json_object_get(cls, "grade")) + (start - now);
	}
	json_decref(cls);
	return grade;
}

/* Who files: a representative for their own child (representative_id is themself),
 * or the school's director or academic deputy entering a representative's paper
 * application (representative_id required). Adds the problems; returns the
 * representative's person id, or 0. */
static int64_t filing_representative(struct req *rq, int64_t student)
{
	int64_t rep = body_int(rq, "representative_id", 0);
	if (rq->user.role == ROLE_PARENT) {
		if (rep && rep != rq->user.person_id) {
			reply_add_error(rq, "representative_not_linked", "ORG-3", "representative_id");
			return 0;
		}
		return rq->user.person_id;
	}
	if (!rep) {
		reply_add_error(rq, "missing_field", NULL, "representative_id");
		return 0;
	}
	if (!representatives_is_linked(rq->db, student, rep)) {
		reply_add_error(rq, "representative_not_linked", "ORG-3", "representative_id");
		return 0;
	}
	return rep;
}

int api_student_choice_file(struct req *rq)
{
	int64_t id = rq->params[0];
	int64_t school = org_school_of(rq->db, "students", id);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	int allowed = rq->user.role == ROLE_PARENT
			      ? rq->user.person_id && representatives_is_linked(rq->db, id, rq->user.person_id)
			      : rights_curriculum(rq, school);
	if (!allowed)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, application_body, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *student = students_get(rq->db, id);
	int64_t rep = filing_representative(rq, id);
	int64_t year = cur_request_year(rq, school, body_int(rq, "academic_year_id", 0));
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(rq->json, "subjects"), i, c) {
		json_t *subject = subjects_get(rq->db, json_integer_value(json_object_get(c, "subject_id")));
		if (!subject) {
			char field[48];
			snprintf(field, sizeof field, "subjects[%zu].subject_id", i);
			reply_add_error(rq, "dangling_reference", NULL, field);
		}
		json_decref(subject);
	}
	json_t *apps = choices_of_student(rq->db, id, class_language(student));
	if (!student || !apps) {
		json_decref(student);
		json_decref(apps);
		return api_rollback_errors(rq, 500);
	}
	if (reply_has_errors(rq) || !rep || !year) {
		json_decref(student);
		json_decref(apps);
		return api_rollback_errors(rq, 422);
	}

	/* The rules: this year's application, the latest fixed one of an earlier year, and
	 * the programme of mathematics the student had last. */
	int start = year_start(rq->db, year);
	struct cur_application a, current, previous;
	to_application(rq->json, &a);
	struct date today = api_today();
	struct cur_choice_context ctx = {.filed_on = today, .year_start = start, .grade = grade_in(rq, student, start)};
	json_t *before = NULL;
	json_array_foreach(apps, i, c) { /* newest year first */
		int64_t y = json_integer_value(json_object_get(c, "academic_year_id"));
		const char *starts = json_string_value(json_object_get(json_object_get(c, "academic_year"), "starts_on"));
		if (y == year) {
			before = c;
			to_application(c, &current);
			ctx.current = &current;
		} else if (starts && atoi(starts) < start && !ctx.previous && json_is_object(json_object_get(c, "order"))) {
			to_application(c, &previous);
			ctx.previous = &previous;
		}
		if (!ctx.math_programme_before)
			ctx.math_programme_before = (int)json_integer_value(json_object_get(c, "math_programme"));
	}
	struct cur_problem p[PROBLEMS_CAP];
	size_t n = cur_choice_check(&a, &ctx, p, PROBLEMS_CAP);
	cur_add_problems(rq, p, n, PROBLEMS_CAP);
	json_incref(before);
	json_decref(apps);
	if (n) {
		json_decref(student);
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}

	char filed_on[DATE_TEXT_SIZE];
	date_format(today, filed_on);
	json_t *rec = json_pack("{s:I, s:I, s:I, s:s, s:O}", "academic_year_id", (json_int_t)year,
				"representative_id", (json_int_t)rep, "math_programme",
				(json_int_t)a.math_programme, "filed_on", filed_on, "subjects",
				json_object_get(rq->json, "subjects"));
	int64_t app_id = 0;
	int ok = choices_save(rq->db, id, rec, rq->user.id, &app_id) == DB_OK;
	json_decref(rec);
	json_t *after = NULL;
	if (ok && (apps = choices_of_student(rq->db, id, class_language(student))) != NULL) {
		json_array_foreach(apps, i, c)
			if (json_integer_value(json_object_get(c, "id")) == app_id)
				after = json_incref(c);
		json_decref(apps);
	}
	json_decref(student);
	return cur_audit_reply(rq, school, before ? "update" : "create", "choice_application", app_id, before, after,
			       before ? 200 : 201);
}

/* --- the director's order (CUR-4, CUR-5) --- */

static const struct field_spec order_body[] = {
	{.name = "number", .type = FIELD_STRING, .required = 1, .max_len = 40},
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = "academic_year_id", .type = FIELD_ID, .required = 1},
	{.name = NULL},
};

/* Checks the shape of student_ids: a non-empty array of positive integers. Adds the
 * problems (on "student_ids" or "student_ids[i]"). */
static void check_student_ids(struct req *rq, json_t *ids)
{
	if (!ids) {
		reply_add_error(rq, "missing_field", NULL, "student_ids");
		return;
	}
	if (!json_is_array(ids)) {
		reply_add_error(rq, "wrong_type", NULL, "student_ids");
		return;
	}
	size_t n = json_array_size(ids);
	if (n == 0 || n > ORDER_MAX_STUDENTS) {
		reply_add_error(rq, "out_of_range", NULL, "student_ids");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_array_get(ids, i);
		char field[48];
		snprintf(field, sizeof field, "student_ids[%zu]", i);
		if (!json_is_integer(v) || json_integer_value(v) <= 0) {
			reply_add_error(rq, "wrong_type", NULL, field);
			continue;
		}
	}
}

/* Whether student_ids[i] repeats an earlier one. */
static int repeated(json_t *ids, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (json_equal(json_array_get(ids, j), json_array_get(ids, i)))
			return 1;
	return 0;
}

int api_choice_order_create(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return rq->status;
	if (!(rq->user.role == ROLE_DIRECTOR && rq->user.school_id == school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	/* student_ids is a list of integers, which the field table cannot say: checked here */
	json_t *ids = json_incref(json_object_get(rq->json, "student_ids"));
	json_object_del(rq->json, "student_ids");
	validate_body(rq, order_body, VALIDATE_CREATE);
	check_student_ids(rq, ids);
	if (reply_has_errors(rq)) {
		json_decref(ids);
		return reply_errors(rq, 422);
	}
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(ids);
		return reply_db_failure(rq);
	}
	/* a taken number is a conflict (409), named first; the students' problems follow */
	int64_t taken = 0;
	if (db_query_int64(rq->db, &taken, "SELECT COUNT(*) FROM choice_orders WHERE school_id = $1 AND number = $2",
			   "is", school, body_str(rq, "number")) == DB_ROW && taken)
		reply_add_error(rq, "order_number_taken", NULL, "number");
	int64_t year = cur_request_year(rq, school, body_int(rq, "academic_year_id", 0));
	size_t n = json_array_size(ids);
	int64_t *apps = calloc(n, sizeof *apps);
	for (size_t i = 0; apps && year && i < n; i++) {
		int64_t student = json_integer_value(json_array_get(ids, i));
		char field[48];
		snprintf(field, sizeof field, "student_ids[%zu]", i);
		json_t *list = org_school_of(rq->db, "students", student) == school
				       ? choices_of_student(rq->db, student, NULL) : json_array();
		size_t j;
		json_t *a;
		json_array_foreach(list, j, a)
			if (json_integer_value(json_object_get(a, "academic_year_id")) == year) {
				apps[i] = json_integer_value(json_object_get(a, "id"));
				if (json_is_object(json_object_get(a, "order")))
					reply_add_error(rq, "choice_already_fixed", "CUR-5", field);
			}
		if (!apps[i])
			reply_add_error(rq, "choice_missing", "CUR-4", field);
		json_decref(list);
		if (repeated(ids, i))
			reply_add_error(rq, "duplicate_student", NULL, field);
	}
	int64_t order = 0;
	int ok = apps && !reply_has_errors(rq) &&
		 choice_orders_insert(rq->db, school, year, body_str(rq, "number"), body_str(rq, "date"), rq->user.id,
				      &order) == DB_OK;
	json_t *after = ok ? json_pack("{s:I, s:I, s:I, s:s, s:s, s:O}", "id", (json_int_t)order, "school_id",
				       (json_int_t)school, "academic_year_id", (json_int_t)year, "number",
				       body_str(rq, "number"), "date", body_str(rq, "date"), "student_ids", ids)
			   : NULL;
	ok = ok && audit_record(rq->db, rq->user.id, school, "create", "choice_order", order, NULL, after) == DB_OK;
	for (size_t i = 0; ok && i < n; i++) {
		json_t *fix = json_pack("{s:I, s:I}", "application_id", (json_int_t)apps[i], "order_id",
					(json_int_t)order);
		ok = choices_fix(rq->db, apps[i], order) == DB_OK &&
		     audit_record(rq->db, rq->user.id, school, "fix", "choice_application", apps[i], NULL, fix) == DB_OK;
		json_decref(fix);
	}
	free(apps);
	json_decref(ids);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, taken ? 409 : 422);
	}
	return api_commit_reply(rq, 201, after);
}
