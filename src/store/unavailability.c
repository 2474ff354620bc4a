/* unavailability — a teacher's unavailable times read and replaced (see unavailability.h). */
#include "store/unavailability.h"

json_t *unavailability_list(struct db *db, int64_t staff_id, int64_t year_id)
{
	struct db_stmt *st = db_prepare(db, "SELECT semester, weekday, period FROM teacher_unavailability"
					    " WHERE staff_id = $1 AND academic_year_id = $2"
					    " ORDER BY COALESCE(semester, 0), weekday, COALESCE(period, 0)");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, staff_id);
	db_bind_int64(st, 2, year_id);
	json_t *items = json_array();
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		json_t *o = json_object();
		json_object_set_new(o, "semester", db_col_is_null(st, 0) ? json_null() : json_integer(db_col_int64(st, 0)));
		json_object_set_new(o, "weekday", json_integer(db_col_int64(st, 1)));
		json_object_set_new(o, "period", db_col_is_null(st, 2) ? json_null() : json_integer(db_col_int64(st, 2)));
		json_array_append_new(items, o);
	}
	db_done(st);
	if (rc != DB_DONE) {
		json_decref(items);
		return NULL;
	}
	return items;
}

int unavailability_replace(struct db *db, int64_t staff_id, int64_t year_id, int semester, json_t *times,
			   int64_t user_id)
{
	int rc = semester ? db_run(db, "DELETE FROM teacher_unavailability WHERE staff_id = $1 AND academic_year_id = $2"
				       " AND semester = $3", "iii", staff_id, year_id, (int64_t)semester)
			  : db_run(db, "DELETE FROM teacher_unavailability WHERE staff_id = $1 AND academic_year_id = $2"
				       " AND semester IS NULL", "ii", staff_id, year_id);
	if (rc < 0)
		return rc;
	char now[21];
	db_now_utc(now);
	size_t i;
	json_t *t;
	json_array_foreach(times, i, t) {
		struct db_stmt *st = db_prepare(db, "INSERT INTO teacher_unavailability (staff_id, academic_year_id, semester,"
						    " weekday, period, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)");
		if (!st)
			return DB_ERROR;
		json_t *period = json_object_get(t, "period");
		db_bind_int64(st, 1, staff_id);
		db_bind_int64(st, 2, year_id);
		if (semester)
			db_bind_int64(st, 3, semester);
		else
			db_bind_null(st, 3);
		db_bind_int64(st, 4, json_integer_value(json_object_get(t, "weekday")));
		if (json_is_integer(period))
			db_bind_int64(st, 5, json_integer_value(period));
		else
			db_bind_null(st, 5);
		if (user_id)
			db_bind_int64(st, 6, user_id);
		else
			db_bind_null(st, 6);
		db_bind_text(st, 7, now);
		rc = db_step(st);
		db_done(st);
		if (rc != DB_DONE)
			return rc < 0 ? rc : DB_ERROR;
	}
	return DB_OK;
}
