/* users — queries for accounts and sessions. */
#include "store/users.h"

#include <stdio.h>
#include <string.h>

int users_create(struct db *db, const char *login, const char *password_hash, enum role role,
		 int64_t school_id, int64_t person_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	struct db_stmt *st = db_prepare(db,
		"INSERT INTO users (login, password_hash, role, school_id, person_id, created_at)"
		" VALUES ($1, $2, $3, $4, $5, $6) RETURNING id");
	if (!st)
		return DB_ERROR;
	db_bind_text(st, 1, login);
	db_bind_text(st, 2, password_hash);
	db_bind_text(st, 3, role_code(role));
	if (school_id)
		db_bind_int64(st, 4, school_id);
	else
		db_bind_null(st, 4);
	if (person_id)
		db_bind_int64(st, 5, person_id);
	else
		db_bind_null(st, 5);
	db_bind_text(st, 6, now);
	int rc = db_step(st);
	if (rc == DB_ROW && id_out)
		*id_out = db_col_int64(st, 0);
	db_done(st);
	return rc == DB_ROW ? DB_OK : rc;
}

static void read_user(struct db_stmt *st, struct user *u)
{
	memset(u, 0, sizeof *u);
	u->id = db_col_int64(st, 0);
	snprintf(u->login, sizeof u->login, "%s", db_col_text(st, 1));
	u->role = role_from_code(db_col_text(st, 2));
	u->school_id = db_col_is_null(st, 3) ? 0 : db_col_int64(st, 3);
	u->person_id = db_col_is_null(st, 4) ? 0 : db_col_int64(st, 4);
	int lang = lang_from_code(db_col_text(st, 5));
	u->lang = lang < 0 ? LANG_KK : (enum lang)lang;
}

int users_find_login(struct db *db, const char *login, struct user *u, struct user_secret *secret)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT id, login, role, school_id, person_id, lang, password_hash, failed_logins,"
		" locked_until, active FROM users WHERE login = $1");
	if (!st)
		return DB_ERROR;
	db_bind_text(st, 1, login);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		read_user(st, u);
		snprintf(secret->password_hash, sizeof secret->password_hash, "%s", db_col_text(st, 6));
		secret->failed_logins = (int)db_col_int64(st, 7);
		const char *locked = db_col_text(st, 8);
		snprintf(secret->locked_until, sizeof secret->locked_until, "%s", locked ? locked : "");
		secret->active = (int)db_col_int64(st, 9);
	}
	db_done(st);
	return rc;
}

int users_note_failure(struct db *db, int64_t user_id, int failed_logins, const char *locked_until)
{
	int rc = db_run(db, "UPDATE users SET failed_logins = $1, locked_until = $2 WHERE id = $3",
			"isi", (int64_t)failed_logins, locked_until, user_id);
	return rc == DB_DONE ? DB_OK : rc;
}

int users_note_success(struct db *db, int64_t user_id)
{
	int rc = db_run(db, "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1",
			"i", user_id);
	return rc == DB_DONE ? DB_OK : rc;
}

int users_set_lang(struct db *db, int64_t user_id, enum lang lang)
{
	int rc = db_run(db, "UPDATE users SET lang = $1 WHERE id = $2", "si", lang_code(lang), user_id);
	return rc == DB_DONE ? DB_OK : rc;
}

int sessions_create(struct db *db, const char *token_hash, int64_t user_id, const char *expires_at)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "INSERT INTO sessions (token_hash, user_id, created_at, expires_at)"
			    " VALUES ($1, $2, $3, $4)",
			"siss", token_hash, user_id, now, expires_at);
	return rc == DB_DONE ? DB_OK : rc;
}

int sessions_find(struct db *db, const char *token_hash, const char *now, struct user *u)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT u.id, u.login, u.role, u.school_id, u.person_id, u.lang"
		" FROM sessions s JOIN users u ON u.id = s.user_id"
		" WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = 1");
	if (!st)
		return DB_ERROR;
	db_bind_text(st, 1, token_hash);
	db_bind_text(st, 2, now);
	int rc = db_step(st);
	if (rc == DB_ROW)
		read_user(st, u);
	db_done(st);
	return rc;
}

int sessions_delete(struct db *db, const char *token_hash)
{
	int rc = db_run(db, "DELETE FROM sessions WHERE token_hash = $1", "s", token_hash);
	return rc == DB_DONE ? DB_OK : rc;
}
