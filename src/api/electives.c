/* electives (api) — elective courses (issue 8): the academic deputy's courses of a
 * school's year with their kind and direction (ELE-2); the programme in the structure of
 * ELE-6 written by the course's teacher, reviewed on the nine criteria of ELE-7 and
 * approved by the methodological association (ELE-5: by 30 June for the next year, late
 * ones listed); what the ЖОЖ gives each grade (ELE-1, ELE-12); the network office's
 * thresholds (ELE-4, ELE-10); the programme as a PDF document. A refusal lists every
 * problem and writes nothing; every write is audited. docs/electives.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/electives.h"
#include "api/handlers.h"
#include "core/date.h"
#include "core/elective.h"
#include "report/elective_programme.h"
#include "store/audit.h"
#include "store/curriculum.h"
#include "store/db.h"
#include "store/elective.h"
#include "store/org.h"
#include "store/people.h"

/* --- shared (electives.h) --- */

void elective_today(char out[11])
{
	date_format(api_today(), out);
}

json_t *elective_course_for(struct req *rq, int64_t id)
{
	json_t *c = elective_course_get(rq->db, id);
	if (!c) {
		if (rq->db->lost)
			reply_db_failure(rq);
		else
			reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	if (!rights_read_school(rq, json_integer_value(json_object_get(c, "school_id")))) {
		json_decref(c);
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	return c;
}

json_t *elective_group_for(struct req *rq, int64_t id, json_t **course)
{
	json_t *g = elective_group_get(rq->db, id);
	if (!g) {
		if (rq->db->lost)
			reply_db_failure(rq);
		else
			reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	*course = elective_course_for(rq, json_integer_value(json_object_get(g, "course_id")));
	if (!*course) {
		json_decref(g);
		return NULL;
	}
	return g;
}

void elective_not_future(struct req *rq, const char *field)
{
	char today[DATE_TEXT_SIZE];
	elective_today(today);
	const char *d = body_str(rq, field);
	if (d && strcmp(d, today) > 0)
		reply_add_error(rq, "date_in_future", NULL, field);
}

int elective_may_manage(struct req *rq, json_t *course)
{
	return (rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC)) &&
	       rq->user.school_id == json_integer_value(json_object_get(course, "school_id"));
}

int64_t elective_my_staff(struct req *rq, int64_t school_id)
{
	if (!rq->user.person_id || rq->user.school_id != school_id)
		return 0;
	return staff_of_person(rq->db, rq->user.person_id, school_id);
}

int elective_may_teach(struct req *rq, json_t *course, int64_t staff_id)
{
	if (elective_may_manage(rq, course))
		return 1;
	if (rq->user.role != ROLE_TEACHER)
		return 0;
	int64_t me = elective_my_staff(rq, json_integer_value(json_object_get(course, "school_id")));
	return me && (me == staff_id || me == json_integer_value(json_object_get(course, "staff_id")));
}

/* --- courses --- */

static const char *const kinds[] = {"invariant_equated", "interest", NULL};
static const char *const focuses[] = {"international_exam", "olympiad", "technology", "in_depth", NULL};
static const char *const directions[] = {"academic_research", "languages", "it", NULL};

static const struct field_spec course_fields[] = {
	{.name = "academic_year_id", .type = FIELD_ID},
	{.name = "title", .type = FIELD_NAMES, .required = 1, .max_len = 200},
	{.name = "kind", .type = FIELD_ENUM, .required = 1, .values = kinds},
	{.name = "focus", .type = FIELD_ENUM, .nullable = 1, .values = focuses},
	{.name = "direction", .type = FIELD_ENUM, .required = 1, .values = directions},
	{.name = "second_language", .type = FIELD_BOOL},
	{.name = "grade_from", .type = FIELD_INT, .required = 1, .min = 1, .max = 12},
	{.name = "grade_to", .type = FIELD_INT, .required = 1, .min = 1, .max = 12},
	{.name = "hours", .type = FIELD_INT, .required = 1, .min = 1, .max = 10},
	{.name = "staff_id", .type = FIELD_ID, .nullable = 1},
	{.name = "active", .type = FIELD_BOOL},
	{.name = NULL},
};

/* The rules and references of a course record (merged): grades in order, a focus only
 * for a course equated to the invariant component (ELE-2), the teacher on the school's
 * staff, the year the school's. */
static int check_course(struct req *rq, json_t *c)
{
	int64_t school = json_integer_value(json_object_get(c, "school_id"));
	if (json_integer_value(json_object_get(c, "grade_from")) > json_integer_value(json_object_get(c, "grade_to")))
		reply_add_error(rq, "elective_grades_order", NULL, "grade_to");
	if (!json_is_null(json_object_get(c, "focus")) && json_object_get(c, "focus") &&
	    strcmp(json_string_value(json_object_get(c, "kind")), "invariant_equated") != 0)
		reply_add_error(rq, "elective_focus_kind", "ELE-2", "focus");
	int64_t staff = json_integer_value(json_object_get(c, "staff_id"));
	if (staff) {
		int64_t n = 0;
		if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM staff WHERE id = $1 AND school_id = $2", "ii", staff,
				   school) != DB_ROW)
			return -1;
		if (!n)
			reply_add_error(rq, "dangling_reference", NULL, "staff_id");
	}
	int64_t n = 0;
	if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM academic_years WHERE id = $1 AND school_id = $2", "ii",
			   json_integer_value(json_object_get(c, "academic_year_id")), school) != DB_ROW)
		return -1;
	if (!n)
		reply_add_error(rq, "dangling_reference", NULL, "academic_year_id");
	return 0;
}

