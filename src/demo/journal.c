/* journal (demo) — what the demo network's journal holds up to the demo's "today": the
 * lessons held (or, rarely, missed) with their topics and homework, the roll, formative
 * marks, summative works with their scores, and a few covers and late lessons (see
 * journal.h). A school is read in a handful of queries (its year's lessons, students,
 * groups, teachers, terms), planned in memory, and written through db_copy: COPY on
 * PostgreSQL, one cached INSERT on SQLite. */
#include "demo/journal.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "demo/rng.h"
#include "store/db_copy.h"
#include "store/marking.h"
#include "util/array.h"

/* The odds, per thousand. */
#define LATE_PERMILLE 3          /* a lesson of the last two weeks left unfilled */
#define MISSED_PERMILLE 5        /* a lesson not held */
#define COVER_PERMILLE 5         /* a held lesson given to a substitute */
#define HOMEWORK_PERMILLE 820    /* a held lesson sets homework */
#define MARKS_PERMILLE 350       /* a held lesson has formative marks */
#define ILL_START_PERMILLE 8     /* a student's spell of illness starts on a given day … */
#define ILL_MAX_DAYS 5           /* … and lasts 1 to 5 days (about 2.4 % of days ill) */
#define EXCUSED_PERMILLE 7       /* a single absence with a note */
#define UNEXCUSED_PERMILLE 4     /* a single absence without one */
#define SENT_HOME_PERMILLE 3     /* fell ill during the day (illness) */
#define LATE_STUDENT_PERMILLE 10 /* came late */
#define SECTION_GAP_MIN 7        /* lessons between two section works */
#define SECTION_GAP_MAX 9
#define PROGRESS_EVERY 2048      /* lessons between two progress reports */

enum { TAG_LESSON = 0x4a4c, TAG_UNIT, TAG_ABILITY, TAG_ILL };
enum { WORK_NONE, WORK_SECTION, WORK_TERM };
enum { ATT_ABSENT, ATT_LATE };
enum { REASON_NONE, REASON_ILLNESS, REASON_EXCUSED, REASON_UNEXCUSED };

static const char *const att_status[] = {"absent", "late"};
static const char *const att_reason[] = {NULL, "illness", "excused", "unexcused"};

/* Texts in the class's language: [0] Kazakh, [1] Russian. */
static const char *const missed_reasons[3][2] = {
	{"Мұғалім ауырды", "Учитель болен"},
	{"Мектептегі іс-шара", "Общешкольное мероприятие"},
	{"Сынып экскурсияда", "Класс на экскурсии"},
};
static const char *const cover_reasons[3][2] = {
	{"Мұғалім ауырды", "Учитель болен"},
	{"Мұғалім біліктілікті арттыру курсында", "Учитель на курсах повышения квалификации"},
	{"Мұғалім іссапарда", "Учитель в командировке"},
};

