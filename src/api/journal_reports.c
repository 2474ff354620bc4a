/* journal_reports (api) — the journal read for review (JRN-1, JRN-4, ASM-2): the grid
 * of a class-subject for a term (students × lessons), the term summary with the
 * computed percentages and marks, what is late in a school per teacher, and the month's
 * report of lessons held, missed and covered per teacher. docs/journal.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/results.h"
#include "core/date.h"
#include "core/journal.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/journal_views.h"
#include "store/marking.h"
#include "store/row.h"

/* The class-subject-term a grid or summary is asked for: ?subject=ID&term=N[&group=ID]
 * of the route's class, with the term's dates. */
struct unit_query {
	int64_t class_id, subject_id, group_id, school_id, year_id;
	int term;
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
};

static int64_t query_id(struct req *rq, const char *name)
{
	const char *v = req_query(rq, name);
	if (!v || !*v)
		return 0;
	char *end;
	long long n = strtoll(v, &end, 10);
	return *end || n <= 0 ? -1 : (int64_t)n;
}

/* Reads the unit; replies (400/403/404) and returns 0 when it cannot, else 1. */
static int unit_read(struct req *rq, struct unit_query *u)
{
	memset(u, 0, sizeof *u);
	u->class_id = rq->params[0];
	u->subject_id = query_id(rq, "subject");
	u->group_id = query_id(rq, "group");
	int64_t term = query_id(rq, "term");
	if (u->subject_id <= 0)
		reply_add_error(rq, "bad_query", NULL, "subject");
	if (u->group_id < 0)
		reply_add_error(rq, "bad_query", NULL, "group");
	if (term <= 0 || term > 8)
		reply_add_error(rq, "bad_query", NULL, "term");
	if (reply_has_errors(rq)) {
		reply_errors(rq, 400);
		return 0;
	}
	u->term = (int)term;
	struct db_stmt *st = db_prepare(rq->db_read, "SELECT c.school_id, c.academic_year_id, t.starts_on, t.ends_on"
						     " FROM classes c LEFT JOIN year_terms t ON t.academic_year_id ="
						     " c.academic_year_id AND t.term_no = $2 WHERE c.id = $1");
	if (!st) {
		reply_db_failure(rq);
		return 0;
	}
	db_bind_int64(st, 1, u->class_id);
	db_bind_int64(st, 2, u->term);
	int rc = db_step(st), has_term = 0;
	if (rc == DB_ROW) {
		u->school_id = db_col_int64(st, 0);
		u->year_id = db_col_int64(st, 1);
		has_term = db_col_text(st, 2) != NULL;
		if (has_term) {
			snprintf(u->from, sizeof u->from, "%s", db_col_text(st, 2));
			snprintf(u->to, sizeof u->to, "%s", db_col_text(st, 3));
		}
	}
	db_done(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		reply_db_failure(rq);
		return 0;
	}
	if (rc == DB_DONE || !has_term) {
		reply_error(rq, 404, "not_found", NULL, rc == DB_DONE ? NULL : "term");
		return 0;
	}
	if (!rights_read_school(rq, u->school_id)) {
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return 0;
	}
	return 1;
}

static json_t *unit_json(const struct unit_query *u)
{
	return json_pack("{s:I, s:I, s:o, s:i, s:s, s:s}", "class_id", (json_int_t)u->class_id, "subject_id",
			 (json_int_t)u->subject_id, "group_id", u->group_id ? json_integer(u->group_id) : json_null(),
			 "term", u->term, "starts_on", u->from, "ends_on", u->to);
}

