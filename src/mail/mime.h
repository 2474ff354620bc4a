/* mime — an e-mail as RFC 5322 text: the headers, the UTF-8 subject as RFC 2047
 * encoded words (Kazakh letters), a text/plain body and the attachments as
 * multipart/mixed parts in base64 (RFC 2045/2046; non-ASCII file names as RFC 2231).
 * Pure: no I/O; the date and the message id are the caller's. */
#ifndef MEKTEP_MAIL_MIME_H
#define MEKTEP_MAIL_MIME_H

#include <stddef.h>
#include <time.h>

#include "util/buf.h"

struct mime_attachment {
	const char *name;           /* the file name, UTF-8 */
	const char *mime_type;      /* "application/pdf" */
	const char *content_base64; /* the bytes in base64 (any line breaks are dropped) */
};

struct mime_message {
	const char *from;
	const char *to;             /* comma-separated addresses */
	const char *subject;        /* UTF-8 */
	const char *body;           /* UTF-8 text */
	const char *message_id;     /* without the angle brackets */
	time_t date;
	int receipt;                /* 1: ask for a delivery confirmation (EXT-13) */
	const struct mime_attachment *attachments;
	size_t n_attachments;
};

/* Writes the message to `out` with CRLF line ends. 0, or -1 when a header would carry a
 * line break (an address or a name with CR or LF). */
int mime_build(const struct mime_message *m, struct buf *out);

/* A header value as RFC 2047 "B" encoded words of at most 75 characters, split between
 * UTF-8 characters and folded with CRLF SP; ASCII text without '=' or '?' is written as
 * it is. */
void mime_header_words(struct buf *out, const char *utf8);

#endif
