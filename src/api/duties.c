/* duties (api) — what is done about a case of the movement book after its order
 * (issue 7): the director sends the order's copy to the ДББҰ contingent unit (EXT-9,
 * LV-6, LV-9, EXT-11), which sees it in its inbox with the 3-working-day rule checked
 * and marks it received; the list of subjects studied abroad (EXT-6), a year's
 * consultation schedule approved by order (EXT-13) and the curator's monthly tasks
 * (EXT-14) are marked done by the one the rule makes responsible. Marking a duty that
 * the rules deliver by e-mail queues the message in the outbox (the schedule to the
 * student and the representatives, whose delivery meets EXT-13's e-mail; the tasks;
 * the copy to the unit's address when one is configured). docs/movement.md, "Duties". */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/movement.h"
#include "core/date.h"
#include "core/deadline.h"
#include "core/movement.h"
#include "core/roles.h"
#include "mail/mail.h"
#include "report/movement_pdf.h"
#include "store/audit.h"
#include "store/calendar.h"
#include "store/movement.h"
#include "store/outbox.h"
#include "store/people.h"
#include "util/buf.h"

#define MAX_ATTACHMENTS 4
#define MAX_ATTACHMENT_BASE64 (900 * 1024) /* within the 1 MiB body */

/* --- who marks what: the rule's responsible one --- */

/* The signed-in teacher is the curator of the student's class (EXT-14). */
static int is_curator(struct req *rq, int64_t student_id)
{
	int64_t n = 0;
	return rq->user.person_id &&
	       db_query_int64(rq->db, &n, "SELECT COUNT(*) FROM students s JOIN classes c ON c.id = s.class_id"
					  " JOIN staff t ON t.id = c.curator_id WHERE s.id = $1 AND t.person_id = $2",
			      "ii", student_id, rq->user.person_id) == DB_ROW && n > 0;
}

static int may_mark(struct req *rq, json_t *c, const char *code)
{
	int64_t school = api_int_at(c, "school_id"), student = api_int_at(c, "student_id");
	int own = rq->user.school_id == school;
	enum role r = rq->user.role;
	if (strcmp(code, "contingent_copy") == 0) /* EXT-9, LV-6, LV-9: the director */
		return own && r == ROLE_DIRECTOR;
	if (strcmp(code, "subject_list") == 0) /* EXT-6: the representatives hand it in; the
						  administration records a paper one */
		return (r == ROLE_PARENT && rq->user.person_id &&
			representatives_is_linked(rq->db, student, rq->user.person_id)) ||
		       (own && (r == ROLE_DIRECTOR || r == ROLE_DEPUTY_ACADEMIC));
	if (strcmp(code, "consultation_schedule") == 0) /* EXT-13: the deputy prepares it, the
							   director's order approves it */
		return own && (r == ROLE_DIRECTOR || r == ROLE_DEPUTY_ACADEMIC);
	if (strcmp(code, "schedule_email") == 0) /* EXT-13: sent otherwise than by the outbox */
		return own && r == ROLE_DEPUTY_ACADEMIC;
	if (strcmp(code, "curator_tasks") == 0) /* EXT-14: the class's curator */
		return own && r == ROLE_TEACHER && is_curator(rq, student);
	if (strcmp(code, "monthly_works") == 0) /* EXT-16: the month's completed tasks received,
						   by the curator or the administration */
		return own && (r == ROLE_DIRECTOR || r == ROLE_DEPUTY_ACADEMIC ||
			       (r == ROLE_TEACHER && is_curator(rq, student)));
	return 0;
}

/* --- the messages a duty sends --- */

struct duty_request {
	const char *code;
	const char *period;   /* NULL: the first one not done */
	struct date done_on;
	const char *message;  /* the curator's or the deputy's words, or NULL */
	json_t *attachments;  /* [{"name","mime_type","content"}] or NULL */
};

