/* Unit tests of src/core/iin.c: IIN validation (format, century/sex digit, birth
 * date, check digit), generation, and agreement with a person's record. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/iin.h"

/*
 * Reference check digit, written independently of iin.c: weights (i mod 11) + 1
 * then ((i + 2) mod 11) + 1 for the 0-based position i. Returns -1 when none.
 */
static int ref_check(const char *eleven)
{
	int s1 = 0, s2 = 0;

	for (int i = 0; i < 11; i++) {
		s1 += (eleven[i] - '0') * (i % 11 + 1);
		s2 += (eleven[i] - '0') * ((i + 2) % 11 + 1);
	}
	if (s1 % 11 != 10)
		return s1 % 11;
	return s2 % 11 == 10 ? -1 : s2 % 11;
}

/* Build "<prefix7><serial 4 digits><check>" with the first serial from `serial`
 * that has a check digit; returns the serial used. */
static unsigned ref_build(const char *prefix7, unsigned serial, char out[13])
{
	for (;; serial = (serial + 1) % 10000) {
		int c;

		snprintf(out, 13, "%.7s%04u", prefix7, serial);
		c = ref_check(out);
		if (c >= 0) {
			out[11] = (char)('0' + c);
			out[12] = '\0';
			return serial;
		}
	}
}

/* iin_parse(text) must succeed with this birth date and sex. */
static void check_ok(const char *text, int year, int month, int day, char sex)
{
	struct iin_info info;

	assert_int_equal(iin_parse(text, &info), IIN_OK);
	assert_int_equal(info.year, year);
	assert_int_equal(info.month, month);
	assert_int_equal(info.day, day);
	assert_int_equal(info.sex, sex);
}

static void test_known_vector_first_pass(void **state)
{
	(void)state;
	/* 9 0 0 1 0 1 3 0 0 0 0 weighted 1..11: 9+4+6+21 = 40; 40 mod 11 = 7. */
	check_ok("900101300007", 1990, 1, 1, 'm');
	/* Serial 0001 adds 1*11: 51 mod 11 = 7, so "…19" is wrong and "…17" right. */
	assert_int_equal(iin_parse("900101300019", NULL), IIN_BAD_CHECKSUM);
	check_ok("900101300017", 1990, 1, 1, 'm');
	/* 0 5 0 5 1 5 6 0 0 0 0: 10+20+5+30+42 = 107; 107 mod 11 = 8; female, 2000s. */
	check_ok("050515600008", 2005, 5, 15, 'f');
}

static void test_known_vector_second_pass(void **state)
{
	(void)state;
	/* 8 8 0 2 1 6 3 0 0 7 0, weights 1..11: 8+16+8+5+36+21+70 = 164 ≡ 10, so
	 * weights 3..11,1,2: 24+32+12+7+48+27+7 = 157; 157 mod 11 = 3. */
	check_ok("880216300703", 1988, 2, 16, 'm');
	/* The first-pass remainder (10) is not a digit: "…0" fails. */
	assert_int_equal(iin_parse("880216300700", NULL), IIN_BAD_CHECKSUM);
}

static void test_no_check_digit_is_invalid(void **state)
{
	char iin[13];

	(void)state;
	/* 0 8 0 3 1 5 5 0 0 0 0: first pass 16+12+5+30+35 = 98 ≡ 10, second pass
	 * 32+18+7+40+45 = 142 ≡ 10: no last digit makes it valid. */
	for (int k = 0; k < 10; k++) {
		snprintf(iin, sizeof iin, "08031550000%d", k);
		assert_int_equal(iin_parse(iin, NULL), IIN_BAD_CHECKSUM);
	}
}

static void test_every_wrong_check_digit_refused(void **state)
{
	char iin[13];

	(void)state;
	ref_build("1703214", 0, iin);
	assert_int_equal(iin_parse(iin, NULL), IIN_OK);
	for (char c = '0'; c <= '9'; c++) {
		char copy[13];

		memcpy(copy, iin, sizeof copy);
		copy[11] = c;
		assert_int_equal(iin_parse(copy, NULL), c == iin[11] ? IIN_OK : IIN_BAD_CHECKSUM);
	}
}

static void test_bad_format(void **state)
{
	static const char *const bad[] = {
		"", "90010130000", "9001013000070", "90010130000a", " 900101300007",
		"900101300007 ", "9001-0130000", "+90101300007",
		"９00101300007", /* a full-width digit nine (U+FF19) first */
	};
	struct iin_info info = { 1, 2, 3, 'x' };

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (iin_parse(bad[i], &info) != IIN_BAD_FORMAT)
			fail_msg("not refused as bad format: \"%s\"", bad[i]);
	}
	assert_int_equal(iin_parse(NULL, &info), IIN_BAD_FORMAT);
	assert_int_equal(info.year, 1); /* untouched */
	assert_int_equal(info.sex, 'x');
}

