/* marking (api) — the marking models of ASM-2 as data the network office edits
 * (docs/assessment.md): the list, with the network's default marked, and the save of
 * one model (its weights, formative scale, bands and year weights), checked by
 * core/assess.h before anything is written. */
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/marking.h"

int api_marking_models(struct req *rq)
{
	json_t *list = marking_list(rq->db_read);
	return list ? reply_json(rq, 200, list) : reply_db_failure(rq);
}

static const struct field_spec weight_fields[] = {
	{.name = "formative", .type = FIELD_INT, .required = 1, .min = 0, .max = 100},
	{.name = "section", .type = FIELD_INT, .required = 1, .min = 0, .max = 100},
	{.name = "term", .type = FIELD_INT, .required = 1, .min = 0, .max = 100},
	{.name = NULL},
};
/* The fields the validator checks; "bands" and "year_weights" (arrays of numbers) are
 * checked by marking_model_parse. */
static const struct field_spec model_fields[] = {
	{.name = "code", .type = FIELD_STRING, .required = 1, .max_len = 31},
	{.name = "name", .type = FIELD_NAMES, .required = 1, .max_len = 200},
	{.name = "weights", .type = FIELD_OBJECT, .required = 1, .fields = weight_fields},
	{.name = "summative_pooled", .type = FIELD_BOOL},
	{.name = "formative_max", .type = FIELD_INT, .required = 1, .min = 1, .max = 100},
	{.name = "default", .type = FIELD_BOOL},
	{.name = NULL},
};

static int code_valid(const char *code)
{
	if (!code || !*code)
		return 0;
	for (const char *c = code; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
			return 0;
	return 1;
}

/* PUT /marking-models: saves one model (new or edited) of the network; "default": true
 * makes it the network's model. Schools that name their own model keep it. */
int api_marking_model_put(struct req *rq)
{
	if (!rights_write_network(rq))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	json_t *full = rq->json, *rest = json_copy(full);
	json_t *bands = json_object_get(full, "bands");
	json_object_del(rest, "bands");
	json_object_del(rest, "year_weights");
	rq->json = rest;
	int problems = validate_body(rq, model_fields, VALIDATE_CREATE);
	rq->json = full;
	json_decref(rest);
	if (!bands)
		reply_add_error(rq, "missing_field", NULL, "bands");
	if (problems || !bands)
		return reply_errors(rq, 422);
	const char *code = body_str(rq, "code");
	if (!code_valid(code))
		reply_add_error(rq, "invalid_format", NULL, "code");
	struct marking_model m;
	const char *field = NULL;
	if (marking_model_parse(full, &m, &field) != 0)
		reply_add_error(rq, "marking_model_invalid", "ASM-2", field);
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = marking_get(rq->db, code);
	if (!before && rq->db->lost)
		return api_rollback_errors(rq, 500);
	int rc = DB_OK;
	if (!before) {
		char now[21];
		db_now_utc(now);
		rc = db_run(rq->db, "INSERT INTO marking_models (code, name_kk, name_ru, name_en, definition, updated_at)"
				    " VALUES ($1, '', '', '', '{}', $2)", "ss", code, now);
		rc = rc < 0 ? rc : DB_OK;
	}
	if (rc == DB_OK)
		rc = marking_update(rq->db, full, rq->user.id);
	if (rc == DB_OK && json_is_true(json_object_get(full, "default"))) {
		char now[21];
		db_now_utc(now);
		rc = db_run(rq->db, "UPDATE settings SET value = $1, updated_at = $2, updated_by = NULLIF($3, 0)"
				    " WHERE key = 'marking_model'", "ssi", code, now, rq->user.id);
		rc = rc < 0 ? rc : DB_OK;
	}
	json_t *after = rc == DB_OK ? marking_get(rq->db, code) : NULL;
	if (!after || audit_record(rq->db, rq->user.id, 0, before ? "update" : "create", "marking_model", 0, before,
				   after) != DB_OK) {
		json_decref(before);
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	int status = before ? 200 : 201;
	json_decref(before);
	return api_commit_reply(rq, status, after);
}
