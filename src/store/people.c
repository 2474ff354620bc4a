/* people — persons, students, legal representatives and staff. */
#include "store/people.h"

#include <stdlib.h>
#include <string.h>

#include "core/org.h"
#include "store/row.h"
#include "util/buf.h"
#include "util/utf8.h"

#define PERSON_COLUMNS \
	"p.id, p.last_name, p.first_name, p.middle_name, p.iin, p.birth_date, p.sex, p.phone, p.email"
#define PERSON_NCOLS 9

/* Adds the person columns starting at `col` to obj. */
static void person_fields(json_t *obj, struct db_stmt *st, int col)
{
	static const char *const names[] = {"last_name", "first_name", "middle_name", "iin",
					    "birth_date", "sex", "phone", "email"};
	for (int i = 0; i < 8; i++)
		json_object_set_new(obj, names[i], row_text(st, col + 1 + i));
}

static json_t *person_row(struct db_stmt *st)
{
	json_t *p = json_pack("{s:o}", "id", row_int(st, 0));
	person_fields(p, st, 0);
	return p;
}

/* The key a person is listed by: last, first and middle name in Kazakh alphabet order. */
static char *sort_key(json_t *p)
{
	struct buf b = BUF_INIT;
	static const char *const keys[] = {"last_name", "first_name", "middle_name"};
	for (int i = 0; i < 3; i++) {
		const char *v = json_string_value(json_object_get(p, keys[i]));
		buf_adds(&b, v ? v : "");
		buf_addch(&b, ' ');
	}
	char *key = utf8_sort_key(b.data);
	buf_release(&b);
	return key;
}

/* The folded text a person is found by: names and IIN. */
static char *search_key(json_t *p)
{
	struct buf b = BUF_INIT;
	static const char *const keys[] = {"last_name", "first_name", "middle_name", "iin"};
	for (int i = 0; i < 4; i++) {
		const char *v = json_string_value(json_object_get(p, keys[i]));
		if (v) {
			if (b.len)
				buf_addch(&b, ' ');
			buf_adds(&b, v);
		}
	}
	char *folded = utf8_fold(b.data);
	buf_release(&b);
	return folded;
}

json_t *persons_get(struct db *db, int64_t id)
{
	return row_get_one(db, "SELECT " PERSON_COLUMNS " FROM persons p WHERE p.id = $1", id, person_row);
}

static const char *const person_write_fields[] = {"last_name", "first_name", "middle_name", "iin",
	"birth_date", "sex", "phone", "email", "search_key", "sort_key", NULL};

/* Writes a person record with its search key (row_write's conventions). */
static int person_write(struct db *db, const char *sql, json_t *p, int64_t id, int64_t *id_out)
{
	json_t *rec = json_copy(p);
	char *key = search_key(p);
	json_object_set_new(rec, "search_key", json_string(key ? key : ""));
	free(key);
	key = sort_key(p);
	json_object_set_new(rec, "sort_key", json_string(key ? key : ""));
	free(key);
	int rc = row_write(db, sql, rec, person_write_fields, id, id_out);
	json_decref(rec);
	return rc;
}

int persons_insert(struct db *db, json_t *p, int64_t *id_out)
{
	return person_write(db, "INSERT INTO persons (last_name, first_name, middle_name, iin, birth_date,"
				" sex, phone, email, search_key, sort_key, created_at, updated_at)"
				" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
			    p, 0, id_out);
}

int persons_update(struct db *db, int64_t id, json_t *p)
{
	return person_write(db, "UPDATE persons SET last_name = $1, first_name = $2, middle_name = $3,"
				" iin = $4, birth_date = $5, sex = $6, phone = $7, email = $8, search_key = $9,"
				" sort_key = $10, updated_at = $11 WHERE id = $12",
			    p, id, NULL);
}

