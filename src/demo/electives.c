/* electives (demo) — a demo school's elective courses, choices, groups and sessions (see
 * electives.h). */
#include "demo/electives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "demo/rng.h"
#include "store/db_copy.h"
#include "store/elective.h"

#define NCOURSES 5
#define MAX_GROUP 16           /* a group is kept below ELE-4's split at 17 */
#define COURSE_TEACHERS 10     /* the teachers of one course: one per group of a grade */
#define SWITCH_DAY "2026-10-05" /* the switchers' application takes effect */
#define SWITCH_PERMILLE 20
#define ABSENT_PERMILLE 40
#define LATE_PERMILLE 10
#define PRODUCT_PERMILLE 30

struct course_def {
	const char *kk, *ru, *en, *kind, *focus, *direction;
	int second_language, from, to, hours;
	const char *plan[4][3]; /* section, topic, form */
};

static const struct course_def courses[NCOURSES] = {
	{"Олимпиадалық математика", "Олимпиадная математика", "Olympiad mathematics", "invariant_equated", "olympiad",
	 "academic_research", 0, 7, 9, 1,
	 {{"Сандар теориясы", "Бөлінгіштік және қалдықтар", "практикум"},
	  {"Сандар теориясы", "Диофант теңдеулері", "семинар"},
	  {"Комбинаторика", "Дирихле принципі", "практикум"},
	  {"Геометрия", "Олимпиадалық геометрия есептері", "жарыс"}}},
	{"Робототехника", "Робототехника", "Robotics", "invariant_equated", "technology", "it", 0, 7, 10, 1,
	 {{"Құрастыру", "Датчиктер мен қозғалтқыштар", "зертханалық жұмыс"},
	  {"Бағдарламалау", "Сызық бойымен жүру", "жоба"},
	  {"Бағдарламалау", "Кедергіні айналу", "жоба"},
	  {"Жарыс", "Роботтар жарысына дайындық", "жарыс"}}},
	{"Неміс тілі", "Немецкий язык", "German", "interest", NULL, "languages", 1, 7, 9, 1,
	 {{"Танысу", "Өзім туралы", "диалог"},
	  {"Мектеп", "Менің мектебім", "топтық жұмыс"},
	  {"Отбасы", "Менің отбасым", "жоба"},
	  {"Қала", "Менің қалам", "презентация"}}},
	{"IELTS-ке дайындық", "Подготовка к IELTS", "IELTS preparation", "invariant_equated", "international_exam",
	 "languages", 0, 10, 12, 2,
	 {{"Listening", "Section 1–2 strategies", "практикум"},
	  {"Reading", "Skimming and scanning", "практикум"},
	  {"Writing", "Task 1: graphs", "жазба жұмыс"},
	  {"Speaking", "Part 2: long turn", "диалог"}}},
	{"Ғылыми жоба", "Научный проект", "Research project", "interest", NULL, "academic_research", 0, 10, 12, 1,
	 {{"Зерттеу", "Тақырып пен гипотеза", "семинар"},
	  {"Зерттеу", "Әдебиетке шолу", "өзіндік жұмыс"},
	  {"Эксперимент", "Деректер жинау", "зертханалық жұмыс"},
	  {"Қорғау", "Жобаны таныстыру", "конференция"}}},
};

/* The ЖОЖ's hours of electives and maximum weekly load of grades 7–12: the demo's ТОЖ
 * has 33–38 hours of lessons, and the week 40 periods — lessons and the elective block
 * together keep a period free (a week of 40 in 40 left two demo schools without a
 * timetable); 11–12 leave room for the advanced levels (CUR-4). */
static const int elective_hours[6] = {2, 2, 2, 2, 1, 3};
static const int max_weekly[6] = {36, 37, 38, 40, 50, 50};

static const char criteria[] =
	"{\"active_methods\":{\"comment\":\"Жобалық әдіс\",\"score\":3},\"completeness\":{\"comment\":null,\"score\":2},"
	"\"control\":{\"comment\":\"Күтілетін нәтижелер анық\",\"score\":2},\"development\":{\"comment\":null,\"score\":3},"
	"\"motivation\":{\"comment\":null,\"score\":3},\"novelty\":{\"comment\":\"Оқу жоспарында жоқ материал\",\"score\":2},"
	"\"realism\":{\"comment\":null,\"score\":2},\"sequence\":{\"comment\":null,\"score\":2},"
	"\"structure\":{\"comment\":null,\"score\":3}}";
