/* The search (solver.h): a constructive placement, most constrained first, then
 * simulated annealing on the hard violations (moves of a same-time set to another slot,
 * Kempe swaps of two slots over the students involved, room changes) with incremental
 * costs, then the same on the soft cost with the hard violations kept at 0.
 *
 * The state keeps per teacher, student atom and room the lessons at each slot, a busy
 * mask per day, and per atom, subject and day the lessons; the costs of a day are
 * recomputed from its mask when it changes, so a move costs a few operations per
 * entity it touches. Rejected moves are undone by moving back. sv_solve_parallel()'s
 * threads exchange their best timetables at fixed move counts, so that a seed gives
 * the same timetable every run. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "solver/model_int.h"

/* the search's knobs (measured on bench/timetable; see docs/solver.md) */
#ifndef SV_T1_HI
#define SV_T1_HI 0.6
#endif
#ifndef SV_T1_LO
#define SV_T1_LO 0.04
#endif
#ifndef SV_DIRECTED
#define SV_DIRECTED 5
#endif
#ifndef SV_SOFT1
#define SV_SOFT1 1e-4
#endif
#ifndef SV_KEMPE_T
#define SV_KEMPE_T 50
#endif
#ifndef SV_KEMPE_SKIPLOCK
#define SV_KEMPE_SKIPLOCK 1
#endif
#ifndef SV_KEMPE_TMAX
#define SV_KEMPE_TMAX 16
#endif
#ifndef SV_CYCLE
#define SV_CYCLE 200000
#endif

/* --- the random stream: splitmix64 --- */

static uint64_t rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static int rnd_below(uint64_t *s, int n)
{
	return (int)(((rnd(s) >> 32) * (uint64_t)n) >> 32);
}

static double rnd_unit(uint64_t *s)
{
	return (double)(rnd(s) >> 11) * (1.0 / 9007199254740992.0);
}

/* --- the state --- */

struct st {
	struct sv_model *m;
	int D, P, NS, T, G, R, S, NU, NA;
	int capd, capw;              /* teacher gap caps (SV_NO_LIMIT: none) */
	int wgap, wspread, wlate, late_from;
	int *uslot;                  /* unit -> slot, -1 not placed */
	int *ulock;                  /* unit -> the slot it is locked at, or -1 */
	int *aroom;                  /* activity -> room or -1 */
	short *tc, *gc, *rc;         /* [entity * NS + slot] */
	uint32_t *tm, *gm;           /* [entity * D + d] busy masks */
	short *sd;                   /* [(atom * S + subject) * D + d] */
	short *tgd;                  /* teacher gaps of a day */
	int *tgw;                    /* teacher gaps of the week */
	int *tdays;                  /* a teacher's days with lessons */
	short *ec;                   /* [atom * NS + slot]: activities ending the day that end there */
	uint32_t *em;                /* [atom * D + d]: slots of ec > 0 */
	int *gcost;                  /* [atom * D + d]: atom_day_cost() of the day as it is */
	long hard, soft;
	/* units of each slot */
	int **slot_units, *slot_n, *upos;
	/* Kempe scratch */
	int *amark, *tmark, epoch, *sel, *selmark;
	uint64_t *usig_a, *usig_t;   /* unit -> a 64-bit sketch of its atoms / teachers */
	uint64_t ksig_a, ksig_t;     /* the chain's sketches (a unit missing both is not in it) */
	/* undo */
	int *undo_u, *undo_slot, *undo_room, n_undo, n_undo_room;
	int *bad, nbad;            /* units in hard violations (refreshed now and then) */
	uint64_t rng;
};

/* A popcount that skips the (usual) empty mask. */
static inline int pc(uint32_t x)
{
	return x ? sv_popcount(x) : 0;
}

static inline int excess(int v, int cap)
{
	return cap != SV_NO_LIMIT && v > cap ? v - cap : 0;
}

/* The hard cost of an atom's day `d` with busy periods `mask` and activities ending the
 * day at `em` (the counts in s->ec). */
static int atom_day_cost(const struct st *s, int g, int d, uint32_t mask, uint32_t em)
{
	const struct sv_model *m = s->m;
	int cl = m->atom_class[g], c = 0;
	int n = sv_popcount(mask);
	if (n < m->class_min[cl])
		c += m->class_min[cl] - n;
	c += excess(n, m->class_max[cl]);
	if (!n)
		return c;
	uint32_t off = m->atom_off[g * s->D + d];
	int first = __builtin_ctz(mask), last = 31 - __builtin_clz(mask);
	if (m->rules.students_no_gaps)
		c += off ? sv_day_gaps(mask, off) : last - first + 1 - n;
	if (m->rules.students_early)
		c += first - pc(off & sv_span(0, first));
	while (em) {
		int b = __builtin_ctz(em);
		em &= em - 1;
		if (b < 31 && mask >> (b + 1))
			c += s->ec[g * s->NS + d * s->P + b];
	}
	return c;
}

/* The hard cost of a teacher's day of its own (not the gap caps nor max days). */
static int teacher_day_cost(const struct sv_model *m, int t, uint32_t mask)
{
	int n = sv_popcount(mask), c = excess(n, m->teacher_max[t]);
	if (n < m->teacher_min_daily[t] && (n || !m->teacher_min_empty_ok[t]))
		c += m->teacher_min_daily[t] - n;
	return c + sv_run_excess(mask, m->teacher_max_run[t]);
}

