/* curriculum (demo) — the ТОЖ, and each school's ЖОЖ, groups, load and high-school
 * choices (see curriculum.h). */
#include "demo/curriculum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/curriculum.h"
#include "store/curriculum.h"
#include "store/db_copy.h"

#define FIRST_GRADE 7
#define LAST_GRADE 12
#define NGRADES (LAST_GRADE - FIRST_GRADE + 1)

/* One subject of the demo ТОЖ: weekly hours in grades 7..12 (0: not taught), its
 * component, whether it is taught in split groups (only in classes of split_language
 * when that is set: a second language), and the hours of each level in 11–12. */
struct typical_subject {
	const char *code;
	signed char hours[NGRADES];
	const char *component;
	int split;
	const char *split_language;
	signed char standard, advanced; /* -1: no levels */
};

/* About 33 weekly hours in grades 7–9, 36–38 in 10–12. Algebra and geometry in 7–10,
 * mathematics in 11–12 as the 7-hour or the 10-hour programme (CUR-6); physics,
 * chemistry, biology, informatics and geography at two levels in 11–12 (CUR-4). */
static const struct typical_subject typical[] = {
	{"kazakh_language", {2, 2, 2, 2, 1, 1}, "invariant", 1, "ru", -1, -1},
	{"kazakh_literature", {2, 2, 2, 2, 2, 2}, "invariant", 0, NULL, -1, -1},
	{"russian_language", {2, 2, 2, 1, 1, 1}, "invariant", 1, "kk", -1, -1},
	{"russian_literature", {1, 1, 1, 1, 1, 1}, "invariant", 0, NULL, -1, -1},
	{"english", {4, 4, 4, 4, 4, 4}, "invariant", 1, NULL, -1, -1},
	{"algebra", {4, 4, 4, 4, 0, 0}, "invariant", 0, NULL, -1, -1},
	{"geometry", {2, 2, 2, 2, 0, 0}, "invariant", 0, NULL, -1, -1},
	{"mathematics", {0, 0, 0, 0, 7, 7}, "invariant", 0, NULL, 7, 10},
	{"physics", {2, 2, 3, 3, 3, 3}, "invariant", 0, NULL, 3, 6},
	{"chemistry", {1, 2, 2, 3, 2, 2}, "invariant", 0, NULL, 2, 6},
	{"biology", {2, 2, 2, 3, 2, 2}, "invariant", 0, NULL, 2, 6},
	{"geography", {2, 2, 2, 1, 2, 2}, "invariant", 0, NULL, 2, 5},
	{"informatics", {1, 1, 1, 2, 2, 2}, "invariant", 1, NULL, 2, 6},
	{"history_kazakhstan", {2, 2, 2, 2, 2, 2}, "invariant", 0, NULL, -1, -1},
	{"world_history", {1, 1, 1, 1, 1, 1}, "invariant", 0, NULL, -1, -1},
	{"law_basics", {0, 0, 1, 0, 1, 0}, "invariant", 0, NULL, -1, -1},
	{"economics", {0, 0, 0, 0, 1, 1}, "variative", 0, NULL, -1, -1},
	{"global_perspectives", {1, 1, 1, 2, 2, 2}, "variative", 0, NULL, -1, -1},
	{"art", {1, 1, 0, 0, 0, 0}, "variative", 0, NULL, -1, -1},
	{"physical_education", {3, 3, 3, 3, 3, 3}, "invariant", 0, NULL, -1, -1},
	{"military_training", {0, 0, 0, 1, 1, 0}, "invariant", 0, NULL, -1, -1},
};
#define NTYPICAL ((int)(sizeof typical / sizeof typical[0]))

/* The subjects chosen at the advanced level: two of these per student. */
static const char *const advanced_choices[] = {"physics", "chemistry", "biology", "informatics", "geography"};
#define NADVANCED 5

