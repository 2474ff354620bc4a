/* movement — the rules of the students' movement book (issue 7) as pure decisions:
 * what refuses an application for externship (EXT-1..EXT-4), academic leave (LV-1,
 * LV-3) and the returns from them (EXT-11, LV-8); the state machine of a student's
 * status and that of a case (application → documents checked → council decision →
 * director's order → done: EXT-5, LV-2, LV-4, LV-9); the council's year-end decision
 * (ASM-3, DOC-1, EXT-12); and what funding and assessment follow from a status
 * (EXT-10, LV-7, EXT-16). The grounds and documents carry their names in Kazakh (the
 * regulation's own words), Russian and English. docs/movement.md says the same in
 * prose, with the paragraph of the regulation (A1§…, A2§…, R§…) each reading rests on.
 *
 * Pure: no I/O, no clock ("today" is a parameter), no allocation. Strings passed in
 * stay the caller's; strings returned are static and never freed. Dates passed in
 * must be valid (date_valid()) unless a comment says otherwise.
 *
 * Problems are reported as struct movement_problem {rule, code, field}: the API turns
 * each into one entry of a 422's `details`. A function that checks writes at most
 * `cap` problems into `out` (which may be NULL when cap is 0) and returns how many
 * there are in all, so every problem is found at once; MOVEMENT_MAX_PROBLEMS is
 * always enough.
 *
 * Period conventions (docs/movement.md, "Readings"):
 *   - a period [starts_on, ends_on] holds both of its days; its length in days is
 *     ends_on − starts_on + 1;
 *   - a period of N months that starts on day F holds every day before the same date
 *     N months later (the "anniversary"); when that month has no such date (29 February
 *     in a common year, a 31st), the anniversary is the next month's first day. So
 *     12 months from 1 September 2026 end at the latest on 31 August 2027 (365 days),
 *     from 1 March 2027 on 29 February 2028 (366 days), from 29 February 2028 on
 *     28 February 2029;
 *   - "one academic year" (EXT-2) is measured as 12 months: an academic year runs
 *     from one 1 September to the day before the next.
 */
#ifndef MEKTEP_CORE_MOVEMENT_H
#define MEKTEP_CORE_MOVEMENT_H

#include <stddef.h>

#include "core/date.h"
#include "core/lang.h"

#define MOVEMENT_FIELD_SIZE 48
/* No check of this file gives more problems than this. */
#define MOVEMENT_MAX_PROBLEMS 32

#define LEAVE_MIN_DAYS 20         /* LV-3: at least twenty days (A2§7) */
#define LEAVE_MAX_MONTHS 12       /* LV-3: at most twelve months (A2§7) */
#define EXTERNSHIP_MAX_MONTHS 12  /* EXT-2: at most one academic year (A1§2) */
#define EXTERNSHIPS_PER_STUDY 1   /* EXT-2: once in the whole period of study (A1§2) */

/* One broken rule. rule and code are static strings; rule is "" only for a refusal no
 * rule of the regulation names (a student who left the school cannot leave again). */
struct movement_problem {
	const char *rule;                  /* "EXT-1", "LV-3", "ASM-3", … */
	const char *code;                  /* the API's error code, e.g. "leave_too_short" */
	char field[MOVEMENT_FIELD_SIZE];   /* the field concerned: "grade", "ends_on",
					      "documents.visa", "status", … */
};

/* --- vocabulary --- */

/* The kinds of application the movement book takes (issue 7's `kind`). */
enum movement_kind {
	MOVEMENT_EXTERNSHIP,         /* "externship": to study as an external student (A1) */
	MOVEMENT_EXTERNSHIP_RETURN,  /* "externship_return": early return to full-time study (A1§12) */
	MOVEMENT_ACADEMIC_LEAVE,     /* "academic_leave": medical academic leave (A2) */
	MOVEMENT_LEAVE_RETURN,       /* "leave_return": back from the leave (A2§11) */
	MOVEMENT_KIND_INVALID
};
const char *movement_kind_code(enum movement_kind k);      /* NULL when invalid */
enum movement_kind movement_kind_from_code(const char *code);