#define CRITERIA_TOTAL 22

struct student {
	int64_t id, class_id;
	int grade;
	signed char pick[2];  /* course indexes chosen (-1 none) */
	signed char switched; /* pick[replaced] replaced SWITCH_DAY by this course, or -1 */
	signed char replaced; /* 0 or 1 */
};

struct member {
	int64_t student_id, class_id, group_id; /* group_id: the group it was put in */
	int grade, hour; /* hour: the first block hour of the course for this student */
	const char *joined, *left; /* left NULL: still a member */
};

struct study_day {
	char date[DATE_TEXT_SIZE];
	int weekday, semester;
};

static int member_order(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	if (x->grade != y->grade)
		return x->grade - y->grade;
	if (x->hour != y->hour)
		return x->hour - y->hour;
	if (x->class_id != y->class_id)
		return x->class_id < y->class_id ? -1 : 1;
	return x->student_id < y->student_id ? -1 : x->student_id > y->student_id;
}

/* A stream of draws for one key: the seed, a tag and up to two ids. */
static void draws(struct rng *r, uint64_t seed, uint64_t tag, uint64_t a, uint64_t b)
{
	rng_seed(r, seed ^ (tag * 0x9E3779B97F4A7C15u) ^ (a * 0xBF58476D1CE4E5B9u) ^ (b * 0x94D049BB133111EBu));
}

/* Ends a copy that began (rc is what the rows gave). */
static int copy_done(struct db *db, int rc)
{
	int end = db_copy_end(db);
	return rc != DB_OK ? rc : end;
}

/* The courses (programme, plan, review) of the school; ids into ids[]. */
static int write_courses(struct db *db, int64_t school_id, int64_t year_id, const int64_t *teachers, int nteachers,
			 const char *now, int64_t ids[NCOURSES])
{
	int rc = DB_OK;
	for (int i = 0; i < NCOURSES && rc == DB_OK; i++) {
		const struct course_def *c = &courses[i];
		int64_t staff = nteachers ? teachers[i * COURSE_TEACHERS % nteachers] : 0;
		rc = db_query_int64(db, &ids[i],
				    "INSERT INTO elective_courses (school_id, academic_year_id, title_kk, title_ru, title_en,"
				    " kind, focus, direction, second_language, grade_from, grade_to, hours, programme_status,"
				    " created_at, updated_at, staff_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
				    " $12, 'approved', $13, $13, $14) RETURNING id",
				    staff ? "iissssssiiiisi" : "iissssssiiiisn", school_id, year_id, c->kk, c->ru, c->en,
				    c->kind, c->focus, c->direction, (int64_t)c->second_language, (int64_t)c->from,
				    (int64_t)c->to, (int64_t)c->hours, now, staff);
		rc = rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
		char approved[DATE_TEXT_SIZE], protocol[8];
		snprintf(approved, sizeof approved, "2026-06-%02d", 18 + i);
		snprintf(protocol, sizeof protocol, "%d", 5 + i);
		if (rc == DB_OK)
			rc = db_run(db,
				    "INSERT INTO elective_programmes (course_id, author, year_label, explanatory_note, content,"
				    " recommendations, literature, approved_on, protocol_number, updated_at) VALUES ($1,"
				    " (SELECT p.last_name || ' ' || p.first_name FROM staff s JOIN persons p ON p.id = s.person_id"
				    " WHERE s.id = $2), '2026-2027', $3, $4, $5, $6, $7, $8, $9)",
				    "iisssssss", ids[i], staff, "Курстың мақсаты мен міндеттері, күтілетін нәтижелер.",
				    "Тақырыптық жоспардағы бөлімдердің мазмұны.", "Белсенді оқыту әдістері: жоба, зерттеу, ойын.",
				    "Негізгі және қосымша әдебиет, электрондық ресурстар.", approved, protocol, now);
		rc = rc < 0 ? rc : DB_OK;
		if (rc == DB_OK)
			rc = db_run(db,
				    "INSERT INTO elective_reviews (course_id, reviewer_name, reviewed_on, criteria, total,"
				    " comment, created_at) VALUES ($1, 'Әдістемелік бірлестік', '2026-06-10', $2, $3,"
				    " 'Бекітуге ұсынылады', $4)",
				    "isis", ids[i], criteria, (int64_t)CRITERIA_TOTAL, now);
		rc = rc < 0 ? rc : DB_OK;
		if (rc == DB_OK)
			rc = db_copy_begin(db, "elective_plan_rows", "course_id, position, section, topic, hours, form");
		if (rc == DB_OK) {
			for (int k = 0; k < 4 && rc == DB_OK; k++)
				rc = db_copy_row(db, "iissis", ids[i], (int64_t)k + 1, c->plan[k][0], c->plan[k][1],
						 (int64_t)(c->hours * 8), c->plan[k][2]);
			rc = copy_done(db, rc);
		}
	}
	return rc;
}