/* Looks up the ids of the ТОЖ's subjects by code into ids[] (0 when missing). */
static int subject_ids(struct db *db, int64_t ids[NTYPICAL])
{
	memset(ids, 0, NTYPICAL * sizeof ids[0]);
	struct db_stmt *st = db_prepare(db, "SELECT id, code FROM subjects");
	if (!st)
		return DB_ERROR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		for (int i = 0; i < NTYPICAL; i++)
			if (strcmp(db_col_text(st, 1), typical[i].code) == 0)
				ids[i] = db_col_int64(st, 0);
	db_done(st);
	return rc == DB_DONE ? DB_OK : rc;
}

/* The index of a code in typical[], or -1. */
static int typical_index(const char *code)
{
	for (int i = 0; i < NTYPICAL; i++)
		if (strcmp(typical[i].code, code) == 0)
			return i;
	return -1;
}

int demo_curriculum_network(struct db *db, const char *now)
{
	static const char *const programmes[] = {"nis", "ib"};
	int64_t ids[NTYPICAL];
	int rc = subject_ids(db, ids);
	for (int p = 0; p < 2 && rc == DB_OK; p++) {
		for (int grade = FIRST_GRADE; grade <= LAST_GRADE && rc == DB_OK; grade++) {
			int64_t id = 0;
			rc = db_query_int64(db, &id, "INSERT INTO typical_curricula (programme, grade, created_at,"
						     " updated_at) VALUES ($1, $2, $3, $3) RETURNING id",
					    "sis", programmes[p], (int64_t)grade, now);
			if (rc != DB_ROW)
				return rc < 0 ? rc : DB_ERROR;
			rc = db_copy_begin(db, "typical_curriculum_rows", "curriculum_id, subject_id, position, hours,"
					   " component, split_in_groups, split_language, standard_hours, advanced_hours");
			if (rc != DB_OK)
				return rc;
			int position = 0;
			for (int i = 0; i < NTYPICAL && rc == DB_OK; i++) {
				const struct typical_subject *t = &typical[i];
				int h = t->hours[grade - FIRST_GRADE];
				if (!h || !ids[i])
					continue;
				int levels = grade >= 11 && t->standard >= 0;
				/* the two levels come last: 'n' takes no argument, the extra ones are not read */
				rc = db_copy_row(db, levels ? "iiiisisii" : "iiiisisnn", id, ids[i], (int64_t)++position,
						 (int64_t)h, t->component, (int64_t)t->split, t->split_language,
						 (int64_t)t->standard, (int64_t)t->advanced);
			}
			int end = db_copy_end(db);
			rc = rc != DB_OK ? rc : end;
		}
	}
	return rc;
}

/* --- one school --- */

struct klass {
	int64_t id;
	int grade;
	char language[3];
	size_t first, n; /* its students in school.students */
};

struct student {
	int64_t id, class_id, rep;
	char *key;
};

/* A class or one group of it to be taught a subject. */
struct unit {
	int64_t class_id, group_id;
	int group_no;   /* 0 for a whole class, else the group's name: 1 or 2 */
	int subject;    /* index in typical[] */
	int hours;
	int64_t staff;  /* who teaches it */
};

struct school {
	struct db *db;
	int64_t id, year, curriculum;
	int index;
	const char *now;
	int64_t subjects[NTYPICAL];
	struct klass *classes;
	size_t nclasses;
	struct student *students;
	size_t nstudents;
	int64_t *teachers;
	int *hours;     /* per teacher: lesson hours given */
	size_t nteachers;
	struct unit *units;
	size_t nunits, cap_units;
};

static void school_release(struct school *s)
{
	for (size_t i = 0; i < s->nstudents; i++)
		free(s->students[i].key);
	free(s->classes);
	free(s->students);
	free(s->teachers);
	free(s->hours);
	free(s->units);
}

