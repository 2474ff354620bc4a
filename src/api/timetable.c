/* timetable — the API of the timetable: a school's bell schedule (CAL-6, ORG-7) and
 * rooms, the versions of a semester's weekly timetable and their entries (TT-1, TT-3:
 * a save that makes a clash is refused with the clashing entries named; the director
 * approves after the parents' committee; a correction is a new version with who, when
 * and why), the report against the ЖОЖ and the teachers' loads, and the dated lessons
 * laid over the calendar. docs/timetable.md describes the endpoints. */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/timetable_electives.h"
#include "core/date.h"
#include "core/timetable.h"
#include "store/audit.h"
#include "store/curriculum.h"
#include "store/db.h"
#include "store/org.h"
#include "store/timetable.h"
#include "store/timetable_electives.h"

#define MAX_BODY_ENTRIES 4000   /* entries in one save: a whole school's week fits */
#define MAX_CLASH_DETAILS 100   /* clashes named in one reply; the rest are counted */
#define MAX_LESSON_DAYS 184     /* a lessons query spans at most half a year */

/* --- shared steps --- */

/* The school of the route's {id} when it exists and the user may read it (or, with
 * `write`, write its timetable); else replies 404 or 403 and returns 0. */
static int64_t school_allowed(struct req *rq, int write)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return 0;
	if (!(write ? rights_write_timetable(rq, school) : rights_read_school(rq, school))) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return 0;
	}
	return school;
}

/* The version of the route's {id} and its school when it exists and the user may read
 * it (or, with `write`, write it); else replies 404 or 403 and returns NULL. The caller
 * owns the record. */
