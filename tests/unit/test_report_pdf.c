/* test_report_pdf — the printable documents of issue 7: the PDF layer (pages, tables
 * that run over pages with their header again, page numbers) and every document of the
 * movement book (A1 forms 1–3, A2 forms 1–2, the four orders) and the contingent report
 * in Kazakh and Russian; the templates' slots; an elective course's programme (ELE-6,
 * issue 8). Each is read back with pdftotext (poppler-utils) and must be a
 * PDF with the expected pages and its words — Kazakh letters included — in it.
 * MEKTEP_PDF_DIR=dir keeps the files there to look at. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "report/contingent_doc.h"
#include "report/elective_programme.h"
#include "report/movement_docs.h"
#include "report/pdf.h"
#include "report/words.h"
#include "util/buf.h"

/* Renders the blocks (taken), checks the magic and the pages, returns the text of the
 * PDF as pdftotext reads it (free()). */
static char *render_text(json_t *blocks, int pages_expected, const char *keep_as)
{
	assert_non_null(blocks);
	struct buf pdf = BUF_INIT;
	int pages = 0;
	assert_int_equal(pdf_render(blocks, &pdf, &pages), 0);
	json_decref(blocks);
	assert_true(pdf.len > 1000);
	assert_memory_equal(pdf.data, "%PDF-", 5);
	if (pages_expected > 0)
		assert_int_equal(pages, pages_expected);
	char path[96];
	const char *dir = getenv("MEKTEP_PDF_DIR");
	if (dir)
		snprintf(path, sizeof path, "%s/%s.pdf", dir, keep_as);
	else
		snprintf(path, sizeof path, "/tmp/mektep-test-pdf-%d.pdf", (int)getpid());
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(pdf.data, 1, pdf.len, f), pdf.len);
	fclose(f);
	buf_release(&pdf);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "pdftotext -raw '%s' -", path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	struct buf text = BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		buf_add(&text, chunk, n);
	assert_int_equal(pclose(p), 0);
	if (!dir)
		unlink(path);
	/* pdftotext separates pages with a form feed */
	if (pages_expected > 0) {
		int ff = 0;
		for (size_t i = 0; i < text.len; i++)
			ff += text.data[i] == '\f';
		assert_int_equal(ff, pages_expected);
	}
	return buf_detach(&text, NULL);
}

/* The text without its blanks and line ends: what the layout puts between words (line
 * breaks, justification) does not count. */
static void squeeze(char *out, const char *in, size_t cap)
{
	size_t n = 0;
	for (; *in && n + 1 < cap; in++)
		if (*in != ' ' && *in != '\n' && *in != '\r' && *in != '\f')
			out[n++] = *in;
	out[n] = '\0';
}

/* Whether the phrase is in the PDF's text, blanks aside. */
static void assert_has(const char *text, const char *phrase)
{
	static char t[1 << 17];
	char w[256];
	squeeze(t, text, sizeof t);
	squeeze(w, phrase, sizeof w);
	if (!strstr(t, w))
		fail_msg("missing in the PDF's text: %s", phrase);
}

static void pdf_layer_tables_run_over_pages(void **state)
{
	(void)state;
	json_t *rows = json_array();
	for (int i = 1; i <= 90; i++)
		json_array_append_new(rows, json_pack("[o, s, s]", json_sprintf("%d", i), "Қазақ тілі",
						      "ұзақ тақырып: әріптер ә ғ қ ң ө ұ ү һ і жолдан жолға ауысады"));
	json_t *blocks = json_pack("[{s:s, s:s}, {s:s, s:s}, {s:s, s:[s, s], s:s}, {s:s, s:[f, f, f], s:[s, s, s], s:o}]",
				   "type", "heading", "text", "Сынақ құжаты", "type", "paragraph", "text",
				   "«A & B» <i>not markup</i>", "type", "block_right", "lines",
				   "Директорға", "өтініш берушіден", "align", "left", "type", "table", "widths",
				   0.5, 2.0, 4.0, "header", "Нөмір", "Пән атауы", "Тақырып", "rows", rows);
	char *text = render_text(blocks, 0, "layer");
	assert_has(text, "Сынақ құжаты");
	assert_has(text, "ә ғ қ ң ө ұ ү һ і");
	assert_has(text, "«A & B» <i>not markup</i>"); /* text is text, not pango markup */
	/* the header again on every page, and the pages numbered n / N */
	int headers = 0, pages = 0;
	for (const char *p = text; (p = strstr(p, "Пән атауы")); p++)
		headers++;
	for (const char *p = text; *p; p++)
		pages += *p == '\f';
	assert_true(pages >= 3);
	assert_int_equal(headers, pages);
	char last[32];
	snprintf(last, sizeof last, "%d / %d", pages, pages);
	assert_has(text, last);
	assert_has(text, "90");
	free(text);
}

