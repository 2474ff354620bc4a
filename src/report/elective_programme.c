/* elective_programme (report) — an elective course's programme as a PDF description; see
 * elective_programme.h. The words of the structure are those of A3§17–23 in kk, and
 * their Russian and English. */
#include "report/elective_programme.h"

#include <stdio.h>
#include <string.h>

#include "report/words.h"
#include "util/buf.h"

#define BLANK REPORT_BLANK REPORT_BLANK
#define REVIEW_MAX 27 /* nine criteria of ELE-7, each 0..3 (docs/electives.md) */

enum text {
	T_PROGRAMME, T_FOR_GRADE, T_FOR_GRADES, T_AUTHOR, T_YEAR, T_APPROVED, T_APPROVED_BY, T_NOT_APPROVED,
	T_REVIEWED, T_REVIEW, T_NOTE, T_PLAN, T_CONTENT, T_RECOMMENDATIONS, T_LITERATURE, T_COL_NO, T_COL_SECTION,
	T_COL_TOPIC, T_COL_HOURS, T_COL_FORM, T_TOTAL, T_COUNT
};

static const char *const texts[T_COUNT][LANG_COUNT] = {
	[T_PROGRAMME] = {"ЭЛЕКТИВТІ КУРСТЫҢ БАҒДАРЛАМАСЫ", "ПРОГРАММА ЭЛЕКТИВНОГО КУРСА", "ELECTIVE COURSE PROGRAMME"},
	[T_FOR_GRADE] = {"{from}-сыныпқа арналған бағдарлама", "Программа для {from} класса", "Programme for grade {from}"},
	[T_FOR_GRADES] = {"{from}–{to}-сыныптарға арналған бағдарлама", "Программа для {from}–{to} классов",
			  "Programme for grades {from}–{to}"},
	[T_AUTHOR] = {"Бағдарламаны дайындаған: {author}", "Разработчик программы: {author}", "Prepared by: {author}"},
	[T_YEAR] = {"Дайындалған жылы: {year}", "Год разработки: {year}", "Year: {year}"},
	[T_APPROVED] = {"БЕКІТІЛДІ", "УТВЕРЖДЕНО", "APPROVED"},
	[T_APPROVED_BY] = {"Пәндік әдістемелік бірлестіктің отырысында, {date} ж. № {protocol} хаттама",
			   "на заседании предметного методического объединения, протокол от {date} № {protocol}",
			   "at the meeting of the subject methodological association, minutes of {date} No. {protocol}"},
	[T_NOT_APPROVED] = {"Әдістемелік бірлестік әлі бекітпеген", "Методическим объединением ещё не утверждена",
			    "Not yet approved by the methodological association"},
	[T_REVIEWED] = {"ҚАРАЛДЫ", "РАССМОТРЕНО", "REVIEWED"},
	[T_REVIEW] = {"{reviewer}, {date} ж., {total} / {max} балл", "{reviewer}, {date}, {total} из {max} баллов",
		      "{reviewer}, {date}, {total} of {max} points"},
	[T_NOTE] = {"1. Түсіндірме жазба", "1. Пояснительная записка", "1. Explanatory note"},
	[T_PLAN] = {"2. Тақырыптық-оқу жоспары", "2. Учебно-тематический план", "2. Thematic plan"},
	[T_CONTENT] = {"3. Курстың мазмұны", "3. Содержание курса", "3. Course content"},
	[T_RECOMMENDATIONS] = {"4. Әдістемелік ұсыныстар", "4. Методические рекомендации",
			       "4. Methodological recommendations"},
	[T_LITERATURE] = {"5. Ұсынылған әдебиеттер мен оқу-әдістемелік құралдардың тізімі, соның ішінде электрондық "
			  "білім беру ресурстары",
			  "5. Список рекомендуемой литературы и учебно-методических пособий, в том числе электронных "
			  "образовательных ресурсов",
			  "5. Recommended literature and teaching materials, including electronic learning resources"},
	[T_COL_NO] = {"№", "№", "No."},
	[T_COL_SECTION] = {"Бөлім", "Раздел", "Section"},
	[T_COL_TOPIC] = {"Тақырып", "Тема", "Topic"},
	[T_COL_HOURS] = {"Сағат саны", "Кол-во часов", "Hours"},
	[T_COL_FORM] = {"Оқыту түрі", "Форма обучения", "Form of study"},
	[T_TOTAL] = {"Барлығы", "Итого", "Total"},
};

