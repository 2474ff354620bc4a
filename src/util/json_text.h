/* json_text — JSON written straight into a buffer, for the few replies that are too hot
 * to build as jansson trees first (the diary: bench/README.md). Strings are escaped as
 * RFC 8259 asks (quote, backslash, control characters); the text is taken to be valid
 * UTF-8 (it comes from the database, where only validated input goes). */
#ifndef MEKTEP_UTIL_JSON_TEXT_H
#define MEKTEP_UTIL_JSON_TEXT_H

#include <stdint.h>

#include "util/buf.h"

/* "s" quoted and escaped, or null when s is NULL. */
void jt_str(struct buf *b, const char *s);
/* "key": */
void jt_key(struct buf *b, const char *key);
/* An integer. */
void jt_int(struct buf *b, int64_t v);
/* "key": "s" | null, with a comma before unless first. */
void jt_field_str(struct buf *b, const char *key, const char *s, int first);
/* "key": v, with a comma before unless first. */
void jt_field_int(struct buf *b, const char *key, int64_t v, int first);

#endif