static void teacher_day_changed(struct st *s, int t, int d, uint32_t old, uint32_t nw)
{
	const struct sv_model *m = s->m;
	uint32_t off = m->teacher_off[t * s->D + d];
	int og = s->tgd[t * s->D + d], ng = sv_day_gaps(nw, off);
	s->hard += teacher_day_cost(m, t, nw) - teacher_day_cost(m, t, old);
	if (!old != !nw) {
		int md = m->teacher_max_days[t];
		s->hard -= excess(s->tdays[t], md);
		s->tdays[t] += nw ? 1 : -1;
		s->hard += excess(s->tdays[t], md);
	}
	s->hard += excess(ng, s->capd) - excess(og, s->capd);
	if (ng != og) {
		s->hard -= excess(s->tgw[t], s->capw);
		s->tgw[t] += ng - og;
		s->hard += excess(s->tgw[t], s->capw);
		s->tgd[t * s->D + d] = (short)ng;
		s->soft += (long)s->wgap * (ng - og);
	}
}

/* Counts one lesson more (dir 1) or less (-1) at the `dur` slots from c (a teacher's,
 * atom's or room's, starting at period p), a clash for each beyond the first; returns
 * the day's busy mask updated. */
static uint32_t count_span(struct st *s, short *c, int p, int dur, int dir, uint32_t mask)
{
	for (int k = 0; k < dur; k++) {
		if (dir > 0) {
			if (c[k] >= 1)
				s->hard++;
			if (c[k]++ == 0)
				mask |= 1u << (p + k);
		} else {
			if (c[k] >= 2)
				s->hard--;
			if (--c[k] == 0)
				mask &= ~(1u << (p + k));
		}
	}
	return mask;
}

/* Adds (dir 1) or removes (dir -1) activity a starting at slot sl with room. */
static void touch_act(struct st *s, int a, int sl, int room, int dir)
{
	const struct sv_model *m = s->m;
	int D = s->D, NS = s->NS, d = sl / s->P, p = sl % s->P, dur = m->act_dur[a];
	uint32_t bits = sv_span(p, dur);
	s->hard += dir * pc(m->act_off[a * D + d] & bits);
	for (int i = 0; i < m->act_nt[a]; i++) {
		int t = m->pool_t[m->act_t0[a] + i];
		uint32_t old = s->tm[t * D + d];
		s->hard += dir * pc(m->teacher_off[t * D + d] & bits);
		uint32_t nw = count_span(s, &s->tc[t * NS + sl], p, dur, dir, old);
		if (nw != old) {
			s->tm[t * D + d] = nw;
			teacher_day_changed(s, t, d, old, nw);
		}
	}
	int subj = m->act_subject[a], smax = m->subject_max[subj];
	int last = m->act_last[a], lslot = sl + dur - 1;
	for (int i = m->act_atoms.off[a]; i < m->act_atoms.off[a + 1]; i++) {
		int g = m->act_atoms.items[i];
		uint32_t old = s->gm[g * D + d];
		s->hard += dir * pc(m->atom_off[g * D + d] & bits);
		uint32_t nw = count_span(s, &s->gc[g * NS + sl], p, dur, dir, old);
		if (last) {
			short *e = &s->ec[g * NS + lslot];
			*e = (short)(*e + dir);
			if (*e)
				s->em[g * D + d] |= 1u << (p + dur - 1);
			else
				s->em[g * D + d] &= ~(1u << (p + dur - 1));
		}
		if (nw != old || last) {
			int *gc = &s->gcost[g * D + d], c = atom_day_cost(s, g, d, nw, s->em[g * D + d]);
			s->gm[g * D + d] = nw;
			s->hard += c - *gc;
			*gc = c;
		}
		short *k = &s->sd[(g * s->S + subj) * D + d];
		for (int h = 0; h < dur; h++) {
			if (dir > 0) {
				if (smax != SV_NO_LIMIT && *k >= smax)
					s->hard++;
				if (*k >= 1)
					s->soft += s->wspread;
				(*k)++;
			} else {
				(*k)--;
				if (smax != SV_NO_LIMIT && *k >= smax)
					s->hard--;
				if (*k >= 1)
					s->soft -= s->wspread;
			}
		}
	}
	if (m->subject_hard[subj] && p >= s->late_from)
		s->soft += dir * s->wlate;
	if (room >= 0)
		count_span(s, &s->rc[room * NS + sl], p, dur, dir, 0);
}

/* A room for activity a at slot sl: a free one of its set (first from a rotating
 * start), else the least used; -1 when it needs none. */
static int pick_room(struct st *s, int a, int sl)
{
	const struct sv_model *m = s->m;
	int r0 = m->act_rooms.off[a], n = m->act_rooms.off[a + 1] - r0;
	if (!n)
		return -1;
	int start = rnd_below(&s->rng, n), best = -1, bestc = 1 << 30;
	for (int i = 0; i < n; i++) {
		int r = m->act_rooms.items[r0 + (start + i) % n];
		int c = 0;
		for (int k = 0; k < m->act_dur[a]; k++)
			c += s->rc[r * s->NS + sl + k];
		if (c < bestc) {
			bestc = c;
			best = r;
			if (!c)
				break;
		}
	}
	return best;
}

/* Whether unit u may start at slot sl: its longest activity ends inside the day. */
static inline int start_ok(const struct st *s, int u, int sl)
{
	return sl % s->P + s->m->unit_dur[u] <= s->P;
}

static void slot_add(struct st *s, int u, int sl)
{
	s->upos[u] = s->slot_n[sl];
	s->slot_units[sl][s->slot_n[sl]++] = u;
}

static void slot_del(struct st *s, int u, int sl)
{
	int i = s->upos[u], last = s->slot_units[sl][--s->slot_n[sl]];
	s->slot_units[sl][i] = last;
	s->upos[last] = i;
}

static void unit_remove(struct st *s, int u)
{
	const struct sv_model *m = s->m;
	int sl = s->uslot[u];
	if (sl < 0)
		return;
	for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1]; i++) {
		int a = m->unit_acts.items[i];
		touch_act(s, a, sl, s->aroom[a], -1);
	}
	slot_del(s, u, sl);
	s->uslot[u] = -1;
}

/* Places unit u at sl: with the rooms given (rooms != NULL, one per activity of the
 * unit) or picked. */
