/* movement (api) — what the movement book's handlers (movement.c) share with the other
 * files of the movement book's API (externship_plan.c). */
#ifndef MEKTEP_API_MOVEMENT_H
#define MEKTEP_API_MOVEMENT_H

#include <stdint.h>

#include "http/request.h"

/* A parent linked to the student, or the student: 1 or 0; -1 for other roles (whose
 * rights depend on the student's school, looked up after). */
int movement_family_may(struct req *rq, int64_t student_id);

#endif
