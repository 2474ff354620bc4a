/* static_files — serves the built web app: files under its folder with their content
 * type, long caching for hashed assets, and index.html for the app's own routes. */
#ifndef MEKTEP_HTTP_STATIC_FILES_H
#define MEKTEP_HTTP_STATIC_FILES_H

#include "http/request.h"

/* Fills rq's reply with the file for rq->path under dir (or index.html); 404 when
 * the web app is not built. Returns the status. */
int static_serve(struct req *rq, const char *dir);

#endif