/* Grows an array to hold one more element. */
static void *grow(void *a, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return a;
	size_t c = *cap ? *cap * 2 : 64;
	void *p = realloc(a, c * size);
	if (p)
		*cap = c;
	return p;
}

/* Reads the school's classes, students (by class, alphabetical) with their first
 * representative, and teachers. */
static int read_school(struct school *s)
{
	size_t cap = 0;
	struct db_stmt *st = db_prepare(s->db, "SELECT id, grade, language FROM classes WHERE school_id = $1"
					       " AND academic_year_id = $2 ORDER BY grade, letter, id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, s->id);
	db_bind_int64(st, 2, s->year);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct klass *c = grow(s->classes, &cap, s->nclasses, sizeof *c);
		if (!c)
			break;
		s->classes = c;
		c = &s->classes[s->nclasses++];
		memset(c, 0, sizeof *c);
		c->id = db_col_int64(st, 0);
		c->grade = (int)db_col_int64(st, 1);
		snprintf(c->language, sizeof c->language, "%s", db_col_text(st, 2));
	}
	db_done(st);
	if (rc != DB_DONE)
		return rc < 0 ? rc : DB_ERROR;

	cap = 0;
	st = db_prepare(s->db, "SELECT t.id, t.class_id, p.sort_key, (SELECT MIN(r.person_id) FROM"
			       " student_representatives r WHERE r.student_id = t.id) FROM students t"
			       " JOIN persons p ON p.id = t.person_id WHERE t.school_id = $1 AND t.status = 'studying'"
			       " AND t.class_id IS NOT NULL ORDER BY t.class_id, p.sort_key, t.id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, s->id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct student *t = grow(s->students, &cap, s->nstudents, sizeof *t);
		if (!t)
			break;
		s->students = t;
		t = &s->students[s->nstudents++];
		t->id = db_col_int64(st, 0);
		t->class_id = db_col_int64(st, 1);
		t->key = strdup(db_col_text(st, 2));
		t->rep = db_col_is_null(st, 3) ? 0 : db_col_int64(st, 3);
	}
	db_done(st);
	if (rc != DB_DONE)
		return rc < 0 ? rc : DB_ERROR;
	/* the students come by class id, alphabetical within their class */
	for (size_t k = 0; k < s->nclasses; k++) {
		struct klass *c = &s->classes[k];
		size_t i = 0;
		while (i < s->nstudents && s->students[i].class_id != c->id)
			i++;
		c->first = i;
		while (i < s->nstudents && s->students[i].class_id == c->id)
			i++;
		c->n = i - c->first;
	}

	cap = 0;
	st = db_prepare(s->db, "SELECT f.id FROM staff f JOIN staff_roles r ON r.staff_id = f.id"
			       " WHERE f.school_id = $1 AND r.role = 'teacher' AND f.active = 1 ORDER BY f.id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, s->id);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t *t = grow(s->teachers, &cap, s->nteachers, sizeof *t);
		if (!t)
			break;
		s->teachers = t;
		s->teachers[s->nteachers++] = db_col_int64(st, 0);
	}
	db_done(st);
	if (rc != DB_DONE)
		return rc < 0 ? rc : DB_ERROR;
	s->hours = calloc(s->nteachers ? s->nteachers : 1, sizeof *s->hours);
	return s->hours ? DB_OK : DB_ERROR;
}

static int add_unit(struct school *s, int64_t class_id, int64_t group_id, int group_no, int subject, int hours)
{
	struct unit *u = grow(s->units, &s->cap_units, s->nunits, sizeof *u);
	if (!u)
		return DB_ERROR;
	s->units = u;
	s->units[s->nunits++] = (struct unit){class_id, group_id, group_no, subject, hours, 0};
	return DB_OK;
}

/* Splits the classes above the threshold for their split subjects (CUR-3) and lists
 * the units to teach. */
