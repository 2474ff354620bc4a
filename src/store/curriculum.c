/* curriculum — settings, ТОЖ, ЖОЖ, groups, choices, load and КТЖ queries (see
 * curriculum.h). */
#include "store/curriculum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/curriculum.h"
#include "core/ktp.h"
#include "store/row.h"
#include "util/array.h"

/* --- settings --- */

int64_t settings_get_int(struct db *db, const char *key, int64_t def)
{
	struct db_stmt *st = db_prepare(db, "SELECT value FROM settings WHERE key = $1");
	if (!st)
		return def;
	db_bind_text(st, 1, key);
	int64_t v = def;
	if (db_step(st) == DB_ROW) {
		const char *text = db_col_text(st, 0);
		char *end = NULL;
		long long n = text ? strtoll(text, &end, 10) : 0;
		if (text && *text && end && !*end)
			v = n;
	}
	db_done(st);
	return v;
}

int settings_set_int(struct db *db, const char *key, int64_t value, int64_t user_id)
{
	char text[24], now[21];
	snprintf(text, sizeof text, "%lld", (long long)value);
	db_now_utc(now);
	int rc = db_run(db, "INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, NULLIF($4, 0))"
			    " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
			    " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
			"sssi", key, text, now, user_id);
	return rc < 0 ? rc : DB_OK;
}

/* Runs `sql` with rec's `fields` bound as $1..$n (row_bind). DB_OK or a negative rc. */
static int run_fields(struct db *db, const char *sql, json_t *rec, const char *const *fields)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return DB_ERROR;
	int idx = 1;
	for (const char *const *f = fields; *f; f++)
		row_bind(st, idx++, rec, *f);
	int rc = db_step(st);
	db_done(st);
	return rc == DB_DONE || rc == DB_ROW ? DB_OK : rc;
}

/* A subject {"id","code","name"} from its columns id, code, name_kk, name_ru, name_en
 * starting at col. */
static json_t *subject_at(struct db_stmt *st, int col)
{
	return json_pack("{s:o, s:o, s:o}", "id", row_int(st, col), "code", row_text(st, col + 1), "name",
			 row_names(st, col + 2));
}

/* --- curriculum rows, shared by the ТОЖ and the ЖОЖ --- */

/* The columns of a row after its grade (col 0): subject, position, hours, component,
 * split_in_groups, split_language, standard_hours, advanced_hours. */
#define ROW_COLUMNS \
	" r.subject_id, s.code, s.name_kk, s.name_ru, s.name_en, r.hours, r.component," \
	" r.split_in_groups, r.split_language, r.standard_hours, r.advanced_hours"

/* A curriculum row from `grade` (col 0) and ROW_COLUMNS (cols 1..11); with_grade
 * puts the grade in the JSON (the ЖОЖ). */
static json_t *curriculum_row(struct db_stmt *st, int with_grade)
{
	int grade = (int)db_col_int64(st, 0);
	json_t *subject = subject_at(st, 1);
	json_t *r = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:b}", "subject_id", row_int(st, 1),
			      "subject", subject, "hours", row_int(st, 6), "component", row_text(st, 7),
			      "split_in_groups", row_bool(st, 8), "split_language", row_text(st, 9),
			      "standard_hours", row_int(st, 10), "advanced_hours", row_int(st, 11),
			      "english_medium", cur_taught_in_english(db_col_text(st, 2), grade));
	if (with_grade)
		json_object_set_new(r, "grade", json_integer(grade));
	return r;
}

static json_t *typical_row(struct db_stmt *st)
{
	return curriculum_row(st, 0);
}

static json_t *school_row(struct db_stmt *st)
{
	return curriculum_row(st, 1);
}

/* The sum of the rows' hours. */
static int64_t total_hours(json_t *rows)
{
	int64_t total = 0;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
		total += json_integer_value(json_object_get(r, "hours"));
	return total;
}

/* --- the ТОЖ --- */

json_t *typical_get(struct db *db, const char *programme, int grade)
{
	int64_t id = 0;
	int rc = db_query_int64(db, &id, "SELECT id FROM typical_curricula WHERE programme = $1 AND grade = $2",
				"si", programme, (int64_t)grade);
	if (rc < 0)
		return NULL;
	json_t *rows = rc != DB_ROW ? json_array()
		: row_list(db, "SELECT t.grade," ROW_COLUMNS " FROM typical_curriculum_rows r"
			       " JOIN typical_curricula t ON t.id = r.curriculum_id JOIN subjects s ON s.id = r.subject_id"
			       " WHERE r.curriculum_id = $1 ORDER BY r.position", id, typical_row);
	if (!rows)
		return NULL;
	return json_pack("{s:o, s:s, s:i, s:I, s:o}", "id", rc == DB_ROW ? json_integer(id) : json_null(),
			 "programme", programme, "grade", grade, "total_hours", (json_int_t)total_hours(rows),
			 "rows", rows);
}

