/* The solver's model: building it, its derived lists, the verifier and the counting
 * conflicts (solver.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "solver/model_int.h"

/* Grows *arr (of `size`-byte items) so that index n fits: 0, or -1. */
static int grow(void **arr, int *cap, int n, size_t size)
{
	if (n < *cap)
		return 0;
	int nc = *cap ? *cap * 2 : 16;
	while (nc <= n)
		nc *= 2;
	void *p = realloc(*arr, (size_t)nc * size);
	if (!p)
		return -1;
	*arr = p;
	*cap = nc;
	return 0;
}

#define GROW(arr, capv, n) grow((void **)&(arr), &(capv), (n), sizeof *(arr))

static void set_name(struct sv_name *dst, const char *name)
{
	snprintf(dst->s, sizeof dst->s, "%s", name ? name : "");
}

struct sv_model *sv_model_new(int days, int periods)
{
	if (days < 1 || days > SV_MAX_DAYS || periods < 1 || periods > SV_MAX_PERIODS)
		return NULL;
	struct sv_model *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->days = days;
	m->periods = periods;
	m->ns = days * periods;
	m->rules.teacher_max_gaps_day = SV_NO_LIMIT;
	m->rules.teacher_max_gaps_week = SV_NO_LIMIT;
	m->rules.students_no_gaps = 1;
	m->rules.students_early = 1;
	m->rules.hard_last = 2;
	m->rules.w_teacher_gap = 10;
	m->rules.w_spread = 3;
	m->rules.w_hard_late = 1;
	return m;
}

static void free_derived(struct sv_model *m)
{
	free(m->atom_class);
	free(m->atom_off);
	free(m->unit_dur);
	m->atom_off = NULL;
	m->unit_dur = NULL;
	free(m->class_atom0);
	free(m->class_natoms);
	free(m->class_atoms);
	free(m->act_atoms.off);
	free(m->act_atoms.items);
	free(m->act_rooms.off);
	free(m->act_rooms.items);
	free(m->act_unit);
	free(m->unit_acts.off);
	free(m->unit_acts.items);
	m->atom_class = m->class_atom0 = m->class_natoms = m->class_atoms = NULL;
	m->act_atoms.off = m->act_atoms.items = m->act_rooms.off = m->act_rooms.items = NULL;
	m->act_unit = m->unit_acts.off = m->unit_acts.items = NULL;
	m->prepared = 0;
}

void sv_model_free(struct sv_model *m)
{
	if (!m)
		return;
	free_derived(m);
	free(m->subject_name);
	free(m->subject_max);
	free(m->subject_hard);
	free(m->teacher_name);
	free(m->teacher_max);
	free(m->teacher_off);
	free(m->teacher_max_days);
	free(m->teacher_min_daily);
	free(m->teacher_min_empty_ok);
	free(m->teacher_max_run);
	free(m->class_off);
	free(m->group_off);
	free(m->act_dur);
	free(m->act_last);
	free(m->act_off);
	free(m->room_name);
	free(m->class_name);
	free(m->class_min);
	free(m->class_max);
	free(m->group_name);
	free(m->group_class);
	free(m->act_subject);
	free(m->act_ext);
	free(m->act_t0);
	free(m->act_nt);
	free(m->act_c0);
	free(m->act_nc);
	free(m->act_g0);
	free(m->act_ng);
	free(m->act_r0);
	free(m->act_nr);
	free(m->pool_t);
	free(m->pool_c);
	free(m->pool_g);
	free(m->pool_r);
	free(m->same_next);
	free(m->act_lock);
	free(m);
}

struct sv_rules *sv_model_rules(struct sv_model *m)
{
	return &m->rules;
}

int sv_subject(struct sv_model *m, const char *name, int max_per_day, int hard)
{
	int n = m->n_subjects, c;
	c = m->cap_subjects;
	if (GROW(m->subject_name, c, n))
		return -1;
	c = m->cap_subjects;
	if (GROW(m->subject_max, c, n))
		return -1;
	c = m->cap_subjects;
	if (GROW(m->subject_hard, c, n))
		return -1;
	m->cap_subjects = c;
	set_name(&m->subject_name[n], name);
	m->subject_max[n] = max_per_day > 0 ? max_per_day : SV_NO_LIMIT;
	m->subject_hard[n] = hard ? 1 : 0;
	m->prepared = 0;
	return m->n_subjects++;
}

int sv_teacher(struct sv_model *m, const char *name, int max_daily)
{
	int n = m->n_teachers, c = m->cap_teachers;
	if (GROW(m->teacher_name, c, n))
		return -1;
	c = m->cap_teachers;
	if (GROW(m->teacher_max, c, n))
		return -1;
	m->cap_teachers = c;
	if (grow((void **)&m->teacher_off, &m->cap_teacher_off, (n + 1) * m->days, sizeof *m->teacher_off))
		return -1;
	int **more[] = {&m->teacher_max_days, &m->teacher_min_daily, &m->teacher_min_empty_ok, &m->teacher_max_run};
	for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
		c = m->cap_teacher_more;
		if (grow((void **)more[i], &c, n, sizeof(int)))
			return -1;
	}
	m->cap_teacher_more = c;
	set_name(&m->teacher_name[n], name);
	m->teacher_max[n] = max_daily > 0 ? max_daily : SV_NO_LIMIT;
	m->teacher_max_days[n] = SV_NO_LIMIT;
	m->teacher_min_daily[n] = 0;
	m->teacher_min_empty_ok[n] = 1;
	m->teacher_max_run[n] = SV_NO_LIMIT;
	for (int d = 0; d < m->days; d++)
		m->teacher_off[n * m->days + d] = 0;
	m->prepared = 0;
	return m->n_teachers++;
}

