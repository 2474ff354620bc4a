/* outbox (store) — the e-mail outbox's queries; see outbox.h. */
#include "store/outbox.h"

#include <string.h>

#include "store/row.h"

int outbox_enqueue(struct db *db, const struct outbox_message *m, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	struct db_stmt *st = db_prepare(db,
		"INSERT INTO outbox (school_id, case_id, purpose, duty, period, recipients, subject, body, status,"
		" attempts, next_attempt_at, created_at, created_by) VALUES (NULLIF($1, 0), NULLIF($2, 0), $3, $4, $5,"
		" $6, $7, $8, 'queued', 0, $9, $9, NULLIF($10, 0)) RETURNING id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, m->school_id);
	db_bind_int64(st, 2, m->case_id);
	db_bind_text(st, 3, m->purpose);
	db_bind_text(st, 4, m->duty);
	db_bind_text(st, 5, m->duty ? (m->period ? m->period : "") : NULL);
	db_bind_text(st, 6, m->recipients);
	db_bind_text(st, 7, m->subject);
	db_bind_text(st, 8, m->body);
	db_bind_text(st, 9, now);
	db_bind_int64(st, 10, user_id);
	int rc = db_step(st);
	int64_t id = rc == DB_ROW ? db_col_int64(st, 0) : 0;
	db_done(st);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	for (size_t i = 0; i < m->n_attachments; i++) {
		const struct outbox_attachment *a = &m->attachments[i];
		rc = db_run(db, "INSERT INTO outbox_attachments (message_id, position, name, mime_type, size,"
				" content_base64) VALUES ($1, $2, $3, $4, $5, $6)", "iissis", id, (int64_t)i, a->name,
			    a->mime_type, (int64_t)a->size, a->content_base64);
		if (rc < 0)
			return rc;
	}
	if (id_out)
		*id_out = id;
	return DB_OK;
}

/* ["a@x", "b@y"] from "a@x,b@y" */
static json_t *recipients_json(const char *list)
{
	json_t *out = json_array();
	const char *p = list ? list : "";
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		if (n)
			json_array_append_new(out, json_stringn(p, n));
		p += n + (comma != NULL);
	}
	return out;
}

#define MESSAGE_COLUMNS \
	"id, school_id, case_id, purpose, recipients, subject, status, attempts, next_attempt_at, last_error," \
	" created_at, sent_at, body, duty, period"

static json_t *message_row(struct db_stmt *st)
{
	json_t *m = json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "school_id", row_int(st, 1), "case_id",
			      row_int(st, 2), "purpose", row_text(st, 3));
	json_object_set_new(m, "to", recipients_json(db_col_text(st, 4)));
	json_object_set_new(m, "subject", row_text(st, 5));
	json_object_set_new(m, "status", row_text(st, 6));
	json_object_set_new(m, "attempts", row_int(st, 7));
	json_object_set_new(m, "next_attempt_at", row_text(st, 8));
	json_object_set_new(m, "last_error", row_text(st, 9));
	json_object_set_new(m, "created_at", row_text(st, 10));
	json_object_set_new(m, "sent_at", row_text(st, 11));
	return m;
}

static json_t *attachment_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "name", row_text(st, 0), "mime_type", row_text(st, 1), "size",
			 row_int(st, 2));
}

static json_t *attachment_content_row(struct db_stmt *st)
{
	json_t *a = attachment_row(st);
	json_object_set_new(a, "content_base64", row_text(st, 3));
	return a;
}

/* Adds "attachments" to each message; with their content when `content`. 0 or -1. */
static int add_attachments(struct db *db, json_t *list, int content)
{
	size_t i;
	json_t *m;
	json_array_foreach(list, i, m) {
		json_t *a = row_list(db, content
			? "SELECT name, mime_type, size, content_base64 FROM outbox_attachments WHERE message_id = $1 ORDER BY position"
			: "SELECT name, mime_type, size FROM outbox_attachments WHERE message_id = $1 ORDER BY position",
			json_integer_value(json_object_get(m, "id")), content ? attachment_content_row : attachment_row);
		if (!a)
			return -1;
		json_object_set_new(m, "attachments", a);
	}
	return 0;
}

json_t *outbox_list(struct db *db, int64_t school_id, const char *status, int limit)
{
	struct db_stmt *st = db_prepare(db, "SELECT " MESSAGE_COLUMNS " FROM outbox WHERE ($1 = 0 OR school_id = $1)"
					    " AND ($2 = '' OR status = $2) ORDER BY id DESC LIMIT $3");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_text(st, 2, status ? status : "");
	db_bind_int64(st, 3, limit);
	json_t *list = row_collect(st, message_row);
	if (list && add_attachments(db, list, 0) != 0) {
		json_decref(list);
		return NULL;
	}
	return list;
}

static json_t *due_row(struct db_stmt *st)
{
	json_t *m = message_row(st);
	json_object_set_new(m, "body", row_text(st, 12));
	json_object_set_new(m, "duty", row_text(st, 13));
	json_object_set_new(m, "period", row_text(st, 14));
	return m;
}

json_t *outbox_due(struct db *db, const char *now, int limit)
{
	struct db_stmt *st = db_prepare(db, "SELECT " MESSAGE_COLUMNS " FROM outbox WHERE status IN ('queued', 'failed')"
					    " AND next_attempt_at IS NOT NULL AND next_attempt_at <= $1"
					    " ORDER BY next_attempt_at, id LIMIT $2");
	if (!st)
		return NULL;
	db_bind_text(st, 1, now);
	db_bind_int64(st, 2, limit);
	json_t *list = row_collect(st, due_row);
	if (list && add_attachments(db, list, 1) != 0) {
		json_decref(list);
		return NULL;
	}
	return list;
}

int outbox_claim(struct db *db, int64_t id, const char *seen_next_attempt_at, const char *lease_until)
{
	int64_t taken = 0;
	int rc = db_query_int64(db, &taken, "UPDATE outbox SET next_attempt_at = $3 WHERE id = $1 AND next_attempt_at = $2"
					    " AND status IN ('queued', 'failed') RETURNING id",
				"iss", id, seen_next_attempt_at, lease_until);
	if (rc < 0)
		return rc;
	return rc == DB_ROW && taken == id;
}

int outbox_mark_sent(struct db *db, int64_t id, const char *at, const char *today)
{
	if (db_begin_write(db) != DB_OK)
		return DB_ERROR;
	int rc = db_run(db, "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2,"
			    " next_attempt_at = NULL, last_error = NULL WHERE id = $1", "is", id, at);
	/* the duty the delivery meets, once (two messages may meet the same duty) */
	if (rc >= 0)
		rc = db_run(db, "INSERT INTO movement_duties (case_id, code, period, done_on, done_at)"
				" SELECT case_id, duty, period, $2, $3 FROM outbox o WHERE o.id = $1 AND o.duty IS NOT NULL"
				" AND o.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM movement_duties d"
				" WHERE d.case_id = o.case_id AND d.code = o.duty AND d.period = o.period)",
			    "iss", id, today, at);
	if (rc < 0 || db_commit(db) != DB_OK) {
		db_rollback(db);
		return rc < 0 ? rc : DB_ERROR;
	}
	return DB_OK;
}

int outbox_mark_failed(struct db *db, int64_t id, const char *reason, const char *next_attempt_at)
{
	int rc = db_run(db, "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = $2,"
			    " next_attempt_at = $3 WHERE id = $1", "iss", id, reason, next_attempt_at);
	return rc < 0 ? rc : DB_OK;
}
