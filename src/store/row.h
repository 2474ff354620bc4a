/* row — moving values between JSON objects and statements: bind a JSON field as a
 * parameter, read a column as a JSON value. Shared by every file of queries. */
#ifndef MEKTEP_STORE_ROW_H
#define MEKTEP_STORE_ROW_H

#include <jansson.h>

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

/* A LIKE pattern that finds `q` anywhere in a search key: folded to lower case, with
 * % and _ escaped by backslash (use `LIKE $n ESCAPE '\'`). malloc'd; "" gives "%". */
char *row_search_pattern(const char *q);

#endif
