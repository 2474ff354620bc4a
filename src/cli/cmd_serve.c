/* cmd_serve — `mektep serve`: checks the schema, then runs the HTTP server and the
 * e-mail sender (its settings from --smtp-* or the MEKTEP_SMTP_* environment). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "api/api.h"
#include "cli/commands.h"
#include "core/date.h"
#include "cli/options.h"
#include "cli/serve_daily.h"
#include "http/server.h"
#include "mail/mail.h"
#include "store/db.h"

int cmd_serve(int argc, char **argv)
{
	const char *db_path = NULL, *pg = NULL, *pg_read = NULL, *port = "8080", *bind = "127.0.0.1";
	const char *threads = "0", *web = NULL, *today = NULL;
	const char *smtp_host = NULL, *smtp_port = NULL, *smtp_tls = NULL, *smtp_from = NULL, *smtp_user = NULL;
	const char *smtp_retry = NULL, *contingent = NULL;
	const struct option_spec specs[] = {
		{"db", "PATH", "the SQLite database file", &db_path},
		{"pg", "CONNINFO", "the PostgreSQL primary instead of --db", &pg},
		{"pg-read", "CONNINFO", "a PostgreSQL streaming replica for lag-tolerant reads", &pg_read},
		{"port", "N", "the TCP port (default 8080)", &port},
		{"bind", "ADDR", "the IPv4 address to listen on (default 127.0.0.1)", &bind},
		{"threads", "N", "worker threads (default twice the cores)", &threads},
		{"web", "DIR", "the built web app (default web/dist when it exists)", &web},
		{"today", "YYYY-MM-DD", "the date taken for today (default the real date in Kazakhstan): demos, tests", &today},
		{"smtp-host", "HOST", "the SMTP server for e-mail (MEKTEP_SMTP_HOST); without it mail stays queued", &smtp_host},
		{"smtp-port", "N", "its port (MEKTEP_SMTP_PORT; default 587 with TLS, 25 without)", &smtp_port},
		{"smtp-tls", "on|off", "TLS required (MEKTEP_SMTP_TLS; default on: 465 implicit, else STARTTLS)", &smtp_tls},
		{"smtp-from", "ADDRESS", "the sender's address (MEKTEP_SMTP_FROM)", &smtp_from},
		{"smtp-user", "USER", "the SMTP user (MEKTEP_SMTP_USER); the password only from MEKTEP_SMTP_PASSWORD", &smtp_user},
		{"smtp-retry", "SECONDS", "the first retry's delay, doubled each time (MEKTEP_SMTP_RETRY; default 60)", &smtp_retry},
		{"contingent-email", "ADDRESS", "the ДББҰ contingent unit's address for the orders' copies (MEKTEP_CONTINGENT_EMAIL)", &contingent},
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
	/* a flag wins over the environment */
	smtp_host = smtp_host ? smtp_host : getenv("MEKTEP_SMTP_HOST");
	smtp_port = smtp_port ? smtp_port : getenv("MEKTEP_SMTP_PORT");
	smtp_tls = smtp_tls ? smtp_tls : getenv("MEKTEP_SMTP_TLS");
	smtp_from = smtp_from ? smtp_from : getenv("MEKTEP_SMTP_FROM");
	smtp_user = smtp_user ? smtp_user : getenv("MEKTEP_SMTP_USER");
	smtp_retry = smtp_retry ? smtp_retry : getenv("MEKTEP_SMTP_RETRY");
	contingent = contingent ? contingent : getenv("MEKTEP_CONTINGENT_EMAIL");
	long smtp_port_n = 0, smtp_retry_n = 60;
	if ((smtp_port && options_int(smtp_port, "smtp-port", 1, 65535, &smtp_port_n)) ||
	    (smtp_retry && options_int(smtp_retry, "smtp-retry", 1, 86400, &smtp_retry_n)))
		return 2;
	if (smtp_tls && strcmp(smtp_tls, "on") != 0 && strcmp(smtp_tls, "off") != 0) {
		fputs("mektep: --smtp-tls takes on or off\n", stderr);
		return 2;
	}
	if (smtp_host && *smtp_host && !(smtp_from && strchr(smtp_from, '@'))) {
		fputs("mektep: --smtp-host needs --smtp-from ADDRESS\n", stderr);
		return 2;
	}
	struct mail_config mail = {
		.host = smtp_host && *smtp_host ? smtp_host : NULL,
		.port = (int)smtp_port_n,
		.tls = !smtp_tls || strcmp(smtp_tls, "on") == 0,
		.from = smtp_from,
		.user = smtp_user,
		.password = getenv("MEKTEP_SMTP_PASSWORD"),
		.contingent_to = contingent && *contingent ? contingent : NULL,
		.retry_seconds = (int)smtp_retry_n,
	};
	mail_configure(&mail);
	if (pg_read && !pg) {
		fputs("mektep: --pg-read goes with --pg\n", stderr);
		return 2;
	}
	struct db *db = cli_open_current_db(db_path, pg);
	if (!db)
		return 1;
	int daily_failed = serve_daily_run(db, api_today());
	db_close(db);
	if (daily_failed)
		return 1;
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
	if (mail_sender_start(db_path, pg, api_today) != 0) {
		fputs("mektep: the mail sender cannot start\n", stderr);
		return 1;
	}
	if (serve_daily_start(db_path, pg, api_today) != 0) {
		fputs("mektep: the day's work cannot start\n", stderr);
		mail_sender_stop();
		return 1;
	}
	rc = server_run(&cfg);
	serve_daily_stop();
	mail_sender_stop();
	return rc;
}
