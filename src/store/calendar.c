/* calendar — the structure and approval of academic years, and the public holidays
 * as data (see calendar.h). */
#include "store/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "core/org.h"
#include "store/org.h"
#include "store/row.h"

/* --- the structure of a year --- */

static json_t *term_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "number", row_int(st, 0), "starts_on", row_text(st, 1),
			 "ends_on", row_text(st, 2));
}

static json_t *holiday_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "kind", row_text(st, 0), "starts_on", row_text(st, 1),
			 "ends_on", row_text(st, 2));
}

static json_t *period_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o}", "starts_on", row_text(st, 0), "ends_on", row_text(st, 1));
}

/* The rows of a per-year table, by `build`. */
static json_t *year_rows(struct db *db, const char *sql, int64_t year_id,
			 json_t *(*build)(struct db_stmt *))
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return NULL;
	db_bind_int64(st, 1, year_id);
	return row_collect(st, build);
}

json_t *calendar_structure_get(struct db *db, int64_t year_id)
{
	json_t *year = years_get(db, year_id);
	if (!year)
		return NULL;
	json_t *terms = year_rows(db, "SELECT term_no, starts_on, ends_on FROM year_terms"
				      " WHERE academic_year_id = $1 ORDER BY term_no", year_id, term_row);
	json_t *holidays = year_rows(db, "SELECT kind, starts_on, ends_on FROM year_holidays"
					 " WHERE academic_year_id = $1 ORDER BY holiday_no", year_id,
				     holiday_row);
	json_t *assessment = year_rows(db, "SELECT starts_on, ends_on FROM year_assessment"
					   " WHERE academic_year_id = $1", year_id, period_row);
	json_t *assessment_basic = year_rows(db, "SELECT starts_on, ends_on FROM year_assessment_basic"
						 " WHERE academic_year_id = $1", year_id, period_row);
	if (!terms || !holidays || !assessment || !assessment_basic) {
		json_decref(year);
		json_decref(terms);
		json_decref(holidays);
		json_decref(assessment);
		json_decref(assessment_basic);
		return NULL;
	}
	json_t *one = json_array_get(assessment, 0), *one_basic = json_array_get(assessment_basic, 0);
	json_t *out = json_pack("{s:o, s:O, s:o, s:o, s:O, s:O}", "academic_year", year, "type",
				json_object_get(year, "type"), "terms", terms, "holidays", holidays,
				"assessment", one ? one : json_null(), "assessment_basic",
				one_basic ? one_basic : json_null());
	json_decref(assessment);
	json_decref(assessment_basic);
	return out;
}

/* Inserts each period of `list` with its 1-based place as $2 and its dates as $3, $4
 * (and "kind" as $5 when with_kind). */
static int insert_periods(struct db *db, const char *sql, int64_t year_id, json_t *list, int with_kind)
{
	size_t i;
	json_t *p;
	json_array_foreach(list, i, p) {
		const char *a = json_string_value(json_object_get(p, "starts_on"));
		const char *b = json_string_value(json_object_get(p, "ends_on"));
		int rc = with_kind ? db_run(db, sql, "iisss", year_id, (int64_t)i + 1, a, b,
					    json_string_value(json_object_get(p, "kind")))
				   : db_run(db, sql, "iiss", year_id, (int64_t)i + 1, a, b);
		if (rc < 0)
			return rc;
	}
	return DB_OK;
}

/* Inserts period `p` of the year by `sql` ($1 the year, $2 and $3 its dates) when it is
 * an object; null or absent is no period. */
static int insert_period(struct db *db, const char *sql, int64_t year_id, json_t *p)
{
	if (!json_is_object(p))
		return DB_OK;
	return db_run(db, sql, "iss", year_id, json_string_value(json_object_get(p, "starts_on")),
		      json_string_value(json_object_get(p, "ends_on")));
}

