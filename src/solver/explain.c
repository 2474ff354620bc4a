/* The smallest conflicting set the search can show (solver.h, sv_explain): when no
 * timetable is found, relax every constraint in force, put whole kinds back while a
 * timetable is still found, then inside each kind left the ones the best timetable did
 * not break at once and the others one at a time (a deletion filter over brief
 * re-solves, at most 48 of them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "solver/model_int.h"

/* One relaxable constraint and what it held before it was relaxed. */
struct cand {
	enum sv_relax_kind kind;
	int who;
	int relaxed;
	int saved;                     /* a cap, a lock, a flag */
	uint32_t saved_mask[SV_MAX_DAYS]; /* unavailable times */
};

/* The mask array and the number of its owners of a kind of unavailable times, or NULL. */
static uint32_t *off_masks(struct sv_model *m, enum sv_relax_kind k)
{
	return k == SV_R_CLASS_OFF ? m->class_off : k == SV_R_TEACHER_OFF ? m->teacher_off
						 : k == SV_R_ACTIVITY_OFF ? m->act_off : NULL;
}

/* The int a kind of cap keeps for `who`, or NULL (a kind of masks). */
static int *cap_of(struct sv_model *m, enum sv_relax_kind k, int who)
{
	switch (k) {
	case SV_R_TEACHER_GAPS_DAY:
		return &m->rules.teacher_max_gaps_day;
	case SV_R_TEACHER_GAPS_WEEK:
		return &m->rules.teacher_max_gaps_week;
	case SV_R_STUDENT_GAPS:
		return &m->rules.students_no_gaps;
	case SV_R_STUDENT_EARLY:
		return &m->rules.students_early;
	case SV_R_CLASS_MIN:
		return &m->class_min[who];
	case SV_R_CLASS_MAX:
		return &m->class_max[who];
	case SV_R_SUBJECT_DAY:
		return &m->subject_max[who];
	case SV_R_TEACHER_DAILY:
		return &m->teacher_max[who];
	case SV_R_TEACHER_DAYS:
		return &m->teacher_max_days[who];
	case SV_R_TEACHER_MIN_DAILY:
		return &m->teacher_min_daily[who];
	case SV_R_TEACHER_RUN:
		return &m->teacher_max_run[who];
	case SV_R_LOCK:
		return &m->act_lock[who];
	case SV_R_ENDS_DAY:
		return &m->act_last[who];
	default:
		return NULL;
	}
}

/* The value that turns a cap off. */
static int cap_off(enum sv_relax_kind k)
{
	switch (k) {
	case SV_R_STUDENT_GAPS:
	case SV_R_STUDENT_EARLY:
	case SV_R_CLASS_MIN:
	case SV_R_TEACHER_MIN_DAILY:
	case SV_R_ENDS_DAY:
		return 0;
	case SV_R_LOCK:
		return -1;
	default:
		return SV_NO_LIMIT;
	}
}

static void set_relaxed(struct sv_model *m, struct cand *c, int relax)
{
	if (c->relaxed == relax)
		return;
	uint32_t *masks = off_masks(m, c->kind);
	if (masks) {
		for (int d = 0; d < m->days; d++) {
			uint32_t *x = &masks[c->who * m->days + d];
			if (relax) {
				c->saved_mask[d] = *x;
				*x = 0;
			} else {
				*x = c->saved_mask[d];
			}
		}
	} else {
		int *x = cap_of(m, c->kind, c->who);
		if (relax) {
			c->saved = *x;
			*x = cap_off(c->kind);
		} else {
			*x = c->saved;
		}
	}
	c->relaxed = relax;
	m->prepared = 0;
}

/* Whether the constraint is in force at all (worth a candidate). */
static int in_force(struct sv_model *m, enum sv_relax_kind k, int who)
{
	uint32_t *masks = off_masks(m, k);
	if (masks) {
		uint32_t any = 0;
		for (int d = 0; d < m->days; d++)
			any |= masks[who * m->days + d];
		return any != 0;
	}
	return *cap_of(m, k, who < 0 ? 0 : who) != cap_off(k);
}