int typical_replace(struct db *db, const char *programme, int grade, json_t *rows, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int64_t id = 0;
	int rc = db_query_int64(db, &id, "SELECT id FROM typical_curricula WHERE programme = $1 AND grade = $2",
				"si", programme, (int64_t)grade);
	if (rc == DB_DONE)
		rc = db_query_int64(db, &id, "INSERT INTO typical_curricula (programme, grade, created_at, updated_at)"
					     " VALUES ($1, $2, $3, $3) RETURNING id",
				    "sis", programme, (int64_t)grade, now);
	else if (rc == DB_ROW)
		rc = db_run(db, "UPDATE typical_curricula SET updated_at = $1 WHERE id = $2", "si", now, id);
	if (rc < 0)
		return rc;
	rc = db_run(db, "DELETE FROM typical_curriculum_rows WHERE curriculum_id = $1", "i", id);
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		if (rc < 0)
			break;
		json_t *rec = json_copy(r);
		json_object_set_new(rec, "position", json_integer((json_int_t)i + 1));
		json_object_set_new(rec, "curriculum_id", json_integer(id));
		static const char *const fields[] = {"curriculum_id", "subject_id", "position", "hours",
						     "component", "split_in_groups", "split_language",
						     "standard_hours", "advanced_hours", NULL};
		rc = run_fields(db, "INSERT INTO typical_curriculum_rows (curriculum_id, subject_id, position,"
				    " hours, component, split_in_groups, split_language, standard_hours,"
				    " advanced_hours) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
				rec, fields);
		json_decref(rec);
	}
	if (rc < 0)
		return rc;
	if (id_out)
		*id_out = id;
	return DB_OK;
}

/* --- the ЖОЖ --- */

#define CURRICULUM_COLUMNS \
	"k.id, k.school_id, k.academic_year_id, y.name, k.status, k.council_date, k.protocol_number," \
	" k.approved_by, k.approved_at, (SELECT COUNT(*) FROM school_curriculum_rows r" \
	" WHERE r.curriculum_id = k.id), k.updated_at"

static json_t *curriculum_head(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0),
			 "school_id", row_int(st, 1), "academic_year_id", row_int(st, 2), "academic_year",
			 row_text(st, 3), "status", row_text(st, 4), "council_date", row_text(st, 5),
			 "protocol_number", row_text(st, 6), "approved_by", row_int(st, 7), "approved_at",
			 row_text(st, 8), "rows_count", row_int(st, 9), "updated_at", row_text(st, 10));
}

json_t *school_curricula_list(struct db *db, int64_t school_id)
{
	return row_list(db, "SELECT " CURRICULUM_COLUMNS " FROM school_curricula k"
			    " JOIN academic_years y ON y.id = k.academic_year_id"
			    " WHERE k.school_id = $1 ORDER BY y.starts_on DESC", school_id, curriculum_head);
}

json_t *school_curriculum_get(struct db *db, int64_t id, int grade)
{
	json_t *k = row_get_one(db, "SELECT " CURRICULUM_COLUMNS " FROM school_curricula k"
				    " JOIN academic_years y ON y.id = k.academic_year_id WHERE k.id = $1",
				id, curriculum_head);
	if (!k)
		return NULL;
	struct db_stmt *st = db_prepare(db, "SELECT r.grade," ROW_COLUMNS " FROM school_curriculum_rows r"
					    " JOIN subjects s ON s.id = r.subject_id WHERE r.curriculum_id = $1"
					    " AND ($2 = 0 OR r.grade = $2) ORDER BY r.grade, r.position, s.code");
	json_t *rows = NULL;
	if (st) {
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, grade);
		rows = row_collect(st, school_row);
	}
	if (!rows) {
		json_decref(k);
		return NULL;
	}
	json_object_set_new(k, "rows", rows);
	return k;
}

int school_curriculum_of_year(struct db *db, int64_t year_id, int64_t *id_out)
{
	return db_query_int64(db, id_out, "SELECT id FROM school_curricula WHERE academic_year_id = $1", "i",
			      year_id);
}

