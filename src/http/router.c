/* router — matches a request's method and path against the route table. */
#include "http/router.h"

#include <string.h>

/* Matches one pattern; fills params. Path segments are compared whole; "{id}" takes
 * 1–18 digits, not starting with 0. */
static int match_pattern(const char *pattern, const char *path, int64_t *params, int *n_params)
{
	const char *p = pattern, *s = path;
	int n = 0;
	while (*p && *s) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			if (!close || n >= REQ_MAX_PARAMS)
				return 0;
			int64_t v = 0;
			int digits = 0;
			if (*s == '0')
				return 0;
			while (*s >= '0' && *s <= '9' && digits < 18) {
				v = v * 10 + (*s - '0');
				s++;
				digits++;
			}
			if (digits == 0 || (*s && *s != '/'))
				return 0;
			params[n++] = v;
			p = close + 1;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	if (*p || *s)
		return 0;
	*n_params = n;
	return 1;
}

const struct route *router_match(const struct route *table, const char *method,
				 const char *path, struct req *rq, int *path_matched)
{
	*path_matched = 0;
	for (const struct route *r = table; r->method; r++) {
		int64_t params[REQ_MAX_PARAMS];
		int n = 0;
		if (!match_pattern(r->pattern, path, params, &n))
			continue;
		if (strcmp(r->method, method) != 0) {
			*path_matched = 1;
			continue;
		}
		memcpy(rq->params, params, sizeof params);
		rq->n_params = n;
		return r;
	}
	return NULL;
}
