/* Unit tests of src/core/movement.c, the rules of the students' movement book: the
 * externship application (EXT-1 grades 7–12 and a period running on into the next
 * grade, EXT-2 a second externship and 12 months / 12 months + 1 day, EXT-3 grounds,
 * EXT-4 documents per ground and contacts), the academic leave (LV-1 ground and
 * medical conclusion, LV-3 19/20 days and 12 months / + 1 day, across 29 February),
 * the returns (EXT-11, LV-8), every problem at once, the state machines of a student's
 * status and of a case (no order before its council decision), the year end (ASM-3,
 * DOC-1, EXT-12), funding (EXT-10, LV-7) and the IB assessments (EXT-16). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/movement.h"

static struct date mk(int y, int m, int d)
{
	struct date r = {y, m, d};
	return r;
}

/* 1 when the problems hold one with this rule, code and field. */
static int has(const struct movement_problem *p, size_t n, const char *rule, const char *code,
	       const char *field)
{
	for (size_t i = 0; i < n && i < MOVEMENT_MAX_PROBLEMS; i++)
		if (strcmp(p[i].rule, rule) == 0 && strcmp(p[i].code, code) == 0 &&
		    strcmp(p[i].field, field) == 0)
			return 1;
	return 0;
}

static void print_problems(const struct movement_problem *p, size_t n)
{
	for (size_t i = 0; i < n && i < MOVEMENT_MAX_PROBLEMS; i++)
		print_message("  %s %s %s\n", p[i].rule, p[i].code, p[i].field);
}

/* Asserts exactly one problem, this one. */
static void only(const struct movement_problem *p, size_t n, const char *rule, const char *code,
		 const char *field)
{
	if (n != 1 || !has(p, n, rule, code, field)) {
		print_problems(p, n);
		fail_msg("want only %s %s %s, got %zu problems", rule, code, field, n);
	}
}

static void none(const struct movement_problem *p, size_t n)
{
	if (n) {
		print_problems(p, n);
		fail_msg("want no problem, got %zu", n);
	}
}

/* --- the externship application --- */

static const struct movement_student studying = {STUDENT_STUDYING, 0};

/* A grade-9 application that passes: the student is admitted to a foreign school for the
 * academic year 2026–2027. */
static struct externship_application externship(void)
{
	struct externship_application a;
	memset(&a, 0, sizeof a);
	a.grade = 9;
	a.ground = GROUND_STUDENT_ADMITTED_ABROAD;
	a.documents = DOC_STUDY_ABROAD_PROOF;
	a.starts_on = mk(2026, 9, 1);
	a.ends_on = mk(2027, 5, 25);
	a.year_ends_on = mk(2027, 8, 31);
	a.foreign_school = "Lycée international de Saint-Germain-en-Laye";
	a.representative_mobile = "+7 701 000 00 00";
	a.representative_email = "parent@example.kz";
	a.student_email = "student@example.kz";
	return a;
}

static size_t check_externship(const struct movement_student *s,
			       const struct externship_application *a, struct movement_problem *p)
{
	size_t n = movement_check_externship(s, a, p, MOVEMENT_MAX_PROBLEMS);
	assert_true(n <= MOVEMENT_MAX_PROBLEMS);
	return n;
}

static void test_externship_base_passes(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct externship_application a = externship();
	none(p, check_externship(&studying, &a, p));
}

/* EXT-1: grades 8, 9 and 11 only; 7, 10 and 12 are refused (A1§2–3). */
static void test_ext1_grades_7_to_12(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct externship_application a = externship();
	static const struct {
		int grade, allowed;
	} grades[] = {{6, 0}, {7, 0}, {8, 1}, {9, 1}, {10, 0}, {11, 1}, {12, 0}, {13, 0}};

	for (size_t i = 0; i < sizeof grades / sizeof grades[0]; i++) {
		a.grade = grades[i].grade;
		size_t n = check_externship(&studying, &a, p);
		if (grades[i].allowed)
			none(p, n);
		else
			only(p, n, "EXT-1", "externship_grade_not_allowed", "grade");
	}
}

/* EXT-1 and EXT-2: a period within 12 months may run past the year's end, but then
 * into grade + 1, which must be allowed too: grade 8 into 9 yes, 9 into 10 and 11 into
 * 12 no. Ending on the year's last day stays in the grade. */
static void test_ext1_period_into_the_next_grade(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct externship_application a = externship();
	a.starts_on = mk(2027, 1, 11);
	a.ends_on = mk(2027, 12, 24); /* past 31 August 2027, within 12 months */

	a.grade = 8;
	none(p, check_externship(&studying, &a, p));
	a.grade = 9;
	only(p, check_externship(&studying, &a, p), "EXT-1", "externship_next_grade_not_allowed",
	     "ends_on");
	a.grade = 11;
	only(p, check_externship(&studying, &a, p), "EXT-1", "externship_next_grade_not_allowed",
	     "ends_on");
	a.grade = 9;
	a.ends_on = mk(2027, 8, 31); /* the year's last day */
	none(p, check_externship(&studying, &a, p));
	a.ends_on = mk(2027, 9, 1); /* the next year's first day */
	only(p, check_externship(&studying, &a, p), "EXT-1", "externship_next_grade_not_allowed",
	     "ends_on");
}

/* EXT-2: once in the whole study — a second externship is refused, whether the first
 * ended or still runs (then the status says it, once). */
static void test_ext2_second_externship(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct externship_application a = externship();
	struct movement_student before = {STUDENT_STUDYING, 1};
	struct movement_student running = {STUDENT_EXTERNSHIP, 1};

	only(p, check_externship(&before, &a, p), "EXT-2", "externship_already_granted", "status");
	only(p, check_externship(&running, &a, p), "EXT-2", "student_on_externship", "status");
}

/* EXT-2: at most one academic year, measured as 12 months: 1 September 2026 to
 * 31 August 2027 passes, to 1 September 2027 (12 months and a day) is refused; across
 * 29 February 2028 the 12 months hold 366 days. */
