/* clubs (api) — clubs, үйірме (issue 8): the director's or the deputy for upbringing's
 * clubs of a school's year (a sports section names its sport); the leader's year-long
 * programme with hours, approved (CLB-5, CLB-7); the weekly schedule after lessons,
 * approved by the director (CLB-5); the members, who join until 30 June for the next
 * year (CLB-1), may be in several clubs and change during the year (CLB-2), need a valid
 * certificate for a sports section (CLB-3) and keep the place when ill or in a
 * sanatorium (CLB-4); the students' medical certificates. A refusal lists every problem
 * and writes nothing; every write is audited. docs/clubs.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/clubs.h"
#include "api/electives.h"
#include "api/handlers.h"
#include "core/club.h"
#include "core/date.h"
#include "store/audit.h"
#include "store/club.h"
#include "store/db.h"
#include "store/org.h"
#include "store/people.h"

/* --- shared (clubs.h) --- */

json_t *club_for(struct req *rq, int64_t id)
{
	json_t *c = club_get(rq->db, id);
	if (!c) {
		if (rq->db->lost)
			reply_db_failure(rq);
		else
			reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	if (!rights_read_school(rq, api_int_at(c, "school_id"))) {
		json_decref(c);
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	return c;
}

int club_may_manage(struct req *rq, json_t *club)
{
	return (rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_UPBRINGING)) &&
	       rq->user.school_id == api_int_at(club, "school_id");
}

int club_may_lead(struct req *rq, json_t *club)
{
	if (club_may_manage(rq, club))
		return 1;
	if (!(rq->user.role & (ROLE_CLUB_LEADER | ROLE_TEACHER)))
		return 0;
	int64_t me = elective_my_staff(rq, api_int_at(club, "school_id"));
	return me && me == api_int_at(club, "leader_id");
}

int club_write_begin(struct req *rq, int64_t id, int (*may)(struct req *, json_t *), const struct field_spec *specs,
		     const char *not_future, int64_t *school)
{
	json_t *c = club_for(rq, id);
	if (!c)
		return rq->status;
	int allowed = may(rq, c);
	*school = api_int_at(c, "school_id");
	json_decref(c);
	if (!allowed)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, specs, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (not_future)
		elective_not_future(rq, not_future);
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	return db_begin_write(rq->db) == DB_OK ? 0 : reply_db_failure(rq);
}

int club_write_end(struct req *rq, int64_t school, const char *action, const char *entity, int64_t id, json_t *before,
		   json_t *after, int status, json_t *reply)
{
	int ok = reply && audit_record(rq->db, rq->user.id, school, action, entity, id, before,
				       after ? after : rq->json) == DB_OK;
	json_decref(before);
	json_decref(after);
	if (!ok) {
		json_decref(reply);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, status, reply);
}

/* The first day of the club's year ({0} when unknown). */
static struct date year_start(struct req *rq, json_t *club)
{
	json_t *y = years_get(rq->db, api_int_at(club, "academic_year_id"));
	struct date d = api_date_at(y, "starts_on");
	json_decref(y);
	return d;
}

/* --- clubs --- */

static const char *const directions[] = {"sport", "art", "science", "technology", "languages", "social", NULL};

static const struct field_spec club_fields[] = {
	{.name = "academic_year_id", .type = FIELD_ID},
	{.name = "title", .type = FIELD_NAMES, .required = 1, .max_len = 200},
	{.name = "direction", .type = FIELD_ENUM, .required = 1, .values = directions},
	{.name = "sports", .type = FIELD_BOOL},
	{.name = "sport", .type = FIELD_STRING, .nullable = 1, .max_len = 60},
	{.name = "leader_id", .type = FIELD_ID, .nullable = 1},
	{.name = "weekly_hours", .type = FIELD_INT, .required = 1, .min = 1, .max = 20},
	{.name = NULL},
};

/* A club record's references and rules: a sports section names its sport (CLB-3), the
 * leader is a club leader or teacher of the school, the year is the school's. -1 on a
 * database error. */
static int check_club(struct req *rq, json_t *c)
{
	int64_t school = api_int_at(c, "school_id");
	if (json_is_true(json_object_get(c, "sports")) && !api_text_at(c, "sport"))
		reply_add_error(rq, "club_sport_missing", "CLB-3", "sport");
	int64_t leader = api_int_at(c, "leader_id"), n = 0;
	if (leader) {
		if (db_query_int64(rq->db, &n,
				   "SELECT COUNT(*) FROM staff s JOIN staff_roles r ON r.staff_id = s.id WHERE s.id = $1"
				   " AND s.school_id = $2 AND r.role IN ('club_leader', 'teacher')",
				   "ii", leader, school) != DB_ROW)
			return -1;
		if (!n)
			reply_add_error(rq, "club_leader_role", NULL, "leader_id");
	}
	if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM academic_years WHERE id = $1 AND school_id = $2", "ii",
			   api_int_at(c, "academic_year_id"), school) != DB_ROW)
		return -1;
	if (!n)
		reply_add_error(rq, "dangling_reference", NULL, "academic_year_id");
	return 0;
}