int calendar_structure_save(struct db *db, int64_t year_id, json_t *s)
{
	static const char *const clear[] = {
		"DELETE FROM year_terms WHERE academic_year_id = $1",
		"DELETE FROM year_holidays WHERE academic_year_id = $1",
		"DELETE FROM year_assessment WHERE academic_year_id = $1",
		"DELETE FROM year_assessment_basic WHERE academic_year_id = $1",
	};
	int rc = DB_OK;
	for (size_t i = 0; i < sizeof clear / sizeof clear[0] && rc >= 0; i++)
		rc = db_run(db, clear[i], "i", year_id);
	char now[21];
	db_now_utc(now);
	if (rc >= 0)
		rc = db_run(db, "UPDATE academic_years SET type = $1, updated_at = $2 WHERE id = $3", "ssi",
			    json_string_value(json_object_get(s, "type")), now, year_id);
	if (rc >= 0)
		rc = insert_periods(db, "INSERT INTO year_terms (academic_year_id, term_no, starts_on,"
					" ends_on) VALUES ($1, $2, $3, $4)",
				    year_id, json_object_get(s, "terms"), 0);
	if (rc >= 0)
		rc = insert_periods(db, "INSERT INTO year_holidays (academic_year_id, holiday_no,"
					" starts_on, ends_on, kind) VALUES ($1, $2, $3, $4, $5)",
				    year_id, json_object_get(s, "holidays"), 1);
	if (rc >= 0)
		rc = insert_period(db, "INSERT INTO year_assessment (academic_year_id, starts_on, ends_on)"
				       " VALUES ($1, $2, $3)", year_id, json_object_get(s, "assessment"));
	if (rc >= 0)
		rc = insert_period(db, "INSERT INTO year_assessment_basic (academic_year_id, starts_on,"
				       " ends_on) VALUES ($1, $2, $3)",
				   year_id, json_object_get(s, "assessment_basic"));
	return rc < 0 ? rc : DB_OK;
}

/* Parses p's starts_on and ends_on. */
static int period_from_json(json_t *p, struct calendar_period *out)
{
	return date_parse(json_string_value(json_object_get(p, "starts_on")), &out->starts_on) == 0 &&
			       date_parse(json_string_value(json_object_get(p, "ends_on")), &out->ends_on) == 0
		       ? 0
		       : -1;
}

/* Parses the periods of `list` into out[] (at most cap); *n gets how many. */
static int periods_from_json(json_t *list, struct calendar_period *out, size_t cap, size_t *n)
{
	*n = json_array_size(list);
	if (*n > cap)
		return -1;
	for (size_t i = 0; i < *n; i++)
		if (period_from_json(json_array_get(list, i), &out[i]) != 0)
			return -1;
	return 0;
}

int calendar_structure_to_year(json_t *s, struct calendar_year *out)
{
	memset(out, 0, sizeof *out);
	json_t *a = json_object_get(s, "assessment"), *basic = json_object_get(s, "assessment_basic");
	out->type = calendar_type_from_code(json_string_value(json_object_get(s, "type")));
	out->has_assessment = json_is_object(a);
	out->has_assessment_basic = json_is_object(basic);
	struct calendar_period year;
	if (out->type == CALENDAR_TYPE_INVALID ||
	    period_from_json(json_object_get(s, "academic_year"), &year) != 0 ||
	    periods_from_json(json_object_get(s, "terms"), out->terms, CALENDAR_MAX_TERMS, &out->n_terms) ||
	    periods_from_json(json_object_get(s, "holidays"), out->holidays, CALENDAR_MAX_HOLIDAYS,
			      &out->n_holidays) ||
	    (out->has_assessment && period_from_json(a, &out->assessment) != 0) ||
	    (out->has_assessment_basic && period_from_json(basic, &out->assessment_basic) != 0))
		return -1;
	out->starts_on = year.starts_on;
	out->ends_on = year.ends_on;
	return 0;
}

int calendar_context(struct db *db, int64_t school_id, struct calendar_year *y)
{
	char ends[DATE_TEXT_SIZE];
	date_format(y->ends_on, ends);
	struct db_stmt *st = db_prepare(db, "SELECT MIN(starts_on) FROM academic_years"
					    " WHERE school_id = $1 AND starts_on > $2");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, school_id);
	db_bind_text(st, 2, ends);
	int rc = db_step(st);
	y->has_next_start = rc == DB_ROW && date_parse(db_col_text(st, 0), &y->next_starts_on) == 0;
	db_done(st);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;

	st = db_prepare(db, "SELECT DISTINCT grade FROM classes WHERE school_id = $1");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, school_id);
	y->levels = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		enum org_level l = org_level_of_grade((int)db_col_int64(st, 0));
		if (l != LEVEL_INVALID)
			y->levels |= CALENDAR_LEVEL_BIT(l);
	}
	db_done(st);
	if (!y->levels)
		y->levels = CALENDAR_ALL_LEVELS;
	return rc == DB_DONE ? DB_OK : rc;
}

