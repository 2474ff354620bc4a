/* timetable_blocks — the clashes of lessons with a version's elective blocks (TT-4,
 * ELE-3); see timetable_blocks.h. */
#include "core/timetable_blocks.h"

unsigned tt_block_grade_bit(int grade)
{
	return grade >= 1 && grade <= 12 ? 1u << grade : 0u;
}

const char *tt_block_clash_code(enum tt_block_clash_kind kind)
{
	switch (kind) {
	case TT_BLOCK_CLASH_CLASS: return "timetable_clash_block_class";
	case TT_BLOCK_CLASH_TEACHER: return "timetable_clash_block_teacher";
	case TT_BLOCK_CLASH_ROOM: return "timetable_clash_block_room";
	}
	return "timetable_clash_block";
}

static void add(struct tt_block_clash *out, size_t cap, size_t *n, enum tt_block_clash_kind kind, size_t entry,
		size_t block)
{
	if (*n < cap)
		out[*n] = (struct tt_block_clash){kind, tt_block_clash_code(kind), entry, block};
	(*n)++;
}

size_t tt_check_block_clashes(const struct tt_entry *entries, size_t n, const struct tt_block *blocks, size_t nb,
			      struct tt_block_clash *out, size_t cap)
{
	size_t found = 0;
	/* a version has at most a few hundred meetings and a save a few thousand entries:
	 * the pairs at one slot are few, a plain scan is enough */
	for (size_t i = 0; i < n; i++) {
		const struct tt_entry *e = &entries[i];
		unsigned bit = tt_block_grade_bit(e->grade);
		for (int kind = TT_BLOCK_CLASH_CLASS; kind <= TT_BLOCK_CLASH_ROOM; kind++) {
			for (size_t k = 0; k < nb; k++) {
				const struct tt_block *b = &blocks[k];
				if (b->weekday != e->weekday || b->period != e->period)
					continue;
				if (kind == TT_BLOCK_CLASH_CLASS && bit && (b->grades & bit)) {
					add(out, cap, &found, TT_BLOCK_CLASH_CLASS, i, k);
					break; /* the class is named once per slot */
				}
				if (kind == TT_BLOCK_CLASH_TEACHER && e->staff_id && e->staff_id == b->staff_id)
					add(out, cap, &found, TT_BLOCK_CLASH_TEACHER, i, k);
				if (kind == TT_BLOCK_CLASH_ROOM && e->room_id && e->room_id == b->room_id)
					add(out, cap, &found, TT_BLOCK_CLASH_ROOM, i, k);
			}
		}
	}
	return found;
}

int tt_block_room_free(const struct tt_block *b, int64_t room_id, const struct tt_entry *entries, size_t n,
		       const struct tt_block *blocks, size_t nb, long *lesson, long *other)
{
	*lesson = -1;
	*other = -1;
	if (!room_id)
		return 1;
	for (size_t i = 0; i < n && *lesson < 0; i++)
		if (entries[i].weekday == b->weekday && entries[i].period == b->period && entries[i].room_id == room_id)
			*lesson = (long)i;
	for (size_t k = 0; k < nb && *other < 0; k++)
		if (blocks[k].id != b->id && blocks[k].weekday == b->weekday && blocks[k].period == b->period &&
		    blocks[k].room_id == room_id)
			*other = (long)k;
	return *lesson < 0 && *other < 0;
}
