/* load — the API of the teaching load (ОЖ, CUR-9): each teacher's hours by class or
 * group and subject, their set load, elective and club hours, the report against the
 * ЖОЖ; and of the КТЖ topics of a subject and grade (CUR-10), as JSON or CSV. */
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
#include "util/csv.h"
#include "util/xlsx_read.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#include "util/utf8.h"

#define LOAD_MAX_TEACHERS 1000
#define LOAD_MAX_ASSIGNMENTS 5000
#define KTP_MAX_TOPICS 400

/* Reads ?academic_year_id= and resolves the year of the school; replies itself and
 * returns 0 when it cannot. */
static int64_t query_year(struct req *rq, int64_t school);

/* The school rq->params[0] exists and the user may read it: then the year the request
 * is about. Replies itself and returns 0 otherwise. */
static int64_t readable_year(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return 0;
	if (!rights_read_school(rq, school)) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return 0;
	}
	return query_year(rq, school);
}

static int64_t query_year(struct req *rq, int64_t school)
{
	int64_t given = 0;
	if (cur_query_int(rq, "academic_year_id", 1, INT64_MAX, 0, &given) != 0) {
		reply_errors(rq, 400);
		return 0;
	}
	int64_t year = cur_request_year(rq, school, given);
	if (!year)
		reply_errors(rq, 422);
	return year;
}

/* --- the load (CUR-9) --- */

int api_load_get(struct req *rq)
{
	int64_t school = rq->params[0], year = readable_year(rq);
	if (!year)
		return rq->status;
	json_t *load = load_get(rq->db, school, year);
	return load ? reply_json(rq, 200, load) : reply_db_failure(rq);
}

static const struct field_spec teacher_fields[] = {
	{.name = "staff_id", .type = FIELD_ID, .required = 1},
	{.name = "set_hours", .type = FIELD_INT, .required = 1, .min = 0, .max = 60},
	{.name = "elective_hours", .type = FIELD_INT, .min = 0, .max = 60},
	{.name = "club_hours", .type = FIELD_INT, .min = 0, .max = 60},
	{.name = NULL},
};
static const struct field_spec assignment_fields[] = {
	{.name = "staff_id", .type = FIELD_ID, .required = 1},
	{.name = "class_id", .type = FIELD_ID},
	{.name = "group_id", .type = FIELD_ID},
	{.name = "subject_id", .type = FIELD_ID, .required = 1},
	{.name = "hours", .type = FIELD_INT, .required = 1, .min = 1, .max = CUR_MAX_HOURS},
	{.name = NULL},
};
static const struct field_spec load_body[] = {
	{.name = "academic_year_id", .type = FIELD_ID},
	{.name = "teachers", .type = FIELD_LIST, .required = 1, .max_len = LOAD_MAX_TEACHERS, .fields = teacher_fields},
	{.name = "assignments", .type = FIELD_LIST, .required = 1, .max_len = LOAD_MAX_ASSIGNMENTS,
	 .fields = assignment_fields},
	{.name = NULL},
};

/* Looks `id` up in the cache `seen` ({"<id>": value}) or computes it with `find` and
 * remembers it. */
static int64_t cached(json_t *seen, int64_t id, int64_t (*find)(struct db *, int64_t), struct db *db)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	json_t *v = json_object_get(seen, key);
	if (v)
		return json_integer_value(v);
	int64_t found = find(db, id);
	json_object_set_new(seen, key, json_integer(found));
	return found;
}

static int64_t staff_school(struct db *db, int64_t id)
{
	return org_school_of(db, "staff", id);
}

static int64_t class_year(struct db *db, int64_t id)
{
	int64_t year = 0;
	return db_query_int64(db, &year, "SELECT academic_year_id FROM classes WHERE id = $1", "i", id) == DB_ROW ? year : 0;
}

static int64_t subject_exists(struct db *db, int64_t id)
{
	int64_t n = 0;
	return db_query_int64(db, &n, "SELECT COUNT(*) FROM subjects WHERE id = $1", "i", id) == DB_ROW ? n : 0;
}

/* Adds `code` on list[i].field. */
static void item_error(struct req *rq, const char *code, const char *rule, const char *list, size_t i,
		       const char *field)
{
	char path[64];
	snprintf(path, sizeof path, "%s[%zu].%s", list, i, field);
	reply_add_error(rq, code, rule, path);
}