int calendar_year_approve(struct db *db, int64_t year_id, int64_t user_id, const char *at,
			  const char *fixed_on, const char *status)
{
	static const char *const fields[] = {"approved_at", "approved_by", "fixed_on", "status", NULL};
	json_t *rec = json_pack("{s:s, s:o, s:s, s:s}", "approved_at", at, "approved_by",
				user_id ? json_integer(user_id) : json_null(), "fixed_on", fixed_on,
				"status", status);
	int rc = row_write(db, "UPDATE academic_years SET approved_at = $1, approved_by = $2,"
			       " fixed_on = $3, status = $4, updated_at = $5 WHERE id = $6",
			   rec, fields, year_id, NULL);
	json_decref(rec);
	return rc;
}

static json_t *not_fixed_row(struct db_stmt *st)
{
	const char *status = db_col_is_null(st, 5)   ? "missing"
			     : db_col_is_null(st, 6) ? "not_approved"
						     : "approved_late";
	return json_pack("{s:{s:o, s:o, s:o}, s:o, s:s, s:o}", "school", "id", row_int(st, 0), "code",
			 row_text(st, 1), "name", row_names(st, 2), "academic_year_id", row_int(st, 5),
			 "status", status, "fixed_on", row_text(st, 6));
}

json_t *calendar_not_fixed(struct db *db, const char *name, const char *deadline)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT s.id, s.code, s.name_kk, s.name_ru, s.name_en, y.id, y.fixed_on"
		" FROM schools s LEFT JOIN academic_years y ON y.school_id = s.id AND y.name = $1"
		" WHERE y.id IS NULL OR y.approved_at IS NULL OR y.fixed_on IS NULL OR y.fixed_on >= $2"
		" ORDER BY s.code");
	if (!st)
		return NULL;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, deadline);
	return row_collect(st, not_fixed_row);
}

/* --- public holidays --- */

/* The names of the built-in holidays in Kazakh and Russian, by their English name. */
static const struct {
	const char *en, *kk, *ru;
} holiday_names[] = {
	{"New Year", "Жаңа жыл", "Новый год"},
	{"Orthodox Christmas", "Православиелік Рождество", "Православное Рождество"},
	{"International Women's Day", "Халықаралық әйелдер күні", "Международный женский день"},
	{"Constitution Day", "Конституция күні", "День Конституции"},
	{"Nauryz meiramy", "Наурыз мейрамы", "Наурыз мейрамы"},
	{"Kazakhstan People's Unity Day", "Қазақстан халқының бірлігі мерекесі",
	 "Праздник единства народа Казахстана"},
	{"Defender of the Fatherland Day", "Отан қорғаушылар күні", "День защитника Отечества"},
	{"Victory Day", "Жеңіс күні", "День Победы"},
	{"Capital Day", "Астана күні", "День Столицы"},
	{"Republic Day", "Республика күні", "День Республики"},
	{"Independence Day", "Тәуелсіздік күні", "День Независимости"},
	{"Kurban Ait", "Құрбан айт", "Курбан айт"},
	{"Kurban Ait (estimated)", "Құрбан айт (болжам)", "Курбан айт (предварительно)"},
};

/* The kk and ru names of an English one (the English one itself when unknown). */
static void translate(const char *en, const char **kk, const char **ru)
{
	*kk = *ru = en ? en : "";
	for (size_t i = 0; en && i < sizeof holiday_names / sizeof holiday_names[0]; i++) {
		if (strcmp(holiday_names[i].en, en) == 0) {
			*kk = holiday_names[i].kk;
			*ru = holiday_names[i].ru;
		}
	}
}

