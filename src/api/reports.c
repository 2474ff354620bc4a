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
#include "report/pdf.h"
#include "report/xlsx.h"
#include "store/contingent.h"
#include "store/db.h"

/* The report as a PDF named after its month; takes the report. */
static int reply_report_pdf(struct req *rq, json_t *report, struct date month)
{
	json_t *blocks = contingent_doc(report, rq->lang);
	json_decref(report);
	struct buf file = BUF_INIT;
	int rc = pdf_render(blocks, &file, NULL);
	json_decref(blocks);
	if (rc != 0) {
		buf_release(&file);
		return reply_error(rq, 500, "internal", NULL, NULL);
	}
	char name[40];
	snprintf(name, sizeof name, "contingent-%04d-%02d.pdf", month.y, month.m);
	size_t len;
	char *data = buf_detach(&file, &len);
	return api_reply_pdf(rq, data, len, name);
}

/* GET /reports/contingent?school=&month=YYYY-MM&format=json|xlsx|pdf. The network office and
 * the contingent unit: a school or, without `school`, the network; a school's director
 * and deputies: their school. */
int api_report_contingent(struct req *rq)
{
	const char *school_text = req_query(rq, "school"), *month = req_query(rq, "month"),
		   *format = req_query(rq, "format");
	int64_t school = 0;
	if (school_text) {
		char *end;
		long long v = strtoll(school_text, &end, 10);
		if (*end || v <= 0)
			return reply_error(rq, 400, "bad_query", NULL, "school");
		school = v;
	}
	int xlsx = format && strcmp(format, "xlsx") == 0, pdf = format && strcmp(format, "pdf") == 0;
	if (format && !xlsx && !pdf && strcmp(format, "json") != 0)
		return reply_error(rq, 400, "bad_query", NULL, "format");
	struct date first, today = api_today();
	if (month) {
		char text[16];
		snprintf(text, sizeof text, "%s-01", month);
		if (strlen(month) != 7 || date_parse(text, &first) != 0)
			return reply_error(rq, 400, "bad_query", NULL, "month");
	} else {
		first = (struct date){today.y, today.m, 1};
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
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
	date_format(first, from);
	date_format((struct date){first.y, first.m, date_days_in_month(first.y, first.m)}, to);
	json_t *report = contingent_report(rq->db_read, school, from, to);
	if (!report)
		return reply_db_failure(rq);
	if (pdf)
		return reply_report_pdf(rq, report, first);
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
