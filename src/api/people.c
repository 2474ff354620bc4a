/* people — the API of students, legal representatives and staff. */
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/curriculum.h"
#include "core/org.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/org.h"
#include "store/people.h"

#define PAGE_DEFAULT 50
#define PAGE_MAX 500
#define SPECS_CAP 24

static const char *const fundings[] = {"orken", "state_order", "paid", NULL};
static const char *const relations[] = {"mother", "father", "adopter", "guardian", "foster_parent",
					"patronage_educator", "other", NULL};
static const char *const staff_roles[] = {"director", "deputy_academic", "deputy_upbringing",
					  "timetable_officer", "teacher", "curator", "club_leader", NULL};

static const struct field_spec student_extra[] = {
	{.name = "school_id", .type = FIELD_ID, .required = 1},
	{.name = "class_id", .type = FIELD_ID, .nullable = 1},
	{.name = "funding", .type = FIELD_ENUM, .required = 1, .values = fundings},
	{.name = "dormitory", .type = FIELD_BOOL},
	{.name = "enrolled_on", .type = FIELD_DATE, .nullable = 1},
	{.name = NULL},
};

static int list_reply(struct req *rq, json_t *items, int64_t total, int64_t limit, int64_t offset)
{
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, total, offset + limit < total ? offset + limit : 0);
}

/* --- students --- */

int api_class_students(struct req *rq)
{
	int64_t cls = rq->params[0], limit, offset, total = 0;
	int64_t school = org_school_of(rq->db_read, "classes", cls);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_paging(rq, PAGE_DEFAULT, PAGE_MAX, &limit, &offset))
		return reply_errors(rq, 400);
	struct student_filter f = {.school_id = school, .class_id = cls, .q = req_query(rq, "q")};
	/* The list first: it sets total, which the reply then reads. */
	json_t *items = students_list(rq->db_read, &f, limit, offset, &total);
	return list_reply(rq, items, total, limit, offset);
}

int api_school_students(struct req *rq)
{
	int64_t school = rq->params[0], limit, offset, total = 0;
	if (!api_school_found(rq, school))
		return rq->status;
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_paging(rq, PAGE_DEFAULT, PAGE_MAX, &limit, &offset))
		return reply_errors(rq, 400);
	struct student_filter f = {.school_id = school, .q = req_query(rq, "q")};
	/* The list first: it sets total, which the reply then reads. */
	json_t *items = students_list(rq->db_read, &f, limit, offset, &total);
	return list_reply(rq, items, total, limit, offset);
}