int holidays_seed_default(struct db *db)
{
	const struct holiday_calendar *cal = holiday_calendar_default();
	char now[21];
	int rc = DB_OK;
	db_now_utc(now);
	for (size_t i = 0; i < cal->n_rules && rc >= 0; i++) {
		const struct holiday_rule *r = &cal->rules[i];
		const char *kk, *ru;
		translate(r->name_en, &kk, &ru);
		/* 0 (unbounded) is stored as NULL */
		json_t *row = json_pack("{s:i, s:i, s:o, s:o, s:b, s:{s:s, s:s, s:s}}", "month", r->month,
					"day", r->day, "from_year",
					r->from_year ? json_integer(r->from_year) : json_null(), "to_year",
					r->to_year ? json_integer(r->to_year) : json_null(), "moves_if_weekend",
					r->moves_if_weekend != 0, "name", "kk", kk, "ru", ru, "en",
					r->name_en ? r->name_en : "");
		static const char *const fields[] = {"month", "day", "from_year", "to_year",
						     "moves_if_weekend", "name.kk", "name.ru", "name.en", NULL};
		rc = row_write(db, "INSERT INTO holiday_rules (month, day, from_year, to_year,"
				   " moves_if_weekend, name_kk, name_ru, name_en, created_at)"
				   " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", row, fields, 0, NULL);
		json_decref(row);
	}
	for (size_t i = 0; i < cal->n_fixed && rc >= 0; i++) {
		const struct holiday_fixed *f = &cal->fixed[i];
		char day[DATE_TEXT_SIZE];
		const char *kk, *ru;
		date_format(f->date, day);
		translate(f->name_en, &kk, &ru);
		rc = db_run(db, "INSERT INTO holiday_fixed (holiday_date, moves_if_weekend, name_kk, name_ru,"
				" name_en, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
			    "sissss", day, (int64_t)(f->moves_if_weekend != 0), kk, ru,
			    f->name_en ? f->name_en : "", now);
	}
	for (size_t i = 0; i < cal->n_transfers && rc >= 0; i++) {
		char worked[DATE_TEXT_SIZE], off[DATE_TEXT_SIZE];
		date_format(cal->transfers[i].working_day, worked);
		date_format(cal->transfers[i].day_off, off);
		rc = db_run(db, "INSERT INTO holiday_transfers (working_day, day_off, created_at)"
				" VALUES ($1, $2, $3)", "sss", worked, off, now);
	}
	return rc < 0 ? rc : DB_OK;
}

void holidays_table_release(struct holidays_table *t)
{
	free(t->rules);
	free(t->fixed);
	free(t->transfers);
	memset(t, 0, sizeof *t);
}

/* Steps `st` and calls read(row, st, out + n) for each row into a growing array of
 * `size`-byte elements; *out and *n get the array and its length. */
static int load_rows(struct db_stmt *st, size_t size, void **out, size_t *n,
		     int (*read)(struct db_stmt *st, void *elem))
{
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			void *grown = realloc(*out, cap * size);
			if (!grown) {
				rc = DB_ERROR;
				break;
			}
			*out = grown;
		}
		if (read(st, (char *)*out + *n * size) != 0) {
			rc = DB_ERROR;
			break;
		}
		(*n)++;
	}
	db_done(st);
	return rc == DB_DONE ? DB_OK : rc;
}

static int read_rule(struct db_stmt *st, void *elem)
{
	struct holiday_rule *r = elem;
	memset(r, 0, sizeof *r);
	r->month = (int)db_col_int64(st, 0);
	r->day = (int)db_col_int64(st, 1);
	r->from_year = db_col_is_null(st, 2) ? 0 : (int)db_col_int64(st, 2);
	r->to_year = db_col_is_null(st, 3) ? 0 : (int)db_col_int64(st, 3);
	r->moves_if_weekend = db_col_int64(st, 4) != 0;
	return 0;
}

static int read_fixed(struct db_stmt *st, void *elem)
{
	struct holiday_fixed *f = elem;
	memset(f, 0, sizeof *f);
	f->moves_if_weekend = db_col_int64(st, 1) != 0;
	return date_parse(db_col_text(st, 0), &f->date);
}

static int read_transfer(struct db_stmt *st, void *elem)
{
	struct holiday_transfer *t = elem;
	return date_parse(db_col_text(st, 0), &t->working_day) == 0 &&
			       date_parse(db_col_text(st, 1), &t->day_off) == 0
		       ? 0
		       : -1;
}

int holidays_load(struct db *db, struct holidays_table *out)
{
	static const char *const sql[] = {
		"SELECT month, day, from_year, to_year, moves_if_weekend FROM holiday_rules ORDER BY id",
		"SELECT holiday_date, moves_if_weekend FROM holiday_fixed ORDER BY holiday_date",
		"SELECT working_day, day_off FROM holiday_transfers ORDER BY working_day",
	};
	void **arrays[] = {(void **)&out->rules, (void **)&out->fixed, (void **)&out->transfers};
	size_t *counts[] = {&out->cal.n_rules, &out->cal.n_fixed, &out->cal.n_transfers};
	static const size_t sizes[] = {sizeof(struct holiday_rule), sizeof(struct holiday_fixed),
				       sizeof(struct holiday_transfer)};
	int (*const readers[])(struct db_stmt *, void *) = {read_rule, read_fixed, read_transfer};
	int rc = DB_OK;
	memset(out, 0, sizeof *out);
	for (int i = 0; i < 3 && rc == DB_OK; i++) {
		struct db_stmt *st = db_prepare(db, sql[i]);
		rc = st ? load_rows(st, sizes[i], arrays[i], counts[i], readers[i]) : DB_ERROR;
	}
	if (rc != DB_OK) {
		holidays_table_release(out);
		return rc;
	}
	out->cal.rules = out->rules;
	out->cal.fixed = out->fixed;
	out->cal.transfers = out->transfers;
	return DB_OK;
}

