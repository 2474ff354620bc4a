/* Unit tests of the route table (src/api/routes.c) against docs/openapi.yaml: the set
 * of (method, path) in the document must equal the set in `api_routes`, so the
 * document cannot fall behind the server. A route in one but not the other fails
 * with its name.
 *
 * The document is found at $MEKTEP_SOURCE_DIR/docs/openapi.yaml, else at
 * ../docs/openapi.yaml (ctest runs in build/ or build-asan/), else next to this
 * source file (../../docs/openapi.yaml from tests/unit/).
 *
 * The YAML is read minimally, without a YAML library: inside the top-level `paths:`
 * block, a path is a line with a two-space indent starting with "/", an operation a
 * line with a four-space indent naming an HTTP method (`get:`, `post:` …). Path
 * parameters `{anything}` are compared as `{id}`, as the route patterns write them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "http/router.h"

#define MAX_OPS 512
#define TEXT_MAX 300

struct op {
	char method[8];       /* upper case */
	char path[TEXT_MAX];  /* {param} normalised to {id} */
};

struct ops {
	struct op op[MAX_OPS];
	int n;
	int overflow;
};

/* Copies path into out with every {…} replaced by {id}. Returns 0, or -1 when it
 * does not fit or a brace is not closed. */
static int normalise_path(const char *path, char *out, size_t cap)
{
	size_t o = 0;
	for (const char *p = path; *p; p++) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			if (!close)
				return -1;
			if (o + 4 >= cap)
				return -1;
			memcpy(out + o, "{id}", 4);
			o += 4;
			p = close;
			continue;
		}
		if (o + 1 >= cap)
			return -1;
		out[o++] = *p;
	}
	out[o] = '\0';
	return 0;
}

static void ops_add(struct ops *ops, const char *method, const char *path)
{
	if (ops->n >= MAX_OPS) {
		ops->overflow = 1;
		return;
	}
	struct op *op = &ops->op[ops->n];
	size_t i;
	for (i = 0; method[i] && i + 1 < sizeof op->method; i++)
		op->method[i] = (char)(method[i] >= 'a' && method[i] <= 'z' ? method[i] - 32 : method[i]);
	op->method[i] = '\0';
	if (normalise_path(path, op->path, sizeof op->path) != 0) {
		ops->overflow = 1;
		return;
	}
	ops->n++;
}

static int ops_find(const struct ops *ops, const char *method, const char *path)
{
	for (int i = 0; i < ops->n; i++)
		if (strcmp(ops->op[i].method, method) == 0 && strcmp(ops->op[i].path, path) == 0)
			return i;
	return -1;
}

static const char *const http_methods[] = {"get", "put", "post", "delete", "options",
					   "head", "patch", "trace", NULL};

/* Strips the line end and trailing blanks in place. */
static void chomp(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
}

/* Reads the operations of the YAML text into ops. Returns 0, or -1 when the text
 * has no `paths:` block. */
static int parse_openapi(const char *text, struct ops *ops)
{
	ops->n = 0;
	ops->overflow = 0;
	int in_paths = 0, seen_paths = 0;
	char path[TEXT_MAX] = "";
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char line[1024];
		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		p = end ? end + 1 : p + len;
		chomp(line);

		if (line[0] == '\0' || line[strspn(line, " ")] == '#')
			continue;
		if (line[0] != ' ') { /* a top-level key */
			in_paths = strcmp(line, "paths:") == 0;
			seen_paths |= in_paths;
			path[0] = '\0';
			continue;
		}
		if (!in_paths)
			continue;
		if (strncmp(line, "  ", 2) == 0 && line[2] != ' ') {
			/* A path: `  /api/v1/x:`, possibly quoted. */
			path[0] = '\0';
			char *s = line + 2;
			if (*s == '"' || *s == '\'')
				s++;
			if (*s != '/')
				continue;
			char *colon = strrchr(s, ':');
			if (!colon)
				continue;
			*colon = '\0';
			size_t n = strlen(s);
			if (n && (s[n - 1] == '"' || s[n - 1] == '\''))
				s[--n] = '\0';
			snprintf(path, sizeof path, "%s", s);
			continue;
		}
		if (path[0] && strncmp(line, "    ", 4) == 0 && line[4] != ' ') {
			const char *key = line + 4;
			for (const char *const *m = http_methods; *m; m++) {
				size_t mlen = strlen(*m);
				if (strncmp(key, *m, mlen) == 0 && key[mlen] == ':' &&
				    (key[mlen + 1] == '\0' || key[mlen + 1] == ' ')) {
					ops_add(ops, *m, path);
					break;
				}
			}
		}
	}
	return seen_paths ? 0 : -1;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *data = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 65536;
			char *grown = realloc(data, cap);
			if (!grown) {
				free(data);
				fclose(f);
				return NULL;
			}
			data = grown;
		}
		size_t got = fread(data + len, 1, 4096, f);
		len += got;
		if (got < 4096)
			break;
	}
	fclose(f);
	data[len] = '\0';
	return data;
}

/* The document's text, from the first of the places in the header that has it;
 * *where gets that place (or the first tried, when none has it). */
