/* test_xlsx_read — spreadsheets written by libxlsxwriter (as Excel and LibreOffice
 * write them: shared strings, numbers, gaps) come back as the CSV of their first sheet;
 * damaged files are refused without a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <xlsxwriter.h>

#include "util/xlsx_read.h"

/* Writes a workbook with the given cells (row, col, text or NULL for a number) and
 * returns its bytes. */
static unsigned char *make_xlsx(size_t *len)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/mektep-test-%d.xlsx", (int)getpid());
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "КТЖ");
	worksheet_write_string(ws, 0, 0, "order", NULL);
	worksheet_write_string(ws, 0, 1, "title", NULL);
	worksheet_write_string(ws, 0, 2, "hours", NULL);
	worksheet_write_number(ws, 1, 0, 1, NULL);
	worksheet_write_string(ws, 1, 1, "Натурал сандар, \"бөлшектер\"", NULL);
	worksheet_write_number(ws, 1, 2, 2, NULL);
	worksheet_write_number(ws, 2, 0, 2, NULL);
	worksheet_write_string(ws, 2, 1, "A & B < C", NULL);
	/* C3 left empty: a gap */
	worksheet_write_number(ws, 3, 0, 3, NULL);
	worksheet_write_string(ws, 3, 2, "4", NULL); /* B4 empty, C4 text */
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *data = malloc(*len);
	assert_int_equal(fread(data, 1, *len, f), *len);
	fclose(f);
	unlink(path);
	return data;
}

static void test_first_sheet_as_csv(void **state)
{
	size_t len;
	unsigned char *data = make_xlsx(&len);
	struct buf csv = BUF_INIT;
	const char *why = NULL;
	assert_int_equal(xlsx_to_csv(data, len, &csv, &why), 0);
	assert_string_equal(csv.data, "order,title,hours\r\n"
				      "1,\"Натурал сандар, \"\"бөлшектер\"\"\",2\r\n"
				      "2,A & B < C\r\n"
				      "3,,4\r\n");
	buf_release(&csv);
	free(data);
}

static void test_damaged_files_refused(void **state)
{
	size_t len;
	unsigned char *data = make_xlsx(&len);
	struct buf csv = BUF_INIT;
	const char *why = NULL;
	/* not a ZIP */
	assert_int_equal(xlsx_to_csv("order,title\r\n", 13, &csv, &why), -1);
	assert_string_equal(why, "not a ZIP file");
	/* cut short: every length from nothing to nearly whole is refused or read, never a crash */
	for (size_t cut = 0; cut < len; cut += 97) {
		buf_reset(&csv);
		int rc = xlsx_to_csv(data, cut, &csv, &why);
		assert_true(rc == 0 || rc == -1);
	}
	/* a flipped byte in the middle of the compressed sheet */
	unsigned char *bad = malloc(len);
	for (size_t at = 30; at < len; at += 131) {
		memcpy(bad, data, len);
		bad[at] ^= 0x5a;
		buf_reset(&csv);
		int rc = xlsx_to_csv(bad, len, &csv, &why);
		assert_true(rc == 0 || rc == -1);
	}
	free(bad);
	buf_release(&csv);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_sheet_as_csv),
		cmocka_unit_test(test_damaged_files_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