static void unit_place(struct st *s, int u, int sl, const int *rooms)
{
	const struct sv_model *m = s->m;
	int k = 0;
	for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1]; i++, k++) {
		int a = m->unit_acts.items[i];
		int r = rooms ? rooms[k] : pick_room(s, a, sl);
		s->aroom[a] = r;
		touch_act(s, a, sl, r, 1);
	}
	s->uslot[u] = sl;
	slot_add(s, u, sl);
}

/* Moves u to sl, remembering where it was (for undo). */
static void move_unit(struct st *s, int u, int sl)
{
	const struct sv_model *m = s->m;
	s->undo_u[s->n_undo] = u;
	s->undo_slot[s->n_undo++] = s->uslot[u];
	for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1]; i++)
		s->undo_room[s->n_undo_room++] = s->aroom[m->unit_acts.items[i]];
	unit_remove(s, u);
	if (sl >= 0)
		unit_place(s, u, sl, NULL);
}

static void undo(struct st *s)
{
	for (int i = 0; i < s->n_undo; i++)
		unit_remove(s, s->undo_u[i]);
	int rp = 0;
	for (int i = 0; i < s->n_undo; i++) {
		int u = s->undo_u[i], n = s->m->unit_acts.off[u + 1] - s->m->unit_acts.off[u];
		if (s->undo_slot[i] >= 0)
			unit_place(s, u, s->undo_slot[i], s->undo_room + rp);
		rp += n;
	}
	s->n_undo = s->n_undo_room = 0;
}

static void commit(struct st *s)
{
	s->n_undo = s->n_undo_room = 0;
}

/* --- moves --- */

#define KEMPE_MAX 48

/* Marks the atoms (and, with teachers, the teachers) of unit v as in the chain. */
static void kempe_mark(struct st *s, int v, int teachers)
{
	const struct sv_model *m = s->m;
	s->ksig_a |= s->usig_a[v];
	if (teachers)
		s->ksig_t |= s->usig_t[v];
	for (int i = m->unit_acts.off[v]; i < m->unit_acts.off[v + 1]; i++) {
		int a = m->unit_acts.items[i];
		for (int k = m->act_atoms.off[a]; k < m->act_atoms.off[a + 1]; k++)
			s->amark[m->act_atoms.items[k]] = s->epoch;
		for (int k = 0; teachers && k < m->act_nt[a]; k++)
			s->tmark[m->pool_t[m->act_t0[a] + k]] = s->epoch;
	}
}

/* Whether unit v shares an atom (or, with teachers, a teacher) with the chain. */
static int kempe_hit(const struct st *s, int v, int teachers)
{
	const struct sv_model *m = s->m;
	if (!(s->usig_a[v] & s->ksig_a) && !(teachers && (s->usig_t[v] & s->ksig_t)))
		return 0;
	for (int i = m->unit_acts.off[v]; i < m->unit_acts.off[v + 1]; i++) {
		int a = m->unit_acts.items[i];
		for (int k = m->act_atoms.off[a]; k < m->act_atoms.off[a + 1]; k++)
			if (s->amark[m->act_atoms.items[k]] == s->epoch)
				return 1;
		for (int k = 0; teachers && k < m->act_nt[a]; k++)
			if (s->tmark[m->pool_t[m->act_t0[a] + k]] == s->epoch)
				return 1;
	}
	return 0;
}

/* Swaps the blocks of L periods (L the length of u) starting at s1 = u's slot and at
 * s2, for every unit starting in either that shares students (and, with `teachers`,
 * teachers), transitively, with u — each keeps its offset in the block: 0, or -1
 * (too large, a locked unit, a unit running past its block, blocks overlapping;
 * nothing done). Over students it keeps the students' days as they were; over both it
 * also moves no teacher into a clash. */
static int kempe(struct st *s, int u, int s2, int teachers)
{
	const struct sv_model *m = s->m;
	int s1 = s->uslot[u], L = m->unit_dur[u];
	if (s1 < 0 || s1 == s2 || s->ulock[u] >= 0)
		return -1;
	if (s1 / s->P == s2 / s->P && abs(s1 - s2) < L)
		return -1;
	s->epoch++;
	s->ksig_a = s->ksig_t = 0;
	int nsel = 0;
	s->sel[nsel++] = u;
	s->selmark[u] = s->epoch;
	kempe_mark(s, u, teachers);
	int changed = 1;
	while (changed) {
		changed = 0;
		for (int side = 0; side < 2; side++)
			for (int k = 0; k < L; k++) {
				int sl = (side ? s2 : s1) + k;
				for (int j = 0; j < s->slot_n[sl]; j++) {
					int v = s->slot_units[sl][j];
					if (s->selmark[v] == s->epoch || (SV_KEMPE_SKIPLOCK && s->ulock[v] >= 0) ||
					    !kempe_hit(s, v, teachers))
						continue;
					if (nsel >= (teachers ? SV_KEMPE_TMAX : KEMPE_MAX) || s->ulock[v] >= 0 ||
					    k + m->unit_dur[v] > L)
						return -1;
					s->sel[nsel++] = v;
					s->selmark[v] = s->epoch;
					changed = 1;
					kempe_mark(s, v, teachers);
				}
			}
	}
	int from[KEMPE_MAX];
	for (int i = 0; i < nsel; i++)
		from[i] = s->uslot[s->sel[i]];
	for (int i = 0; i < nsel; i++)
		move_unit(s, s->sel[i], -1);
	/* a unit in block 1 is where it was relative to s1 (same day, s1 <= from < s1 + L) */
	for (int i = 0; i < nsel; i++) {
		int in1 = from[i] >= s1 && from[i] < s1 + L;
		unit_place(s, s->sel[i], in1 ? from[i] - s1 + s2 : from[i] - s2 + s1, NULL);
	}
	return 0;
}

