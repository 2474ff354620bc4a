/* Unit tests of src/core/deadline.c: the deadlines of the movement book's cases in
 * CAL-7 working days — the order 3 working days after the decision (EXT-5, LV-4, LV-9)
 * or after the application (EXT-11), the copy to the contingent unit 3 working days
 * after the order (EXT-9, LV-6 for a grant student only, LV-9, EXT-11 by analogy), the
 * list of subjects 15 working days after study abroad starts (EXT-6), the consultation
 * schedule 20 working days (EXT-13) and its e-mail 2 working days after its order, the
 * curator's tasks by the 5th (EXT-14), the quarter's works (EXT-15), the IB monthly
 * works (EXT-16) — across a weekend, Nauryz, 1 May and Republic Day, with the expected
 * dates worked out by hand; pending, overdue, done and done late on both sides of the
 * due day; the holiday calendar as the caller's parameter.
 *
 * The calendar of Kazakhstan used below (holiday_calendar_default(), no transfers in
 * 2026 and 2027): weekdays off in 2026 are 1–2 and 7 January, Monday 9 March (8 March
 * was a Sunday), Monday 23 March (Nauryz) and Tuesday 24, Wednesday 25 March (Nauryz's
 * Saturday 21 and Sunday 22 moved), Friday 1 May, Thursday 7 May, Monday 11 May (Victory
 * Day, Saturday 9 May, moved), Wednesday 27 May (Kurban Ait), Monday 6 July, Monday
 * 26 October (Republic Day, Sunday 25 October, moved), Wednesday 16 December; in 2027,
 * 1, 4 and 7 January, 8, 15, 22, 23 and 24 March, 3, 7 and 10 May, … None falls in
 * September 2026 or 2027, nor from 11 January to 8 February 2027. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/deadline.h"

static struct date mk(int y, int m, int d)
{
	struct date r = {y, m, d};
	return r;
}

static const struct holiday_calendar *kz(void)
{
	return holiday_calendar_default();
}

static struct deadline_mark done_on(struct date d)
{
	struct deadline_mark m = {1, d};
	return m;
}

/* A case of `kind` approved by the council on `decided`. */
static struct movement_case approved(enum movement_kind kind, struct date decided)
{
	struct movement_case c;
	memset(&c, 0, sizeof c);
	c.kind = kind;
	c.state = CASE_APPROVED;
	c.filed_on = date_add_days(decided, -14);
	c.documents_checked_on = date_add_days(decided, -7);
	c.has_decision = 1;
	c.approved = 1;
	c.decided_on = decided;
	return c;
}

/* The same case, ordered on `on` for [from, to]. */
static struct movement_case ordered(struct movement_case c, struct date on, struct date from,
				    struct date to)
{
	c.state = CASE_ORDERED;
	c.ordered_on = on;
	c.effective_from = from;
	c.effective_to = to;
	return c;
}

static struct deadline_case just(const struct movement_case *c)
{
	struct deadline_case dc;
	memset(&dc, 0, sizeof dc);
	dc.c = c;
	return dc;
}

static size_t list(const struct deadline_case *dc, struct date today, struct deadline *out)
{
	size_t n = deadline_list(dc, kz(), today, out, DEADLINE_MAX);
	assert_true(n <= DEADLINE_MAX);
	return n;
}

/* The i-th deadline with this code (0: the first), or a failure. */
static const struct deadline *find(const struct deadline *d, size_t n, const char *code, int i)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(d[k].code, code) == 0 && i-- == 0)
			return &d[k];
	fail_msg("no deadline %s", code);
	return NULL;
}

static size_t count(const struct deadline *d, size_t n, const char *code)
{
	size_t c = 0;
	for (size_t k = 0; k < n; k++)
		c += strcmp(d[k].code, code) == 0;
	return c;
}

/* Asserts what a deadline says. */
static void is(const struct deadline *d, const char *rule, enum role role, const char *actor,
	       const char *counts_from, struct date from, int working_days, struct date due,
	       enum deadline_state st)
{
	assert_string_equal(d->rule, rule);
	assert_int_equal(d->role, role);
	assert_string_equal(d->actor, actor);
	assert_string_equal(d->counts_from, counts_from);
	assert_int_equal(d->working_days, working_days);
	if (date_compare(d->from, from) != 0 || date_compare(d->due, due) != 0)
		fail_msg("%s %s: from %d-%02d-%02d due %d-%02d-%02d, want from %d-%02d-%02d due "
			 "%d-%02d-%02d",
			 d->rule, d->code, d->from.y, d->from.m, d->from.d, d->due.y, d->due.m, d->due.d,
			 from.y, from.m, from.d, due.y, due.m, due.d);
	if (d->state != st)
		fail_msg("%s %s due %d-%02d-%02d: state %s, want %s", d->rule, d->code, d->due.y,
			 d->due.m, d->due.d, deadline_state_code(d->state), deadline_state_code(st));
}

