/* clubs (demo) — a demo school's clubs, members, certificates, journal, checks, results
 * and survey (see clubs.h). */
#include "demo/clubs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "demo/rng.h"
#include "store/db_copy.h"

#define NCLUBS 4
#define MEMBERS 14
#define ABSENT_PERMILLE 50

struct club_def {
	const char *kk, *ru, *en, *direction, *sport;
	int wd[2];
	const char *starts_at, *ends_at, *room;
	const char *topics[4];
};

/* Sessions start after the demo's last bell (14:50): CLB-5. Two academic hours each. */
static const struct club_def clubs[NCLUBS] = {
	{"Робототехника", "Робототехника", "Robotics", "technology", NULL, {1, 3}, "15:30", "16:50", "204",
	 {"LEGO Spike: датчиктер", "Қозғалтқыштар мен беріліс", "Сызық бойымен жүретін робот", "Роботтар жарысы"}},
	{"Шахмат", "Шахматы", "Chess", "science", NULL, {2, 4}, "15:10", "16:30", "112",
	 {"Дебют негіздері", "Тактикалық тәсілдер", "Эндшпиль", "Мектеп турнирі"}},
	{"Домбыра", "Домбра", "Dombra", "art", NULL, {2, 5}, "15:30", "16:50", "Акт залы",
	 {"Күй тарихы", "Құрманғазы күйлері", "Дәулеткерей күйлері", "Есептік концерт"}},
	{"Волейбол секциясы", "Секция волейбола", "Volleyball section", "sport", "volleyball", {1, 4}, "16:00",
	 "17:20", "Спорт зал",
	 {"Жалпы дене дайындығы", "Доп беру және қабылдау", "Шабуыл соққысы", "Мектепаралық жарыс"}},
};

static const char *const levels[] = {"school", "network", "regional", "republican", "international"};
static const char *const reasons[] = {"ill", "ill", "excused", "unexcused"};

/* The int64 column 0 of a query whose only parameter is the school, into a malloc'd
 * array (*n). NULL on error. */
static int64_t *read_ids(struct db *db, const char *sql, int64_t school_id, int *n)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	size_t cap = 64, len = 0;
	int64_t *out = malloc(cap * sizeof *out);
	int rc;
	while (out && (rc = db_step(st)) == DB_ROW) {
		if (len == cap) {
			int64_t *more = realloc(out, (cap *= 2) * sizeof *out);
			if (!more) {
				free(out);
				out = NULL;
				break;
			}
			out = more;
		}
		out[len++] = db_col_int64(st, 0);
	}
	db_done(st);
	if (!out || rc != DB_DONE) {
		free(out);
		return NULL;
	}
	*n = (int)len;
	return out;
}

struct quarter {
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
};

/* The year's four quarters; DB_OK or a negative rc (a year without them has none). */
static int read_quarters(struct db *db, int64_t year_id, struct quarter q[4])
{
	memset(q, 0, 4 * sizeof *q);
	struct db_stmt *st = db_prepare(db, "SELECT term_no, starts_on, ends_on FROM year_terms WHERE academic_year_id = $1"
					    " AND term_no BETWEEN 1 AND 4");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, year_id);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int k = (int)db_col_int64(st, 0) - 1;
		snprintf(q[k].from, DATE_TEXT_SIZE, "%s", db_col_text(st, 1));
		snprintf(q[k].to, DATE_TEXT_SIZE, "%s", db_col_text(st, 2));
	}
	db_done(st);
	return rc == DB_DONE ? DB_OK : rc;
}

/* The quarter (0..3) of a day, -1 in a holiday or outside the year. */
static int quarter_of(const struct quarter q[4], const char *day)
{
	for (int k = 0; k < 4; k++)
		if (q[k].from[0] && strcmp(q[k].from, day) <= 0 && strcmp(day, q[k].to) <= 0)
			return k;
	return -1;
}

static int copy_done(struct db *db, int rc)
{
	int end = db_copy_end(db);
	return rc != DB_OK ? rc : end;
}

struct member {
	int64_t student_id;
	char joined[DATE_TEXT_SIZE];
	const char *left; /* NULL while a member */
	int ill;
};

