/* Unit tests of src/core/assess.c: the marking model of ASM-2 — both sides of every
 * band of the five-point scale, the rounding of the percentage to one decimal, parts
 * missing (weights scaled up), no part at all, the 50/50 preset, the IB semester preset
 * (pooled summative, 1–7 bands, 40/60 year), the year mark's half-up rounding, and the
 * checks a model edited by the network office must pass. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/assess.h"

static struct marking_model preset(const char *code)
{
	struct marking_model m;
	assert_int_equal(assess_preset(code, &m), 0);
	return m;
}

/* The result of a term with only section works: points of max. */
static struct term_result section_only(const struct marking_model *m, long points, long max)
{
	struct term_figures f = {.section_points = points, .section_max = max};
	struct term_result r;
	assess_term(m, &f, &r);
	return r;
}

/* ASM-2: 0–39 % → 2, 40–64 → 3, 65–84 → 4, 85–100 → 5, on both sides of each bound. */
static void asm2_five_point_bands_both_sides(void **state)
{
	(void)state;
	struct marking_model m = preset("kz_25_25_50");
	struct {
		long points, max;
		int tenths, mark;
	} cases[] = {
		{0, 100, 0, 2},       {399, 1000, 399, 2}, {400, 1000, 400, 3}, {649, 1000, 649, 3},
		{650, 1000, 650, 4},  {849, 1000, 849, 4}, {850, 1000, 850, 5}, {1000, 1000, 1000, 5},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct term_result r = section_only(&m, cases[i].points, cases[i].max);
		assert_true(r.has_result);
		assert_int_equal(r.percent_tenths, cases[i].tenths);
		assert_int_equal(r.mark, cases[i].mark);
	}
}

/* ASM-2: the percentage is rounded half up to one decimal before the band is taken:
 * 39.95 % is 40.0 % (mark 3), 39.94 % is 39.9 % (mark 2); 64.95 → 65.0 (4). */
static void asm2_percentage_rounded_to_one_decimal(void **state)
{
	(void)state;
	struct marking_model m = preset("kz_25_25_50");
	struct term_result r = section_only(&m, 799, 2000);
	assert_int_equal(r.percent_tenths, 400);
	assert_int_equal(r.mark, 3);
	r = section_only(&m, 3994, 10000);
	assert_int_equal(r.percent_tenths, 399);
	assert_int_equal(r.mark, 2);
	r = section_only(&m, 1299, 2000);
	assert_int_equal(r.percent_tenths, 650);
	assert_int_equal(r.mark, 4);
	r = section_only(&m, 1689, 2000); /* 84.45 → 84.5: still 4 */
	assert_int_equal(r.percent_tenths, 845);
	assert_int_equal(r.mark, 4);
}

/* ASM-2 default 25/25/50 with all three parts: formative mean 7 of 10 (70 %), sections
 * 30 of 40 (75 %), term 18 of 25 (72 %) → 17.5 + 18.75 + 36 = 72.25 → 72.3 % → 4. */
static void asm2_three_parts_weighted(void **state)
{
	(void)state;
	struct marking_model m = preset("kz_25_25_50");
	struct term_figures f = {.formative_sum = 21, .formative_count = 3, .section_points = 30,
				 .section_max = 40, .term_points = 18, .term_max = 25};
	struct term_result r;
	assess_term(&m, &f, &r);
	assert_true(r.has_result);
	assert_int_equal(r.part_tenths[ASSESS_FORMATIVE], 700);
	assert_int_equal(r.part_tenths[ASSESS_SECTION], 750);
	assert_int_equal(r.part_tenths[ASSESS_TERM], 720);
	assert_int_equal(r.weight_used_tenths[ASSESS_TERM], 500);
	assert_int_equal(r.percent_tenths, 723);
	assert_int_equal(r.mark, 4);
}

/* ASM-2, missing works: no term work yet → the formative and section weights (25, 25)
 * are scaled up to 50 / 50: (70 + 75) / 2 = 72.5 %. */
static void asm2_missing_part_scales_weights(void **state)
{
	(void)state;
	struct marking_model m = preset("kz_25_25_50");
	struct term_figures f = {.formative_sum = 21, .formative_count = 3, .section_points = 30,
				 .section_max = 40};
	struct term_result r;
	assess_term(&m, &f, &r);
	assert_true(r.present[ASSESS_FORMATIVE] && r.present[ASSESS_SECTION]);
	assert_false(r.present[ASSESS_TERM]);
	assert_int_equal(r.weight_used_tenths[ASSESS_FORMATIVE], 500);
	assert_int_equal(r.weight_used_tenths[ASSESS_SECTION], 500);
	assert_int_equal(r.percent_tenths, 725);
	assert_int_equal(r.mark, 4);
}

/* ASM-2: nothing at all in the term → no result, no mark. */
static void asm2_no_part_no_result(void **state)
{
	(void)state;
	struct marking_model m = preset("kz_25_25_50");
	struct term_figures f = {0};
	struct term_result r;
	assess_term(&m, &f, &r);
	assert_false(r.has_result);
	assert_int_equal(r.mark, 0);
}