static void test_ext2_one_year_and_a_day(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct externship_application a = externship();
	a.grade = 8; /* may run past the year's end */
	a.year_ends_on = mk(2027, 5, 31);

	a.ends_on = mk(2027, 8, 31);
	none(p, check_externship(&studying, &a, p));
	a.ends_on = mk(2027, 9, 1);
	only(p, check_externship(&studying, &a, p), "EXT-2", "externship_too_long", "ends_on");

	a.starts_on = mk(2027, 9, 1);
	a.year_ends_on = mk(2028, 8, 31);
	a.ends_on = mk(2028, 8, 31); /* 366 days: 12 months with 29 February */
	none(p, check_externship(&studying, &a, p));
	a.ends_on = mk(2028, 9, 1);
	only(p, check_externship(&studying, &a, p), "EXT-2", "externship_too_long", "ends_on");

	a.ends_on = mk(2027, 8, 31); /* before it starts */
	only(p, check_externship(&studying, &a, p), "EXT-2", "period_reversed", "ends_on");
	a.ends_on = a.starts_on; /* one day is no rule's concern */
	none(p, check_externship(&studying, &a, p));
}

/* EXT-3: one of the three grounds of A1§4; none refuses, and the documents every
 * ground needs are still asked for. */
static void test_ext3_ground_missing(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct externship_application a = externship();
	a.ground = GROUND_INVALID;
	only(p, check_externship(&studying, &a, p), "EXT-3", "externship_ground_missing", "ground");
	a.documents = 0;
	size_t n = check_externship(&studying, &a, p);
	assert_int_equal(n, 2);
	assert_true(has(p, n, "EXT-4", "document_missing", "documents.study_abroad_proof"));
	assert_int_equal(externship_ground_from_code("tourism"), GROUND_INVALID);
	assert_int_equal(externship_ground_from_code(NULL), GROUND_INVALID);
}

/* EXT-4: the documents of each ground (A1§7): the proof of study abroad always, the
 * posting's proof for ground 2, the residence certificate for ground 3, the visa where
 * needed; each missing one is named. */
static void test_ext4_documents_per_ground(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct externship_application a = externship();

	assert_int_equal(externship_documents_required(GROUND_STUDENT_ADMITTED_ABROAD, 0),
			 DOC_STUDY_ABROAD_PROOF);
	assert_int_equal(externship_documents_required(GROUND_REPRESENTATIVE_POSTED_ABROAD, 0),
			 DOC_STUDY_ABROAD_PROOF | DOC_POSTING_ABROAD_PROOF);
	assert_int_equal(externship_documents_required(GROUND_REPRESENTATIVE_RESIDES_ABROAD, 1),
			 DOC_STUDY_ABROAD_PROOF | DOC_RESIDENCE_ABROAD_CERT | DOC_VISA);
	assert_int_equal(externship_documents_required(GROUND_INVALID, 1), 0);

	a.ground = GROUND_REPRESENTATIVE_POSTED_ABROAD;
	only(p, check_externship(&studying, &a, p), "EXT-4", "document_missing",
	     "documents.posting_abroad_proof");
	a.documents |= DOC_POSTING_ABROAD_PROOF;
	none(p, check_externship(&studying, &a, p));

	a.ground = GROUND_REPRESENTATIVE_RESIDES_ABROAD;
	only(p, check_externship(&studying, &a, p), "EXT-4", "document_missing",
	     "documents.residence_abroad_certificate");
	a.documents = DOC_STUDY_ABROAD_PROOF | DOC_RESIDENCE_ABROAD_CERT;
	none(p, check_externship(&studying, &a, p));

	a.visa_required = 1;
	only(p, check_externship(&studying, &a, p), "EXT-4", "document_missing", "documents.visa");
	a.documents |= DOC_VISA;
	none(p, check_externship(&studying, &a, p));

	a.ground = GROUND_STUDENT_ADMITTED_ABROAD;
	a.documents = DOC_VISA | DOC_POSTING_ABROAD_PROOF; /* extra papers do not stand in */
	only(p, check_externship(&studying, &a, p), "EXT-4", "document_missing",
	     "documents.study_abroad_proof");
}

/* EXT-4: the contacts of A1§7 (mobile phone, the representative's and the student's
 * e-mail) and form 1's foreign school; blanks count as missing. */
static void test_ext4_contacts_and_foreign_school(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct externship_application a = externship();

	a.representative_mobile = NULL;
	only(p, check_externship(&studying, &a, p), "EXT-4", "contact_missing",
	     "representative_mobile");
	a = externship();
	a.representative_email = "  ";
	only(p, check_externship(&studying, &a, p), "EXT-4", "contact_missing",
	     "representative_email");
	a = externship();
	a.student_email = "";
	only(p, check_externship(&studying, &a, p), "EXT-4", "contact_missing", "student_email");
	a = externship();
	a.foreign_school = NULL;
	only(p, check_externship(&studying, &a, p), "EXT-4", "foreign_school_missing",
	     "foreign_school");
}

/* Every problem at once: grade 10, a second externship, 12 months and a day, no ground,
 * no document, no contact, no school — a parent fixes everything in one go. */
static void test_externship_every_problem_at_once(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct externship_application a;
	struct movement_student s = {STUDENT_STUDYING, 1};
	memset(&a, 0, sizeof a);
	a.grade = 10;
	a.ground = GROUND_INVALID;
	a.visa_required = 1;
	a.starts_on = mk(2026, 9, 1);
	a.ends_on = mk(2027, 9, 1);
	a.year_ends_on = mk(2027, 8, 31);

	size_t n = check_externship(&s, &a, p);
	assert_int_equal(n, 10);
	assert_true(has(p, n, "EXT-1", "externship_grade_not_allowed", "grade"));
	assert_true(has(p, n, "EXT-2", "externship_already_granted", "status"));
	assert_true(has(p, n, "EXT-2", "externship_too_long", "ends_on"));
	assert_true(has(p, n, "EXT-3", "externship_ground_missing", "ground"));
	assert_true(has(p, n, "EXT-4", "document_missing", "documents.study_abroad_proof"));
	assert_true(has(p, n, "EXT-4", "document_missing", "documents.visa"));
	assert_true(has(p, n, "EXT-4", "foreign_school_missing", "foreign_school"));
	assert_true(has(p, n, "EXT-4", "contact_missing", "representative_mobile"));
	assert_true(has(p, n, "EXT-4", "contact_missing", "representative_email"));
	assert_true(has(p, n, "EXT-4", "contact_missing", "student_email"));

	/* a short array still gets the count, and the first problems in order */
	struct movement_problem two[2];
	assert_int_equal(movement_check_externship(&s, &a, two, 2), 10);
	assert_string_equal(two[0].code, "externship_grade_not_allowed");
	assert_string_equal(two[1].code, "externship_already_granted");
	assert_int_equal(movement_check_externship(&s, &a, NULL, 0), 10);
}