/* A club: its row, programme and schedule (both approved). *id_out its id. */
static int write_club(struct db *db, const struct club_def *c, int64_t school_id, int64_t year_id, int64_t leader,
		      struct date start, const char *now, int64_t *id_out)
{
	char prog_on[DATE_TEXT_SIZE], sched_on[DATE_TEXT_SIZE];
	date_format(date_add_days(start, 2), prog_on);
	date_format(date_add_days(start, 3), sched_on);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO clubs (school_id, academic_year_id, title_kk, title_ru, title_en, direction,"
				" sports, sport, leader_id, weekly_hours, programme_approved_on, schedule_approved_on,"
				" created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 4, $10, $11, $12, $12)"
				" RETURNING id",
				"iissssisisss", school_id, year_id, c->kk, c->ru, c->en,
				c->direction, (int64_t)(c->sport != NULL), c->sport, leader, prog_on, sched_on, now);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	static const int hours[4] = {30, 32, 36, 32}; /* 4 hours a week over the quarter's weeks */
	for (int k = 0; k < 4 && rc >= 0; k++)
		rc = db_run(db,
			    "INSERT INTO club_programme_rows (club_id, position, quarter, topic, hours)"
			    " VALUES ($1, $2, $3, $4, $5)",
			    "iiisi", *id_out, (int64_t)k + 1, (int64_t)k + 1, c->topics[k], (int64_t)hours[k]);
	for (int k = 0; k < 2 && rc >= 0; k++)
		rc = db_run(db,
			    "INSERT INTO club_schedule (club_id, position, weekday, starts_at, ends_at, room)"
			    " VALUES ($1, $2, $3, $4, $5, $6)",
			    "iiisss", *id_out, (int64_t)k + 1, (int64_t)c->wd[k], c->starts_at, c->ends_at, c->room);
	return rc < 0 ? rc : DB_OK;
}

/* MEMBERS distinct students of the pool, with the join day and the one who left (the
 * first) and the one ill (the second); `own` (the demo's student, 0 for none) is the
 * fourth. Writes them. */
static int write_members(struct db *db, int64_t club_id, const int64_t *pool, int npool, struct rng *r,
			 struct date start, const char *left_on, int64_t own, const char *now, struct member *m,
			 int *nm)
{
	*nm = 0;
	for (int tries = 0; *nm < MEMBERS && *nm < npool && tries < 10 * MEMBERS; tries++) {
		int64_t id = pool[rng_below(r, (uint32_t)npool)];
		int dup = 0;
		for (int k = 0; k < *nm; k++)
			dup |= m[k].student_id == id;
		if (dup)
			continue;
		struct member *x = &m[(*nm)++];
		x->student_id = id;
		date_format(date_add_days(start, 6 + (int)rng_below(r, 10)), x->joined);
		x->left = *nm == 1 ? left_on : NULL;
		x->ill = *nm == 2;
	}
	for (int k = 0; own && k < *nm; k++)
		if (m[k].student_id == own)
			own = 0;
	if (own && *nm > 3)
		m[3].student_id = own;
	int rc = db_copy_begin(db, "club_members", "club_id, student_id, joined_on, left_on, status, status_note, created_at");
	if (rc != DB_OK)
		return rc;
	for (int k = 0; k < *nm && rc == DB_OK; k++)
		rc = db_copy_row(db, "iisssss", club_id, m[k].student_id, m[k].joined, m[k].left,
				 m[k].ill ? "ill" : "active", m[k].ill ? "Тұмау, дәрігердің анықтамасы бар" : NULL, now);
	return copy_done(db, rc);
}