/* --- the order and the copy --- */

/* LV-4 across a weekend. The council decides on Friday 6 February 2026:
 *   Mon 9 (1), Tue 10 (2), Wed 11 (3)                   → the order by 11 February.
 * The order signed on Wednesday 11 February, the copy (LV-6, a grant student):
 *   Thu 12 (1), Fri 13 (2), [Sat 14, Sun 15], Mon 16 (3) → by 16 February.
 * Pending on the due day, overdue the day after; done on it, or done late after. */
static void test_lv4_lv6_order_and_copy_across_a_weekend(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = approved(MOVEMENT_ACADEMIC_LEAVE, mk(2026, 2, 6));
	struct deadline_case dc = just(&c);
	dc.orken_grant = 1;

	assert_int_equal(list(&dc, mk(2026, 2, 11), d), 1);
	is(&d[0], "LV-4", ROLE_DIRECTOR, "director", "council_decision", mk(2026, 2, 6), 3,
	   mk(2026, 2, 11), DEADLINE_PENDING);
	list(&dc, mk(2026, 2, 12), d);
	assert_int_equal(d[0].state, DEADLINE_OVERDUE);

	c = ordered(c, mk(2026, 2, 11), mk(2026, 2, 16), mk(2026, 4, 30));
	assert_int_equal(list(&dc, mk(2026, 2, 12), d), 2);
	is(&d[0], "LV-4", ROLE_DIRECTOR, "director", "council_decision", mk(2026, 2, 6), 3,
	   mk(2026, 2, 11), DEADLINE_DONE);
	is(&d[1], "LV-6", ROLE_DIRECTOR, "director", "order", mk(2026, 2, 11), 3, mk(2026, 2, 16),
	   DEADLINE_PENDING);
	assert_string_equal(d[1].code, "contingent_copy");
	list(&dc, mk(2026, 2, 17), d);
	assert_int_equal(d[1].state, DEADLINE_OVERDUE);
	dc.copy_sent = done_on(mk(2026, 2, 17));
	list(&dc, mk(2026, 2, 20), d);
	assert_int_equal(d[1].state, DEADLINE_DONE_LATE);

	c.ordered_on = mk(2026, 2, 12); /* signed a day late */
	list(&dc, mk(2026, 2, 20), d);
	assert_int_equal(d[0].state, DEADLINE_DONE_LATE);
}

/* EXT-5 and EXT-9 across Nauryz. The council decides on Thursday 19 March 2026:
 *   Fri 20 (1), [Sat 21 … Wed 25: weekend, Nauryz, its moved days], Thu 26 (2),
 *   Fri 27 (3)                                          → the order by 27 March.
 * The order signed on Friday 27 March, the copy:
 *   Mon 30 (1), Tue 31 (2), Wed 1 April (3)             → by 1 April. */
static void test_ext5_ext9_order_and_copy_across_nauryz(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = approved(MOVEMENT_EXTERNSHIP, mk(2026, 3, 19));
	struct deadline_case dc = just(&c);

	assert_int_equal(list(&dc, mk(2026, 3, 26), d), 1);
	is(&d[0], "EXT-5", ROLE_DIRECTOR, "director", "council_decision", mk(2026, 3, 19), 3,
	   mk(2026, 3, 27), DEADLINE_PENDING);
	assert_string_equal(d[0].code, "order");
	list(&dc, mk(2026, 3, 30), d);
	assert_int_equal(d[0].state, DEADLINE_OVERDUE);

	c = ordered(c, mk(2026, 3, 27), mk(2026, 4, 1), mk(2026, 5, 25));
	size_t n = list(&dc, mk(2026, 3, 30), d);
	is(find(d, n, "order", 0), "EXT-5", ROLE_DIRECTOR, "director", "council_decision",
	   mk(2026, 3, 19), 3, mk(2026, 3, 27), DEADLINE_DONE);
	is(find(d, n, "contingent_copy", 0), "EXT-9", ROLE_DIRECTOR, "director", "order",
	   mk(2026, 3, 27), 3, mk(2026, 4, 1), DEADLINE_PENDING);
	assert_false(find(d, n, "contingent_copy", 0)->by_analogy);
}

