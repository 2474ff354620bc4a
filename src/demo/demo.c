/* demo — the demo network generator (see demo.h): plans each school in memory with
 * the caller's seed, then writes it in one transaction through db_copy. */
#include "demo/demo.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/iin.h"
#include "core/roles.h"
#include "demo/curriculum.h"
#include "demo/clubs.h"
#include "demo/electives.h"
#include "demo/journal.h"
#include "demo/routes.h"
#include "demo/names.h"
#include "demo/rng.h"
#include "demo/timetable.h"
#include "store/calendar.h"
#include "store/db_copy.h"
#include "store/users.h"
#include "util/password.h"
#include "util/utf8.h"

#define YEAR_START 2026            /* the calendar year DEMO_YEAR starts in */
#define GRADE_FIRST 7
#define GRADE_LAST 12
#define GRADES (GRADE_LAST - GRADE_FIRST + 1)
#define MAX_PARALLEL 6             /* classes per grade: 4..6 */
#define MIN_CLASS_SIZE 20
#define MAX_CLASS_SIZE 26
#define STUDENTS_PER_TEACHER 9
#define MAX_CLUB_LEADERS 5
#define MAX_CLASSES (GRADES * MAX_PARALLEL)
#define MAX_STUDENTS (MAX_CLASSES * MAX_CLASS_SIZE)
#define MAX_STAFF (5 + MAX_CLUB_LEADERS + MAX_STUDENTS / STUDENTS_PER_TEACHER + 1)
#define MAX_LINKS (2 * MAX_STUDENTS)
#define MAX_PERSONS (MAX_STAFF + MAX_STUDENTS + MAX_LINKS)
#define FAMILY_POOL 256            /* recent families a sibling may come from */
#define SIBLING_PERMILLE 25        /* students who are a younger sibling or a twin */
#define IIN_BASE_YEAR 1940         /* IIN serials are counted per day from here … */
#define IIN_DAYS (90 * 366)        /* … for 90 years */
#define IIN_SERIALS 5000           /* even serials per day and sex (iin_make may take +1) */
#define PROGRESS_EVERY 256         /* rows between two progress reports */

/* A person to write, with the id it will have. Empty phone or email is NULL. */
struct person {
	int64_t id;
	struct names_person name;
	char iin[13];
	char birth[DATE_TEXT_SIZE];
	char sex[2];
	char phone[NAMES_PHONE];
	char email[NAMES_EMAIL];
};

struct staff_row {
	int64_t id, person_id;
};

struct role_row {
	int64_t staff_id;
	const char *role;
};

struct class_row {
	int64_t id;
	int grade;
	const char *letter;
	const char *language;  /* "kk" or "ru" */
	int64_t curator_id;    /* a staff id */
};

struct student_row {
	int64_t id, person_id, class_id;
	const char *funding;
	int dormitory;
	char enrolled[DATE_TEXT_SIZE];
};

struct link_row {
	int64_t student_id, person_id;
	const char *relation;
};

/* A family: the name it hands down and the representatives its children share. */
struct family {
	enum names_style style;
	int surname, father;     /* indexes for names_make */
	int64_t rep[2];          /* the representatives' person ids */
	const char *relation[2];
	int nrep;
	int grade;               /* the first child's grade and birth date */
	struct date birth;
	int children;
};

/* One school's rows, planned before they are written. */
struct school_rows {
	int npersons, nstaff, nroles, nclasses, nstudents, nlinks, nreps;
	struct person persons[MAX_PERSONS];
	struct staff_row staff[MAX_STAFF];
	struct role_row roles[2 * MAX_STAFF];
	struct class_row classes[MAX_CLASSES];
	struct student_row students[MAX_STUDENTS];
	struct link_row links[MAX_LINKS];
};

/* The demo sign-ins: login, role, and which school (0 none, 1 first, 2 second). */
static const struct {
	const char *login;
	enum role role;
	int school;
} demo_logins[DEMO_MAX_LOGINS] = {
	{"admin", ROLE_NETWORK_ADMIN, 0},
	{"contingent", ROLE_CONTINGENT_UNIT, 0},
	{"director", ROLE_DIRECTOR, 1},
	{"deputy", ROLE_DEPUTY_ACADEMIC, 1},
	{"upbringing", ROLE_DEPUTY_UPBRINGING, 1},
	{"timetable", ROLE_TIMETABLE_OFFICER, 1},
	{"teacher", ROLE_TEACHER, 1},
	{"club", ROLE_CLUB_LEADER, 1},
	{"student", ROLE_STUDENT, 1},
	{"parent", ROLE_PARENT, 1},
	{"director2", ROLE_DIRECTOR, 2},
};
enum { LOGIN_DIRECTOR = 2, LOGIN_DEPUTY, LOGIN_UPBRINGING, LOGIN_TIMETABLE, LOGIN_TEACHER,
       LOGIN_CLUB, LOGIN_STUDENT, LOGIN_PARENT, LOGIN_DIRECTOR2 };

/* Whom a demo sign-in belongs to, found while its school is planned. */
struct login_owner {
	int64_t school_id, person_id;
};

/* The generator's state for one run. */
struct gen {
	struct db *db;
	const struct demo_options *opt;
	struct demo_summary *out;
	struct rng rng;
	char now[21];
	uint16_t *serials;         /* IIN serials used, per (day since IIN_BASE_YEAR, sex) */
	struct family pool[FAMILY_POOL];
	int pool_len, pool_next;
	int64_t last_person, last_staff, last_class, last_student; /* ids used so far */
	struct school_rows *rows;
	struct login_owner owners[DEMO_MAX_LOGINS];
	/* the school being planned */
	int64_t school_id, year_id;
	char domain[64];
};

