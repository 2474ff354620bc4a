/* learning_route (store) — individual learning routes, ОЖОМ (issue 8; migration 014): a
 * student's route in one or more subjects with its reason, span, teacher, curator, five
 * components and schedule (IR-1, IR-2), the three agreements (IR-2), the weekly
 * assessments with the corrections they made (IR-3), the conclusions (IR-4) and the
 * quarter's figures of every route student of a school (IR-5). Records travel as JSON in
 * the API's shape (the conventions of org.h); the rules are core/learning_route.h,
 * applied by api/learning_routes.c. */
#ifndef MEKTEP_STORE_LEARNING_ROUTE_H
#define MEKTEP_STORE_LEARNING_ROUTE_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/*
 * {"id","school_id","academic_year_id","student_id","student": {"id","last_name",
 * "first_name","class_id","class" ("7A" or null)},"reason","reason_note","span",
 * "span_title","semester","starts_on","ends_on","staff_id","teacher" (name),"curator_id",
 * "curator" (name),"target","content","technological","diagnostic","organisational",
 * "status" (draft | agreed | concluded),"agreements": {"teacher","curator","student"}
 * (each null or {"at"}; the student's also "as": student | representative),
 * "conclusions","recommendations","concluded_on","subjects": [{"id","code","name"}],
 * "subject_ids": [id …],"schedule": [{"position","date","activity","form"}],
 * "assessments": [{"id","assessed_on","week_of","progress","comment","by" (name),
 * "corrections": [{"part","before","after"}]}] (oldest first)}.
 * NULL when missing (or on error: db->lost).
 */
json_t *learning_route_get(struct db *db, int64_t id);

/* Which routes a list gives: of a school's year (school_id, year_id), of a class, of a
 * student; 0 is no filter (a school or a student is always given). */
struct route_filter {
	int64_t school_id, year_id, class_id, student_id;
};
/* The routes as learning_route_get gives them without schedule and assessments, with
 * "assessments" (their count) and "last_assessed_on" instead; by student's name, then
 * start. NULL on error. */
json_t *learning_routes_list(struct db *db, const struct route_filter *f);

/* Writes a route's own fields (the record's keys of learning_route_get) and replaces its
 * subjects (rec's "subject_ids") and schedule (rec's "schedule") when rec has them. */
int learning_route_insert(struct db *db, json_t *rec, int64_t user_id, int64_t *id_out);
int learning_route_update(struct db *db, int64_t id, json_t *rec);
/* Replaces the schedule with rec's rows [{"date","activity","form"}]. */
int learning_route_schedule_save(struct db *db, int64_t id, json_t *rows);
/* Clears the three agreements (the draft changed). */
int learning_route_agreements_clear(struct db *db, int64_t id);
/* IR-2: records the agreement of `party` ("teacher", "curator", "student") by user_id;
 * `as` is "student" or "representative" for the student's, else NULL. */
int learning_route_agree(struct db *db, int64_t id, const char *party, int64_t user_id, const char *as);
int learning_route_set_status(struct db *db, int64_t id, const char *status);

/* IR-3: an assessment {"assessed_on","week_of","progress","comment"} by staff_id. */
int learning_route_assessment_insert(struct db *db, int64_t route_id, json_t *rec, int64_t staff_id,
				     int64_t user_id, int64_t *id_out);
/* IR-3: a correction with it: the part, its text before and after. */
int learning_route_correction_insert(struct db *db, int64_t route_id, int64_t assessment_id, const char *part,
				     const char *before, const char *after);
/* Sets one component's text (part is one of core's route_component_names). */
int learning_route_component_set(struct db *db, int64_t id, const char *part, const char *text);
/* The dates of a route's assessments ('YYYY-MM-DD' strings), oldest first. NULL on error. */
json_t *learning_route_assessment_dates(struct db *db, int64_t id);

/* IR-4: the conclusions and recommendations, on `on`, by user_id; the route is concluded. */
int learning_route_conclude(struct db *db, int64_t id, const char *conclusions, const char *recommendations,
			    const char *on, int64_t user_id);

/* IR-5: a route student's attendance of the route's subjects from..to: {"held" (lessons
 * held with the roll taken),"absent","late","illness"}. NULL on error. */
json_t *learning_route_attendance(struct db *db, int64_t route_id, int64_t student_id, const char *from,
				  const char *to);
/* IR-3, IR-5: how many assessments the route has from..to. -1 on error. */
int64_t learning_route_assessments_between(struct db *db, int64_t route_id, const char *from, const char *to);

#endif