/* splitmix64's finaliser over h and v: the keys of the draws. */
static uint64_t mix(uint64_t h, uint64_t v)
{
	uint64_t z = h ^ (v + 0x9E3779B97F4A7C15u + (h << 6) + (h >> 2));
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

struct jclass {
	int64_t id;
	int ru;                /* teaches in Russian */
	size_t first, n;       /* its students: students[first .. first + n) */
};

struct jstudent {
	int64_t id, class_id;
	int64_t enrolled;      /* day of enrolment (days since 1970), INT64_MIN when unknown */
	int ability;           /* the student's mean formative mark × 100 */
};

/* A student's id and index, for the search by id. */
struct id_index {
	int64_t id;
	size_t i;
};

static int cmp_id_index(const void *a, const void *b)
{
	int64_t x = ((const struct id_index *)a)->id, y = ((const struct id_index *)b)->id;
	return (x > y) - (x < y);
}

struct jgroup {
	int64_t id;
	size_t first, n;       /* members[first .. first + n): student indexes */
};

struct jsubject {
	int64_t id;
	char *name[2];         /* kk, ru */
};

struct jterm {
	int no;
	int64_t start, end;    /* days */
};

struct jlesson {
	int64_t id, class_id, group_id, subject_id, staff_id, topic_id;
	int64_t day;
	char *topic;           /* the КТЖ topic's title, or NULL */
	uint64_t key;          /* the seed of its draws */
	int period, klass, group, subject, term, ordinal;
	unsigned char work, work_no;
	short max_points;
};

struct att_row {
	int64_t lesson, student;
	unsigned char status, reason;
};

struct point_row {         /* a formative mark or a summative score */
	int64_t lesson, student;
	int value;
	size_t li;             /* the lesson's index in struct school's lessons */
};

struct work_row {
	int64_t lesson;
	int kind, no, max, ru;
};

struct cover_row {
	int64_t lesson, staff, day;
	int reason, ru;
};

/* A school as read and the rows planned for it. */
struct school {
	struct db *db;
	int64_t id, year;
	uint64_t seed;
	int semesters;         /* the year has semesters, not quarters */
	int formative_max;     /* the top formative mark of the school's model: 10, 7 (IB) */
	struct jclass *classes;
	size_t nclasses;
	struct jstudent *students;
	size_t nstudents;
	struct id_index *by_id;  /* the students in the order of their ids */
	struct jgroup *groups;
	size_t ngroups, *members, nmembers;
	struct jsubject *subjects;
	size_t nsubjects;
	struct jterm terms[8];
	int nterms;
	int64_t *teachers;
	size_t nteachers;
	struct jlesson *lessons;
	size_t nlessons;
	struct att_row *att;
	size_t natt, cap_att;
	struct point_row *marks, *scores;
	size_t nmarks, cap_marks, nscores, cap_scores;
	struct work_row *works;
	size_t nworks, cap_works;
	struct cover_row *covers;
	size_t ncovers, cap_covers;
};

static void school_release(struct school *s)
{
	free(s->classes);
	free(s->students);
	free(s->by_id);
	free(s->groups);
	free(s->members);
	for (size_t i = 0; i < s->nsubjects; i++) {
		free(s->subjects[i].name[0]);
		free(s->subjects[i].name[1]);
	}
	free(s->subjects);
	free(s->teachers);
	for (size_t i = 0; i < s->nlessons; i++)
		free(s->lessons[i].topic);
	free(s->lessons);
	free(s->att);
	free(s->marks);
	free(s->scores);
	free(s->works);
	free(s->covers);
}

/* "YYYY-MM-DD" as days since 1970, or INT64_MIN when it is not a date. */
static int64_t day_of(const char *text)
{
	struct date d;
	return text && date_parse(text, &d) == 0 ? date_to_days(d) : INT64_MIN;
}

static char *dup_text(const char *s)
{
	return strdup(s ? s : "");
}

/* Binary searches over arrays sorted by id: the index, or -1. */
#define FIND_BY_ID(name, type)                                                      \
	static long name(const type *a, size_t n, int64_t id)                       \
	{                                                                           \
		size_t lo = 0, hi = n;                                              \
		while (lo < hi) {                                                   \
			size_t mid = (lo + hi) / 2;                                 \
			if (a[mid].id < id)                                         \
				lo = mid + 1;                                       \
			else                                                        \
				hi = mid;                                           \
		}                                                                   \
		return lo < n && a[lo].id == id ? (long)lo : -1;                    \
	}
FIND_BY_ID(find_class, struct jclass)
FIND_BY_ID(find_group, struct jgroup)
FIND_BY_ID(find_subject, struct jsubject)

static long find_student(const struct school *s, int64_t id)
{
	size_t lo = 0, hi = s->nstudents;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->by_id[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nstudents && s->by_id[lo].id == id ? (long)s->by_id[lo].i : -1;
}

/* Steps a statement to its end; DB_OK when it ended well, else the failure. */
static int stepped(int rc)
{
	return rc == DB_DONE ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

/* The year's type and the terms. */
static int read_year(struct school *s)
{
	struct db_stmt *st = db_prepare(s->db, "SELECT type FROM academic_years WHERE id = $1");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, s->year);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		const char *type = db_col_text(st, 0);
		s->semesters = type && strcmp(type, "semesters") == 0;
		rc = DB_OK;
	}
	db_done(st);
	if (rc != DB_OK)
		return rc < 0 ? rc : DB_ERROR;
	st = db_prepare(s->db, "SELECT term_no, starts_on, ends_on FROM year_terms WHERE academic_year_id = $1"
			       " ORDER BY term_no");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, s->year);
	while ((rc = db_step(st)) == DB_ROW && s->nterms < 8) {
		struct jterm *t = &s->terms[s->nterms++];
		t->no = (int)db_col_int64(st, 0);
		t->start = day_of(db_col_text(st, 1));
		t->end = day_of(db_col_text(st, 2));
	}
	db_done(st);
	return rc == DB_ROW ? DB_OK : stepped(rc);
}

