/* static_files — the web app's files, read from disk on each request (the OS caches
 * them); paths are checked so nothing outside the folder can be read. */
#include "http/static_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "http/reply.h"

static const struct {
	const char *ext;
	const char *type;
} types[] = {
	{".html", "text/html; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".json", "application/json; charset=utf-8"},
	{".svg", "image/svg+xml"},
	{".png", "image/png"},
	{".ico", "image/x-icon"},
	{".woff2", "font/woff2"},
	{".webmanifest", "application/manifest+json"},
	{".txt", "text/plain; charset=utf-8"},
};

static const char *type_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (dot)
		for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
			if (strcmp(dot, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
}

/* Whether a URL path is safe to join to the folder: no "..", no backslashes, no NUL. */
static int path_is_safe(const char *p)
{
	if (p[0] != '/' || strstr(p, "..") || strchr(p, '\\'))
		return 0;
	return 1;
}

static int read_file(const char *full, struct buf *out)
{
	struct stat st;
	if (stat(full, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	FILE *f = fopen(full, "rb");
	if (!f)
		return -1;
	buf_grow(out, (size_t)st.st_size);
	size_t n = fread(out->data, 1, (size_t)st.st_size, f);
	fclose(f);
	out->len = n;
	out->data[n] = '\0';
	return 0;
}

int static_serve(struct req *rq, const char *dir)
{
	if (strcmp(rq->method, "GET") != 0 && strcmp(rq->method, "HEAD") != 0)
		return reply_error(rq, 405, "method_not_allowed", NULL, NULL);
	if (!dir || !path_is_safe(rq->path))
		return reply_error(rq, 404, "route_not_found", NULL, NULL);
	char full[4096];
	const char *path = strcmp(rq->path, "/") == 0 ? "/index.html" : rq->path;
	snprintf(full, sizeof full, "%s%s", dir, path);
	int is_index = 0;
	if (read_file(full, &rq->raw) != 0) {
		/* An app route (no file extension) gets index.html; a missing asset is 404. */
		const char *last = strrchr(rq->path, '/');
		if (last && strchr(last, '.'))
			return reply_error(rq, 404, "route_not_found", NULL, NULL);
		snprintf(full, sizeof full, "%s/index.html", dir);
		if (read_file(full, &rq->raw) != 0)
			return reply_error(rq, 404, "route_not_found", NULL, NULL);
		is_index = 1;
	}
	rq->raw_type = is_index ? "text/html; charset=utf-8" : type_of(full);
	/* Vite names built assets by their hash, so they never change under a name. */
	rq->raw_disposition = NULL;
	rq->status = 200;
	if (!is_index && strncmp(rq->path, "/assets/", 8) == 0)
		rq->cache_control = "public, max-age=31536000, immutable";
	else
		rq->cache_control = "no-cache";
	return 200;
}
