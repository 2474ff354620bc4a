/* mime — an e-mail as RFC 5322 text; see mime.h. */
#include "mail/mime.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static int has_break(const char *s)
{
	return s && strpbrk(s, "\r\n") != NULL;
}

/* base64 of n bytes, lines of 76 characters, each ended by CRLF */
static void base64_lines(struct buf *out, const unsigned char *bytes, size_t n)
{
	for (size_t at = 0; at < n; at += 57) {
		size_t take = n - at < 57 ? n - at : 57;
		char line[80];
		sodium_bin2base64(line, sizeof line, bytes + at, take, sodium_base64_VARIANT_ORIGINAL);
		buf_adds(out, line);
		buf_adds(out, "\r\n");
	}
}

/* An already encoded base64 text re-cut into lines of 76 (line breaks dropped). */
static void rewrap_base64(struct buf *out, const char *b64)
{
	size_t col = 0;
	for (const char *p = b64; p && *p; p++) {
		if (*p == '\r' || *p == '\n' || *p == ' ')
			continue;
		buf_addch(out, *p);
		if (++col == 76) {
			buf_adds(out, "\r\n");
			col = 0;
		}
	}
	if (col)
		buf_adds(out, "\r\n");
}

static int plain_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x80 || *p < 0x20 || *p == '=' || *p == '?')
			return 0;
	return 1;
}

void mime_header_words(struct buf *out, const char *utf8)
{
	if (plain_ascii(utf8)) {
		buf_adds(out, utf8);
		return;
	}
	/* "=?UTF-8?B?" + 60 base64 characters + "?=" is 72: 45 bytes a word */
	const unsigned char *p = (const unsigned char *)utf8;
	size_t n = strlen(utf8), at = 0;
	int first = 1;
	while (at < n) {
		size_t take = n - at < 45 ? n - at : 45;
		/* do not cut a character: step back over continuation bytes */
		while (at + take < n && take > 0 && (p[at + take] & 0xC0) == 0x80)
			take--;
		if (take == 0)
			take = n - at < 45 ? n - at : 45;
		char word[64];
		sodium_bin2base64(word, sizeof word, p + at, take, sodium_base64_VARIANT_ORIGINAL);
		if (!first)
			buf_adds(out, "\r\n ");
		buf_addf(out, "=?UTF-8?B?%s?=", word);
		first = 0;
		at += take;
	}
}

/* filename="a.pdf", or filename*=UTF-8''%D0%... for a name that is not plain ASCII */
static void file_name_param(struct buf *out, const char *name)
{
	if (plain_ascii(name) && !strchr(name, '"') && !strchr(name, '\\')) {
		buf_addf(out, "filename=\"%s\"", name);
		return;
	}
	buf_adds(out, "filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p))
			buf_addch(out, (char)*p);
		else
			buf_addf(out, "%%%02X", *p);
	}
}

int mime_build(const struct mime_message *m, struct buf *out)
{
	if (has_break(m->from) || has_break(m->to) || has_break(m->message_id))
		return -1;
	for (size_t i = 0; i < m->n_attachments; i++)
		if (has_break(m->attachments[i].name) || has_break(m->attachments[i].mime_type))
			return -1;
	char date[64];
	struct tm tm;
	gmtime_r(&m->date, &tm);
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	snprintf(date, sizeof date, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
		 months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	buf_addf(out, "Date: %s\r\nFrom: %s\r\nTo: ", date, m->from);
	/* the addresses, comma and space between them */
	for (const char *p = m->to; *p; p++) {
		buf_addch(out, *p);
		if (*p == ',' && p[1] && p[1] != ' ')
			buf_addch(out, ' ');
	}
	buf_addf(out, "\r\nMessage-ID: <%s>\r\nSubject: ", m->message_id);
	mime_header_words(out, m->subject ? m->subject : "");
	buf_adds(out, "\r\nMIME-Version: 1.0\r\n");
	if (m->receipt)
		buf_addf(out, "Disposition-Notification-To: %s\r\nReturn-Receipt-To: %s\r\n", m->from, m->from);
	char boundary[80];
	snprintf(boundary, sizeof boundary, "mektep-%s", m->message_id);
	for (char *b = boundary; *b; b++)
		if (*b == '@' || *b == '<' || *b == '>')
			*b = '-';
	buf_addf(out, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n", boundary);
	buf_adds(out, "This is a message in MIME format.\r\n");
	buf_addf(out, "--%s\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
		 boundary);
	const char *body = m->body ? m->body : "";
	base64_lines(out, (const unsigned char *)body, strlen(body));
	for (size_t i = 0; i < m->n_attachments; i++) {
		const struct mime_attachment *a = &m->attachments[i];
		buf_addf(out, "--%s\r\nContent-Type: %s\r\nContent-Transfer-Encoding: base64\r\n"
			      "Content-Disposition: attachment; ", boundary, a->mime_type);
		file_name_param(out, a->name);
		buf_adds(out, "\r\n\r\n");
		rewrap_base64(out, a->content_base64);
	}
	buf_addf(out, "--%s--\r\n", boundary);
	return 0;
}