static json_t *rule_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "month",
			 row_int(st, 1), "day", row_int(st, 2), "from_year", row_int(st, 3), "to_year",
			 row_int(st, 4), "moves_if_weekend", row_bool(st, 5), "name", row_names(st, 6));
}

#define FIXED_COLUMNS "id, holiday_date, moves_if_weekend, name_kk, name_ru, name_en"

static json_t *fixed_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "date", row_text(st, 1),
			 "name", row_names(st, 3), "moves_if_weekend", row_bool(st, 2));
}

static json_t *transfer_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "id", row_int(st, 0), "working_day", row_text(st, 1),
			 "day_off", row_text(st, 2));
}

/* The rows of a holiday table dated in calendar year `year`: $1 and $2 are its first
 * and last day. */
static json_t *rows_of_year(struct db *db, const char *sql, int year, json_t *(*build)(struct db_stmt *))
{
	char first[DATE_TEXT_SIZE], last[DATE_TEXT_SIZE];
	date_format((struct date){year, 1, 1}, first);
	date_format((struct date){year, 12, 31}, last);
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return NULL;
	db_bind_text(st, 1, first);
	db_bind_text(st, 2, last);
	return row_collect(st, build);
}

json_t *holidays_of_year(struct db *db, int year)
{
	json_t *rules = NULL;
	struct db_stmt *st = db_prepare(db,
		"SELECT id, month, day, from_year, to_year, moves_if_weekend, name_kk, name_ru, name_en"
		" FROM holiday_rules WHERE (from_year IS NULL OR from_year <= $1) AND"
		" (to_year IS NULL OR to_year >= $1) ORDER BY month, day, id");
	if (st) {
		db_bind_int64(st, 1, year);
		rules = row_collect(st, rule_row);
	}
	json_t *fixed = rows_of_year(db,
		"SELECT " FIXED_COLUMNS " FROM holiday_fixed WHERE holiday_date >= $1 AND"
		" holiday_date <= $2 ORDER BY holiday_date", year, fixed_row);
	json_t *transfers = rows_of_year(db,
		"SELECT id, working_day, day_off FROM holiday_transfers WHERE"
		" (working_day >= $1 AND working_day <= $2) OR (day_off >= $1 AND day_off <= $2)"
		" ORDER BY working_day", year, transfer_row);
	if (!rules || !fixed || !transfers) {
		json_decref(rules);
		json_decref(fixed);
		json_decref(transfers);
		return NULL;
	}
	return json_pack("{s:o, s:o, s:o}", "rules", rules, "fixed", fixed, "transfers", transfers);
}

json_t *holidays_fixed_get(struct db *db, int64_t id)
{
	return row_get_one(db, "SELECT " FIXED_COLUMNS " FROM holiday_fixed WHERE id = $1", id, fixed_row);
}

int holidays_fixed_insert(struct db *db, json_t *h, int64_t *id_out)
{
	static const char *const fields[] = {"date", "moves_if_weekend", "name.kk", "name.ru", "name.en", NULL};
	return row_write(db, "INSERT INTO holiday_fixed (holiday_date, moves_if_weekend, name_kk, name_ru,"
			     " name_en, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
			 h, fields, 0, id_out);
}

int holidays_fixed_delete(struct db *db, int64_t id)
{
	int rc = db_run(db, "DELETE FROM holiday_fixed WHERE id = $1", "i", id);
	return rc < 0 ? rc : DB_OK;
}

json_t *holidays_transfer_get(struct db *db, int64_t id)
{
	return row_get_one(db, "SELECT id, working_day, day_off FROM holiday_transfers WHERE id = $1", id,
			   transfer_row);
}

int holidays_transfer_insert(struct db *db, json_t *t, int64_t *id_out)
{
	static const char *const fields[] = {"working_day", "day_off", NULL};
	return row_write(db, "INSERT INTO holiday_transfers (working_day, day_off, created_at)"
			     " VALUES ($1, $2, $3) RETURNING id", t, fields, 0, id_out);
}

int holidays_transfer_delete(struct db *db, int64_t id)
{
	int rc = db_run(db, "DELETE FROM holiday_transfers WHERE id = $1", "i", id);
	return rc < 0 ? rc : DB_OK;
}