/* Re-picks the rooms of u at its slot. */
static void reroom(struct st *s, int u)
{
	move_unit(s, u, s->uslot[u]);
}

/* --- the driver --- */

struct clock {
	const struct sv_params *p;
	double t0;
};

static double elapsed(const struct clock *c)
{
	return c->p->now ? c->p->now(c->p->now_ctx) - c->t0 : 0;
}

static void free_state(struct st *s)
{
	if (s->slot_units)
		for (int i = 0; i < s->NS; i++)
			free(s->slot_units[i]);
	free(s->slot_units);
	free(s->slot_n);
	free(s->upos);
	free(s->uslot);
	free(s->ulock);
	free(s->aroom);
	free(s->tc);
	free(s->gc);
	free(s->rc);
	free(s->tm);
	free(s->gm);
	free(s->sd);
	free(s->tgd);
	free(s->tgw);
	free(s->tdays);
	free(s->ec);
	free(s->em);
	free(s->gcost);
	free(s->amark);
	free(s->tmark);
	free(s->sel);
	free(s->selmark);
	free(s->usig_a);
	free(s->usig_t);
	free(s->undo_u);
	free(s->undo_slot);
	free(s->undo_room);
	free(s->bad);
}

static int init_state(struct st *s, struct sv_model *m, uint64_t seed)
{
	memset(s, 0, sizeof *s);
	s->m = m;
	s->D = m->days;
	s->P = m->periods;
	s->NS = m->ns;
	s->T = m->n_teachers;
	s->G = m->n_atoms;
	s->R = m->n_rooms;
	s->S = m->n_subjects;
	s->NU = m->n_units;
	s->NA = m->n_acts;
	s->capd = m->rules.teacher_max_gaps_day;
	s->capw = m->rules.teacher_max_gaps_week;
	s->wgap = m->rules.w_teacher_gap;
	s->wspread = m->rules.w_spread;
	s->wlate = m->rules.w_hard_late;
	s->late_from = m->periods - m->rules.hard_last;
	s->rng = seed ^ 0x6D656B746570u; /* "mektep" */
	size_t NS = (size_t)s->NS, NU = (size_t)s->NU + 1;
	s->uslot = malloc(NU * sizeof(int));
	s->ulock = malloc(NU * sizeof(int));
	s->aroom = malloc(((size_t)s->NA + 1) * sizeof(int));
	s->tc = calloc((size_t)s->T * NS + 1, sizeof(short));
	s->gc = calloc((size_t)s->G * NS + 1, sizeof(short));
	s->rc = calloc((size_t)s->R * NS + 1, sizeof(short));
	s->tm = calloc((size_t)s->T * s->D + 1, sizeof(uint32_t));
	s->gm = calloc((size_t)s->G * s->D + 1, sizeof(uint32_t));
	s->sd = calloc((size_t)s->G * s->S * s->D + 1, sizeof(short));
	s->tgd = calloc((size_t)s->T * s->D + 1, sizeof(short));
	s->tgw = calloc((size_t)s->T + 1, sizeof(int));
	s->tdays = calloc((size_t)s->T + 1, sizeof(int));
	s->ec = calloc((size_t)s->G * NS + 1, sizeof(short));
	s->em = calloc((size_t)s->G * s->D + 1, sizeof(uint32_t));
	s->gcost = calloc((size_t)s->G * s->D + 1, sizeof(int));
	s->slot_units = calloc(NS, sizeof(int *));
	s->slot_n = calloc(NS, sizeof(int));
	s->upos = calloc(NU, sizeof(int));
	s->amark = calloc((size_t)s->G + 1, sizeof(int));
	s->tmark = calloc((size_t)s->T + 1, sizeof(int));
	s->sel = calloc(KEMPE_MAX, sizeof(int));
	s->selmark = calloc(NU, sizeof(int));
	s->usig_a = calloc(NU, sizeof(uint64_t));
	s->usig_t = calloc(NU, sizeof(uint64_t));
	s->undo_u = malloc(NU * sizeof(int));
	s->undo_slot = malloc(NU * sizeof(int));
	s->undo_room = malloc(((size_t)s->NA + 1) * sizeof(int));
	s->bad = malloc(NU * sizeof(int));
	if (!s->uslot || !s->ulock || !s->aroom || !s->tc || !s->gc || !s->rc || !s->tm || !s->gm || !s->sd || !s->tgd ||
	    !s->tgw || !s->slot_units || !s->slot_n || !s->upos || !s->amark || !s->tmark || !s->sel || !s->selmark ||
	    !s->undo_u || !s->undo_slot || !s->undo_room || !s->bad || !s->tdays || !s->ec || !s->em ||
	    !s->usig_a || !s->usig_t || !s->gcost)
		return -1;
	for (int u = 0; u < s->NU; u++)
		for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1]; i++) {
			int a = m->unit_acts.items[i];
			for (int k = m->act_atoms.off[a]; k < m->act_atoms.off[a + 1]; k++)
				s->usig_a[u] |= 1ull << (m->act_atoms.items[k] & 63);
			for (int k = 0; k < m->act_nt[a]; k++)
				s->usig_t[u] |= 1ull << (m->pool_t[m->act_t0[a] + k] & 63);
		}
	for (size_t i = 0; i < NS; i++)
		if (!(s->slot_units[i] = malloc(NU * sizeof(int))))
			return -1;
	for (int u = 0; u < s->NU; u++) {
		s->uslot[u] = s->ulock[u] = -1;
		for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1]; i++)
			if (m->act_lock[m->unit_acts.items[i]] >= 0)
				s->ulock[u] = m->act_lock[m->unit_acts.items[i]];
	}
	for (int a = 0; a < s->NA; a++)
		s->aroom[a] = -1;
	/* the cost of the empty timetable: every atom's (and teacher's) days below their minimum */
	for (int g = 0; g < s->G; g++)
		for (int d = 0; d < s->D; d++)
			s->hard += s->gcost[g * s->D + d] = atom_day_cost(s, g, d, 0, 0);
	for (int t = 0; t < s->T; t++)
		s->hard += (long)s->D * teacher_day_cost(m, t, 0);
	return 0;
}

