/* timetable_generate — a school's semester solved and written as a new draft version
 * (see timetable_generate.h). */
#include "store/timetable_generate.h"

#include <jansson.h>
#include <stdatomic.h>
#include <stdio.h>
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

/* The caller's clock, pushed past any time limit once the gate is cancelled: the search
 * (and each of sv_explain's re-solves) stops at its next look at the clock. */
struct gated_clock {
	double (*now)(void *ctx);
	void *ctx;
	_Atomic int *gate;
};

static double gated_now(void *ctx)
{
	const struct gated_clock *g = ctx;
	double t = g->now(g->ctx);
	return atomic_load(g->gate) == TTG_GATE_CANCELLED ? t + 1e9 : t;
}

static void blame_class(const struct ttw *w, int c, struct tt_blame *b)
{
	if (c < 0 || (size_t)c >= w->n_classes)
		return;
	b->class_id = w->classes[c].id;
	snprintf(b->class_label, sizeof b->class_label, "%s", w->classes[c].label);
}

static void blame_teacher(const struct ttw *w, int t, struct tt_blame *b)
{
	if (t < 0 || (size_t)t >= w->n_teachers)
		return;
	b->staff_id = w->teachers[t].id;
	snprintf(b->staff_name, sizeof b->staff_name, "%s", w->teachers[t].name);
}

/* Names activity a's class, teacher and subject in b. */
static void blame_activity(const struct ttw *w, int a, struct tt_blame *b)
{
	if (a < 0 || (size_t)a >= w->n_acts)
		return;
	const struct ttw_activity *x = &w->acts[a];
	if (x->block >= 0) { /* an elective block's hour: its lowest class, no subject of the school */
		int n_teachers, *classes = malloc((w->n_classes + 1) * sizeof *classes);
		int *teachers = malloc((w->n_teachers + 1) * sizeof *teachers);
		if (classes && teachers && ttw_block_members(w, x, classes, teachers, &n_teachers) > 0) {
			blame_class(w, classes[0], b);
			if (n_teachers)
				blame_teacher(w, teachers[0], b);
		}
		free(classes);
		free(teachers);
		return;
	}
	blame_class(w, x->cls, b);
	blame_teacher(w, x->teacher, b);
	b->subject_id = w->subjects[x->subject].id;
	snprintf(b->subject_name, sizeof b->subject_name, "%s", w->subjects[x->subject].name);
}

/* A counting conflict about students names them by their set ("7A" or "7A-1"): the class
 * whose label begins the sentence. */
static int class_of_sentence(const struct ttw *w, const char *text)
{
	for (size_t c = 0; c < w->n_classes; c++) {
		size_t n = strlen(w->classes[c].label);
		if (strncmp(text, w->classes[c].label, n) == 0 && (text[n] == ' ' || text[n] == '-'))
			return (int)c;
	}
	return -1;
}

static void blame_counted(const struct ttw *w, const struct sv_conflict *c, struct tt_blame *b)
{
	memset(b, 0, sizeof *b);
	b->kind = c->kind;
	b->need = c->need;
	b->have = c->have;
	snprintf(b->text, sizeof b->text, "%s", c->text);
	switch (c->kind) {
	case SV_C_TEACHER_HOURS:
		blame_teacher(w, c->who, b);
		break;
	case SV_C_ROOM_HOURS:
		if (c->who >= 0 && (size_t)c->who < w->n_rooms) {
			b->room_id = w->rooms[c->who].id;
			snprintf(b->room_name, sizeof b->room_name, "%s", w->rooms[c->who].name);
		}
		break;
	case SV_C_SAME_TIME_CLASH:
	case SV_C_NO_SLOT:
	case SV_C_NO_ROOM:
	case SV_C_LOCK:
		blame_activity(w, c->who, b);
		break;
	default:
		blame_class(w, class_of_sentence(w, c->text), b);
	}
}

