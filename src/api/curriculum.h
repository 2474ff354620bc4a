/* curriculum (api) — what the handlers of the curriculum area share (curriculum.c,
 * choices.c, load.c): who may edit a school's curriculum, query arguments, the
 * academic year a request is about, today's date and core problems as errors. */
#ifndef MEKTEP_API_CURRICULUM_H
#define MEKTEP_API_CURRICULUM_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "core/curriculum.h"
#include "core/date.h"
#include "http/request.h"
#include "http/validate.h"

/* The school's director or academic deputy: they keep the ЖОЖ, the groups and the
 * load (CUR-2, CUR-3, CUR-9; R§20, R§43). The network office does not: it keeps the
 * ТОЖ and the settings. */
int rights_curriculum(struct req *rq, int64_t school_id);

/* Reads ?name= as an integer in min..max into *out. Returns 0; or, when it is
 * missing and `required`, or malformed, adds bad_query and returns -1. When it is
 * missing and not required, *out is left as it was. */
int cur_query_int(struct req *rq, const char *name, int64_t min, int64_t max, int required, int64_t *out);

/* The academic year of school `school` a request is about: `given` when not 0 (it
 * must belong to the school), else the school's current year. Returns its id, or 0
 * after adding an error (dangling_reference, wrong_school or no_current_year on the
 * field academic_year_id): reply 422. */
int64_t cur_request_year(struct req *rq, int64_t school, int64_t given);

/* The first steps of a write by a curriculum keeper to school rq->params[0]: the
 * school exists, the user keeps its curriculum (rights_curriculum), the body passes
 * `specs`, the write transaction begins, and the academic year is resolved (the
 * body's academic_year_id, else the current year). Returns the year, or 0 after
 * replying (and rolling back). */
int64_t cur_begin_school_write(struct req *rq, const struct field_spec *specs);

/* Today in Kazakhstan (UTC+5). */

/* Ends a write in its transaction: audits (action, entity, id: `before` → `after`, in
 * the school, 0 for the network), commits and replies `status` with `after`; or, when
 * `after` is NULL (the write failed) or the audit fails, rolls back and replies 500.
 * Takes both references. */
int cur_audit_reply(struct req *rq, int64_t school, const char *action, const char *entity, int64_t id,
		    json_t *before, json_t *after, int status);

/* Adds the first min(n, cap) problems to the request's errors. */
void cur_add_problems(struct req *rq, const struct cur_problem *p, size_t n, size_t cap);

#endif