int api_school_clubs(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (!api_school_found(rq, school))
		return rq->status;
	int64_t year;
	if (api_query_id(rq, "year", &year) < 0)
		return rq->status;
	json_t *items = clubs_list(rq->db, school, year ? year : years_current(rq->db, school));
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), -1);
}

int api_school_club_create(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!(rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_UPBRINGING)) || rq->user.school_id != school)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, club_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	json_t *rec = json_deep_copy(rq->json);
	json_object_set_new(rec, "school_id", json_integer(school));
	if (!json_object_get(rec, "academic_year_id"))
		json_object_set_new(rec, "academic_year_id", json_integer(years_current(rq->db, school)));
	if (!json_object_get(rec, "sports"))
		json_object_set_new(rec, "sports", json_false());
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(rec);
		return reply_db_failure(rq);
	}
	if (check_club(rq, rec) != 0 || reply_has_errors(rq)) {
		json_decref(rec);
		return api_rollback_errors(rq, 422);
	}
	int64_t id = 0;
	int rc = club_insert(rq->db, rec, &id);
	json_decref(rec);
	json_t *after = rc == DB_OK ? club_get(rq->db, id) : NULL;
	return club_write_end(rq, school, "create", "club", id, NULL, json_incref(after), 201, after);
}

int api_club_get(struct req *rq)
{
	json_t *c = club_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	int64_t id = rq->params[0];
	json_t *programme = club_programme_of(rq->db, id), *schedule = club_schedule_of(rq->db, id),
	       *members = club_members_of(rq->db, id), *checks = club_checks_of(rq->db, id);
	if (!programme || !schedule || !members || !checks) {
		json_decref(programme);
		json_decref(schedule);
		json_decref(members);
		json_decref(checks);
		json_decref(c);
		return reply_db_failure(rq);
	}
	json_object_set_new(c, "programme", programme);
	json_object_set_new(c, "schedule", schedule);
	json_object_set_new(c, "member_list", members);
	json_object_set_new(c, "checks", checks);
	json_object_set_new(c, "may_lead", json_boolean(club_may_lead(rq, c)));
	json_object_set_new(c, "may_manage", json_boolean(club_may_manage(rq, c)));
	return reply_json(rq, 200, c);
}

int api_club_update(struct req *rq)
{
	json_t *c = club_for(rq, rq->params[0]);
	if (!c)
		return rq->status;
	int may = club_may_manage(rq, c);
	json_decref(c);
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, club_fields, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = club_get(rq->db, rq->params[0]);
	if (!before)
		return api_rollback_errors(rq, 500);
	json_t *merged = api_merge(before, rq->json);
	/* CLB-3: a club that becomes a sports section keeps the members it has; new ones need
	 * the certificate. Its sport does not change under members who joined for it. */
	if (api_int_at(before, "members") > 0 && json_object_get(rq->json, "sport") &&
	    !json_equal(json_object_get(rq->json, "sport"), json_object_get(before, "sport")))
		reply_add_error(rq, "club_sport_fixed", "CLB-3", "sport");
	if (check_club(rq, merged) != 0 || reply_has_errors(rq)) {
		json_decref(before);
		json_decref(merged);
		return api_rollback_errors(rq, reply_has_errors(rq) ? 422 : 500);
	}
	int rc = club_update(rq->db, rq->params[0], merged);
	json_decref(merged);
	json_t *after = rc == DB_OK ? club_get(rq->db, rq->params[0]) : NULL;
	return club_write_end(rq, api_int_at(before, "school_id"), "update", "club", rq->params[0], before,
			      json_incref(after), 200, after);
}

