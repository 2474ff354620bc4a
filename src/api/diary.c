/* diary (api) — what parents, students and teachers read of the journal day to day:
 * a student's diary of a week (each day's lessons with time, subject, teacher, topic,
 * homework, attendance and marks, the elective groups' meetings of the timetable, and
 * the term's results so far), and a teacher's lessons of a day ("today": their own and
 * those they cover, and the elective groups they meet). A parent reads only
 * their own children: any other id is 403 whether or not it exists. Reads may go to
 * the replica. docs/journal.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/results.h"
#include "core/date.h"
#include "store/db.h"
#include "store/elective_meetings.h"
#include "store/journal.h"
#include "store/journal_views.h"
#include "store/marking.h"
#include "store/people.h"
#include "store/row.h"
#include "util/json_text.h"

/* A student as the diary names them: school, class, year. */
struct diary_student {
	int64_t school_id, class_id, year_id;
	json_t *json; /* {"id","last_name","first_name","class": {"id","label"}} */
};

static json_t *student_row(struct db_stmt *st)
{
	char label[32];
	snprintf(label, sizeof label, "%lld%s", (long long)db_col_int64(st, 6), db_col_text(st, 7) ? db_col_text(st, 7) : "");
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:{s:o, s:s}, s:o}", "id", row_int(st, 0), "school_id",
			 row_int(st, 1), "class_id", row_int(st, 2), "academic_year_id", row_int(st, 3), "last_name",
			 row_text(st, 4), "first_name", row_text(st, 5), "class", "id", row_int(st, 2), "label", label,
			 "status", row_text(st, 8));
}

/* 1 when found; 0 when there is no such student (or they have no class); -1 on error. */
static int diary_student_get(struct db *db, int64_t id, struct diary_student *out)
{
	json_t *s = row_get_one(db, "SELECT t.id, t.school_id, t.class_id, c.academic_year_id, p.last_name, p.first_name,"
				    " c.grade, c.letter, t.status FROM students t JOIN persons p ON p.id = t.person_id"
				    " JOIN classes c ON c.id = t.class_id WHERE t.id = $1", id, student_row);
	if (!s)
		return db->lost ? -1 : 0;
	out->school_id = json_integer_value(json_object_get(s, "school_id"));
	out->class_id = json_integer_value(json_object_get(s, "class_id"));
	out->year_id = json_integer_value(json_object_get(s, "academic_year_id"));
	json_object_del(s, "school_id");
	json_object_del(s, "class_id");
	json_object_del(s, "academic_year_id");
	out->json = s;
	return 1;
}

/* Who may read a student's diary, decided before anything is looked up for the
 * family roles so that a refusal says nothing of the id: the student themself, their
 * representatives; staff of the school and the network roles (checked after). */
static int family_may_read(struct req *rq, int64_t student_id)
{
	if (rq->user.role == ROLE_PARENT)
		return rq->user.person_id && representatives_is_linked(rq->db_read, student_id, rq->user.person_id);
	if (rq->user.role == ROLE_STUDENT)
		return rq->user.person_id && students_of_person(rq->db_read, rq->user.person_id) == student_id;
	return -1; /* not a family role: staff rights after the lookup */
}

static json_t *away_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "status", row_text(st, 0), "starts_on", row_text(st, 1),
			 "ends_on", row_text(st, 2), "planned_ends_on", row_text(st, 3), "order_number", row_text(st, 4),
			 "ordered_on", row_text(st, 5));
}

/* EXT-8, LV-5: the student's externships and leaves of the movement book that touch
 * from..to, with their orders; NULL on error. */
static json_t *away_periods(struct db *db, int64_t student_id, const char *from, const char *to)
{
	struct db_stmt *st = db_prepare(db, "SELECT status, starts_on, ends_on, planned_ends_on, order_number, ordered_on"
					    " FROM student_movements WHERE student_id = $1"
					    " AND status IN ('externship', 'academic_leave') AND starts_on <= $3"
					    " AND (ends_on IS NULL OR ends_on >= $2) ORDER BY starts_on");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, student_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	return row_collect(st, away_row);
}

static json_t *term_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "number", row_int(st, 0), "starts_on", row_text(st, 1), "ends_on",
			 row_text(st, 2));
}

/* The term of the year that holds `day`, else the last one begun before it; NULL when
 * none (or on error). */
static json_t *term_for(struct db *db, int64_t year_id, const char *day)
{
	struct db_stmt *st = db_prepare(db, "SELECT term_no, starts_on, ends_on FROM year_terms WHERE academic_year_id = $1"
					    " AND starts_on <= $2 ORDER BY term_no DESC LIMIT 1");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, year_id);
	db_bind_text(st, 2, day);
	json_t *t = db_step(st) == DB_ROW ? term_row(st) : NULL;
	db_done(st);
	return t;
}

