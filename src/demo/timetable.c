/* timetable (demo) — bells, rooms and a greedy, clash-free, approved timetable of
 * semester 1 for a demo school, laid over the calendar (see timetable.h). */
#include "demo/timetable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/timetable.h"
#include "store/db_copy.h"
#include "store/timetable.h"
#include "util/array.h"

#define DAYS 5
#define PERIODS 8

/* The bell schedule: starts of the 8 periods (minutes after midnight) and the periods
 * after which a meal falls (a 20-minute break; others are 10 minutes). */
static const int bell_starts[PERIODS] = {8 * 60, 8 * 60 + 50, 9 * 60 + 50, 10 * 60 + 40,
					 11 * 60 + 40, 12 * 60 + 30, 13 * 60 + 20, 14 * 60 + 10};
static const int bell_meal_after[PERIODS] = {0, 1, 0, 1, 0, 0, 0, 0};

enum room_kind { ROOM_HOME, ROOM_PHYSICS, ROOM_CHEMISTRY, ROOM_BIOLOGY, ROOM_INFORMATICS, ROOM_GYM,
		 ROOM_SMALL, ROOM_KINDS };

/* The specialised rooms of every school: kind, how many, name, seats, the subject served. */
static const struct {
	enum room_kind kind;
	int count;
	const char *name;
	int capacity;
	const char *subject;
} special_rooms[] = {
	{ROOM_PHYSICS, 3, "Физика зертханасы", 28, "physics"},
	{ROOM_CHEMISTRY, 2, "Химия зертханасы", 28, "chemistry"},
	{ROOM_BIOLOGY, 2, "Биология зертханасы", 28, "biology"},
	{ROOM_INFORMATICS, 4, "Информатика кабинеті", 16, "informatics"},
	{ROOM_GYM, 4, "Спорт залы", 60, "physical_education"},
	{ROOM_SMALL, 12, "Топтық кабинет", 15, NULL},
};

struct room {
	int64_t id;
	enum room_kind kind;
	unsigned char busy[DAYS]; /* a bit per period */
};

struct klass {
	int64_t id;
	int grade;
	int home;                 /* its home room (index) */
	int hours;                /* weekly hours (a pair of groups counts once) */
	int len[DAYS];            /* the periods its day should have */
	int placed[DAYS];
	unsigned char busy[DAYS];
	size_t first, n;          /* its blocks */
};

/* What is placed at once: a whole-class lesson, one group's, or the two groups of a
 * split subject, each with its teacher. */
struct block {
	size_t k;                 /* the class */
	int n;                    /* 1 or 2 lessons at once */
	int64_t subject, group[2], staff[2];
	int teacher[2];           /* indexes into the teachers */
	enum room_kind kind;      /* the room its subject wants (ROOM_HOME: any) */
	int required;             /* the kind is required (a gym), not only preferred */
	int hours, left;
	int per_day[DAYS];
};

struct teacher {
	int64_t id;
	int left;                 /* hours still to place */
	unsigned char busy[DAYS];
};

/* One placed lesson. */
struct placed {
	size_t block;
	int d, p;
	int room[2];
};

struct plan {
	struct db *db;
	int64_t school, year;
	const char *now;
	struct klass *classes;
	size_t nclasses;
	struct block *blocks;
	size_t nblocks;
	struct teacher *teachers;
	size_t nteachers;
	struct room *rooms;
	size_t nrooms;
	struct placed *placed;
	size_t nplaced, cap_placed;
	char *error;
};

static void plan_release(struct plan *pl)
{
	free(pl->classes);
	free(pl->blocks);
	free(pl->teachers);
	free(pl->rooms);
	free(pl->placed);
}

static enum room_kind kind_of(const char *code, int *required)
{
	*required = 0;
	for (size_t i = 0; code && i < sizeof special_rooms / sizeof special_rooms[0]; i++) {
		if (special_rooms[i].subject && strcmp(special_rooms[i].subject, code) == 0) {
			*required = special_rooms[i].kind == ROOM_GYM;
			return special_rooms[i].kind;
		}
	}
	return ROOM_HOME;
}

