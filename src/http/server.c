/* server — libmicrohttpd's thread pool serving the route table and the web app.
 * Each request: read the body (bounded), pick the language, open the thread's
 * database connection, identify the user, match the route, check role and body,
 * call the handler, send its reply with the security headers. */
#include "http/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http/auth.h"
#include "http/reply.h"
#include "http/router.h"
#include "http/static_files.h"
#include "store/db.h"

static struct server_config config;

/* Each worker thread's connections, closed by a key destructor when the thread ends. */
struct thread_conns {
	struct db *db;
	struct db *db_read;
};
static pthread_key_t conns_key;
static pthread_once_t conns_once = PTHREAD_ONCE_INIT;

static void conns_free(void *p)
{
	struct thread_conns *c = p;
	db_close(c->db);
	db_close(c->db_read);
	free(c);
}

static void conns_key_make(void)
{
	pthread_key_create(&conns_key, conns_free);
}

static struct thread_conns *thread_conns(void)
{
	pthread_once(&conns_once, conns_key_make);
	struct thread_conns *c = pthread_getspecific(conns_key);
	if (!c) {
		c = calloc(1, sizeof *c);
		if (c)
			pthread_setspecific(conns_key, c);
	}
	return c;
}

const struct server_config *server_config(void) { return &config; }

static struct db *open_or_reuse(struct db **slot, const char *pg)
{
	if (*slot && (*slot)->lost) {
		/* A lost connection: try it once, else start a new one. */
		if (db_ping(*slot) != DB_OK) {
			db_close(*slot);
			*slot = NULL;
		}
	}
	if (!*slot) {
		char *err = NULL;
		*slot = pg ? db_open_pg(pg, &err) : db_open_sqlite(config.db_path, &err);
		if (!*slot) {
			fprintf(stderr, "mektep: cannot open the database: %s\n", err ? err : "?");
			free(err);
		}
	}
	return *slot;
}

struct db *server_db(void)
{
	struct thread_conns *c = thread_conns();
	return c ? open_or_reuse(&c->db, config.pg) : NULL;
}

struct db *server_db_read(void)
{
	if (!config.pg_read)
		return server_db();
	struct thread_conns *c = thread_conns();
	return c ? open_or_reuse(&c->db_read, config.pg_read) : NULL;
}

const char *req_query(struct req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *req_header(struct req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

const char *req_cookie(struct req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND, name);
}

static void choose_language(struct req *rq)
{
	int l = lang_from_code(req_query(rq, "lang"));
	if (l < 0)
		l = lang_from_accept(req_header(rq, "Accept-Language"));
	if (l < 0 && rq->signed_in)
		l = (int)rq->user.lang;
	rq->lang = l < 0 ? LANG_KK : (enum lang)l;
}

static void add_security_headers(struct MHD_Response *resp, int is_api)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'self'; script-src 'self'; style-src 'self'; "
				"img-src 'self' data:; connect-src 'self'; font-src 'self'; "
				"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
				"form-action 'self'");
	if (is_api)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
}

static enum MHD_Result send_reply(struct req *rq)
{
	struct MHD_Response *resp;
	int is_api = strncmp(rq->path, "/api/", 5) == 0;
	if (rq->raw_type) {
		size_t len;
		char *data = buf_detach(&rq->raw, &len);
		resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
		MHD_add_response_header(resp, "Content-Type", rq->raw_type);
		if (rq->raw_disposition)
			MHD_add_response_header(resp, "Content-Disposition", rq->raw_disposition);
		if (rq->cache_control)
			MHD_add_response_header(resp, "Cache-Control", rq->cache_control);
		if (strncmp(rq->raw_type, "application/json", 16) == 0)
			MHD_add_response_header(resp, "Content-Language", lang_code(rq->lang));
	} else {
		char *text = rq->reply ? json_dumps(rq->reply, JSON_COMPACT)
				       : strdup("");
		resp = MHD_create_response_from_buffer(strlen(text), text, MHD_RESPMEM_MUST_FREE);
		if (rq->reply)
			MHD_add_response_header(resp, "Content-Type", "application/json; charset=utf-8");
		MHD_add_response_header(resp, "Content-Language", lang_code(rq->lang));
	}
	add_security_headers(resp, is_api);
	if (rq->set_cookie)
		MHD_add_response_header(resp, "Set-Cookie", rq->set_cookie);
	if (rq->retry_after[0])
		MHD_add_response_header(resp, "Retry-After", rq->retry_after);
	enum MHD_Result ok = MHD_queue_response(rq->conn, (unsigned)rq->status, resp);
	MHD_destroy_response(resp);
	rq->done = 1;
	return ok;
}