/* LV-9 across 1 May. The council decides on Wednesday 29 April 2026:
 *   Thu 30 (1), [Fri 1 May, Sat 2, Sun 3], Mon 4 (2), Tue 5 (3) → the order by 5 May.
 * The return order signed on Tuesday 5 May, the copy (every student, A2§12):
 *   Wed 6 (1), [Thu 7 May: Defender's Day], Fri 8 (2), [Sat 9, Sun 10, Mon 11: Victory
 *   Day moved from Saturday], Tue 12 (3)                       → by 12 May. */
static void test_lv9_return_order_and_copy_across_1_may(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = approved(MOVEMENT_LEAVE_RETURN, mk(2026, 4, 29));
	struct deadline_case dc = just(&c);

	assert_int_equal(list(&dc, mk(2026, 5, 4), d), 1);
	is(&d[0], "LV-9", ROLE_DIRECTOR, "director", "council_decision", mk(2026, 4, 29), 3,
	   mk(2026, 5, 5), DEADLINE_PENDING);
	list(&dc, mk(2026, 5, 6), d);
	assert_int_equal(d[0].state, DEADLINE_OVERDUE);

	c = ordered(c, mk(2026, 5, 5), mk(2026, 5, 6), mk(2026, 5, 6));
	assert_int_equal(list(&dc, mk(2026, 5, 12), d), 2);
	is(&d[1], "LV-9", ROLE_DIRECTOR, "director", "order", mk(2026, 5, 5), 3, mk(2026, 5, 12),
	   DEADLINE_PENDING);
	list(&dc, mk(2026, 5, 13), d);
	assert_int_equal(d[1].state, DEADLINE_OVERDUE);
	dc.copy_sent = done_on(mk(2026, 5, 12));
	list(&dc, mk(2026, 5, 13), d);
	assert_int_equal(d[1].state, DEADLINE_DONE);
}

/* LV-6: the leave's copy goes to the contingent unit for an Өркен grant student only
 * (A2§10). */
static void test_lv6_copy_for_grant_students_only(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = ordered(approved(MOVEMENT_ACADEMIC_LEAVE, mk(2026, 2, 6)),
					 mk(2026, 2, 11), mk(2026, 2, 16), mk(2026, 4, 30));
	struct deadline_case dc = just(&c);
	assert_int_equal(list(&dc, mk(2026, 2, 12), d), 1);
	assert_string_equal(d[0].code, "order");
	dc.orken_grant = 1;
	assert_int_equal(list(&dc, mk(2026, 2, 12), d), 2);
	assert_string_equal(d[1].rule, "LV-6");
}

/* EXT-11: the early return's order counts from the application (A1§12 asks no council).
 * Filed on Friday 20 March 2026:
 *   [Sat 21 … Wed 25], Thu 26 (1), Fri 27 (2), Mon 30 (3)  → the order by 30 March.
 * The order signed on Monday 30 March; the copy has no time in A1§12, so A1§11's three
 * working days stand by analogy: Tue 31 (1), Wed 1 April (2), Thu 2 April (3). */
static void test_ext11_return_order_from_the_application(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c;
	memset(&c, 0, sizeof c);
	c.kind = MOVEMENT_EXTERNSHIP_RETURN;
	c.state = CASE_FILED;
	c.filed_on = mk(2026, 3, 20);
	struct deadline_case dc = just(&c);

	assert_int_equal(list(&dc, mk(2026, 3, 20), d), 1);
	is(&d[0], "EXT-11", ROLE_DIRECTOR, "director", "application", mk(2026, 3, 20), 3,
	   mk(2026, 3, 30), DEADLINE_PENDING);

	c.state = CASE_ORDERED;
	c.documents_checked_on = mk(2026, 3, 26);
	c.ordered_on = mk(2026, 3, 30);
	c.effective_from = mk(2026, 4, 1);
	c.effective_to = mk(2026, 4, 1);
	assert_int_equal(list(&dc, mk(2026, 4, 3), d), 2);
	is(&d[0], "EXT-11", ROLE_DIRECTOR, "director", "application", mk(2026, 3, 20), 3,
	   mk(2026, 3, 30), DEADLINE_DONE);
	is(&d[1], "EXT-11", ROLE_DIRECTOR, "director", "order", mk(2026, 3, 30), 3, mk(2026, 4, 2),
	   DEADLINE_OVERDUE);
	assert_true(d[1].by_analogy);
}

