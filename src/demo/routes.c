/* routes (demo) — a demo school's individual learning routes with their weekly
 * assessments and conclusions (see routes.h). */
#include "demo/routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/learning_route.h"
#include "demo/rng.h"
#include "store/calendar.h"
#include "store/db_copy.h"

#define NROUTES 9
#define MAX_WEEKS 60
#define UNASSESSED_PERMILLE 50

struct route_def {
	enum route_reason reason;
	enum route_span span;
	int semester;
	const char *from, *to, *title; /* a topic's or section's */
};

/* Two of each reason, then the school's first student's (the demo's student sign-in). */
static const struct route_def defs[NROUTES] = {
	{ROUTE_REASON_HIGH_ABILITY, ROUTE_SPAN_YEAR, 0, NULL, NULL, NULL},
	{ROUTE_REASON_HIGH_ABILITY, ROUTE_SPAN_SEMESTER, 1, NULL, NULL, NULL},
	{ROUTE_REASON_LOW_MOTIVATION, ROUTE_SPAN_SECTION, 0, "2026-09-14", "2026-10-16", "1-бөлім"},
	{ROUTE_REASON_LOW_MOTIVATION, ROUTE_SPAN_SEMESTER, 1, NULL, NULL, NULL},
	{ROUTE_REASON_LONG_ILLNESS, ROUTE_SPAN_TOPIC, 0, "2026-10-05", "2026-10-23", "Ауруынан кейін өткен тақырыптар"},
	{ROUTE_REASON_LONG_ILLNESS, ROUTE_SPAN_SECTION, 0, "2026-11-09", "2026-12-18", "3-бөлім"},
	{ROUTE_REASON_OTHER, ROUTE_SPAN_SEMESTER, 1, NULL, NULL, NULL},
	{ROUTE_REASON_OTHER, ROUTE_SPAN_SECTION, 0, "2026-11-16", "2027-02-12", "Бағдарлама айырмасы"},
	{ROUTE_REASON_LOW_MOTIVATION, ROUTE_SPAN_YEAR, 0, NULL, NULL, NULL},
};

/* The five components (IR-2) by reason. */
static const char *const parts[ROUTE_REASON_INVALID][ROUTE_COMPONENTS] = {
	{"Олимпиадалық деңгейдегі есептерді шығару, зерттеу дағдысын дамыту.",
	 "Бағдарламадан тыс күрделі есептер, пәнаралық жобалар.",
	 "Жеке кеңес, өз бетімен зерттеу, олимпиадалық тапсырмалар банкі.",
	 "Ай сайынғы олимпиадалық сынақ, портфолио.",
	 "Аптасына бір рет сабақтан кейін 45 минут, пән кабинеті."},
	{"Пәнге қызығушылықты арттыру, бөлімнің оқу мақсаттарына жету.",
	 "Бөлімнің негізгі тақырыптары, практикалық мысалдар.",
	 "Саралап оқыту, ойын элементтері, жұптық жұмыс, жедел кері байланыс.",
	 "Апта сайынғы қысқа тест, бақылау парағы, өзін-өзі бағалау.",
	 "Сейсенбі мен бейсенбі 15:00, кураторға апталық есеп, ата-анамен байланыс."},
	{"Ауырған кезде өтілген тақырыптарды меңгеру, бағалауға дайындық.",
	 "Өтіп кеткен тақырыптардың негізгі мазмұны, БЖБ тапсырмалары.",
	 "Қашықтан және жеке кеңес, электрондық ресурстар, өз бетімен оқу.",
	 "Әр тақырыптан кейін қалыптастырушы бағалау, БЖБ-ны кейінге қалдырып тапсыру.",
	 "Дәрігердің ұсынымы бойынша жүктеме, аптасына екі рет 30 минут."},
	{"Басқа бағдарламадан ауысқан оқушының бағдарлама айырмасын толтыру.",
	 "NIS-Programme бойынша өтілмеген бөлімдер.",
	 "Жеке кеңес, өз бетімен оқу, сыныптағы топтық жұмыс.",
	 "Бөлім соңында диагностикалық тест.",
	 "Аптасына бір рет, кесте бойынша, куратор бақылайды."},
};

