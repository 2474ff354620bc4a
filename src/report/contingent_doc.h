/* contingent_doc (report) — the monthly contingent report (issue 7; EXT-9, LV-6, EXT-10,
 * LV-7) as a document description for report/pdf.h: per school, the students by grade,
 * language and funding with totals, then the month's externship students and students
 * on academic leave with class, language, funding, period and order. Pure. */
#ifndef MEKTEP_REPORT_CONTINGENT_DOC_H
#define MEKTEP_REPORT_CONTINGENT_DOC_H

#include <jansson.h>

#include "core/lang.h"

/* The blocks of the report of store/contingent.h, headings in `l`. */
json_t *contingent_doc(json_t *report, enum lang l);

#endif