/* "a@x,b@y": the case's e-mails of the student and the representatives */
static void family_recipients(json_t *c, struct buf *to)
{
	const char *keys[] = {"representative_email", "student_email"};
	for (size_t i = 0; i < 2; i++) {
		const char *a = api_text_at(c, keys[i]);
		if (!a || !strchr(a, '@') || strpbrk(a, ",\r\n <>"))
			continue;
		if (to->len)
			buf_addch(to, ',');
		buf_adds(to, a);
	}
}

static void student_line(struct buf *b, json_t *student)
{
	buf_addf(b, "%s %s", api_text_at(student, "last_name") ? api_text_at(student, "last_name") : "",
		 api_text_at(student, "first_name") ? api_text_at(student, "first_name") : "");
}

/* The documents a duty's message carries, made from the case (report/movement_pdf.h):
 * the order for its copy to the unit (EXT-9, LV-6, LV-9), the consultation schedule for
 * the family (EXT-13, A1§18 "PDF форматында"); in Kazakh and in Russian, as the message
 * is written. Appended to att[*n..] while there is room; each name and content is
 * malloc'd into keep[] for the caller to free. DB_OK or a negative rc. */
static int add_documents(struct db *db, int64_t case_id, const char *code, struct outbox_attachment *att, size_t *n,
			 char **keep)
{
	int schedule = strcmp(code, "consultation_schedule") == 0;
	if (!schedule && strcmp(code, "contingent_copy") != 0)
		return DB_OK;
	static const enum lang langs[] = {LANG_KK, LANG_RU};
	for (size_t i = 0; i < 2 && *n < MAX_ATTACHMENTS; i++) {
		char *pdf = NULL, *name = malloc(48), *b64;
		size_t len = 0;
		int rc = schedule ? movement_schedule_pdf(db, case_id, langs[i], &pdf, &len)
				  : movement_order_pdf(db, case_id, langs[i], &pdf, &len);
		if (rc != MOVEMENT_PDF_OK || !name) {
			free(name);
			return DB_ERROR;
		}
		size_t cap = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
		b64 = malloc(cap);
		if (!b64) {
			free(pdf);
			free(name);
			return DB_ERROR;
		}
		sodium_bin2base64(b64, cap, (const unsigned char *)pdf, len, sodium_base64_VARIANT_ORIGINAL);
		free(pdf);
		snprintf(name, 48, "%s-%lld-%s.pdf", schedule ? "schedule" : "order", (long long)case_id,
			 lang_code(langs[i]));
		keep[2 * i] = name;
		keep[2 * i + 1] = b64;
		att[(*n)++] = (struct outbox_attachment){name, "application/pdf", b64, len};
	}
	return DB_OK;
}

