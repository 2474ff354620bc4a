/* ktp (api) — the КТЖ laid over a class's dated lessons and moved (CUR-10): the lay,
 * the plan of a class (or group) and subject, and a topic pinned to a lesson. The
 * rule of the lay is core/ktp.h; the queries store/ktp.c; docs/curriculum.md. */
#include <stdint.h>

#include "api/api.h"
#include "api/curriculum.h"
#include "api/handlers.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/ktp.h"
#include "store/people.h"

/* A class of the school: its school, year and grade. 0 when there is none. */
static int64_t class_of(struct db *db, int64_t class_id, int64_t *year, int *grade)
{
	struct db_stmt *st = db_prepare(db, "SELECT school_id, academic_year_id, grade FROM classes WHERE id = $1");
	if (!st)
		return 0;
	db_bind_int64(st, 1, class_id);
	int64_t school = 0;
	if (db_step(st) == DB_ROW) {
		school = db_col_int64(st, 0);
		*year = db_col_int64(st, 1);
		*grade = (int)db_col_int64(st, 2);
	}
	db_done(st);
	return school;
}

/* Who lays and moves the КТЖ of a unit: the school's director or academic deputy, or a
 * teacher of the school who teaches that class (or group) and subject by the load. */
static int rights_plan(struct req *rq, int64_t school, int64_t class_id, int64_t group_id, int64_t subject_id)
{
	if (rights_curriculum(rq, school))
		return 1;
	if (rq->user.role != ROLE_TEACHER || rq->user.school_id != school || !rq->user.person_id)
		return 0;
	int64_t staff = staff_of_person(rq->db, rq->user.person_id, school);
	return staff && ktp_load_teaches_unit(rq->db, staff, class_id, group_id, subject_id);
}

/* The group of the request (body or query; 0 when none) must be one of the class's for
 * the subject. Adds the problem and returns -1 when it is not. */
static int check_group(struct req *rq, int64_t class_id, int64_t subject_id, int64_t group_id)
{
	if (!group_id)
		return 0;
	int64_t n = 0;
	if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM class_groups WHERE id = $1 AND class_id = $2"
				       " AND subject_id = $3", "iii", group_id, class_id, subject_id) == DB_ROW && n)
		return 0;
	reply_add_error(rq, "ktp_group_mismatch", "CUR-10", "group_id");
	return -1;
}

static int subject_found(struct req *rq, int64_t subject_id)
{
	int64_t n = 0;
	if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM subjects WHERE id = $1", "i", subject_id) == DB_ROW && n)
		return 1;
	reply_add_error(rq, "dangling_reference", NULL, "subject_id");
	return 0;
}

static const struct field_spec lay_body[] = {
	{.name = "subject_id", .type = FIELD_ID, .required = 1},
	{.name = "group_id", .type = FIELD_ID, .nullable = 1},
	{.name = NULL},
};

int api_ktp_lay(struct req *rq)
{
	int64_t class_id = rq->params[0], year = 0;
	int grade = 0;
	int64_t school = class_of(rq->db, class_id, &year, &grade);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!(rq->user.role & ROLES_SCHOOL_STAFF) || rq->user.school_id != school)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, lay_body, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	int64_t subject = json_integer_value(json_object_get(rq->json, "subject_id"));
	int64_t group = json_integer_value(json_object_get(rq->json, "group_id"));
	if (!subject_found(rq, subject) || check_group(rq, class_id, subject, group) != 0)
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *units = group ? json_pack("[I]", (json_int_t)group) : ktp_units(rq->db, class_id, subject);
	if (!units)
		return api_rollback_errors(rq, 500);
	json_t *done = json_array();
	json_int_t changed = 0;
	size_t i;
	json_t *u;
	int allowed = 0, rc = DB_OK;
	json_array_foreach(units, i, u) {
		int64_t g = json_integer_value(u);
		if (!rights_plan(rq, school, class_id, g, subject))
			continue;
		allowed++;
		struct ktp_lay_counts c;
		rc = ktp_plan_lay(rq->db, year, class_id, g, subject, grade, &c);
		if (rc != DB_OK)
			break;
		changed += c.changed;
		json_array_append_new(done, json_pack("{s:o, s:I, s:I, s:I, s:I}", "group_id",
						      g ? json_integer(g) : json_null(), "lessons", (json_int_t)c.lessons,
						      "planned", (json_int_t)c.planned, "changed", (json_int_t)c.changed,
						      "not_placed", (json_int_t)c.not_placed));
	}
	/* a teacher who teaches none of it; with no lessons at all, the keepers' rights */
	int may = allowed || (json_array_size(units) == 0 && rights_plan(rq, school, class_id, group, subject));
	json_decref(units);
	if (rc != DB_OK || !may) {
		json_decref(done);
		if (rc != DB_OK)
			return api_rollback_errors(rq, 500);
		db_rollback(rq->db);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	json_t *body = json_pack("{s:I, s:I, s:I, s:s, s:I, s:o}", "class_id", (json_int_t)class_id, "subject_id",
				 (json_int_t)subject, "academic_year_id", (json_int_t)year, "rule", "CUR-10", "changed",
				 changed, "units", done);
	/* only a lay that changed something is a change to audit: laying again writes nothing */
	if (changed && audit_record(rq->db, rq->user.id, school, "lay", "ktp_plan", class_id, NULL, body) != DB_OK) {
		json_decref(body);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, body);
}

