/* health_replica — what the health check reports of the PostgreSQL read replica:
 * reachable or not, and how far its replay lags behind. */
#include "api/handlers.h"
#include "http/server.h"
#include "store/db.h"

void api_health_replica(struct req *rq, json_t *body)
{
	if (!server_config()->pg_read)
		return;
	struct db *replica = server_db_read();
	json_t *r = json_object();
	double lag = -1;
	if (replica) {
		struct db_stmt *st = db_prepare(replica,
			/* An idle replica that has replayed all it received is not behind, however
			 * old its last replayed transaction. */
			"SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
			" ELSE COALESCE(EXTRACT(EPOCH FROM (now() - pg_last_xact_replay_timestamp())), 0)"
			" END, pg_is_in_recovery()::int");
		if (st && db_step(st) == DB_ROW) {
			lag = db_col_double(st, 0);
			json_object_set_new(r, "in_recovery", json_boolean(db_col_int64(st, 1) != 0));
		}
		db_done(st);
	}
	json_object_set_new(r, "status", json_string(lag >= 0 ? "ok" : "unavailable"));
	json_object_set_new(r, "lag_seconds", lag >= 0 ? json_real(lag) : json_null());
	json_object_set_new(body, "replica", r);
}