/* The classes of the year, their studying students, and each student's ability. */
static int read_students(struct school *s)
{
	size_t cap = 0;
	struct db_stmt *st = db_prepare(s->db, "SELECT id, language FROM classes WHERE school_id = $1"
					       " AND academic_year_id = $2 ORDER BY id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, s->id);
	db_bind_int64(st, 2, s->year);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (array_grow((void **)&s->classes, &cap, s->nclasses, sizeof *s->classes) != 0) {
			rc = DB_ERROR;
			break;
		}
		const char *lang = db_col_text(st, 1);
		s->classes[s->nclasses++] = (struct jclass){
			.id = db_col_int64(st, 0), .ru = lang && strcmp(lang, "ru") == 0};
	}
	db_done(st);
	if ((rc = stepped(rc)) != DB_OK)
		return rc;

	cap = 0;
	st = db_prepare(s->db, "SELECT id, class_id, enrolled_on FROM students WHERE school_id = $1"
			       " AND status = 'studying' AND class_id IS NOT NULL ORDER BY class_id, id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, s->id);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t class_id = db_col_int64(st, 1);
		long k = find_class(s->classes, s->nclasses, class_id);
		if (k < 0)
			continue; /* a class of another year */
		if (array_grow((void **)&s->students, &cap, s->nstudents, sizeof *s->students) != 0) {
			rc = DB_ERROR;
			break;
		}
		struct jstudent *x = &s->students[s->nstudents];
		x->id = db_col_int64(st, 0);
		x->class_id = class_id;
		x->enrolled = day_of(db_col_text(st, 2));
		/* a mean mark of 5.5–9.7 for most, 4.0–5.5 for one in ten */
		uint64_t h = mix(s->seed ^ TAG_ABILITY, (uint64_t)x->id);
		x->ability = h % 10 == 0 ? 400 + (int)((h >> 8) % 150) : 550 + (int)((h >> 8) % 420);
		struct jclass *c = &s->classes[k];
		if (!c->n)
			c->first = s->nstudents;
		c->n++;
		s->nstudents++;
	}
	db_done(st);
	if ((rc = stepped(rc)) != DB_OK)
		return rc;
	s->by_id = malloc((s->nstudents + 1) * sizeof *s->by_id);
	if (!s->by_id)
		return DB_ERROR;
	for (size_t i = 0; i < s->nstudents; i++)
		s->by_id[i] = (struct id_index){s->students[i].id, i};
	qsort(s->by_id, s->nstudents, sizeof *s->by_id, cmp_id_index);
	return DB_OK;
}

/* The groups of the year's classes with their studying members. */
static int read_groups(struct school *s)
{
	size_t cap_groups = 0, cap_members = 0;
	struct db_stmt *st = db_prepare(s->db,
		"SELECT gm.group_id, gm.student_id FROM group_members gm JOIN class_groups g ON g.id = gm.group_id"
		" JOIN classes c ON c.id = g.class_id WHERE c.school_id = $1 AND c.academic_year_id = $2"
		" ORDER BY gm.group_id, gm.student_id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, s->id);
	db_bind_int64(st, 2, s->year);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t group_id = db_col_int64(st, 0);
		if (!s->ngroups || s->groups[s->ngroups - 1].id != group_id) {
			if (array_grow((void **)&s->groups, &cap_groups, s->ngroups, sizeof *s->groups) != 0) {
				rc = DB_ERROR;
				break;
			}
			s->groups[s->ngroups++] = (struct jgroup){.id = group_id, .first = s->nmembers};
		}
		long k = find_student(s, db_col_int64(st, 1));
		if (k < 0)
			continue; /* not studying */
		if (array_grow((void **)&s->members, &cap_members, s->nmembers, sizeof *s->members) != 0) {
			rc = DB_ERROR;
			break;
		}
		s->members[s->nmembers++] = (size_t)k;
		s->groups[s->ngroups - 1].n++;
	}
	db_done(st);
	return stepped(rc);
}

/* The subjects (their names for the topics) and the school's active teachers. */
static int read_subjects_teachers(struct school *s)
{
	size_t cap = 0;
	struct db_stmt *st = db_prepare(s->db, "SELECT id, name_kk, name_ru FROM subjects ORDER BY id");
	if (!st)
		return DB_ERROR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (array_grow((void **)&s->subjects, &cap, s->nsubjects, sizeof *s->subjects) != 0) {
			rc = DB_ERROR;
			break;
		}
		struct jsubject *x = &s->subjects[s->nsubjects++];
		x->id = db_col_int64(st, 0);
		x->name[0] = dup_text(db_col_text(st, 1));
		x->name[1] = dup_text(db_col_text(st, 2));
		if (!x->name[0] || !x->name[1]) {
			rc = DB_ERROR;
			break;
		}
	}
	db_done(st);
	if ((rc = stepped(rc)) != DB_OK)
		return rc;
	cap = 0;
	st = db_prepare(s->db, "SELECT DISTINCT st.id FROM staff st JOIN staff_roles r ON r.staff_id = st.id"
			       " WHERE st.school_id = $1 AND st.active = 1 AND r.role = 'teacher' ORDER BY st.id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, s->id);
	while ((rc = db_step(st)) == DB_ROW) {
		if (array_grow((void **)&s->teachers, &cap, s->nteachers, sizeof *s->teachers) != 0) {
			rc = DB_ERROR;
			break;
		}
		s->teachers[s->nteachers++] = db_col_int64(st, 0);
	}
	db_done(st);
	return stepped(rc);
}

/* Every lesson of the year (also those after today: the works are planned over the
 * whole term, so a later today keeps them where they were), by date and period. */
