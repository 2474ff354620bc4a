/* elective_blocks — the elective groups of a block assigned to its hours (TT-4, ELE-3),
 * and the grades joined into blocks (see elective_blocks.h). */
#include "core/elective_blocks.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_BUDGET 200000
#define FILTER_BUDGET 5000   /* nodes of each test of the smallest set's filter */
#define FILTER_TESTS 64      /* tests of the filter, at most */

/* (student, group) of a membership, to sort by student. */
struct member {
	int64_t student;
	int group;
};

static int cmp_member(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	if (x->student != y->student)
		return x->student < y->student ? -1 : 1;
	return x->group - y->group;
}

/* The search's state over a subset of the groups. */
struct search {
	const struct eb_group *g;
	size_t n;
	int H;
	uint32_t full;          /* the block's hours as bits */
	int **adj;              /* per group, its neighbours (share a teacher or a student) */
	int *deg;
	const unsigned char *in; /* the subset searched */
	uint32_t *mask;         /* per group, its hours (0: not yet) */
	uint64_t nodes, budget;
	int depth, deepest, stuck;
};

static int binom(int n, int k)
{
	if (k < 0 || k > n)
		return 0;
	long r = 1;
	for (int i = 1; i <= k; i++)
		r = r * (n - k + i) / i;
	return r > 1000000 ? 1000000 : (int)r;
}

static uint32_t forbidden(const struct search *s, int i)
{
	uint32_t f = 0;
	for (int k = 0; k < s->deg[i]; k++)
		f |= s->mask[s->adj[i][k]];
	return f;
}

/* The next combination of the free hours after m (Gosper's step over the bits of `free`
 * ranked 0..): the combinations are taken as ranks, so m is a rank mask here. */
static uint32_t next_combination(uint32_t m)
{
	uint32_t c = m & -m, r = m + c;
	return (((r ^ m) >> 2) / c) | r;
}

/* Spreads the low bits of rank over the set bits of `free` (the first rank bit to the
 * lowest free hour). */
static uint32_t spread(uint32_t rank, uint32_t free)
{
	uint32_t out = 0;
	for (int b = 0; free; b++) {
		uint32_t low = free & -free;
		if (rank >> b & 1)
			out |= low;
		free &= free - 1;
	}
	return out;
}

/* 1 found, 0 none exists in the subset (proved), -1 the budget ran out. */
static int solve(struct search *s)
{
	if (++s->nodes > s->budget)
		return -1;
	int best = -1, best_opts = 0, best_deg = 0;
	uint32_t best_forb = 0, used = 0;
	for (size_t i = 0; i < s->n; i++)
		used |= s->mask[i];
	for (size_t i = 0; i < s->n; i++) {
		if (!s->in[i] || s->mask[i])
			continue;
		uint32_t f = forbidden(s, (int)i);
		int opts = binom(s->H - __builtin_popcount(f), s->g[i].hours);
		int d = 0;
		for (int k = 0; k < s->deg[i]; k++)
			d += s->in[s->adj[i][k]] && !s->mask[s->adj[i][k]] ? s->g[s->adj[i][k]].hours : 0;
		if (best < 0 || opts < best_opts || (opts == best_opts && d > best_deg)) {
			best = (int)i;
			best_opts = opts;
			best_deg = d;
			best_forb = f;
		}
	}
	if (best < 0)
		return 1;
	if (best_opts == 0) {
		if (s->depth >= s->deepest) {
			s->deepest = s->depth;
			s->stuck = best;
		}
		return 0;
	}
	uint32_t free = s->full & ~best_forb;
	int n_free = __builtin_popcount(free), h = s->g[best].hours;
	uint32_t unused = s->full & ~used;
	for (uint32_t rank = (1u << h) - 1; rank < (1u << n_free); rank = next_combination(rank)) {
		uint32_t m = spread(rank, free);
		/* hours nobody has yet are alike: take new ones lowest first */
		uint32_t fresh = m & unused;
		if (fresh && fresh != spread((1u << __builtin_popcount(fresh)) - 1, unused))
			continue;
		s->mask[best] = m;
		s->depth++;
		int r = solve(s);
		s->depth--;
		if (r == 1)
			return 1;
		s->mask[best] = 0;
		if (r < 0)
			return -1;
	}
	return 0;
}

/* Searches the subset `in` from scratch with the budget. */
static int solve_subset(struct search *s, const unsigned char *in, uint64_t budget)
{
	memset(s->mask, 0, s->n * sizeof *s->mask);
	s->in = in;
	s->nodes = 0;
	s->budget = budget;
	s->depth = 0;
	s->deepest = -1;
	s->stuck = -1;
	return solve(s);
}

static void add_conflict(struct eb_result *out, const struct eb_conflict *c)
{
	if (out->n_conflicts < EB_MAX_CONFLICTS)
		out->conflicts[out->n_conflicts] = *c;
	out->n_conflicts++;
}

