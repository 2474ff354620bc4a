/* assess — the marking model (ASM-1, ASM-2): term percentage and mark, year mark, and
 * the presets the network starts with. The rules are in assess.h and docs/assessment.md. */
#include "core/assess.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Percent bands of the five-point scale, grades 2–12 (design.md, "Facts from outside
 * the regulation"): 0–39 → 2, 40–64 → 3, 65–84 → 4, 85–100 → 5. */
static const struct assess_band five_point[] = {{0, 2}, {400, 3}, {650, 4}, {850, 5}};

/* The IB 1–7 scale as bands: the mark is the semester fraction × 7 rounded half up (at
 * least 1), so mark k starts at (k − 0.5) ÷ 7, here at one decimal rounded up. */
static const struct assess_band ib_seven[] = {{0, 1},   {215, 2}, {358, 3}, {500, 4},
					      {643, 5}, {786, 6}, {929, 7}};

static void set_bands(struct marking_model *m, const struct assess_band *b, size_t n)
{
	memcpy(m->bands, b, n * sizeof *b);
	m->nbands = n;
}

int assess_preset(const char *code, struct marking_model *out)
{
	memset(out, 0, sizeof *out);
	if (!code)
		return -1;
	snprintf(out->code, sizeof out->code, "%s", code);
	if (strcmp(code, "kz_25_25_50") == 0) {
		out->weights[ASSESS_FORMATIVE] = 25;
		out->weights[ASSESS_SECTION] = 25;
		out->weights[ASSESS_TERM] = 50;
		out->formative_max = 10;
		set_bands(out, five_point, sizeof five_point / sizeof *five_point);
		return 0;
	}
	if (strcmp(code, "kz_50_50") == 0) {
		out->weights[ASSESS_SECTION] = 50;
		out->weights[ASSESS_TERM] = 50;
		out->formative_max = 10;
		set_bands(out, five_point, sizeof five_point / sizeof *five_point);
		return 0;
	}
	if (strcmp(code, "ib_semester") == 0) {
		out->weights[ASSESS_FORMATIVE] = 50;
		out->weights[ASSESS_SECTION] = 25;
		out->weights[ASSESS_TERM] = 25;
		out->summative_pooled = 1;
		out->formative_max = 7;
		set_bands(out, ib_seven, sizeof ib_seven / sizeof *ib_seven);
		out->year_weights[0] = 40;
		out->year_weights[1] = 60;
		out->nyear_weights = 2;
		return 0;
	}
	memset(out, 0, sizeof *out);
	return -1;
}

int assess_model_valid(const struct marking_model *m, const char **field)
{
	int sum = 0;
	for (int p = 0; p < ASSESS_PARTS; p++) {
		if (m->weights[p] < 0 || m->weights[p] > 100) {
			*field = "weights";
			return -1;
		}
		sum += m->weights[p];
	}
	if (sum != 100) {
		*field = "weights";
		return -1;
	}
	if (m->formative_max < 1 || m->formative_max > 100) {
		*field = "formative_max";
		return -1;
	}
	if (m->nbands < 1 || m->nbands > ASSESS_MAX_BANDS || m->bands[0].from_tenths != 0) {
		*field = "bands";
		return -1;
	}
	for (size_t i = 0; i < m->nbands; i++) {
		if (m->bands[i].from_tenths < 0 || m->bands[i].from_tenths > 1000 || m->bands[i].mark < 0 ||
		    m->bands[i].mark > 100 || (i > 0 && m->bands[i].from_tenths <= m->bands[i - 1].from_tenths)) {
			*field = "bands";
			return -1;
		}
	}
	if (m->nyear_weights > ASSESS_MAX_TERMS) {
		*field = "year_weights";
		return -1;
	}
	for (size_t i = 0; i < m->nyear_weights; i++) {
		if (m->year_weights[i] < 1 || m->year_weights[i] > 100) {
			*field = "year_weights";
			return -1;
		}
	}
	return 0;
}

