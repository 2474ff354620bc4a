/* smtp — hands one message to the SMTP server of the settings through libcurl's smtp
 * support: TLS as configured, authentication when a user is set, every recipient. */
#ifndef MEKTEP_MAIL_SMTP_H
#define MEKTEP_MAIL_SMTP_H

#include <stddef.h>

#include "mail/mail.h"

/* Sends `len` bytes of RFC 5322 text to the comma-separated recipients. 0 when the
 * server accepted it; -1 with the reason (the server's reply where there was one) in
 * err. */
int smtp_send(const struct mail_config *cfg, const char *recipients, const char *data, size_t len, char *err,
	      size_t errsz);

#endif