/* Each student's picks within the grade's hours: two 1-hour courses in 7–9; in 10 IELTS
 * (2 hours) or robotics and the research project; in 11 the research project; in 12 the
 * courses of the grade up to 3 hours. A switcher of 7–9 takes the course skipped in place of
 * the pick whose block hour it can have (see block_hour). */
static void pick_courses(struct student *s, uint64_t seed)
{
	struct rng r;
	draws(&r, seed, 1, (uint64_t)s->id, 0);
	s->pick[0] = s->pick[1] = s->switched = -1;
	s->replaced = 0;
	if (s->grade >= 7 && s->grade <= 9) {
		int skip = (int)rng_below(&r, 3); /* two of olympiad maths, robotics, German */
		int k = 0;
		for (int c = 0; c < 3; c++)
			if (c != skip)
				s->pick[k++] = (signed char)c;
		if (rng_chance(&r, SWITCH_PERMILLE)) {
			s->switched = (signed char)skip;
			/* German keeps the second hour, mathematics the first; robotics replaces
			 * mathematics (its partner German stays in the second hour) */
			s->replaced = skip == 2 ? 1 : 0;
		}
	} else if (s->grade == 10) {
		static const signed char pairs[3][2] = {{3, -1}, {1, 4}, {1, 4}};
		int p = (int)rng_below(&r, 3);
		s->pick[0] = pairs[p][0];
		s->pick[1] = pairs[p][1];
	} else if (s->grade == 11) {
		s->pick[0] = 4;
	} else if (s->grade == 12) {
		s->pick[0] = (signed char)(rng_chance(&r, 500) ? 3 : 4);
		if (rng_chance(&r, 600))
			s->pick[1] = (signed char)(s->pick[0] == 3 ? 4 : 3);
	}
}

/* The first block hour (0-based) of course c for student s, so that the groups of a grade
 * fit its elective block (TT-4: a grade's electives at the same periods, a student in one
 * group an hour): the course's groups are formed per hour. 7–9 (2 hours): mathematics in
 * the first, German in the second, robotics in the one its partner leaves; 10 (2 hours):
 * IELTS in both, robotics first, the research project second; 11 (1 hour): the research
 * project; 12 (3 hours): IELTS first, the research project last. */
static int block_hour(const struct student *s, int c)
{
	int partner = -1; /* the other course: for a switcher the pick kept (never robotics) */
	for (int k = 0; k < 2; k++) {
		int now = s->switched >= 0 && k == s->replaced ? -1 : s->pick[k];
		if (now >= 0 && now != c)
			partner = now;
	}
	switch (c) {
	case 0: return 0;
	case 2: return 1;
	case 1: return s->grade >= 10 ? 0 : partner == 0 ? 1 : 0;
	case 3: return 0;
	default: return s->grade == 10 ? 1 : s->grade == 11 ? 0 : 2;
	}
}

