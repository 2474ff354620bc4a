/* Unit tests of src/core/ktp.c: laying the КТЖ over the dated lessons (CUR-10) — a
 * topic of N hours takes N lessons in date and period order; exactly as many hours as
 * lessons, and one more (not placed); lessons beyond the topics; a pinned (moved)
 * topic kept with its other hours after it, the rest flowing around it; the topics a
 * КТЖ saved again keeps (ktp_match). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/ktp.h"

/* n lessons with ids 1..n, two a day (periods 2 and 5) from 1 September, given in
 * reverse so the function has to sort them. */
static void lessons(struct ktp_lesson *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct ktp_lesson *x = &l[n - 1 - i];
		memset(x, 0, sizeof *x);
		x->id = (int64_t)i + 1;
		snprintf(x->date, sizeof x->date, "2026-09-%02d", (int)(i / 2) + 1);
		x->period = i % 2 ? 5 : 2;
	}
}

/* The topic of lesson id `id` after a lay. */
static int64_t topic_of(const struct ktp_lesson *l, const struct ktp_slot *out, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (l[i].id == id)
			return out[i].topic_id;
	return -1;
}

static void cur10_exactly_as_many_hours_as_lessons(void **state)
{
	struct ktp_topic t[] = {{10, 2}, {20, 3}, {30, 1}};
	struct ktp_lesson l[6];
	struct ktp_slot out[6];
	int placed[3];
	lessons(l, 6);
	assert_int_equal(ktp_lay(t, 3, l, 6, out, placed), 0);
	const int64_t want[] = {10, 10, 20, 20, 20, 30};
	for (int id = 1; id <= 6; id++)
		assert_int_equal(topic_of(l, out, 6, id), want[id - 1]);
	assert_int_equal(placed[0], 2);
	assert_int_equal(placed[1], 3);
	assert_int_equal(placed[2], 1);
}

static void cur10_one_hour_more_than_lessons_is_not_placed(void **state)
{
	struct ktp_topic t[] = {{10, 2}, {20, 3}, {30, 2}};
	struct ktp_lesson l[6];
	struct ktp_slot out[6];
	int placed[3];
	lessons(l, 6);
	assert_int_equal(ktp_lay(t, 3, l, 6, out, placed), 0);
	assert_int_equal(topic_of(l, out, 6, 6), 30);
	assert_int_equal(placed[2], 1); /* one hour of the last topic has no lesson */
	struct ktp_topic more[] = {{10, 6}, {20, 1}};
	int p2[2];
	assert_int_equal(ktp_lay(more, 2, l, 6, out, p2), 0);
	assert_int_equal(p2[0], 6);
	assert_int_equal(p2[1], 0); /* a whole topic beyond the lessons */
}

static void cur10_lessons_beyond_the_topics_stay_free(void **state)
{
	struct ktp_topic t[] = {{10, 2}, {20, 3}};
	struct ktp_lesson l[6];
	struct ktp_slot out[6];
	lessons(l, 6);
	assert_int_equal(ktp_lay(t, 2, l, 6, out, NULL), 0);
	assert_int_equal(topic_of(l, out, 6, 5), 20);
	assert_int_equal(topic_of(l, out, 6, 6), 0);
	/* one lesson fewer than hours (5 lessons, 5 hours): every lesson taken, nothing left */
	assert_int_equal(ktp_lay(t, 2, l + 1, 5, out, NULL), 0);
	for (size_t i = 0; i < 5; i++)
		assert_true(out[i].topic_id != 0);
	/* no topics: no lesson gets one; no lessons: nothing placed */
	assert_int_equal(ktp_lay(t, 0, l, 6, out, NULL), 0);
	assert_int_equal(topic_of(l, out, 6, 1), 0);
	int placed[2] = {9, 9};
	assert_int_equal(ktp_lay(t, 2, l, 0, out, placed), 0);
	assert_int_equal(placed[0], 0);
}