/* The status forbids an externship to a student on leave, graduated or gone. */
static void test_externship_refused_by_status(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct externship_application a = externship();
	struct movement_student s = {STUDENT_ACADEMIC_LEAVE, 0};
	only(p, check_externship(&s, &a, p), "EXT-1", "student_on_leave", "status");
	s.status = STUDENT_GRADUATED;
	only(p, check_externship(&s, &a, p), "EXT-1", "student_graduated", "status");
	s.status = STUDENT_LEFT;
	only(p, check_externship(&s, &a, p), "EXT-1", "student_left", "status");
}

/* --- the academic leave --- */

static struct leave_application leave(void)
{
	struct leave_application a = {LEAVE_GROUND_MEDICAL, DOC_VKK_CONCLUSION, {2026, 11, 2},
				      {2027, 1, 29}};
	return a;
}

static size_t check_leave(const struct movement_student *s, const struct leave_application *a,
			  struct movement_problem *p)
{
	size_t n = movement_check_leave(s, a, p, MOVEMENT_MAX_PROBLEMS);
	assert_true(n <= MOVEMENT_MAX_PROBLEMS);
	return n;
}

/* LV-1: the medical ground, and a medical conclusion — the ВКК's or a specialised
 * organisation's (A2§5), either is enough. */
static void test_lv1_medical_ground_and_conclusion(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct leave_application a = leave();
	none(p, check_leave(&studying, &a, p));
	a.documents = DOC_SPECIALISED_CONCLUSION;
	none(p, check_leave(&studying, &a, p));
	a.documents = DOC_HEALTH_CERTIFICATE; /* the return's paper is not a conclusion */
	only(p, check_leave(&studying, &a, p), "LV-1", "medical_conclusion_missing", "documents");
	a = leave();
	a.ground = LEAVE_GROUND_INVALID;
	only(p, check_leave(&studying, &a, p), "LV-1", "leave_ground_not_medical", "ground");
	assert_int_equal(leave_ground_from_code("medical"), LEAVE_GROUND_MEDICAL);
	assert_int_equal(leave_ground_from_code("family"), LEAVE_GROUND_INVALID);
	assert_string_equal(leave_ground_code(LEAVE_GROUND_MEDICAL), "medical");
	assert_null(leave_ground_code(LEAVE_GROUND_INVALID));
}

/* LV-3: at least 20 days, both ends counted: 2–20 November 2026 is 19 days, refused;
 * 2–21 November is 20, granted. */
static void test_lv3_19_days_refused_20_granted(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct leave_application a = leave();
	a.ends_on = mk(2026, 11, 20);
	only(p, check_leave(&studying, &a, p), "LV-3", "leave_too_short", "ends_on");
	assert_false(movement_leave_length_ok(a.starts_on, a.ends_on));
	a.ends_on = mk(2026, 11, 21);
	none(p, check_leave(&studying, &a, p));
	assert_true(movement_leave_length_ok(a.starts_on, a.ends_on));
	a.ends_on = mk(2026, 11, 1);
	only(p, check_leave(&studying, &a, p), "LV-3", "period_reversed", "ends_on");
}

/* LV-3: at most 12 months: from 1 September 2026 the last day may be 31 August 2027
 * (365 days); 1 September 2027 is 12 months and a day (366 days), refused. Across
 * 29 February 2028, 366 days are exactly 12 months. */
static void test_lv3_12_months_granted_and_a_day_refused(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct leave_application a = leave();
	a.starts_on = mk(2026, 9, 1);
	a.ends_on = mk(2027, 8, 31);
	none(p, check_leave(&studying, &a, p));
	a.ends_on = mk(2027, 9, 1);
	only(p, check_leave(&studying, &a, p), "LV-3", "leave_too_long", "ends_on");

	a.starts_on = mk(2027, 9, 1);
	a.ends_on = mk(2028, 8, 31); /* 366 days */
	none(p, check_leave(&studying, &a, p));
	a.ends_on = mk(2028, 9, 1);
	only(p, check_leave(&studying, &a, p), "LV-3", "leave_too_long", "ends_on");
}

/* N months from a first day: every day before the same date N months later; a date the
 * month lacks is taken as the next month's first day. */
static void test_months_last_day(void **state)
{
	(void)state;
	static const struct {
		struct date first;
		int months;
		struct date last;
	} cases[] = {
		{{2026, 9, 1}, 12, {2027, 8, 31}},
		{{2026, 3, 15}, 12, {2027, 3, 14}},
		{{2026, 1, 1}, 12, {2026, 12, 31}},
		{{2027, 3, 1}, 12, {2028, 2, 29}},  /* 366 days, 29 February inside */
		{{2028, 2, 29}, 12, {2029, 2, 28}}, /* 2029 has no 29 February: 1 March less a day */
		{{2026, 1, 31}, 1, {2026, 2, 28}},  /* no 31 February: 1 March less a day */
		{{2026, 12, 15}, 1, {2027, 1, 14}},
		{{2026, 9, 1}, 0, {2026, 8, 31}},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date got = movement_months_last_day(cases[i].first, cases[i].months);
		if (date_compare(got, cases[i].last) != 0)
			fail_msg("%d-%02d-%02d + %d months: got %d-%02d-%02d", cases[i].first.y,
				 cases[i].first.m, cases[i].first.d, cases[i].months, got.y, got.m, got.d);
	}
}

/* The status forbids a leave to a student away or gone; every problem at once. */
static void test_leave_refused_by_status_and_all_at_once(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct leave_application a = leave();
	struct movement_student s = {STUDENT_EXTERNSHIP, 1};
	only(p, check_leave(&s, &a, p), "LV-1", "student_on_externship", "status");
	s.status = STUDENT_ACADEMIC_LEAVE;
	only(p, check_leave(&s, &a, p), "LV-1", "student_on_leave", "status");

	a.ground = LEAVE_GROUND_INVALID;
	a.documents = 0;
	a.ends_on = mk(2026, 11, 10);
	size_t n = check_leave(&s, &a, p);
	assert_int_equal(n, 4);
	assert_true(has(p, n, "LV-1", "student_on_leave", "status"));
	assert_true(has(p, n, "LV-1", "leave_ground_not_medical", "ground"));
	assert_true(has(p, n, "LV-1", "medical_conclusion_missing", "documents"));
	assert_true(has(p, n, "LV-3", "leave_too_short", "ends_on"));
}