__attribute__((format(printf, 2, 3))) static int fail(struct gen *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(g->out->error, sizeof g->out->error, fmt, ap);
	va_end(ap);
	return DEMO_FAILED;
}

/* A uniform day from the first of month m1 to the last of month m2 of `year`. */
static struct date random_day(struct rng *r, int year, int m1, int m2)
{
	int64_t a = date_to_days((struct date){year, m1, 1});
	int64_t b = date_to_days((struct date){year, m2, date_days_in_month(year, m2)});
	return date_from_days(a + rng_below(r, (uint32_t)(b - a + 1)));
}

/* A valid IIN for the birth date and sex, unique in this run: each (day, sex) hands out
 * its even serials in turn from a start of its own, and iin_make moves at most to the
 * next (odd) serial. When a day's serials run out (they never do at NIS sizes) the
 * birth date moves a day on. Returns 0, or -1 outside the years counted. */
static int make_iin(struct gen *g, struct date *birth, char sex, char out[13])
{
	int64_t base = date_to_days((struct date){IIN_BASE_YEAR, 1, 1});
	for (;;) {
		int64_t day = date_to_days(*birth) - base;
		if (day < 0 || day >= IIN_DAYS)
			return -1;
		uint16_t *used = &g->serials[day * 2 + (sex == 'f')];
		if (*used < IIN_SERIALS) {
			uint64_t h = ((uint64_t)day * 0x9E3779B97F4A7C15u) ^
				     ((uint64_t)(sex == 'f') << 40) ^ g->opt->seed;
			unsigned start = (unsigned)((h ^ h >> 29) % IIN_SERIALS) * 2;
			unsigned serial = (start + 2u * *used) % (2 * IIN_SERIALS);
			(*used)++;
			return iin_make(birth->y, birth->m, birth->d, sex, serial, out);
		}
		*birth = date_add_days(*birth, 1);
	}
}

/* Plans a person: the next person id, the name, a unique IIN for the birth date and
 * sex, and contacts. NULL (with the error set) when the IIN cannot be made. */
static struct person *add_person(struct gen *g, enum names_style style, char sex, enum names_age age,
				 int first, int surname, int father, struct date birth)
{
	struct school_rows *rows = g->rows;
	struct person *p = &rows->persons[rows->npersons];
	memset(p, 0, sizeof *p);
	names_make(style, sex, age, first, surname, father, &p->name);
	if (make_iin(g, &birth, sex, p->iin) != 0) {
		fail(g, "no IIN for a person born %04d-%02d-%02d", birth.y, birth.m, birth.d);
		return NULL;
	}
	date_format(birth, p->birth);
	p->sex[0] = sex;
	p->id = ++g->last_person;
	rows->npersons++;
	return p;
}

/* The name style of a new family: Kazakh classes are mostly Kazakh-spelled; Russian
 * classes mix Kazakh families (often in Russian spelling) and Russian ones. */
static enum names_style pick_style(struct rng *r, const char *language)
{
	int x = rng_range(r, 0, 999);
	if (strcmp(language, "kk") == 0)
		return x < 900 ? NAMES_KAZAKH : NAMES_KAZAKH_RU;
	if (x < 300)
		return NAMES_KAZAKH;
	return x < 750 ? NAMES_KAZAKH_RU : NAMES_RUSSIAN;
}

/* Plans a staff member of the school with one or two roles (role2 may be NULL). */
static struct person *add_staff(struct gen *g, const char *role1, const char *role2, int year_lo,
				int year_hi, int female_permille)
{
	struct rng *r = &g->rng;
	int x = rng_range(r, 0, 999);
	enum names_style style = x < 600 ? NAMES_KAZAKH : x < 850 ? NAMES_KAZAKH_RU : NAMES_RUSSIAN;
	char sex = rng_chance(r, female_permille) ? 'f' : 'm';
	struct date birth = random_day(r, rng_range(r, year_lo, year_hi), 1, 12);
	int first = names_pick_first(r, style, sex, NAMES_ADULT);
	int surname = names_pick_surname(r, style);
	int father = names_pick_first(r, style, 'm', NAMES_ADULT);
	struct person *p = add_person(g, style, sex, NAMES_ADULT, first, surname, father, birth);
	if (!p)
		return NULL;
	names_phone(r, p->phone);
	names_work_email(&p->name, g->domain, p->email);

	struct school_rows *rows = g->rows;
	struct staff_row *s = &rows->staff[rows->nstaff++];
	s->id = ++g->last_staff;
	s->person_id = p->id;
	rows->roles[rows->nroles++] = (struct role_row){s->id, role1};
	if (role2)
		rows->roles[rows->nroles++] = (struct role_row){s->id, role2};
	return p;
}

/* Plans a representative of family f, born age_lo..age_hi years before child_year,
 * with the first name `first` (-1: any) and, with the odds given, a surname of their
 * own rather than the family's. Links nothing yet. */
static struct person *add_parent(struct gen *g, const struct family *f, char sex, int first,
				 int age_lo, int age_hi, int child_year, int own_surname_permille)
{
	struct rng *r = &g->rng;
	if (first < 0)
		first = names_pick_first(r, f->style, sex, NAMES_ADULT);
	int surname = rng_chance(r, own_surname_permille) ? names_pick_surname(r, f->style) : f->surname;
	int father = names_pick_first(r, f->style, 'm', NAMES_ADULT);
	int year = child_year - rng_range(r, age_lo, age_hi);
	struct person *p = add_person(g, f->style, sex, NAMES_ADULT, first, surname, father,
				      random_day(r, year, 1, 12));
	if (!p)
		return NULL;
	names_phone(r, p->phone);
	if (rng_chance(r, 850))
		names_email(r, &p->name, year, p->email);
	g->rows->nreps++;
	return p;
}