static struct eb_conflict conflict(enum eb_conflict_kind kind, int need, int have)
{
	struct eb_conflict c;
	memset(&c, 0, sizeof c);
	c.kind = kind;
	c.need = need;
	c.have = have;
	c.teacher = -1;
	return c;
}

/* The counting conflicts: a group, a teacher's groups, a student's groups over H (a
 * teacher or student of one group only is that group's conflict). */
static void count_hours(const struct eb_group *g, size_t n, int H, const struct member *m, size_t n_m,
			struct eb_result *out)
{
	for (size_t i = 0; i < n; i++)
		if (g[i].hours > H) {
			struct eb_conflict c = conflict(EB_GROUP_HOURS, g[i].hours, H);
			c.groups[c.n_groups++] = (int)i;
			add_conflict(out, &c);
		}
	unsigned char *done = calloc(n + 1, 1);
	if (!done)
		return;
	for (size_t i = 0; i < n; i++) {
		if (g[i].teacher < 0 || done[i])
			continue;
		struct eb_conflict c = conflict(EB_TEACHER_HOURS, 0, H);
		c.teacher = g[i].teacher;
		int k = 0;
		for (size_t j = i; j < n; j++)
			if (g[j].teacher == g[i].teacher) {
				done[j] = 1;
				c.need += g[j].hours;
				if (c.n_groups < EB_MAX_NAMED)
					c.groups[c.n_groups++] = (int)j;
				else
					c.more_groups++;
				k++;
			}
		if (c.need > H && k > 1) /* one group alone: its own conflict above */
			add_conflict(out, &c);
	}
	free(done);
	for (size_t a = 0; a < n_m;) {
		size_t b = a;
		struct eb_conflict c = conflict(EB_STUDENT_HOURS, 0, H);
		c.student = m[a].student;
		for (; b < n_m && m[b].student == m[a].student; b++) {
			c.need += g[m[b].group].hours;
			if (c.n_groups < EB_MAX_NAMED)
				c.groups[c.n_groups++] = m[b].group;
			else
				c.more_groups++;
		}
		if (c.need > H && b - a > 1)
			add_conflict(out, &c);
		a = b;
	}
}

/* The groups of `in` linked inside it: teachers of two of them, students of two. */
static void name_links(const struct eb_group *g, size_t n, const unsigned char *in, const struct member *m, size_t n_m,
		       struct eb_conflict *c)
{
	for (size_t i = 0; i < n; i++) {
		if (!in[i])
			continue;
		if (c->n_groups < EB_MAX_NAMED)
			c->groups[c->n_groups++] = (int)i;
		else
			c->more_groups++;
		if (g[i].teacher < 0)
			continue;
		int first = 1, again = 0;
		for (size_t j = 0; j < n; j++)
			if (in[j] && j != i && g[j].teacher == g[i].teacher) {
				again = 1;
				first = first && j > i;
			}
		if (again && first && c->n_teachers < EB_MAX_NAMED)
			c->teachers[c->n_teachers++] = g[i].teacher;
	}
	for (size_t a = 0; a < n_m;) {
		size_t b = a;
		int k = 0;
		for (; b < n_m && m[b].student == m[a].student; b++)
			k += in[m[b].group];
		if (k >= 2) {
			if (c->n_students < EB_MAX_NAMED)
				c->students[c->n_students++] = m[a].student;
			else
				c->more_students++;
		}
		a = b;
	}
}

/* No assignment: the smallest set of groups found that cannot be placed together. The
 * group the search got stuck at with its neighbours, when that alone is proved to have no
 * assignment, else every group; then each group whose removal still leaves a set proved
 * without one is removed (a deletion filter, FILTER_TESTS tests at most). */
static void explain(struct search *s, int proved, const struct member *m, size_t n_m, struct eb_result *out)
{
	size_t n = s->n;
	int stuck = s->stuck;
	unsigned char *set = calloc(n + 1, 1), *test = calloc(n + 1, 1);
	if (!set || !test) {
		free(set);
		free(test);
		return;
	}
	if (stuck >= 0) {
		set[stuck] = 1;
		for (int k = 0; k < s->deg[stuck]; k++)
			set[s->adj[stuck][k]] = 1;
	}
	int set_proved = stuck >= 0 && solve_subset(s, set, FILTER_BUDGET) == 0;
	if (!set_proved && proved) {
		memset(set, 1, n);
		set_proved = 1;
	}
	int tests = 0;
	for (size_t x = 0; x < n && set_proved && tests < FILTER_TESTS; x++) {
		if (!set[x])
			continue;
		memcpy(test, set, n);
		test[x] = 0;
		tests++;
		if (solve_subset(s, test, FILTER_BUDGET) == 0)
			set[x] = 0;
	}
	struct eb_conflict c = conflict(EB_NO_ASSIGNMENT, 0, s->H);
	name_links(s->g, n, set, m, n_m, &c);
	for (size_t i = 0; i < n; i++)
		c.need += set[i] ? s->g[i].hours : 0;
	add_conflict(out, &c);
	free(set);
	free(test);
}

