/* timetable_generate — a school's semester solved and written as a new draft version
 * (see timetable_generate.h). */
#include "store/timetable_generate.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/timetable.h"
#include "store/audit.h"
#include "store/timetable.h"
#include "store/timetable_week.h"

/* The result's entries checked as the timetable module checks a save: how many clashes
 * (TT_NOMEM on no memory), or a negative db rc as (size_t)-2. */
static size_t clashes_of(struct db *db, int64_t year_id, const struct tt_entry *e, size_t n, int *rc)
{
	struct tt_group_pair *pairs = NULL;
	size_t n_pairs = 0;
	*rc = timetable_group_overlaps(db, year_id, &pairs, &n_pairs);
	if (*rc != DB_OK)
		return 0;
	size_t k = tt_check_clashes(e, n, pairs, n_pairs, NULL, 0);
	free(pairs);
	return k;
}

/* Writes the draft in one write transaction. */
static int write_draft(struct db *db, const struct ttw *w, struct tt_entry *e, int64_t user_id,
		       const struct sv_params *p, struct tt_generate_result *out)
{
	int rc = db_begin_write(db);
	if (rc != DB_OK)
		return rc;
	json_t *t = json_pack("{sI sI sI}", "school_id", (json_int_t)w->school_id, "academic_year_id",
			      (json_int_t)w->year_id, "semester", (json_int_t)w->semester);
	rc = t ? timetables_insert(db, t, user_id, &out->timetable_id) : DB_ERROR;
	json_decref(t);
	if (rc == DB_OK)
		rc = timetable_entries_store(db, out->timetable_id, e, w->n_acts);
	json_t *after = rc == DB_OK ? timetables_get(db, out->timetable_id) : NULL;
	if (after) {
		out->number = (int)json_integer_value(json_object_get(after, "number"));
		json_object_set_new(after, "generator",
				    json_pack("{sI sf si si sI si}", "seed", (json_int_t)p->seed, "time_limit",
					      p->time_limit, "hard", out->report.hard, "teacher_gaps",
					      out->report.teacher_gaps, "locks_from", (json_int_t)out->locks_from,
					      "locked", out->locked));
		rc = audit_record(db, user_id, w->school_id, "generate", "timetable", out->timetable_id, NULL, after);
		json_decref(after);
	} else if (rc == DB_OK) {
		rc = DB_ERROR;
	}
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK)
		db_rollback(db);
	return rc;
}

int timetable_generate(struct db *db, int64_t school_id, int64_t year_id, int semester, const struct sv_params *p,
		       int n_threads, int64_t user_id, struct tt_generate_result *out)
{
	memset(out, 0, sizeof *out);
	out->status = SV_ERROR;
	out->time_to_feasible = -1;
	struct ttw w;
	int rc = ttw_load(db, school_id, year_id, semester, &w);
	if (rc != TTW_OK) {
		snprintf(out->error, sizeof out->error, "%s", w.error);
		out->input_rc = rc;
		ttw_release(&w);
		return rc > 0 ? TTG_BAD_INPUT : rc;
	}
	out->locks_from = w.locks_from;
	for (size_t i = 0; i < w.n_acts; i++)
		out->locked += w.acts[i].lock_day >= 0;
	struct sv_model *m = ttw_model(&w);
	struct sv_place *pl = calloc(w.n_acts + 1, sizeof *pl);
	if (!m || !pl) {
		sv_model_free(m);
		free(pl);
		ttw_release(&w);
		return DB_ERROR;
	}
	struct sv_result r;
	sv_solve_parallel(m, p, n_threads, pl, &r);
	out->status = r.status;
	out->time_to_feasible = r.time_to_feasible;
	out->elapsed = r.elapsed;
	out->iters = r.iters;
	out->n_conflicts = r.n_conflicts;
	memcpy(out->conflicts, r.conflicts, sizeof out->conflicts);
	rc = TTG_NO_TIMETABLE;
	if (r.status == SV_SOLVED || r.status == SV_UNSOLVED) {
		if (sv_verify(m, pl, &out->report) != 0)
			rc = DB_ERROR;
		else if (out->report.hard == 0)
			rc = TTG_OK;
	} else if (r.status == SV_ERROR) {
		rc = DB_ERROR;
	}
	struct tt_entry *e = rc == TTG_OK ? ttw_entries(&w, pl) : NULL;
	if (rc == TTG_OK && !e)
		rc = DB_ERROR;
	if (rc == TTG_OK) {
		int db_rc;
		out->clashes = clashes_of(db, year_id, e, w.n_acts, &db_rc);
		if (db_rc != DB_OK)
			rc = db_rc;
		else if (out->clashes == TT_NOMEM)
			rc = DB_ERROR;
		else if (out->clashes)
			rc = TTG_CLASH;
	}
	if (rc == TTG_OK) {
		out->lessons = w.n_acts;
		rc = write_draft(db, &w, e, user_id, p, out);
	}
	free(e);
	free(pl);
	sv_model_free(m);
	ttw_release(&w);
	return rc;
}