/* Plans a new family's representatives (1 or 2) for a child born in child_year.
 * Returns 0, or -1 with the error set. */
static int new_family(struct gen *g, struct family *f, const char *language, int child_year)
{
	struct rng *r = &g->rng;
	memset(f, 0, sizeof *f);
	f->style = pick_style(r, language);
	f->surname = names_pick_surname(r, f->style);
	f->father = names_pick_first(r, f->style, 'm', NAMES_ADULT);
	int x = rng_range(r, 0, 999);
	int mother = x < 880, father = x < 580 || (x >= 880 && x < 970);
	int mother_year = child_year;
	if (mother) {
		struct person *m = add_parent(g, f, 'f', -1, 22, 40, child_year, 450);
		if (!m)
			return -1;
		f->rep[f->nrep] = m->id;
		f->relation[f->nrep++] = "mother";
		mother_year = atoi(m->birth);
	}
	if (father) {
		struct person *d = mother ? add_parent(g, f, 'm', f->father, 0, 6, mother_year, 0)
					  : add_parent(g, f, 'm', f->father, 24, 45, child_year, 0);
		if (!d)
			return -1;
		f->rep[f->nrep] = d->id;
		f->relation[f->nrep++] = "father";
	}
	if (!f->nrep) { /* a grandparent or an aunt is the guardian */
		char sex = rng_chance(r, 800) ? 'f' : 'm';
		struct person *gd = add_parent(g, f, sex, -1, 40, 62, child_year, 500);
		if (!gd)
			return -1;
		f->rep[f->nrep] = gd->id;
		f->relation[f->nrep++] = "guardian";
	}
	return 0;
}

/* A birth date for a student of `grade` in DEMO_YEAR: mostly the year that started
 * school at six, some born in the autumn before, a few in the spring after. */
static struct date student_birth(struct rng *r, int grade)
{
	int year = YEAR_START - 6 - grade;
	int x = rng_range(r, 0, 999);
	if (x < 880)
		return random_day(r, year, 1, 12);
	if (x < 970)
		return random_day(r, year - 1, 9, 12);
	return random_day(r, year + 1, 1, 3);
}

/* An earlier family this student can be the second child of (a twin in the same
 * grade, or a brother or sister at least ten months apart), or NULL. */
static struct family *find_sibling(struct gen *g, const char *language, int grade, struct date *birth)
{
	struct rng *r = &g->rng;
	if (!g->pool_len || !rng_chance(r, SIBLING_PERMILLE))
		return NULL;
	for (int tries = 0; tries < 8; tries++) {
		struct family *f = &g->pool[rng_below(r, (uint32_t)g->pool_len)];
		if (f->children != 1 || (strcmp(language, "kk") == 0 && f->style == NAMES_RUSSIAN))
			continue;
		if (f->grade == grade) {
			*birth = f->birth;
			return f;
		}
		int64_t gap = date_to_days(*birth) - date_to_days(f->birth);
		if (gap > 300 || gap < -300)
			return f;
	}
	return NULL;
}

/* Plans one student of class c with their family and links. */
static int add_student(struct gen *g, const struct class_row *c)
{
	struct rng *r = &g->rng;
	struct school_rows *rows = g->rows;
	char sex = rng_chance(r, 500) ? 'f' : 'm';
	struct date birth = student_birth(r, c->grade);
	struct family fresh, *f = find_sibling(g, c->language, c->grade, &birth);
	if (!f) {
		if (new_family(g, &fresh, c->language, birth.y) != 0)
			return -1;
		f = &fresh;
	}
	int first = names_pick_first(r, f->style, sex, NAMES_CHILD);
	struct person *p = add_person(g, f->style, sex, NAMES_CHILD, first, f->surname, f->father, birth);
	if (!p)
		return -1;
	if (c->grade >= 9 && rng_chance(r, 600))
		names_phone(r, p->phone);

	struct student_row *s = &rows->students[rows->nstudents++];
	s->id = ++g->last_student;
	s->person_id = p->id;
	s->class_id = c->id;
	int x = rng_range(r, 0, 999);
	s->funding = x < 850 ? "orken" : x < 950 ? "state_order" : "paid";
	s->dormitory = rng_chance(r, 200);
	int entry = c->grade > GRADE_FIRST && rng_chance(r, 150) ? rng_range(r, GRADE_FIRST + 1, c->grade)
								  : GRADE_FIRST;
	int year = YEAR_START - (c->grade - entry);
	if (entry > GRADE_FIRST && entry < c->grade && rng_chance(r, 300))
		date_format((struct date){year + 1, 1, 12}, s->enrolled); /* the third term */
	else
		date_format((struct date){year, 9, 1}, s->enrolled);

	for (int i = 0; i < f->nrep; i++)
		rows->links[rows->nlinks++] = (struct link_row){s->id, f->rep[i], f->relation[i]};
	if (f == &fresh) {
		fresh.grade = c->grade;
		fresh.birth = birth;
		fresh.children = 1;
		g->pool[g->pool_next] = fresh;
		g->pool_next = (g->pool_next + 1) % FAMILY_POOL;
		if (g->pool_len < FAMILY_POOL)
			g->pool_len++;
	} else {
		f->children++;
	}
	return 0;
}

