/* xlsx (report) — the reports as spreadsheets; see xlsx.h. libxlsxwriter writes to a
 * file: the workbook goes to a private temporary file, is read back and removed. */
#include "report/xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

/* The headings, in kk, ru, en. */
enum heading {
	H_SHEET_COUNTS, H_SHEET_EXT, H_SHEET_LEAVE, H_TITLE, H_SCHOOL, H_GRADE, H_LANGUAGE, H_FUNDING, H_STUDYING,
	H_EXTERNSHIP, H_LEAVE, H_STUDENT, H_CLASS, H_FROM, H_TO, H_ORDER_NO, H_ORDER_DATE, H_TOTAL, H_COUNT
};
static const char *const headings[H_COUNT][3] = {
	[H_SHEET_COUNTS] = {"Контингент", "Контингент", "Contingent"},
	[H_SHEET_EXT] = {"Экстернат", "Экстернат", "Externship"},
	[H_SHEET_LEAVE] = {"Академиялық демалыс", "Академический отпуск", "Academic leave"},
	[H_TITLE] = {"Оқушылар контингенті", "Контингент учащихся", "Student contingent"},
	[H_SCHOOL] = {"Мектеп", "Школа", "School"},
	[H_GRADE] = {"Сынып (параллель)", "Параллель", "Grade"},
	[H_LANGUAGE] = {"Оқыту тілі", "Язык обучения", "Language of instruction"},
	[H_FUNDING] = {"Қаржыландыру", "Финансирование", "Funding"},
	[H_STUDYING] = {"Оқиды", "Обучается", "Studying"},
	[H_EXTERNSHIP] = {"Экстернатта", "На экстернате", "On externship"},
	[H_LEAVE] = {"Академиялық демалыста", "В академическом отпуске", "On academic leave"},
	[H_STUDENT] = {"Оқушы", "Учащийся", "Student"},
	[H_CLASS] = {"Сынып", "Класс", "Class"},
	[H_FROM] = {"Басталуы", "Начало", "From"},
	[H_TO] = {"Аяқталуы", "Окончание", "To"},
	[H_ORDER_NO] = {"Бұйрық нөмірі", "Номер приказа", "Order No."},
	[H_ORDER_DATE] = {"Бұйрық күні", "Дата приказа", "Order date"},
	[H_TOTAL] = {"Барлығы", "Всего", "Total"},
};

static const char *word(enum heading h, enum lang l)
{
	return headings[h][(unsigned)l < 3 ? (unsigned)l : 0];
}

/* The words of the codes the report carries. */
static const char *code_word(const char *code, enum lang l)
{
	static const struct {
		const char *code, *text[3];
	} words[] = {
		{"kk", {"қазақ", "казахский", "Kazakh"}},
		{"ru", {"орыс", "русский", "Russian"}},
		{"orken", {"«Өркен» гранты", "грант «Өркен»", "Orken grant"}},
		{"state_order", {"мемлекеттік тапсырыс", "госзаказ", "state order"}},
		{"paid", {"ақылы", "платное", "paid"}},
	};
	for (size_t i = 0; code && i < sizeof words / sizeof *words; i++)
		if (strcmp(words[i].code, code) == 0)
			return words[i].text[(unsigned)l < 3 ? (unsigned)l : 0];
	return code ? code : "";
}

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
	enum heading cols[] = {H_SCHOOL, H_GRADE, H_LANGUAGE, H_FUNDING, H_STUDYING, H_EXTERNSHIP, H_LEAVE};
	char title[128];
	snprintf(title, sizeof title, "%s: %s – %s", word(H_TITLE, l), str_at(report, "from"), str_at(report, "to"));
	worksheet_write_string(ws, 0, 0, title, bold);
	for (lxw_col_t c = 0; c < sizeof cols / sizeof *cols; c++)
		worksheet_write_string(ws, 2, c, word(cols[c], l), bold);
	worksheet_set_column(ws, 0, 0, 48, NULL);
	worksheet_set_column(ws, 1, 6, 16, NULL);
	lxw_row_t r = 3;
	size_t i, k;
	json_t *s, *c;
	json_array_foreach(json_object_get(report, "schools"), i, s) {
		json_array_foreach(json_object_get(s, "counts"), k, c) {
			worksheet_write_string(ws, r, 0, school_name(s, l), NULL);
			worksheet_write_number(ws, r, 1, (double)json_integer_value(json_object_get(c, "grade")), NULL);
			worksheet_write_string(ws, r, 2, code_word(str_at(c, "language"), l), NULL);
			worksheet_write_string(ws, r, 3, code_word(str_at(c, "funding"), l), NULL);
			worksheet_write_number(ws, r, 4, (double)json_integer_value(json_object_get(c, "studying")), NULL);
			worksheet_write_number(ws, r, 5, (double)json_integer_value(json_object_get(c, "externship")), NULL);
			worksheet_write_number(ws, r, 6, (double)json_integer_value(json_object_get(c, "academic_leave")), NULL);
			r++;
		}
		json_t *t = json_object_get(s, "totals");
		worksheet_write_string(ws, r, 0, school_name(s, l), bold);
		worksheet_write_string(ws, r, 1, word(H_TOTAL, l), bold);
		worksheet_write_number(ws, r, 4, (double)json_integer_value(json_object_get(t, "studying")), bold);
		worksheet_write_number(ws, r, 5, (double)json_integer_value(json_object_get(t, "externship")), bold);
		worksheet_write_number(ws, r, 6, (double)json_integer_value(json_object_get(t, "academic_leave")), bold);
		r += 2;
	}
}

/* The list of externship (key "externship") or leave ("academic_leave") students. */
static void write_away(lxw_worksheet *ws, json_t *report, const char *key, enum lang l, lxw_format *bold)
{
	enum heading cols[] = {H_SCHOOL, H_STUDENT, H_CLASS, H_LANGUAGE, H_FUNDING, H_FROM, H_TO, H_ORDER_NO, H_ORDER_DATE};
	for (lxw_col_t c = 0; c < sizeof cols / sizeof *cols; c++)
		worksheet_write_string(ws, 0, c, word(cols[c], l), bold);
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
			worksheet_write_string(ws, r, 3, code_word(str_at(a, "language"), l), NULL);
			worksheet_write_string(ws, r, 4, code_word(str_at(a, "funding"), l), NULL);
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
	write_counts(workbook_add_worksheet(wb, word(H_SHEET_COUNTS, lang)), report, lang, bold);
	write_away(workbook_add_worksheet(wb, word(H_SHEET_EXT, lang)), report, "externship", lang, bold);
	write_away(workbook_add_worksheet(wb, word(H_SHEET_LEAVE, lang)), report, "academic_leave", lang, bold);
	int rc = workbook_close(wb) == LXW_NO_ERROR ? buf_read_file(out, path) : -1;
	unlink(path);
	return rc;
}
