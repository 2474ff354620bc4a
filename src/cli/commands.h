/* commands — the subcommands of `mektep`, each `int cmd_x(int argc, char **argv)`
 * with argv[0] the subcommand's name; the table is in main.c. */
#ifndef MEKTEP_CLI_COMMANDS_H
#define MEKTEP_CLI_COMMANDS_H

struct db;

int cmd_serve(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_timetable(int argc, char **argv);
/* `mektep timetable solve` and `mektep timetable export-fet` (timetable_solve.c);
 * argv[0] is "solve" / "export-fet". */
int cmd_timetable_solve(int argc, char **argv);
int cmd_timetable_export_fet(int argc, char **argv);

/* Monotonic seconds since an arbitrary start, for the times the commands print. */
double cli_seconds(void);

/* Opens the database named by --db PATH or --pg CONNINFO (exactly one of them),
 * printing the error; NULL when it cannot. */
struct db *cli_open_db(const char *db_path, const char *pg);
/* Opens the database and checks that its schema is the binary's newest; prints which
 * command upgrades it when not. */
struct db *cli_open_current_db(const char *db_path, const char *pg);

#endif
