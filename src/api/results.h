/* results (api) — a term result as the API shows it (ASM-2): the figures a student has
 * in a subject and term, run through the school's marking model (core/assess.h), with
 * every part's percentage and weight so the user sees what the mark came from. */
#ifndef MEKTEP_API_RESULTS_H
#define MEKTEP_API_RESULTS_H

#include <jansson.h>

#include "core/assess.h"

/* The figures of a JSON object {"formative_sum","formative_count","section_points",
 * "section_max","term_points","term_max"} (missing keys are 0). */
void results_figures(json_t *obj, struct term_figures *out);

/* {"percent": n.n | null, "mark": n | null, "parts": {"formative"|"section"|"term":
 * {"percent","weight"}} (only parts present; the pooled summative of the IB model is
 * "summative"), "figures": {…}} for figures f under model m. */
json_t *results_term_json(const struct marking_model *m, const struct term_figures *f);

#endif
