/* row — JSON ↔ statement helpers. */
#include "store/row.h"

#include <stdlib.h>
#include <string.h>

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