static const char *tx(enum text t, enum lang l)
{
	return texts[t][(unsigned)l < LANG_COUNT ? (unsigned)l : 0];
}

/* The text at key, or NULL for a missing or empty one. */
static const char *text_at(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s && *s ? s : NULL;
}

static void add(json_t *blocks, json_t *b)
{
	json_array_append_new(blocks, b);
}

static void para(json_t *blocks, const char *text, const char *align, double indent, int bold)
{
	add(blocks, json_pack("{s:s, s:s, s:s, s:f, s:b}", "type", "paragraph", "text", text, "align", align, "indent",
			      indent, "bold", bold));
}

static void space(json_t *blocks, double height)
{
	add(blocks, json_pack("{s:s, s:f}", "type", "space", "height", height));
}

/* The template filled from the slots of v (report_fill) as a paragraph. */
static void para_fill(json_t *blocks, const char *tmpl, json_t *v, const char *align)
{
	json_t *text = report_fill(tmpl, v);
	para(blocks, json_string_value(text), align, 0, 0);
	json_decref(text);
}

/* A part's numbered heading. */
static void part_heading(json_t *blocks, enum text heading, enum lang l)
{
	add(blocks, json_pack("{s:s, s:s, s:s, s:f, s:b, s:f}", "type", "paragraph", "text", tx(heading, l), "align", "left",
			      "size", 12.0, "bold", 1, "keep", 60.0));
}

/* A part of the programme: its heading, then each non-empty line of the text as a
 * justified paragraph; a missing part a line to fill in. */
static void part(json_t *blocks, enum text heading, const char *text, enum lang l)
{
	part_heading(blocks, heading, l);
	if (!text) {
		para(blocks, BLANK BLANK, "left", 0, 0);
		space(blocks, 8);
		return;
	}
	for (const char *p = text; *p;) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
			n--;
		if (n) {
			json_t *s = json_stringn(p, n);
			if (s)
				add(blocks, json_pack("{s:s, s:o, s:s, s:f}", "type", "paragraph", "text", s, "align", "justify",
						      "indent", 21.0));
		}
		p = end ? end + 1 : p + strlen(p);
	}
	space(blocks, 8);
}

/* The thematic plan's table: a row per topic, the hours' total last. */
static void plan_table(json_t *blocks, json_t *plan, enum lang l)
{
	part_heading(blocks, T_PLAN, l);
	json_t *rows = json_array();
	size_t i;
	json_t *r;
	long long total = 0;
	json_array_foreach(plan, i, r) {
		long long h = json_integer_value(json_object_get(r, "hours"));
		total += h;
		const char *section = text_at(r, "section"), *topic = text_at(r, "topic"), *form = text_at(r, "form");
		json_array_append_new(rows, json_pack("[o, s, s, o, s]", json_sprintf("%zu", i + 1), section ? section : "",
						      topic ? topic : "", json_sprintf("%lld", h), form ? form : ""));
	}
	json_array_append_new(rows, json_pack("[s, s, s, o, s]", "", tx(T_TOTAL, l), "", json_sprintf("%lld", total), ""));
	json_t *header = json_pack("[s, s, s, s, s]", tx(T_COL_NO, l), tx(T_COL_SECTION, l), tx(T_COL_TOPIC, l),
				   tx(T_COL_HOURS, l), tx(T_COL_FORM, l));
	add(blocks, json_pack("{s:s, s:[f, f, f, f, f], s:o, s:o, s:[s, s, s, s, s], s:f}", "type", "table", "widths",
			      0.5, 2.6, 3.6, 1.1, 2.2, "header", header, "rows", rows, "align", "center", "left", "left",
			      "center", "left", "size", 9.5));
}

/* The date as papers write it into v[key], when there is one. */
static void put_date(json_t *v, const char *key, const char *iso)
{
	char on[16];
	report_date(iso, on);
	if (*on)
		json_object_set_new(v, key, json_string(on));
}

/* The title page (A3§18): the school, the approval's mark right, the course and its
 * grades in the middle, the author and the reviews, the year at the foot. A value
 * missing prints a line to fill in (report_fill). */
