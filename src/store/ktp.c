/* ktp (store) — the КТЖ laid over the dated lessons (CUR-10); see ktp.h. */
#include "store/ktp.h"

#include <stdlib.h>
#include <string.h>

#include "core/ktp.h"
#include "store/row.h"
#include "util/array.h"

/* The topic of a lesson row from columns col.. (k.id, k.position, k.title, k.hours,
 * x.ktp_pinned): null when the lesson has none (or names a topic that is gone). */
static json_t *topic_at(struct db_stmt *st, int col)
{
	if (db_col_is_null(st, col))
		return json_null();
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, col), "position", row_int(st, col + 1),
			 "title", row_text(st, col + 2), "hours", row_int(st, col + 3), "pinned",
			 row_bool(st, col + 4));
}

#define TOPIC_JOIN " LEFT JOIN ktp_topics k ON k.id = x.ktp_topic_id AND k.academic_year_id = x.academic_year_id" \
		   " AND k.subject_id = x.subject_id AND k.grade = c.grade"

static json_t *lesson_full(struct db_stmt *st)
{
	json_t *l = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "school_id",
			      row_int(st, 1), "academic_year_id", row_int(st, 2), "class_id", row_int(st, 3), "grade",
			      row_int(st, 4), "group_id", row_int(st, 5), "subject_id", row_int(st, 6), "date",
			      row_text(st, 7), "period", row_int(st, 8));
	json_object_set_new(l, "topic", topic_at(st, 9));
	return l;
}

json_t *ktp_lesson_get(struct db *db, int64_t lesson_id)
{
	return row_get_one(db, "SELECT x.id, x.school_id, x.academic_year_id, x.class_id, c.grade, x.group_id,"
			       " x.subject_id, x.lesson_date, x.period, k.id, k.position, k.title, k.hours, x.ktp_pinned"
			       " FROM lessons x JOIN classes c ON c.id = x.class_id" TOPIC_JOIN " WHERE x.id = $1",
			   lesson_id, lesson_full);
}

int ktp_topic_of(struct db *db, int64_t topic_id, int64_t *year, int64_t *subject, int *grade)
{
	struct db_stmt *st = db_prepare(db, "SELECT academic_year_id, subject_id, grade FROM ktp_topics WHERE id = $1");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, topic_id);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		*year = db_col_int64(st, 0);
		*subject = db_col_int64(st, 1);
		*grade = (int)db_col_int64(st, 2);
	}
	db_done(st);
	return rc;
}

int ktp_lesson_pin(struct db *db, int64_t lesson_id, int64_t topic_id)
{
	int rc = topic_id ? db_run(db, "UPDATE lessons SET ktp_topic_id = $2, ktp_pinned = 1 WHERE id = $1", "ii",
				   lesson_id, topic_id)
			  : db_run(db, "UPDATE lessons SET ktp_pinned = 0 WHERE id = $1", "i", lesson_id);
	return rc < 0 ? rc : DB_OK;
}

static json_t *first_int(struct db_stmt *st)
{
	return json_integer(db_col_int64(st, 0));
}

json_t *ktp_units(struct db *db, int64_t class_id, int64_t subject_id)
{
	struct db_stmt *st = db_prepare(db, "SELECT DISTINCT COALESCE(group_id, 0) FROM lessons"
					    " WHERE class_id = $1 AND subject_id = $2 ORDER BY 1");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, class_id);
	db_bind_int64(st, 2, subject_id);
	return row_collect(st, first_int);
}

/* The topics of a КТЖ in order into *out (malloc'd); their count, or -1. */
static long read_topics(struct db *db, int64_t year, int64_t subject, int grade, struct ktp_topic **out)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, hours FROM ktp_topics WHERE academic_year_id = $1"
					    " AND subject_id = $2 AND grade = $3 ORDER BY position");
	if (!st)
		return -1;
	db_bind_int64(st, 1, year);
	db_bind_int64(st, 2, subject);
	db_bind_int64(st, 3, grade);
	size_t n = 0, cap = 0;
	struct ktp_topic *t = NULL;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (array_grow((void **)&t, &cap, n, sizeof *t) != 0)
			break;
		t[n++] = (struct ktp_topic){db_col_int64(st, 0), (int)db_col_int64(st, 1)};
	}
	db_done(st);
	if (rc != DB_DONE) {
		free(t);
		return -1;
	}
	*out = t;
	return (long)n;
}

/* A unit's lessons with their current plan. */
struct lesson_now {
	struct ktp_lesson l;
	int64_t topic;
	int pinned;
};

static long read_lessons(struct db *db, int64_t class_id, int64_t group_id, int64_t subject_id, struct lesson_now **out)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, lesson_date, period, COALESCE(ktp_topic_id, 0), ktp_pinned"
					    " FROM lessons WHERE class_id = $1 AND COALESCE(group_id, 0) = $2"
					    " AND subject_id = $3");
	if (!st)
		return -1;
	db_bind_int64(st, 1, class_id);
	db_bind_int64(st, 2, group_id);
	db_bind_int64(st, 3, subject_id);
	size_t n = 0, cap = 0;
	struct lesson_now *l = NULL;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (array_grow((void **)&l, &cap, n, sizeof *l) != 0)
			break;
		struct lesson_now *x = &l[n++];
		memset(x, 0, sizeof *x);
		x->l.id = db_col_int64(st, 0);
		const char *d = db_col_text(st, 1);
		if (d)
			strncpy(x->l.date, d, sizeof x->l.date - 1);
		x->l.period = (int)db_col_int64(st, 2);
		x->topic = db_col_int64(st, 3);
		x->pinned = (int)db_col_int64(st, 4);
		x->l.pinned_topic = x->pinned ? x->topic : 0;
	}
	db_done(st);
	if (rc != DB_DONE) {
		free(l);
		return -1;
	}
	*out = l;
	return (long)n;
}

