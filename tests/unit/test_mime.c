/* Unit tests of src/mail/mime.c: a Kazakh subject as RFC 2047 encoded words (each at
 * most 75 characters, never cutting a letter, decoding back to the subject), the
 * multipart message with its text and attachment in base64, a non-ASCII file name as
 * RFC 2231, and the refusal of a header with a line break. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "mail/mime.h"
#include "util/buf.h"

/* Decodes "=?UTF-8?B?...?=" words separated by CRLF SP into out. */
static void decode_words(const char *text, char *out, size_t cap)
{
	size_t n = 0;
	const char *p = text;
	while ((p = strstr(p, "=?UTF-8?B?")) != NULL) {
		p += 10;
		const char *end = strstr(p, "?=");
		assert_non_null(end);
		size_t got = 0;
		assert_int_equal(sodium_base642bin((unsigned char *)out + n, cap - n - 1, p, (size_t)(end - p), NULL, &got,
						   NULL, sodium_base64_VARIANT_ORIGINAL), 0);
		n += got;
		p = end + 2;
	}
	out[n] = 0;
}

static void test_kazakh_subject_as_encoded_words(void **state)
{
	(void)state;
	const char *subject = "Қашықтан консультациялар кестесі / График дистанционных консультаций — Әлімжанова Ұлжан";
	struct buf b = BUF_INIT;
	mime_header_words(&b, subject);
	/* every word within 75 characters, folded lines */
	const char *line = b.data;
	int words = 0;
	while (line && *line) {
		const char *next = strstr(line, "\r\n ");
		size_t len = next ? (size_t)(next - line) : strlen(line);
		assert_true(len <= 75);
		assert_memory_equal(line, "=?UTF-8?B?", 10);
		words++;
		line = next ? next + 3 : NULL;
	}
	assert_true(words > 1);
	char back[512];
	decode_words(b.data, back, sizeof back);
	assert_string_equal(back, subject);
	/* plain ASCII stays as it is */
	buf_reset(&b);
	mime_header_words(&b, "Order 45");
	assert_string_equal(b.data, "Order 45");
	buf_release(&b);
}

static void test_multipart_with_attachment(void **state)
{
	(void)state;
	struct mime_attachment a = {"Қараша.pdf", "application/pdf", "JVBERi0xLjQK"};
	struct mime_message m = {
		.from = "mektep@nis.test",
		.to = "a@x.kz,b@y.kz",
		.subject = "Тапсырмалар",
		.body = "Сәлем!",
		.message_id = "outbox-1-2@mektep",
		.date = 0,
		.receipt = 1,
		.attachments = &a,
		.n_attachments = 1,
	};
	struct buf b = BUF_INIT;
	assert_int_equal(mime_build(&m, &b), 0);
	assert_non_null(strstr(b.data, "Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"));
	assert_non_null(strstr(b.data, "To: a@x.kz, b@y.kz\r\n"));
	assert_non_null(strstr(b.data, "Message-ID: <outbox-1-2@mektep>\r\n"));
	assert_non_null(strstr(b.data, "Disposition-Notification-To: mektep@nis.test\r\n"));
	assert_non_null(strstr(b.data, "Content-Type: multipart/mixed; boundary=\"mektep-outbox-1-2-mektep\"\r\n"));
	/* the body "Сәлем!" in base64 */
	char body64[32];
	sodium_bin2base64(body64, sizeof body64, (const unsigned char *)"Сәлем!", strlen("Сәлем!"),
			  sodium_base64_VARIANT_ORIGINAL);
	assert_non_null(strstr(b.data, body64));
	assert_non_null(strstr(b.data, "filename*=UTF-8''%D2%9A%D0%B0%D1%80%D0%B0%D1%88%D0%B0.pdf\r\n"));
	assert_non_null(strstr(b.data, "\r\n\r\nJVBERi0xLjQK\r\n--mektep-outbox-1-2-mektep--\r\n"));
	/* every line ends with CRLF */
	for (const char *p = b.data; (p = strchr(p, '\n')) != NULL; p++)
		assert_int_equal(p[-1], '\r');
	buf_release(&b);
}

static void test_header_injection_refused(void **state)
{
	(void)state;
	struct mime_message m = {.from = "mektep@nis.test", .to = "a@x.kz\r\nBcc: c@z.kz", .subject = "x", .body = "",
				 .message_id = "1@mektep"};
	struct buf b = BUF_INIT;
	assert_int_equal(mime_build(&m, &b), -1);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kazakh_subject_as_encoded_words),
		cmocka_unit_test(test_multipart_with_attachment),
		cmocka_unit_test(test_header_injection_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
