/* csv — an RFC 4180 record reader (see csv.h). */
#include "util/csv.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

void csv_record_clear(struct csv_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->field[i]);
	r->n = 0;
}

/* Ends the field in `b` and adds it to r; -1 when r is full. */
static int end_field(struct csv_record *r, struct buf *b)
{
	if (r->n == CSV_MAX_FIELDS) {
		buf_release(b);
		return -1;
	}
	r->field[r->n++] = buf_detach(b, NULL);
	return 0;
}

/* Fails: frees what was read of the record; the error names the record's first line. */
static int fail(struct csv *c, struct csv_record *r, struct buf *b)
{
	buf_release(b);
	c->line = r->line;
	csv_record_clear(r);
	return -1;
}

int csv_next(struct csv *c, struct csv_record *r)
{
	memset(r, 0, sizeof *r);
	if (c->pos == 0 && c->len >= 3 && memcmp(c->data, "\xEF\xBB\xBF", 3) == 0)
		c->pos = 3;
	/* blank lines between records */
	while (c->pos < c->len && (c->data[c->pos] == '\n' || c->data[c->pos] == '\r')) {
		if (c->data[c->pos] == '\n')
			c->line++;
		c->pos++;
	}
	if (c->pos >= c->len)
		return 0;
	r->line = c->line;
	struct buf b = BUF_INIT;
	const char *d = c->data;
	size_t i = c->pos;
	for (;;) {
		/* one field, starting at i */
		if (i < c->len && d[i] == '"') {
			i++;
			for (;;) {
				if (i >= c->len)
					return fail(c, r, &b); /* unterminated quote */
				if (d[i] == '"') {
					if (i + 1 < c->len && d[i + 1] == '"') {
						buf_addch(&b, '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (d[i] == '\n')
					c->line++;
				buf_addch(&b, d[i++]);
			}
			if (i < c->len && d[i] != ',' && d[i] != '\n' && d[i] != '\r')
				return fail(c, r, &b); /* text after the closing quote */
		} else {
			while (i < c->len && d[i] != ',' && d[i] != '\n' && d[i] != '\r') {
				if (d[i] == '"')
					return fail(c, r, &b);
				buf_addch(&b, d[i++]);
			}
		}
		if (end_field(r, &b) != 0)
			return fail(c, r, &b);
		if (i < c->len && d[i] == ',') {
			i++;
			continue;
		}
		/* the end of the record: CRLF, LF, a lone CR, or the end of the text */
		if (i < c->len && d[i] == '\r')
			i++;
		if (i < c->len && d[i] == '\n') {
			i++;
			c->line++;
		}
		c->pos = i;
		return 1;
	}
}