/* Nothing is due before its event, nor on a refused or withdrawn case. */
static void test_nothing_due_before_its_event(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = approved(MOVEMENT_EXTERNSHIP, mk(2026, 3, 19));
	struct deadline_case dc = just(&c);

	c.state = CASE_FILED;
	c.has_decision = 0;
	assert_int_equal(list(&dc, mk(2026, 3, 20), d), 0);
	c.state = CASE_DOCUMENTS_CHECKED;
	assert_int_equal(list(&dc, mk(2026, 3, 20), d), 0);
	c = approved(MOVEMENT_EXTERNSHIP, mk(2026, 3, 19));
	c.state = CASE_REFUSED;
	c.approved = 0;
	assert_int_equal(list(&dc, mk(2026, 3, 20), d), 0);
	c = approved(MOVEMENT_EXTERNSHIP, mk(2026, 3, 19));
	c.state = CASE_WITHDRAWN;
	assert_int_equal(list(&dc, mk(2026, 3, 20), d), 0);
	struct movement_case r;
	memset(&r, 0, sizeof r);
	r.kind = MOVEMENT_EXTERNSHIP_RETURN;
	r.state = CASE_REFUSED;
	r.filed_on = mk(2026, 3, 20);
	dc.c = &r;
	assert_int_equal(list(&dc, mk(2026, 3, 20), d), 0);
	r.kind = MOVEMENT_KIND_INVALID;
	r.state = CASE_FILED;
	assert_int_equal(list(&dc, mk(2026, 3, 20), d), 0);
}

/* --- the externship after its order --- */

/* The NIS year 2026–2027 (as in test_calendar.c) and its quarters. */
static const struct calendar_period nis_quarters[] = {
	{{2026, 9, 1}, {2026, 10, 23}},
	{{2026, 11, 3}, {2026, 12, 29}},
	{{2027, 1, 11}, {2027, 3, 19}},
	{{2027, 3, 30}, {2027, 5, 25}},
};

static struct deadline_year year_2026(void)
{
	struct deadline_year y;
	memset(&y, 0, sizeof y);
	y.span.starts_on = mk(2026, 9, 1);
	y.span.ends_on = mk(2027, 5, 25);
	y.quarters = nis_quarters;
	y.n_quarters = 4;
	return y;
}

/* EXT-6: 15 working days after study abroad starts. It starts on Monday 16 March 2026:
 *   Tue 17 (1), Wed 18 (2), Thu 19 (3), Fri 20 (4), [Sat 21 … Wed 25], Thu 26 (5),
 *   Fri 27 (6), Mon 30 (7), Tue 31 (8), Wed 1 April (9), Thu 2 (10), Fri 3 (11),
 *   Mon 6 (12), Tue 7 (13), Wed 8 (14), Thu 9 (15)     → the list by 9 April.
 * Until the real start is known, the externship's first day (Wednesday 1 April) stands:
 *   Thu 2 (1), Fri 3 (2), Mon 6 … Fri 10 (3–7), Mon 13 … Fri 17 (8–12), Mon 20 (13),
 *   Tue 21 (14), Wed 22 (15)                            → by 22 April. */
static void test_ext6_subject_list_15_working_days(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = ordered(approved(MOVEMENT_EXTERNSHIP, mk(2026, 3, 2)),
					 mk(2026, 3, 4), mk(2026, 4, 1), mk(2026, 5, 25));
	struct deadline_case dc = just(&c);
	size_t n = list(&dc, mk(2026, 4, 1), d);
	is(find(d, n, "subject_list", 0), "EXT-6", ROLE_PARENT, "parent", "externship_start",
	   mk(2026, 4, 1), 15, mk(2026, 4, 22), DEADLINE_PENDING);

	dc.has_abroad_start = 1;
	dc.abroad_starts_on = mk(2026, 3, 16);
	n = list(&dc, mk(2026, 4, 9), d);
	is(find(d, n, "subject_list", 0), "EXT-6", ROLE_PARENT, "parent", "abroad_start",
	   mk(2026, 3, 16), 15, mk(2026, 4, 9), DEADLINE_PENDING);
	n = list(&dc, mk(2026, 4, 10), d);
	assert_int_equal(find(d, n, "subject_list", 0)->state, DEADLINE_OVERDUE);
	dc.subjects_submitted = done_on(mk(2026, 4, 9));
	n = list(&dc, mk(2026, 4, 10), d);
	assert_int_equal(find(d, n, "subject_list", 0)->state, DEADLINE_DONE);
}