/* Plans the classes of every grade (4–6 each, about a third Russian-language) and
 * returns how many students they will hold. */
static int plan_classes(struct gen *g, int sizes[MAX_CLASSES])
{
	static const char *const letters[MAX_PARALLEL] = {"А", "Б", "В", "Г", "Д", "Е"};
	struct rng *r = &g->rng;
	struct school_rows *rows = g->rows;
	int total = 0;
	for (int grade = GRADE_FIRST; grade <= GRADE_LAST; grade++) {
		int x = rng_range(r, 0, 999);
		int n = x < 150 ? 4 : x < 550 ? 5 : 6;
		int nru = (n + rng_range(r, 0, 2)) / 3;
		int ru[MAX_PARALLEL] = {0};
		for (int k = 0; k < nru;) { /* which of the letters teach in Russian */
			int at = (int)rng_below(r, (uint32_t)n);
			if (!ru[at])
				ru[at] = 1, k++;
		}
		for (int i = 0; i < n; i++) {
			struct class_row *c = &rows->classes[rows->nclasses];
			c->id = ++g->last_class;
			c->grade = grade;
			c->letter = letters[i];
			c->language = ru[i] ? "ru" : "kk";
			sizes[rows->nclasses++] = rng_range(r, MIN_CLASS_SIZE, MAX_CLASS_SIZE);
			total += sizes[rows->nclasses - 1];
		}
	}
	return total;
}

/* Remembers whom a demo sign-in of this school is. */
static void own_login(struct gen *g, int slot, int64_t person_id)
{
	g->owners[slot].school_id = g->school_id;
	g->owners[slot].person_id = person_id;
}

/* Plans the whole school `index` (0-based): staff, classes, students, families. */
static int plan_school(struct gen *g, int index)
{
	struct rng *r = &g->rng;
	struct school_rows *rows = g->rows;
	int sizes[MAX_CLASSES];
	int nstudents = plan_classes(g, sizes);

	struct person *director = add_staff(g, "director", NULL, 1965, 1982, 500);
	struct person *deputy = add_staff(g, "deputy_academic", NULL, 1968, 1988, 700);
	struct person *deputy2 = add_staff(g, "deputy_academic", NULL, 1968, 1988, 700);
	struct person *upbringing = add_staff(g, "deputy_upbringing", NULL, 1968, 1990, 700);
	struct person *timetable = add_staff(g, "timetable_officer", NULL, 1975, 1995, 700);
	if (!director || !deputy || !deputy2 || !upbringing || !timetable)
		return -1;

	/* Teachers, shuffled so that the curators are a random choice of them. */
	int nteachers = (nstudents + STUDENTS_PER_TEACHER / 2) / STUDENTS_PER_TEACHER;
	int first_teacher = rows->nstaff;
	int order[MAX_STAFF];
	for (int i = 0; i < nteachers; i++)
		order[i] = first_teacher + i;
	for (int i = nteachers - 1; i > 0; i--) {
		int j = (int)rng_below(r, (uint32_t)i + 1), t = order[i];
		order[i] = order[j], order[j] = t;
	}
	for (int i = 0; i < nteachers; i++) {
		int curator = 0;
		for (int k = 0; k < rows->nclasses; k++)
			curator |= order[k] == first_teacher + i;
		if (!add_staff(g, "teacher", curator ? "curator" : NULL, 1962, 2000, 750))
			return -1;
	}
	for (int k = 0; k < rows->nclasses; k++)
		rows->classes[k].curator_id = rows->staff[order[k]].id;

	int nclubs = rng_range(r, 3, MAX_CLUB_LEADERS);
	struct person *club = NULL;
	for (int i = 0; i < nclubs; i++) {
		struct person *p = add_staff(g, "club_leader", NULL, 1970, 1998, 500);
		if (!p)
			return -1;
		if (!club)
			club = p;
	}

	for (int k = 0; k < rows->nclasses; k++)
		for (int i = 0; i < sizes[k]; i++)
			if (add_student(g, &rows->classes[k]) != 0)
				return -1;

	if (index == 0) {
		own_login(g, LOGIN_DIRECTOR, director->id);
		own_login(g, LOGIN_DEPUTY, deputy->id);
		own_login(g, LOGIN_UPBRINGING, upbringing->id);
		own_login(g, LOGIN_TIMETABLE, timetable->id);
		own_login(g, LOGIN_TEACHER, rows->staff[order[0]].person_id); /* curates 7А */
		own_login(g, LOGIN_CLUB, club->id);
		own_login(g, LOGIN_STUDENT, rows->students[0].person_id);
		own_login(g, LOGIN_PARENT, rows->links[0].person_id);
	} else if (index == 1) {
		own_login(g, LOGIN_DIRECTOR2, director->id);
	}
	return 0;
}

/* Counts a written row and reports progress every PROGRESS_EVERY rows (the last
 * report, done == total, comes after the commit). */
static void tick(struct gen *g, struct demo_progress *p)
{
	p->done++;
	if (g->opt->progress && p->done % PROGRESS_EVERY == 0 && p->done < p->total)
		g->opt->progress(g->opt->progress_ctx, p);
}