/* The club's sessions on its weekdays of the study days before today, with absences. */
static int write_journal(struct db *db, int64_t club_id, const struct club_def *c, const struct member *m, int nm,
			 char (*days)[DATE_TEXT_SIZE], int ndays, const struct quarter q[4], struct rng *r,
			 const char *now)
{
	int64_t *ids = malloc((size_t)(ndays + 1) * sizeof *ids);
	int *day_of = malloc((size_t)(ndays + 1) * sizeof *day_of);
	int n = 0, rc = ids && day_of ? DB_OK : DB_ERROR;
	for (int d = 0; d < ndays && rc == DB_OK; d++) {
		struct date day;
		date_parse(days[d], &day);
		int wd = date_weekday(day), k = quarter_of(q, days[d]);
		if ((wd != c->wd[0] && wd != c->wd[1]) || k < 0)
			continue;
		int got = db_query_int64(db, &ids[n],
					 "INSERT INTO club_sessions (club_id, session_date, content, hours, created_at)"
					 " VALUES ($1, $2, $3, 2, $4) RETURNING id",
					 "isss", club_id, days[d], c->topics[k], now);
		rc = got == DB_ROW ? DB_OK : got < 0 ? got : DB_ERROR;
		day_of[n++] = d;
	}
	int copying = rc == DB_OK && n;
	if (copying && (rc = db_copy_begin(db, "club_absences", "session_id, student_id, reason")) != DB_OK)
		copying = 0;
	for (int i = 0; i < n && copying && rc == DB_OK; i++) {
		const char *day = days[day_of[i]];
		int recent = day_of[i] >= ndays - 6; /* the ill member is away the last days */
		for (int k = 0; k < nm && rc == DB_OK; k++) {
			if (strcmp(m[k].joined, day) > 0 || (m[k].left && strcmp(m[k].left, day) < 0))
				continue;
			if (m[k].ill && recent)
				rc = db_copy_row(db, "iis", ids[i], m[k].student_id, "ill");
			else if (rng_below(r, 1000) < ABSENT_PERMILLE)
				rc = db_copy_row(db, "iis", ids[i], m[k].student_id, reasons[rng_below(r, 4)]);
		}
	}
	if (copying)
		rc = copy_done(db, rc);
	free(ids);
	free(day_of);
	return rc;
}

/* The checks of the quarters over (all clubs but the last), results and the survey. */
static int write_after(struct db *db, const int64_t *club_ids, struct member (*m)[MEMBERS], const int *nm,
		       const struct quarter q[4], const char *today, struct rng *r, const char *now)
{
	int rc = DB_OK;
	for (int k = 0; k < 4 && rc >= 0; k++)
		for (int c = 0; c + 1 < NCLUBS && q[k].to[0] && strcmp(q[k].to, today) < 0 && rc >= 0; c++)
			rc = db_run(db,
				    "INSERT INTO club_checks (club_id, quarter, checked_on, note, created_at)"
				    " VALUES ($1, $2, $3, $4, $5)",
				    "iisss", club_ids[c], (int64_t)k + 1, q[k].to, "Журнал уақытында толтырылған", now);
	if (rc < 0)
		return rc;
	rc = db_copy_begin(db, "club_results", "club_id, student_id, kind, title, level, award, result_date, created_at");
	if (rc != DB_OK)
		return rc;
	static const char *const kinds[NCLUBS] = {"contest", "contest", "product", "sport_event"};
	static const char *const titles[NCLUBS] = {"FIRST LEGO League", "Мектеп шахмат турнирі", "Күй кеші",
						  "Мектепаралық волейбол жарысы"};
	static const char *const awards[] = {"1-орын", "2-орын", "3-орын", NULL};
	for (int c = 0; c < NCLUBS && rc == DB_OK; c++)
		for (int k = 2; k < 5 && k < nm[c] && rc == DB_OK; k++) {
			char on[DATE_TEXT_SIZE];
			snprintf(on, sizeof on, "%s", q[1].from[0] && strcmp(q[1].from, today) < 0 ? q[1].from : q[0].to);
			rc = db_copy_row(db, "iissssss", club_ids[c], m[c][k].student_id, kinds[c], titles[c],
					 levels[rng_below(r, 5)], awards[rng_below(r, 4)], on, now);
		}
	rc = copy_done(db, rc);
	if (rc != DB_OK)
		return rc;
	rc = db_copy_begin(db, "club_survey_answers", "club_id, student_id, respondent, answered_on, satisfaction, comment,"
						       " created_at");
	if (rc != DB_OK)
		return rc;
	for (int c = 0; c < NCLUBS && rc == DB_OK; c++)
		for (int k = 0; k < nm[c] && rc == DB_OK; k += 2) {
			if (m[c][k].left)
				continue;
			rc = db_copy_row(db, "iississ", club_ids[c], m[c][k].student_id, "student", q[0].to,
					 (int64_t)rng_range(r, 3, 5), k == 0 ? "Үйірме ұнайды" : NULL, now);
			if (rc == DB_OK)
				rc = db_copy_row(db, "iississ", club_ids[c], m[c][k].student_id, "representative",
						 q[0].to, (int64_t)rng_range(r, 3, 5), NULL, now);
		}
	return copy_done(db, rc);
}

