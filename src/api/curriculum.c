/* curriculum — the API of the ТОЖ (CUR-1), the schools' ЖОЖ and its approval (CUR-2),
 * the group split threshold and the subject groups of classes (CUR-3). */
#include "api/curriculum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "api/handlers.h"
#include "store/audit.h"
#include "store/curriculum.h"
#include "store/db.h"
#include "store/org.h"
#include "store/people.h"

#define PROBLEMS_CAP 64

/* --- shared helpers (curriculum.h) --- */

int rights_curriculum(struct req *rq, int64_t school_id)
{
	return (rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC)) && rq->user.school_id == school_id;
}

int cur_query_int(struct req *rq, const char *name, int64_t min, int64_t max, int required, int64_t *out)
{
	const char *s = req_query(rq, name);
	if (!s) {
		if (!required)
			return 0;
		reply_add_error(rq, "bad_query", NULL, name);
		return -1;
	}
	char *end = NULL;
	long long v = strtoll(s, &end, 10);
	if (!*s || !end || *end || strlen(s) > 18 || v < min || v > max) {
		reply_add_error(rq, "bad_query", NULL, name);
		return -1;
	}
	*out = v;
	return 0;
}

int64_t cur_request_year(struct req *rq, int64_t school, int64_t given)
{
	if (!given) {
		int64_t year = years_current(rq->db, school);
		if (!year)
			reply_add_error(rq, "no_current_year", NULL, "academic_year_id");
		return year;
	}
	int64_t owner = org_school_of(rq->db, "academic_years", given);
	if (!owner) {
		reply_add_error(rq, "dangling_reference", NULL, "academic_year_id");
		return 0;
	}
	if (owner != school) {
		reply_add_error(rq, "wrong_school", NULL, "academic_year_id");
		return 0;
	}
	return given;
}

int64_t cur_begin_school_write(struct req *rq, const struct field_spec *specs)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return 0;
	if (!rights_curriculum(rq, school)) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return 0;
	}
	if (validate_body(rq, specs, VALIDATE_CREATE)) {
		reply_errors(rq, 422);
		return 0;
	}
	if (db_begin_write(rq->db) != DB_OK) {
		reply_db_failure(rq);
		return 0;
	}
	int64_t year = cur_request_year(rq, school, body_int(rq, "academic_year_id", 0));
	if (!year)
		api_rollback_errors(rq, 422);
	return year;
}

int cur_audit_reply(struct req *rq, int64_t school, const char *action, const char *entity, int64_t id,
		    json_t *before, json_t *after, int status)
{
	int ok = after && audit_record(rq->db, rq->user.id, school, action, entity, id, before, after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, status, after);
}

void cur_add_problems(struct req *rq, const struct cur_problem *p, size_t n, size_t cap)
{
	for (size_t i = 0; i < n && i < cap; i++)
		reply_add_error(rq, p[i].code, p[i].rule, p[i].field[0] ? p[i].field : NULL);
}

/* --- curriculum rows --- */

static const char *const programmes[] = {"nis", "ib", NULL};
static const char *const components[] = {"invariant", "variative", NULL};
static const char *const languages[] = {"kk", "ru", NULL};

/* A row of the ТОЖ, as PUT takes it. */
static const struct field_spec typical_row_fields[] = {
	{.name = "subject_id", .type = FIELD_ID, .required = 1},
	{.name = "hours", .type = FIELD_INT, .required = 1, .min = 0, .max = CUR_MAX_HOURS},
	{.name = "component", .type = FIELD_ENUM, .required = 1, .values = components},
	{.name = "split_in_groups", .type = FIELD_BOOL},
	{.name = "split_language", .type = FIELD_ENUM, .values = languages, .nullable = 1},
	{.name = "standard_hours", .type = FIELD_INT, .min = 0, .max = CUR_MAX_HOURS, .nullable = 1},
	{.name = "advanced_hours", .type = FIELD_INT, .min = 0, .max = CUR_MAX_HOURS, .nullable = 1},
	{.name = NULL},
};
static const struct field_spec typical_body[] = {
	{.name = "rows", .type = FIELD_LIST, .required = 1, .max_len = 60, .fields = typical_row_fields},
	{.name = NULL},
};

/* A row of a ЖОЖ, as PATCH takes it: (grade, subject_id) names it; a new row needs
 * hours and component; "remove": true takes it out. */
