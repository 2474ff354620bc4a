/* common — rights and the shared steps of the API's handlers (see api.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "core/date.h"
#include "core/iin.h"
#include "report/pdf.h"
#include "store/db.h"
#include "store/people.h"

int rights_read_school(struct req *rq, int64_t school_id)
{
	if (rq->user.role & ROLES_NETWORK)
		return 1;
	return (rq->user.role & ROLES_SCHOOL_STAFF) && rq->user.school_id == school_id;
}

int rights_write_school(struct req *rq, int64_t school_id)
{
	if (rq->user.role == ROLE_NETWORK_ADMIN)
		return 1;
	return (rq->user.role & ROLES_SCHOOL_ADMIN) && rq->user.school_id == school_id;
}

int rights_write_network(struct req *rq)
{
	return rq->user.role == ROLE_NETWORK_ADMIN;
}

int rights_read_student(struct req *rq, int64_t student_id, int64_t school_id, int64_t person_id)
{
	if (rights_read_school(rq, school_id))
		return 1;
	if (rq->user.role == ROLE_STUDENT)
		return rq->user.person_id && rq->user.person_id == person_id;
	if (rq->user.role == ROLE_PARENT)
		return rq->user.person_id && representatives_is_linked(rq->db, student_id, rq->user.person_id);
	return 0;
}

static int may_read_student(struct req *rq, json_t *s)
{
	return rights_read_student(rq, api_int_at(s, "id"), api_int_at(s, "school_id"), api_int_at(s, "person_id"));
}

json_t *api_student_for(struct req *rq, int64_t id, int (*may)(struct req *rq, json_t *student))
{
	json_t *s = students_get(rq->db, id);
	if (!s && rq->db->lost) {
		reply_db_failure(rq);
		return NULL;
	}
	if (!s || !(may ? may : may_read_student)(rq, s)) {
		int fam = rq->user.role & (ROLE_STUDENT | ROLE_PARENT);
		if (s || fam)
			reply_error(rq, 403, "forbidden", NULL, NULL);
		else
			reply_error(rq, 404, "not_found", NULL, NULL);
		json_decref(s);
		return NULL;
	}
	return s;
}

int api_school_found(struct req *rq, int64_t school_id)
{
	int64_t n = 0;
	if (db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM schools WHERE id = $1", "i", school_id) == DB_ROW && n)
		return 1;
	reply_error(rq, 404, "not_found", NULL, NULL);
	return 0;
}

int64_t api_curriculum_school(struct req *rq, int64_t id)
{
	int64_t school = 0;
	int rc = db_query_int64(rq->db, &school, "SELECT school_id FROM school_curricula WHERE id = $1", "i", id);
	return rc == DB_ROW ? school : rc == DB_DONE ? 0 : -1;
}

int rights_write_timetable(struct req *rq, int64_t school_id)
{
	if (rq->user.role == ROLE_NETWORK_ADMIN)
		return 1;
	return (rq->user.role & (ROLES_SCHOOL_ADMIN | ROLE_TIMETABLE_OFFICER)) && rq->user.school_id == school_id;
}

/* Set once by `serve --today` before the server's threads start; read-only after. */
static struct date pinned_today;

void api_today_pin(struct date d)
{
	pinned_today = d;
}

int api_query_id(struct req *rq, const char *name, int64_t *out)
{
	const char *v = req_query(rq, name);
	*out = 0;
	if (!v)
		return 0;
	char *end;
	long long n = strtoll(v, &end, 10);
	if (!*v || *end || n <= 0) {
		reply_error(rq, 400, "bad_query", NULL, name);
		return -1;
	}
	*out = n;
	return 0;
}

int api_query_month(struct req *rq, char from[11], char to[11])
{
	const char *month = req_query(rq, "month");
	if (!month)
		return 0;
	char text[16];
	struct date first;
	snprintf(text, sizeof text, "%s-01", month);
	if (strlen(month) != 7 || date_parse(text, &first) != 0) {
		reply_error(rq, 400, "bad_query", NULL, "month");
		return -1;
	}
	date_format(first, from);
	date_format((struct date){first.y, first.m, date_days_in_month(first.y, first.m)}, to);
	return 1;
}