static void pdf_layer_refuses_a_malformed_block(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	json_t *b = json_pack("[{s:s}]", "type", "no_such_block");
	assert_int_equal(pdf_render(b, &out, NULL), -1);
	json_decref(b);
	b = json_pack("[{s:s, s:[], s:[]}]", "type", "table", "widths", "rows");
	assert_int_equal(pdf_render(b, &out, NULL), -1);
	json_decref(b);
	assert_int_equal(pdf_render(NULL, &out, NULL), -1);
	buf_release(&out);
}

/* The data of a case as report/movement_pdf.c gathers it. */
static json_t *case_data(const char *kind, int ordered)
{
	json_t *c = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:[s, s], s:s}", "kind", kind, "ground",
			      strcmp(kind, "externship") == 0 ? "representative_posted_abroad" : "medical", "starts_on",
			      "2026-10-01", "ends_on", "2027-05-25", "filed_on", "2026-09-14", "foreign_school",
			      "Lycée Henri-IV, Paris", "representative_mobile", "+77011234567", "representative_email",
			      "aigul@example.kz", "student_email", "erghali@example.kz", "documents",
			      "study_abroad_proof", "posting_abroad_proof", "status", ordered ? "done" : "filed");
	if (strstr(kind, "return")) {
		json_object_set_new(c, "returns_on", json_string("2027-01-11"));
		json_object_set_new(c, "documents", json_pack("[s]", strcmp(kind, "leave_return") == 0 ? "health_certificate"
											     : "foreign_transcript"));
	} else if (strcmp(kind, "academic_leave") == 0) {
		json_object_set_new(c, "documents", json_pack("[s]", "vkk_conclusion"));
	}
	json_object_set_new(c, "decision", json_pack("{s:s, s:s, s:b, s:s}", "date", "2026-09-18", "protocol_number",
						     "4", "approved", 1, "council", "pedagogical"));
	json_object_set_new(c, "order", ordered ? json_pack("{s:s, s:s, s:s, s:s}", "number", "117-Ө", "date",
							   "2026-09-22", "starts_on", "2026-10-01", "ends_on",
							   "2027-05-25")
						: json_null());
	return json_pack("{s:o, s:{s:s, s:s, s:s, s:s, s:{s:s, s:s}}, s:{s:{s:s, s:s, s:s}, s:{s:s, s:s, s:s}},"
			 " s:{s:s, s:s, s:s, s:s}, s:{s:s, s:s, s:s}}",
			 "case", c, "student", "last_name", "Қуанышбаев", "first_name", "Ерғали", "middle_name",
			 "Өмірұлы", "funding", "orken", "class", "label", "9А", "language", "kk", "school", "name", "kk",
			 "Алматы қаласындағы физика-математика бағытындағы Назарбаев Зияткерлік мектебі", "ru",
			 "Назарбаев Интеллектуальная школа физико-математического направления г. Алматы", "en",
			 "Nazarbayev Intellectual School of Physics and Mathematics in Almaty", "city", "kk", "Алматы",
			 "ru", "Алматы", "en", "Almaty", "representative", "last_name", "Қуанышбаева", "first_name",
			 "Айгүл", "middle_name", "Бекқызы", "phone", "+77272501010", "director", "last_name",
			 "Әбдіқадырова", "first_name", "Гүлнәр", "middle_name", "Серікқызы");
}

struct expect {
	const char *kind;
	const char *kk[4], *ru[4];
};

static const struct expect applications[] = {
	{"externship", {"Өтініш", "экстернат түріне", "Lycée Henri-IV, Paris", "01.10.2026"},
	 {"Заявление", "в форме экстерната", "Lycée Henri-IV, Paris", "+77011234567"}},
	{"externship_return", {"Өтініш", "күндізгі", "11.01.2027", "шетелдік оқу орнында"},
	 {"Заявление", "на очную форму обучения", "11.01.2027", "зарубежной организации"}},
	{"academic_leave", {"Өтініш", "денсаулығына байланысты", "25.05.2027", "дәрігерлік-кеңестің"},
	 {"Заявление", "академический", "25.05.2027", "врачебно-консультативной"}},
	{"leave_return", {"Өтініш", "оқуын жалғастыруға", "11.01.2027", "анықтамасы"},
	 {"Заявление", "продолжить обучение", "11.01.2027", "справка о состоянии здоровья"}},
};