/* Loads a student the user may read; replies 404/403 itself and returns NULL. */
static json_t *readable_student(struct req *rq, int64_t id)
{
	json_t *s = students_get(rq->db, id);
	if (!s) {
		reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	if (!rights_read_student(rq, id, json_integer_value(json_object_get(s, "school_id")),
				 json_integer_value(json_object_get(s, "person_id")))) {
		json_decref(s);
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	return s;
}

int api_student_get(struct req *rq)
{
	json_t *s = readable_student(rq, rq->params[0]);
	if (!s)
		return rq->status;
	json_t *reps = representatives_of(rq->db, rq->params[0]);
	json_object_set_new(s, "representatives", reps ? reps : json_array());
	return reply_json(rq, 200, s);
}

/* The checks of a student record that need the database: the IIN not taken by
 * another person, the class of the student's school. */
static void check_student(struct req *rq, json_t *s, int64_t self_person)
{
	api_check_person(rq, s, 1);
	int64_t other = 0;
	const char *iin = json_string_value(json_object_get(s, "iin"));
	if (iin && persons_find_iin(rq->db, iin, &other) == DB_ROW && other != self_person)
		reply_add_error(rq, "iin_taken", NULL, "iin");
	int64_t school = json_integer_value(json_object_get(s, "school_id"));
	json_t *cls = json_object_get(s, "class_id");
	if (json_is_integer(cls)) {
		int64_t cls_school = org_school_of(rq->db, "classes", json_integer_value(cls));
		if (!cls_school)
			reply_add_error(rq, "dangling_reference", NULL, "class_id");
		else if (cls_school != school)
			reply_add_error(rq, "wrong_school", NULL, "class_id");
	}
}

/* CUR-8: a move to a class of another language of instruction in the same academic
 * year is refused. */
static void check_language_change(struct req *rq, json_t *before, json_t *after)
{
	json_t *from_id = json_object_get(before, "class_id"), *to_id = json_object_get(after, "class_id");
	if (!json_is_integer(from_id) || !json_is_integer(to_id) || json_equal(from_id, to_id))
		return;
	json_t *from = classes_get(rq->db, json_integer_value(from_id));
	json_t *to = classes_get(rq->db, json_integer_value(to_id));
	if (from && to &&
	    !cur_language_change_allowed(json_string_value(json_object_get(from, "language")),
					 json_integer_value(json_object_get(from, "academic_year_id")),
					 json_string_value(json_object_get(to, "language")),
					 json_integer_value(json_object_get(to, "academic_year_id"))))
		reply_add_error(rq, "language_change_in_year", "CUR-8", "class_id");
	json_decref(from);
	json_decref(to);
}

int api_student_create(struct req *rq)
{
	struct field_spec specs[SPECS_CAP];
	api_specs_join(specs, SPECS_CAP, student_extra, 1);
	if (validate_body(rq, specs, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	int64_t school = body_int(rq, "school_id", 0);
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *found = schools_get(rq->db, school);
	if (!found)
		return reply_error(rq, 422, "dangling_reference", NULL, "school_id");
	json_decref(found);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	if (!body_has(rq, "dormitory"))
		json_object_set_new(rq->json, "dormitory", json_false());
	json_object_set_new(rq->json, "status", json_string("studying"));
	check_student(rq, rq->json, 0);
	int64_t id = 0;
	if (reply_has_errors(rq) || !api_person_written(rq, students_insert(rq->db, rq->json, &id)))
		return api_rollback_errors(rq, 422);
	json_t *after = students_get(rq->db, id);
	if (audit_record(rq->db, rq->user.id, school, "create", "student", id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

int api_student_update(struct req *rq)
{
	int64_t id = rq->params[0];
	int64_t school = org_school_of(rq->db, "students", id);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	struct field_spec specs[SPECS_CAP];
	api_specs_join(specs, SPECS_CAP, student_extra, 1);
	if (validate_body(rq, specs, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	if (body_has(rq, "school_id"))
		return reply_error(rq, 422, "unknown_field", NULL, "school_id");
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = students_get(rq->db, id);
	json_t *after = api_merge(before, rq->json);
	check_student(rq, after, json_integer_value(json_object_get(before, "person_id")));
	check_language_change(rq, before, after);
	int ok = !reply_has_errors(rq) && api_person_written(rq, students_update(rq->db, id, after));
	json_decref(after);
	after = ok ? students_get(rq->db, id) : NULL;
	ok = ok && audit_record(rq->db, rq->user.id, school, "update", "student", id, before, after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 422);
	}
	return api_commit_reply(rq, 200, after);
}

/* --- legal representatives --- */

int api_student_representatives(struct req *rq)
{
	json_t *s = readable_student(rq, rq->params[0]);
	if (!s)
		return rq->status;
	json_decref(s);
	json_t *items = representatives_of(rq->db, rq->params[0]);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), 0);
}

static const struct field_spec link_extra[] = {
	{.name = "relation", .type = FIELD_ENUM, .required = 1, .values = relations},
	{.name = NULL},
};
static const struct field_spec link_existing[] = {
	{.name = "person_id", .type = FIELD_ID, .required = 1},
	{.name = "relation", .type = FIELD_ENUM, .required = 1, .values = relations},
	{.name = NULL},
};

int api_student_representative_add(struct req *rq)
{
	int64_t student = rq->params[0];
	int64_t school = org_school_of(rq->db, "students", student);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	/* Either an existing person ({person_id, relation}) or a new one (person fields). */
	int existing = body_has(rq, "person_id");
	struct field_spec specs[SPECS_CAP];
	api_specs_join(specs, SPECS_CAP, link_extra, 0);
	if (validate_body(rq, existing ? link_existing : specs, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int64_t person = body_int(rq, "person_id", 0);
	if (existing) {
		json_t *p = persons_get(rq->db, person);
		if (!p)
			reply_add_error(rq, "dangling_reference", NULL, "person_id");
		json_decref(p);
	} else {
		api_check_person(rq, rq->json, 0);
		int64_t other = 0;
		const char *iin = body_str(rq, "iin");
		if (iin && persons_find_iin(rq->db, iin, &other) == DB_ROW)
			reply_add_error(rq, "iin_taken", NULL, "iin");
		if (!reply_has_errors(rq) && !api_person_written(rq, persons_insert(rq->db, rq->json, &person)))
			return api_rollback_errors(rq, 422);
	}
	json_t *st = students_get(rq->db, student);
	if (st && json_integer_value(json_object_get(st, "person_id")) == person)
		reply_add_error(rq, "representative_is_student", "ORG-3", "person_id");
	json_decref(st);
	if (!reply_has_errors(rq) && representatives_is_linked(rq->db, student, person))
		reply_add_error(rq, "representative_linked", "ORG-3", "person_id");
	if (reply_has_errors(rq))
		return api_rollback_errors(rq, 422);
	const char *relation = body_str(rq, "relation");
	json_t *after = persons_get(rq->db, person);
	json_object_set_new(after, "relation", json_string(relation));
	json_object_set_new(after, "student_id", json_integer(student));
	if (representatives_link(rq->db, student, person, relation) != DB_OK ||
	    audit_record(rq->db, rq->user.id, school, "link", "representative", person, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

int api_student_representative_remove(struct req *rq)
{
	int64_t student = rq->params[0], person = rq->params[1];
	int64_t school = org_school_of(rq->db, "students", student);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	if (!representatives_is_linked(rq->db, student, person)) {
		db_rollback(rq->db);
		return reply_error(rq, 404, "not_found", NULL, NULL);
	}
	json_t *before = json_pack("{s:I, s:I}", "student_id", (json_int_t)student, "person_id", (json_int_t)person);
	int ok = representatives_unlink(rq->db, student, person) == DB_OK &&
		 audit_record(rq->db, rq->user.id, school, "unlink", "representative", person, before, NULL) == DB_OK;
	json_decref(before);
	if (!ok)
		return api_rollback_errors(rq, 500);
	return api_commit_reply(rq, 200, json_pack("{s:b}", "unlinked", 1));
}

int api_representatives_list(struct req *rq)
{
	int64_t limit, offset, total = 0, school = 0;
	if (validate_paging(rq, PAGE_DEFAULT, PAGE_MAX, &limit, &offset))
		return reply_errors(rq, 400);
	if (rq->user.role & ROLES_NETWORK) {
		const char *s = req_query(rq, "school");
		school = s ? strtoll(s, NULL, 10) : 0;
	} else if (rq->user.role & ROLES_SCHOOL_STAFF) {
		school = rq->user.school_id;
	} else {
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	json_t *items = representatives_list(rq->db_read, school, req_query(rq, "q"), limit, offset, &total);
	return list_reply(rq, items, total, limit, offset);
}

/* Whether the user may see (write: change) a representative: themself, or staff of
 * a school where the person represents a student. */
static int rights_representative(struct req *rq, int64_t person, int write)
{
	if (rq->user.person_id == person && rq->user.role == ROLE_PARENT)
		return 1;
	if (rq->user.role & ROLES_NETWORK)
		return !write || rq->user.role == ROLE_NETWORK_ADMIN;
	if (!(rq->user.role & (write ? ROLES_SCHOOL_ADMIN : ROLES_SCHOOL_STAFF)))
		return 0;
	return representatives_in_school(rq->db, person, rq->user.school_id);
}

int api_representative_get(struct req *rq)
{
	int64_t person = rq->params[0];
	if (!representatives_in_school(rq->db, person, 0))
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_representative(rq, person, 0))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *p = persons_get(rq->db, person);
	json_t *children = representatives_children(rq->db, person);
	json_object_set_new(p, "children", children ? children : json_array());
	return reply_json(rq, 200, p);
}

int api_representative_update(struct req *rq)
{
	int64_t person = rq->params[0];
	if (!representatives_in_school(rq->db, person, 0))
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_representative(rq, person, 1))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, api_person_fields, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = persons_get(rq->db, person);
	json_t *after = api_merge(before, rq->json);
	api_check_person(rq, after, 0);
	int64_t other = 0;
	const char *iin = json_string_value(json_object_get(after, "iin"));
	if (iin && persons_find_iin(rq->db, iin, &other) == DB_ROW && other != person)
		reply_add_error(rq, "iin_taken", NULL, "iin");
	int ok = !reply_has_errors(rq) && api_person_written(rq, persons_update(rq->db, person, after)) &&
		 audit_record(rq->db, rq->user.id, representatives_first_school(rq->db, person), "update",
			      "representative", person,
			      before, after) == DB_OK;
	json_decref(before);
	json_decref(after);
	if (!ok)
		return api_rollback_errors(rq, 422);
	return api_commit_reply(rq, 200, persons_get(rq->db, person));
}

/* --- staff --- */

static const struct field_spec staff_extra[] = {
	{.name = "roles", .type = FIELD_ENUM_SET, .required = 1, .values = staff_roles, .max_len = 7},
	{.name = "active", .type = FIELD_BOOL},
	{.name = NULL},
};

int api_staff_list(struct req *rq)
{
	int64_t school = rq->params[0], limit, offset, total = 0;
	if (!api_school_found(rq, school))
		return rq->status;
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_paging(rq, PAGE_DEFAULT, PAGE_MAX, &limit, &offset))
		return reply_errors(rq, 400);
	const char *role = req_query(rq, "role");
	if (role) {
		int known = 0;
		for (const char *const *r = staff_roles; *r; r++)
			known |= strcmp(*r, role) == 0;
		if (!known)
			return reply_error(rq, 400, "bad_query", NULL, "role");
	}
	json_t *items = staff_list(rq->db_read, school, req_query(rq, "q"), role, limit, offset, &total);
	return list_reply(rq, items, total, limit, offset);
}

int api_staff_get(struct req *rq)
{
	json_t *f = staff_get(rq->db, rq->params[0]);
	if (!f)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, json_integer_value(json_object_get(f, "school_id")))) {
		json_decref(f);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	return reply_json(rq, 200, f);
}

static void check_staff_person(struct req *rq, json_t *f, int64_t self_person)
{
	api_check_person(rq, f, 0);
	int64_t other = 0;
	const char *iin = json_string_value(json_object_get(f, "iin"));
	if (iin && persons_find_iin(rq->db, iin, &other) == DB_ROW && other != self_person)
		reply_add_error(rq, "iin_taken", NULL, "iin");
}

int api_staff_create(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return rq->status;
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	struct field_spec specs[SPECS_CAP];
	api_specs_join(specs, SPECS_CAP, staff_extra, 0);
	if (validate_body(rq, specs, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_object_set_new(rq->json, "school_id", json_integer(school));
	check_staff_person(rq, rq->json, 0);
	int64_t id = 0;
	if (reply_has_errors(rq) || !api_person_written(rq, staff_insert(rq->db, rq->json, &id)))
		return api_rollback_errors(rq, 422);
	json_t *after = staff_get(rq->db, id);
	if (audit_record(rq->db, rq->user.id, school, "create", "staff", id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

int api_staff_update(struct req *rq)
{
	int64_t id = rq->params[0];
	int64_t school = org_school_of(rq->db, "staff", id);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	struct field_spec specs[SPECS_CAP];
	api_specs_join(specs, SPECS_CAP, staff_extra, 0);
	if (validate_body(rq, specs, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = staff_get(rq->db, id);
	json_t *after = api_merge(before, rq->json);
	check_staff_person(rq, after, json_integer_value(json_object_get(before, "person_id")));
	int ok = !reply_has_errors(rq) && api_person_written(rq, staff_update(rq->db, id, after));
	json_decref(after);
	after = ok ? staff_get(rq->db, id) : NULL;
	ok = ok && audit_record(rq->db, rq->user.id, school, "update", "staff", id, before, after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 422);
	}
	return api_commit_reply(rq, 200, after);
}
