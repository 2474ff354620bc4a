/* outbox (store) — every e-mail Mektep sends (migration 011): queued by the handlers
 * that make a duty of the movement book due by mail (EXT-13, EXT-14, the order's copy
 * to the contingent unit), delivered by the server's sender (mail/sender.c) through
 * SMTP, with its status, attempts, the server's reason of a failure and the next try. */
#ifndef MEKTEP_STORE_OUTBOX_H
#define MEKTEP_STORE_OUTBOX_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

/* A file of a message: any name, MIME type and bytes (given as base64). */
struct outbox_attachment {
	const char *name;
	const char *mime_type;
	const char *content_base64;
	size_t size;                /* the decoded bytes */
};

struct outbox_message {
	int64_t school_id;          /* 0: none */
	int64_t case_id;            /* 0: none */
	const char *purpose;        /* "consultation_schedule", "curator_tasks", "contingent_copy" */
	const char *duty, *period;  /* the duty the delivery meets (NULL: none); period NULL
				       for a duty that happens once */
	const char *recipients;     /* comma-separated addresses */
	const char *subject, *body; /* UTF-8 */
	const struct outbox_attachment *attachments;
	size_t n_attachments;
};

/* Queues a message (status queued, due at once). DB_OK or a negative rc. */
int outbox_enqueue(struct db *db, const struct outbox_message *m, int64_t user_id, int64_t *id_out);

/* The messages of a school (school_id > 0) or of all, newest first, at most `limit`,
 * of one status when `status` is not NULL: [{"id","school_id","case_id","purpose","to":
 * [addresses],"subject","status","attempts","next_attempt_at","last_error","created_at",
 * "sent_at","attachments": [{"name","mime_type","size"}]}]. NULL on error. */
json_t *outbox_list(struct db *db, int64_t school_id, const char *status, int limit);

/* The messages due at `now` (an instant): queued, or failed with a next attempt at or
 * before now; oldest first, at most `limit`, each with its body and its attachments'
 * "content_base64". NULL on error. */
json_t *outbox_due(struct db *db, const char *now, int limit);

/* Takes message `id` for one delivery: moves its next attempt from `seen_next_attempt_at`
 * (as outbox_due gave it) to `lease_until`, only if nobody moved it first — so two
 * servers on one database never send the same message twice, and a sender that dies
 * while sending leaves it due again once the lease ends. 1 when taken, 0 when another
 * sender has it or it is no longer due, a negative rc on error. */
int outbox_claim(struct db *db, int64_t id, const char *seen_next_attempt_at, const char *lease_until);

/* The server accepted message `id` at `at`: status sent; the duty it meets (if any) is
 * recorded done on `today`. In one transaction. DB_OK or rc. */
int outbox_mark_sent(struct db *db, int64_t id, const char *at, const char *today);

/* Delivery of `id` failed with `reason`: status failed, attempts + 1, tried again at
 * next_attempt_at (NULL: no more). DB_OK or rc. */
int outbox_mark_failed(struct db *db, int64_t id, const char *reason, const char *next_attempt_at);

#endif