/* Checks the references of the load of `year` and fills each assignment's class_id
 * from its group. Adds the problems. */
static void check_load(struct req *rq, int64_t school, int64_t year, json_t *teachers, json_t *assignments)
{
	json_t *staff = json_object(), *classes = json_object(), *groups = json_object(), *subjects = json_object();
	size_t i;
	json_t *t;
	json_array_foreach(teachers, i, t) {
		int64_t id = json_integer_value(json_object_get(t, "staff_id"));
		int64_t owner = cached(staff, id, staff_school, rq->db);
		if (owner != school)
			item_error(rq, owner ? "wrong_school" : "dangling_reference", NULL, "teachers", i, "staff_id");
		for (size_t j = 0; j < i; j++)
			if (json_equal(json_object_get(json_array_get(teachers, j), "staff_id"), json_object_get(t, "staff_id"))) {
				item_error(rq, "duplicate_teacher", "CUR-9", "teachers", i, "staff_id");
				break;
			}
		static const char *const zero[] = {"elective_hours", "club_hours"};
		for (int k = 0; k < 2; k++)
			if (!json_object_get(t, zero[k]))
				json_object_set_new(t, zero[k], json_integer(0));
	}
	json_array_foreach(assignments, i, t) {
		int64_t id = json_integer_value(json_object_get(t, "staff_id"));
		int64_t owner = cached(staff, id, staff_school, rq->db);
		if (owner != school)
			item_error(rq, owner ? "wrong_school" : "dangling_reference", NULL, "assignments", i, "staff_id");
		if (!cached(subjects, json_integer_value(json_object_get(t, "subject_id")), subject_exists, rq->db))
			item_error(rq, "dangling_reference", NULL, "assignments", i, "subject_id");
		json_t *group = json_object_get(t, "group_id"), *cls = json_object_get(t, "class_id");
		if (!group == !cls) {
			item_error(rq, "load_class_or_group", "CUR-9", "assignments", i, cls ? "group_id" : "class_id");
			continue;
		}
		const char *field = group ? "group_id" : "class_id";
		int64_t class_id = group ? cached(groups, json_integer_value(group), groups_class, rq->db)
					 : json_integer_value(cls);
		int64_t class_in = class_id ? cached(classes, class_id, class_year, rq->db) : 0;
		if (!class_in)
			item_error(rq, "dangling_reference", NULL, "assignments", i, field);
		else if (class_in != year)
			item_error(rq, org_school_of(rq->db, "classes", class_id) == school ? "wrong_year" : "wrong_school",
				   NULL, "assignments", i, field);
		else if (group && json_integer_value(json_object_get(t, "subject_id")) !=
					  groups_subject(rq->db, json_integer_value(group)))
			item_error(rq, "group_subject_mismatch", "CUR-9", "assignments", i, "subject_id");
		json_object_set_new(t, "class_id", json_integer(class_id));
	}
	json_decref(staff);
	json_decref(classes);
	json_decref(groups);
	json_decref(subjects);
}

int api_load_put(struct req *rq)
{
	int64_t school = rq->params[0], year = cur_begin_school_write(rq, load_body);
	if (!year)
		return rq->status;
	json_t *teachers = json_object_get(rq->json, "teachers");
	json_t *assignments = json_object_get(rq->json, "assignments");
	check_load(rq, school, year, teachers, assignments);
	if (reply_has_errors(rq))
		return api_rollback_errors(rq, 422);
	json_t *before = load_get(rq->db, school, year);
	json_t *after = before && load_replace(rq->db, school, year, teachers, assignments) == DB_OK
				? load_get(rq->db, school, year) : NULL;
	return cur_audit_reply(rq, school, "replace", "teaching_load", year, before, after, 200);
}

/* The name of `id` in names[kind] ({"<id>": value}), or null. */
static json_t *name_of(json_t *names, const char *kind, int64_t id)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	json_t *v = json_object_get(json_object_get(names, kind), key);
	return v ? json_incref(v) : json_null();
}