static void blame_explained(const struct ttw *w, const struct sv_relax *r, struct tt_blame *b)
{
	memset(b, 0, sizeof *b);
	b->explained = 1;
	b->kind = r->kind;
	snprintf(b->text, sizeof b->text, "%s", r->text);
	switch (r->kind) {
	case SV_R_CLASS_MIN:
	case SV_R_CLASS_MAX:
	case SV_R_CLASS_OFF:
		blame_class(w, r->who, b);
		break;
	case SV_R_SUBJECT_DAY:
		if (r->who >= 0 && (size_t)r->who < w->n_subjects) {
			b->subject_id = w->subjects[r->who].id;
			snprintf(b->subject_name, sizeof b->subject_name, "%s", w->subjects[r->who].name);
		}
		break;
	case SV_R_TEACHER_OFF:
	case SV_R_TEACHER_DAILY:
	case SV_R_TEACHER_DAYS:
	case SV_R_TEACHER_MIN_DAILY:
	case SV_R_TEACHER_RUN:
		blame_teacher(w, r->who, b);
		break;
	case SV_R_LOCK:
	case SV_R_ACTIVITY_OFF:
	case SV_R_ENDS_DAY:
		blame_activity(w, r->who, b);
		break;
	default:
		break;
	}
}

struct sv_params tt_explain_params(const struct sv_params *p, int n_acts)
{
	struct sv_params q = *p;
	q.progress = NULL;
	q.max_iters = n_acts > 333 ? (uint64_t)n_acts * 300 : 100000;
	q.time_limit = p->time_limit / 2 < 2 ? 2 : p->time_limit / 2 > 20 ? 20 : p->time_limit / 2;
	return q;
}

/* The elective blocks cannot be formed: their conflicts, with the classes and teachers. */
static void blame_electives(const struct ttw *w, struct tt_generate_result *out)
{
	for (size_t i = 0; i < w->n_econf && i < TTW_MAX_ECONF && out->n_blame < TTG_MAX_BLAME; i++) {
		const struct ttw_econflict *c = &w->econf[i];
		struct tt_blame *b = &out->blame[out->n_blame++];
		memset(b, 0, sizeof *b);
		b->explained = TTG_BLAME_ELECTIVE;
		b->kind = c->kind;
		b->need = c->need;
		b->have = c->have;
		snprintf(b->text, sizeof b->text, "%s", c->text);
		for (int k = 0; k < c->n_classes; k++) {
			const struct ttw_class *x = &w->classes[c->classes[k]];
			if (k == 0) {
				blame_class(w, c->classes[k], b);
			} else if (b->n_more_classes < TTG_BLAME_MORE) {
				b->more_class_ids[b->n_more_classes] = x->id;
				snprintf(b->more_class_labels[b->n_more_classes++], sizeof b->more_class_labels[0], "%s",
					 x->label);
			}
		}
		for (int k = 0; k < c->n_teachers; k++) {
			const struct ttw_teacher *t = &w->teachers[c->teachers[k]];
			if (k == 0) {
				blame_teacher(w, c->teachers[k], b);
			} else if (b->n_more_staff < TTG_BLAME_MORE) {
				b->more_staff_ids[b->n_more_staff] = t->id;
				snprintf(b->more_staff_names[b->n_more_staff++], sizeof b->more_staff_names[0], "%s", t->name);
			}
		}
	}
}

/* No timetable: the counting conflicts, then the solver's smallest conflicting set. */
static void explain(struct sv_model *m, const struct ttw *w, const struct sv_params *p, const struct sv_result *r,
		    struct tt_generate_result *out)
{
	for (size_t i = 0; i < r->n_conflicts && i < SV_MAX_CONFLICTS && out->n_blame < TTG_MAX_BLAME; i++)
		blame_counted(w, &r->conflicts[i], &out->blame[out->n_blame++]);
	struct sv_params q = tt_explain_params(p, sv_n_activities(m));
	if (p->progress) {
		struct sv_progress pr = {.phase = 3, .hard = out->report.hard, .soft = out->report.soft,
					 .elapsed = r->elapsed};
		p->progress(p->progress_ctx, &pr);
	}
	struct sv_relax set[TTG_MAX_BLAME];
	out->explain_rc = sv_explain(m, &q, set, TTG_MAX_BLAME);
	for (int i = 0; i < out->explain_rc && i < TTG_MAX_BLAME && out->n_blame < TTG_MAX_BLAME; i++)
		blame_explained(w, &set[i], &out->blame[out->n_blame++]);
}