/* EXT-13: the schedule 20 working days after the year's first day, Tuesday 1 September
 * 2026: Wed 2 (1), Thu 3 (2), Fri 4 (3), Mon 7 … Fri 11 (4–8), Mon 14 … Fri 18 (9–13),
 * Mon 21 … Fri 25 (14–18), Mon 28 (19), Tue 29 (20)  → by 29 September.
 * Approved by the order of Thursday 22 October (late), it is e-mailed within 2 working
 * days: Fri 23 (1), [Sat 24, Sun 25, Mon 26: Republic Day moved from Sunday],
 * Tue 27 (2)                                          → by 27 October. */
static void test_ext13_schedule_20_and_email_2_working_days(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = ordered(approved(MOVEMENT_EXTERNSHIP, mk(2026, 6, 1)),
					 mk(2026, 6, 3), mk(2026, 9, 1), mk(2027, 5, 25));
	struct deadline_year y = year_2026();
	struct deadline_case dc = just(&c);
	dc.years = &y;
	dc.n_years = 1;

	size_t n = list(&dc, mk(2026, 9, 29), d);
	is(find(d, n, "consultation_schedule", 0), "EXT-13", ROLE_DEPUTY_ACADEMIC, "deputy_academic",
	   "year_start", mk(2026, 9, 1), 20, mk(2026, 9, 29), DEADLINE_PENDING);
	assert_int_equal(count(d, n, "schedule_email"), 0); /* not before the schedule's order */
	n = list(&dc, mk(2026, 9, 30), d);
	assert_int_equal(find(d, n, "consultation_schedule", 0)->state, DEADLINE_OVERDUE);

	y.schedule_ordered = done_on(mk(2026, 10, 22));
	n = list(&dc, mk(2026, 10, 27), d);
	assert_int_equal(find(d, n, "consultation_schedule", 0)->state, DEADLINE_DONE_LATE);
	is(find(d, n, "schedule_email", 0), "EXT-13", ROLE_DEPUTY_ACADEMIC, "deputy_academic",
	   "schedule_order", mk(2026, 10, 22), 2, mk(2026, 10, 27), DEADLINE_PENDING);
	n = list(&dc, mk(2026, 10, 28), d);
	assert_int_equal(find(d, n, "schedule_email", 0)->state, DEADLINE_OVERDUE);
	y.schedule_emailed = done_on(mk(2026, 10, 27));
	n = list(&dc, mk(2026, 10, 28), d);
	assert_int_equal(find(d, n, "schedule_email", 0)->state, DEADLINE_DONE);
}

/* EXT-13 for an externship that starts in the year, on Monday 11 January 2027: 20
 * working days from then: Tue 12 … Fri 15 (1–4), Mon 18 … Fri 22 (5–9), Mon 25 … Fri 29
 * (10–14), Mon 1 … Fri 5 February (15–19), Mon 8 (20) → by 8 February 2027.
 * A grade-8 externship that runs on into grade 9 (to 24 December 2027) has a schedule
 * for each year: the second 20 working days after Wednesday 1 September 2027: Thu 2,
 * Fri 3 (1–2), Mon 6 … Fri 10 (3–7), Mon 13 … Fri 17 (8–12), Mon 20 … Fri 24 (13–17),
 * Mon 27 (18), Tue 28 (19), Wed 29 (20)             → by 29 September 2027. */
static void test_ext13_schedule_from_the_externship_start_and_per_year(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = ordered(approved(MOVEMENT_EXTERNSHIP, mk(2026, 12, 1)),
					 mk(2026, 12, 3), mk(2027, 1, 11), mk(2027, 5, 25));
	struct deadline_year years[2] = {year_2026(), year_2026()};
	years[1].span.starts_on = mk(2027, 9, 1);
	years[1].span.ends_on = mk(2028, 5, 25);
	years[1].quarters = NULL;
	years[1].n_quarters = 0;
	struct deadline_case dc = just(&c);
	dc.years = years;
	dc.n_years = 2;

	size_t n = list(&dc, mk(2027, 1, 11), d);
	assert_int_equal(count(d, n, "consultation_schedule"), 1); /* 2027–28 not touched */
	is(find(d, n, "consultation_schedule", 0), "EXT-13", ROLE_DEPUTY_ACADEMIC, "deputy_academic",
	   "externship_start", mk(2027, 1, 11), 20, mk(2027, 2, 8), DEADLINE_PENDING);

	c.effective_to = mk(2027, 12, 24);
	n = list(&dc, mk(2027, 1, 11), d);
	assert_int_equal(count(d, n, "consultation_schedule"), 2);
	is(find(d, n, "consultation_schedule", 1), "EXT-13", ROLE_DEPUTY_ACADEMIC, "deputy_academic",
	   "year_start", mk(2027, 9, 1), 20, mk(2027, 9, 29), DEADLINE_PENDING);
	/* the curator's tasks skip the summer: Feb … May 2027, then Sep … Dec 2027 */
	assert_int_equal(count(d, n, "curator_tasks"), 8);
	assert_int_equal(date_compare(find(d, n, "curator_tasks", 4)->due, mk(2027, 9, 5)), 0);
}