/* --- programme (CLB-5, CLB-7) --- */

static const struct field_spec programme_row_fields[] = {
	{.name = "quarter", .type = FIELD_INT, .required = 1, .min = 1, .max = 4},
	{.name = "topic", .type = FIELD_STRING, .required = 1, .max_len = 500},
	{.name = "hours", .type = FIELD_INT, .required = 1, .min = 1, .max = 200},
	{.name = NULL},
};
static const struct field_spec programme_fields[] = {
	{.name = "rows", .type = FIELD_LIST, .required = 1, .max_len = 200, .fields = programme_row_fields},
	{.name = NULL},
};
static const struct field_spec approve_fields[] = {
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};

/* The club's record after a write of its programme or schedule, with both. */
static json_t *club_with_plans(struct req *rq, int64_t id)
{
	json_t *c = club_get(rq->db, id);
	json_t *p = c ? club_programme_of(rq->db, id) : NULL, *s = p ? club_schedule_of(rq->db, id) : NULL;
	if (!s) {
		json_decref(c);
		json_decref(p);
		return NULL;
	}
	json_object_set_new(c, "programme", p);
	json_object_set_new(c, "schedule", s);
	return c;
}

int api_club_programme_put(struct req *rq)
{
	int64_t school;
	if (club_write_begin(rq, rq->params[0], club_may_lead, programme_fields, NULL, &school))
		return rq->status;
	json_t *before = club_programme_of(rq->db, rq->params[0]);
	int rc = before ? club_programme_save(rq->db, rq->params[0], json_object_get(rq->json, "rows")) : DB_ERROR;
	json_t *after = rc == DB_OK ? club_programme_of(rq->db, rq->params[0]) : NULL;
	json_t *reply = after ? club_with_plans(rq, rq->params[0]) : NULL;
	return club_write_end(rq, school, "update", "club_programme", rq->params[0], before, after, 200, reply);
}

/* Approves the programme (director or deputy for upbringing) or the schedule (the
 * director, CLB-5); neither may be empty. */
static int may_approve_schedule(struct req *rq, json_t *club)
{
	return rq->user.role == ROLE_DIRECTOR && rq->user.school_id == api_int_at(club, "school_id");
}

static int approve(struct req *rq, const char *what)
{
	int is_programme = strcmp(what, "programme") == 0;
	int64_t school;
	if (club_write_begin(rq, rq->params[0], is_programme ? club_may_manage : may_approve_schedule, approve_fields,
			     "date", &school))
		return rq->status;
	json_t *before = club_with_plans(rq, rq->params[0]);
	if (!before)
		return api_rollback_errors(rq, 500);
	if (json_array_size(json_object_get(before, what)) == 0) {
		reply_add_error(rq, is_programme ? "club_programme_empty" : "club_schedule_empty", "CLB-5", what);
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}
	int rc = club_approve(rq->db, rq->params[0], what, body_str(rq, "date"), rq->user.id);
	json_t *after = rc == DB_OK ? club_with_plans(rq, rq->params[0]) : NULL;
	return club_write_end(rq, school, "approve", is_programme ? "club_programme" : "club_schedule", rq->params[0],
			      before, json_incref(after), 200, after);
}

int api_club_programme_approve(struct req *rq)
{
	return approve(rq, "programme");
}

int api_club_schedule_approve(struct req *rq)
{
	return approve(rq, "schedule");
}

/* --- schedule (CLB-5) --- */

static const struct field_spec slot_fields[] = {
	{.name = "weekday", .type = FIELD_INT, .required = 1, .min = 1, .max = 7},
	{.name = "starts_at", .type = FIELD_STRING, .required = 1, .max_len = 5},
	{.name = "ends_at", .type = FIELD_STRING, .required = 1, .max_len = 5},
	{.name = "room", .type = FIELD_STRING, .nullable = 1, .max_len = 60},
	{.name = NULL},
};
static const struct field_spec schedule_fields[] = {
	{.name = "slots", .type = FIELD_LIST, .required = 1, .max_len = 14, .fields = slot_fields},
	{.name = NULL},
};

