/* auth — session tokens: made with libsodium's random bytes, given to the client once
 * (cookie and JSON), kept only as a hash; read back from `Authorization: Bearer` or
 * the `mektep_session` cookie. */
#ifndef MEKTEP_HTTP_AUTH_H
#define MEKTEP_HTTP_AUTH_H

#include "http/request.h"

#define AUTH_COOKIE "mektep_session"
#define AUTH_SESSION_SECONDS (14 * 24 * 3600)

/* A new token (64 hex characters) and its hash (64 hex characters). */
void auth_token_new(char token[65], char hash[65]);
/* The hash of a token, as kept in the sessions table. */
void auth_token_hash(const char *token, char hash[65]);
/* Reads the request's token and fills rq->user and rq->signed_in. Returns 0, or a
 * negative db rc when the database failed. */
int auth_identify(struct req *rq);
/* The Set-Cookie value that gives the token to the browser, malloc'd. */
char *auth_cookie_set(const char *token);
/* The Set-Cookie value that removes it, malloc'd. */
char *auth_cookie_clear(void);
/* An instant `seconds` from now as 'YYYY-MM-DDTHH:MM:SSZ'. */
void auth_time_after(long seconds, char out[21]);

#endif
