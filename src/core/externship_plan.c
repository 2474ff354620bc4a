/* externship_plan — the consultation schedule of A1 form 3 and its summative works
 * (EXT-13, EXT-15). core/externship_plan.h. */
#include "core/externship_plan.h"

#include <stdio.h>

static void add(struct movement_problem *out, size_t cap, size_t *n, const char *rule, const char *code,
		const char *field)
{
	if (*n < cap) {
		out[*n].rule = rule;
		out[*n].code = code;
		snprintf(out[*n].field, sizeof out[*n].field, "%s", field);
	}
	(*n)++;
}

static int within(struct date d, struct calendar_period p)
{
	return date_compare(d, p.starts_on) >= 0 && date_compare(d, p.ends_on) <= 0;
}

size_t plan_row_check(const struct plan_row *row, struct calendar_period period, struct calendar_period year,
		      struct date today, struct movement_problem *out, size_t cap)
{
	size_t n = 0;
	if (!within(row->consultation_on, period) || !within(row->consultation_on, year))
		add(out, cap, &n, "EXT-13", "consultation_outside_period", "consultation_on");
	if (row->work_sent_on.y && date_compare(row->work_sent_on, today) > 0)
		add(out, cap, &n, "EXT-15", "date_in_future", "work_sent_on");
	if (row->work_received_on.y && date_compare(row->work_received_on, today) > 0)
		add(out, cap, &n, "EXT-15", "date_in_future", "work_received_on");
	if (row->work_received_on.y &&
	    (!row->work_sent_on.y || date_compare(row->work_received_on, row->work_sent_on) < 0))
		add(out, cap, &n, "EXT-15", "work_received_before_sent", "work_received_on");
	return n;
}

/* The day a subject's DEADLINE_QUARTER_WORKS-th work of the quarter came back (the
 * third earliest return), or {0} when fewer came back. */
static struct date third_back(const struct plan_row *rows, size_t n, int64_t subject, struct calendar_period q)
{
	struct date earliest[DEADLINE_QUARTER_WORKS]; /* ascending */
	size_t have = 0;
	for (size_t i = 0; i < n; i++) {
		const struct plan_row *r = &rows[i];
		if (r->subject_id != subject || !within(r->consultation_on, q) || !r->work_received_on.y)
			continue;
		/* insert r's day, keeping the DEADLINE_QUARTER_WORKS earliest */
		size_t k = have;
		if (have == DEADLINE_QUARTER_WORKS) {
			if (date_compare(r->work_received_on, earliest[have - 1]) >= 0)
				continue;
			k = have - 1;
		} else {
			have++;
		}
		for (; k > 0 && date_compare(earliest[k - 1], r->work_received_on) > 0; k--)
			earliest[k] = earliest[k - 1];
		earliest[k] = r->work_received_on;
	}
	return have == DEADLINE_QUARTER_WORKS ? earliest[have - 1] : (struct date){0};
}

struct plan_quarter plan_quarter_works(const struct plan_row *rows, size_t n, struct calendar_period quarter)
{
	struct plan_quarter out = {0};
	struct date last = {0};
	for (size_t i = 0; i < n; i++) {
		size_t j;
		for (j = 0; j < i && rows[j].subject_id != rows[i].subject_id; j++)
			;
		if (j < i)
			continue; /* the subject was counted at its first row */
		out.subjects++;
		struct date d = third_back(rows, n, rows[i].subject_id, quarter);
		if (!d.y)
			continue;
		out.complete++;
		if (!last.y || date_compare(d, last) > 0)
			last = d;
	}
	if (out.subjects && out.complete == out.subjects)
		out.done = (struct deadline_mark){.done = 1, .on = last};
	return out;
}