/* GET /classes/{id}/journal?subject=&term=[&group=] */
int api_class_journal(struct req *rq)
{
	struct unit_query u;
	if (!unit_read(rq, &u))
		return 0;
	json_t *grid = journal_grid(rq->db_read, u.class_id, u.group_id, u.subject_id, u.from, u.to);
	if (!grid)
		return reply_db_failure(rq);
	/* whether the term is closed, and until when an unlock opens this class-subject */
	char until[21] = "", now[21];
	int closed = journal_term_closed(rq->db_read, u.year_id, u.term);
	if (closed < 0 || (closed && journal_unlock_until(rq->db_read, u.year_id, u.term, u.class_id, u.subject_id,
							  until) != DB_OK)) {
		json_decref(grid);
		return reply_db_failure(rq);
	}
	db_now_utc(now);
	json_object_update_new(grid, unit_json(&u));
	json_object_set_new(grid, "closed", json_boolean(closed));
	json_object_set_new(grid, "unlocked_until", closed && strcmp(until, now) > 0 ? json_string(until) : json_null());
	return reply_json(rq, 200, grid);
}

/* GET /classes/{id}/journal/summary?subject=&term=[&group=] */
int api_class_journal_summary(struct req *rq)
{
	struct unit_query u;
	if (!unit_read(rq, &u))
		return 0;
	struct marking_model m;
	if (marking_for_school(rq->db_read, u.school_id, &m) != DB_OK)
		return reply_db_failure(rq);
	json_t *students = journal_unit_figures(rq->db_read, u.class_id, u.group_id, u.subject_id, u.from, u.to);
	if (!students)
		return reply_db_failure(rq);
	size_t i;
	json_t *s;
	json_array_foreach(students, i, s) {
		struct term_figures f;
		results_figures(s, &f);
		json_t *r = results_term_json(&m, &f);
		json_object_set_new(s, "result", r);
		static const char *const figure_keys[] = {"formative_sum", "formative_count", "section_points",
							  "section_max", "term_points", "term_max"};
		for (size_t k = 0; k < sizeof figure_keys / sizeof *figure_keys; k++)
			json_object_del(s, figure_keys[k]);
	}
	json_t *model = marking_model_json(&m);
	json_object_set_new(model, "code", json_string(m.code));
	json_t *body = unit_json(&u);
	json_object_set_new(body, "model", model);
	json_object_set_new(body, "students", students);
	return reply_json(rq, 200, body);
}

/* --- what is late (JRN-2, JRN-4) --- */

#define LATE_LESSONS_SHOWN 20

static json_t *year_start_row(struct db_stmt *st)
{
	return row_text(st, 0);
}

/* GET /schools/{id}/journal/late: every lesson of the school's current year before
 * today whose topic or roll is missing, per teacher answerable, with counts. */