int school_curriculum_generate(struct db *db, int64_t school_id, int64_t year_id, const char *programme,
			       int64_t *id_out, int64_t *rows_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out, "INSERT INTO school_curricula (school_id, academic_year_id, status,"
					    " created_at, updated_at) VALUES ($1, $2, 'draft', $3, $3) RETURNING id",
				"iis", school_id, year_id, now);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	rc = db_run(db, "INSERT INTO school_curriculum_rows (curriculum_id, grade, subject_id, position, hours,"
			" component, split_in_groups, split_language, standard_hours, advanced_hours)"
			" SELECT CAST($1 AS BIGINT), t.grade, r.subject_id, r.position, r.hours, r.component,"
			" r.split_in_groups, r.split_language, r.standard_hours, r.advanced_hours"
			" FROM typical_curriculum_rows r JOIN typical_curricula t ON t.id = r.curriculum_id"
			" WHERE t.programme = $2",
		    "is", *id_out, programme);
	if (rc < 0)
		return rc;
	rc = db_query_int64(db, rows_out, "SELECT COUNT(*) FROM school_curriculum_rows WHERE curriculum_id = $1",
			    "i", *id_out);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

int school_curriculum_put_row(struct db *db, int64_t id, json_t *row)
{
	json_t *rec = json_copy(row);
	json_object_set_new(rec, "curriculum_id", json_integer(id));
	if (!json_object_get(rec, "position"))
		json_object_set_new(rec, "position", json_integer(1000));
	static const char *const fields[] = {"curriculum_id", "grade", "subject_id", "position", "hours",
					     "component", "split_in_groups", "split_language",
					     "standard_hours", "advanced_hours", NULL};
	int rc = run_fields(db, "INSERT INTO school_curriculum_rows (curriculum_id, grade, subject_id, position,"
			       " hours, component, split_in_groups, split_language, standard_hours, advanced_hours)"
			       " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
			       " ON CONFLICT (curriculum_id, grade, subject_id) DO UPDATE SET hours = excluded.hours,"
			       " component = excluded.component, split_in_groups = excluded.split_in_groups,"
			       " split_language = excluded.split_language, standard_hours = excluded.standard_hours,"
			       " advanced_hours = excluded.advanced_hours",
			   rec, fields);
	json_decref(rec);
	return rc;
}

int school_curriculum_remove_row(struct db *db, int64_t id, int grade, int64_t subject_id)
{
	int rc = db_run(db, "DELETE FROM school_curriculum_rows WHERE curriculum_id = $1 AND grade = $2"
			    " AND subject_id = $3", "iii", id, (int64_t)grade, subject_id);
	return rc < 0 ? rc : DB_OK;
}

int school_curriculum_approve(struct db *db, int64_t id, const char *council_date, const char *protocol,
			      int64_t user_id)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "UPDATE school_curricula SET status = 'approved', council_date = $1,"
			    " protocol_number = $2, approved_by = NULLIF($3, 0), approved_at = $4, updated_at = $4"
			    " WHERE id = $5", "ssisi", council_date, protocol, user_id, now, id);
	return rc < 0 ? rc : DB_OK;
}

int school_curriculum_touch(struct db *db, int64_t id)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "UPDATE school_curricula SET updated_at = $1 WHERE id = $2", "si", now, id);
	return rc < 0 ? rc : DB_OK;
}

int64_t school_curriculum_school(struct db *db, int64_t id)
{
	int64_t school = 0;
	return db_query_int64(db, &school, "SELECT school_id FROM school_curricula WHERE id = $1", "i", id) == DB_ROW
		       ? school : 0;
}

/* --- groups --- */

#define GROUP_COLUMNS "g.id, g.class_id, g.subject_id, s.code, s.name_kk, s.name_ru, s.name_en, g.name"

static json_t *group_row(struct db_stmt *st)
{
	json_t *subject = subject_at(st, 2);
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "class_id", row_int(st, 1),
			 "subject_id", row_int(st, 2), "subject", subject, "name", row_text(st, 7));
}

static json_t *member_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "student_id", row_int(st, 0), "last_name", row_text(st, 1),
			 "first_name", row_text(st, 2), "middle_name", row_text(st, 3));
}

