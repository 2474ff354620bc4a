/* deadline — the deadlines of the movement book's cases (see deadline.h;
 * docs/movement.md for what each counts from). */
#include "core/deadline.h"

static const char *const state_codes[] = {"pending", "overdue", "done", "done_late"};

const char *deadline_state_code(enum deadline_state s)
{
	return (unsigned)s < sizeof state_codes / sizeof state_codes[0] ? state_codes[s] : NULL;
}

enum deadline_state deadline_state_on(struct date due, struct deadline_mark done, struct date today)
{
	if (done.done)
		return date_compare(done.on, due) > 0 ? DEADLINE_DONE_LATE : DEADLINE_DONE;
	return date_compare(today, due) > 0 ? DEADLINE_OVERDUE : DEADLINE_PENDING;
}

/* Where the list being built goes, and what it needs to state each entry. */
struct list {
	struct deadline *out;
	size_t cap, n;
	struct date today;
};

/* Adds one deadline (when there is room; always counts it). */
static void add(struct list *l, const char *rule, const char *code, enum role role,
		const char *actor, const char *counts_from, struct date from, int working_days,
		struct date due, struct date period, struct deadline_mark done)
{
	if (l->n < l->cap) {
		struct deadline *d = &l->out[l->n];
		d->rule = rule;
		d->code = code;
		d->role = role;
		d->actor = actor;
		d->counts_from = counts_from;
		d->from = from;
		d->working_days = working_days;
		d->by_analogy = 0;
		d->due = due;
		d->period = period;
		d->done = done;
		d->state = deadline_state_on(due, done, l->today);
	}
	l->n++;
}

/* Adds a deadline of `n` working days after `from` (CAL-7). */
static void add_working(struct list *l, const struct holiday_calendar *cal, const char *rule,
			const char *code, enum role role, const char *actor,
			const char *counts_from, struct date from, int n, struct deadline_mark done)
{
	struct date due = holiday_add_working_days(cal, from, n);
	add(l, rule, code, role, actor, counts_from, from, n, due, due, done);
}

static struct deadline_mark mark(int done, struct date on)
{
	struct deadline_mark m = {done ? 1 : 0, on};
	return m;
}

static int inside(struct date d, struct date first, struct date last)
{
	return date_compare(d, first) >= 0 && date_compare(d, last) <= 0;
}

static struct date later(struct date a, struct date b)
{
	return date_compare(a, b) >= 0 ? a : b;
}

static struct date earlier(struct date a, struct date b)
{
	return date_compare(a, b) <= 0 ? a : b;
}

/* The mark of the occurrence `period` in a list of things done. */
static struct deadline_mark done_for(const struct deadline_done *done, size_t n, struct date period)
{
	for (size_t i = 0; done && i < n; i++)
		if (date_compare(done[i].period, period) == 0)
			return mark(1, done[i].on);
	return mark(0, period);
}

static int ordered(const struct movement_case *c)
{
	return c->state == CASE_ORDERED || c->state == CASE_DONE;
}

/* The order and its copy to the contingent unit, for every kind. */
static void order_and_copy(const struct deadline_case *dc, const struct holiday_calendar *cal,
			   struct list *l)
{
	const struct movement_case *c = dc->c;
	static const char *const order_rule[] = {"EXT-5", "EXT-11", "LV-4", "LV-9"};
	static const char *const copy_rule[] = {"EXT-9", "EXT-11", "LV-6", "LV-9"};
	struct deadline_mark order_done = mark(ordered(c), c->ordered_on);

	if (c->kind == MOVEMENT_EXTERNSHIP_RETURN) {
		/* A1§12: "on the basis of the documents submitted", no council */
		add_working(l, cal, order_rule[c->kind], "order", ROLE_DIRECTOR, "director",
			    "application", c->filed_on, DEADLINE_ORDER_WORKING_DAYS, order_done);
	} else if (c->has_decision && c->approved) {
		add_working(l, cal, order_rule[c->kind], "order", ROLE_DIRECTOR, "director",
			    "council_decision", c->decided_on, DEADLINE_ORDER_WORKING_DAYS, order_done);
	}
	if (!ordered(c))
		return;
	if (c->kind == MOVEMENT_ACADEMIC_LEAVE && !dc->orken_grant)
		return; /* A2§10: the copy is asked for a grant student only */
	size_t at = l->n;
	add_working(l, cal, copy_rule[c->kind], "contingent_copy", ROLE_DIRECTOR, "director", "order",
		    c->ordered_on, DEADLINE_COPY_WORKING_DAYS, dc->copy_sent);
	if (c->kind == MOVEMENT_EXTERNSHIP_RETURN && at < l->cap)
		l->out[at].by_analogy = 1; /* A1§12 names no time: that of A1§11 */
}

/* EXT-6: the list of subjects, 15 working days after study abroad begins. */
static void subject_list(const struct deadline_case *dc, const struct holiday_calendar *cal,
			 struct list *l)
{
	const struct movement_case *c = dc->c;
	int known = dc->has_abroad_start;
	add_working(l, cal, "EXT-6", "subject_list", ROLE_PARENT, "parent",
		    known ? "abroad_start" : "externship_start",
		    known ? dc->abroad_starts_on : c->effective_from, DEADLINE_SUBJECTS_WORKING_DAYS,
		    dc->subjects_submitted);
}

