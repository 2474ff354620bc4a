/* audit — reading the audit log: the network office sees everything, a director
 * their school's entries. */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "store/audit.h"

int api_audit_list(struct req *rq)
{
	int64_t limit, offset, total = 0, id = 0;
	if (validate_paging(rq, 50, 500, &limit, &offset))
		return reply_errors(rq, 400);
	const char *entity = req_query(rq, "entity");
	const char *id_text = req_query(rq, "id");
	if (entity && (strlen(entity) > 40 || !*entity))
		return reply_error(rq, 400, "bad_query", NULL, "entity");
	if (id_text) {
		char *end = NULL;
		id = strtoll(id_text, &end, 10);
		if (!end || *end || id <= 0)
			return reply_error(rq, 400, "bad_query", NULL, "id");
	}
	int64_t school = (rq->user.role & ROLES_NETWORK) ? 0 : rq->user.school_id;
	json_t *items = audit_list(rq->db, entity, id, school, limit, offset, &total);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, total, offset + limit < total ? offset + limit : 0);
}