static const struct field_spec school_row_fields[] = {
	{.name = "grade", .type = FIELD_INT, .required = 1, .min = 1, .max = 12},
	{.name = "subject_id", .type = FIELD_ID, .required = 1},
	{.name = "hours", .type = FIELD_INT, .min = 0, .max = CUR_MAX_HOURS},
	{.name = "component", .type = FIELD_ENUM, .values = components},
	{.name = "split_in_groups", .type = FIELD_BOOL},
	{.name = "split_language", .type = FIELD_ENUM, .values = languages, .nullable = 1},
	{.name = "standard_hours", .type = FIELD_INT, .min = 0, .max = CUR_MAX_HOURS, .nullable = 1},
	{.name = "advanced_hours", .type = FIELD_INT, .min = 0, .max = CUR_MAX_HOURS, .nullable = 1},
	{.name = "remove", .type = FIELD_BOOL},
	{.name = NULL},
};
static const struct field_spec school_patch_body[] = {
	{.name = "rows", .type = FIELD_LIST, .required = 1, .max_len = 400, .fields = school_row_fields},
	{.name = NULL},
};

/* An optional integer field of a row: its value, or -1 when absent or null. */
static int opt_int(json_t *row, const char *key)
{
	json_t *v = json_object_get(row, key);
	return json_is_integer(v) ? (int)json_integer_value(v) : -1;
}

/* Fills the optional fields of a row the way they are stored. */
static void row_defaults(json_t *row)
{
	static const char *const nullable[] = {"split_language", "standard_hours", "advanced_hours"};
	if (!json_object_get(row, "split_in_groups"))
		json_object_set_new(row, "split_in_groups", json_false());
	for (size_t i = 0; i < sizeof nullable / sizeof nullable[0]; i++)
		if (!json_object_get(row, nullable[i]))
			json_object_set_new(row, nullable[i], json_null());
}

/* The checks of row i that need more than its fields: the subject exists, CUR-1.
 * `grade` is the row's grade. */
static void check_row(struct req *rq, json_t *row, size_t i, int grade)
{
	char prefix[32];
	snprintf(prefix, sizeof prefix, "rows[%zu]", i);
	json_t *subject = subjects_get(rq->db, json_integer_value(json_object_get(row, "subject_id")));
	if (!subject) {
		char field[48];
		snprintf(field, sizeof field, "%s.subject_id", prefix);
		reply_add_error(rq, "dangling_reference", NULL, field);
	}
	json_decref(subject);
	/* a missing hours is reported as missing, not as out of range */
	struct cur_row r = {.grade = grade, .hours = json_object_get(row, "hours") ? opt_int(row, "hours") : 0,
			    .standard_hours = opt_int(row, "standard_hours"),
			    .advanced_hours = opt_int(row, "advanced_hours")};
	struct cur_problem p[8];
	cur_add_problems(rq, p, cur_row_check(&r, prefix, p, 8), 8);
}

/* Adds duplicate_subject (CUR-1) for row i when an earlier row has its grade and subject. */
static void check_duplicate(struct req *rq, json_t *rows, size_t i, int by_grade)
{
	json_t *row = json_array_get(rows, i);
	for (size_t j = 0; j < i; j++) {
		json_t *other = json_array_get(rows, j);
		if (json_equal(json_object_get(other, "subject_id"), json_object_get(row, "subject_id")) &&
		    (!by_grade || json_equal(json_object_get(other, "grade"), json_object_get(row, "grade")))) {
			char field[48];
			snprintf(field, sizeof field, "rows[%zu].subject_id", i);
			reply_add_error(rq, "duplicate_subject", "CUR-1", field);
			return;
		}
	}
}

/* --- the ТОЖ (CUR-1) --- */

/* Reads ?programme= and ?grade=; adds bad_query and returns -1 when either is wrong. */
static int typical_query(struct req *rq, const char **programme, int *grade)
{
	*programme = req_query(rq, "programme");
	int known = 0;
	for (const char *const *p = programmes; *programme && *p; p++)
		known |= strcmp(*p, *programme) == 0;
	int64_t g = 0;
	int bad = 0;
	if (!known) {
		reply_add_error(rq, "bad_query", NULL, "programme");
		bad = 1;
	}
	if (cur_query_int(rq, "grade", 1, 12, 1, &g) != 0)
		bad = 1;
	*grade = (int)g;
	return bad ? -1 : 0;
}