/* Most constrained first: fewest slots its teachers can take, then most students and
 * teachers, then the busiest teachers. */
struct order {
	int u;
	long key;
};

static int cmp_order(const void *a, const void *b)
{
	const struct order *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->u > y->u) - (x->u < y->u);
}

static int construct(struct st *s)
{
	const struct sv_model *m = s->m;
	struct order *o = malloc(((size_t)s->NU + 1) * sizeof *o);
	int *load = calloc((size_t)s->T + 1, sizeof(int));
	if (!o || !load) {
		free(o);
		free(load);
		return -1;
	}
	for (int a = 0; a < s->NA; a++)
		for (int i = 0; i < m->act_nt[a]; i++)
			load[m->pool_t[m->act_t0[a] + i]]++;
	for (int u = 0; u < s->NU; u++) {
		int free_slots = 0, size = 0, busy = 0;
		for (int sl = 0; sl < s->NS; sl++) {
			int ok = start_ok(s, u, sl), d = sl / s->P;
			for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1] && ok; i++) {
				int a = m->unit_acts.items[i];
				uint32_t span = sv_span(sl % s->P, m->act_dur[a]), off = m->act_off[a * s->D + d];
				for (int k = 0; k < m->act_nt[a]; k++)
					off |= m->teacher_off[m->pool_t[m->act_t0[a] + k] * s->D + d];
				for (int k = m->act_atoms.off[a]; k < m->act_atoms.off[a + 1]; k++)
					off |= m->atom_off[m->act_atoms.items[k] * s->D + d];
				ok = !(off & span);
			}
			free_slots += ok;
		}
		for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1]; i++) {
			int a = m->unit_acts.items[i];
			size += m->act_nt[a] + m->act_atoms.off[a + 1] - m->act_atoms.off[a] +
				2 * (m->act_rooms.off[a + 1] > m->act_rooms.off[a]);
			for (int k = 0; k < m->act_nt[a]; k++)
				busy += load[m->pool_t[m->act_t0[a] + k]];
		}
		o[u].u = u;
		o[u].key = (long)free_slots * 1000000 - (long)size * 10000 - busy;
		if (s->ulock[u] >= 0)
			o[u].key = -(1L << 40);
	}
	qsort(o, (size_t)s->NU, sizeof *o, cmp_order);
	for (int i = 0; i < s->NU; i++) {
		int u = o[i].u, best = 0, ties = 0;
		long bestc = 0;
		if (s->ulock[u] >= 0) {
			move_unit(s, u, s->ulock[u]);
			commit(s);
			continue;
		}
		int first = 1;
		for (int sl = 0; sl < s->NS; sl++) {
			if (!start_ok(s, u, sl))
				continue;
			long h0 = s->hard, s0 = s->soft;
			move_unit(s, u, sl);
			long c = (s->hard - h0) * 1000 + (s->soft - s0);
			undo(s);
			if (first || c < bestc) {
				first = 0;
				bestc = c;
				best = sl;
				ties = 1;
			} else if (c == bestc && rnd_below(&s->rng, ++ties) == 0) {
				best = sl;
			}
		}
		move_unit(s, u, best);
		commit(s);
	}
	free(o);
	free(load);
	return 0;
}

struct best {
	int *uslot, *aroom;
	long hard, soft;
};

static void save_best(struct best *b, const struct st *s)
{
	memcpy(b->uslot, s->uslot, (size_t)s->NU * sizeof(int));
	memcpy(b->aroom, s->aroom, (size_t)s->NA * sizeof(int));
	b->hard = s->hard;
	b->soft = s->soft;
}

/* Rebuilds the state from a saved timetable. */
static void load_best(struct st *s, const struct best *b)
{
	const struct sv_model *m = s->m;
	for (int u = 0; u < s->NU; u++)
		unit_remove(s, u);
	int rooms[256];
	for (int u = 0; u < s->NU; u++) {
		int k = 0, n = m->unit_acts.off[u + 1] - m->unit_acts.off[u];
		if (b->uslot[u] < 0)
			continue;
		if (n > 256) {
			unit_place(s, u, b->uslot[u], NULL);
			continue;
		}
		for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1]; i++)
			rooms[k++] = b->aroom[m->unit_acts.items[i]];
		unit_place(s, u, b->uslot[u], rooms);
	}
}

/* Whether unit u takes part in a hard violation. */
static int unit_bad(const struct st *s, int u)
{
	const struct sv_model *m = s->m;
	int sl = s->uslot[u];
	if (sl < 0)
		return 1;
	int D = s->D, d = sl / s->P, p = sl % s->P, NS = s->NS;
	for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1]; i++) {
		int a = m->unit_acts.items[i], dur = m->act_dur[a];
		uint32_t span = sv_span(p, dur);
		if (m->act_off[a * D + d] & span)
			return 1;
		for (int k = 0; k < m->act_nt[a]; k++) {
			int t = m->pool_t[m->act_t0[a] + k];
			uint32_t tm = s->tm[t * D + d];
			if ((m->teacher_off[t * D + d] & span) || teacher_day_cost(m, t, tm) ||
			    excess(s->tgd[t * D + d], s->capd) || excess(s->tgw[t], s->capw) ||
			    excess(s->tdays[t], m->teacher_max_days[t]))
				return 1;
			for (int h = 0; h < dur; h++)
				if (s->tc[t * NS + sl + h] > 1)
					return 1;
		}
		int smax = m->subject_max[m->act_subject[a]];
		for (int k = m->act_atoms.off[a]; k < m->act_atoms.off[a + 1]; k++) {
			int g = m->act_atoms.items[k];
			if ((m->atom_off[g * D + d] & span) || s->gcost[g * D + d] ||
			    (smax != SV_NO_LIMIT && s->sd[(g * s->S + m->act_subject[a]) * D + d] > smax))
				return 1;
			for (int h = 0; h < dur; h++)
				if (s->gc[g * NS + sl + h] > 1)
					return 1;
		}
		for (int h = 0; s->aroom[a] >= 0 && h < dur; h++)
			if (s->rc[s->aroom[a] * NS + sl + h] > 1)
				return 1;
	}
	return 0;
}

