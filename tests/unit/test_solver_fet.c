/* Unit tests of src/solver/fet.c: a small FET file of the kinds gen_nis.py writes
 * (bench/timetable) read into the model, solved, and written back as FET's
 * <Activities_Timetable>; malformed and unsupported input refused or named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "solver/fet.h"

#define ACT(id, teachers, subj, students)                                                                      \
	"<Activity>\n" teachers "\t<Subject>" subj "</Subject>\n\t<Activity_Tag>T_" subj "</Activity_Tag>\n"  \
	"\t<Students>" students "</Students>\n\t<Duration>1</Duration>\n\t<Total_Duration>1</Total_Duration>\n" \
	"\t<Id>" #id "</Id>\n\t<Activity_Group_Id>0</Activity_Group_Id>\n\t<Active>true</Active>\n"            \
	"\t<Comments></Comments>\n</Activity>\n"
#define T(name) "\t<Teacher>" name "</Teacher>\n"
#define C(tag, body) "<" tag ">\n\t<Weight_Percentage>100</Weight_Percentage>\n" body "\t<Active>true</Active>\n</" tag ">\n"

/* 2 days × 3 hours; year 7: 7A in two halves, 7B whole; a split English of 7A, a
 * year-wide elective with two teachers, PE in the one gym (a name with an entity). */