struct date api_today(void)
{
	if (pinned_today.y)
		return pinned_today;
	time_t t = time(NULL) + 5 * 3600; /* Kazakhstan: UTC+5 across the country since 1 March 2024 */
	struct tm tm;
	gmtime_r(&t, &tm);
	return (struct date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

json_t *api_merge(json_t *before, json_t *patch)
{
	json_t *after = json_deep_copy(before);
	json_object_update(after, patch);
	return after;
}

static const char *const sexes[] = {"m", "f", NULL};

const struct field_spec api_person_fields[] = {
	{.name = "last_name", .type = FIELD_STRING, .required = 1, .max_len = 100},
	{.name = "first_name", .type = FIELD_STRING, .required = 1, .max_len = 100},
	{.name = "middle_name", .type = FIELD_STRING, .max_len = 100, .nullable = 1},
	{.name = "iin", .type = FIELD_STRING, .max_len = 12, .nullable = 1},
	{.name = "birth_date", .type = FIELD_DATE, .nullable = 1},
	{.name = "sex", .type = FIELD_ENUM, .values = sexes, .nullable = 1},
	{.name = "phone", .type = FIELD_STRING, .max_len = 20, .nullable = 1},
	{.name = "email", .type = FIELD_STRING, .max_len = 254, .nullable = 1},
	{.name = NULL},
};

void api_specs_join(struct field_spec *out, size_t cap, const struct field_spec *extra, int iin_required)
{
	size_t n = 0;
	for (const struct field_spec *s = api_person_fields; s->name && n + 1 < cap; s++) {
		out[n] = *s;
		if (iin_required && (strcmp(s->name, "iin") == 0 || strcmp(s->name, "birth_date") == 0 ||
				     strcmp(s->name, "sex") == 0)) {
			out[n].required = 1;
			out[n].nullable = 0;
		}
		n++;
	}
	for (const struct field_spec *s = extra; s && s->name && n + 1 < cap; s++)
		out[n++] = *s;
	memset(&out[n], 0, sizeof out[n]);
}

static int phone_valid(const char *p)
{
	/* Kazakhstan numbers: +7 and ten digits. */
	if (strncmp(p, "+7", 2) != 0 || strlen(p) != 12)
		return 0;
	for (const char *c = p + 2; *c; c++)
		if (*c < '0' || *c > '9')
			return 0;
	return 1;
}

static int email_valid(const char *e)
{
	const char *at = strchr(e, '@');
	return at && at != e && strchr(at + 1, '.') && !strchr(at + 1, '@') && !strchr(e, ' ') &&
	       at[1] != '.' && e[strlen(e) - 1] != '.';
}

void api_check_person(struct req *rq, json_t *p, int required)
{
	const char *iin = json_string_value(json_object_get(p, "iin"));
	const char *birth = json_string_value(json_object_get(p, "birth_date"));
	const char *sex = json_string_value(json_object_get(p, "sex"));
	const char *phone = json_string_value(json_object_get(p, "phone"));
	const char *email = json_string_value(json_object_get(p, "email"));
	if (phone && !phone_valid(phone))
		reply_add_error(rq, "phone_invalid", NULL, "phone");
	if (email && !email_valid(email))
		reply_add_error(rq, "email_invalid", NULL, "email");
	if (!iin) {
		if (required)
			reply_add_error(rq, "missing_field", NULL, "iin");
		return;
	}
	struct iin_info info;
	enum iin_status st = iin_parse(iin, &info);
	static const char *const codes[] = {
		[IIN_BAD_FORMAT] = "iin_format", [IIN_BAD_DATE] = "iin_date",
		[IIN_BAD_CENTURY] = "iin_century", [IIN_BAD_CHECKSUM] = "iin_checksum"};
	if (st != IIN_OK) {
		reply_add_error(rq, codes[st], NULL, "iin");
		return;
	}
	/* Both disagreements are listed, so the user fixes them at once. */
	char iin_birth[16];
	snprintf(iin_birth, sizeof iin_birth, "%04d-%02d-%02d", info.year % 10000, info.month % 100,
		 info.day % 100);
	if (birth && strcmp(birth, iin_birth) != 0)
		reply_add_error(rq, "iin_birth_date_mismatch", NULL, "birth_date");
	if (sex && sex[0] != info.sex)
		reply_add_error(rq, "iin_sex_mismatch", NULL, "sex");
}

int api_person_written(struct req *rq, int rc)
{
	if (rc == DB_CONSTRAINT)
		reply_add_error(rq, "iin_taken", NULL, "iin");
	return rc == DB_OK;
}

int api_commit_reply(struct req *rq, int status, json_t *body)
{
	if (!body || db_commit(rq->db) != DB_OK) {
		json_decref(body);
		db_rollback(rq->db);
		return reply_db_failure(rq);
	}
	return reply_json(rq, status, body);
}

int api_rollback_errors(struct req *rq, int status)
{
	db_rollback(rq->db);
	if (!reply_has_errors(rq))
		return reply_db_failure(rq);
	return reply_errors(rq, status);
}

const char *api_text_at(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

int64_t api_int_at(json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

struct date api_date_at(json_t *o, const char *key)
{
	struct date d = {0};
	date_parse(api_text_at(o, key), &d);
	return d;
}

json_t *api_date_json(struct date d)
{
	char t[DATE_TEXT_SIZE];
	return d.y && date_format(d, t) == 0 ? json_string(t) : json_null();
}

int api_document_lang(struct req *rq)
{
	const char *code = req_query(rq, "lang");
	if (!code)
		return rq->lang;
	int l = lang_from_code(code);
	if (l < 0) {
		reply_error(rq, 400, "bad_query", NULL, "lang");
		return -1;
	}
	return l;
}

int api_reply_pdf(struct req *rq, char *pdf, size_t len, const char *filename)
{
	buf_release(&rq->raw);
	rq->raw.data = pdf;
	rq->raw.len = len;
	rq->raw.cap = len + 1;
	rq->raw_type = "application/pdf";
	snprintf(rq->disposition, sizeof rq->disposition, "attachment; filename=\"%s\"", filename);
	rq->raw_disposition = rq->disposition;
	rq->status = 200;
	return 200;
}

int api_reply_blocks_pdf(struct req *rq, json_t *blocks, const char *filename)
{
	struct buf file = BUF_INIT;
	int rc = blocks ? pdf_render(blocks, &file, NULL) : -1;
	json_decref(blocks);
	if (rc != 0) {
		buf_release(&file);
		return reply_error(rq, 500, "internal", NULL, NULL);
	}
	size_t len = 0;
	char *data = buf_detach(&file, &len);
	return api_reply_pdf(rq, data, len, filename);
}