/* --- the returns --- */

/* EXT-11: only a student on externship returns early, with the proof of the programmes
 * mastered abroad, on a day inside the ordered period. */
static void test_ext11_externship_return(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct movement_student away = {STUDENT_EXTERNSHIP, 1};
	struct return_application a = {DOC_FOREIGN_TRANSCRIPT, {2027, 2, 1}, {2026, 9, 1},
				       {2027, 5, 25}, 0};

	none(p, movement_check_externship_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS));
	only(p, movement_check_externship_return(&studying, &a, p, MOVEMENT_MAX_PROBLEMS), "EXT-11",
	     "student_not_on_externship", "status");
	struct movement_student on_leave = {STUDENT_ACADEMIC_LEAVE, 0};
	only(p, movement_check_externship_return(&on_leave, &a, p, MOVEMENT_MAX_PROBLEMS), "EXT-11",
	     "student_not_on_externship", "status");

	a.documents = DOC_HEALTH_CERTIFICATE;
	only(p, movement_check_externship_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS), "EXT-11",
	     "document_missing", "documents.foreign_transcript");
	size_t n = movement_check_externship_return(&studying, &a, p, MOVEMENT_MAX_PROBLEMS);
	assert_int_equal(n, 2);

	a.documents = DOC_FOREIGN_TRANSCRIPT;
	a.returns_on = mk(2027, 5, 25); /* the last day: still early */
	none(p, movement_check_externship_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS));
	a.returns_on = mk(2027, 5, 26); /* the period is over: no application */
	only(p, movement_check_externship_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS), "EXT-11",
	     "return_not_early", "returns_on");
	a.returns_on = mk(2026, 9, 1);
	only(p, movement_check_externship_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS), "EXT-11",
	     "return_before_start", "returns_on");
	a.returns_on = mk(2026, 9, 2);
	none(p, movement_check_externship_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS));
}

/* LV-8: only a student on leave returns from it, with the health certificate (and its
 * conclusion), plus the report card after study at an inpatient organisation; a return
 * after the ordered end is allowed. */
static void test_lv8_leave_return(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct movement_student away = {STUDENT_ACADEMIC_LEAVE, 0};
	struct return_application a = {DOC_HEALTH_CERTIFICATE, {2027, 1, 11}, {2026, 11, 2},
				       {2027, 1, 29}, 0};

	none(p, movement_check_leave_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS));
	only(p, movement_check_leave_return(&studying, &a, p, MOVEMENT_MAX_PROBLEMS), "LV-8",
	     "student_not_on_leave", "status");
	struct movement_student abroad = {STUDENT_EXTERNSHIP, 1};
	only(p, movement_check_leave_return(&abroad, &a, p, MOVEMENT_MAX_PROBLEMS), "LV-8",
	     "student_not_on_leave", "status");

	a.studied_in_inpatient = 1;
	only(p, movement_check_leave_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS), "LV-8",
	     "document_missing", "documents.inpatient_report_card");
	a.documents = 0;
	size_t n = movement_check_leave_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS);
	assert_int_equal(n, 2);
	assert_true(has(p, n, "LV-8", "document_missing", "documents.health_certificate"));
	assert_true(has(p, n, "LV-8", "document_missing", "documents.inpatient_report_card"));
	assert_int_equal(leave_return_documents_required(1),
			 DOC_HEALTH_CERTIFICATE | DOC_INPATIENT_REPORT_CARD);

	a = (struct return_application){DOC_HEALTH_CERTIFICATE, {2027, 2, 15}, {2026, 11, 2},
					{2027, 1, 29}, 0};
	none(p, movement_check_leave_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS));
	a.returns_on = mk(2026, 11, 2);
	only(p, movement_check_leave_return(&away, &a, p, MOVEMENT_MAX_PROBLEMS), "LV-8",
	     "return_before_start", "returns_on");
}

/* --- a student's status --- */

/* The whole table: every status × every event. */
static void test_status_machine_table(void **state)
{
	(void)state;
	enum student_status S = STUDENT_STUDYING, E = STUDENT_EXTERNSHIP, L = STUDENT_ACADEMIC_LEAVE,
			    G = STUDENT_GRADUATED, X = STUDENT_LEFT, no = STUDENT_STATUS_INVALID;
	/* rows: studying, externship, academic_leave, graduated, left;
	 * columns: externship order, externship ended, externship return, leave order,
	 * leave return, graduation, leaving */
	const enum student_status want[5][7] = {
		{E, no, no, L, no, G, X},
		{no, S, S, no, no, no, X},
		{no, no, no, no, S, no, X},
		{no, no, no, no, no, no, no},
		{no, no, no, no, no, no, no},
	};
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	for (int from = 0; from < 5; from++) {
		for (int ev = 0; ev < 7; ev++) {
			enum student_status got = movement_status_after((enum student_status)from,
									(enum student_event)ev);
			if (got != want[from][ev])
				fail_msg("%s × event %d: got %d, want %d",
					 student_status_code((enum student_status)from), ev, got,
					 want[from][ev]);
			size_t n = movement_status_check((enum student_status)from,
							 (enum student_event)ev, p, MOVEMENT_MAX_PROBLEMS);
			assert_int_equal(n, want[from][ev] == no ? 1 : 0);
		}
	}
	assert_int_equal(movement_status_after(STUDENT_STUDYING, EVENT_INVALID), no);
	assert_int_equal(movement_status_after(STUDENT_STATUS_INVALID, EVENT_LEAVING), no);
}

/* The refusals name the movement's rule and the status. */
static void test_status_refusals_name_rule_and_reason(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	only(p, movement_status_check(STUDENT_ACADEMIC_LEAVE, EVENT_EXTERNSHIP_ORDER, p, 4), "EXT-1",
	     "student_on_leave", "status");
	only(p, movement_status_check(STUDENT_EXTERNSHIP, EVENT_EXTERNSHIP_ORDER, p, 4), "EXT-2",
	     "student_on_externship", "status");
	only(p, movement_status_check(STUDENT_STUDYING, EVENT_EXTERNSHIP_RETURN, p, 4), "EXT-11",
	     "student_not_on_externship", "status");
	only(p, movement_status_check(STUDENT_EXTERNSHIP, EVENT_LEAVE_RETURN, p, 4), "LV-8",
	     "student_not_on_leave", "status");
	only(p, movement_status_check(STUDENT_EXTERNSHIP, EVENT_GRADUATION, p, 4), "DOC-1",
	     "student_on_externship", "status");
	only(p, movement_status_check(STUDENT_LEFT, EVENT_LEAVING, p, 4), "", "student_left",
	     "status");
	only(p, movement_status_check(STUDENT_STATUS_INVALID, EVENT_LEAVING, p, 4), "",
	     "student_status_invalid", "status");
	only(p, movement_status_check((enum student_status)42, EVENT_LEAVE_ORDER, p, 4), "LV-1",
	     "student_status_invalid", "status");
}

