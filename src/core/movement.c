/* movement — the rules of the students' movement book as pure decisions (see
 * movement.h; docs/movement.md for the readings of the regulation). */
#include "core/movement.h"

#include <stdio.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* --- vocabulary --- */

static const char *const kind_codes[] = {"externship", "externship_return", "academic_leave",
					 "leave_return"};
static const char *const status_codes[] = {"studying", "externship", "academic_leave", "graduated",
					   "left"};
static const char *const case_state_codes[] = {"filed", "documents_checked", "approved", "refused",
					       "ordered", "done", "withdrawn"};

static int code_index(const char *code, const char *const *codes, size_t n)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(code, codes[i]) == 0)
			return (int)i;
	return -1;
}

const char *movement_kind_code(enum movement_kind k)
{
	return (unsigned)k < COUNT(kind_codes) ? kind_codes[k] : NULL;
}

enum movement_kind movement_kind_from_code(const char *code)
{
	int i = code_index(code, kind_codes, COUNT(kind_codes));
	return i < 0 ? MOVEMENT_KIND_INVALID : (enum movement_kind)i;
}

const char *student_status_code(enum student_status s)
{
	return (unsigned)s < COUNT(status_codes) ? status_codes[s] : NULL;
}

enum student_status student_status_from_code(const char *code)
{
	int i = code_index(code, status_codes, COUNT(status_codes));
	return i < 0 ? STUDENT_STATUS_INVALID : (enum student_status)i;
}

const char *case_state_code(enum case_state s)
{
	return (unsigned)s < COUNT(case_state_codes) ? case_state_codes[s] : NULL;
}

enum case_state case_state_from_code(const char *code)
{
	int i = code_index(code, case_state_codes, COUNT(case_state_codes));
	return i < 0 ? CASE_STATE_INVALID : (enum case_state)i;
}

/* EXT-3: A1§4, the words of the regulation (kk) and their translations. */
static const struct {
	const char *code;
	const char *name[LANG_COUNT];
} grounds[] = {
	{"student_admitted_abroad",
	 {"оқушылардың шетелде оқуға түсуі",
	  "поступление обучающегося на обучение за рубежом",
	  "the student is admitted to study abroad"}},
	{"representative_posted_abroad",
	 {"заңды өкілдердің шетелдік мекемелерге жұмысқа немесе оқуға жіберілуі",
	  "направление законных представителей на работу или учёбу в зарубежные организации",
	  "the legal representatives are sent to work or study at a foreign institution"}},
	{"representative_resides_abroad",
	 {"заңды өкілдердің шетелде уақытша тұруы",
	  "временное проживание законных представителей за рубежом",
	  "the legal representatives reside abroad temporarily"}},
};

const char *externship_ground_code(enum externship_ground g)
{
	return (unsigned)g < COUNT(grounds) ? grounds[g].code : NULL;
}

enum externship_ground externship_ground_from_code(const char *code)
{
	for (size_t i = 0; code && i < COUNT(grounds); i++)
		if (strcmp(code, grounds[i].code) == 0)
			return (enum externship_ground)i;
	return GROUND_INVALID;
}

const char *externship_ground_name(enum externship_ground g, enum lang l)
{
	if ((unsigned)g >= COUNT(grounds) || (unsigned)l >= LANG_COUNT)
		return NULL;
	return grounds[g].name[l];
}

const char *leave_ground_code(enum leave_ground g)
{
	return g == LEAVE_GROUND_MEDICAL ? "medical" : NULL;
}

enum leave_ground leave_ground_from_code(const char *code)
{
	return code && strcmp(code, "medical") == 0 ? LEAVE_GROUND_MEDICAL : LEAVE_GROUND_INVALID;
}