/* Queues the e-mail the duty sends, if any. DB_OK or rc. */
static int queue_mail(struct req *rq, json_t *c, json_t *student, const struct duty_request *d,
		      const char *period)
{
	struct buf to = BUF_INIT, subject = BUF_INIT, body = BUF_INIT;
	struct outbox_message m = {.school_id = api_int_at(c, "school_id"), .case_id = api_int_at(c, "id")};
	json_t *order = json_object_get(c, "order");
	const char *number = api_text_at(order, "number"), *date = api_text_at(order, "date");
	if (strcmp(d->code, "contingent_copy") == 0 && mail_config()->contingent_to) {
		buf_adds(&to, mail_config()->contingent_to);
		m.purpose = "contingent_copy";
		buf_addf(&subject, "Бұйрықтың көшірмесі / Копия приказа № %s, %s — ", number, date);
		student_line(&subject, student);
		buf_addf(&body, "Бұйрықтың көшірмесі (№ %s, %s): ", number, date);
		student_line(&body, student);
		buf_addf(&body, ", %s, %s – %s.\nКопия приказа (№ %s от %s): ", api_text_at(c, "kind"),
			 api_text_at(order, "starts_on"), api_text_at(order, "ends_on") ? api_text_at(order, "ends_on") : "",
			 number, date);
		student_line(&body, student);
		buf_adds(&body, ".\n");
	} else if (strcmp(d->code, "consultation_schedule") == 0 || strcmp(d->code, "curator_tasks") == 0) {
		family_recipients(c, &to);
		int schedule = strcmp(d->code, "consultation_schedule") == 0;
		m.purpose = d->code;
		if (schedule) {
			/* EXT-13: its delivery is the e-mail due 2 working days after its order */
			m.duty = "schedule_email";
			m.period = period;
			buf_adds(&subject, "Қашықтан консультациялар кестесі / График дистанционных консультаций — ");
			buf_adds(&body, "Құрметті ата-ана және оқушы! Экстерн оқушының қашықтан консультациялар кестесі "
					"бекітілді, тіркемеде.\nУважаемые родители и обучающийся! Утверждён график "
					"дистанционных консультаций обучающегося в экстернате, он во вложении.\n");
		} else {
			buf_addf(&subject, "Айлық тапсырмалар / Задания на месяц %.7s — ", period ? period : "");
			buf_adds(&body, "Экстерн оқушының осы айдағы тапсырмалары.\nЗадания обучающегося в экстернате "
					"на этот месяц.\n");
		}
		student_line(&subject, student);
		if (d->message)
			buf_addf(&body, "\n%s\n", d->message);
	}
	int rc = DB_OK;
	if (m.purpose && to.len) {
		size_t n = json_array_size(d->attachments);
		struct outbox_attachment att[MAX_ATTACHMENTS];
		for (size_t i = 0; i < n && i < MAX_ATTACHMENTS; i++) {
			json_t *a = json_array_get(d->attachments, i);
			att[i] = (struct outbox_attachment){api_text_at(a, "name"), api_text_at(a, "mime_type"),
							    api_text_at(a, "content"), (size_t)api_int_at(a, "size")};
		}
		size_t count = n < MAX_ATTACHMENTS ? n : MAX_ATTACHMENTS;
		char *keep[4] = {NULL, NULL, NULL, NULL};
		rc = add_documents(rq->db, api_int_at(c, "id"), d->code, att, &count, keep);
		m.recipients = to.data;
		m.subject = subject.data;
		m.body = body.data;
		m.attachments = att;
		m.n_attachments = count;
		if (rc == DB_OK)
			rc = outbox_enqueue(rq->db, &m, rq->user.id, NULL);
		for (size_t i = 0; i < 4; i++)
			free(keep[i]);
	}
	buf_release(&to);
	buf_release(&subject);
	buf_release(&body);
	return rc;
}

/* The year's consultation schedule approved by the director's order on `on` (EXT-13),
 * inside the caller's write transaction: the duty recorded done (unless it was marked
 * already) and the schedule's e-mail queued to the family with its PDF. `period` is the
 * academic year's first day as the duties key it. DB_OK or rc. */
int duties_schedule_approved(struct req *rq, int64_t case_id, const char *period, const char *on)
{
	int rc = movement_duty_record(rq->db, case_id, "consultation_schedule", period, on, rq->user.id);
	if (rc == DB_CONSTRAINT)
		return DB_OK; /* marked by hand before: its e-mail went then */
	json_t *c = rc == DB_OK ? movement_case_get(rq->db, case_id) : NULL;
	json_t *student = c ? students_get(rq->db, api_int_at(c, "student_id")) : NULL;
	struct duty_request d = {.code = "consultation_schedule"};
	rc = student ? queue_mail(rq, c, student, &d, period) : rc < 0 ? rc : DB_ERROR;
	json_decref(c);
	json_decref(student);
	return rc;
}

/* --- marking a duty --- */

/* The deadline of the case the request meets: its code and period, or the first of the
 * code not done; NULL when there is none. */
static json_t *find_deadline(json_t *deadlines, const struct duty_request *d)
{
	size_t i;
	json_t *x, *first_open = NULL, *any = NULL;
	json_array_foreach(deadlines, i, x) {
		if (strcmp(api_text_at(x, "code"), d->code) != 0)
			continue;
		const char *p = api_text_at(x, "period");
		if (d->period)
			if (p && strcmp(p, d->period) == 0)
				return x;
		if (!d->period && !any)
			any = x;
		if (!d->period && !first_open && !json_is_string(json_object_get(x, "done_on")))
			first_open = x;
	}
	return first_open ? first_open : any;
}

