/* timetable_blocks — TT-4 (A3§10: elective courses run by the timetable) for a version's
 * elective blocks, as pure functions over plain data: in a block period every class of
 * the block's grades is with its elective groups, each group's teacher meets it and its
 * room holds it, so no lesson of such a class, of such a teacher or in such a room may
 * fall at that time (and two block meetings never share a room). ELE-3: a group of
 * parallel classes or across parallels takes every grade its members are in.
 * docs/timetable.md ("Elective blocks") says the same in prose. */
#ifndef MEKTEP_CORE_TIMETABLE_BLOCKS_H
#define MEKTEP_CORE_TIMETABLE_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

#include "core/timetable.h"

/* One elective group's meeting in a block period of a version. */
struct tt_block {
	int64_t id;          /* the row's id (timetable_elective_entries) */
	int weekday, period;
	unsigned grades;     /* bit g set: grade g (1..12) is in the block at that time */
	int64_t group_id;    /* the elective group */
	int64_t staff_id;    /* its teacher then; 0: none */
	int64_t room_id;     /* 0: no room given yet */
};

/* The bit of a grade in tt_block.grades (0 for a grade outside 1..12). */
unsigned tt_block_grade_bit(int grade);

enum tt_block_clash_kind {
	TT_BLOCK_CLASH_CLASS,   /* a lesson of a class whose grade is in the block */
	TT_BLOCK_CLASH_TEACHER, /* a lesson of a teacher who meets an elective group then */
	TT_BLOCK_CLASH_ROOM,    /* a lesson (or another block meeting) in a room a block meeting uses */
};

/* One clash of an entry (or, for tt_block_room_clashes, another block meeting: `entry`
 * is then its index among the blocks) with a block meeting. */
struct tt_block_clash {
	enum tt_block_clash_kind kind;
	const char *code;    /* "timetable_clash_block_class", …; the rule is always TT-4 */
	size_t entry, block; /* indexes into the caller's arrays */
};

/* The API's error code of a kind. */
const char *tt_block_clash_code(enum tt_block_clash_kind kind);

/*
 * TT-4: every clash of entries[0..n) with blocks[0..nb) at the same weekday and period:
 * an entry whose class's grade (tt_entry.grade) is in the block's grades (one clash per
 * entry and slot, with its first such meeting), an entry whose teacher meets a group
 * then, an entry in a room a meeting uses. Ordered by entry, then kind, then block;
 * returns how many and writes the first `cap` into out (NULL when cap is 0).
 */
size_t tt_check_block_clashes(const struct tt_entry *entries, size_t n, const struct tt_block *blocks, size_t nb,
			      struct tt_block_clash *out, size_t cap);

/*
 * Whether block meeting `b` may be held in room `room_id` (0: no room, always free):
 * *lesson gets the index of an entry in that room at its slot (TT-1's room clash) and
 * *other the index of another meeting (id != b->id) in it then (TT-4), each -1 when none.
 * Returns 1 when the room is free, else 0.
 */
int tt_block_room_free(const struct tt_block *b, int64_t room_id, const struct tt_entry *entries, size_t n,
		       const struct tt_block *blocks, size_t nb, long *lesson, long *other);

#endif
