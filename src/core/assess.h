/* assess — the marking model of criteria-based assessment (ASM-1, ASM-2): a term's
 * formative marks and summative works → the term percentage and mark; the term marks →
 * the year mark. The model is data (docs/assessment.md): the weights of the three parts,
 * the scale of formative marks, the bands from percentage to mark and how term marks
 * make the year mark. The network office edits it; presets ship for the usual 25/25/50,
 * the older 50/50 and NIS's IB semester model.
 *
 * Rules (docs/assessment.md says the same in prose):
 *  - a part's fraction: formative = mean of the marks ÷ formative_max; a summative part =
 *    points obtained ÷ points possible over the term's works of that kind;
 *  - a part without any mark or work is missing: the weights of the parts present are
 *    scaled up proportionally; no part present → no result;
 *  - percentage = Σ weight × fraction ÷ Σ weight × 100, rounded half up to one decimal;
 *    the mark is that of the highest band whose lower bound the rounded percentage
 *    reaches;
 *  - year mark = mean of the term marks present, or the weighted mean when the model
 *    gives one weight per term, rounded half up (.5 goes up).
 * Pure: no I/O, no clock. */
#ifndef MEKTEP_CORE_ASSESS_H
#define MEKTEP_CORE_ASSESS_H

#include <stddef.h>

enum assess_part { ASSESS_FORMATIVE, ASSESS_SECTION, ASSESS_TERM, ASSESS_PARTS };

#define ASSESS_MAX_BANDS 12
#define ASSESS_MAX_TERMS 8

/* A band: a percentage from which a mark is given (percent with one decimal, as
 * tenths: 400 = 40.0 %). */
struct assess_band {
	int from_tenths;
	int mark;
};

struct marking_model {
	char code[32];
	int weights[ASSESS_PARTS]; /* percent; 0: the part is not used */
	int summative_pooled;      /* 1: section and term works make one summative part
				      weighing weights[SECTION] + weights[TERM] */
	int formative_max;         /* the top formative mark: 10, or 7 on the IB scale */
	struct assess_band bands[ASSESS_MAX_BANDS]; /* ascending by from_tenths, first at 0 */
	size_t nbands;
	int year_weights[ASSESS_MAX_TERMS]; /* one per term; none: the plain mean */
	size_t nyear_weights;
};

/* What a student has in one term of one subject. */
struct term_figures {
	long formative_sum;   /* the sum of the formative marks */
	int formative_count;  /* how many */
	long section_points, section_max; /* summative works for a section (СОР / БЖБ) */
	long term_points, term_max;       /* summative works for the term (СОЧ / ТЖБ) */
};

struct term_result {
	int has_result;                 /* 0: no part present, no mark */
	int percent_tenths;             /* the rounded percentage, in tenths */
	int mark;
	int present[ASSESS_PARTS];      /* which parts counted */
	int part_tenths[ASSESS_PARTS];  /* each part's own percentage, tenths (shown) */
	int weight_used_tenths[ASSESS_PARTS]; /* the weights after scaling, tenths of % */
};

/* The built-in presets: "kz_25_25_50" (the default), "kz_50_50", "ib_semester".
 * Returns 0, or -1 for an unknown code. */
int assess_preset(const char *code, struct marking_model *out);

/* Checks a model: weights 0..100 summing to 100 over used parts, formative_max 1..100,
 * bands ascending from 0 with marks, year weights positive. Returns 0 or -1, with
 * *field naming what is wrong. */
int assess_model_valid(const struct marking_model *m, const char **field);

/* The mark of a rounded percentage (tenths) under m's bands. */
int assess_band_mark(const struct marking_model *m, int percent_tenths);

/* A term's result. A figure out of range (negative, points above the maximum, a mark
 * above formative_max on average) is clamped to the part's bounds. */
void assess_term(const struct marking_model *m, const struct term_figures *f, struct term_result *out);

/* The year mark from term marks term_marks[0..n) of which present[i] say which exist.
 * Returns the mark, or 0 when no term has a mark. */
int assess_year(const struct marking_model *m, const int *term_marks, const int *present, size_t n);

#endif
