/* outbox (api) — GET /outbox: the e-mails Mektep sent or is sending, with their status
 * (queued, sent = accepted by the SMTP server, failed with the server's reason and the
 * next try), for the network office (every school, or ?school=) and a school's
 * director (their own); "smtp_configured" false says that nothing leaves until the
 * server gets its SMTP settings. docs/movement.md, "Mail". */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/roles.h"
#include "mail/mail.h"
#include "store/outbox.h"

int api_outbox_list(struct req *rq)
{
	const char *status = req_query(rq, "status"), *limit_q = req_query(rq, "limit");
	int64_t school = 0;
	if (api_query_id(rq, "school", &school) != 0)
		return rq->status;
	if (status && strcmp(status, "queued") != 0 && strcmp(status, "sent") != 0 && strcmp(status, "failed") != 0)
		return reply_error(rq, 400, "bad_query", NULL, "status");
	long limit = 100;
	if (limit_q) {
		char *end;
		limit = strtol(limit_q, &end, 10);
		if (*end || limit < 1 || limit > 500)
			return reply_error(rq, 400, "bad_query", NULL, "limit");
	}
	if (rq->user.role == ROLE_DIRECTOR) {
		/* a director reads their own school's */
		if (school && school != rq->user.school_id)
			return reply_error(rq, 403, "forbidden", NULL, NULL);
		school = rq->user.school_id;
	}
	json_t *items = outbox_list(rq->db, school, status, (int)limit);
	if (!items)
		return reply_db_failure(rq);
	size_t n = json_array_size(items);
	return reply_json(rq, 200, json_pack("{s:o, s:I, s:n, s:b}", "items", items, "total", (json_int_t)n, "next",
					     "smtp_configured", mail_configured()));
}
