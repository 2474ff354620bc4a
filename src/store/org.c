/* org — schools, academic years, classes and subjects. */
#include "store/org.h"

#include <stdlib.h>
#include <string.h>

#include "core/org.h"
#include "store/row.h"
#include "util/utf8.h"

/* --- schools --- */

#define SCHOOL_COLUMNS \
	"s.id, s.code, s.name_kk, s.name_ru, s.name_en, s.city_kk, s.city_ru, s.city_en, s.programme," \
	" (SELECT COUNT(*) FROM classes c JOIN academic_years y ON y.id = c.academic_year_id" \
	"   WHERE c.school_id = s.id AND y.status = 'current')," \
	" (SELECT COUNT(*) FROM students t WHERE t.school_id = s.id AND t.status = 'studying')," \
	" (SELECT COUNT(*) FROM staff f WHERE f.school_id = s.id AND f.active = 1)"

static json_t *school_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:{s:o, s:o, s:o}}",
			 "id", row_int(st, 0), "code", row_text(st, 1), "name", row_names(st, 2),
			 "city", row_names(st, 5), "programme", row_text(st, 8),
			 "figures", "classes", row_int(st, 9), "students", row_int(st, 10),
			 "staff", row_int(st, 11));
}

json_t *schools_get(struct db *db, int64_t id)
{
	return row_get_one(db, "SELECT " SCHOOL_COLUMNS " FROM schools s WHERE s.id = $1", id, school_row);
}

/* Whether any of the record's texts (top-level strings and {"kk","ru","en"} names)
 * contains the folded query. */
static int record_matches(json_t *record, const char *folded_q)
{
	const char *key;
	json_t *v;
	json_object_foreach(record, key, v) {
		const char *texts[3] = {NULL, NULL, NULL};
		if (json_is_string(v)) {
			texts[0] = json_string_value(v);
		} else if (json_is_object(v) && json_object_get(v, "kk")) {
			texts[0] = json_string_value(json_object_get(v, "kk"));
			texts[1] = json_string_value(json_object_get(v, "ru"));
			texts[2] = json_string_value(json_object_get(v, "en"));
		}
		for (int i = 0; i < 3; i++) {
			char *f = texts[i] ? utf8_fold(texts[i]) : NULL;
			int hit = f && strstr(f, folded_q) != NULL;
			free(f);
			if (hit)
				return 1;
		}
	}
	return 0;
}

/* Filters a short list (schools, subjects: tens of rows) by q in every language and
 * returns the page asked for; takes `all`. */
static json_t *filter_page(json_t *all, const char *q, int64_t limit, int64_t offset, int64_t *total)
{
	if (!all)
		return NULL;
	char *folded = q && *q ? utf8_fold(q) : NULL;
	json_t *page = json_array();
	int64_t n = 0;
	size_t i;
	json_t *item;
	json_array_foreach(all, i, item) {
		if (folded && !record_matches(item, folded))
			continue;
		if (n >= offset && n < offset + limit)
			json_array_append(page, item);
		n++;
	}
	free(folded);
	json_decref(all);
	*total = n;
	return page;
}

json_t *schools_list(struct db *db, const char *q, int64_t only_id, int64_t limit, int64_t offset,
		     int64_t *total)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT " SCHOOL_COLUMNS " FROM schools s WHERE ($1 = 0 OR s.id = $1) ORDER BY s.code");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, only_id);
	return filter_page(row_collect(st, school_row), q, limit, offset, total);
}

static const char *const school_write_fields[] = {
	"code", "name.kk", "name.ru", "name.en", "city.kk", "city.ru", "city.en", "programme", NULL};

int schools_insert(struct db *db, json_t *s, int64_t *id_out)
{
	return row_write(db, "INSERT INTO schools (code, name_kk, name_ru, name_en, city_kk, city_ru,"
			     " city_en, programme, created_at, updated_at)"
			     " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
			 s, school_write_fields, 0, id_out);
}

int schools_update(struct db *db, int64_t id, json_t *s)
{
	return row_write(db, "UPDATE schools SET code = $1, name_kk = $2, name_ru = $3, name_en = $4,"
			     " city_kk = $5, city_ru = $6, city_en = $7, programme = $8, updated_at = $9"
			     " WHERE id = $10",
			 s, school_write_fields, id, NULL);
}

