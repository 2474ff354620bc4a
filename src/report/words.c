/* words (report) — the reports' shared headings and code words; see words.h. */
#include "report/words.h"

#include <stdio.h>
#include <string.h>

#include "util/buf.h"

static const char *const words[W_COUNT][LANG_COUNT] = {
	[W_SHEET_COUNTS] = {"Контингент", "Контингент", "Contingent"},
	[W_SHEET_EXT] = {"Экстернат", "Экстернат", "Externship"},
	[W_SHEET_LEAVE] = {"Академиялық демалыс", "Академический отпуск", "Academic leave"},
	[W_TITLE] = {"Оқушылар контингенті", "Контингент учащихся", "Student contingent"},
	[W_SCHOOL] = {"Мектеп", "Школа", "School"},
	[W_GRADE] = {"Сынып (параллель)", "Параллель", "Grade"},
	[W_LANGUAGE] = {"Оқыту тілі", "Язык обучения", "Language of instruction"},
	[W_FUNDING] = {"Қаржыландыру", "Финансирование", "Funding"},
	[W_STUDYING] = {"Оқиды", "Обучается", "Studying"},
	[W_EXTERNSHIP] = {"Экстернатта", "На экстернате", "On externship"},
	[W_LEAVE] = {"Академиялық демалыста", "В академическом отпуске", "On academic leave"},
	[W_STUDENT] = {"Оқушы", "Учащийся", "Student"},
	[W_CLASS] = {"Сынып", "Класс", "Class"},
	[W_FROM] = {"Басталуы", "Начало", "From"},
	[W_TO] = {"Аяқталуы", "Окончание", "To"},
	[W_ORDER_NO] = {"Бұйрық нөмірі", "Номер приказа", "Order No."},
	[W_ORDER_DATE] = {"Бұйрық күні", "Дата приказа", "Order date"},
	[W_TOTAL] = {"Барлығы", "Всего", "Total"},
	[W_PERIOD] = {"Кезең", "Период", "Period"},
	[W_NONE] = {"Жоқ", "Нет", "None"},
};

const char *report_word(enum report_word w, enum lang l)
{
	return words[w][(unsigned)l < LANG_COUNT ? (unsigned)l : 0];
}

const char *report_code_word(const char *code, enum lang l)
{
	static const struct {
		const char *code, *text[LANG_COUNT];
	} codes[] = {
		{"kk", {"қазақ", "казахский", "Kazakh"}},
		{"ru", {"орыс", "русский", "Russian"}},
		{"orken", {"«Өркен» гранты", "грант «Өркен»", "Orken grant"}},
		{"state_order", {"мемлекеттік тапсырыс", "госзаказ", "state order"}},
		{"paid", {"ақылы", "платное", "paid"}},
	};
	for (size_t i = 0; code && i < sizeof codes / sizeof *codes; i++)
		if (strcmp(codes[i].code, code) == 0)
			return codes[i].text[(unsigned)l < LANG_COUNT ? (unsigned)l : 0];
	return code ? code : "";
}

void report_date(const char *iso, char out[16])
{
	if (!iso || strlen(iso) < 10) {
		out[0] = '\0';
		return;
	}
	snprintf(out, 16, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

json_t *report_fill(const char *tmpl, json_t *values)
{
	struct buf b = BUF_INIT;
	for (const char *p = tmpl; *p;) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		if (!close) {
			buf_addch(&b, *p++);
			continue;
		}
		char key[32];
		size_t n = (size_t)(close - p - 1);
		snprintf(key, sizeof key, "%.*s", (int)(n < sizeof key ? n : sizeof key - 1), p + 1);
		const char *value = json_string_value(json_object_get(values, key));
		buf_adds(&b, value && *value ? value : REPORT_BLANK);
		p = close + 1;
	}
	json_t *s = json_string(b.data ? b.data : "");
	buf_release(&b);
	return s;
}