/* Adds "members" and "size" to a group; 0, or -1 on a database error. */
static int add_members(struct db *db, json_t *group)
{
	json_t *members = row_list(db, "SELECT t.id, p.last_name, p.first_name, p.middle_name"
				       " FROM group_members m JOIN class_groups g ON g.id = m.group_id"
				       " JOIN students t ON t.id = m.student_id AND t.class_id = g.class_id"
				       " JOIN persons p ON p.id = t.person_id WHERE m.group_id = $1"
				       " ORDER BY p.sort_key, t.id",
				   json_integer_value(json_object_get(group, "id")), member_row);
	if (!members)
		return -1;
	json_object_set_new(group, "size", json_integer((json_int_t)json_array_size(members)));
	json_object_set_new(group, "members", members);
	return 0;
}

json_t *groups_get(struct db *db, int64_t id)
{
	json_t *g = row_get_one(db, "SELECT " GROUP_COLUMNS " FROM class_groups g JOIN subjects s"
				    " ON s.id = g.subject_id WHERE g.id = $1", id, group_row);
	if (g && add_members(db, g) != 0) {
		json_decref(g);
		return NULL;
	}
	return g;
}

json_t *groups_of_class(struct db *db, int64_t class_id)
{
	json_t *groups = row_list(db, "SELECT " GROUP_COLUMNS " FROM class_groups g JOIN subjects s"
				      " ON s.id = g.subject_id WHERE g.class_id = $1 ORDER BY s.code, g.name",
				  class_id, group_row);
	size_t i;
	json_t *g;
	json_array_foreach(groups, i, g) {
		if (add_members(db, g) != 0) {
			json_decref(groups);
			return NULL;
		}
	}
	return groups;
}

static json_t *keyed_student(struct db_stmt *st)
{
	return json_pack("{s:o, s:o}", "id", row_int(st, 0), "sort_key", row_text(st, 1));
}

json_t *groups_class_students(struct db *db, int64_t class_id)
{
	return row_list(db, "SELECT t.id, p.sort_key FROM students t JOIN persons p ON p.id = t.person_id"
			    " WHERE t.class_id = $1 AND t.status = 'studying' ORDER BY p.sort_key, t.id",
			class_id, keyed_student);
}

int64_t groups_count(struct db *db, int64_t class_id, int64_t subject_id)
{
	int64_t n = 0;
	db_query_int64(db, &n, "SELECT COUNT(*) FROM class_groups WHERE class_id = $1 AND subject_id = $2", "ii",
		       class_id, subject_id);
	return n;
}

int groups_insert(struct db *db, int64_t class_id, int64_t subject_id, const char *name, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out, "INSERT INTO class_groups (class_id, subject_id, name, created_at)"
					    " VALUES ($1, $2, $3, $4) RETURNING id",
				"iiss", class_id, subject_id, name, now);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

int groups_add_member(struct db *db, int64_t group_id, int64_t student_id)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "INSERT INTO group_members (group_id, student_id, created_at) VALUES ($1, $2, $3)",
			"iis", group_id, student_id, now);
	return rc < 0 ? rc : DB_OK;
}

int groups_member_of(struct db *db, int64_t class_id, int64_t subject_id, int64_t student_id,
		     int64_t *group_out)
{
	return db_query_int64(db, group_out, "SELECT g.id FROM class_groups g JOIN group_members m"
					     " ON m.group_id = g.id WHERE g.class_id = $1 AND g.subject_id = $2"
					     " AND m.student_id = $3 ORDER BY g.id LIMIT 1",
			      "iii", class_id, subject_id, student_id);
}

int groups_remove_member(struct db *db, int64_t group_id, int64_t student_id)
{
	int rc = db_run(db, "DELETE FROM group_members WHERE group_id = $1 AND student_id = $2", "ii", group_id,
			student_id);
	return rc < 0 ? rc : DB_OK;
}

int64_t groups_class(struct db *db, int64_t group_id)
{
	int64_t cls = 0;
	return db_query_int64(db, &cls, "SELECT class_id FROM class_groups WHERE id = $1", "i", group_id) == DB_ROW
		       ? cls : 0;
}

int64_t groups_subject(struct db *db, int64_t group_id)
{
	int64_t subject = 0;
	return db_query_int64(db, &subject, "SELECT subject_id FROM class_groups WHERE id = $1", "i", group_id) == DB_ROW
		       ? subject : 0;
}

/* --- high-school choice --- */

static json_t *application_row(struct db_stmt *st)
{
	json_t *order = json_null();
	if (!db_col_is_null(st, 8))
		order = json_pack("{s:o, s:o, s:o}", "id", row_int(st, 8), "number", row_text(st, 9), "date",
				  row_text(st, 10));
	return json_pack("{s:o, s:o, s:o, s:{s:o, s:o}, s:o, s:o, s:o, s:o}", "id", row_int(st, 0),
			 "student_id", row_int(st, 1), "academic_year_id", row_int(st, 2), "academic_year",
			 "name", row_text(st, 3), "starts_on", row_text(st, 4), "representative_id",
			 row_int(st, 5), "math_programme", row_int(st, 6), "filed_on", row_text(st, 7), "order",
			 order);
}

