/* reply — how a handler answers: JSON bodies, the one error shape of the API, and
 * lists. A handler returns the HTTP status that these helpers return, e.g.
 *     if (!student) return reply_error(rq, 404, "not_found", NULL, NULL);
 *     return reply_json(rq, 200, student);
 *
 * Error shape: {"error": {"code", "rule", "message", "field", "details": [...]}} —
 * `details` lists every problem found, the top-level fields repeat the first. */
#ifndef MEKTEP_HTTP_REPLY_H
#define MEKTEP_HTTP_REPLY_H

#include <jansson.h>
#include <stdint.h>

#include "http/request.h"

/* Sends `body` (the reply takes the reference) with the status; returns the status. */
int reply_json(struct req *rq, int status, json_t *body);
/* Replies `status` with JSON already written as text (util/json_text.h), which it takes
 * from `text` (left empty): for the hottest replies, built without a jansson tree. */
int reply_json_text(struct req *rq, int status, struct buf *text);
/* A list: {"items": items, "total": total, "next": cursor or null}. Takes `items`. */
int reply_list(struct req *rq, json_t *items, int64_t total, int64_t next_offset);
/* One problem as the API shows it, {"code", "rule", "field", "message"} with the
 * message in the request's language; `rule` and `field` may be NULL. A new reference,
 * for replies that list problems without being an error (a report). */
json_t *reply_problem(struct req *rq, const char *code, const char *rule, const char *field);
/* Adds one problem (reply_problem) to the request's error list and returns it
 * (borrowed, valid until the reply is sent) for a caller that adds more keys. */
json_t *reply_add_error(struct req *rq, const char *code, const char *rule, const char *field);
/* Whether any problem was added. */
int reply_has_errors(struct req *rq);
/* Sends the collected problems with the status (400, 409, 422 …). */
int reply_errors(struct req *rq, int status);
/* One problem, sent at once: reply_add_error + reply_errors. */
int reply_error(struct req *rq, int status, const char *code, const char *rule, const char *field);
/* 503 when the database is gone or busy, 500 otherwise; for a failed store call. */
int reply_db_failure(struct req *rq);

#endif
