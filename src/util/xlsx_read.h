/* xlsx_read — reads the first worksheet of an uploaded .xlsx file (a ZIP of XML parts)
 * as CSV text, so that a spreadsheet upload goes through the same checks as a CSV one.
 * Input is untrusted: every size is bounded, a damaged file is an error, never a crash. */
#ifndef MEKTEP_UTIL_XLSX_READ_H
#define MEKTEP_UTIL_XLSX_READ_H

#include <stddef.h>

#include "util/buf.h"

/* The largest part it inflates, and the most cells it reads. */
#define XLSX_MAX_PART (16u << 20)
#define XLSX_MAX_CELLS 200000

/* Appends the first worksheet's rows to csv as RFC 4180 records (CRLF), cells in
 * column order with empty fields for gaps; shared strings and inline strings become
 * their text, numbers and booleans their stored value. Returns 0, or -1 with a static
 * English reason in *why ("not a ZIP file", "no worksheet", …). */
int xlsx_to_csv(const void *data, size_t len, struct buf *csv, const char **why);

#endif