/* One chosen subject: [subject_id, code, kk, ru, en, level]; the grade and class
 * language are added by the caller. */
static json_t *choice_row(struct db_stmt *st)
{
	json_t *subject = subject_at(st, 0);
	return json_pack("{s:o, s:o, s:o}", "subject_id", row_int(st, 0), "subject", subject, "level",
			 row_text(st, 5));
}

json_t *choices_of_student(struct db *db, int64_t student_id, const char *class_language)
{
	json_t *apps = row_list(db, "SELECT a.id, a.student_id, a.academic_year_id, y.name, y.starts_on,"
				    " a.representative_id, a.math_programme, a.filed_on, o.id, o.number, o.order_date"
				    " FROM choice_applications a JOIN academic_years y ON y.id = a.academic_year_id"
				    " LEFT JOIN choice_orders o ON o.id = a.order_id WHERE a.student_id = $1"
				    " ORDER BY y.starts_on DESC",
				student_id, application_row);
	size_t i;
	json_t *a;
	json_array_foreach(apps, i, a) {
		json_t *items = row_list(db, "SELECT s.id, s.code, s.name_kk, s.name_ru, s.name_en, c.level"
					     " FROM student_choices c JOIN subjects s ON s.id = c.subject_id"
					     " WHERE c.application_id = $1 ORDER BY s.code",
					 json_integer_value(json_object_get(a, "id")), choice_row);
		if (!items) {
			json_decref(apps);
			return NULL;
		}
		size_t j;
		json_t *c;
		json_array_foreach(items, j, c) {
			const char *code = json_string_value(json_object_get(json_object_get(c, "subject"), "code"));
			/* CUR-7: the four sciences at a level in high school are taught in English */
			const char *lang = cur_taught_in_english(code, 11) ? "en" : class_language;
			json_object_set_new(c, "language", lang ? json_string(lang) : json_null());
		}
		json_object_set_new(a, "subjects", items);
	}
	return apps;
}

int choices_find(struct db *db, int64_t student_id, int64_t year_id, int64_t *id_out)
{
	return db_query_int64(db, id_out, "SELECT id FROM choice_applications WHERE student_id = $1"
					  " AND academic_year_id = $2", "ii", student_id, year_id);
}

int choices_save(struct db *db, int64_t student_id, json_t *a, int64_t user_id, int64_t *id_out)
{
	json_t *rec = json_copy(a);
	json_object_set_new(rec, "student_id", json_integer(student_id));
	json_object_set_new(rec, "filed_by", user_id ? json_integer(user_id) : json_null());
	static const char *const fields[] = {"student_id", "academic_year_id", "representative_id",
					     "math_programme", "filed_on", "filed_by", NULL};
	int rc = row_write(db, "INSERT INTO choice_applications (student_id, academic_year_id, representative_id,"
			       " math_programme, filed_on, filed_by, created_at, updated_at)"
			       " VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"
			       " ON CONFLICT (student_id, academic_year_id) DO UPDATE SET"
			       " representative_id = excluded.representative_id,"
			       " math_programme = excluded.math_programme, filed_on = excluded.filed_on,"
			       " filed_by = excluded.filed_by, updated_at = excluded.updated_at RETURNING id",
			   rec, fields, 0, id_out);
	json_decref(rec);
	if (rc != DB_OK)
		return rc;
	rc = db_run(db, "DELETE FROM student_choices WHERE application_id = $1", "i", *id_out);
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(a, "subjects"), i, c) {
		if (rc < 0)
			break;
		rc = db_run(db, "INSERT INTO student_choices (application_id, subject_id, level) VALUES ($1, $2, $3)",
			    "iis", *id_out, json_integer_value(json_object_get(c, "subject_id")),
			    json_string_value(json_object_get(c, "level")));
	}
	return rc < 0 ? rc : DB_OK;
}

int choice_orders_insert(struct db *db, int64_t school_id, int64_t year_id, const char *number,
			 const char *date, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out, "INSERT INTO choice_orders (school_id, academic_year_id, number,"
					    " order_date, issued_by, created_at) VALUES ($1, $2, $3, $4, NULLIF($5, 0), $6)"
					    " RETURNING id",
				"iissis", school_id, year_id, number, date, user_id, now);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