int ktp_plan_lay(struct db *db, int64_t year, int64_t class_id, int64_t group_id, int64_t subject_id, int grade,
		 struct ktp_lay_counts *out)
{
	struct ktp_topic *t = NULL;
	struct lesson_now *now = NULL;
	long nt = read_topics(db, year, subject_id, grade, &t);
	long nl = nt < 0 ? -1 : read_lessons(db, class_id, group_id, subject_id, &now);
	struct ktp_lesson *l = nl < 0 ? NULL : malloc((size_t)(nl ? nl : 1) * sizeof *l);
	struct ktp_slot *slot = nl < 0 ? NULL : malloc((size_t)(nl ? nl : 1) * sizeof *slot);
	int *placed = nt < 0 ? NULL : malloc((size_t)(nt ? nt : 1) * sizeof *placed);
	int rc = DB_ERROR;
	if (l && slot && placed) {
		for (long i = 0; i < nl; i++)
			l[i] = now[i].l;
		rc = ktp_lay(t, (size_t)nt, l, (size_t)nl, slot, placed) == 0 ? DB_OK : DB_ERROR;
	}
	*out = (struct ktp_lay_counts){0};
	for (long i = 0; rc == DB_OK && i < nl; i++) {
		out->lessons++;
		out->planned += slot[i].topic_id != 0;
		if (slot[i].topic_id == now[i].topic && slot[i].pinned == now[i].pinned)
			continue;
		out->changed++;
		rc = slot[i].topic_id
			? db_run(db, "UPDATE lessons SET ktp_topic_id = $2, ktp_pinned = $3 WHERE id = $1", "iii",
				 now[i].l.id, slot[i].topic_id, (int64_t)slot[i].pinned)
			: db_run(db, "UPDATE lessons SET ktp_topic_id = NULL, ktp_pinned = 0 WHERE id = $1", "i",
				 now[i].l.id);
		rc = rc < 0 ? rc : DB_OK;
	}
	for (long j = 0; rc == DB_OK && j < nt; j++)
		out->not_placed += placed[j] < t[j].hours;
	free(t);
	free(now);
	free(l);
	free(slot);
	free(placed);
	return rc;
}

static json_t *plan_lesson(struct db_stmt *st)
{
	json_t *l = json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "date", row_text(st, 1), "period",
			      row_int(st, 2), "group_id", row_int(st, 3));
	json_object_set_new(l, "topic", topic_at(st, 4));
	return l;
}

static json_t *placed_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "position", row_int(st, 1), "title",
			 row_text(st, 2), "hours", row_int(st, 3), "placed_hours", row_int(st, 4));
}

json_t *ktp_plan_get(struct db *db, int64_t year, int64_t class_id, int64_t group_id, int64_t subject_id,
		     int grade)
{
	struct db_stmt *st = db_prepare(db, "SELECT x.id, x.lesson_date, x.period, x.group_id, k.id, k.position,"
					    " k.title, k.hours, x.ktp_pinned FROM lessons x JOIN classes c ON c.id = x.class_id"
					    TOPIC_JOIN " WHERE x.class_id = $1 AND COALESCE(x.group_id, 0) = $2"
					    " AND x.subject_id = $3 ORDER BY x.lesson_date, x.period, x.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, class_id);
	db_bind_int64(st, 2, group_id);
	db_bind_int64(st, 3, subject_id);
	json_t *lessons = row_collect(st, plan_lesson);
	if (!lessons)
		return NULL;
	st = db_prepare(db, "SELECT t.id, t.position, t.title, t.hours, (SELECT COUNT(*) FROM lessons x"
			    " WHERE x.class_id = $4 AND COALESCE(x.group_id, 0) = $5 AND x.subject_id = t.subject_id"
			    " AND x.ktp_topic_id = t.id) FROM ktp_topics t WHERE t.academic_year_id = $1"
			    " AND t.subject_id = $2 AND t.grade = $3 ORDER BY t.position");
	if (!st) {
		json_decref(lessons);
		return NULL;
	}
	db_bind_int64(st, 1, year);
	db_bind_int64(st, 2, subject_id);
	db_bind_int64(st, 3, grade);
	db_bind_int64(st, 4, class_id);
	db_bind_int64(st, 5, group_id);
	json_t *topics = row_collect(st, placed_row);
	if (!topics) {
		json_decref(lessons);
		return NULL;
	}
	json_t *not_placed = json_array();
	json_int_t total = 0;
	size_t i;
	json_t *t;
	json_array_foreach(topics, i, t) {
		json_int_t hours = json_integer_value(json_object_get(t, "hours"));
		total += hours;
		if (json_integer_value(json_object_get(t, "placed_hours")) < hours)
			json_array_append(not_placed, t);
	}
	json_t *out = json_pack("{s:o, s:o, s:I, s:I, s:I}", "lessons", lessons, "not_placed", not_placed,
				"topics_count", (json_int_t)json_array_size(topics), "total_hours", total,
				"lessons_count", (json_int_t)json_array_size(lessons));
	json_decref(topics);
	return out;
}

int ktp_load_teaches_unit(struct db *db, int64_t staff_id, int64_t class_id, int64_t group_id, int64_t subject_id)
{
	int64_t n = 0;
	return db_query_int64(db, &n, "SELECT COUNT(*) FROM load_assignments WHERE staff_id = $1 AND class_id = $2"
				      " AND subject_id = $3 AND (group_id IS NULL OR $4 = 0 OR group_id = $4)",
			      "iiii", staff_id, class_id, subject_id, group_id) == DB_ROW && n > 0;
}