/* Units from store rows [class, group, subject, hours]; NULL when out of memory. */
static struct cur_load_unit *units_of(json_t *rows)
{
	size_t n = json_array_size(rows);
	struct cur_load_unit *u = calloc(n ? n : 1, sizeof *u);
	for (size_t i = 0; u && i < n; i++) {
		json_t *r = json_array_get(rows, i);
		u[i] = (struct cur_load_unit){json_integer_value(json_array_get(r, 0)),
					      json_integer_value(json_array_get(r, 1)),
					      json_integer_value(json_array_get(r, 2)),
					      (int)json_integer_value(json_array_get(r, 3))};
	}
	return u;
}

/* The class-subjects of the report: every unit whose assigned hours differ (CUR-9). */
static json_t *class_report(json_t *plan_rows, json_t *assigned_rows, json_t *names)
{
	struct cur_load_unit *plan = units_of(plan_rows), *assigned = units_of(assigned_rows);
	size_t cap = json_array_size(plan_rows) + json_array_size(assigned_rows);
	struct cur_load_diff *d = calloc(cap ? cap : 1, sizeof *d);
	json_t *out = NULL;
	if (plan && assigned && d) {
		size_t n = cur_load_compare(plan, json_array_size(plan_rows), assigned, json_array_size(assigned_rows),
					    d, cap);
		out = json_array();
		for (size_t i = 0; i < n && i < cap; i++)
			json_array_append_new(out, json_pack("{s:I, s:o, s:o, s:o, s:o, s:I, s:i, s:i}", "class_id",
					(json_int_t)d[i].class_id, "class", name_of(names, "classes", d[i].class_id),
					"group_id", d[i].group_id ? json_integer(d[i].group_id) : json_null(),
					"group", d[i].group_id ? name_of(names, "groups", d[i].group_id) : json_null(),
					"subject", name_of(names, "subjects", d[i].subject_id), "subject_id",
					(json_int_t)d[i].subject_id, "plan_hours", d[i].plan_hours,
					"assigned_hours", d[i].assigned_hours));
	}
	free(plan);
	free(assigned);
	free(d);
	return out;
}

/* The teachers of the report: every one above or below their set load (CUR-9). */
static json_t *teacher_report(json_t *teachers)
{
	json_t *out = json_array();
	size_t i;
	json_t *t;
	json_array_foreach(teachers, i, t) {
		int set = (int)json_integer_value(json_object_get(t, "set_hours"));
		int total = (int)(json_integer_value(json_object_get(t, "lesson_hours")) +
				  json_integer_value(json_object_get(t, "elective_hours")) +
				  json_integer_value(json_object_get(t, "club_hours")));
		int status = cur_teacher_load_status(set, total);
		if (!status)
			continue;
		json_t *row = json_deep_copy(t);
		json_object_set_new(row, "assigned_hours", json_integer(total));
		json_object_set_new(row, "difference", json_integer(total - set));
		json_object_set_new(row, "status", json_string(status > 0 ? "above" : "below"));
		json_array_append_new(out, row);
	}
	return out;
}

int api_load_report(struct req *rq)
{
	int64_t school = rq->params[0], year = readable_year(rq);
	if (!year)
		return rq->status;
	int64_t curriculum = 0;
	if (school_curriculum_of_year(rq->db, year, &curriculum) != DB_ROW)
		return reply_error(rq, 422, "curriculum_missing", "CUR-9", "academic_year_id");
	json_t *plan = load_plan_units(rq->db, year, curriculum);
	json_t *assigned = load_assigned_units(rq->db, year);
	json_t *names = load_names(rq->db, year);
	json_t *load = load_get(rq->db, school, year);
	json_t *classes = plan && assigned && names ? class_report(plan, assigned, names) : NULL;
	json_t *teachers = load ? teacher_report(json_object_get(load, "teachers")) : NULL;
	json_decref(plan);
	json_decref(assigned);
	json_decref(names);
	json_decref(load);
	if (!classes || !teachers) {
		json_decref(classes);
		json_decref(teachers);
		return reply_db_failure(rq);
	}
	int clean = json_array_size(classes) == 0 && json_array_size(teachers) == 0;
	return reply_json(rq, 200, json_pack("{s:I, s:I, s:s, s:b, s:o, s:o}", "academic_year_id", (json_int_t)year,
					     "curriculum_id", (json_int_t)curriculum, "rule", "CUR-9", "clean", clean,
					     "classes", classes, "teachers", teachers));
}

