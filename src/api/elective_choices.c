/* elective_choices (api) — a student's electives (issue 8): the student or a legal
 * representative (or the school's administration) chooses a course within the ЖОЖ's
 * elective hours (ELE-1) and the grade's weekly maximum (ELE-12); a switch during the year
 * goes through the application of the student and representatives and is remembered
 * (ELE-13, ELE-10); the academic deputy forms groups with fixed members from one class,
 * parallel classes or across parallels (ELE-3), flagged to be split from 17 and refused
 * under 12 for a second foreign language (ELE-4). docs/electives.md. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/electives.h"
#include "api/handlers.h"
#include "core/date.h"
#include "core/elective.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/elective.h"
#include "store/org.h"
#include "store/people.h"

/* --- a student's electives --- */

/* Who may choose for the student: the student, a linked representative, the school's
 * director or academic deputy. */
static int may_choose(struct req *rq, json_t *student)
{
	int64_t id = api_int_at(student, "id");
	if (rq->user.role == ROLE_STUDENT)
		return rq->user.person_id && rq->user.person_id == api_int_at(student, "person_id");
	if (rq->user.role == ROLE_PARENT)
		return rq->user.person_id && representatives_is_linked(rq->db, id, rq->user.person_id);
	return (rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC)) &&
	       rq->user.school_id == api_int_at(student, "school_id");
}

static json_t *load_json(const struct elective_load *l)
{
	return json_pack("{s:b, s:i, s:i, s:i, s:i, s:i}", "set", l->has_limits, "elective_hours", l->elective_hours,
			 "max_weekly_hours", l->max_weekly, "lessons", l->lessons, "chosen", l->chosen, "total",
			 l->lessons + l->chosen);
}

static int grade_of(json_t *student)
{
	return (int)api_int_at(json_object_get(student, "class"), "grade");
}

/* The academic year a student's electives belong to: their class's year (the school's
 * current year for a student without a class). */
static int64_t year_of(struct req *rq, json_t *student)
{
	int64_t year = 0;
	int64_t cls = api_int_at(student, "class_id");
	if (cls && db_query_int64(rq->db, &year, "SELECT academic_year_id FROM classes WHERE id = $1", "i", cls) == DB_ROW)
		return year;
	return years_current(rq->db, api_int_at(student, "school_id"));
}

int api_student_electives(struct req *rq)
{
	int64_t id = rq->params[0];
	/* the same 403 whether or not the id exists, for a family member */
	json_t *s = api_student_for(rq, id, NULL);
	if (!s)
		return rq->status;
	int64_t school = api_int_at(s, "school_id"), year = year_of(rq, s);
	int grade = grade_of(s);
	struct elective_load load;
	struct elective_thresholds t;
	json_t *choices = elective_choices_of(rq->db, id, year);
	json_t *courses = elective_courses_list(rq->db, school, year);
	json_t *products = elective_products_of(rq->db, 0, id);
	int ok = choices && courses && products && elective_load_of(rq->db, id, school, year, grade, 0, &load) == DB_OK &&
		 elective_thresholds_load(rq->db, &t) == DB_OK;
	size_t i;
	json_t *c;
	json_array_foreach(choices, i, c) {
		if (!ok)
			break;
		int64_t course = api_int_at(c, "course_id");
		int64_t group = elective_group_of_student(rq->db, course, id);
		json_object_set_new(c, "group_id", group > 0 ? json_integer(group) : json_null());
		json_t *r = elective_results_json(rq, &t, course, id);
		ok = r != NULL && group >= 0;
		json_object_set_new(c, "results", r ? r : json_null());
	}
	json_t *offered = json_array();
	json_array_foreach(courses, i, c) {
		if (!ok)
			break;
		if (!json_is_true(json_object_get(c, "active")) ||
		    strcmp(json_string_value(json_object_get(c, "programme_status")), "approved") != 0 ||
		    grade < api_int_at(c, "grade_from") || grade > api_int_at(c, "grade_to"))
			continue;
		int chosen = 0;
		size_t j;
		json_t *ch;
		json_array_foreach(choices, j, ch)
			chosen |= api_int_at(ch, "course_id") == api_int_at(c, "id") && json_is_null(json_object_get(ch, "ends_on"));
		json_array_append_new(offered, json_pack("{s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:b}", "id",
			json_object_get(c, "id"), "title", json_object_get(c, "title"), "kind", json_object_get(c, "kind"),
			"direction", json_object_get(c, "direction"), "hours", json_object_get(c, "hours"), "teacher",
			json_object_get(c, "teacher"), "second_language", json_object_get(c, "second_language"), "chosen",
			chosen));
	}
	json_decref(courses);
	if (!ok) {
		json_decref(s);
		json_decref(choices);
		json_decref(products);
		json_decref(offered);
		return reply_db_failure(rq);
	}
	json_t *out = json_pack("{s:I, s:I, s:i, s:o, s:o, s:o, s:o}", "student_id", (json_int_t)id, "academic_year_id",
				(json_int_t)year, "grade", grade, "load", load_json(&load), "choices", choices,
				"offered", offered, "products", products);
	json_decref(s);
	return reply_json(rq, 200, out);
}

