/* reply — JSON replies, lists and the one error shape, in the request's language. */
#include "http/reply.h"

#include <string.h>

#include "store/db.h"
#include "util/buf.h"

int reply_json(struct req *rq, int status, json_t *body)
{
	json_decref(rq->reply);
	rq->reply = body;
	rq->status = status;
	return status;
}

int reply_json_text(struct req *rq, int status, struct buf *text)
{
	json_decref(rq->reply);
	rq->reply = NULL;
	buf_release(&rq->raw);
	rq->raw = *text;
	buf_init(text);
	rq->raw_type = "application/json; charset=utf-8";
	rq->status = status;
	return status;
}

int reply_list(struct req *rq, json_t *items, int64_t total, int64_t next_offset)
{
	json_t *body = json_object();
	json_object_set_new(body, "items", items);
	json_object_set_new(body, "total", json_integer(total));
	if (next_offset > 0) {
		char cursor[24];
		snprintf(cursor, sizeof cursor, "%lld", (long long)next_offset);
		json_object_set_new(body, "next", json_string(cursor));
	} else {
		json_object_set_new(body, "next", json_null());
	}
	return reply_json(rq, 200, body);
}

/* The message of `code` with {field} replaced by the field's name. */
static json_t *message_for(const char *code, enum lang lang, const char *field)
{
	const char *text = i18n_message(code, lang);
	const char *mark = strstr(text, "{field}");
	if (!mark)
		return json_string(text);
	struct buf b = BUF_INIT;
	buf_add(&b, text, (size_t)(mark - text));
	char label[160];
	buf_adds(&b, i18n_field_label(field, lang, label, sizeof label));
	buf_adds(&b, mark + strlen("{field}"));
	json_t *s = json_string(b.data);
	buf_release(&b);
	return s;
}

json_t *reply_problem(struct req *rq, const char *code, const char *rule, const char *field)
{
	json_t *e = json_object();
	json_object_set_new(e, "code", json_string(code));
	json_object_set_new(e, "rule", rule ? json_string(rule) : json_null());
	json_object_set_new(e, "field", field ? json_string(field) : json_null());
	json_object_set_new(e, "message", message_for(code, rq->lang, field));
	return e;
}

json_t *reply_add_error(struct req *rq, const char *code, const char *rule, const char *field)
{
	if (!rq->errors)
		rq->errors = json_array();
	json_t *e = reply_problem(rq, code, rule, field);
	json_array_append_new(rq->errors, e);
	return e;
}

int reply_has_errors(struct req *rq)
{
	return rq->errors && json_array_size(rq->errors) > 0;
}

int reply_errors(struct req *rq, int status)
{
	if (!reply_has_errors(rq))
		reply_add_error(rq, "internal", NULL, NULL);
	json_t *first = json_array_get(rq->errors, 0);
	json_t *err = json_deep_copy(first);
	json_object_set_new(err, "details", rq->errors);
	rq->errors = NULL;
	return reply_json(rq, status, json_pack("{s:o}", "error", err));
}

int reply_error(struct req *rq, int status, const char *code, const char *rule, const char *field)
{
	reply_add_error(rq, code, rule, field);
	return reply_errors(rq, status);
}

int reply_db_failure(struct req *rq)
{
	if (rq->db && rq->db->lost)
		return reply_error(rq, 503, "db_unavailable", NULL, NULL);
	return reply_error(rq, 500, "internal", NULL, NULL);
}