int api_typical_get(struct req *rq)
{
	const char *programme;
	int grade;
	if (typical_query(rq, &programme, &grade) != 0)
		return reply_errors(rq, 400);
	json_t *t = typical_get(rq->db, programme, grade);
	return t ? reply_json(rq, 200, t) : reply_db_failure(rq);
}

int api_typical_put(struct req *rq)
{
	const char *programme;
	int grade;
	if (typical_query(rq, &programme, &grade) != 0)
		return reply_errors(rq, 400);
	if (validate_body(rq, typical_body, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *rows = json_object_get(rq->json, "rows");
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		row_defaults(row);
		check_row(rq, row, i, grade);
		check_duplicate(rq, rows, i, 0);
	}
	if (reply_has_errors(rq))
		return api_rollback_errors(rq, 422);
	json_t *before = typical_get(rq->db, programme, grade);
	int64_t id = 0;
	json_t *after = before && typical_replace(rq->db, programme, grade, rows, &id) == DB_OK
				? typical_get(rq->db, programme, grade) : NULL;
	if (json_is_null(json_object_get(before, "id"))) { /* a new ТОЖ: nothing before */
		json_decref(before);
		before = NULL;
	}
	return cur_audit_reply(rq, 0, "replace", "typical_curriculum", id, before, after, 200);
}

/* --- the ЖОЖ (CUR-2) --- */

int api_school_curricula(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return rq->status;
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *items = school_curricula_list(rq->db, school);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), 0);
}

static const struct field_spec generate_body[] = {
	{.name = "academic_year_id", .type = FIELD_ID},
	{.name = NULL},
};

int api_school_curriculum_create(struct req *rq)
{
	int64_t school = rq->params[0], year = cur_begin_school_write(rq, generate_body);
	if (!year)
		return rq->status;
	int64_t id = 0, nrows = 0;
	if (school_curriculum_of_year(rq->db, year, &id) == DB_ROW) {
		reply_add_error(rq, "curriculum_exists", "CUR-2", "academic_year_id");
		return api_rollback_errors(rq, 409);
	}
	json_t *s = schools_get(rq->db, school);
	const char *programme = json_string_value(json_object_get(s, "programme"));
	int rc = programme ? school_curriculum_generate(rq->db, school, year, programme, &id, &nrows) : DB_ERROR;
	json_decref(s);
	if (rc != DB_OK)
		return api_rollback_errors(rq, 500);
	if (nrows == 0) {
		reply_add_error(rq, "typical_curriculum_missing", "CUR-2", NULL);
		return api_rollback_errors(rq, 422);
	}
	return cur_audit_reply(rq, school, "create", "school_curriculum", id, NULL, school_curriculum_get(rq->db, id, 0),
			       201);
}

int api_curriculum_get(struct req *rq)
{
	int64_t id = rq->params[0];
	int64_t school = school_curriculum_school(rq->db, id);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	int64_t grade = 0;
	if (cur_query_int(rq, "grade", 1, 12, 0, &grade) != 0)
		return reply_errors(rq, 400);
	json_t *k = school_curriculum_get(rq->db, id, (int)grade);
	return k ? reply_json(rq, 200, k) : reply_db_failure(rq);
}

/* The row of the ЖОЖ `k` with this grade and subject, or NULL. */
static json_t *find_row(json_t *k, json_t *grade, json_t *subject_id)
{
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(k, "rows"), i, r)
		if (json_equal(json_object_get(r, "grade"), grade) &&
		    json_equal(json_object_get(r, "subject_id"), subject_id))
			return r;
	return NULL;
}

/* Adds 409 curriculum_approved (CUR-2) when the ЖОЖ is approved; returns 1 then. */
static int refuse_approved(struct req *rq, json_t *k)
{
	const char *status = json_string_value(json_object_get(k, "status"));
	if (!status || strcmp(status, "approved") != 0)
		return 0;
	reply_add_error(rq, "curriculum_approved", "CUR-2", "status");
	return 1;
}

/* Merges patch row i onto the stored row (when there is one) into a complete row,
 * checking it; returns the new row (yours) or NULL for a removal or a refusal. */