int sv_teacher_off(struct sv_model *m, int t, int day, int period)
{
	if (t < 0 || t >= m->n_teachers || day < 0 || day >= m->days || period < 0 || period >= m->periods)
		return -1;
	m->teacher_off[t * m->days + day] |= 1u << period;
	m->prepared = 0;
	return 0;
}

int sv_room(struct sv_model *m, const char *name)
{
	int n = m->n_rooms, c = m->cap_rooms;
	if (GROW(m->room_name, c, n))
		return -1;
	m->cap_rooms = c;
	set_name(&m->room_name[n], name);
	m->prepared = 0;
	return m->n_rooms++;
}

int sv_class(struct sv_model *m, const char *name, int min_daily, int max_daily)
{
	int n = m->n_classes, c = m->cap_classes;
	if (GROW(m->class_name, c, n))
		return -1;
	c = m->cap_classes;
	if (GROW(m->class_min, c, n))
		return -1;
	c = m->cap_classes;
	if (GROW(m->class_max, c, n))
		return -1;
	m->cap_classes = c;
	if (grow((void **)&m->class_off, &m->cap_class_off, (n + 1) * m->days, sizeof *m->class_off))
		return -1;
	for (int d = 0; d < m->days; d++)
		m->class_off[n * m->days + d] = 0;
	set_name(&m->class_name[n], name);
	m->class_min[n] = min_daily > 0 ? min_daily : 0;
	m->class_max[n] = max_daily > 0 ? max_daily : SV_NO_LIMIT;
	m->prepared = 0;
	return m->n_classes++;
}

int sv_group(struct sv_model *m, int cls, const char *name)
{
	if (cls < 0 || cls >= m->n_classes)
		return -1;
	int n = m->n_groups, c = m->cap_groups;
	if (GROW(m->group_name, c, n))
		return -1;
	c = m->cap_groups;
	if (GROW(m->group_class, c, n))
		return -1;
	m->cap_groups = c;
	if (grow((void **)&m->group_off, &m->cap_group_off, (n + 1) * m->days, sizeof *m->group_off))
		return -1;
	for (int d = 0; d < m->days; d++)
		m->group_off[n * m->days + d] = 0;
	set_name(&m->group_name[n], name);
	m->group_class[n] = cls;
	m->prepared = 0;
	return m->n_groups++;
}

/* Appends k ints to a pool: the offset, or -1. */
static int pool_add(int **pool, int *n, int *cap, const int *v, int k)
{
	if (k <= 0)
		return *n;
	if (grow((void **)pool, cap, *n + k, sizeof **pool))
		return -1;
	memcpy(*pool + *n, v, (size_t)k * sizeof *v);
	int at = *n;
	*n += k;
	return at;
}

int sv_activity(struct sv_model *m, const struct sv_activity_spec *s)
{
	if (!s || s->subject < 0 || s->subject >= m->n_subjects || s->n_teachers < 0 || s->n_classes < 0 ||
	    s->n_groups < 0 || (s->n_rooms < 0 && s->n_rooms != SV_ANY_ROOM) || s->n_classes + s->n_groups < 1)
		return -1;
	for (int i = 0; i < s->n_teachers; i++)
		if (s->teachers[i] < 0 || s->teachers[i] >= m->n_teachers)
			return -1;
	for (int i = 0; i < s->n_classes; i++)
		if (s->classes[i] < 0 || s->classes[i] >= m->n_classes)
			return -1;
	for (int i = 0; i < s->n_groups; i++)
		if (s->groups[i] < 0 || s->groups[i] >= m->n_groups)
			return -1;
	for (int i = 0; i < s->n_rooms; i++)
		if (s->rooms[i] < 0 || s->rooms[i] >= m->n_rooms)
			return -1;
	int n = m->n_acts, c;
	int **ints[] = {&m->act_subject, &m->act_t0, &m->act_nt, &m->act_c0, &m->act_nc, &m->act_g0,
			&m->act_ng, &m->act_r0, &m->act_nr, &m->same_next, &m->act_lock, &m->act_dur, &m->act_last};
	for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
		c = m->cap_acts;
		if (grow((void **)ints[i], &c, n, sizeof(int)))
			return -1;
	}
	c = m->cap_acts;
	if (GROW(m->act_ext, c, n))
		return -1;
	m->cap_acts = c;
	if (grow((void **)&m->act_off, &m->cap_act_off, (n + 1) * m->days, sizeof *m->act_off))
		return -1;
	for (int d = 0; d < m->days; d++)
		m->act_off[n * m->days + d] = 0;
	int t0 = pool_add(&m->pool_t, &m->n_pool_t, &m->cap_pool_t, s->teachers, s->n_teachers);
	int c0 = pool_add(&m->pool_c, &m->n_pool_c, &m->cap_pool_c, s->classes, s->n_classes);
	int g0 = pool_add(&m->pool_g, &m->n_pool_g, &m->cap_pool_g, s->groups, s->n_groups);
	int r0 = pool_add(&m->pool_r, &m->n_pool_r, &m->cap_pool_r, s->rooms, s->n_rooms > 0 ? s->n_rooms : 0);
	if (t0 < 0 || c0 < 0 || g0 < 0 || r0 < 0)
		return -1;
	m->act_subject[n] = s->subject;
	m->act_ext[n] = s->ext_id;
	m->act_t0[n] = t0;
	m->act_nt[n] = s->n_teachers;
	m->act_c0[n] = c0;
	m->act_nc[n] = s->n_classes;
	m->act_g0[n] = g0;
	m->act_ng[n] = s->n_groups;
	m->act_r0[n] = r0;
	m->act_nr[n] = s->n_rooms;
	m->same_next[n] = n;
	m->act_lock[n] = -1;
	m->act_dur[n] = 1;
	m->act_last[n] = 0;
	m->prepared = 0;
	return m->n_acts++;
}