/* Checks a choice of `course_id` for the student (ELE-1, ELE-5, ELE-12), leaving out the
 * choice `except` (a switch replaces it); adds every problem at `field`. The course on
 * success (NULL after adding a problem or on a database error: *failed). */
static json_t *check_choice(struct req *rq, json_t *student, int64_t course_id, int64_t except, const char *field,
			    int *failed)
{
	*failed = 0;
	int64_t id = api_int_at(student, "id"), school = api_int_at(student, "school_id");
	int64_t year = year_of(rq, student);
	const char *status = json_string_value(json_object_get(student, "status"));
	if (!status || strcmp(status, "studying") != 0)
		reply_add_error(rq, "elective_student_not_studying", "ELE-1", "student_id");
	json_t *c = elective_course_get(rq->db, course_id);
	if (!c) {
		*failed = rq->db->lost;
		reply_add_error(rq, "dangling_reference", NULL, field);
		return NULL;
	}
	if (api_int_at(c, "school_id") != school || api_int_at(c, "academic_year_id") != year) {
		reply_add_error(rq, "dangling_reference", NULL, field);
		json_decref(c);
		return NULL;
	}
	int grade = grade_of(student);
	if (!json_is_true(json_object_get(c, "active")))
		reply_add_error(rq, "elective_course_closed", NULL, field);
	if (strcmp(json_string_value(json_object_get(c, "programme_status")), "approved") != 0)
		reply_add_error(rq, "elective_programme_not_approved", "ELE-5", field);
	if (grade < api_int_at(c, "grade_from") || grade > api_int_at(c, "grade_to"))
		reply_add_error(rq, "elective_grade_not_offered", "ELE-1", field);
	int64_t open = 0;
	if (db_query_int64(rq->db, &open,
			   "SELECT COUNT(*) FROM elective_choices WHERE student_id = $1 AND course_id = $2 AND ends_on IS NULL",
			   "ii", id, course_id) != DB_ROW) {
		*failed = 1;
		json_decref(c);
		return NULL;
	}
	if (open)
		reply_add_error(rq, "elective_already_chosen", NULL, field);
	struct elective_load l;
	if (elective_load_of(rq->db, id, school, year, grade, except, &l) != DB_OK) {
		*failed = 1;
		json_decref(c);
		return NULL;
	}
	int hours = (int)api_int_at(c, "hours");
	json_t *p;
	if (!l.has_limits) {
		reply_add_error(rq, "elective_limits_missing", "ELE-12", field);
	} else {
		if (l.chosen + hours > l.elective_hours) {
			p = reply_add_error(rq, "elective_hours_exceeded", "ELE-1", field);
			json_object_set_new(p, "figures", json_pack("{s:i, s:i, s:i}", "chosen", l.chosen, "hours", hours,
								    "elective_hours", l.elective_hours));
		}
		if (!elective_load_allowed(l.lessons + l.chosen, hours, l.max_weekly)) {
			p = reply_add_error(rq, "elective_load_exceeded", "ELE-12", field);
			json_object_set_new(p, "figures", json_pack("{s:i, s:i, s:i}", "load", l.lessons + l.chosen, "hours",
								    hours, "max_weekly_hours", l.max_weekly));
		}
	}
	if (reply_has_errors(rq)) {
		json_decref(c);
		return NULL;
	}
	return c;
}

