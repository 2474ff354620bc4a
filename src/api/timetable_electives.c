/* timetable_electives — the API of a version's elective blocks (TT-4, A3§10: elective
 * courses run by the timetable; ELE-3): the clashes of hand-placed lessons with them
 * (called by timetable.c's save and approval) and the room of a meeting in a draft
 * (PATCH /timetables/{id}/elective-entries/{entry}). GET /timetables/{id} shows them
 * (timetable.c). docs/timetable.md, "Elective blocks". */
#include "api/timetable_electives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/timetable_blocks.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/timetable.h"
#include "store/timetable_electives.h"

long api_add_block_clashes(struct req *rq, int64_t timetable_id, const struct tt_entry *e, size_t n,
			   const long *origin, size_t cap)
{
	struct tt_block *b = NULL;
	size_t nb = 0;
	if (timetable_blocks_load(rq->db, timetable_id, &b, &nb) != DB_OK)
		return -1;
	if (nb == 0)
		return 0;
	struct tt_block_clash *c = calloc(cap ? cap : 1, sizeof *c);
	if (!c) {
		free(b);
		return -1;
	}
	size_t found = tt_check_block_clashes(e, n, b, nb, c, cap);
	for (size_t i = 0; i < found && i < cap; i++) {
		long at = origin ? origin[c[i].entry] : -1;
		char field[32];
		if (at >= 0)
			snprintf(field, sizeof field, "entries[%ld]", at);
		json_t *d = reply_add_error(rq, c[i].code, "TT-4", at >= 0 ? field : NULL);
		json_object_set_new(d, "entries", json_pack("[o]", timetable_entry_describe(rq->db, &e[c[i].entry], at)));
		json_t *m = timetable_block_named(rq->db, b[c[i].block].id);
		json_object_set_new(d, "block", m ? m : json_null());
	}
	free(c);
	free(b);
	return (long)found;
}

static const struct field_spec room_fields[] = {
	{.name = "room_id", .type = FIELD_ID, .required = 1, .nullable = 1},
	{.name = NULL},
};

/* Adds the problems of holding meeting `row` (a record of timetable_block_get) in
 * `room` (0: none) in version `id` of `school`: a room of another school, a lesson in
 * it then (TT-1), another meeting in it then (TT-4). Returns DB_OK or a rc. */
static int check_room(struct req *rq, int64_t id, int64_t school, json_t *row, int64_t room)
{
	if (!room)
		return DB_OK;
	json_t *r = rooms_get(rq->db, room);
	int64_t room_school = r ? json_integer_value(json_object_get(r, "school_id")) : 0;
	json_decref(r);
	if (room_school != school) {
		reply_add_error(rq, "timetable_reference", NULL, "room_id");
		return DB_OK;
	}
	struct tt_entry *e = NULL;
	struct tt_block *b = NULL;
	size_t n = 0, nb = 0;
	int rc = timetable_entries_load(rq->db, id, &e, &n);
	if (rc == DB_OK)
		rc = timetable_blocks_load(rq->db, id, &b, &nb);
	struct tt_block me = {
		.id = json_integer_value(json_object_get(row, "id")),
		.weekday = (int)json_integer_value(json_object_get(row, "weekday")),
		.period = (int)json_integer_value(json_object_get(row, "period")),
	};
	long lesson = -1, other = -1;
	if (rc == DB_OK && !tt_block_room_free(&me, room, e, n, b, nb, &lesson, &other)) {
		if (lesson >= 0) {
			json_t *d = reply_add_error(rq, "timetable_clash_room", "TT-1", "room_id");
			json_object_set_new(d, "entries", json_pack("[o]", timetable_entry_describe(rq->db, &e[lesson], -1)));
		}
		if (other >= 0) {
			json_t *d = reply_add_error(rq, "timetable_clash_block_room", "TT-4", "room_id");
			json_t *m = timetable_block_named(rq->db, b[other].id);
			json_object_set_new(d, "block", m ? m : json_null());
		}
	}
	free(e);
	free(b);
	return rc;
}

int api_timetable_elective_room(struct req *rq)
{
	int64_t id = rq->params[0], entry = rq->params[1];
	json_t *t = timetables_get(rq->db, id);
	if (!t)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	int64_t school = json_integer_value(json_object_get(t, "school_id"));
	json_decref(t);
	if (!rights_write_timetable(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, room_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	t = timetables_get(rq->db, id); /* as it is inside the transaction */
	json_t *before = timetable_block_get(rq->db, entry);
	int status = 0;
	if (!t || !before || json_integer_value(json_object_get(before, "timetable_id")) != id)
		status = 404;
	else if (strcmp(api_text_at(t, "status"), "draft") != 0)
		status = 409;
	json_decref(t);
	if (status) {
		json_decref(before);
		db_rollback(rq->db);
		return status == 404 ? reply_error(rq, 404, "not_found", NULL, NULL)
				     : reply_error(rq, 409, "timetable_not_draft", "TT-3", NULL);
	}
	int64_t room = json_integer_value(json_object_get(rq->json, "room_id")); /* null gives 0 */
	int rc = check_room(rq, id, school, before, room);
	if (rc == DB_OK && !reply_has_errors(rq))
		rc = timetable_block_set_room(rq->db, entry, room);
	if (rc == DB_OK && !reply_has_errors(rq))
		rc = timetables_touch(rq->db, id);
	json_t *after = rc == DB_OK && !reply_has_errors(rq) ? timetable_block_get(rq->db, entry) : NULL;
	json_t *body = NULL;
	if (after) {
		json_t *a = json_pack("{s:O}", "elective_entry", before), *b = json_pack("{s:O}", "elective_entry", after);
		if (audit_record(rq->db, rq->user.id, school, "update_elective_entry", "timetable", id, a, b) == DB_OK)
			body = timetable_block_named(rq->db, entry);
		json_decref(a);
		json_decref(b);
	}
	json_decref(before);
	json_decref(after);
	if (!body)
		return api_rollback_errors(rq, reply_has_errors(rq) ? 422 : 500);
	return api_commit_reply(rq, 200, body);
}
