/* club — the rules of clubs; see club.h. */
#include "core/club.h"

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