/* The first day of the choice: the day the administration gives for a choice made on
 * paper earlier, else today — or the year's first day when today is before it. */
static void choice_start(struct req *rq, json_t *student, char out[DATE_TEXT_SIZE])
{
	elective_today(out);
	json_t *y = years_get(rq->db, year_of(rq, student));
	const char *starts = y ? json_string_value(json_object_get(y, "starts_on")) : NULL;
	if (body_str(rq, "starts_on"))
		snprintf(out, DATE_TEXT_SIZE, "%s", body_str(rq, "starts_on"));
	else if (starts && strcmp(starts, out) > 0)
		snprintf(out, DATE_TEXT_SIZE, "%s", starts);
	json_decref(y);
}

/* A `starts_on` in the body: the school's administration only, not after today, inside
 * the current year and not before the choice it replaces (`after`, may be NULL). */
static void check_starts_on(struct req *rq, json_t *student, const char *after)
{
	const char *d = body_str(rq, "starts_on");
	if (!d)
		return;
	if (!(rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC))) {
		reply_add_error(rq, "elective_starts_on_staff_only", NULL, "starts_on");
		return;
	}
	char today[DATE_TEXT_SIZE];
	elective_today(today);
	json_t *y = years_get(rq->db, year_of(rq, student));
	const char *ys = y ? json_string_value(json_object_get(y, "starts_on")) : NULL;
	if (strcmp(d, today) > 0)
		reply_add_error(rq, "date_in_future", NULL, "starts_on");
	else if ((ys && strcmp(d, ys) < 0) || (after && strcmp(d, after) <= 0))
		reply_add_error(rq, "out_of_range", NULL, "starts_on");
	json_decref(y);
}

/* The student of the route when the user may choose for them; NULL after replying. */
static json_t *chooser_student(struct req *rq)
{
	return api_student_for(rq, rq->params[0], may_choose);
}

static const struct field_spec choose_fields[] = {
	{.name = "course_id", .type = FIELD_ID, .required = 1},
	{.name = "starts_on", .type = FIELD_DATE},
	{.name = NULL},
};

