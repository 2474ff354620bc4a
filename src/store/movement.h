/* movement (store) — the students' movement book (issue 7; migration 008): the cases
 * (an application for externship, academic leave or a return, with what each step of
 * core's case machine recorded: documents check, council decision, director's order)
 * and the book of every status a student has held with the order that set it. Records
 * travel as JSON in the API's shape (conventions of org.h); the rules are
 * core/movement.h and core/deadline.h, applied by api/movement.c. */
#ifndef MEKTEP_STORE_MOVEMENT_H
#define MEKTEP_STORE_MOVEMENT_H

#include <jansson.h>
#include <stdint.h>

#include "core/date.h"
#include "store/db.h"

/*
 * A case: {"id","school_id","student_id","kind","ground","grade","starts_on","ends_on",
 * "returns_on","visa_required","studied_in_inpatient","foreign_school",
 * "representative_mobile","representative_email","student_email","documents": [codes],
 * "status","filed_on","filed_at","filed_by","documents_checked_on",
 * "decision": null | {"date","protocol_number","approved","council"},
 * "order": null | {"number","date","starts_on","ends_on"}, "done_on",
 * "duties": [duty]}, a duty being what was done after the order (migration 011):
 * {"code","period" (null for a duty that happens once),"done_on","received_on"}.
 * NULL when there is no such case (or on error: db->lost).
 */
json_t *movement_case_get(struct db *db, int64_t id);

/* Adds "actors" to a case: who filed it, checked its documents, decided, ordered —
 * {"filed","documents_checked","decided","ordered"}, each null or {"id" (the user),
 * "role","last_name","first_name"}. 0, or -1 on error. */
int movement_case_add_actors(struct db *db, json_t *c);

/* Files a case from `rec` (the shape above: the application's fields, "documents",
 * "grade", "filed_on"; status "filed"). *id_out gets its id. DB_OK or a negative rc. */
int movement_case_insert(struct db *db, json_t *rec, int64_t user_id, int64_t *id_out);

/* Writes the steps of `rec` (status, documents_checked_on, decision, order, done_on)
 * over case `id`; `step` ("documents_checked", "decision", "order") says whose user
 * column gets user_id. DB_OK or a negative rc. */
int movement_case_save(struct db *db, int64_t id, json_t *rec, const char *step, int64_t user_id);

/* The student's cases, newest first: [case]. NULL on error. */
json_t *movement_cases_of_student(struct db *db, int64_t student_id);

/* The school's cases that are not refused or withdrawn, oldest first, each with
 * "student": {"id","last_name","first_name","middle_name","class"} and "funding".
 * NULL on error. */
json_t *movement_cases_of_school(struct db *db, int64_t school_id);

/* EXT-2: the externships ever ordered for the student (cases ordered or done). -1 on
 * error. */
int movement_externships_granted(struct db *db, int64_t student_id);

/* The movement book of a student, oldest first: [{"id","status","starts_on","ends_on",
 * "planned_ends_on","case_id","kind","order": null | {"number","date"},"created_at"}].
 * NULL on error. */
json_t *movement_book(struct db *db, int64_t student_id);

/* The status the student holds in the book (its open row): the row as movement_book
 * gives it, or NULL when the book has none (or on error: db->lost). */
json_t *movement_book_current(struct db *db, int64_t student_id);

/* A new status from `starts_on` set by the case's order: the open row (or, when the book
 * is empty, a row of `from_status` since the enrolment) ends the day before, a new row
 * opens; students.status follows at once when starts_on is not after `today`, else on
 * that day (movement_statuses_catch_up). planned_ends_on may be NULL; case_id 0 for an
 * order outside a case (the year's end, leaving the school). DB_CONSTRAINT when the open
 * row is itself an order that starts on or after starts_on (the later order must be
 * undone first) or another order got there first. DB_OK or rc. */
int movement_book_move(struct db *db, int64_t student_id, int64_t school_id, const char *from_status,
		       const char *status, const char *starts_on, const char *planned_ends_on,
		       int64_t case_id, const char *order_number, const char *ordered_on, int64_t user_id,
		       const char *today);

/* The status the book's latest order gives the student (its open row) — what a new
 * application or order is checked against, since an order may take effect after today
 * while students.status stays the status of today. Falls back to students.status
 * when the book is empty. Writes the code into out and, when an order set it, that
 * order's first day into since ("" otherwise); DB_OK, DB_DONE (no such student) or a
 * negative rc. */
int movement_status_ordered(struct db *db, int64_t student_id, char out[24], char since[DATE_TEXT_SIZE]);

/* Brings students.status to the book's row of `today` for every student whose ordered
 * change has taken effect since (the server runs it when it starts and on each new
 * day). DB_OK or rc. */
int movement_statuses_catch_up(struct db *db, const char *today);

/* Records a duty of the case done on `done_on` by user_id: code is one of
 * "contingent_copy", "subject_list", "consultation_schedule", "schedule_email",
 * "curator_tasks"; period NULL for a duty that happens once. DB_OK, DB_CONSTRAINT when
 * it was recorded already, or a negative rc. */
int movement_duty_record(struct db *db, int64_t case_id, const char *code, const char *period,
			 const char *done_on, int64_t user_id);

/* The contingent unit's receipt of the order's copy of the case (received_on). DB_OK,
 * DB_DONE when no copy was sent, or a negative rc. */
int movement_copy_receive(struct db *db, int64_t case_id, const char *on, int64_t user_id);

/*
 * The contingent unit's inbox: every case whose order's copy was sent, of one school
 * (school_id > 0) or of all, sent in [from, to] (dates; either NULL for no bound),
 * newest first: the case as movement_case_get gives it (with "duties"), plus
 * "school": {"id","code","name": {kk,ru,en}}, "student": {"id","last_name",
 * "first_name","middle_name","class","language"}, "funding", "sent_on",
 * "received_on". NULL on error.
 */
json_t *movement_contingent_inbox(struct db *db, int64_t school_id, const char *from, const char *to);

/* The school's programme ("nis" or "ib") into out. DB_OK or rc. */
int movement_school_programme(struct db *db, int64_t school_id, char out[8]);

#endif
