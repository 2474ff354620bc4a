/* journal — the rules of the electronic journal; see journal.h. */
#include "core/journal.h"

#include <string.h>

unsigned journal_lateness(struct date lesson, struct date today, int missed, int has_topic, int attendance_marked)
{
	if (missed || date_compare(lesson, today) >= 0)
		return 0;
	unsigned late = 0;
	if (!has_topic)
		late |= JOURNAL_LATE_TOPIC;
	if (!attendance_marked)
		late |= JOURNAL_LATE_ATTENDANCE;
	return late;
}

int journal_marks_allowed(struct date lesson, struct date today)
{
	return date_compare(lesson, today) <= 0;
}

int journal_locked(int term_closed, const char *unlock_until, const char *now)
{
	if (!term_closed)
		return 0;
	return !(unlock_until && *unlock_until && strcmp(unlock_until, now) > 0);
}

enum attendance_status attendance_status_from(const char *s)
{
	if (!s)
		return ATT_INVALID;
	if (strcmp(s, "present") == 0)
		return ATT_PRESENT;
	if (strcmp(s, "absent") == 0)
		return ATT_ABSENT;
	if (strcmp(s, "late") == 0)
		return ATT_LATE;
	return ATT_INVALID;
}

int attendance_reason_valid(enum attendance_status st, const char *reason)
{
	if (st == ATT_ABSENT)
		return reason && (strcmp(reason, "illness") == 0 || strcmp(reason, "excused") == 0 ||
				  strcmp(reason, "unexcused") == 0);
	return st != ATT_INVALID && reason == NULL;
}
