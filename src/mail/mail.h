/* mail — the e-mail settings of the server (`mektep serve --smtp-*`, or the
 * MEKTEP_SMTP_* environment variables) and the sender that delivers the outbox
 * (store/outbox.h) through SMTP in a thread of its own. Without a host the sender does
 * not run and messages stay queued (GET /outbox says so). docs/movement.md, "Mail". */
#ifndef MEKTEP_MAIL_MAIL_H
#define MEKTEP_MAIL_MAIL_H

#include "core/date.h"

struct mail_config {
	const char *host;           /* the SMTP server; NULL: mail is not configured */
	int port;                   /* 0: 587 with TLS, 25 without */
	int tls;                    /* 1: TLS required (port 465: implicit, else STARTTLS) */
	const char *from;           /* the sender's address */
	const char *user, *password;/* NULL: no authentication */
	const char *contingent_to;  /* the ДББҰ contingent unit's address for the orders'
				       copies; NULL: none are mailed */
	int retry_seconds;          /* the first retry's delay, doubled each time; 0 = 60 */
	int max_attempts;           /* after this many failures no more tries; 0 = 8 */
};

/* Keeps the settings for the whole process (the strings must outlive it). */
void mail_configure(const struct mail_config *cfg);
const struct mail_config *mail_config(void);
/* 1 when an SMTP host is set (the sender runs). */
int mail_configured(void);

/* Starts the sender: a thread with its own database connection (the SQLite file, or
 * the PostgreSQL conninfo when pg is set) that delivers the messages due every second.
 * `today` gives the date a delivered duty is marked done on. 0, or -1 when it cannot
 * start. Does nothing (returns 0) when mail is not configured. */
int mail_sender_start(const char *db_path, const char *pg, struct date (*today)(void));
/* Stops the sender and waits for it (a delivery under way completes first). */
void mail_sender_stop(void);

#endif
