/* Unit tests of src/solver (the timetable generator, issue 9): every hard rule counted
 * by the verifier on a hand-made bad placement and kept by the solver on a tiny
 * instance, a split set placed together, determinism (with two threads too), the counting conflicts of an
 * impossible instance, a 1-gap-per-week cap, the progress callback and the time limit; and the rules of real schools' FET files
 * (double lessons, students' unavailable times, an activity ending the day, allowed slots,
 * a teacher's maximum days, daily minimum and maximum lessons in a row). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "solver/solver.h"

/* --- helpers --- */

static int act(struct sv_model *m, int subject, int teacher, int cls, int group, int room)
{
	struct sv_activity_spec s = {0};
	s.subject = subject;
	s.n_teachers = teacher >= 0;
	s.teachers = &teacher;
	s.n_classes = group < 0;
	s.classes = &cls;
	s.n_groups = group >= 0;
	s.groups = &group;
	s.n_rooms = room >= 0;
	s.rooms = &room;
	return sv_activity(m, &s);
}

static struct sv_place at(int day, int period)
{
	struct sv_place p = {day, period, -1};
	return p;
}

static struct sv_report verify(struct sv_model *m, const struct sv_place *pl)
{
	struct sv_report r;
	assert_int_equal(sv_verify(m, pl, &r), 0);
	return r;
}

/* Everything of the report but `keep` is 0. */
static void only(const struct sv_report *r, enum sv_violation keep, int n)
{
	for (int k = 0; k < SV_V_COUNT; k++)
		if (k == (int)keep)
			assert_int_equal(r->v[k], n);
		else if (r->v[k]) {
			print_error("unexpected %s = %d\n", sv_violation_name((enum sv_violation)k), r->v[k]);
			fail();
		}
	assert_int_equal(r->hard, n);
}

/* A model without the student rules, for the verifier tests of other rules. */
static struct sv_model *bare(int days, int periods)
{
	struct sv_model *m = sv_model_new(days, periods);
	assert_non_null(m);
	sv_model_rules(m)->students_no_gaps = 0;
	sv_model_rules(m)->students_early = 0;
	return m;
}

static enum sv_status solve(struct sv_model *m, uint64_t seed, struct sv_place *pl, struct sv_result *res)
{
	struct sv_params p = {0};
	p.seed = seed;
	p.max_iters = 200000;
	p.stall_iters = 50000;
	return sv_solve(m, &p, pl, res);
}

/* --- the verifier: each rule broken by hand --- */

static void test_teacher_clash(void **state)
{
	struct sv_model *m = bare(1, 2);
	int s = sv_subject(m, "Math", SV_NO_LIMIT, 0), t = sv_teacher(m, "Aida", SV_NO_LIMIT);
	int a = sv_class(m, "7A", 0, SV_NO_LIMIT), b = sv_class(m, "7B", 0, SV_NO_LIMIT);
	act(m, s, t, a, -1, -1);
	act(m, s, t, b, -1, -1);
	struct sv_place good[] = {at(0, 0), at(0, 1)}, bad[] = {at(0, 1), at(0, 1)};
	only((struct sv_report[]){verify(m, good)}, SV_V_TEACHER_CLASH, 0);
	only((struct sv_report[]){verify(m, bad)}, SV_V_TEACHER_CLASH, 1);
	sv_model_free(m);
}

static void test_student_clash_group_with_class_not_with_other_group(void **state)
{
	struct sv_model *m = bare(1, 2);
	int s = sv_subject(m, "English", SV_NO_LIMIT, 0);
	int t1 = sv_teacher(m, "T1", SV_NO_LIMIT), t2 = sv_teacher(m, "T2", SV_NO_LIMIT), t3 = sv_teacher(m, "T3", 0);
	int c = sv_class(m, "7A", 0, SV_NO_LIMIT);
	int g1 = sv_group(m, c, "7A-1"), g2 = sv_group(m, c, "7A-2");
	act(m, s, t1, c, g1, -1);
	act(m, s, t2, c, g2, -1);
	act(m, s, t3, c, -1, -1); /* whole class */
	struct sv_place groups_together[] = {at(0, 0), at(0, 0), at(0, 1)};
	only((struct sv_report[]){verify(m, groups_together)}, SV_V_STUDENT_CLASH, 0);
	struct sv_place group_with_class[] = {at(0, 0), at(0, 1), at(0, 1)};
	only((struct sv_report[]){verify(m, group_with_class)}, SV_V_STUDENT_CLASH, 1);
	struct sv_place all_three[] = {at(0, 0), at(0, 0), at(0, 0)};
	only((struct sv_report[]){verify(m, all_three)}, SV_V_STUDENT_CLASH, 2); /* each group twice */
	sv_model_free(m);
}

static void test_room_clash_and_wrong_room(void **state)
{
	struct sv_model *m = bare(1, 2);
	int pe = sv_subject(m, "PE", SV_NO_LIMIT, 0);
	int t1 = sv_teacher(m, "T1", SV_NO_LIMIT), t2 = sv_teacher(m, "T2", SV_NO_LIMIT);
	int a = sv_class(m, "7A", 0, SV_NO_LIMIT), b = sv_class(m, "7B", 0, SV_NO_LIMIT);
	int gym = sv_room(m, "Gym"), lab = sv_room(m, "Lab");
	act(m, pe, t1, a, -1, gym);
	act(m, pe, t2, b, -1, gym);
	struct sv_place good[] = {{0, 0, gym}, {0, 1, gym}};
	only((struct sv_report[]){verify(m, good)}, SV_V_ROOM_CLASH, 0);
	struct sv_place clash[] = {{0, 1, gym}, {0, 1, gym}};
	only((struct sv_report[]){verify(m, clash)}, SV_V_ROOM_CLASH, 1);
	struct sv_place wrong[] = {{0, 0, lab}, {0, 1, -1}};
	only((struct sv_report[]){verify(m, wrong)}, SV_V_ROOM_WRONG, 2);
	sv_model_free(m);
}