static int owners(const struct sv_model *m, enum sv_relax_kind k)
{
	switch (k) {
	case SV_R_CLASS_MIN:
	case SV_R_CLASS_MAX:
	case SV_R_CLASS_OFF:
		return m->n_classes;
	case SV_R_SUBJECT_DAY:
		return m->n_subjects;
	case SV_R_TEACHER_OFF:
	case SV_R_TEACHER_DAILY:
	case SV_R_TEACHER_DAYS:
	case SV_R_TEACHER_MIN_DAILY:
	case SV_R_TEACHER_RUN:
		return m->n_teachers;
	case SV_R_LOCK:
	case SV_R_ACTIVITY_OFF:
	case SV_R_ENDS_DAY:
		return m->n_acts;
	default:
		return 1; /* a school rule */
	}
}

static void describe(const struct sv_model *m, struct sv_relax *r)
{
	static const char *const what[SV_R_COUNT] = {
		"the teachers' daily gap cap",  "the teachers' weekly gap cap",   "students without gaps",
		"students from the first period", "the daily minimum of class",  "the daily maximum of class",
		"the unavailable times of class", "the cap a day of subject",    "the unavailable times of teacher",
		"the daily maximum of teacher", "the maximum days of teacher",    "the daily minimum of teacher",
		"the maximum in a row of teacher", "the hand-placed lock of activity", "the allowed slots of activity",
		"the end of the students' day for activity",
	};
	const char *name = "";
	char num[24];
	switch (r->kind) {
	case SV_R_CLASS_MIN:
	case SV_R_CLASS_MAX:
	case SV_R_CLASS_OFF:
		name = m->class_name[r->who].s;
		break;
	case SV_R_SUBJECT_DAY:
		name = m->subject_name[r->who].s;
		break;
	case SV_R_TEACHER_OFF:
	case SV_R_TEACHER_DAILY:
	case SV_R_TEACHER_DAYS:
	case SV_R_TEACHER_MIN_DAILY:
	case SV_R_TEACHER_RUN:
		name = m->teacher_name[r->who].s;
		break;
	case SV_R_LOCK:
	case SV_R_ACTIVITY_OFF:
	case SV_R_ENDS_DAY:
		snprintf(num, sizeof num, "%lld", (long long)m->act_ext[r->who]);
		name = num;
		break;
	default:
		break;
	}
	snprintf(r->text, sizeof r->text, "%s%s%s", what[r->kind], *name ? " " : "", name);
}

/* Solves briefly: 1 when a timetable exists; the best placement in pl, its hard count in *hard. */
static int feasible(struct sv_model *m, const struct sv_params *p, struct sv_place *pl, int *hard)
{
	struct sv_params q = *p;
	struct sv_result res;
	q.progress = NULL;
	enum sv_status st = sv_solve(m, &q, pl, &res);
	if (hard)
		*hard = st == SV_INFEASIBLE ? -1 : res.hard;
	return st == SV_SOLVED;
}

/* Re-solves at most this many times (each with the caller's budget); past it, what is
 * still relaxed is given — a set that works, not the smallest. */
#define MAX_RESOLVES 48

struct filter {
	struct sv_model *m;
	const struct sv_params *p;
	struct sv_place *pl;
	int resolves;
};

/* Puts back the candidates of `idx` (k of them) at once: 1 when a timetable still exists
 * (they stay), else relaxes them again (0). Past the budget, nothing is put back. */
static int put_back(struct filter *f, struct cand *c, const int *idx, int k)
{
	if (f->resolves >= MAX_RESOLVES || k == 0)
		return 0;
	for (int i = 0; i < k; i++)
		set_relaxed(f->m, &c[idx[i]], 0);
	f->resolves++;
	if (feasible(f->m, f->p, f->pl, NULL))
		return 1;
	for (int i = 0; i < k; i++)
		set_relaxed(f->m, &c[idx[i]], 1);
	return 0;
}