int api_school_journal_late(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return 0;
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	struct date today = api_today();
	char today_text[DATE_TEXT_SIZE], until[DATE_TEXT_SIZE];
	date_format(today, today_text);
	date_format(date_add_days(today, -1), until);
	/* from the start of the year that holds today (else nothing is late) */
	struct db_stmt *st = db_prepare(rq->db_read, "SELECT starts_on FROM academic_years WHERE school_id = $1"
						     " AND starts_on <= $2 AND ends_on >= $2 ORDER BY starts_on DESC LIMIT 1");
	if (!st)
		return reply_db_failure(rq);
	db_bind_int64(st, 1, school);
	db_bind_text(st, 2, today_text);
	json_t *start = db_step(st) == DB_ROW ? year_start_row(st) : NULL;
	db_done(st);
	json_t *lessons = start ? journal_incomplete(rq->db_read, school, json_string_value(start), until) : json_array();
	json_decref(start);
	if (!lessons)
		return reply_db_failure(rq);
	json_t *teachers = json_array(), *current = NULL;
	int64_t current_id = 0, total = 0;
	size_t i;
	json_t *l;
	json_array_foreach(lessons, i, l) {
		struct date day = {0};
		date_parse(json_string_value(json_object_get(l, "date")), &day);
		unsigned late = journal_lateness(day, today, json_is_true(json_object_get(l, "missed")),
						 json_is_true(json_object_get(l, "has_topic")),
						 json_is_true(json_object_get(l, "attendance_marked")));
		if (!late)
			continue;
		int64_t staff = json_integer_value(json_object_get(l, "staff_id"));
		if (!current || staff != current_id) {
			current = json_pack("{s:I, s:O, s:O, s:O, s:i, s:i, s:i, s:[]}", "staff_id", (json_int_t)staff,
					    "last_name", json_object_get(l, "last_name"), "first_name",
					    json_object_get(l, "first_name"), "middle_name", json_object_get(l, "middle_name"),
					    "lessons_late", 0, "without_topic", 0, "without_attendance", 0, "lessons");
			json_array_append_new(teachers, current);
			current_id = staff;
		}
		total++;
		json_object_set_new(current, "lessons_late",
				    json_integer(json_integer_value(json_object_get(current, "lessons_late")) + 1));
		if (late & JOURNAL_LATE_TOPIC)
			json_object_set_new(current, "without_topic",
					    json_integer(json_integer_value(json_object_get(current, "without_topic")) + 1));
		if (late & JOURNAL_LATE_ATTENDANCE)
			json_object_set_new(current, "without_attendance",
					    json_integer(json_integer_value(json_object_get(current, "without_attendance")) + 1));
		json_t *shown = json_object_get(current, "lessons");
		if (json_array_size(shown) < LATE_LESSONS_SHOWN) {
			json_t *why = json_array();
			if (late & JOURNAL_LATE_TOPIC)
				json_array_append_new(why, json_string("topic"));
			if (late & JOURNAL_LATE_ATTENDANCE)
				json_array_append_new(why, json_string("attendance"));
			json_array_append_new(shown, json_pack("{s:O, s:O, s:O, s:O, s:O, s:o}", "id", json_object_get(l, "id"),
							       "date", json_object_get(l, "date"), "period",
							       json_object_get(l, "period"), "class", json_object_get(l, "class"),
							       "subject", json_object_get(l, "subject"), "late", why));
		}
	}
	json_decref(lessons);
	return reply_json(rq, 200, json_pack("{s:s, s:I, s:o}", "today", today_text, "lessons_late", (json_int_t)total,
					     "teachers", teachers));
}

/* GET /schools/{id}/journal/report?month=YYYY-MM (JRN-1): lessons held, missed and
 * covered per teacher in a month, up to today. */
int api_school_journal_report(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return 0;
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	struct date today = api_today(), first;
	const char *month = req_query(rq, "month");
	char text[DATE_TEXT_SIZE + 3];
	if (month) {
		snprintf(text, sizeof text, "%s-01", month);
		if (strlen(month) != 7 || date_parse(text, &first) != 0)
			return reply_error(rq, 400, "bad_query", NULL, "month");
	} else {
		first = (struct date){today.y, today.m, 1};
	}
	struct date last = {first.y, first.m, date_days_in_month(first.y, first.m)};
	if (date_compare(last, today) > 0)
		last = today;
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], month_text[8];
	date_format(first, from);
	date_format(last, to);
	snprintf(month_text, sizeof month_text, "%04d-%02d", first.y, first.m);
	json_t *items = date_compare(first, today) > 0 ? json_array()
						       : journal_month_report(rq->db_read, school, from, to);
	if (!items)
		return reply_db_failure(rq);
	return reply_json(rq, 200, json_pack("{s:s, s:s, s:s, s:o, s:I, s:n}", "month", month_text, "from", from, "to",
					     to, "items", items, "total", (json_int_t)json_array_size(items), "next"));
}

/* --- the year (ASM-2) --- */

static json_t *year_term_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "number", row_int(st, 0), "starts_on", row_text(st, 1), "ends_on",
			 row_text(st, 2));
}

/* GET /classes/{id}/journal/year?subject=[&group=]: each student's term results and the
 * year mark of the school's model (the mean of the term marks, or the weighted mean). */