int api_ktp_plan(struct req *rq)
{
	int64_t class_id = rq->params[0], year = 0, subject = 0, group = 0;
	int grade = 0;
	int64_t school = class_of(rq->db, class_id, &year, &grade);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	int bad = cur_query_int(rq, "subject_id", 1, INT64_MAX, 1, &subject) != 0;
	bad |= cur_query_int(rq, "group_id", 1, INT64_MAX, 0, &group) != 0;
	if (bad)
		return reply_errors(rq, 400);
	if (!subject_found(rq, subject) || check_group(rq, class_id, subject, group) != 0)
		return reply_errors(rq, 422);
	json_t *plan = ktp_plan_get(rq->db, year, class_id, group, subject, grade);
	json_t *units = plan ? ktp_units(rq->db, class_id, subject) : NULL;
	if (!plan || !units) {
		json_decref(plan);
		json_decref(units);
		return reply_db_failure(rq);
	}
	json_t *groups = json_array();
	size_t i;
	json_t *u;
	json_array_foreach(units, i, u)
		if (json_integer_value(u))
			json_array_append(groups, u);
	json_decref(units);
	json_object_set_new(plan, "class_id", json_integer(class_id));
	json_object_set_new(plan, "subject_id", json_integer(subject));
	json_object_set_new(plan, "group_id", group ? json_integer(group) : json_null());
	json_object_set_new(plan, "grade", json_integer(grade));
	json_object_set_new(plan, "academic_year_id", json_integer(year));
	json_object_set_new(plan, "groups", groups);
	json_object_set_new(plan, "rule", json_string("CUR-10"));
	return reply_json(rq, 200, plan);
}

static const struct field_spec topic_body[] = {
	{.name = "topic_id", .type = FIELD_ID, .required = 1, .nullable = 1},
	{.name = NULL},
};

/* The fields of a lesson the audit keeps: its topic and pin. */
static json_t *audited(json_t *lesson)
{
	return json_pack("{s:O, s:O, s:O, s:O}", "id", json_object_get(lesson, "id"), "date",
			 json_object_get(lesson, "date"), "period", json_object_get(lesson, "period"), "topic",
			 json_object_get(lesson, "topic"));
}

int api_lesson_topic(struct req *rq)
{
	int64_t lesson_id = rq->params[0];
	json_t *before = ktp_lesson_get(rq->db, lesson_id);
	if (!before)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	int64_t school = json_integer_value(json_object_get(before, "school_id"));
	int64_t year = json_integer_value(json_object_get(before, "academic_year_id"));
	int64_t class_id = json_integer_value(json_object_get(before, "class_id"));
	int64_t group = json_integer_value(json_object_get(before, "group_id"));
	int64_t subject = json_integer_value(json_object_get(before, "subject_id"));
	int grade = (int)json_integer_value(json_object_get(before, "grade"));
	json_decref(before);
	if (!rights_plan(rq, school, class_id, group, subject))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, topic_body, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	int64_t topic = json_integer_value(json_object_get(rq->json, "topic_id"));
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	if (topic) {
		int64_t t_year = 0, t_subject = 0;
		int t_grade = 0;
		int rc = ktp_topic_of(rq->db, topic, &t_year, &t_subject, &t_grade);
		if (rc == DB_DONE)
			reply_add_error(rq, "dangling_reference", NULL, "topic_id");
		else if (rc != DB_ROW)
			return api_rollback_errors(rq, 500);
		else if (t_year != year || t_subject != subject || t_grade != grade)
			reply_add_error(rq, "ktp_topic_mismatch", "CUR-10", "topic_id");
		if (reply_has_errors(rq))
			return api_rollback_errors(rq, 422);
	}
	before = ktp_lesson_get(rq->db, lesson_id);
	struct ktp_lay_counts c = {0};
	json_t *after = before && ktp_lesson_pin(rq->db, lesson_id, topic) == DB_OK &&
				ktp_plan_lay(rq->db, year, class_id, group, subject, grade, &c) == DB_OK
			? ktp_lesson_get(rq->db, lesson_id) : NULL;
	json_t *a = before ? audited(before) : NULL, *b = after ? audited(after) : NULL;
	int ok = a && b && audit_record(rq->db, rq->user.id, school, "move", "lesson_topic", lesson_id, a, b) == DB_OK;
	json_decref(a);
	json_decref(b);
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	json_object_set_new(after, "changed", json_integer(c.changed));
	return api_commit_reply(rq, 200, after);
}