/* Collects the units in hard violations into s->bad. */
static void scan_bad(struct st *s)
{
	s->nbad = 0;
	for (int u = 0; u < s->NU; u++)
		if (unit_bad(s, u))
			s->bad[s->nbad++] = u;
}

/* Moves u (a Kempe swap, else a plain move) to the slot with the best delta. */
static void best_move(struct st *s, int u, int phase)
{
	int cur = s->uslot[u], best = -1, ties = 0, kt = rnd_below(&s->rng, 100) < SV_KEMPE_T;
	double bestd = 0;
	if (s->ulock[u] >= 0)
		return;
	for (int sl = 0; sl < s->NS; sl++) {
		if (sl == cur || !start_ok(s, u, sl))
			continue;
		long h0 = s->hard, s0 = s->soft;
		if (kempe(s, u, sl, kt))
			move_unit(s, u, sl);
		double d = phase == 1 ? (double)(s->hard - h0) + 1e-4 * (double)(s->soft - s0)
				      : (s->hard > h0 ? 1e9 : (double)(s->soft - s0));
		undo(s);
		if (best < 0 || d < bestd) {
			best = sl;
			bestd = d;
			ties = 1;
		} else if (d == bestd && rnd_below(&s->rng, ++ties) == 0) {
			best = sl;
		}
	}
	if (best >= 0 && kempe(s, u, best, kt))
		move_unit(s, u, best);
}

/* One random move; its delta is read from the state (move applied, undo pending). */
static int random_move(struct st *s, int u, int phase)
{
	const struct sv_model *m = s->m;
	int r = rnd_below(&s->rng, 100);
	int has_room = 0;
	if (s->ulock[u] >= 0) {
		if (r < 10)
			reroom(s, u); /* a locked lesson may still change rooms */
		return 0;
	}
	for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1] && !has_room; i++) {
		int a = m->unit_acts.items[i];
		has_room = m->act_rooms.off[a + 1] > m->act_rooms.off[a];
	}
	if (has_room && r < 10) {
		reroom(s, u);
		return 0;
	}
	int sl = rnd_below(&s->rng, s->NS - 1);
	if (sl >= s->uslot[u])
		sl++;
	if (!start_ok(s, u, sl))
		return 0;
	if (r < (phase == 1 ? 60 : 70)) {
		if (kempe(s, u, sl, rnd_below(&s->rng, 100) < SV_KEMPE_T) == 0)
			return 0;
	}
	move_unit(s, u, sl);
	return 0;
}

/* The threads of sv_solve_parallel() co-operate at fixed points: every share_every
 * moves (sv_params; SV_SHARE_EVERY by default) each hands in its best timetable and
 * waits for the others still searching (a rendezvous); then each reads the best handed in at that point — by (hard, soft, thread
 * index), never by which came first — and a thread stalled in the repair takes it when
 * it has fewer hard violations. What a thread sees thus depends on the move counts
 * alone: for a seed and a thread count the result is the same every run, unless the
 * time limit stops a thread (its last point then depends on the clock). A thread that
 * stops leaves the rendezvous so that the others do not wait for it. */
#ifndef SV_SHARE_EVERY
#define SV_SHARE_EVERY 65536
#endif

struct shared {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int active, arrived;         /* threads still searching; at the current point */
	uint64_t gen;                /* rendezvous passed */
	struct best *slot[2];        /* [point & 1][thread]: what each handed in */
	uint64_t *tag[2];            /* [point & 1][thread]: the point it was handed in at */
};


/* The rendezvous: returns when every thread still searching has arrived (or left). */
static void rendezvous(struct shared *sh)
{
	pthread_mutex_lock(&sh->mu);
	uint64_t g = sh->gen;
	if (++sh->arrived >= sh->active) {
		sh->arrived = 0;
		sh->gen++;
		pthread_cond_broadcast(&sh->cv);
	} else {
		while (sh->gen == g)
			pthread_cond_wait(&sh->cv, &sh->mu);
	}
	pthread_mutex_unlock(&sh->mu);
}

/* A thread stops searching: the others no longer wait for it. */
static void leave(struct shared *sh)
{
	pthread_mutex_lock(&sh->mu);
	sh->active--;
	if (sh->arrived && sh->arrived >= sh->active) {
		sh->arrived = 0;
		sh->gen++;
		pthread_cond_broadcast(&sh->cv);
	}
	pthread_mutex_unlock(&sh->mu);
}

/* Hands b in at point k as thread `self` of n, then adopts the best handed in when
 * stalled in the repair with more hard violations: 1 when adopted (s and b replaced). */
static int share(struct shared *sh, int self, int n, uint64_t k, uint64_t every, struct st *s, struct best *b,
		 int phase, uint64_t stalled)
{
	struct best *mine = &sh->slot[k & 1][self];
	memcpy(mine->uslot, b->uslot, (size_t)s->NU * sizeof(int));
	memcpy(mine->aroom, b->aroom, (size_t)s->NA * sizeof(int));
	mine->hard = b->hard;
	mine->soft = b->soft;
	sh->tag[k & 1][self] = k;
	rendezvous(sh);
	const struct best *top = NULL;
	for (int i = 0; i < n; i++) {
		const struct best *x = &sh->slot[k & 1][i];
		if (sh->tag[k & 1][i] == k && (!top || x->hard < top->hard || (x->hard == top->hard && x->soft < top->soft)))
			top = x;
	}
	/* stalled for four and a half exchanges (300,000 moves by default) */
	if (phase != 1 || !top || top->hard >= b->hard || stalled <= every * 9 / 2)
		return 0;
	memcpy(b->uslot, top->uslot, (size_t)s->NU * sizeof(int));
	memcpy(b->aroom, top->aroom, (size_t)s->NA * sizeof(int));
	b->hard = top->hard;
	b->soft = top->soft;
	load_best(s, b);
	return 1;
}

