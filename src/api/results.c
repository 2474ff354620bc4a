/* results (api) — a term result as JSON; see results.h. */
#include "api/results.h"

static long figure(json_t *obj, const char *key)
{
	return (long)json_integer_value(json_object_get(obj, key));
}

void results_figures(json_t *obj, struct term_figures *out)
{
	out->formative_sum = figure(obj, "formative_sum");
	out->formative_count = (int)figure(obj, "formative_count");
	out->section_points = figure(obj, "section_points");
	out->section_max = figure(obj, "section_max");
	out->term_points = figure(obj, "term_points");
	out->term_max = figure(obj, "term_max");
}

json_t *results_term_json(const struct marking_model *m, const struct term_figures *f)
{
	struct term_result r;
	assess_term(m, f, &r);
	static const char *const names[ASSESS_PARTS] = {"formative", "section", "term"};
	json_t *parts = json_object();
	for (int p = 0; p < ASSESS_PARTS; p++) {
		if (!r.present[p])
			continue;
		const char *name = p == ASSESS_SECTION && m->summative_pooled ? "summative" : names[p];
		json_object_set_new(parts, name, json_pack("{s:f, s:f}", "percent", r.part_tenths[p] / 10.0, "weight",
							   r.weight_used_tenths[p] / 10.0));
	}
	json_t *figures = json_pack("{s:I, s:i, s:I, s:I, s:I, s:I}", "formative_sum", (json_int_t)f->formative_sum,
				    "formative_count", f->formative_count, "section_points", (json_int_t)f->section_points,
				    "section_max", (json_int_t)f->section_max, "term_points", (json_int_t)f->term_points,
				    "term_max", (json_int_t)f->term_max);
	return json_pack("{s:o, s:o, s:o, s:o}", "percent", r.has_result ? json_real(r.percent_tenths / 10.0) : json_null(),
			 "mark", r.has_result ? json_integer(r.mark) : json_null(), "parts", parts, "figures", figures);
}