static int read_lessons(struct school *s)
{
	size_t cap = 0;
	struct db_stmt *st = db_prepare(s->db,
		"SELECT x.id, x.lesson_date, x.period, x.class_id, COALESCE(x.group_id, 0), x.subject_id, x.staff_id,"
		" k.id, k.title FROM lessons x LEFT JOIN ktp_topics k ON k.id = x.ktp_topic_id"
		" AND k.academic_year_id = x.academic_year_id"
		" WHERE x.school_id = $1 AND x.academic_year_id = $2 ORDER BY x.lesson_date, x.period, x.id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, s->id);
	db_bind_int64(st, 2, s->year);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		long k = find_class(s->classes, s->nclasses, db_col_int64(st, 3));
		long subject = find_subject(s->subjects, s->nsubjects, db_col_int64(st, 5));
		int64_t day = day_of(db_col_text(st, 1));
		if (k < 0 || subject < 0 || day == INT64_MIN)
			continue;
		if (array_grow((void **)&s->lessons, &cap, s->nlessons, sizeof *s->lessons) != 0) {
			rc = DB_ERROR;
			break;
		}
		struct jlesson *l = &s->lessons[s->nlessons];
		memset(l, 0, sizeof *l);
		l->id = db_col_int64(st, 0);
		l->day = day;
		l->period = (int)db_col_int64(st, 2);
		l->class_id = db_col_int64(st, 3);
		l->group_id = db_col_int64(st, 4);
		l->subject_id = db_col_int64(st, 5);
		l->staff_id = db_col_int64(st, 6);
		l->klass = (int)k;
		l->subject = (int)subject;
		l->group = l->group_id ? (int)find_group(s->groups, s->ngroups, l->group_id) : -1;
		l->term = -1;
		for (int t = 0; t < s->nterms; t++)
			if (day >= s->terms[t].start && day <= s->terms[t].end)
				l->term = t;
		if (!db_col_is_null(st, 8)) {
			l->topic_id = db_col_int64(st, 7);
			l->topic = strdup(db_col_text(st, 8));
			if (!l->topic) {
				rc = DB_ERROR;
				break;
			}
		}
		uint64_t key = mix(s->seed ^ TAG_LESSON, (uint64_t)l->class_id);
		key = mix(key, (uint64_t)l->group_id);
		key = mix(key, (uint64_t)l->subject_id);
		key = mix(key, (uint64_t)day);
		l->key = mix(key, (uint64_t)l->period);
		s->nlessons++;
	}
	db_done(st);
	return stepped(rc);
}

/* A lesson's place in its class-subject: (class, group, subject), then date, period. */
struct unit_key {
	int64_t class_id, group_id, subject_id, day;
	int period;
	size_t i;
};

static int cmp_unit(const void *a, const void *b)
{
	const struct unit_key *x = a, *y = b;
	if (x->class_id != y->class_id)
		return x->class_id < y->class_id ? -1 : 1;
	if (x->group_id != y->group_id)
		return x->group_id < y->group_id ? -1 : 1;
	if (x->subject_id != y->subject_id)
		return x->subject_id < y->subject_id ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return (x->period > y->period) - (x->period < y->period);
}

/* The works of one class-subject in one term, over its lessons u[0..n) in order: one
 * term work at a lesson of the term's last week (the last lesson when the week has
 * none), and a section work about every 8th lesson before that week. */
static void plan_term(struct school *s, const struct unit_key *u, size_t n, const struct jterm *t)
{
	struct jlesson *first = &s->lessons[u[0].i];
	struct rng r;
	uint64_t key = mix(s->seed ^ TAG_UNIT, (uint64_t)first->class_id);
	key = mix(key, (uint64_t)first->group_id);
	key = mix(key, (uint64_t)first->subject_id);
	rng_seed(&r, mix(key, (uint64_t)t->no));
	int64_t last_week = t->end - 6;
	size_t in_week = 0;
	for (size_t i = 0; i < n; i++)
		in_week += s->lessons[u[i].i].day >= last_week;
	size_t at = in_week ? n - in_week + rng_below(&r, (uint32_t)in_week) : n - 1;
	struct jlesson *term = &s->lessons[u[at].i];
	term->work = WORK_TERM;
	term->max_points = (short)rng_range(&r, 25, 40);
	int next = rng_range(&r, SECTION_GAP_MIN, SECTION_GAP_MAX), no = 0;
	for (size_t i = 0; i < n; i++) {
		struct jlesson *l = &s->lessons[u[i].i];
		if (l->day >= last_week || i == at)
			break;
		if ((int)i + 1 == next) {
			l->work = WORK_SECTION;
			l->work_no = (unsigned char)++no;
			l->max_points = (short)rng_range(&r, 10, 30);
			next += rng_range(&r, SECTION_GAP_MIN, SECTION_GAP_MAX);
		}
	}
}

