/* router — the route table's shape and its matching. A route names its method, its
 * path pattern ("/api/v1/classes/{id}/students"; each {id} is a positive integer put
 * in rq->params in order), its handler, the roles it allows and what it takes; the
 * server checks sign-in, role and body before the handler runs (after cgit's cmd.c). */
#ifndef MEKTEP_HTTP_ROUTER_H
#define MEKTEP_HTTP_ROUTER_H

#include "http/request.h"

/* A handler answers through reply.h and returns the HTTP status. */
typedef int (*route_handler)(struct req *rq);

enum route_flags {
	ROUTE_PUBLIC = 1 << 0,   /* no sign-in needed */
	ROUTE_JSON = 1 << 1,     /* takes a JSON object body, parsed into rq->json */
	ROUTE_REPLICA = 1 << 2,  /* reads that may lag a moment: served from --pg-read */
};

struct route {
	const char *method;     /* "GET", "POST", "PATCH", "PUT", "DELETE" */
	const char *pattern;
	route_handler handler;
	unsigned roles;         /* the roles allowed (ROLES_ALL for every signed-in user) */
	unsigned flags;
};

/* The route table of the API, ending with a {NULL} entry (api/routes.c). */
extern const struct route api_routes[];

/* Finds the route for method and path; fills rq->params. When the path matches a
 * route of another method only, returns NULL and sets *path_matched. */
const struct route *router_match(const struct route *table, const char *method,
				 const char *path, struct req *rq, int *path_matched);

#endif
