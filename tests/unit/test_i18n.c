/* test_i18n — every API message exists, non-empty, in Kazakh, Russian and English,
 * and the reply language is chosen as documented. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "http/i18n.h"

static void test_every_message_in_three_languages(void **state)
{
	int n = 0;
	for (const char *code; (code = i18n_code_at(n)) != NULL; n++) {
		const char *kk = i18n_message(code, LANG_KK), *ru = i18n_message(code, LANG_RU),
			   *en = i18n_message(code, LANG_EN);
		assert_non_null(kk);
		assert_true(strlen(kk) > 0);
		assert_true(strlen(ru) > 0);
		assert_true(strlen(en) > 0);
		/* Kazakh is written, not a copy of the Russian or the English. */
		assert_string_not_equal(kk, ru);
		assert_string_not_equal(kk, en);
		/* A message that names a field does so in every language. */
		int has_field = strstr(en, "{field}") != NULL;
		assert_int_equal(strstr(kk, "{field}") != NULL, has_field);
		assert_int_equal(strstr(ru, "{field}") != NULL, has_field);
	}
	assert_true(n > 30);
}

static void test_field_labels_in_three_languages(void **state)
{
	char kk[160], ru[160], en[160];
	int n = 0;
	for (const char *field; (field = i18n_field_at(n)) != NULL; n++) {
		i18n_field_label(field, LANG_KK, kk, sizeof kk);
		i18n_field_label(field, LANG_RU, ru, sizeof ru);
		i18n_field_label(field, LANG_EN, en, sizeof en);
		assert_true(strlen(kk) > 0 && strlen(ru) > 0 && strlen(en) > 0);
		assert_string_not_equal(kk, en);
	}
	assert_true(n > 20);
	assert_string_equal(i18n_field_label("class_id", LANG_EN, en, sizeof en), "class");
	assert_string_equal(i18n_field_label("name.ru", LANG_EN, en, sizeof en), "name (in Russian)");
	assert_string_equal(i18n_field_label("name.kk", LANG_KK, kk, sizeof kk), "атауы (қазақша)");
	/* a field the catalogue does not know (an unknown field sent by a client) stays as sent */
	assert_string_equal(i18n_field_label("nme", LANG_RU, ru, sizeof ru), "nme");
	/* paths into lists and objects of a body */
	assert_string_equal(i18n_field_label("terms[1].starts_on", LANG_EN, en, sizeof en), "term 2: start date");
	assert_string_equal(i18n_field_label("assessment.ends_on", LANG_RU, ru, sizeof ru),
			    "внешнее оценивание: дата окончания");
	assert_string_equal(i18n_field_label("holidays[0]", LANG_KK, kk, sizeof kk), "каникул 1");
	assert_string_equal(i18n_field_label("assessment_basic.starts_on", LANG_EN, en, sizeof en),
			    "grade 10 external assessment: start date");
	assert_string_equal(i18n_field_label("terms[1].nme", LANG_EN, en, sizeof en), "terms[1].nme");
	assert_string_equal(i18n_field_label("kk", LANG_EN, en, sizeof en), "kk");
}

static void test_unknown_code_falls_back_to_internal(void **state)
{
	assert_string_equal(i18n_message("no_such_code", LANG_EN), i18n_message("internal", LANG_EN));
	assert_false(i18n_has("no_such_code"));
	assert_true(i18n_has("iin_checksum"));
}

static void test_language_codes(void **state)
{
	assert_int_equal(lang_from_code("kk"), LANG_KK);
	assert_int_equal(lang_from_code("RU"), LANG_RU);
	assert_int_equal(lang_from_code("en"), LANG_EN);
	assert_int_equal(lang_from_code("de"), -1);
	assert_int_equal(lang_from_code(NULL), -1);
	assert_string_equal(lang_code(LANG_KK), "kk");
}

static void test_accept_language(void **state)
{
	assert_int_equal(lang_from_accept("ru-RU,ru;q=0.9,en;q=0.8"), LANG_RU);
	assert_int_equal(lang_from_accept("de-DE, en-US;q=0.7"), LANG_EN);
	assert_int_equal(lang_from_accept("kk"), LANG_KK);
	assert_int_equal(lang_from_accept("fr, de"), -1);
	assert_int_equal(lang_from_accept(""), -1);
	assert_int_equal(lang_from_accept(NULL), -1);
	/* "en" must be a whole tag, not the start of "eng" */
	assert_int_equal(lang_from_accept("eng, ru"), LANG_RU);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_message_in_three_languages),
		cmocka_unit_test(test_field_labels_in_three_languages),
		cmocka_unit_test(test_unknown_code_falls_back_to_internal),
		cmocka_unit_test(test_language_codes),
		cmocka_unit_test(test_accept_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
