/* timetable_week — a school's semester read for the timetable generator, its solver
 * model and the entries of a solved week (see timetable_week.h). */
#include "store/timetable_week.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/date.h"
#include "store/calendar.h"
#include "store/daily_bounds.h"
#include "store/timetable.h"
#include "util/array.h"

#define SUBJECT_MAX_PER_DAY 2
#define ROOM_FULL_PERCENT 85

/* One group of a class, while reading. */
struct group_row {
	int64_t id, subject_id;
	int cls;
	char name[24];
	unsigned atoms;
};

/* One line of the load, while reading. */
struct load_row {
	int cls;
	int64_t group_id, subject_id, staff_id;
	int hours;
};

/* An elective group membership's days, while reading ('YYYY-MM-DD'; left "9999-99-99"
 * while it lasts) and its group. */
struct membership {
	int64_t student;
	char joined[DATE_TEXT_SIZE], left[DATE_TEXT_SIZE];
	size_t group;      /* index into w->egroups */
};

/* What is read and dropped once the activities are made. */
struct reading {
	struct group_row *groups;
	size_t n_groups, cap_groups;
	struct load_row *load;
	size_t n_load, cap_load;
	int *room_subject;   /* pairs (room index, subject index) */
	size_t n_rs, cap_rs;
	int elective_hours[EB_MAX_GRADE + 1]; /* per grade, the ЖОЖ's; -1 none */
	struct membership *members;           /* parallel to w->egroup_students, while reading */
	size_t cap_members;
};

static void reading_release(struct reading *r)
{
	free(r->groups);
	free(r->load);
	free(r->room_subject);
	free(r->members);
}

void ttw_release(struct ttw *w)
{
	for (size_t i = 0; i < w->n_acts; i++)
		free(w->acts[i].rooms);
	free(w->subjects);
	free(w->teachers);
	free(w->rooms);
	free(w->classes);
	free(w->atoms);
	free(w->acts);
	free(w->egroups);
	free(w->egroup_students);
	free(w->blocks);
	memset(w, 0, sizeof *w);
}

static int step_rc(int rc)
{
	return rc == DB_DONE ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

/* A statement of sql with $1 the school and, when it has one, $2 the year; NULL on error. */
static struct db_stmt *prepare_week(struct db *db, const struct ttw *w, const char *sql)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (st) {
		db_bind_int64(st, 1, w->school_id);
		if (strstr(sql, "$2"))
			db_bind_int64(st, 2, w->year_id);
	}
	return st;
}

/* A new zeroed element at the end of *items (n counts them), or NULL without memory. */
static void *append(void *items, size_t *cap, size_t *n, size_t size)
{
	if (array_grow((void **)items, cap, *n, size) != 0)
		return NULL;
	char *e = *(char **)items + *n * size;
	memset(e, 0, size);
	(*n)++;
	return e;
}

static int class_index(const struct ttw *w, int64_t id)
{
	for (size_t i = 0; i < w->n_classes; i++)
		if (w->classes[i].id == id)
			return (int)i;
	return -1;
}

static int subject_index(const struct ttw *w, int64_t id)
{
	size_t lo = 0, hi = w->n_subjects;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (w->subjects[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < w->n_subjects && w->subjects[lo].id == id ? (int)lo : -1;
}

static int teacher_index(const struct ttw *w, int64_t id)
{
	for (size_t i = 0; i < w->n_teachers; i++)
		if (w->teachers[i].id == id)
			return (int)i;
	return -1;
}

static int room_index(const struct ttw *w, int64_t id)
{
	for (size_t i = 0; i < w->n_rooms; i++)
		if (w->rooms[i].id == id)
			return (int)i;
	return -1;
}

static int group_index(const struct reading *r, int64_t id)
{
	for (size_t i = 0; i < r->n_groups; i++)
		if (r->groups[i].id == id)
			return (int)i;
	return -1;
}

/* The bell schedule: the days and periods of the week. */
static int read_bells(struct db *db, struct ttw *w)
{
	json_t *b = bells_get(db, w->school_id);
	if (!b)
		return DB_ERROR;
	json_t *periods = json_object_get(b, "periods");
	w->days = json_is_true(json_object_get(b, "saturday")) ? TT_WEEKDAYS_SATURDAY : TT_WEEKDAYS;
	w->periods = (int)json_array_size(periods);
	if (w->periods > TT_MAX_PERIODS)
		w->periods = TT_MAX_PERIODS;
	for (int i = 0; i < w->periods; i++) {
		json_t *p = json_array_get(periods, (size_t)i);
		snprintf(w->hour_names[i], sizeof w->hour_names[i], "%s", json_string_value(json_object_get(p, "starts_at")));
		snprintf(w->hour_ends[i], sizeof w->hour_ends[i], "%s", json_string_value(json_object_get(p, "ends_at")));
	}
	json_decref(b);
	if (w->periods == 0) {
		snprintf(w->error, sizeof w->error, "the school has no bell schedule (no periods)");
		return TTW_NO_BELLS;
	}
	return DB_OK;
}

static int read_classes(struct db *db, struct ttw *w)
{
	struct db_stmt *st = prepare_week(db, w, "SELECT c.id, c.grade, c.letter, (SELECT COUNT(*) FROM students s"
					    " WHERE s.class_id = c.id AND s.status = 'studying') FROM classes c"
					    " WHERE c.school_id = $1 AND c.academic_year_id = $2 ORDER BY c.grade, c.letter");
	if (!st)
		return DB_ERROR;
	size_t cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct ttw_class *c = append(&w->classes, &cap, &w->n_classes, sizeof *w->classes);
		if (!c) {
			rc = DB_ERROR;
			break;
		}
		c->id = db_col_int64(st, 0);
		c->grade = (int)db_col_int64(st, 1);
		snprintf(c->label, sizeof c->label, "%d%s", c->grade, db_col_text(st, 2));
		c->students = (int)db_col_int64(st, 3);
		c->home_room = -1;
	}
	db_done(st);
	return step_rc(rc);
}

static int read_subjects(struct db *db, struct ttw *w)
{
	static const char *const hard[] = {"mathematics", "algebra", "geometry", "physics", "chemistry"};
	struct db_stmt *st = db_prepare(db, "SELECT id, code, name_en FROM subjects ORDER BY id");
	if (!st)
		return DB_ERROR;
	size_t cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct ttw_subject *s = append(&w->subjects, &cap, &w->n_subjects, sizeof *w->subjects);
		if (!s) {
			rc = DB_ERROR;
			break;
		}
		s->id = db_col_int64(st, 0);
		snprintf(s->code, sizeof s->code, "%s", db_col_text(st, 1));
		snprintf(s->name, sizeof s->name, "%s", db_col_text(st, 2));
		for (size_t i = 0; i < sizeof hard / sizeof hard[0]; i++)
			s->hard |= strcmp(s->code, hard[i]) == 0;
	}
	db_done(st);
	return step_rc(rc);
}