/* EXT-14: the curator's tasks by the 5th of every month of the externship — a calendar
 * day, kept when it is a Saturday (5 September 2026). */
static void test_ext14_curator_tasks_by_the_5th(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = ordered(approved(MOVEMENT_EXTERNSHIP, mk(2026, 6, 1)),
					 mk(2026, 6, 3), mk(2026, 9, 1), mk(2027, 5, 25));
	struct deadline_year y = year_2026();
	const struct deadline_done sent[] = {
		{{2026, 9, 1}, {2026, 9, 4}},   /* September's on time */
		{{2026, 10, 1}, {2026, 10, 7}}, /* October's two days late */
	};
	struct deadline_case dc = just(&c);
	dc.years = &y;
	dc.n_years = 1;
	dc.tasks_sent = sent;
	dc.n_tasks_sent = 2;

	size_t n = list(&dc, mk(2026, 11, 6), d);
	assert_int_equal(count(d, n, "curator_tasks"), 9); /* September … May */
	is(find(d, n, "curator_tasks", 0), "EXT-14", ROLE_TEACHER, "curator", "month", mk(2026, 9, 1),
	   0, mk(2026, 9, 5), DEADLINE_DONE);
	is(find(d, n, "curator_tasks", 1), "EXT-14", ROLE_TEACHER, "curator", "month",
	   mk(2026, 10, 1), 0, mk(2026, 10, 5), DEADLINE_DONE_LATE);
	is(find(d, n, "curator_tasks", 2), "EXT-14", ROLE_TEACHER, "curator", "month",
	   mk(2026, 11, 1), 0, mk(2026, 11, 5), DEADLINE_OVERDUE);
	is(find(d, n, "curator_tasks", 3), "EXT-14", ROLE_TEACHER, "curator", "month",
	   mk(2026, 12, 1), 0, mk(2026, 12, 5), DEADLINE_PENDING);
	is(find(d, n, "curator_tasks", 8), "EXT-14", ROLE_TEACHER, "curator", "month", mk(2027, 5, 1),
	   0, mk(2027, 5, 5), DEADLINE_PENDING);
	assert_int_equal(date_compare(find(d, n, "curator_tasks", 2)->period, mk(2026, 11, 1)), 0);

	/* from 15 September the first 5th is October's; over the summer, none */
	c.effective_from = mk(2026, 9, 15);
	c.effective_to = mk(2027, 8, 31);
	n = list(&dc, mk(2026, 11, 6), d);
	assert_int_equal(count(d, n, "curator_tasks"), 8);
	assert_int_equal(date_compare(find(d, n, "curator_tasks", 0)->due, mk(2026, 10, 5)), 0);
}

/* EXT-15 (NIS): three summative works in every quarter that ends inside the
 * externship, due on the quarter's last day. */
static void test_ext15_quarter_works(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = ordered(approved(MOVEMENT_EXTERNSHIP, mk(2026, 6, 1)),
					 mk(2026, 6, 3), mk(2026, 9, 1), mk(2027, 5, 25));
	struct deadline_year y = year_2026();
	const struct deadline_done works[] = {{{2026, 10, 23}, {2026, 10, 20}}};
	struct deadline_case dc = just(&c);
	dc.programme = PROGRAMME_NIS;
	dc.years = &y;
	dc.n_years = 1;
	dc.works_sent = works;
	dc.n_works_sent = 1;

	size_t n = list(&dc, mk(2026, 12, 30), d);
	assert_int_equal(count(d, n, "quarter_works"), 4);
	assert_int_equal(count(d, n, "monthly_works"), 0);
	is(find(d, n, "quarter_works", 0), "EXT-15", ROLE_STUDENT, "student", "quarter",
	   mk(2026, 9, 1), 0, mk(2026, 10, 23), DEADLINE_DONE);
	is(find(d, n, "quarter_works", 1), "EXT-15", ROLE_STUDENT, "student", "quarter",
	   mk(2026, 11, 3), 0, mk(2026, 12, 29), DEADLINE_OVERDUE);
	is(find(d, n, "quarter_works", 3), "EXT-15", ROLE_STUDENT, "student", "quarter",
	   mk(2027, 3, 30), 0, mk(2027, 5, 25), DEADLINE_PENDING);

	/* 16 November to 31 March: the quarters ending 29 December and 19 March */
	c.effective_from = mk(2026, 11, 16);
	c.effective_to = mk(2027, 3, 31);
	n = list(&dc, mk(2026, 12, 30), d);
	assert_int_equal(count(d, n, "quarter_works"), 2);
	assert_int_equal(date_compare(find(d, n, "quarter_works", 1)->due, mk(2027, 3, 19)), 0);
}