static int mark(struct req *rq, const struct duty_request *d)
{
	json_t *c = movement_case_get(rq->db, rq->params[0]);
	if (!c)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	int allowed = may_mark(rq, c, d->code);
	json_decref(c);
	if (!allowed)
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	struct date today = api_today();
	if (date_compare(d->done_on, today) > 0)
		return reply_error(rq, 422, "date_in_future", NULL, "done_on");

	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = movement_case_get(rq->db, rq->params[0]);
	json_t *student = before ? students_get(rq->db, api_int_at(before, "student_id")) : NULL;
	char funding[16], programme[8];
	struct holidays_table t;
	if (!student || movement_school_programme(rq->db, api_int_at(before, "school_id"), programme) != DB_OK ||
	    holidays_load(rq->db, &t) != DB_OK) {
		json_decref(before);
		json_decref(student);
		return api_rollback_errors(rq, 500);
	}
	snprintf(funding, sizeof funding, "%s", api_text_at(student, "funding") ? api_text_at(student, "funding") : "");
	json_t *deadlines = movement_case_deadlines(before, &t.cal, programme, funding);
	holidays_table_release(&t);
	json_t *due = find_deadline(deadlines, d);
	int status = 0;
	char period[DATE_TEXT_SIZE] = "";
	if (!due) {
		/* nothing of that kind is due for this case (yet): no order, not an externship,
		 * a copy LV-6 does not ask for, a month outside the externship */
		reply_add_error(rq, "duty_not_due", NULL, d->period ? "period" : "code");
		status = 422;
	} else if (json_is_string(json_object_get(due, "done_on"))) {
		reply_add_error(rq, "duty_already_done", api_text_at(due, "rule"), "code");
		status = 409;
	} else {
		/* every duty follows the order (a schedule or a month's tasks may be ready
		 * before the externship or the month begins); the schedule's e-mail follows
		 * the schedule's approval */
		struct date from = {0};
		date_parse(api_text_at(json_object_get(before, "order"), "date"), &from);
		if (strcmp(d->code, "schedule_email") == 0)
			date_parse(api_text_at(due, "from"), &from);
		if (date_compare(d->done_on, from) < 0) {
			reply_add_error(rq, "date_before_event", api_text_at(due, "rule"), "done_on");
			status = 422;
		}
		if (api_text_at(due, "period"))
			snprintf(period, sizeof period, "%s", api_text_at(due, "period"));
	}
	if (status) {
		json_decref(deadlines);
		json_decref(before);
		json_decref(student);
		return api_rollback_errors(rq, status);
	}
	json_decref(deadlines);
	char on[DATE_TEXT_SIZE];
	date_format(d->done_on, on);
	int64_t id = api_int_at(before, "id"), school = api_int_at(before, "school_id");
	int rc = movement_duty_record(rq->db, id, d->code, period[0] ? period : NULL, on, rq->user.id);
	json_t *after = rc == DB_OK ? movement_case_get(rq->db, id) : NULL;
	int ok = after && audit_record(rq->db, rq->user.id, school, "duty", "movement_case", id, before, after) == DB_OK &&
		 queue_mail(rq, after, student, d, period[0] ? period : NULL) == DB_OK &&
		 movement_case_decorate(rq->db, after, funding) == 0;
	json_decref(before);
	json_decref(student);
	if (!ok) {
		json_decref(after);
		if (rc == DB_CONSTRAINT) /* recorded meanwhile by another request */
			reply_add_error(rq, "duty_already_done", NULL, "code");
		return api_rollback_errors(rq, rc == DB_CONSTRAINT ? 409 : 500);
	}
	return api_commit_reply(rq, 200, after);
}

static const char *const duty_codes[] = {"contingent_copy", "subject_list", "consultation_schedule", "schedule_email",
					 "curator_tasks", "monthly_works", NULL};

static const struct field_spec attachment_fields[] = {
	{.name = "name", .type = FIELD_STRING, .required = 1, .max_len = 200},
	{.name = "mime_type", .type = FIELD_STRING, .required = 1, .max_len = 100},
	{.name = "content", .type = FIELD_STRING, .required = 1, .max_len = MAX_ATTACHMENT_BASE64},
	{.name = NULL},
};