/* The courses of the route's school in ?year= (default the current year) when the user
 * may read the school; NULL after replying. *year_out gets the year. */
static json_t *school_courses(struct req *rq, int64_t *year_out)
{
	int64_t school = rq->params[0];
	if (!rights_read_school(rq, school)) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	if (!api_school_found(rq, school))
		return NULL;
	const char *y = req_query(rq, "year");
	*year_out = y ? strtoll(y, NULL, 10) : years_current(rq->db, school);
	json_t *items = elective_courses_list(rq->db, school, *year_out);
	if (!items)
		reply_db_failure(rq);
	return items;
}

int api_school_electives(struct req *rq)
{
	int64_t year;
	json_t *items = school_courses(rq, &year);
	if (!items)
		return rq->status;
	return reply_list(rq, items, (int64_t)json_array_size(items), -1);
}

int api_school_elective_create(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!(rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC)) || rq->user.school_id != school)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, course_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	json_t *rec = json_deep_copy(rq->json);
	json_object_set_new(rec, "school_id", json_integer(school));
	if (!json_object_get(rec, "academic_year_id"))
		json_object_set_new(rec, "academic_year_id", json_integer(years_current(rq->db, school)));
	if (!json_object_get(rec, "active"))
		json_object_set_new(rec, "active", json_true());
	if (!json_object_get(rec, "second_language"))
		json_object_set_new(rec, "second_language", json_false());
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(rec);
		return reply_db_failure(rq);
	}
	if (check_course(rq, rec) != 0 || reply_has_errors(rq)) {
		json_decref(rec);
		return api_rollback_errors(rq, 422);
	}
	int64_t id = 0;
	int rc = elective_course_insert(rq->db, rec, &id);
	json_decref(rec);
	json_t *after = rc == DB_OK ? elective_course_get(rq->db, id) : NULL;
	if (!after || audit_record(rq->db, rq->user.id, school, "create", "elective_course", id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

int api_elective_get(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	json_t *groups = elective_groups_of(rq->db, rq->params[0]);
	if (!groups) {
		json_decref(c);
		return reply_db_failure(rq);
	}
	json_object_set_new(c, "group_list", groups);
	return reply_json(rq, 200, c);
}

int api_elective_update(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	int may = elective_may_manage(rq, c);
	json_decref(c);
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, course_fields, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = elective_course_get(rq->db, rq->params[0]);
	if (!before)
		return api_rollback_errors(rq, 500);
	json_t *merged = api_merge(before, rq->json);
	/* a course with choices keeps its hours and grades: the students chose them */
	if (json_integer_value(json_object_get(before, "choices")) > 0) {
		static const char *const fixed[] = {"hours", "grade_from", "grade_to", "second_language"};
		for (size_t i = 0; i < 4; i++)
			if (json_object_get(rq->json, fixed[i]) &&
			    !json_equal(json_object_get(rq->json, fixed[i]), json_object_get(before, fixed[i])))
				reply_add_error(rq, "elective_chosen_fixed", "ELE-1", fixed[i]);
	}
	if (check_course(rq, merged) != 0 || reply_has_errors(rq)) {
		json_decref(before);
		json_decref(merged);
		return api_rollback_errors(rq, reply_has_errors(rq) ? 422 : 500);
	}
	int rc = elective_course_update(rq->db, rq->params[0], merged);
	json_decref(merged);
	json_t *after = rc == DB_OK ? elective_course_get(rq->db, rq->params[0]) : NULL;
	int64_t school = json_integer_value(json_object_get(before, "school_id"));
	int ok = after && audit_record(rq->db, rq->user.id, school, "update", "elective_course", rq->params[0], before,
				       after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, after);
}

/* --- programmes (ELE-5..ELE-7) --- */

static const struct field_spec plan_fields[] = {
	{.name = "section", .type = FIELD_STRING, .required = 1, .max_len = 300},
	{.name = "topic", .type = FIELD_STRING, .required = 1, .max_len = 500},
	{.name = "hours", .type = FIELD_INT, .required = 1, .min = 1, .max = 100},
	{.name = "form", .type = FIELD_STRING, .required = 1, .max_len = 200},
	{.name = NULL},
};

static const struct field_spec programme_fields[] = {
	{.name = "author", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 300},
	{.name = "year_label", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 20},
	{.name = "explanatory_note", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 20000},
	{.name = "content", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 40000},
	{.name = "recommendations", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 20000},
	{.name = "literature", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 20000},
	{.name = "plan", .type = FIELD_LIST, .max_len = 200, .fields = plan_fields},
	{.name = NULL},
};

/* ELE-6: the parts a programme must have before it is approved; each missing one is a
 * problem at its field. */
static void check_programme_complete(struct req *rq, json_t *p)
{
	static const char *const parts[] = {"author", "year_label", "explanatory_note", "content", "recommendations",
					    "literature"};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		const char *v = json_string_value(json_object_get(p, parts[i]));
		if (!v || !*v)
			reply_add_error(rq, "elective_programme_part_missing", "ELE-6", parts[i]);
	}
	if (json_array_size(json_object_get(p, "plan")) == 0)
		reply_add_error(rq, "elective_programme_part_missing", "ELE-6", "plan");
}

/* The programme of the course with the title page's school, course, grades and the
 * review/approval mark (ELE-6), and `late` (ELE-5). */
static json_t *programme_reply(struct req *rq, json_t *course)
{
	int64_t id = json_integer_value(json_object_get(course, "id"));
	json_t *p = elective_programme_get(rq->db, id);
	if (!p)
		return NULL;
	json_t *school = schools_get(rq->db, json_integer_value(json_object_get(course, "school_id")));
	json_t *year = years_get(rq->db, json_integer_value(json_object_get(course, "academic_year_id")));
	json_object_set_new(p, "title_page", json_pack("{s:O, s:O, s:O, s:O, s:O, s:O}", "school",
		school ? json_object_get(school, "name") : json_null(), "course", json_object_get(course, "title"),
		"grade_from", json_object_get(course, "grade_from"), "grade_to", json_object_get(course, "grade_to"),
		"author", json_object_get(p, "author"), "year", json_object_get(p, "year_label")));
	json_object_set(p, "status", json_object_get(course, "programme_status"));
	struct date start = {0}, deadline;
	date_parse(year ? json_string_value(json_object_get(year, "starts_on")) : NULL, &start);
	if (start.y) {
		deadline = elective_june_deadline(start);
		char d[DATE_TEXT_SIZE];
		date_format(deadline, d);
		json_object_set_new(p, "deadline", json_string(d));
		json_t *ap = json_object_get(p, "approval");
		struct date on = api_today();
		if (json_is_object(ap))
			date_parse(json_string_value(json_object_get(ap, "date")), &on);
		json_object_set_new(p, "late", json_boolean(elective_after_june_deadline(on, start)));
	}
	json_decref(school);
	json_decref(year);
	return p;
}

int api_elective_programme_get(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	json_t *p = programme_reply(rq, c);
	json_decref(c);
	return p ? reply_json(rq, 200, p) : reply_db_failure(rq);
}

/* GET /electives/{id}/programme.pdf?lang=: the programme as the document of ELE-6 (title
 * page, explanatory note, thematic plan, content, recommendations, literature), in the
 * language asked or the request's; whoever reads the course reads it, a draft too (its
 * title page says it is not approved yet). */
int api_elective_programme_pdf(struct req *rq)
{
	int lang = api_document_lang(rq);
	if (lang < 0)
		return rq->status;
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	json_t *p = programme_reply(rq, c);
	json_decref(c);
	if (!p)
		return reply_db_failure(rq);
	json_t *blocks = elective_programme_doc(p, (enum lang)lang);
	json_decref(p);
	char filename[64];
	snprintf(filename, sizeof filename, "elective-programme-%lld-%s.pdf", (long long)rq->params[0], lang_code(lang));
	return api_reply_blocks_pdf(rq, blocks, filename);
}

int api_elective_programme_put(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	if (!elective_may_teach(rq, c, 0)) {
		json_decref(c);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	if (validate_body(rq, programme_fields, VALIDATE_PATCH)) {
		json_decref(c);
		return reply_errors(rq, 422);
	}
	int64_t id = rq->params[0], school = json_integer_value(json_object_get(c, "school_id"));
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(c);
		return reply_db_failure(rq);
	}
	json_t *cur = elective_course_get(rq->db, id);
	json_t *before = cur ? elective_programme_get(rq->db, id) : NULL;
	if (!before) {
		json_decref(c);
		json_decref(cur);
		return api_rollback_errors(rq, 500);
	}
	if (strcmp(json_string_value(json_object_get(cur, "programme_status")), "approved") == 0) {
		reply_add_error(rq, "elective_programme_approved", "ELE-5", NULL);
		json_decref(c);
		json_decref(cur);
		json_decref(before);
		return api_rollback_errors(rq, 409);
	}
	json_t *merged = api_merge(before, rq->json);
	int rc = elective_programme_save(rq->db, id, merged, rq->user.id);
	json_decref(merged);
	json_t *after = rc == DB_OK ? elective_programme_get(rq->db, id) : NULL;
	int ok = after && audit_record(rq->db, rq->user.id, school, "update", "elective_programme", id, before, after) ==
				  DB_OK;
	json_decref(before);
	json_decref(after);
	json_decref(cur);
	json_t *reply = ok ? programme_reply(rq, c) : NULL;
	json_decref(c);
	if (!reply)
		return api_rollback_errors(rq, 500);
	return api_commit_reply(rq, 200, reply);
}

/* ELE-7: the nine criteria, each scored 0..3 (docs/electives.md). */
static const char *const criteria_names[] = {"novelty", "motivation", "development", "completeness", "sequence",
					     "active_methods", "control", "realism", "structure", NULL};

static const struct field_spec criterion_fields[] = {
	{.name = "score", .type = FIELD_INT, .required = 1, .min = 0, .max = 3},
	{.name = "comment", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 2000},
	{.name = NULL},
};

static const struct field_spec criteria_fields[] = {
	{.name = "novelty", .type = FIELD_OBJECT, .required = 1, .fields = criterion_fields},
	{.name = "motivation", .type = FIELD_OBJECT, .required = 1, .fields = criterion_fields},
	{.name = "development", .type = FIELD_OBJECT, .required = 1, .fields = criterion_fields},
	{.name = "completeness", .type = FIELD_OBJECT, .required = 1, .fields = criterion_fields},
	{.name = "sequence", .type = FIELD_OBJECT, .required = 1, .fields = criterion_fields},
	{.name = "active_methods", .type = FIELD_OBJECT, .required = 1, .fields = criterion_fields},
	{.name = "control", .type = FIELD_OBJECT, .required = 1, .fields = criterion_fields},
	{.name = "realism", .type = FIELD_OBJECT, .required = 1, .fields = criterion_fields},
	{.name = "structure", .type = FIELD_OBJECT, .required = 1, .fields = criterion_fields},
	{.name = NULL},
};

static const struct field_spec review_fields[] = {
	{.name = "reviewer", .type = FIELD_STRING, .required = 1, .max_len = 300},
	{.name = "reviewed_on", .type = FIELD_DATE, .required = 1},
	{.name = "criteria", .type = FIELD_OBJECT, .required = 1, .fields = criteria_fields},
	{.name = "comment", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 5000},
	{.name = NULL},
};

int api_elective_review_create(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	int64_t id = rq->params[0], school = json_integer_value(json_object_get(c, "school_id"));
	/* ELE-5 (A3§15, A3§24): the school's teachers review, not the programme's own teacher */
	int64_t me = elective_my_staff(rq, school);
	int author = me && me == json_integer_value(json_object_get(c, "staff_id"));
	int may = elective_may_manage(rq, c) || (rq->user.role == ROLE_TEACHER && me && !author);
	json_decref(c);
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, review_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	elective_not_future(rq, "reviewed_on");
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *course = elective_course_get(rq->db, id);
	if (!course)
		return api_rollback_errors(rq, 500);
	if (strcmp(json_string_value(json_object_get(course, "programme_status")), "approved") == 0) {
		json_decref(course);
		reply_add_error(rq, "elective_programme_approved", "ELE-5", NULL);
		return api_rollback_errors(rq, 409);
	}
	json_decref(course);
	json_t *rec = json_deep_copy(rq->json);
	int total = 0;
	for (const char *const *k = criteria_names; *k; k++)
		total += (int)json_integer_value(json_object_get(json_object_get(json_object_get(rec, "criteria"), *k),
								 "score"));
	json_object_set_new(rec, "total", json_integer(total));
	int64_t rid = 0;
	int rc = elective_review_insert(rq->db, id, rec, rq->user.id, &rid);
	if (rc == DB_OK)
		rc = elective_programme_status(rq->db, id, "review");
	json_object_set_new(rec, "id", json_integer(rid));
	if (rc != DB_OK || audit_record(rq->db, rq->user.id, school, "review", "elective_programme", id, NULL, rec) !=
				   DB_OK) {
		json_decref(rec);
		return api_rollback_errors(rq, 500);
	}
	json_object_set_new(rec, "max_total", json_integer(27));
	return api_commit_reply(rq, 201, rec);
}

static const struct field_spec approve_fields[] = {
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = "protocol_number", .type = FIELD_STRING, .required = 1, .max_len = 50},
	{.name = NULL},
};