/* The row writers of write_rows: row i of one planned table, through the open copy. */
static int copy_person(struct gen *g, int i)
{
	const struct person *p = &g->rows->persons[i];
	char key[4 * NAMES_MAX + 16];
	snprintf(key, sizeof key, "%s %s %s %s", p->name.last, p->name.first, p->name.middle, p->iin);
	char *folded = utf8_fold(key);
	/* the same key as store/people.c: names, each followed by a space */
	snprintf(key, sizeof key, "%s %s %s ", p->name.last, p->name.first, p->name.middle);
	char *order = utf8_sort_key(key);
	int rc = DB_ERROR;
	if (folded && order)
		rc = db_copy_row(g->db, "issssssssssss", p->id, p->name.last, p->name.first, p->name.middle,
				 p->iin, p->birth, p->sex, p->phone[0] ? p->phone : NULL,
				 p->email[0] ? p->email : NULL, folded, order, g->now, g->now);
	free(folded);
	free(order);
	return rc;
}

static int copy_staff(struct gen *g, int i)
{
	const struct staff_row *s = &g->rows->staff[i];
	return db_copy_row(g->db, "iiiiss", s->id, s->person_id, g->school_id, (int64_t)1, g->now, g->now);
}

static int copy_role(struct gen *g, int i)
{
	return db_copy_row(g->db, "is", g->rows->roles[i].staff_id, g->rows->roles[i].role);
}

static int copy_class(struct gen *g, int i)
{
	const struct class_row *c = &g->rows->classes[i];
	return db_copy_row(g->db, "iiiississ", c->id, g->school_id, g->year_id, (int64_t)c->grade,
			   c->letter, c->language, c->curator_id, g->now, g->now);
}

static int copy_student(struct gen *g, int i)
{
	const struct student_row *s = &g->rows->students[i];
	return db_copy_row(g->db, "iiiisissss", s->id, s->person_id, g->school_id, s->class_id,
			   s->funding, (int64_t)s->dormitory, "studying", s->enrolled, g->now, g->now);
}

static int copy_link(struct gen *g, int i)
{
	const struct link_row *l = &g->rows->links[i];
	return db_copy_row(g->db, "iiss", l->student_id, l->person_id, l->relation, g->now);
}

/* The tables of a school in the order of their references: name, columns, where the
 * planned row count is, and the row writer. */
static const struct {
	const char *table, *columns;
	size_t count; /* offset of the count in struct school_rows */
	int (*row)(struct gen *g, int i);
} school_tables[] = {
	{"persons", "id, last_name, first_name, middle_name, iin, birth_date, sex, phone, email,"
		    " search_key, sort_key, created_at, updated_at", offsetof(struct school_rows, npersons),
	 copy_person},
	{"staff", "id, person_id, school_id, active, created_at, updated_at",
	 offsetof(struct school_rows, nstaff), copy_staff},
	{"staff_roles", "staff_id, role", offsetof(struct school_rows, nroles), copy_role},
	{"classes", "id, school_id, academic_year_id, grade, letter, language, curator_id, created_at,"
		    " updated_at", offsetof(struct school_rows, nclasses), copy_class},
	{"students", "id, person_id, school_id, class_id, funding, dormitory, status, enrolled_on,"
		     " created_at, updated_at", offsetof(struct school_rows, nstudents), copy_student},
	{"student_representatives", "student_id, person_id, relation, created_at",
	 offsetof(struct school_rows, nlinks), copy_link},
};

/* Writes the planned rows of the school, table by table, each through one copy.
 * Returns DB_OK or the first failure. */
static int write_rows(struct gen *g, struct demo_progress *prog)
{
	for (size_t t = 0; t < sizeof school_tables / sizeof school_tables[0]; t++) {
		int n = *(const int *)((const char *)g->rows + school_tables[t].count);
		int rc = db_copy_begin(g->db, school_tables[t].table, school_tables[t].columns);
		if (rc != DB_OK)
			return rc;
		for (int i = 0; i < n && rc == DB_OK; i++, tick(g, prog))
			rc = school_tables[t].row(g, i);
		int end = db_copy_end(g->db);
		if (rc != DB_OK || end != DB_OK)
			return rc != DB_OK ? rc : end;
	}
	return DB_OK;
}

/* The tables whose ids the generator gives itself, the query of the last id used,
 * the PostgreSQL statement that moves the identity sequence past the ids written
 * (COPY takes explicit ids), and where struct gen keeps the last id. */
static const struct {
	const char *max_sql, *setval_sql;
	size_t last;
} id_tables[] = {
	{"SELECT COALESCE(MAX(id), 0) FROM persons",
	 "SELECT setval(pg_get_serial_sequence('persons', 'id'), $1)", offsetof(struct gen, last_person)},
	{"SELECT COALESCE(MAX(id), 0) FROM staff",
	 "SELECT setval(pg_get_serial_sequence('staff', 'id'), $1)", offsetof(struct gen, last_staff)},
	{"SELECT COALESCE(MAX(id), 0) FROM classes",
	 "SELECT setval(pg_get_serial_sequence('classes', 'id'), $1)", offsetof(struct gen, last_class)},
	{"SELECT COALESCE(MAX(id), 0) FROM students",
	 "SELECT setval(pg_get_serial_sequence('students', 'id'), $1)", offsetof(struct gen, last_student)},
};
#define ID_TABLES ((int)(sizeof id_tables / sizeof id_tables[0]))

static int64_t *last_id(struct gen *g, int t)
{
	return (int64_t *)((char *)g + id_tables[t].last);
}

/* The ids this run continues from (the database may hold persons already). */
static int read_last_ids(struct gen *g)
{
	for (int t = 0; t < ID_TABLES; t++)
		if (db_query_int64(g->db, last_id(g, t), id_tables[t].max_sql, "") != DB_ROW)
			return DB_ERROR;
	return DB_OK;
}