/* Writes the choice and replies 201 with it and the load after it. */
static int choice_written(struct req *rq, json_t *student, int64_t course_id, int64_t switched_from, const char *action)
{
	int64_t id = api_int_at(student, "id"), school = api_int_at(student, "school_id");
	int64_t year = year_of(rq, student);
	char start[DATE_TEXT_SIZE];
	choice_start(rq, student, start);
	int64_t choice = 0;
	int rc = DB_OK;
	if (switched_from)
		rc = elective_choice_close(rq->db, switched_from, start);
	if (rc == DB_OK)
		rc = elective_choice_insert(rq->db, id, course_id, year, start, switched_from,
					    switched_from ? body_str(rq, "application_on") : NULL,
					    switched_from ? body_str(rq, "applicant") : NULL, rq->user.id, &choice);
	if (rc == DB_CONSTRAINT) { /* a concurrent request chose it first */
		reply_add_error(rq, "elective_already_chosen", NULL, "course_id");
		return api_rollback_errors(rq, 422);
	}
	json_t *after = rc == DB_OK ? elective_choice_get(rq->db, choice) : NULL;
	struct elective_load l;
	if (!after || elective_load_of(rq->db, id, school, year, grade_of(student), 0, &l) != DB_OK ||
	    audit_record(rq->db, rq->user.id, school, action, "elective_choice", choice, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	json_object_set_new(after, "load", load_json(&l));
	return api_commit_reply(rq, 201, after);
}

int api_student_elective_choose(struct req *rq)
{
	json_t *s = chooser_student(rq);
	if (!s)
		return rq->status;
	json_decref(s);
	if (validate_body(rq, choose_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	s = students_get(rq->db, rq->params[0]);
	int failed = !s;
	if (s)
		check_starts_on(rq, s, NULL);
	json_t *c = s ? check_choice(rq, s, body_int(rq, "course_id", 0), 0, "course_id", &failed) : NULL;
	if (!c || reply_has_errors(rq)) {
		json_decref(c);
		json_decref(s);
		return api_rollback_errors(rq, failed ? 500 : 422);
	}
	json_decref(c);
	int status = choice_written(rq, s, body_int(rq, "course_id", 0), 0, "choose");
	json_decref(s);
	return status;
}

static const struct field_spec switch_fields[] = {
	{.name = "from_course_id", .type = FIELD_ID, .required = 1},
	{.name = "course_id", .type = FIELD_ID, .required = 1},
	{.name = "application_on", .type = FIELD_DATE, .required = 1},
	{.name = "applicant", .type = FIELD_STRING, .required = 1, .max_len = 300},
	{.name = "starts_on", .type = FIELD_DATE},
	{.name = NULL},
};

int api_student_elective_switch(struct req *rq)
{
	json_t *s = chooser_student(rq);
	if (!s)
		return rq->status;
	json_decref(s);
	if (validate_body(rq, switch_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	elective_not_future(rq, "application_on");
	int64_t from = body_int(rq, "from_course_id", 0), to = body_int(rq, "course_id", 0);
	if (from == to)
		reply_add_error(rq, "elective_switch_same", "ELE-13", "course_id");
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	s = students_get(rq->db, rq->params[0]);
	int64_t old = 0;
	int rc = s ? db_query_int64(rq->db, &old,
				    "SELECT id FROM elective_choices WHERE student_id = $1 AND course_id = $2 AND ends_on IS NULL",
				    "ii", rq->params[0], from)
		   : DB_ERROR;
	if (rc < 0) {
		json_decref(s);
		return api_rollback_errors(rq, 500);
	}
	if (rc == DB_DONE) {
		reply_add_error(rq, "elective_not_chosen", "ELE-13", "from_course_id");
	} else {
		json_t *was = elective_choice_get(rq->db, old);
		check_starts_on(rq, s, was ? json_string_value(json_object_get(was, "starts_on")) : NULL);
		json_decref(was);
	}
	int failed = 0;
	json_t *c = check_choice(rq, s, to, old, "course_id", &failed);
	if (!c || reply_has_errors(rq)) {
		json_decref(c);
		json_decref(s);
		return api_rollback_errors(rq, failed ? 500 : 422);
	}
	json_decref(c);
	int status = choice_written(rq, s, to, old, "switch");
	json_decref(s);
	return status;
}

/* --- groups (ELE-3, ELE-4) --- */

/* The course's open choices with their students and groups: whom the deputy forms
 * groups from. */
int api_elective_choosers(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	json_decref(c);
	json_t *items = elective_choosers(rq->db, rq->params[0]);
	return items ? reply_list(rq, items, (int64_t)json_array_size(items), -1) : reply_db_failure(rq);
}

/* Adds "split_needed" (ELE-4: at least split_at members) and the thresholds. */
static void group_flags(json_t *g, const struct elective_thresholds *t, int second_language)
{
	enum elective_group_size k = elective_group_size(t, (int)api_int_at(g, "size"), second_language);
	json_object_set_new(g, "split_needed", json_boolean(k == ELECTIVE_GROUP_SPLIT));
	json_object_set_new(g, "split_at", json_integer(t->split_at));
	json_object_set_new(g, "below_minimum", json_boolean(k == ELECTIVE_GROUP_TOO_SMALL));
	if (second_language)
		json_object_set_new(g, "minimum", json_integer(t->second_language_min));
}

int api_elective_groups(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	struct elective_thresholds t;
	json_t *groups = elective_groups_of(rq->db, rq->params[0]);
	if (!groups || elective_thresholds_load(rq->db, &t) != DB_OK) {
		json_decref(groups);
		json_decref(c);
		return reply_db_failure(rq);
	}
	size_t i;
	json_t *g;
	json_array_foreach(groups, i, g)
		group_flags(g, &t, json_is_true(json_object_get(c, "second_language")));
	json_decref(c);
	return reply_list(rq, groups, (int64_t)json_array_size(groups), -1);
}

static const struct field_spec member_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = NULL},
};
static const struct field_spec group_fields[] = {
	{.name = "name", .type = FIELD_STRING, .required = 1, .max_len = 50},
	{.name = "staff_id", .type = FIELD_ID, .nullable = 1},
	{.name = "members", .type = FIELD_LIST, .required = 1, .max_len = 60, .fields = member_fields},
	{.name = NULL},
};

/* Checks one new member of a group of the course: an open choice of it, not in another
 * of its groups, not given twice. The choice's first day in *starts (the member joins
 * then). 0, or -1 on a database error. */
static int check_member(struct req *rq, int64_t course, int64_t student, const char *field, json_t *seen,
			char starts[DATE_TEXT_SIZE])
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)student);
	if (json_object_get(seen, key)) {
		reply_add_error(rq, "duplicate_student", NULL, field);
		return 0;
	}
	json_object_set_new(seen, key, json_true());
	struct db_stmt *st = db_prepare(rq->db, "SELECT starts_on FROM elective_choices WHERE student_id = $1 AND"
						" course_id = $2 AND ends_on IS NULL");
	if (!st)
		return -1;
	db_bind_int64(st, 1, student);
	db_bind_int64(st, 2, course);
	int rc = db_step(st);
	if (rc == DB_ROW)
		snprintf(starts, DATE_TEXT_SIZE, "%s", db_col_text(st, 0));
	db_done(st);
	if (rc < 0)
		return -1;
	if (rc == DB_DONE) {
		reply_add_error(rq, "elective_not_chosen", "ELE-3", field);
		return 0;
	}
	int64_t in = elective_group_of_student(rq->db, course, student);
	if (in < 0)
		return -1;
	if (in)
		reply_add_error(rq, "elective_in_group", "ELE-3", field);
	return 0;
}

/* Replies `status` with the group and its flags after a write, or rolls back. */
static int group_reply(struct req *rq, int64_t group, int64_t school, const char *action, json_t *before, int status)
{
	json_t *after = elective_group_get(rq->db, group);
	struct elective_thresholds t;
	if (!after || elective_thresholds_load(rq->db, &t) != DB_OK ||
	    audit_record(rq->db, rq->user.id, school, action, "elective_group", group, before, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	json_t *c = elective_course_get(rq->db, api_int_at(after, "course_id"));
	group_flags(after, &t, c && json_is_true(json_object_get(c, "second_language")));
	json_decref(c);
	return api_commit_reply(rq, status, after);
}

int api_elective_group_create(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	int may = elective_may_manage(rq, c);
	int64_t course = rq->params[0], school = api_int_at(c, "school_id");
	int second_language = json_is_true(json_object_get(c, "second_language"));
	json_decref(c);
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, group_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	int64_t staff = body_int(rq, "staff_id", 0);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	if (staff && org_school_of(rq->db, "staff", staff) != school)
		reply_add_error(rq, "dangling_reference", NULL, "staff_id");
	int64_t taken = 0;
	if (db_query_int64(rq->db, &taken, "SELECT COUNT(*) FROM elective_groups WHERE course_id = $1 AND name = $2",
			   "is", course, body_str(rq, "name")) != DB_ROW)
		return api_rollback_errors(rq, 500);
	if (taken)
		reply_add_error(rq, "elective_group_name_taken", NULL, "name");
	json_t *members = json_object_get(rq->json, "members");
	json_t *seen = json_object();
	json_t *starts = json_array();
	size_t i;
	json_t *m;
	int failed = 0;
	json_array_foreach(members, i, m) {
		char field[64], from[DATE_TEXT_SIZE] = "";
		snprintf(field, sizeof field, "members[%zu].student_id", i);
		failed |= check_member(rq, course, api_int_at(m, "student_id"), field, seen, from) != 0;
		json_array_append_new(starts, json_string(from));
	}
	json_decref(seen);
	struct elective_thresholds t;
	failed |= elective_thresholds_load(rq->db, &t) != DB_OK;
	if (!failed && elective_group_size(&t, (int)json_array_size(members), second_language) == ELECTIVE_GROUP_TOO_SMALL) {
		json_t *p = reply_add_error(rq, "elective_group_too_small", "ELE-4", "members");
		json_object_set_new(p, "figures", json_pack("{s:i, s:i}", "members", (int)json_array_size(members), "minimum",
							    t.second_language_min));
	}
	if (failed || reply_has_errors(rq)) {
		json_decref(starts);
		return api_rollback_errors(rq, failed ? 500 : 422);
	}
	int64_t group = 0;
	int rc = elective_group_insert(rq->db, course, body_str(rq, "name"), staff, &group);
	json_array_foreach(members, i, m) {
		if (rc == DB_OK)
			rc = elective_group_add(rq->db, group, api_int_at(m, "student_id"),
						json_string_value(json_array_get(starts, i)));
	}
	json_decref(starts);
	if (rc != DB_OK)
		return api_rollback_errors(rq, 500);
	return group_reply(rq, group, school, "create", NULL, 201);
}

int api_elective_group_get(struct req *rq)
{
	json_t *c;
	json_t *g = elective_group_for(rq, rq->params[0], &c);
	if (!g)
		return rq->status;
	struct elective_thresholds t;
	json_t *sessions = elective_sessions_of(rq->db, rq->params[0]);
	if (!sessions || elective_thresholds_load(rq->db, &t) != DB_OK) {
		json_decref(sessions);
		json_decref(g);
		json_decref(c);
		return reply_db_failure(rq);
	}
	group_flags(g, &t, json_is_true(json_object_get(c, "second_language")));
	json_object_set_new(g, "sessions", sessions);
	json_object_set(g, "course", json_object_get(c, "title"));
	json_object_set_new(g, "may_write", json_boolean(elective_may_teach(rq, c, api_int_at(g, "staff_id"))));
	json_decref(c);
	return reply_json(rq, 200, g);
}

int api_elective_group_member_add(struct req *rq)
{
	json_t *c;
	json_t *g = elective_group_for(rq, rq->params[0], &c);
	if (!g)
		return rq->status;
	int may = elective_may_manage(rq, c);
	int64_t course = api_int_at(c, "id"), school = api_int_at(c, "school_id");
	json_decref(c);
	if (!may) {
		json_decref(g);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	if (validate_body(rq, member_fields, VALIDATE_CREATE)) {
		json_decref(g);
		return reply_errors(rq, 422);
	}
	json_decref(g);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = elective_group_get(rq->db, rq->params[0]);
	json_t *seen = json_object();
	char from[DATE_TEXT_SIZE] = "";
	int failed = !before || check_member(rq, course, body_int(rq, "student_id", 0), "student_id", seen, from) != 0;
	json_decref(seen);
	if (failed || reply_has_errors(rq)) {
		json_decref(before);
		return api_rollback_errors(rq, failed ? 500 : 422);
	}
	/* a member joins on the first day of the choice: a switcher on the day of the switch */
	if (elective_group_add(rq->db, rq->params[0], body_int(rq, "student_id", 0), from) != DB_OK) {
		json_decref(before);
		return api_rollback_errors(rq, 500);
	}
	int status = group_reply(rq, rq->params[0], school, "join", before, 200);
	json_decref(before);
	return status;
}