/* The documents, in bit order (enum movement_document). */
static const struct {
	const char *code;
	const char *source;
	const char *name[LANG_COUNT];
} documents[MOVEMENT_DOCUMENT_KINDS] = {
	{"study_abroad_proof", "A1§7.1",
	 {"шетелдік оқу орнынан шақыру немесе шетелде оқитынын растайтын басқа құжат",
	  "приглашение зарубежной организации образования или иной документ, подтверждающий "
	  "обучение за рубежом",
	  "invitation from the foreign school or another document proving study abroad"}},
	{"posting_abroad_proof", "A1§7.2",
	 {"заңды өкілдердің шетелдік мекемелерге жұмысқа жіберілгенін растайтын құжат",
	  "документ, подтверждающий направление законных представителей на работу в зарубежные "
	  "организации",
	  "document proving that the legal representatives are sent to work at a foreign "
	  "institution"}},
	{"residence_abroad_certificate", "A1§7.3",
	 {"заңды өкілдердің шетелде уақытша тұруы туралы анықтама",
	  "справка о временном проживании законных представителей за рубежом",
	  "certificate of the legal representatives' temporary residence abroad"}},
	{"visa", "A1§7.4",
	 {"визаны алғанын растайтын құжат (қажет болған жағдайда)",
	  "документ, подтверждающий получение визы (при необходимости)",
	  "document proving that the visa was obtained (where one is needed)"}},
	{"foreign_transcript", "A1§12, A1§14",
	 {"шетелдік оқу орнында оқу бағдарламаларын игергенін (сағат саны, пәндер бойынша "
	  "бағалар (балдар)) растайтын құжаттар",
	  "документы, подтверждающие освоение учебных программ в зарубежной организации "
	  "образования (количество часов, оценки (баллы) по предметам)",
	  "documents proving the programmes mastered at the foreign school (hours, marks "
	  "(points) per subject)"}},
	{"vkk_conclusion", "A2§5.1",
	 {"амбулаториялық-емханалық ұйым жанындағы дәрігерлік-кеңестің комиссияның "
	  "қорытындылары",
	  "заключение врачебно-консультативной комиссии (ВКК) при амбулаторно-поликлинической "
	  "организации",
	  "conclusion of the medical advisory commission (VKK) of an outpatient clinic"}},
	{"specialised_conclusion", "A2§5.2",
	 {"тиісті мамандандырылған медициналық ұйымдардың (бөлімшелердің, кабинеттердің) "
	  "туберкулез, психикалық, тері-венерологиялық, онкологиялық аурулар және адамның иммун "
	  "тапшылығы вирусымен/жүре пайда болған иммун тапшылығы синдромымен ауыратындар бойынша "
	  "Қазақстан Республикасының заңнамасында белгіленген тәртіппен берілген қорытындылары",
	  "заключение соответствующей специализированной медицинской организации (отделения, "
	  "кабинета) по туберкулёзу, психическим, кожно-венерологическим, онкологическим "
	  "заболеваниям, ВИЧ/СПИДу, выданное в порядке, установленном законодательством "
	  "Республики Казахстан",
	  "conclusion of the relevant specialised medical organisation (department, office) for "
	  "tuberculosis, mental, skin and venereal, oncological diseases or HIV/AIDS, issued as "
	  "the law of Kazakhstan prescribes"}},
	{"health_certificate", "A2§11",
	 {"науқасты бақылаған медициналық ұйымның Зияткерлік мектепте оқуды жалғастыру "
	  "мүмкіндігі туралы қорытындымен денсаулығы туралы анықтамасы",
	  "справка о состоянии здоровья от наблюдавшей медицинской организации с заключением о "
	  "возможности продолжения обучения в Интеллектуальной школе",
	  "certificate of health from the medical organisation that observed the student, with "
	  "its conclusion that the student may continue at the school"}},
	{"inpatient_report_card", "A2§11",
	 {"оқушының оқу үлгерімі туралы табель",
	  "табель успеваемости обучающегося (из организации, оказывающей стационарную помощь или "
	  "медицинскую реабилитацию)",
	  "report card of the student's progress (from the inpatient or rehabilitation "
	  "organisation)"}},
};