/* --- КТЖ (CUR-10) --- */

/* Reads ?subject_id= and ?grade= (and the year); replies itself and returns -1 when
 * they are wrong. */
static int ktp_query(struct req *rq, int64_t school, int64_t *year, int64_t *subject, int *grade)
{
	int64_t g = 0;
	int bad = cur_query_int(rq, "subject_id", 1, INT64_MAX, 1, subject) != 0;
	bad |= cur_query_int(rq, "grade", 1, 12, 1, &g) != 0;
	if (bad) {
		reply_errors(rq, 400);
		return -1;
	}
	*grade = (int)g;
	if (!subject_exists(rq->db, *subject)) {
		reply_error(rq, 422, "dangling_reference", NULL, "subject_id");
		return -1;
	}
	*year = query_year(rq, school);
	return *year ? 0 : -1;
}

int api_ktp_get(struct req *rq)
{
	int64_t school = rq->params[0], year, subject;
	int grade;
	if (!api_school_found(rq, school))
		return rq->status;
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (ktp_query(rq, school, &year, &subject, &grade) != 0)
		return rq->status;
	json_t *k = ktp_get(rq->db, school, year, subject, grade);
	return k ? reply_json(rq, 200, k) : reply_db_failure(rq);
}

/* Who keeps a КТЖ: the school's director or academic deputy, or a teacher of the school
 * who teaches the subject in that grade this year (by the load). */
static int rights_ktp(struct req *rq, int64_t school, int64_t year, int64_t subject, int grade)
{
	if (rights_curriculum(rq, school))
		return 1;
	if (rq->user.role != ROLE_TEACHER || rq->user.school_id != school || !rq->user.person_id)
		return 0;
	int64_t staff = staff_of_person(rq->db, rq->user.person_id, school);
	return staff && load_teaches(rq->db, year, staff, subject, grade);
}

/* Replaces the КТЖ with `topics` ([{title, hours}] in order): audit, commit, reply. */
static int ktp_write(struct req *rq, int64_t school, int64_t year, int64_t subject, int grade, json_t *topics)
{
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = ktp_get(rq->db, school, year, subject, grade);
	json_t *after = before && ktp_replace(rq->db, school, year, subject, grade, topics) == DB_OK
				? ktp_get(rq->db, school, year, subject, grade) : NULL;
	return cur_audit_reply(rq, school, "replace", "ktp", year, before, after, 200);
}

static const struct field_spec topic_fields[] = {
	{.name = "title", .type = FIELD_STRING, .required = 1, .max_len = 300},
	{.name = "hours", .type = FIELD_INT, .required = 1, .min = 1, .max = 200},
	{.name = NULL},
};
static const struct field_spec ktp_body[] = {
	{.name = "topics", .type = FIELD_LIST, .required = 1, .max_len = KTP_MAX_TOPICS, .fields = topic_fields},
	{.name = NULL},
};

/* The КТЖ a write is about (school rq->params[0], the query's subject, grade and year),
 * when the user may keep it. Returns 0, or -1 after replying. */
static int ktp_target(struct req *rq, int64_t *year, int64_t *subject, int *grade)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return -1;
	if (!(rq->user.role & ROLES_SCHOOL_STAFF) || rq->user.school_id != school) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return -1;
	}
	if (ktp_query(rq, school, year, subject, grade) != 0)
		return -1;
	if (!rights_ktp(rq, school, *year, *subject, *grade)) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return -1;
	}
	return 0;
}

