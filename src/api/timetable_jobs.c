/* timetable_jobs — the timetable generator through the API (issue 9; TT-1, TT-3):
 * `POST /schools/{id}/timetables/generate` starts a solve of a semester in a thread of
 * its own and replies 202 with the job; `GET /timetable-jobs/{id}` gives its progress
 * (phase, elapsed, hard violations, soft cost) and at the end the new draft version
 * (store/timetable_generate.h) or why there is none — the counting conflicts and the
 * rules still broken, in the request's language (the solver's own sentence rides along
 * in English) and `conflicts`: the smallest set of rules that cannot hold together
 * (sv_explain through timetable_generate), each in the request's language with the
 * classes, teachers, subjects and rooms it is about. `DELETE /timetable-jobs/{id}` (who
 * started it, or the school's director) cancels a running job: the solver stops at its
 * next look at the clock, the job shows `cancelled`, no draft is written. One job per
 * school at a time (409). Jobs live in the server's memory (the last JOBS_KEPT; a
 * restart forgets them, the drafts they wrote stay). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/api.h"
#include "api/handlers.h"
#include "http/server.h"
#include "store/db.h"
#include "store/org.h"
#include "store/timetable_generate.h"
#include "store/timetable_week.h"

#define JOBS_KEPT 64
#define TIME_LIMIT_DEFAULT 30
#define TIME_LIMIT_MAX 300

enum job_state { JOB_RUNNING, JOB_DONE, JOB_FAILED, JOB_CANCELLED };

struct job {
	int64_t id;              /* 0: a free slot */
	int64_t school_id, year_id, user_id;
	int semester;
	uint64_t seed;
	double time_limit;
	struct ttw_teacher_rules teachers; /* the run's caps on every teacher (TT-1) */
	enum job_state state;
	int alive;               /* its thread has not ended (a cancelled job's may still run) */
	_Atomic int gate;        /* enum tt_gate: cancelled by DELETE, or writing its draft */
	char cancelled_by[65];   /* the login that cancelled it */
	char started_at[21], finished_at[21];
	struct sv_progress progress;
	int reported;            /* the solver reported its progress at least once */
	int rc;                  /* timetable_generate's */
	struct tt_generate_result result;
};

static pthread_mutex_t jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static struct job jobs[JOBS_KEPT];
static int64_t last_job_id;