/* The index of a single known document bit, or -1. */
static int document_index(unsigned doc)
{
	if (doc == 0 || (doc & (doc - 1)) != 0 || (doc & ~MOVEMENT_DOCUMENTS_ALL) != 0)
		return -1;
	int i = 0;
	while (!(doc & 1u)) {
		doc >>= 1;
		i++;
	}
	return i;
}

const char *movement_document_code(unsigned doc)
{
	int i = document_index(doc);
	return i < 0 ? NULL : documents[i].code;
}

unsigned movement_document_from_code(const char *code)
{
	for (size_t i = 0; code && i < COUNT(documents); i++)
		if (strcmp(code, documents[i].code) == 0)
			return 1u << i;
	return 0;
}

const char *movement_document_name(unsigned doc, enum lang l)
{
	int i = document_index(doc);
	return i < 0 || (unsigned)l >= LANG_COUNT ? NULL : documents[i].name[l];
}

const char *movement_document_source(unsigned doc)
{
	int i = document_index(doc);
	return i < 0 ? NULL : documents[i].source;
}

unsigned externship_documents_required(enum externship_ground ground, int visa_required)
{
	unsigned need;
	switch (ground) {
	case GROUND_STUDENT_ADMITTED_ABROAD:
		need = DOC_STUDY_ABROAD_PROOF;
		break;
	case GROUND_REPRESENTATIVE_POSTED_ABROAD:
		need = DOC_STUDY_ABROAD_PROOF | DOC_POSTING_ABROAD_PROOF;
		break;
	case GROUND_REPRESENTATIVE_RESIDES_ABROAD:
		need = DOC_STUDY_ABROAD_PROOF | DOC_RESIDENCE_ABROAD_CERT;
		break;
	default:
		return 0;
	}
	return visa_required ? need | DOC_VISA : need;
}

unsigned leave_return_documents_required(int studied_in_inpatient)
{
	return DOC_HEALTH_CERTIFICATE | (studied_in_inpatient ? DOC_INPATIENT_REPORT_CARD : 0u);
}

/* --- problems --- */

/* Adds a problem when there is room; always counts it. */
static void add(struct movement_problem *out, size_t cap, size_t *n, const char *rule,
		const char *code, const char *field)
{
	if (*n < cap) {
		struct movement_problem *p = &out[*n];
		p->rule = rule;
		p->code = code;
		snprintf(p->field, sizeof p->field, "%s", field ? field : "");
	}
	(*n)++;
}

