/* row — moving values between JSON objects and statements: bind a JSON field as a
 * parameter, read a column as a JSON value. Shared by every file of queries. */
#ifndef MEKTEP_STORE_ROW_H
#define MEKTEP_STORE_ROW_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

/* Binds obj[key] to parameter idx: a string as text, an integer, true/false as 1/0,
 * anything else (absent, null) as NULL. */
void row_bind(struct db_stmt *st, int idx, json_t *obj, const char *key);
/* Binds obj[key][lang] for a {"kk","ru","en"} name. */
void row_bind_name(struct db_stmt *st, int idx, json_t *obj, const char *key, const char *lang);

json_t *row_text(struct db_stmt *st, int col);   /* a string, or null */
json_t *row_int(struct db_stmt *st, int col);    /* an integer, or null */
json_t *row_bool(struct db_stmt *st, int col);   /* true/false from 0/1, or null */
/* {"kk": col, "ru": col+1, "en": col+2} */
json_t *row_names(struct db_stmt *st, int col);

/* Steps a prepared, bound list statement into a JSON array of `build` rows and gives
 * the statement back. NULL on a database error. */
json_t *row_collect(struct db_stmt *st, json_t *(*build)(struct db_stmt *));
/* Steps a prepared, bound statement into a malloc'd array of `size`-byte items, each
 * made by `fill` from the row (0, or -1 to stop with DB_ERROR); gives the statement
 * back. DB_OK, or a negative rc with *items NULL and *n 0. */
int row_collect_items(struct db_stmt *st, void **items, size_t *n, size_t size,
		      int (*fill)(struct db_stmt *, void *));
/* Runs a SELECT whose only parameter ($1) is `id` and collects its rows with `build`
 * (row_collect). NULL on a database error. */
json_t *row_list(struct db *db, const char *sql, int64_t id, json_t *(*build)(struct db_stmt *));
/* Like row_list, into obj[key] as an object {"<column 0 as decimal text>": build(row)};
 * `id` is bound as $1 unless it is 0 (a SELECT without parameters). 0, or -1 on a
 * database error (obj[key] is then partial). */
int row_map(struct db *db, json_t *obj, const char *key, const char *sql, int64_t id,
	    json_t *(*build)(struct db_stmt *));
/* Runs a one-row SELECT whose only parameter is the id; `build` makes the JSON.
 * NULL when there is no such row (or on error). */
json_t *row_get_one(struct db *db, const char *sql, int64_t id, json_t *(*build)(struct db_stmt *));
/* Runs an INSERT … RETURNING id or an UPDATE of a whole record: binds rec's `fields`
 * (NULL-terminated; "name.kk" for a language of a name) as $1..$n, the current instant
 * as $n+1 (created_at / updated_at), and `id` as $n+2 when it is not 0. *id_out gets
 * the new id when not NULL. Returns DB_OK or a negative rc. */
int row_write(struct db *db, const char *sql, json_t *rec, const char *const *fields, int64_t id,
	      int64_t *id_out);

/* A LIKE pattern that finds `q` anywhere in a search key: folded to lower case, with
 * % and _ escaped by backslash (use `LIKE $n ESCAPE '\'`). malloc'd; "" gives "%". */
char *row_search_pattern(const char *q);

#endif
