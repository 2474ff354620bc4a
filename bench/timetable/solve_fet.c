/* solve_fet — a small driver of the solver for the benchmark, until `mektep timetable
 * solve --fet` exists: reads a .fet file, solves, writes FET's <Activities_Timetable>.
 *
 *   cc -O2 -std=c17 -D_GNU_SOURCE -I src bench/timetable/solve_fet.c \
 *      src/solver/model.c src/solver/search.c src/solver/fet.c src/solver/explain.c -lm -lpthread \
 *      -o /tmp/solve_fet
 *   /tmp/solve_fet IN.fet OUT.xml [SEED] [TIME_LIMIT_SEC] [THREADS] [MAX_MOVES]
 *   EXPLAIN=SEC /tmp/solve_fet …   (unsolved: sv_explain with SEC seconds a re-solve)
 *   /tmp/solve_fet --check IN.fet RESULT.xml   (counts a result, e.g. FET's, by sv_verify)
 *
 * Prints a progress line on stderr and one summary line on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "solver/fet.h"

static double now(void *ctx)
{
	(void)ctx;
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void progress(void *ctx, const struct sv_progress *p)
{
	(void)ctx;
	if (isatty(2))
		fprintf(stderr, "\r%s  %6.1f s  %11llu moves  hard %4d  soft %6ld ",
			p->phase == 0 ? "build " : p->phase == 1 ? "repair" : "improve", p->elapsed,
			(unsigned long long)p->iter, p->hard, p->soft);
}

/* The whole file, or NULL (said on stderr). */
static char *slurp(const char *path, size_t *len)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		perror(path);
		return NULL;
	}
	fseek(in, 0, SEEK_END);
	long n = ftell(in);
	rewind(in);
	char *text = malloc((size_t)n + 1);
	if (!text || fread(text, 1, (size_t)n, in) != (size_t)n) {
		fprintf(stderr, "%s: cannot read\n", path);
		free(text);
		text = NULL;
	}
	fclose(in);
	*len = (size_t)n;
	return text;
}

/* Every broken rule of pl on stderr. */
static void report(struct sv_model *m, const struct sv_place *pl, struct sv_report *rep)
{
	sv_verify(m, pl, rep);
	for (int k = 0; k < SV_V_COUNT; k++)
		if (rep->v[k])
			fprintf(stderr, "violated: %s %d\n", sv_violation_name((enum sv_violation)k), rep->v[k]);
}

int main(int argc, char **argv)
{
	int check = argc > 1 && !strcmp(argv[1], "--check");
	argv += check;
	argc -= check;
	if (argc < 3) {
		fprintf(stderr, "usage: %s IN.fet OUT.xml [SEED] [TIME_LIMIT_SEC] [THREADS]\n"
				"       %s --check IN.fet RESULT.xml\n", argv[0], argv[0]);
		return 2;
	}
	size_t n;
	char *text = slurp(argv[1], &n);
	if (!text)
		return 1;
	char err[256];
	double t0 = now(NULL);
	struct sv_fet *f = sv_fet_read(text, n, err, sizeof err);
	free(text);
	if (!f) {
		fprintf(stderr, "%s: %s\n", argv[1], err);
		return 1;
	}
	if (*sv_fet_unsupported(f))
		fprintf(stderr, "ignored constraints: %s\n", sv_fet_unsupported(f));
	struct sv_model *m = sv_fet_model(f);
	if (check) {
		char *res = slurp(argv[2], &n);
		struct sv_place *pl = calloc((size_t)sv_n_activities(m), sizeof *pl);
		struct sv_report rep;
		if (!res || !pl || sv_fet_read_result(f, res, n, pl, err, sizeof err)) {
			fprintf(stderr, "%s: %s\n", argv[2], res ? err : "cannot read");
			return 1;
		}
		report(m, pl, &rep);
		printf("hard=%d teacher_gaps=%d spread=%d soft=%ld\n", rep.hard, rep.teacher_gaps, rep.spread, rep.soft);
		free(res);
		free(pl);
		sv_fet_free(f);
		return rep.hard ? 3 : 0;
	}
	struct sv_params p = {0};
	p.seed = argc > 3 ? strtoull(argv[3], NULL, 10) : 1;
	p.time_limit = argc > 4 ? atof(argv[4]) : 60;
	p.max_iters = argc > 6 ? strtoull(argv[6], NULL, 10) : 0; /* for comparing by moves */
	p.now = now;
	p.progress = progress;
	p.progress_every = 0.25;
	struct sv_place *pl = calloc((size_t)sv_n_activities(m), sizeof *pl);
	struct sv_result r;
	sv_solve_parallel(m, &p, argc > 5 ? atoi(argv[5]) : 1, pl, &r);
	if (isatty(2))
		fprintf(stderr, "\n");
	for (size_t i = 0; i < r.n_conflicts && i < SV_MAX_CONFLICTS; i++)
		fprintf(stderr, "conflict: %s\n", r.conflicts[i].text);
	struct sv_report rep;
	report(m, pl, &rep);
	size_t len;
	char *xml = sv_fet_write(f, pl, &len);
	FILE *out = fopen(argv[2], "wb");
	if (!xml || !out || fwrite(xml, 1, len, out) != len || fclose(out)) {
		fprintf(stderr, "%s: cannot write\n", argv[2]);
		return 1;
	}
	printf("seed=%llu status=%d hard=%d time_to_feasible=%.2f solve=%.2f total=%.2f moves=%llu "
	       "teacher_gaps=%d spread=%d soft=%ld\n",
	       (unsigned long long)p.seed, (int)r.status, rep.hard, r.time_to_feasible, r.elapsed,
	       now(NULL) - t0, (unsigned long long)r.iters, rep.teacher_gaps, rep.spread, rep.soft);
	const char *ex = getenv("EXPLAIN");
	if (r.status != SV_SOLVED && ex && atof(ex) > 0) {
		struct sv_relax why[16];
		p.time_limit = atof(ex);
		p.max_iters = 0;
		int k = sv_explain(m, &p, why, 16);
		printf("explain: %d constraint(s) to relax (%.1f s)\n", k, now(NULL) - t0);
		for (int i = 0; i < k && i < 16; i++)
			printf("  %s\n", why[i].text);
	}
	free(xml);
	free(pl);
	sv_fet_free(f);
	return r.status == SV_SOLVED ? 0 : 3;
}