int choices_fix(struct db *db, int64_t application_id, int64_t order_id)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "UPDATE choice_applications SET order_id = $1, updated_at = $2 WHERE id = $3", "isi",
			order_id, now, application_id);
	return rc < 0 ? rc : DB_OK;
}

/* --- the teaching load --- */

static json_t *teacher_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "staff_id", row_int(st, 0), "last_name",
			 row_text(st, 1), "first_name", row_text(st, 2), "middle_name", row_text(st, 3),
			 "set_hours", row_int(st, 4), "elective_hours", row_int(st, 5), "club_hours",
			 row_int(st, 6), "lesson_hours", row_int(st, 7));
}

static json_t *assignment_row(struct db_stmt *st)
{
	char label[32];
	snprintf(label, sizeof label, "%lld%s", (long long)db_col_int64(st, 3), db_col_text(st, 4));
	json_t *subject = subject_at(st, 7);
	return json_pack("{s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "staff_id",
			 row_int(st, 1), "class_id", row_int(st, 2), "class", label, "group_id", row_int(st, 5),
			 "group", row_text(st, 6), "subject_id", row_int(st, 7), "subject", subject, "hours",
			 row_int(st, 12));
}

json_t *load_get(struct db *db, int64_t school_id, int64_t year_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT f.id, p.last_name, p.first_name, p.middle_name, t.set_hours, t.elective_hours,"
		" t.club_hours, (SELECT COALESCE(SUM(a.hours), 0) FROM load_assignments a"
		"  WHERE a.academic_year_id = $2 AND a.staff_id = f.id)"
		" FROM staff f JOIN persons p ON p.id = f.person_id"
		" LEFT JOIN teacher_loads t ON t.staff_id = f.id AND t.academic_year_id = $2"
		" WHERE f.school_id = $1 AND (t.staff_id IS NOT NULL OR EXISTS (SELECT 1 FROM load_assignments a"
		"  WHERE a.academic_year_id = $2 AND a.staff_id = f.id)) ORDER BY p.sort_key, f.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	json_t *teachers = row_collect(st, teacher_row);
	if (!teachers)
		return NULL;
	json_t *assignments = row_list(db, "SELECT a.id, a.staff_id, a.class_id, c.grade, c.letter, a.group_id,"
					   " g.name, a.subject_id, s.code, s.name_kk, s.name_ru, s.name_en, a.hours"
					   " FROM load_assignments a JOIN classes c ON c.id = a.class_id"
					   " LEFT JOIN class_groups g ON g.id = a.group_id JOIN subjects s ON s.id = a.subject_id"
					   " WHERE a.academic_year_id = $1 ORDER BY c.grade, c.letter, s.code, g.name, a.id",
				       year_id, assignment_row);
	if (!assignments) {
		json_decref(teachers);
		return NULL;
	}
	return json_pack("{s:I, s:o, s:o}", "academic_year_id", (json_int_t)year_id, "teachers", teachers,
			 "assignments", assignments);
}

int load_replace(struct db *db, int64_t school_id, int64_t year_id, json_t *teachers, json_t *assignments)
{
	int rc = db_run(db, "DELETE FROM load_assignments WHERE academic_year_id = $1", "i", year_id);
	if (rc >= 0)
		rc = db_run(db, "DELETE FROM teacher_loads WHERE academic_year_id = $1", "i", year_id);
	size_t i;
	json_t *t;
	json_array_foreach(teachers, i, t) {
		if (rc < 0)
			break;
		rc = db_run(db, "INSERT INTO teacher_loads (academic_year_id, staff_id, school_id, set_hours,"
				" elective_hours, club_hours) VALUES ($1, $2, $3, $4, $5, $6)",
			    "iiiiii", year_id, json_integer_value(json_object_get(t, "staff_id")), school_id,
			    json_integer_value(json_object_get(t, "set_hours")),
			    json_integer_value(json_object_get(t, "elective_hours")),
			    json_integer_value(json_object_get(t, "club_hours")));
	}
	json_array_foreach(assignments, i, t) {
		if (rc < 0)
			break;
		json_t *rec = json_copy(t);
		json_object_set_new(rec, "academic_year_id", json_integer(year_id));
		json_object_set_new(rec, "school_id", json_integer(school_id));
		static const char *const fields[] = {"academic_year_id", "school_id", "staff_id", "class_id",
						     "group_id", "subject_id", "hours", NULL};
		rc = run_fields(db, "INSERT INTO load_assignments (academic_year_id, school_id, staff_id, class_id,"
				    " group_id, subject_id, hours) VALUES ($1, $2, $3, $4, $5, $6, $7)",
				rec, fields);
		json_decref(rec);
	}
	return rc < 0 ? rc : DB_OK;
}