static const char *const activities[4] = {"Тақырыпты түсіндіру және мысалдар", "Практикалық тапсырмалар",
					  "Өз бетімен орындалатын жұмыс", "Қысқа тест және талдау"};
static const char *const forms[4] = {"сабақта жеке тапсырма", "топтық сабақ", "өз бетімен оқу",
				     "практикалық жаттығу"};
static const char *const progress_codes[3] = {"ahead", "on_track", "behind"};
static const char *const comments[3][2] = {
	{"Тапсырмаларды мерзімінен бұрын орындады.", "Қосымша күрделі есептерді шешті."},
	{"Жоспар бойынша орындалды.", "Тапсырмалар толық, қатысуы тұрақты."},
	{"Тапсырманың бір бөлігі орындалмады, келесі аптада қайталау.", "Сабаққа келмеді, тапсырма кейінге қалды."},
};

struct pick {
	int64_t student_id, class_id, curator_id;
};

struct assessment {
	int64_t route_id, staff_id;
	char on[DATE_TEXT_SIZE], week[DATE_TEXT_SIZE];
	int progress, comment, correct;
};

/* The school's studying students of the year's classes that have a curator, by id. */
static struct pick *read_students(struct db *db, int64_t school_id, int64_t year_id, size_t *n)
{
	struct db_stmt *st = db_prepare(db, "SELECT s.id, s.class_id, c.curator_id FROM students s JOIN classes c"
					    " ON c.id = s.class_id WHERE s.school_id = $1 AND c.academic_year_id = $2"
					    " AND s.status = 'studying' AND c.curator_id IS NOT NULL ORDER BY s.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	size_t cap = 256;
	struct pick *out = malloc(cap * sizeof *out);
	int rc;
	*n = 0;
	while (out && (rc = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			struct pick *more = realloc(out, (cap *= 2) * sizeof *out);
			if (!more)
				break;
			out = more;
		}
		out[(*n)++] = (struct pick){db_col_int64(st, 0), db_col_int64(st, 1), db_col_int64(st, 2)};
	}
	db_done(st);
	return out;
}

/* A whole-class subject of the class and its teacher, the k-th (mod their number). 0, or
 * -1 when the class has none. */
static int class_subject(struct db *db, int64_t class_id, uint32_t k, int64_t *subject, int64_t *staff)
{
	struct db_stmt *st = db_prepare(db, "SELECT DISTINCT subject_id, staff_id FROM lessons WHERE class_id = $1"
					    " AND group_id IS NULL ORDER BY subject_id, staff_id");
	if (!st)
		return -1;
	db_bind_int64(st, 1, class_id);
	int64_t pairs[64][2];
	uint32_t n = 0;
	while (n < 64 && db_step(st) == DB_ROW) {
		pairs[n][0] = db_col_int64(st, 0);
		pairs[n][1] = db_col_int64(st, 1);
		n++;
	}
	db_done(st);
	if (n == 0)
		return -1;
	*subject = pairs[k % n][0];
	*staff = pairs[k % n][1];
	return 0;
}

/* The route's row, subject and schedule (a row a route week); its id into *id. */
static int write_route(struct db *db, int64_t school_id, int64_t year_id, const struct route_def *d,
		       const struct pick *p, int64_t subject, int64_t staff, struct date starts, struct date ends,
		       const struct date *weeks, size_t nweeks, int concluded, const char *now, int64_t *id)
{
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], t1[24], t2[24], t3[24];
	date_format(starts, from);
	date_format(ends, to);
	snprintf(t1, sizeof t1, "%sT04:00:00Z", from);
	snprintf(t2, sizeof t2, "%sT06:00:00Z", from);
	snprintf(t3, sizeof t3, "%sT13:00:00Z", from);
	const char *const *c = parts[d->reason];
	int rc = db_query_int64(db, id,
		"INSERT INTO learning_routes (school_id, academic_year_id, student_id, reason, reason_note, span, span_title,"
		" semester, starts_on, ends_on, staff_id, curator_id, target, content, technological, diagnostic,"
		" organisational, status, teacher_agreed_at, curator_agreed_at, student_agreed_at, student_agreed_as,"
		" conclusions, recommendations, concluded_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7,"
		" CASE WHEN $8 = 0 THEN NULL ELSE $8 END, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,"
		" $24, $25, $26, $26)"
		" RETURNING id",
		"iiissssissiissssssssssssss", school_id, year_id, p->student_id, route_reason_code(d->reason),
		d->reason == ROUTE_REASON_OTHER ? "Басқа бағдарламадан ауысқан" : NULL, route_span_code(d->span),
		d->title, (int64_t)d->semester, from, to, staff, p->curator_id, c[0], c[1],
		c[2], c[3], c[4], concluded ? "concluded" : "agreed", t1, t2, t3,
		p->student_id % 2 ? "student" : "representative",
		concluded ? "Маршрут мақсаттарына жетті: бөлімнің негізгі мақсаттары меңгерілді." : NULL,
		concluded ? "Сабақта саралап тапсырма беруді жалғастыру, тоқсан соңында қайта бағалау." : NULL,
		concluded ? to : NULL, now);
	rc = rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
	if (rc == DB_OK)
		rc = db_run(db, "INSERT INTO learning_route_subjects (route_id, subject_id) VALUES ($1, $2)", "ii", *id,
			    subject) < 0
			     ? DB_ERROR
			     : DB_OK;
	if (rc != DB_OK || nweeks == 0)
		return rc;
	rc = db_copy_begin(db, "learning_route_schedule", "route_id, position, on_date, activity, form");
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < nweeks && rc == DB_OK; i++) {
		struct date day = date_add_days(weeks[i], 1); /* the week's Tuesday, inside the route */
		if (date_compare(day, starts) < 0)
			day = starts;
		if (date_compare(day, ends) > 0)
			day = ends;
		char on[DATE_TEXT_SIZE];
		date_format(day, on);
		rc = db_copy_row(db, "iisss", *id, (int64_t)i + 1, on, activities[i % 4], forms[(i / 2) % 4]);
	}
	int end = db_copy_end(db);
	return rc != DB_OK ? rc : end;
}

