/* serve_daily — the server's work at the start of each day (serve_daily.h): a worker
 * that looks at the date every minute and, on a new day, brings the students' statuses
 * to the orders that take effect on it. */
#include "cli/serve_daily.h"

#include <stdio.h>

#include "store/db_worker.h"
#include "store/movement.h"

static struct {
	struct db_worker worker;
	struct date (*today)(void);
	struct date done; /* the last day whose work is done */
} daily;

int serve_daily_run(struct db *db, struct date today)
{
	char day[DATE_TEXT_SIZE];
	date_format(today, day);
	if (db_begin_write(db) != DB_OK || movement_statuses_catch_up(db, day) != DB_OK || db_commit(db) != DB_OK) {
		fprintf(stderr, "mektep: the statuses of %s could not be brought to the movement book: %s\n", day,
			db_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* A round of the worker: the day's work once a day (again the next minute when it failed). */
static void daily_round(struct db *db, struct db_worker *w)
{
	(void)w;
	struct date today = daily.today();
	if (date_compare(today, daily.done) != 0 && serve_daily_run(db, today) == 0)
		daily.done = today;
}

int serve_daily_start(const char *db_path, const char *pg, struct date (*today)(void))
{
	daily.today = today;
	daily.done = today(); /* serve did today's work before it started taking requests */
	daily.worker = (struct db_worker){.name = "the day's work", .db_path = db_path, .pg = pg,
					  .period_seconds = 60, .round = daily_round};
	return db_worker_start(&daily.worker);
}

void serve_daily_stop(void)
{
	db_worker_stop(&daily.worker);
}