/* Each kind's document in Kazakh and Russian, one page, with its words, the student's
 * name and the name of the one who signs or is addressed. */
static void check_kinds(const struct expect *e, size_t n, int ordered, json_t *(*make)(json_t *, enum lang),
			const char *prefix)
{
	for (size_t i = 0; i < n; i++) {
		for (int l = 0; l < 2; l++) {
			json_t *data = case_data(e[i].kind, ordered);
			char keep[64];
			snprintf(keep, sizeof keep, "%s-%s-%s", prefix, e[i].kind, l ? "ru" : "kk");
			char *text = render_text(make(data, l ? LANG_RU : LANG_KK), 1, keep);
			json_decref(data);
			for (int k = 0; k < 4; k++)
				assert_has(text, l ? e[i].ru[k] : e[i].kk[k]);
			assert_has(text, "Қуанышбаев Ерғали Өмірұлы");
			assert_has(text, "Әбдіқадырова Гүлнәр Серікқызы");
			if (ordered)
				assert_has(text, "22.09.2026");
			else
				assert_has(text, "Қуанышбаева Айгүл Бекқызы");
			free(text);
		}
	}
}

static void every_application_in_kazakh_and_russian(void **state)
{
	(void)state;
	check_kinds(applications, sizeof applications / sizeof *applications, 0, movement_doc_application, "form");
	json_t *data = case_data("transfer", 0);
	assert_null(movement_doc_application(data, LANG_KK));
	json_decref(data);
}

static const struct expect order_texts[] = {
	{"externship", {"БҰЙРЫҚ", "экстернат түрінде оқуға ауыстырылсын", "№ 4 хаттамасымен", "117-Ө"},
	 {"ПРИКАЗ", "на обучение в форме экстерната", "протокол от 18.09.2026 № 4", "117-Ө"}},
	{"externship_return", {"БҰЙРЫҚ", "күндізгі оқу түріне ауыстырылсын", "12-тармағына", "117-Ө"},
	 {"ПРИКАЗ", "на очную форму обучения с 11.01.2027", "пунктом 12", "117-Ө"}},
	{"academic_leave", {"БҰЙРЫҚ", "академиялық демалыс берілсін", "Педагогикалық кеңестің", "контингентімен"},
	 {"ПРИКАЗ", "академический отпуск по состоянию", "Педагогического совета", "с контингентом"}},
	{"leave_return", {"БҰЙРЫҚ", "академиялық демалыстан шығарылып", "9А сыныпқа", "қаржыландырудың"},
	 {"ПРИКАЗ", "вышедшим(ей) из академического отпуска", "в 9А классе", "финансирования"}},
};

static void every_order_in_kazakh_and_russian(void **state)
{
	(void)state;
	check_kinds(order_texts, sizeof order_texts / sizeof *order_texts, 1, movement_doc_order, "order");
	json_t *data = case_data("transfer", 1);
	assert_null(movement_doc_order(data, LANG_RU));
	json_decref(data);
}

/* The same layout with English words, for a reader of the English interface. */
static void documents_in_english(void **state)
{
	(void)state;
	json_t *data = case_data("externship", 1);
	char *text = render_text(movement_doc_application(data, LANG_EN), 1, "form-externship-en");
	assert_has(text, "To the Director of the branch");
	assert_has(text, "to study as an external student from 01.10.2026 to 25.05.2027");
	assert_has(text, "1. invitation from the foreign school or another document proving study abroad");
	free(text);
	text = render_text(movement_doc_order(data, LANG_EN), 1, "order-externship-en");
	assert_has(text, "ORDER");
	assert_has(text, "I ORDER:");
	assert_has(text, "Pedagogical Council (minutes of 18.09.2026 No. 4)");
	free(text);
	json_decref(data);
}

/* LV-6 (A2§10): the copy of a leave order goes to the contingent unit only for a
 * student on the Өркен grant. */