/* One search; with sh, thread `self` of n co-operating ones. */
static enum sv_status solve_one(struct sv_model *m, const struct sv_params *p, struct sv_place *out,
				struct sv_result *res, struct shared *sh, int self, int n)
{
	memset(res, 0, sizeof *res);
	res->time_to_feasible = -1;
	struct clock clk = {p, 0};
	if (p->now)
		clk.t0 = p->now(p->now_ctx);
	if (sv_prepare(m) || m->n_acts == 0) {
		res->status = SV_ERROR;
		return SV_ERROR;
	}
	for (int a = 0; a < m->n_acts; a++)
		out[a] = (struct sv_place){-1, -1, -1};
	int nc = sv_conflicts(m, res->conflicts, SV_MAX_CONFLICTS);
	if (nc < 0) {
		res->status = SV_ERROR;
		return SV_ERROR;
	}
	res->n_conflicts = (size_t)nc;
	if (nc > 0) {
		res->status = SV_INFEASIBLE;
		return SV_INFEASIBLE;
	}
	struct st s;
	struct best b = {0};
	enum sv_status status = SV_ERROR;
	if (init_state(&s, m, p->seed))
		goto out;
	b.uslot = malloc(((size_t)s.NU + 1) * sizeof(int));
	b.aroom = malloc(((size_t)s.NA + 1) * sizeof(int));
	if (!b.uslot || !b.aroom || construct(&s))
		goto out;
	save_best(&b, &s);
	uint64_t max_iters = p->max_iters ? p->max_iters : (p->now && p->time_limit > 0 ? 0 : 2000000);
	uint64_t stall_max = p->stall_iters ? p->stall_iters : 2000000;
	uint64_t share_every = p->share_every ? p->share_every : SV_SHARE_EVERY;
	double next_report = p->progress_every > 0 ? p->progress_every : 0;
	struct sv_progress pr = {0, 0, (int)s.hard, s.soft, elapsed(&clk)};
	if (p->progress)
		p->progress(p->progress_ctx, &pr);
	uint64_t it = 0, last_gain = 0;
	int phase = s.hard ? 1 : 2;
	if (!s.hard)
		res->time_to_feasible = elapsed(&clk);
	/* temperatures: phase 1 in hard violations, phase 2 in soft units */
	const double t1_hi = SV_T1_HI, t1_lo = SV_T1_LO, t2_hi = 0.6 * s.wgap + 1, t2_lo = 0.05;
	double temp = phase == 1 ? t1_hi : t2_hi;
	const int directed = SV_DIRECTED;  /* % of moves aimed at a unit in violation */
	const uint64_t cycle = SV_CYCLE;  /* iterations of one cooling from hi to lo */
	uint64_t cyc_start = 0;
	for (;;) {
		if (max_iters && it >= max_iters)
			break;
		if (sh && it && it % share_every == 0 &&
		    share(sh, self, n, it / share_every, share_every, &s, &b, phase, it - last_gain)) {
			last_gain = it;
			if (s.hard == 0) {
				phase = 2;
				res->time_to_feasible = elapsed(&clk);
				cyc_start = it;
			}
		}
		if ((it & 255) == 0) {
			double e = elapsed(&clk);
			if (p->now && p->time_limit > 0 && e >= p->time_limit)
				break;
			int due = p->progress && (p->progress_every > 0 ? e >= next_report : (it & 65535) == 0);
			if (due) {
				pr = (struct sv_progress){it, phase, (int)b.hard, b.soft, e};
				p->progress(p->progress_ctx, &pr);
				next_report = e + p->progress_every;
			}
		}
		if (phase == 2 && it - last_gain > stall_max)
			break;
		/* cooling: geometric from hi to lo over a cycle, then again */
		uint64_t pos = it - cyc_start;
		if (pos >= cycle) {
			cyc_start = it;
			pos = 0;
		}
		if ((it & 63) == 0) {
			double hi = phase == 1 ? t1_hi : t2_hi, lo = phase == 1 ? t1_lo : t2_lo;
			temp = hi * pow(lo / hi, (double)pos / (double)cycle);
		}
		it++;
		long h0 = s.hard, s0 = s.soft;
		if (phase == 1 && (it & 127) == 1)
			scan_bad(&s);
		if (phase == 1 && s.nbad && rnd_below(&s.rng, 100) < directed)
			best_move(&s, s.bad[rnd_below(&s.rng, s.nbad)], phase);
		else
			random_move(&s, rnd_below(&s.rng, s.NU), phase);
		long dh = s.hard - h0, ds = s.soft - s0;
		int accept;
		if (phase == 1) {
			double d = (double)dh + (double)ds * SV_SOFT1;
			accept = d <= 0 || rnd_unit(&s.rng) < exp(-d / temp);
		} else {
			accept = dh <= 0 && (ds <= 0 || rnd_unit(&s.rng) < exp(-(double)ds / temp));
		}
		if (!accept) {
			undo(&s);
			continue;
		}
		commit(&s);
		if (s.hard < b.hard || (s.hard == b.hard && s.soft < b.soft)) {
			if (s.hard < b.hard || phase == 2)
				last_gain = it;
			save_best(&b, &s);
		}
		if (phase == 1 && s.hard == 0) {
			phase = 2;
			res->time_to_feasible = elapsed(&clk);
			cyc_start = it;
			last_gain = it;
		}
	}
	load_best(&s, &b);
	res->iters = it;
	res->hard = (int)s.hard;
	res->soft = s.soft;
	for (int a = 0; a < m->n_acts; a++) {
		int sl = s.uslot[m->act_unit[a]];
		out[a].day = sl >= 0 ? sl / s.P : -1;
		out[a].period = sl >= 0 ? sl % s.P : -1;
		out[a].room = s.aroom[a];
	}
	status = s.hard == 0 ? SV_SOLVED : SV_UNSOLVED;
	res->elapsed = elapsed(&clk);
	if (p->progress) {
		pr = (struct sv_progress){it, phase, (int)s.hard, s.soft, res->elapsed};
		p->progress(p->progress_ctx, &pr);
	}
out:
	free(b.uslot);
	free(b.aroom);
	free_state(&s);
	res->status = status;
	return status;
}

