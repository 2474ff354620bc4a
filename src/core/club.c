/* club — the rules of clubs; see club.h. */
#include "core/club.h"

#include "core/date.h"
#include "core/elective.h"

int club_join_allowed(int sports_section, int has_certificate_for_sport)
{
	return !sports_section || has_certificate_for_sport;
}

int club_session_after_lessons(struct club_interval session, const struct club_interval *lessons, int n)
{
	for (int i = 0; i < n; i++)
		if (session.start < lessons[i].end)
			return 0;
	return 1;
}

int club_recruitment_open(struct date day, struct date year_start)
{
	/* a year already begun recruits through the year (CLB-2: members change during it) */
	if (date_compare(day, year_start) >= 0)
		return 1;
	return !elective_after_june_deadline(day, year_start);
}

int club_certificate_valid(struct date day, struct date issued, struct date valid_until)
{
	return date_compare(issued, day) <= 0 && date_compare(day, valid_until) <= 0;
}

int club_minutes(const char *t)
{
	if (!t || t[0] < '0' || t[0] > '9' || t[1] < '0' || t[1] > '9' || t[2] != ':' || t[3] < '0' || t[3] > '9' ||
	    t[4] < '0' || t[4] > '9' || t[5])
		return -1;
	int h = (t[0] - '0') * 10 + t[1] - '0', m = (t[3] - '0') * 10 + t[4] - '0';
	return h < 24 && m < 60 ? h * 60 + m : -1;
}

struct club_progress club_progress_of(int planned, int held)
{
	struct club_progress p = {planned, held, 100};
	if (planned > 0)
		p.percent = held * 100 / planned;
	else if (held == 0)
		p.percent = 100;
	return p;
}
