/* xlsx (report) — the reports as spreadsheets, the files schools live in
 * (libxlsxwriter): the monthly contingent report (issue 7) with its sheets — students by
 * grade, language and funding per school, the externship students, the students on
 * academic leave — with headings in the reader's language. */
#ifndef MEKTEP_REPORT_XLSX_H
#define MEKTEP_REPORT_XLSX_H

#include <jansson.h>

#include "core/lang.h"
#include "util/buf.h"

/* Writes the report of store/contingent.h as an .xlsx file into out. 0, or -1. */
int xlsx_contingent(json_t *report, enum lang lang, struct buf *out);

#endif
