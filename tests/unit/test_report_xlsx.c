/* Unit tests of src/report/xlsx.c: the contingent report written as .xlsx reads back
 * (util/xlsx_read.c, the first sheet) with its title, its rows of grade, language and
 * funding in the reader's language, and each school's totals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "report/xlsx.h"
#include "util/xlsx_read.h"

static json_t *sample(void)
{
	return json_pack("{s:s, s:s, s:[{s:i, s:s, s:{s:s, s:s, s:s}, s:[{s:i, s:s, s:s, s:i, s:i, s:i}],"
			 " s:{s:i, s:i, s:i, s:i}, s:[], s:[]}]}",
			 "from", "2026-11-01", "to", "2026-11-30", "schools", "id", 1, "code", "AST-PHM", "name", "kk",
			 "Астана ФМБ НЗМ", "ru", "НИШ ФМН Астана", "en", "NIS PhM Astana", "counts", "grade", 8,
			 "language", "kk", "funding", "orken", "studying", 24, "externship", 1, "academic_leave", 2,
			 "totals", "studying", 24, "externship", 1, "academic_leave", 2, "students", 27, "externship",
			 "academic_leave");
}

static void contingent_reads_back(void **state)
{
	(void)state;
	json_t *report = sample();
	struct buf file = BUF_INIT, csv = BUF_INIT;
	assert_int_equal(xlsx_contingent(report, LANG_RU, &file), 0);
	assert_true(file.len > 100);
	assert_memory_equal(file.data, "PK", 2);
	const char *why = NULL;
	assert_int_equal(xlsx_to_csv(file.data, file.len, &csv, &why), 0);
	assert_non_null(strstr(csv.data, "Контингент учащихся: 2026-11-01 – 2026-11-30"));
	assert_non_null(strstr(csv.data, "НИШ ФМН Астана,8,казахский,грант «Өркен»,24,1,2"));
	assert_non_null(strstr(csv.data, "НИШ ФМН Астана,Всего,,,24,1,2"));
	buf_release(&csv);
	buf_release(&file);
	/* Kazakh headings */
	assert_int_equal(xlsx_contingent(report, LANG_KK, &file), 0);
	assert_int_equal(xlsx_to_csv(file.data, file.len, &csv, &why), 0);
	assert_non_null(strstr(csv.data, "Астана ФМБ НЗМ,8,қазақ,«Өркен» гранты,24,1,2"));
	buf_release(&csv);
	buf_release(&file);
	json_decref(report);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(contingent_reads_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
