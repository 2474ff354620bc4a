/* model_int — the solver's model as its files see it (not for callers: solver.h). */
#ifndef MEKTEP_SOLVER_MODEL_INT_H
#define MEKTEP_SOLVER_MODEL_INT_H

#include <stdint.h>

#include "solver/solver.h"

struct sv_name {
	char s[SV_NAME];
};

/* An int list, compressed: the items of i are items[off[i] .. off[i+1]). */
struct sv_csr {
	int *off;
	int *items;
};

struct sv_model {
	int days, periods, ns;       /* ns = days * periods */
	struct sv_rules rules;

	int n_subjects, cap_subjects;
	struct sv_name *subject_name;
	int *subject_max, *subject_hard;

	int n_teachers, cap_teachers;
	struct sv_name *teacher_name;
	int *teacher_max;
	uint32_t *teacher_off;       /* [t * days + d]: unavailable periods */
	int cap_teacher_off;
	int *teacher_max_days, *teacher_min_daily, *teacher_min_empty_ok, *teacher_max_run;
	int cap_teacher_more;

	int n_rooms, cap_rooms;
	struct sv_name *room_name;

	int n_classes, cap_classes;
	struct sv_name *class_name;
	int *class_min, *class_max;
	uint32_t *class_off;         /* [c * days + d] */
	int cap_class_off;

	int n_groups, cap_groups;    /* the caller's groups (atoms) */
	struct sv_name *group_name;
	int *group_class;
	uint32_t *group_off;         /* [g * days + d] */
	int cap_group_off;

	/* activities as given; their lists in one pool each */
	int n_acts, cap_acts;
	int *act_subject;
	int64_t *act_ext;
	int *act_t0, *act_nt;        /* teachers: pool_t[t0 .. t0+nt) */
	int *act_c0, *act_nc;        /* classes */
	int *act_g0, *act_ng;        /* groups */
	int *act_r0, *act_nr;        /* rooms (nr SV_ANY_ROOM: any) */
	int *pool_t, n_pool_t, cap_pool_t;
	int *pool_c, n_pool_c, cap_pool_c;
	int *pool_g, n_pool_g, cap_pool_g;
	int *pool_r, n_pool_r, cap_pool_r;

	int *act_lock;               /* slot an activity is locked at, or -1 */
	int *act_dur;                /* periods, 1.. */
	int *act_last;               /* 1: ends its students' day */
	uint32_t *act_off;           /* [a * days + d]: periods it may not occupy */
	int cap_act_off;
	int *same_next;              /* union-find parent over activities */

	/* made by sv_prepare(): */
	int prepared;
	int n_atoms;                 /* n_groups + one per class without groups */
	int *atom_class;
	uint32_t *atom_off;          /* [atom * days + d]: its class's and its group's */
	int max_dur;                 /* the longest activity */
	int *class_atom0, *class_natoms; /* a class's atoms: atoms of its groups or its own */
	int *class_atoms;            /* the atoms of class c: class_atoms[class_atom0[c] ..) */
	struct sv_csr act_atoms;     /* the atoms of each activity (sorted, distinct) */
	struct sv_csr act_rooms;     /* the rooms an activity may take (empty: none needed) */
	int n_units;                 /* same-time sets (an activity alone is a set of one) */
	int *act_unit;
	struct sv_csr unit_acts;
	int *unit_dur;               /* the longest activity of a unit */
};

/* Builds the derived lists (idempotent until the next change): 0, or -1 (no memory). */
int sv_prepare(struct sv_model *m);

/* Bits set in x, inline (without -mpopcnt the builtin is a library call). */
static inline int sv_popcount(uint32_t x)
{
	x = x - ((x >> 1) & 0x55555555u);
	x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0Fu;
	return (int)((x * 0x01010101u) >> 24);
}

/* Gaps of a day: empty periods, not in `off`, between the first and last of `busy`. */
static inline int sv_day_gaps(uint32_t busy, uint32_t off)
{
	if (!busy)
		return 0;
	int first = __builtin_ctz(busy), last = 31 - __builtin_clz(busy);
	uint32_t span = (last == 31 ? 0xFFFFFFFFu : ((1u << (last + 1)) - 1)) & ~((1u << first) - 1);
	return sv_popcount(span & ~busy & ~off);
}

/* The periods p .. p + n - 1 as a mask (n 0..32, p + n <= 32). */
static inline uint32_t sv_span(int p, int n)
{
	return (n >= 32 ? 0xFFFFFFFFu : ((1u << n) - 1)) << p;
}

/* Lessons beyond `cap` in each run of consecutive busy periods (cap SV_NO_LIMIT: 0). */
static inline int sv_run_excess(uint32_t busy, int cap)
{
	int c = 0;
	if (cap == SV_NO_LIMIT)
		return 0;
	while (busy) {
		int tz = __builtin_ctz(busy);
		uint32_t x = busy >> tz;
		int len = ~x ? __builtin_ctz(~x) : 32 - tz;
		if (len > cap)
			c += len - cap;
		busy &= ~sv_span(tz, len);
	}
	return c;
}

#endif