int demo_routes_school(struct db *db, int64_t school_id, int64_t year_id, uint64_t seed, const char *today,
		       const char *now)
{
	struct calendar_year y;
	json_t *s = calendar_structure_get(db, year_id);
	int ok = s && calendar_structure_to_year(s, &y) == 0;
	json_decref(s);
	if (!ok)
		return db->lost ? DB_LOST : DB_OK; /* a year without its calendar: no routes */
	struct date day = {0};
	int has_today = today && date_parse(today, &day) == 0;
	size_t n = 0;
	struct pick *students = read_students(db, school_id, year_id, &n);
	if (!students)
		return DB_ERROR;
	struct assessment *as = NULL;
	size_t nas = 0, cap = 0;
	int rc = DB_OK;
	struct rng r;
	rng_seed(&r, seed ^ 0x1EA4u ^ ((uint64_t)school_id * 0x9E3779B97F4A7C15u));
	for (int i = 0; i < NROUTES && rc == DB_OK && n > NROUTES; i++) {
		const struct route_def *d = &defs[i];
		/* the first student for the last route, others spread over the school */
		const struct pick *p = i == NROUTES - 1 ? &students[0] : &students[1 + (size_t)i * (n - 1) / NROUTES +
										      rng_below(&r, (uint32_t)((n - 1) / NROUTES))];
		int64_t subject, staff;
		if (class_subject(db, p->class_id, (uint32_t)rng_next(&r), &subject, &staff) != 0)
			continue;
		struct date starts, ends, from = {0}, to = {0};
		date_parse(d->from, &from);
		date_parse(d->to, &to);
		if (route_span_dates(&y, d->span, d->semester, from, to, &starts, &ends) != ROUTE_SPAN_OK)
			continue;
		struct date weeks[MAX_WEEKS];
		size_t nweeks = route_weeks(&y, starts, ends, weeks, MAX_WEEKS);
		if (nweeks > MAX_WEEKS)
			nweeks = MAX_WEEKS;
		int concluded = has_today && date_compare(ends, day) < 0;
		int64_t id = 0;
		rc = write_route(db, school_id, year_id, d, p, subject, staff, starts, ends, weeks, nweeks, concluded, now,
				 &id);
		/* a weekly assessment on the week's Thursday (inside the route) before today */
		for (size_t w = 0; w < nweeks && rc == DB_OK && has_today; w++) {
			struct date on = date_add_days(weeks[w], 3);
			if (date_compare(on, ends) > 0)
				on = ends;
			if (date_compare(on, starts) < 0)
				on = starts;
			int skip = rng_chance(&r, UNASSESSED_PERMILLE);
			if (date_compare(on, day) >= 0 || skip)
				continue;
			if (nas == cap) {
				struct assessment *more = realloc(as, (cap = cap ? cap * 2 : 64) * sizeof *as);
				if (!more) {
					rc = DB_ERROR;
					break;
				}
				as = more;
			}
			struct assessment *a = &as[nas++];
			a->route_id = id;
			a->staff_id = staff;
			date_format(on, a->on);
			date_format(weeks[w], a->week);
			uint32_t draw = rng_below(&r, 100);
			a->progress = draw < 20 ? 0 : draw < 75 ? 1 : 2;
			a->comment = (int)rng_below(&r, 2);
			a->correct = w == 3 && (i == 0 || i == 3);
		}
	}
	/* the corrections' assessments one by one (their ids), then the others in one copy */
	for (size_t k = 0; k < nas && rc == DB_OK; k++) {
		struct assessment *a = &as[k];
		if (!a->correct)
			continue;
		int64_t aid = 0;
		rc = db_query_int64(db, &aid,
				    "INSERT INTO learning_route_assessments (route_id, assessed_on, week_of, progress, comment,"
				    " staff_id, created_at) VALUES ($1, $2, $3, 'behind', $4, $5, $6) RETURNING id",
				    "isssis", a->route_id, a->on, a->week, comments[2][0], a->staff_id, now);
		rc = rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
		static const char corrected[] = "Екі апта сайын қысқа тест, ай сайын бақылау жұмысы.";
		if (rc == DB_OK)
			rc = db_run(db,
				    "INSERT INTO learning_route_corrections (route_id, assessment_id, part, before_text,"
				    " after_text, created_at) VALUES ($1, $2, 'diagnostic', (SELECT diagnostic FROM"
				    " learning_routes WHERE id = $1), $3, $4)",
				    "iiss", a->route_id, aid, corrected, now) < 0
				     ? DB_ERROR
				     : DB_OK;
		if (rc == DB_OK)
			rc = db_run(db, "UPDATE learning_routes SET diagnostic = $1 WHERE id = $2", "si", corrected,
				    a->route_id) < 0
				     ? DB_ERROR
				     : DB_OK;
	}
	if (rc == DB_OK && nas) {
		rc = db_copy_begin(db, "learning_route_assessments",
				   "route_id, assessed_on, week_of, progress, comment, staff_id, created_at");
		if (rc == DB_OK) {
			for (size_t k = 0; k < nas && rc == DB_OK; k++) {
				struct assessment *a = &as[k];
				if (!a->correct)
					rc = db_copy_row(db, "issssis", a->route_id, a->on, a->week, progress_codes[a->progress],
							 comments[a->progress][a->comment], a->staff_id, now);
			}
			int end = db_copy_end(db);
			rc = rc != DB_OK ? rc : end;
		}
	}
	free(as);
	free(students);
	return rc;
}
