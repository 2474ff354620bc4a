/* validate — field-table checks of JSON request bodies and paging parameters. */
#include "http/validate.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "http/reply.h"
#include "util/utf8.h"

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

static int check_value(struct req *rq, const struct field_spec *s, json_t *v)
{
	if (json_is_null(v)) {
		if (s->nullable)
			return 0;
		reply_add_error(rq, "wrong_type", NULL, s->name);
		return 1;
	}
	switch (s->type) {
	case FIELD_STRING:
		if (!json_is_string(v))
			break;
		return check_text(rq, s->name, json_string_value(v), s->max_len, s->allow_empty);
	case FIELD_INT:
		if (!json_is_integer(v))
			break;
		if (json_integer_value(v) < s->min || json_integer_value(v) > s->max) {
			reply_add_error(rq, "out_of_range", NULL, s->name);
			return 1;
		}
		return 0;
	case FIELD_ID:
		if (!json_is_integer(v))
			break;
		if (json_integer_value(v) <= 0) {
			reply_add_error(rq, "out_of_range", NULL, s->name);
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
			reply_add_error(rq, "bad_date", NULL, s->name);
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
		reply_add_error(rq, "bad_enum", NULL, s->name);
		return 1;
	case FIELD_ENUM_SET: {
		if (!json_is_array(v))
			break;
		size_t n = json_array_size(v);
		if (n == 0 || n > (size_t)(s->max_len ? s->max_len : 16)) {
			reply_add_error(rq, "out_of_range", NULL, s->name);
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
				reply_add_error(rq, "bad_enum", NULL, s->name);
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
				reply_add_error(rq, "unknown_field", NULL, s->name);
				return 1;
			}
		}
		for (int i = 0; i < 3; i++) {
			json_t *t = json_object_get(v, langs[i]);
			char name[64];
			snprintf(name, sizeof name, "%s.%s", s->name, langs[i]);
			if (!t) {
				reply_add_error(rq, "missing_field", NULL, name);
				bad++;
			} else if (!json_is_string(t)) {
				reply_add_error(rq, "wrong_type", NULL, name);
				bad++;
			} else {
				bad += check_text(rq, name, json_string_value(t), s->max_len, 0);
			}
		}
		return bad;
	}
	}
	reply_add_error(rq, "wrong_type", NULL, s->name);
	return 1;
}

int validate_body(struct req *rq, const struct field_spec *specs, enum validate_mode mode)
{
	int problems = 0;
	const char *key;
	json_t *v;
	json_object_foreach(rq->json, key, v) {
		const struct field_spec *s = find_spec(specs, key);
		if (!s) {
			reply_add_error(rq, "unknown_field", NULL, key);
			problems++;
			continue;
		}
		problems += check_value(rq, s, v);
	}
	if (mode == VALIDATE_CREATE) {
		/* A required field given as null was already refused as wrong_type. */
		for (const struct field_spec *s = specs; s->name; s++) {
			if (s->required && !json_object_get(rq->json, s->name)) {
				reply_add_error(rq, "missing_field", NULL, s->name);
				problems++;
			}
		}
	}
	return problems;
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