int sv_activity_duration(struct sv_model *m, int act, int periods)
{
	if (act < 0 || act >= m->n_acts || periods < 1 || periods > m->periods)
		return -1;
	m->act_dur[act] = periods;
	m->prepared = 0;
	return 0;
}

int sv_activity_off(struct sv_model *m, int act, int day, int period)
{
	if (act < 0 || act >= m->n_acts || day < 0 || day >= m->days || period < 0 || period >= m->periods)
		return -1;
	m->act_off[act * m->days + day] |= 1u << period;
	m->prepared = 0;
	return 0;
}

int sv_activity_ends_day(struct sv_model *m, int act)
{
	if (act < 0 || act >= m->n_acts)
		return -1;
	m->act_last[act] = 1;
	m->prepared = 0;
	return 0;
}

int sv_class_off(struct sv_model *m, int cls, int day, int period)
{
	if (cls < 0 || cls >= m->n_classes || day < 0 || day >= m->days || period < 0 || period >= m->periods)
		return -1;
	m->class_off[cls * m->days + day] |= 1u << period;
	m->prepared = 0;
	return 0;
}

int sv_group_off(struct sv_model *m, int g, int day, int period)
{
	if (g < 0 || g >= m->n_groups || day < 0 || day >= m->days || period < 0 || period >= m->periods)
		return -1;
	m->group_off[g * m->days + day] |= 1u << period;
	m->prepared = 0;
	return 0;
}

int sv_teacher_max_days(struct sv_model *m, int t, int days)
{
	if (t < 0 || t >= m->n_teachers || days < 0)
		return -1;
	m->teacher_max_days[t] = days;
	m->prepared = 0;
	return 0;
}

int sv_teacher_min_daily(struct sv_model *m, int t, int periods, int allow_empty)
{
	if (t < 0 || t >= m->n_teachers || periods < 0)
		return -1;
	m->teacher_min_daily[t] = periods;
	m->teacher_min_empty_ok[t] = allow_empty ? 1 : 0;
	m->prepared = 0;
	return 0;
}

int sv_teacher_max_run(struct sv_model *m, int t, int periods)
{
	if (t < 0 || t >= m->n_teachers || periods < 1)
		return -1;
	m->teacher_max_run[t] = periods;
	m->prepared = 0;
	return 0;
}

int sv_lock(struct sv_model *m, int act, int day, int period)
{
	if (act < 0 || act >= m->n_acts || day < 0 || day >= m->days || period < 0 || period >= m->periods)
		return -1;
	m->act_lock[act] = day * m->periods + period;
	return 0;
}

int sv_activity_rooms(struct sv_model *m, int act, const int *rooms, int n)
{
	if (act < 0 || act >= m->n_acts || (n < 0 && n != SV_ANY_ROOM))
		return -1;
	for (int i = 0; i < n; i++)
		if (rooms[i] < 0 || rooms[i] >= m->n_rooms)
			return -1;
	int r0 = pool_add(&m->pool_r, &m->n_pool_r, &m->cap_pool_r, rooms, n > 0 ? n : 0);
	if (r0 < 0)
		return -1;
	m->act_r0[act] = r0;
	m->act_nr[act] = n;
	m->prepared = 0;
	return 0;
}

static int uf_find(int *p, int x)
{
	while (p[x] != x) {
		p[x] = p[p[x]];
		x = p[x];
	}
	return x;
}

int sv_same_time(struct sv_model *m, const int *acts, int n)
{
	for (int i = 0; i < n; i++)
		if (acts[i] < 0 || acts[i] >= m->n_acts)
			return -1;
	for (int i = 1; i < n; i++) {
		int a = uf_find(m->same_next, acts[0]), b = uf_find(m->same_next, acts[i]);
		if (a != b)
			m->same_next[a > b ? a : b] = a < b ? a : b;
	}
	m->prepared = 0;
	return 0;
}