static char *read_openapi(const char **where)
{
	static char candidates[3][4096];
	int n = 0;
	const char *src = getenv("MEKTEP_SOURCE_DIR");
	if (src && *src)
		snprintf(candidates[n++], sizeof candidates[0], "%.4000s/docs/openapi.yaml", src);
	snprintf(candidates[n++], sizeof candidates[0], "../docs/openapi.yaml");
	/* This file is <source>/tests/unit/test_routes.c. */
	const char *self = __FILE__;
	const char *cut = strstr(self, "tests/unit/test_routes.c");
	if (cut && cut - self < 4000)
		snprintf(candidates[n++], sizeof candidates[0], "%.*sdocs/openapi.yaml", (int)(cut - self),
			 self);
	for (int i = 0; i < n; i++) {
		char *text = read_file(candidates[i]);
		if (text) {
			*where = candidates[i];
			return text;
		}
	}
	*where = candidates[0];
	return NULL;
}

/* --- the parser itself --- */

static void test_parser_reads_paths_and_methods(void **state)
{
	(void)state;
	static const char doc[] =
		"openapi: 3.1.0\n"
		"info:\n"
		"  title: x\n"
		"  /not-a-path-outside-paths:\n"
		"    get:\n"
		"paths:\n"
		"  # a comment\n"
		"  /api/v1/health:\n"
		"    get:\n"
		"      summary: the method's own keys are not methods\n"
		"      responses:\n"
		"        \"200\":\n"
		"          description: ok\n"
		"    parameters:\n"
		"      - name: lang\n"
		"\n"
		"  \"/api/v1/students/{studentId}/representatives/{personId}\":\n"
		"    delete:\n"
		"    patch: \n"
		"  /api/v1/schools:\n"
		"    post:\n"
		"    getter:\n"
		"components:\n"
		"  schemas:\n"
		"    get:\n"
		"  /api/v1/after-paths:\n"
		"    put:\n";
	static struct ops ops;
	assert_int_equal(parse_openapi(doc, &ops), 0);
	assert_int_equal(ops.overflow, 0);
	assert_int_equal(ops.n, 4);
	assert_true(ops_find(&ops, "GET", "/api/v1/health") >= 0);
	assert_true(ops_find(&ops, "DELETE", "/api/v1/students/{id}/representatives/{id}") >= 0);
	assert_true(ops_find(&ops, "PATCH", "/api/v1/students/{id}/representatives/{id}") >= 0);
	assert_true(ops_find(&ops, "POST", "/api/v1/schools") >= 0);
	assert_int_equal(parse_openapi("openapi: 3.1.0\n", &ops), -1);
}

static void test_normalise_path(void **state)
{
	(void)state;
	char out[TEXT_MAX];
	assert_int_equal(normalise_path("/a/{schoolId}/b/{x}", out, sizeof out), 0);
	assert_string_equal(out, "/a/{id}/b/{id}");
	assert_int_equal(normalise_path("/a/{id}", out, sizeof out), 0);
	assert_string_equal(out, "/a/{id}");
	assert_int_equal(normalise_path("/a/{open", out, sizeof out), -1);
}

/* --- the document against the route table --- */

static void test_openapi_lists_exactly_the_routes(void **state)
{
	(void)state;
	const char *where = NULL;
	char *text = read_openapi(&where);
	if (!text)
		fail_msg("cannot read %s (set MEKTEP_SOURCE_DIR to the source folder)", where);
	static struct ops doc, table;
	int rc = parse_openapi(text, &doc);
	free(text);
	assert_int_equal(rc, 0);
	assert_int_equal(doc.overflow, 0);
	assert_true(doc.n > 0);

	table.n = 0;
	table.overflow = 0;
	for (const struct route *r = api_routes; r->method; r++)
		ops_add(&table, r->method, r->pattern);
	assert_int_equal(table.overflow, 0);
	assert_true(table.n > 0);

	int problems = 0;
	for (int i = 0; i < table.n; i++) {
		if (ops_find(&table, table.op[i].method, table.op[i].path) != i) {
			print_error("route listed twice in api_routes: %s %s\n", table.op[i].method,
				    table.op[i].path);
			problems++;
		}
		if (ops_find(&doc, table.op[i].method, table.op[i].path) < 0) {
			print_error("route missing from %s: %s %s\n", where, table.op[i].method,
				    table.op[i].path);
			problems++;
		}
	}
	for (int i = 0; i < doc.n; i++) {
		if (ops_find(&doc, doc.op[i].method, doc.op[i].path) != i) {
			print_error("operation listed twice in %s: %s %s\n", where, doc.op[i].method,
				    doc.op[i].path);
			problems++;
		}
		if (ops_find(&table, doc.op[i].method, doc.op[i].path) < 0) {
			print_error("operation in %s but not in api_routes (src/api/routes.c): %s %s\n",
				    where, doc.op[i].method, doc.op[i].path);
			problems++;
		}
	}
	if (problems)
		fail_msg("%d difference(s) between %s and api_routes", problems, where);
}

/* Every route's method is one the server and the document both know. */
static void test_route_methods_are_http_methods(void **state)
{
	(void)state;
	for (const struct route *r = api_routes; r->method; r++) {
		int known = 0;
		for (const char *const *m = http_methods; *m; m++)
			known |= strcasecmp(*m, r->method) == 0;
		if (!known)
			fail_msg("route %s %s: not an HTTP method", r->method, r->pattern);
		assert_non_null(r->handler);
		assert_true(strncmp(r->pattern, "/api/v1/", 8) == 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parser_reads_paths_and_methods),
		cmocka_unit_test(test_normalise_path),
		cmocka_unit_test(test_openapi_lists_exactly_the_routes),
		cmocka_unit_test(test_route_methods_are_http_methods),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