/* CLB-5: whether the student has a lesson of the approved timetable that has not ended
 * when the slot starts. 1 when it clashes, 0 when not, -1 on a database error. */
static int slot_clashes(struct req *rq, int64_t student, int64_t year, json_t *slot)
{
	struct club_interval lessons[24];
	int n = club_lessons_of(rq->db, student, year, (int)api_int_at(slot, "weekday"), lessons, 24);
	if (n < 0)
		return -1;
	struct club_interval s = {club_minutes(api_text_at(slot, "starts_at")), club_minutes(api_text_at(slot, "ends_at"))};
	return !club_session_after_lessons(s, lessons, n);
}

int api_club_schedule_put(struct req *rq)
{
	int64_t school;
	if (club_write_begin(rq, rq->params[0], club_may_lead, schedule_fields, NULL, &school))
		return rq->status;
	json_t *c = club_get(rq->db, rq->params[0]);
	int64_t year = api_int_at(c, "academic_year_id");
	json_decref(c);
	json_t *slots = json_object_get(rq->json, "slots");
	size_t i;
	json_t *s;
	char field[48];
	json_array_foreach(slots, i, s) {
		int a = club_minutes(api_text_at(s, "starts_at")), b = club_minutes(api_text_at(s, "ends_at"));
		snprintf(field, sizeof field, "slots[%zu].%s", i, a < 0 ? "starts_at" : "ends_at");
		if (a < 0 || b < 0)
			reply_add_error(rq, "club_time_invalid", NULL, field);
		else if (b <= a)
			reply_add_error(rq, "club_time_order", NULL, field);
	}
	json_t *members = club_members_of(rq->db, rq->params[0]);
	json_t *before = members ? club_schedule_of(rq->db, rq->params[0]) : NULL;
	if (!before) {
		json_decref(members);
		return api_rollback_errors(rq, 500);
	}
	/* CLB-5: after the lessons of every current member (for the slots whose times are
	 * right; the others were refused above) */
	json_array_foreach(slots, i, s) {
		int a = club_minutes(api_text_at(s, "starts_at")), b = club_minutes(api_text_at(s, "ends_at"));
		if (a < 0 || b <= a)
			continue;
		size_t j;
		json_t *m;
		json_array_foreach(members, j, m) {
			if (json_is_string(json_object_get(m, "left_on")))
				continue;
			int clash = slot_clashes(rq, api_int_at(m, "student_id"), year, s);
			if (clash < 0) {
				json_decref(members);
				json_decref(before);
				return api_rollback_errors(rq, 500);
			}
			if (clash) {
				snprintf(field, sizeof field, "slots[%zu].starts_at", i);
				json_t *p = reply_add_error(rq, "club_session_during_lessons", "CLB-5", field);
				if (p)
					json_object_set_new(p, "student_id", json_integer(api_int_at(m, "student_id")));
				break;
			}
		}
	}
	json_decref(members);
	if (reply_has_errors(rq)) {
		json_decref(before);
		return api_rollback_errors(rq, 422);
	}
	int rc = club_schedule_save(rq->db, rq->params[0], slots);
	json_t *after = rc == DB_OK ? club_schedule_of(rq->db, rq->params[0]) : NULL;
	json_t *reply = after ? club_with_plans(rq, rq->params[0]) : NULL;
	return club_write_end(rq, school, "update", "club_schedule", rq->params[0], before, after, 200, reply);
}

/* --- members (CLB-1..CLB-5) --- */

static const struct field_spec member_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = "joined_on", .type = FIELD_DATE},
	{.name = NULL},
};

/* Every rule of a student joining the club on `on` (moved to the year's first day when
 * before it); adds the problems. -1 on a database error. */