/* EXT-16 (IB): the works once a month, by the month's end — May's by the year's last
 * day, 25 May 2027; no quarters. */
static void test_ext16_ib_monthly_works(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = ordered(approved(MOVEMENT_EXTERNSHIP, mk(2026, 6, 1)),
					 mk(2026, 6, 3), mk(2026, 9, 1), mk(2027, 5, 25));
	struct deadline_year y = year_2026();
	struct deadline_case dc = just(&c);
	dc.programme = PROGRAMME_IB;
	dc.years = &y;
	dc.n_years = 1;

	size_t n = list(&dc, mk(2026, 10, 1), d);
	assert_int_equal(count(d, n, "quarter_works"), 0);
	assert_int_equal(count(d, n, "monthly_works"), 9);
	is(find(d, n, "monthly_works", 0), "EXT-16", ROLE_STUDENT, "student", "month", mk(2026, 9, 1),
	   0, mk(2026, 9, 30), DEADLINE_OVERDUE);
	is(find(d, n, "monthly_works", 5), "EXT-16", ROLE_STUDENT, "student", "month", mk(2027, 2, 1),
	   0, mk(2027, 2, 28), DEADLINE_PENDING);
	is(find(d, n, "monthly_works", 8), "EXT-16", ROLE_STUDENT, "student", "month", mk(2027, 5, 1),
	   0, mk(2027, 5, 25), DEADLINE_PENDING);
}

/* A whole NIS externship in its fixed order; a short array gets the count. */
static void test_full_externship_list_order_and_cap(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = ordered(approved(MOVEMENT_EXTERNSHIP, mk(2026, 6, 1)),
					 mk(2026, 6, 3), mk(2026, 9, 1), mk(2027, 5, 25));
	struct deadline_year y = year_2026();
	y.schedule_ordered = done_on(mk(2026, 9, 25));
	struct deadline_case dc = just(&c);
	dc.years = &y;
	dc.n_years = 1;

	size_t n = list(&dc, mk(2026, 9, 1), d);
	assert_int_equal(n, 18); /* order, copy, list, schedule, e-mail, 9 tasks, 4 quarters */
	static const char *const first[] = {"order", "contingent_copy", "subject_list",
					    "consultation_schedule", "schedule_email", "curator_tasks"};
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(d[i].code, first[i]);
	assert_string_equal(d[14].code, "quarter_works");
	for (size_t i = 0; i < n; i++)
		if (d[i].working_days == 0 && strcmp(d[i].code, "curator_tasks") != 0)
			assert_string_equal(d[i].code, "quarter_works");

	struct deadline three[3];
	assert_int_equal(deadline_list(&dc, kz(), mk(2026, 9, 1), three, 3), 18);
	assert_string_equal(three[2].code, "subject_list");
	assert_int_equal(deadline_list(&dc, kz(), mk(2026, 9, 1), NULL, 0), 18);

	/* done: the history stays */
	c.state = CASE_DONE;
	assert_int_equal(list(&dc, mk(2026, 9, 1), d), 18);
}

/* CAL-7: the holiday calendar is the caller's. On one with weekends only, 3 working
 * days from Thursday 19 March 2026 are Fri 20, Mon 23, Tue 24 (not Nauryz's 27 March);
 * one extra day off, Monday 23, gives Wednesday 25. */