static json_t *merge_row(struct req *rq, json_t *before, json_t *patch, size_t i)
{
	json_t *grade = json_object_get(patch, "grade");
	json_t *stored = find_row(before, grade, json_object_get(patch, "subject_id"));
	char field[48];
	if (json_is_true(json_object_get(patch, "remove"))) {
		if (!stored) {
			snprintf(field, sizeof field, "rows[%zu].subject_id", i);
			reply_add_error(rq, "not_found", NULL, field);
		}
		return NULL;
	}
	json_t *row = json_object();
	if (stored) {
		static const char *const keep[] = {"grade", "subject_id", "hours", "component", "split_in_groups",
						   "split_language", "standard_hours", "advanced_hours"};
		for (size_t j = 0; j < sizeof keep / sizeof keep[0]; j++)
			json_object_set(row, keep[j], json_object_get(stored, keep[j]));
	}
	json_object_update(row, patch);
	json_object_del(row, "remove");
	row_defaults(row);
	static const char *const needed[] = {"hours", "component"};
	for (size_t j = 0; j < 2; j++) {
		if (!json_object_get(row, needed[j])) {
			snprintf(field, sizeof field, "rows[%zu].%s", i, needed[j]);
			reply_add_error(rq, "missing_field", NULL, field);
		}
	}
	check_row(rq, row, i, (int)json_integer_value(grade));
	return row;
}

/* The first steps of a change to the ЖОЖ rq->params[0]: it exists, the user keeps it,
 * the body passes `specs`; then the write transaction and the ЖОЖ as it is (yours).
 * NULL after replying; *school gets the school. */