/* --- several searches at once --- */

/* A search; with sh, thread `self` of n co-operating ones (sh's rendezvous left at
 * the end whatever happens). */
static enum sv_status solve_run(struct sv_model *m, const struct sv_params *p, struct sv_place *out,
				struct sv_result *res, struct shared *sh, int self, int n)
{
	enum sv_status st = solve_one(m, p, out, res, sh, self, n);
	if (sh)
		leave(sh);
	return st;
}

enum sv_status sv_solve(struct sv_model *m, const struct sv_params *p, struct sv_place *out, struct sv_result *res)
{
	return solve_run(m, p, out, res, NULL, 0, 1);
}

struct job {
	struct sv_model *m;
	struct sv_params p;
	struct sv_place *out;
	struct sv_result res;
	struct shared *sh;
	int self, n;
};

static void *run_job(void *arg)
{
	struct job *j = arg;
	solve_run(j->m, &j->p, j->out, &j->res, j->sh, j->self, j->n);
	return NULL;
}

enum sv_status sv_solve_parallel(struct sv_model *m, const struct sv_params *p, int n_threads, struct sv_place *out,
				 struct sv_result *res)
{
	if (n_threads <= 1)
		return sv_solve(m, p, out, res);
	if (n_threads > 16)
		n_threads = 16;
	memset(res, 0, sizeof *res);
	/* the model is read-only once prepared */
	if (sv_prepare(m) || m->n_acts == 0) {
		res->status = SV_ERROR;
		return SV_ERROR;
	}
	struct job jobs[16];
	pthread_t th[16];
	int started[16] = {0};
	size_t na = (size_t)m->n_acts;
	struct shared sh = {.active = n_threads};
	struct best slots[2][16] = {{{0}}};
	uint64_t tags[2][16];
	int share_ok = 1, mu_ok = 0, cv_ok = 0;
	for (int k = 0; k < 2; k++) {
		sh.slot[k] = slots[k];
		sh.tag[k] = tags[k];
		for (int i = 0; i < n_threads; i++) {
			tags[k][i] = 0; /* point 0 is never a rendezvous */
			slots[k][i].uslot = malloc(((size_t)m->n_units + 1) * sizeof(int));
			slots[k][i].aroom = malloc((na + 1) * sizeof(int));
			share_ok = share_ok && slots[k][i].uslot && slots[k][i].aroom;
		}
	}
	mu_ok = pthread_mutex_init(&sh.mu, NULL) == 0;
	cv_ok = pthread_cond_init(&sh.cv, NULL) == 0;
	share_ok = share_ok && mu_ok && cv_ok;
	for (int i = 0; i < n_threads; i++) {
		jobs[i].m = m;
		jobs[i].p = *p;
		jobs[i].p.seed = p->seed + (uint64_t)i * 0x9E3779B9u;
		if (i > 0)
			jobs[i].p.progress = NULL;
		jobs[i].out = malloc(na * sizeof *out);
		jobs[i].res.status = SV_ERROR;
		jobs[i].sh = share_ok ? &sh : NULL;
		jobs[i].self = i;
		jobs[i].n = n_threads;
	}
	for (int i = 1; i < n_threads; i++) {
		started[i] = jobs[i].out && pthread_create(&th[i], NULL, run_job, &jobs[i]) == 0;
		if (!started[i] && share_ok)
			leave(&sh); /* the others do not wait for a thread that never ran */
	}
	if (jobs[0].out)
		run_job(&jobs[0]);
	else if (share_ok)
		leave(&sh);
	for (int i = 1; i < n_threads; i++)
		if (started[i])
			pthread_join(th[i], NULL);
	int best = -1;
	uint64_t iters = 0;
	double ttf = -1;
	for (int i = 0; i < n_threads; i++) {
		struct sv_result *r = &jobs[i].res;
		if (!jobs[i].out || r->status == SV_ERROR || (i > 0 && !started[i]))
			continue;
		iters += r->iters;
		if (r->time_to_feasible >= 0 && (ttf < 0 || r->time_to_feasible < ttf))
			ttf = r->time_to_feasible;
		if (best < 0 || r->hard < jobs[best].res.hard ||
		    (r->hard == jobs[best].res.hard && r->soft < jobs[best].res.soft))
			best = i;
	}
	if (best < 0) {
		res->status = SV_ERROR;
	} else {
		*res = jobs[best].res;
		res->iters = iters;
		res->time_to_feasible = ttf;
		memcpy(out, jobs[best].out, na * sizeof *out);
	}
	for (int i = 0; i < n_threads; i++)
		free(jobs[i].out);
	if (mu_ok)
		pthread_mutex_destroy(&sh.mu);
	if (cv_ok)
		pthread_cond_destroy(&sh.cv);
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < n_threads; i++) {
			free(slots[k][i].uslot);
			free(slots[k][i].aroom);
		}
	return res->status;
}