/* --- a case --- */

static struct movement_case filed(enum movement_kind kind)
{
	struct movement_case c;
	memset(&c, 0, sizeof c);
	c.kind = kind;
	c.state = CASE_FILED;
	c.filed_on = mk(2026, 3, 2);
	return c;
}

static struct case_step_request step(enum case_step s, struct date on)
{
	struct case_step_request r;
	memset(&r, 0, sizeof r);
	r.step = s;
	r.on = on;
	return r;
}

static const struct date today = {2026, 4, 30};

/* Applies a step that must pass. */
static struct movement_case take(struct movement_case c, struct case_step_request r)
{
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	none(p, movement_case_check(&c, &r, today, p, MOVEMENT_MAX_PROBLEMS));
	return movement_case_apply(&c, &r);
}

static struct case_step_request decide(struct date on, int approved)
{
	struct case_step_request r = step(STEP_DECIDE, on);
	r.approved = approved;
	r.protocol_no = "7";
	return r;
}

static struct case_step_request order(struct date on, struct date from, struct date to)
{
	struct case_step_request r = step(STEP_ORDER, on);
	r.order_no = "112-Б";
	r.effective_from = from;
	r.effective_to = to;
	return r;
}

/* The flow of an externship: filed → documents checked → approved → ordered → done. */
static void test_case_externship_flow(void **state)
{
	(void)state;
	struct movement_case c = filed(MOVEMENT_EXTERNSHIP);
	c = take(c, step(STEP_CHECK_DOCUMENTS, mk(2026, 3, 3)));
	assert_int_equal(c.state, CASE_DOCUMENTS_CHECKED);
	c = take(c, decide(mk(2026, 3, 19), 1));
	assert_int_equal(c.state, CASE_APPROVED);
	assert_true(c.has_decision && c.approved);
	c = take(c, order(mk(2026, 3, 27), mk(2026, 4, 1), mk(2027, 3, 31)));
	assert_int_equal(c.state, CASE_ORDERED);
	assert_int_equal(date_compare(c.ordered_on, mk(2026, 3, 27)), 0);
	assert_int_equal(date_compare(c.effective_to, mk(2027, 3, 31)), 0);
	c = take(c, step(STEP_COMPLETE, mk(2026, 3, 30)));
	assert_int_equal(c.state, CASE_DONE);
	assert_string_equal(case_state_code(c.state), "done");
}

/* EXT-5, LV-4, LV-9: no order before the council's decision; a refused case is closed. */
static void test_case_no_order_before_decision(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct case_step_request o = order(mk(2026, 3, 27), mk(2026, 4, 1), mk(2027, 3, 31));
	struct movement_case c = filed(MOVEMENT_EXTERNSHIP);

	only(p, movement_case_check(&c, &o, today, p, MOVEMENT_MAX_PROBLEMS), "EXT-5",
	     "order_before_decision", "state");
	c = take(c, step(STEP_CHECK_DOCUMENTS, mk(2026, 3, 3)));
	only(p, movement_case_check(&c, &o, today, p, MOVEMENT_MAX_PROBLEMS), "EXT-5",
	     "order_before_decision", "state");

	struct movement_case refused = take(c, decide(mk(2026, 3, 19), 0));
	assert_int_equal(refused.state, CASE_REFUSED);
	only(p, movement_case_check(&refused, &o, today, p, MOVEMENT_MAX_PROBLEMS), "EXT-5",
	     "case_closed", "state");

	struct movement_case leave_case = filed(MOVEMENT_ACADEMIC_LEAVE);
	leave_case = take(leave_case, step(STEP_CHECK_DOCUMENTS, mk(2026, 3, 3)));
	struct case_step_request lo = order(mk(2026, 3, 27), mk(2026, 4, 1), mk(2026, 6, 30));
	only(p, movement_case_check(&leave_case, &lo, today, p, MOVEMENT_MAX_PROBLEMS), "LV-4",
	     "order_before_decision", "state");
	struct movement_case back = take(filed(MOVEMENT_LEAVE_RETURN),
					 step(STEP_CHECK_DOCUMENTS, mk(2026, 3, 3)));
	lo.class_name = "9A";
	only(p, movement_case_check(&back, &lo, today, p, MOVEMENT_MAX_PROBLEMS), "LV-9",
	     "order_before_decision", "state");
}

/* EXT-11: an early return is ordered on the documents (A1§12 asks no council), but not
 * before they are checked. */
static void test_case_externship_return_needs_no_council(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct case_step_request o = order(mk(2026, 3, 5), mk(2026, 3, 9), mk(2026, 3, 9));
	struct movement_case c = filed(MOVEMENT_EXTERNSHIP_RETURN);
	only(p, movement_case_check(&c, &o, today, p, MOVEMENT_MAX_PROBLEMS), "EXT-11",
	     "documents_not_checked", "state");
	c = take(c, step(STEP_CHECK_DOCUMENTS, mk(2026, 3, 3)));
	c = take(c, o);
	assert_int_equal(c.state, CASE_ORDERED);
	assert_false(c.has_decision);
}

