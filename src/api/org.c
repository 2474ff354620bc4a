/* org — the API of the organisation: schools, academic years, classes, subjects. */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/date.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/org.h"
#include "store/people.h"
#include "util/utf8.h"

#define PAGE_DEFAULT 50
#define PAGE_MAX 500

/* --- schools --- */

static const char *const programmes[] = {"nis", "ib", NULL};
static const struct field_spec school_fields[] = {
	{.name = "code", .type = FIELD_STRING, .required = 1, .max_len = 20},
	{.name = "name", .type = FIELD_NAMES, .required = 1, .max_len = 300},
	{.name = "city", .type = FIELD_NAMES, .required = 1, .max_len = 100},
	{.name = "programme", .type = FIELD_ENUM, .required = 1, .values = programmes},
	{.name = NULL},
};

int api_schools_list(struct req *rq)
{
	int64_t limit, offset, total = 0;
	if (validate_paging(rq, PAGE_DEFAULT, PAGE_MAX, &limit, &offset))
		return reply_errors(rq, 400);
	int64_t only = (rq->user.role & ROLES_NETWORK) ? 0 : rq->user.school_id;
	if (!(rq->user.role & (ROLES_NETWORK | ROLES_SCHOOL_STAFF)))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *items = schools_list(rq->db_read, req_query(rq, "q"), only, limit, offset, &total);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, total, offset + limit < total ? offset + limit : 0);
}

int api_school_get(struct req *rq)
{
	int64_t id = rq->params[0];
	if (!rights_read_school(rq, id))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *s = schools_get(rq->db, id);
	return s ? reply_json(rq, 200, s) : reply_error(rq, 404, "not_found", NULL, NULL);
}

/* Refuses a code that another school has. */
static void check_school_code(struct req *rq, json_t *school, int64_t self)
{
	int64_t other = 0;
	if (schools_find_code(rq->db, json_string_value(json_object_get(school, "code")), &other) == DB_ROW &&
	    other != self)
		reply_add_error(rq, "code_taken", NULL, "code");
}