int schools_find_code(struct db *db, const char *code, int64_t *id_out)
{
	return db_query_int64(db, id_out, "SELECT id FROM schools WHERE code = $1", "s", code);
}

/* --- academic years --- */

#define YEAR_COLUMNS \
	"id, school_id, name, starts_on, ends_on, status, type, approved_at, approved_by, fixed_on"

static json_t *year_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0),
			 "school_id", row_int(st, 1), "name", row_text(st, 2), "starts_on",
			 row_text(st, 3), "ends_on", row_text(st, 4), "status", row_text(st, 5), "type",
			 row_text(st, 6), "approved_at", row_text(st, 7), "approved_by", row_int(st, 8),
			 "fixed_on", row_text(st, 9));
}

json_t *years_get(struct db *db, int64_t id)
{
	return row_get_one(db, "SELECT " YEAR_COLUMNS " FROM academic_years WHERE id = $1", id, year_row);
}

json_t *years_list(struct db *db, int64_t school_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT " YEAR_COLUMNS " FROM academic_years WHERE school_id = $1 ORDER BY starts_on DESC");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	return row_collect(st, year_row);
}

int years_insert(struct db *db, json_t *y, int64_t *id_out)
{
	static const char *const fields[] = {"school_id", "name", "starts_on", "ends_on", "status", NULL};
	return row_write(db, "INSERT INTO academic_years (school_id, name, starts_on, ends_on, status,"
			     " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
			 y, fields, 0, id_out);
}

int years_update(struct db *db, int64_t id, json_t *y)
{
	static const char *const fields[] = {"name", "starts_on", "ends_on", "status", NULL};
	return row_write(db, "UPDATE academic_years SET name = $1, starts_on = $2, ends_on = $3,"
			     " status = $4, updated_at = $5 WHERE id = $6",
			 y, fields, id, NULL);
}

int64_t years_current(struct db *db, int64_t school_id)
{
	int64_t id = 0;
	if (db_query_int64(db, &id, "SELECT id FROM academic_years WHERE school_id = $1 AND"
				    " status = 'current' ORDER BY starts_on DESC LIMIT 1",
			   "i", school_id) != DB_ROW)
		return 0;
	return id;
}

/* --- classes --- */

#define CLASS_COLUMNS \
	"c.id, c.school_id, c.academic_year_id, c.grade, c.letter, c.language, c.curator_id," \
	" p.last_name, p.first_name, p.middle_name," \
	" (SELECT COUNT(*) FROM students t WHERE t.class_id = c.id AND t.status = 'studying')"

static json_t *class_row(struct db_stmt *st)
{
	int grade = (int)db_col_int64(st, 3);
	json_t *curator = json_null();
	if (!db_col_is_null(st, 6))
		curator = json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 6), "last_name",
				    row_text(st, 7), "first_name", row_text(st, 8), "middle_name",
				    row_text(st, 9));
	char label[32];
	snprintf(label, sizeof label, "%d%s", grade, db_col_text(st, 4));
	return json_pack("{s:o, s:o, s:o, s:i, s:o, s:s, s:o, s:s, s:o, s:o}", "id", row_int(st, 0),
			 "school_id", row_int(st, 1), "academic_year_id", row_int(st, 2), "grade", grade,
			 "letter", row_text(st, 4), "label", label, "language", row_text(st, 5),
			 "level", org_level_code(org_level_of_grade(grade)), "curator", curator,
			 "students", row_int(st, 10));
}

json_t *classes_get(struct db *db, int64_t id)
{
	return row_get_one(db, "SELECT " CLASS_COLUMNS " FROM classes c LEFT JOIN staff f ON f.id = c.curator_id"
			   " LEFT JOIN persons p ON p.id = f.person_id WHERE c.id = $1", id, class_row);
}