static void test_teacher_unavailable(void **state)
{
	struct sv_model *m = bare(2, 2);
	int s = sv_subject(m, "Math", SV_NO_LIMIT, 0), t = sv_teacher(m, "Aida", SV_NO_LIMIT);
	int c = sv_class(m, "7A", 0, SV_NO_LIMIT);
	assert_int_equal(sv_teacher_off(m, t, 1, 0), 0);
	assert_int_equal(sv_teacher_off(m, t, 2, 0), -1);
	act(m, s, t, c, -1, -1);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(1, 1)})}, SV_V_TEACHER_OFF, 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(1, 0)})}, SV_V_TEACHER_OFF, 1);
	sv_model_free(m);
}

static void test_split_apart_and_unplaced(void **state)
{
	struct sv_model *m = bare(1, 3);
	int s = sv_subject(m, "English", SV_NO_LIMIT, 0);
	int t1 = sv_teacher(m, "T1", SV_NO_LIMIT), t2 = sv_teacher(m, "T2", SV_NO_LIMIT);
	int c = sv_class(m, "7A", 0, SV_NO_LIMIT);
	int g1 = sv_group(m, c, "7A-1"), g2 = sv_group(m, c, "7A-2");
	int x = act(m, s, t1, c, g1, -1), y = act(m, s, t2, c, g2, -1);
	assert_int_equal(sv_same_time(m, (int[]){x, y}, 2), 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 2), at(0, 2)})}, SV_V_SPLIT_APART, 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 2)})}, SV_V_SPLIT_APART, 1);
	struct sv_report r = verify(m, (struct sv_place[]){at(0, 0), at(-1, -1)});
	assert_int_equal(r.v[SV_V_UNPLACED], 1);
	r = verify(m, (struct sv_place[]){at(0, 0), at(0, 3)}); /* period outside the day */
	assert_int_equal(r.v[SV_V_UNPLACED], 1);
	sv_model_free(m);
}

/* One class with lessons at the given periods of day 0 (of 6). */
static struct sv_report class_day(struct sv_model *m, const int *periods, int n)
{
	struct sv_place pl[8];
	for (int i = 0; i < n; i++)
		pl[i] = at(0, periods[i]);
	return verify(m, pl);
}

static struct sv_model *one_class(int lessons, int min_daily, int max_daily)
{
	struct sv_model *m = sv_model_new(1, 6);
	int s = sv_subject(m, "Lesson", SV_NO_LIMIT, 0), c = sv_class(m, "7A", min_daily, max_daily);
	for (int i = 0; i < lessons; i++) {
		char name[8] = {'T', (char)('0' + i), 0};
		act(m, s, sv_teacher(m, name, SV_NO_LIMIT), c, -1, -1);
	}
	return m;
}

static void test_student_gaps_and_late_start(void **state)
{
	struct sv_model *m = one_class(3, 0, SV_NO_LIMIT);
	only((struct sv_report[]){class_day(m, (int[]){0, 1, 2}, 3)}, SV_V_STUDENT_GAPS, 0);
	only((struct sv_report[]){class_day(m, (int[]){0, 1, 4}, 3)}, SV_V_STUDENT_GAPS, 2);
	only((struct sv_report[]){class_day(m, (int[]){2, 3, 4}, 3)}, SV_V_STUDENT_LATE, 2);
	/* without the rules, the same days are fine */
	sv_model_rules(m)->students_no_gaps = 0;
	sv_model_rules(m)->students_early = 0;
	only((struct sv_report[]){class_day(m, (int[]){1, 3, 5}, 3)}, SV_V_STUDENT_GAPS, 0);
	sv_model_free(m);
}

static void test_class_daily_min_and_max(void **state)
{
	struct sv_model *m = one_class(5, 4, 4);
	only((struct sv_report[]){class_day(m, (int[]){0, 1, 2, 3, 4}, 5)}, SV_V_CLASS_MAX, 1);
	sv_model_free(m);
	m = one_class(3, 4, 5);
	only((struct sv_report[]){class_day(m, (int[]){0, 1, 2}, 3)}, SV_V_CLASS_MIN, 1);
	sv_model_free(m);
	m = one_class(4, 4, 5);
	struct sv_report r = class_day(m, (int[]){0, 1, 2, 3}, 4);
	assert_int_equal(r.hard, 0);
	sv_model_free(m);
}

static void test_subject_per_day(void **state)
{
	struct sv_model *m = bare(2, 4);
	int s = sv_subject(m, "Math", 2, 0), t = sv_teacher(m, "Aida", SV_NO_LIMIT);
	int c = sv_class(m, "7A", 0, SV_NO_LIMIT);
	for (int i = 0; i < 3; i++)
		act(m, s, t, c, -1, -1);
	struct sv_report r = verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(1, 0)});
	only(&r, SV_V_SUBJECT_DAY, 0);
	assert_int_equal(r.spread, 1);
	r = verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(0, 2)});
	only(&r, SV_V_SUBJECT_DAY, 1);
	assert_int_equal(r.spread, 2);
	sv_model_free(m);
}

static void test_teacher_daily_max(void **state)
{
	struct sv_model *m = bare(2, 4);
	int s = sv_subject(m, "Math", SV_NO_LIMIT, 0), t = sv_teacher(m, "Aida", 2);
	int c[3];
	for (int i = 0; i < 3; i++) {
		char name[4] = {'C', (char)('0' + i), 0};
		c[i] = sv_class(m, name, 0, SV_NO_LIMIT);
		act(m, s, t, c[i], -1, -1);
	}
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(1, 0)})}, SV_V_TEACHER_DAILY, 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(0, 2)})}, SV_V_TEACHER_DAILY, 1);
	sv_model_free(m);
}