static int check_join(struct req *rq, json_t *club, json_t *student, char on[DATE_TEXT_SIZE])
{
	int64_t sid = api_int_at(student, "id");
	if (api_int_at(student, "school_id") != api_int_at(club, "school_id")) {
		reply_add_error(rq, "dangling_reference", NULL, "student_id");
		return 0;
	}
	const char *status = api_text_at(student, "status");
	if (!status || strcmp(status, "studying") != 0)
		reply_add_error(rq, "club_student_not_studying", NULL, "student_id");
	int64_t open = club_member_open(rq->db, api_int_at(club, "id"), sid);
	if (open < 0)
		return -1;
	if (open)
		reply_add_error(rq, "club_already_member", "CLB-2", "student_id");
	/* CLB-1: a next year's club recruits until the 30 June before it */
	struct date start = year_start(rq, club);
	if (start.y && !club_recruitment_open(api_today(), start))
		reply_add_error(rq, "club_recruitment_closed", "CLB-1", "joined_on");
	struct date day = {0};
	date_parse(on, &day);
	if (start.y && date_compare(day, start) < 0) {
		day = start; /* a join for next year counts from its first day */
		date_format(start, on);
	}
	/* CLB-3: a sports section needs a certificate for its sport valid on the day */
	if (json_is_true(json_object_get(club, "sports"))) {
		json_t *certs = club_certificates_for(rq->db, sid, api_text_at(club, "sport"));
		if (!certs)
			return -1;
		int valid = 0;
		size_t i;
		json_t *ct;
		json_array_foreach(certs, i, ct) valid |=
			club_certificate_valid(day, api_date_at(ct, "issued_on"), api_date_at(ct, "valid_until"));
		json_t *p = NULL;
		if (!club_join_allowed(1, valid))
			p = reply_add_error(rq, "club_certificate_missing", "CLB-3", "student_id");
		if (p && json_array_size(certs))
			json_object_set_new(p, "expired", json_true());
		json_decref(certs);
	}
	/* CLB-5: the club's sessions come after the student's lessons */
	json_t *slots = club_schedule_of(rq->db, api_int_at(club, "id"));
	if (!slots)
		return -1;
	size_t i;
	json_t *s;
	json_array_foreach(slots, i, s) {
		int clash = slot_clashes(rq, sid, api_int_at(club, "academic_year_id"), s);
		if (clash < 0) {
			json_decref(slots);
			return -1;
		}
		if (clash) {
			reply_add_error(rq, "club_session_during_lessons", "CLB-5", "student_id");
			break;
		}
	}
	json_decref(slots);
	return 0;
}

int api_club_member_add(struct req *rq)
{
	int64_t school;
	if (club_write_begin(rq, rq->params[0], club_may_lead, member_fields, NULL, &school))
		return rq->status;
	char on[DATE_TEXT_SIZE];
	if (body_str(rq, "joined_on"))
		snprintf(on, sizeof on, "%s", body_str(rq, "joined_on"));
	else
		elective_today(on);
	json_t *c = club_get(rq->db, rq->params[0]);
	json_t *student = c ? students_get(rq->db, body_int(rq, "student_id", 0)) : NULL;
	if (!student) {
		json_decref(c);
		if (c)
			reply_add_error(rq, "dangling_reference", NULL, "student_id");
		return api_rollback_errors(rq, 422);
	}
	int rc = check_join(rq, c, student, on);
	int64_t sid = api_int_at(student, "id");
	json_decref(c);
	json_decref(student);
	if (rc != 0 || reply_has_errors(rq))
		return api_rollback_errors(rq, rc != 0 ? 500 : 422);
	int64_t id = 0;
	rc = club_member_insert(rq->db, rq->params[0], sid, on, rq->user.id, &id);
	if (rc == DB_CONSTRAINT) {
		/* the open membership's unique index: a concurrent join got there first (CLB-2) */
		reply_add_error(rq, "club_already_member", "CLB-2", "student_id");
		return api_rollback_errors(rq, 422);
	}
	json_t *after = rc == DB_OK ? club_member_get(rq->db, id) : NULL;
	return club_write_end(rq, school, "create", "club_member", id, NULL, json_incref(after), 201, after);
}

