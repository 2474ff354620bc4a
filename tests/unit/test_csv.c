/* Unit tests of src/util/csv.c: RFC 4180 records as spreadsheets write them (quotes,
 * commas and line breaks inside quotes, CRLF, a byte order mark) and the text that is
 * not CSV. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/csv.h"

static void test_plain_records_crlf_and_bom(void **state)
{
	(void)state;
	const char *text = "\xEF\xBB\xBForder,title,hours\r\n1,Кіріспе,2\r\n\r\n2,Векторлар,3";
	struct csv c = CSV_INIT(text, strlen(text));
	struct csv_record r;
	assert_int_equal(csv_next(&c, &r), 1);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.field[0], "order");
	assert_int_equal(r.line, 1);
	csv_record_clear(&r);
	assert_int_equal(csv_next(&c, &r), 1);
	assert_string_equal(r.field[1], "Кіріспе");
	assert_int_equal(r.line, 2);
	csv_record_clear(&r);
	assert_int_equal(csv_next(&c, &r), 1); /* the blank line is skipped */
	assert_int_equal(r.line, 4);
	assert_string_equal(r.field[2], "3");
	csv_record_clear(&r);
	assert_int_equal(csv_next(&c, &r), 0);
	assert_int_equal(csv_next(&c, &r), 0);
}

static void test_quotes(void **state)
{
	(void)state;
	const char *text = "3,\"Functions, graphs\",4\n4,\"He said \"\"hi\"\"\nand left\",1\n5,,\"\"\n";
	struct csv c = CSV_INIT(text, strlen(text));
	struct csv_record r;
	assert_int_equal(csv_next(&c, &r), 1);
	assert_string_equal(r.field[1], "Functions, graphs");
	csv_record_clear(&r);
	assert_int_equal(csv_next(&c, &r), 1);
	assert_string_equal(r.field[1], "He said \"hi\"\nand left");
	assert_int_equal(r.line, 2);
	csv_record_clear(&r);
	assert_int_equal(csv_next(&c, &r), 1);
	assert_int_equal(r.line, 4);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.field[1], "");
	assert_string_equal(r.field[2], "");
	csv_record_clear(&r);
	assert_int_equal(csv_next(&c, &r), 0);
}

static void test_not_csv(void **state)
{
	(void)state;
	static const char *const bad[] = {"1,\"open,2\n", "1,ab\"c,2\n", "1,\"a\"b,2\n",
					  "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct csv c = CSV_INIT(bad[i], strlen(bad[i]));
		struct csv_record r;
		assert_int_equal(csv_next(&c, &r), -1);
		assert_int_equal(r.n, 0);
	}
	/* the error names the line */
	const char *text = "1,a,1\n2,b\"x,1\n";
	struct csv c = CSV_INIT(text, strlen(text));
	struct csv_record r;
	assert_int_equal(csv_next(&c, &r), 1);
	csv_record_clear(&r);
	assert_int_equal(csv_next(&c, &r), -1);
	assert_int_equal(c.line, 2);
	/* empty text: no records */
	struct csv e = CSV_INIT("", 0);
	assert_int_equal(csv_next(&e, &r), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_records_crlf_and_bom),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_not_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
