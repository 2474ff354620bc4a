/* db_worker — the loop of a background thread with its own database connection
 * (db_worker.h): open when needed, one round, sleep until the period ends or a stop. */
#include "store/db_worker.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void *run(void *arg)
{
	struct db_worker *w = arg;
	struct db *db = NULL;
	pthread_mutex_lock(&w->lock);
	while (!w->stop) {
		pthread_mutex_unlock(&w->lock);
		if (!db) {
			char *err = NULL;
			db = db_open_url(w->pg ? w->pg : w->db_path, w->pg != NULL, &err);
			if (!db)
				fprintf(stderr, "mektep: %s cannot open the database: %s\n", w->name, err ? err : "");
			free(err);
		}
		if (db) {
			w->round(db, w);
			if (db->lost) {
				db_close(db);
				db = NULL;
			}
		}
		pthread_mutex_lock(&w->lock);
		if (w->stop)
			break;
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += w->period_seconds > 0 ? w->period_seconds : 1;
		pthread_cond_timedwait(&w->wake, &w->lock, &until);
	}
	pthread_mutex_unlock(&w->lock);
	db_close(db);
	return NULL;
}

int db_worker_start(struct db_worker *w)
{
	if (pthread_mutex_init(&w->lock, NULL) != 0)
		return -1;
	if (pthread_cond_init(&w->wake, NULL) != 0) {
		pthread_mutex_destroy(&w->lock);
		return -1;
	}
	w->stop = 0;
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		pthread_cond_destroy(&w->wake);
		pthread_mutex_destroy(&w->lock);
		return -1;
	}
	w->running = 1;
	return 0;
}

int db_worker_stopping(struct db_worker *w)
{
	return __atomic_load_n(&w->stop, __ATOMIC_ACQUIRE);
}

void db_worker_stop(struct db_worker *w)
{
	if (!w->running)
		return;
	pthread_mutex_lock(&w->lock);
	__atomic_store_n(&w->stop, 1, __ATOMIC_RELEASE);
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	w->running = 0;
}