int api_class_journal_year(struct req *rq)
{
	int64_t class_id = rq->params[0], subject = query_id(rq, "subject"), group = query_id(rq, "group");
	if (subject <= 0)
		reply_add_error(rq, "bad_query", NULL, "subject");
	if (group < 0)
		reply_add_error(rq, "bad_query", NULL, "group");
	if (reply_has_errors(rq))
		return reply_errors(rq, 400);
	int64_t school = 0, year = 0;
	struct db_stmt *st = db_prepare(rq->db_read, "SELECT school_id, academic_year_id FROM classes WHERE id = $1");
	if (!st)
		return reply_db_failure(rq);
	db_bind_int64(st, 1, class_id);
	if (db_step(st) == DB_ROW) {
		school = db_col_int64(st, 0);
		year = db_col_int64(st, 1);
	}
	db_done(st);
	if (!school)
		return rq->db_read->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	struct marking_model m;
	json_t *terms = row_list(rq->db_read, "SELECT term_no, starts_on, ends_on FROM year_terms"
					      " WHERE academic_year_id = $1 ORDER BY term_no", year, year_term_row);
	json_t *students = terms ? journal_unit_figures(rq->db_read, class_id, group, subject, "0000-00-00", "0000-00-00")
				 : NULL;
	if (!students || marking_for_school(rq->db_read, school, &m) != DB_OK) {
		json_decref(terms);
		json_decref(students);
		return reply_db_failure(rq);
	}
	size_t nt = json_array_size(terms), i, t;
	json_t *s;
	/* each student's term results, term by term */
	json_array_foreach(students, i, s) {
		static const char *const figure_keys[] = {"formative_sum", "formative_count", "section_points",
							  "section_max", "term_points", "term_max"};
		for (size_t k = 0; k < sizeof figure_keys / sizeof *figure_keys; k++)
			json_object_del(s, figure_keys[k]);
		json_object_set_new(s, "terms", json_array());
	}
	for (t = 0; t < nt; t++) {
		json_t *term = json_array_get(terms, t);
		json_t *figures = journal_unit_figures(rq->db_read, class_id, group, subject,
						       json_string_value(json_object_get(term, "starts_on")),
						       json_string_value(json_object_get(term, "ends_on")));
		if (!figures) {
			json_decref(terms);
			json_decref(students);
			return reply_db_failure(rq);
		}
		json_array_foreach(students, i, s) {
			json_t *f = json_array_get(figures, i);
			struct term_figures tf = {0};
			if (f && json_integer_value(json_object_get(f, "id")) == json_integer_value(json_object_get(s, "id")))
				results_figures(f, &tf);
			json_t *r = results_term_json(&m, &tf);
			json_object_set_new(r, "term", json_integer((json_int_t)t + 1));
			json_array_append_new(json_object_get(s, "terms"), r);
		}
		json_decref(figures);
	}
	json_array_foreach(students, i, s) {
		int marks[ASSESS_MAX_TERMS] = {0}, present[ASSESS_MAX_TERMS] = {0};
		json_t *r;
		json_array_foreach(json_object_get(s, "terms"), t, r) {
			if (t >= ASSESS_MAX_TERMS)
				break;
			json_t *mark = json_object_get(r, "mark");
			present[t] = json_is_integer(mark);
			marks[t] = (int)json_integer_value(mark);
		}
		int ym = assess_year(&m, marks, present, nt < ASSESS_MAX_TERMS ? nt : ASSESS_MAX_TERMS);
		json_object_set_new(s, "year_mark", ym ? json_integer(ym) : json_null());
	}
	json_t *model = marking_model_json(&m);
	json_object_set_new(model, "code", json_string(m.code));
	return reply_json(rq, 200, json_pack("{s:I, s:I, s:o, s:o, s:o, s:o}", "class_id", (json_int_t)class_id,
					     "subject_id", (json_int_t)subject, "group_id",
					     group ? json_integer(group) : json_null(), "model", model, "terms", terms,
					     "students", students));
}
