/* audit — writes and reads the audit log. */
#include "store/audit.h"

#include <stdlib.h>

int audit_record(struct db *db, int64_t user_id, int64_t school_id, const char *action,
		 const char *entity, int64_t entity_id, json_t *before, json_t *after)
{
	char now[21];
	db_now_utc(now);
	char *b = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *a = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	struct db_stmt *st = db_prepare(db,
		"INSERT INTO audit_log (at, user_id, school_id, action, entity, entity_id,"
		" before_json, after_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
	int rc = DB_ERROR;
	if (st) {
		db_bind_text(st, 1, now);
		if (user_id)
			db_bind_int64(st, 2, user_id);
		else
			db_bind_null(st, 2);
		if (school_id)
			db_bind_int64(st, 3, school_id);
		else
			db_bind_null(st, 3);
		db_bind_text(st, 4, action);
		db_bind_text(st, 5, entity);
		db_bind_int64(st, 6, entity_id);
		db_bind_text(st, 7, b);
		db_bind_text(st, 8, a);
		rc = db_step(st);
		db_done(st);
	}
	free(b);
	free(a);
	return rc == DB_DONE ? DB_OK : rc;
}

static json_t *parse_or_null(const char *text)
{
	if (!text)
		return json_null();
	json_t *v = json_loads(text, 0, NULL);
	return v ? v : json_null();
}

json_t *audit_list(struct db *db, const char *entity, int64_t entity_id, int64_t school_id,
		   int64_t limit, int64_t offset, int64_t *total)
{
	/* One query for both filters: a NULL/0 parameter switches its condition off. */
	if (db_query_int64(db, total,
			   "SELECT COUNT(*) FROM audit_log WHERE ($1 = '' OR entity = $1)"
			   " AND ($2 = 0 OR entity_id = $2) AND ($3 = 0 OR school_id = $3)",
			   "sii", entity ? entity : "", entity_id, school_id) != DB_ROW)
		return NULL;
	struct db_stmt *st = db_prepare(db,
		"SELECT a.id, a.at, a.user_id, u.login, a.school_id, a.action, a.entity, a.entity_id,"
		" a.before_json, a.after_json FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"
		" WHERE ($1 = '' OR a.entity = $1) AND ($2 = 0 OR a.entity_id = $2)"
		" AND ($3 = 0 OR a.school_id = $3) ORDER BY a.id DESC LIMIT $4 OFFSET $5");
	if (!st)
		return NULL;
	db_bind_text(st, 1, entity ? entity : "");
	db_bind_int64(st, 2, entity_id);
	db_bind_int64(st, 3, school_id);
	db_bind_int64(st, 4, limit);
	db_bind_int64(st, 5, offset);
	json_t *items = json_array();
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		json_t *e = json_object();
		json_object_set_new(e, "id", json_integer(db_col_int64(st, 0)));
		json_object_set_new(e, "at", json_string(db_col_text(st, 1)));
		json_object_set_new(e, "user_id", db_col_is_null(st, 2) ? json_null() : json_integer(db_col_int64(st, 2)));
		json_object_set_new(e, "login", db_col_text(st, 3) ? json_string(db_col_text(st, 3)) : json_null());
		json_object_set_new(e, "school_id", db_col_is_null(st, 4) ? json_null() : json_integer(db_col_int64(st, 4)));
		json_object_set_new(e, "action", json_string(db_col_text(st, 5)));
		json_object_set_new(e, "entity", json_string(db_col_text(st, 6)));
		json_object_set_new(e, "entity_id", json_integer(db_col_int64(st, 7)));
		json_object_set_new(e, "before", parse_or_null(db_col_text(st, 8)));
		json_object_set_new(e, "after", parse_or_null(db_col_text(st, 9)));
		json_array_append_new(items, e);
	}
	db_done(st);
	if (rc != DB_DONE) {
		json_decref(items);
		return NULL;
	}
	return items;
}