static void test_teacher_gaps_day_and_week(void **state)
{
	struct sv_model *m = bare(2, 6);
	sv_model_rules(m)->teacher_max_gaps_day = 1;
	sv_model_rules(m)->teacher_max_gaps_week = 2;
	int s = sv_subject(m, "Math", SV_NO_LIMIT, 0), t = sv_teacher(m, "Aida", SV_NO_LIMIT);
	int c[4];
	for (int i = 0; i < 4; i++) {
		char name[4] = {'C', (char)('0' + i), 0};
		c[i] = sv_class(m, name, 0, SV_NO_LIMIT);
		act(m, s, t, c[i], -1, -1);
	}
	/* day 0: periods 0 and 2 (1 gap); day 1: 0 and 2 (1 gap): within both caps */
	struct sv_report r = verify(m, (struct sv_place[]){at(0, 0), at(0, 2), at(1, 0), at(1, 2)});
	assert_int_equal(r.hard, 0);
	assert_int_equal(r.teacher_gaps, 2);
	/* day 0: 0 and 3 (2 gaps, 1 over the daily cap); day 1: 0 and 2: 3 a week, 1 over */
	r = verify(m, (struct sv_place[]){at(0, 0), at(0, 3), at(1, 0), at(1, 2)});
	assert_int_equal(r.v[SV_V_TEACHER_GAPS_DAY], 1);
	assert_int_equal(r.v[SV_V_TEACHER_GAPS_WEEK], 1);
	assert_int_equal(r.hard, 2);
	assert_int_equal(r.teacher_gaps, 3);
	/* an unavailable period inside the span is not a gap (as in FET) */
	sv_teacher_off(m, t, 0, 1);
	sv_teacher_off(m, t, 0, 2);
	r = verify(m, (struct sv_place[]){at(0, 0), at(0, 3), at(1, 0), at(1, 2)});
	assert_int_equal(r.teacher_gaps, 1);
	assert_int_equal(r.hard, 0);
	sv_model_free(m);
}

/* --- the solver keeps every rule --- */

/* 2 days × 5 periods; classes A (groups A1, A2) and B, 4 lessons a day each (min 4,
 * max 4); split English of A (2 groups, 2 teachers) twice; Math at most once a day,
 * a hard subject; PE needs the one gym; teacher Ola off on day 0 period 0; daily max 3
 * for Math's teacher; teacher gap caps 0 a day. */
struct tiny {
	struct sv_model *m;
	int eng[4], pe[2];
	int gym;
};

static struct tiny tiny(void)
{
	struct tiny x;
	struct sv_model *m = sv_model_new(2, 5);
	assert_non_null(m);
	sv_model_rules(m)->teacher_max_gaps_day = 0;
	sv_model_rules(m)->teacher_max_gaps_week = 0;
	int math = sv_subject(m, "Math", 1, 1), eng = sv_subject(m, "English", SV_NO_LIMIT, 0);
	int pe = sv_subject(m, "PE", 1, 0), art = sv_subject(m, "Art", SV_NO_LIMIT, 0);
	int tm = sv_teacher(m, "Aida", 3), te1 = sv_teacher(m, "Bolat", SV_NO_LIMIT);
	int te2 = sv_teacher(m, "Ola", SV_NO_LIMIT), tp = sv_teacher(m, "Dana", SV_NO_LIMIT);
	int ta = sv_teacher(m, "Erlan", SV_NO_LIMIT);
	sv_teacher_off(m, te2, 0, 0);
	int a = sv_class(m, "7A", 4, 4), b = sv_class(m, "7B", 4, 4);
	int a1 = sv_group(m, a, "7A-1"), a2 = sv_group(m, a, "7A-2");
	x.gym = sv_room(m, "Gym");
	sv_room(m, "Room 1");
	for (int d = 0; d < 2; d++) {
		act(m, math, tm, a, -1, -1);
		act(m, math, tm, b, -1, -1);
		x.pe[d] = act(m, pe, tp, d ? b : a, -1, x.gym);
		act(m, pe, tp, d ? a : b, -1, x.gym);
		x.eng[2 * d] = act(m, eng, te1, a, a1, -1);
		x.eng[2 * d + 1] = act(m, eng, te2, a, a2, -1);
		sv_same_time(m, x.eng + 2 * d, 2);
		act(m, eng, te1, b, -1, -1);
		act(m, art, ta, a, -1, -1);
		act(m, art, ta, b, -1, -1);
	}
	x.m = m;
	return x;
}

static void test_solver_keeps_every_rule_on_a_tiny_school(void **state)
{
	struct tiny x = tiny();
	int n = sv_n_activities(x.m);
	assert_int_equal(n, 18);
	struct sv_place pl[18];
	struct sv_result res;
	assert_int_equal(solve(x.m, 7, pl, &res), SV_SOLVED);
	assert_int_equal(res.hard, 0);
	assert_int_equal(res.n_conflicts, 0);
	struct sv_report r = verify(x.m, pl);
	assert_int_equal(r.hard, 0);
	assert_int_equal(r.teacher_gaps, 0);
	assert_int_equal(r.soft, res.soft); /* the search's running cost agrees */
	/* the split English of 7A at one time, the gym given to PE */
	for (int d = 0; d < 2; d++) {
		assert_int_equal(pl[x.eng[2 * d]].day, pl[x.eng[2 * d + 1]].day);
		assert_int_equal(pl[x.eng[2 * d]].period, pl[x.eng[2 * d + 1]].period);
		assert_int_equal(pl[x.pe[d]].room, x.gym);
	}
	for (int a = 0; a < n; a++) {
		assert_in_range(pl[a].day, 0, 1);
		assert_in_range(pl[a].period, 0, 3); /* 4 lessons a day from the first period */
	}
	sv_model_free(x.m);
}

