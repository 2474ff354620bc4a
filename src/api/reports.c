/* reports (api) — the reports the network office and the contingent unit receive: the
 * monthly contingent report of a school or the whole network (issue 7; EXT-9, LV-6,
 * EXT-10, LV-7) as JSON, as an .xlsx file or as a PDF. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/date.h"
#include "report/contingent_doc.h"
#include "report/xlsx.h"
#include "store/contingent.h"
#include "store/db.h"

/* The report as a PDF named after its month (from, 'YYYY-MM-DD'); takes the report. */
static int reply_report_pdf(struct req *rq, json_t *report, const char *from)
{
	json_t *blocks = contingent_doc(report, rq->lang);
	json_decref(report);
	char name[40];
	snprintf(name, sizeof name, "contingent-%.7s.pdf", from);
	return api_reply_blocks_pdf(rq, blocks, name);
}

/* GET /reports/contingent?school=&month=YYYY-MM&format=json|xlsx|pdf. The network office and
 * the contingent unit: a school or, without `school`, the network; a school's director
 * and deputies: their school. */
int api_report_contingent(struct req *rq)
{
	const char *format = req_query(rq, "format");
	int64_t school = 0;
	if (api_query_id(rq, "school", &school) != 0)
		return rq->status;
	int xlsx = format && strcmp(format, "xlsx") == 0, pdf = format && strcmp(format, "pdf") == 0;
	if (format && !xlsx && !pdf && strcmp(format, "json") != 0)
		return reply_error(rq, 400, "bad_query", NULL, "format");
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
	int month = api_query_month(rq, from, to);
	if (month < 0)
		return rq->status;
	if (!month) {
		struct date today = api_today();
		date_format((struct date){today.y, today.m, 1}, from);
		date_format((struct date){today.y, today.m, date_days_in_month(today.y, today.m)}, to);
	}
	if (!(rq->user.role & ROLES_NETWORK)) {
		/* a school's own report only */
		if (!school)
			school = rq->user.school_id;
		if (!rights_read_school(rq, school) || !(rq->user.role & ROLES_SCHOOL_ADMIN))
			return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	if (school && !api_school_found(rq, school))
		return 0;
	json_t *report = contingent_report(rq->db_read, school, from, to);
	if (!report)
		return reply_db_failure(rq);
	if (pdf)
		return reply_report_pdf(rq, report, from);
	if (!xlsx)
		return reply_json(rq, 200, report);
	struct buf file = BUF_INIT;
	int rc = xlsx_contingent(report, rq->lang, &file);
	json_decref(report);
	if (rc != 0) {
		buf_release(&file);
		return reply_error(rq, 500, "internal", NULL, NULL);
	}
	buf_release(&rq->raw);
	rq->raw = file;
	rq->raw_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	rq->raw_disposition = "attachment; filename=\"contingent.xlsx\"";
	rq->status = 200;
	return 200;
}