static int write_groups(struct school *s, struct demo_curriculum_counts *counts)
{
	int64_t last = 0;
	int rc = db_query_int64(s->db, &last, "SELECT COALESCE(MAX(id), 0) FROM class_groups", "");
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	int threshold = (int)settings_get_int(s->db, SETTING_SPLIT_THRESHOLD, CUR_DEFAULT_SPLIT_THRESHOLD);
	size_t most = 1;
	for (size_t k = 0; k < s->nclasses; k++)
		most = s->classes[k].n > most ? s->classes[k].n : most;
	struct cur_split_student *split = calloc(most, sizeof *split);
	if (!split)
		return DB_ERROR;
	/* groups first (one copy), then their members (another) */
	rc = db_copy_begin(s->db, "class_groups", "id, class_id, subject_id, name, created_at");
	int64_t first = last;
	for (size_t k = 0; k < s->nclasses && rc == DB_OK; k++) {
		struct klass *c = &s->classes[k];
		for (int i = 0; i < NTYPICAL && rc == DB_OK; i++) {
			const struct typical_subject *t = &typical[i];
			int h = t->hours[c->grade - FIRST_GRADE];
			if (!h || !s->subjects[i])
				continue;
			if (cur_split_applies(t->split, t->split_language, c->language) &&
			    cur_split_needed((int)c->n, threshold)) {
				for (int g = 1; g <= 2 && rc == DB_OK; g++) {
					char name[2] = {(char)('0' + g), 0};
					rc = db_copy_row(s->db, "iiiss", ++last, c->id, s->subjects[i], name, s->now);
					if (rc == DB_OK)
						rc = add_unit(s, c->id, last, g, i, h);
				}
				counts->groups += 2;
			} else {
				rc = add_unit(s, c->id, 0, 0, i, h);
			}
		}
	}
	int end = db_copy_end(s->db);
	rc = rc != DB_OK ? rc : end;
	int began = rc == DB_OK && (rc = db_copy_begin(s->db, "group_members", "group_id, student_id, created_at")) == DB_OK;
	for (size_t u = 0; u < s->nunits && rc == DB_OK; u++) {
		struct unit *un = &s->units[u];
		if (un->group_no != 1)
			continue; /* once per pair of groups, at group "1"; group "2" has the next id */
		struct klass *c = NULL;
		for (size_t k = 0; k < s->nclasses && !c; k++)
			if (s->classes[k].id == un->class_id)
				c = &s->classes[k];
		for (size_t i = 0; c && i < c->n; i++)
			split[i] = (struct cur_split_student){s->students[c->first + i].key,
							      s->students[c->first + i].id, 0};
		cur_split_assign(split, c ? c->n : 0);
		for (size_t i = 0; c && i < c->n && rc == DB_OK; i++) {
			rc = db_copy_row(s->db, "iis", un->group_id + (split[i].group - 1), split[i].id, s->now);
			counts->members++;
		}
	}
	end = began ? db_copy_end(s->db) : rc;
	free(split);
	rc = rc != DB_OK ? rc : end;
	if (rc == DB_OK && strcmp(db_engine(s->db), "postgresql") == 0 && last > first)
		rc = db_run(s->db, "SELECT setval(pg_get_serial_sequence('class_groups', 'id'), $1)", "i", last) < 0
			     ? DB_ERROR : DB_OK;
	return rc;
}

/* Gives every unit a teacher: the teachers are shared out among the subjects in
 * proportion to the subjects' hours (each subject at least one), and each unit goes
 * to the subject's teacher with the fewest hours so far. */
