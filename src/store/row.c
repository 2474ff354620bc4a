/* row — JSON ↔ statement helpers. */
#include "store/row.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/array.h"
#include "util/buf.h"
#include "util/utf8.h"

void row_bind(struct db_stmt *st, int idx, json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	if (json_is_string(v))
		db_bind_text(st, idx, json_string_value(v));
	else if (json_is_integer(v))
		db_bind_int64(st, idx, json_integer_value(v));
	else if (json_is_boolean(v))
		db_bind_int64(st, idx, json_is_true(v) ? 1 : 0);
	else
		db_bind_null(st, idx);
}

void row_bind_name(struct db_stmt *st, int idx, json_t *obj, const char *key, const char *lang)
{
	row_bind(st, idx, json_object_get(obj, key), lang);
}

json_t *row_text(struct db_stmt *st, int col)
{
	const char *s = db_col_text(st, col);
	return s ? json_string(s) : json_null();
}

json_t *row_int(struct db_stmt *st, int col)
{
	return db_col_is_null(st, col) ? json_null() : json_integer(db_col_int64(st, col));
}

json_t *row_bool(struct db_stmt *st, int col)
{
	return db_col_is_null(st, col) ? json_null() : json_boolean(db_col_int64(st, col) != 0);
}

json_t *row_names(struct db_stmt *st, int col)
{
	return json_pack("{s:o, s:o, s:o}", "kk", row_text(st, col), "ru", row_text(st, col + 1),
			 "en", row_text(st, col + 2));
}

json_t *row_collect(struct db_stmt *st, json_t *(*build)(struct db_stmt *))
{
	json_t *items = json_array();
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		json_array_append_new(items, build(st));
	db_done(st);
	if (rc != DB_DONE) {
		json_decref(items);
		return NULL;
	}
	return items;
}

int row_collect_items(struct db_stmt *st, void **items, size_t *n, size_t size,
		      int (*fill)(struct db_stmt *, void *))
{
	size_t cap = 0;
	int rc;
	*items = NULL;
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (array_grow(items, &cap, *n, size) != 0 || fill(st, (char *)*items + *n * size) != 0) {
			rc = DB_ERROR;
			break;
		}
		(*n)++;
	}
	db_done(st);
	if (rc == DB_DONE)
		return DB_OK;
	free(*items);
	*items = NULL;
	*n = 0;
	return rc < 0 ? rc : DB_ERROR;
}

json_t *row_list(struct db *db, const char *sql, int64_t id, json_t *(*build)(struct db_stmt *))
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return NULL;
	db_bind_int64(st, 1, id);
	return row_collect(st, build);
}

int row_map(struct db *db, json_t *obj, const char *key, const char *sql, int64_t id,
	    json_t *(*build)(struct db_stmt *))
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	if (id)
		db_bind_int64(st, 1, id);
	json_t *map = json_object();
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		char text[24];
		snprintf(text, sizeof text, "%lld", (long long)db_col_int64(st, 0));
		json_object_set_new(map, text, build(st));
	}
	db_done(st);
	json_object_set_new(obj, key, map);
	return rc == DB_DONE ? 0 : -1;
}

json_t *row_get_one(struct db *db, const char *sql, int64_t id, json_t *(*build)(struct db_stmt *))
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return NULL;
	db_bind_int64(st, 1, id);
	json_t *out = db_step(st) == DB_ROW ? build(st) : NULL;
	db_done(st);
	return out;
}

int row_write(struct db *db, const char *sql, json_t *rec, const char *const *fields, int64_t id,
	      int64_t *id_out)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return DB_ERROR;
	int idx = 1;
	for (const char *const *f = fields; *f; f++, idx++) {
		const char *dot = strchr(*f, '.');
		if (dot) {
			char key[64];
			snprintf(key, sizeof key, "%.*s", (int)(dot - *f), *f);
			row_bind_name(st, idx, rec, key, dot + 1);
		} else {
			row_bind(st, idx, rec, *f);
		}
	}
	char now[21];
	db_now_utc(now);
	db_bind_text(st, idx++, now);
	if (id)
		db_bind_int64(st, idx, id);
	int rc = db_step(st);
	if (rc == DB_ROW && id_out)
		*id_out = db_col_int64(st, 0);
	db_done(st);
	return (rc == DB_ROW || rc == DB_DONE) ? DB_OK : rc;
}

static char *like_pattern(const char *text)
{
	struct buf b = BUF_INIT;
	buf_addch(&b, '%');
	for (const char *p = text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_addch(&b, '\\');
		buf_addch(&b, *p);
	}
	if (b.len > 1)
		buf_addch(&b, '%');
	return buf_detach(&b, NULL);
}

char *row_search_pattern(const char *q)
{
	char *folded = utf8_fold(q ? q : "");
	char *pattern = like_pattern(folded ? folded : "");
	free(folded);
	return pattern;
}