/* A student's status (the students.status column): R§5.1, R§5.66, EXT-8, DOC-1. */
enum student_status {
	STUDENT_STUDYING,        /* "studying" */
	STUDENT_EXTERNSHIP,      /* "externship": "экстернат" in the e-journal (EXT-8) */
	STUDENT_ACADEMIC_LEAVE,  /* "academic_leave" */
	STUDENT_GRADUATED,       /* "graduated": finished with a certificate (DOC-1) */
	STUDENT_LEFT,            /* "left": left the school */
	STUDENT_STATUS_INVALID
};
const char *student_status_code(enum student_status s);    /* NULL when invalid */
enum student_status student_status_from_code(const char *code);

/* EXT-3: the grounds of an externship, exactly the three of A1§4. */
enum externship_ground {
	GROUND_STUDENT_ADMITTED_ABROAD,      /* "student_admitted_abroad", A1§4.1 */
	GROUND_REPRESENTATIVE_POSTED_ABROAD, /* "representative_posted_abroad", A1§4.2 */
	GROUND_REPRESENTATIVE_RESIDES_ABROAD,/* "representative_resides_abroad", A1§4.3 */
	GROUND_INVALID
};
const char *externship_ground_code(enum externship_ground g);   /* NULL when invalid */
enum externship_ground externship_ground_from_code(const char *code);
/* The ground's name in `l`, from the regulation's words (kk) and translated (ru, en);
 * NULL when invalid. */
const char *externship_ground_name(enum externship_ground g, enum lang l);

/* LV-1: the only ground of an academic leave is medical (R§5.1, R§37, A2 form 1). */
enum leave_ground { LEAVE_GROUND_MEDICAL, LEAVE_GROUND_INVALID };
const char *leave_ground_code(enum leave_ground g);            /* "medical"; NULL */
enum leave_ground leave_ground_from_code(const char *code);

/*
 * The documents an application may carry, one bit each, so that an application's
 * documents are a set (`unsigned`). Where each is asked for:
 *   DOC_STUDY_ABROAD_PROOF      A1§7.1  invitation of the foreign school or another
 *                                       proof of study abroad
 *   DOC_POSTING_ABROAD_PROOF    A1§7.2  proof that the representatives are posted to
 *                                       a foreign institution
 *   DOC_RESIDENCE_ABROAD_CERT   A1§7.3  certificate of the representatives'
 *                                       temporary residence abroad
 *   DOC_VISA                    A1§7.4  proof of the visa, where one is needed
 *   DOC_FOREIGN_TRANSCRIPT      A1§12, A1§14  proof of the programmes mastered at
 *                                       the foreign school (hours, marks per subject)
 *   DOC_VKK_CONCLUSION          A2§5.1  conclusion of the medical advisory commission
 *                                       (ВКК / ДКК) of an outpatient clinic
 *   DOC_SPECIALISED_CONCLUSION  A2§5.2  conclusion of a specialised medical
 *                                       organisation (tuberculosis, mental, skin and
 *                                       venereal, oncological diseases, HIV/AIDS)
 *   DOC_HEALTH_CERTIFICATE      A2§11   certificate of health from the organisation
 *                                       that observed the student, with its
 *                                       conclusion that the student may continue
 *   DOC_INPATIENT_REPORT_CARD   A2§11   report card of progress from an inpatient or
 *                                       rehabilitation organisation where the student
 *                                       studied
 */
enum movement_document {
	DOC_STUDY_ABROAD_PROOF = 1u << 0,
	DOC_POSTING_ABROAD_PROOF = 1u << 1,
	DOC_RESIDENCE_ABROAD_CERT = 1u << 2,
	DOC_VISA = 1u << 3,
	DOC_FOREIGN_TRANSCRIPT = 1u << 4,
	DOC_VKK_CONCLUSION = 1u << 5,
	DOC_SPECIALISED_CONCLUSION = 1u << 6,
	DOC_HEALTH_CERTIFICATE = 1u << 7,
	DOC_INPATIENT_REPORT_CARD = 1u << 8,
};
#define MOVEMENT_DOCUMENT_KINDS 9
#define MOVEMENT_DOCUMENTS_ALL ((1u << MOVEMENT_DOCUMENT_KINDS) - 1)