int persons_find_iin(struct db *db, const char *iin, int64_t *id_out)
{
	return db_query_int64(db, id_out, "SELECT id FROM persons WHERE iin = $1", "s", iin);
}

/* --- students --- */

#define STUDENT_SELECT \
	"SELECT s.id, s.person_id, s.school_id, s.class_id, c.grade, c.letter, c.language," \
	" s.funding, s.dormitory, s.status, s.enrolled_on, " PERSON_COLUMNS \
	" FROM students s JOIN persons p ON p.id = s.person_id LEFT JOIN classes c ON c.id = s.class_id"

static json_t *student_row(struct db_stmt *st)
{
	json_t *cls = json_null();
	const char *level = NULL;
	if (!db_col_is_null(st, 3)) {
		int grade = (int)db_col_int64(st, 4);
		char label[32];
		snprintf(label, sizeof label, "%d%s", grade, db_col_text(st, 5));
		cls = json_pack("{s:o, s:i, s:o, s:s, s:o}", "id", row_int(st, 3), "grade", grade,
				"letter", row_text(st, 5), "label", label, "language", row_text(st, 6));
		level = org_level_code(org_level_of_grade(grade));
	}
	json_t *s = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			      row_int(st, 0), "person_id", row_int(st, 1), "school_id", row_int(st, 2),
			      "class_id", row_int(st, 3), "class", cls, "funding", row_text(st, 7),
			      "dormitory", row_bool(st, 8), "status", row_text(st, 9), "enrolled_on",
			      row_text(st, 10), "level", level ? json_string(level) : json_null());
	person_fields(s, st, 11);
	return s;
}

json_t *students_get(struct db *db, int64_t id)
{
	return row_get_one(db, STUDENT_SELECT " WHERE s.id = $1", id, student_row);
}

/* The class list and the school list are separate statements: a "($1 = 0 OR
 * s.class_id = $1)" condition would keep both engines from using the index. */
static const char *const students_count_sql[2] = {
	"SELECT COUNT(*) FROM students s JOIN persons p ON p.id = s.person_id WHERE s.school_id = $1"
	" AND ($2 = '%' OR p.search_key LIKE $2 ESCAPE '\\')",
	"SELECT COUNT(*) FROM students s JOIN persons p ON p.id = s.person_id WHERE s.class_id = $1"
	" AND ($2 = '%' OR p.search_key LIKE $2 ESCAPE '\\')",
};
static const char *const students_list_sql[2] = {
	STUDENT_SELECT " WHERE s.school_id = $1 AND ($2 = '%' OR p.search_key LIKE $2 ESCAPE '\\')"
	" ORDER BY p.sort_key, s.id LIMIT $3 OFFSET $4",
	STUDENT_SELECT " WHERE s.class_id = $1 AND ($2 = '%' OR p.search_key LIKE $2 ESCAPE '\\')"
	" ORDER BY p.sort_key, s.id LIMIT $3 OFFSET $4",
};

json_t *students_list(struct db *db, const struct student_filter *f, int64_t limit, int64_t offset,
		      int64_t *total)
{
	int by_class = f->class_id != 0;
	int64_t key = by_class ? f->class_id : f->school_id;
	char *pattern = row_search_pattern(f->q);
	json_t *items = NULL;
	if (db_query_int64(db, total, students_count_sql[by_class], "is", key, pattern) == DB_ROW) {
		struct db_stmt *st = db_prepare(db, students_list_sql[by_class]);
		if (st) {
			db_bind_int64(st, 1, key);
			db_bind_text(st, 2, pattern);
			db_bind_int64(st, 3, limit);
			db_bind_int64(st, 4, offset);
			items = row_collect(st, student_row);
		}
	}
	free(pattern);
	return items;
}

