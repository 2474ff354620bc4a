/* club_report (report) — a club's quarterly report as a PDF description; see
 * club_report.h. */
#include "report/club_report.h"

#include <stdio.h>

#include "report/words.h"

enum text {
	T_TITLE, T_LEADER, T_QUARTER, T_HOURS, T_TOPICS, T_SESSIONS, T_ATTENDANCE, T_CHECKED, T_NOT_CHECKED,
	T_COL_NO, T_COL_TOPIC, T_COL_HOURS, T_COL_DATE, T_COL_CONTENT, T_COL_ABSENT, T_COL_STUDENT, T_COL_CLASS,
	T_COL_SESSIONS, T_COL_ATTENDED, T_NONE, T_SIGN, T_SIGN_CAPTION, T_COUNT
};

static const char *const texts[T_COUNT][LANG_COUNT] = {
	[T_TITLE] = {"Үйірме бағдарламасының орындалуы туралы тоқсандық есеп",
		     "Квартальный отчёт о выполнении программы кружка",
		     "Quarterly report on the club programme's progress"},
	[T_LEADER] = {"Үйірме жетекшісі: {leader}", "Руководитель кружка: {leader}", "Club leader: {leader}"},
	[T_QUARTER] = {"{quarter}-тоқсан ({from} – {to})", "{quarter} четверть ({from} – {to})",
		       "Quarter {quarter} ({from} – {to})"},
	[T_HOURS] = {"Жоспарланған сағат: {planned}, өткізілгені: {held} ({percent} %).",
		     "Запланировано часов: {planned}, проведено: {held} ({percent} %).",
		     "Hours planned: {planned}, held: {held} ({percent} %)."},
	[T_TOPICS] = {"Бағдарламаның тоқсандағы тақырыптары", "Темы программы на четверть",
		      "The programme's topics of the quarter"},
	[T_SESSIONS] = {"Өткізілген сабақтар", "Проведённые занятия", "Sessions held"},
	[T_ATTENDANCE] = {"Мүшелердің қатысуы", "Посещаемость участников", "Members' attendance"},
	[T_CHECKED] = {"Журналды тәрбие ісі жөніндегі директордың орынбасары {date} тексерді. {note}",
		       "Журнал проверен заместителем директора по воспитательной работе {date}. {note}",
		       "The journal was checked by the deputy director for upbringing on {date}. {note}"},
	[T_NOT_CHECKED] = {"Журнал осы тоқсанда әлі тексерілмеген.", "Журнал в этой четверти ещё не проверен.",
			   "The journal has not been checked this quarter yet."},
	[T_COL_NO] = {"№", "№", "No."},
	[T_COL_TOPIC] = {"Тақырып", "Тема", "Topic"},
	[T_COL_HOURS] = {"Сағат", "Часы", "Hours"},
	[T_COL_DATE] = {"Күні", "Дата", "Date"},
	[T_COL_CONTENT] = {"Сабақтың мазмұны", "Содержание занятия", "Content"},
	[T_COL_ABSENT] = {"Келмегендер", "Отсутствовали", "Absent"},
	[T_COL_STUDENT] = {"Оқушы", "Учащийся", "Student"},
	[T_COL_CLASS] = {"Сынып", "Класс", "Class"},
	[T_COL_SESSIONS] = {"Сабақтар", "Занятий", "Sessions"},
	[T_COL_ATTENDED] = {"Қатысты", "Посетил", "Attended"},
	[T_NONE] = {"Жоқ.", "Нет.", "None."},
	[T_SIGN] = {"Үйірме жетекшісі", "Руководитель кружка", "Club leader"},
	[T_SIGN_CAPTION] = {"(қолы)", "(подпись)", "(signature)"},
};

static const char *tx(enum text t, enum lang l)
{
	return texts[t][(unsigned)l < LANG_COUNT ? (unsigned)l : 0];
}

static void add(json_t *blocks, json_t *b)
{
	json_array_append_new(blocks, b);
}

/* The template filled from v as a paragraph. */
static void line(json_t *blocks, const char *tmpl, json_t *v, const char *align, int bold)
{
	add(blocks, json_pack("{s:s, s:o, s:s, s:b}", "type", "paragraph", "text", report_fill(tmpl, v), "align", align,
			      "bold", bold));
}

static void heading(json_t *blocks, enum text t, enum lang l)
{
	add(blocks, json_pack("{s:s, s:s, s:s, s:f, s:b, s:f}", "type", "paragraph", "text", tx(t, l), "align", "left",
			      "size", 12.0, "bold", 1, "keep", 60.0));
}

static void space(json_t *blocks, double height)
{
	add(blocks, json_pack("{s:s, s:f}", "type", "space", "height", height));
}

static json_t *number(long long n)
{
	return json_sprintf("%lld", n);
}

static json_t *date_text(json_t *o, const char *key)
{
	char on[16];
	report_date(json_string_value(json_object_get(o, key)), on);
	return json_string(on);
}

/* The value of a name object {kk, ru, en} in l, else its Kazakh. */
static json_t *name_in(json_t *names, enum lang l)
{
	json_t *v = json_object_get(names, lang_code(l));
	return json_is_string(v) && *json_string_value(v) ? v : json_object_get(names, "kk");
}