/* The code of one document bit ("study_abroad_proof", "posting_abroad_proof",
 * "residence_abroad_certificate", "visa", "foreign_transcript", "vkk_conclusion",
 * "specialised_conclusion", "health_certificate", "inpatient_report_card"); NULL for
 * anything that is not exactly one known bit. */
const char *movement_document_code(unsigned doc);
/* The bit of a code; 0 for anything else, including NULL. */
unsigned movement_document_from_code(const char *code);
/* The document's name in `l` (kk from the regulation, ru and en translated); NULL for
 * anything that is not exactly one known bit. */
const char *movement_document_name(unsigned doc, enum lang l);
/* The paragraph that asks for it ("A1§7.1", …); NULL likewise. */
const char *movement_document_source(unsigned doc);

/* EXT-4: the documents an externship on `ground` needs: the proof of study abroad
 * always (an externship is study at a foreign school, R§5.66), the paper of the ground
 * for grounds 2 and 3, the visa when `visa_required`. 0 for an invalid ground. */
unsigned externship_documents_required(enum externship_ground ground, int visa_required);
/* LV-8: the documents a return from leave needs: the health certificate, and the
 * report card when the student studied at an inpatient or rehabilitation organisation. */
unsigned leave_return_documents_required(int studied_in_inpatient);

/* --- a student's status (the state machine) --- */

/* What moves a student from one status to another. */
enum student_event {
	EVENT_EXTERNSHIP_ORDER,   /* studying → externship: the order takes effect (A1§9–10) */
	EVENT_EXTERNSHIP_ENDED,   /* externship → studying: the ordered period is over (A1§14) */
	EVENT_EXTERNSHIP_RETURN,  /* externship → studying: early return by order (A1§12–13) */
	EVENT_LEAVE_ORDER,        /* studying → academic_leave: the order takes effect (A2§8) */
	EVENT_LEAVE_RETURN,       /* academic_leave → studying: the return order (A2§12) */
	EVENT_GRADUATION,         /* studying → graduated (DOC-1, R§79–80) */
	EVENT_LEAVING,            /* studying, externship or academic_leave → left */
	EVENT_INVALID
};

/* The status after `ev` from `from`, or STUDENT_STATUS_INVALID when the status forbids
 * it (any event from graduated or left; an externship or leave for a student who is
 * away; a return for a student who is not away; graduation of a student who is away). */
enum student_status movement_status_after(enum student_status from, enum student_event ev);

/*
 * Why `from` forbids `ev` (0 problems when it does not). Field "status". The rule is
 * that of the movement asked for: EXT-1 for an externship (EXT-2 when the student is
 * on one already), LV-1 for a leave, EXT-11 for leaving an externship, LV-8 for
 * returning from leave, DOC-1 for graduation, "" for leaving the school. Codes:
 * student_on_externship, student_on_leave, student_graduated, student_left,
 * student_not_on_externship, student_not_on_leave, student_status_invalid.
 */
size_t movement_status_check(enum student_status from, enum student_event ev,
			     struct movement_problem *out, size_t cap);

/* --- applications --- */

/* What the checks need to know of the student. */
struct movement_student {
	enum student_status status;
	int externships_granted;  /* EXT-2: externship orders ever issued to the student,
				     the running one included, whatever their end */
};

/* An externship application (A1§7, A1 form 1). */
struct externship_application {
	int grade;                      /* the grade the student is in on starts_on */
	enum externship_ground ground;  /* EXT-3 */
	unsigned documents;             /* EXT-4: bits of enum movement_document */
	int visa_required;              /* 1: the host country asks the student for a visa
					   (A1§7.4 "where needed": the applicant says) */
	struct date starts_on, ends_on; /* the period asked for, both days included */
	struct date year_ends_on;       /* the last day of the academic year in which it
					   starts: the day before the next year's first day */
	const char *foreign_school;     /* form 1: the foreign school's name; NULL or "" = none */
	const char *representative_mobile; /* A1§7: contacts; NULL or "" = missing */
	const char *representative_email;
	const char *student_email;
};