int api_school_create(struct req *rq)
{
	if (!rights_write_network(rq))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, school_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	check_school_code(rq, rq->json, 0);
	int64_t id = 0;
	int rc = reply_has_errors(rq) ? DB_CONSTRAINT : schools_insert(rq->db, rq->json, &id);
	if (rc == DB_CONSTRAINT && !reply_has_errors(rq))
		reply_add_error(rq, "code_taken", NULL, "code"); /* taken meanwhile (PostgreSQL) */
	if (rc != DB_OK)
		return api_rollback_errors(rq, 409);
	json_t *after = schools_get(rq->db, id);
	if (audit_record(rq->db, rq->user.id, id, "create", "school", id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

int api_school_update(struct req *rq)
{
	int64_t id = rq->params[0];
	if (!rights_write_network(rq))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, school_fields, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = schools_get(rq->db, id);
	if (!before) {
		db_rollback(rq->db);
		return reply_error(rq, 404, "not_found", NULL, NULL);
	}
	json_t *after = api_merge(before, rq->json);
	check_school_code(rq, after, id);
	int ok = !reply_has_errors(rq) && schools_update(rq->db, id, after) == DB_OK &&
		 audit_record(rq->db, rq->user.id, id, "update", "school", id, before, after) == DB_OK;
	json_decref(before);
	json_decref(after);
	if (!ok)
		return api_rollback_errors(rq, 409);
	return api_commit_reply(rq, 200, schools_get(rq->db, id));
}

/* --- academic years --- */

static const char *const year_statuses[] = {"draft", "current", "closed", NULL};
static const struct field_spec year_fields[] = {
	{.name = "name", .type = FIELD_STRING, .required = 1, .max_len = 20},
	{.name = "starts_on", .type = FIELD_DATE, .required = 1},
	{.name = "ends_on", .type = FIELD_DATE, .required = 1},
	{.name = "status", .type = FIELD_ENUM, .values = year_statuses},
	{.name = NULL},
};

int api_years_list(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return rq->status;
	/* A parent reads the years of a school where their child studies, to file the
	 * high-school application for the right year (CUR-4). */
	int parent_of_school = rq->user.role == ROLE_PARENT && rq->user.person_id &&
			       representatives_in_school(rq->db, rq->user.person_id, school);
	if (!rights_read_school(rq, school) && !parent_of_school)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *items = years_list(rq->db, school);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), 0);
}

static void check_year(struct req *rq, json_t *y)
{
	struct date a, b;
	if (date_parse(json_string_value(json_object_get(y, "starts_on")), &a) == 0 &&
	    date_parse(json_string_value(json_object_get(y, "ends_on")), &b) == 0 &&
	    date_compare(a, b) >= 0)
		reply_add_error(rq, "year_dates_order", NULL, "ends_on");
}

int api_year_create(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return rq->status;
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, year_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	json_object_set_new(rq->json, "school_id", json_integer(school));
	if (!json_object_get(rq->json, "status"))
		json_object_set_new(rq->json, "status", json_string("draft"));
	check_year(rq, rq->json);
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int64_t id = 0;
	int rc = years_insert(rq->db, rq->json, &id);
	if (rc == DB_CONSTRAINT)
		reply_add_error(rq, "year_exists", NULL, "name");
	if (rc != DB_OK)
		return api_rollback_errors(rq, 409);
	json_t *after = years_get(rq->db, id);
	if (audit_record(rq->db, rq->user.id, school, "create", "academic_year", id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

int api_year_update(struct req *rq)
{
	int64_t id = rq->params[0];
	int64_t school = org_school_of(rq->db, "academic_years", id);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, year_fields, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = years_get(rq->db, id);
	json_t *after = api_merge(before, rq->json);
	check_year(rq, after);
	int refused = reply_has_errors(rq) ? 422 : api_calendar_check_dates(rq, school, before, after);
	int rc = refused ? DB_ERROR : years_update(rq->db, id, after);
	if (rc == DB_CONSTRAINT)
		reply_add_error(rq, "year_exists", NULL, "name");
	int ok = rc == DB_OK &&
		 audit_record(rq->db, rq->user.id, school, "update", "academic_year", id, before, after) == DB_OK;
	json_decref(before);
	json_decref(after);
	if (!ok)
		return api_rollback_errors(rq, rc == DB_CONSTRAINT ? 409 : refused ? refused : 422);
	return api_commit_reply(rq, 200, years_get(rq->db, id));
}

/* --- classes --- */

static const char *const class_languages[] = {"kk", "ru", NULL};
static const struct field_spec class_fields[] = {
	{.name = "academic_year_id", .type = FIELD_ID},
	{.name = "grade", .type = FIELD_INT, .required = 1, .min = 1, .max = 12},
	{.name = "letter", .type = FIELD_STRING, .required = 1, .max_len = 3},
	{.name = "language", .type = FIELD_ENUM, .required = 1, .values = class_languages},
	{.name = "curator_id", .type = FIELD_ID, .nullable = 1},
	{.name = NULL},
};

int api_classes_list(struct req *rq)
{
	int64_t school = rq->params[0], limit, offset, total = 0;
	if (!api_school_found(rq, school))
		return rq->status;
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_paging(rq, 100, PAGE_MAX, &limit, &offset))
		return reply_errors(rq, 400);
	int64_t year = years_current(rq->db_read, school);
	const char *all = req_query(rq, "all_years");
	json_t *items = classes_list(rq->db_read, school, all && strcmp(all, "1") == 0 ? 0 : year, limit,
				     offset, &total);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, total, offset + limit < total ? offset + limit : 0);
}

int api_class_get(struct req *rq)
{
	json_t *c = classes_get(rq->db, rq->params[0]);
	if (!c)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, json_integer_value(json_object_get(c, "school_id")))) {
		json_decref(c);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	return reply_json(rq, 200, c);
}

/* The references of a class must exist and be of its school. */
/* A class letter is kept as a capital, so "7а" and "7А" are the same class. */
static void normalise_letter(json_t *c)
{
	const char *letter = json_string_value(json_object_get(c, "letter"));
	char *upper = letter ? utf8_upper(letter) : NULL;
	if (upper)
		json_object_set_new(c, "letter", json_string(upper));
	free(upper);
}

static void check_class_refs(struct req *rq, json_t *c, int64_t school)
{
	normalise_letter(c);
	int64_t year = json_integer_value(json_object_get(c, "academic_year_id"));
	int64_t year_school = org_school_of(rq->db, "academic_years", year);
	if (!year_school)
		reply_add_error(rq, "dangling_reference", NULL, "academic_year_id");
	else if (year_school != school)
		reply_add_error(rq, "wrong_school", NULL, "academic_year_id");
	json_t *cur = json_object_get(c, "curator_id");
	if (json_is_integer(cur)) {
		int64_t staff_school = org_school_of(rq->db, "staff", json_integer_value(cur));
		if (!staff_school)
			reply_add_error(rq, "dangling_reference", NULL, "curator_id");
		else if (staff_school != school)
			reply_add_error(rq, "wrong_school", NULL, "curator_id");
	}
}

int api_class_create(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return rq->status;
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, class_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_object_set_new(rq->json, "school_id", json_integer(school));
	if (!json_object_get(rq->json, "academic_year_id"))
		json_object_set_new(rq->json, "academic_year_id", json_integer(years_current(rq->db, school)));
	check_class_refs(rq, rq->json, school);
	int64_t id = 0;
	int rc = reply_has_errors(rq) ? DB_ERROR : classes_insert(rq->db, rq->json, &id);
	if (rc == DB_CONSTRAINT)
		reply_add_error(rq, "class_exists", NULL, "letter");
	if (rc != DB_OK)
		return api_rollback_errors(rq, rc == DB_CONSTRAINT ? 409 : 422);
	json_t *after = classes_get(rq->db, id);
	if (audit_record(rq->db, rq->user.id, school, "create", "class", id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

int api_class_update(struct req *rq)
{
	int64_t id = rq->params[0];
	int64_t school = org_school_of(rq->db, "classes", id);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, class_fields, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	if (body_has(rq, "academic_year_id"))
		return reply_error(rq, 422, "unknown_field", NULL, "academic_year_id");
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = classes_get(rq->db, id);
	json_t *after = api_merge(before, rq->json);
	if (!body_has(rq, "curator_id")) {
		json_t *cur = json_object_get(before, "curator");
		json_object_set(after, "curator_id", json_is_object(cur) ? json_object_get(cur, "id") : json_null());
	}
	check_class_refs(rq, after, school);
	int rc = reply_has_errors(rq) ? DB_ERROR : classes_update(rq->db, id, after);
	if (rc == DB_CONSTRAINT)
		reply_add_error(rq, "class_exists", NULL, "letter");
	json_decref(after);
	after = rc == DB_OK ? classes_get(rq->db, id) : NULL;
	int ok = rc == DB_OK &&
		 audit_record(rq->db, rq->user.id, school, "update", "class", id, before, after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, rc == DB_CONSTRAINT ? 409 : 422);
	}
	return api_commit_reply(rq, 200, after);
}

/* --- subjects --- */

static const struct field_spec subject_fields[] = {
	{.name = "code", .type = FIELD_STRING, .required = 1, .max_len = 40},
	{.name = "name", .type = FIELD_NAMES, .required = 1, .max_len = 200},
	{.name = NULL},
};

int api_subjects_list(struct req *rq)
{
	int64_t limit, offset, total = 0;
	if (validate_paging(rq, 100, PAGE_MAX, &limit, &offset))
		return reply_errors(rq, 400);
	json_t *items = subjects_list(rq->db_read, req_query(rq, "q"), limit, offset, &total);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, total, offset + limit < total ? offset + limit : 0);
}

int api_subject_get(struct req *rq)
{
	json_t *s = subjects_get(rq->db, rq->params[0]);
	return s ? reply_json(rq, 200, s) : reply_error(rq, 404, "not_found", NULL, NULL);
}

int api_subject_create(struct req *rq)
{
	if (!rights_write_network(rq))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, subject_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int64_t id = 0;
	int rc = subjects_insert(rq->db, rq->json, &id);
	if (rc == DB_CONSTRAINT)
		reply_add_error(rq, "code_taken", NULL, "code");
	if (rc != DB_OK)
		return api_rollback_errors(rq, 409);
	json_t *after = subjects_get(rq->db, id);
	if (audit_record(rq->db, rq->user.id, 0, "create", "subject", id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

int api_subject_update(struct req *rq)
{
	int64_t id = rq->params[0];
	if (!rights_write_network(rq))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, subject_fields, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = subjects_get(rq->db, id);
	if (!before) {
		db_rollback(rq->db);
		return reply_error(rq, 404, "not_found", NULL, NULL);
	}
	json_t *after = api_merge(before, rq->json);
	int rc = subjects_update(rq->db, id, after);
	if (rc == DB_CONSTRAINT)
		reply_add_error(rq, "code_taken", NULL, "code");
	int ok = rc == DB_OK && audit_record(rq->db, rq->user.id, 0, "update", "subject", id, before, after) == DB_OK;
	json_decref(before);
	json_decref(after);
	if (!ok)
		return api_rollback_errors(rq, 409);
	return api_commit_reply(rq, 200, subjects_get(rq->db, id));
}