int students_insert(struct db *db, json_t *s, int64_t *id_out)
{
	static const char *const fields[] = {"person_id", "school_id", "class_id", "funding", "dormitory",
					     "status", "enrolled_on", NULL};
	int64_t person_id = 0;
	int rc = persons_insert(db, s, &person_id);
	if (rc != DB_OK)
		return rc;
	json_t *rec = json_copy(s);
	json_object_set_new(rec, "person_id", json_integer(person_id));
	rc = row_write(db, "INSERT INTO students (person_id, school_id, class_id, funding, dormitory,"
			   " status, enrolled_on, created_at, updated_at)"
			   " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
		       rec, fields, 0, id_out);
	json_decref(rec);
	return rc;
}

int students_update(struct db *db, int64_t id, json_t *s)
{
	static const char *const fields[] = {"class_id", "funding", "dormitory", "status", "enrolled_on", NULL};
	int rc = persons_update(db, json_integer_value(json_object_get(s, "person_id")), s);
	if (rc != DB_OK)
		return rc;
	return row_write(db, "UPDATE students SET class_id = $1, funding = $2, dormitory = $3, status = $4,"
			     " enrolled_on = $5, updated_at = $6 WHERE id = $7",
			 s, fields, id, NULL);
}

int64_t students_of_person(struct db *db, int64_t person_id)
{
	int64_t id = 0;
	return db_query_int64(db, &id, "SELECT id FROM students WHERE person_id = $1", "i", person_id) ==
			       DB_ROW ? id : 0;
}

/* --- legal representatives --- */

static json_t *representative_row(struct db_stmt *st)
{
	json_t *p = person_row(st);
	json_object_set_new(p, "relation", row_text(st, PERSON_NCOLS));
	return p;
}

json_t *representatives_of(struct db *db, int64_t student_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT " PERSON_COLUMNS ", r.relation FROM student_representatives r"
		" JOIN persons p ON p.id = r.person_id WHERE r.student_id = $1 ORDER BY p.sort_key, p.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, student_id);
	return row_collect(st, representative_row);
}

static json_t *child_row(struct db_stmt *st)
{
	json_t *s = student_row(st);
	json_object_set_new(s, "relation", row_text(st, 11 + PERSON_NCOLS));
	return s;
}

json_t *representatives_children(struct db *db, int64_t person_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT s.id, s.person_id, s.school_id, s.class_id, c.grade, c.letter, c.language,"
		" s.funding, s.dormitory, s.status, s.enrolled_on, " PERSON_COLUMNS ", r.relation"
		" FROM student_representatives r JOIN students s ON s.id = r.student_id"
		" JOIN persons p ON p.id = s.person_id LEFT JOIN classes c ON c.id = s.class_id"
		" WHERE r.person_id = $1 ORDER BY p.birth_date, s.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, person_id);
	return row_collect(st, child_row);
}

json_t *representatives_list(struct db *db, int64_t school_id, const char *q, int64_t limit,
			     int64_t offset, int64_t *total)
{
	char *pattern = row_search_pattern(q);
	json_t *items = NULL;
	if (db_query_int64(db, total,
			   "SELECT COUNT(*) FROM persons p WHERE EXISTS (SELECT 1 FROM student_representatives r"
			   " JOIN students s ON s.id = r.student_id WHERE r.person_id = p.id AND"
			   " ($1 = 0 OR s.school_id = $1)) AND ($2 = '%' OR p.search_key LIKE $2 ESCAPE '\\')",
			   "is", school_id, pattern) == DB_ROW) {
		struct db_stmt *st = db_prepare(db,
			"SELECT " PERSON_COLUMNS " FROM persons p WHERE EXISTS (SELECT 1 FROM"
			" student_representatives r JOIN students s ON s.id = r.student_id WHERE"
			" r.person_id = p.id AND ($1 = 0 OR s.school_id = $1)) AND ($2 = '%' OR"
			" p.search_key LIKE $2 ESCAPE '\\') ORDER BY p.sort_key, p.id"
			" LIMIT $3 OFFSET $4");
		if (st) {
			db_bind_int64(st, 1, school_id);
			db_bind_text(st, 2, pattern);
			db_bind_int64(st, 3, limit);
			db_bind_int64(st, 4, offset);
			items = row_collect(st, person_row);
		}
	}
	free(pattern);
	return items;
}