static void test_locked_entry_kept(void **state)
{
	struct tiny x = tiny();
	/* 7A's first Math (activity 0) by hand on day 1, period 3 */
	assert_int_equal(sv_lock(x.m, 0, 1, 3), 0);
	assert_int_equal(sv_lock(x.m, 0, 2, 0), -1);
	struct sv_place pl[18];
	struct sv_result res;
	for (uint64_t seed = 1; seed <= 3; seed++) {
		assert_int_equal(solve(x.m, seed, pl, &res), SV_SOLVED);
		assert_int_equal(pl[0].day, 1);
		assert_int_equal(pl[0].period, 3);
		assert_int_equal(verify(x.m, pl).hard, 0);
	}
	pl[0].period = 2;
	struct sv_report r = verify(x.m, pl);
	assert_int_equal(r.v[SV_V_LOCK_MOVED], 1);
	sv_model_free(x.m);
}

static void test_same_seed_same_timetable(void **state)
{
	struct tiny x = tiny(), y = tiny();
	struct sv_place p1[18], p2[18];
	struct sv_result r1, r2;
	solve(x.m, 42, p1, &r1);
	solve(y.m, 42, p2, &r2);
	assert_memory_equal(p1, p2, sizeof p1);
	assert_int_equal(r1.iters, r2.iters);
	sv_model_free(x.m);
	sv_model_free(y.m);
}

static void test_parallel_keeps_the_best(void **state)
{
	struct tiny x = tiny();
	struct sv_place pl[18];
	struct sv_result res;
	struct sv_params p = {0};
	p.seed = 9;
	p.max_iters = 100000;
	p.stall_iters = 20000;
	assert_int_equal(sv_solve_parallel(x.m, &p, 2, pl, &res), SV_SOLVED);
	assert_int_equal(verify(x.m, pl).hard, 0);
	assert_int_equal(verify(x.m, pl).soft, res.soft);
	assert_true(res.iters > 0);
	sv_model_free(x.m);
}

/* Classes A, B, C of 4 lessons a day over 2 days of 4 periods; teacher X gives each
 * class one lesson a day, a filler teacher per class the other three. Each day one
 * teacher must have a gap (X's three lessons in a row leave the middle class's filler
 * one; else X has one), so the week has at least 2; a cap of 1 a week spreads them. The
 * gap weight is 0: only the cap keeps them down. */
static struct sv_model *gap_model(int cap, int math_daily)
{
	struct sv_model *m = sv_model_new(2, 4);
	sv_model_rules(m)->teacher_max_gaps_week = cap;
	sv_model_rules(m)->w_teacher_gap = 0;
	int sx = sv_subject(m, "Math", math_daily, 0), sf = sv_subject(m, "Kazakh", SV_NO_LIMIT, 0);
	int x = sv_teacher(m, "X", SV_NO_LIMIT);
	for (int i = 0; i < 3; i++) {
		char name[4] = {'C', (char)('A' + i), 0};
		int c = sv_class(m, name, 4, 4);
		name[0] = 'F';
		int f = sv_teacher(m, name, SV_NO_LIMIT);
		for (int d = 0; d < 2; d++) {
			act(m, sx, x, c, -1, -1);
			for (int k = 0; k < 3; k++)
				act(m, sf, f, c, -1, -1);
		}
	}
	return m;
}

static void test_one_gap_a_week_cap_is_honoured(void **state)
{
	struct sv_model *m = gap_model(1, SV_NO_LIMIT);
	int n = sv_n_activities(m);
	assert_int_equal(n, 24);
	struct sv_place pl[24];
	struct sv_result res;
	for (uint64_t seed = 1; seed <= 5; seed++) {
		assert_int_equal(solve(m, seed, pl, &res), SV_SOLVED);
		struct sv_report r = verify(m, pl);
		assert_int_equal(r.hard, 0);
		assert_int_equal(r.v[SV_V_TEACHER_GAPS_WEEK], 0);
		assert_in_range(r.teacher_gaps, 2, 4); /* at most 1 for each of the 4 */
	}
	/* the same placement with a cap of 0 breaks it */
	sv_model_rules(m)->teacher_max_gaps_week = 0;
	struct sv_report r = verify(m, pl);
	assert_int_equal(r.v[SV_V_TEACHER_GAPS_WEEK], r.teacher_gaps);
	sv_model_free(m);
}

/* Two threads, the same seed: the same timetable every run, although they exchange
 * their best timetables (every 16 moves here) and take the other's when stalled. With
 * a weekly gap cap of 0 and Math once a day the instance of gap_model() has no
 * timetable (a gap a day is forced): the threads stay in the repair, stall and adopt
 * again and again; with a cap of 1 they solve it and improve until they stall. */
static void test_parallel_same_seed_same_timetable(void **state)
{
	for (int cap = 0; cap <= 1; cap++) {
		struct sv_model *m = gap_model(cap, 1);
		struct sv_place first[24], pl[24];
		struct sv_result r0, res;
		struct sv_params p = {0};
		p.seed = 3;
		p.max_iters = 40000;
		p.stall_iters = 5000;
		p.share_every = 16;
		assert_int_equal(sv_solve_parallel(m, &p, 2, first, &r0), cap ? SV_SOLVED : SV_UNSOLVED);
		assert_int_equal(verify(m, first).hard, r0.hard);
		for (int run = 0; run < 8; run++) {
			memset(pl, 0xff, sizeof pl);
			assert_int_equal(sv_solve_parallel(m, &p, 2, pl, &res), r0.status);
			assert_memory_equal(first, pl, sizeof pl);
			assert_int_equal(res.iters, r0.iters);
			assert_int_equal(res.hard, r0.hard);
			assert_int_equal(res.soft, r0.soft);
		}
		sv_model_free(m);
	}
}

/* --- impossible instances say why --- */

