/* timetable_electives (api) — what timetable.c takes from the elective blocks of a
 * version (TT-4, A3§10): the clashes of lessons with them, named as TT-1's are. */
#ifndef MEKTEP_API_TIMETABLE_ELECTIVES_H
#define MEKTEP_API_TIMETABLE_ELECTIVES_H

#include <stddef.h>
#include <stdint.h>

#include "core/timetable.h"
#include "http/request.h"

/* Adds one problem (rule TT-4) per clash of entries[0..n) with the blocks of version
 * `timetable_id` — a lesson of a class of a block's grade, of a teacher who meets an
 * elective group then, or in a room a meeting uses — at most `cap` of them; each names
 * the entry (`entries`: [it], its `field` entries[i] when origin[k] >= 0) and the meeting
 * (`block`). Returns how many clashes there are, or -1 when the check could not run. */
long api_add_block_clashes(struct req *rq, int64_t timetable_id, const struct tt_entry *e, size_t n,
			   const long *origin, size_t cap);

#endif
