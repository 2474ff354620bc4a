/* contingent_doc (report) — the contingent report's PDF description; see
 * contingent_doc.h. The words are report/words.c's, as in the spreadsheet. */
#include "report/contingent_doc.h"

#include <stdio.h>
#include <string.h>

#include "report/words.h"

static const char *str_at(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static json_t *number(json_t *o, const char *key)
{
	return json_sprintf("%lld", (long long)json_integer_value(json_object_get(o, key)));
}

static json_t *counts_table(json_t *s, enum lang l)
{
	json_t *rows = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(s, "counts"), i, c)
		json_array_append_new(rows, json_pack("[o, s, s, o, o, o]", number(c, "grade"),
						      report_code_word(str_at(c, "language"), l),
						      report_code_word(str_at(c, "funding"), l), number(c, "studying"),
						      number(c, "externship"), number(c, "academic_leave")));
	json_t *t = json_object_get(s, "totals");
	json_array_append_new(rows, json_pack("[s, s, s, o, o, o]", report_word(W_TOTAL, l), "", "",
					      number(t, "studying"), number(t, "externship"), number(t, "academic_leave")));
	return json_pack("{s:s, s:[s, s, s, s, s, s], s:[f, f, f, f, f, f], s:[s, s, s, s, s, s], s:o}", "type", "table",
			 "align", "left", "left", "left", "right", "right", "right", "widths", 1.4, 1.3,
			 1.8, 1.1, 1.2, 1.4, "header", report_word(W_GRADE, l), report_word(W_LANGUAGE, l),
			 report_word(W_FUNDING, l), report_word(W_STUDYING, l), report_word(W_EXTERNSHIP, l),
			 report_word(W_LEAVE, l), "rows", rows);
}

/* The list under "externship" or "academic_leave" of a school, or "None". */
static void away_list(json_t *blocks, json_t *s, const char *key, enum report_word title, enum lang l)
{
	json_array_append_new(blocks, json_pack("{s:s, s:s, s:b}", "type", "paragraph", "text", report_word(title, l),
						"bold", 1));
	json_t *list = json_object_get(s, key);
	if (json_array_size(list) == 0) {
		json_array_append_new(blocks, json_pack("{s:s, s:s}", "type", "paragraph", "text", report_word(W_NONE, l)));
		return;
	}
	json_t *rows = json_array();
	size_t i;
	json_t *a;
	json_array_foreach(list, i, a) {
		char name[256];
		snprintf(name, sizeof name, "%s %s%s%s", str_at(a, "last_name"), str_at(a, "first_name"),
			 *str_at(a, "middle_name") ? " " : "", str_at(a, "middle_name"));
		char from[16], to[16], ordered[16];
		report_date(str_at(a, "starts_on"), from);
		report_date(*str_at(a, "ends_on") ? str_at(a, "ends_on") : str_at(a, "planned_ends_on"), to);
		report_date(str_at(a, "ordered_on"), ordered);
		json_array_append_new(rows, json_pack("[s, s, s, s, s, s, s, s]", name, str_at(a, "class"),
						      report_code_word(str_at(a, "language"), l),
						      report_code_word(str_at(a, "funding"), l), from, to,
						      str_at(a, "order_number"), ordered));
	}
	json_array_append_new(blocks, json_pack("{s:s, s:[f, f, f, f, f, f, f, f], s:[s, s, s, s, s, s, s, s], s:o, s:f}",
		"type", "table", "widths", 2.4, 0.8, 1.1, 2.0, 1.3, 1.3, 1.1, 1.3, "header", report_word(W_STUDENT, l),
		report_word(W_CLASS, l), report_word(W_LANGUAGE, l), report_word(W_FUNDING, l), report_word(W_FROM, l),
		report_word(W_TO, l), report_word(W_ORDER_NO, l), report_word(W_ORDER_DATE, l), "rows", rows, "size", 8.5));
}

json_t *contingent_doc(json_t *report, enum lang l)
{
	json_t *blocks = json_array();
	char title[160], from[16], to[16];
	report_date(str_at(report, "from"), from);
	report_date(str_at(report, "to"), to);
	snprintf(title, sizeof title, "%s: %s – %s", report_word(W_TITLE, l), from, to);
	json_array_append_new(blocks, json_pack("{s:s, s:s}", "type", "heading", "text", title));
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(report, "schools"), i, s) {
		if (i > 0)
			json_array_append_new(blocks, json_pack("{s:s, s:f}", "type", "space", "height", 10.0));
		json_array_append_new(blocks, json_pack("{s:s, s:s, s:b, s:f}", "type", "paragraph", "text",
							str_at(json_object_get(s, "name"), lang_code(l)), "bold", 1, "size", 12.0));
		json_array_append_new(blocks, counts_table(s, l));
		away_list(blocks, s, "externship", W_SHEET_EXT, l);
		away_list(blocks, s, "academic_leave", W_SHEET_LEAVE, l);
	}
	return blocks;
}
