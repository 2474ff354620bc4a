/* json_text — JSON written straight into a buffer; see json_text.h. */
#include "util/json_text.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void jt_str(struct buf *b, const char *s)
{
	if (!s) {
		buf_add(b, "null", 4);
		return;
	}
	buf_addch(b, '"');
	const char *run = s;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(b, run, (size_t)(p - run));
		switch (c) {
		case '"': buf_add(b, "\\\"", 2); break;
		case '\\': buf_add(b, "\\\\", 2); break;
		case '\n': buf_add(b, "\\n", 2); break;
		case '\r': buf_add(b, "\\r", 2); break;
		case '\t': buf_add(b, "\\t", 2); break;
		default: buf_addf(b, "\\u%04x", c); break;
		}
		run = p + 1;
	}
	buf_add(b, run, strlen(run));
	buf_addch(b, '"');
}

void jt_key(struct buf *b, const char *key)
{
	jt_str(b, key);
	buf_addch(b, ':');
}

void jt_int(struct buf *b, int64_t v)
{
	char text[24];
	int n = snprintf(text, sizeof text, "%" PRId64, v);
	buf_add(b, text, (size_t)n);
}

void jt_field_str(struct buf *b, const char *key, const char *s, int first)
{
	if (!first)
		buf_addch(b, ',');
	jt_key(b, key);
	jt_str(b, s);
}

void jt_field_int(struct buf *b, const char *key, int64_t v, int first)
{
	if (!first)
		buf_addch(b, ',');
	jt_key(b, key);
	jt_int(b, v);
}
