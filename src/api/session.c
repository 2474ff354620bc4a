/* session — the health check, sign-in (with slowing down of repeated failures),
 * sign-out and the signed-in user's own page (/me). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/date.h"
#include "http/auth.h"
#include "http/server.h"
#include "store/migrations.h"
#include "store/org.h"
#include "store/people.h"
#include "store/users.h"
#include "util/password.h"

/* After this many failures in a row an account waits before the next attempt:
 * 2 s, then doubling, at most 5 minutes. */
#define LOGIN_FREE_FAILURES 4
#define LOGIN_MAX_WAIT 300

int api_health(struct req *rq)
{
	json_t *body = json_object();
	json_object_set_new(body, "status", json_string("ok"));
	json_object_set_new(body, "engine", json_string(db_engine(rq->db)));
	json_object_set_new(body, "schema", json_integer(migrations_current(rq->db)));
	api_health_replica(rq, body);
	return reply_json(rq, 200, body);
}

static json_t *user_json(struct req *rq, const struct user *u)
{
	json_t *j = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)u->id, "login", u->login,
			      "role", role_code(u->role), "lang", lang_code(u->lang));
	json_object_set_new(j, "school_id", u->school_id ? json_integer(u->school_id) : json_null());
	json_object_set_new(j, "person_id", u->person_id ? json_integer(u->person_id) : json_null());
	json_t *person = u->person_id ? persons_get(rq->db, u->person_id) : NULL;
	json_object_set_new(j, "person", person ? person : json_null());
	return j;
}

static const struct field_spec login_fields[] = {
	{.name = "login", .type = FIELD_STRING, .required = 1, .max_len = 64},
	{.name = "password", .type = FIELD_STRING, .required = 1, .max_len = 200},
	{.name = NULL},
};

int api_login(struct req *rq)
{
	if (validate_body(rq, login_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	const char *login = body_str(rq, "login"), *password = body_str(rq, "password");
	struct user u;
	struct user_secret secret;
	int rc = users_find_login(rq->db, login, &u, &secret);
	if (rc < 0)
		return reply_db_failure(rq);
	if (rc == DB_DONE || !secret.active) {
		password_verify_dummy(password);
		return reply_error(rq, 401, "invalid_credentials", NULL, NULL);
	}
	char now[21];
	db_now_utc(now);
	if (secret.locked_until[0] && strcmp(secret.locked_until, now) > 0) {
		struct tm tm = {0};
		strptime(secret.locked_until, "%Y-%m-%dT%H:%M:%SZ", &tm);
		long wait = (long)(timegm(&tm) - time(NULL));
		snprintf(rq->retry_after, sizeof rq->retry_after, "%ld", wait > 0 && wait < 100000 ? wait : 1);
		return reply_error(rq, 429, "login_throttled", NULL, NULL);
	}
	if (!password_verify(secret.password_hash, password)) {
		int failed = secret.failed_logins + 1;
		char until[21] = "";
		if (failed > LOGIN_FREE_FAILURES) {
			int shift = failed - LOGIN_FREE_FAILURES;
			long wait = shift >= 9 ? LOGIN_MAX_WAIT : 1L << shift;
			if (wait > LOGIN_MAX_WAIT)
				wait = LOGIN_MAX_WAIT;
			auth_time_after(wait, until);
		}
		if (users_note_failure(rq->db, u.id, failed, until[0] ? until : NULL) != DB_OK)
			return reply_db_failure(rq);
		return reply_error(rq, 401, "invalid_credentials", NULL, NULL);
	}
	char token[65], hash[65], expires[21];
	auth_token_new(token, hash);
	auth_time_after(AUTH_SESSION_SECONDS, expires);
	if (db_begin_write(rq->db) != DB_OK || users_note_success(rq->db, u.id) != DB_OK ||
	    sessions_create(rq->db, hash, u.id, expires) != DB_OK || db_commit(rq->db) != DB_OK) {
		db_rollback(rq->db);
		return reply_db_failure(rq);
	}
	rq->set_cookie = auth_cookie_set(token);
	rq->signed_in = 1;
	rq->user = u;
	json_t *body = json_pack("{s:s, s:s, s:o}", "token", token, "expires_at", expires, "user",
				 user_json(rq, &u));
	return reply_json(rq, 200, body);
}

int api_logout(struct req *rq)
{
	if (sessions_delete(rq->db, rq->token_hash) != DB_OK)
		return reply_db_failure(rq);
	rq->set_cookie = auth_cookie_clear();
	return reply_json(rq, 200, json_pack("{s:b}", "signed_out", 1));
}

int api_me(struct req *rq)
{
	/* today: the server's date in Kazakhstan (pinned by `serve --today`), so the pages
	 * open the same day and week as the records they show, whatever the device's clock. */
	json_t *body = json_pack("{s:o, s:o}", "user", user_json(rq, &rq->user), "today", api_date_json(api_today()));
	if (rq->user.school_id) {
		json_t *school = schools_get(rq->db, rq->user.school_id);
		json_object_set_new(body, "school", school ? school : json_null());
	}
	if ((rq->user.role & ROLES_SCHOOL_STAFF) && rq->user.person_id) {
		/* The staff record and the classes the user curates, for a teacher's home. */
		int64_t staff = staff_of_person(rq->db, rq->user.person_id, rq->user.school_id);
		json_object_set_new(body, "staff_id", staff ? json_integer(staff) : json_null());
		json_t *curated = staff ? classes_curated_by(rq->db, staff) : NULL;
		json_object_set_new(body, "curated_classes", curated ? curated : json_array());
	}
	if (rq->user.role == ROLE_PARENT && rq->user.person_id) {
		/* A parent may not read the schools, so each child carries its school's names. */
		json_t *children = representatives_children(rq->db, rq->user.person_id);
		size_t i;
		json_t *child;
		json_array_foreach(children, i, child) {
			json_t *school = schools_get(rq->db, json_integer_value(json_object_get(child, "school_id")));
			if (school)
				json_object_set_new(child, "school", json_pack("{s:O, s:O, s:O}", "id",
					json_object_get(school, "id"), "code", json_object_get(school, "code"),
					"name", json_object_get(school, "name")));
			json_decref(school);
		}
		json_object_set_new(body, "children", children ? children : json_array());
	}
	if (rq->user.role == ROLE_STUDENT && rq->user.person_id) {
		int64_t sid = students_of_person(rq->db, rq->user.person_id);
		json_t *student = sid ? students_get(rq->db, sid) : NULL;
		json_object_set_new(body, "student", student ? student : json_null());
	}
	return reply_json(rq, 200, body);
}

static const char *const langs[] = {"kk", "ru", "en", NULL};
static const struct field_spec me_fields[] = {
	{.name = "lang", .type = FIELD_ENUM, .values = langs},
	{.name = NULL},
};

int api_me_update(struct req *rq)
{
	if (validate_body(rq, me_fields, VALIDATE_PATCH))
		return reply_errors(rq, 422);
	const char *lang = body_str(rq, "lang");
	if (lang) {
		rq->user.lang = (enum lang)lang_from_code(lang);
		if (users_set_lang(rq->db, rq->user.id, rq->user.lang) != DB_OK)
			return reply_db_failure(rq);
		rq->lang = rq->user.lang;
	}
	return api_me(rq);
}