/*
 * Every reason to refuse an externship application; 0 when it may be filed.
 * Codes, rule, field:
 *   the status (movement_status_check with EVENT_EXTERNSHIP_ORDER), "status";
 *   externship_grade_not_allowed       EXT-1  grade      grade other than 8, 9, 11
 *   externship_next_grade_not_allowed  EXT-1  ends_on    the period runs past
 *       year_ends_on into grade + 1, which is not 8, 9 or 11 (only grade 8 may go on
 *       into 9)
 *   externship_already_granted         EXT-2  status     an externship was granted before
 *   period_reversed                    EXT-2  ends_on    ends before it starts
 *   externship_too_long                EXT-2  ends_on    longer than 12 months
 *   externship_ground_missing          EXT-3  ground     none of A1§4's three grounds
 *   document_missing                   EXT-4  documents.<code>  for each document of
 *       externship_documents_required() not in `documents` (without a ground: the
 *       proof of study abroad and the visa, which every ground needs)
 *   foreign_school_missing             EXT-4  foreign_school
 *   contact_missing                    EXT-4  representative_mobile,
 *       representative_email, student_email — each one missing
 */
size_t movement_check_externship(const struct movement_student *s,
				 const struct externship_application *a,
				 struct movement_problem *out, size_t cap);

/* An academic leave application (A2§5, A2 form 1). */
struct leave_application {
	enum leave_ground ground;       /* LV-1: medical only */
	unsigned documents;             /* LV-1: bits of enum movement_document */
	struct date starts_on, ends_on; /* the leave asked for, both days included */
};

/*
 * Every reason to refuse a leave application; 0 when it may be filed.
 *   the status (movement_status_check with EVENT_LEAVE_ORDER), "status";
 *   leave_ground_not_medical     LV-1  ground     not the medical ground
 *   medical_conclusion_missing   LV-1  documents  neither the ВКК conclusion nor that
 *                                                 of a specialised organisation
 *   period_reversed              LV-3  ends_on    ends before it starts
 *   leave_too_short              LV-3  ends_on    fewer than 20 days
 *   leave_too_long               LV-3  ends_on    more than 12 months
 */
size_t movement_check_leave(const struct movement_student *s, const struct leave_application *a,
			    struct movement_problem *out, size_t cap);

/* A return application: from an externship before its end (A1§12, A1 form 2) or from
 * academic leave (A2§11, A2 form 2). */
struct return_application {
	unsigned documents;            /* bits of enum movement_document */
	struct date returns_on;        /* the first day back at school */
	struct date away_from, away_to;/* the period of the order in force (used only when
					  the student's status is the one returned from) */
	int studied_in_inpatient;      /* leave: the student studied at an inpatient or
					  rehabilitation organisation (A2§11, 2nd paragraph) */
};

/*
 * Early return from an externship (EXT-11); 0 when it may be filed.
 *   the status (movement_status_check with EVENT_EXTERNSHIP_RETURN), "status";
 *   document_missing      EXT-11  documents.foreign_transcript
 *   return_before_start   EXT-11  returns_on  on or before the externship's first day
 *   return_not_early      EXT-11  returns_on  after its last day: the period is over
 *                                             and no application is needed (A1§12 is
 *                                             for a return "before the fixed term")
 */
size_t movement_check_externship_return(const struct movement_student *s,
					const struct return_application *a,
					struct movement_problem *out, size_t cap);

/*
 * Return from academic leave (LV-8); 0 when it may be filed. A return after the
 * ordered end is allowed: the leave ends only by the return order (A2§11–12).
 *   the status (movement_status_check with EVENT_LEAVE_RETURN), "status";
 *   document_missing      LV-8  documents.health_certificate,
 *                               documents.inpatient_report_card (when studied there)
 *   return_before_start   LV-8  returns_on  on or before the leave's first day
 */
size_t movement_check_leave_return(const struct movement_student *s,
				   const struct return_application *a,
				   struct movement_problem *out, size_t cap);

/* --- periods --- */

/* The last day a period of `months` months that starts on `first` may have (the
 * convention at the top of this file); months >= 0. */
struct date movement_months_last_day(struct date first, int months);
/* LV-3: 1 when [first, last] is 20 days to 12 months long. */
int movement_leave_length_ok(struct date first, struct date last);

/* --- a case: application → documents → council → order → done --- */