json_t *classes_list(struct db *db, int64_t school_id, int64_t year_id, int64_t limit,
		     int64_t offset, int64_t *total)
{
	if (db_query_int64(db, total, "SELECT COUNT(*) FROM classes c WHERE c.school_id = $1 AND"
				      " ($2 = 0 OR c.academic_year_id = $2)",
			   "ii", school_id, year_id) != DB_ROW)
		return NULL;
	struct db_stmt *st = db_prepare(db,
		"SELECT " CLASS_COLUMNS " FROM classes c LEFT JOIN staff f ON f.id = c.curator_id"
		" LEFT JOIN persons p ON p.id = f.person_id WHERE c.school_id = $1 AND"
		" ($2 = 0 OR c.academic_year_id = $2) ORDER BY c.grade, c.letter LIMIT $3 OFFSET $4");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	db_bind_int64(st, 3, limit);
	db_bind_int64(st, 4, offset);
	return row_collect(st, class_row);
}

json_t *classes_curated_by(struct db *db, int64_t staff_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT " CLASS_COLUMNS " FROM classes c JOIN academic_years y ON y.id = c.academic_year_id"
		" LEFT JOIN staff f ON f.id = c.curator_id LEFT JOIN persons p ON p.id = f.person_id"
		" WHERE c.curator_id = $1 AND y.status = 'current' ORDER BY c.grade, c.letter");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, staff_id);
	return row_collect(st, class_row);
}

int classes_insert(struct db *db, json_t *c, int64_t *id_out)
{
	static const char *const fields[] = {"school_id", "academic_year_id", "grade", "letter",
					     "language", "curator_id", NULL};
	return row_write(db, "INSERT INTO classes (school_id, academic_year_id, grade, letter, language,"
			     " curator_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"
			     " RETURNING id",
			 c, fields, 0, id_out);
}

int classes_update(struct db *db, int64_t id, json_t *c)
{
	static const char *const fields[] = {"grade", "letter", "language", "curator_id", NULL};
	return row_write(db, "UPDATE classes SET grade = $1, letter = $2, language = $3, curator_id = $4,"
			     " updated_at = $5 WHERE id = $6",
			 c, fields, id, NULL);
}

/* --- subjects --- */

static json_t *subject_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "id", row_int(st, 0), "code", row_text(st, 1), "name",
			 row_names(st, 2));
}

json_t *subjects_get(struct db *db, int64_t id)
{
	return row_get_one(db, "SELECT id, code, name_kk, name_ru, name_en FROM subjects WHERE id = $1", id,
		       subject_row);
}

json_t *subjects_list(struct db *db, const char *q, int64_t limit, int64_t offset, int64_t *total)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, code, name_kk, name_ru, name_en FROM subjects ORDER BY code");
	if (!st)
		return NULL;
	return filter_page(row_collect(st, subject_row), q, limit, offset, total);
}

static const char *const subject_write_fields[] = {"code", "name.kk", "name.ru", "name.en", NULL};

int subjects_insert(struct db *db, json_t *s, int64_t *id_out)
{
	return row_write(db, "INSERT INTO subjects (code, name_kk, name_ru, name_en, created_at, updated_at)"
			     " VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
			 s, subject_write_fields, 0, id_out);
}

int subjects_update(struct db *db, int64_t id, json_t *s)
{
	return row_write(db, "UPDATE subjects SET code = $1, name_kk = $2, name_ru = $3, name_en = $4,"
			     " updated_at = $5 WHERE id = $6",
			 s, subject_write_fields, id, NULL);
}

int64_t org_school_of(struct db *db, const char *table, int64_t id)
{
	int64_t school = 0;
	int rc;
	if (strcmp(table, "classes") == 0)
		rc = db_query_int64(db, &school, "SELECT school_id FROM classes WHERE id = $1", "i", id);
	else if (strcmp(table, "academic_years") == 0)
		rc = db_query_int64(db, &school, "SELECT school_id FROM academic_years WHERE id = $1", "i", id);
	else if (strcmp(table, "students") == 0)
		rc = db_query_int64(db, &school, "SELECT school_id FROM students WHERE id = $1", "i", id);
	else if (strcmp(table, "staff") == 0)
		rc = db_query_int64(db, &school, "SELECT school_id FROM staff WHERE id = $1", "i", id);
	else
		return 0;
	return rc == DB_ROW ? school : 0;
}
