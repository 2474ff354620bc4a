/* timetable_electives — a version's elective blocks: read, copied, given a room (see
 * timetable_electives.h). */
#include "store/timetable_electives.h"

#include <stdlib.h>
#include <string.h>

#include "store/row.h"

/* A group's grade: the class of one of its members in the version's academic year. */
struct group_grade {
	int64_t group_id;
	int grade;
};

static int group_grade_fill(struct db_stmt *st, void *item)
{
	*(struct group_grade *)item = (struct group_grade){db_col_int64(st, 0), (int)db_col_int64(st, 1)};
	return 0;
}

/* The (group, grade) pairs of the version's meetings' groups. DB_OK or a rc. */
static int load_group_grades(struct db *db, int64_t timetable_id, struct group_grade **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_prepare(db,
		"SELECT DISTINCT m.group_id, k.grade FROM elective_group_members m"
		" JOIN students s ON s.id = m.student_id JOIN classes k ON k.id = s.class_id"
		" JOIN timetables t ON t.id = $1 AND k.academic_year_id = t.academic_year_id"
		" WHERE m.group_id IN (SELECT group_id FROM timetable_elective_entries WHERE timetable_id = $1)");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, timetable_id);
	return row_collect_items(st, (void **)out, n, sizeof **out, group_grade_fill);
}

static int block_fill(struct db_stmt *st, void *item)
{
	*(struct tt_block *)item = (struct tt_block){
		.id = db_col_int64(st, 0), .weekday = (int)db_col_int64(st, 1), .period = (int)db_col_int64(st, 2),
		.grades = tt_block_grade_bit((int)db_col_int64(st, 3)), .group_id = db_col_int64(st, 4),
		.staff_id = db_col_int64(st, 5), .room_id = db_col_int64(st, 6),
	};
	return 0;
}

int timetable_blocks_load(struct db *db, int64_t timetable_id, struct tt_block **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct group_grade *gg = NULL;
	size_t ngg = 0;
	int rc = load_group_grades(db, timetable_id, &gg, &ngg);
	if (rc != DB_OK)
		return rc;
	struct db_stmt *st = db_prepare(db, "SELECT id, weekday, period, grade, group_id, COALESCE(staff_id, 0),"
					    " COALESCE(room_id, 0) FROM timetable_elective_entries"
					    " WHERE timetable_id = $1 ORDER BY id");
	if (st) {
		db_bind_int64(st, 1, timetable_id);
		rc = row_collect_items(st, (void **)out, n, sizeof **out, block_fill);
	} else {
		rc = DB_ERROR;
	}
	/* a group across parallels takes every grade its members are in (ELE-3) */
	for (size_t k = 0; rc == DB_OK && k < *n; k++)
		for (size_t i = 0; i < ngg; i++)
			if (gg[i].group_id == (*out)[k].group_id)
				(*out)[k].grades |= tt_block_grade_bit(gg[i].grade);
	free(gg);
	return rc;
}

/* The grades of a mask as a JSON list, lowest first. */
static json_t *grades_json(unsigned grades)
{
	json_t *a = json_array();
	for (int g = 1; g <= 12; g++)
		if (grades & tt_block_grade_bit(g))
			json_array_append_new(a, json_integer(g));
	return a;
}

static json_t *meeting_row(struct db_stmt *st)
{
	json_t *name = json_null();
	if (!db_col_is_null(st, 9)) {
		const char *last = db_col_text(st, 9), *first = db_col_text(st, 10), *middle = db_col_text(st, 11);
		name = json_sprintf("%s %s%s%s", last ? last : "", first ? first : "", middle && *middle ? " " : "",
				    middle && *middle ? middle : "");
	}
	json_t *m = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "group_id", row_int(st, 4),
			      "group_name", row_text(st, 5), "course", row_names(st, 6), "staff_id", row_int(st, 15),
			      "staff_name", name, "room_id", row_int(st, 12));
	json_object_set_new(m, "room_name", row_text(st, 13));
	json_object_set_new(m, "locked", row_bool(st, 14));
	/* the slot: timetable_blocks_json groups by it and drops it */
	json_object_set_new(m, "weekday", row_int(st, 1));
	json_object_set_new(m, "period", row_int(st, 2));
	json_object_set_new(m, "grade", row_int(st, 3));
	return m;
}

/* The columns meeting_row reads; `x` is the row. */
#define MEETING_SELECT \
	"SELECT x.id, x.weekday, x.period, x.grade, x.group_id, g.name, c.title_kk, c.title_ru, c.title_en," \
	" p.last_name, p.first_name, p.middle_name, x.room_id, r.name, x.locked, x.staff_id" \
	" FROM timetable_elective_entries x JOIN elective_groups g ON g.id = x.group_id" \
	" JOIN elective_courses c ON c.id = g.course_id LEFT JOIN staff f ON f.id = x.staff_id" \
	" LEFT JOIN persons p ON p.id = f.person_id LEFT JOIN rooms r ON r.id = x.room_id"