/* The load of the year's classes, by class, subject, group name; its teachers. */
static int read_load(struct db *db, struct ttw *w, struct reading *r)
{
	struct db_stmt *st = db_prepare(
		db, "SELECT a.class_id, COALESCE(a.group_id, 0), a.subject_id, a.staff_id, a.hours, p.last_name,"
		    " p.first_name FROM load_assignments a JOIN classes c ON c.id = a.class_id"
		    " JOIN staff s ON s.id = a.staff_id JOIN persons p ON p.id = s.person_id"
		    " LEFT JOIN class_groups g ON g.id = a.group_id"
		    " WHERE a.academic_year_id = $1 AND c.school_id = $2"
		    " ORDER BY c.grade, c.letter, a.subject_id, g.name, a.id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, w->year_id);
	db_bind_int64(st, 2, w->school_id);
	size_t cap_t = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct load_row l = {class_index(w, db_col_int64(st, 0)), db_col_int64(st, 1), db_col_int64(st, 2),
				     db_col_int64(st, 3), (int)db_col_int64(st, 4)};
		if (l.cls < 0 || subject_index(w, l.subject_id) < 0)
			continue;
		if (array_grow((void **)&r->load, &r->cap_load, r->n_load, sizeof *r->load) != 0) {
			rc = DB_ERROR;
			break;
		}
		r->load[r->n_load++] = l;
		if (teacher_index(w, l.staff_id) >= 0)
			continue;
		if (array_grow((void **)&w->teachers, &cap_t, w->n_teachers, sizeof *w->teachers) != 0) {
			rc = DB_ERROR;
			break;
		}
		struct ttw_teacher *t = &w->teachers[w->n_teachers++];
		memset(t, 0, sizeof *t);
		t->id = l.staff_id;
		snprintf(t->name, sizeof t->name, "%s %s", db_col_text(st, 5), db_col_text(st, 6));
	}
	db_done(st);
	if (rc != DB_DONE)
		return step_rc(rc);
	/* two teachers of one name: the second and later get their id */
	for (size_t i = 0; i < w->n_teachers; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(w->teachers[i].name, w->teachers[j].name) == 0) {
				size_t n = strlen(w->teachers[i].name);
				snprintf(w->teachers[i].name + n, sizeof w->teachers[i].name - n, " #%lld",
					 (long long)w->teachers[i].id);
				break;
			}
	if (!r->n_load) {
		snprintf(w->error, sizeof w->error, "the classes of the year have no teaching load");
		return TTW_NO_LOAD;
	}
	return DB_OK;
}

/* The teachers' unavailable times of the year and of the semester (migration 015). */
static int read_unavailability(struct db *db, struct ttw *w)
{
	struct db_stmt *st = db_prepare(db, "SELECT u.staff_id, u.weekday, COALESCE(u.period, 0)"
					    " FROM teacher_unavailability u JOIN staff s ON s.id = u.staff_id"
					    " WHERE u.academic_year_id = $1 AND s.school_id = $2"
					    " AND (u.semester IS NULL OR u.semester = $3)");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, w->year_id);
	db_bind_int64(st, 2, w->school_id);
	db_bind_int64(st, 3, w->semester);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int t = teacher_index(w, db_col_int64(st, 0));
		int day = (int)db_col_int64(st, 1) - 1, period = (int)db_col_int64(st, 2) - 1;
		if (t < 0 || day < 0 || day >= w->days || period >= w->periods)
			continue;
		w->teachers[t].off[day] |= period < 0 ? (w->periods >= 32 ? ~0u : (1u << w->periods) - 1) : 1u << period;
	}
	db_done(st);
	return step_rc(rc);
}

/* CLB-5: clubs meet after lessons. Every period that overlaps an approved club slot of
 * the year is kept free of lessons for each class with a current member of the club
 * (with classes starting at the first period and without gaps, their day ends before
 * the club begins). Times are 'HH:MM', compared as text. */
static int read_club_times(struct db *db, struct ttw *w)
{
	struct db_stmt *st = prepare_week(db, w, "SELECT DISTINCT s.class_id, cs.weekday, cs.starts_at, cs.ends_at"
						 " FROM clubs c JOIN club_schedule cs ON cs.club_id = c.id"
						 " JOIN club_members m ON m.club_id = c.id AND m.left_on IS NULL"
						 " JOIN students s ON s.id = m.student_id"
						 " WHERE c.school_id = $1 AND c.academic_year_id = $2"
						 " AND c.schedule_approved_on IS NOT NULL AND s.class_id IS NOT NULL");
	if (!st)
		return DB_ERROR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int c = class_index(w, db_col_int64(st, 0));
		int day = (int)db_col_int64(st, 1) - 1;
		const char *from = db_col_text(st, 2), *to = db_col_text(st, 3);
		if (c < 0 || day < 0 || day >= w->days || !from || !to)
			continue;
		for (int p = 0; p < w->periods; p++)
			if (strcmp(w->hour_names[p], to) < 0 && strcmp(from, w->hour_ends[p]) < 0)
				w->classes[c].off[day] |= 1u << p;
	}
	db_done(st);
	return step_rc(rc);
}

static int read_rooms(struct db *db, struct ttw *w, struct reading *r)
{
	struct db_stmt *st = prepare_week(db, w, "SELECT id, name, COALESCE(capacity, 0) FROM rooms WHERE school_id = $1"
					    " ORDER BY name, id");
	if (!st)
		return DB_ERROR;
	size_t cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct ttw_room *m = append(&w->rooms, &cap, &w->n_rooms, sizeof *w->rooms);
		if (!m) {
			rc = DB_ERROR;
			break;
		}
		m->id = db_col_int64(st, 0);
		snprintf(m->name, sizeof m->name, "%s", db_col_text(st, 1));
		m->capacity = (int)db_col_int64(st, 2);
	}
	db_done(st);
	if (rc != DB_DONE)
		return step_rc(rc);
	st = prepare_week(db, w, "SELECT rs.room_id, rs.subject_id FROM room_subjects rs JOIN rooms r ON r.id = rs.room_id"
			    " WHERE r.school_id = $1");
	if (!st)
		return DB_ERROR;
	while ((rc = db_step(st)) == DB_ROW) {
		int room = room_index(w, db_col_int64(st, 0)), subj = subject_index(w, db_col_int64(st, 1));
		if (room < 0 || subj < 0)
			continue;
		if (array_grow((void **)&r->room_subject, &r->cap_rs, r->n_rs, 2 * sizeof(int)) != 0) {
			rc = DB_ERROR;
			break;
		}
		r->room_subject[2 * r->n_rs] = room;
		r->room_subject[2 * r->n_rs + 1] = subj;
		r->n_rs++;
		w->rooms[room].special = 1;
	}
	db_done(st);
	return step_rc(rc);
}

/* Home rooms: per class, the room without subjects its whole-class entries of the year's
 * versions use most. */
static int read_home_rooms(struct db *db, struct ttw *w)
{
	struct db_stmt *st = db_prepare(
		db, "SELECT e.class_id, e.room_id, COUNT(*) AS n FROM timetable_entries e"
		    " JOIN timetables t ON t.id = e.timetable_id WHERE t.school_id = $1 AND t.academic_year_id = $2"
		    " AND e.group_id IS NULL AND e.room_id IS NOT NULL"
		    " AND NOT EXISTS (SELECT 1 FROM room_subjects rs WHERE rs.room_id = e.room_id)"
		    " GROUP BY e.class_id, e.room_id ORDER BY e.class_id, n DESC, e.room_id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, w->school_id);
	db_bind_int64(st, 2, w->year_id);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int c = class_index(w, db_col_int64(st, 0)), room = room_index(w, db_col_int64(st, 1));
		if (c >= 0 && room >= 0 && w->classes[c].home_room < 0 && !w->rooms[room].home) {
			w->classes[c].home_room = room;
			w->rooms[room].home = 1;
		}
	}
	db_done(st);
	return step_rc(rc);
}