/* The order of steps, their dates and their papers. */
static void test_case_refusals(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct movement_case c = filed(MOVEMENT_ACADEMIC_LEAVE);

	/* the council before the documents are checked */
	only(p, movement_case_check(&c, &(struct case_step_request){.step = STEP_DECIDE,
								     .on = {2026, 3, 19},
								     .approved = 1,
								     .protocol_no = "7"},
				    today, p, MOVEMENT_MAX_PROBLEMS),
	     "LV-2", "documents_not_checked", "state");
	/* a check dated before the filing, or after today */
	only(p, movement_case_check(&c, &(struct case_step_request){.step = STEP_CHECK_DOCUMENTS,
								     .on = {2026, 3, 1}},
				    today, p, MOVEMENT_MAX_PROBLEMS),
	     "LV-1", "date_before_previous_step", "checked_on");
	only(p, movement_case_check(&c, &(struct case_step_request){.step = STEP_CHECK_DOCUMENTS,
								     .on = {2026, 5, 1}},
				    today, p, MOVEMENT_MAX_PROBLEMS),
	     "LV-1", "date_in_future", "checked_on");
	c = take(c, step(STEP_CHECK_DOCUMENTS, mk(2026, 3, 3)));
	only(p, movement_case_check(&c, &(struct case_step_request){.step = STEP_CHECK_DOCUMENTS,
								     .on = {2026, 3, 4}},
				    today, p, MOVEMENT_MAX_PROBLEMS),
	     "LV-1", "documents_already_checked", "state");

	/* a decision without its protocol */
	struct case_step_request d = decide(mk(2026, 3, 19), 1);
	d.protocol_no = " ";
	only(p, movement_case_check(&c, &d, today, p, MOVEMENT_MAX_PROBLEMS), "LV-2",
	     "protocol_missing", "protocol_no");
	c = take(c, decide(mk(2026, 3, 19), 1));
	d = decide(mk(2026, 3, 20), 0);
	only(p, movement_case_check(&c, &d, today, p, MOVEMENT_MAX_PROBLEMS), "LV-2",
	     "already_decided", "state");

	/* the order: dated before the decision, no number, the leave too short (LV-3 again,
	 * A2§8: the order states the first and last day) — all at once */
	struct case_step_request o = order(mk(2026, 3, 18), mk(2026, 4, 1), mk(2026, 4, 19));
	o.order_no = NULL;
	size_t n = movement_case_check(&c, &o, today, p, MOVEMENT_MAX_PROBLEMS);
	assert_int_equal(n, 3);
	assert_true(has(p, n, "LV-4", "date_before_previous_step", "ordered_on"));
	assert_true(has(p, n, "LV-4", "order_number_missing", "order_no"));
	assert_true(has(p, n, "LV-3", "leave_too_short", "effective_to"));
	o = order(mk(2026, 3, 19), mk(2026, 4, 1), mk(2027, 4, 1)); /* 12 months + 1 day */
	only(p, movement_case_check(&c, &o, today, p, MOVEMENT_MAX_PROBLEMS), "LV-3",
	     "leave_too_long", "effective_to");
	o.effective_to = mk(2027, 3, 31);
	/* complete before the order */
	only(p, movement_case_check(&c, &(struct case_step_request){.step = STEP_COMPLETE,
								     .on = {2026, 3, 20}},
				    today, p, MOVEMENT_MAX_PROBLEMS),
	     "LV-5", "order_missing", "state");
	c = take(c, o);
	only(p, movement_case_check(&c, &o, today, p, MOVEMENT_MAX_PROBLEMS), "LV-4", "order_exists",
	     "state");
	only(p, movement_case_check(&c, &(struct case_step_request){.step = STEP_WITHDRAW,
								     .on = {2026, 3, 20}},
				    today, p, MOVEMENT_MAX_PROBLEMS),
	     "LV-4", "order_exists", "state");
	c = take(c, step(STEP_COMPLETE, mk(2026, 3, 20)));
	only(p, movement_case_check(&c, &o, today, p, MOVEMENT_MAX_PROBLEMS), "LV-4", "case_closed",
	     "state");
}

/* The externship's order keeps EXT-2; a leave return's order names the class (A2§12). */
static void test_case_order_period_and_class(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct movement_case c = filed(MOVEMENT_EXTERNSHIP);
	c = take(c, step(STEP_CHECK_DOCUMENTS, mk(2026, 3, 3)));
	c = take(c, decide(mk(2026, 3, 19), 1));
	struct case_step_request o = order(mk(2026, 3, 27), mk(2026, 9, 1), mk(2027, 9, 1));
	only(p, movement_case_check(&c, &o, today, p, MOVEMENT_MAX_PROBLEMS), "EXT-2",
	     "externship_too_long", "effective_to");
	o.effective_to = mk(2027, 8, 31);
	none(p, movement_case_check(&c, &o, today, p, MOVEMENT_MAX_PROBLEMS));

	struct movement_case r = filed(MOVEMENT_LEAVE_RETURN);
	r = take(r, step(STEP_CHECK_DOCUMENTS, mk(2026, 3, 3)));
	r = take(r, decide(mk(2026, 3, 19), 1));
	struct case_step_request ro = order(mk(2026, 3, 20), mk(2026, 3, 26), mk(2026, 3, 26));
	only(p, movement_case_check(&r, &ro, today, p, MOVEMENT_MAX_PROBLEMS), "LV-9",
	     "class_missing", "class_name");
	ro.class_name = "9A";
	none(p, movement_case_check(&r, &ro, today, p, MOVEMENT_MAX_PROBLEMS));
}

/* Withdrawing before the order closes the case. */
static void test_case_withdraw(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct movement_case c = filed(MOVEMENT_EXTERNSHIP);
	c = take(c, step(STEP_WITHDRAW, mk(2026, 3, 4)));
	assert_int_equal(c.state, CASE_WITHDRAWN);
	only(p, movement_case_check(&c, &(struct case_step_request){.step = STEP_CHECK_DOCUMENTS,
								     .on = {2026, 3, 5}},
				    today, p, MOVEMENT_MAX_PROBLEMS),
	     "EXT-4", "case_closed", "state");
	struct case_step_request bad = step(STEP_INVALID, mk(2026, 3, 5));
	only(p, movement_case_check(&c, &bad, today, p, MOVEMENT_MAX_PROBLEMS), "EXT-5",
	     "step_invalid", "step");
}

/* --- the year end --- */

static struct year_end_case year_end(int grade, enum movement_year_decision d)
{
	struct year_end_case y;
	memset(&y, 0, sizeof y);
	y.status = STUDENT_STUDYING;
	y.grade = grade;
	y.decision = d;
	return y;
}

static struct year_end_result decide_year(const struct year_end_case *y)
{
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct year_end_result r = {STUDENT_STATUS_INVALID, 0, CERTIFICATE_NONE};
	none(p, movement_year_end(y, &r, p, MOVEMENT_MAX_PROBLEMS));
	return r;
}