static json_t *version_allowed(struct req *rq, int write, int64_t *school)
{
	json_t *t = timetables_get(rq->db, rq->params[0]);
	if (!t) {
		reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	*school = json_integer_value(json_object_get(t, "school_id"));
	if (!(write ? rights_write_timetable(rq, *school) : rights_read_school(rq, *school))) {
		json_decref(t);
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	return t;
}

static int is_status(json_t *t, const char *status)
{
	return strcmp(json_string_value(json_object_get(t, "status")), status) == 0;
}

/* The version with its entries and its elective blocks (TT-4), filtered by ?class= and
 * ?teacher= (none with ?entries=0), as GET answers. */
static json_t *timetable_with_entries(struct req *rq, struct db *db, int64_t id)
{
	const char *cls = req_query(rq, "class"), *teacher = req_query(rq, "teacher");
	const char *with = req_query(rq, "entries");
	json_t *t = timetables_get(db, id);
	if (t && with && strcmp(with, "0") == 0)
		return t;
	int64_t class_id = cls ? atoll(cls) : 0, staff_id = teacher ? atoll(teacher) : 0;
	json_t *entries = t ? timetable_entries_json(db, id, class_id, staff_id) : NULL;
	json_t *blocks = entries ? timetable_blocks_json(db, id, class_id, staff_id) : NULL;
	if (!blocks) {
		json_decref(entries);
		json_decref(t);
		return NULL;
	}
	json_object_set_new(t, "entries", entries);
	json_object_set_new(t, "elective_blocks", blocks);
	return t;
}

/* An entry as the audit log keeps it. */
static json_t *entry_compact(const struct tt_entry *e)
{
	return json_pack("{s:I, s:i, s:i, s:I, s:o, s:I, s:I, s:o, s:b}", "id", (json_int_t)e->id, "weekday",
			 e->weekday, "period", e->period, "class_id", (json_int_t)e->class_id, "group_id",
			 e->group_id ? json_integer(e->group_id) : json_null(), "subject_id",
			 (json_int_t)e->subject_id, "staff_id", (json_int_t)e->staff_id, "room_id",
			 e->room_id ? json_integer(e->room_id) : json_null(), "locked", e->locked);
}

/* Adds one problem per clash among entries[0..n) (TT-1) and of them with the elective
 * blocks of version `id` (TT-4) — at most MAX_CLASH_DETAILS in all — each naming its
 * entries (and meeting); origin[k] is entry k's index in the request, or -1. Returns
 * how many clashes there are, or -1 when the check could not run. */
static long add_clashes(struct req *rq, int64_t id, int64_t year_id, const struct tt_entry *e, size_t n,
			const long *origin)
{
	struct tt_group_pair *overlap = NULL;
	size_t noverlap = 0;
	if (timetable_group_overlaps(rq->db, year_id, &overlap, &noverlap) != DB_OK)
		return -1;
	struct tt_clash c[MAX_CLASH_DETAILS];
	size_t found = tt_check_clashes(e, n, overlap, noverlap, c, MAX_CLASH_DETAILS);
	free(overlap);
	if (found == TT_NOMEM)
		return -1;
	for (size_t i = 0; i < found && i < MAX_CLASH_DETAILS; i++) {
		long oa = origin ? origin[c[i].a] : -1, ob = origin ? origin[c[i].b] : -1;
		char field[32];
		long at = oa >= 0 ? oa : ob;
		if (at >= 0)
			snprintf(field, sizeof field, "entries[%ld]", at);
		json_t *d = reply_add_error(rq, c[i].code, "TT-1", at >= 0 ? field : NULL);
		json_object_set_new(d, "entries", json_pack("[o, o]", timetable_entry_describe(rq->db, &e[c[i].a], oa),
							     timetable_entry_describe(rq->db, &e[c[i].b], ob)));
	}
	size_t named = found < MAX_CLASH_DETAILS ? found : MAX_CLASH_DETAILS;
	long blocked = api_add_block_clashes(rq, id, e, n, origin, MAX_CLASH_DETAILS - named);
	return blocked < 0 ? -1 : (long)found + blocked;
}

/* --- the bell schedule --- */

static const struct field_spec period_fields[] = {
	{.name = "number", .type = FIELD_INT, .required = 1, .min = 1, .max = TT_MAX_PERIODS},
	{.name = "starts_at", .type = FIELD_STRING, .required = 1, .max_len = 5},
	{.name = "ends_at", .type = FIELD_STRING, .required = 1, .max_len = 5},
	{.name = "meal_after", .type = FIELD_BOOL},
	{.name = NULL},
};

static const struct field_spec bells_fields[] = {
	{.name = "lesson_minutes", .type = FIELD_INT, .min = 1, .max = 120},
	{.name = "saturday", .type = FIELD_BOOL},
	{.name = "periods", .type = FIELD_LIST, .required = 1, .max_len = TT_MAX_PERIODS, .fields = period_fields},
	{.name = NULL},
};

int api_bells_get(struct req *rq)
{
	int64_t school = school_allowed(rq, 0);
	if (!school)
		return rq->status;
	json_t *b = bells_get(rq->db, school);
	return b ? reply_json(rq, 200, b) : reply_db_failure(rq);
}

/* Adds the problems of a schedule: times that do not parse, then the rules. */
static void check_bells(struct req *rq, json_t *b)
{
	size_t i;
	json_t *p;
	char field[40];
	int bad_time = 0;
	json_array_foreach(json_object_get(b, "periods"), i, p) {
		static const char *const keys[] = {"starts_at", "ends_at"};
		for (int k = 0; k < 2; k++) {
			int m;
			if (tt_parse_hhmm(json_string_value(json_object_get(p, keys[k])), &m) != 0) {
				snprintf(field, sizeof field, "periods[%zu].%s", i, keys[k]);
				reply_add_error(rq, "bad_time", NULL, field);
				bad_time = 1;
			}
		}
	}
	struct tt_bells tb;
	if (bad_time || bells_to_core(b, &tb) != 0)
		return;
	struct tt_problem probs[3 * TT_MAX_PERIODS + 2];
	size_t n = tt_bells_check(&tb, (int)settings_get_int(rq->db, SETTING_MIN_BREAK, TT_MIN_BREAK_MINUTES),
				  (int)settings_get_int(rq->db, SETTING_MEAL_BREAK, TT_MEAL_BREAK_MINUTES), probs,
				  sizeof probs / sizeof probs[0]);
	for (size_t k = 0; k < n && k < sizeof probs / sizeof probs[0]; k++)
		reply_add_error(rq, probs[k].code, probs[k].rule, probs[k].field);
}

/* TT-1: a schedule may not drop a period or the Saturday that a draft or approved
 * version of the school still uses (a lesson or an elective block, TT-4). */
static void check_bells_in_use(struct req *rq, int64_t school, json_t *b)
{
	int64_t n = 0;
	int64_t periods = (int64_t)json_array_size(json_object_get(b, "periods"));
	int64_t saturday = json_is_true(json_object_get(b, "saturday"));
	if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM (SELECT e.weekday, e.period, e.timetable_id"
				       " FROM timetable_entries e UNION ALL SELECT x.weekday, x.period, x.timetable_id"
				       " FROM timetable_elective_entries x) e JOIN timetables t"
				       " ON t.id = e.timetable_id WHERE t.school_id = $1 AND t.status <> 'superseded'"
				       " AND (e.period > $2 OR (e.weekday = 6 AND $3 = 0))",
			   "iii", school, periods, saturday) == DB_ROW && n > 0)
		reply_add_error(rq, "bells_in_use", "TT-1", "periods");
}

int api_bells_put(struct req *rq)
{
	int64_t school = school_allowed(rq, 1);
	if (!school)
		return rq->status;
	if (validate_body(rq, bells_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = bells_get(rq->db, school);
	if (!before) {
		db_rollback(rq->db);
		return reply_db_failure(rq);
	}
	json_t *after = api_merge(before, rq->json);
	json_object_del(after, "updated_at");
	/* CAL-6: a lesson length other than the school's is agreed with the network office */
	if (!json_equal(json_object_get(after, "lesson_minutes"), json_object_get(before, "lesson_minutes")) &&
	    rq->user.role != ROLE_NETWORK_ADMIN) {
		json_decref(before);
		json_decref(after);
		db_rollback(rq->db);
		return reply_error(rq, 403, "bells_lesson_minutes_agreement", "CAL-6", "lesson_minutes");
	}
	check_bells(rq, after);
	if (!reply_has_errors(rq))
		check_bells_in_use(rq, school, after);
	int ok = !reply_has_errors(rq) && bells_save(rq->db, school, after, rq->user.id) == DB_OK;
	json_decref(after);
	after = ok ? bells_get(rq->db, school) : NULL;
	ok = ok && after &&
	     audit_record(rq->db, rq->user.id, school, "update", "bell_schedule", school, before, after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 422);
	}
	return api_commit_reply(rq, 200, after);
}

/* --- rooms --- */

static const struct field_spec room_subject_fields[] = {
	{.name = "subject_id", .type = FIELD_ID, .required = 1},
	{.name = NULL},
};

static const struct field_spec room_fields[] = {
	{.name = "name", .type = FIELD_STRING, .required = 1, .max_len = 60},
	{.name = "capacity", .type = FIELD_INT, .min = 1, .max = 1000, .nullable = 1},
	{.name = "subjects", .type = FIELD_LIST, .max_len = 40, .fields = room_subject_fields},
	{.name = NULL},
};

int api_rooms_list(struct req *rq)
{
	int64_t school = school_allowed(rq, 0);
	if (!school)
		return rq->status;
	json_t *items = rooms_list(rq->db, school);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), 0);
}