static const struct field_spec duty_fields[] = {
	{.name = "code", .type = FIELD_ENUM, .required = 1, .values = duty_codes},
	{.name = "period", .type = FIELD_DATE, .nullable = 1},
	{.name = "done_on", .type = FIELD_DATE},
	{.name = "message", .type = FIELD_STRING, .nullable = 1, .allow_empty = 1, .max_len = 4000},
	{.name = "attachments", .type = FIELD_LIST, .max_len = MAX_ATTACHMENTS, .fields = attachment_fields},
	{.name = NULL},
};

/* Checks each attachment's base64 and a MIME type without line breaks; puts "size" in
 * each. Adds a problem per bad one. */
static void check_attachments(struct req *rq, json_t *list)
{
	size_t i;
	json_t *a;
	json_array_foreach(list, i, a) {
		const char *b64 = api_text_at(a, "content"), *type = api_text_at(a, "mime_type"), *name = api_text_at(a, "name");
		size_t n = strlen(b64), bytes = 0;
		unsigned char *bin = malloc(n + 1);
		char field[48];
		if (!bin || sodium_base642bin(bin, n + 1, b64, n, "\r\n", &bytes, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
		    bytes == 0) {
			snprintf(field, sizeof field, "attachments[%zu].content", i);
			reply_add_error(rq, "attachment_invalid", NULL, field);
		}
		free(bin);
		if (strpbrk(type, "\r\n\";") || !strchr(type, '/') || strpbrk(name, "\r\n/\\")) {
			snprintf(field, sizeof field, "attachments[%zu].%s", i, strpbrk(name, "\r\n/\\") ? "name" : "mime_type");
			reply_add_error(rq, "attachment_invalid", NULL, field);
		}
		json_object_set_new(a, "size", json_integer((json_int_t)bytes));
	}
}

/* POST /applications/{id}/duties {"code","period","done_on","message","attachments"} */
int api_application_duty(struct req *rq)
{
	if (validate_body(rq, duty_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	check_attachments(rq, json_object_get(rq->json, "attachments"));
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	struct duty_request d = {.code = body_str(rq, "code"), .period = body_str(rq, "period"),
				 .done_on = api_today(), .message = body_str(rq, "message"),
				 .attachments = json_object_get(rq->json, "attachments")};
	if (body_str(rq, "done_on"))
		date_parse(body_str(rq, "done_on"), &d.done_on);
	return mark(rq, &d);
}

static const struct field_spec copy_fields[] = {
	{.name = "date", .type = FIELD_DATE},
	{.name = NULL},
};

/* POST /applications/{id}/copy-sent {"date"}: the director sends the order's copy to
 * the contingent unit (today when no date). */
int api_application_copy_sent(struct req *rq)
{
	if (validate_body(rq, copy_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	struct duty_request d = {.code = "contingent_copy", .done_on = api_today()};
	if (body_str(rq, "date"))
		date_parse(body_str(rq, "date"), &d.done_on);
	return mark(rq, &d);
}

/* --- the contingent unit's inbox --- */

/* The copy's deadline of the case: its due day, rule, state and lateness. */
static void add_copy_deadline(json_t *item, json_t *c, const struct holiday_calendar *cal, const char *programme)
{
	json_t *list = movement_case_deadlines(c, cal, programme, api_text_at(c, "funding"));
	size_t i;
	json_t *d;
	json_array_foreach(list, i, d) {
		if (strcmp(api_text_at(d, "code"), "contingent_copy") != 0)
			continue;
		json_object_set(item, "rule", json_object_get(d, "rule"));
		json_object_set(item, "due", json_object_get(d, "due"));
		json_object_set(item, "by_analogy", json_object_get(d, "by_analogy"));
		json_object_set(item, "state", json_object_get(d, "state"));
		json_object_set(item, "on_time", json_boolean(strcmp(api_text_at(d, "state"), "done") == 0));
		json_object_set_new(item, "late_by", json_integer(json_integer_value(json_object_get(d, "late_by"))));
	}
	json_decref(list);
}

/* GET /contingent/inbox?school=&month=YYYY-MM: the orders' copies sent to the unit. */
int api_contingent_inbox(struct req *rq)
{
	int64_t school = 0;
	char from[DATE_TEXT_SIZE] = "", to[DATE_TEXT_SIZE] = "";
	if (api_query_id(rq, "school", &school) != 0 || api_query_month(rq, from, to) < 0)
		return rq->status;
	if (school && !api_school_found(rq, school))
		return rq->status;
	json_t *cases = movement_contingent_inbox(rq->db, school, from[0] ? from : NULL, to[0] ? to : NULL);
	struct holidays_table t;
	if (!cases || holidays_load(rq->db, &t) != DB_OK) {
		json_decref(cases);
		return reply_db_failure(rq);
	}
	json_t *items = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(cases, i, c) {
		char programme[8];
		if (movement_school_programme(rq->db, api_int_at(c, "school_id"), programme) != DB_OK)
			snprintf(programme, sizeof programme, "nis");
		json_t *item = json_pack("{s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O}", "case_id", json_object_get(c, "id"),
					 "school", json_object_get(c, "school"), "student", json_object_get(c, "student"),
					 "kind", json_object_get(c, "kind"), "funding", json_object_get(c, "funding"),
					 "order", json_object_get(c, "order"), "sent_on", json_object_get(c, "sent_on"),
					 "received_on", json_object_get(c, "received_on"));
		add_copy_deadline(item, c, &t.cal, programme);
		json_array_append_new(items, item);
	}
	holidays_table_release(&t);
	size_t n = json_array_size(items);
	json_decref(cases);
	return reply_json(rq, 200, json_pack("{s:o, s:I, s:n}", "items", items, "total", (json_int_t)n, "next"));
}

static const struct field_spec received_fields[] = {
	{.name = "date", .type = FIELD_DATE},
	{.name = NULL},
};

/* POST /contingent/inbox/{case id}/received {"date"}: the unit has the copy. */
int api_contingent_received(struct req *rq)
{
	if (validate_body(rq, received_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	char on[DATE_TEXT_SIZE];
	struct date d = api_today();
	if (body_str(rq, "date"))
		date_parse(body_str(rq, "date"), &d);
	date_format(d, on);
	if (date_compare(d, api_today()) > 0)
		return reply_error(rq, 422, "date_in_future", NULL, "date");
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	json_t *before = movement_case_get(rq->db, rq->params[0]);
	if (!before) {
		if (rq->db->lost)
			return api_rollback_errors(rq, 500);
		reply_add_error(rq, "not_found", NULL, NULL);
		return api_rollback_errors(rq, 404);
	}
	json_t *copy = NULL;
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(before, "duties"), i, x)
		if (strcmp(api_text_at(x, "code"), "contingent_copy") == 0)
			copy = x;
	int status = 0;
	if (!copy) {
		reply_add_error(rq, "copy_not_sent", NULL, NULL);
		status = 404;
	} else if (api_text_at(copy, "received_on")) {
		reply_add_error(rq, "duty_already_done", NULL, "date");
		status = 409;
	} else if (strcmp(on, api_text_at(copy, "done_on")) < 0) {
		reply_add_error(rq, "date_before_event", NULL, "date");
		status = 422;
	}
	if (status) {
		json_decref(before);
		return api_rollback_errors(rq, status);
	}
	int64_t id = api_int_at(before, "id");
	json_t *after = movement_copy_receive(rq->db, id, on, rq->user.id) == DB_OK ? movement_case_get(rq->db, id) : NULL;
	int ok = after && audit_record(rq->db, rq->user.id, api_int_at(before, "school_id"), "copy_received", "movement_case",
				       id, before, after) == DB_OK;
	json_decref(before);
	if (!ok) {
		json_decref(after);
		return api_rollback_errors(rq, 500);
	}
	return api_commit_reply(rq, 200, after);
}
