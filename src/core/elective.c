/* elective — the rules of elective courses; see elective.h. */
#include "core/elective.h"

#include <string.h>

struct elective_thresholds elective_thresholds_default(void)
{
	return (struct elective_thresholds){
		.pass_attendance_percent = 80,
		.pass_attendance_percent_switched = 65,
		.split_at = 17,
		.second_language_min = 12,
	};
}

void elective_result(const struct elective_thresholds *t, int test_work_done, int attended, int held, int switched,
		     struct elective_result *out)
{
	memset(out, 0, sizeof *out);
	out->test_work_done = test_work_done != 0;
	out->attended = attended < 0 ? 0 : attended;
	out->held = held < 0 ? 0 : held;
	if (out->attended > out->held)
		out->attended = out->held;
	out->required_percent = switched ? t->pass_attendance_percent_switched : t->pass_attendance_percent;
	if (out->held == 0)
		return;
	out->percent_tenths = (int)((long)out->attended * 1000 / out->held);
	int enough = (long)out->attended * 100 >= (long)out->required_percent * out->held;
	out->attendance_short = !enough;
	out->passed = enough && out->test_work_done;
}

enum elective_group_size elective_group_size(const struct elective_thresholds *t, int members, int second_language)
{
	if (second_language && members < t->second_language_min)
		return ELECTIVE_GROUP_TOO_SMALL;
	if (members >= t->split_at)
		return ELECTIVE_GROUP_SPLIT;
	return ELECTIVE_GROUP_OK;
}

int elective_load_allowed(int load_now, int hours, int grade_max)
{
	return hours >= 0 && load_now + hours <= grade_max;
}

struct date elective_june_deadline(struct date year_start)
{
	/* the 30 June on or before the year's start: a year starting on 1 September 2027
	 * is prepared by 30 June 2027 */
	struct date d = {year_start.y, 6, 30};
	if (date_compare(d, year_start) > 0)
		d.y--;
	return d;
}

int elective_after_june_deadline(struct date day, struct date year_start)
{
	return date_compare(day, elective_june_deadline(year_start)) > 0;
}
