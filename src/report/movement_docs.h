/* movement_docs (report) — the regulation's documents of the movement book as the
 * descriptions report/pdf.h draws: the applications of appendix 1 (A1 form 1, the
 * externship; A1 form 2, the early return from it), the individual consultation schedule
 * (A1 form 3), the applications of appendix 2 (A2 form 1, the academic leave; A2 form 2,
 * the return from it) and the director's order for each kind, in Kazakh (the
 * regulation's words), Russian and English. The text of every form is in one table per
 * language in movement_docs.c; pure — the data comes from the caller.
 *
 * `data` is {"case": a case of store/movement.h, "student": a student of
 * store/people.h (names, "class": {"label","language"}, "funding"), "school": a school of
 * store/org.h ("name", "city": {kk,ru,en}), "representative": a person or null (the
 * parent who signs the application), "director": a person or null (whom an application
 * is addressed to, who signs the order)}. A missing value is left as a blank line to fill
 * in by hand, as on the paper form.
 */
#ifndef MEKTEP_REPORT_MOVEMENT_DOCS_H
#define MEKTEP_REPORT_MOVEMENT_DOCS_H

#include <jansson.h>

#include "core/lang.h"

/* The application of the case's kind (externship: A1 form 1, externship_return: A1 form
 * 2, academic_leave: A2 form 1, leave_return: A2 form 2). NULL for an unknown kind. */
json_t *movement_doc_application(json_t *data, enum lang l);

/* The director's order of the case (its number, date, the student, class, period,
 * ground, the council's decision with its protocol). NULL for an unknown kind. */
json_t *movement_doc_order(json_t *data, enum lang l);

/* A1 form 3: the externship student's individual schedule of remote consultations —
 * subject, date, topic, the day the summative work is sent, the day it comes back, a
 * note — one page for each academic year of data's "schedules" ([{"year" (its name),
 * "order": null | {"number","date"} (the director's approval), "rows":
 * [{"subject","date","topic","sent_on","received_on","note"}]}]), or, while the school
 * has recorded none, one with `empty_rows` empty rows to fill in by hand. */
json_t *movement_doc_schedule(json_t *data, enum lang l, int empty_rows);

#endif