enum case_state {
	CASE_FILED,              /* "filed": the application is in */
	CASE_DOCUMENTS_CHECKED,  /* "documents_checked": the deputy checked the documents */
	CASE_APPROVED,           /* "approved": the council said yes */
	CASE_REFUSED,            /* "refused": the council said no (closed) */
	CASE_ORDERED,            /* "ordered": the director's order is signed */
	CASE_DONE,               /* "done": the status is changed in the movement book */
	CASE_WITHDRAWN,          /* "withdrawn": the applicant withdrew it (closed) */
	CASE_STATE_INVALID
};
const char *case_state_code(enum case_state s);            /* NULL when invalid */
enum case_state case_state_from_code(const char *code);

enum case_step {
	STEP_CHECK_DOCUMENTS,  /* filed → documents_checked */
	STEP_DECIDE,           /* documents_checked → approved | refused */
	STEP_ORDER,            /* approved → ordered; for an externship return also
				  documents_checked → ordered (A1§12 asks no council) */
	STEP_COMPLETE,         /* ordered → done */
	STEP_WITHDRAW,         /* filed, documents_checked or approved → withdrawn */
	STEP_INVALID
};

/* A case as recorded. Which dates are set follows from the state. */
struct movement_case {
	enum movement_kind kind;
	enum case_state state;
	struct date filed_on;
	struct date documents_checked_on;  /* from CASE_DOCUMENTS_CHECKED on */
	int has_decision;                  /* 1: the council decided (always in APPROVED
					      and REFUSED; an externship return may be
					      ordered without) */
	int approved;                      /* with has_decision */
	struct date decided_on;            /* with has_decision */
	struct date ordered_on;            /* from CASE_ORDERED on */
	struct date effective_from;        /* from CASE_ORDERED on: the first day of the
					      externship or leave, or the return date */
	struct date effective_to;          /* the last day of an externship or leave */
	struct date done_on;               /* in CASE_DONE */
};

/* One step asked for. Strings are the caller's; NULL or "" = missing. */
struct case_step_request {
	enum case_step step;
	struct date on;                    /* the day of the step (the decision's, the
					      order's, …) */
	int approved;                      /* STEP_DECIDE: 1 approved, 0 refused */
	const char *protocol_no;           /* STEP_DECIDE: the council's protocol number */
	const char *order_no;              /* STEP_ORDER: the order's number */
	struct date effective_from;        /* STEP_ORDER: the first day (or the return date) */
	struct date effective_to;          /* STEP_ORDER of an externship or leave: the last day */
	const char *class_name;            /* STEP_ORDER of a leave return: the class it
					      names (A2§12) */
};

/*
 * Every reason to refuse `r` on `c`, today being `today`; 0 when the step may be
 * taken. The rule is that of the kind and step (check: EXT-4, LV-1, EXT-11, LV-8;
 * decide: EXT-5, LV-2, EXT-11, LV-9; order: EXT-5, LV-4, EXT-11, LV-9; complete:
 * EXT-7, LV-5, EXT-11, LV-9; withdraw: as order). Codes:
 *   case_closed                refused, withdrawn or done: nothing more happens (the
 *                              only problem then)
 *   documents_already_checked  check twice
 *   documents_not_checked      decide, or order a return, before the check
 *   already_decided            decide twice
 *   order_before_decision      order before the council approved (field "state")
 *   order_exists               order twice, or withdraw after the order
 *   order_missing              complete before the order
 *   date_in_future             the step's day after today
 *   date_before_previous_step  the step's day before the previous step's day
 *   step_invalid               an unknown step, kind or state (field "step")
 *   protocol_missing, order_number_missing, class_missing (a leave return's order)
 *   period_reversed, externship_too_long (rule EXT-2), leave_too_short,
 *       leave_too_long (rule LV-3): the order's effective period, checked again (A2§8:
 *       the order states the first and last day); these carry the period's rule
 * Fields: "state", the step's date ("checked_on", "decided_on", "ordered_on",
 * "completed_on", "withdrawn_on"), "protocol_no", "order_no", "class_name",
 * "effective_from", "effective_to".
 */
size_t movement_case_check(const struct movement_case *c, const struct case_step_request *r,
			   struct date today, struct movement_problem *out, size_t cap);

