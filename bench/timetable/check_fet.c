/* check_fet — the benchmark's second counter (bench/timetable/README.md), beside
 * check_nis.py: reads a .fet file into the solver's model and counts a timetable in
 * FET's <Activities_Timetable> format — FET's own or ours — by sv_verify(); with
 * --explain SEC, on a file no timetable is found for, names the constraints to relax
 * (sv_explain(), SEC seconds a re-solve). Solving itself is `mektep timetable solve --fet`.
 *
 *   cc -O2 -std=c17 -D_GNU_SOURCE -I src bench/timetable/check_fet.c src/solver/model.c \
 *      src/solver/search.c src/solver/fet.c src/solver/explain.c src/util/buf.c \
 *      -lm -lpthread -o /tmp/check_fet
 *   /tmp/check_fet IN.fet RESULT.xml          hard=… teacher_gaps=… (each broken rule on stderr)
 *   /tmp/check_fet --explain SEC IN.fet       the constraints to relax, one a line */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "solver/fet.h"
#include "util/buf.h"

static double now(void *ctx)
{
	(void)ctx;
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int check(struct sv_fet *f, const char *result)
{
	struct sv_model *m = sv_fet_model(f);
	struct buf text = BUF_INIT;
	struct sv_place *pl = calloc((size_t)sv_n_activities(m) + 1, sizeof *pl);
	char err[256] = "cannot read";
	struct sv_report rep;
	if (!pl || buf_read_file(&text, result) || sv_fet_read_result(f, text.data, text.len, pl, err, sizeof err) ||
	    sv_verify(m, pl, &rep)) {
		fprintf(stderr, "%s: %s\n", result, err);
		return 1;
	}
	for (int k = 0; k < SV_V_COUNT; k++)
		if (rep.v[k])
			fprintf(stderr, "violated: %s %d\n", sv_violation_name((enum sv_violation)k), rep.v[k]);
	printf("hard=%d teacher_gaps=%d spread=%d soft=%ld\n", rep.hard, rep.teacher_gaps, rep.spread, rep.soft);
	buf_release(&text);
	free(pl);
	return rep.hard ? 3 : 0;
}

static int explain(struct sv_fet *f, double seconds)
{
	struct sv_params p = {0};
	p.seed = 1;
	p.time_limit = seconds;
	p.now = now;
	struct sv_relax why[32];
	double t0 = now(NULL);
	int k = sv_explain(sv_fet_model(f), &p, why, 32);
	printf("explain: %d constraint(s) to relax (%.1f s)\n", k, now(NULL) - t0);
	for (int i = 0; i < k && i < 32; i++)
		printf("  %s\n", why[i].text);
	return k < 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
	int ex = argc == 4 && !strcmp(argv[1], "--explain");
	if (argc != 3 && !ex) {
		fprintf(stderr, "usage: %s IN.fet RESULT.xml\n       %s --explain SECONDS IN.fet\n", argv[0], argv[0]);
		return 2;
	}
	const char *in = ex ? argv[3] : argv[1];
	struct buf text = BUF_INIT;
	char err[256];
	if (buf_read_file(&text, in)) {
		fprintf(stderr, "%s: cannot read\n", in);
		return 1;
	}
	struct sv_fet *f = sv_fet_read(text.data, text.len, err, sizeof err);
	buf_release(&text);
	if (!f) {
		fprintf(stderr, "%s: %s\n", in, err);
		return 1;
	}
	int rc = ex ? explain(f, atof(argv[2])) : check(f, argv[2]);
	sv_fet_free(f);
	return rc;
}