static void test_century_digit_both_sides(void **state)
{
	char iin[13];

	(void)state;
	ref_build("9912310", 0, iin); /* 0: below the range */
	assert_int_equal(iin_parse(iin, NULL), IIN_BAD_CENTURY);
	ref_build("9912311", 0, iin); /* 1: 1800s, male */
	check_ok(iin, 1899, 12, 31, 'm');
	ref_build("0001012", 0, iin); /* 2: 1800s, female */
	check_ok(iin, 1800, 1, 1, 'f');
	ref_build("9912314", 0, iin); /* 4: 1900s, female */
	check_ok(iin, 1999, 12, 31, 'f');
	ref_build("0001015", 0, iin); /* 5: 2000s, male */
	check_ok(iin, 2000, 1, 1, 'm');
	ref_build("9912316", 0, iin); /* 6: the top of the range */
	check_ok(iin, 2099, 12, 31, 'f');
	ref_build("9912317", 0, iin); /* 7: above the range */
	assert_int_equal(iin_parse(iin, NULL), IIN_BAD_CENTURY);
	ref_build("9912319", 0, iin);
	assert_int_equal(iin_parse(iin, NULL), IIN_BAD_CENTURY);
}

static void test_birth_date_both_sides(void **state)
{
	static const struct {
		const char *prefix7; /* YYMMDD + century digit */
		enum iin_status want;
	} cases[] = {
		{ "0002295", IIN_OK },        /* 2000-02-29: leap (divisible by 400) */
		{ "0002293", IIN_BAD_DATE },  /* 1900-02-29: not leap */
		{ "2402285", IIN_OK },
		{ "2502295", IIN_BAD_DATE },
		{ "2604305", IIN_OK },
		{ "2604315", IIN_BAD_DATE },
		{ "2612015", IIN_OK },
		{ "2613015", IIN_BAD_DATE },
		{ "2600015", IIN_BAD_DATE },
		{ "2601005", IIN_BAD_DATE },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char iin[13];

		ref_build(cases[i].prefix7, 0, iin);
		if (iin_parse(iin, NULL) != cases[i].want)
			fail_msg("%s: status %s", iin, iin_status_code(iin_parse(iin, NULL)));
	}
}

static void test_check_order_is_documented_one(void **state)
{
	char iin[13];

	(void)state;
	/* Bad century and bad check digit: the century is reported. */
	ref_build("9001017", 0, iin);
	iin[11] = iin[11] == '0' ? '1' : '0';
	assert_int_equal(iin_parse(iin, NULL), IIN_BAD_CENTURY);
	/* Bad date and bad check digit: the date is reported. */
	ref_build("9013013", 0, iin);
	iin[11] = iin[11] == '0' ? '1' : '0';
	assert_int_equal(iin_parse(iin, NULL), IIN_BAD_DATE);
}

static void test_make_hand_vectors(void **state)
{
	char out[13];

	(void)state;
	assert_int_equal(iin_make(1990, 1, 1, 'm', 0, out), 0);
	assert_string_equal(out, "900101300007");
	assert_int_equal(iin_make(1988, 2, 16, 'm', 70, out), 0);
	assert_string_equal(out, "880216300703");
	/* Serial 0000 has no check digit (see test_no_check_digit_is_invalid); serial
	 * 0001: first pass 98 + 11 = 109 ≡ 10, second 142 + 2 = 144 ≡ 1. */
	assert_int_equal(iin_make(2008, 3, 15, 'm', 0, out), 0);
	assert_string_equal(out, "080315500011");
	assert_int_equal(iin_make(2005, 5, 15, 'f', 0, out), 0);
	assert_string_equal(out, "050515600008");
}

/* Every serial of one date: the result is valid, embeds the date and sex, and
 * keeps the serial unless that one has no check digit (then the next one). */
static void test_make_every_serial(void **state)
{
	(void)state;
	for (unsigned s = 0; s < 10000; s++) {
		char out[13], want[13];

		assert_int_equal(iin_make(2012, 9, 1, 'f', s, out), 0);
		ref_build("1209016", s, want);
		if (strcmp(out, want) != 0)
			fail_msg("serial %u: got %s, want %s", s, out, want);
		check_ok(out, 2012, 9, 1, 'f');
	}
}

static void test_make_wraps_and_reduces_serial(void **state)
{
	char out[13], want[13], prefix[8];
	int found = 0;

	(void)state;
	/* Find a date whose serial 9999 has no check digit: the next is 0000. */
	for (int n = 0; n < 12 * 28 * 10 && !found; n++) {
		int month = n / 28 % 12 + 1, day = n % 28 + 1, yy = 10 + n / (12 * 28);
		char probe[13];

		snprintf(prefix, sizeof prefix, "%02d%02d%02d5", yy, month, day);
		snprintf(probe, sizeof probe, "%s9999", prefix);
		if (ref_check(probe) < 0) {
			found = 1;
			assert_int_equal(iin_make(2000 + yy, month, day, 'm', 9999, out), 0);
			assert_int_equal(ref_build(prefix, 0, want), 0);
			assert_string_equal(out, want);
		}
	}
	assert_true(found);
	/* Only the last four digits of the serial are used. */
	assert_int_equal(iin_make(1990, 1, 1, 'm', 10001, out), 0);
	assert_string_equal(out, "900101300017");
}