json_t *timetable_block_named(struct db *db, int64_t id)
{
	return row_get_one(db, MEETING_SELECT " WHERE x.id = $1", id, meeting_row);
}

json_t *timetable_blocks_json(struct db *db, int64_t timetable_id, int64_t class_id, int64_t staff_id)
{
	unsigned want = 0;
	if (class_id) {
		int64_t grade = 0;
		int rc = db_query_int64(db, &grade, "SELECT grade FROM classes WHERE id = $1", "i", class_id);
		if (rc != DB_ROW && rc != DB_DONE)
			return NULL;
		want = tt_block_grade_bit((int)grade);
		if (!want)
			return json_array(); /* no such class: no block */
	}
	struct tt_block *b = NULL;
	size_t nb = 0;
	if (timetable_blocks_load(db, timetable_id, &b, &nb) != DB_OK)
		return NULL;
	struct db_stmt *st = db_prepare(db, MEETING_SELECT " WHERE x.timetable_id = $1"
					    " ORDER BY x.weekday, x.period, x.grade, c.title_en, g.name, x.id");
	json_t *rows = NULL;
	if (st) {
		db_bind_int64(st, 1, timetable_id);
		rows = row_collect(st, meeting_row);
	}
	if (!rows) {
		free(b);
		return NULL;
	}
	/* the whole slot's grades: every meeting of the block, whoever's rows are kept */
	json_t *blocks = json_array(), *cur = NULL;
	unsigned cur_grades = 0;
	size_t i;
	json_t *m;
	json_array_foreach(rows, i, m) {
		int64_t id = json_integer_value(json_object_get(m, "id"));
		int weekday = (int)json_integer_value(json_object_get(m, "weekday"));
		int period = (int)json_integer_value(json_object_get(m, "period"));
		int grade = (int)json_integer_value(json_object_get(m, "grade"));
		unsigned grades = tt_block_grade_bit(grade);
		for (size_t k = 0; k < nb; k++)
			if (b[k].id == id)
				grades = b[k].grades;
		if (!cur || json_integer_value(json_object_get(cur, "weekday")) != weekday ||
		    json_integer_value(json_object_get(cur, "period")) != period ||
		    json_integer_value(json_object_get(cur, "grade")) != grade) {
			cur = json_pack("{s:i, s:i, s:i, s:[], s:[]}", "weekday", weekday, "period", period, "grade", grade,
					"grades", "groups");
			json_array_append_new(blocks, cur);
			cur_grades = 0;
		}
		cur_grades |= grades;
		json_object_set_new(cur, "grades", grades_json(cur_grades));
		json_object_del(m, "weekday");
		json_object_del(m, "period");
		json_object_del(m, "grade");
		if (!staff_id || json_integer_value(json_object_get(m, "staff_id")) == staff_id)
			json_array_append(json_object_get(cur, "groups"), m);
	}
	json_decref(rows);
	free(b);
	/* keep the blocks the filters ask for */
	json_t *kept = json_array();
	json_array_foreach(blocks, i, m) {
		unsigned grades = 0;
		size_t j;
		json_t *g;
		json_array_foreach(json_object_get(m, "grades"), j, g)
			grades |= tt_block_grade_bit((int)json_integer_value(g));
		if (want && !(grades & want))
			continue;
		if (staff_id && json_array_size(json_object_get(m, "groups")) == 0)
			continue;
		json_array_append(kept, m);
	}
	json_decref(blocks);
	return kept;
}

static json_t *block_row(struct db_stmt *st)
{
	json_t *r = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "timetable_id",
			      row_int(st, 1), "weekday", row_int(st, 2), "period", row_int(st, 3), "grade",
			      row_int(st, 4), "group_id", row_int(st, 5), "staff_id", row_int(st, 6));
	json_object_set_new(r, "room_id", row_int(st, 7));
	json_object_set_new(r, "locked", row_bool(st, 8));
	return r;
}

json_t *timetable_block_get(struct db *db, int64_t id)
{
	return row_get_one(db, "SELECT id, timetable_id, weekday, period, grade, group_id, staff_id, room_id, locked"
			       " FROM timetable_elective_entries WHERE id = $1", id, block_row);
}

int timetable_block_set_room(struct db *db, int64_t id, int64_t room_id)
{
	int rc = room_id ? db_run(db, "UPDATE timetable_elective_entries SET room_id = $2 WHERE id = $1", "ii", id,
				  room_id)
			 : db_run(db, "UPDATE timetable_elective_entries SET room_id = NULL WHERE id = $1", "i", id);
	return rc < 0 ? rc : DB_OK;
}

int timetable_blocks_copy(struct db *db, int64_t from, int64_t to)
{
	int rc = db_run(db, "INSERT INTO timetable_elective_entries (timetable_id, weekday, period, grade, group_id,"
			    " staff_id, room_id, locked) SELECT $2, weekday, period, grade, group_id, staff_id,"
			    " room_id, locked FROM timetable_elective_entries WHERE timetable_id = $1 ORDER BY id",
			"ii", from, to);
	return rc < 0 ? rc : DB_OK;
}