int sv_n_activities(const struct sv_model *m)
{
	return m->n_acts;
}
int sv_n_days(const struct sv_model *m)
{
	return m->days;
}
int sv_n_periods(const struct sv_model *m)
{
	return m->periods;
}
int64_t sv_activity_ext_id(const struct sv_model *m, int act)
{
	return act >= 0 && act < m->n_acts ? m->act_ext[act] : 0;
}
const char *sv_room_name(const struct sv_model *m, int room)
{
	return room >= 0 && room < m->n_rooms ? m->room_name[room].s : "";
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int sv_prepare(struct sv_model *m)
{
	if (m->prepared)
		return 0;
	free_derived(m);
	int nc = m->n_classes, na = m->n_acts;
	m->class_atom0 = calloc((size_t)nc + 1, sizeof(int));
	m->class_natoms = calloc((size_t)nc + 1, sizeof(int));
	int n_atoms = m->n_groups;
	for (int c = 0; c < nc; c++) {
		int k = 0;
		for (int g = 0; g < m->n_groups; g++)
			k += m->group_class[g] == c;
		if (!k)
			n_atoms++;
	}
	m->n_atoms = n_atoms;
	m->atom_class = calloc((size_t)n_atoms + 1, sizeof(int));
	m->class_atoms = calloc((size_t)n_atoms + 1, sizeof(int));
	m->act_atoms.off = calloc((size_t)na + 1, sizeof(int));
	m->act_rooms.off = calloc((size_t)na + 1, sizeof(int));
	m->act_unit = calloc((size_t)na + 1, sizeof(int));
	m->unit_acts.off = calloc((size_t)na + 2, sizeof(int));
	m->unit_acts.items = calloc((size_t)na + 1, sizeof(int));
	m->atom_off = calloc((size_t)n_atoms * m->days + 1, sizeof(uint32_t));
	m->unit_dur = calloc((size_t)na + 1, sizeof(int));
	if (!m->atom_off || !m->unit_dur)
		goto nomem;
	if (!m->class_atom0 || !m->class_natoms || !m->atom_class || !m->class_atoms || !m->act_atoms.off ||
	    !m->act_rooms.off || !m->act_unit || !m->unit_acts.off || !m->unit_acts.items)
		goto nomem;
	for (int g = 0; g < m->n_groups; g++)
		m->atom_class[g] = m->group_class[g];
	int next = m->n_groups, pos = 0;
	for (int c = 0; c < nc; c++) {
		m->class_atom0[c] = pos;
		for (int g = 0; g < m->n_groups; g++)
			if (m->group_class[g] == c)
				m->class_atoms[pos++] = g;
		if (pos == m->class_atom0[c]) {
			m->atom_class[next] = c;
			m->class_atoms[pos++] = next++;
		}
		m->class_natoms[c] = pos - m->class_atom0[c];
	}
	for (int g = 0; g < n_atoms; g++)
		for (int d = 0; d < m->days; d++)
			m->atom_off[g * m->days + d] = m->class_off[m->atom_class[g] * m->days + d] |
							 (g < m->n_groups ? m->group_off[g * m->days + d] : 0);
	/* atoms and rooms of each activity */
	size_t tot_atoms = 0, tot_rooms = 0;
	for (int a = 0; a < na; a++) {
		for (int i = 0; i < m->act_nc[a]; i++)
			tot_atoms += (size_t)m->class_natoms[m->pool_c[m->act_c0[a] + i]];
		tot_atoms += (size_t)m->act_ng[a];
		tot_rooms += (size_t)(m->act_nr[a] == SV_ANY_ROOM ? m->n_rooms : m->act_nr[a]);
	}
	m->act_atoms.items = malloc((tot_atoms + 1) * sizeof(int));
	m->act_rooms.items = malloc((tot_rooms + 1) * sizeof(int));
	if (!m->act_atoms.items || !m->act_rooms.items)
		goto nomem;
	int ap = 0, rp = 0;
	for (int a = 0; a < na; a++) {
		int start = ap;
		m->act_atoms.off[a] = ap;
		for (int i = 0; i < m->act_nc[a]; i++) {
			int c = m->pool_c[m->act_c0[a] + i];
			for (int k = 0; k < m->class_natoms[c]; k++)
				m->act_atoms.items[ap++] = m->class_atoms[m->class_atom0[c] + k];
		}
		for (int i = 0; i < m->act_ng[a]; i++)
			m->act_atoms.items[ap++] = m->pool_g[m->act_g0[a] + i];
		qsort(m->act_atoms.items + start, (size_t)(ap - start), sizeof(int), cmp_int);
		int w = start;
		for (int i = start; i < ap; i++)
			if (i == start || m->act_atoms.items[i] != m->act_atoms.items[w - 1])
				m->act_atoms.items[w++] = m->act_atoms.items[i];
		ap = w;
		m->act_rooms.off[a] = rp;
		if (m->act_nr[a] == SV_ANY_ROOM)
			for (int r = 0; r < m->n_rooms; r++)
				m->act_rooms.items[rp++] = r;
		else
			for (int i = 0; i < m->act_nr[a]; i++)
				m->act_rooms.items[rp++] = m->pool_r[m->act_r0[a] + i];
	}
	m->act_atoms.off[na] = ap;
	m->act_rooms.off[na] = rp;
	/* units: the same-time sets, numbered by their first activity */
	int nu = 0;
	int *root_unit = malloc(((size_t)na + 1) * sizeof(int));
	if (!root_unit)
		goto nomem;
	for (int a = 0; a < na; a++)
		root_unit[a] = -1;
	for (int a = 0; a < na; a++) {
		int r = uf_find(m->same_next, a);
		if (root_unit[r] < 0)
			root_unit[r] = nu++;
		m->act_unit[a] = root_unit[r];
	}
	free(root_unit);
	m->n_units = nu;
	m->max_dur = 1;
	for (int a = 0; a < na; a++) {
		int u = m->act_unit[a];
		m->unit_acts.off[u + 1]++;
		if (m->act_dur[a] > m->unit_dur[u])
			m->unit_dur[u] = m->act_dur[a];
		if (m->act_dur[a] > m->max_dur)
			m->max_dur = m->act_dur[a];
	}
	for (int u = 0; u < nu; u++)
		m->unit_acts.off[u + 1] += m->unit_acts.off[u];
	{
		int *fill = calloc((size_t)nu + 1, sizeof(int));
		if (!fill)
			goto nomem;
		for (int a = 0; a < na; a++) {
			int u = m->act_unit[a];
			m->unit_acts.items[m->unit_acts.off[u] + fill[u]++] = a;
		}
		free(fill);
	}
	m->prepared = 1;
	return 0;
nomem:
	free_derived(m);
	return -1;
}

/* --- the verifier --- */

static const char *const violation_names[SV_V_COUNT] = {
	"unplaced",       "teacher_clash",  "student_clash",   "room_clash",          "room_wrong",
	"teacher_off",    "split_apart",    "student_gaps",    "student_late_start", "class_min_daily",
	"class_max_daily", "subject_per_day", "teacher_daily_max", "teacher_gaps_day",  "teacher_gaps_week",
	"locked_moved",   "student_off",    "activity_off",    "not_last_of_day",    "teacher_max_days",
	"teacher_min_daily", "teacher_max_run",
};

const char *sv_violation_name(enum sv_violation v)
{
	return (unsigned)v < SV_V_COUNT ? violation_names[v] : "?";
}

int sv_verify(struct sv_model *m, const struct sv_place *pl, struct sv_report *r)
{
	memset(r, 0, sizeof *r);
	if (sv_prepare(m))
		return -1;
	int D = m->days, P = m->periods, NS = m->ns, T = m->n_teachers, G = m->n_atoms, R = m->n_rooms;
	int S = m->n_subjects;
	int *tc = calloc((size_t)T * NS + 1, sizeof(int));
	int *gc = calloc((size_t)G * NS + 1, sizeof(int));
	int *rc = calloc((size_t)R * NS + 1, sizeof(int));
	int *sd = calloc((size_t)G * S * D + 1, sizeof(int));
	int *lastp = malloc(((size_t)G * D + 1) * sizeof(int)); /* an atom's last busy period of a day */
	if (!tc || !gc || !rc || !sd || !lastp) {
		free(tc);
		free(gc);
		free(rc);
		free(sd);
		free(lastp);
		return -1;
	}
	for (int a = 0; a < m->n_acts; a++) {
		const struct sv_place *p = &pl[a];
		int dur = m->act_dur[a];
		if (m->act_lock[a] >= 0 && (p->day != m->act_lock[a] / P || p->period != m->act_lock[a] % P))
			r->v[SV_V_LOCK_MOVED]++;
		if (p->day < 0 || p->day >= D || p->period < 0 || p->period + dur > P) {
			r->v[SV_V_UNPLACED]++;
			continue;
		}
		r->v[SV_V_ACTIVITY_OFF] += __builtin_popcount(m->act_off[a * D + p->day] & sv_span(p->period, dur));
		for (int k = 0; k < dur; k++) {
			int s = p->day * P + p->period + k;
			for (int i = 0; i < m->act_nt[a]; i++) {
				int t = m->pool_t[m->act_t0[a] + i];
				tc[t * NS + s]++;
				if (m->teacher_off[t * D + p->day] >> (p->period + k) & 1)
					r->v[SV_V_TEACHER_OFF]++;
			}
			for (int i = m->act_atoms.off[a]; i < m->act_atoms.off[a + 1]; i++) {
				int g = m->act_atoms.items[i];
				gc[g * NS + s]++;
				sd[(g * S + m->act_subject[a]) * D + p->day]++;
				if (m->atom_off[g * D + p->day] >> (p->period + k) & 1)
					r->v[SV_V_STUDENT_OFF]++;
			}
			if (p->room >= 0 && p->room < R)
				rc[p->room * NS + s]++;
		}
		int nr = m->act_rooms.off[a + 1] - m->act_rooms.off[a];
		if (nr > 0) {
			int ok = 0;
			for (int i = m->act_rooms.off[a]; i < m->act_rooms.off[a + 1]; i++)
				ok |= m->act_rooms.items[i] == p->room;
			if (!ok)
				r->v[SV_V_ROOM_WRONG]++;
		}
		if (m->subject_hard[m->act_subject[a]] && p->period >= P - m->rules.hard_last)
			r->hard_late++;
	}
	/* same-time sets: every activity off the first one's slot */
	for (int u = 0; u < m->n_units; u++) {
		int a0 = m->unit_acts.items[m->unit_acts.off[u]];
		for (int i = m->unit_acts.off[u] + 1; i < m->unit_acts.off[u + 1]; i++) {
			int a = m->unit_acts.items[i];
			if (pl[a].day != pl[a0].day || pl[a].period != pl[a0].period)
				r->v[SV_V_SPLIT_APART]++;
		}
	}
	for (int i = 0; i < T * NS; i++)
		r->v[SV_V_TEACHER_CLASH] += tc[i] > 1 ? tc[i] - 1 : 0;
	for (int i = 0; i < G * NS; i++)
		r->v[SV_V_STUDENT_CLASH] += gc[i] > 1 ? gc[i] - 1 : 0;
	for (int i = 0; i < R * NS; i++)
		r->v[SV_V_ROOM_CLASH] += rc[i] > 1 ? rc[i] - 1 : 0;
	for (int g = 0; g < G; g++) {
		int c = m->atom_class[g];
		for (int d = 0; d < D; d++) {
			int n = 0, first = -1, last = -1;
			uint32_t off = m->atom_off[g * D + d];
			for (int p = 0; p < P; p++)
				if (gc[g * NS + d * P + p]) {
					n++;
					if (first < 0)
						first = p;
					last = p;
				}
			lastp[g * D + d] = last;
			/* an unavailable period is neither a gap nor a late start */
			for (int p = first + 1; n && m->rules.students_no_gaps && p < last; p++)
				r->v[SV_V_STUDENT_GAPS] += !gc[g * NS + d * P + p] && !(off >> p & 1);
			for (int p = 0; n && m->rules.students_early && p < first; p++)
				r->v[SV_V_STUDENT_LATE] += !(off >> p & 1);
			if (n < m->class_min[c])
				r->v[SV_V_CLASS_MIN] += m->class_min[c] - n;
			if (m->class_max[c] != SV_NO_LIMIT && n > m->class_max[c])
				r->v[SV_V_CLASS_MAX] += n - m->class_max[c];
		}
		for (int s = 0; s < S; s++)
			for (int d = 0; d < D; d++) {
				int k = sd[(g * S + s) * D + d];
				if (m->subject_max[s] != SV_NO_LIMIT && k > m->subject_max[s])
					r->v[SV_V_SUBJECT_DAY] += k - m->subject_max[s];
				if (k > 1)
					r->spread += k - 1;
			}
	}
	/* an activity that ends the day: its atoms have nothing after it */
	for (int a = 0; a < m->n_acts; a++) {
		const struct sv_place *p = &pl[a];
		if (!m->act_last[a] || p->day < 0 || p->day >= D || p->period < 0 || p->period + m->act_dur[a] > P)
			continue;
		for (int i = m->act_atoms.off[a]; i < m->act_atoms.off[a + 1]; i++)
			r->v[SV_V_NOT_LAST] += lastp[m->act_atoms.items[i] * D + p->day] > p->period + m->act_dur[a] - 1;
	}
	for (int t = 0; t < T; t++) {
		int week = 0, days = 0;
		for (int d = 0; d < D; d++) {
			int n = 0, first = -1, last = -1, gaps = 0, run = 0;
			for (int p = 0; p < P; p++)
				if (tc[t * NS + d * P + p]) {
					n++;
					if (first < 0)
						first = p;
					last = p;
					if (++run > m->teacher_max_run[t] && m->teacher_max_run[t] != SV_NO_LIMIT)
						r->v[SV_V_TEACHER_RUN]++;
				} else {
					run = 0;
				}
			days += n > 0;
			if (n < m->teacher_min_daily[t] && (n > 0 || !m->teacher_min_empty_ok[t]))
				r->v[SV_V_TEACHER_MIN_DAILY] += m->teacher_min_daily[t] - n;
			for (int p = first + 1; first >= 0 && p < last; p++)
				if (!tc[t * NS + d * P + p] && !(m->teacher_off[t * D + d] >> p & 1))
					gaps++;
			week += gaps;
			if (m->teacher_max[t] != SV_NO_LIMIT && n > m->teacher_max[t])
				r->v[SV_V_TEACHER_DAILY] += n - m->teacher_max[t];
			if (m->rules.teacher_max_gaps_day != SV_NO_LIMIT && gaps > m->rules.teacher_max_gaps_day)
				r->v[SV_V_TEACHER_GAPS_DAY] += gaps - m->rules.teacher_max_gaps_day;
		}
		r->teacher_gaps += week;
		if (m->teacher_max_days[t] != SV_NO_LIMIT && days > m->teacher_max_days[t])
			r->v[SV_V_TEACHER_DAYS] += days - m->teacher_max_days[t];
		if (m->rules.teacher_max_gaps_week != SV_NO_LIMIT && week > m->rules.teacher_max_gaps_week)
			r->v[SV_V_TEACHER_GAPS_WEEK] += week - m->rules.teacher_max_gaps_week;
	}
	for (int k = 0; k < SV_V_COUNT; k++)
		r->hard += r->v[k];
	r->soft = (long)m->rules.w_teacher_gap * r->teacher_gaps + (long)m->rules.w_spread * r->spread +
		  (long)m->rules.w_hard_late * r->hard_late;
	free(tc);
	free(gc);
	free(rc);
	free(sd);
	free(lastp);
	return 0;
}

/* --- counting conflicts --- */

struct conflicts {
	struct sv_conflict *out;
	int cap, n;
};

static void conflict(struct conflicts *c, enum sv_conflict_kind kind, int who, int need, int have, const char *fmt,
		     ...) __attribute__((format(printf, 6, 7)));

#include <stdarg.h>

static void conflict(struct conflicts *c, enum sv_conflict_kind kind, int who, int need, int have, const char *fmt,
		     ...)
{
	if (c->n < c->cap) {
		struct sv_conflict *x = &c->out[c->n];
		x->kind = kind;
		x->who = who;
		x->need = need;
		x->have = have;
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(x->text, sizeof x->text, fmt, ap);
		va_end(ap);
	}
	c->n++;
}

/* A name for an atom: its group's, or its class's. */
static const char *atom_name(const struct sv_model *m, int g)
{
	return g < m->n_groups ? m->group_name[g].s : m->class_name[m->atom_class[g]].s;
}

int sv_conflicts(struct sv_model *m, struct sv_conflict *out, int cap)
{
	if (sv_prepare(m))
		return -1;
	struct conflicts c = {out, cap, 0};
	int D = m->days, P = m->periods, NS = m->ns, G = m->n_atoms, T = m->n_teachers, S = m->n_subjects;
	int NU = m->n_units;
	int *need_g = calloc((size_t)G + 1, sizeof(int));
	int *need_t = calloc((size_t)T + 1, sizeof(int));
	int *need_gs = calloc((size_t)G * S + 1, sizeof(int));
	int *mark_g = malloc(((size_t)G + 1) * sizeof(int));
	int *mark_t = malloc(((size_t)T + 1) * sizeof(int));
	int *mark_gs = malloc(((size_t)G * S + 1) * sizeof(int));
	if (!need_g || !need_t || !need_gs || !mark_g || !mark_t || !mark_gs) {
		c.n = -1;
		goto done;
	}
	for (int i = 0; i < G; i++)
		mark_g[i] = -1;
	for (int i = 0; i < T; i++)
		mark_t[i] = -1;
	for (int i = 0; i < G * S; i++)
		mark_gs[i] = -1;
	/* per unit: each atom, teacher, atom-subject counted once; twice inside a unit is a clash */
	for (int u = 0; u < NU; u++) {
		for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1]; i++) {
			int a = m->unit_acts.items[i];
			for (int k = m->act_atoms.off[a]; k < m->act_atoms.off[a + 1]; k++) {
				int g = m->act_atoms.items[k];
				if (mark_g[g] == u)
					conflict(&c, SV_C_SAME_TIME_CLASH, a, 2, 1,
						 "activity %d must be at the same time as another of %s", a,
						 atom_name(m, g));
				else
					need_g[g] += m->act_dur[a];
				mark_g[g] = u;
				int gs = g * S + m->act_subject[a];
				if (mark_gs[gs] != u)
					need_gs[gs] += m->act_dur[a];
				mark_gs[gs] = u;
			}
			for (int k = 0; k < m->act_nt[a]; k++) {
				int t = m->pool_t[m->act_t0[a] + k];
				if (mark_t[t] == u)
					conflict(&c, SV_C_SAME_TIME_CLASH, a, 2, 1,
						 "activity %d must be at the same time as another of teacher %s", a,
						 m->teacher_name[t].s);
				else
					need_t[t] += m->act_dur[a];
				mark_t[t] = u;
			}
			if (m->act_nr[a] != 0 && m->act_rooms.off[a + 1] == m->act_rooms.off[a])
				conflict(&c, SV_C_NO_ROOM, a, 1, 0, "activity %d needs a room and none is allowed", a);
		}
		int lock = -1;
		for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1]; i++) {
			int a = m->unit_acts.items[i];
			if (m->act_lock[a] >= 0 && lock >= 0 && m->act_lock[a] != lock)
				conflict(&c, SV_C_LOCK, a, 2, 1, "activity %d is locked at another time than its same-time set", a);
			if (m->act_lock[a] >= 0)
				lock = m->act_lock[a];
		}
		/* a start where every teacher and student of the unit is available for its periods */
		int any = 0;
		for (int d = 0; d < D && !any; d++)
			for (int p = 0; p < P && !any; p++) {
				int ok = 1;
				for (int i = m->unit_acts.off[u]; i < m->unit_acts.off[u + 1] && ok; i++) {
					int a = m->unit_acts.items[i];
					if (p + m->act_dur[a] > P) {
						ok = 0;
						break;
					}
					uint32_t span = sv_span(p, m->act_dur[a]), off = m->act_off[a * D + d];
					for (int k = 0; k < m->act_nt[a]; k++)
						off |= m->teacher_off[m->pool_t[m->act_t0[a] + k] * D + d];
					for (int k = m->act_atoms.off[a]; k < m->act_atoms.off[a + 1]; k++)
						off |= m->atom_off[m->act_atoms.items[k] * D + d];
					ok = !(off & span);
				}
				any = ok;
			}
		if (!any)
			conflict(&c, SV_C_NO_SLOT, m->unit_acts.items[m->unit_acts.off[u]], 1, 0,
				 "activity %d: its teachers and students have no time available in common",
				 m->unit_acts.items[m->unit_acts.off[u]]);
	}
	for (int g = 0; g < G; g++) {
		int cl = m->atom_class[g];
		if (need_g[g] > NS)
			conflict(&c, SV_C_GROUP_HOURS, g, need_g[g], NS,
				 "%s needs %d lessons a week; the week has %d periods", atom_name(m, g), need_g[g], NS);
		else if (m->class_max[cl] != SV_NO_LIMIT && need_g[g] > D * m->class_max[cl])
			conflict(&c, SV_C_CLASS_MAX, g, need_g[g], D * m->class_max[cl],
				 "%s needs %d lessons a week; %d days of at most %d give %d", atom_name(m, g), need_g[g],
				 D, m->class_max[cl], D * m->class_max[cl]);
		if (need_g[g] < D * m->class_min[cl])
			conflict(&c, SV_C_CLASS_MIN, g, D * m->class_min[cl], need_g[g],
				 "%s has %d lessons a week; %d days of at least %d need %d", atom_name(m, g), need_g[g], D,
				 m->class_min[cl], D * m->class_min[cl]);
		for (int s = 0; s < S; s++) {
			int k = need_gs[g * S + s];
			if (m->subject_max[s] != SV_NO_LIMIT && k > D * m->subject_max[s])
				conflict(&c, SV_C_SUBJECT_DAY, g, k, D * m->subject_max[s],
					 "%s has %d lessons of %s a week; %d days of at most %d give %d", atom_name(m, g), k,
					 m->subject_name[s].s, D, m->subject_max[s], D * m->subject_max[s]);
		}
	}
	for (int t = 0; t < T; t++) {
		int avail = 0, daily = 0, cap_d[SV_MAX_DAYS];
		for (int d = 0; d < D; d++) {
			int free_p = P - __builtin_popcount(m->teacher_off[t * D + d] & (P == 32 ? 0xFFFFFFFFu : (1u << P) - 1));
			avail += free_p;
			cap_d[d] = m->teacher_max[t] != SV_NO_LIMIT && m->teacher_max[t] < free_p ? m->teacher_max[t] : free_p;
		}
		/* on at most max_days days: the best ones */
		int nd = m->teacher_max_days[t] != SV_NO_LIMIT && m->teacher_max_days[t] < D ? m->teacher_max_days[t] : D;
		for (int k = 0; k < nd; k++) {
			int bi = 0;
			for (int d = 1; d < D; d++)
				bi = cap_d[d] > cap_d[bi] ? d : bi;
			daily += cap_d[bi];
			cap_d[bi] = -1;
		}
		if (need_t[t] > avail)
			conflict(&c, SV_C_TEACHER_HOURS, t, need_t[t], avail,
				 "teacher %s has %d hours a week and is available %d periods", m->teacher_name[t].s,
				 need_t[t], avail);
		else if (need_t[t] > daily)
			conflict(&c, SV_C_TEACHER_HOURS, t, need_t[t], daily,
				 "teacher %s has %d hours a week; the available days (at most %d of them) at most %d "
				 "a day give %d",
				 m->teacher_name[t].s, need_t[t], nd, m->teacher_max[t], daily);
	}
	/* rooms (Hall's condition on each activity's set): the activities whose set lies
	 * inside it must fit in its rooms × the week */
	for (int a = 0; a < m->n_acts; a++) {
		int a0 = m->act_rooms.off[a], a1 = m->act_rooms.off[a + 1];
		if (a1 == a0)
			continue;
		int dup = 0; /* checked already for an earlier activity with the same set */
		for (int b = 0; b < a && !dup; b++)
			if (m->act_rooms.off[b + 1] - m->act_rooms.off[b] == a1 - a0 &&
			    !memcmp(m->act_rooms.items + m->act_rooms.off[b], m->act_rooms.items + a0,
				    (size_t)(a1 - a0) * sizeof(int)))
				dup = 1;
		if (dup)
			continue;
		int need = 0;
		for (int b = 0; b < m->n_acts; b++) {
			int b0 = m->act_rooms.off[b], b1 = m->act_rooms.off[b + 1], inside = b1 > b0;
			for (int i = b0; i < b1 && inside; i++) {
				int found = 0;
				for (int j = a0; j < a1 && !found; j++)
					found = m->act_rooms.items[j] == m->act_rooms.items[i];
				inside = found;
			}
			need += inside ? m->act_dur[b] : 0;
		}
		if (need > (a1 - a0) * NS)
			conflict(&c, SV_C_ROOM_HOURS, m->act_rooms.items[a0], need, (a1 - a0) * NS,
				 "%d lessons need the %d room(s) of %s; they have %d periods", need, a1 - a0,
				 m->room_name[m->act_rooms.items[a0]].s, (a1 - a0) * NS);
	}
done:
	free(need_g);
	free(need_t);
	free(need_gs);
	free(mark_g);
	free(mark_t);
	free(mark_gs);
	return c.n;
}
