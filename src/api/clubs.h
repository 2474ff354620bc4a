/* clubs (api) — what the two files of clubs share (clubs.c: clubs, programme, schedule,
 * members and certificates; club_journal.c: the journal, the quarterly report, the
 * checks, the results and the survey): reading a club with the rights of the signed-in
 * user over it, who may manage and lead it, and the end of an audited write. */
#ifndef MEKTEP_API_CLUBS_H
#define MEKTEP_API_CLUBS_H

#include <jansson.h>
#include <stdint.h>

#include "http/request.h"

/* The club `id` when the user may read it (staff of its school, network roles); NULL
 * after replying 404, 403 or a database failure. */
json_t *club_for(struct req *rq, int64_t id);
/* The director or the deputy for upbringing of the club's school. */
int club_may_manage(struct req *rq, json_t *club);
/* The club's leader (a club leader or teacher whose staff row leads it) or a manager. */
int club_may_lead(struct req *rq, json_t *club);
/* Who answers a club's survey for the student (CLB-8): "student" for the student
 * themself, "representative" for a linked representative, NULL for anyone else. */
const char *club_survey_respondent(struct req *rq, json_t *student);
/* The first steps of a write to the club `id`: the club read (club_for), the user
 * allowed by `may`, the body valid against `specs` and, when `not_future` names a date
 * field, that date not after today; then the write transaction begun. Returns 0 with
 * *school set (the club's school), or the status after replying. */
struct field_spec;
int club_write_begin(struct req *rq, int64_t id, int (*may)(struct req *, json_t *), const struct field_spec *specs,
		     const char *not_future, int64_t *school);
/* Ends a write in the open transaction: audits `after` against `before` (both may be
 * NULL: then "after" is the body) and commits, replying `status` with `reply` (taken);
 * rolls back on a failure. `before` and `after` are released. */
int club_write_end(struct req *rq, int64_t school, const char *action, const char *entity, int64_t id, json_t *before,
		   json_t *after, int status, json_t *reply);

#endif