static void test_make_refuses_bad_input(void **state)
{
	char out[13];

	(void)state;
	memset(out, 'x', sizeof out);
	assert_int_equal(iin_make(1799, 12, 31, 'm', 0, out), -1);
	assert_string_equal(out, "");
	assert_int_equal(iin_make(1800, 1, 1, 'm', 0, out), 0);
	assert_int_equal(iin_make(2099, 12, 31, 'f', 0, out), 0);
	assert_int_equal(iin_make(2100, 1, 1, 'm', 0, out), -1);
	assert_int_equal(iin_make(2026, 2, 29, 'm', 0, out), -1);
	assert_int_equal(iin_make(2024, 2, 29, 'm', 0, out), 0);
	assert_int_equal(iin_make(2026, 13, 1, 'm', 0, out), -1);
	assert_int_equal(iin_make(2026, 1, 1, 'x', 0, out), -1);
	assert_int_equal(iin_make(2026, 1, 1, 'M', 0, out), -1);
}

static void test_matches_person(void **state)
{
	const char *field = "unset";

	(void)state;
	assert_int_equal(iin_matches_person("900101300007", "1990-01-01", 'm', &field), IIN_OK);
	assert_null(field);
	assert_int_equal(iin_matches_person("900101300007", "1990-01-02", 'm', &field), IIN_OK);
	assert_string_equal(field, "birth_date");
	assert_int_equal(iin_matches_person("900101300007", "2090-01-01", 'm', &field), IIN_OK);
	assert_string_equal(field, "birth_date"); /* same YYMMDD, other century */
	assert_int_equal(iin_matches_person("900101300007", "1990-01-01", 'f', &field), IIN_OK);
	assert_string_equal(field, "sex");
	assert_int_equal(iin_matches_person("900101300007", "1990-01-02", 'f', &field), IIN_OK);
	assert_string_equal(field, "birth_date"); /* date is reported first */
	assert_int_equal(iin_matches_person("900101300007", "01.01.1990", 'm', &field), IIN_OK);
	assert_string_equal(field, "birth_date");
	assert_int_equal(iin_matches_person("900101300007", NULL, 'm', &field), IIN_OK);
	assert_string_equal(field, "birth_date");
	assert_int_equal(iin_matches_person("900101300007", "1990-01-01", 'x', &field), IIN_OK);
	assert_string_equal(field, "sex");
}

static void test_matches_person_bad_iin(void **state)
{
	const char *field = "unset";

	(void)state;
	assert_int_equal(iin_matches_person("900101300019", "1990-01-01", 'm', &field),
			 IIN_BAD_CHECKSUM);
	assert_null(field);
	field = "unset";
	assert_int_equal(iin_matches_person("9001013", "1990-01-01", 'm', &field), IIN_BAD_FORMAT);
	assert_null(field);
	/* mismatch_field may be NULL. */
	assert_int_equal(iin_matches_person("900101300007", "1990-01-02", 'm', NULL), IIN_OK);
}

static void test_status_codes(void **state)
{
	(void)state;
	assert_string_equal(iin_status_code(IIN_OK), "ok");
	assert_string_equal(iin_status_code(IIN_BAD_FORMAT), "bad_format");
	assert_string_equal(iin_status_code(IIN_BAD_DATE), "bad_date");
	assert_string_equal(iin_status_code(IIN_BAD_CENTURY), "bad_century");
	assert_string_equal(iin_status_code(IIN_BAD_CHECKSUM), "bad_checksum");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_vector_first_pass),
		cmocka_unit_test(test_known_vector_second_pass),
		cmocka_unit_test(test_no_check_digit_is_invalid),
		cmocka_unit_test(test_every_wrong_check_digit_refused),
		cmocka_unit_test(test_bad_format),
		cmocka_unit_test(test_century_digit_both_sides),
		cmocka_unit_test(test_birth_date_both_sides),
		cmocka_unit_test(test_check_order_is_documented_one),
		cmocka_unit_test(test_make_hand_vectors),
		cmocka_unit_test(test_make_every_serial),
		cmocka_unit_test(test_make_wraps_and_reduces_serial),
		cmocka_unit_test(test_make_refuses_bad_input),
		cmocka_unit_test(test_matches_person),
		cmocka_unit_test(test_matches_person_bad_iin),
		cmocka_unit_test(test_status_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