static double monotonic(void *ctx)
{
	(void)ctx;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_progress(void *ctx, const struct sv_progress *p)
{
	struct job *j = ctx;
	pthread_mutex_lock(&jobs_lock);
	if (j->state == JOB_RUNNING && p->phase == 3) {
		j->progress.phase = 3; /* explaining: the search's last figures stay */
	} else if (j->state == JOB_RUNNING) {
		j->progress = *p;
		j->reported = 1;
	}
	pthread_mutex_unlock(&jobs_lock);
}

static void *run_job(void *arg)
{
	struct job *j = arg;
	pthread_mutex_lock(&jobs_lock);
	int64_t school = j->school_id, year = j->year_id, user = j->user_id;
	int semester = j->semester;
	struct ttw_teacher_rules teachers = j->teachers;
	struct sv_params p = {.seed = j->seed, .time_limit = j->time_limit};
	pthread_mutex_unlock(&jobs_lock);
	p.now = monotonic;
	p.progress = on_progress;
	p.progress_ctx = j;
	p.progress_every = 0.25;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct tt_generate_result *r = malloc(sizeof *r);
	struct db *db = server_db();
	int rc = r && db ? timetable_generate(db, school, year, semester, &p, cores >= 2 ? 2 : 1, user, &j->gate,
							&teachers, r)
			 : DB_ERROR;
	pthread_mutex_lock(&jobs_lock);
	j->alive = 0;
	if (j->state == JOB_CANCELLED || rc == TTG_CANCELLED) {
		/* cancelled: what the search had is of no interest; nothing was written */
		j->state = JOB_CANCELLED;
		j->rc = TTG_CANCELLED;
		pthread_mutex_unlock(&jobs_lock);
		free(r);
		return NULL;
	}
	j->rc = rc;
	if (r)
		j->result = *r;
	j->state = rc == TTG_OK ? JOB_DONE : JOB_FAILED;
	j->progress.elapsed = r ? r->elapsed : j->progress.elapsed;
	if (r && r->status != SV_INFEASIBLE && r->status != SV_ERROR && rc != TTG_BAD_INPUT) {
		j->progress.hard = r->report.hard;
		j->progress.soft = r->report.soft;
		j->reported = 1;
	}
	db_now_utc(j->finished_at);
	pthread_mutex_unlock(&jobs_lock);
	free(r);
	return NULL;
}

/* A slot for a new job of the school: NULL with *busy set when the school has a running
 * job, NULL when every slot runs. Called with the lock held. */
static struct job *slot_for(int64_t school, int *busy)
{
	struct job *pick = NULL;
	*busy = 0;
	for (int i = 0; i < JOBS_KEPT; i++) {
		struct job *j = &jobs[i];
		if (j->id && j->alive) {
			*busy |= j->school_id == school;
			continue;
		}
		/* a free slot first, else the oldest finished job */
		if (!pick || (pick->id && (!j->id || j->id < pick->id)))
			pick = j;
	}
	return *busy ? NULL : pick;
}

static const char *phase_name(int phase)
{
	return phase == 0 ? "build" : phase == 1 ? "repair" : phase == 2 ? "improve" : "explain";
}

/* The message code of a rule sv_explain blames (docs/openapi.yaml, TimetableConflict). */
static const char *relax_code(enum sv_relax_kind k)
{
	switch (k) {
	case SV_R_TEACHER_GAPS_DAY: return "conflict_teacher_gaps_day";
	case SV_R_TEACHER_GAPS_WEEK: return "conflict_teacher_gaps_week";
	case SV_R_STUDENT_GAPS: return "conflict_student_gaps";
	case SV_R_STUDENT_EARLY: return "conflict_student_early";
	case SV_R_CLASS_MIN: return "conflict_class_min";
	case SV_R_CLASS_MAX: return "conflict_class_max";
	case SV_R_CLASS_OFF: return "conflict_class_off";
	case SV_R_SUBJECT_DAY: return "conflict_subject_day";
	case SV_R_TEACHER_OFF: return "conflict_teacher_off";
	case SV_R_TEACHER_DAILY: return "conflict_teacher_daily";
	case SV_R_TEACHER_DAYS: return "conflict_teacher_days";
	case SV_R_TEACHER_MIN_DAILY: return "conflict_teacher_min_daily";
	case SV_R_TEACHER_RUN: return "conflict_teacher_run";
	case SV_R_LOCK: return "conflict_lock";
	case SV_R_ACTIVITY_OFF: return "conflict_activity_off";
	case SV_R_ENDS_DAY: return "conflict_ends_day";
	case SV_R_COUNT: break;
	}
	return "internal";
}

/* The code of a counting conflict (docs/openapi.yaml, TimetableJob). */
static const char *conflict_code(enum sv_conflict_kind k)
{
	switch (k) {
	case SV_C_GROUP_HOURS: return "generate_group_hours";
	case SV_C_CLASS_MAX: return "generate_class_max";
	case SV_C_CLASS_MIN: return "generate_class_min";
	case SV_C_TEACHER_HOURS: return "generate_teacher_hours";
	case SV_C_SUBJECT_DAY: return "generate_subject_day";
	case SV_C_ROOM_HOURS: return "generate_room_hours";
	case SV_C_SAME_TIME_CLASH: return "generate_same_time_clash";
	case SV_C_NO_SLOT: return "generate_no_slot";
	case SV_C_NO_ROOM: return "generate_no_room";
	case SV_C_LOCK: return "generate_lock";
	}
	return "internal";
}

/* The code of an elective block's conflict (TT-4; docs/openapi.yaml, TimetableConflict). */
static const char *elective_code(enum eb_conflict_kind k)
{
	switch (k) {
	case EB_GROUP_HOURS: return "conflict_elective_group_hours";
	case EB_TEACHER_HOURS: return "conflict_elective_teacher_hours";
	case EB_STUDENT_HOURS: return "conflict_elective_student_hours";
	case EB_NO_ASSIGNMENT: return "conflict_elective_no_assignment";
	case EB_GRADE_NO_HOURS: return "conflict_elective_no_hours";
	case EB_GRADE_HOURS_DIFFER: return "conflict_elective_hours_differ";
	}
	return "internal";
}

/* [{id, <name_key>: name}] with the one thing named, or [] when id is 0. */
static json_t *named(int64_t id, const char *name_key, const char *name)
{
	json_t *a = json_array();
	if (id)
		json_array_append_new(a, json_pack("{sI ss}", "id", (json_int_t)id, name_key, name));
	return a;
}

/* The rules to blame, in the request's language: the message of the rule followed by
 * who it is about. */
static json_t *job_conflicts(struct req *rq, const struct job *j)
{
	json_t *list = json_array();
	const struct tt_generate_result *r = &j->result;
	if (j->rc != TTG_NO_TIMETABLE)
		return list;
	for (size_t i = 0; i < r->n_blame && i < TTG_MAX_BLAME; i++) {
		const struct tt_blame *b = &r->blame[i];
		int elective = b->explained == TTG_BLAME_ELECTIVE;
		const char *code = elective		? elective_code((enum eb_conflict_kind)b->kind)
				   : b->explained ? relax_code((enum sv_relax_kind)b->kind)
						  : conflict_code((enum sv_conflict_kind)b->kind);
		json_t *c = reply_problem(rq, code, elective ? "TT-4" : "TT-1", NULL);
		json_object_del(c, "field");
		char text[1200];
		size_t n = (size_t)snprintf(text, sizeof text, "%s", json_string_value(json_object_get(c, "message")));
		if (elective && b->need)
			n += (size_t)snprintf(text + n, sizeof text - n, b->kind == EB_GRADE_HOURS_DIFFER ? " (%d ≠ %d)"
					      : " (%d > %d)", b->need, b->have);
		const char *names[3] = {b->class_label, b->staff_name, b->subject_name};
		if (elective) { /* the teachers first, then the classes */
			names[0] = b->staff_name;
			names[1] = b->class_label;
		}
		const char *sep = ": ";
		for (int k = 0; k < 3 && n < sizeof text; k++) {
			if (*names[k]) {
				n += (size_t)snprintf(text + n, sizeof text - n, "%s%s", sep, names[k]);
				sep = ", ";
			}
			for (int q = 0; elective && k == 0 && q < b->n_more_staff && n < sizeof text; q++)
				n += (size_t)snprintf(text + n, sizeof text - n, ", %s", b->more_staff_names[q]);
			for (int q = 0; elective && k == 1 && q < b->n_more_classes && n < sizeof text; q++)
				n += (size_t)snprintf(text + n, sizeof text - n, ", %s", b->more_class_labels[q]);
		}
		if (*b->room_name && n < sizeof text)
			snprintf(text + n, sizeof text - n, "%s%s", sep, b->room_name);
		/* an elective block's conflict is found before any search, like a count */
		json_object_set_new(c, "kind", json_string(b->explained == TTG_BLAME_EXPLAINED ? "explained" : "counted"));
		json_object_set_new(c, "text", json_string(text));
		json_object_set_new(c, "detail", json_string(b->text));
		json_t *classes = named(b->class_id, "label", b->class_label);
		json_t *teachers = named(b->staff_id, "name", b->staff_name);
		for (int q = 0; q < b->n_more_classes; q++)
			json_array_append_new(classes, json_pack("{sI ss}", "id", (json_int_t)b->more_class_ids[q], "label",
								 b->more_class_labels[q]));
		for (int q = 0; q < b->n_more_staff; q++)
			json_array_append_new(teachers, json_pack("{sI ss}", "id", (json_int_t)b->more_staff_ids[q], "name",
								  b->more_staff_names[q]));
		if (elective) {
			json_object_set_new(c, "rules", json_pack("[ss]", "TT-4", "ELE-3"));
			json_object_set_new(c, "need", json_integer(b->need));
			json_object_set_new(c, "have", json_integer(b->have));
		}
		json_object_set_new(c, "classes", classes);
		json_object_set_new(c, "teachers", teachers);
		json_object_set_new(c, "subjects", named(b->subject_id, "name", b->subject_name));
		json_object_set_new(c, "rooms", named(b->room_id, "name", b->room_name));
		json_array_append_new(list, c);
	}
	return list;
}

/* Why the job wrote no draft: problems in the request's language. */
static json_t *job_problems(struct req *rq, const struct job *j)
{
	json_t *list = json_array();
	const struct tt_generate_result *r = &j->result;
	if (j->rc == TTG_BAD_INPUT) {
		const char *code = r->input_rc == TTW_NO_BELLS	 ? "generate_no_bells"
				   : r->input_rc == TTW_NO_LOAD ? "generate_no_load"
								: "generate_groups";
		json_array_append_new(list, reply_problem(rq, code, "TT-1", NULL));
	} else if (j->rc == TTG_NO_TIMETABLE && r->status == SV_INFEASIBLE) {
		for (size_t i = 0; i < r->n_conflicts && i < SV_MAX_CONFLICTS; i++) {
			json_t *p = reply_problem(rq, conflict_code(r->conflicts[i].kind), "TT-1", NULL);
			json_object_set_new(p, "need", json_integer(r->conflicts[i].need));
			json_object_set_new(p, "have", json_integer(r->conflicts[i].have));
			json_object_set_new(p, "detail", json_string(r->conflicts[i].text));
			json_array_append_new(list, p);
		}
	} else if (j->rc == TTG_NO_TIMETABLE) {
		for (int k = 0; k < SV_V_COUNT; k++) {
			if (!r->report.v[k])
				continue;
			json_t *p = reply_problem(rq, "generate_unsolved", "TT-1", NULL);
			json_object_set_new(p, "violation", json_string(sv_violation_name((enum sv_violation)k)));
			json_object_set_new(p, "count", json_integer(r->report.v[k]));
			json_array_append_new(list, p);
		}
	} else if (j->rc == TTG_CLASH) {
		json_t *p = reply_problem(rq, "generate_clash", "TT-1", NULL);
		json_object_set_new(p, "count", json_integer((json_int_t)r->clashes));
		json_array_append_new(list, p);
	} else if (j->state == JOB_FAILED) {
		json_array_append_new(list, reply_problem(rq, "internal", NULL, NULL));
	}
	return list;
}

/* The job as the API shows it. Called with the lock held. */
/* The body's and the job's names of the caps on every teacher (TT-1), in the order of
 * struct ttw_teacher_rules. */
static const char *const teacher_caps[] = {"teacher_max_daily", "teacher_max_gaps_day", "teacher_max_gaps_week"};

static json_t *job_json(struct req *rq, const struct job *j)
{
	const char *state = j->state == JOB_RUNNING ? "running"
			    : j->state == JOB_DONE  ? "done"
			    : j->state == JOB_CANCELLED ? "cancelled"
							: "failed";
	json_t *o = json_pack("{sI sI sI si sI sf ss ss sf so so ss so}", "id", (json_int_t)j->id, "school_id",
			      (json_int_t)j->school_id, "academic_year_id", (json_int_t)j->year_id, "semester",
			      j->semester, "seed", (json_int_t)j->seed, "time_limit", j->time_limit, "status", state,
			      "phase", phase_name(j->progress.phase), "elapsed", j->progress.elapsed, "hard",
			      j->reported ? json_integer(j->progress.hard) : json_null(), "soft",
			      j->reported ? json_integer(j->progress.soft) : json_null(), "started_at", j->started_at,
			      "finished_at", j->state == JOB_RUNNING ? json_null() : json_string(j->finished_at));
	if (!o)
		return NULL;
	const int caps[] = {j->teachers.max_daily, j->teachers.max_gaps_day, j->teachers.max_gaps_week};
	for (int k = 0; k < 3; k++)
		json_object_set_new(o, teacher_caps[k], caps[k] == SV_NO_LIMIT ? json_null() : json_integer(caps[k]));
	if (j->state == JOB_DONE) {
		const struct tt_generate_result *r = &j->result;
		json_object_set_new(o, "timetable", json_pack("{sI si}", "id", (json_int_t)r->timetable_id, "number",
							      r->number));
		json_object_set_new(o, "result",
				    json_pack("{sI sI sf si si si}", "lessons", (json_int_t)r->lessons, "elective_rows",
					      (json_int_t)r->elective_rows, "time_to_feasible",
					      r->time_to_feasible, "teacher_gaps", r->report.teacher_gaps,
					      "same_day_repeats", r->report.spread, "locked", r->locked));
	} else {
		json_object_set_new(o, "timetable", json_null());
		json_object_set_new(o, "result", json_null());
	}
	int over = j->state == JOB_DONE || j->state == JOB_FAILED;
	json_object_set_new(o, "problems", over ? job_problems(rq, j) : json_array());
	json_object_set_new(o, "conflicts", over ? job_conflicts(rq, j) : json_array());
	json_object_set_new(o, "cancelled_by", j->state == JOB_CANCELLED ? json_string(j->cancelled_by) : json_null());
	return o;
}

static const struct field_spec generate_fields[] = {
	{.name = "academic_year_id", .type = FIELD_ID},
	{.name = "semester", .type = FIELD_INT, .min = 1, .max = 2, .required = 1},
	{.name = "seed", .type = FIELD_INT, .min = 0, .max = 2147483647},
	{.name = "time_limit", .type = FIELD_INT, .min = 1, .max = TIME_LIMIT_MAX},
	{.name = "teacher_max_daily", .type = FIELD_INT, .min = 1, .max = 12, .nullable = 1},
	{.name = "teacher_max_gaps_day", .type = FIELD_INT, .min = 0, .max = 12, .nullable = 1},
	{.name = "teacher_max_gaps_week", .type = FIELD_INT, .min = 0, .max = 60, .nullable = 1},
	{.name = NULL},
};

int api_timetable_generate(struct req *rq)
{
	int64_t school = rq->params[0];
	if (!api_school_found(rq, school))
		return rq->status;
	if (!rights_write_timetable(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, generate_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	json_t *b = rq->json;
	int64_t year = json_is_integer(json_object_get(b, "academic_year_id"))
			       ? json_integer_value(json_object_get(b, "academic_year_id"))
			       : years_current(rq->db, school);
	int64_t year_school = year ? org_school_of(rq->db, "academic_years", year) : 0;
	if (!year_school)
		return reply_error(rq, 422, "dangling_reference", NULL, "academic_year_id");
	if (year_school != school)
		return reply_error(rq, 422, "wrong_school", NULL, "academic_year_id");
	json_t *seed = json_object_get(b, "seed"), *limit = json_object_get(b, "time_limit");

	pthread_mutex_lock(&jobs_lock);
	int busy;
	struct job *j = slot_for(school, &busy);
	if (!j) {
		pthread_mutex_unlock(&jobs_lock);
		if (busy)
			return reply_error(rq, 409, "generate_running", "TT-3", NULL);
		snprintf(rq->retry_after, sizeof rq->retry_after, "30");
		return reply_error(rq, 503, "generate_busy", NULL, NULL);
	}
	memset(j, 0, sizeof *j);
	j->id = ++last_job_id;
	j->school_id = school;
	j->year_id = year;
	j->user_id = rq->user.id;
	j->semester = (int)json_integer_value(json_object_get(b, "semester"));
	j->seed = json_is_integer(seed) ? (uint64_t)json_integer_value(seed) : 1;
	j->time_limit = json_is_integer(limit) ? (double)json_integer_value(limit) : TIME_LIMIT_DEFAULT;
	int *caps[] = {&j->teachers.max_daily, &j->teachers.max_gaps_day, &j->teachers.max_gaps_week};
	for (int k = 0; k < 3; k++) {
		json_t *v = json_object_get(b, teacher_caps[k]);
		*caps[k] = json_is_integer(v) ? (int)json_integer_value(v) : SV_NO_LIMIT;
	}
	j->state = JOB_RUNNING;
	j->alive = 1;
	atomic_store(&j->gate, TTG_GATE_OPEN);
	db_now_utc(j->started_at);
	pthread_t thread;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	int started = pthread_create(&thread, &attr, run_job, j) == 0;
	pthread_attr_destroy(&attr);
	if (!started) {
		j->id = 0;
		j->alive = 0;
		pthread_mutex_unlock(&jobs_lock);
		return reply_error(rq, 500, "internal", NULL, NULL);
	}
	json_t *o = job_json(rq, j);
	pthread_mutex_unlock(&jobs_lock);
	return o ? reply_json(rq, 202, o) : reply_error(rq, 500, "internal", NULL, NULL);
}

int api_timetable_job_get(struct req *rq)
{
	pthread_mutex_lock(&jobs_lock);
	struct job *j = NULL;
	for (int i = 0; i < JOBS_KEPT && !j; i++)
		if (jobs[i].id && jobs[i].id == rq->params[0])
			j = &jobs[i];
	int64_t school = j ? j->school_id : 0;
	pthread_mutex_unlock(&jobs_lock);
	if (!j)
		return reply_error(rq, 404, "not_found", NULL, NULL);
	if (!rights_read_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	pthread_mutex_lock(&jobs_lock);
	json_t *o = j->id == rq->params[0] ? job_json(rq, j) : NULL;
	pthread_mutex_unlock(&jobs_lock);
	return o ? reply_json(rq, 200, o) : reply_error(rq, 404, "not_found", NULL, NULL);
}

int api_timetable_job_delete(struct req *rq)
{
	pthread_mutex_lock(&jobs_lock);
	struct job *j = NULL;
	for (int i = 0; i < JOBS_KEPT && !j; i++)
		if (jobs[i].id && jobs[i].id == rq->params[0])
			j = &jobs[i];
	if (!j) {
		pthread_mutex_unlock(&jobs_lock);
		return reply_error(rq, 404, "not_found", NULL, NULL);
	}
	int own = j->user_id == rq->user.id;
	int director = rq->user.role == ROLE_DIRECTOR && rq->user.school_id == j->school_id;
	if (!rights_read_school(rq, j->school_id) || (!own && !director)) {
		pthread_mutex_unlock(&jobs_lock);
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	}
	int open = TTG_GATE_OPEN;
	if (j->state != JOB_RUNNING || !atomic_compare_exchange_strong(&j->gate, &open, TTG_GATE_CANCELLED)) {
		/* over already, or writing its draft */
		pthread_mutex_unlock(&jobs_lock);
		return reply_error(rq, 409, "generate_not_running", "TT-3", NULL);
	}
	j->state = JOB_CANCELLED;
	snprintf(j->cancelled_by, sizeof j->cancelled_by, "%s", rq->user.login);
	db_now_utc(j->finished_at);
	json_t *o = job_json(rq, j);
	pthread_mutex_unlock(&jobs_lock);
	return o ? reply_json(rq, 200, o) : reply_error(rq, 500, "internal", NULL, NULL);
}