int assess_band_mark(const struct marking_model *m, int percent_tenths)
{
	int mark = m->nbands ? m->bands[0].mark : 0;
	for (size_t i = 0; i < m->nbands; i++)
		if (percent_tenths >= m->bands[i].from_tenths)
			mark = m->bands[i].mark;
	return mark;
}

/* A fraction in tenths of a percent, rounded half up. The small epsilon keeps an exact
 * half (64.95 % = 1299/20) from falling below its binary neighbour. */
static int tenths_of(double fraction)
{
	return (int)floor(fraction * 1000.0 + 0.5 + 1e-9);
}

static double clamp01(double x)
{
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

void assess_term(const struct marking_model *m, const struct term_figures *f, struct term_result *out)
{
	memset(out, 0, sizeof *out);
	double fraction[ASSESS_PARTS] = {0};
	int weight[ASSESS_PARTS] = {0};

	if (m->weights[ASSESS_FORMATIVE] > 0 && f->formative_count > 0 && m->formative_max > 0) {
		out->present[ASSESS_FORMATIVE] = 1;
		fraction[ASSESS_FORMATIVE] =
			clamp01((double)f->formative_sum / ((double)f->formative_count * m->formative_max));
		weight[ASSESS_FORMATIVE] = m->weights[ASSESS_FORMATIVE];
	}
	if (m->summative_pooled) {
		long max = (f->section_max > 0 ? f->section_max : 0) + (f->term_max > 0 ? f->term_max : 0);
		long pts = (f->section_max > 0 ? f->section_points : 0) + (f->term_max > 0 ? f->term_points : 0);
		int w = m->weights[ASSESS_SECTION] + m->weights[ASSESS_TERM];
		if (w > 0 && max > 0) {
			/* the pooled part is shown under SECTION */
			out->present[ASSESS_SECTION] = 1;
			fraction[ASSESS_SECTION] = clamp01((double)pts / (double)max);
			weight[ASSESS_SECTION] = w;
		}
	} else {
		if (m->weights[ASSESS_SECTION] > 0 && f->section_max > 0) {
			out->present[ASSESS_SECTION] = 1;
			fraction[ASSESS_SECTION] = clamp01((double)f->section_points / (double)f->section_max);
			weight[ASSESS_SECTION] = m->weights[ASSESS_SECTION];
		}
		if (m->weights[ASSESS_TERM] > 0 && f->term_max > 0) {
			out->present[ASSESS_TERM] = 1;
			fraction[ASSESS_TERM] = clamp01((double)f->term_points / (double)f->term_max);
			weight[ASSESS_TERM] = m->weights[ASSESS_TERM];
		}
	}

	int total = 0;
	for (int p = 0; p < ASSESS_PARTS; p++)
		total += weight[p];
	if (total == 0)
		return;
	double sum = 0;
	for (int p = 0; p < ASSESS_PARTS; p++) {
		if (!out->present[p])
			continue;
		sum += weight[p] * fraction[p];
		out->part_tenths[p] = tenths_of(fraction[p]);
		out->weight_used_tenths[p] = (int)floor(weight[p] * 1000.0 / total + 0.5);
	}
	out->has_result = 1;
	out->percent_tenths = tenths_of(sum / total);
	out->mark = assess_band_mark(m, out->percent_tenths);
}

int assess_year(const struct marking_model *m, const int *term_marks, const int *present, size_t n)
{
	int weighted = m->nyear_weights > 0 && m->nyear_weights == n;
	long num = 0, den = 0;
	for (size_t i = 0; i < n; i++) {
		if (!present[i])
			continue;
		long w = weighted ? m->year_weights[i] : 1;
		num += w * term_marks[i];
		den += w;
	}
	if (den == 0)
		return 0;
	/* half up: floor(num / den + 1/2) */
	return (int)((2 * num + den) / (2 * den));
}
