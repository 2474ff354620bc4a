/* request — the state of one HTTP request as the handlers see it, and the signed-in
 * user. Allocated by server.c on the first call for a connection, freed when
 * libmicrohttpd says the request completed; handlers never free it. */
#ifndef MEKTEP_HTTP_REQUEST_H
#define MEKTEP_HTTP_REQUEST_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/roles.h"
#include "http/i18n.h"
#include "store/users.h"
#include "util/buf.h"

struct MHD_Connection;
struct db;

#define REQ_MAX_PARAMS 4

struct req {
	struct MHD_Connection *conn;
	const char *method;
	const char *path;
	int64_t params[REQ_MAX_PARAMS]; /* the {id}s of the route's pattern, in order */
	int n_params;

	struct buf body;        /* the request body as received */
	int body_too_large;     /* set when the body passed the limit: 413 */
	json_t *json;           /* the parsed body, for routes that take one */

	enum lang lang;         /* the reply's language */
	struct db *db;          /* the primary: everything written and read back */
	struct db *db_read;     /* the replica where a lag is harmless; else == db */
	struct user user;       /* valid when signed_in */
	int signed_in;
	char token_hash[65];    /* the session this request came with, when signed in */

	/* the reply */
	int status;
	json_t *reply;          /* owned; sent as the body */
	json_t *errors;         /* a JSON array of error details being collected */
	char *set_cookie;       /* a Set-Cookie header value, malloc'd */
	char retry_after[24];   /* a Retry-After header value, when not empty */
	struct buf raw;         /* a non-JSON body (files), with raw_type */
	const char *raw_type;
	const char *raw_disposition;
	char disposition[128];  /* storage for a raw_disposition made per request */
	const char *cache_control; /* for raw bodies; API replies are no-store */
	int done;               /* the reply is queued */
};

/* A query-string argument, or NULL. */
const char *req_query(struct req *rq, const char *name);
/* A request header, or NULL. */
const char *req_header(struct req *rq, const char *name);
/* A cookie of the request, or NULL. */
const char *req_cookie(struct req *rq, const char *name);

#endif
