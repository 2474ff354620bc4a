/* xlsx (report) — the reports as spreadsheets; see xlsx.h. libxlsxwriter writes to a
 * file: the workbook goes to a private temporary file, is read back and removed. */
#include "report/xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "report/words.h"

static const char *str_at(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static const char *school_name(json_t *school, enum lang l)
{
	return str_at(json_object_get(school, "name"), lang_code(l));
}

static void write_counts(lxw_worksheet *ws, json_t *report, enum lang l, lxw_format *bold)
{
	enum report_word cols[] = {W_SCHOOL, W_GRADE, W_LANGUAGE, W_FUNDING, W_STUDYING, W_EXTERNSHIP, W_LEAVE};
	char title[128];
	snprintf(title, sizeof title, "%s: %s – %s", report_word(W_TITLE, l), str_at(report, "from"), str_at(report, "to"));
	worksheet_write_string(ws, 0, 0, title, bold);
	for (lxw_col_t c = 0; c < sizeof cols / sizeof *cols; c++)
		worksheet_write_string(ws, 2, c, report_word(cols[c], l), bold);
	worksheet_set_column(ws, 0, 0, 48, NULL);
	worksheet_set_column(ws, 1, 6, 16, NULL);
	lxw_row_t r = 3;
	size_t i, k;
	json_t *s, *c;
	json_array_foreach(json_object_get(report, "schools"), i, s) {
		json_array_foreach(json_object_get(s, "counts"), k, c) {
			worksheet_write_string(ws, r, 0, school_name(s, l), NULL);
			worksheet_write_number(ws, r, 1, (double)json_integer_value(json_object_get(c, "grade")), NULL);
			worksheet_write_string(ws, r, 2, report_code_word(str_at(c, "language"), l), NULL);
			worksheet_write_string(ws, r, 3, report_code_word(str_at(c, "funding"), l), NULL);
			worksheet_write_number(ws, r, 4, (double)json_integer_value(json_object_get(c, "studying")), NULL);
			worksheet_write_number(ws, r, 5, (double)json_integer_value(json_object_get(c, "externship")), NULL);
			worksheet_write_number(ws, r, 6, (double)json_integer_value(json_object_get(c, "academic_leave")), NULL);
			r++;
		}
		json_t *t = json_object_get(s, "totals");
		worksheet_write_string(ws, r, 0, school_name(s, l), bold);
		worksheet_write_string(ws, r, 1, report_word(W_TOTAL, l), bold);
		worksheet_write_number(ws, r, 4, (double)json_integer_value(json_object_get(t, "studying")), bold);
		worksheet_write_number(ws, r, 5, (double)json_integer_value(json_object_get(t, "externship")), bold);
		worksheet_write_number(ws, r, 6, (double)json_integer_value(json_object_get(t, "academic_leave")), bold);
		r += 2;
	}
}

/* The list of externship (key "externship") or leave ("academic_leave") students. */
static void write_away(lxw_worksheet *ws, json_t *report, const char *key, enum lang l, lxw_format *bold)
{
	enum report_word cols[] = {W_SCHOOL, W_STUDENT, W_CLASS, W_LANGUAGE, W_FUNDING, W_FROM, W_TO, W_ORDER_NO, W_ORDER_DATE};
	for (lxw_col_t c = 0; c < sizeof cols / sizeof *cols; c++)
		worksheet_write_string(ws, 0, c, report_word(cols[c], l), bold);
	worksheet_set_column(ws, 0, 1, 40, NULL);
	worksheet_set_column(ws, 2, 8, 14, NULL);
	lxw_row_t r = 1;
	size_t i, k;
	json_t *s, *a;
	json_array_foreach(json_object_get(report, "schools"), i, s) {
		json_array_foreach(json_object_get(s, key), k, a) {
			char name[256];
			snprintf(name, sizeof name, "%s %s%s%s", str_at(a, "last_name"), str_at(a, "first_name"),
				 *str_at(a, "middle_name") ? " " : "", str_at(a, "middle_name"));
			const char *to = *str_at(a, "ends_on") ? str_at(a, "ends_on") : str_at(a, "planned_ends_on");
			worksheet_write_string(ws, r, 0, school_name(s, l), NULL);
			worksheet_write_string(ws, r, 1, name, NULL);
			worksheet_write_string(ws, r, 2, str_at(a, "class"), NULL);
			worksheet_write_string(ws, r, 3, report_code_word(str_at(a, "language"), l), NULL);
			worksheet_write_string(ws, r, 4, report_code_word(str_at(a, "funding"), l), NULL);
			worksheet_write_string(ws, r, 5, str_at(a, "starts_on"), NULL);
			worksheet_write_string(ws, r, 6, to, NULL);
			worksheet_write_string(ws, r, 7, str_at(a, "order_number"), NULL);
			worksheet_write_string(ws, r, 8, str_at(a, "ordered_on"), NULL);
			r++;
		}
	}
}

int xlsx_contingent(json_t *report, enum lang lang, struct buf *out)
{
	char path[] = "/tmp/mektep-report-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	if (!wb) {
		unlink(path);
		return -1;
	}
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	write_counts(workbook_add_worksheet(wb, report_word(W_SHEET_COUNTS, lang)), report, lang, bold);
	write_away(workbook_add_worksheet(wb, report_word(W_SHEET_EXT, lang)), report, "externship", lang, bold);
	write_away(workbook_add_worksheet(wb, report_word(W_SHEET_LEAVE, lang)), report, "academic_leave", lang, bold);
	int rc = workbook_close(wb) == LXW_NO_ERROR ? buf_read_file(out, path) : -1;
	unlink(path);
	return rc;
}