static json_t *curriculum_for_write(struct req *rq, const struct field_spec *specs, int64_t *school)
{
	int64_t id = rq->params[0];
	*school = school_curriculum_school(rq->db, id);
	if (!*school) {
		reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	if (!rights_curriculum(rq, *school)) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	if (validate_body(rq, specs, VALIDATE_CREATE)) {
		reply_errors(rq, 422);
		return NULL;
	}
	if (db_begin_write(rq->db) != DB_OK) {
		reply_db_failure(rq);
		return NULL;
	}
	json_t *k = school_curriculum_get(rq->db, id, 0);
	if (!k)
		api_rollback_errors(rq, 500);
	return k;
}

int api_curriculum_update(struct req *rq)
{
	int64_t id = rq->params[0], school = 0;
	json_t *before = curriculum_for_write(rq, school_patch_body, &school);
	if (!before)
		return rq->status;
	if (refuse_approved(rq, before)) {
		json_decref(before);
		return api_rollback_errors(rq, 409);
	}
	json_t *patches = json_object_get(rq->json, "rows");
	json_t *merged = json_array(); /* null for a removal */
	size_t i;
	json_t *patch;
	json_array_foreach(patches, i, patch) {
		check_duplicate(rq, patches, i, 1);
		json_t *row = merge_row(rq, before, patch, i);
		json_array_append_new(merged, row ? row : json_null());
	}
	int ok = !reply_has_errors(rq);
	json_array_foreach(patches, i, patch) {
		if (!ok)
			break;
		json_t *row = json_array_get(merged, i);
		ok = (json_is_null(row) ? school_curriculum_remove_row(rq->db, id,
					  (int)json_integer_value(json_object_get(patch, "grade")),
					  json_integer_value(json_object_get(patch, "subject_id")))
					: school_curriculum_put_row(rq->db, id, row)) == DB_OK;
	}
	json_decref(merged);
	if (reply_has_errors(rq)) {
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}
	json_t *after = ok && school_curriculum_touch(rq->db, id) == DB_OK ? school_curriculum_get(rq->db, id, 0) : NULL;
	return cur_audit_reply(rq, school, "update", "school_curriculum", id, before, after, 200);
}

static const struct field_spec approve_body[] = {
	{.name = "council_date", .type = FIELD_DATE, .required = 1},
	{.name = "protocol_number", .type = FIELD_STRING, .required = 1, .max_len = 40},
	{.name = NULL},
};

int api_curriculum_approve(struct req *rq)
{
	int64_t id = rq->params[0], school = 0;
	json_t *before = curriculum_for_write(rq, approve_body, &school);
	if (!before)
		return rq->status;
	const char *status = json_string_value(json_object_get(before, "status"));
	struct date council;
	date_parse(body_str(rq, "council_date"), &council);
	struct cur_problem p[4];
	size_t n = cur_approve_check(strcmp(status, "approved") == 0 ? CUR_APPROVED : CUR_DRAFT,
				     json_array_size(json_object_get(before, "rows")), council, api_today(), p, 4);
	cur_add_problems(rq, p, n, 4);
	if (n) {
		json_decref(before);
		return api_rollback_errors(rq, strcmp(p[0].code, "curriculum_approved") == 0 ? 409 : 422);
	}
	json_t *after = school_curriculum_approve(rq->db, id, body_str(rq, "council_date"), body_str(rq, "protocol_number"),
						  rq->user.id) == DB_OK ? school_curriculum_get(rq->db, id, 0) : NULL;
	return cur_audit_reply(rq, school, "approve", "school_curriculum", id, before, after, 200);
}

/* --- the group split threshold (CUR-3) --- */

static json_t *threshold_json(int64_t value)
{
	return json_pack("{s:s, s:I, s:s}", "key", SETTING_SPLIT_THRESHOLD, "value", (json_int_t)value, "rule",
			 "CUR-3");
}

int api_split_threshold_get(struct req *rq)
{
	return reply_json(rq, 200, threshold_json(settings_get_int(rq->db, SETTING_SPLIT_THRESHOLD,
								   CUR_DEFAULT_SPLIT_THRESHOLD)));
}

static const struct field_spec threshold_body[] = {
	{.name = "value", .type = FIELD_INT, .required = 1, .min = 1, .max = 60},
	{.name = NULL},
};

int api_split_threshold_put(struct req *rq)
{
	if (validate_body(rq, threshold_body, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = threshold_json(settings_get_int(rq->db, SETTING_SPLIT_THRESHOLD, CUR_DEFAULT_SPLIT_THRESHOLD));
	json_t *after = settings_set_int(rq->db, SETTING_SPLIT_THRESHOLD, body_int(rq, "value", 0), rq->user.id) == DB_OK
				? threshold_json(body_int(rq, "value", 0)) : NULL;
	return cur_audit_reply(rq, 0, "update", "setting", 0, before, after, 200);
}

/* --- groups (CUR-3) --- */

/* Splits one subject of a class: groups "1" and "2", the students by halves of the
 * alphabet (core). Appends the groups made to `made`; audits each. DB_OK or an rc. */
static int split_subject(struct req *rq, int64_t school, int64_t cls, int64_t subject, json_t *students,
			 json_t *made)
{
	size_t n = json_array_size(students);
	struct cur_split_student *s = calloc(n ? n : 1, sizeof *s);
	if (!s)
		return DB_ERROR;
	for (size_t i = 0; i < n; i++) {
		json_t *st = json_array_get(students, i);
		s[i].key = json_string_value(json_object_get(st, "sort_key"));
		s[i].id = json_integer_value(json_object_get(st, "id"));
	}
	cur_split_assign(s, n);
	int64_t ids[2] = {0, 0};
	int rc = groups_insert(rq->db, cls, subject, "1", &ids[0]);
	if (rc == DB_OK)
		rc = groups_insert(rq->db, cls, subject, "2", &ids[1]);
	for (size_t i = 0; i < n && rc == DB_OK; i++)
		rc = groups_add_member(rq->db, ids[s[i].group - 1], s[i].id);
	free(s);
	for (int g = 0; g < 2 && rc == DB_OK; g++) {
		json_t *group = groups_get(rq->db, ids[g]);
		if (!group)
			return DB_ERROR;
		rc = audit_record(rq->db, rq->user.id, school, "create", "class_group", ids[g], NULL, group);
		json_array_append_new(made, group);
	}
	return rc;
}

int api_class_split(struct req *rq)
{
	int64_t cls = rq->params[0];
	json_t *c = classes_get(rq->db, cls);
	if (!c)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	int64_t school = json_integer_value(json_object_get(c, "school_id"));
	if (!rights_curriculum(rq, school)) {
		json_decref(c);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(c);
		return reply_db_failure(rq);
	}
	int64_t threshold = settings_get_int(rq->db, SETTING_SPLIT_THRESHOLD, CUR_DEFAULT_SPLIT_THRESHOLD);
	json_t *students = groups_class_students(rq->db, cls);
	int64_t curriculum = 0;
	int grade = (int)json_integer_value(json_object_get(c, "grade"));
	const char *language = json_string_value(json_object_get(c, "language"));
	json_t *k = NULL, *made = json_array();
	int status = 500, splittable = 0;
	if (!students)
		goto out;
	if (!cur_split_needed((int)json_array_size(students), (int)threshold))
		reply_add_error(rq, "class_not_above_threshold", "CUR-3", NULL);
	if (school_curriculum_of_year(rq->db, json_integer_value(json_object_get(c, "academic_year_id")),
				      &curriculum) != DB_ROW)
		reply_add_error(rq, "curriculum_missing", "CUR-3", NULL);
	status = 422;
	if (reply_has_errors(rq))
		goto out;
	status = 500;
	k = school_curriculum_get(rq->db, curriculum, grade);
	if (!k)
		goto out;
	size_t i;
	json_t *row;
	json_array_foreach(json_object_get(k, "rows"), i, row) {
		if (!cur_split_applies(json_is_true(json_object_get(row, "split_in_groups")),
				       json_string_value(json_object_get(row, "split_language")), language))
			continue;
		splittable++;
		int64_t subject = json_integer_value(json_object_get(row, "subject_id"));
		if (groups_count(rq->db, cls, subject) == 0 &&
		    split_subject(rq, school, cls, subject, students, made) != DB_OK)
			goto out;
	}
	if (json_array_size(made) == 0) {
		reply_add_error(rq, splittable ? "groups_exist" : "no_split_subjects", "CUR-3", NULL);
		status = splittable ? 409 : 422;
		goto out;
	}
	json_t *reply = json_pack("{s:I, s:I, s:I, s:O}", "class_id", (json_int_t)cls, "threshold",
				  (json_int_t)threshold, "students", (json_int_t)json_array_size(students),
				  "groups", made);
	json_decref(c);
	json_decref(k);
	json_decref(students);
	json_decref(made);
	return api_commit_reply(rq, 201, reply);
out:
	json_decref(c);
	json_decref(k);
	json_decref(students);
	json_decref(made);
	return api_rollback_errors(rq, status);
}

int api_class_groups(struct req *rq)
{
	int64_t cls = rq->params[0];
	int64_t school = org_school_of(rq->db, "classes", cls);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *items = groups_of_class(rq->db, cls);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), 0);
}

static const struct field_spec member_body[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = NULL},
};

