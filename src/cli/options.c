/* options — table-driven parsing of a subcommand's long options. */
#include "cli/options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_usage(FILE *out, const char *usage, const struct option_spec *specs)
{
	fprintf(out, "%s\n\nOptions:\n", usage);
	for (const struct option_spec *s = specs; s->name; s++) {
		char left[64];
		snprintf(left, sizeof left, "--%s%s%s", s->name, s->arg ? " " : "", s->arg ? s->arg : "");
		fprintf(out, "  %-24s %s\n", left, s->help);
	}
	fprintf(out, "  %-24s %s\n", "--help", "show this help");
}

int options_parse(int argc, char **argv, const char *usage, const struct option_spec *specs)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_usage(stdout, usage, specs);
			return 1;
		}
		if (strncmp(a, "--", 2) != 0) {
			fprintf(stderr, "mektep: unexpected argument '%s'\n\n", a);
			print_usage(stderr, usage, specs);
			return 2;
		}
		const char *name = a + 2;
		const char *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);
		const struct option_spec *found = NULL;
		for (const struct option_spec *s = specs; s->name; s++)
			if (strlen(s->name) == n && strncmp(s->name, name, n) == 0)
				found = s;
		if (!found) {
			fprintf(stderr, "mektep: unknown option '%s'\n\n", a);
			print_usage(stderr, usage, specs);
			return 2;
		}
		if (!found->arg) {
			*found->value = "1";
			continue;
		}
		if (eq) {
			*found->value = eq + 1;
		} else if (i + 1 < argc) {
			*found->value = argv[++i];
		} else {
			fprintf(stderr, "mektep: option --%s needs %s\n", found->name, found->arg);
			return 2;
		}
	}
	return 0;
}

int options_int(const char *text, const char *option, long min, long max, long *out)
{
	char *end = NULL;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || !end || *end || end == text || v < min || v > max) {
		fprintf(stderr, "mektep: --%s must be a whole number from %ld to %ld\n", option, min, max);
		return -1;
	}
	*out = v;
	return 0;
}