static void test_impossible_class_hours_named_with_numbers(void **state)
{
	struct sv_model *m = sv_model_new(2, 3);
	int s = sv_subject(m, "Math", SV_NO_LIMIT, 0);
	int c = sv_class(m, "7A", 0, SV_NO_LIMIT);
	for (int i = 0; i < 7; i++) {
		char name[4] = {'T', (char)('0' + i), 0};
		act(m, s, sv_teacher(m, name, SV_NO_LIMIT), c, -1, -1);
	}
	struct sv_place pl[7];
	struct sv_result res;
	assert_int_equal(solve(m, 1, pl, &res), SV_INFEASIBLE);
	assert_int_equal(res.n_conflicts, 1);
	assert_int_equal(res.conflicts[0].kind, SV_C_GROUP_HOURS);
	assert_int_equal(res.conflicts[0].need, 7);
	assert_int_equal(res.conflicts[0].have, 6);
	assert_string_equal(res.conflicts[0].text, "7A needs 7 lessons a week; the week has 6 periods");
	assert_int_equal(pl[0].day, -1); /* nothing placed */
	sv_model_free(m);
}

static void test_impossible_teacher_and_subject_and_room(void **state)
{
	struct sv_model *m = sv_model_new(2, 4);
	int s = sv_subject(m, "Math", 1, 0), pe = sv_subject(m, "PE", SV_NO_LIMIT, 0);
	int t = sv_teacher(m, "Aida", SV_NO_LIMIT), t2 = sv_teacher(m, "Dana", 1);
	for (int p = 0; p < 4; p++)
		sv_teacher_off(m, t, 1, p); /* Aida works day 0 only: 4 periods */
	int gym = sv_room(m, "Gym");
	int c[5];
	for (int i = 0; i < 5; i++) {
		char name[4] = {'C', (char)('0' + i), 0};
		c[i] = sv_class(m, name, 0, SV_NO_LIMIT);
		act(m, s, t, c[i], -1, -1);
	}
	act(m, s, t2, c[0], -1, -1);        /* 7A: Math twice, at most once a day: fine */
	act(m, s, t2, c[0], -1, -1);        /* … three times over 2 days: not */
	for (int i = 0; i < 9; i++)        /* 9 PE lessons for the one gym's 8 periods */
		act(m, pe, -1, c[i % 5], -1, gym);
	struct sv_conflict cf[SV_MAX_CONFLICTS];
	int n = sv_conflicts(m, cf, SV_MAX_CONFLICTS);
	int seen_teacher = 0, seen_daily = 0, seen_subject = 0, seen_room = 0;
	for (int i = 0; i < n; i++) {
		if (cf[i].kind == SV_C_TEACHER_HOURS && cf[i].who == t) {
			seen_teacher = 1;
			assert_int_equal(cf[i].need, 5);
			assert_int_equal(cf[i].have, 4);
			assert_string_equal(cf[i].text, "teacher Aida has 5 hours a week and is available 4 periods");
		}
		if (cf[i].kind == SV_C_TEACHER_HOURS && cf[i].who == t2) {
			seen_daily = 1; /* 2 hours, 1 a day over 2 days is fine: must not be here */
		}
		if (cf[i].kind == SV_C_SUBJECT_DAY) {
			seen_subject = 1;
			assert_int_equal(cf[i].need, 3);
			assert_int_equal(cf[i].have, 2);
		}
		if (cf[i].kind == SV_C_ROOM_HOURS) {
			seen_room = 1;
			assert_int_equal(cf[i].need, 9);
			assert_int_equal(cf[i].have, 8);
		}
	}
	assert_true(seen_teacher);
	assert_false(seen_daily);
	assert_true(seen_subject);
	assert_true(seen_room);
	assert_int_equal(n, 3);
	sv_model_free(m);
}

static void test_same_time_set_sharing_a_teacher_is_a_conflict(void **state)
{
	struct sv_model *m = sv_model_new(1, 4);
	int s = sv_subject(m, "English", SV_NO_LIMIT, 0), t = sv_teacher(m, "Bolat", SV_NO_LIMIT);
	int c = sv_class(m, "7A", 0, SV_NO_LIMIT);
	int g1 = sv_group(m, c, "7A-1"), g2 = sv_group(m, c, "7A-2");
	int x = act(m, s, t, c, g1, -1), y = act(m, s, t, c, g2, -1);
	sv_same_time(m, (int[]){x, y}, 2);
	struct sv_conflict cf[4];
	assert_int_equal(sv_conflicts(m, cf, 4), 1);
	assert_int_equal(cf[0].kind, SV_C_SAME_TIME_CLASH);
	sv_model_free(m);
}

/* --- progress and the clock --- */

struct fake_clock {
	double t;
	int calls;
};

static double fake_now(void *ctx)
{
	struct fake_clock *c = ctx;
	c->t += 0.001; /* a millisecond a reading */
	return c->t;
}

static void on_progress(void *ctx, const struct sv_progress *p)
{
	struct fake_clock *c = ctx;
	c->calls++;
	assert_true(p->hard >= 0);
	assert_true(p->elapsed >= 0);
}

static void test_time_limit_and_progress(void **state)
{
	struct tiny x = tiny();
	struct fake_clock clk = {100, 0}, calls = {0, 0};
	struct sv_params p = {0};
	p.seed = 3;
	p.time_limit = 0.5; /* 500 readings of the fake clock, one per 256 iterations */
	p.stall_iters = UINT64_MAX / 2;
	p.now = fake_now;
	p.now_ctx = &clk;
	p.progress = on_progress;
	p.progress_ctx = &calls;
	p.progress_every = 0.1;
	struct sv_place pl[18];
	struct sv_result res;
	assert_int_equal(sv_solve(x.m, &p, pl, &res), SV_SOLVED);
	assert_true(res.elapsed >= 0.5 && res.elapsed < 0.6);
	assert_true(res.iters > 100000 && res.iters < 140000);
	assert_true(res.time_to_feasible >= 0 && res.time_to_feasible <= res.elapsed);
	assert_in_range(calls.calls, 5, 10); /* start, every 0.1 s, end */
	sv_model_free(x.m);
}

