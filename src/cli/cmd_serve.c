/* cmd_serve — `mektep serve`: checks the schema, then runs the HTTP server. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "api/api.h"
#include "cli/commands.h"
#include "core/date.h"
#include "cli/options.h"
#include "http/server.h"
#include "store/db.h"

int cmd_serve(int argc, char **argv)
{
	const char *db_path = NULL, *pg = NULL, *pg_read = NULL, *port = "8080", *bind = "127.0.0.1";
	const char *threads = "0", *web = NULL, *today = NULL;
	const struct option_spec specs[] = {
		{"db", "PATH", "the SQLite database file", &db_path},
		{"pg", "CONNINFO", "the PostgreSQL primary instead of --db", &pg},
		{"pg-read", "CONNINFO", "a PostgreSQL streaming replica for lag-tolerant reads", &pg_read},
		{"port", "N", "the TCP port (default 8080)", &port},
		{"bind", "ADDR", "the IPv4 address to listen on (default 127.0.0.1)", &bind},
		{"threads", "N", "worker threads (default twice the cores)", &threads},
		{"web", "DIR", "the built web app (default web/dist when it exists)", &web},
		{"today", "YYYY-MM-DD", "the date taken for today (default the real date in Kazakhstan): demos, tests", &today},
		{NULL, NULL, NULL, NULL},
	};
	int rc = options_parse(argc, argv,
			       "usage: mektep serve (--db PATH | --pg CONNINFO [--pg-read CONNINFO]) "
			       "[--port N] [--bind ADDR]",
			       specs);
	if (rc)
		return rc == 1 ? 0 : rc;
	long port_n, threads_n;
	if (options_int(port, "port", 1, 65535, &port_n) || options_int(threads, "threads", 0, 256, &threads_n))
		return 2;
	if (today) {
		struct date pinned;
		if (date_parse(today, &pinned) != 0) {
			fputs("mektep: --today takes a date YYYY-MM-DD\n", stderr);
			return 2;
		}
		api_today_pin(pinned);
	}
	if (pg_read && !pg) {
		fputs("mektep: --pg-read goes with --pg\n", stderr);
		return 2;
	}
	struct db *db = cli_open_current_db(db_path, pg);
	if (!db)
		return 1;
	db_close(db);
	struct stat st;
	if (!web && stat("web/dist/index.html", &st) == 0)
		web = "web/dist";
	struct server_config cfg = {
		.db_path = db_path,
		.pg = pg,
		.pg_read = pg_read,
		.bind = bind,
		.port = (int)port_n,
		.threads = (int)threads_n,
		.static_dir = web,
	};
	return server_run(&cfg);
}
