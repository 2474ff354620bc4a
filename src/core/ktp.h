/* ktp — laying the КТЖ over the dated lessons (CUR-10): the topics of a subject and
 * grade, in order, each with its hours, over the lessons of one class (or one group)
 * and subject in date and period order.
 *
 * The rule (docs/curriculum.md, "Laying the КТЖ"):
 *  1. A pinned lesson (a topic moved there by the teacher) keeps its topic.
 *  2. A pinned topic keeps its hours together: the hours its pins do not cover take
 *     the next free lessons after its first pin (topics in order, when several).
 *  3. The other topics flow in order over the lessons still free, a topic of N hours
 *     taking N lessons.
 * Hours that find no lesson are not placed (placed[i] < hours); lessons beyond the
 * topics stay without a topic. A pin naming a topic not in the list is no pin. Pure:
 * no database, no clock. */
#ifndef MEKTEP_CORE_KTP_H
#define MEKTEP_CORE_KTP_H

#include <stddef.h>
#include <stdint.h>

struct ktp_topic {
	int64_t id;
	int hours;
};

struct ktp_lesson {
	int64_t id;
	char date[11];        /* YYYY-MM-DD */
	int period;
	int64_t pinned_topic; /* 0: not pinned */
};

/* What a lesson gets. */
struct ktp_slot {
	int64_t topic_id; /* 0: no topic */
	int pinned;       /* 1 when rule 1 put it there */
};

/* Lays topics t[0..nt) over lessons l[0..nl) (any order; laid in date, period, id
 * order). out[i] is lesson l[i]'s topic; placed[j] (when not NULL) the lessons topic
 * t[j] got. Returns 0, or -1 when out of memory. */
int ktp_lay(const struct ktp_topic *t, size_t nt, const struct ktp_lesson *l, size_t nl, struct ktp_slot *out,
	    int *placed);

/* A КТЖ saved again keeps its topics (and so the lessons planned and pinned on them):
 * new topic j (titles nt[0..nn), in order) takes the place of old topic match[j] (an
 * index into ot[0..no), in order), or -1 when it is new. First by identical title — of
 * several, the nearest in order (pairs nearest first; ties: the earlier new topic, then
 * the earlier old one) — then the rest by the same place in order. Old topics no new
 * one matched are gone. Returns 0, or -1 when out of memory. */
int ktp_match(const char *const *ot, size_t no, const char *const *nt, size_t nn, long *match);

#endif