int api_elective_programme_approve(struct req *rq)
{
	json_t *c = elective_course_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	int may = elective_may_manage(rq, c);
	int64_t id = rq->params[0], school = json_integer_value(json_object_get(c, "school_id"));
	json_decref(c);
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, approve_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	elective_not_future(rq, "date");
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *course = elective_course_get(rq->db, id);
	json_t *before = course ? elective_programme_get(rq->db, id) : NULL;
	if (!before) {
		json_decref(course);
		return api_rollback_errors(rq, 500);
	}
	if (strcmp(json_string_value(json_object_get(course, "programme_status")), "approved") == 0) {
		json_decref(course);
		json_decref(before);
		reply_add_error(rq, "elective_programme_approved", "ELE-5", NULL);
		return api_rollback_errors(rq, 409);
	}
	check_programme_complete(rq, before);
	if (json_array_size(json_object_get(before, "reviews")) == 0)
		reply_add_error(rq, "elective_programme_not_reviewed", "ELE-7", "reviews");
	if (reply_has_errors(rq)) {
		json_decref(course);
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}
	int rc = elective_programme_approve(rq->db, id, body_str(rq, "date"), body_str(rq, "protocol_number"),
					    rq->user.id);
	json_t *after = rc == DB_OK ? elective_programme_get(rq->db, id) : NULL;
	int ok = after && audit_record(rq->db, rq->user.id, school, "approve", "elective_programme", id, before, after) ==
				  DB_OK;
	json_decref(before);
	json_decref(after);
	json_decref(course);
	course = ok ? elective_course_get(rq->db, id) : NULL;
	json_t *reply = course ? programme_reply(rq, course) : NULL;
	json_decref(course);
	if (!reply)
		return api_rollback_errors(rq, 500);
	return api_commit_reply(rq, 200, reply);
}

