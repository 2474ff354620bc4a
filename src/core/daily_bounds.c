/* daily_bounds — the check and the default of a grade's daily minimum and maximum of
 * lessons (TT-1; see daily_bounds.h). */
#include "core/daily_bounds.h"

static void add(struct daily_bounds_problem *out, size_t cap, size_t *n, const char *code, const char *field)
{
	if (*n < cap)
		out[*n] = (struct daily_bounds_problem){code, field};
	(*n)++;
}

size_t daily_bounds_check(struct daily_bounds b, int weekly_hours, int days, int periods,
			  struct daily_bounds_problem *out, size_t cap)
{
	size_t n = 0;
	if (b.min < 1)
		add(out, cap, &n, "daily_min_below_one", "min_daily");
	if (b.min > b.max)
		add(out, cap, &n, "daily_min_above_max", "min_daily");
	if (b.max > periods)
		add(out, cap, &n, "daily_max_above_periods", "max_daily");
	if ((long)b.min * days > weekly_hours)
		add(out, cap, &n, "daily_min_exceeds_week", "min_daily");
	if ((long)b.max * days < weekly_hours)
		add(out, cap, &n, "daily_max_below_week", "max_daily");
	return n;
}

struct daily_bounds daily_bounds_default(int fewest, int most, int days, int periods)
{
	struct daily_bounds b = {0, periods};
	if (days <= 0 || most <= 0)
		return b;
	b.min = fewest / days - 1;
	if (b.min < 1)
		b.min = fewest >= days ? 1 : 0;
	b.max = (most + days - 1) / days + 1;
	if (b.max > periods)
		b.max = periods;
	return b;
}
