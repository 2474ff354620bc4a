/* server — the HTTP server (libmicrohttpd, a thread pool, one database connection
 * per thread): reads each request, checks route, sign-in, role and body, calls the
 * handler, sends the reply with the security headers. */
#ifndef MEKTEP_HTTP_SERVER_H
#define MEKTEP_HTTP_SERVER_H

#include <stddef.h>

struct server_config {
	const char *db_path;     /* SQLite file, when pg is NULL */
	const char *pg;          /* PostgreSQL primary conninfo, or NULL */
	const char *pg_read;     /* PostgreSQL replica conninfo, or NULL */
	const char *bind;        /* address to listen on; "127.0.0.1" by default */
	int port;
	int threads;             /* worker threads; 0 = twice the cores */
	size_t max_body;         /* bytes; 0 = 1 MiB */
	const char *static_dir;  /* the built web app, or NULL */
};

/* Serves until SIGINT or SIGTERM. Returns 0 on a clean stop, 1 when it cannot start. */
int server_run(const struct server_config *cfg);

/* The database connections of the calling worker thread (opened on first use,
 * re-opened after a lost connection). NULL when the database cannot be reached. */
struct db *server_db(void);
struct db *server_db_read(void);
/* What the health endpoint reports of the engines. */
const struct server_config *server_config(void);

#endif