static const char tiny_fet[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a comment -->\n<fet version=\"6.8.5\">\n"
	"<Mode>Official</Mode>\n<Institution_Name>Tiny &amp; small</Institution_Name>\n"
	"<Days_List>\n<Number_of_Days>2</Number_of_Days>\n<Day>\n\t<Name>Mon</Name>\n</Day>\n"
	"<Day>\n\t<Name>Tue</Name>\n</Day>\n</Days_List>\n"
	"<Hours_List>\n<Number_of_Hours>3</Number_of_Hours>\n<Hour>\n\t<Name>08:00</Name>\n</Hour>\n"
	"<Hour>\n\t<Name>08:50</Name>\n</Hour>\n<Hour>\n\t<Name>09:40</Name>\n</Hour>\n</Hours_List>\n"
	"<Subjects_List>\n<Subject>\n\t<Name>Math</Name>\n</Subject>\n<Subject>\n\t<Name>English</Name>\n"
	"</Subject>\n<Subject>\n\t<Name>PE</Name>\n</Subject>\n<Subject>\n\t<Name>Elective</Name>\n</Subject>\n"
	"</Subjects_List>\n<Activity_Tags_List>\n</Activity_Tags_List>\n"
	"<Teachers_List>\n<Teacher>\n\t<Name>A</Name>\n</Teacher>\n<Teacher>\n\t<Name>B</Name>\n</Teacher>\n"
	"<Teacher>\n\t<Name>C</Name>\n</Teacher>\n<Teacher>\n\t<Name>D</Name>\n</Teacher>\n</Teachers_List>\n"
	"<Students_List>\n<Year>\n\t<Name>7</Name>\n\t<Group>\n\t\t<Name>7A</Name>\n"
	"\t\t<Subgroup>\n\t\t\t<Name>7A-1</Name>\n\t\t</Subgroup>\n\t\t<Subgroup>\n\t\t\t<Name>7A-2</Name>\n"
	"\t\t</Subgroup>\n\t</Group>\n\t<Group>\n\t\t<Name>7B</Name>\n\t</Group>\n</Year>\n</Students_List>\n"
	"<Activities_List>\n" ACT(1, T("A"), "Math", "7A") ACT(2, T("A"), "Math", "7B") ACT(3, T("B"), "English", "7A-1")
		ACT(4, T("C"), "English", "7A-2") ACT(5, T("D"), "PE", "7A") ACT(6, T("D"), "PE", "7B")
			ACT(7, T("B") T("C"), "Elective", "7") ACT(8, T("A"), "Math", "7A") ACT(9, T("B"), "English", "7B")
				"</Activities_List>\n"
	"<Buildings_List>\n</Buildings_List>\n<Rooms_List>\n<Room>\n\t<Name>Gym &amp; Hall</Name>\n"
	"\t<Capacity>30000</Capacity>\n</Room>\n<Room>\n\t<Name>R1</Name>\n</Room>\n</Rooms_List>\n"
	"<Time_Constraints_List>\n" C("ConstraintBasicCompulsoryTime", "")
		C("ConstraintTeacherNotAvailableTimes",
		  "\t<Teacher>A</Teacher>\n\t<Number_of_Not_Available_Times>1</Number_of_Not_Available_Times>\n"
		  "\t<Not_Available_Time>\n\t\t<Day>Mon</Day>\n\t\t<Hour>08:00</Hour>\n\t</Not_Available_Time>\n")
			C("ConstraintStudentsMaxGapsPerWeek", "\t<Max_Gaps>0</Max_Gaps>\n")
				C("ConstraintStudentsEarlyMaxBeginningsAtSecondHour",
				  "\t<Max_Beginnings_At_Second_Hour>0</Max_Beginnings_At_Second_Hour>\n")
					C("ConstraintStudentsMinHoursDaily",
					  "\t<Minimum_Hours_Daily>2</Minimum_Hours_Daily>\n\t<Allow_Empty_Days>false</Allow_Empty_Days>\n")
						C("ConstraintTeachersMaxGapsPerWeek", "\t<Max_Gaps>0</Max_Gaps>\n")
							C("ConstraintTeachersMaxGapsPerDay", "\t<Max_Gaps>0</Max_Gaps>\n")
								C("ConstraintTeachersMaxHoursDaily", "\t<Maximum_Hours_Daily>3</Maximum_Hours_Daily>\n")
									C("ConstraintStudentsActivityTagMaxHoursDaily",
									  "\t<Activity_Tag>T_Math</Activity_Tag>\n\t<Maximum_Hours_Daily>1</Maximum_Hours_Daily>\n")
										C("ConstraintActivitiesSameStartingTime",
										  "\t<Number_of_Activities>2</Number_of_Activities>\n"
										  "\t<Activity_Id>3</Activity_Id>\n\t<Activity_Id>4</Activity_Id>\n")
											C("ConstraintTeacherMaxDaysPerWeek",
											  "\t<Teacher_Name>A</Teacher_Name>\n\t<Max_Days_Per_Week>2</Max_Days_Per_Week>\n")
												C("ConstraintTeacherIntervalMaxDaysPerWeek",
												  "\t<Teacher_Name>A</Teacher_Name>\n")
												"</Time_Constraints_List>\n<Space_Constraints_List>\n"
	C("ConstraintBasicCompulsorySpace", "")
		C("ConstraintSubjectPreferredRooms",
		  "\t<Subject>PE</Subject>\n\t<Number_of_Preferred_Rooms>1</Number_of_Preferred_Rooms>\n"
		  "\t<Preferred_Room>Gym &amp; Hall</Preferred_Room>\n") "</Space_Constraints_List>\n</fet>\n";

/* The text of the <Activity> of `id` in the result: its Day, Hour and Room. */
static void result_of(const char *xml, int id, char *day, char *hour, char *room)
{
	char key[32];
	snprintf(key, sizeof key, "<Id>%d</Id>", id);
	const char *p = strstr(xml, key);
	assert_non_null(p);
	assert_int_equal(sscanf(strstr(p, "<Day>") + 5, "%15[^<]", day), 1);
	assert_int_equal(sscanf(strstr(p, "<Hour>") + 6, "%15[^<]", hour), 1);
	room[0] = 0;
	sscanf(strstr(p, "<Room>") + 6, "%31[^<]", room);
}

/* Solves a tiny model by iterations; the verifier finds 0 hard violations. */
static void solve_clean(struct sv_model *m, uint64_t seed, struct sv_place *pl)
{
	struct sv_result res;
	struct sv_params p = {0};
	p.seed = seed;
	p.max_iters = 100000;
	p.stall_iters = 20000;
	assert_int_equal(sv_solve(m, &p, pl, &res), SV_SOLVED);
	struct sv_report r;
	assert_int_equal(sv_verify(m, pl, &r), 0);
	assert_int_equal(r.hard, 0);
}

static void test_read_solve_write_a_tiny_fet_file(void **state)
{
	char err[200] = "";
	struct sv_fet *f = sv_fet_read(tiny_fet, sizeof tiny_fet - 1, err, sizeof err);
	if (!f)
		print_error("%s\n", err);
	assert_non_null(f);
	struct sv_model *m = sv_fet_model(f);
	assert_int_equal(sv_n_activities(m), 9);
	assert_int_equal(sv_n_days(m), 2);
	assert_int_equal(sv_n_periods(m), 3);
	assert_string_equal(sv_fet_unsupported(f), "ConstraintTeacherIntervalMaxDaysPerWeek");
	struct sv_place pl[9];
	solve_clean(m, 1, pl);
	size_t len = 0;
	char *xml = sv_fet_write(f, pl, &len);
	assert_non_null(xml);
	assert_int_equal(strlen(xml), len);
	assert_non_null(strstr(xml, "<Activities_Timetable>"));
	char d3[16], h3[16], r3[32], d4[16], h4[16], r4[32];
	result_of(xml, 3, d3, h3, r3);
	result_of(xml, 4, d4, h4, r4);
	assert_string_equal(d3, d4); /* the split English together */
	assert_string_equal(h3, h4);
	assert_string_equal(r3, ""); /* no room asked */
	result_of(xml, 5, d3, h3, r3);
	assert_string_equal(r3, "Gym &amp; Hall");
	/* A is off on Monday at 08:00; every class starts at 08:00 */
	for (int id = 1; id <= 9; id++) {
		result_of(xml, id, d3, h3, r3);
		if (id == 1 || id == 2 || id == 8)
			assert_false(!strcmp(d3, "Mon") && !strcmp(h3, "08:00"));
	}
	/* read back (as FET's own results are, for counting them): the same places */
	struct sv_place back[9];
	assert_int_equal(sv_fet_read_result(f, xml, len, back, err, sizeof err), 0);
	for (int a = 0; a < 9; a++) {
		assert_int_equal(back[a].day, pl[a].day);
		assert_int_equal(back[a].period, pl[a].period);
		assert_int_equal(back[a].room, pl[a].room);
	}
	assert_int_equal(sv_fet_read_result(f, "<fet></fet>", 11, back, err, sizeof err), -1);
	assert_string_equal(err, "not a FET timetable (root <fet>)");
	/* the elective takes the whole year: 7A-1, 7A-2 and 7B at once, nothing else then */
	result_of(xml, 7, d4, h4, r4);
	for (int id = 1; id <= 9; id++) {
		if (id == 7)
			continue;
		result_of(xml, id, d3, h3, r3);
		assert_false(!strcmp(d3, d4) && !strcmp(h3, h4));
	}
	free(xml);
	sv_fet_free(f);
}

static void test_malformed_and_unsupported_refused(void **state)
{
	char err[200];
	const char *bad[] = {
		"<fet><Days_List></fet>",                              /* mismatched */
		"<fet><Days_List>",                                    /* unclosed */
		"<notfet></notfet>",                                   /* not FET */
		"<fet><Days_List><Number_of_Days>0</Number_of_Days></Days_List></fet>", /* no days */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err[0] = 0;
		assert_null(sv_fet_read(bad[i], strlen(bad[i]), err, sizeof err));
		assert_true(err[0] != 0);
	}
	/* an activity longer than the day is named */
	char *text = strdup(tiny_fet);
	char *d = strstr(text, "<Duration>1</Duration>");
	d[10] = '4';
	assert_null(sv_fet_read(text, strlen(text), err, sizeof err));
	assert_string_equal(err, "activity 1: duration 4 does not fit a day of 3 hours");
	free(text);
}

/* The tiny file with a double PE for 7A and the kinds a real school's file (Debian's
 * vmg-20180901b-2.fet) uses: students unavailable, an activity ending the students' day,
 * activities' allowed slots by subject, a teacher's home room, minimum lessons a day and
 * maximum in a row. */
static char *tiny_plus(void)
{
	static const char more[] =
		C("ConstraintStudentsSetNotAvailableTimes",
		  "\t<Students>7B</Students>\n\t<Number_of_Not_Available_Times>1</Number_of_Not_Available_Times>\n"
		  "\t<Not_Available_Time>\n\t\t<Day>Tue</Day>\n\t\t<Hour>09:40</Hour>\n\t</Not_Available_Time>\n")
			C("ConstraintActivityEndsStudentsDay", "\t<Activity_Id>9</Activity_Id>\n")
				C("ConstraintActivitiesPreferredTimeSlots",
				  "\t<Teacher_Name></Teacher_Name>\n\t<Students_Name></Students_Name>\n"
				  "\t<Subject_Name>Elective</Subject_Name>\n\t<Activity_Tag_Name></Activity_Tag_Name>\n"
				  "\t<Duration></Duration>\n\t<Number_of_Preferred_Time_Slots>3</Number_of_Preferred_Time_Slots>\n"
				  "\t<Preferred_Time_Slot>\n\t\t<Preferred_Day>Mon</Preferred_Day>\n"
				  "\t\t<Preferred_Hour>08:00</Preferred_Hour>\n\t</Preferred_Time_Slot>\n"
				  "\t<Preferred_Time_Slot>\n\t\t<Preferred_Day>Mon</Preferred_Day>\n"
				  "\t\t<Preferred_Hour>08:50</Preferred_Hour>\n\t</Preferred_Time_Slot>\n"
				  "\t<Preferred_Time_Slot>\n\t\t<Preferred_Day>Mon</Preferred_Day>\n"
				  "\t\t<Preferred_Hour>09:40</Preferred_Hour>\n\t</Preferred_Time_Slot>\n")
					C("ConstraintTeacherMinHoursDaily",
					  "\t<Teacher_Name>D</Teacher_Name>\n\t<Minimum_Hours_Daily>2</Minimum_Hours_Daily>\n"
					  "\t<Allow_Empty_Days>true</Allow_Empty_Days>\n")
						C("ConstraintTeacherMaxHoursContinuously",
						  "\t<Teacher_Name>A</Teacher_Name>\n\t<Maximum_Hours_Continuously>2</Maximum_Hours_Continuously>\n")
							"</Time_Constraints_List>";
	static const char home[] = C("ConstraintTeacherHomeRoom", "\t<Teacher>A</Teacher>\n\t<Room>R1</Room>\n")
		"</Space_Constraints_List>";
	size_t n = sizeof tiny_fet + sizeof more + sizeof home;
	char *text = malloc(n), *w = text;
	const char *a = strstr(tiny_fet, "</Time_Constraints_List>"), *b = strstr(tiny_fet, "</Space_Constraints_List>");
	const char *pe = strstr(tiny_fet, "<Id>5</Id>");
	const char *dur = pe - strlen("<Duration>1</Duration>\n\t<Total_Duration>1</Total_Duration>\n\t");
	w += sprintf(w, "%.*s<Duration>2</Duration>", (int)(dur - tiny_fet), tiny_fet);
	dur += strlen("<Duration>1</Duration>");
	w += sprintf(w, "%.*s%s", (int)(a - dur), dur, more);
	a += strlen("</Time_Constraints_List>");
	w += sprintf(w, "%.*s%s%s", (int)(b - a), a, home, b + strlen("</Space_Constraints_List>"));
	assert_true((size_t)(w - text) < n);
	return text;
}

static void test_real_school_kinds_read_and_kept(void **state)
{
	char err[200] = "", *text = tiny_plus();
	assert_non_null(strstr(text, "<Duration>2</Duration>\n\t<Total_Duration>1</Total_Duration>\n\t<Id>5</Id>"));
	struct sv_fet *f = sv_fet_read(text, strlen(text), err, sizeof err);
	if (!f)
		print_error("%s\n", err);
	assert_non_null(f);
	free(text);
	assert_string_equal(sv_fet_unsupported(f), "ConstraintTeacherIntervalMaxDaysPerWeek");
	struct sv_model *m = sv_fet_model(f);
	struct sv_place pl[9];
	solve_clean(m, 2, pl);
	char *xml = sv_fet_write(f, pl, NULL);
	assert_non_null(xml);
	char d[16], h[16], room[32], d9[16], h9[16];
	result_of(xml, 5, d, h, room); /* the double PE does not start at the last hour */
	assert_string_not_equal(h, "09:40");
	assert_string_equal(room, "Gym &amp; Hall");
	result_of(xml, 7, d, h, room); /* the elective on Monday only */
	assert_string_equal(d, "Mon");
	result_of(xml, 1, d, h, room); /* A's Math in A's home room */
	assert_string_equal(room, "R1");
	/* 7B: nothing on Tuesday at 09:40, nothing after activity 9 on its day */
	result_of(xml, 9, d9, h9, room);
	for (int id = 1; id <= 9; id++) {
		if (id == 1 || id == 3 || id == 4 || id == 5 || id == 8)
			continue; /* 7A's own */
		result_of(xml, id, d, h, room);
		assert_false(!strcmp(d, "Tue") && !strcmp(h, "09:40"));
		if (!strcmp(d, d9))
			assert_true(strcmp(h, h9) <= 0);
	}
	free(xml);
	sv_fet_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_solve_write_a_tiny_fet_file),
		cmocka_unit_test(test_malformed_and_unsupported_refused),
		cmocka_unit_test(test_real_school_kinds_read_and_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