/* Parses the body of a JSON route into rq->json; replies 400/413 itself. */
static int parse_body(struct req *rq)
{
	if (rq->body_too_large)
		return reply_error(rq, 413, "body_too_large", NULL, NULL);
	json_error_t jerr;
	rq->json = json_loadb(rq->body.data, rq->body.len, JSON_REJECT_DUPLICATES, &jerr);
	if (!rq->json)
		return reply_error(rq, 400, "malformed_json", NULL, NULL);
	if (!json_is_object(rq->json))
		return reply_error(rq, 400, "body_not_object", NULL, NULL);
	return 0;
}

static void log_request(struct req *rq)
{
	if (getenv("MEKTEP_QUIET"))
		return;
	fprintf(stderr, "%s %s %d%s\n", rq->method, rq->path, rq->status,
		rq->signed_in ? "" : " (anonymous)");
}

/* Runs the API for a complete request; leaves the reply in rq. */
static void handle_api(struct req *rq)
{
	rq->db = server_db();
	if (!rq->db) {
		choose_language(rq);
		reply_error(rq, 503, "db_unavailable", NULL, NULL);
		return;
	}
	int path_matched = 0;
	const struct route *route = router_match(api_routes, rq->method, rq->path, rq, &path_matched);
	int rc = auth_identify(rq);
	choose_language(rq);
	if (rc < 0) {
		reply_db_failure(rq);
		return;
	}
	if (!route) {
		if (path_matched)
			reply_error(rq, 405, "method_not_allowed", NULL, NULL);
		else
			reply_error(rq, 404, "route_not_found", NULL, NULL);
		return;
	}
	if (!(route->flags & ROUTE_PUBLIC)) {
		if (!rq->signed_in) {
			reply_error(rq, 401, "not_signed_in", NULL, NULL);
			return;
		}
		if (!(route->roles & rq->user.role)) {
			reply_error(rq, 403, "forbidden", NULL, NULL);
			return;
		}
	}
	if (route->flags & ROUTE_JSON) {
		if (parse_body(rq))
			return;
	} else if (rq->body_too_large) {
		reply_error(rq, 413, "body_too_large", NULL, NULL);
		return;
	}
	rq->db_read = (route->flags & ROUTE_REPLICA) ? server_db_read() : rq->db;
	if (!rq->db_read)
		rq->db_read = rq->db;
	route->handler(rq);
	/* A handler that failed halfway must not leave its transaction open. */
	if (rq->db->tx_depth)
		db_rollback(rq->db);
	if (!rq->status)
		reply_error(rq, 500, "internal", NULL, NULL);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	struct req *rq = *con_cls;
	if (!rq) {
		rq = calloc(1, sizeof *rq);
		if (!rq)
			return MHD_NO;
		rq->conn = conn;
		rq->method = method;
		rq->path = url;
		buf_init(&rq->body);
		buf_init(&rq->raw);
		*con_cls = rq;
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t max = config.max_body ? config.max_body : 1 << 20;
		if (rq->body.len + *upload_data_size > max)
			rq->body_too_large = 1;
		else
			buf_add(&rq->body, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (rq->done)
		return MHD_YES;
	if (strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0) {
		handle_api(rq);
		log_request(rq);
	} else {
		choose_language(rq);
		static_serve(rq, config.static_dir);
	}
	return send_reply(rq);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct req *rq = *con_cls;
	if (!rq)
		return;
	json_decref(rq->json);
	json_decref(rq->reply);
	json_decref(rq->errors);
	free(rq->set_cookie);
	buf_release(&rq->body);
	buf_release(&rq->raw);
	free(rq);
	*con_cls = NULL;
}

int server_run(const struct server_config *cfg)
{
	config = *cfg;
	if (!config.bind)
		config.bind = "127.0.0.1";
	int threads = config.threads;
	if (threads <= 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		threads = (int)(cores > 0 ? cores * 2 : 4);
	}
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)config.port);
	if (inet_pton(AF_INET, config.bind, &addr.sin_addr) != 1) {
		fprintf(stderr, "mektep: --bind %s is not an IPv4 address\n", config.bind);
		return 1;
	}
	/* Block the stop signals in every thread; the main thread waits for them. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
		(uint16_t)config.port, NULL, NULL, on_request, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)4096,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "mektep: cannot listen on %s:%d (in use?)\n", config.bind, config.port);
		return 1;
	}
	printf("mektep: serving http://%s:%d/ (%s, %d threads)\n", config.bind, config.port,
	       config.pg ? "postgresql" : config.db_path, threads);
	fflush(stdout);
	int sig = 0;
	sigwait(&stop, &sig);
	printf("mektep: stopping\n");
	MHD_stop_daemon(d);
	return 0;
}