static void assign_teachers(struct school *s)
{
	int total = 0, per_subject[NTYPICAL] = {0};
	for (size_t u = 0; u < s->nunits; u++) {
		per_subject[s->units[u].subject] += s->units[u].hours;
		total += s->units[u].hours;
	}
	int nt = (int)s->nteachers, share[NTYPICAL] = {0}, given = 0, used = 0;
	for (int i = 0; i < NTYPICAL; i++) {
		if (!per_subject[i])
			continue;
		share[i] = total ? per_subject[i] * nt / total : 0;
		if (share[i] < 1)
			share[i] = 1;
		given += share[i];
	}
	/* the teachers left over go to the subjects with the most hours per teacher */
	while (given < nt) {
		int best = -1;
		for (int i = 0; i < NTYPICAL; i++)
			if (share[i] && (best < 0 || per_subject[i] * share[best] > per_subject[best] * share[i]))
				best = i;
		if (best < 0)
			break;
		share[best]++;
		given++;
	}
	int start[NTYPICAL];
	for (int i = 0; i < NTYPICAL; i++) {
		start[i] = used;
		used += share[i];
	}
	for (size_t u = 0; u < s->nunits; u++) {
		struct unit *un = &s->units[u];
		int lo = start[un->subject], n = share[un->subject], best = -1;
		for (int k = 0; k < n; k++) {
			int t = (lo + k) % (nt ? nt : 1); /* fewer teachers than subjects: they share */
			if (best < 0 || s->hours[t] < s->hours[best])
				best = t;
		}
		if (best < 0)
			continue;
		un->staff = s->teachers[best];
		s->hours[best] += un->hours;
	}
}

/* Writes the load: assignments, and each teacher's set load — the hours given, plus an
 * elective hour for one teacher in five, and one or two hours off for one in four
 * (CUR-9 then reports them). */
static int write_load(struct school *s, struct demo_curriculum_counts *counts)
{
	int rc = db_copy_begin(s->db, "load_assignments", "academic_year_id, school_id, staff_id, class_id, group_id,"
				      " subject_id, hours");
	for (size_t u = 0; u < s->nunits && rc == DB_OK; u++) {
		struct unit *un = &s->units[u];
		if (!un->staff)
			continue;
		if (un->group_id)
			rc = db_copy_row(s->db, "iiiiiii", s->year, s->id, un->staff, un->class_id, un->group_id,
					 s->subjects[un->subject], (int64_t)un->hours);
		else /* 'n' takes no argument */
			rc = db_copy_row(s->db, "iiiinii", s->year, s->id, un->staff, un->class_id,
					 s->subjects[un->subject], (int64_t)un->hours);
		counts->assignments++;
	}
	int end = db_copy_end(s->db);
	rc = rc != DB_OK ? rc : end;
	if (rc == DB_OK)
		rc = db_copy_begin(s->db, "teacher_loads", "academic_year_id, staff_id, school_id, set_hours,"
					   " elective_hours, club_hours");
	else
		return rc;
	for (size_t t = 0; t < s->nteachers && rc == DB_OK; t++) {
		int k = (int)t + s->index;
		int elective = k % 5 == 0;
		int set = s->hours[t] + elective + (k % 8 == 3 ? 2 : k % 8 == 6 ? -1 : 0);
		rc = db_copy_row(s->db, "iiiiii", s->year, s->teachers[t], s->id, (int64_t)(set < 0 ? 0 : set),
				 (int64_t)elective, (int64_t)0);
	}
	end = db_copy_end(s->db);
	return rc != DB_OK ? rc : end;
}

/* The high-school choices of grades 11–12 (CUR-4): each student takes two subjects of
 * advanced_choices at the advanced level and the rest of them at the standard level,
 * mathematics at 10 hours (7 for one in three), filed in May by their first
 * representative, all fixed by one order of the director in June. */