/* The groups of the year's classes and the atoms of their members. */
static int read_groups(struct db *db, struct ttw *w, struct reading *r)
{
	struct db_stmt *st = prepare_week(db, w, "SELECT g.id, g.class_id, g.subject_id, g.name FROM class_groups g"
					    " JOIN classes c ON c.id = g.class_id"
					    " WHERE c.school_id = $1 AND c.academic_year_id = $2 ORDER BY g.class_id, g.id");
	if (!st)
		return DB_ERROR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct group_row *g = append(&r->groups, &r->cap_groups, &r->n_groups, sizeof *r->groups);
		if (!g) {
			rc = DB_ERROR;
			break;
		}
		g->id = db_col_int64(st, 0);
		g->cls = class_index(w, db_col_int64(st, 1));
		g->subject_id = db_col_int64(st, 2);
		snprintf(g->name, sizeof g->name, "%s", db_col_text(st, 3));
	}
	db_done(st);
	if (rc != DB_DONE)
		return step_rc(rc);
	/* each studying student's groups, by class and student: a signature per student */
	st = prepare_week(db, w, "SELECT s.class_id, s.id, gm.group_id FROM students s JOIN group_members gm"
			    " ON gm.student_id = s.id JOIN classes c ON c.id = s.class_id"
			    " WHERE c.school_id = $1 AND c.academic_year_id = $2 AND s.status = 'studying'"
			    " ORDER BY s.class_id, s.id");
	if (!st)
		return DB_ERROR;
	/* the atoms of class c are atoms[c * TTW_MAX_ATOMS ..] until settle_atoms packs them */
	w->atoms = calloc(w->n_classes * TTW_MAX_ATOMS + 1, sizeof *w->atoms);
	if (!w->atoms) {
		db_done(st);
		return DB_ERROR;
	}
	int cur_cls = -1;
	int64_t cur_student = 0;
	uint64_t sig[TTW_MAX_ATOMS];
	size_t g0 = 0;            /* the class's first group (index into r->groups) */
	int n_sig = 0;
	uint64_t mine = 0;        /* the current student's groups, a bit per group of the class */
	int too_many = 0;
	for (;;) {
		rc = db_step(st);
		int cls = rc == DB_ROW ? class_index(w, db_col_int64(st, 0)) : -2;
		int64_t student = rc == DB_ROW ? db_col_int64(st, 1) : 0;
		if ((student != cur_student || cls != cur_cls) && mine) {
			int k;
			for (k = 0; k < n_sig && sig[k] != mine; k++)
				;
			if (k == n_sig && n_sig < TTW_MAX_ATOMS)
				sig[n_sig++] = mine;
			else if (k == n_sig)
				too_many = 1;
			if (k < n_sig)
				w->atoms[(size_t)cur_cls * TTW_MAX_ATOMS + (size_t)k].students++;
			mine = 0;
		}
		if (cls != cur_cls) {
			/* the class ends: its signatures become atoms, its groups get their bits */
			if (cur_cls >= 0) {
				w->classes[cur_cls].n_atoms = n_sig;
				for (int k = 0; k < n_sig; k++)
					for (size_t g = g0; g < r->n_groups && r->groups[g].cls == cur_cls; g++)
						if (g - g0 < 64 && (sig[k] >> (g - g0) & 1))
							r->groups[g].atoms |= 1u << k;
			}
			if (cls == -2)
				break;
			cur_cls = cls;
			n_sig = 0;
			for (g0 = 0; g0 < r->n_groups && r->groups[g0].cls != cls; g0++)
				;
		}
		cur_student = student;
		if (cls < 0)
			continue;
		int64_t gid = db_col_int64(st, 2);
		for (size_t g = g0; g < r->n_groups && r->groups[g].cls == cls; g++)
			if (r->groups[g].id == gid && g - g0 < 64)
				mine |= 1ull << (g - g0);
	}
	db_done(st);
	if (rc != DB_DONE)
		return step_rc(rc);
	if (too_many) {
		snprintf(w->error, sizeof w->error, "a class's groups split it into more than %d sets of students",
			 TTW_MAX_ATOMS);
		return TTW_TOO_MANY;
	}
	return DB_OK;
}

/* Fixes the atoms' layout after read_groups (each class's atoms contiguous, named), and
 * gives groups without members the atoms of their namesakes; a class without members
 * but with groups gets an atom per group name. */
static int settle_atoms(struct ttw *w, struct reading *r)
{
	struct ttw_atom *atoms = calloc(w->n_classes * TTW_MAX_ATOMS + 1, sizeof *atoms);
	if (!atoms)
		return DB_ERROR;
	size_t n = 0;
	for (size_t ci = 0; ci < w->n_classes; ci++) {
		struct ttw_class *c = &w->classes[ci];
		int first = (int)n;
		int had = c->n_atoms;
		for (int k = 0; k < had; k++) {
			atoms[n] = w->atoms[ci * TTW_MAX_ATOMS + (size_t)k];
			atoms[n].cls = (int)ci;
			snprintf(atoms[n].name, sizeof atoms[n].name, "%s-%d", c->label, k + 1);
			n++;
		}
		if (!had) {
			/* no members: one atom per group name */
			for (size_t g = 0; g < r->n_groups; g++) {
				if (r->groups[g].cls != (int)ci)
					continue;
				int k;
				for (k = first; k < (int)n && strcmp(atoms[k].name + strlen(c->label) + 1, r->groups[g].name); k++)
					;
				if (k == (int)n) {
					if (n - (size_t)first >= TTW_MAX_ATOMS) {
						free(atoms);
						snprintf(w->error, sizeof w->error, "%s has more than %d group names", c->label,
							 TTW_MAX_ATOMS);
						return TTW_TOO_MANY;
					}
					atoms[n].cls = (int)ci;
					snprintf(atoms[n].name, sizeof atoms[n].name, "%s-%s", c->label, r->groups[g].name);
					n++;
				}
				r->groups[g].atoms = 1u << (k - first);
			}
		} else {
			/* a group without members: its namesakes' atoms */
			for (size_t g = 0; g < r->n_groups; g++) {
				if (r->groups[g].cls != (int)ci || r->groups[g].atoms)
					continue;
				for (size_t h = 0; h < r->n_groups; h++)
					if (r->groups[h].cls == (int)ci && strcmp(r->groups[h].name, r->groups[g].name) == 0)
						r->groups[g].atoms |= r->groups[h].atoms;
			}
		}
		c->first_atom = first;
		c->n_atoms = (int)n - first;
		if (c->n_atoms == 1) { /* one set of students: the class itself */
			n = (size_t)first;
			c->n_atoms = 0;
			for (size_t g = 0; g < r->n_groups; g++)
				if (r->groups[g].cls == (int)ci)
					r->groups[g].atoms = 0;
		}
	}
	free(w->atoms);
	w->atoms = atoms;
	w->n_atoms = n;
	return DB_OK;
}

/* Adds one activity; -1 when memory runs out. */
static int add_act(struct ttw *w, size_t *cap, const struct load_row *l, const struct reading *r, int set)
{
	if (array_grow((void **)&w->acts, cap, w->n_acts, sizeof *w->acts) != 0)
		return -1;
	struct ttw_activity *a = &w->acts[w->n_acts++];
	memset(a, 0, sizeof *a);
	a->cls = l->cls;
	a->group_id = l->group_id;
	int g = l->group_id ? group_index(r, l->group_id) : -1;
	a->atoms = g >= 0 ? r->groups[g].atoms : 0;
	a->subject = subject_index(w, l->subject_id);
	a->teacher = teacher_index(w, l->staff_id);
	a->set = set;
	a->lock_day = a->lock_period = -1;
	a->block = a->block_hour = -1;
	return 0;
}

/* The activities: an hour of the load each; a class-subject's groups with distinct
 * teachers and equal hours together, hour by hour. */
static int make_activities(struct ttw *w, const struct reading *r)
{
	size_t cap = 0;
	for (size_t i = 0; i < r->n_load;) {
		size_t j = i;
		while (j < r->n_load && r->load[j].cls == r->load[i].cls && r->load[j].subject_id == r->load[i].subject_id)
			j++;
		/* rows i..j of one class and subject: the whole class's, then groups' */
		size_t n_groups = 0;
		int together = 1;
		for (size_t k = i; k < j; k++) {
			if (!r->load[k].group_id)
				continue;
			n_groups++;
			for (size_t q = i; q < k; q++)
				if (r->load[q].group_id &&
				    (r->load[q].staff_id == r->load[k].staff_id || r->load[q].hours != r->load[k].hours ||
				     r->load[q].group_id == r->load[k].group_id))
					together = 0;
		}
		together = together && n_groups >= 2;
		for (size_t k = i; k < j; k++) {
			if (r->load[k].group_id && together)
				continue;
			for (int h = 0; h < r->load[k].hours; h++)
				if (add_act(w, &cap, &r->load[k], r, -1))
					return DB_ERROR;
		}
		if (together) {
			int hours = 0;
			for (size_t k = i; k < j; k++)
				if (r->load[k].group_id)
					hours = r->load[k].hours;
			for (int h = 0; h < hours; h++, w->n_sets++)
				for (size_t k = i; k < j; k++)
					if (r->load[k].group_id && add_act(w, &cap, &r->load[k], r, w->n_sets))
						return DB_ERROR;
		}
		i = j;
	}
	return DB_OK;
}

