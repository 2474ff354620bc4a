/* db_worker — a thread with a database connection of its own that does one round of
 * work every few seconds until it is stopped: the mail sender (mail/sender.c), the
 * server's day's work (cli/serve_daily.c). The connection is opened when first needed,
 * and again after it is lost; a round that fails is simply tried at the next one. */
#ifndef MEKTEP_STORE_DB_WORKER_H
#define MEKTEP_STORE_DB_WORKER_H

#include <pthread.h>

#include "store/db.h"

struct db_worker {
	const char *name;           /* in messages: "the mail sender" */
	const char *db_path, *pg;   /* as db_open_url takes them: pg when not NULL */
	int period_seconds;         /* between the end of one round and the next */
	void (*round)(struct db *db, struct db_worker *w);
	/* the thread's own, set by db_worker_start */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int running, stop;
};

/* Starts the thread; its first round runs at once. 0, or -1. */
int db_worker_start(struct db_worker *w);

/* 1 once db_worker_stop was asked: a long round ends early. */
int db_worker_stopping(struct db_worker *w);

/* Asks the thread to stop, wakes it and waits for it; a no-op when it does not run. */
void db_worker_stop(struct db_worker *w);

#endif
