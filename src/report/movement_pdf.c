/* movement_pdf (report) — a case's documents from the database to PDF; see
 * movement_pdf.h. Gathers the case, the student, the school, the representative who
 * signs and the director, then movement_docs.c describes and pdf.c draws. */
#include "report/movement_pdf.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "report/movement_docs.h"
#include "report/pdf.h"
#include "store/externship_plan.h"
#include "store/movement.h"
#include "store/org.h"
#include "store/people.h"

#define SCHEDULE_EMPTY_ROWS 12

static const char *str_at(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static int same_name(json_t *a, json_t *b)
{
	return *str_at(a, "last_name") && strcmp(str_at(a, "last_name"), str_at(b, "last_name")) == 0 &&
	       strcmp(str_at(a, "first_name"), str_at(b, "first_name")) == 0;
}

/* The representative who filed the case when a parent did, else the student's first. */
static json_t *representative(struct db *db, json_t *c, int64_t student_id)
{
	json_t *reps = representatives_of(db, student_id);
	if (!reps)
		return NULL;
	json_t *filed = json_object_get(json_object_get(c, "actors"), "filed"), *pick = json_array_get(reps, 0);
	size_t i;
	json_t *r;
	if (strcmp(str_at(filed, "role"), "parent") == 0)
		json_array_foreach(reps, i, r)
			if (same_name(r, filed))
				pick = r;
	json_t *out = pick ? json_incref(pick) : json_null();
	json_decref(reps);
	return out;
}

/* The school's director; the one who signed when it was someone else (acting). */
static json_t *director(struct db *db, json_t *c)
{
	int64_t total = 0;
	json_t *list = staff_list(db, json_integer_value(json_object_get(c, "school_id")), NULL, "director", 1, 0, &total);
	if (!list)
		return NULL;
	json_t *d = json_array_get(list, 0), *signer = json_object_get(json_object_get(c, "actors"), "ordered");
	json_t *out = json_is_object(signer) && !(d && same_name(d, signer)) ? json_incref(signer)
		: d ? json_incref(d) : json_null();
	json_decref(list);
	return out;
}

/* {"case","student","school","representative","director"} of movement_docs.h; NULL with
 * *rc set. */
static json_t *gather(struct db *db, int64_t case_id, int *rc)
{
	json_t *c = movement_case_get(db, case_id);
	if (!c) {
		*rc = db->lost ? MOVEMENT_PDF_ERROR : MOVEMENT_PDF_NOT_FOUND;
		return NULL;
	}
	json_t *data = NULL;
	int64_t student_id = json_integer_value(json_object_get(c, "student_id"));
	json_t *st = NULL, *school = NULL, *rep = NULL, *dir = NULL;
	if (movement_case_add_actors(db, c) == 0 && (st = students_get(db, student_id)) &&
	    (school = schools_get(db, json_integer_value(json_object_get(c, "school_id")))) &&
	    (rep = representative(db, c, student_id)) && (dir = director(db, c)))
		data = json_pack("{s:O, s:O, s:O, s:O, s:O}", "case", c, "student", st, "school", school,
				 "representative", rep, "director", dir);
	json_decref(c);
	json_decref(st);
	json_decref(school);
	json_decref(rep);
	json_decref(dir);
	*rc = data ? MOVEMENT_PDF_OK : MOVEMENT_PDF_ERROR;
	return data;
}

/* Draws the description into *out. */
static int draw(json_t *blocks, char **out, size_t *len)
{
	struct buf b = BUF_INIT;
	int rc = blocks && pdf_render(blocks, &b, NULL) == 0 ? MOVEMENT_PDF_OK : MOVEMENT_PDF_ERROR;
	json_decref(blocks);
	if (rc != MOVEMENT_PDF_OK) {
		buf_release(&b);
		return rc;
	}
	*out = buf_detach(&b, len);
	return MOVEMENT_PDF_OK;
}

/* The case's recorded consultation schedules in `lang` as movement_docs.h's
 * "schedules": each year's name, its approving order, its rows (the subject with its
 * teacher under it). 0, or -1 on a database error. */
static int add_schedules(struct db *db, json_t *data, enum lang lang)
{
	json_t *c = json_object_get(data, "case"), *order = json_object_get(c, "order");
	const char *from = *str_at(order, "starts_on") ? str_at(order, "starts_on") : str_at(c, "starts_on");
	const char *to = *str_at(order, "ends_on") ? str_at(order, "ends_on") : str_at(c, "ends_on");
	json_t *plans = externship_plans_of_case(db, json_integer_value(json_object_get(c, "id")));
	json_t *years = plans && *from && *to
		? externship_years(db, json_integer_value(json_object_get(c, "school_id")), from, to) : json_array();
	if (!plans || !years) {
		json_decref(plans);
		json_decref(years);
		return -1;
	}
	json_t *out = json_array();
	size_t i, k;
	json_t *plan, *y, *r;
	json_array_foreach(plans, i, plan) {
		const char *year = "";
		json_array_foreach(years, k, y)
			if (json_integer_value(json_object_get(y, "id")) ==
			    json_integer_value(json_object_get(plan, "academic_year_id")))
				year = str_at(y, "name");
		json_t *rows = json_array();
		json_array_foreach(json_object_get(plan, "rows"), k, r) {
			json_t *subject = json_object_get(r, "subject"), *teacher = json_object_get(r, "teacher");
			const char *name = str_at(json_object_get(subject, "name"), lang_code(lang));
			json_t *cell = json_is_object(teacher)
				? json_sprintf("%s\n%s %s", name, str_at(teacher, "last_name"), str_at(teacher, "first_name"))
				: json_string(name);
			json_array_append_new(rows, json_pack("{s:o, s:O?, s:O?, s:O?, s:O?, s:O?}", "subject", cell, "date",
							      json_object_get(r, "consultation_on"), "topic",
							      json_object_get(r, "topic"), "sent_on",
							      json_object_get(r, "work_sent_on"), "received_on",
							      json_object_get(r, "work_received_on"), "note",
							      json_object_get(r, "note")));
		}
		json_array_append_new(out, json_pack("{s:s, s:O?, s:o}", "year", year, "order",
						     json_object_get(plan, "order"), "rows", rows));
	}
	json_object_set_new(data, "schedules", out);
	json_decref(plans);
	json_decref(years);
	return 0;
}

enum document { D_FORM, D_ORDER, D_SCHEDULE };

static int document(struct db *db, int64_t case_id, enum lang lang, enum document which, char **out, size_t *len)
{
	int rc;
	json_t *data = gather(db, case_id, &rc);
	if (!data)
		return rc;
	json_t *c = json_object_get(data, "case");
	if (which == D_ORDER && !json_is_object(json_object_get(c, "order")))
		rc = MOVEMENT_PDF_NO_ORDER;
	else if (which == D_SCHEDULE && strcmp(str_at(c, "kind"), "externship") != 0)
		rc = MOVEMENT_PDF_NOT_EXTERNSHIP;
	else if (which == D_SCHEDULE && add_schedules(db, data, lang) != 0)
		rc = MOVEMENT_PDF_ERROR;
	else
		rc = draw(which == D_FORM ? movement_doc_application(data, lang)
			  : which == D_ORDER ? movement_doc_order(data, lang)
			  : movement_doc_schedule(data, lang, SCHEDULE_EMPTY_ROWS), out, len);
	json_decref(data);
	return rc;
}

int movement_form_pdf(struct db *db, int64_t case_id, enum lang lang, char **out, size_t *len)
{
	return document(db, case_id, lang, D_FORM, out, len);
}

int movement_order_pdf(struct db *db, int64_t case_id, enum lang lang, char **out, size_t *len)
{
	return document(db, case_id, lang, D_ORDER, out, len);
}

int movement_schedule_pdf(struct db *db, int64_t case_id, enum lang lang, char **out, size_t *len)
{
	return document(db, case_id, lang, D_SCHEDULE, out, len);
}