static void cur10_a_pinned_topic_is_kept_and_the_rest_flow_around(void **state)
{
	/* five topics of 1 hour and one of 2; topic 50 moved to the 2nd lesson */
	struct ktp_topic t[] = {{10, 1}, {20, 1}, {30, 1}, {40, 1}, {50, 2}, {60, 1}};
	struct ktp_lesson l[8];
	struct ktp_slot out[8];
	int placed[6];
	lessons(l, 8);
	for (size_t i = 0; i < 8; i++)
		if (l[i].id == 2)
			l[i].pinned_topic = 50;
	assert_int_equal(ktp_lay(t, 6, l, 8, out, placed), 0);
	const int64_t want[] = {10, 50, 50, 20, 30, 40, 60, 0};
	for (int id = 1; id <= 8; id++)
		assert_int_equal(topic_of(l, out, 8, id), want[id - 1]);
	for (size_t i = 0; i < 8; i++)
		assert_int_equal(out[i].pinned, l[i].id == 2);
	assert_int_equal(placed[4], 2);
	/* a topic moved later: topic 10 pinned to lesson 4; its place goes to the next */
	for (size_t i = 0; i < 8; i++)
		l[i].pinned_topic = l[i].id == 4 ? 10 : 0;
	assert_int_equal(ktp_lay(t, 6, l, 8, out, placed), 0);
	const int64_t later[] = {20, 30, 40, 10, 50, 50, 60, 0};
	for (int id = 1; id <= 8; id++)
		assert_int_equal(topic_of(l, out, 8, id), later[id - 1]);
	/* a pinned topic's hours at the end: the hour after the pin is missing */
	for (size_t i = 0; i < 8; i++)
		l[i].pinned_topic = l[i].id == 8 ? 50 : 0;
	assert_int_equal(ktp_lay(t, 6, l, 8, out, placed), 0);
	assert_int_equal(topic_of(l, out, 8, 8), 50);
	assert_int_equal(placed[4], 1);
	/* a pin naming a topic not in the list is no pin */
	for (size_t i = 0; i < 8; i++)
		l[i].pinned_topic = l[i].id == 1 ? 999 : 0;
	assert_int_equal(ktp_lay(t, 6, l, 8, out, placed), 0);
	assert_int_equal(topic_of(l, out, 8, 1), 10);
	assert_int_equal(out[7].pinned, 0);
}

/* A КТЖ saved again: topics kept by title wherever they moved, a title met twice taken
 * by the nearest, a renamed topic kept by its place, a new one and a removed one. */
static void cur10_a_saved_again_ktp_keeps_its_topics(void **state)
{
	const char *old[] = {"A", "B", "C", "D", "E"};
	const char *new[] = {"A", "N", "B", "D2", "E"};
	long match[5];
	assert_int_equal(ktp_match(old, 5, new, 5, match), 0);
	const long want[] = {0, -1, 1, 3, 4}; /* N is new (B's place is taken), C is gone */
	for (int j = 0; j < 5; j++)
		assert_int_equal(match[j], want[j]);
	/* moved: kept by title */
	const char *moved[] = {"E", "A", "B", "C", "D"};
	assert_int_equal(ktp_match(old, 5, moved, 5, match), 0);
	const long follow[] = {4, 0, 1, 2, 3};
	for (int j = 0; j < 5; j++)
		assert_int_equal(match[j], follow[j]);
	/* a title twice: the nearest first; the one left over takes a free place */
	const char *twice[] = {"X", "Y", "X"};
	const char *again[] = {"Z", "X", "X", "W"};
	long m4[4];
	assert_int_equal(ktp_match(twice, 3, again, 4, m4), 0);
	assert_int_equal(m4[1], 0); /* at distance 1 from both: the earlier */
	assert_int_equal(m4[2], 2); /* distance 0 */
	assert_int_equal(m4[0], -1); /* place 0 is taken */
	assert_int_equal(m4[3], -1); /* no old topic in place 3 */
	/* Y is gone; nothing from nothing */
	assert_int_equal(ktp_match(twice, 3, NULL, 0, m4), 0);
	assert_int_equal(ktp_match(NULL, 0, again, 4, m4), 0);
	for (int j = 0; j < 4; j++)
		assert_int_equal(m4[j], -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cur10_exactly_as_many_hours_as_lessons),
		cmocka_unit_test(cur10_one_hour_more_than_lessons_is_not_placed),
		cmocka_unit_test(cur10_lessons_beyond_the_topics_stay_free),
		cmocka_unit_test(cur10_a_pinned_topic_is_kept_and_the_rest_flow_around),
		cmocka_unit_test(cur10_a_saved_again_ktp_keeps_its_topics),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