static void leave_order_copy_only_for_the_grant(void **state)
{
	(void)state;
	json_t *data = case_data("academic_leave", 1);
	json_object_set_new(json_object_get(data, "student"), "funding", json_string("paid"));
	char *text = render_text(movement_doc_order(data, LANG_KK), 1, "order-leave-paid");
	json_decref(data);
	assert_null(strstr(text, "контингентімен"));
	assert_has(text, "жеке ісіне");
	free(text);
}

static void schedule_with_empty_rows_and_with_data(void **state)
{
	(void)state;
	json_t *data = case_data("externship", 1);
	char *text = render_text(movement_doc_schedule(data, LANG_KK, 12), 1, "schedule-kk");
	assert_has(text, "Экстернат түрінде оқитын оқушыға пәндер бойынша қашықтан кеңес берудің жеке кестесі");
	assert_has(text, "Қуанышбаев Ерғали Өмірұлы");
	assert_has(text, "12.");
	assert_has(text, "Куратор");
	free(text);
	/* two recorded years: a page each, the first approved by order, the second a draft */
	json_object_set_new(data, "schedules", json_pack("[{s:s, s:{s:s, s:s}, s:[{s:s, s:s, s:s, s:s, s:s, s:s}]},"
							 " {s:s, s:n, s:[{s:s, s:s, s:s}]}]",
							 "year", "2026-2027", "order", "number", "88-Ө", "date", "2026-10-02",
							 "rows", "subject", "Физика\nАхметов Б.", "date", "2026-10-12", "topic",
							 "Ньютон заңдары", "sent_on", "2026-10-20", "received_on",
							 "2026-10-27", "note", "уақытында", "year", "2027-2028", "order",
							 "rows", "subject", "Химия", "date", "2027-09-14", "topic",
							 "Периодический закон"));
	text = render_text(movement_doc_schedule(data, LANG_RU, 12), 2, "schedule-ru");
	json_decref(data);
	assert_has(text, "Индивидуальный график дистанционных консультаций");
	assert_has(text, "Учебный год: 2026-2027");
	assert_has(text, "Утверждён приказом директора от 02.10.2026 № 88-Ө.");
	assert_has(text, "Ньютон заңдары");
	assert_has(text, "Ахметов Б.");
	assert_has(text, "20.10.2026");
	assert_has(text, "Учебный год: 2027-2028");
	assert_has(text, "Проект: ещё не утверждён приказом директора.");
	assert_has(text, "14.09.2027");
	assert_null(strstr(text, "3.\n")); /* the recorded rows only, no empty ones */
	free(text);
}

static void contingent_report(void **state)
{
	(void)state;
	json_t *away = json_pack("[{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:n, s:s, s:s, s:s}]", "last_name", "Сейітқали",
				 "first_name", "Әлихан", "middle_name", "Нұрұлы", "class", "11В", "language", "kk",
				 "funding", "orken", "starts_on", "2026-10-01", "ends_on", "planned_ends_on", "2027-05-25",
				 "order_number", "117-Ө", "ordered_on", "2026-09-22");
	json_t *report = json_pack("{s:s, s:s, s:[{s:i, s:s, s:{s:s, s:s, s:s}, s:[{s:i, s:s, s:s, s:i, s:i, s:i}],"
				   " s:{s:i, s:i, s:i, s:i}, s:o, s:[]}]}",
				   "from", "2026-11-01", "to", "2026-11-30", "schools", "id", 1, "code", "ALA-PHM",
				   "name", "kk", "Алматы қаласындағы НЗМ", "ru", "НИШ г. Алматы", "en", "NIS Almaty",
				   "counts", "grade", 11, "language", "kk", "funding", "orken", "studying", 41,
				   "externship", 1, "academic_leave", 0, "totals", "studying", 41, "externship", 1,
				   "academic_leave", 0, "students", 42, "externship", away, "academic_leave");
	char *text = render_text(contingent_doc(report, LANG_KK), 1, "contingent-kk");
	assert_has(text, "Оқушылар контингенті: 01.11.2026 – 30.11.2026");
	assert_has(text, "01.10.2026");
	assert_has(text, "Сейітқали Әлихан Нұрұлы");
	assert_has(text, "117-Ө");
	assert_has(text, "Жоқ");
	free(text);
	text = render_text(contingent_doc(report, LANG_RU), 1, "contingent-ru");
	json_decref(report);
	assert_has(text, "Контингент учащихся");
	assert_has(text, "грант «Өркен»");
	free(text);
}