/* The school's studying students of the year's classes, by id. NULL on error. */
static struct student *read_students(struct db *db, int64_t school_id, int64_t year_id, int64_t skip_person, int *n)
{
	struct db_stmt *st = db_prepare(db, "SELECT s.id, s.class_id, c.grade, s.person_id FROM students s JOIN classes c"
					    " ON c.id = s.class_id WHERE s.school_id = $1 AND c.academic_year_id = $2"
					    " AND s.status = 'studying' ORDER BY s.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	size_t cap = 1024, len = 0;
	struct student *out = malloc(cap * sizeof *out);
	int rc;
	while (out && (rc = db_step(st)) == DB_ROW) {
		if (db_col_int64(st, 3) == skip_person)
			continue;
		if (len == cap) {
			struct student *more = realloc(out, (cap *= 2) * sizeof *out);
			if (!more)
				break;
			out = more;
		}
		out[len++] = (struct student){.id = db_col_int64(st, 0), .class_id = db_col_int64(st, 1),
					      .grade = (int)db_col_int64(st, 2)};
	}
	db_done(st);
	if (!out || len == cap || rc != DB_DONE) {
		free(out);
		return NULL;
	}
	*n = (int)len;
	return out;
}

/* The year's study days (those with lessons), with weekday and semester. NULL on error. */
static struct study_day *read_days(struct db *db, int64_t school_id, int64_t year_id, int *n)
{
	struct db_stmt *st = db_prepare(db, "SELECT DISTINCT lesson_date FROM lessons WHERE school_id = $1 AND"
					    " academic_year_id = $2 ORDER BY lesson_date");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	size_t cap = 256, len = 0;
	struct study_day *out = malloc(cap * sizeof *out);
	int rc;
	while (out && (rc = db_step(st)) == DB_ROW) {
		if (len == cap) {
			struct study_day *more = realloc(out, (cap *= 2) * sizeof *out);
			if (!more)
				break;
			out = more;
		}
		struct date d;
		snprintf(out[len].date, DATE_TEXT_SIZE, "%s", db_col_text(st, 0));
		date_parse(out[len].date, &d);
		out[len++].weekday = date_weekday(d);
	}
	db_done(st);
	if (!out || len == cap || rc != DB_DONE) {
		free(out);
		return NULL;
	}
	/* one query for the semester's turn: the first day of semester 2 */
	int turn = (int)len;
	for (size_t i = 0; i < len && turn == (int)len; i++)
		if (elective_semester_of(db, year_id, out[i].date) == 2)
			turn = (int)i;
	for (size_t i = 0; i < len; i++)
		out[i].semester = (int)i < turn ? 1 : 2;
	*n = (int)len;
	return out;
}

/* The members of course c: the students whose pick (or switch) it is, sorted. */
static int course_members(const struct student *st, int n, int c, struct member *out)
{
	int m = 0;
	for (int i = 0; i < n; i++) {
		const struct student *s = &st[i];
		int old = s->switched >= 0 && s->pick[(int)s->replaced] == c;
		int in = s->pick[0] == c || s->pick[1] == c || s->switched == c;
		if (!in)
			continue;
		out[m++] = (struct member){s->id, s->class_id, 0, s->grade, block_hour(s, c),
					   s->switched == c ? SWITCH_DAY : "2026-09-01",
					   old ? SWITCH_DAY : NULL};
	}
	qsort(out, (size_t)m, sizeof *out, member_order);
	return m;
}

static int active_on(const struct member *m, const char *date)
{
	return strcmp(m->joined, date) <= 0 && (!m->left || strcmp(date, m->left) < 0);
}

/* Writes the choices (with the switches) of the students. */
static int write_choices(struct db *db, const struct student *st, int n, const int64_t ids[NCOURSES], int64_t year_id,
			 const char *now, struct demo_elective_counts *out)
{
	int rc = db_copy_begin(db, "elective_choices", "student_id, course_id, academic_year_id, starts_on, ends_on,"
				   " created_at");
	if (rc != DB_OK)
		return rc;
	for (int i = 0; i < n && rc == DB_OK; i++)
		for (int k = 0; k < 2 && rc == DB_OK; k++) {
			if (st[i].pick[k] < 0)
				continue;
			int ends = k == st[i].replaced && st[i].switched >= 0;
			rc = db_copy_row(db, ends ? "iiisss" : "iiisns", st[i].id, ids[st[i].pick[k]], year_id,
					 "2026-09-01", ends ? SWITCH_DAY : now, now);
			out->choices++;
		}
	rc = copy_done(db, rc);
	for (int i = 0; i < n && rc == DB_OK; i++) {
		if (st[i].switched < 0)
			continue;
		rc = db_run(db,
			    "INSERT INTO elective_choices (student_id, course_id, academic_year_id, starts_on, switched_from,"
			    " application_on, applicant, created_at) VALUES ($1, $2, $3, $4, (SELECT id FROM"
			    " elective_choices WHERE student_id = $1 AND course_id = $5), '2026-10-01',"
			    " 'Оқушы және заңды өкілі', $6)",
			    "iiisis", st[i].id, ids[st[i].switched], year_id, SWITCH_DAY, ids[st[i].pick[(int)st[i].replaced]],
			    now);
		rc = rc < 0 ? rc : DB_OK;
		out->switches++;
	}
	return rc;
}

/* A session of a group before today: its study day, plan row, whether it held the test
 * work, the course, and its members' slice of the member list. */
struct session_row {
	int64_t group_id;
	int day, position, test_work, course;
	int mlo, mhi;
};

/* The attendance and the test work of every session, drawn per session and student;
 * `ids` the sessions' ids in the order of `rows`. */
static int write_rolls(struct db *db, const struct session_row *rows, size_t n, const int64_t *ids,
		       const struct member *gm, const struct study_day *days, uint64_t seed,
		       struct demo_elective_counts *out)
{
	static const char *const reasons[] = {"illness", "illness", "illness", "illness", "illness", "illness",
					      "illness", "excused", "excused", "unexcused"};
	int rc = db_copy_begin(db, "elective_attendance", "session_id, student_id, status, reason");
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < n && rc == DB_OK; i++)
		for (int k = rows[i].mlo; k < rows[i].mhi && rc == DB_OK; k++) {
			if (!active_on(&gm[k], days[rows[i].day].date))
				continue;
			struct rng r;
			draws(&r, seed, 2, (uint64_t)ids[i], (uint64_t)gm[k].student_id);
			int roll = (int)rng_below(&r, 1000);
			if (roll < ABSENT_PERMILLE) {
				rc = db_copy_row(db, "iiss", ids[i], gm[k].student_id, "absent", reasons[rng_below(&r, 10)]);
				out->absences++;
			} else if (roll < ABSENT_PERMILLE + LATE_PERMILLE) {
				rc = db_copy_row(db, "iisn", ids[i], gm[k].student_id, "late");
			}
		}
	rc = copy_done(db, rc);
	if (rc == DB_OK)
		rc = db_copy_begin(db, "elective_test_works", "session_id, student_id");
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < n && rc == DB_OK; i++)
		for (int k = rows[i].mlo; rows[i].test_work && k < rows[i].mhi && rc == DB_OK; k++) {
			if (!active_on(&gm[k], days[rows[i].day].date))
				continue;
			struct rng r;
			draws(&r, seed, 2, (uint64_t)ids[i], (uint64_t)gm[k].student_id);
			/* the same first draw as the roll: an absent student did not write it */
			if ((int)rng_below(&r, 1000) >= ABSENT_PERMILLE && rng_chance(&r, 950))
				rc = db_copy_row(db, "ii", ids[i], gm[k].student_id);
		}
	return copy_done(db, rc);
}