/* ASM-3: promoted → grade + 1; not promoted → the same grade; the status stays. */
static void test_asm3_next_grade(void **state)
{
	(void)state;
	for (int g = 1; g <= 11; g++) {
		if (g == 10)
			continue;
		struct year_end_case y = year_end(g, YEAR_PROMOTED);
		struct year_end_result r = decide_year(&y);
		assert_int_equal(r.grade, g + 1);
		assert_int_equal(r.status, STUDENT_STUDYING);
		assert_int_equal(r.certificate, CERTIFICATE_NONE);
		y.decision = YEAR_NOT_PROMOTED;
		r = decide_year(&y);
		assert_int_equal(r.grade, g);
	}
	struct year_end_case y = year_end(8, YEAR_PROMOTED);
	y.status = STUDENT_ACADEMIC_LEAVE; /* A2§13: transfer by the assessment rules */
	struct year_end_result r = decide_year(&y);
	assert_int_equal(r.grade, 9);
	assert_int_equal(r.status, STUDENT_ACADEMIC_LEAVE);
}

/* DOC-1: grade 10 gets the basic certificate and goes on to 11 or graduates; grade 12
 * graduates with the general secondary one; both need the external assessment. */
static void test_doc1_grades_10_and_12(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct year_end_case y = year_end(10, YEAR_PROMOTED);
	y.external_assessment_passed = 1;
	y.continues_to_grade_11 = 1;
	struct year_end_result r = decide_year(&y);
	assert_int_equal(r.grade, 11);
	assert_int_equal(r.status, STUDENT_STUDYING);
	assert_int_equal(r.certificate, CERTIFICATE_BASIC);
	y.continues_to_grade_11 = 0;
	r = decide_year(&y);
	assert_int_equal(r.grade, 10);
	assert_int_equal(r.status, STUDENT_GRADUATED);
	assert_string_equal(movement_certificate_code(r.certificate), "basic");

	y = year_end(12, YEAR_PROMOTED);
	y.external_assessment_passed = 1;
	r = decide_year(&y);
	assert_int_equal(r.status, STUDENT_GRADUATED);
	assert_int_equal(r.grade, 12);
	assert_string_equal(movement_certificate_code(r.certificate), "general_secondary");

	y.external_assessment_passed = 0;
	only(p, movement_year_end(&y, &r, p, MOVEMENT_MAX_PROBLEMS), "DOC-1",
	     "external_assessment_not_passed", "external_assessment_passed");
	y.external_assessment_passed = 1;
	y.status = STUDENT_ACADEMIC_LEAVE;
	only(p, movement_year_end(&y, &r, p, MOVEMENT_MAX_PROBLEMS), "DOC-1", "student_on_leave",
	     "status");

	y = year_end(12, YEAR_NOT_PROMOTED);
	r = decide_year(&y);
	assert_int_equal(r.status, STUDENT_STUDYING);
	assert_int_equal(r.grade, 12);
	assert_int_equal(r.certificate, CERTIFICATE_NONE);

	static const enum movement_certificate want[13] = {
		CERTIFICATE_NONE, CERTIFICATE_NONE, CERTIFICATE_NONE, CERTIFICATE_NONE, CERTIFICATE_NONE,
		CERTIFICATE_NONE, CERTIFICATE_NONE, CERTIFICATE_NONE, CERTIFICATE_NONE, CERTIFICATE_NONE,
		CERTIFICATE_BASIC, CERTIFICATE_NONE, CERTIFICATE_GENERAL_SECONDARY};
	for (int g = 0; g <= 12; g++)
		assert_int_equal(movement_certificate_for_grade(g), want[g]);
	assert_null(movement_certificate_code(CERTIFICATE_NONE));
}

/* ASM-3: nothing to decide for a student who graduated or left, or a grade outside
 * 1..12; EXT-12: promotion after an externship needs its proof of study abroad. The
 * result is untouched on a refusal. */
static void test_year_end_refusals(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct year_end_result r = {STUDENT_LEFT, 99, CERTIFICATE_NONE};
	struct year_end_case y = year_end(9, YEAR_PROMOTED);
	y.status = STUDENT_GRADUATED;
	only(p, movement_year_end(&y, &r, p, MOVEMENT_MAX_PROBLEMS), "ASM-3", "student_graduated",
	     "status");
	y.status = STUDENT_LEFT;
	only(p, movement_year_end(&y, &r, p, MOVEMENT_MAX_PROBLEMS), "ASM-3", "student_left",
	     "status");
	y = year_end(13, YEAR_PROMOTED);
	only(p, movement_year_end(&y, &r, p, MOVEMENT_MAX_PROBLEMS), "ASM-3", "grade_invalid",
	     "grade");
	y = year_end(9, YEAR_PROMOTED);
	y.externship_ended_this_year = 1;
	only(p, movement_year_end(&y, &r, p, MOVEMENT_MAX_PROBLEMS), "EXT-12",
	     "foreign_transcript_missing", "documents.foreign_transcript");
	assert_int_equal(r.grade, 99);
	y.foreign_transcript = 1;
	assert_int_equal(decide_year(&y).grade, 10);

	/* all at once: grade 12, away, no external assessment */
	y = year_end(12, YEAR_PROMOTED);
	y.status = STUDENT_ACADEMIC_LEAVE;
	assert_int_equal(movement_year_end(&y, NULL, p, MOVEMENT_MAX_PROBLEMS), 2);
	assert_int_equal(movement_year_end(&y, NULL, NULL, 0), 2);
}

/* --- what follows from a status --- */

/* EXT-10 (A1§5–6) and LV-7 (A2§2–4). */
static void test_ext10_lv7_funding(void **state)
{
	(void)state;
	struct movement_funding f;
	assert_int_equal(movement_funding_during(MOVEMENT_EXTERNSHIP, "orken", &f), 0);
	assert_false(f.budget_funded);
	assert_true(f.right_kept);
	assert_int_equal(f.tuition, TUITION_NOT_PAYING);
	assert_int_equal(movement_funding_during(MOVEMENT_EXTERNSHIP, "paid", &f), 0);
	assert_int_equal(f.tuition, TUITION_PER_CONTRACT);
	assert_false(f.right_kept);
	assert_int_equal(movement_funding_during(MOVEMENT_ACADEMIC_LEAVE, "state_order", &f), 0);
	assert_true(f.right_kept);
	assert_false(f.budget_funded);
	assert_int_equal(movement_funding_during(MOVEMENT_ACADEMIC_LEAVE, "paid", &f), 0);
	assert_int_equal(f.tuition, TUITION_SUSPENDED);
	assert_int_equal(movement_funding_during(MOVEMENT_LEAVE_RETURN, "paid", &f), -1);
	assert_int_equal(movement_funding_during(MOVEMENT_EXTERNSHIP, "sponsor", &f), -1);
	assert_int_equal(movement_funding_during(MOVEMENT_EXTERNSHIP, NULL, &f), -1);
}