static void test_cal7_calendar_is_a_parameter(void **state)
{
	(void)state;
	struct deadline d[DEADLINE_MAX];
	struct movement_case c = approved(MOVEMENT_EXTERNSHIP, mk(2026, 3, 19));
	struct deadline_case dc = just(&c);
	const struct holiday_calendar weekends_only = {NULL, 0, NULL, 0, NULL, 0};
	const struct holiday_fixed one_day[] = {{{2026, 3, 23}, 0, "a day off"}};
	const struct holiday_calendar one_holiday = {NULL, 0, one_day, 1, NULL, 0};

	assert_int_equal(deadline_list(&dc, &weekends_only, mk(2026, 3, 19), d, DEADLINE_MAX), 1);
	assert_int_equal(date_compare(d[0].due, mk(2026, 3, 24)), 0);
	deadline_list(&dc, &one_holiday, mk(2026, 3, 19), d, DEADLINE_MAX);
	assert_int_equal(date_compare(d[0].due, mk(2026, 3, 25)), 0);
	deadline_list(&dc, kz(), mk(2026, 3, 19), d, DEADLINE_MAX);
	assert_int_equal(date_compare(d[0].due, mk(2026, 3, 27)), 0);
}

/* The four states on both sides of the due day, and their codes. */
static void test_states(void **state)
{
	(void)state;
	struct date due = mk(2026, 3, 27);
	struct deadline_mark not_done = {0, {0, 0, 0}};
	assert_int_equal(deadline_state_on(due, not_done, mk(2026, 3, 26)), DEADLINE_PENDING);
	assert_int_equal(deadline_state_on(due, not_done, due), DEADLINE_PENDING);
	assert_int_equal(deadline_state_on(due, not_done, mk(2026, 3, 28)), DEADLINE_OVERDUE);
	assert_int_equal(deadline_state_on(due, done_on(due), mk(2026, 4, 30)), DEADLINE_DONE);
	assert_int_equal(deadline_state_on(due, done_on(mk(2026, 3, 28)), mk(2026, 4, 30)),
			 DEADLINE_DONE_LATE);
	assert_string_equal(deadline_state_code(DEADLINE_PENDING), "pending");
	assert_string_equal(deadline_state_code(DEADLINE_OVERDUE), "overdue");
	assert_string_equal(deadline_state_code(DEADLINE_DONE), "done");
	assert_string_equal(deadline_state_code(DEADLINE_DONE_LATE), "done_late");
	assert_null(deadline_state_code((enum deadline_state)4));
}

/* EXT-9, LV-6: how many working days late a copy is, across a weekend and Nauryz
 * (21–25 March 2026 off: Saturday, Sunday, Nauryz on Monday 23 and its two moved days). */
static void test_ext9_working_days_late(void **state)
{
	(void)state;
	/* due Thursday 19 March: sent that day or before, on time */
	assert_int_equal(deadline_working_days_late(kz(), mk(2026, 3, 19), mk(2026, 3, 19)), 0);
	assert_int_equal(deadline_working_days_late(kz(), mk(2026, 3, 19), mk(2026, 3, 2)), 0);
	/* Friday 20 is one day late; every day up to Wednesday 25 is still one */
	assert_int_equal(deadline_working_days_late(kz(), mk(2026, 3, 19), mk(2026, 3, 20)), 1);
	assert_int_equal(deadline_working_days_late(kz(), mk(2026, 3, 19), mk(2026, 3, 25)), 1);
	/* Thursday 26 the second */
	assert_int_equal(deadline_working_days_late(kz(), mk(2026, 3, 19), mk(2026, 3, 26)), 2);
	/* across a plain weekend: due Friday 6 February, sent Monday 9 */
	assert_int_equal(deadline_working_days_late(kz(), mk(2026, 2, 6), mk(2026, 2, 9)), 1);
	assert_int_equal(deadline_working_days_late(kz(), mk(2026, 2, 6), mk(2026, 2, 8)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lv4_lv6_order_and_copy_across_a_weekend),
		cmocka_unit_test(test_ext5_ext9_order_and_copy_across_nauryz),
		cmocka_unit_test(test_lv9_return_order_and_copy_across_1_may),
		cmocka_unit_test(test_lv6_copy_for_grant_students_only),
		cmocka_unit_test(test_ext11_return_order_from_the_application),
		cmocka_unit_test(test_nothing_due_before_its_event),
		cmocka_unit_test(test_ext6_subject_list_15_working_days),
		cmocka_unit_test(test_ext13_schedule_20_and_email_2_working_days),
		cmocka_unit_test(test_ext13_schedule_from_the_externship_start_and_per_year),
		cmocka_unit_test(test_ext14_curator_tasks_by_the_5th),
		cmocka_unit_test(test_ext15_quarter_works),
		cmocka_unit_test(test_ext16_ib_monthly_works),
		cmocka_unit_test(test_full_externship_list_order_and_cap),
		cmocka_unit_test(test_cal7_calendar_is_a_parameter),
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_ext9_working_days_late),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