/* Numbers the lessons of each class-subject and plans its works term by term. */
static int plan_units(struct school *s)
{
	struct unit_key *u = malloc((s->nlessons + 1) * sizeof *u);
	if (!u)
		return DB_ERROR;
	for (size_t i = 0; i < s->nlessons; i++) {
		const struct jlesson *l = &s->lessons[i];
		u[i] = (struct unit_key){l->class_id, l->group_id, l->subject_id, l->day, l->period, i};
	}
	qsort(u, s->nlessons, sizeof *u, cmp_unit);
	for (size_t a = 0; a < s->nlessons;) {
		size_t b = a;
		while (b < s->nlessons && u[b].class_id == u[a].class_id && u[b].group_id == u[a].group_id &&
		       u[b].subject_id == u[a].subject_id)
			b++;
		for (size_t i = a; i < b; i++)
			s->lessons[u[i].i].ordinal = (int)(i - a) + 1;
		for (size_t c = a; c < b;) {
			int term = s->lessons[u[c].i].term;
			size_t d = c;
			while (d < b && s->lessons[u[d].i].term == term)
				d++;
			if (term >= 0)
				plan_term(s, u + c, d - c, &s->terms[term]);
			c = d;
		}
		a = b;
	}
	free(u);
	return DB_OK;
}

/* Whether the student is in a spell of illness on `day`: a spell starts on a day with
 * ILL_START_PERMILLE odds and lasts 1..ILL_MAX_DAYS days. */
static int ill_on(const struct school *s, int64_t student, int64_t day)
{
	uint64_t base = mix(s->seed ^ TAG_ILL, (uint64_t)student);
	for (int k = 0; k < ILL_MAX_DAYS; k++) {
		uint64_t h = mix(base, (uint64_t)(day - k));
		if (h % 1000 < ILL_START_PERMILLE && (int)((h >> 32) % ILL_MAX_DAYS) >= k)
			return 1;
	}
	return 0;
}

/* A mark 1..max around the student's ability (mostly 6–10 out of 10, 4–7 out of 7). */
static int draw_mark(struct rng *r, const struct jstudent *x, int max)
{
	int v = (x->ability + rng_range(r, -130, 130) + rng_range(r, -130, 130)) * max / 10;
	int mark = (v + 50) / 100;
	return mark < 1 ? 1 : mark > max ? max : mark;
}

/* Points 0..max around the student's ability. */
static int draw_points(struct rng *r, const struct jstudent *x, int max)
{
	int permille = x->ability + rng_range(r, -150, 120);
	permille = permille < 0 ? 0 : permille > 1000 ? 1000 : permille;
	return (permille * max + 500) / 1000;
}

static int push(void **items, size_t *n, size_t *cap, size_t size, const void *row)
{
	if (array_grow(items, cap, *n, size) != 0)
		return -1;
	memcpy((char *)*items + *n * size, row, size);
	(*n)++;
	return 0;
}

/* A teacher of the school free at the lesson's day and period (other than its own),
 * or 0. The lessons at that time are next to it in s->lessons. */
static int64_t free_teacher(const struct school *s, size_t i, struct rng *r)
{
	const struct jlesson *l = &s->lessons[i];
	size_t a = i, b = i + 1;
	while (a > 0 && s->lessons[a - 1].day == l->day && s->lessons[a - 1].period == l->period)
		a--;
	while (b < s->nlessons && s->lessons[b].day == l->day && s->lessons[b].period == l->period)
		b++;
	if (!s->nteachers)
		return 0;
	size_t start = rng_below(r, (uint32_t)s->nteachers);
	for (size_t k = 0; k < s->nteachers; k++) {
		int64_t t = s->teachers[(start + k) % s->nteachers];
		size_t j = a;
		while (j < b && s->lessons[j].staff_id != t)
			j++;
		if (j == b)
			return t;
	}
	return 0;
}

/* The roll of lesson l: pointers into the students, those enrolled by its day. */
static size_t roll_of(const struct school *s, const struct jlesson *l, const struct jstudent **out)
{
	size_t n = 0;
	if (l->group_id) {
		if (l->group < 0)
			return 0;
		const struct jgroup *g = &s->groups[l->group];
		for (size_t i = 0; i < g->n; i++) {
			const struct jstudent *x = &s->students[s->members[g->first + i]];
			if (x->enrolled == INT64_MIN || x->enrolled <= l->day)
				out[n++] = x;
		}
		return n;
	}
	const struct jclass *c = &s->classes[l->klass];
	for (size_t i = 0; i < c->n; i++) {
		const struct jstudent *x = &s->students[c->first + i];
		if (x->enrolled == INT64_MIN || x->enrolled <= l->day)
			out[n++] = x;
	}
	return n;
}

/* The instant 'YYYY-MM-DDTHH:MM:00Z' of lesson day `day` at `minutes` (0..1439) after
 * midnight UTC. */
