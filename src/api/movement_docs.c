/* movement_docs (api) — the movement book's documents of a case as PDF downloads (issue
 * 7): the application's form (A1 forms 1–2, A2 forms 1–2), the director's order and the
 * externship's consultation schedule (A1 form 3), in Kazakh, Russian or English
 * (?lang=, the request's language by default). Whoever may read the student's case may
 * download them: the student, their linked parents, the school's staff, network roles. */
#include <stdio.h>
#include <stdlib.h>

#include "api/api.h"
#include "api/handlers.h"
#include "report/movement_pdf.h"
#include "store/movement.h"
#include "store/people.h"

/* 0 when the signed-in user may read case rq->params[0]; else replies 404 or 403 and
 * returns -1. A parent of another child gets 403 whether or not the case exists. */
static int may_read_case(struct req *rq)
{
	json_t *c = movement_case_get(rq->db_read, rq->params[0]);
	int64_t student_id = c ? json_integer_value(json_object_get(c, "student_id")) : 0;
	json_t *st = c ? students_get(rq->db_read, student_id) : NULL;
	int rc = 0;
	if (!st && rq->db_read->lost)
		rc = reply_db_failure(rq);
	else if (!st)
		rc = rq->user.role & (ROLE_PARENT | ROLE_STUDENT) ? reply_error(rq, 403, "forbidden", NULL, NULL)
								 : reply_error(rq, 404, "not_found", NULL, NULL);
	else if (!rights_read_student(rq, student_id, json_integer_value(json_object_get(st, "school_id")),
				      json_integer_value(json_object_get(st, "person_id"))))
		rc = reply_error(rq, 403, "forbidden", NULL, NULL);
	json_decref(c);
	json_decref(st);
	return rc ? -1 : 0;
}

typedef int (*document_fn)(struct db *, int64_t, enum lang, char **, size_t *);

static int document(struct req *rq, document_fn make, const char *name)
{
	int lang = api_document_lang(rq);
	if (lang < 0 || may_read_case(rq) != 0)
		return rq->status;
	char *pdf = NULL;
	size_t len = 0;
	switch (make(rq->db_read, rq->params[0], (enum lang)lang, &pdf, &len)) {
	case MOVEMENT_PDF_OK:
		break;
	case MOVEMENT_PDF_NOT_FOUND:
		return reply_error(rq, 404, "not_found", NULL, NULL);
	case MOVEMENT_PDF_NO_ORDER:
		return reply_error(rq, 409, "order_missing", NULL, NULL);
	case MOVEMENT_PDF_NOT_EXTERNSHIP:
		return reply_error(rq, 409, "not_externship", NULL, NULL);
	default:
		return rq->db_read->lost ? reply_db_failure(rq) : reply_error(rq, 500, "internal", NULL, NULL);
	}
	char filename[64];
	snprintf(filename, sizeof filename, "%s-%lld-%s.pdf", name, (long long)rq->params[0], lang_code(lang));
	return api_reply_pdf(rq, pdf, len, filename);
}

/* GET /applications/{id}/form.pdf */
int api_application_form_pdf(struct req *rq)
{
	return document(rq, movement_form_pdf, "application");
}

/* GET /applications/{id}/order.pdf: 409 order_missing until the director's order */
int api_application_order_pdf(struct req *rq)
{
	return document(rq, movement_order_pdf, "order");
}

/* GET /applications/{id}/schedule.pdf: an externship's case only (409 not_externship) */
int api_application_schedule_pdf(struct req *rq)
{
	return document(rq, movement_schedule_pdf, "schedule");
}