/* The case after `r` (which passed movement_case_check): the new state and dates. */
struct movement_case movement_case_apply(const struct movement_case *c,
					 const struct case_step_request *r);

/* --- the year end: transfer and graduation (ASM-3, DOC-1, EXT-12) --- */

enum movement_year_decision { YEAR_PROMOTED, YEAR_NOT_PROMOTED };

/* The certificate the year's end gives (DOC-1, R§79–80). */
enum movement_certificate {
	CERTIFICATE_NONE,
	CERTIFICATE_BASIC,              /* "basic": негізгі мектепті бітіру туралы аттестат,
					   after grade 10 (basic secondary education) */
	CERTIFICATE_GENERAL_SECONDARY,  /* "general_secondary": жоғары мектепті бітіру туралы
					   аттестат, after grade 12 (general secondary) */
};
/* "basic", "general_secondary"; NULL for NONE or anything else. */
const char *movement_certificate_code(enum movement_certificate c);

/* What the council decides on, for one student. */
struct year_end_case {
	enum student_status status;
	int grade;                        /* 1..12 */
	enum movement_year_decision decision; /* the council's (ASM-3, R§5.41, A1§16) */
	int external_assessment_passed;   /* grades 10 and 12: passed the external summative
					     assessment (R§79) */
	int continues_to_grade_11;        /* grade 10: stays at the school for high school */
	int externship_ended_this_year;   /* EXT-12: an externship of the student ended in
					     the year decided on */
	int foreign_transcript;           /* EXT-12: its proof of study abroad is in (A1§14) */
};

struct year_end_result {
	enum student_status status;
	int grade;
	enum movement_certificate certificate;
};

/*
 * ASM-3 and DOC-1: the student's status and grade after the council's decision.
 * Promoted: grade 12 graduates with the general secondary certificate; grade 10 gets
 * the basic certificate and goes on to grade 11 when continues_to_grade_11, else
 * graduates; any other grade goes to grade + 1 in the same status (an externship or
 * leave that runs on stays). Not promoted: same grade and status, no certificate.
 * Writes *res only when there is no problem. Problems:
 *   student_graduated / student_left         ASM-3  status  nothing to decide
 *   grade_invalid                            ASM-3  grade   outside 1..12
 *   external_assessment_not_passed           DOC-1  external_assessment_passed
 *                                            (grades 10, 12 promoted without it)
 *   student_on_externship / student_on_leave DOC-1  status  graduation of a student
 *                                            who is away
 *   foreign_transcript_missing               EXT-12 documents.foreign_transcript
 *                                            (promoted after an externship without
 *                                            the proof of A1§14)
 */
size_t movement_year_end(const struct year_end_case *y, struct year_end_result *res,
			 struct movement_problem *out, size_t cap);

/* DOC-1: the certificate that completing `grade` gives: basic for 10, general
 * secondary for 12, none otherwise. */
enum movement_certificate movement_certificate_for_grade(int grade);

/* --- what follows from a status --- */

enum movement_tuition { TUITION_NOT_PAYING, TUITION_PER_CONTRACT, TUITION_SUSPENDED };

struct movement_funding {
	int budget_funded;   /* 0: no funding from the republican budget in the period */
	int right_kept;      /* 1: the right to the Өркен grant / state order is kept */
	enum movement_tuition tuition;/* for paid students */
};

/* EXT-10 (A1§5–6) and LV-7 (A2§2–4): funding during an externship (`kind`
 * MOVEMENT_EXTERNSHIP) or leave (MOVEMENT_ACADEMIC_LEAVE) of a student funded by
 * `funding` ("orken", "state_order", "paid"). Returns 0, or -1 for another kind or
 * funding (then *out is untouched). */
int movement_funding_during(enum movement_kind kind, const char *funding,
			    struct movement_funding *out);

/* EXT-16 (A1§22): which assessments an externship student of the IB school gets. */
#define MOVEMENT_ASSESS_FINAL 1u
#define MOVEMENT_ASSESS_FORMATIVE 2u
/* MOVEMENT_ASSESS_FINAL for grades 8 and 9, both bits for 11, else 0. */
unsigned movement_ib_externship_assessment(int grade);

#endif