static void instant(int64_t day, int minutes, char out[21])
{
	char date[DATE_TEXT_SIZE];
	date_format(date_from_days(day), date);
	memcpy(out, date, 10);
	snprintf(out + 10, 11, "T%02u:%02u:00Z", (unsigned)minutes / 60 % 24, (unsigned)minutes % 60);
}

/* The homework of a held lesson (lesson number n), in the class's language. */
static void homework_text(struct rng *r, int ru, int n, char *out, size_t size)
{
	int a = rng_range(r, 1, 12), b = a + rng_range(r, 2, 5);
	switch (rng_below(r, 5)) {
	case 0:
		snprintf(out, size, ru ? "Прочитать §%d, упр. %d–%d" : "§%d оқу, %d–%d жаттығулар", n, a, b);
		break;
	case 1:
		snprintf(out, size, ru ? "§%d, ответить на вопросы" : "§%d, сұрақтарға жауап беру", n);
		break;
	case 2:
		snprintf(out, size, ru ? "Задачи %d–%d" : "%d–%d есептер", a, b);
		break;
	case 3:
		snprintf(out, size, ru ? "Конспект §%d" : "§%d конспектісі", n);
		break;
	default:
		snprintf(out, size, ru ? "Подготовить сообщение по теме" : "Тақырып бойынша хабарлама дайындау");
	}
}

/* The rows of a held lesson kept for after lesson_journal: the roll (absences and
 * lateness; the others are present), formative marks for a few of those present, the
 * work and its scores, and now and then a substitute. `roll` and `present` have room
 * for every student. DB_OK, or DB_ERROR when memory runs out. */
static int held_rows(struct school *s, size_t i, struct rng *r, const struct jstudent **roll,
		     const struct jstudent **present, struct demo_journal_counts *counts)
{
	const struct jlesson *l = &s->lessons[i];
	int ru = s->classes[l->klass].ru;
	size_t n = roll_of(s, l, roll), npresent = 0;
	int rc = DB_OK;
	for (size_t k = 0; k < n && rc == DB_OK; k++) {
		const struct jstudent *x = roll[k];
		int ill = ill_on(s, x->id, l->day);
		int draw = (int)rng_below(r, 1000);
		struct att_row a = {l->id, x->id, ATT_ABSENT, REASON_NONE};
		if (ill)
			a.reason = REASON_ILLNESS;
		else if (draw < EXCUSED_PERMILLE)
			a.reason = REASON_EXCUSED;
		else if (draw < EXCUSED_PERMILLE + UNEXCUSED_PERMILLE)
			a.reason = REASON_UNEXCUSED;
		else if (draw < EXCUSED_PERMILLE + UNEXCUSED_PERMILLE + SENT_HOME_PERMILLE)
			a.reason = REASON_ILLNESS;
		else if (draw < EXCUSED_PERMILLE + UNEXCUSED_PERMILLE + SENT_HOME_PERMILLE +
				       LATE_STUDENT_PERMILLE)
			a.status = ATT_LATE;
		else {
			present[npresent++] = x;
			continue;
		}
		if (a.status == ATT_LATE) {
			present[npresent++] = x;
			counts->lates++;
		} else {
			counts->absences++;
		}
		if (push((void **)&s->att, &s->natt, &s->cap_att, sizeof *s->att, &a) != 0)
			rc = DB_ERROR;
	}

	/* formative marks for a few of those present */
	if (rc == DB_OK && rng_chance(r, MARKS_PERMILLE) && npresent) {
		size_t want = (size_t)rng_range(r, 3, 6);
		if (want > npresent)
			want = npresent;
		for (size_t k = 0; k < want && rc == DB_OK; k++) {
			size_t pick = k + rng_below(r, (uint32_t)(npresent - k));
			const struct jstudent *x = present[pick];
			present[pick] = present[k];
			present[k] = x;
			struct point_row m = {l->id, x->id, draw_mark(r, x, s->formative_max), (size_t)(l - s->lessons)};
			if (push((void **)&s->marks, &s->nmarks, &s->cap_marks, sizeof *s->marks, &m) != 0)
				rc = DB_ERROR;
			counts->marks++;
		}
	}

	/* a summative work: a score for everyone present */
	if (rc == DB_OK && l->work != WORK_NONE) {
		struct work_row w = {l->id, l->work == WORK_TERM ? 2 : 1, l->work_no, l->max_points, ru};
		if (push((void **)&s->works, &s->nworks, &s->cap_works, sizeof *s->works, &w) != 0)
			rc = DB_ERROR;
		counts->works++;
		for (size_t k = 0; k < npresent && rc == DB_OK; k++) {
			struct point_row p = {l->id, present[k]->id, draw_points(r, present[k], l->max_points),
					      (size_t)(l - s->lessons)};
			if (push((void **)&s->scores, &s->nscores, &s->cap_scores, sizeof *s->scores, &p) != 0)
				rc = DB_ERROR;
			counts->scores++;
		}
	}

	/* now and then a substitute */
	if (rc == DB_OK && rng_chance(r, COVER_PERMILLE)) {
		int64_t t = free_teacher(s, i, r);
		struct cover_row c = {l->id, t, l->day, (int)rng_below(r, 3), ru};
		if (t && push((void **)&s->covers, &s->ncovers, &s->cap_covers, sizeof *s->covers, &c) != 0)
			rc = DB_ERROR;
		counts->covers += t != 0;
	}
	return rc;
}