static json_t *unit_row(struct db_stmt *st)
{
	return json_pack("[I, I, I, I]", (json_int_t)db_col_int64(st, 0), (json_int_t)db_col_int64(st, 1),
			 (json_int_t)db_col_int64(st, 2), (json_int_t)db_col_int64(st, 3));
}

json_t *load_plan_units(struct db *db, int64_t year_id, int64_t curriculum_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT c.id, COALESCE(g.id, 0), r.subject_id, r.hours FROM classes c"
		" JOIN school_curriculum_rows r ON r.curriculum_id = $2 AND r.grade = c.grade"
		" LEFT JOIN class_groups g ON g.class_id = c.id AND g.subject_id = r.subject_id"
		" WHERE c.academic_year_id = $1 AND r.hours > 0");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, year_id);
	db_bind_int64(st, 2, curriculum_id);
	return row_collect(st, unit_row);
}

json_t *load_assigned_units(struct db *db, int64_t year_id)
{
	return row_list(db, "SELECT class_id, COALESCE(group_id, 0), subject_id, hours FROM load_assignments"
			    " WHERE academic_year_id = $1", year_id, unit_row);
}

static json_t *class_label(struct db_stmt *st)
{
	char label[32];
	snprintf(label, sizeof label, "%lld%s", (long long)db_col_int64(st, 1), db_col_text(st, 2));
	return json_string(label);
}

static json_t *group_name(struct db_stmt *st)
{
	return row_text(st, 1);
}

static json_t *subject_ref(struct db_stmt *st)
{
	return subject_at(st, 0);
}

json_t *load_names(struct db *db, int64_t year_id)
{
	json_t *names = json_object();
	if (row_map(db, names, "classes", "SELECT id, grade, letter FROM classes WHERE academic_year_id = $1",
		       year_id, class_label) != 0 ||
	    row_map(db, names, "groups", "SELECT g.id, g.name FROM class_groups g JOIN classes c"
					    " ON c.id = g.class_id WHERE c.academic_year_id = $1",
		       year_id, group_name) != 0 ||
	    row_map(db, names, "subjects", "SELECT id, code, name_kk, name_ru, name_en FROM subjects", 0,
		       subject_ref) != 0) {
		json_decref(names);
		return NULL;
	}
	return names;
}

int load_teaches(struct db *db, int64_t year_id, int64_t staff_id, int64_t subject_id, int grade)
{
	int64_t n = 0;
	return db_query_int64(db, &n, "SELECT COUNT(*) FROM load_assignments a JOIN classes c ON c.id = a.class_id"
				      " WHERE a.academic_year_id = $1 AND a.staff_id = $2 AND a.subject_id = $3"
				      " AND c.grade = $4", "iiii", year_id, staff_id, subject_id, (int64_t)grade) == DB_ROW &&
	       n > 0;
}

/* --- КТЖ --- */

static json_t *topic_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "position", row_int(st, 0), "title", row_text(st, 1), "hours",
			 row_int(st, 2));
}

json_t *ktp_get(struct db *db, int64_t school_id, int64_t year_id, int64_t subject_id, int grade)
{
	struct db_stmt *st = db_prepare(db, "SELECT position, title, hours FROM ktp_topics"
					    " WHERE academic_year_id = $1 AND subject_id = $2 AND grade = $3"
					    " ORDER BY position");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, year_id);
	db_bind_int64(st, 2, subject_id);
	db_bind_int64(st, 3, grade);
	json_t *topics = row_collect(st, topic_row);
	if (!topics)
		return NULL;
	return json_pack("{s:I, s:I, s:I, s:i, s:I, s:o}", "school_id", (json_int_t)school_id, "academic_year_id",
			 (json_int_t)year_id, "subject_id", (json_int_t)subject_id, "grade", grade, "total_hours",
			 (json_int_t)total_hours(topics), "topics", topics);
}

/* The titles of the КТЖ's topics in order with their ids (malloc'd, *ids and *titles;
 * free with free_titles); their count, or -1. */