/* The groups of course c per grade and block hour (block_hour), and their members and
 * sessions before today, appended to gm and *rows for the copies after. The k-th group of
 * the course in a grade has the course's k-th teacher, so a teacher meets one group of a
 * grade an hour. */
static int write_groups(struct db *db, int c, int64_t course_id, const int64_t *teachers, int nteachers,
			struct member *members, int m,
			struct member *gm, int *ngm, const struct study_day *days, int ndays, const char *today,
			char last_day[3][DATE_TEXT_SIZE], int *gcount, struct session_row **rows, size_t *nrows,
			size_t *cap, struct demo_elective_counts *out)
{
	int rc = DB_OK, in_grade = 0;
	for (int from = 0; from < m && rc == DB_OK;) {
		int grade = members[from].grade, hour = members[from].hour, to = from;
		while (to < m && members[to].grade == grade && members[to].hour == hour)
			to++;
		if (from && members[from - 1].grade != grade)
			in_grade = 0;
		int size = to - from, ngroups = (size + MAX_GROUP - 1) / MAX_GROUP;
		if (courses[c].second_language && size / 12 < ngroups) /* ELE-4: a second language group of 12 */
			ngroups = size / 12;
		for (int g = 0; g < ngroups && rc == DB_OK; g++, in_grade++) {
			int lo = from + g * size / ngroups, hi = from + (g + 1) * size / ngroups;
			char name[16];
			snprintf(name, sizeof name, "%d-%d", grade, in_grade + 1);
			int nth = c * COURSE_TEACHERS + in_grade % COURSE_TEACHERS;
			int64_t teacher = nteachers ? teachers[nth % nteachers] : 0;
			int64_t gid = 0;
			rc = elective_group_insert(db, course_id, name, teacher, &gid);
			if (rc != DB_OK)
				break;
			int mlo = *ngm;
			for (int k = lo; k < hi; k++) {
				gm[*ngm] = members[k];
				gm[(*ngm)++].group_id = gid;
			}
			out->groups++;
			/* weekly on one weekday (Tuesday … Friday), twice a week for a 2-hour course */
			int wd1 = 2 + *gcount % 4, wd2 = courses[c].hours > 1 ? 2 + (*gcount + 2) % 4 : 0;
			(*gcount)++;
			int k = 0, last = -1;
			for (int d = 0; d < ndays && rc == DB_OK && strcmp(days[d].date, today) < 0; d++) {
				if (days[d].weekday != wd1 && days[d].weekday != wd2)
					continue;
				if (*nrows == *cap) {
					*cap = *cap ? *cap * 2 : 512;
					struct session_row *more = realloc(*rows, *cap * sizeof *more);
					if (!more)
						return DB_ERROR;
					*rows = more;
				}
				/* the test work: a semester's last session, once the semester is over */
				int sem = last >= 0 ? days[(*rows)[last].day].semester : 0;
				if (sem && sem != days[d].semester && strcmp(last_day[sem], today) < 0)
					(*rows)[last].test_work = 1;
				(*rows)[*nrows] = (struct session_row){gid, d, k++ % 4 + 1, 0, c, mlo, *ngm};
				last = (int)(*nrows)++;
			}
			if (last >= 0 && strcmp(last_day[days[(*rows)[last].day].semester], today) < 0)
				(*rows)[last].test_work = 1;
		}
		from = to;
	}
	return rc;
}