/* The rooms each activity may take (see the header's conventions). */
static int assign_rooms(struct ttw *w, const struct reading *r)
{
	int *list = malloc((w->n_rooms + 1) * sizeof *list);
	int *demand = calloc(w->n_subjects + 1, sizeof *demand);
	if (!list || !demand) {
		free(list);
		free(demand);
		return DB_ERROR;
	}
	for (size_t i = 0; i < w->n_acts; i++)
		demand[w->acts[i].subject]++;
	int slots = w->days * w->periods;
	int prev_set = -1;
	for (size_t i = 0; i < w->n_acts; i++) {
		struct ttw_activity *a = &w->acts[i];
		int n = 0;
		for (size_t k = 0; k < r->n_rs; k++)
			if (r->room_subject[2 * k + 1] == a->subject)
				list[n++] = r->room_subject[2 * k];
		int first_of_set = a->set >= 0 && a->set != prev_set;
		prev_set = a->set;
		int home_ok = !a->group_id || first_of_set;
		int full = n && demand[a->subject] * 100 > n * slots * ROOM_FULL_PERCENT;
		if (n && full && home_ok && w->classes[a->cls].home_room >= 0)
			list[n++] = w->classes[a->cls].home_room;
		if ((n == 0 && !home_ok) || (n && full && !home_ok))
			for (size_t k = 0; k < w->n_rooms; k++)
				if (!w->rooms[k].special && !w->rooms[k].home)
					list[n++] = (int)k;
		if (n == 0)
			continue; /* the home room (or none) */
		a->rooms = malloc((size_t)n * sizeof *a->rooms);
		if (!a->rooms) {
			free(list);
			free(demand);
			return DB_ERROR;
		}
		memcpy(a->rooms, list, (size_t)n * sizeof *list);
		a->n_rooms = n;
	}
	free(list);
	free(demand);
	return DB_OK;
}

/* --- elective blocks (TT-4, ELE-3) --- */