static long read_titles(struct db *db, int64_t year_id, int64_t subject_id, int grade, int64_t **ids,
			char ***titles)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, title FROM ktp_topics WHERE academic_year_id = $1"
					    " AND subject_id = $2 AND grade = $3 ORDER BY position");
	if (!st)
		return -1;
	db_bind_int64(st, 1, year_id);
	db_bind_int64(st, 2, subject_id);
	db_bind_int64(st, 3, grade);
	size_t n = 0, cap = 0, tcap = 0;
	int64_t *id = NULL;
	char **title = NULL;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		char *t = strdup(db_col_text(st, 1) ? db_col_text(st, 1) : "");
		if (!t || array_grow((void **)&id, &cap, n, sizeof *id) != 0 ||
		    array_grow((void **)&title, &tcap, n, sizeof *title) != 0) {
			free(t);
			rc = DB_ERROR;
			break;
		}
		id[n] = db_col_int64(st, 0);
		title[n++] = t;
	}
	db_done(st);
	*ids = id;
	*titles = title;
	if (rc != DB_DONE) {
		for (size_t i = 0; i < n; i++)
			free(title[i]);
		free(id);
		free(title);
		*ids = NULL;
		*titles = NULL;
		return -1;
	}
	return (long)n;
}

int ktp_replace(struct db *db, int64_t school_id, int64_t year_id, int64_t subject_id, int grade,
		json_t *topics)
{
	char now[21];
	db_now_utc(now);
	int64_t *ids = NULL;
	char **old = NULL;
	long no = read_titles(db, year_id, subject_id, grade, &ids, &old);
	size_t nn = json_array_size(topics);
	const char **titles = malloc((nn ? nn : 1) * sizeof *titles);
	long *match = malloc((nn ? nn : 1) * sizeof *match);
	int rc = no < 0 || !titles || !match ? DB_ERROR : DB_OK;
	size_t i;
	json_t *t;
	json_array_foreach(topics, i, t) {
		if (titles)
			titles[i] = json_string_value(json_object_get(t, "title"));
	}
	if (rc == DB_OK && ktp_match((const char *const *)old, (size_t)no, titles, nn, match) != 0)
		rc = DB_ERROR;
	/* the old topics out of the way of the new positions (the UNIQUE position), in one
	 * statement so that no row clashes on the way */
	if (rc == DB_OK && no > 0)
		rc = db_run(db, "UPDATE ktp_topics SET position = -position WHERE academic_year_id = $1"
				" AND subject_id = $2 AND grade = $3", "iii", year_id, subject_id, (int64_t)grade);
	json_array_foreach(topics, i, t) {
		if (rc < 0)
			break;
		json_int_t hours = json_integer_value(json_object_get(t, "hours"));
		int64_t id = 0;
		rc = match[i] < 0 ? DB_DONE
				  : db_query_int64(db, &id, "UPDATE ktp_topics SET position = $2, title = $3, hours = $4"
							    " WHERE id = $1 RETURNING id", "iisi", ids[match[i]],
						   (int64_t)i + 1, titles[i], (int64_t)hours);
		/* new, or kept but deleted meanwhile by another save (PostgreSQL, READ COMMITTED) */
		if (rc == DB_DONE)
			rc = db_run(db, "INSERT INTO ktp_topics (school_id, academic_year_id, subject_id, grade, position,"
					" title, hours, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
				    "iiiiisis", school_id, year_id, subject_id, (int64_t)grade, (int64_t)i + 1, titles[i],
				    (int64_t)hours, now);
	}
	/* the old topics no new one kept (still at negative positions; beyond the last one
	 * only when another save wrote meanwhile): gone, and with them their place and pins
	 * in the plan */
	if (rc >= 0)
		rc = db_run(db, "UPDATE lessons SET ktp_topic_id = NULL, ktp_pinned = 0 WHERE academic_year_id = $1"
				" AND subject_id = $2 AND ktp_topic_id IN (SELECT id FROM ktp_topics"
				" WHERE academic_year_id = $1 AND subject_id = $2 AND grade = $3"
				" AND (position < 0 OR position > $4))",
			    "iiii", year_id, subject_id, (int64_t)grade, (int64_t)nn);
	if (rc >= 0)
		rc = db_run(db, "DELETE FROM ktp_topics WHERE academic_year_id = $1 AND subject_id = $2 AND grade = $3"
				" AND (position < 0 OR position > $4)", "iiii", year_id, subject_id, (int64_t)grade,
			    (int64_t)nn);
	for (long k = 0; k < no; k++)
		free(old[k]);
	free(old);
	free(ids);
	free(titles);
	free(match);
	return rc < 0 ? rc : DB_OK;
}