static void title_page(json_t *blocks, json_t *prog, enum lang l)
{
	json_t *t = json_object_get(prog, "title_page"), *approval = json_object_get(prog, "approval");
	const char *code = lang_code(l);
	json_t *v = json_pack("{s:O?, s:O?, s:O?, s:O?, s:O?, s:O?}", "school", json_object_get(json_object_get(t, "school"), code),
			      "course", json_object_get(json_object_get(t, "course"), code), "from",
			      json_object_get(t, "grade_from"), "to", json_object_get(t, "grade_to"), "author",
			      json_object_get(t, "author"), "year", json_object_get(t, "year"));
	/* the grades as words of the template */
	static const char *const grades[] = {"from", "to"};
	for (int i = 0; i < 2; i++)
		if (json_is_integer(json_object_get(v, grades[i])))
			json_object_set_new(v, grades[i], json_sprintf("%lld", (long long)json_integer_value(json_object_get(v, grades[i]))));
	json_t *school = report_fill("{school}", v);
	add(blocks, json_pack("{s:s, s:o, s:s, s:b}", "type", "paragraph", "text", school, "align", "center", "bold", 1));
	space(blocks, 24);
	json_t *mark = json_array();
	json_array_append_new(mark, json_pack("{s:s, s:b}", "text", tx(T_APPROVED, l), "bold", 1));
	if (json_is_object(approval)) {
		json_t *a = json_pack("{s:O?}", "protocol", json_object_get(approval, "protocol_number"));
		put_date(a, "date", text_at(approval, "date"));
		json_array_append_new(mark, report_fill(tx(T_APPROVED_BY, l), a));
		json_decref(a);
	} else {
		json_array_append_new(mark, json_pack("{s:s, s:b}", "text", tx(T_NOT_APPROVED, l), "italic", 1));
	}
	add(blocks, json_pack("{s:s, s:o}", "type", "block_right", "lines", mark));
	space(blocks, 150);
	para(blocks, tx(T_PROGRAMME, l), "center", 0, 1);
	space(blocks, 6);
	json_t *course = report_fill("{course}", v);
	add(blocks, json_pack("{s:s, s:o, s:f}", "type", "heading", "text", course, "size", 20.0));
	int one_grade = json_equal(json_object_get(t, "grade_from"), json_object_get(t, "grade_to"));
	para_fill(blocks, tx(one_grade ? T_FOR_GRADE : T_FOR_GRADES, l), v, "center");
	space(blocks, 110);
	json_t *right = json_array();
	json_array_append_new(right, report_fill(tx(T_AUTHOR, l), v));
	json_t *reviews = json_object_get(prog, "reviews");
	if (json_array_size(reviews)) {
		json_array_append_new(right, json_string(""));
		json_array_append_new(right, json_pack("{s:s, s:b}", "text", tx(T_REVIEWED, l), "bold", 1));
		size_t i;
		json_t *r;
		json_array_foreach(reviews, i, r) {
			json_t *rv = json_pack("{s:O?, s:o, s:o}", "reviewer", json_object_get(r, "reviewer"), "total",
					       json_sprintf("%lld", (long long)json_integer_value(json_object_get(r, "total"))),
					       "max", json_sprintf("%d", REVIEW_MAX));
			put_date(rv, "date", text_at(r, "reviewed_on"));
			json_array_append_new(right, report_fill(tx(T_REVIEW, l), rv));
			json_decref(rv);
		}
	}
	add(blocks, json_pack("{s:s, s:o}", "type", "block_right", "lines", right));
	space(blocks, 60);
	para_fill(blocks, tx(T_YEAR, l), v, "center");
	add(blocks, json_pack("{s:s}", "type", "page_break"));
	json_decref(v);
}

json_t *elective_programme_doc(json_t *prog, enum lang l)
{
	json_t *blocks = json_array();
	title_page(blocks, prog, l);
	part(blocks, T_NOTE, text_at(prog, "explanatory_note"), l);
	plan_table(blocks, json_object_get(prog, "plan"), l);
	part(blocks, T_CONTENT, text_at(prog, "content"), l);
	part(blocks, T_RECOMMENDATIONS, text_at(prog, "recommendations"), l);
	part(blocks, T_LITERATURE, text_at(prog, "literature"), l);
	return blocks;
}