int representatives_link(struct db *db, int64_t student_id, int64_t person_id, const char *relation)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "INSERT INTO student_representatives (student_id, person_id, relation,"
			    " created_at) VALUES ($1, $2, $3, $4)",
			"iiss", student_id, person_id, relation, now);
	return rc == DB_DONE ? DB_OK : rc;
}

int representatives_unlink(struct db *db, int64_t student_id, int64_t person_id)
{
	int rc = db_run(db, "DELETE FROM student_representatives WHERE student_id = $1 AND person_id = $2",
			"ii", student_id, person_id);
	return rc == DB_DONE ? DB_OK : rc;
}

int representatives_is_linked(struct db *db, int64_t student_id, int64_t person_id)
{
	int64_t n = 0;
	return db_query_int64(db, &n, "SELECT COUNT(*) FROM student_representatives WHERE"
				      " student_id = $1 AND person_id = $2", "ii", student_id, person_id) ==
		       DB_ROW && n > 0;
}

int representatives_in_school(struct db *db, int64_t person_id, int64_t school_id)
{
	int64_t n = 0;
	return db_query_int64(db, &n, "SELECT COUNT(*) FROM student_representatives r JOIN students s"
				      " ON s.id = r.student_id WHERE r.person_id = $1 AND ($2 = 0 OR"
				      " s.school_id = $2)", "ii", person_id, school_id) == DB_ROW && n > 0;
}

int64_t representatives_first_school(struct db *db, int64_t person_id)
{
	int64_t school = 0;
	if (db_query_int64(db, &school, "SELECT s.school_id FROM student_representatives r JOIN students s"
					" ON s.id = r.student_id WHERE r.person_id = $1 ORDER BY s.id LIMIT 1",
			   "i", person_id) != DB_ROW)
		return 0;
	return school;
}

/* --- staff --- */

#define STAFF_SELECT \
	"SELECT f.id, f.person_id, f.school_id, f.active, " PERSON_COLUMNS \
	" FROM staff f JOIN persons p ON p.id = f.person_id"

static json_t *staff_row(struct db_stmt *st)
{
	json_t *f = json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "person_id", row_int(st, 1),
			      "school_id", row_int(st, 2), "active", row_bool(st, 3));
	person_fields(f, st, 4);
	return f;
}

int64_t staff_of_person(struct db *db, int64_t person_id, int64_t school_id)
{
	int64_t id = 0;
	return db_query_int64(db, &id, "SELECT id FROM staff WHERE person_id = $1 AND school_id = $2",
			      "ii", person_id, school_id) == DB_ROW ? id : 0;
}

/* Adds "roles": [...] to each staff record of an array (or to one record). */
static int add_roles(struct db *db, json_t *f)
{
	struct db_stmt *st = db_prepare(db, "SELECT role FROM staff_roles WHERE staff_id = $1 ORDER BY CASE role"
		" WHEN 'director' THEN 1 WHEN 'deputy_academic' THEN 2 WHEN 'deputy_upbringing' THEN 3"
		" WHEN 'timetable_officer' THEN 4 WHEN 'teacher' THEN 5 WHEN 'curator' THEN 6 ELSE 7 END");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, json_integer_value(json_object_get(f, "id")));
	json_t *roles = json_array();
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		json_array_append_new(roles, json_string(db_col_text(st, 0)));
	db_done(st);
	json_object_set_new(f, "roles", roles);
	return rc == DB_DONE ? DB_OK : rc;
}

json_t *staff_get(struct db *db, int64_t id)
{
	json_t *f = row_get_one(db, STAFF_SELECT " WHERE f.id = $1", id, staff_row);
	if (f && add_roles(db, f) != DB_OK) {
		json_decref(f);
		return NULL;
	}
	return f;
}