/* ASM-2 preset 50/50: formative marks do not count; only sections and the term work. */
static void asm2_fifty_fifty_ignores_formative(void **state)
{
	(void)state;
	struct marking_model m = preset("kz_50_50");
	struct term_figures f = {.formative_sum = 10, .formative_count = 1, .section_points = 8,
				 .section_max = 20, .term_points = 10, .term_max = 20};
	struct term_result r;
	assess_term(&m, &f, &r);
	assert_false(r.present[ASSESS_FORMATIVE]);
	assert_int_equal(r.percent_tenths, 450); /* (40 + 50) / 2 */
	assert_int_equal(r.mark, 3);
	/* formative only → no result under 50/50 */
	struct term_figures g = {.formative_sum = 10, .formative_count = 1};
	assess_term(&m, &g, &r);
	assert_false(r.has_result);
}

/* ASM-2 IB preset: 50 % formative (1–7) + 50 % summative pooled; mark on the 1–7 scale
 * = fraction × 7 rounded half up: bounds at 21.5 %, 35.8 %, 50 %, 64.3 %, 78.6 %, 92.9 %. */
static void asm2_ib_semester_preset(void **state)
{
	(void)state;
	struct marking_model m = preset("ib_semester");
	/* formative 7 of 7 (100 %), sections 10/20 and term 10/20 → summative 50 % → 75 %
	 * → 5.25 → 5 */
	struct term_figures f = {.formative_sum = 7, .formative_count = 1, .section_points = 10,
				 .section_max = 20, .term_points = 10, .term_max = 20};
	struct term_result r;
	assess_term(&m, &f, &r);
	assert_int_equal(r.percent_tenths, 750);
	assert_int_equal(r.mark, 5);
	assert_int_equal(r.part_tenths[ASSESS_SECTION], 500);
	int bounds[][2] = {{214, 1}, {215, 2}, {357, 2}, {358, 3}, {499, 3}, {500, 4},
			   {642, 4}, {643, 5}, {785, 5}, {786, 6}, {928, 6}, {929, 7}};
	for (size_t i = 0; i < sizeof bounds / sizeof *bounds; i++)
		assert_int_equal(assess_band_mark(&m, bounds[i][0]), bounds[i][1]);
}

/* ASM-2 year mark: mean of the term marks rounded half up; terms without a mark skipped. */
static void asm2_year_mean_half_up(void **state)
{
	(void)state;
	struct marking_model m = preset("kz_25_25_50");
	int all[] = {1, 1, 1, 1};
	int a[] = {4, 4, 5, 5}; /* 4.5 → 5 */
	assert_int_equal(assess_year(&m, a, all, 4), 5);
	int b[] = {4, 4, 4, 5}; /* 4.25 → 4 */
	assert_int_equal(assess_year(&m, b, all, 4), 4);
	int c[] = {3, 4, 4, 0}; /* 3.67 → 4, the fourth term has no mark */
	int cp[] = {1, 1, 1, 0};
	assert_int_equal(assess_year(&m, c, cp, 4), 4);
	int none[] = {0, 0, 0, 0};
	assert_int_equal(assess_year(&m, c, none, 4), 0);
}

/* ASM-2 IB year: 40 % semester 1 + 60 % semester 2, half up. */
static void asm2_ib_year_weighted(void **state)
{
	(void)state;
	struct marking_model m = preset("ib_semester");
	int all[] = {1, 1};
	int a[] = {5, 6}; /* 5.6 → 6 */
	assert_int_equal(assess_year(&m, a, all, 2), 6);
	int b[] = {6, 5}; /* 5.4 → 5 */
	assert_int_equal(assess_year(&m, b, all, 2), 5);
	int c[] = {7, 0}; /* only semester 1 */
	int cp[] = {1, 0};
	assert_int_equal(assess_year(&m, c, cp, 2), 7);
}

/* A model the network office edits: weights summing to 100, bands ascending from 0. */
static void asm2_model_checks(void **state)
{
	(void)state;
	const char *field = NULL;
	struct marking_model m = preset("kz_25_25_50");
	assert_int_equal(assess_model_valid(&m, &field), 0);
	m.weights[ASSESS_TERM] = 40;
	assert_int_equal(assess_model_valid(&m, &field), -1);
	assert_string_equal(field, "weights");
	m = preset("kz_25_25_50");
	m.bands[2].from_tenths = 300; /* below the band before it */
	assert_int_equal(assess_model_valid(&m, &field), -1);
	assert_string_equal(field, "bands");
	m = preset("kz_25_25_50");
	m.bands[0].from_tenths = 10;
	assert_int_equal(assess_model_valid(&m, &field), -1);
	m = preset("kz_25_25_50");
	m.formative_max = 0;
	assert_int_equal(assess_model_valid(&m, &field), -1);
	assert_string_equal(field, "formative_max");
	assert_int_equal(assess_preset("no_such", &m), -1);
	assert_int_equal(assess_model_valid(&(struct marking_model){0}, &field), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(asm2_five_point_bands_both_sides),
		cmocka_unit_test(asm2_percentage_rounded_to_one_decimal),
		cmocka_unit_test(asm2_three_parts_weighted),
		cmocka_unit_test(asm2_missing_part_scales_weights),
		cmocka_unit_test(asm2_no_part_no_result),
		cmocka_unit_test(asm2_fifty_fifty_ignores_formative),
		cmocka_unit_test(asm2_ib_semester_preset),
		cmocka_unit_test(asm2_year_mean_half_up),
		cmocka_unit_test(asm2_ib_year_weighted),
		cmocka_unit_test(asm2_model_checks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
