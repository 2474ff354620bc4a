/* options — the long options of a subcommand as one table: parsing, --help text and
 * the error for an unknown or incomplete option. */
#ifndef MEKTEP_CLI_OPTIONS_H
#define MEKTEP_CLI_OPTIONS_H

struct option_spec {
	const char *name;    /* without the dashes: "db" for --db */
	const char *arg;     /* the argument's name for --help ("PATH"), NULL for a flag */
	const char *help;    /* one line */
	const char **value;  /* where the argument goes; for a flag, "1" when given */
};

/* Parses argv (argv[0] is the subcommand) against specs ({NULL}-terminated).
 * Prints usage and returns 1 for --help, prints an error and returns 2 for a bad
 * option, returns 0 otherwise. */
int options_parse(int argc, char **argv, const char *usage, const struct option_spec *specs);
/* Parses a whole decimal number within min..max; prints an error naming the option
 * and returns -1 otherwise. */
int options_int(const char *text, const char *option, long min, long max, long *out);

#endif