/* Every group's members, in one copy. */
static int write_members(struct db *db, const struct member *gm, int n)
{
	int rc = db_copy_begin(db, "elective_group_members", "group_id, student_id, joined_on, left_on");
	if (rc != DB_OK)
		return rc;
	for (int k = 0; k < n && rc == DB_OK; k++)
		rc = db_copy_row(db, gm[k].left ? "iiss" : "iisn", gm[k].group_id, gm[k].student_id, gm[k].joined,
				 gm[k].left);
	return copy_done(db, rc);
}

/* The ids of the school's sessions in the order they were written (group, date). */
static int64_t *session_ids(struct db *db, int64_t school_id, size_t n)
{
	int64_t *ids = malloc((n + 1) * sizeof *ids);
	struct db_stmt *st = ids ? db_prepare(db, "SELECT s.id FROM elective_sessions s JOIN elective_groups g ON"
						  " g.id = s.group_id JOIN elective_courses e ON e.id = g.course_id"
						  " WHERE e.school_id = $1 ORDER BY s.group_id, s.session_date")
				 : NULL;
	if (!st) {
		free(ids);
		return NULL;
	}
	db_bind_int64(st, 1, school_id);
	size_t len = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW && len < n)
		ids[len++] = db_col_int64(st, 0);
	db_done(st);
	if (len != n || (rc != DB_DONE && rc != DB_ROW)) {
		free(ids);
		return NULL;
	}
	return ids;
}

/* A few final products (ELE-8) of the students of the courses, recorded before today. */
static int write_products(struct db *db, const struct student *st, int n, const int64_t ids[NCOURSES],
			  uint64_t seed, const char *today, const char *now, struct demo_elective_counts *out)
{
	static const char *const kinds[] = {"prize", "presentation", "product", "talk", "research_report"};
	static const char *const titles[] = {"Облыстық олимпиада жүлдесі", "Жоба таныстырылымы", "Робот моделі",
					     "Мектеп конференциясындағы баяндама", "Зерттеу есебі"};
	int rc = db_copy_begin(db, "elective_products", "course_id, student_id, kind, title, recorded_on, created_at");
	if (rc != DB_OK)
		return rc;
	for (int i = 0; i < n && rc == DB_OK; i++) {
		struct rng r;
		draws(&r, seed, 3, (uint64_t)st[i].id, 0);
		if (st[i].pick[1] < 0 || !rng_chance(&r, PRODUCT_PERMILLE))
			continue;
		int course = st[i].switched >= 0 && st[i].replaced == 1 ? st[i].switched : st[i].pick[1];
		int k = (int)rng_below(&r, 5);
		char on[DATE_TEXT_SIZE];
		snprintf(on, sizeof on, "2026-%02d-%02d", 10 + (int)rng_below(&r, 2), 1 + (int)rng_below(&r, 28));
		if (strcmp(on, today) >= 0)
			continue;
		rc = db_copy_row(db, "iissss", ids[course], st[i].id, kinds[k], titles[k], on, now);
		out->products++;
	}
	return copy_done(db, rc);
}