/* A template's {slots} take the values; a slot without one is a line to fill in. */
static void templates_fill_their_slots(void **state)
{
	(void)state;
	json_t *v = json_pack("{s:s, s:s}", "a", "Әлия", "empty", "");
	json_t *s = report_fill("{a} — {b}; {empty} {a}", v);
	assert_string_equal(json_string_value(s), "Әлия — " REPORT_BLANK "; " REPORT_BLANK " Әлия");
	json_decref(s);
	s = report_fill("{unclosed", v);
	assert_string_equal(json_string_value(s), "{unclosed");
	json_decref(s);
	json_decref(v);
}

/* A paragraph with "keep" starts a new page when the room it asks for is not left. */
static void pdf_layer_keeps_a_heading_with_what_follows(void **state)
{
	(void)state;
	for (int keep = 0; keep <= 1; keep++) {
		json_t *blocks = json_pack("[{s:s, s:f}, {s:s, s:s, s:f}, {s:s, s:s}]", "type", "space", "height", 700.0,
					   "type", "paragraph", "text", "Бөлімнің тақырыбы", "keep", keep ? 60.0 : 0.0,
					   "type", "paragraph", "text", "Бөлімнің мәтіні");
		char *text = render_text(blocks, 2, keep ? "keep" : "no-keep");
		char *ff = strchr(text, '\f');
		assert_non_null(ff);
		*ff = '\0';
		/* without keep the heading ends page 1; with it, it opens page 2 */
		if (keep)
			assert_null(strstr(text, "Бөлімнің тақырыбы"));
		else
			assert_non_null(strstr(text, "Бөлімнің тақырыбы"));
		assert_has(ff + 1, "Бөлімнің мәтіні");
		free(text);
	}
}

/* ELE-6: the title page of a draft in English (no review, not approved, one grade, the
 * author missing as a line to fill in), then the five parts in order. */
static void elective_programme_draft_in_english(void **state)
{
	(void)state;
	json_t *prog = json_pack("{s:{s:{s:s}, s:{s:s}, s:i, s:i, s:n, s:s}, s:s, s:n, s:s, s:s, "
				 "s:[{s:s, s:s, s:i, s:s}, {s:s, s:s, s:i, s:s}], s:[], s:n}",
				 "title_page", "school", "en", "NIS Astana", "course", "en", "Chess", "grade_from", 7,
				 "grade_to", 7, "author", "year", "2026", "explanatory_note", "Why chess.\nWhat for.",
				 "content", "recommendations", "Play.", "literature", "Capablanca.", "plan", "section",
				 "Openings", "topic", "The Italian game", "hours", 2, "form", "practice", "section", "Endings",
				 "topic", "Rook endings", "hours", 3, "form", "lecture", "reviews", "approval");
	char *text = render_text(elective_programme_doc(prog, LANG_EN), 2, "elective-draft");
	json_decref(prog);
	assert_has(text, "NIS Astana");
	assert_has(text, "ELECTIVE COURSE PROGRAMME");
	assert_has(text, "Programme for grade 7");
	assert_has(text, "Prepared by: " REPORT_BLANK);
	assert_has(text, "Not yet approved by the methodological association");
	assert_null(strstr(text, "REVIEWED"));
	const char *parts[] = {"1. Explanatory note", "What for.", "2. Thematic plan", "The Italian game", "Total 5",
			       "3. Course content", "4. Methodological recommendations", "5. Recommended literature"};
	const char *at = text;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		const char *next = strstr(at, parts[i]);
		if (!next)
			fail_msg("missing, or out of order: %s", parts[i]);
		at = next;
	}
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pdf_layer_tables_run_over_pages),
		cmocka_unit_test(pdf_layer_refuses_a_malformed_block),
		cmocka_unit_test(templates_fill_their_slots),
		cmocka_unit_test(pdf_layer_keeps_a_heading_with_what_follows),
		cmocka_unit_test(elective_programme_draft_in_english),
		cmocka_unit_test(every_application_in_kazakh_and_russian),
		cmocka_unit_test(every_order_in_kazakh_and_russian),
		cmocka_unit_test(documents_in_english),
		cmocka_unit_test(leave_order_copy_only_for_the_grant),
		cmocka_unit_test(schedule_with_empty_rows_and_with_data),
		cmocka_unit_test(contingent_report),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