json_t *staff_list(struct db *db, int64_t school_id, const char *q, const char *role, int64_t limit,
		   int64_t offset, int64_t *total)
{
	char *pattern = row_search_pattern(q);
	json_t *items = NULL;
	const char *r = role ? role : "";
	if (db_query_int64(db, total,
			   "SELECT COUNT(*) FROM staff f JOIN persons p ON p.id = f.person_id WHERE"
			   " f.school_id = $1 AND ($2 = '%' OR p.search_key LIKE $2 ESCAPE '\\') AND"
			   " ($3 = '' OR EXISTS (SELECT 1 FROM staff_roles x WHERE x.staff_id = f.id AND"
			   " x.role = $3))",
			   "iss", school_id, pattern, r) == DB_ROW) {
		struct db_stmt *st = db_prepare(db,
			STAFF_SELECT " WHERE f.school_id = $1 AND ($2 = '%' OR p.search_key LIKE $2"
			" ESCAPE '\\') AND ($3 = '' OR EXISTS (SELECT 1 FROM staff_roles x WHERE"
			" x.staff_id = f.id AND x.role = $3)) ORDER BY p.sort_key, f.id"
			" LIMIT $4 OFFSET $5");
		if (st) {
			db_bind_int64(st, 1, school_id);
			db_bind_text(st, 2, pattern);
			db_bind_text(st, 3, r);
			db_bind_int64(st, 4, limit);
			db_bind_int64(st, 5, offset);
			items = row_collect(st, staff_row);
		}
	}
	free(pattern);
	for (size_t i = 0; items && i < json_array_size(items); i++) {
		if (add_roles(db, json_array_get(items, i)) != DB_OK) {
			json_decref(items);
			items = NULL;
		}
	}
	return items;
}

static int write_roles(struct db *db, int64_t staff_id, json_t *roles)
{
	int rc = db_run(db, "DELETE FROM staff_roles WHERE staff_id = $1", "i", staff_id);
	if (rc != DB_DONE)
		return rc;
	size_t i;
	json_t *r;
	json_array_foreach(roles, i, r) {
		rc = db_run(db, "INSERT INTO staff_roles (staff_id, role) VALUES ($1, $2)", "is", staff_id,
			    json_string_value(r));
		if (rc != DB_DONE)
			return rc;
	}
	return DB_OK;
}

int staff_insert(struct db *db, json_t *f, int64_t *id_out)
{
	int64_t person_id = json_integer_value(json_object_get(f, "person_id"));
	int rc;
	if (!person_id && (rc = persons_insert(db, f, &person_id)) != DB_OK)
		return rc;
	char now[21];
	db_now_utc(now);
	int64_t id = 0;
	/* Active unless the record says otherwise. */
	int64_t active = json_is_false(json_object_get(f, "active")) ? 0 : 1;
	rc = db_query_int64(db, &id, "INSERT INTO staff (person_id, school_id, active, created_at,"
				     " updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id",
			    "iiis", person_id, json_integer_value(json_object_get(f, "school_id")), active, now);
	if (rc != DB_ROW)
		return rc;
	if (id_out)
		*id_out = id;
	return write_roles(db, id, json_object_get(f, "roles"));
}

int staff_update(struct db *db, int64_t id, json_t *f)
{
	int rc = persons_update(db, json_integer_value(json_object_get(f, "person_id")), f);
	if (rc != DB_OK)
		return rc;
	char now[21];
	db_now_utc(now);
	rc = db_run(db, "UPDATE staff SET active = $1, updated_at = $2 WHERE id = $3", "isi",
		    (int64_t)json_is_true(json_object_get(f, "active")), now, id);
	if (rc != DB_DONE)
		return rc;
	return write_roles(db, id, json_object_get(f, "roles"));
}