int api_ktp_put(struct req *rq)
{
	int64_t school = rq->params[0], year, subject;
	int grade;
	if (ktp_target(rq, &year, &subject, &grade) != 0)
		return rq->status;
	if (validate_body(rq, ktp_body, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	return ktp_write(rq, school, year, subject, grade, json_object_get(rq->json, "topics"));
}

/* Adds a problem of CSV line `line` (1-based): field "lines[line - 1]", which a
 * message names "line N". */
static void line_error(struct req *rq, const char *code, size_t line)
{
	char field[48];
	snprintf(field, sizeof field, "lines[%zu]", line ? line - 1 : 0);
	reply_add_error(rq, code, "CUR-10", field);
}

/* A positive integer of at most 6 digits, or -1. */
static long small_number(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 6 || strspn(s, "0123456789") != n)
		return -1;
	return strtol(s, NULL, 10);
}

static int by_order(const void *a, const void *b)
{
	json_int_t x = json_integer_value(json_object_get(*(json_t *const *)a, "order"));
	json_int_t y = json_integer_value(json_object_get(*(json_t *const *)b, "order"));
	return (x > y) - (x < y);
}

/* The topics of a CSV body `order,title,hours` (a first line that does not start with
 * a number is a header), in their order; NULL after adding the problems. */
static json_t *ktp_from_csv(struct req *rq)
{
	struct csv c = CSV_INIT(rq->body.data, rq->body.len);
	struct csv_record r;
	json_t *rows = json_array();
	int rc, first = 1;
	while ((rc = csv_next(&c, &r)) == 1) {
		long order = r.n > 0 ? small_number(r.field[0]) : -1;
		if (first && order < 0 && r.n == 3) { /* the header */
			first = 0;
			csv_record_clear(&r);
			continue;
		}
		first = 0;
		long hours = r.n == 3 ? small_number(r.field[2]) : -1;
		if (r.n != 3 || order < 1 || hours < 1 || hours > 200 || !*r.field[1] ||
		    !utf8_valid(r.field[1], strlen(r.field[1])) || utf8_length(r.field[1]) > 300)
			line_error(rq, "csv_row_invalid", r.line);
		else if (json_array_size(rows) >= KTP_MAX_TOPICS)
			line_error(rq, "out_of_range", r.line);
		else
			json_array_append_new(rows, json_pack("{s:i, s:s, s:i, s:i}", "order", (int)order, "title",
							      r.field[1], "hours", (int)hours, "line", (int)r.line));
		csv_record_clear(&r);
	}
	if (rc < 0)
		line_error(rq, "csv_malformed", c.line);
	if (!reply_has_errors(rq) && json_array_size(rows) == 0)
		reply_add_error(rq, "csv_empty", "CUR-10", NULL);
	/* the order column decides the order; each number once */
	size_t n = json_array_size(rows);
	json_t **sorted = calloc(n ? n : 1, sizeof *sorted);
	for (size_t i = 0; sorted && i < n; i++)
		sorted[i] = json_array_get(rows, i);
	if (sorted && n)
		qsort(sorted, n, sizeof *sorted, by_order);
	json_t *topics = json_array();
	for (size_t i = 0; sorted && i < n; i++) {
		if (i && by_order(&sorted[i - 1], &sorted[i]) == 0)
			line_error(rq, "csv_duplicate_order", (size_t)json_integer_value(json_object_get(sorted[i], "line")));
		json_array_append_new(topics, json_pack("{s:O, s:O}", "title", json_object_get(sorted[i], "title"),
							"hours", json_object_get(sorted[i], "hours")));
	}
	free(sorted);
	json_decref(rows);
	if (reply_has_errors(rq)) {
		json_decref(topics);
		return NULL;
	}
	return topics;
}

int api_ktp_import(struct req *rq)
{
	int64_t school = rq->params[0], year, subject;
	int grade;
	if (ktp_target(rq, &year, &subject, &grade) != 0)
		return rq->status;
	const char *type = req_header(rq, "Content-Type");
	int is_xlsx = type && strncmp(type, XLSX_TYPE, strlen(XLSX_TYPE)) == 0;
	if (!is_xlsx && (!type || strncmp(type, "text/csv", 8) != 0))
		return reply_error(rq, 415, "csv_content_type", NULL, NULL);
	if (is_xlsx) {
		/* A spreadsheet is read as the CSV of its first sheet, then checked the same way. */
		struct buf csv = BUF_INIT;
		const char *why = NULL;
		if (xlsx_to_csv(rq->body.data, rq->body.len, &csv, &why) != 0) {
			buf_release(&csv);
			return reply_error(rq, 422, "xlsx_unreadable", "CUR-10", NULL);
		}
		buf_release(&rq->body);
		rq->body = csv;
	}
	json_t *topics = ktp_from_csv(rq);
	if (!topics)
		return reply_errors(rq, 422);
	int status = ktp_write(rq, school, year, subject, grade, topics);
	json_decref(topics);
	return status;
}
