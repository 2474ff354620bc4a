/* validate — field-table checks of JSON request bodies and paging parameters. */
#include "http/validate.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "http/reply.h"
#include "util/utf8.h"

/* The longest field path a problem names ("terms[15].starts_on"); longer is cut. */
#define FIELD_PATH_MAX 128

static const struct field_spec *find_spec(const struct field_spec *specs, const char *name)
{
	for (const struct field_spec *s = specs; s->name; s++)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

static int check_text(struct req *rq, const char *field, const char *s, int max_len, int allow_empty)
{
	size_t n = strlen(s);
	if (!utf8_valid(s, n)) {
		reply_add_error(rq, "bad_utf8", NULL, field);
		return 1;
	}
	if (!allow_empty && n == 0) {
		reply_add_error(rq, "empty_string", NULL, field);
		return 1;
	}
	if (utf8_length(s) > (size_t)(max_len ? max_len : 200)) {
		reply_add_error(rq, "too_long", NULL, field);
		return 1;
	}
	return 0;
}

/* The path of field `key` of an object at `prefix`: the key itself at the top. */
static const char *field_path(char out[FIELD_PATH_MAX], const char *prefix, const char *key)
{
	if (!prefix)
		return key;
	if (snprintf(out, FIELD_PATH_MAX, "%s.%s", prefix, key) >= FIELD_PATH_MAX)
		out[FIELD_PATH_MAX - 1] = '\0'; /* cut (snprintf already ends it) */
	return out;
}

static int check_object(struct req *rq, json_t *obj, const struct field_spec *specs,
			enum validate_mode mode, const char *prefix);

/* Checks the value of field `s`, named `name` in the problems (its path). */
static int check_value(struct req *rq, const struct field_spec *s, const char *name, json_t *v)
{
	if (json_is_null(v)) {
		if (s->nullable)
			return 0;
		reply_add_error(rq, "wrong_type", NULL, name);
		return 1;
	}
	switch (s->type) {
	case FIELD_STRING:
		if (!json_is_string(v))
			break;
		return check_text(rq, name, json_string_value(v), s->max_len, s->allow_empty);
	case FIELD_INT:
		if (!json_is_integer(v))
			break;
		if (json_integer_value(v) < s->min || json_integer_value(v) > s->max) {
			reply_add_error(rq, "out_of_range", NULL, name);
			return 1;
		}
		return 0;
	case FIELD_ID:
		if (!json_is_integer(v))
			break;
		if (json_integer_value(v) <= 0) {
			reply_add_error(rq, "out_of_range", NULL, name);
			return 1;
		}
		return 0;
	case FIELD_BOOL:
		if (!json_is_boolean(v))
			break;
		return 0;
	case FIELD_DATE: {
		if (!json_is_string(v))
			break;
		struct date d;
		if (date_parse(json_string_value(v), &d) != 0) {
			reply_add_error(rq, "bad_date", NULL, name);
			return 1;
		}
		return 0;
	}
	case FIELD_ENUM:
		if (!json_is_string(v))
			break;
		for (const char *const *e = s->values; *e; e++)
			if (strcmp(*e, json_string_value(v)) == 0)
				return 0;
		reply_add_error(rq, "bad_enum", NULL, name);
		return 1;
	case FIELD_ENUM_SET: {
		if (!json_is_array(v))
			break;
		size_t n = json_array_size(v);
		if (n == 0) {
			reply_add_error(rq, "missing_field", NULL, name);
			return 1;
		}
		if (n > (size_t)(s->max_len ? s->max_len : 16)) {
			reply_add_error(rq, "out_of_range", NULL, name);
			return 1;
		}
		for (size_t i = 0; i < n; i++) {
			json_t *item = json_array_get(v, i);
			int known = 0;
			for (const char *const *e = s->values; json_is_string(item) && *e; e++)
				known |= strcmp(*e, json_string_value(item)) == 0;
			for (size_t j = 0; known && j < i; j++)
				known = !json_equal(item, json_array_get(v, j));
			if (!known) {
				reply_add_error(rq, "bad_enum", NULL, name);
				return 1;
			}
		}
		return 0;
	}
	case FIELD_NAMES: {
		if (!json_is_object(v))
			break;
		int bad = 0;
		static const char *const langs[] = {"kk", "ru", "en"};
		const char *key;
		json_t *sub;
		json_object_foreach(v, key, sub) {
			int known = 0;
			for (int i = 0; i < 3; i++)
				known |= strcmp(key, langs[i]) == 0;
			if (!known) {
				reply_add_error(rq, "unknown_field", NULL, name);
				return 1;
			}
		}
		for (int i = 0; i < 3; i++) {
			json_t *t = json_object_get(v, langs[i]);
			char path[FIELD_PATH_MAX];
			field_path(path, name, langs[i]);
			if (!t) {
				reply_add_error(rq, "missing_field", NULL, path);
				bad++;
			} else if (!json_is_string(t)) {
				reply_add_error(rq, "wrong_type", NULL, path);
				bad++;
			} else {
				bad += check_text(rq, path, json_string_value(t), s->max_len, 0);
			}
		}
		return bad;
	}
	case FIELD_OBJECT:
		if (!json_is_object(v))
			break;
		return check_object(rq, v, s->fields, VALIDATE_CREATE, name);
	case FIELD_LIST: {
		if (!json_is_array(v))
			break;
		size_t n = json_array_size(v);
		if (n > (size_t)(s->max_len ? s->max_len : 16)) {
			reply_add_error(rq, "out_of_range", NULL, name);
			return 1;
		}
		int bad = 0;
		for (size_t i = 0; i < n; i++) {
			char item[FIELD_PATH_MAX];
			if (snprintf(item, sizeof item, "%s[%zu]", name, i) >= (int)sizeof item)
				item[sizeof item - 1] = '\0'; /* cut, like every path */
			if (json_is_object(json_array_get(v, i))) {
				bad += check_object(rq, json_array_get(v, i), s->fields, VALIDATE_CREATE, item);
			} else {
				reply_add_error(rq, "wrong_type", NULL, item);
				bad++;
			}
		}
		return bad;
	}
	}
	reply_add_error(rq, "wrong_type", NULL, name);
	return 1;
}

/* Checks the fields of `obj` against `specs`; `prefix` (NULL at the top) is the path
 * of obj, put before each field's name in the problems. */
static int check_object(struct req *rq, json_t *obj, const struct field_spec *specs,
			enum validate_mode mode, const char *prefix)
{
	int problems = 0;
	const char *key;
	json_t *v;
	char path[FIELD_PATH_MAX];
	json_object_foreach(obj, key, v) {
		const struct field_spec *s = find_spec(specs, key);
		const char *name = field_path(path, prefix, key);
		if (!s) {
			reply_add_error(rq, "unknown_field", NULL, name);
			problems++;
			continue;
		}
		problems += check_value(rq, s, name, v);
	}
	if (mode == VALIDATE_CREATE) {
		/* A required field given as null was already refused as wrong_type. */
		for (const struct field_spec *s = specs; s->name; s++) {
			if (s->required && !json_object_get(obj, s->name)) {
				reply_add_error(rq, "missing_field", NULL, field_path(path, prefix, s->name));
				problems++;
			}
		}
	}
	return problems;
}

int validate_body(struct req *rq, const struct field_spec *specs, enum validate_mode mode)
{
	return check_object(rq, rq->json, specs, mode, NULL);
}

static int parse_int64(const char *s, int64_t *out)
{
	if (!s || !*s || strlen(s) > 18)
		return -1;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
	}
	*out = v;
	return 0;
}

int validate_paging(struct req *rq, int def, int max, int64_t *limit, int64_t *offset)
{
	const char *l = req_query(rq, "limit");
	const char *c = req_query(rq, "cursor");
	*limit = def;
	*offset = 0;
	if (l && (parse_int64(l, limit) != 0 || *limit < 1 || *limit > max)) {
		reply_add_error(rq, "bad_query", NULL, "limit");
		return -1;
	}
	if (c && parse_int64(c, offset) != 0) {
		reply_add_error(rq, "bad_query", NULL, "cursor");
		return -1;
	}
	return 0;
}

const char *body_str(struct req *rq, const char *name)
{
	return json_string_value(json_object_get(rq->json, name));
}

int64_t body_int(struct req *rq, const char *name, int64_t def)
{
	json_t *v = json_object_get(rq->json, name);
	return json_is_integer(v) ? json_integer_value(v) : def;
}

int body_has(struct req *rq, const char *name)
{
	return json_object_get(rq->json, name) != NULL;
}
