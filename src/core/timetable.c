/* timetable — the bell schedule check (CAL-6, ORG-7), the clash check and the hours
 * report of a week's entries (TT-1), and the laying of the week over the calendar. */
#include "core/timetable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Adds a problem when there is room; always counts it. */
static void add_problem(struct tt_problem *out, size_t cap, size_t *n, const char *rule, const char *code,
			const char *field)
{
	if (*n < cap) {
		out[*n].rule = rule;
		out[*n].code = code;
		snprintf(out[*n].field, sizeof out[*n].field, "%s", field);
	}
	(*n)++;
}

/* --- the bell schedule --- */

int tt_parse_hhmm(const char *text, int *minutes)
{
	if (!text || strlen(text) != 5 || text[2] != ':')
		return -1;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (text[i] < '0' || text[i] > '9'))
			return -1;
	int h = (text[0] - '0') * 10 + (text[1] - '0');
	int m = (text[3] - '0') * 10 + (text[4] - '0');
	if (h > 23 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

void tt_format_hhmm(int minutes, char out[6])
{
	if (minutes < 0 || minutes >= 24 * 60)
		minutes = 0;
	snprintf(out, 6, "%02d:%02d", minutes / 60 % 100, minutes % 60);
}

size_t tt_bells_check(const struct tt_bells *b, int min_break, int meal_break, struct tt_problem *out,
		      size_t cap)
{
	size_t n = 0;
	char field[TT_FIELD_SIZE];
	int minutes = b->lesson_minutes;
	if (minutes != TT_LESSON_MINUTES && minutes != TT_LESSON_MINUTES_LONG)
		add_problem(out, cap, &n, "CAL-6", "bells_lesson_minutes", "lesson_minutes");
	if (b->n == 0)
		add_problem(out, cap, &n, "TT-1", "bells_empty", "periods");
	for (size_t i = 0; i < b->n && i < TT_MAX_PERIODS; i++) {
		const struct tt_period *p = &b->periods[i];
		if (p->number != (int)i + 1) {
			snprintf(field, sizeof field, "periods[%zu].number", i);
			add_problem(out, cap, &n, "TT-1", "bells_period_number", field);
		}
		if ((minutes == TT_LESSON_MINUTES || minutes == TT_LESSON_MINUTES_LONG) &&
		    p->ends_at - p->starts_at != minutes) {
			snprintf(field, sizeof field, "periods[%zu].ends_at", i);
			add_problem(out, cap, &n, "CAL-6", "bells_lesson_length", field);
		}
		if (i == 0)
			continue;
		const struct tt_period *prev = &b->periods[i - 1];
		int gap = p->starts_at - prev->ends_at;
		snprintf(field, sizeof field, "periods[%zu].starts_at", i);
		if (prev->meal_after && gap < meal_break)
			add_problem(out, cap, &n, "ORG-7", "bells_meal_break_short", field);
		else if (gap < min_break)
			add_problem(out, cap, &n, "CAL-6", "bells_break_short", field);
	}
	return n;
}

/* --- clashes --- */

const char *tt_clash_code(enum tt_clash_kind kind)
{
	switch (kind) {
	case TT_CLASH_TEACHER: return "timetable_clash_teacher";
	case TT_CLASH_CLASS: return "timetable_clash_class";
	case TT_CLASH_GROUP_CLASS: return "timetable_clash_group_class";
	case TT_CLASH_GROUP: return "timetable_clash_group";
	case TT_CLASH_STUDENTS: return "timetable_clash_students";
	case TT_CLASH_ROOM: return "timetable_clash_room";
	}
	return "timetable_clash";
}

int tt_weekday_valid(int weekday, int max_weekday)
{
	return weekday >= 1 && weekday <= max_weekday && weekday <= TT_WEEKDAYS_SATURDAY;
}

int tt_period_valid(int period, int n_periods)
{
	return period >= 1 && period <= n_periods && period <= TT_MAX_PERIODS;
}

/* An entry's place in a sort by slot (weekday, period) and then by index. */
struct slot_key {
	int weekday, period;
	size_t index;
};

static int slot_key_cmp(const void *pa, const void *pb)
{
	const struct slot_key *a = pa, *b = pb;
	if (a->weekday != b->weekday)
		return a->weekday < b->weekday ? -1 : 1;
	if (a->period != b->period)
		return a->period < b->period ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

/* The entries' indexes sorted by slot, malloc'd (NULL when n is 0 or memory ran out;
 * *failed tells which). */
static struct slot_key *by_slot(const struct tt_entry *e, size_t n, int *failed)
{
	*failed = 0;
	if (n == 0)
		return NULL;
	struct slot_key *k = malloc(n * sizeof *k);
	if (!k) {
		*failed = 1;
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		k[i] = (struct slot_key){e[i].weekday, e[i].period, i};
	qsort(k, n, sizeof *k, slot_key_cmp);
	return k;
}

static int groups_overlap(const struct tt_group_pair *ov, size_t n, int64_t a, int64_t b)
{
	for (size_t i = 0; i < n; i++)
		if ((ov[i].a == a && ov[i].b == b) || (ov[i].a == b && ov[i].b == a))
			return 1;
	return 0;
}

static void add_clash(struct tt_clash *out, size_t cap, size_t *n, enum tt_clash_kind kind, size_t a, size_t b)
{
	if (*n < cap)
		out[*n] = (struct tt_clash){kind, tt_clash_code(kind), a, b};
	(*n)++;
}

/* The class-level clash of two entries at one time, or -1 when they may meet. */
static int class_clash(const struct tt_entry *x, const struct tt_entry *y, const struct tt_group_pair *ov,
		       size_t nov)
{
	if (x->class_id != y->class_id)
		return -1;
	if (!x->group_id && !y->group_id)
		return TT_CLASH_CLASS;
	if (!x->group_id || !y->group_id)
		return TT_CLASH_GROUP_CLASS;
	if (x->group_id == y->group_id)
		return TT_CLASH_GROUP;
	return groups_overlap(ov, nov, x->group_id, y->group_id) ? TT_CLASH_STUDENTS : -1;
}

size_t tt_check_clashes(const struct tt_entry *entries, size_t n, const struct tt_group_pair *overlap,
			size_t n_overlap, struct tt_clash *out, size_t cap)
{
	int failed;
	struct slot_key *k = by_slot(entries, n, &failed);
	if (failed)
		return TT_NOMEM;
	size_t found = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && k[j].weekday == k[i].weekday && k[j].period == k[i].period)
			j++;
		for (size_t x = i; x < j; x++) {
			for (size_t y = x + 1; y < j; y++) {
				size_t a = k[x].index, b = k[y].index;
				const struct tt_entry *ea = &entries[a], *eb = &entries[b];
				if (ea->staff_id && ea->staff_id == eb->staff_id)
					add_clash(out, cap, &found, TT_CLASH_TEACHER, a, b);
				int kind = class_clash(ea, eb, overlap, n_overlap);
				if (kind >= 0)
					add_clash(out, cap, &found, (enum tt_clash_kind)kind, a, b);
				if (ea->room_id && ea->room_id == eb->room_id)
					add_clash(out, cap, &found, TT_CLASH_ROOM, a, b);
			}
		}
		i = j;
	}
	free(k);
	return found;
}

/* --- the report --- */

static int cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static int unit_cmp(int64_t c1, int64_t g1, int64_t s1, int64_t c2, int64_t g2, int64_t s2)
{
	int r = cmp_i64(c1, c2);
	if (!r)
		r = cmp_i64(g1, g2);
	return r ? r : cmp_i64(s1, s2);
}

static int entry_unit_cmp(const void *pa, const void *pb)
{
	const struct tt_entry *a = pa, *b = pb;
	return unit_cmp(a->class_id, a->group_id, a->subject_id, b->class_id, b->group_id, b->subject_id);
}

static int hours_cmp(const void *pa, const void *pb)
{
	const struct tt_hours *a = pa, *b = pb;
	return unit_cmp(a->class_id, a->group_id, a->subject_id, b->class_id, b->group_id, b->subject_id);
}

size_t tt_hours_compare(struct tt_entry *entries, size_t n, struct tt_hours *plan, size_t nplan,
			struct tt_hours_diff *out, size_t cap)
{
	if (n)
		qsort(entries, n, sizeof *entries, entry_unit_cmp);
	if (nplan)
		qsort(plan, nplan, sizeof *plan, hours_cmp);
	size_t i = 0, j = 0, found = 0;
	while (i < n || j < nplan) {
		/* the smaller unit of the two heads, with its plan and placed hours */
		int side = i >= n ? 1 : j >= nplan ? -1
			: unit_cmp(entries[i].class_id, entries[i].group_id, entries[i].subject_id,
				   plan[j].class_id, plan[j].group_id, plan[j].subject_id);
		struct tt_hours_diff d;
		if (side <= 0)
			d = (struct tt_hours_diff){entries[i].class_id, entries[i].group_id, entries[i].subject_id, 0, 0};
		else
			d = (struct tt_hours_diff){plan[j].class_id, plan[j].group_id, plan[j].subject_id, 0, 0};
		while (i < n && !unit_cmp(entries[i].class_id, entries[i].group_id, entries[i].subject_id,
					  d.class_id, d.group_id, d.subject_id))
			d.placed++, i++;
		while (j < nplan && !unit_cmp(plan[j].class_id, plan[j].group_id, plan[j].subject_id,
					      d.class_id, d.group_id, d.subject_id))
			d.plan += plan[j++].hours;
		if (d.plan != d.placed) {
			if (found < cap)
				out[found] = d;
			found++;
		}
	}
	return found;
}

static int entry_staff_cmp(const void *pa, const void *pb)
{
	const struct tt_entry *a = pa, *b = pb;
	return cmp_i64(a->staff_id, b->staff_id);
}

static int load_cmp(const void *pa, const void *pb)
{
	const struct tt_load *a = pa, *b = pb;
	return cmp_i64(a->staff_id, b->staff_id);
}

size_t tt_load_compare(struct tt_entry *entries, size_t n, struct tt_load *loads, size_t nloads,
		       struct tt_load_diff *out, size_t cap)
{
	if (n)
		qsort(entries, n, sizeof *entries, entry_staff_cmp);
	if (nloads)
		qsort(loads, nloads, sizeof *loads, load_cmp);
	size_t i = 0, j = 0, found = 0;
	while (i < n || j < nloads) {
		int64_t staff = i >= n ? loads[j].staff_id
			: j >= nloads ? entries[i].staff_id
			: entries[i].staff_id < loads[j].staff_id ? entries[i].staff_id : loads[j].staff_id;
		struct tt_load_diff d = {staff, -1, 0};
		while (i < n && entries[i].staff_id == staff)
			d.placed++, i++;
		while (j < nloads && loads[j].staff_id == staff)
			d.set_hours = (d.set_hours < 0 ? 0 : d.set_hours) + loads[j++].hours;
		if (d.placed != d.set_hours && !(d.set_hours < 0 && d.placed == 0)) {
			if (found < cap)
				out[found] = d;
			found++;
		}
	}
	return found;
}

/* --- laying the week over the calendar --- */

int tt_semester_terms(enum calendar_type type, int semester, size_t *first, size_t *count)
{
	if (semester != 1 && semester != 2)
		return -1;
	if (type == CALENDAR_QUARTERS) {
		*first = semester == 1 ? 0 : 2;
		*count = 2;
		return 0;
	}
	if (type == CALENDAR_SEMESTERS) {
		*first = (size_t)semester - 1;
		*count = 1;
		return 0;
	}
	return -1;
}

static int in_period(const struct calendar_period *p, struct date d)
{
	return date_compare(p->starts_on, d) <= 0 && date_compare(d, p->ends_on) <= 0;
}

static int in_any(const struct calendar_period *p, size_t n, struct date d)
{
	for (size_t i = 0; i < n; i++)
		if (in_period(&p[i], d))
			return 1;
	return 0;
}

/* The transfer that makes `d` its working day (working = 1) or its day off, or NULL. */
static const struct holiday_transfer *transfer_of(const struct holiday_calendar *cal, struct date d,
						  int working)
{
	for (size_t i = 0; i < cal->n_transfers; i++) {
		const struct holiday_transfer *t = &cal->transfers[i];
		if (date_compare(working ? t->working_day : t->day_off, d) == 0)
			return t;
	}
	return NULL;
}

int tt_study_weekday(const struct tt_calendar *c, struct date d)
{
	size_t nterms = c->n_terms < CALENDAR_MAX_TERMS ? c->n_terms : CALENDAR_MAX_TERMS;
	size_t nhol = c->n_holidays < CALENDAR_MAX_HOLIDAYS ? c->n_holidays : CALENDAR_MAX_HOLIDAYS;
	if (!in_any(c->terms, nterms, d) || in_any(c->holidays, nhol, d))
		return 0;
	const struct holiday_calendar *pub = c->public_days;
	int wd = date_weekday(d);
	if (wd <= TT_WEEKDAYS)
		return holiday_is_day_off(pub, d) ? 0 : wd;
	const struct holiday_transfer *worked = transfer_of(pub, d, 1);
	if (wd == TT_WEEKDAYS_SATURDAY && c->saturday) {
		if (worked)
			return wd;
		return holiday_is_public_holiday(pub, d) || transfer_of(pub, d, 0) ? 0 : wd;
	}
	if (!worked)
		return 0;
	int paid = date_weekday(worked->day_off);
	return paid <= (c->saturday ? TT_WEEKDAYS_SATURDAY : TT_WEEKDAYS) ? paid : 0;
}

size_t tt_study_days(const struct tt_calendar *c, struct date from, struct date to, struct tt_day *out,
		     size_t cap)
{
	size_t n = 0;
	if (date_compare(from, to) > 0)
		return 0;
	int64_t last = date_to_days(to);
	for (int64_t x = date_to_days(from); x <= last; x++) {
		struct date d = date_from_days(x);
		int wd = tt_study_weekday(c, d);
		if (!wd)
			continue;
		if (n < cap)
			out[n] = (struct tt_day){d, wd, c->has_assessment && in_period(&c->assessment, d)};
		n++;
	}
	return n;
}

size_t tt_lay(const struct tt_day *days, size_t ndays, const struct tt_entry *entries, size_t n,
	      struct tt_lesson *out, size_t cap)
{
	int failed;
	struct slot_key *k = by_slot(entries, n, &failed);
	if (failed)
		return TT_NOMEM;
	/* where each weekday's entries start and end in k */
	size_t start[TT_WEEKDAYS_SATURDAY + 2] = {0};
	for (size_t i = 0; i < n; i++)
		if (k[i].weekday >= 1 && k[i].weekday <= TT_WEEKDAYS_SATURDAY)
			start[k[i].weekday + 1]++;
	size_t before = 0;
	for (size_t i = 0; i < n; i++)
		if (k[i].weekday < 1)
			before++;
	start[1] = before;
	for (int w = 2; w <= TT_WEEKDAYS_SATURDAY + 1; w++)
		start[w] += start[w - 1];
	size_t found = 0;
	for (size_t d = 0; d < ndays; d++) {
		int w = days[d].weekday;
		if (w < 1 || w > TT_WEEKDAYS_SATURDAY)
			continue;
		for (size_t i = start[w]; i < start[w + 1]; i++) {
			if (days[d].assessment && entries[k[i].index].grade >= 11)
				continue;
			if (found < cap)
				out[found] = (struct tt_lesson){d, k[i].index};
			found++;
		}
	}
	free(k);
	return found;
}
