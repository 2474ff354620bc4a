/* serve_daily — what `mektep serve` does when a new day begins in Kazakhstan, in a
 * thread of its own with its own database connection: the statuses the movement book's
 * orders give from that day are brought into students.status
 * (movement_statuses_catch_up). It also runs once, synchronously, before the server
 * takes requests. */
#ifndef MEKTEP_CLI_SERVE_DAILY_H
#define MEKTEP_CLI_SERVE_DAILY_H

#include "core/date.h"
#include "store/db.h"

/* The day's work on `db` for `today`. 0, or -1 (with the reason on stderr). */
int serve_daily_run(struct db *db, struct date today);

/* Starts the thread: every minute it asks today() and, on a new day, does the day's
 * work (retried the next minute when the database fails). 0, or -1. */
int serve_daily_start(const char *db_path, const char *pg, struct date (*today)(void));

/* Stops the thread and waits for it; a no-op when it does not run. */
void serve_daily_stop(void);

#endif
