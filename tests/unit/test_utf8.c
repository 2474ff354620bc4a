/* Unit tests of src/util/utf8.c: strict validation at every boundary, code point
 * counting, and search-key folding (Kazakh and Russian Cyrillic, Latin). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <locale.h>
#include <wctype.h>

#include "util/utf8.h"

static int valid_str(const char *s)
{
	return utf8_valid(s, strlen(s));
}

static void test_valid_plain_text(void **state)
{
	(void)state;
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid(NULL, 0));
	assert_true(valid_str("Mektep 2026"));
	assert_true(valid_str("Қазақстан Республикасы"));
	assert_true(valid_str("ӘҒҚҢӨҰҮҺІ әғқңөұүһі"));
	assert_true(valid_str("\xF0\x9F\x98\x80")); /* U+1F600 */
	assert_true(utf8_valid("a\0b", 3));          /* U+0000 is a code point */
}

/* Each sequence length at its lowest and highest value, and one step beyond. */
static void test_valid_boundaries(void **state)
{
	(void)state;
	assert_true(valid_str("\x7F"));
	assert_false(valid_str("\x80"));             /* lone continuation */
	assert_false(valid_str("\xC0\x80"));         /* overlong U+0000 */
	assert_false(valid_str("\xC1\xBF"));         /* overlong U+007F */
	assert_true(valid_str("\xC2\x80"));          /* U+0080 */
	assert_true(valid_str("\xDF\xBF"));          /* U+07FF */
	assert_false(valid_str("\xE0\x9F\xBF"));     /* overlong U+07FF */
	assert_true(valid_str("\xE0\xA0\x80"));      /* U+0800 */
	assert_true(valid_str("\xED\x9F\xBF"));      /* U+D7FF */
	assert_false(valid_str("\xED\xA0\x80"));     /* U+D800 surrogate */
	assert_false(valid_str("\xED\xBF\xBF"));     /* U+DFFF surrogate */
	assert_true(valid_str("\xEE\x80\x80"));      /* U+E000 */
	assert_true(valid_str("\xEF\xBF\xBF"));      /* U+FFFF */
	assert_false(valid_str("\xF0\x8F\xBF\xBF")); /* overlong U+FFFF */
	assert_true(valid_str("\xF0\x90\x80\x80"));  /* U+10000 */
	assert_true(valid_str("\xF4\x8F\xBF\xBF"));  /* U+10FFFF */
	assert_false(valid_str("\xF4\x90\x80\x80")); /* U+110000 */
	assert_false(valid_str("\xF5\x80\x80\x80"));
	assert_false(valid_str("\xFE"));
	assert_false(valid_str("\xFF"));
}

static void test_valid_truncated_and_broken(void **state)
{
	(void)state;
	assert_false(valid_str("\xC3"));
	assert_false(valid_str("\xE2\x82"));         /* € cut short */
	assert_false(valid_str("\xF0\x9F\x98"));
	assert_false(valid_str("\xC3\x28"));
	assert_false(valid_str("\xE2\x28\xA1"));
	assert_false(valid_str("\xE2\x82\x28"));
	assert_false(valid_str("\xF0\x9F\x28\x80"));
	assert_false(valid_str("ok\x80ok"));
	/* The length decides: "ә" is two bytes. */
	assert_false(utf8_valid("\xD3\x99", 1));
	assert_true(utf8_valid("\xD3\x99", 2));
}

static void test_length(void **state)
{
	(void)state;
	assert_int_equal(utf8_length(""), 0);
	assert_int_equal(utf8_length(NULL), 0);
	assert_int_equal(utf8_length("abc"), 3);
	assert_int_equal(utf8_length("Қазақстан"), 9);
	assert_int_equal(utf8_length("ё"), 1);
	assert_int_equal(utf8_length("a\xD3\x99\xF0\x9F\x98\x80"), 3);
	/* Invalid bytes count one each. */
	assert_int_equal(utf8_length("\xC3"), 1);
	assert_int_equal(utf8_length("\xC3("), 2);
	assert_int_equal(utf8_length("\xE2\x82"), 2);
	assert_int_equal(utf8_length("a\xFF" "b"), 3);
}

static void check_fold(const char *in, const char *want)
{
	char *got = utf8_fold(in);

	assert_non_null(got);
	if (strcmp(got, want) != 0)
		fail_msg("fold(\"%s\") = \"%s\", want \"%s\"", in, got, want);
	free(got);
}

static void test_fold_ascii(void **state)
{
	(void)state;
	check_fold("", "");
	check_fold("Hello, WORLD 123 @[`{", "hello, world 123 @[`{");
	check_fold("AZ", "az");
}

static void test_fold_kazakh_letters(void **state)
{
	(void)state;
	check_fold("ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі");
	check_fold("әғқңөұүһі", "әғқңөұүһі");
	check_fold("ҚАЗАҚСТАН", "қазақстан");
	check_fold("Нұрсұлтан Әбішұлы", "нұрсұлтан әбішұлы");
}

static void test_fold_russian_and_yo(void **state)
{
	(void)state;
	check_fold("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", "абвгдежзийклмнопрстуфхцчшщъыьэюя");
	check_fold("ЁЛКА", "елка");
	check_fold("ёлка", "елка");
	check_fold("Фёдор", "федор");
	check_fold("ЀЂЃЄЅЇЈЉЊЋЌЍЎЏ", "ѐђѓєѕїјљњћќѝўџ");
}

static void test_fold_other_cyrillic_pairs(void **state)
{
	(void)state;
	check_fold("ѠҀҊҾӀӁӍӐӾ", "ѡҁҋҿӏӂӎӑӿ");
	check_fold("\xD2\x82", "\xD2\x82"); /* U+0482, a sign: unchanged */
}

