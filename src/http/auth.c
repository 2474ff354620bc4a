/* auth — session tokens and how a request proves who sent it. */
#include "http/auth.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/users.h"

void auth_token_hash(const char *token, char hash[65])
{
	unsigned char digest[32];
	crypto_generichash(digest, sizeof digest, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(hash, 65, digest, sizeof digest);
}

void auth_token_new(char token[65], char hash[65])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(token, 65, raw, sizeof raw);
	auth_token_hash(token, hash);
}

void auth_time_after(long seconds, char out[21])
{
	time_t t = time(NULL) + seconds;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The token of the request: the Bearer header first, then the cookie. Copies at most
 * 64 characters of hex; anything else is no token. */
static int read_token(struct req *rq, char token[65])
{
	const char *auth = req_header(rq, "Authorization");
	const char *value = NULL;
	if (auth && strncasecmp(auth, "Bearer ", 7) == 0)
		value = auth + 7;
	if (!value)
		value = req_cookie(rq, AUTH_COOKIE);
	if (!value || strlen(value) != 64)
		return 0;
	for (int i = 0; i < 64; i++) {
		char c = value[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return 0;
		token[i] = c;
	}
	token[64] = '\0';
	return 1;
}

int auth_identify(struct req *rq)
{
	char token[65];
	rq->signed_in = 0;
	if (!read_token(rq, token))
		return 0;
	char hash[65], now[21];
	auth_token_hash(token, hash);
	db_now_utc(now);
	int rc = sessions_find(rq->db, hash, now, &rq->user);
	if (rc == DB_ROW) {
		rq->signed_in = 1;
		memcpy(rq->token_hash, hash, sizeof hash);
		return 0;
	}
	return rc == DB_DONE ? 0 : rc;
}

char *auth_cookie_set(const char *token)
{
	char *s = NULL;
	if (asprintf(&s, AUTH_COOKIE "=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Strict", token,
		     AUTH_SESSION_SECONDS) < 0)
		return NULL;
	return s;
}

char *auth_cookie_clear(void)
{
	return strdup(AUTH_COOKIE "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
}