/* ELE-5: the school's courses of a year whose programme was not approved by the 30 June
 * before it (approved later, or not yet and the day has passed). */
int api_school_electives_late(struct req *rq)
{
	int64_t year;
	json_t *courses = school_courses(rq, &year);
	if (!courses)
		return rq->status;
	json_t *yr = years_get(rq->db, year);
	struct date start = {0};
	date_parse(yr ? json_string_value(json_object_get(yr, "starts_on")) : NULL, &start);
	json_decref(yr);
	json_t *items = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(courses, i, c) {
		if (!start.y)
			break;
		json_t *p = elective_programme_get(rq->db, json_integer_value(json_object_get(c, "id")));
		if (!p) {
			json_decref(items);
			json_decref(courses);
			return reply_db_failure(rq);
		}
		json_t *ap = json_object_get(p, "approval");
		struct date on = api_today();
		if (json_is_object(ap))
			date_parse(json_string_value(json_object_get(ap, "date")), &on);
		if (elective_after_june_deadline(on, start)) {
			char d[DATE_TEXT_SIZE];
			date_format(elective_june_deadline(start), d);
			json_array_append_new(items, json_pack("{s:O, s:O, s:O, s:O, s:s, s:O}", "course_id",
				json_object_get(c, "id"), "title", json_object_get(c, "title"), "teacher",
				json_object_get(c, "teacher"), "status", json_object_get(c, "programme_status"),
				"deadline", d, "approval", ap));
		}
		json_decref(p);
	}
	json_decref(courses);
	return reply_list(rq, items, (int64_t)json_array_size(items), -1);
}