/* The elective rows checked against the lessons, as the timetable's clash check would:
 * no lesson of a block's class, and no lesson or other row of a row's teacher or room,
 * at the row's slot. How many clashes. */
static size_t elective_clashes(const struct tt_entry *e, size_t n_e, const struct ttw_elective_entry *rows,
			       size_t n_rows)
{
	size_t k = 0;
	for (size_t i = 0; i < n_rows; i++) {
		const struct ttw_elective_entry *r = &rows[i];
		for (size_t j = 0; j < n_e; j++)
			if (e[j].weekday == r->weekday && e[j].period == r->period &&
			    ((r->grades >> e[j].grade & 1) || (r->staff_id && e[j].staff_id == r->staff_id) ||
			     (r->room_id && e[j].room_id == r->room_id)))
				k++;
		for (size_t j = 0; j < i; j++)
			if (rows[j].weekday == r->weekday && rows[j].period == r->period &&
			    ((r->staff_id && rows[j].staff_id == r->staff_id) || (r->room_id && rows[j].room_id == r->room_id)))
				k++;
	}
	return k;
}

/* Inserts the elective rows of a new version. */
static int store_elective_rows(struct db *db, int64_t timetable_id, const struct ttw_elective_entry *rows, size_t n)
{
	int rc = DB_OK;
	for (size_t i = 0; i < n && rc == DB_OK; i++) {
		struct db_stmt *st = db_prepare(db, "INSERT INTO timetable_elective_entries (timetable_id, weekday, period,"
						    " grade, group_id, staff_id, room_id, locked) VALUES ($1, $2, $3, $4, $5,"
						    " $6, $7, 0)");
		if (!st)
			return DB_ERROR;
		db_bind_int64(st, 1, timetable_id);
		db_bind_int64(st, 2, rows[i].weekday);
		db_bind_int64(st, 3, rows[i].period);
		db_bind_int64(st, 4, rows[i].grade);
		db_bind_int64(st, 5, rows[i].group_id);
		if (rows[i].staff_id)
			db_bind_int64(st, 6, rows[i].staff_id);
		else
			db_bind_null(st, 6);
		if (rows[i].room_id)
			db_bind_int64(st, 7, rows[i].room_id);
		else
			db_bind_null(st, 7);
		rc = db_step(st);
		db_done(st);
		rc = rc == DB_DONE ? DB_OK : rc < 0 ? rc : DB_ERROR;
	}
	return rc;
}