/* What the audit log says of a student's place in the groups of a class-subject. */
static json_t *membership(int64_t student, int64_t cls, int64_t subject, int64_t group)
{
	return json_pack("{s:I, s:I, s:I, s:o}", "student_id", (json_int_t)student, "class_id", (json_int_t)cls,
			 "subject_id", (json_int_t)subject, "group_id", group ? json_integer(group) : json_null());
}

int api_group_member_add(struct req *rq)
{
	int64_t group = rq->params[0];
	int64_t cls = groups_class(rq->db, group);
	int64_t school = cls ? org_school_of(rq->db, "classes", cls) : 0;
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_curriculum(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, member_body, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int64_t student = body_int(rq, "student_id", 0);
	json_t *g = groups_get(rq->db, group);
	json_t *s = students_get(rq->db, student);
	int64_t subject = json_integer_value(json_object_get(g, "subject_id"));
	int64_t from = 0;
	int ok = 0, status = 422;
	if (!g)
		status = 500;
	else if (!s)
		reply_add_error(rq, "dangling_reference", NULL, "student_id");
	else if (json_integer_value(json_object_get(s, "class_id")) != cls ||
		 strcmp(json_string_value(json_object_get(s, "status")), "studying") != 0)
		reply_add_error(rq, "wrong_class", "CUR-3", "student_id");
	else if (groups_member_of(rq->db, cls, subject, student, &from) == DB_ROW && from == group) {
		reply_add_error(rq, "group_member_exists", "CUR-3", "student_id");
		status = 409;
	} else {
		json_t *before = membership(student, cls, subject, from);
		json_t *after = membership(student, cls, subject, group);
		ok = (!from || groups_remove_member(rq->db, from, student) == DB_OK) &&
		     groups_add_member(rq->db, group, student) == DB_OK &&
		     audit_record(rq->db, rq->user.id, school, "move", "group_member", student, before, after) == DB_OK;
		json_decref(before);
		json_decref(after);
		status = 500;
	}
	json_decref(g);
	json_decref(s);
	if (!ok)
		return api_rollback_errors(rq, status);
	return api_commit_reply(rq, 200, groups_get(rq->db, group));
}