int api_room_create(struct req *rq)
{
	int64_t school = school_allowed(rq, 1);
	if (!school)
		return rq->status;
	if (validate_body(rq, room_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(rq->json, "subjects"), i, s) {
		json_t *subject = subjects_get(rq->db, json_integer_value(json_object_get(s, "subject_id")));
		char field[64];
		snprintf(field, sizeof field, "subjects[%zu].subject_id", i);
		if (!subject)
			reply_add_error(rq, "dangling_reference", NULL, field);
		json_decref(subject);
	}
	json_object_set_new(rq->json, "school_id", json_integer(school));
	int64_t id = 0;
	int rc = reply_has_errors(rq) ? DB_ERROR : rooms_insert(rq->db, rq->json, &id);
	if (rc == DB_CONSTRAINT)
		reply_add_error(rq, "room_exists", NULL, "name");
	if (rc != DB_OK)
		return api_rollback_errors(rq, rc == DB_CONSTRAINT ? 409 : 422);
	json_t *after = rooms_get(rq->db, id);
	if (!after || audit_record(rq->db, rq->user.id, school, "create", "room", id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

/* --- versions --- */

static const struct field_spec timetable_fields[] = {
	{.name = "academic_year_id", .type = FIELD_ID},
	{.name = "semester", .type = FIELD_INT, .required = 1, .min = 1, .max = 2},
	{.name = "copy_from", .type = FIELD_ID, .nullable = 1},
	{.name = "reason", .type = FIELD_STRING, .max_len = 500, .nullable = 1},
	{.name = NULL},
};

int api_timetables_list(struct req *rq)
{
	int64_t school = school_allowed(rq, 0);
	if (!school)
		return rq->status;
	const char *year = req_query(rq, "academic_year_id");
	json_t *items = timetables_list(rq->db, school, year ? atoll(year) : 0);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), 0);
}

/* Creates a draft from `fields` (school_id, academic_year_id, semester, based_on,
 * reason) with the entries and elective blocks of version `copy` (0: none), audits it as `action` and
 * replies 201 with it. Runs in the open transaction. */
static int create_version(struct req *rq, json_t *fields, int64_t copy, const char *action)
{
	int64_t school = json_integer_value(json_object_get(fields, "school_id"));
	int64_t id = 0;
	int rc = timetables_insert(rq->db, fields, rq->user.id, &id);
	if (rc == DB_OK && copy)
		rc = timetable_entries_copy(rq->db, copy, id);
	if (rc == DB_OK && copy)
		rc = timetable_blocks_copy(rq->db, copy, id);
	json_t *after = rc == DB_OK ? timetables_get(rq->db, id) : NULL;
	if (!after || audit_record(rq->db, rq->user.id, school, action, "timetable", id, NULL, after) != DB_OK) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 201, after);
}

int api_timetable_create(struct req *rq)
{
	int64_t school = school_allowed(rq, 1);
	if (!school)
		return rq->status;
	if (validate_body(rq, timetable_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *b = rq->json;
	if (!json_is_integer(json_object_get(b, "academic_year_id")))
		json_object_set_new(b, "academic_year_id", json_integer(years_current(rq->db, school)));
	int64_t year = json_integer_value(json_object_get(b, "academic_year_id"));
	int64_t year_school = year ? org_school_of(rq->db, "academic_years", year) : 0;
	if (!year_school)
		reply_add_error(rq, "dangling_reference", NULL, "academic_year_id");
	else if (year_school != school)
		reply_add_error(rq, "wrong_school", NULL, "academic_year_id");
	int64_t copy = json_integer_value(json_object_get(b, "copy_from"));
	if (copy) {
		json_t *from = timetables_get(rq->db, copy);
		if (!from)
			reply_add_error(rq, "dangling_reference", NULL, "copy_from");
		else if (json_integer_value(json_object_get(from, "academic_year_id")) != year)
			reply_add_error(rq, "timetable_copy_year", "TT-3", "copy_from");
		json_decref(from);
	}
	if (reply_has_errors(rq))
		return api_rollback_errors(rq, 422);
	json_object_set_new(b, "school_id", json_integer(school));
	json_object_set(b, "based_on", json_object_get(b, "copy_from"));
	return create_version(rq, b, copy, "create");
}

int api_timetable_get(struct req *rq)
{
	int64_t school = 0;
	json_t *t = version_allowed(rq, 0, &school);
	if (!t)
		return rq->status;
	json_decref(t);
	t = timetable_with_entries(rq, rq->db, rq->params[0]);
	return t ? reply_json(rq, 200, t) : reply_db_failure(rq);
}

/* --- entries --- */

static const struct field_spec entry_fields[] = {
	{.name = "id", .type = FIELD_ID},
	{.name = "weekday", .type = FIELD_INT, .min = 1, .max = TT_WEEKDAYS_SATURDAY},
	{.name = "period", .type = FIELD_INT, .min = 1, .max = TT_MAX_PERIODS},
	{.name = "class_id", .type = FIELD_ID},
	{.name = "group_id", .type = FIELD_ID, .nullable = 1},
	{.name = "subject_id", .type = FIELD_ID},
	{.name = "staff_id", .type = FIELD_ID},
	{.name = "room_id", .type = FIELD_ID, .nullable = 1},
	{.name = "locked", .type = FIELD_BOOL},
	{.name = "delete", .type = FIELD_BOOL},
	{.name = NULL},
};

static const struct field_spec entries_fields[] = {
	{.name = "replace", .type = FIELD_BOOL},
	{.name = "entries", .type = FIELD_LIST, .required = 1, .max_len = MAX_BODY_ENTRIES, .fields = entry_fields},
	{.name = NULL},
};

/* The save being built: the version's entries after the request, and for each the
 * index of the request entry it came from (-1: saved and untouched). */
struct entry_set {
	struct tt_entry *e;
	long *origin;
	int *deleted;
	size_t n;
};

static void entry_set_release(struct entry_set *s)
{
	free(s->e);
	free(s->origin);
	free(s->deleted);
}

/* Puts the fields of request entry `o` over *e. */
static void entry_merge(struct tt_entry *e, json_t *o)
{
	json_t *v;
	if ((v = json_object_get(o, "weekday")))
		e->weekday = (int)json_integer_value(v);
	if ((v = json_object_get(o, "period")))
		e->period = (int)json_integer_value(v);
	if ((v = json_object_get(o, "class_id")))
		e->class_id = json_integer_value(v);
	if ((v = json_object_get(o, "group_id")))
		e->group_id = json_integer_value(v); /* null gives 0: the whole class */
	if ((v = json_object_get(o, "subject_id")))
		e->subject_id = json_integer_value(v);
	if ((v = json_object_get(o, "staff_id")))
		e->staff_id = json_integer_value(v);
	if ((v = json_object_get(o, "room_id")))
		e->room_id = json_integer_value(v);
	if ((v = json_object_get(o, "locked")))
		e->locked = json_is_true(v);
}

/* Builds the set from the saved entries and the request (replace or patch), adding a
 * problem for an unknown id, a delete without id, and a new entry missing a field.
 * Returns 0, or -1 when memory runs out. */
static int entries_merge(struct req *rq, const struct tt_entry *saved, size_t nsaved, struct entry_set *s)
{
	json_t *list = json_object_get(rq->json, "entries");
	int replace = json_is_true(json_object_get(rq->json, "replace"));
	size_t cap = (replace ? 0 : nsaved) + json_array_size(list) + 1;
	memset(s, 0, sizeof *s);
	s->e = calloc(cap, sizeof *s->e);
	s->origin = malloc(cap * sizeof *s->origin);
	s->deleted = calloc(cap, sizeof *s->deleted);
	if (!s->e || !s->origin || !s->deleted)
		return -1;
	if (!replace && nsaved) { /* saved is NULL for an empty version */
		memcpy(s->e, saved, nsaved * sizeof *saved);
		for (size_t k = 0; k < nsaved; k++)
			s->origin[k] = -1;
		s->n = nsaved;
	}
	size_t i;
	json_t *o;
	char field[48];
	json_array_foreach(list, i, o) {
		json_t *id = json_object_get(o, "id");
		int del = json_is_true(json_object_get(o, "delete"));
		if (json_is_integer(id) && replace) {
			snprintf(field, sizeof field, "entries[%zu].id", i);
			reply_add_error(rq, "unknown_field", NULL, field);
			continue;
		}
		if (json_is_integer(id)) {
			/* saved entries come ordered by id: the first nsaved of the set */
			struct tt_entry key = {.id = json_integer_value(id)};
			size_t lo = 0, hi = nsaved;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (s->e[mid].id < key.id)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo >= nsaved || s->e[lo].id != key.id) {
				snprintf(field, sizeof field, "entries[%zu].id", i);
				reply_add_error(rq, "timetable_entry_unknown", NULL, field);
				continue;
			}
			s->deleted[lo] = del;
			entry_merge(&s->e[lo], o);
			s->origin[lo] = (long)i;
			continue;
		}
		if (del) {
			snprintf(field, sizeof field, "entries[%zu].id", i);
			reply_add_error(rq, "missing_field", NULL, field);
			continue;
		}
		static const char *const needed[] = {"weekday", "period", "class_id", "subject_id", "staff_id"};
		int missing = 0;
		for (size_t k = 0; k < sizeof needed / sizeof needed[0]; k++) {
			if (!json_is_integer(json_object_get(o, needed[k]))) {
				snprintf(field, sizeof field, "entries[%zu].%s", i, needed[k]);
				reply_add_error(rq, "missing_field", NULL, field);
				missing = 1;
			}
		}
		if (missing)
			continue;
		struct tt_entry *e = &s->e[s->n];
		memset(e, 0, sizeof *e);
		entry_merge(e, o);
		s->origin[s->n++] = (long)i;
	}
	/* drop the deleted ones */
	size_t w = 0;
	for (size_t k = 0; k < s->n; k++) {
		if (s->deleted[k])
			continue;
		s->e[w] = s->e[k];
		s->origin[w++] = s->origin[k];
	}
	s->n = w;
	return 0;
}

/* Adds the reference and slot problems of the entries the request touched. */
static void entries_check_refs(struct req *rq, const struct timetable_refs *refs, int max_weekday, int nperiods,
			       struct entry_set *s)
{
	char field[48];
#define PROBLEM(code, rule, name) \
	(snprintf(field, sizeof field, "entries[%ld].%s", s->origin[k], name), reply_add_error(rq, code, rule, field))
	for (size_t k = 0; k < s->n; k++) {
		struct tt_entry *e = &s->e[k];
		if (s->origin[k] < 0)
			continue;
		const struct timetable_ref *c = timetable_ref_find(&refs->classes, e->class_id);
		if (!c)
			PROBLEM("timetable_reference", NULL, "class_id");
		else
			e->grade = (int)c->value;
		if (e->group_id) {
			const struct timetable_ref *g = timetable_ref_find(&refs->groups, e->group_id);
			const struct timetable_ref *gs = timetable_ref_find(&refs->group_subjects, e->group_id);
			if (!g || !gs)
				PROBLEM("timetable_reference", NULL, "group_id");
			else if (g->value != e->class_id)
				PROBLEM("timetable_group_class", "CUR-3", "group_id");
			else if (gs->value != e->subject_id)
				PROBLEM("timetable_group_subject", "CUR-3", "group_id");
		}
		if (!timetable_ref_find(&refs->subjects, e->subject_id))
			PROBLEM("timetable_reference", NULL, "subject_id");
		if (!timetable_ref_find(&refs->staff, e->staff_id))
			PROBLEM("timetable_reference", NULL, "staff_id");
		if (e->room_id && !timetable_ref_find(&refs->rooms, e->room_id))
			PROBLEM("timetable_reference", NULL, "room_id");
		if (!tt_weekday_valid(e->weekday, max_weekday))
			PROBLEM("timetable_weekday", "TT-1", "weekday");
		if (!tt_period_valid(e->period, nperiods))
			PROBLEM("timetable_period", "TT-1", "period");
	}
#undef PROBLEM
}

/* The school's week: the last weekday and the number of periods of its schedule. */
static int school_week(struct db *db, int64_t school, int *max_weekday, int *nperiods)
{
	json_t *b = bells_get(db, school);
	if (!b)
		return -1;
	*max_weekday = json_is_true(json_object_get(b, "saturday")) ? TT_WEEKDAYS_SATURDAY : TT_WEEKDAYS;
	*nperiods = (int)json_array_size(json_object_get(b, "periods"));
	json_decref(b);
	return 0;
}

/* The audit's before and after of a save: the entries the request touched (all of
 * them for a replace) as they were and as they are. */
static void entries_audit_pair(const struct tt_entry *saved, size_t nsaved, const struct entry_set *s, int replace,
			       json_t **before, json_t **after)
{
	json_t *b = json_array(), *a = json_array();
	for (size_t k = 0; k < s->n; k++)
		if (replace || s->origin[k] >= 0)
			json_array_append_new(a, entry_compact(&s->e[k]));
	for (size_t i = 0; i < nsaved; i++) {
		int touched = replace;
		for (size_t k = 0; !touched && k < s->n; k++)
			touched = s->e[k].id == saved[i].id && s->origin[k] >= 0;
		int kept = 0;
		for (size_t k = 0; !kept && k < s->n; k++)
			kept = s->e[k].id == saved[i].id;
		if (touched || !kept)
			json_array_append_new(b, entry_compact(&saved[i]));
	}
	*before = json_pack("{s:o}", "entries", b);
	*after = json_pack("{s:o}", "entries", a);
}

int api_timetable_entries_put(struct req *rq)
{
	int64_t id = rq->params[0], school = 0;
	const char *dry = req_query(rq, "dry_run");
	int dry_run = dry && strcmp(dry, "1") == 0;
	json_t *t = version_allowed(rq, 1, &school);
	if (!t)
		return rq->status;
	if (validate_body(rq, entries_fields, VALIDATE_CREATE)) {
		json_decref(t);
		return reply_errors(rq, 422);
	}
	int64_t year = json_integer_value(json_object_get(t, "academic_year_id"));
	int draft = is_status(t, "draft");
	json_decref(t);
	if (!draft)
		return reply_error(rq, 409, "timetable_not_draft", "TT-3", NULL);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);

	struct tt_entry *saved = NULL;
	size_t nsaved = 0;
	struct timetable_refs refs;
	struct entry_set s = {0};
	int max_weekday = 0, nperiods = 0;
	int rc = timetable_entries_load(rq->db, id, &saved, &nsaved);
	if (rc == DB_OK)
		rc = timetable_refs_load(rq->db, school, year, &refs);
	if (rc != DB_OK) {
		free(saved);
		return api_rollback_errors(rq, 500);
	}
	if (school_week(rq->db, school, &max_weekday, &nperiods) != 0 || entries_merge(rq, saved, nsaved, &s) != 0)
		rc = DB_ERROR;
	if (rc == DB_OK)
		entries_check_refs(rq, &refs, max_weekday, nperiods, &s);
	timetable_refs_release(&refs);
	/* clashes are looked for once every entry is well formed */
	if (rc == DB_OK && !reply_has_errors(rq) && add_clashes(rq, id, year, s.e, s.n, s.origin) < 0)
		rc = DB_ERROR;
	if (rc == DB_OK && dry_run) {
		db_rollback(rq->db);
		json_t *problems = rq->errors ? rq->errors : json_array();
		rq->errors = NULL;
		json_t *body = json_pack("{s:b, s:b, s:I, s:o}", "dry_run", 1, "valid", json_array_size(problems) == 0,
					 "entries", (json_int_t)s.n, "problems", problems);
		free(saved);
		entry_set_release(&s);
		return reply_json(rq, 200, body);
	}
	json_t *before = NULL, *after = NULL;
	if (rc == DB_OK && !reply_has_errors(rq)) {
		int replace = json_is_true(json_object_get(rq->json, "replace"));
		entries_audit_pair(saved, nsaved, &s, replace, &before, &after);
		rc = timetable_entries_store(rq->db, id, s.e, s.n);
		if (rc == DB_OK)
			rc = audit_record(rq->db, rq->user.id, school, "update_entries", "timetable", id, before, after);
	}
	json_decref(before);
	json_decref(after);
	free(saved);
	entry_set_release(&s);
	if (rc != DB_OK || reply_has_errors(rq))
		return api_rollback_errors(rq, reply_has_errors(rq) ? 422 : 500);
	return api_commit_reply(rq, 200, timetable_with_entries(rq, rq->db, id));
}

/* --- approval and corrections (TT-3) --- */

static const struct field_spec approve_fields[] = {
	{.name = "parents_committee_date", .type = FIELD_DATE, .required = 1},
	{.name = "note", .type = FIELD_STRING, .max_len = 500, .nullable = 1},
	{.name = NULL},
};

int api_timetable_approve(struct req *rq)
{
	int64_t id = rq->params[0], school = 0;
	json_t *t = timetables_get(rq->db, id);
	if (!t)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	school = json_integer_value(json_object_get(t, "school_id"));
	/* TT-3: the director of the school approves */
	if (rq->user.role != ROLE_DIRECTOR || rq->user.school_id != school) {
		json_decref(t);
		return reply_error(rq, 403, "forbidden", "TT-3", NULL);
	}
	json_decref(t);
	if (validate_body(rq, approve_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = timetables_get(rq->db, id);
	if (!before)
		return api_rollback_errors(rq, 500);
	if (!is_status(before, "draft")) {
		json_decref(before);
		db_rollback(rq->db);
		return reply_error(rq, 409, "timetable_not_draft", "TT-3", NULL);
	}
	struct date agreed, today;
	today = api_today();
	if (date_parse(body_str(rq, "parents_committee_date"), &agreed) == 0 && date_compare(agreed, today) > 0)
		reply_add_error(rq, "committee_date_future", "TT-3", "parents_committee_date");
	if (json_integer_value(json_object_get(before, "entries_count")) == 0)
		reply_add_error(rq, "timetable_empty", "TT-3", NULL);
	struct tt_entry *e = NULL;
	size_t n = 0;
	int rc = timetable_entries_load(rq->db, id, &e, &n);
	int64_t year = json_integer_value(json_object_get(before, "academic_year_id"));
	if (rc == DB_OK && add_clashes(rq, id, year, e, n, NULL) < 0)
		rc = DB_ERROR;
	free(e);
	char now[21];
	db_now_utc(now);
	if (rc == DB_OK && !reply_has_errors(rq))
		rc = timetables_approve(rq->db, id, rq->user.id, now, body_str(rq, "parents_committee_date"),
					body_str(rq, "note"));
	json_t *after = rc == DB_OK && !reply_has_errors(rq) ? timetables_get(rq->db, id) : NULL;
	int ok = after && audit_record(rq->db, rq->user.id, school, "approve", "timetable", id, before, after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, reply_has_errors(rq) ? 422 : 500);
	}
	return api_commit_reply(rq, 200, after);
}

static const struct field_spec correct_fields[] = {
	{.name = "reason", .type = FIELD_STRING, .required = 1, .max_len = 500},
	{.name = NULL},
};

int api_timetable_correct(struct req *rq)
{
	int64_t id = rq->params[0], school = 0;
	json_t *t = version_allowed(rq, 1, &school);
	if (!t)
		return rq->status;
	if (validate_body(rq, correct_fields, VALIDATE_CREATE)) {
		json_decref(t);
		return reply_errors(rq, 422);
	}
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(t);
		return reply_db_failure(rq);
	}
	json_decref(t);
	t = timetables_get(rq->db, id); /* as it is inside the transaction */
	if (!t || !is_status(t, "approved")) {
		json_decref(t);
		db_rollback(rq->db);
		return reply_error(rq, 409, "timetable_not_approved", "TT-3", NULL);
	}
	json_t *fields = json_pack("{s:I, s:O, s:O, s:I, s:O}", "school_id", (json_int_t)school, "academic_year_id",
				   json_object_get(t, "academic_year_id"), "semester", json_object_get(t, "semester"),
				   "based_on", (json_int_t)id, "reason", json_object_get(rq->json, "reason"));
	json_decref(t);
	int status = create_version(rq, fields, id, "correct");
	json_decref(fields);
	return status;
}

/* --- the report (TT-1) --- */

/* obj[key] of a names map for an id, or null. */
static json_t *name_of(json_t *names, const char *map, int64_t id)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	json_t *v = json_object_get(json_object_get(names, map), key);
	return v ? json_incref(v) : json_null();
}