static void test_bad_input_refused(void **state)
{
	assert_null(sv_model_new(0, 5));
	assert_null(sv_model_new(5, SV_MAX_PERIODS + 1));
	struct sv_model *m = sv_model_new(1, 2);
	int s = sv_subject(m, "Math", SV_NO_LIMIT, 0);
	assert_int_equal(act(m, s, 5, 0, -1, -1), -1); /* no such teacher, no such class */
	assert_int_equal(sv_group(m, 3, "x"), -1);
	struct sv_place pl[1];
	struct sv_result res;
	assert_int_equal(solve(m, 1, pl, &res), SV_ERROR); /* no activity */
	sv_model_free(m);
}

/* --- the rules of real schools' FET files (vmg-20180901b-2.fet) --- */

/* Solves with a fixed iteration budget; the result must have 0 hard violations by the
 * verifier, and the search's running cost must be the verifier's. */
static void solve_clean(struct sv_model *m, struct sv_place *pl)
{
	struct sv_params p = {0};
	p.seed = 3;
	p.max_iters = 100000;
	p.stall_iters = 20000;
	struct sv_result res;
	assert_int_equal(sv_solve(m, &p, pl, &res), SV_SOLVED);
	struct sv_report r;
	assert_int_equal(sv_verify(m, pl, &r), 0);
	assert_int_equal(r.hard, 0);
	assert_int_equal(r.soft, res.soft);
}

static void test_double_lesson_covers_two_periods_of_one_day(void **state)
{
	(void)state;
	struct sv_model *m = bare(2, 3);
	int s = sv_subject(m, "Lab", SV_NO_LIMIT, 0), t = sv_teacher(m, "Aida", SV_NO_LIMIT);
	int c = sv_class(m, "7A", 0, SV_NO_LIMIT), d = sv_class(m, "7B", 0, SV_NO_LIMIT);
	int lab = act(m, s, t, c, -1, -1);
	act(m, s, t, d, -1, -1);
	assert_int_equal(sv_activity_duration(m, lab, 2), 0);
	assert_int_equal(sv_activity_duration(m, lab, 4), -1); /* longer than the day */
	/* the double at periods 0-1, the single at 2: fine; the single at 1: a clash */
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 2)})}, SV_V_TEACHER_CLASH, 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1)})}, SV_V_TEACHER_CLASH, 1);
	/* starting at the last period it would run past the day */
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 2), at(1, 0)})}, SV_V_UNPLACED, 1);
	sv_model_free(m);
}

static void test_double_lessons_solved_without_gaps(void **state)
{
	(void)state;
	/* 1 day × 4 periods, students without gaps from the first period: two doubles and a
	 * single share a teacher and a class; two singles of another class between them */
	struct sv_model *m = sv_model_new(1, 5);
	int s = sv_subject(m, "Lab", SV_NO_LIMIT, 0), t = sv_teacher(m, "Aida", SV_NO_LIMIT);
	int u = sv_teacher(m, "Bota", SV_NO_LIMIT);
	int c = sv_class(m, "7A", 0, SV_NO_LIMIT), d = sv_class(m, "7B", 0, SV_NO_LIMIT);
	int a1 = act(m, s, t, c, -1, -1), a2 = act(m, s, t, c, -1, -1);
	act(m, s, u, c, -1, -1);
	int b1 = act(m, s, t, d, -1, -1);
	act(m, s, u, d, -1, -1);
	sv_activity_duration(m, a1, 2);
	sv_activity_duration(m, a2, 2);
	sv_activity_duration(m, b1, 1);
	struct sv_place pl[5];
	solve_clean(m, pl);
	assert_int_not_equal(pl[a1].period, pl[a2].period);
	sv_model_free(m);
}

/* n lessons of Aida's Math for 7A (its index in *cls): the first activity's index. */
static int aida_7a(struct sv_model *m, int n, int *cls)
{
	int s = sv_subject(m, "Math", SV_NO_LIMIT, 0), t = sv_teacher(m, "Aida", SV_NO_LIMIT);
	*cls = sv_class(m, "7A", 0, SV_NO_LIMIT);
	int first = act(m, s, t, *cls, -1, -1);
	for (int i = 1; i < n; i++)
		act(m, s, t, *cls, -1, -1);
	return first;
}

static void test_students_unavailable_is_no_gap_nor_late_start(void **state)
{
	(void)state;
	struct sv_model *m = sv_model_new(1, 4);
	int c;
	aida_7a(m, 2, &c);
	assert_int_equal(sv_class_off(m, c, 0, 0), 0);
	assert_int_equal(sv_class_off(m, c, 0, 2), 0);
	/* periods 1 and 3: the off period 0 is no late start, the off period 2 no gap */
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 1), at(0, 3)})}, SV_V_STUDENT_OFF, 0);
	/* at period 0: unavailable */
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1)})}, SV_V_STUDENT_OFF, 1);
	struct sv_place pl[2];
	solve_clean(m, pl);
	assert_true(pl[0].period == 1 || pl[0].period == 3);
	assert_true(pl[1].period == 1 || pl[1].period == 3);
	sv_model_free(m);
}

static void test_group_unavailable(void **state)
{
	(void)state;
	struct sv_model *m = bare(1, 2);
	int s = sv_subject(m, "Eng", SV_NO_LIMIT, 0), t = sv_teacher(m, "Aida", SV_NO_LIMIT);
	int c = sv_class(m, "7A", 0, SV_NO_LIMIT), g1 = sv_group(m, c, "7A-1");
	sv_group(m, c, "7A-2");
	struct sv_activity_spec sp = {0};
	sp.subject = s;
	sp.n_teachers = 1;
	sp.teachers = &t;
	sp.n_groups = 1;
	sp.groups = &g1;
	sv_activity(m, &sp);
	assert_int_equal(sv_group_off(m, g1, 0, 1), 0);
	assert_int_equal(sv_group_off(m, 5, 0, 1), -1);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0)})}, SV_V_STUDENT_OFF, 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 1)})}, SV_V_STUDENT_OFF, 1);
	sv_model_free(m);
}

