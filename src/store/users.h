/* users — sign-ins and sessions: accounts with a role (and a school, a person),
 * argon2id password hashes, hashed session tokens, failed-login counters. */
#ifndef MEKTEP_STORE_USERS_H
#define MEKTEP_STORE_USERS_H

#include <stdint.h>

#include "core/roles.h"
#include "core/lang.h"
#include "store/db.h"

struct user {
	int64_t id;
	char login[65];
	enum role role;
	int64_t school_id; /* 0 for the network roles */
	int64_t person_id; /* 0 when not linked to a person */
	enum lang lang;    /* the language the user chose */
};

/* What sign-in needs of an account. */
struct user_secret {
	char password_hash[160];
	int failed_logins;
	char locked_until[21]; /* "" when not locked */
	int active;
};

/* Creates an account; *id_out gets its id. DB_CONSTRAINT when the login is taken. */
int users_create(struct db *db, const char *login, const char *password_hash, enum role role,
		 int64_t school_id, int64_t person_id, int64_t *id_out);
/* Finds an account by login: DB_ROW and fills *u and *secret, DB_DONE when none. */
int users_find_login(struct db *db, const char *login, struct user *u, struct user_secret *secret);
/* Records a failed sign-in (count and lock) or a successful one (clears both). */
int users_note_failure(struct db *db, int64_t user_id, int failed_logins, const char *locked_until);
int users_note_success(struct db *db, int64_t user_id);
int users_set_lang(struct db *db, int64_t user_id, enum lang lang);

/* Sessions are kept by the hash of their token, never the token itself. */
int sessions_create(struct db *db, const char *token_hash, int64_t user_id, const char *expires_at);
/* DB_ROW and fills *u when the session exists and has not expired at `now`. */
int sessions_find(struct db *db, const char *token_hash, const char *now, struct user *u);
int sessions_delete(struct db *db, const char *token_hash);

#endif