/* The term's results so far: one per subject with marks or works. */
static json_t *term_results(struct db *db, int64_t student_id, int64_t school_id, json_t *term)
{
	struct marking_model m;
	if (marking_for_school(db, school_id, &m) != DB_OK)
		return NULL;
	const char *from = json_string_value(json_object_get(term, "starts_on"));
	const char *to = json_string_value(json_object_get(term, "ends_on"));
	json_t *figures = journal_student_figures(db, student_id, from, to);
	if (!figures)
		return NULL;
	json_t *items = json_array();
	const char *key;
	json_t *f;
	json_object_foreach(figures, key, f) {
		struct term_figures tf;
		results_figures(f, &tf);
		json_t *r = results_term_json(&m, &tf);
		json_object_set(r, "subject", json_object_get(f, "subject"));
		json_array_append_new(items, r);
	}
	json_decref(figures);
	return json_pack("{s:s, s:o}", "model", m.code, "items", items);
}

int api_student_diary(struct req *rq)
{
	int64_t id = rq->params[0];
	int family = family_may_read(rq, id);
	if (family == 0)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	struct date monday;
	const char *week = req_query(rq, "week");
	int iso_year, iso_week;
	if (week) {
		if (date_parse_iso_week(week, &iso_year, &iso_week) != 0 ||
		    date_from_iso_week(iso_year, iso_week, &monday) != 0)
			return reply_error(rq, 400, "bad_query", NULL, "week");
	} else {
		struct date today = api_today();
		monday = date_add_days(today, -(date_weekday(today) - 1));
		date_iso_week(today, &iso_year, &iso_week);
	}
	struct diary_student s = {0};
	int found = diary_student_get(rq->db_read, id, &s);
	if (found < 0)
		return reply_db_failure(rq);
	if (!found) {
		/* family roles were refused above unless linked; staff see 404 */
		return reply_error(rq, 404, "not_found", NULL, NULL);
	}
	if (family < 0 && !rights_read_school(rq, s.school_id)) {
		json_decref(s.json);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], week_text[16];
	date_format(monday, from);
	date_format(date_add_days(monday, 6), to);
	snprintf(week_text, sizeof week_text, "%04d-W%02d", iso_year, iso_week);
	/* EXT-8, LV-5: the week's externship or leave, shown with its order */
	json_t *away = away_periods(rq->db_read, id, from, to);
	if (!away) {
		json_decref(s.json);
		return reply_db_failure(rq);
	}
	json_object_set_new(s.json, "away", away);
	/* the reply is written as text around the week (store/journal_views.h) */
	struct buf out = BUF_INIT;
	char *student = json_dumps(s.json, JSON_COMPACT);
	json_decref(s.json);
	buf_adds(&out, "{\"student\":");
	buf_adds(&out, student ? student : "null");
	free(student);
	jt_field_str(&out, "week", week_text, 0);
	jt_field_str(&out, "from", from, 0);
	jt_field_str(&out, "to", to, 0);
	buf_adds(&out, ",\"days\":");
	if (journal_student_week(rq->db_read, id, monday, &out) != DB_OK) {
		buf_release(&out);
		return reply_db_failure(rq);
	}
	json_t *term = term_for(rq->db_read, s.year_id, to);
	json_t *results = term ? term_results(rq->db_read, id, s.school_id, term) : NULL;
	json_t *electives = elective_meetings_of_student(rq->db_read, id, from, to);
	if ((term == NULL && rq->db_read->lost) || (term && !results) || !electives) {
		json_decref(term);
		json_decref(results);
		json_decref(electives);
		buf_release(&out);
		return reply_db_failure(rq);
	}
	json_t *tail = json_pack("{s:o, s:o, s:o}", "term", term ? term : json_null(), "results",
				 results ? results : json_null(), "electives", electives);
	char *text = json_dumps(tail, JSON_COMPACT);
	json_decref(tail);
	/* {"term":…,"results":…} joined on after the days: its opening brace becomes a comma */
	buf_addch(&out, ',');
	buf_adds(&out, text ? text + 1 : "\"term\":null,\"results\":null,\"electives\":[]}");
	free(text);
	return reply_json_text(rq, 200, &out);
}

/* GET /me/lessons?date=YYYY-MM-DD (default today): the signed-in teacher's lessons of
 * the day, their own and those they cover, each with the state of its journal, and the
 * elective groups they meet that day by the timetable (`electives`, TT-4). */
int api_my_lessons(struct req *rq)
{
	if (!rq->user.person_id || !rq->user.school_id)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	int64_t staff = staff_of_person(rq->db, rq->user.person_id, rq->user.school_id);
	if (!staff)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	struct date day = api_today();
	const char *given = req_query(rq, "date");
	if (given && date_parse(given, &day) != 0)
		return reply_error(rq, 400, "bad_query", NULL, "date");
	char text[DATE_TEXT_SIZE];
	date_format(day, text);
	json_t *items = journal_teacher_lessons(rq->db_read, staff, text, text);
	json_t *electives = items ? elective_meetings_of_teacher(rq->db_read, staff, text, text) : NULL;
	if (!electives) {
		json_decref(items);
		return reply_db_failure(rq);
	}
	json_t *body = json_pack("{s:o, s:I, s:n, s:s, s:I, s:o}", "items", items, "total",
				 (json_int_t)json_array_size(items), "next", "date", text, "staff_id", (json_int_t)staff,
				 "electives", electives);
	return reply_json(rq, 200, body);
}