/* A teacher of an elective group who teaches no lesson: added with their name. */
static int elective_teacher(struct db *db, struct ttw *w, int64_t staff_id)
{
	int t = teacher_index(w, staff_id);
	if (t >= 0 || !staff_id)
		return t;
	size_t cap = w->n_teachers;
	if (array_grow((void **)&w->teachers, &cap, w->n_teachers, sizeof *w->teachers) != 0)
		return -2;
	struct ttw_teacher *x = &w->teachers[w->n_teachers];
	memset(x, 0, sizeof *x);
	x->id = staff_id;
	struct db_stmt *st = db_prepare(db, "SELECT p.last_name, p.first_name FROM staff s JOIN persons p"
					    " ON p.id = s.person_id WHERE s.id = $1");
	if (!st)
		return -2;
	db_bind_int64(st, 1, staff_id);
	int rc = db_step(st);
	if (rc == DB_ROW)
		snprintf(x->name, sizeof x->name, "%s %s", db_col_text(st, 0), db_col_text(st, 1));
	else
		snprintf(x->name, sizeof x->name, "#%lld", (long long)staff_id);
	db_done(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return -2;
	for (size_t j = 0; j < w->n_teachers; j++)
		if (strcmp(w->teachers[j].name, x->name) == 0) {
			size_t n = strlen(x->name);
			snprintf(x->name + n, sizeof x->name - n, " #%lld", (long long)staff_id);
			break;
		}
	return (int)w->n_teachers++;
}

/* The semester's first and last day ('YYYY-MM-DD'), from the year's terms; a year
 * without them gives a day after any membership's end, so only open memberships count. */
static void semester_days(struct db *db, const struct ttw *w, char first[DATE_TEXT_SIZE], char last[DATE_TEXT_SIZE])
{
	snprintf(first, DATE_TEXT_SIZE, "9999-12-30");
	snprintf(last, DATE_TEXT_SIZE, "9999-12-31");
	json_t *s = calendar_structure_get(db, w->year_id);
	struct calendar_year y;
	size_t f, count;
	if (s && calendar_structure_to_year(s, &y) == 0 && tt_semester_terms(y.type, w->semester, &f, &count) == 0 &&
	    count && f + count <= y.n_terms) {
		date_format(y.terms[f].starts_on, first);
		date_format(y.terms[f + count - 1].ends_on, last);
	}
	json_decref(s);
}

static int cmp_membership(const void *a, const void *b)
{
	const struct membership *x = a, *y = b;
	if (x->student != y->student)
		return x->student < y->student ? -1 : 1;
	int c = strcmp(x->joined, y->joined);
	return c ? c : (x->group > y->group) - (x->group < y->group);
}

static int cmp_placed(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;
	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

#define MOMENTS 8 /* a student's moments, at most (the id's low 3 bits) */

/* A student who switched courses (ELE-13) was in the old group until the new one began:
 * memberships that do not overlap never meet at once. A student's "moments" are the days
 * their memberships began; at each, the memberships then in force (those contained in
 * another moment's are left out). The student stands in the block once per moment, as
 * (id << 3 | moment) in each group in force then — so the groups of one moment may not
 * meet at one hour and their hours add up, while an old group and the new one may. A
 * student who never switched has one moment: their id << 3. Rebuilds the groups' lists
 * (w->egroup_students) from r->members. */
static int student_moments(struct ttw *w, struct reading *r)
{
	size_t n = w->n_egroup_students;
	if (!n)
		return DB_OK;
	qsort(r->members, n, sizeof *r->members, cmp_membership);
	int64_t *placed = malloc((n * MOMENTS + 1) * 2 * sizeof *placed); /* (group, key) pairs */
	if (!placed)
		return DB_ERROR;
	size_t n_placed = 0;
	for (size_t a = 0; a < n;) {
		size_t b = a;
		while (b < n && r->members[b].student == r->members[a].student && b - a < 64)
			b++;
		uint64_t sets[64];
		for (size_t x = a; x < b; x++) { /* in force on the day x began */
			sets[x - a] = 0;
			for (size_t m = a; m < b; m++)
				if (strcmp(r->members[m].joined, r->members[x].joined) <= 0 &&
				    strcmp(r->members[x].joined, r->members[m].left) < 0)
					sets[x - a] |= 1ull << (m - a);
		}
		int moment = 0;
		for (size_t x = a; x < b && moment < MOMENTS; x++) {
			uint64_t sx = sets[x - a];
			int kept = sx != 0;
			for (size_t y = a; y < b && kept; y++) {
				uint64_t sy = sets[y - a];
				if (y != x && (sx & sy) == sx && (sx != sy || y < x))
					kept = 0;
			}
			if (!kept)
				continue;
			for (size_t m = a; m < b; m++)
				if (sx >> (m - a) & 1) {
					placed[2 * n_placed] = (int64_t)r->members[m].group;
					placed[2 * n_placed++ + 1] = r->members[a].student << 3 | moment;
				}
			moment++;
		}
		while (b < n && r->members[b].student == r->members[a].student)
			b++; /* beyond 64 memberships: not a real student */
		a = b;
	}
	qsort(placed, n_placed, 2 * sizeof *placed, cmp_placed);
	int64_t *keys = realloc(w->egroup_students, (n_placed + 1) * sizeof *keys);
	if (!keys) {
		free(placed);
		return DB_ERROR;
	}
	w->egroup_students = keys;
	for (size_t g = 0; g < w->n_egroups; g++)
		w->egroups[g].n_students = 0;
	for (size_t i = 0; i < n_placed; i++) {
		struct ttw_egroup *g = &w->egroups[placed[2 * i]];
		if (!g->n_students)
			g->first_student = i;
		g->n_students++;
		keys[i] = placed[2 * i + 1];
	}
	w->n_egroup_students = n_placed;
	free(placed);
	return DB_OK;
}

/* The elective groups of the year's active courses with a member in the semester, their
 * members (of the year's classes) and teachers; the ЖОЖ's elective hours per grade. */
static int read_electives(struct db *db, struct ttw *w, struct reading *r)
{
	for (int g = 0; g <= EB_MAX_GRADE; g++)
		r->elective_hours[g] = -1;
	char first[DATE_TEXT_SIZE], last[DATE_TEXT_SIZE];
	semester_days(db, w, first, last);
	struct db_stmt *st = db_prepare(
		db, "SELECT g.id, co.title_en, g.name, co.hours, COALESCE(g.staff_id, co.staff_id, 0), m.student_id,"
		    " cl.grade, m.joined_on, COALESCE(m.left_on, '9999-99-99') FROM elective_groups g JOIN elective_courses co ON co.id = g.course_id"
		    " JOIN elective_group_members m ON m.group_id = g.id JOIN students s ON s.id = m.student_id"
		    " JOIN classes cl ON cl.id = s.class_id"
		    " WHERE co.school_id = $1 AND co.academic_year_id = $2 AND co.active = 1 AND cl.academic_year_id = $2"
		    " AND (m.left_on IS NULL OR m.left_on > $3) AND m.joined_on <= $4 ORDER BY g.id, m.student_id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, w->school_id);
	db_bind_int64(st, 2, w->year_id);
	db_bind_text(st, 3, first);
	db_bind_text(st, 4, last);
	size_t cap_g = 0, cap_s = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_col_int64(st, 0);
		int grade = (int)db_col_int64(st, 6);
		if (grade < 1 || grade > EB_MAX_GRADE)
			continue;
		struct ttw_egroup *g = w->n_egroups ? &w->egroups[w->n_egroups - 1] : NULL;
		if (!g || g->id != id) {
			int t = elective_teacher(db, w, db_col_int64(st, 4));
			g = t < -1 ? NULL : append(&w->egroups, &cap_g, &w->n_egroups, sizeof *w->egroups);
			if (!g) {
				rc = DB_ERROR;
				break;
			}
			g->id = id;
			snprintf(g->name, sizeof g->name, "%s %s", db_col_text(st, 1), db_col_text(st, 2));
			g->hours = (int)db_col_int64(st, 3);
			g->teacher = t;
			g->first_student = w->n_egroup_students;
		}
		if (array_grow((void **)&w->egroup_students, &cap_s, w->n_egroup_students, sizeof *w->egroup_students) ||
		    array_grow((void **)&r->members, &r->cap_members, w->n_egroup_students, sizeof *r->members)) {
			rc = DB_ERROR;
			break;
		}
		struct membership *x = &r->members[w->n_egroup_students];
		x->student = db_col_int64(st, 5);
		snprintf(x->joined, sizeof x->joined, "%s", db_col_text(st, 7));
		snprintf(x->left, sizeof x->left, "%s", db_col_text(st, 8));
		x->group = w->n_egroups - 1;
		w->egroup_students[w->n_egroup_students++] = x->student;
		g->n_students++;
		g->grades |= 1u << grade;
	}
	db_done(st);
	if (rc != DB_DONE)
		return step_rc(rc);
	if (student_moments(w, r) != DB_OK)
		return DB_ERROR;
	st = prepare_week(db, w, "SELECT ce.grade, ce.elective_hours FROM curriculum_electives ce"
				 " JOIN school_curricula sc ON sc.id = ce.curriculum_id"
				 " WHERE sc.school_id = $1 AND sc.academic_year_id = $2");
	if (!st)
		return DB_ERROR;
	while ((rc = db_step(st)) == DB_ROW) {
		int grade = (int)db_col_int64(st, 0);
		if (grade >= 1 && grade <= EB_MAX_GRADE)
			r->elective_hours[grade] = (int)db_col_int64(st, 1);
	}
	db_done(st);
	return step_rc(rc);
}

/* "grade 7" or "grades 10, 11": the grades of a mask. */
static void grades_text(uint32_t grades, char *out, size_t size)
{
	size_t n = (size_t)snprintf(out, size, "grade%s", (grades & (grades - 1)) ? "s" : "");
	const char *sep = " ";
	for (int g = 1; g <= EB_MAX_GRADE && n < size; g++)
		if (grades >> g & 1) {
			n += (size_t)snprintf(out + n, size - n, "%s%d", sep, g);
			sep = ", ";
		}
}

/* Appends to out (of size) "name, name, … and k more" of the conflict's groups (at most 4
 * named). */
static void groups_text(const struct ttw *w, const struct eb_conflict *c, const int *map, char *out, size_t size)
{
	size_t len = strlen(out);
	int k;
	for (k = 0; k < c->n_groups && k < 4 && len < size; k++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", k ? ", " : "", w->egroups[map[c->groups[k]]].name);
	if (c->n_groups + c->more_groups > k && len < size)
		snprintf(out + len, size - len, " and %d more", c->n_groups + c->more_groups - k);
}

/* A student's name and class label ("Aida Bekova, 7A"). */
static void student_text(struct db *db, const struct ttw *w, int64_t id, char *out, size_t size)
{
	snprintf(out, size, "#%lld", (long long)id);
	struct db_stmt *st = db_prepare(db, "SELECT p.last_name, p.first_name, s.class_id FROM students s"
					    " JOIN persons p ON p.id = s.person_id WHERE s.id = $1");
	if (!st)
		return;
	db_bind_int64(st, 1, id);
	if (db_step(st) == DB_ROW) {
		int c = class_index(w, db_col_int64(st, 2));
		snprintf(out, size, "%s %s (%s)", db_col_text(st, 0), db_col_text(st, 1), c >= 0 ? w->classes[c].label : "");
	}
	db_done(st);
}

/* A new conflict of the blocks, about the classes of `grades`; NULL past the list's end
 * (still counted). */
static struct ttw_econflict *econflict(struct ttw *w, const struct eb_conflict *c, int grade, uint32_t grades)
{
	if (w->n_econf++ >= TTW_MAX_ECONF)
		return NULL;
	struct ttw_econflict *e = &w->econf[w->n_econf - 1];
	memset(e, 0, sizeof *e);
	e->kind = c->kind;
	e->need = c->need;
	e->have = c->have;
	e->grade = grade;
	for (size_t k = 0; k < w->n_classes && e->n_classes < TTW_ECONF_NAMED; k++)
		if (grades >> w->classes[k].grade & 1)
			e->classes[e->n_classes++] = (int)k;
	return e;
}

/* Says why block b's groups (map: the core's group index → egroups) have no assignment. */
static void block_conflict(struct db *db, struct ttw *w, const struct ttw_block *b, const struct eb_conflict *c,
			   const int *map)
{
	struct ttw_econflict *e = econflict(w, c, b->grade, b->grades);
	if (!e)
		return;
	char grades[64], who[160] = "";
	grades_text(b->grades, grades, sizeof grades);
	switch (c->kind) {
	case EB_GROUP_HOURS:
		snprintf(e->text, sizeof e->text, "the elective group %s has %d hours a week; the elective block of %s"
			 " has %d", w->egroups[map[c->groups[0]]].name, c->need, grades, c->have);
		if (w->egroups[map[c->groups[0]]].teacher >= 0)
			e->teachers[e->n_teachers++] = w->egroups[map[c->groups[0]]].teacher;
		break;
	case EB_TEACHER_HOURS:
		groups_text(w, c, map, who, sizeof who);
		snprintf(e->text, sizeof e->text, "teacher %s has %d hours of elective groups in the block of %s (%s);"
			 " the block has %d", w->teachers[c->teacher].name, c->need, grades, who, c->have);
		e->teachers[e->n_teachers++] = c->teacher;
		break;
	case EB_STUDENT_HOURS: {
		char student[160];
		student_text(db, w, c->student >> 3, student, sizeof student);
		groups_text(w, c, map, who, sizeof who);
		snprintf(e->text, sizeof e->text, "student %s is in elective groups of %d hours a week (%s); the block of"
			 " %s has %d", student, c->need, who, grades, c->have);
		break;
	}
	default: {
		groups_text(w, c, map, who, sizeof who);
		size_t n = (size_t)snprintf(e->text, sizeof e->text, "the elective groups %s cannot meet within the %d hours"
					    " of the block of %s", who, c->have, grades);
		const char *sep = ": linked by";
		for (int k = 0; k < c->n_teachers && n < sizeof e->text; k++, sep = ",") {
			n += (size_t)snprintf(e->text + n, sizeof e->text - n, "%s teacher %s", sep,
					      w->teachers[c->teachers[k]].name);
			if (e->n_teachers < TTW_ECONF_NAMED)
				e->teachers[e->n_teachers++] = c->teachers[k];
		}
		for (int k = 0; k < c->n_students && k < 3 && n < sizeof e->text; k++, sep = ",") {
			char student[160];
			student_text(db, w, c->students[k] >> 3, student, sizeof student);
			n += (size_t)snprintf(e->text + n, sizeof e->text - n, "%s student %s", sep, student);
		}
		int more = c->n_students - 3 + c->more_students;
		if (more > 0 && n < sizeof e->text)
			snprintf(e->text + n, sizeof e->text - n, " and %d more students", more);
	}
	}
}

/* A block hour at which no group meets is not kept: the block's students would have
 * nothing then, and a period held for nobody is neither shown nor guarded anywhere. The
 * hours the groups use (their `at` bits) are renumbered from 0 and the block has only
 * them. */
static void drop_unused_hours(struct ttw *w, struct ttw_block *b, const int *map, size_t n)
{
	uint32_t used = 0;
	for (size_t k = 0; k < n; k++)
		used |= w->egroups[map[k]].at;
	int to[EB_MAX_HOURS], kept = 0;
	for (int h = 0; h < b->hours && h < EB_MAX_HOURS; h++)
		to[h] = used >> h & 1 ? kept++ : -1;
	for (size_t k = 0; k < n; k++) {
		uint32_t at = w->egroups[map[k]].at, now = 0;
		for (int h = 0; h < b->hours && h < EB_MAX_HOURS; h++)
			if (at >> h & 1)
				now |= 1u << to[h];
		w->egroups[map[k]].at = now;
	}
	b->hours = kept;
}

/* The blocks of the groups read: grades joined, hours checked, each block's groups
 * assigned to its hours (TW_ELECTIVES with the conflicts when any of it fails). */
static int form_blocks(struct db *db, struct ttw *w, const struct reading *r)
{
	if (!w->n_egroups)
		return DB_OK;
	uint32_t *masks = malloc(w->n_egroups * sizeof *masks);
	struct eb_group *g = malloc(w->n_egroups * sizeof *g);
	int *map = malloc(w->n_egroups * sizeof *map);
	w->blocks = calloc(EB_MAX_GRADE + 1, sizeof *w->blocks);
	if (!masks || !g || !map || !w->blocks) {
		free(masks);
		free(g);
		free(map);
		return DB_ERROR;
	}
	for (size_t i = 0; i < w->n_egroups; i++)
		masks[i] = w->egroups[i].grades;
	int block_of[EB_MAX_GRADE + 1];
	struct eb_conflict gc[EB_MAX_GRADE];
	int n_gc = eb_grade_blocks(masks, w->n_egroups, r->elective_hours, block_of, gc, EB_MAX_GRADE);
	for (int k = 0; k < n_gc && k < EB_MAX_GRADE; k++) {
		uint32_t grades = (1u << gc[k].grade) | (gc[k].other_grade ? 1u << gc[k].other_grade : 0);
		struct ttw_econflict *e = econflict(w, &gc[k], gc[k].grade, grades);
		if (!e)
			continue;
		if (gc[k].kind == EB_GRADE_NO_HOURS)
			snprintf(e->text, sizeof e->text, "grade %d has elective groups but the curriculum (ЖОЖ) gives it"
				 " no elective hours", gc[k].grade);
		else
			snprintf(e->text, sizeof e->text, "grade %d has %d elective hours and grade %d has %d, but an elective"
				 " group across them (ELE-3) needs one block", gc[k].grade, gc[k].need, gc[k].other_grade,
				 gc[k].have);
	}
	for (int grade = 1; grade <= EB_MAX_GRADE && !n_gc; grade++) {
		if (block_of[grade] != grade)
			continue;
		struct ttw_block *b = &w->blocks[w->n_blocks];
		b->grade = grade;
		b->hours = r->elective_hours[grade];
		for (int o = grade; o <= EB_MAX_GRADE; o++)
			b->grades |= block_of[o] == grade ? 1u << o : 0;
		size_t n = 0;
		for (size_t i = 0; i < w->n_egroups; i++)
			if (w->egroups[i].grades & b->grades) {
				w->egroups[i].block = (int)w->n_blocks;
				map[n] = (int)i;
				g[n++] = (struct eb_group){w->egroups[i].hours, w->egroups[i].teacher,
							   w->egroup_students + w->egroups[i].first_student,
							   w->egroups[i].n_students};
			}
		struct eb_result res;
		if (eb_assign(g, n, b->hours, 0, &res) != 0) {
			n_gc = -1;
			break;
		}
		for (size_t k = 0; k < n; k++)
			w->egroups[map[k]].at = res.ok ? res.hours[k] : 0;
		if (res.ok)
			drop_unused_hours(w, b, map, n);
		for (size_t k = 0; !res.ok && k < res.n_conflicts; k++)
			if (k < EB_MAX_CONFLICTS)
				block_conflict(db, w, b, &res.conflicts[k], map);
			else
				w->n_econf++;
		eb_result_free(&res);
		w->n_blocks++;
	}
	free(masks);
	free(g);
	free(map);
	if (n_gc < 0)
		return DB_ERROR;
	if (w->n_econf) {
		snprintf(w->error, sizeof w->error, "the elective blocks cannot be formed (TT-4): %.150s", w->econf[0].text);
		return TTW_ELECTIVES;
	}
	return DB_OK;
}

/* The blocks' hours as activities after the lessons': every class of the block's grades,
 * the teachers of the groups meeting then, the model-only subject "electives". */
static int block_activities(struct ttw *w)
{
	w->n_lessons = w->n_acts;
	if (!w->n_blocks)
		return DB_OK;
	int most = 0;
	for (size_t b = 0; b < w->n_blocks; b++)
		most = w->blocks[b].hours > most ? w->blocks[b].hours : most;
	struct ttw_subject *s = realloc(w->subjects, (w->n_subjects + 1) * sizeof *s);
	if (!s)
		return DB_ERROR;
	w->subjects = s;
	s = &w->subjects[w->n_subjects];
	memset(s, 0, sizeof *s);
	s->id = INT64_MAX; /* after every real subject: subject_index stays sorted */
	snprintf(s->code, sizeof s->code, "electives");
	snprintf(s->name, sizeof s->name, "Electives");
	s->max_per_day = (most + w->days - 1) / w->days;
	int subject = (int)w->n_subjects++;
	size_t cap = w->n_acts;
	for (size_t b = 0; b < w->n_blocks; b++) {
		w->blocks[b].first_act = w->n_acts;
		for (int h = 0; h < w->blocks[b].hours; h++) {
			if (array_grow((void **)&w->acts, &cap, w->n_acts, sizeof *w->acts) != 0)
				return DB_ERROR;
			struct ttw_activity *a = &w->acts[w->n_acts++];
			memset(a, 0, sizeof *a);
			*a = (struct ttw_activity){.cls = -1, .subject = subject, .teacher = -1, .set = -1,
						   .lock_day = -1, .lock_period = -1, .block = (int)b, .block_hour = h};
		}
	}
	return DB_OK;
}

/* 1 when class c has a lesson of the load (a new class without one is left out of the
 * blocks: its days stay empty). */
static int has_lessons(const struct ttw *w, size_t c)
{
	for (size_t i = 0; i < w->n_acts; i++)
		if (w->acts[i].cls == (int)c)
			return 1;
	return 0;
}

/* The elective block hours class c spends a week. */
static int block_hours(const struct ttw *w, size_t c)
{
	if (!has_lessons(w, c))
		return 0;
	int n = 0;
	for (size_t b = 0; b < w->n_blocks; b++)
		if (w->blocks[b].grades >> w->classes[c].grade & 1)
			n += w->blocks[b].hours;
	return n;
}

/* The weekly hours of unit u of class c: its lessons (u: an atom, or the whole class when
 * it has none). A class's week is its lessons plus its grade's elective block hours once
 * the blocks are in the model: they are counted here, the one place that sums a week. */
static int unit_hours(const struct ttw *w, size_t c, int u)
{
	int hours = block_hours(w, c);
	for (size_t i = 0; i < w->n_acts; i++)
		if (w->acts[i].cls == (int)c && (!w->acts[i].atoms || (w->acts[i].atoms >> u & 1)))
			hours++;
	return hours;
}

/* TT-1: each class's daily minimum and maximum of lessons — its grade's bounds set in
 * the ЖОЖ (`set`, by grade; {0, 0} where none), else Mektep's default
 * (daily_bounds_default) from the weekly hours of the grade's sets of students, the
 * fewest and the most (a set without lessons left out). */
static void daily_bounds(struct ttw *w, const struct daily_bounds set[DAILY_BOUNDS_GRADES])
{
	int fewest[DAILY_BOUNDS_GRADES], most[DAILY_BOUNDS_GRADES];
	for (int g = 0; g < DAILY_BOUNDS_GRADES; g++)
		fewest[g] = most[g] = 0;
	for (size_t c = 0; c < w->n_classes; c++) {
		int g = w->classes[c].grade;
		if (g < 1 || g >= DAILY_BOUNDS_GRADES)
			continue;
		int n_units = w->classes[c].n_atoms ? w->classes[c].n_atoms : 1;
		for (int u = 0; u < n_units; u++) {
			int hours = unit_hours(w, c, u);
			if (!hours)
				continue;
			fewest[g] = !fewest[g] || hours < fewest[g] ? hours : fewest[g];
			most[g] = hours > most[g] ? hours : most[g];
		}
	}
	for (size_t c = 0; c < w->n_classes; c++) {
		struct ttw_class *k = &w->classes[c];
		int g = k->grade >= 1 && k->grade < DAILY_BOUNDS_GRADES ? k->grade : 0;
		k->bounds_set = g && set[g].min > 0;
		struct daily_bounds b = k->bounds_set ? set[g] : daily_bounds_default(fewest[g], most[g], w->days, w->periods);
		/* a class without lessons yet (a new one, its load not given) has empty days */
		int week = 0;
		for (int u = 0; u < (k->n_atoms ? k->n_atoms : 1) && !week; u++)
			week = unit_hours(w, c, u);
		k->min_daily = week ? b.min : 0;
		k->max_daily = b.max;
	}
}

/* The locked entries of the semester's newest version, each on an activity of the same
 * class, group, subject and teacher not locked yet. */
static int read_locks(struct db *db, struct ttw *w)
{
	int rc = db_query_int64(db, &w->locks_from,
				"SELECT id FROM timetables WHERE school_id = $1 AND academic_year_id = $2 AND semester = $3"
				" ORDER BY number DESC LIMIT 1",
				"iii", w->school_id, w->year_id, (int64_t)w->semester);
	if (rc == DB_DONE) {
		w->locks_from = 0;
		return DB_OK;
	}
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	struct db_stmt *st = db_prepare(db, "SELECT weekday, period, class_id, COALESCE(group_id, 0), subject_id,"
					    " staff_id, COALESCE(room_id, 0) FROM timetable_entries"
					    " WHERE timetable_id = $1 AND locked = 1 ORDER BY id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, w->locks_from);
	while ((rc = db_step(st)) == DB_ROW) {
		int day = (int)db_col_int64(st, 0) - 1, period = (int)db_col_int64(st, 1) - 1;
		int cls = class_index(w, db_col_int64(st, 2));
		int64_t group = db_col_int64(st, 3);
		int subj = subject_index(w, db_col_int64(st, 4)), teacher = teacher_index(w, db_col_int64(st, 5));
		int room = db_col_int64(st, 6) ? room_index(w, db_col_int64(st, 6)) : -1;
		if (day < 0 || day >= w->days || period < 0 || period >= w->periods)
			continue;
		for (size_t i = 0; i < w->n_acts; i++) {
			struct ttw_activity *a = &w->acts[i];
			if (a->lock_day >= 0 || a->cls != cls || a->group_id != group || a->subject != subj ||
			    a->teacher != teacher)
				continue;
			a->lock_day = day;
			a->lock_period = period;
			if (room >= 0 && room != w->classes[cls].home_room) {
				int *one = realloc(a->rooms, sizeof *one);
				if (!one) {
					rc = DB_ERROR;
					break;
				}
				one[0] = room;
				a->rooms = one;
				a->n_rooms = 1;
			}
			break;
		}
		if (rc == DB_ERROR)
			break;
	}
	db_done(st);
	return step_rc(rc);
}

static int cmp_subject(const void *a, const void *b)
{
	int64_t x = ((const struct ttw_subject *)a)->id, y = ((const struct ttw_subject *)b)->id;
	return (x > y) - (x < y);
}

int ttw_load(struct db *db, int64_t school_id, int64_t year_id, int semester, struct ttw *w)
{
	memset(w, 0, sizeof *w);
	w->teacher_rules = (struct ttw_teacher_rules){SV_NO_LIMIT, SV_NO_LIMIT, SV_NO_LIMIT};
	w->school_id = school_id;
	w->year_id = year_id;
	w->semester = semester;
	struct reading r = {0};
	int rc = read_bells(db, w);
	if (rc == DB_OK)
		rc = read_classes(db, w);
	if (rc == DB_OK)
		rc = read_subjects(db, w);
	if (rc == DB_OK) {
		qsort(w->subjects, w->n_subjects, sizeof *w->subjects, cmp_subject);
		rc = read_load(db, w, &r);
	}
	if (rc == DB_OK)
		rc = read_electives(db, w, &r);
	if (rc == DB_OK)
		rc = read_unavailability(db, w);
	if (rc == DB_OK)
		rc = read_club_times(db, w);
	if (rc == DB_OK)
		rc = read_rooms(db, w, &r);
	if (rc == DB_OK)
		rc = read_home_rooms(db, w);
	if (rc == DB_OK)
		rc = read_groups(db, w, &r);
	if (rc == DB_OK)
		rc = settle_atoms(w, &r);
	if (rc == DB_OK)
		rc = make_activities(w, &r);
	if (rc == DB_OK)
		rc = assign_rooms(w, &r);
	if (rc == DB_OK)
		rc = read_locks(db, w);
	struct daily_bounds set[DAILY_BOUNDS_GRADES];
	if (rc == DB_OK)
		rc = form_blocks(db, w, &r);
	if (rc == DB_OK)
		rc = block_activities(w);
	if (rc == DB_OK)
		rc = daily_bounds_of_year(db, school_id, year_id, set);
	if (rc == DB_OK)
		daily_bounds(w, set);
	reading_release(&r);
	return rc;
}

struct sv_model *ttw_model(const struct ttw *w)
{
	struct sv_model *m = sv_model_new(w->days, w->periods);
	if (!m)
		return NULL;
	struct sv_rules *rules = sv_model_rules(m);
	rules->teacher_max_gaps_day = w->teacher_rules.max_gaps_day;
	rules->teacher_max_gaps_week = w->teacher_rules.max_gaps_week;
	int ok = 1;
	for (size_t i = 0; i < w->n_subjects && ok; i++)
		ok = sv_subject(m, w->subjects[i].name,
				w->subjects[i].max_per_day ? w->subjects[i].max_per_day : SUBJECT_MAX_PER_DAY,
				w->subjects[i].hard) == (int)i;
	for (size_t i = 0; i < w->n_teachers && ok; i++) {
		ok = sv_teacher(m, w->teachers[i].name, w->teacher_rules.max_daily) == (int)i;
		for (int d = 0; d < w->days && ok; d++)
			for (int p = 0; p < w->periods && ok; p++)
				if (w->teachers[i].off[d] >> p & 1)
					ok = sv_teacher_off(m, (int)i, d, p) == 0;
	}
	for (size_t i = 0; i < w->n_rooms && ok; i++)
		ok = sv_room(m, w->rooms[i].name) == (int)i;
	int *atom_group = malloc((w->n_atoms + 1) * sizeof *atom_group);
	ok = ok && atom_group;
	for (size_t c = 0; c < w->n_classes && ok; c++) {
		ok = sv_class(m, w->classes[c].label, w->classes[c].min_daily, w->classes[c].max_daily) == (int)c;
		for (int d = 0; d < w->days && ok; d++)
			for (int p = 0; p < w->periods && ok; p++)
				if (w->classes[c].off[d] >> p & 1)
					ok = sv_class_off(m, (int)c, d, p) == 0;
		for (int k = 0; k < w->classes[c].n_atoms && ok; k++) {
			int a = w->classes[c].first_atom + k;
			atom_group[a] = sv_group(m, (int)c, w->atoms[a].name);
			ok = atom_group[a] >= 0;
		}
	}
	int groups[TTW_MAX_ATOMS];
	int *block_classes = malloc((w->n_classes + 1) * sizeof *block_classes);
	int *block_teachers = malloc((w->n_teachers + 1) * sizeof *block_teachers);
	ok = ok && block_classes && block_teachers;
	for (size_t i = 0; i < w->n_acts && ok; i++) {
		const struct ttw_activity *a = &w->acts[i];
		if (a->block >= 0) {
			/* an elective block's hour: every class of its grades, its groups' teachers */
			struct sv_activity_spec spec = {.subject = a->subject, .ext_id = (int64_t)i + 1};
			spec.n_classes = ttw_block_members(w, a, block_classes, block_teachers, &spec.n_teachers);
			spec.classes = block_classes;
			spec.teachers = block_teachers;
			ok = sv_activity(m, &spec) == (int)i;
			continue;
		}
		const struct ttw_class *c = &w->classes[a->cls];
		int n_groups = 0;
		for (int k = 0; k < c->n_atoms; k++)
			if (a->atoms >> k & 1)
				groups[n_groups++] = atom_group[c->first_atom + k];
		int teacher = a->teacher, cls = a->cls;
		struct sv_activity_spec spec = {
			.subject = a->subject, .n_teachers = 1, .teachers = &teacher,
			.n_classes = n_groups ? 0 : 1, .classes = &cls, .n_groups = n_groups, .groups = groups,
			.n_rooms = a->n_rooms, .rooms = a->rooms, .ext_id = (int64_t)i + 1,
		};
		ok = sv_activity(m, &spec) == (int)i;
		if (ok && a->lock_day >= 0)
			ok = sv_lock(m, (int)i, a->lock_day, a->lock_period) == 0;
	}
	/* the same-time sets: activities of one set are consecutive */
	for (size_t i = 0; i < w->n_acts && ok;) {
		size_t j = i + 1;
		if (w->acts[i].set >= 0)
			while (j < w->n_acts && w->acts[j].set == w->acts[i].set)
				j++;
		if (j - i > 1) {
			int ids[TTW_MAX_ATOMS * 2];
			int n = 0;
			for (size_t k = i; k < j && n < (int)(sizeof ids / sizeof ids[0]); k++)
				ids[n++] = (int)k;
			ok = sv_same_time(m, ids, n) == 0;
		}
		i = j;
	}
	free(atom_group);
	free(block_classes);
	free(block_teachers);
	if (!ok) {
		sv_model_free(m);
		return NULL;
	}
	return m;
}

struct tt_entry *ttw_entries(const struct ttw *w, const struct sv_place *pl)
{
	struct tt_entry *e = calloc(w->n_lessons + 1, sizeof *e);
	if (!e)
		return NULL;
	for (size_t i = 0; i < w->n_lessons; i++) {
		const struct ttw_activity *a = &w->acts[i];
		const struct ttw_class *c = &w->classes[a->cls];
		int room = pl[i].room >= 0 ? pl[i].room : c->home_room;
		e[i] = (struct tt_entry){
			.weekday = pl[i].day + 1,
			.period = pl[i].period + 1,
			.class_id = c->id,
			.group_id = a->group_id,
			.subject_id = w->subjects[a->subject].id,
			.staff_id = w->teachers[a->teacher].id,
			.room_id = room >= 0 ? w->rooms[room].id : 0,
			.grade = c->grade,
			.locked = a->lock_day >= 0,
		};
	}
	return e;
}

int ttw_block_members(const struct ttw *w, const struct ttw_activity *a, int *classes, int *teachers, int *n_teachers)
{
	const struct ttw_block *b = &w->blocks[a->block];
	int n = 0;
	for (size_t c = 0; c < w->n_classes; c++)
		if (b->grades >> w->classes[c].grade & 1 && has_lessons(w, c))
			classes[n++] = (int)c;
	*n_teachers = 0;
	for (size_t g = 0; g < w->n_egroups; g++) {
		const struct ttw_egroup *x = &w->egroups[g];
		if (x->block != a->block || !(x->at >> a->block_hour & 1) || x->teacher < 0)
			continue;
		int k = 0;
		while (k < *n_teachers && teachers[k] != x->teacher)
			k++;
		if (k == *n_teachers)
			teachers[(*n_teachers)++] = x->teacher;
	}
	return n;
}

/* 1 when room r is taken at (weekday, period) by a lesson of e or a row of rows. */
static int room_taken(int64_t room, int weekday, int period, const struct tt_entry *e, size_t n_e,
		      const struct ttw_elective_entry *rows, size_t n_rows)
{
	for (size_t i = 0; i < n_e; i++)
		if (e[i].room_id == room && e[i].weekday == weekday && e[i].period == period)
			return 1;
	for (size_t i = 0; i < n_rows; i++)
		if (rows[i].room_id == room && rows[i].weekday == weekday && rows[i].period == period)
			return 1;
	return 0;
}

struct ttw_elective_entry *ttw_elective_entries(const struct ttw *w, const struct sv_place *pl,
						const struct tt_entry *e, size_t *n)
{
	size_t total = 0;
	for (size_t g = 0; g < w->n_egroups; g++)
		total += (size_t)__builtin_popcount(w->egroups[g].at);
	struct ttw_elective_entry *rows = calloc(total + 1, sizeof *rows);
	int *order = malloc((w->n_rooms + 1) * sizeof *order);
	if (!rows || !order) {
		free(rows);
		free(order);
		return NULL;
	}
	*n = 0;
	for (size_t b = 0; b < w->n_blocks; b++) {
		const struct ttw_block *k = &w->blocks[b];
		/* the rooms to try: the block's classes' home rooms, then the others */
		int n_order = 0;
		for (size_t c = 0; c < w->n_classes; c++)
			if (k->grades >> w->classes[c].grade & 1 && w->classes[c].home_room >= 0)
				order[n_order++] = w->classes[c].home_room;
		for (size_t r = 0; r < w->n_rooms; r++) {
			int seen = 0;
			for (int q = 0; q < n_order && !seen; q++)
				seen = order[q] == (int)r;
			if (!seen)
				order[n_order++] = (int)r;
		}
		for (int h = 0; h < k->hours; h++) {
			const struct sv_place *p = &pl[k->first_act + (size_t)h];
			for (size_t g = 0; g < w->n_egroups; g++) {
				const struct ttw_egroup *x = &w->egroups[g];
				if (x->block != (int)b || !(x->at >> h & 1))
					continue;
				struct ttw_elective_entry *row = &rows[(*n)++];
				*row = (struct ttw_elective_entry){
					.weekday = p->day + 1, .period = p->period + 1, .grade = k->grade,
					.grades = k->grades, .group_id = x->id,
					.staff_id = x->teacher >= 0 ? w->teachers[x->teacher].id : 0,
				};
				for (int q = 0; q < n_order && !row->room_id; q++) {
					int64_t room = w->rooms[order[q]].id;
					if (!room_taken(room, row->weekday, row->period, e, w->n_lessons, rows, *n - 1))
						row->room_id = room;
				}
			}
		}
	}
	free(order);
	return rows;
}
