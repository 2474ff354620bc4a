/* main — the `mektep` command: one table of subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "util/password.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *help;
} commands[] = {
	{"serve", cmd_serve, "serve the web app and the JSON API over HTTP"},
	{"demo", cmd_demo, "create a demo network of schools, classes, students and staff"},
	{"migrate", cmd_migrate, "create or upgrade the database schema"},
	{"user", cmd_user, "manage sign-ins (user add)"},
	{"timetable", cmd_timetable, "the timetable: lay, solve (the generator), export-fet"},
};

static void usage(FILE *out)
{
	fprintf(out, "usage: mektep COMMAND [OPTIONS]   (mektep COMMAND --help for its options)\n\n"
		     "Mektep — the school management system of Nazarbayev Intellectual Schools.\n\n"
		     "Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].help);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (password_init() != 0) {
		fputs("mektep: libsodium failed to start\n", stderr);
		return 1;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "mektep: unknown command '%s'\n\n", argv[1]);
	usage(stderr);
	return 2;
}