/* PostgreSQL: moves the identity sequences past the ids written. */
static int advance_sequences(struct gen *g)
{
	if (strcmp(db_engine(g->db), "postgresql") != 0)
		return DB_OK;
	for (int t = 0; t < ID_TABLES; t++) {
		int rc = db_run(g->db, id_tables[t].setval_sql, "i", *last_id(g, t));
		if (rc < 0)
			return rc;
	}
	return DB_OK;
}

/* Ends a write transaction: commits when rc is DB_OK; else, or when the commit fails,
 * sets the error "cannot write <what>: <reason>" and rolls back. Returns a demo_rc. */
static int end_write(struct gen *g, int rc, const char *what)
{
	if (rc == DB_OK)
		rc = db_commit(g->db);
	if (rc == DB_OK)
		return DEMO_OK;
	fail(g, "cannot write %s: %s", what, db_errmsg(g->db));
	db_rollback(g->db);
	return DEMO_FAILED;
}

/* The structure of DEMO_YEAR (the dates of the NIS calendar 2026–2027): 4 quarters, or
 * 2 semesters for the IB school, with autumn, winter and spring holidays and the
 * external assessment of grades 11–12; approved before 25 August (CAL-5). It passes
 * CAL-1..CAL-4: 171 study days (34.2 weeks), 32 holiday days, a summer of 14 weeks. */
static int make_calendar(struct gen *g, int ib)
{
	json_t *terms = ib ? json_pack("[{s:s, s:s}, {s:s, s:s}]",
				       "starts_on", "2026-09-01", "ends_on", "2026-12-29",
				       "starts_on", "2027-01-11", "ends_on", "2027-05-25")
			   : json_pack("[{s:s, s:s}, {s:s, s:s}, {s:s, s:s}, {s:s, s:s}]",
				       "starts_on", "2026-09-01", "ends_on", "2026-10-23",
				       "starts_on", "2026-11-03", "ends_on", "2026-12-29",
				       "starts_on", "2027-01-11", "ends_on", "2027-03-19",
				       "starts_on", "2027-03-30", "ends_on", "2027-05-25");
	json_t *s = json_pack("{s:s, s:o, s:[{s:s, s:s, s:s}, {s:s, s:s, s:s}, {s:s, s:s, s:s}],"
			      " s:{s:s, s:s}}", "type", ib ? "semesters" : "quarters", "terms", terms,
			      "holidays",
			      "kind", "autumn", "starts_on", "2026-10-24", "ends_on", "2026-11-02",
			      "kind", "winter", "starts_on", "2026-12-30", "ends_on", "2027-01-10",
			      "kind", "spring", "starts_on", "2027-03-20", "ends_on", "2027-03-29",
			      "assessment", "starts_on", ib ? "2027-05-03" : "2027-05-17",
			      "ends_on", ib ? "2027-05-21" : "2027-06-04");
	int rc = s ? calendar_structure_save(g->db, g->year_id, s) : DB_ERROR;
	json_decref(s);
	if (rc == DB_OK)
		rc = calendar_year_approve(g->db, g->year_id, 0, "2026-08-20T04:00:00Z", "2026-08-20",
					   "current");
	return rc;
}

/* Seconds since an arbitrary start: how long the journal took (never a draw). */
static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The journal's progress, reported as the school's with `journal` set. */
struct journal_ctx {
	struct gen *g;
	struct demo_progress prog;
};

static void journal_progress(void *ctx, int done, int total)
{
	struct journal_ctx *j = ctx;
	j->prog.journal = 1;
	j->prog.done = done;
	j->prog.total = total;
	j->g->opt->progress(j->g->opt->progress_ctx, &j->prog);
}

/* Fills the school's journal before opt->today (demo/journal.c) and counts it. */
static int make_journal(struct gen *g, const struct demo_progress *prog, struct demo_journal_counts *jr)
{
	struct journal_ctx ctx = {g, *prog};
	double start = seconds_now();
	int rc = demo_journal_school(g->db, g->school_id, g->year_id, g->opt->seed, g->opt->today,
				     g->opt->progress ? journal_progress : NULL, &ctx, jr);
	g->out->journal_seconds += seconds_now() - start;
	return rc;
}

/* The school's elective courses with a year of their sessions up to today. */
static int make_electives(struct gen *g)
{
	struct demo_elective_counts el = {0};
	double start = seconds_now();
	int mine = g->owners[LOGIN_TEACHER].school_id == g->school_id;
	int own_student = g->owners[LOGIN_STUDENT].school_id == g->school_id;
	int rc = demo_electives_school(g->db, g->school_id, g->year_id, g->opt->seed,
				       g->opt->today ? g->opt->today : "", mine ? g->owners[LOGIN_TEACHER].person_id : 0,
				       own_student ? g->owners[LOGIN_STUDENT].person_id : 0, g->now, &el);
	struct demo_summary *out = g->out;
	out->elective_courses += el.courses;
	out->elective_choices += el.choices;
	out->elective_switches += el.switches;
	out->elective_groups += el.groups;
	out->elective_sessions += el.sessions;
	out->elective_absences += el.absences;
	out->elective_products += el.products;
	out->elective_seconds += seconds_now() - start;
	return rc;
}