/* --- what the ЖОЖ gives each grade (ELE-1, ELE-12) --- */

static const struct field_spec limit_fields[] = {
	{.name = "grade", .type = FIELD_INT, .required = 1, .min = 1, .max = 12},
	{.name = "elective_hours", .type = FIELD_INT, .required = 1, .min = 0, .max = 20},
	{.name = "max_weekly_hours", .type = FIELD_INT, .required = 1, .min = 1, .max = 60},
	{.name = NULL},
};
static const struct field_spec limits_fields[] = {
	{.name = "grades", .type = FIELD_LIST, .required = 1, .max_len = 12, .fields = limit_fields},
	{.name = NULL},
};

int api_curriculum_electives_get(struct req *rq)
{
	int64_t school = api_curriculum_school(rq, rq->params[0]);
	if (school <= 0)
		return school < 0 ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *items = elective_limits_of(rq->db, rq->params[0]);
	return items ? reply_json(rq, 200, json_pack("{s:I, s:o}", "curriculum_id", (json_int_t)rq->params[0],
						     "grades", items))
		     : reply_db_failure(rq);
}

int api_curriculum_electives_put(struct req *rq)
{
	int64_t id = rq->params[0];
	int64_t school = api_curriculum_school(rq, id);
	if (school <= 0)
		return school < 0 ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	if (!(rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC)) || rq->user.school_id != school)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, limits_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = elective_limits_of(rq->db, id);
	if (!before)
		return api_rollback_errors(rq, 500);
	int rc = DB_OK;
	size_t i;
	json_t *g;
	json_array_foreach(json_object_get(rq->json, "grades"), i, g) {
		if (rc == DB_OK)
			rc = elective_limits_put(rq->db, id, (int)json_integer_value(json_object_get(g, "grade")),
						 (int)json_integer_value(json_object_get(g, "elective_hours")),
						 (int)json_integer_value(json_object_get(g, "max_weekly_hours")));
	}
	json_t *after = rc == DB_OK ? elective_limits_of(rq->db, id) : NULL;
	int ok = after && audit_record(rq->db, rq->user.id, school, "update", "curriculum_electives", id, before, after) ==
				  DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, json_pack("{s:I, s:o}", "curriculum_id", (json_int_t)id, "grades", after));
}