/* The journal of the lessons before today, the children rows kept for later. */
static int fill_lessons(struct school *s, int64_t today, demo_journal_progress_fn *progress, void *ctx,
			struct demo_journal_counts *counts)
{
	const struct jstudent **roll = malloc((s->nstudents + 1) * sizeof *roll);
	const struct jstudent **present = malloc((s->nstudents + 1) * sizeof *present);
	if (!roll || !present) {
		free(roll);
		free(present);
		return DB_ERROR;
	}
	int total = 0, done = 0;
	for (size_t i = 0; i < s->nlessons && s->lessons[i].day < today; i++)
		total++;
	if (progress)
		progress(ctx, 0, total);
	int rc = db_copy_begin(s->db, "lesson_journal", "lesson_id, status, missed_reason, topic_id, topic, homework,"
							 " attendance_marked, filled_by, filled_at, updated_at");
	if (rc != DB_OK) {
		free(roll);
		free(present);
		return rc;
	}
	for (size_t i = 0; i < s->nlessons && rc == DB_OK; i++) {
		struct jlesson *l = &s->lessons[i];
		if (l->day >= today)
			break;
		if (progress && ++done % PROGRESS_EVERY == 0)
			progress(ctx, done, total);
		int ru = s->classes[l->klass].ru;
		struct rng r;
		rng_seed(&r, l->key);
		/* the same draws in the same order for every lesson, whatever today is */
		int late = rng_chance(&r, LATE_PERMILLE);
		int missed = rng_chance(&r, MISSED_PERMILLE) && l->work == WORK_NONE;
		int reason = (int)rng_below(&r, 3);
		int minutes = 10 * 60 + rng_range(&r, -20, 100); /* 14:40–16:40 in Kazakhstan */
		if (late && l->day >= today - DEMO_JOURNAL_LATE_DAYS) {
			counts->unfilled++;
			continue;
		}
		char at[21];
		instant(l->day, minutes, at);
		counts->lessons++;
		if (missed) {
			counts->missed++;
			rc = db_copy_row(s->db, "issnssinss", l->id, "missed", missed_reasons[reason][ru], (const char *)NULL,
					 (const char *)NULL, (int64_t)0, at, at);
			continue;
		}
		char topic[256], homework[160];
		if (l->topic)
			snprintf(topic, sizeof topic, "%s", l->topic);
		else
			snprintf(topic, sizeof topic, "§%d %s", l->ordinal, s->subjects[l->subject].name[ru]);
		int has_homework = rng_chance(&r, HOMEWORK_PERMILLE);
		if (has_homework)
			homework_text(&r, ru, l->ordinal, homework, sizeof homework);
		rc = l->topic ? db_copy_row(s->db, "ississinss", l->id, "held", (const char *)NULL, l->topic_id, topic,
					    has_homework ? homework : NULL, (int64_t)1, at, at)
			      : db_copy_row(s->db, "issnssinss", l->id, "held", (const char *)NULL, topic,
					    has_homework ? homework : NULL, (int64_t)1, at, at);

		if (rc == DB_OK)
			rc = held_rows(s, i, &r, roll, present, counts);
	}
	int end = db_copy_end(s->db);
	if (progress && rc == DB_OK && end == DB_OK)
		progress(ctx, total, total);
	free(roll);
	free(present);
	return rc != DB_OK ? rc : end;
}

/* The title of a summative work in the class's language. */
static void work_title(const struct school *s, const struct work_row *w, char *out, size_t size)
{
	if (w->kind == 1)
		snprintf(out, size, w->ru ? "Суммативное оценивание за раздел № %d" : "Бөлім бойынша жиынтық бағалау № %d",
			 w->no);
	else if (s->semesters)
		snprintf(out, size, "%s", w->ru ? "Суммативное оценивание за полугодие"
						: "Жартыжылдық бойынша жиынтық бағалау");
	else
		snprintf(out, size, "%s", w->ru ? "Суммативное оценивание за четверть" : "Тоқсан бойынша жиынтық бағалау");
}

/* The row writers of the tables filled after lesson_journal. */
static int copy_attendance(struct school *s, size_t i)
{
	const struct att_row *a = &s->att[i];
	return db_copy_row(s->db, "iiss", a->lesson, a->student, att_status[a->status], att_reason[a->reason]);
}

