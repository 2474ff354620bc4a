/* validate — checks a JSON request body against a table of the fields it may have,
 * before any handler logic runs: unknown fields, missing ones, wrong types, lengths,
 * ranges, dates, enumerations and UTF-8. Every problem is added to the request's
 * error list, so the user sees them all at once. */
#ifndef MEKTEP_HTTP_VALIDATE_H
#define MEKTEP_HTTP_VALIDATE_H

#include <stdint.h>

#include "http/request.h"

enum field_type {
	FIELD_STRING,   /* text, 1..max_len code points (empty refused unless allow_empty) */
	FIELD_INT,      /* an integer within min..max */
	FIELD_BOOL,
	FIELD_DATE,     /* 'YYYY-MM-DD', a real date */
	FIELD_ENUM,     /* one of `values` */
	FIELD_ID,       /* a positive integer id */
	FIELD_NAMES,    /* {"kk","ru","en"}: three non-empty strings of at most max_len */
	FIELD_ENUM_SET, /* an array of distinct `values`, at least one, at most max_len */
	FIELD_OBJECT,   /* an object checked against `fields` (its required ones required) */
	FIELD_LIST,     /* an array of at most max_len objects (0 = 16), each as FIELD_OBJECT */
};

struct field_spec {
	const char *name;
	enum field_type type;
	int required;            /* on create; PATCH never requires */
	int max_len;             /* FIELD_STRING, FIELD_NAMES: code points; 0 = 200 */
	int64_t min, max;        /* FIELD_INT */
	const char *const *values; /* FIELD_ENUM: NULL-terminated */
	int nullable;            /* JSON null accepted (to clear an optional field) */
	int allow_empty;         /* FIELD_STRING: "" accepted */
	const struct field_spec *fields; /* FIELD_OBJECT, FIELD_LIST: the object's fields */
};

enum validate_mode { VALIDATE_CREATE, VALIDATE_PATCH };

/* Checks rq->json against `specs` (ending with a {NULL} entry). Returns 0 when all is
 * well, else the number of problems added to rq->errors (reply with reply_errors 422,
 * or 400 for the shape problems). A problem inside a FIELD_OBJECT or FIELD_LIST names
 * its path: "assessment.starts_on", "terms[1].ends_on". */
int validate_body(struct req *rq, const struct field_spec *specs, enum validate_mode mode);

/* Reads a paging request: ?limit= (1..max, default def) and ?cursor= (an offset).
 * Returns 0, or adds a bad_query error and returns -1. */
int validate_paging(struct req *rq, int def, int max, int64_t *limit, int64_t *offset);

/* A string field of rq->json, or NULL when absent or null. */
const char *body_str(struct req *rq, const char *name);
/* An integer field of rq->json, or `def` when absent or null. */
int64_t body_int(struct req *rq, const char *name, int64_t def);
/* Whether the body has the field (even as null). */
int body_has(struct req *rq, const char *name);

#endif