/* --- the thresholds (ELE-4, ELE-10) as data, kept by the network office --- */

static json_t *thresholds_json(const struct elective_thresholds *t)
{
	return json_pack("{s:i, s:i, s:i, s:i}", "pass_percent", t->pass_attendance_percent, "pass_percent_switched",
			 t->pass_attendance_percent_switched, "split_at", t->split_at, "second_language_min",
			 t->second_language_min);
}

int api_elective_thresholds_get(struct req *rq)
{
	struct elective_thresholds t;
	if (elective_thresholds_load(rq->db, &t) != DB_OK)
		return reply_db_failure(rq);
	return reply_json(rq, 200, thresholds_json(&t));
}

static const struct field_spec threshold_fields[] = {
	{.name = "pass_percent", .type = FIELD_INT, .required = 1, .min = 1, .max = 100},
	{.name = "pass_percent_switched", .type = FIELD_INT, .required = 1, .min = 1, .max = 100},
	{.name = "split_at", .type = FIELD_INT, .required = 1, .min = 2, .max = 60},
	{.name = "second_language_min", .type = FIELD_INT, .required = 1, .min = 1, .max = 60},
	{.name = NULL},
};

int api_elective_thresholds_put(struct req *rq)
{
	if (validate_body(rq, threshold_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	/* ELE-10: a switcher's threshold is the lower one; ELE-4: a group that may open is not
	 * one that must be split */
	if (body_int(rq, "pass_percent_switched", 0) > body_int(rq, "pass_percent", 0))
		reply_add_error(rq, "elective_thresholds_order", "ELE-10", "pass_percent_switched");
	if (body_int(rq, "second_language_min", 0) >= body_int(rq, "split_at", 0))
		reply_add_error(rq, "elective_thresholds_order", "ELE-4", "second_language_min");
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	struct elective_thresholds t;
	if (elective_thresholds_load(rq->db, &t) != DB_OK)
		return api_rollback_errors(rq, 500);
	json_t *before = thresholds_json(&t);
	static const char *const keys[][2] = {{"elective_pass_percent", "pass_percent"},
					      {"elective_pass_percent_switched", "pass_percent_switched"},
					      {"elective_split_at", "split_at"},
					      {"elective_second_language_min", "second_language_min"}};
	int rc = DB_OK;
	for (size_t i = 0; i < 4 && rc == DB_OK; i++)
		rc = settings_set_int(rq->db, keys[i][0], body_int(rq, keys[i][1], 0), rq->user.id);
	json_t *after = NULL;
	if (rc == DB_OK && elective_thresholds_load(rq->db, &t) == DB_OK)
		after = thresholds_json(&t);
	int ok = after && audit_record(rq->db, rq->user.id, 0, "update", "setting", 0, before, after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, after);
}
