/* words (report) — the headings and code words the reports share in kk, ru and en: the
 * contingent report's columns and sheets and the words of its codes (languages of
 * instruction, funding), one table for the spreadsheet (xlsx.c) and the PDF
 * (contingent_doc.c), the date as papers write it, and the documents' templates with
 * their {slots} filled. */
#ifndef MEKTEP_REPORT_WORDS_H
#define MEKTEP_REPORT_WORDS_H

#include <jansson.h>

#include "core/lang.h"

/* What a value missing from a document prints: a line to fill in by hand. */
#define REPORT_BLANK "____________"

enum report_word {
	W_SHEET_COUNTS, W_SHEET_EXT, W_SHEET_LEAVE, W_TITLE, W_SCHOOL, W_GRADE, W_LANGUAGE, W_FUNDING, W_STUDYING,
	W_EXTERNSHIP, W_LEAVE, W_STUDENT, W_CLASS, W_FROM, W_TO, W_ORDER_NO, W_ORDER_DATE, W_TOTAL, W_PERIOD,
	W_NONE, W_COUNT
};

/* The heading in `l` (Kazakh for a language out of range). */
const char *report_word(enum report_word w, enum lang l);
/* The word of a code the reports carry ("kk", "ru" as languages of instruction,
 * "orken", "state_order", "paid" as funding); the code itself when unknown, "" for NULL. */
const char *report_code_word(const char *code, enum lang l);

/* 'YYYY-MM-DD' as 'DD.MM.YYYY', the way office papers date; "" for NULL or a shorter
 * text. */
void report_date(const char *iso, char out[16]);

/* The template with its {slots} filled from the strings of `values` (a JSON object); a
 * slot without a value prints REPORT_BLANK. A new JSON string. */
json_t *report_fill(const char *tmpl, json_t *values);

#endif