/* Writes the draft in one write transaction, unless the gate was cancelled first. */
static int write_draft(struct db *db, const struct ttw *w, struct tt_entry *e, const struct ttw_elective_entry *rows,
		       int64_t user_id, const struct sv_params *p, _Atomic int *gate, struct tt_generate_result *out)
{
	int rc = db_begin_write(db);
	if (rc != DB_OK)
		return rc;
	int open = TTG_GATE_OPEN;
	if (gate && !atomic_compare_exchange_strong(gate, &open, TTG_GATE_WRITING)) {
		db_rollback(db);
		return TTG_CANCELLED;
	}
	json_t *t = json_pack("{sI sI sI}", "school_id", (json_int_t)w->school_id, "academic_year_id",
			      (json_int_t)w->year_id, "semester", (json_int_t)w->semester);
	rc = t ? timetables_insert(db, t, user_id, &out->timetable_id) : DB_ERROR;
	json_decref(t);
	if (rc == DB_OK)
		rc = timetable_entries_store(db, out->timetable_id, e, w->n_lessons);
	if (rc == DB_OK)
		rc = store_elective_rows(db, out->timetable_id, rows, out->elective_rows);
	json_t *after = rc == DB_OK ? timetables_get(db, out->timetable_id) : NULL;
	if (after) {
		out->number = (int)json_integer_value(json_object_get(after, "number"));
		json_t *gen = json_pack("{sI sf si si sI si sI}", "seed", (json_int_t)p->seed, "time_limit",
					p->time_limit, "hard", out->report.hard, "teacher_gaps", out->report.teacher_gaps,
					"locks_from", (json_int_t)out->locks_from, "locked", out->locked, "elective_rows",
					(json_int_t)out->elective_rows);
		/* the run's caps on teachers, those set */
		static const char *const caps[] = {"teacher_max_daily", "teacher_max_gaps_day", "teacher_max_gaps_week"};
		const int values[] = {w->teacher_rules.max_daily, w->teacher_rules.max_gaps_day,
				      w->teacher_rules.max_gaps_week};
		for (int k = 0; k < 3; k++)
			if (values[k] != SV_NO_LIMIT)
				json_object_set_new(gen, caps[k], json_integer(values[k]));
		json_object_set_new(after, "generator", gen);
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

int timetable_generate(struct db *db, int64_t school_id, int64_t year_id, int semester, const struct sv_params *given,
		       int n_threads, int64_t user_id, _Atomic int *gate, const struct ttw_teacher_rules *teachers,
		       struct tt_generate_result *out)
{
	memset(out, 0, sizeof *out);
	out->status = SV_ERROR;
	out->time_to_feasible = -1;
	out->explain_rc = -3;
	struct sv_params gated = *given;
	struct gated_clock clock = {given->now, given->now_ctx, gate};
	if (gate && given->now) {
		gated.now = gated_now;
		gated.now_ctx = &clock;
	}
	const struct sv_params *p = &gated;
	struct ttw w;
	int rc = ttw_load(db, school_id, year_id, semester, &w);
	if (rc == TTW_ELECTIVES) {
		out->status = SV_INFEASIBLE;
		out->elective_conflicts = w.n_econf;
		blame_electives(&w, out);
		ttw_release(&w);
		return TTG_NO_TIMETABLE;
	}
	if (rc != TTW_OK) {
		snprintf(out->error, sizeof out->error, "%s", w.error);
		out->input_rc = rc;
		ttw_release(&w);
		return rc > 0 ? TTG_BAD_INPUT : rc;
	}
	if (teachers)
		w.teacher_rules = *teachers;
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
	if (gate && atomic_load(gate) == TTG_GATE_CANCELLED)
		rc = TTG_CANCELLED;
	else if (rc == TTG_NO_TIMETABLE)
		explain(m, &w, p, &r, out);
	if (rc == TTG_NO_TIMETABLE && gate && atomic_load(gate) == TTG_GATE_CANCELLED)
		rc = TTG_CANCELLED;
	struct tt_entry *e = rc == TTG_OK ? ttw_entries(&w, pl) : NULL;
	struct ttw_elective_entry *rows = e ? ttw_elective_entries(&w, pl, e, &out->elective_rows) : NULL;
	if (rc == TTG_OK && (!e || !rows))
		rc = DB_ERROR;
	if (rc == TTG_OK) {
		int db_rc;
		out->clashes = clashes_of(db, year_id, e, w.n_lessons, &db_rc);
		if (db_rc != DB_OK)
			rc = db_rc;
		else if (out->clashes == TT_NOMEM)
			rc = DB_ERROR;
		else if ((out->clashes += elective_clashes(e, w.n_lessons, rows, out->elective_rows)) > 0)
			rc = TTG_CLASH;
	}
	if (rc == TTG_OK) {
		out->lessons = w.n_lessons;
		rc = write_draft(db, &w, e, rows, user_id, p, gate, out);
	}
	free(rows);
	free(e);
	free(pl);
	sv_model_free(m);
	ttw_release(&w);
	return rc;
}