int demo_electives_school(struct db *db, int64_t school_id, int64_t year_id, uint64_t seed, const char *today,
			  int64_t teacher_person, int64_t skip_person, const char *now,
			  struct demo_elective_counts *out)
{
	/* the ЖОЖ's hours */
	int64_t curriculum = 0;
	int rc = db_query_int64(db, &curriculum, "SELECT id FROM school_curricula WHERE academic_year_id = $1", "i",
				year_id);
	if (rc < 0)
		return rc;
	for (int g = 0; g < 6 && rc == DB_ROW; g++)
		if (elective_limits_put(db, curriculum, 7 + g, elective_hours[g], max_weekly[g]) != DB_OK)
			return DB_ERROR;
	/* the teachers: the demo's teacher first */
	int64_t teachers[NCOURSES * COURSE_TEACHERS] = {0};
	int nteachers = 0;
	struct db_stmt *st = db_prepare(db, "SELECT s.id FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND"
					    " r.role = 'teacher' WHERE s.school_id = $1 ORDER BY s.person_id <> $2, s.id"
					    " LIMIT $3");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, teacher_person);
	db_bind_int64(st, 3, NCOURSES * COURSE_TEACHERS);
	while ((rc = db_step(st)) == DB_ROW)
		teachers[nteachers++] = db_col_int64(st, 0);
	db_done(st);
	if (rc != DB_DONE)
		return rc < 0 ? rc : DB_ERROR;
	int64_t ids[NCOURSES];
	rc = write_courses(db, school_id, year_id, teachers, nteachers, now, ids);
	if (rc != DB_OK)
		return rc;
	out->courses += NCOURSES;

	int n = 0, ndays = 0, ngm = 0, gcount = 0;
	struct student *students = read_students(db, school_id, year_id, skip_person, &n);
	struct study_day *days = students ? read_days(db, school_id, year_id, &ndays) : NULL;
	/* each student is in at most three groups (two picks and a switch) */
	struct member *members = days ? malloc(((size_t)n + 1) * sizeof *members) : NULL;
	struct member *gm = members ? malloc(((size_t)n * 3 + 1) * sizeof *gm) : NULL;
	struct session_row *rows = NULL;
	size_t nrows = 0, cap = 0;
	int64_t *sids = NULL;
	if (!gm) {
		rc = DB_ERROR;
		goto done;
	}
	for (int i = 0; i < n; i++)
		pick_courses(&students[i], seed);
	rc = write_choices(db, students, n, ids, year_id, now, out);
	char last_day[3][DATE_TEXT_SIZE] = {"", "", ""};
	for (int d = 0; d < ndays; d++)
		snprintf(last_day[days[d].semester], DATE_TEXT_SIZE, "%s", days[d].date);
	for (int c = 0; c < NCOURSES && rc == DB_OK; c++) {
		int m = course_members(students, n, c, members);
		rc = write_groups(db, c, ids[c], teachers, nteachers, members, m, gm, &ngm, days, ndays,
				  today, last_day, &gcount, &rows, &nrows, &cap, out);
	}
	if (rc == DB_OK)
		rc = write_members(db, gm, ngm);
	if (rc == DB_OK)
		rc = db_copy_begin(db, "elective_sessions", "group_id, session_date, semester, status, plan_position, topic,"
				   " test_work, updated_at");
	if (rc == DB_OK) {
		for (size_t i = 0; i < nrows && rc == DB_OK; i++) {
			const struct study_day *d = &days[rows[i].day];
			rc = db_copy_row(db, "isisisis", rows[i].group_id, d->date, (int64_t)d->semester, "held",
					 (int64_t)rows[i].position, courses[rows[i].course].plan[rows[i].position - 1][1],
					 (int64_t)rows[i].test_work, now);
		}
		rc = copy_done(db, rc);
	}
	out->sessions += (int)nrows;
	if (rc == DB_OK && nrows && !(sids = session_ids(db, school_id, nrows)))
		rc = DB_ERROR;
	if (rc == DB_OK && nrows)
		rc = write_rolls(db, rows, nrows, sids, gm, days, seed, out);
	if (rc == DB_OK)
		rc = write_products(db, students, n, ids, seed, today, now, out);
done:
	free(sids);
	free(rows);
	free(gm);
	free(members);
	free(days);
	free(students);
	return rc;
}