int api_timetable_report(struct req *rq)
{
	int64_t id = rq->params[0], school = 0;
	json_t *t = version_allowed(rq, 0, &school);
	if (!t)
		return rq->status;
	int64_t year = json_integer_value(json_object_get(t, "academic_year_id"));
	json_decref(t);
	struct tt_entry *e = NULL;
	struct tt_hours *plan = NULL;
	struct tt_load *loads = NULL;
	size_t n = 0, nplan = 0, nloads = 0;
	int has_curriculum = 0;
	json_t *names = NULL;
	int rc = timetable_entries_load(rq->db, id, &e, &n);
	if (rc == DB_OK)
		rc = timetable_plan(rq->db, year, &plan, &nplan, &has_curriculum);
	if (rc == DB_OK)
		rc = timetable_loads(rq->db, year, &loads, &nloads);
	if (rc == DB_OK && !(names = timetable_report_names(rq->db, school, year)))
		rc = DB_ERROR;
	size_t nh = rc == DB_OK && has_curriculum ? tt_hours_compare(e, n, plan, nplan, NULL, 0) : 0;
	struct tt_hours_diff *hd = malloc((nh ? nh : 1) * sizeof *hd);
	if (has_curriculum && hd)
		tt_hours_compare(e, n, plan, nplan, hd, nh);
	size_t nl = rc == DB_OK ? tt_load_compare(e, n, loads, nloads, NULL, 0) : 0;
	struct tt_load_diff *ld = malloc((nl ? nl : 1) * sizeof *ld);
	if (ld)
		tt_load_compare(e, n, loads, nloads, ld, nl);
	json_t *body = NULL;
	if (rc == DB_OK && hd && ld) {
		json_t *hours = json_array(), *teachers = json_array();
		for (size_t i = 0; i < nh; i++)
			json_array_append_new(hours, json_pack(
				"{s:{s:I, s:o}, s:o, s:o, s:i, s:i}", "class", "id", (json_int_t)hd[i].class_id, "label",
				name_of(names, "classes", hd[i].class_id), "group",
				hd[i].group_id ? json_pack("{s:I, s:o}", "id", (json_int_t)hd[i].group_id, "name",
							   name_of(names, "groups", hd[i].group_id)) : json_null(),
				"subject", name_of(names, "subjects", hd[i].subject_id), "plan", hd[i].plan, "placed",
				hd[i].placed));
		for (size_t i = 0; i < nl; i++)
			json_array_append_new(teachers, json_pack(
				"{s:o, s:o, s:i, s:s}", "teacher", name_of(names, "teachers", ld[i].staff_id), "set_hours",
				ld[i].set_hours < 0 ? json_null() : json_integer(ld[i].set_hours), "placed", ld[i].placed,
				"status", ld[i].set_hours < 0 ? "no_load" : ld[i].placed > ld[i].set_hours ? "above" : "below"));
		body = json_pack("{s:I, s:b, s:o, s:o}", "timetable_id", (json_int_t)id, "curriculum", has_curriculum,
				 "hours", hours, "teachers", teachers);
	}
	free(e);
	free(plan);
	free(loads);
	free(hd);
	free(ld);
	json_decref(names);
	return body ? reply_json(rq, 200, body) : reply_db_failure(rq);
}