int demo_clubs_school(struct db *db, int64_t school_id, int64_t year_id, uint64_t seed, const char *today,
		      int64_t student_person, const char *now)
{
	struct rng r;
	rng_seed(&r, seed ^ (uint64_t)school_id * 0x9e3779b97f4a7c15ULL ^ 0xc1ab5ULL);
	struct quarter q[4];
	int rc = read_quarters(db, year_id, q);
	struct date start;
	if (rc != DB_OK || date_parse(q[0].from, &start) != 0)
		return rc; /* a year without quarters: no clubs */
	int nleaders = 0, npool = 0, ndays = 0;
	int64_t *leaders = read_ids(db,
				    "SELECT s.id FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND"
				    " r.role = 'club_leader' WHERE s.school_id = $1 ORDER BY s.id",
				    school_id, &nleaders);
	int64_t *pool = leaders ? read_ids(db,
					   "SELECT s.id FROM students s JOIN classes c ON c.id = s.class_id WHERE"
					   " s.school_id = $1 AND s.status = 'studying' AND c.grade BETWEEN 5 AND 11"
					   " ORDER BY s.id",
					   school_id, &npool)
				: NULL;
	if (!pool || !nleaders) {
		free(leaders);
		free(pool);
		return pool ? DB_OK : DB_ERROR; /* a school without club leaders has no clubs */
	}
	/* the study days before today (those with lessons) */
	char (*days)[DATE_TEXT_SIZE] = NULL;
	if (today[0]) {
		struct db_stmt *st = db_prepare(db, "SELECT DISTINCT lesson_date FROM lessons WHERE school_id = $1 AND"
						    " academic_year_id = $2 AND lesson_date < $3 ORDER BY lesson_date");
		days = st ? malloc(400 * sizeof *days) : NULL;
		if (!days) {
			db_done(st);
			free(leaders);
			free(pool);
			return DB_ERROR;
		}
		db_bind_int64(st, 1, school_id);
		db_bind_int64(st, 2, year_id);
		db_bind_text(st, 3, today);
		while (ndays < 400 && (rc = db_step(st)) == DB_ROW)
			snprintf(days[ndays++], DATE_TEXT_SIZE, "%s", db_col_text(st, 0));
		db_done(st);
		rc = rc < 0 ? rc : DB_OK;
	}
	char left_on[DATE_TEXT_SIZE];
	snprintf(left_on, sizeof left_on, "%s", q[0].to);
	int64_t own = 0;
	if (rc == DB_OK && student_person) {
		int got = db_query_int64(db, &own, "SELECT id FROM students WHERE person_id = $1 AND school_id = $2", "ii",
					 student_person, school_id);
		rc = got < 0 ? got : DB_OK;
	}
	int64_t club_ids[NCLUBS] = {0};
	struct member m[NCLUBS][MEMBERS];
	int nm[NCLUBS] = {0};
	for (int c = 0; c < NCLUBS && rc == DB_OK; c++) {
		rc = write_club(db, &clubs[c], school_id, year_id, leaders[c % nleaders], start, now,
				&club_ids[c]);
		if (rc == DB_OK)
			rc = write_members(db, club_ids[c], pool, npool, &r, start, left_on, c < 2 ? own : 0, now, m[c],
					   &nm[c]);
		if (rc == DB_OK && today[0])
			rc = write_journal(db, club_ids[c], &clubs[c], m[c], nm[c], days, ndays, q, &r, now);
	}
	/* CLB-3: the section's members have their certificate; every 12th student one for football */
	if (rc == DB_OK &&
	    (rc = db_copy_begin(db, "medical_certificates", "student_id, sport, issued_on, valid_until, note, created_at")) ==
		    DB_OK) {
		char issued[DATE_TEXT_SIZE], until[DATE_TEXT_SIZE];
		date_format(date_add_days(start, -7), issued);
		date_format((struct date){start.y + 1, 5, 31}, until);
		for (int k = 0; k < nm[NCLUBS - 1] && rc == DB_OK; k++)
			rc = db_copy_row(db, "isssss", m[NCLUBS - 1][k].student_id, "volleyball", issued, until,
					 "Мектеп дәрігері", now);
		for (int k = 0; k < npool && rc == DB_OK; k += 12)
			rc = db_copy_row(db, "isssss", pool[k], "football", issued, until, NULL, now);
		rc = copy_done(db, rc);
	}
	if (rc == DB_OK && today[0])
		rc = write_after(db, club_ids, m, nm, q, today, &r, now);
	free(days);
	free(leaders);
	free(pool);
	return rc;
}
