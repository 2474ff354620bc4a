/* ktp — laying the КТЖ over the dated lessons (CUR-10); the rule is in ktp.h. */
#include "core/ktp.h"

#include <stdlib.h>
#include <string.h>

static int by_time(const void *a, const void *b)
{
	const struct ktp_lesson *x = *(const struct ktp_lesson *const *)a, *y = *(const struct ktp_lesson *const *)b;
	int c = strcmp(x->date, y->date);
	if (c)
		return c;
	if (x->period != y->period)
		return (x->period > y->period) - (x->period < y->period);
	return (x->id > y->id) - (x->id < y->id);
}

static size_t topic_index(const struct ktp_topic *t, size_t nt, int64_t id)
{
	for (size_t j = 0; id && j < nt; j++)
		if (t[j].id == id)
			return j;
	return nt;
}

int ktp_lay(const struct ktp_topic *t, size_t nt, const struct ktp_lesson *l, size_t nl, struct ktp_slot *out,
	    int *placed)
{
	const struct ktp_lesson **sorted = malloc((nl ? nl : 1) * sizeof *sorted);
	size_t *order = malloc((nl ? nl : 1) * sizeof *order); /* lesson indexes in time order */
	int *count = calloc(nt ? nt : 1, sizeof *count);
	size_t *first = malloc((nt ? nt : 1) * sizeof *first); /* the position of a topic's first pin */
	if (!sorted || !order || !count || !first) {
		free(sorted);
		free(order);
		free(count);
		free(first);
		return -1;
	}
	for (size_t i = 0; i < nl; i++) {
		sorted[i] = &l[i];
		out[i] = (struct ktp_slot){0, 0};
	}
	if (nl)
		qsort(sorted, nl, sizeof *sorted, by_time);
	for (size_t k = 0; k < nl; k++)
		order[k] = (size_t)(sorted[k] - l);
	free(sorted);
	for (size_t j = 0; j < nt; j++)
		first[j] = nl;
	/* 1. pins */
	for (size_t k = 0; k < nl; k++) {
		size_t i = order[k], j = topic_index(t, nt, l[i].pinned_topic);
		if (j == nt)
			continue;
		out[i] = (struct ktp_slot){t[j].id, 1};
		count[j]++;
		if (first[j] == nl)
			first[j] = k;
	}
	/* 2. a pinned topic's other hours right after its first pin */
	for (size_t j = 0; j < nt; j++) {
		if (first[j] == nl)
			continue;
		for (size_t k = first[j] + 1; k < nl && count[j] < t[j].hours; k++)
			if (!out[order[k]].topic_id) {
				out[order[k]].topic_id = t[j].id;
				count[j]++;
			}
	}
	/* 3. the others in order over the free lessons */
	size_t k = 0;
	for (size_t j = 0; j < nt; j++) {
		if (first[j] != nl)
			continue;
		while (count[j] < t[j].hours) {
			while (k < nl && out[order[k]].topic_id)
				k++;
			if (k == nl)
				break;
			out[order[k]].topic_id = t[j].id;
			count[j]++;
		}
	}
	if (placed)
		memcpy(placed, count, nt * sizeof *count);
	free(order);
	free(count);
	free(first);
	return 0;
}

int ktp_match(const char *const *ot, size_t no, const char *const *nt, size_t nn, long *match)
{
	unsigned char *used = calloc(no ? no : 1, 1);
	if (!used)
		return -1;
	for (size_t j = 0; j < nn; j++)
		match[j] = -1;
	/* by title, the pairs at distance d = |i - j| before those further apart */
	size_t far = no > nn ? no : nn;
	for (size_t d = 0; d < far; d++)
		for (size_t j = 0; j < nn; j++) {
			if (match[j] >= 0)
				continue;
			for (int side = 0; side < (d ? 2 : 1); side++) {
				if (side == 0 ? j < d || j - d >= no : j + d >= no)
					continue;
				size_t i = side == 0 ? j - d : j + d;
				if (!used[i] && strcmp(ot[i], nt[j]) == 0) {
					match[j] = (long)i;
					used[i] = 1;
					break;
				}
			}
		}
	/* the rest by place */
	for (size_t j = 0; j < nn && j < no; j++)
		if (match[j] < 0 && !used[j]) {
			match[j] = (long)j;
			used[j] = 1;
		}
	free(used);
	return 0;
}