int eb_assign(const struct eb_group *g, size_t n, int H, uint64_t budget, struct eb_result *out)
{
	memset(out, 0, sizeof *out);
	if (H < 0 || H > EB_MAX_HOURS)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (g[i].hours < 1 || (g[i].n_students && !g[i].students))
			return -1;
	size_t n_m = 0;
	for (size_t i = 0; i < n; i++)
		n_m += g[i].n_students;
	struct member *m = malloc((n_m + 1) * sizeof *m);
	struct search s = {.g = g, .n = n, .H = H, .full = H >= 32 ? ~0u : (1u << H) - 1};
	s.adj = calloc(n + 1, sizeof *s.adj);
	s.deg = calloc(n + 1, sizeof *s.deg);
	s.mask = calloc(n + 1, sizeof *s.mask);
	unsigned char *pair = calloc(n * n + 1, 1), *all = malloc(n + 1);
	out->hours = calloc(n + 1, sizeof *out->hours);
	int rc = -1;
	if (!m || !s.adj || !s.deg || !s.mask || !pair || !all || !out->hours)
		goto end;
	n_m = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < g[i].n_students; k++)
			m[n_m++] = (struct member){g[i].students[k], (int)i};
	qsort(m, n_m, sizeof *m, cmp_member);
	count_hours(g, n, H, m, n_m, out);
	if (out->n_conflicts) {
		rc = 0;
		goto end;
	}
	/* the groups that cannot meet at one hour: a shared teacher or student */
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (g[i].teacher >= 0 && g[i].teacher == g[j].teacher)
				pair[i * n + j] = pair[j * n + i] = 1;
	for (size_t a = 0; a < n_m;) {
		size_t b = a;
		while (b < n_m && m[b].student == m[a].student)
			b++;
		for (size_t x = a; x < b; x++)
			for (size_t y = x + 1; y < b; y++)
				if (m[x].group != m[y].group)
					pair[(size_t)m[x].group * n + (size_t)m[y].group] =
						pair[(size_t)m[y].group * n + (size_t)m[x].group] = 1;
		a = b;
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++)
			s.deg[i] += pair[i * n + j];
		s.adj[i] = malloc(((size_t)s.deg[i] + 1) * sizeof **s.adj);
		if (!s.adj[i])
			goto end;
		int k = 0;
		for (size_t j = 0; j < n; j++)
			if (pair[i * n + j])
				s.adj[i][k++] = (int)j;
	}
	memset(all, 1, n);
	int r = solve_subset(&s, all, budget ? budget : DEFAULT_BUDGET);
	out->nodes = s.nodes;
	if (r == 1) {
		out->ok = 1;
		memcpy(out->hours, s.mask, n * sizeof *s.mask);
	} else {
		explain(&s, r == 0, m, n_m, out);
	}
	rc = 0;
end:
	if (s.adj)
		for (size_t i = 0; i < n; i++)
			free(s.adj[i]);
	free(s.adj);
	free(s.deg);
	free(s.mask);
	free(pair);
	free(all);
	free(m);
	if (rc != 0)
		eb_result_free(out);
	return rc;
}

void eb_result_free(struct eb_result *r)
{
	free(r->hours);
	r->hours = NULL;
}

static int find(int *parent, int x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return x;
}

int eb_grade_blocks(const uint32_t *grade_mask, size_t n, const int hours[EB_MAX_GRADE + 1],
		    int block_of[EB_MAX_GRADE + 1], struct eb_conflict *out, int cap)
{
	int parent[EB_MAX_GRADE + 1], used[EB_MAX_GRADE + 1] = {0};
	for (int g = 0; g <= EB_MAX_GRADE; g++)
		parent[g] = g;
	for (size_t i = 0; i < n; i++) {
		int first = 0;
		for (int g = 1; g <= EB_MAX_GRADE; g++) {
			if (!(grade_mask[i] >> g & 1))
				continue;
			used[g] = 1;
			if (!first) {
				first = g;
				continue;
			}
			int a = find(parent, first), b = find(parent, g);
			if (a != b)
				parent[a > b ? a : b] = a < b ? a : b; /* the lowest grade is the root */
		}
	}
	int k = 0;
	for (int g = 0; g <= EB_MAX_GRADE; g++) {
		block_of[g] = used[g] ? find(parent, g) : 0;
		if (!used[g])
			continue;
		int root = block_of[g];
		struct eb_conflict c = conflict(EB_GRADE_NO_HOURS, 0, hours[g] < 0 ? 0 : hours[g]);
		c.grade = g;
		if (hours[g] <= 0) {
			if (k < cap)
				out[k] = c;
			k++;
		} else if (root != g && hours[root] > 0 && hours[root] != hours[g]) {
			c.kind = EB_GRADE_HOURS_DIFFER;
			c.need = hours[g];
			c.have = hours[root];
			c.other_grade = root;
			if (k < cap)
				out[k] = c;
			k++;
		}
	}
	return k;
}
