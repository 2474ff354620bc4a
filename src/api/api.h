/* api — what the handlers of every area share: the rights of the signed-in user over
 * schools and people, and the steps of a write (validate, transaction, audit). */
#ifndef MEKTEP_API_API_H
#define MEKTEP_API_API_H

#include <jansson.h>
#include <stdint.h>

#include "http/reply.h"
#include "http/request.h"
#include "http/validate.h"

/* --- rights (checked per school and per object; a refused request writes nothing) --- */

/* Network roles see every school; school roles their own; students and parents none. */
int rights_read_school(struct req *rq, int64_t school_id);
/* The network office, or the director and deputies of that school. */
int rights_write_school(struct req *rq, int64_t school_id);
/* The network office only (schools, subjects). */
int rights_write_network(struct req *rq);
/* Staff of the student's school, the network roles, the student, their representatives. */
int rights_read_student(struct req *rq, int64_t student_id, int64_t school_id, int64_t person_id);

/* The student `id` (students_get) when `may` (rights_read_student's reading when NULL)
 * allows the user; NULL after replying — 403 to a student or parent whether or not the
 * id exists (a family member learns nothing of other records), else 404 or 403. */
json_t *api_student_for(struct req *rq, int64_t id, int (*may)(struct req *rq, json_t *student));

/* ?name=ID: *out gets the id, 0 when absent; returns 0, or -1 after replying 400
 * bad_query when it is not a positive integer. */
int api_query_id(struct req *rq, const char *name, int64_t *out);
/* ?month=YYYY-MM: its first and last day into from/to; returns 1, 0 when absent, or -1
 * after replying 400 bad_query. */
int api_query_month(struct req *rq, char from[11], char to[11]);

/* Replies 404 and returns 0 when the school does not exist, else returns 1. */
int api_school_found(struct req *rq, int64_t school_id);
/* The school of ЖОЖ `id`, 0 when there is no such ЖОЖ, -1 on a database error. */
int64_t api_curriculum_school(struct req *rq, int64_t id);
/* The network office, or the director, deputies and the responsible person for the
 * timetable (ORG-5, R§23) of that school. */
int rights_write_timetable(struct req *rq, int64_t school_id);

/* Today's date in Kazakhstan (UTC+5 across the country since 1 March 2024). */
struct date;
struct date api_today(void);
/* Pins "today" for the whole server (`serve --today`): demos and tests. */
void api_today_pin(struct date d);

/* --- reading the records the store gives --- */

/* o[key] as text (NULL when absent or not a string), as an integer (0), as a date ({0}
 * when absent or not a date); a date as JSON ('YYYY-MM-DD', null for {0}). */
const char *api_text_at(json_t *o, const char *key);
int64_t api_int_at(json_t *o, const char *key);
struct date api_date_at(json_t *o, const char *key);
json_t *api_date_json(struct date d);

/* --- handler steps --- */

/* The language of a document asked for by ?lang=kk|ru|en, the request's language when
 * absent; -1 after replying 400 for another value. */
int api_document_lang(struct req *rq);
/* Replies 200 with a PDF file (taken: freed after the reply) named `filename`. */
int api_reply_pdf(struct req *rq, char *pdf, size_t len, const char *filename);
/* Draws the document description (report/pdf.h; taken) and replies it as api_reply_pdf
 * does; 500 when it does not draw. */
int api_reply_blocks_pdf(struct req *rq, json_t *blocks, const char *filename);

/* A new object: a deep copy of `before` with the fields of `patch` put over it. */
json_t *api_merge(json_t *before, json_t *patch);
/* Adds the IIN problems of a person record (format, check digit, agreement with
 * birth_date and sex) to the request's errors. `required` refuses a missing IIN. */
void api_check_person(struct req *rq, json_t *person, int required);
/* The person fields' specs, to be embedded in the specs of students, staff and
 * representatives; `iin_required` for students. */
extern const struct field_spec api_person_fields[];
/* Copies the person specs and `extra` into out (capacity cap) and ends it with {NULL}. */
void api_specs_join(struct field_spec *out, size_t cap, const struct field_spec *extra, int iin_required);

/* CAL-5, CAL-1..CAL-4 for a change of a year's dates (api/calendar.c): the dates of an
 * approved year are fixed (adds year_approved, returns 409); a year with a structure
 * must still pass its check (adds every problem, returns 422); returns 500 on a
 * database failure (nothing added) and 0 when the change may go on. `before` and
 * `after` are the year's records (years_get) without and with the change. */
int api_calendar_check_dates(struct req *rq, int64_t school, json_t *before, json_t *after);

/* Whether a write of a person record succeeded (rc == DB_OK). A unique-key refusal is
 * another person with the IIN who got there first (a concurrent write that the check
 * before the write could not see): it adds iin_taken. */
int api_person_written(struct req *rq, int rc);

/* Commits the transaction and replies `status` with `body`, or rolls back and replies
 * with the database failure. */
int api_commit_reply(struct req *rq, int status, json_t *body);
/* Rolls back and replies with the errors collected (status 409/422), or with a
 * database failure when no error was collected. */
int api_rollback_errors(struct req *rq, int status);

#endif