int sv_explain(struct sv_model *m, const struct sv_params *p, struct sv_relax *out, int cap)
{
	if (sv_prepare(m) || m->n_acts == 0)
		return -1;
	int total = 0;
	for (int k = 0; k < SV_R_COUNT; k++)
		total += owners(m, (enum sv_relax_kind)k);
	struct cand *c = calloc((size_t)total + 1, sizeof *c);
	struct sv_place *pl = malloc((size_t)m->n_acts * sizeof *pl);
	int *idx = malloc(((size_t)total + 1) * sizeof(int));
	char *involved = calloc((size_t)total + 1, 1);
	int n = 0, rc = 0, hard = 0;
	struct filter f = {m, p, pl, 0};
	if (!c || !pl || !idx || !involved) {
		rc = -1;
		goto done;
	}
	for (int k = 0; k < SV_R_COUNT; k++)
		for (int w = 0; w < owners(m, (enum sv_relax_kind)k); w++)
			if (in_force(m, (enum sv_relax_kind)k, w))
				c[n++] = (struct cand){(enum sv_relax_kind)k, k <= SV_R_STUDENT_EARLY ? -1 : w, 0, 0, {0}};
	if (feasible(m, p, pl, &hard))
		goto done; /* rc 0: nothing to blame */
	/* which constraints the best timetable breaks: relaxing one alone lowers its count */
	struct sv_report before, after;
	if (hard >= 0) {
		if (sv_verify(m, pl, &before)) {
			rc = -1;
			goto done;
		}
		for (int i = 0; i < n; i++) {
			set_relaxed(m, &c[i], 1);
			if (sv_verify(m, pl, &after)) {
				rc = -1;
				goto done;
			}
			involved[i] = after.hard < before.hard;
			set_relaxed(m, &c[i], 0);
		}
	}
	/* everything relaxed must give a timetable */
	for (int i = 0; i < n; i++)
		set_relaxed(m, &c[i], 1);
	if (!feasible(m, p, pl, NULL)) {
		rc = -2;
		goto done;
	}
	/* by kinds: put each kind back as a whole while a timetable is still found */
	for (int k = 0; k < SV_R_COUNT; k++) {
		int nk = 0;
		for (int i = 0; i < n; i++)
			if (c[i].kind == (enum sv_relax_kind)k)
				idx[nk++] = i;
		put_back(&f, c, idx, nk);
	}
	/* inside a kind to blame: the constraints the best timetable did not break back at
	 * once, then each of the others (a deletion filter) */
	for (int k = 0; k < SV_R_COUNT; k++) {
		int nk = 0;
		for (int i = 0; i < n; i++)
			if (c[i].kind == (enum sv_relax_kind)k && c[i].relaxed && !involved[i])
				idx[nk++] = i;
		int all = 0;
		for (int i = 0; i < n; i++)
			all += c[i].kind == (enum sv_relax_kind)k && c[i].relaxed;
		if (all > 1 && nk < all)
			put_back(&f, c, idx, nk);
		for (int i = 0; all > 1 && i < n; i++)
			if (c[i].kind == (enum sv_relax_kind)k && c[i].relaxed)
				put_back(&f, c, &i, 1);
	}
	for (int i = 0; i < n; i++)
		if (c[i].relaxed) {
			if (rc < cap) {
				out[rc].kind = c[i].kind;
				out[rc].who = c[i].who;
				describe(m, &out[rc]);
			}
			rc++;
		}
done:
	for (int i = 0; c && i < n; i++)
		set_relaxed(m, &c[i], 0);
	free(c);
	free(pl);
	free(idx);
	free(involved);
	return rc;
}