static void test_activity_ends_the_students_day(void **state)
{
	(void)state;
	struct sv_model *m = sv_model_new(1, 3);
	int c, last = aida_7a(m, 3, &c);
	assert_int_equal(sv_activity_ends_day(m, last), 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 2), at(0, 0), at(0, 1)})}, SV_V_NOT_LAST, 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(0, 2)})}, SV_V_NOT_LAST, 1);
	struct sv_place pl[3];
	solve_clean(m, pl);
	assert_int_equal(pl[last].period, 2);
	sv_model_free(m);
}

static void test_activity_allowed_slots(void **state)
{
	(void)state;
	struct sv_model *m = bare(2, 2);
	int c, a = aida_7a(m, 1, &c);
	sv_activity_duration(m, a, 2);
	/* allowed only on day 1: day 0 is off; a double at day 0 breaks twice */
	assert_int_equal(sv_activity_off(m, a, 0, 0), 0);
	assert_int_equal(sv_activity_off(m, a, 0, 1), 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0)})}, SV_V_ACTIVITY_OFF, 2);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(1, 0)})}, SV_V_ACTIVITY_OFF, 0);
	struct sv_place pl[1];
	solve_clean(m, pl);
	assert_int_equal(pl[0].day, 1);
	sv_model_free(m);
}

/* One teacher with four single lessons for four classes, 4 days × 2 periods. */
static struct sv_model *four_lessons(int *t)
{
	struct sv_model *m = bare(4, 2);
	int s = sv_subject(m, "Math", SV_NO_LIMIT, 0);
	*t = sv_teacher(m, "Aida", SV_NO_LIMIT);
	for (int i = 0; i < 4; i++) {
		char name[4] = {'C', (char)('0' + i), 0};
		act(m, s, *t, sv_class(m, name, 0, SV_NO_LIMIT), -1, -1);
	}
	return m;
}

static void test_teacher_max_days(void **state)
{
	(void)state;
	int t;
	struct sv_model *m = four_lessons(&t);
	assert_int_equal(sv_teacher_max_days(m, t, 2), 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(2, 0), at(2, 1)})}, SV_V_TEACHER_DAYS, 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(1, 0), at(2, 0), at(3, 1)})}, SV_V_TEACHER_DAYS, 2);
	struct sv_place pl[4];
	solve_clean(m, pl);
	int days = 0;
	for (int d = 0; d < 4; d++)
		days += pl[0].day == d || pl[1].day == d || pl[2].day == d || pl[3].day == d;
	assert_int_equal(days, 2);
	sv_model_free(m);
}

static void test_teacher_min_daily(void **state)
{
	(void)state;
	int t;
	struct sv_model *m = four_lessons(&t);
	assert_int_equal(sv_teacher_min_daily(m, t, 2, 1), 0);
	/* empty days allowed: days of 2 are fine, a day of 1 misses one */
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(3, 0), at(3, 1)})}, SV_V_TEACHER_MIN_DAILY, 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(1, 0), at(3, 1)})}, SV_V_TEACHER_MIN_DAILY, 2);
	struct sv_place pl[4];
	solve_clean(m, pl);
	/* every day: four days of 1 are the only way, and each misses one */
	assert_int_equal(sv_teacher_min_daily(m, t, 1, 0), 0);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(3, 0), at(3, 1)})}, SV_V_TEACHER_MIN_DAILY, 2);
	solve_clean(m, pl);
	for (int d = 0; d < 4; d++)
		assert_int_equal(pl[d].day == pl[(d + 1) % 4].day, 0);
	sv_model_free(m);
}

static void test_teacher_max_lessons_in_a_row(void **state)
{
	(void)state;
	/* Aida: one lesson in each of three classes on a day of 4 periods, at most 2 in a row */
	struct sv_model *m = bare(1, 4);
	int s = sv_subject(m, "Math", SV_NO_LIMIT, 0), t = sv_teacher(m, "Aida", SV_NO_LIMIT);
	for (int i = 0; i < 3; i++) {
		char name[4] = {'C', (char)('0' + i), 0};
		act(m, s, t, sv_class(m, name, 0, SV_NO_LIMIT), -1, -1);
	}
	assert_int_equal(sv_teacher_max_run(m, t, 2), 0);
	assert_int_equal(sv_teacher_max_run(m, t, 0), -1);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(0, 2)})}, SV_V_TEACHER_RUN, 1);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 1), at(0, 2), at(0, 3)})}, SV_V_TEACHER_RUN, 1);
	only((struct sv_report[]){verify(m, (struct sv_place[]){at(0, 0), at(0, 1), at(0, 3)})}, SV_V_TEACHER_RUN, 0);
	struct sv_place pl[3];
	solve_clean(m, pl);
	int busy = 1 << pl[0].period | 1 << pl[1].period | 1 << pl[2].period;
	assert_true(busy == 0xB || busy == 0xD); /* 0, 1, 3 or 0, 2, 3 */
	sv_model_free(m);
}

static void test_counting_conflicts_see_durations_and_days(void **state)
{
	(void)state;
	int t;
	struct sv_model *m = four_lessons(&t);
	/* four lessons on at most 1 day of 2 periods: 4 > 2 */
	sv_teacher_max_days(m, t, 1);
	struct sv_conflict c[4];
	assert_int_equal(sv_conflicts(m, c, 4), 1);
	assert_int_equal(c[0].kind, SV_C_TEACHER_HOURS);
	assert_int_equal(c[0].need, 4);
	assert_int_equal(c[0].have, 2);
	sv_teacher_max_days(m, t, 2);
	assert_int_equal(sv_conflicts(m, c, 4), 0);
	/* a double lesson counts two hours: 5 > 4 */
	assert_int_equal(sv_activity_duration(m, 0, 2), 0);
	assert_int_equal(sv_conflicts(m, c, 4), 1);
	assert_int_equal(c[0].need, 5);
	sv_model_free(m);
}

/* --- the smallest conflicting set --- */

/* The budget of each of sv_explain's brief re-solves in these tests. */
static struct sv_params brief(void)
{
	struct sv_params p = {0};
	p.seed = 1;
	p.max_iters = 20000;
	p.stall_iters = 5000;
	return p;
}

