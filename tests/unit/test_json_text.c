/* Unit tests of src/util/json_text.c: what it writes parses back (jansson) to the same
 * strings — quotes, backslashes, control characters, Kazakh and Russian letters — and
 * fields come with their commas. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "util/json_text.h"

static void strings_round_trip(void **state)
{
	(void)state;
	const char *cases[] = {"", "plain", "Әбенова Дариға «Ұланқызы»", "quote \" and \\ backslash",
			       "line\nbreak\ttab\rcr", "\x01\x1f control", "/slash/"};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf b = BUF_INIT;
		buf_addch(&b, '[');
		jt_str(&b, cases[i]);
		buf_addch(&b, ']');
		json_error_t err;
		json_t *v = json_loads(b.data, 0, &err);
		assert_non_null(v);
		assert_string_equal(json_string_value(json_array_get(v, 0)), cases[i]);
		json_decref(v);
		buf_release(&b);
	}
}

static void null_and_fields(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_addch(&b, '{');
	jt_field_int(&b, "id", -42, 1);
	jt_field_str(&b, "name", "Ерасыл", 0);
	jt_field_str(&b, "none", NULL, 0);
	jt_field_int(&b, "big", INT64_MAX, 0);
	buf_addch(&b, '}');
	assert_string_equal(b.data, "{\"id\":-42,\"name\":\"Ерасыл\",\"none\":null,\"big\":9223372036854775807}");
	json_t *v = json_loads(b.data, 0, NULL);
	assert_non_null(v);
	assert_true(json_is_null(json_object_get(v, "none")));
	json_decref(v);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strings_round_trip),
		cmocka_unit_test(null_and_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