/* A document_missing problem for every bit of `need` not in `have`. */
static void add_missing_documents(struct movement_problem *out, size_t cap, size_t *n,
				  const char *rule, unsigned need, unsigned have)
{
	for (unsigned bit = 1; bit && bit <= MOVEMENT_DOCUMENTS_ALL; bit <<= 1) {
		if ((need & bit) && !(have & bit)) {
			char field[MOVEMENT_FIELD_SIZE];
			snprintf(field, sizeof field, "documents.%s", movement_document_code(bit));
			add(out, cap, n, rule, "document_missing", field);
		}
	}
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* --- periods --- */

struct date movement_months_last_day(struct date first, int months)
{
	/* the day before the same date `months` months later; a date the month lacks
	 * (29 February, the 31st) is taken as the next month's first day */
	int m0 = first.m - 1 + (months > 0 ? months : 0);
	struct date same = {first.y + m0 / 12, m0 % 12 + 1, first.d};
	if (same.d > date_days_in_month(same.y, same.m)) {
		same.d = 1;
		same.m++;
		if (same.m > 12) {
			same.m = 1;
			same.y++;
		}
	}
	return date_add_days(same, -1);
}

static int64_t length_days(struct date first, struct date last)
{
	return date_to_days(last) - date_to_days(first) + 1;
}

int movement_leave_length_ok(struct date first, struct date last)
{
	return length_days(first, last) >= LEAVE_MIN_DAYS &&
	       date_compare(last, movement_months_last_day(first, LEAVE_MAX_MONTHS)) <= 0;
}

/* LV-3 on [first, last]; the field of every problem is `field`. */
static void check_leave_period(struct movement_problem *out, size_t cap, size_t *n,
			       struct date first, struct date last, const char *field)
{
	if (date_compare(last, first) < 0)
		add(out, cap, n, "LV-3", "period_reversed", field);
	else if (length_days(first, last) < LEAVE_MIN_DAYS)
		add(out, cap, n, "LV-3", "leave_too_short", field);
	else if (date_compare(last, movement_months_last_day(first, LEAVE_MAX_MONTHS)) > 0)
		add(out, cap, n, "LV-3", "leave_too_long", field);
}

/* EXT-2 on [first, last]. */
static void check_externship_period(struct movement_problem *out, size_t cap, size_t *n,
				    struct date first, struct date last, const char *field)
{
	if (date_compare(last, first) < 0)
		add(out, cap, n, "EXT-2", "period_reversed", field);
	else if (date_compare(last, movement_months_last_day(first, EXTERNSHIP_MAX_MONTHS)) > 0)
		add(out, cap, n, "EXT-2", "externship_too_long", field);
}

/* --- a student's status --- */

enum student_status movement_status_after(enum student_status from, enum student_event ev)
{
	switch (ev) {
	case EVENT_EXTERNSHIP_ORDER:
		return from == STUDENT_STUDYING ? STUDENT_EXTERNSHIP : STUDENT_STATUS_INVALID;
	case EVENT_EXTERNSHIP_ENDED:
	case EVENT_EXTERNSHIP_RETURN:
		return from == STUDENT_EXTERNSHIP ? STUDENT_STUDYING : STUDENT_STATUS_INVALID;
	case EVENT_LEAVE_ORDER:
		return from == STUDENT_STUDYING ? STUDENT_ACADEMIC_LEAVE : STUDENT_STATUS_INVALID;
	case EVENT_LEAVE_RETURN:
		return from == STUDENT_ACADEMIC_LEAVE ? STUDENT_STUDYING : STUDENT_STATUS_INVALID;
	case EVENT_GRADUATION:
		return from == STUDENT_STUDYING ? STUDENT_GRADUATED : STUDENT_STATUS_INVALID;
	case EVENT_LEAVING:
		return from == STUDENT_STUDYING || from == STUDENT_EXTERNSHIP ||
				       from == STUDENT_ACADEMIC_LEAVE
			       ? STUDENT_LEFT
			       : STUDENT_STATUS_INVALID;
	default:
		return STUDENT_STATUS_INVALID;
	}
}

/* The rule of the movement an event belongs to. */
static const char *event_rule(enum student_event ev, enum student_status from)
{
	switch (ev) {
	case EVENT_EXTERNSHIP_ORDER:
		return from == STUDENT_EXTERNSHIP ? "EXT-2" : "EXT-1";
	case EVENT_EXTERNSHIP_ENDED:
	case EVENT_EXTERNSHIP_RETURN:
		return "EXT-11";
	case EVENT_LEAVE_ORDER:
		return "LV-1";
	case EVENT_LEAVE_RETURN:
		return "LV-8";
	case EVENT_GRADUATION:
		return "DOC-1";
	default:
		return "";
	}
}

/* Why `from` does not allow `ev`: the status the student is in, or the one missing. */
static const char *status_refusal(enum student_status from, enum student_event ev)
{
	switch (from) {
	case STUDENT_GRADUATED:
		return "student_graduated";
	case STUDENT_LEFT:
		return "student_left";
	case STUDENT_STATUS_INVALID:
		return "student_status_invalid";
	default:
		break;
	}
	if (ev == EVENT_EXTERNSHIP_ENDED || ev == EVENT_EXTERNSHIP_RETURN)
		return "student_not_on_externship";
	if (ev == EVENT_LEAVE_RETURN)
		return "student_not_on_leave";
	return from == STUDENT_EXTERNSHIP ? "student_on_externship" : "student_on_leave";
}

size_t movement_status_check(enum student_status from, enum student_event ev,
			     struct movement_problem *out, size_t cap)
{
	size_t n = 0;
	if ((unsigned)from >= STUDENT_STATUS_INVALID)
		from = STUDENT_STATUS_INVALID;
	if (movement_status_after(from, ev) == STUDENT_STATUS_INVALID)
		add(out, cap, &n, event_rule(ev, from), status_refusal(from, ev), "status");
	return n;
}

/* --- applications --- */

static int externship_grade_allowed(int grade)
{
	return grade == 8 || grade == 9 || grade == 11;
}

size_t movement_check_externship(const struct movement_student *s,
				 const struct externship_application *a,
				 struct movement_problem *out, size_t cap)
{
	size_t n = 0;

	n += movement_status_check(s->status, EVENT_EXTERNSHIP_ORDER, out, cap);
	if (!externship_grade_allowed(a->grade))
		add(out, cap, &n, "EXT-1", "externship_grade_not_allowed", "grade");
	else if (date_compare(a->ends_on, a->year_ends_on) > 0 &&
		 !externship_grade_allowed(a->grade + 1))
		add(out, cap, &n, "EXT-1", "externship_next_grade_not_allowed", "ends_on");
	/* a running externship is counted once: by the status above */
	if (s->status != STUDENT_EXTERNSHIP && s->externships_granted >= EXTERNSHIPS_PER_STUDY)
		add(out, cap, &n, "EXT-2", "externship_already_granted", "status");
	check_externship_period(out, cap, &n, a->starts_on, a->ends_on, "ends_on");
	/* without a ground, still the documents every ground needs */
	unsigned need = externship_documents_required(a->ground, a->visa_required);
	if ((unsigned)a->ground >= GROUND_INVALID) {
		add(out, cap, &n, "EXT-3", "externship_ground_missing", "ground");
		need = externship_documents_required(GROUND_STUDENT_ADMITTED_ABROAD, a->visa_required);
	}
	add_missing_documents(out, cap, &n, "EXT-4", need, a->documents);
	if (blank(a->foreign_school))
		add(out, cap, &n, "EXT-4", "foreign_school_missing", "foreign_school");
	if (blank(a->representative_mobile))
		add(out, cap, &n, "EXT-4", "contact_missing", "representative_mobile");
	if (blank(a->representative_email))
		add(out, cap, &n, "EXT-4", "contact_missing", "representative_email");
	if (blank(a->student_email))
		add(out, cap, &n, "EXT-4", "contact_missing", "student_email");
	return n;
}

size_t movement_check_leave(const struct movement_student *s, const struct leave_application *a,
			    struct movement_problem *out, size_t cap)
{
	size_t n = 0;

	n += movement_status_check(s->status, EVENT_LEAVE_ORDER, out, cap);
	if (a->ground != LEAVE_GROUND_MEDICAL)
		add(out, cap, &n, "LV-1", "leave_ground_not_medical", "ground");
	if (!(a->documents & (DOC_VKK_CONCLUSION | DOC_SPECIALISED_CONCLUSION)))
		add(out, cap, &n, "LV-1", "medical_conclusion_missing", "documents");
	check_leave_period(out, cap, &n, a->starts_on, a->ends_on, "ends_on");
	return n;
}

/* The problems of a return's date against the period it ends: not on or before its
 * first day; when `early_only`, not after its last day. */
static void check_return_date(struct movement_problem *out, size_t cap, size_t *n,
			      const char *rule, const struct return_application *a, int early_only)
{
	if (date_compare(a->returns_on, a->away_from) <= 0)
		add(out, cap, n, rule, "return_before_start", "returns_on");
	else if (early_only && date_compare(a->returns_on, a->away_to) > 0)
		add(out, cap, n, rule, "return_not_early", "returns_on");
}

size_t movement_check_externship_return(const struct movement_student *s,
					const struct return_application *a,
					struct movement_problem *out, size_t cap)
{
	size_t n = movement_status_check(s->status, EVENT_EXTERNSHIP_RETURN, out, cap);
	add_missing_documents(out, cap, &n, "EXT-11", DOC_FOREIGN_TRANSCRIPT, a->documents);
	if (s->status == STUDENT_EXTERNSHIP)
		check_return_date(out, cap, &n, "EXT-11", a, 1);
	return n;
}

size_t movement_check_leave_return(const struct movement_student *s,
				   const struct return_application *a,
				   struct movement_problem *out, size_t cap)
{
	size_t n = movement_status_check(s->status, EVENT_LEAVE_RETURN, out, cap);
	add_missing_documents(out, cap, &n, "LV-8",
			      leave_return_documents_required(a->studied_in_inpatient), a->documents);
	if (s->status == STUDENT_ACADEMIC_LEAVE)
		check_return_date(out, cap, &n, "LV-8", a, 0);
	return n;
}

/* --- a case --- */

/* The rule of a step of a kind (see movement_case_check). */
static const char *step_rule(enum movement_kind k, enum case_step st)
{
	static const char *const rules[][4] = {
		/* check      decide    order     complete */
		{"EXT-4", "EXT-5", "EXT-5", "EXT-7"},      /* externship */
		{"EXT-11", "EXT-11", "EXT-11", "EXT-11"},  /* externship_return */
		{"LV-1", "LV-2", "LV-4", "LV-5"},          /* academic_leave */
		{"LV-8", "LV-9", "LV-9", "LV-9"},          /* leave_return */
	};
	if ((unsigned)k >= MOVEMENT_KIND_INVALID)
		return "";
	switch (st) {
	case STEP_CHECK_DOCUMENTS:
		return rules[k][0];
	case STEP_DECIDE:
		return rules[k][1];
	case STEP_COMPLETE:
		return rules[k][3];
	default: /* order, withdraw */
		return rules[k][2];
	}
}

static const char *step_date_field(enum case_step st)
{
	switch (st) {
	case STEP_CHECK_DOCUMENTS:
		return "checked_on";
	case STEP_DECIDE:
		return "decided_on";
	case STEP_ORDER:
		return "ordered_on";
	case STEP_COMPLETE:
		return "completed_on";
	default:
		return "withdrawn_on";
	}
}

static int case_closed(enum case_state s)
{
	return s == CASE_REFUSED || s == CASE_WITHDRAWN || s == CASE_DONE;
}

/* The day of the last step the case went through. */
static struct date last_step_day(const struct movement_case *c)
{
	switch (c->state) {
	case CASE_DOCUMENTS_CHECKED:
		return c->documents_checked_on;
	case CASE_APPROVED:
	case CASE_REFUSED:
		return c->decided_on;
	case CASE_ORDERED:
		return c->ordered_on;
	case CASE_DONE:
		return c->done_on;
	default:
		return c->filed_on;
	}
}

/* The state problems of a step: whether the case is where the step may start. */
static void check_step_state(const struct movement_case *c, enum case_step st, const char *rule,
			     struct movement_problem *out, size_t cap, size_t *n)
{
	switch (st) {
	case STEP_CHECK_DOCUMENTS:
		if (c->state != CASE_FILED)
			add(out, cap, n, rule, "documents_already_checked", "state");
		break;
	case STEP_DECIDE:
		if (c->state == CASE_FILED)
			add(out, cap, n, rule, "documents_not_checked", "state");
		else if (c->state == CASE_ORDERED)
			add(out, cap, n, rule, "order_exists", "state");
		else if (c->state != CASE_DOCUMENTS_CHECKED)
			add(out, cap, n, rule, "already_decided", "state");
		break;
	case STEP_ORDER:
		if (c->state == CASE_ORDERED)
			add(out, cap, n, rule, "order_exists", "state");
		else if (c->kind == MOVEMENT_EXTERNSHIP_RETURN && c->state == CASE_FILED)
			add(out, cap, n, rule, "documents_not_checked", "state");
		else if (c->state != CASE_APPROVED &&
			 !(c->kind == MOVEMENT_EXTERNSHIP_RETURN && c->state == CASE_DOCUMENTS_CHECKED))
			add(out, cap, n, rule, "order_before_decision", "state");
		break;
	case STEP_COMPLETE:
		if (c->state != CASE_ORDERED)
			add(out, cap, n, rule, "order_missing", "state");
		break;
	case STEP_WITHDRAW:
		if (c->state == CASE_ORDERED)
			add(out, cap, n, rule, "order_exists", "state");
		break;
	default:
		break;
	}
}

/* The order's own fields: its number, the class of a leave return, its period. */
static void check_order_fields(const struct movement_case *c, const struct case_step_request *r,
			       const char *rule, struct movement_problem *out, size_t cap, size_t *n)
{
	if (blank(r->order_no))
		add(out, cap, n, rule, "order_number_missing", "order_no");
	if (c->kind == MOVEMENT_LEAVE_RETURN && blank(r->class_name))
		add(out, cap, n, rule, "class_missing", "class_name");
	if (c->kind == MOVEMENT_EXTERNSHIP)
		check_externship_period(out, cap, n, r->effective_from, r->effective_to, "effective_to");
	else if (c->kind == MOVEMENT_ACADEMIC_LEAVE)
		check_leave_period(out, cap, n, r->effective_from, r->effective_to, "effective_to");
}

size_t movement_case_check(const struct movement_case *c, const struct case_step_request *r,
			   struct date today, struct movement_problem *out, size_t cap)
{
	size_t n = 0;
	const char *rule = step_rule(c->kind, r->step);
	const char *day = step_date_field(r->step);

	if ((unsigned)r->step >= STEP_INVALID || (unsigned)c->kind >= MOVEMENT_KIND_INVALID ||
	    (unsigned)c->state >= CASE_STATE_INVALID) {
		add(out, cap, &n, rule, "step_invalid", "step");
		return n;
	}
	if (case_closed(c->state)) { /* nothing else matters */
		add(out, cap, &n, rule, "case_closed", "state");
		return n;
	}
	check_step_state(c, r->step, rule, out, cap, &n);
	if (date_compare(r->on, today) > 0)
		add(out, cap, &n, rule, "date_in_future", day);
	if (date_compare(r->on, last_step_day(c)) < 0)
		add(out, cap, &n, rule, "date_before_previous_step", day);
	if (r->step == STEP_DECIDE && blank(r->protocol_no))
		add(out, cap, &n, rule, "protocol_missing", "protocol_no");
	if (r->step == STEP_ORDER)
		check_order_fields(c, r, rule, out, cap, &n);
	return n;
}

struct movement_case movement_case_apply(const struct movement_case *c,
					 const struct case_step_request *r)
{
	struct movement_case next = *c;
	switch (r->step) {
	case STEP_CHECK_DOCUMENTS:
		next.state = CASE_DOCUMENTS_CHECKED;
		next.documents_checked_on = r->on;
		break;
	case STEP_DECIDE:
		next.state = r->approved ? CASE_APPROVED : CASE_REFUSED;
		next.has_decision = 1;
		next.approved = r->approved ? 1 : 0;
		next.decided_on = r->on;
		break;
	case STEP_ORDER:
		next.state = CASE_ORDERED;
		next.ordered_on = r->on;
		next.effective_from = r->effective_from;
		next.effective_to = r->effective_to;
		break;
	case STEP_COMPLETE:
		next.state = CASE_DONE;
		next.done_on = r->on;
		break;
	case STEP_WITHDRAW:
		next.state = CASE_WITHDRAWN;
		break;
	default:
		break;
	}
	return next;
}

/* --- the year end --- */

const char *movement_certificate_code(enum movement_certificate c)
{
	switch (c) {
	case CERTIFICATE_BASIC:
		return "basic";
	case CERTIFICATE_GENERAL_SECONDARY:
		return "general_secondary";
	default:
		return NULL;
	}
}

enum movement_certificate movement_certificate_for_grade(int grade)
{
	if (grade == 10)
		return CERTIFICATE_BASIC;
	if (grade == 12)
		return CERTIFICATE_GENERAL_SECONDARY;
	return CERTIFICATE_NONE;
}

size_t movement_year_end(const struct year_end_case *y, struct year_end_result *res,
			 struct movement_problem *out, size_t cap)
{
	size_t n = 0;
	struct year_end_result r = {y->status, y->grade, CERTIFICATE_NONE};

	if (y->status == STUDENT_GRADUATED || y->status == STUDENT_LEFT ||
	    (unsigned)y->status >= STUDENT_STATUS_INVALID) {
		add(out, cap, &n, "ASM-3", status_refusal(y->status, EVENT_INVALID), "status");
		return n;
	}
	if (y->grade < 1 || y->grade > 12) {
		add(out, cap, &n, "ASM-3", "grade_invalid", "grade");
		return n;
	}
	if (y->decision == YEAR_PROMOTED) {
		r.certificate = movement_certificate_for_grade(y->grade);
		int graduates = y->grade == 12 || (y->grade == 10 && !y->continues_to_grade_11);
		if (r.certificate != CERTIFICATE_NONE && !y->external_assessment_passed)
			add(out, cap, &n, "DOC-1", "external_assessment_not_passed",
			    "external_assessment_passed");
		if (graduates) {
			n += movement_status_check(y->status, EVENT_GRADUATION, n < cap ? out + n : NULL,
						   n < cap ? cap - n : 0);
			r.status = STUDENT_GRADUATED;
		} else {
			r.grade = y->grade + 1;
		}
		if (y->externship_ended_this_year && !y->foreign_transcript)
			add(out, cap, &n, "EXT-12", "foreign_transcript_missing",
			    "documents.foreign_transcript");
	}
	if (n == 0 && res)
		*res = r;
	return n;
}

/* --- what follows from a status --- */

int movement_funding_during(enum movement_kind kind, const char *funding,
			    struct movement_funding *out)
{
	int orken = funding && strcmp(funding, "orken") == 0;
	int state_order = funding && strcmp(funding, "state_order") == 0;
	int paid = funding && strcmp(funding, "paid") == 0;

	if (!orken && !state_order && !paid)
		return -1;
	if (kind == MOVEMENT_EXTERNSHIP) {
		/* A1§5: the Өркен grant is kept; A1§6: no budget funding, paid students pay
		 * as their contract says */
		out->budget_funded = 0;
		out->right_kept = orken;
		out->tuition = paid ? TUITION_PER_CONTRACT : TUITION_NOT_PAYING;
		return 0;
	}
	if (kind == MOVEMENT_ACADEMIC_LEAVE) {
		/* A2§2: grant and state order kept; A2§3: no budget funding; A2§4: tuition
		 * suspended for the leave */
		out->budget_funded = 0;
		out->right_kept = orken || state_order;
		out->tuition = paid ? TUITION_SUSPENDED : TUITION_NOT_PAYING;
		return 0;
	}
	return -1;
}

unsigned movement_ib_externship_assessment(int grade)
{
	if (grade == 8 || grade == 9)
		return MOVEMENT_ASSESS_FINAL;
	if (grade == 11)
		return MOVEMENT_ASSESS_FINAL | MOVEMENT_ASSESS_FORMATIVE;
	return 0;
}