/* A table, or "None." when it has no rows. */
static void table(json_t *blocks, json_t *header, json_t *rows, json_t *widths, json_t *align, enum lang l)
{
	if (!json_array_size(rows)) {
		add(blocks, json_pack("{s:s, s:s, s:s}", "type", "paragraph", "text", tx(T_NONE, l), "align", "left"));
		json_decref(header);
		json_decref(rows);
		json_decref(widths);
		json_decref(align);
		return;
	}
	add(blocks, json_pack("{s:s, s:o, s:o, s:o, s:o, s:f}", "type", "table", "widths", widths, "header", header,
			      "rows", rows, "align", align, "size", 9.5));
}

/* The number of members absent from a session. */
static json_t *absent_count(json_t *session)
{
	return number((long long)json_array_size(json_object_get(session, "absent")));
}

json_t *club_report_doc(json_t *report, json_t *club, json_t *school, enum lang l)
{
	json_t *blocks = json_array();
	json_t *v = json_pack("{s:O?, s:O?, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "school", school ? name_in(school, l) : NULL,
			      "leader", json_object_get(club, "leader"), "quarter",
			      number(json_integer_value(json_object_get(report, "quarter"))), "from",
			      date_text(report, "from"), "to", date_text(report, "to"), "planned",
			      number(json_integer_value(json_object_get(report, "hours_planned"))), "held",
			      number(json_integer_value(json_object_get(report, "hours_held"))), "percent",
			      number(json_integer_value(json_object_get(report, "percent"))), "club",
			      json_incref(name_in(json_object_get(club, "title"), l)));
	line(blocks, "{school}", v, "center", 1);
	space(blocks, 14);
	add(blocks, json_pack("{s:s, s:s}", "type", "heading", "text", tx(T_TITLE, l)));
	line(blocks, "«{club}»", v, "center", 1);
	line(blocks, tx(T_QUARTER, l), v, "center", 0);
	space(blocks, 12);
	line(blocks, tx(T_LEADER, l), v, "left", 0);
	line(blocks, tx(T_HOURS, l), v, "left", 0);
	space(blocks, 10);

	heading(blocks, T_TOPICS, l);
	json_t *rows = json_array();
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(report, "topics"), i, r)
		json_array_append_new(rows, json_pack("[o, O, o]", number((long long)i + 1), json_object_get(r, "topic"),
						      number(json_integer_value(json_object_get(r, "hours")))));
	table(blocks, json_pack("[s, s, s]", tx(T_COL_NO, l), tx(T_COL_TOPIC, l), tx(T_COL_HOURS, l)), rows,
	      json_pack("[f, f, f]", 0.5, 6.0, 1.0), json_pack("[s, s, s]", "center", "left", "center"), l);
	space(blocks, 10);

	heading(blocks, T_SESSIONS, l);
	rows = json_array();
	json_array_foreach(json_object_get(report, "sessions"), i, r)
		json_array_append_new(rows, json_pack("[o, o, O, o, o]", number((long long)i + 1), date_text(r, "date"),
						      json_object_get(r, "content"),
						      number(json_integer_value(json_object_get(r, "hours"))),
						      absent_count(r)));
	table(blocks,
	      json_pack("[s, s, s, s, s]", tx(T_COL_NO, l), tx(T_COL_DATE, l), tx(T_COL_CONTENT, l), tx(T_COL_HOURS, l),
			tx(T_COL_ABSENT, l)),
	      rows, json_pack("[f, f, f, f, f]", 0.5, 1.3, 4.6, 0.8, 1.2),
	      json_pack("[s, s, s, s, s]", "center", "center", "left", "center", "center"), l);
	space(blocks, 10);

	heading(blocks, T_ATTENDANCE, l);
	rows = json_array();
	json_array_foreach(json_object_get(report, "attendance"), i, r) {
		json_t *name = json_sprintf("%s %s", json_string_value(json_object_get(r, "last_name")),
					    json_string_value(json_object_get(r, "first_name")));
		const char *cls = json_string_value(json_object_get(r, "class"));
		json_array_append_new(rows, json_pack("[o, o, s, o, o, o]", number((long long)i + 1), name, cls ? cls : "",
						      number(json_integer_value(json_object_get(r, "sessions"))),
						      number(json_integer_value(json_object_get(r, "attended"))),
						      json_sprintf("%lld %%", json_integer_value(json_object_get(r, "percent")))));
	}
	table(blocks,
	      json_pack("[s, s, s, s, s, s]", tx(T_COL_NO, l), tx(T_COL_STUDENT, l), tx(T_COL_CLASS, l),
			tx(T_COL_SESSIONS, l), tx(T_COL_ATTENDED, l), "%"),
	      rows, json_pack("[f, f, f, f, f, f]", 0.5, 3.8, 1.0, 1.1, 1.1, 0.9),
	      json_pack("[s, s, s, s, s, s]", "center", "left", "center", "center", "center", "center"), l);
	space(blocks, 12);

	json_t *check = json_object_get(report, "check");
	if (json_is_object(check)) {
		json_t *c = json_pack("{s:o, s:s}", "date", date_text(check, "checked_on"), "note",
				      json_is_string(json_object_get(check, "note")) ? json_string_value(json_object_get(check, "note")) : "");
		line(blocks, tx(T_CHECKED, l), c, "left", 0);
		json_decref(c);
	} else {
		add(blocks, json_pack("{s:s, s:s, s:s, s:b}", "type", "paragraph", "text", tx(T_NOT_CHECKED, l), "align",
				      "left", "italic", 1));
	}
	space(blocks, 24);
	add(blocks, json_pack("{s:s, s:s, s:O?, s:s}", "type", "signature", "label", tx(T_SIGN, l), "name",
			      json_object_get(club, "leader"), "caption", tx(T_SIGN_CAPTION, l)));
	json_decref(v);
	return blocks;
}