/* EXT-16 (A1§22): final assessment for grades 8 and 9, formative and final for 11. */
static void test_ext16_ib_assessment(void **state)
{
	(void)state;
	assert_int_equal(movement_ib_externship_assessment(8), MOVEMENT_ASSESS_FINAL);
	assert_int_equal(movement_ib_externship_assessment(9), MOVEMENT_ASSESS_FINAL);
	assert_int_equal(movement_ib_externship_assessment(11),
			 MOVEMENT_ASSESS_FINAL | MOVEMENT_ASSESS_FORMATIVE);
	assert_int_equal(movement_ib_externship_assessment(10), 0);
	assert_int_equal(movement_ib_externship_assessment(7), 0);
}

/* --- vocabulary --- */

static void test_codes_round_trip(void **state)
{
	(void)state;
	for (int k = 0; k < MOVEMENT_KIND_INVALID; k++)
		assert_int_equal(movement_kind_from_code(movement_kind_code((enum movement_kind)k)), k);
	assert_string_equal(movement_kind_code(MOVEMENT_LEAVE_RETURN), "leave_return");
	assert_null(movement_kind_code(MOVEMENT_KIND_INVALID));
	assert_int_equal(movement_kind_from_code("transfer"), MOVEMENT_KIND_INVALID);
	for (int s = 0; s < STUDENT_STATUS_INVALID; s++)
		assert_int_equal(student_status_from_code(student_status_code((enum student_status)s)),
				 s);
	assert_string_equal(student_status_code(STUDENT_ACADEMIC_LEAVE), "academic_leave");
	assert_int_equal(student_status_from_code(NULL), STUDENT_STATUS_INVALID);
	for (int s = 0; s < CASE_STATE_INVALID; s++)
		assert_int_equal(case_state_from_code(case_state_code((enum case_state)s)), s);
	assert_null(case_state_code(CASE_STATE_INVALID));
	for (int g = 0; g < GROUND_INVALID; g++)
		assert_int_equal(
			externship_ground_from_code(externship_ground_code((enum externship_ground)g)), g);
}

/* EXT-3, EXT-4, LV-1, LV-8: every ground and document has a code, a source and a name in
 * three languages; the Kazakh names are the regulation's words. */
static void test_grounds_and_documents_named(void **state)
{
	(void)state;
	for (int g = 0; g < GROUND_INVALID; g++)
		for (int l = 0; l < LANG_COUNT; l++)
			assert_non_null(externship_ground_name((enum externship_ground)g, (enum lang)l));
	assert_string_equal(externship_ground_name(GROUND_REPRESENTATIVE_RESIDES_ABROAD, LANG_KK),
			    "заңды өкілдердің шетелде уақытша тұруы");
	assert_null(externship_ground_name(GROUND_INVALID, LANG_KK));

	for (unsigned bit = 1; bit <= MOVEMENT_DOCUMENTS_ALL; bit <<= 1) {
		const char *code = movement_document_code(bit);
		assert_non_null(code);
		assert_int_equal(movement_document_from_code(code), bit);
		assert_non_null(movement_document_source(bit));
		for (int l = 0; l < LANG_COUNT; l++)
			assert_non_null(movement_document_name(bit, (enum lang)l));
	}
	assert_string_equal(movement_document_name(DOC_RESIDENCE_ABROAD_CERT, LANG_KK),
			    "заңды өкілдердің шетелде уақытша тұруы туралы анықтама");
	assert_string_equal(movement_document_source(DOC_VKK_CONCLUSION), "A2§5.1");
	assert_null(movement_document_code(0));
	assert_null(movement_document_code(DOC_VISA | DOC_VKK_CONCLUSION));
	assert_null(movement_document_code(1u << MOVEMENT_DOCUMENT_KINDS));
	assert_null(movement_document_name(DOC_VISA, (enum lang)3));
	assert_int_equal(movement_document_from_code("passport"), 0);
	assert_int_equal(movement_document_from_code(NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_externship_base_passes),
		cmocka_unit_test(test_ext1_grades_7_to_12),
		cmocka_unit_test(test_ext1_period_into_the_next_grade),
		cmocka_unit_test(test_ext2_second_externship),
		cmocka_unit_test(test_ext2_one_year_and_a_day),
		cmocka_unit_test(test_ext3_ground_missing),
		cmocka_unit_test(test_ext4_documents_per_ground),
		cmocka_unit_test(test_ext4_contacts_and_foreign_school),
		cmocka_unit_test(test_externship_every_problem_at_once),
		cmocka_unit_test(test_externship_refused_by_status),
		cmocka_unit_test(test_lv1_medical_ground_and_conclusion),
		cmocka_unit_test(test_lv3_19_days_refused_20_granted),
		cmocka_unit_test(test_lv3_12_months_granted_and_a_day_refused),
		cmocka_unit_test(test_months_last_day),
		cmocka_unit_test(test_leave_refused_by_status_and_all_at_once),
		cmocka_unit_test(test_ext11_externship_return),
		cmocka_unit_test(test_lv8_leave_return),
		cmocka_unit_test(test_status_machine_table),
		cmocka_unit_test(test_status_refusals_name_rule_and_reason),
		cmocka_unit_test(test_case_externship_flow),
		cmocka_unit_test(test_case_no_order_before_decision),
		cmocka_unit_test(test_case_externship_return_needs_no_council),
		cmocka_unit_test(test_case_refusals),
		cmocka_unit_test(test_case_order_period_and_class),
		cmocka_unit_test(test_case_withdraw),
		cmocka_unit_test(test_asm3_next_grade),
		cmocka_unit_test(test_doc1_grades_10_and_12),
		cmocka_unit_test(test_year_end_refusals),
		cmocka_unit_test(test_ext10_lv7_funding),
		cmocka_unit_test(test_ext16_ib_assessment),
		cmocka_unit_test(test_codes_round_trip),
		cmocka_unit_test(test_grounds_and_documents_named),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