/* A mark or score repeats its lesson's subject and date (migration 007). */
static int copy_mark(struct school *s, size_t i)
{
	const struct jlesson *l = &s->lessons[s->marks[i].li];
	char day[DATE_TEXT_SIZE];
	date_format(date_from_days(l->day), day);
	return db_copy_row(s->db, "iiiis", s->marks[i].lesson, s->marks[i].student, (int64_t)s->marks[i].value,
			   l->subject_id, day);
}

static int copy_work(struct school *s, size_t i)
{
	char title[128];
	work_title(s, &s->works[i], title, sizeof title);
	return db_copy_row(s->db, "issi", s->works[i].lesson, s->works[i].kind == 1 ? "section" : "term", title,
			   (int64_t)s->works[i].max);
}

static int copy_score(struct school *s, size_t i)
{
	const struct jlesson *l = &s->lessons[s->scores[i].li];
	char day[DATE_TEXT_SIZE];
	date_format(date_from_days(l->day), day);
	return db_copy_row(s->db, "iiiissi", s->scores[i].lesson, s->scores[i].student, (int64_t)s->scores[i].value,
			   l->subject_id, day, l->work == WORK_TERM ? "term" : "section", (int64_t)l->max_points);
}

static int copy_cover(struct school *s, size_t i)
{
	const struct cover_row *c = &s->covers[i];
	char at[21];
	instant(c->day, 2 * 60 + 30, at); /* 07:30 in Kazakhstan, before the first bell */
	return db_copy_row(s->db, "iisns", c->lesson, c->staff, cover_reasons[c->reason][c->ru], at);
}

/* The tables written after lesson_journal, in the order of their references: name,
 * columns, where the row count is, and the row writer. */
static const struct {
	const char *table, *columns;
	size_t count; /* offset of the count in struct school */
	int (*row)(struct school *s, size_t i);
} child_tables[] = {
	{"attendance", "lesson_id, student_id, status, reason", offsetof(struct school, natt), copy_attendance},
	{"formative_marks", "lesson_id, student_id, mark, subject_id, lesson_date", offsetof(struct school, nmarks),
	 copy_mark},
	{"summative_works", "lesson_id, kind, title, max_points", offsetof(struct school, nworks), copy_work},
	{"summative_scores", "lesson_id, student_id, points, subject_id, lesson_date, kind, max_points",
	 offsetof(struct school, nscores), copy_score},
	{"lesson_covers", "lesson_id, staff_id, reason, assigned_by, assigned_at", offsetof(struct school, ncovers),
	 copy_cover},
};

/* Writes the rows kept by fill_lessons, each table through one copy. */
static int write_children(struct school *s)
{
	for (size_t t = 0; t < sizeof child_tables / sizeof child_tables[0]; t++) {
		size_t n = *(const size_t *)((const char *)s + child_tables[t].count);
		if (!n)
			continue;
		int rc = db_copy_begin(s->db, child_tables[t].table, child_tables[t].columns);
		if (rc != DB_OK)
			return rc;
		for (size_t i = 0; i < n && rc == DB_OK; i++)
			rc = child_tables[t].row(s, i);
		int end = db_copy_end(s->db);
		if (rc != DB_OK || end != DB_OK)
			return rc != DB_OK ? rc : end;
	}
	return DB_OK;
}

int demo_journal_school(struct db *db, int64_t school_id, int64_t year_id, uint64_t seed, const char *today,
			demo_journal_progress_fn *progress, void *ctx, struct demo_journal_counts *counts)
{
	int64_t day = day_of(today);
	if (day == INT64_MIN)
		return DB_ERROR;
	int64_t starts = INT64_MIN, ends = INT64_MIN;
	struct db_stmt *st = db_prepare(db, "SELECT starts_on, ends_on FROM academic_years WHERE id = $1");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, year_id);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		starts = day_of(db_col_text(st, 0));
		ends = day_of(db_col_text(st, 1));
	}
	db_done(st);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	if (day < starts || day > ends)
		return DB_OK; /* today is not in this year: its journal stays empty */

	struct school s;
	memset(&s, 0, sizeof s);
	s.db = db;
	s.id = school_id;
	s.year = year_id;
	s.seed = seed;
	rc = read_year(&s);
	struct marking_model model;
	if (rc == DB_OK && (rc = marking_for_school(db, school_id, &model)) == DB_OK)
		s.formative_max = model.formative_max;
	if (rc == DB_OK)
		rc = read_students(&s);
	if (rc == DB_OK)
		rc = read_groups(&s);
	if (rc == DB_OK)
		rc = read_subjects_teachers(&s);
	if (rc == DB_OK)
		rc = read_lessons(&s);
	if (rc == DB_OK)
		rc = plan_units(&s);
	if (rc == DB_OK)
		rc = fill_lessons(&s, day, progress, ctx, counts);
	if (rc == DB_OK)
		rc = write_children(&s);
	school_release(&s);
	return rc;
}