/* Creates school `index` in one write transaction and reports on it. */
static int make_school(struct gen *g, int index)
{
	const struct names_school *s = &names_schools[index];
	struct db *db = g->db;
	char kk[NAMES_TITLE], ru[NAMES_TITLE], en[NAMES_TITLE];
	names_school_title(s, kk, ru, en);
	names_school_domain(s, g->domain, sizeof g->domain);
	memset(g->rows, 0, offsetof(struct school_rows, persons));

	int rc = db_begin_write(db);
	if (rc != DB_OK)
		return fail(g, "cannot begin writing school %s: %s", s->code, db_errmsg(db));
	rc = db_query_int64(db, &g->school_id,
		"INSERT INTO schools (code, name_kk, name_ru, name_en, city_kk, city_ru, city_en,"
		" programme, marking_model, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
		" $10, $9, $9) RETURNING id", "ssssssssss", s->code, kk, ru, en, s->city_kk, s->city_ru,
		s->city_en, s->profile == PROFILE_IB ? "ib" : "nis", g->now,
		s->profile == PROFILE_IB ? "ib_semester" : NULL); /* the IB school's own model (ASM-2) */
	if (rc == DB_ROW)
		rc = db_query_int64(db, &g->year_id,
			"INSERT INTO academic_years (school_id, name, starts_on, ends_on, status,"
			" created_at, updated_at) VALUES ($1, $2, $3, $4, 'current', $5, $5) RETURNING id",
			"issss", g->school_id, DEMO_YEAR, "2026-09-01", "2027-05-25", g->now);
	if (rc == DB_ROW && (rc = make_calendar(g, s->profile == PROFILE_IB)) == DB_OK)
		rc = DB_ROW;
	if (rc == DB_ROW)
		rc = read_last_ids(g);
	else if (rc >= 0)
		rc = DB_ERROR;
	char what[32];
	snprintf(what, sizeof what, "school %s", s->code);
	if (rc != DB_OK)
		return end_write(g, rc, what);
	if (plan_school(g, index) != 0) {
		db_rollback(db);
		return DEMO_FAILED;
	}

	struct school_rows *rows = g->rows;
	struct demo_progress prog = {
		.school = index + 1, .schools = g->opt->schools, .code = s->code, .city = s->city_en,
		.total = rows->npersons + rows->nstaff + rows->nroles + rows->nclasses +
			 rows->nstudents + rows->nlinks,
		.classes = rows->nclasses, .students = rows->nstudents,
		.representatives = rows->nreps, .staff = rows->nstaff,
	};
	if (g->opt->progress)
		g->opt->progress(g->opt->progress_ctx, &prog);
	rc = write_rows(g, &prog);
	struct demo_curriculum_counts cur = {0};
	if (rc == DB_OK)
		rc = demo_curriculum_school(db, g->school_id, g->year_id, s->profile == PROFILE_IB ? "ib" : "nis",
					    index, g->now, &cur);
	if (rc == DB_OK)
		rc = advance_sequences(g);
	struct demo_timetable_counts tt = {0};
	char tt_error[256] = "";
	if (rc == DB_OK)
		rc = demo_timetable_school(db, g->school_id, g->year_id, g->now, &tt, tt_error);
	if (rc != DB_OK && tt_error[0]) {
		db_rollback(db);
		return fail(g, "%s", tt_error);
	}
	struct demo_journal_counts jr = {0};
	if (rc == DB_OK && g->opt->today)
		rc = make_journal(g, &prog, &jr);
	if (rc == DB_OK)
		rc = make_electives(g);
	if (rc == DB_OK)
		rc = demo_clubs_school(db, g->school_id, g->year_id, g->opt->seed, g->opt->today ? g->opt->today : "",
				       g->owners[LOGIN_STUDENT].school_id == g->school_id ? g->owners[LOGIN_STUDENT].person_id : 0, g->now);
	if (rc == DB_OK) /* individual learning routes (demo/routes.h) */
		rc = demo_routes_school(db, g->school_id, g->year_id, g->opt->seed, g->opt->today ? g->opt->today : "", g->now);
	if (end_write(g, rc, what) != DEMO_OK)
		return DEMO_FAILED;
	prog.done = prog.total;
	prog.filled = jr.lessons;
	if (g->opt->progress)
		g->opt->progress(g->opt->progress_ctx, &prog);
	struct demo_summary *out = g->out;
	out->schools++;
	out->classes += rows->nclasses;
	out->students += rows->nstudents;
	out->representatives += rows->nreps;
	out->staff += rows->nstaff;
	out->groups += cur.groups;
	out->assignments += cur.assignments;
	out->applications += cur.applications;
	out->rooms += tt.rooms;
	out->lessons += tt.lessons;
	out->journal_lessons += jr.lessons;
	out->missed += jr.missed;
	out->unfilled += jr.unfilled;
	out->absences += jr.absences;
	out->lates += jr.lates;
	out->marks += jr.marks;
	out->works += jr.works;
	out->scores += jr.scores;
	out->covers += jr.covers;
	return DEMO_OK;
}

/* The network's typical curricula (ТОЖ) of grades 7–12, from demo/curriculum.c. */
static int make_typical(struct gen *g)
{
	int rc = db_begin_write(g->db);
	if (rc == DB_OK)
		rc = demo_curriculum_network(g->db, g->now);
	return end_write(g, rc, "the typical curricula");
}