static int teacher_index(const struct plan *pl, int64_t id)
{
	size_t lo = 0, hi = pl->nteachers;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (pl->teachers[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < pl->nteachers && pl->teachers[lo].id == id ? (int)lo : -1;
}

static int cmp_teacher(const void *a, const void *b)
{
	int64_t x = ((const struct teacher *)a)->id, y = ((const struct teacher *)b)->id;
	return (x > y) - (x < y);
}

/* Reads the classes and the teachers of the load. */
static int read_classes(struct plan *pl)
{
	size_t cap = 0;
	struct db_stmt *st = db_prepare(pl->db, "SELECT id, grade FROM classes WHERE school_id = $1 AND"
						" academic_year_id = $2 ORDER BY grade, letter, id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, pl->school);
	db_bind_int64(st, 2, pl->year);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (array_grow((void **)&pl->classes, &cap, pl->nclasses, sizeof *pl->classes) != 0) {
			rc = DB_ERROR;
			break;
		}
		struct klass *c = &pl->classes[pl->nclasses++];
		memset(c, 0, sizeof *c);
		c->id = db_col_int64(st, 0);
		c->grade = (int)db_col_int64(st, 1);
	}
	db_done(st);
	if (rc != DB_DONE)
		return rc < 0 ? rc : DB_ERROR;
	cap = 0;
	st = db_prepare(pl->db, "SELECT DISTINCT staff_id FROM load_assignments WHERE academic_year_id = $1");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, pl->year);
	while ((rc = db_step(st)) == DB_ROW) {
		if (array_grow((void **)&pl->teachers, &cap, pl->nteachers, sizeof *pl->teachers) != 0) {
			rc = DB_ERROR;
			break;
		}
		memset(&pl->teachers[pl->nteachers], 0, sizeof *pl->teachers);
		pl->teachers[pl->nteachers++].id = db_col_int64(st, 0);
	}
	db_done(st);
	if (rc != DB_DONE)
		return rc < 0 ? rc : DB_ERROR;
	if (pl->nteachers)
		qsort(pl->teachers, pl->nteachers, sizeof *pl->teachers, cmp_teacher);
	return DB_OK;
}

/* Adds a block of class k; NULL when memory runs out. */
static struct block *add_block(struct plan *pl, size_t *cap, size_t k, int64_t subject, const char *code, int hours)
{
	if (array_grow((void **)&pl->blocks, cap, pl->nblocks, sizeof *pl->blocks) != 0)
		return NULL;
	struct block *b = &pl->blocks[pl->nblocks++];
	memset(b, 0, sizeof *b);
	b->k = k;
	b->subject = subject;
	b->kind = kind_of(code, &b->required);
	b->hours = b->left = hours;
	return b;
}

/* One row of the load, as read. */
struct load_row {
	int64_t class_id, group_id, subject_id, staff_id;
	int hours;
	char code[40];
};

/* Adds the block(s) of the rows of one class and subject: the two groups together when
 * they have different teachers and the same hours, else one block each. */
static int add_blocks(struct plan *pl, size_t *cap, size_t k, const struct load_row *r, size_t n)
{
	int pair = n == 2 && r[0].group_id && r[1].group_id && r[0].staff_id != r[1].staff_id &&
		   r[0].hours == r[1].hours;
	for (size_t i = 0; i < n; i++) {
		struct block *b = add_block(pl, cap, k, r[i].subject_id, r[i].code, r[i].hours);
		if (!b)
			return DB_ERROR;
		b->n = pair ? 2 : 1;
		for (int j = 0; j < b->n; j++) {
			b->group[j] = r[i + (size_t)j].group_id;
			b->staff[j] = r[i + (size_t)j].staff_id;
			b->teacher[j] = teacher_index(pl, b->staff[j]);
			if (b->teacher[j] < 0)
				return DB_ERROR;
			pl->teachers[b->teacher[j]].left += b->hours;
		}
		if (pair)
			break;
	}
	return DB_OK;
}

/* Reads the load (by class, subject, group name) into blocks. */
static int read_load(struct plan *pl)
{
	struct db_stmt *st = db_prepare(pl->db,
		"SELECT a.class_id, COALESCE(a.group_id, 0), a.subject_id, a.staff_id, a.hours, s.code"
		" FROM load_assignments a JOIN subjects s ON s.id = a.subject_id"
		" LEFT JOIN class_groups g ON g.id = a.group_id WHERE a.academic_year_id = $1"
		" ORDER BY a.class_id, a.subject_id, g.name, a.id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, pl->year);
	struct load_row rows[8];
	size_t n = 0, cap = 0, k;
	int rc = DB_OK, step;
	while (rc == DB_OK) {
		step = db_step(st);
		struct load_row r = {0};
		if (step == DB_ROW) {
			r.class_id = db_col_int64(st, 0);
			r.group_id = db_col_int64(st, 1);
			r.subject_id = db_col_int64(st, 2);
			r.staff_id = db_col_int64(st, 3);
			r.hours = (int)db_col_int64(st, 4);
			snprintf(r.code, sizeof r.code, "%s", db_col_text(st, 5));
		}
		/* a new class-subject (or the end): the rows so far make their blocks */
		if (n && (step != DB_ROW || r.class_id != rows[0].class_id || r.subject_id != rows[0].subject_id ||
			  n == sizeof rows / sizeof rows[0])) {
			for (k = 0; k < pl->nclasses && pl->classes[k].id != rows[0].class_id; k++)
				;
			if (k < pl->nclasses) /* else not a class of the school's year: skipped */
				rc = add_blocks(pl, &cap, k, rows, n);
			n = 0;
		}
		if (step != DB_ROW) {
			if (step != DB_DONE)
				rc = step < 0 ? step : DB_ERROR;
			break;
		}
		rows[n++] = r;
	}
	db_done(st);
	if (rc != DB_OK)
		return rc;
	/* each class's blocks are contiguous (the rows come by class) */
	for (size_t b = 0; b < pl->nblocks; b++) {
		struct klass *c = &pl->classes[pl->blocks[b].k];
		if (!c->n)
			c->first = b;
		c->n++;
		c->hours += pl->blocks[b].hours;
	}
	for (size_t i = 0; i < pl->nclasses; i++) {
		struct klass *c = &pl->classes[i];
		for (int d = 0; d < DAYS; d++)
			c->len[d] = c->hours / DAYS + (d < c->hours % DAYS);
		if (c->len[0] > PERIODS) {
			snprintf(pl->error, 256, "class %lld has %d weekly hours, more than %d periods a day allow",
				 (long long)c->id, c->hours, PERIODS);
			return DB_ERROR;
		}
	}
	return DB_OK;
}

/* A free room of `kind` at (d, p) other than room `except`, or -1. */
static int free_room(const struct plan *pl, enum room_kind kind, int d, int p, int except)
{
	for (size_t r = 0; r < pl->nrooms; r++)
		if (pl->rooms[r].kind == kind && (int)r != except && !(pl->rooms[r].busy[d] & (1u << p)))
			return (int)r;
	return -1;
}

/* The rooms block b would take at (d, p): its kind's if free, else the class's home
 * room (group 1 or the class) or a small room (group 2). 0, or -1 when none fits. */
static int rooms_for(const struct plan *pl, const struct block *b, int d, int p, int room[2])
{
	const struct klass *c = &pl->classes[b->k];
	room[0] = room[1] = -1;
	for (int j = 0; j < b->n; j++) {
		int r = b->kind != ROOM_HOME ? free_room(pl, b->kind, d, p, room[0]) : -1;
		if (r < 0 && b->required)
			return -1;
		if (r < 0)
			r = j == 0 ? c->home : free_room(pl, ROOM_SMALL, d, p, -1);
		if (r < 0)
			return -1;
		room[j] = r;
	}
	return 0;
}

static int teachers_free(const struct plan *pl, const struct block *b, int d, int p)
{
	for (int j = 0; j < b->n; j++)
		if (pl->teachers[b->teacher[j]].busy[d] & (1u << p))
			return 0;
	return 1;
}

/* At most once a day, twice for a subject of 6 or more hours (strict), or any number. */
static int day_allows(const struct block *b, int d, int strict)
{
	if (!strict)
		return 1;
	return b->per_day[d] < (b->hours >= 6 ? 2 : 1);
}

static int place(struct plan *pl, size_t bi, int d, int p, const int room[2])
{
	if (array_grow((void **)&pl->placed, &pl->cap_placed, pl->nplaced, sizeof *pl->placed) != 0)
		return -1;
	struct block *b = &pl->blocks[bi];
	struct klass *c = &pl->classes[b->k];
	pl->placed[pl->nplaced++] = (struct placed){bi, d, p, {room[0], b->n > 1 ? room[1] : -1}};
	b->left--;
	b->per_day[d]++;
	c->placed[d]++;
	c->busy[d] |= (unsigned char)(1u << p);
	for (int j = 0; j < b->n; j++) {
		pl->teachers[b->teacher[j]].busy[d] |= (unsigned char)(1u << p);
		pl->teachers[b->teacher[j]].left--;
		pl->rooms[room[j]].busy[d] |= (unsigned char)(1u << p);
	}
	return 0;
}

/* The block of class k most worth placing at (d, p), with its rooms, or -1. */
static long pick(const struct plan *pl, size_t k, int d, int p, int strict, int room[2])
{
	const struct klass *c = &pl->classes[k];
	long best = -1, best_score = 0;
	for (size_t i = c->first; i < c->first + c->n; i++) {
		const struct block *b = &pl->blocks[i];
		int r[2];
		if (b->left <= 0 || !day_allows(b, d, strict) || !teachers_free(pl, b, d, p) ||
		    rooms_for(pl, b, d, p, r) != 0)
			continue;
		/* the most behind first: hours left per day left, then a pair, then busy teachers */
		long score = (long)b->left * 100 / (DAYS - d) + (b->per_day[d] ? 0 : 50) + (b->n == 2 ? 30 : 0);
		for (int j = 0; j < b->n; j++)
			score += pl->teachers[b->teacher[j]].left;
		if (best < 0 || score > best_score) {
			best = (long)i;
			best_score = score;
			room[0] = r[0];
			room[1] = b->n > 1 ? r[1] : -1;
		}
	}
	return best;
}

/* The greedy: periods in order, each class filling its day's share. */
static int place_all(struct plan *pl)
{
	size_t nc = pl->nclasses;
	for (int d = 0; d < DAYS; d++) {
		for (int p = 0; p < PERIODS; p++) {
			for (size_t i = 0; i < nc; i++) {
				size_t k = (i + (size_t)(d * 7 + p * 3)) % nc;
				struct klass *c = &pl->classes[k];
				int room[2];
				if (c->placed[d] >= c->len[d] || (c->busy[d] & (1u << p)))
					continue;
				long b = pick(pl, k, d, p, 1, room);
				if (b >= 0 && place(pl, (size_t)b, d, p, room) != 0)
					return DB_ERROR;
			}
		}
	}
	/* what is left: any free slot of the class, first keeping one a day, then not */
	int unplaced = 0;
	for (size_t bi = 0; bi < pl->nblocks; bi++) {
		struct block *b = &pl->blocks[bi];
		struct klass *c = &pl->classes[b->k];
		for (int strict = 1; strict >= 0 && b->left > 0; strict--) {
			for (int d = 0; d < DAYS && b->left > 0; d++) {
				for (int p = 0; p < PERIODS && b->left > 0; p++) {
					int room[2];
					if ((c->busy[d] & (1u << p)) || !day_allows(b, d, strict) ||
					    !teachers_free(pl, b, d, p) || rooms_for(pl, b, d, p, room) != 0)
						continue;
					if (place(pl, bi, d, p, room) != 0)
						return DB_ERROR;
				}
			}
		}
		unplaced += b->left;
	}
	if (unplaced) {
		snprintf(pl->error, 256, "the greedy timetable left %d hours unplaced in school %lld", unplaced,
			 (long long)pl->school);
		return DB_ERROR;
	}
	return DB_OK;
}

/* Writes the bell schedule and the rooms (their ids into pl->rooms). */
static int write_bells_rooms(struct plan *pl, struct demo_timetable_counts *counts)
{
	int rc = db_run(pl->db, "INSERT INTO bell_schedules (school_id, lesson_minutes, saturday, updated_at)"
				" VALUES ($1, 40, 0, $2)", "is", pl->school, pl->now);
	for (int p = 0; p < PERIODS && rc >= 0; p++) {
		char a[6], b[6];
		tt_format_hhmm(bell_starts[p], a);
		tt_format_hhmm(bell_starts[p] + TT_LESSON_MINUTES, b);
		rc = db_run(pl->db, "INSERT INTO bell_periods (school_id, number, starts_at, ends_at, meal_after)"
				    " VALUES ($1, $2, $3, $4, $5)", "iissi", pl->school, (int64_t)p + 1, a, b,
			    (int64_t)bell_meal_after[p]);
	}
	size_t nspecial = 0;
	for (size_t i = 0; i < sizeof special_rooms / sizeof special_rooms[0]; i++)
		nspecial += (size_t)special_rooms[i].count;
	pl->rooms = calloc(pl->nclasses + nspecial, sizeof *pl->rooms);
	if (!pl->rooms)
		return DB_ERROR;
	/* home rooms: floor by grade (7 → 2nd), door by letter: 201, 202, … */
	int last_grade = 0, door = 0;
	for (size_t k = 0; k < pl->nclasses && rc >= 0; k++) {
		struct klass *c = &pl->classes[k];
		door = c->grade == last_grade ? door + 1 : 1;
		last_grade = c->grade;
		char name[32];
		snprintf(name, sizeof name, "%d%02d", c->grade - 5, door);
		c->home = (int)pl->nrooms;
		pl->rooms[pl->nrooms].kind = ROOM_HOME;
		rc = db_query_int64(pl->db, &pl->rooms[pl->nrooms++].id,
				    "INSERT INTO rooms (school_id, name, capacity, created_at, updated_at)"
				    " VALUES ($1, $2, 30, $3, $3) RETURNING id", "iss", pl->school, name, pl->now);
	}
	for (size_t i = 0; i < sizeof special_rooms / sizeof special_rooms[0] && rc >= 0; i++) {
		for (int n = 1; n <= special_rooms[i].count && rc >= 0; n++) {
			char name[64];
			snprintf(name, sizeof name, "%s %d", special_rooms[i].name, n);
			struct room *r = &pl->rooms[pl->nrooms++];
			r->kind = special_rooms[i].kind;
			rc = db_query_int64(pl->db, &r->id, "INSERT INTO rooms (school_id, name, capacity, created_at,"
							    " updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id",
					    "isis", pl->school, name, (int64_t)special_rooms[i].capacity, pl->now);
			if (rc >= 0 && special_rooms[i].subject)
				rc = db_run(pl->db, "INSERT INTO room_subjects (room_id, subject_id)"
						    " SELECT $1, id FROM subjects WHERE code = $2",
					    "is", r->id, special_rooms[i].subject);
		}
	}
	counts->rooms += (int)pl->nrooms;
	return rc < 0 ? rc : DB_OK;
}

/* The placed lessons as core entries (one per group of a pair). */
static struct tt_entry *entries_of(const struct plan *pl, size_t *n)
{
	struct tt_entry *e = calloc(2 * pl->nplaced + 1, sizeof *e);
	*n = 0;
	for (size_t i = 0; e && i < pl->nplaced; i++) {
		const struct placed *x = &pl->placed[i];
		const struct block *b = &pl->blocks[x->block];
		for (int j = 0; j < b->n; j++)
			e[(*n)++] = (struct tt_entry){
				.weekday = x->d + 1, .period = x->p + 1, .class_id = pl->classes[b->k].id,
				.group_id = b->group[j], .subject_id = b->subject, .staff_id = b->staff[j],
				.room_id = pl->rooms[x->room[j]].id, .grade = pl->classes[b->k].grade,
			};
	}
	return e;
}

/* Checks the entries with the rules (TT-1) and writes the approved version and them. */
static int write_timetable(struct plan *pl, const struct tt_entry *e, size_t n, int64_t *tt)
{
	struct tt_group_pair *overlap = NULL;
	size_t noverlap = 0;
	int rc = timetable_group_overlaps(pl->db, pl->year, &overlap, &noverlap);
	size_t clashes = rc == DB_OK ? tt_check_clashes(e, n, overlap, noverlap, NULL, 0) : 0;
	free(overlap);
	if (rc != DB_OK)
		return rc;
	if (clashes) {
		snprintf(pl->error, 256, "the greedy timetable of school %lld has %zu clashes", (long long)pl->school,
			 clashes);
		return DB_ERROR;
	}
	rc = db_query_int64(pl->db, tt,
		"INSERT INTO timetables (school_id, academic_year_id, semester, number, status, created_at,"
		" updated_at, approved_at, committee_date, committee_note) VALUES ($1, $2, 1, 1, 'approved', $3, $3,"
		" $4, $5, $6) RETURNING id", "iissss", pl->school, pl->year, pl->now, DEMO_TIMETABLE_APPROVED,
		DEMO_COMMITTEE_DATE, "Ата-аналар комитетінің отырысы, хаттама № 1");
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	rc = db_copy_begin(pl->db, "timetable_entries",
			   "timetable_id, weekday, period, class_id, group_id, subject_id, staff_id, room_id, locked");
	for (size_t i = 0; i < n && rc == DB_OK; i++) {
		const struct tt_entry *x = &e[i];
		rc = x->group_id
			? db_copy_row(pl->db, "iiiiiiiii", *tt, (int64_t)x->weekday, (int64_t)x->period, x->class_id,
				      x->group_id, x->subject_id, x->staff_id, x->room_id, (int64_t)0)
			: db_copy_row(pl->db, "iiiiniiii", *tt, (int64_t)x->weekday, (int64_t)x->period, x->class_id,
				      x->subject_id, x->staff_id, x->room_id, (int64_t)0);
	}
	int end = db_copy_end(pl->db);
	return rc != DB_OK ? rc : end;
}

int demo_timetable_school(struct db *db, int64_t school_id, int64_t year_id, const char *now,
			  struct demo_timetable_counts *counts, char error[256])
{
	struct plan pl;
	memset(&pl, 0, sizeof pl);
	pl.db = db;
	pl.school = school_id;
	pl.year = year_id;
	pl.now = now;
	pl.error = error;
	int rc = read_classes(&pl);
	if (rc == DB_OK)
		rc = read_load(&pl);
	if (rc == DB_OK)
		rc = write_bells_rooms(&pl, counts);
	if (rc == DB_OK)
		rc = place_all(&pl);
	size_t n = 0;
	struct tt_entry *e = rc == DB_OK ? entries_of(&pl, &n) : NULL;
	int64_t tt = 0;
	if (rc == DB_OK)
		rc = e ? write_timetable(&pl, e, n, &tt) : DB_ERROR;
	free(e);
	struct timetable_lay_result lay;
	if (rc == DB_OK && (rc = timetable_lay(db, tt, NULL, &lay)) != LAY_OK && rc > 0) {
		snprintf(error, 256, "cannot lay the timetable of school %lld (%d)", (long long)school_id, rc);
		rc = DB_ERROR;
	}
	if (rc == DB_OK) {
		counts->entries += (int)n;
		counts->lessons += (int)lay.inserted;
	}
	plan_release(&pl);
	return rc;
}
