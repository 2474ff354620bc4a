/* csv — reading RFC 4180 text record by record: fields separated by commas, records
 * by CRLF or LF; a field in double quotes may hold commas, line breaks and "" for one
 * quote. A UTF-8 byte order mark at the start (spreadsheet exports) and blank lines
 * are skipped. Used for uploads (КТЖ topics); input is untrusted and bounded by the
 * caller (the request body limit).
 *
 *     struct csv c = CSV_INIT(data, len);
 *     struct csv_record r;
 *     int rc;
 *     while ((rc = csv_next(&c, &r)) == 1) {
 *             use(r.field[0], r.n, r.line);
 *             csv_record_clear(&r);
 *     }
 *     if (rc < 0) report(c.line);
 */
#ifndef MEKTEP_UTIL_CSV_H
#define MEKTEP_UTIL_CSV_H

#include <stddef.h>

#define CSV_MAX_FIELDS 16

struct csv {
	const char *data; /* the text, not owned; need not be NUL-terminated */
	size_t len;
	size_t pos;       /* where the next record starts */
	size_t line;      /* the line a record starts on (1-based), or where an error is */
};
#define CSV_INIT(data, len) {(data), (len), 0, 1}

/* One record: n fields, each a malloc'd NUL-terminated string owned by the record. */
struct csv_record {
	size_t n;
	char *field[CSV_MAX_FIELDS];
	size_t line; /* the line it starts on, 1-based */
};

/* Reads the next record into *r. Returns 1 with a record (release it with
 * csv_record_clear), 0 at the end of the text, -1 when the text is not CSV (an
 * unterminated quote, a quote inside an unquoted field, text after a closing quote,
 * more than CSV_MAX_FIELDS fields): c->line then names the line the record starts on,
 * and *r is empty. */
int csv_next(struct csv *c, struct csv_record *r);
/* Frees the fields; the record is empty afterwards. */
void csv_record_clear(struct csv_record *r);

#endif