/* Adds the subjects the network lacks; counts the new ones. */
static int make_subjects(struct gen *g)
{
	struct db *db = g->db;
	int64_t before = 0, after = 0;
	int rc = db_begin_write(db);
	if (rc == DB_OK && db_query_int64(db, &before, "SELECT COUNT(*) FROM subjects", "") != DB_ROW)
		rc = DB_ERROR;
	for (const struct names_subject *s = names_subjects; s->code && rc == DB_OK; s++) {
		rc = db_run(db, "INSERT INTO subjects (code, name_kk, name_ru, name_en, created_at, updated_at)"
				" VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (code) DO NOTHING",
			    "sssss", s->code, s->kk, s->ru, s->en, g->now);
		rc = rc < 0 ? rc : DB_OK;
	}
	if (rc == DB_OK && db_query_int64(db, &after, "SELECT COUNT(*) FROM subjects", "") != DB_ROW)
		rc = DB_ERROR;
	if (end_write(g, rc, "the subjects") != DEMO_OK)
		return DEMO_FAILED;
	g->out->subjects = (int)(after - before);
	return DEMO_OK;
}

/* "Last First Middle" of a person, for the table of sign-ins. */
static void person_name(struct db *db, int64_t id, char *out, size_t size)
{
	out[0] = '\0';
	struct db_stmt *st = db_prepare(db, "SELECT last_name, first_name, middle_name FROM persons WHERE id = $1");
	if (!st)
		return;
	db_bind_int64(st, 1, id);
	if (db_step(st) == DB_ROW) {
		const char *middle = db_col_text(st, 2);
		snprintf(out, size, "%s %s%s%s", db_col_text(st, 0), db_col_text(st, 1), middle ? " " : "",
			 middle ? middle : "");
	}
	db_done(st);
}

/* Creates the demo sign-ins (those whose school exists) with one password hash. */
static int make_logins(struct gen *g, const char *hash)
{
	struct db *db = g->db;
	struct demo_summary *out = g->out;
	int rc = db_begin_write(db);
	for (int i = 0; i < DEMO_MAX_LOGINS && rc == DB_OK; i++) {
		const struct login_owner *o = &g->owners[i];
		if (demo_logins[i].school && !o->school_id)
			continue; /* director2 of a one-school network */
		rc = users_create(db, demo_logins[i].login, hash, demo_logins[i].role, o->school_id,
				  o->person_id, NULL);
		struct demo_login *l = &out->logins[out->nlogins++];
		snprintf(l->login, sizeof l->login, "%s", demo_logins[i].login);
		snprintf(l->role, sizeof l->role, "%s", role_code(demo_logins[i].role));
		snprintf(l->school, sizeof l->school, "%s", demo_logins[i].school
				? names_schools[demo_logins[i].school - 1].code : "");
		if (o->person_id)
			person_name(db, o->person_id, l->person, sizeof l->person);
	}
	return end_write(g, rc, "the demo sign-ins");
}

/* Refuses a database that has schools or one of the demo logins already. */
static int check_empty(struct gen *g)
{
	int64_t n = 0;
	if (db_query_int64(g->db, &n, "SELECT COUNT(*) FROM schools", "") != DB_ROW)
		return fail(g, "cannot read the database: %s", db_errmsg(g->db));
	if (n > 0) {
		snprintf(g->out->error, sizeof g->out->error,
			 "the database already has %lld school%s; the demo network is made only in a"
			 " database without schools", (long long)n, n == 1 ? "" : "s");
		return DEMO_NOT_EMPTY;
	}
	for (int i = 0; i < DEMO_MAX_LOGINS; i++) {
		if (db_query_int64(g->db, &n, "SELECT COUNT(*) FROM users WHERE login = $1", "s",
				   demo_logins[i].login) != DB_ROW)
			return fail(g, "cannot read the database: %s", db_errmsg(g->db));
		if (n > 0) {
			snprintf(g->out->error, sizeof g->out->error,
				 "the login '%s' is already taken; the demo network needs its logins free",
				 demo_logins[i].login);
			return DEMO_NOT_EMPTY;
		}
	}
	return DEMO_OK;
}

int demo_generate(struct db *db, const struct demo_options *opt, struct demo_summary *out)
{
	memset(out, 0, sizeof *out);
	struct gen *g = calloc(1, sizeof *g);
	if (!g) {
		snprintf(out->error, sizeof out->error, "out of memory");
		return DEMO_FAILED;
	}
	g->db = db;
	g->opt = opt;
	g->out = out;
	struct date today;
	int rc = DEMO_OK;
	if (opt->schools < 1 || opt->schools > DEMO_MAX_SCHOOLS)
		rc = fail(g, "the number of schools must be 1 to %d", DEMO_MAX_SCHOOLS);
	else if (opt->today && date_parse(opt->today, &today) != 0)
		rc = fail(g, "today must be a date YYYY-MM-DD, not '%s'", opt->today);
	if (rc != DEMO_OK) {
		free(g);
		return rc;
	}
	rc = check_empty(g);
	char hash[PASSWORD_HASH_MAX];
	if (rc == DEMO_OK && password_hash(opt->password ? opt->password : DEMO_PASSWORD, hash) != 0)
		rc = fail(g, "cannot hash the demo password");
	if (rc == DEMO_OK) {
		g->serials = calloc((size_t)IIN_DAYS * 2, sizeof *g->serials);
		g->rows = malloc(sizeof *g->rows);
		if (!g->serials || !g->rows)
			rc = fail(g, "out of memory");
	}
	if (rc == DEMO_OK) {
		rng_seed(&g->rng, opt->seed);
		db_now_utc(g->now);
		rc = make_subjects(g);
	}
	if (rc == DEMO_OK)
		rc = make_typical(g);
	for (int i = 0; i < opt->schools && rc == DEMO_OK; i++)
		rc = make_school(g, i);
	if (rc == DEMO_OK)
		rc = make_logins(g, hash);
	free(g->serials);
	free(g->rows);
	free(g);
	return rc;
}
