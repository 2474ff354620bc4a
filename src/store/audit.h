/* audit — the audit log: who changed what, when, with the record before and after.
 * Written in the same transaction as the change it describes; nothing is deleted. */
#ifndef MEKTEP_STORE_AUDIT_H
#define MEKTEP_STORE_AUDIT_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/* Records one change. `before`/`after` may be NULL (create / delete); they are not
 * taken. user_id 0 means the command line. Returns DB_OK or a negative rc. */
int audit_record(struct db *db, int64_t user_id, int64_t school_id, const char *action,
		 const char *entity, int64_t entity_id, json_t *before, json_t *after);

/* The log of one record (entity and id) or of everything (entity NULL), newest first,
 * limited to school_id unless it is 0. Returns a new JSON array, or NULL on error;
 * *total gets the count. */
json_t *audit_list(struct db *db, const char *entity, int64_t entity_id, int64_t school_id,
		   int64_t limit, int64_t offset, int64_t *total);

#endif
