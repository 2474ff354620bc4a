/* timetable_electives — queries of a version's elective blocks (TT-4, A3§10; ELE-3;
 * migration 016, table timetable_elective_entries): the generator writes one row per
 * elective group's meeting in a block period; here they are read as the version's
 * `elective_blocks` (grouped by slot and grade, with the group's name, the course's
 * title, the teacher's and the room's names), read as core records for the clash checks,
 * copied into a new version, and given a room.
 *
 * Getters return a new reference, or NULL on a database error; writers DB_OK or a
 * negative db rc. */
#ifndef MEKTEP_STORE_TIMETABLE_ELECTIVES_H
#define MEKTEP_STORE_TIMETABLE_ELECTIVES_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/timetable_blocks.h"
#include "store/db.h"

/*
 * The version's blocks by weekday, period and grade: [{"weekday", "period", "grade",
 *  "grades": [the grades in it: the row's and its groups' members'], "groups": [{"id" (the
 *  row), "group_id", "group_name", "course": {"kk", "ru", "en"}, "staff_id", "staff_name"
 *  (or null), "room_id", "room_name" (or null), "locked"}]}].
 * class_id != 0 keeps the blocks whose grades hold the class's grade; staff_id != 0 the
 * meetings of that teacher (and the blocks that have one).
 */
json_t *timetable_blocks_json(struct db *db, int64_t timetable_id, int64_t class_id, int64_t staff_id);

/* The version's meetings as core records (grades: the row's grade and the grades of its
 * group's members' classes in the version's academic year), by id. *out malloc'd (NULL
 * when there are none). DB_OK or a rc. */
int timetable_blocks_load(struct db *db, int64_t timetable_id, struct tt_block **out, size_t *n);

/* One meeting: {"id", "timetable_id", "weekday", "period", "grade", "group_id",
 * "staff_id", "room_id", "locked"}, or NULL when there is none (or on error). */
json_t *timetable_block_get(struct db *db, int64_t id);

/* One meeting as in the blocks' "groups", with its "weekday", "period" and "grade";
 * NULL when there is none (or on error). */
json_t *timetable_block_named(struct db *db, int64_t id);

/* Sets a meeting's room (0: none). */
int timetable_block_set_room(struct db *db, int64_t id, int64_t room_id);

/* Copies every meeting of version `from` into version `to` (a correction, a copy). */
int timetable_blocks_copy(struct db *db, int64_t from, int64_t to);

#endif