static void test_explain_names_the_constraint_to_relax(void **state)
{
	(void)state;
	/* one day of 2 periods, 7A's two lessons from the first period without gaps; Aida and
	 * Bota may both teach only at period 0 — each has 1 hour and 1 period, every count
	 * fits, so only a search sees it; Chingiz's daily maximum is not to blame */
	struct sv_model *m = sv_model_new(1, 2);
	int s = sv_subject(m, "Math", 1, 0), s2 = sv_subject(m, "Art", 1, 0);
	int a = sv_teacher(m, "Aida", SV_NO_LIMIT), b = sv_teacher(m, "Bota", SV_NO_LIMIT);
	int ch = sv_teacher(m, "Chingiz", 1);
	int c = sv_class(m, "7A", 0, SV_NO_LIMIT), d = sv_class(m, "7B", 0, SV_NO_LIMIT);
	act(m, s, a, c, -1, -1);
	act(m, s2, b, c, -1, -1);
	act(m, s, ch, d, -1, -1);
	sv_teacher_off(m, a, 0, 1);
	sv_teacher_off(m, b, 0, 1);
	struct sv_conflict cf[4];
	assert_int_equal(sv_conflicts(m, cf, 4), 0);
	struct sv_params p = brief();
	struct sv_relax r[4];
	int n = sv_explain(m, &p, r, 4);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].kind, SV_R_TEACHER_OFF);
	assert_true(r[0].who == a || r[0].who == b);
	assert_string_equal(r[0].text, r[0].who == a ? "the unavailable times of teacher Aida"
						     : "the unavailable times of teacher Bota");
	/* the model is left as it was: still no timetable; without Aida's times, one */
	struct sv_place pl[3];
	struct sv_result res;
	assert_int_equal(sv_solve(m, &p, pl, &res), SV_UNSOLVED);
	sv_model_free(m);
	m = sv_model_new(1, 2);
	s = sv_subject(m, "Math", 1, 0);
	a = sv_teacher(m, "Aida", SV_NO_LIMIT);
	c = sv_class(m, "7A", 0, SV_NO_LIMIT);
	act(m, s, a, c, -1, -1);
	assert_int_equal(sv_explain(m, &p, r, 4), 0); /* solvable: nothing to blame */
	sv_model_free(m);
}

static void test_explain_finds_a_rule_of_the_school(void **state)
{
	(void)state;
	/* Aida teaches 7A at period 0 and 7B at period 2 (both locked by hand): one gap,
	 * with a cap of 0 a day; the counts fit */
	struct sv_model *m = bare(1, 3);
	int s = sv_subject(m, "Math", SV_NO_LIMIT, 0), a = sv_teacher(m, "Aida", SV_NO_LIMIT);
	int x = act(m, s, a, sv_class(m, "7A", 0, SV_NO_LIMIT), -1, -1);
	int y = act(m, s, a, sv_class(m, "7B", 0, SV_NO_LIMIT), -1, -1);
	sv_lock(m, x, 0, 0);
	sv_lock(m, y, 0, 2);
	sv_model_rules(m)->teacher_max_gaps_day = 0;
	struct sv_params p = brief();
	struct sv_relax r[4];
	int n = sv_explain(m, &p, r, 4);
	assert_int_equal(n, 1);
	/* the gap cap, or one of the two locks */
	assert_true(r[0].kind == SV_R_TEACHER_GAPS_DAY || r[0].kind == SV_R_LOCK);
	if (r[0].kind == SV_R_TEACHER_GAPS_DAY)
		assert_int_equal(r[0].who, -1);
	assert_int_equal(sv_model_rules(m)->teacher_max_gaps_day, 0); /* put back */
	sv_model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_teacher_clash),
		cmocka_unit_test(test_student_clash_group_with_class_not_with_other_group),
		cmocka_unit_test(test_room_clash_and_wrong_room),
		cmocka_unit_test(test_teacher_unavailable),
		cmocka_unit_test(test_split_apart_and_unplaced),
		cmocka_unit_test(test_student_gaps_and_late_start),
		cmocka_unit_test(test_class_daily_min_and_max),
		cmocka_unit_test(test_subject_per_day),
		cmocka_unit_test(test_teacher_daily_max),
		cmocka_unit_test(test_teacher_gaps_day_and_week),
		cmocka_unit_test(test_solver_keeps_every_rule_on_a_tiny_school),
		cmocka_unit_test(test_locked_entry_kept),
		cmocka_unit_test(test_parallel_keeps_the_best),
		cmocka_unit_test(test_parallel_same_seed_same_timetable),
		cmocka_unit_test(test_same_seed_same_timetable),
		cmocka_unit_test(test_one_gap_a_week_cap_is_honoured),
		cmocka_unit_test(test_impossible_class_hours_named_with_numbers),
		cmocka_unit_test(test_impossible_teacher_and_subject_and_room),
		cmocka_unit_test(test_same_time_set_sharing_a_teacher_is_a_conflict),
		cmocka_unit_test(test_time_limit_and_progress),
		cmocka_unit_test(test_bad_input_refused),
		cmocka_unit_test(test_explain_names_the_constraint_to_relax),
		cmocka_unit_test(test_explain_finds_a_rule_of_the_school),
		cmocka_unit_test(test_double_lesson_covers_two_periods_of_one_day),
		cmocka_unit_test(test_double_lessons_solved_without_gaps),
		cmocka_unit_test(test_students_unavailable_is_no_gap_nor_late_start),
		cmocka_unit_test(test_group_unavailable),
		cmocka_unit_test(test_activity_ends_the_students_day),
		cmocka_unit_test(test_activity_allowed_slots),
		cmocka_unit_test(test_teacher_max_days),
		cmocka_unit_test(test_teacher_min_daily),
		cmocka_unit_test(test_teacher_max_lessons_in_a_row),
		cmocka_unit_test(test_counting_conflicts_see_durations_and_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