/* The membership `id` and its club (*club) when the user may lead the club. */
static json_t *member_for(struct req *rq, json_t **club)
{
	json_t *m = club_member_get(rq->db, rq->params[0]);
	if (!m) {
		if (rq->db->lost)
			reply_db_failure(rq);
		else
			reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	*club = club_for(rq, api_int_at(m, "club_id"));
	if (!*club) {
		json_decref(m);
		return NULL;
	}
	if (!club_may_lead(rq, *club)) {
		json_decref(m);
		json_decref(*club);
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	return m;
}

static const char *const member_statuses[] = {"active", "ill", "sanatorium", NULL};
static const struct field_spec member_status_fields[] = {
	{.name = "status", .type = FIELD_ENUM, .required = 1, .values = member_statuses},
	{.name = "status_note", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 500},
	{.name = NULL},
};

static const struct field_spec leave_fields[] = {
	{.name = "left_on", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};

/* A change of a membership that has not ended: its status (CLB-4) or its leave on
 * `left_on` (CLB-2, not before it began). */
static int member_change(struct req *rq, int leave)
{
	json_t *club, *m = member_for(rq, &club);
	if (!m)
		return rq->status;
	int64_t school = api_int_at(club, "school_id");
	json_decref(club);
	if (!validate_body(rq, leave ? leave_fields : member_status_fields, VALIDATE_CREATE)) {
		if (json_is_string(json_object_get(m, "left_on")))
			reply_add_error(rq, "club_member_left", NULL, leave ? "left_on" : "status");
		else if (leave && strcmp(body_str(rq, "left_on"), api_text_at(m, "joined_on")) < 0)
			reply_add_error(rq, "club_left_before_joined", NULL, "left_on");
	}
	json_decref(m);
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int64_t id = rq->params[0];
	json_t *before = club_member_get(rq->db, id);
	int rc = !before ? DB_ERROR
	       : leave	 ? club_member_leave(rq->db, id, body_str(rq, "left_on"))
			 : club_member_status(rq->db, id, body_str(rq, "status"), body_str(rq, "status_note"));
	json_t *after = rc == DB_OK ? club_member_get(rq->db, id) : NULL;
	return club_write_end(rq, school, leave ? "leave" : "update", "club_member", id, before, json_incref(after), 200,
			      after);
}

/* CLB-4: an ill member or one in a sanatorium keeps the place: a status, not a leave. */
int api_club_member_update(struct req *rq)
{
	return member_change(rq, 0);
}

/* CLB-2: a member leaves (changes club) during the year; the membership stays in the
 * history with its dates. */
int api_club_member_leave(struct req *rq)
{
	return member_change(rq, 1);
}

/* --- a student's clubs and certificates --- */

/* The student `id` when the user may read them; NULL after replying. */
static json_t *student_for(struct req *rq)
{
	json_t *s = students_get(rq->db, rq->params[0]);
	if (!s) {
		if (rq->db->lost)
			reply_db_failure(rq);
		else
			reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	if (!rights_read_student(rq, api_int_at(s, "id"), api_int_at(s, "school_id"), api_int_at(s, "person_id"))) {
		json_decref(s);
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	return s;
}

const char *club_survey_respondent(struct req *rq, json_t *student)
{
	if (!rq->user.person_id)
		return NULL;
	if (rq->user.role == ROLE_STUDENT && rq->user.person_id == api_int_at(student, "person_id"))
		return "student";
	if (rq->user.role == ROLE_PARENT &&
	    representatives_is_linked(rq->db, api_int_at(student, "id"), rq->user.person_id) == 1)
		return "representative";
	return NULL;
}

/* For the student or a representative reading: this quarter's survey (CLB-8) — `survey`
 * {quarter, from, to} (null outside the quarters) and on each current membership
 * `survey_answered_on`, the day this user answered (null: not yet). DB_OK or an rc. */
static int add_own_survey(struct req *rq, json_t *out, json_t *clubs, int64_t year)
{
	char today[DATE_TEXT_SIZE], from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], on[DATE_TEXT_SIZE];
	int quarter = 0;
	elective_today(today);
	int rc = club_quarter_of(rq->db, year, today, &quarter, from, to);
	if (rc != DB_OK)
		return rc;
	json_object_set_new(out, "survey", quarter ? json_pack("{s:i, s:s, s:s}", "quarter", quarter, "from", from,
							       "to", to)
						   : json_null());
	size_t i;
	json_t *m;
	json_array_foreach(clubs, i, m) {
		if (!quarter || !json_is_null(json_object_get(m, "left_on")))
			continue;
		rc = club_survey_answered(rq->db, api_int_at(m, "club_id"), rq->params[0], rq->user.id, from, to, on);
		if (rc < 0)
			return rc;
		json_object_set_new(m, "survey_answered_on", rc == DB_ROW ? json_string(on) : json_null());
	}
	return DB_OK;
}

int api_student_clubs(struct req *rq)
{
	json_t *s = student_for(rq);
	if (!s)
		return rq->status;
	int64_t year = years_current(rq->db, api_int_at(s, "school_id"));
	if (api_int_at(s, "class_id"))
		db_query_int64(rq->db, &year, "SELECT academic_year_id FROM classes WHERE id = $1", "i",
			       api_int_at(s, "class_id"));
	int family = club_survey_respondent(rq, s) != NULL;
	json_decref(s);
	json_t *clubs = club_memberships_of_student(rq->db, rq->params[0], year);
	json_t *results = clubs ? club_results_of(rq->db, 0, rq->params[0]) : NULL;
	json_t *certs = results ? club_certificates_of(rq->db, rq->params[0]) : NULL;
	if (!certs) {
		json_decref(clubs);
		json_decref(results);
		return reply_db_failure(rq);
	}
	json_t *out = json_pack("{s:I, s:o, s:o, s:o}", "student_id", (json_int_t)rq->params[0], "clubs", clubs,
				"results", results, "certificates", certs);
	if (family && add_own_survey(rq, out, clubs, year) != DB_OK) {
		json_decref(out);
		return reply_db_failure(rq);
	}
	return reply_json(rq, 200, out);
}

int api_student_certificates(struct req *rq)
{
	json_t *s = student_for(rq);
	if (!s)
		return rq->status;
	json_decref(s);
	json_t *items = club_certificates_of(rq->db, rq->params[0]);
	return items ? reply_list(rq, items, (int64_t)json_array_size(items), -1) : reply_db_failure(rq);
}

static const struct field_spec certificate_fields[] = {
	{.name = "sport", .type = FIELD_STRING, .required = 1, .max_len = 60},
	{.name = "issued_on", .type = FIELD_DATE, .required = 1},
	{.name = "valid_until", .type = FIELD_DATE, .required = 1},
	{.name = "note", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 500},
	{.name = NULL},
};

/* CLB-3: the certificates are entered by the director, the deputy for upbringing or
 * the curator of the student's class (docs/clubs.md: the schema has no nurse's role). */
int api_student_certificate_create(struct req *rq)
{
	json_t *s = students_get(rq->db, rq->params[0]);
	if (!s)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	int64_t school = api_int_at(s, "school_id"), cls = api_int_at(s, "class_id");
	json_decref(s);
	int may = (rq->user.role & (ROLE_DIRECTOR | ROLE_DEPUTY_UPBRINGING)) && rq->user.school_id == school;
	if (!may && rq->user.role == ROLE_TEACHER && cls) {
		int64_t me = elective_my_staff(rq, school), curator = 0;
		db_query_int64(rq->db, &curator, "SELECT COALESCE(curator_id, 0) FROM classes WHERE id = $1", "i", cls);
		may = me && me == curator;
	}
	if (!may)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, certificate_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (strcmp(body_str(rq, "valid_until"), body_str(rq, "issued_on")) < 0)
		reply_add_error(rq, "club_certificate_dates", "CLB-3", "valid_until");
	elective_not_future(rq, "issued_on");
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	int64_t id = 0;
	int rc = club_certificate_insert(rq->db, rq->params[0], rq->json, rq->user.id, &id);
	json_t *reply = rc == DB_OK ? json_deep_copy(rq->json) : NULL;
	if (reply) {
		json_object_set_new(reply, "id", json_integer(id));
		json_object_set_new(reply, "student_id", json_integer(rq->params[0]));
	}
	return club_write_end(rq, school, "create", "medical_certificate", id, NULL, json_incref(reply), 201, reply);
}