static int write_choices(struct school *s, struct demo_curriculum_counts *counts)
{
	int64_t last = 0, order = 0;
	int rc = db_query_int64(s->db, &last, "SELECT COALESCE(MAX(id), 0) FROM choice_applications", "");
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	rc = db_query_int64(s->db, &order, "INSERT INTO choice_orders (school_id, academic_year_id, number, order_date,"
					   " created_at) VALUES ($1, $2, '112-ө', $3, $4) RETURNING id",
			    "iiss", s->id, s->year, DEMO_CHOICE_ORDER_DATE, s->now);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	int64_t first = last;
	rc = db_copy_begin(s->db, "choice_applications", "id, student_id, academic_year_id, representative_id,"
			   " math_programme, filed_on, order_id, created_at, updated_at");
	for (size_t k = 0; k < s->nclasses && rc == DB_OK; k++) {
		struct klass *c = &s->classes[k];
		if (c->grade < 11)
			continue;
		for (size_t i = 0; i < c->n && rc == DB_OK; i++) {
			struct student *t = &s->students[c->first + i];
			char filed[16];
			snprintf(filed, sizeof filed, "2026-05-%02d", (int)(10 + t->id % 20));
			int64_t math = t->id % 3 == 0 ? 7 : 10;
			if (t->rep)
				rc = db_copy_row(s->db, "iiiiisiss", ++last, t->id, s->year, t->rep, math, filed, order,
						 s->now, s->now);
			else
				rc = db_copy_row(s->db, "iiinisiss", ++last, t->id, s->year, math, filed, order, s->now,
						 s->now);
			counts->applications++;
		}
	}
	int end = db_copy_end(s->db);
	rc = rc != DB_OK ? rc : end;
	if (rc != DB_OK)
		return rc;
	rc = db_copy_begin(s->db, "student_choices", "application_id, subject_id, level");
	int64_t app = first;
	for (size_t k = 0; k < s->nclasses && rc == DB_OK; k++) {
		struct klass *c = &s->classes[k];
		if (c->grade < 11)
			continue;
		for (size_t i = 0; i < c->n && rc == DB_OK; i++) {
			int64_t id = s->students[c->first + i].id;
			int a = (int)(id % NADVANCED), b = (int)((a + 1 + id / NADVANCED % (NADVANCED - 1)) % NADVANCED);
			app++;
			for (int j = 0; j < NADVANCED && rc == DB_OK; j++) {
				int subject = typical_index(advanced_choices[j]);
				if (subject < 0 || !s->subjects[subject])
					continue;
				rc = db_copy_row(s->db, "iis", app, s->subjects[subject],
						 j == a || j == b ? "advanced" : "standard");
			}
		}
	}
	end = db_copy_end(s->db);
	rc = rc != DB_OK ? rc : end;
	if (rc == DB_OK && strcmp(db_engine(s->db), "postgresql") == 0 && last > first)
		rc = db_run(s->db, "SELECT setval(pg_get_serial_sequence('choice_applications', 'id'), $1)", "i", last) < 0
			     ? DB_ERROR : DB_OK;
	return rc;
}

int demo_curriculum_school(struct db *db, int64_t school_id, int64_t year_id, const char *programme, int index,
			   const char *now, struct demo_curriculum_counts *counts)
{
	struct school s;
	memset(&s, 0, sizeof s);
	s.db = db;
	s.id = school_id;
	s.year = year_id;
	s.index = index;
	s.now = now;
	int64_t nrows = 0;
	int rc = subject_ids(db, s.subjects);
	if (rc == DB_OK)
		rc = school_curriculum_generate(db, school_id, year_id, programme, &s.curriculum, &nrows);
	if (rc == DB_OK)
		rc = db_run(db, "UPDATE school_curricula SET status = 'approved', council_date = $1,"
				" protocol_number = '1', approved_at = $2 WHERE id = $3",
			    "ssi", DEMO_COUNCIL_DATE, now, s.curriculum) < 0 ? DB_ERROR : DB_OK;
	if (rc == DB_OK)
		rc = read_school(&s);
	if (rc == DB_OK) {
		counts->rows += (int)nrows;
		rc = write_groups(&s, counts);
	}
	if (rc == DB_OK) {
		assign_teachers(&s);
		rc = write_load(&s, counts);
	}
	if (rc == DB_OK)
		rc = write_choices(&s, counts);
	school_release(&s);
	return rc;
}
