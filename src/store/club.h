/* club (store) — clubs, үйірме (issue 8; migration 013): the clubs of a school's year,
 * their programme (CLB-5, CLB-7) and schedule (CLB-5) with approvals, the members with
 * their history and status (CLB-2, CLB-4), the students' medical certificates (CLB-3),
 * the club journal (CLB-7), the quarterly checks (CLB-8), the results (CLB-6) and the
 * satisfaction survey (CLB-8). Records travel as JSON in the API's shape (the
 * conventions of org.h); the rules are core/club.h, applied by api/clubs*.c. */
#ifndef MEKTEP_STORE_CLUB_H
#define MEKTEP_STORE_CLUB_H

#include <jansson.h>
#include <stdint.h>

#include "core/club.h"
#include "store/db.h"

/* --- clubs --- */

/* {"id","school_id","academic_year_id","title":{kk,ru,en},"direction","sports","sport",
 * "leader_id","leader" (name or null),"weekly_hours","programme_approved_on",
 * "schedule_approved_on","members" (current)}. NULL when missing (or on error: db->lost). */
json_t *club_get(struct db *db, int64_t id);
/* The clubs of a school's year in title order. NULL on error. */
json_t *clubs_list(struct db *db, int64_t school_id, int64_t year_id);
/* rec: the fields of club_get's record that are written. */
int club_insert(struct db *db, json_t *rec, int64_t *id_out);
int club_update(struct db *db, int64_t id, json_t *rec);

/* --- programme and schedule (CLB-5, CLB-7) --- */

/* [{"position","quarter","topic","hours"}] in order. NULL on error. */
json_t *club_programme_of(struct db *db, int64_t club_id);
/* Replaces the programme's rows and clears its approval. */
int club_programme_save(struct db *db, int64_t club_id, json_t *rows);
/* [{"position","weekday","starts_at","ends_at","room"}] in order. NULL on error. */
json_t *club_schedule_of(struct db *db, int64_t club_id);
/* Replaces the schedule and clears the director's approval. */
int club_schedule_save(struct db *db, int64_t club_id, json_t *rows);
/* Records an approval: what is "programme" or "schedule"; date NULL clears it. */
int club_approve(struct db *db, int64_t club_id, const char *what, const char *date, int64_t user_id);

/* CLB-5: the student's lessons on a weekday in the approved timetables of a year (both
 * semesters), as intervals in minutes from the school's bells, into out (at most cap).
 * The count, or -1 on error. */
int club_lessons_of(struct db *db, int64_t student_id, int64_t year_id, int weekday, struct club_interval *out,
		    int cap);

/* --- members (CLB-2, CLB-4) --- */

/* Every membership of the club, current first, then by name: [{"id","student_id",
 * "last_name","first_name","class","joined_on","left_on","status","status_note"}]. */
json_t *club_members_of(struct db *db, int64_t club_id);
/* One membership in the shape above with "club_id". NULL when missing. */
json_t *club_member_get(struct db *db, int64_t id);
/* The student's open membership of the club, 0 when none, -1 on error. */
int64_t club_member_open(struct db *db, int64_t club_id, int64_t student_id);
int club_member_insert(struct db *db, int64_t club_id, int64_t student_id, const char *joined_on, int64_t user_id,
		       int64_t *id_out);
int club_member_leave(struct db *db, int64_t id, const char *left_on);
int club_member_status(struct db *db, int64_t id, const char *status, const char *note);
/* The student's memberships of a year with the club's title, leader and schedule. */
json_t *club_memberships_of_student(struct db *db, int64_t student_id, int64_t year_id);

/* --- medical certificates (CLB-3) --- */

/* [{"id","student_id","sport","issued_on","valid_until","note"}], newest first. */
json_t *club_certificates_of(struct db *db, int64_t student_id);
int club_certificate_insert(struct db *db, int64_t student_id, json_t *rec, int64_t user_id, int64_t *id_out);
/* The student's certificates for `sport` as [{"issued_on","valid_until"}]. NULL on error. */
json_t *club_certificates_for(struct db *db, int64_t student_id, const char *sport);

/* --- the journal (CLB-7) --- */

/* [{"id","date","content","hours","absent":[{"student_id","reason"}]}] by date. */
json_t *club_sessions_of(struct db *db, int64_t club_id);
/* Writes the session of a date (replacing the one there) with its absences. */
int club_session_save(struct db *db, int64_t club_id, json_t *rec, int64_t user_id, int64_t *id_out);
json_t *club_session_get(struct db *db, int64_t id);

/* The dates of a quarter (term 1..4) of a year into from/to ("" when the year has no
 * such term). DB_OK or a negative rc. */
int club_quarter_dates(struct db *db, int64_t year_id, int quarter, char from[11], char to[11]);

/* --- checks (CLB-8), results (CLB-6), survey (CLB-8) --- */

json_t *club_checks_of(struct db *db, int64_t club_id);
int club_check_insert(struct db *db, int64_t club_id, json_t *rec, int64_t user_id, int64_t *id_out);
/* The school's clubs of a year without a check in `quarter`: [{"id","title","leader"}]. */
json_t *clubs_unchecked(struct db *db, int64_t school_id, int64_t year_id, int quarter);

/* [{"id","student_id","last_name","first_name","kind","title","level","award","date"}]
 * of a club (student_id 0) or of one student in every club (club_id 0). */
json_t *club_results_of(struct db *db, int64_t club_id, int64_t student_id);
int club_result_insert(struct db *db, int64_t club_id, json_t *rec, int64_t user_id, int64_t *id_out);

int club_survey_insert(struct db *db, int64_t club_id, json_t *rec, int64_t user_id, int64_t *id_out);
/* {"student":{"answers","average","by_score":[n1..n5]},"representative":{…},"comments":[…]} */
json_t *club_survey_results(struct db *db, int64_t club_id);
/* The quarter (term 1..4) of the year that `date` ("YYYY-MM-DD") falls in, into *quarter
 * with its dates (0 and "" outside every quarter). DB_OK or a negative rc. */
int club_quarter_of(struct db *db, int64_t year_id, const char *date, int *quarter, char from[11], char to[11]);
/* The day the user answered the club's survey for the student within from..to, into
 * on[11]: DB_ROW, or DB_DONE when they have not; a negative rc on error. */
int club_survey_answered(struct db *db, int64_t club_id, int64_t student_id, int64_t user_id, const char *from,
			 const char *to, char on[11]);

#endif