/* EXT-13: each year's schedule, 20 working days after the later of the year's first
 * day and the externship's, then its e-mail 2 working days after its order. */
static void schedules(const struct deadline_case *dc, const struct holiday_calendar *cal,
		      struct list *l)
{
	const struct movement_case *c = dc->c;
	for (size_t i = 0; dc->years && i < dc->n_years; i++) {
		const struct deadline_year *y = &dc->years[i];
		if (date_compare(y->span.ends_on, c->effective_from) < 0 ||
		    date_compare(y->span.starts_on, c->effective_to) > 0)
			continue; /* the externship does not touch this year */
		int from_year = date_compare(y->span.starts_on, c->effective_from) >= 0;
		add_working(l, cal, "EXT-13", "consultation_schedule", ROLE_DEPUTY_ACADEMIC,
			    "deputy_academic", from_year ? "year_start" : "externship_start",
			    later(y->span.starts_on, c->effective_from), DEADLINE_SCHEDULE_WORKING_DAYS,
			    y->schedule_ordered);
		if (y->schedule_ordered.done)
			add_working(l, cal, "EXT-13", "schedule_email", ROLE_DEPUTY_ACADEMIC,
				    "deputy_academic", "schedule_order", y->schedule_ordered.on,
				    DEADLINE_SCHEDULE_EMAIL_WORKING_DAYS, y->schedule_emailed);
	}
}

/* The academic year of `dc` that holds `d`, or NULL. */
static const struct deadline_year *year_of(const struct deadline_case *dc, struct date d)
{
	for (size_t i = 0; dc->years && i < dc->n_years; i++)
		if (inside(d, dc->years[i].span.starts_on, dc->years[i].span.ends_on))
			return &dc->years[i];
	return NULL;
}

/* EXT-14 (the curator's tasks, `works` 0) or EXT-16 (the IB student's works, `works`
 * 1): month by month, every month whose 5th lies in the externship and in one of its
 * years. */
static void monthly(const struct deadline_case *dc, struct list *l, int works)
{
	const struct movement_case *c = dc->c;
	struct date month = {c->effective_from.y, c->effective_from.m, 1};

	while (date_compare(month, c->effective_to) <= 0) {
		struct date fifth = {month.y, month.m, DEADLINE_TASKS_DAY};
		struct date last = {month.y, month.m, date_days_in_month(month.y, month.m)};
		const struct deadline_year *y = year_of(dc, fifth);
		if (y && inside(fifth, c->effective_from, c->effective_to)) {
			if (!works) {
				add(l, "EXT-14", "curator_tasks", ROLE_TEACHER, "curator", "month", month,
				    0, fifth, month, done_for(dc->tasks_sent, dc->n_tasks_sent, month));
			} else {
				struct date due = earlier(last, earlier(c->effective_to, y->span.ends_on));
				add(l, "EXT-16", "monthly_works", ROLE_STUDENT, "student", "month", month,
				    0, due, month, done_for(dc->works_sent, dc->n_works_sent, month));
			}
		}
		month = date_add_days(last, 1);
	}
}

/* EXT-15: three summative works in every quarter that ends inside the externship. */
static void quarters(const struct deadline_case *dc, struct list *l)
{
	const struct movement_case *c = dc->c;
	for (size_t i = 0; dc->years && i < dc->n_years; i++) {
		const struct deadline_year *y = &dc->years[i];
		for (size_t q = 0; y->quarters && q < y->n_quarters; q++) {
			struct date end = y->quarters[q].ends_on;
			if (!inside(end, c->effective_from, c->effective_to))
				continue;
			add(l, "EXT-15", "quarter_works", ROLE_STUDENT, "student", "quarter",
			    y->quarters[q].starts_on, 0, end, end,
			    done_for(dc->works_sent, dc->n_works_sent, end));
		}
	}
}

int deadline_working_days_late(const struct holiday_calendar *cal, struct date due, struct date done_on)
{
	int n = 0;
	for (struct date d = date_add_days(due, 1); date_compare(d, done_on) <= 0 && n < 400; d = date_add_days(d, 1))
		if (holiday_is_working_day(cal, d))
			n++;
	return n;
}

size_t deadline_list(const struct deadline_case *dc, const struct holiday_calendar *cal,
		     struct date today, struct deadline *out, size_t cap)
{
	const struct movement_case *c = dc->c;
	struct list l = {out, out ? cap : 0, 0, today};

	if ((unsigned)c->kind >= MOVEMENT_KIND_INVALID || c->state == CASE_REFUSED ||
	    c->state == CASE_WITHDRAWN)
		return 0;
	order_and_copy(dc, cal, &l);
	if (c->kind != MOVEMENT_EXTERNSHIP || !ordered(c))
		return l.n;
	subject_list(dc, cal, &l);
	schedules(dc, cal, &l);
	monthly(dc, &l, 0);
	if (dc->programme == PROGRAMME_IB)
		monthly(dc, &l, 1);
	else
		quarters(dc, &l);
	return l.n;
}
