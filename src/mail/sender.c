/* sender — the settings of mail and the thread that delivers the outbox; see mail.h.
 * Every second it takes the messages due (queued, or failed and due again), builds each
 * (mail/mime.c), hands it to the SMTP server (mail/smtp.c) and records the outcome: sent,
 * with the duty it meets marked done, or failed with the server's reason and the next
 * try after a delay that doubles (retry_seconds, 2×, 4× … at most 6 hours), until
 * max_attempts failures. */
#include "mail/mail.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mail/mime.h"
#include "mail/smtp.h"
#include "store/db_worker.h"
#include "store/outbox.h"
#include "util/buf.h"

static struct mail_config settings;

void mail_configure(const struct mail_config *cfg)
{
	settings = *cfg;
}

const struct mail_config *mail_config(void)
{
	return &settings;
}

int mail_configured(void)
{
	return settings.host && *settings.host;
}

static struct {
	struct db_worker worker;
	struct date (*today)(void);
} sender;

static void instant(time_t t, char out[21])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* How long a sender holds a message it is delivering (outbox_claim): longer than one
 * SMTP exchange may take (smtp.c: 10 s to connect, 60 s in all). */
#define DELIVERY_LEASE_SECONDS (10 * 60)

/* The delay before try number attempts + 1, after `attempts` failures. */
static long retry_delay(int attempts)
{
	long d = settings.retry_seconds > 0 ? settings.retry_seconds : 60;
	for (int i = 1; i < attempts && d < 6 * 3600; i++)
		d *= 2;
	return d < 6 * 3600 ? d : 6 * 3600;
}

static const char *text_at(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* Builds and sends one message of the outbox, once taken; records the outcome. */
static void deliver(struct db *db, json_t *m)
{
	int64_t id = json_integer_value(json_object_get(m, "id"));
	char lease_until[21];
	instant(time(NULL) + DELIVERY_LEASE_SECONDS, lease_until);
	if (outbox_claim(db, id, text_at(m, "next_attempt_at"), lease_until) != 1)
		return; /* another server's sender has it, or it is no longer due */
	json_t *files = json_object_get(m, "attachments");
	size_t n = json_array_size(files);
	struct mime_attachment *att = n ? calloc(n, sizeof *att) : NULL;
	for (size_t i = 0; att && i < n; i++) {
		json_t *f = json_array_get(files, i);
		att[i] = (struct mime_attachment){text_at(f, "name"), text_at(f, "mime_type"), text_at(f, "content_base64")};
	}
	/* the recipients as the outbox keeps them: "a@x,b@y" */
	struct buf to = BUF_INIT;
	size_t i;
	json_t *a;
	json_array_foreach(json_object_get(m, "to"), i, a) {
		if (i)
			buf_addch(&to, ',');
		buf_adds(&to, json_string_value(a));
	}
	time_t now = time(NULL);
	char message_id[96], at[21];
	snprintf(message_id, sizeof message_id, "outbox-%lld-%lld@mektep", (long long)id, (long long)now);
	const char *purpose = text_at(m, "purpose");
	struct mime_message mm = {
		.from = settings.from ? settings.from : "mektep@localhost",
		.to = to.data,
		.subject = text_at(m, "subject"),
		.body = text_at(m, "body"),
		.message_id = message_id,
		.date = now,
		/* EXT-13: the schedule goes "with delivery confirmation" */
		.receipt = purpose && strcmp(purpose, "consultation_schedule") == 0,
		.attachments = att,
		.n_attachments = att ? n : 0,
	};
	struct buf text = BUF_INIT;
	char err[512] = "";
	int ok = n && !att ? 0 : mime_build(&mm, &text) == 0;
	if (!ok)
		snprintf(err, sizeof err, "the message could not be built");
	else
		ok = smtp_send(&settings, to.data, text.data, text.len, err, sizeof err) == 0;
	instant(time(NULL), at);
	if (ok) {
		char today[DATE_TEXT_SIZE] = "";
		date_format(sender.today(), today);
		if (outbox_mark_sent(db, id, at, today) != DB_OK)
			fprintf(stderr, "mektep: mail %lld was sent but could not be marked: %s\n", (long long)id,
				db_errmsg(db));
	} else {
		int attempts = (int)json_integer_value(json_object_get(m, "attempts")) + 1;
		int max = settings.max_attempts > 0 ? settings.max_attempts : 8;
		char next[21];
		instant(time(NULL) + retry_delay(attempts), next);
		if (outbox_mark_failed(db, id, err, attempts < max ? next : NULL) != DB_OK)
			fprintf(stderr, "mektep: mail %lld failed (%s) and could not be marked: %s\n", (long long)id, err,
				db_errmsg(db));
	}
	buf_release(&text);
	buf_release(&to);
	free(att);
}

/* One round of the sender's worker: the messages due now, each taken and delivered. */
static void send_due(struct db *db, struct db_worker *w)
{
	char now[21];
	instant(time(NULL), now);
	json_t *due = outbox_due(db, now, 20);
	size_t i;
	json_t *m;
	json_array_foreach(due, i, m) {
		if (db_worker_stopping(w))
			break;
		deliver(db, m);
	}
	json_decref(due);
}

int mail_sender_start(const char *db_path, const char *pg, struct date (*today)(void))
{
	if (!mail_configured())
		return 0;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return -1;
	sender.today = today;
	sender.worker = (struct db_worker){.name = "the mail sender", .db_path = db_path, .pg = pg,
					   .period_seconds = 1, .round = send_due};
	if (db_worker_start(&sender.worker) != 0) {
		curl_global_cleanup();
		return -1;
	}
	return 0;
}

void mail_sender_stop(void)
{
	if (!sender.worker.running)
		return;
	db_worker_stop(&sender.worker);
	curl_global_cleanup();
}
