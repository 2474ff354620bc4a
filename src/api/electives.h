/* electives (api) — what the three files of elective courses share (electives.c: courses
 * and programmes; elective_choices.c: choices, switches, groups; elective_sessions.c:
 * the sessions' journal, results and final products): reading a course with the rights
 * of the signed-in user over it. */
#ifndef MEKTEP_API_ELECTIVES_H
#define MEKTEP_API_ELECTIVES_H

#include <jansson.h>
#include <stdint.h>

#include "http/request.h"

/* The course `id` when the user may read it (staff of its school, network roles);
 * NULL after replying 404, 403 or a database failure. */
json_t *elective_course_for(struct req *rq, int64_t id);
/* The group `id` and its course (*course) when the user may read them; NULL after
 * replying 404, 403 or a database failure. */
json_t *elective_group_for(struct req *rq, int64_t id, json_t **course);
/* The body's date field when it is after today: adds date_in_future. */
void elective_not_future(struct req *rq, const char *field);
/* The director or academic deputy of the course's school. */
int elective_may_manage(struct req *rq, json_t *course);
/* The staff row of the signed-in user at the school, or 0. */
int64_t elective_my_staff(struct req *rq, int64_t school_id);
/* The course's teacher (or a group's: staff_id) or its school's director/academic deputy. */
int elective_may_teach(struct req *rq, json_t *course, int64_t staff_id);
/* A student's results in the course (ELE-9, ELE-10): {"semester_1","semester_2","year"},
 * each as elective_result_json gives it. NULL on a database error. */
struct elective_thresholds;
json_t *elective_results_json(struct req *rq, const struct elective_thresholds *t, int64_t course_id,
			      int64_t student_id);
/* Today's date as text. */
void elective_today(char out[11]);

#endif