/* --- dated lessons --- */

static const struct field_spec lay_fields[] = {
	{.name = "from", .type = FIELD_DATE},
	{.name = NULL},
};

int api_timetable_lay(struct req *rq)
{
	int64_t id = rq->params[0], school = 0;
	json_t *t = version_allowed(rq, 1, &school);
	if (!t)
		return rq->status;
	json_decref(t);
	if (validate_body(rq, lay_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	struct timetable_lay_result r;
	int rc = timetable_lay(rq->db, id, body_str(rq, "from"), &r);
	if (rc == LAY_NOT_APPROVED) {
		db_rollback(rq->db);
		return reply_error(rq, 409, "timetable_not_approved", "TT-3", NULL);
	}
	if (rc == LAY_NO_CALENDAR)
		reply_add_error(rq, "timetable_no_calendar", "CAL-1", NULL);
	else if (rc == LAY_BAD_FROM)
		reply_add_error(rq, "timetable_lay_from", NULL, "from");
	if (rc != LAY_OK)
		return api_rollback_errors(rq, 422);
	json_t *body = json_pack("{s:I, s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:I}", "timetable_id", (json_int_t)id, "from",
				 r.from, "to", r.to, "days", (json_int_t)r.days, "inserted", (json_int_t)r.inserted,
				 "updated", (json_int_t)r.updated, "removed", (json_int_t)r.removed, "kept",
				 (json_int_t)r.kept, "journaled", (json_int_t)r.journaled);
	if (audit_record(rq->db, rq->user.id, school, "lay", "timetable", id, NULL, body) != DB_OK) {
		json_decref(body);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, body);
}

/* The lessons of a class or a teacher (`which`, whose record is in `table`). */
static int lessons_of(struct req *rq, const char *which, const char *table)
{
	int64_t id = rq->params[0];
	int64_t school = org_school_of(rq->db, table, id);
	if (!school)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	const char *from = req_query(rq, "from"), *to = req_query(rq, "to");
	struct date a, b;
	if (date_parse(from, &a) != 0)
		reply_add_error(rq, "bad_query", NULL, "from");
	if (date_parse(to, &b) != 0)
		reply_add_error(rq, "bad_query", NULL, "to");
	else if (!reply_has_errors(rq) &&
		 (date_compare(a, b) > 0 || date_to_days(b) - date_to_days(a) >= MAX_LESSON_DAYS))
		reply_add_error(rq, "bad_query", NULL, "to");
	if (reply_has_errors(rq))
		return reply_errors(rq, 400);
	json_t *items = lessons_list(rq->db_read, which, id, from, to);
	if (!items)
		return reply_db_failure(rq);
	return reply_list(rq, items, (int64_t)json_array_size(items), 0);
}

int api_class_lessons(struct req *rq)
{
	return lessons_of(rq, "class", "classes");
}

int api_staff_lessons(struct req *rq)
{
	return lessons_of(rq, "staff", "staff");
}