static void test_fold_latin(void **state)
{
	(void)state;
	check_fold("ÀÉÎÕÖØÞ", "àéîõöøþ");
	check_fold("×ßÿµ", "×ßÿµ");
	check_fold("ÄĞÑÖŞŪÜ", "äğñöşūü"); /* Kazakh Latin alphabet */
	check_fold("İstanbul", "istanbul");  /* shrinks by one byte */
	check_fold("ı", "ı");
	check_fold("ŸŁŃŇŊŹŻŽ", "ÿłńňŋźżž");
}

static void test_fold_leaves_others(void **state)
{
	(void)state;
	check_fold("ΑΒΓ", "ΑΒΓ"); /* Greek is outside the folded ranges */
	check_fold("日本 \xF0\x9F\x98\x80", "日本 \xF0\x9F\x98\x80");
	check_fold("A\xC3(B\xFF" "C", "a\xC3(b\xFF" "c"); /* invalid bytes copied */
	assert_null(utf8_fold(NULL));
}

static size_t encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		out[1] = '\0';
		return 1;
	}
	out[0] = (char)(0xC0 | (cp >> 6));
	out[1] = (char)(0x80 | (cp & 0x3F));
	out[2] = '\0';
	return 2;
}

/*
 * Every code point U+0001..U+04FF against the C library's towlower() in the
 * C.UTF-8 locale: equal inside the folded ranges (ASCII, Latin-1, Latin
 * Extended-A, Cyrillic; ё → е), unchanged outside them.
 */
static void test_fold_matches_libc_towlower(void **state)
{
	(void)state;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		skip();
	for (uint32_t cp = 1; cp < 0x500; cp++) {
		int folded_range = cp < 0x180 || cp >= 0x400;
		uint32_t want = folded_range ? (uint32_t)towlower((wint_t)cp) : cp;
		char in[3], exp[3];
		char *got;

		if (want == 0x451)
			want = 0x435;
		encode(cp, in);
		encode(want, exp);
		got = utf8_fold(in);
		assert_non_null(got);
		if (strcmp(got, exp) != 0)
			fail_msg("U+%04X folds wrong", (unsigned)cp);
		free(got);
	}
	setlocale(LC_CTYPE, "C");
}

/* Sorting names the way a Kazakh reader expects: by the Kazakh alphabet. */
static int key_cmp(const char *a, const char *b)
{
	char *ka = utf8_sort_key(a), *kb = utf8_sort_key(b);
	int c = strcmp(ka, kb);
	free(ka);
	free(kb);
	return c;
}

static void test_sort_key_kazakh_alphabet(void **state)
{
	/* each before the next, as in the alphabet (byte order would put capital І before А
	 * and Ә, Ғ, Қ … after Я); і comes late, so Турсынов is before Тілеубаева */
	const char *ordered[] = {"Абдрахманов", "Әбенов", "Бекова", "Ғалиев", "Ерланов", "Ёлкин",
				 "Жұмабаев", "Қасымов", "Нұрланов", "Ңа", "Омаров", "Өтебаев", "Турсынов",
				 "Тілеубаева", "Ұлықбек", "Үсенов", "Хасенов", "Һ", "Ыбыраев", "Ілиясов", "Эмиль",
				 "Юсупов", "Яковлев"};
	for (size_t i = 0; i + 1 < sizeof ordered / sizeof ordered[0]; i++)
		assert_true(key_cmp(ordered[i], ordered[i + 1]) < 0);
	/* case is ignored; a shorter name before a longer one that starts with it */
	assert_int_equal(key_cmp("ӘЛІ", "әлі"), 0);
	assert_true(key_cmp("Али", "Алиев") < 0);
	/* the space between names sorts before any letter: "Ли Ан" before "Лиан" */
	assert_true(key_cmp("Ли Ан", "Лиан") < 0);
	/* Latin and digits before Cyrillic; the key is plain ASCII */
	assert_true(key_cmp("Smith", "Абай") < 0);
	char *k = utf8_sort_key("Әлібек 7");
	for (const char *p = k; *p; p++)
		assert_true(*p >= 0x21 && *p <= 0x7e);
	free(k);
	assert_null(utf8_sort_key(NULL));
}

static void test_upper_kazakh_and_russian(void **state)
{
	const char *pairs[][2] = {{"ә", "Ә"}, {"і", "І"}, {"ғқңөұүһ", "ҒҚҢӨҰҮҺ"}, {"абв", "АБВ"},
				  {"ё", "Ё"}, {"a", "A"}, {"Ж", "Ж"}, {"7а", "7А"}};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		char *u = utf8_upper(pairs[i][0]);
		assert_string_equal(u, pairs[i][1]);
		/* and back: folding the capital gives the small letter (ё folds to е) */
		char *f = utf8_fold(u);
		if (strcmp(pairs[i][0], "ё") != 0 && strcmp(pairs[i][0], "Ж") != 0 && strcmp(pairs[i][0], "7а") != 0)
			assert_string_equal(f, pairs[i][0]);
		free(u);
		free(f);
	}
	assert_null(utf8_upper(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_plain_text),
		cmocka_unit_test(test_valid_boundaries),
		cmocka_unit_test(test_valid_truncated_and_broken),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_fold_ascii),
		cmocka_unit_test(test_fold_kazakh_letters),
		cmocka_unit_test(test_fold_russian_and_yo),
		cmocka_unit_test(test_fold_other_cyrillic_pairs),
		cmocka_unit_test(test_fold_latin),
		cmocka_unit_test(test_fold_leaves_others),
		cmocka_unit_test(test_fold_matches_libc_towlower),
		cmocka_unit_test(test_sort_key_kazakh_alphabet),
		cmocka_unit_test(test_upper_kazakh_and_russian),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
