/* Unit tests of src/core/journal.c: the lateness of a lesson (JRN-2 topic, JRN-4
 * roll) on both sides of its day, a missed lesson never late; marks not before the
 * lesson's day; the lock of a closed term and the deputy's unlock on both sides of its
 * end; attendance statuses and reasons. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/journal.h"

static const struct date day = {2026, 11, 20};
static const struct date next_day = {2026, 11, 21};

/* JRN-2: a topic not filled is late from the day after the lesson, not on its day. */
static void jrn2_topic_late_from_the_next_day(void **state)
{
	(void)state;
	assert_int_equal(journal_lateness(day, day, 0, 0, 1), 0);
	assert_int_equal(journal_lateness(day, next_day, 0, 0, 1), JOURNAL_LATE_TOPIC);
	assert_int_equal(journal_lateness(day, next_day, 0, 1, 1), 0);
	/* a lesson in the future is not late */
	assert_int_equal(journal_lateness(next_day, day, 0, 0, 0), 0);
}

/* JRN-4: a roll not taken is late too; both reasons together. */
static void jrn4_attendance_not_marked_is_late(void **state)
{
	(void)state;
	assert_int_equal(journal_lateness(day, next_day, 0, 1, 0), JOURNAL_LATE_ATTENDANCE);
	assert_int_equal(journal_lateness(day, next_day, 0, 0, 0), JOURNAL_LATE_TOPIC | JOURNAL_LATE_ATTENDANCE);
}

/* JRN-1: a lesson recorded as not held is never late. */
static void jrn1_missed_lesson_not_late(void **state)
{
	(void)state;
	assert_int_equal(journal_lateness(day, next_day, 1, 0, 0), 0);
}

/* A roll and marks from the lesson's day on, not before. */
static void marks_not_before_the_lesson(void **state)
{
	(void)state;
	assert_true(journal_marks_allowed(day, day));
	assert_true(journal_marks_allowed(day, next_day));
	assert_false(journal_marks_allowed(next_day, day));
}

/* The lock: open term writable; closed term refused unless an unlock runs past now. */
static void closed_term_locked_unless_unlocked(void **state)
{
	(void)state;
	const char *now = "2026-11-26T10:00:00Z";
	assert_false(journal_locked(0, NULL, now));
	assert_true(journal_locked(1, NULL, now));
	assert_true(journal_locked(1, "", now));
	assert_false(journal_locked(1, "2026-11-26T10:00:01Z", now));
	assert_true(journal_locked(1, "2026-11-26T10:00:00Z", now)); /* ended this second */
	assert_true(journal_locked(1, "2026-11-25T23:59:59Z", now));
}

static void attendance_statuses_and_reasons(void **state)
{
	(void)state;
	assert_int_equal(attendance_status_from("present"), ATT_PRESENT);
	assert_int_equal(attendance_status_from("absent"), ATT_ABSENT);
	assert_int_equal(attendance_status_from("late"), ATT_LATE);
	assert_int_equal(attendance_status_from("gone"), ATT_INVALID);
	assert_int_equal(attendance_status_from(NULL), ATT_INVALID);
	assert_true(attendance_reason_valid(ATT_ABSENT, "illness"));
	assert_true(attendance_reason_valid(ATT_ABSENT, "excused"));
	assert_true(attendance_reason_valid(ATT_ABSENT, "unexcused"));
	assert_false(attendance_reason_valid(ATT_ABSENT, NULL));
	assert_false(attendance_reason_valid(ATT_ABSENT, "holiday"));
	assert_true(attendance_reason_valid(ATT_LATE, NULL));
	assert_false(attendance_reason_valid(ATT_LATE, "illness"));
	assert_true(attendance_reason_valid(ATT_PRESENT, NULL));
	assert_false(attendance_reason_valid(ATT_INVALID, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(jrn2_topic_late_from_the_next_day),
		cmocka_unit_test(jrn4_attendance_not_marked_is_late),
		cmocka_unit_test(jrn1_missed_lesson_not_late),
		cmocka_unit_test(marks_not_before_the_lesson),
		cmocka_unit_test(closed_term_locked_unless_unlocked),
		cmocka_unit_test(attendance_statuses_and_reasons),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
