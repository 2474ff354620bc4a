/* movement_pdf (report) — the movement book's documents of one case as PDF files, read
 * from the database: the application's form, the director's order, the externship's
 * consultation schedule (report/movement_docs.h says what each holds). The entry points
 * other parts call — the API's downloads and the mail that sends the order's copy. They
 * do not check rights: the caller does. */
#ifndef MEKTEP_REPORT_MOVEMENT_PDF_H
#define MEKTEP_REPORT_MOVEMENT_PDF_H

#include <stddef.h>
#include <stdint.h>

#include "core/lang.h"
#include "store/db.h"

enum movement_pdf_rc {
	MOVEMENT_PDF_OK = 0,
	MOVEMENT_PDF_ERROR = -1,          /* the database or the renderer failed */
	MOVEMENT_PDF_NOT_FOUND = -2,      /* no such case */
	MOVEMENT_PDF_NO_ORDER = -3,       /* the case has no order yet */
	MOVEMENT_PDF_NOT_EXTERNSHIP = -4, /* a schedule for a case that is not an externship */
};

/* The application of case `case_id` (A1 form 1 or 2, A2 form 1 or 2) in `lang`: *out
 * gets a malloc'd PDF of *len bytes (free() it). MOVEMENT_PDF_OK or an error above. */
int movement_form_pdf(struct db *db, int64_t case_id, enum lang lang, char **out, size_t *len);

/* The director's order of case `case_id` in `lang`, once the case is ordered; as above. */
int movement_order_pdf(struct db *db, int64_t case_id, enum lang lang, char **out, size_t *len);

/* A1 form 3, the individual consultation schedule of an externship case: a page for each
 * academic year the school recorded (store/externship_plan.h), with its approving order
 * or "draft"; while it recorded none, a page with empty rows to fill in; as above. */
int movement_schedule_pdf(struct db *db, int64_t case_id, enum lang lang, char **out, size_t *len);

#endif
