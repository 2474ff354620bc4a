// pg_replica — PostgreSQL only (skipped on SQLite): lag-tolerant reads come from the
// streaming replica once it has caught up, and a primary connection killed under the
// server gives one clean 503 and then recovers, never a crash.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { ENGINE, startServer } from './server.mjs';

const pg = process.env.MEKTEP_PG;
const replica = process.env.MEKTEP_PG_READ;
const skip = ENGINE !== 'pg' || !replica ? 'PostgreSQL with a replica only (MEKTEP_ENGINE=pg, MEKTEP_PG_READ)' : false;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function psql(conninfo, sql) {
  const r = spawnSync('psql', [conninfo, '-v', 'ON_ERROR_STOP=1', '-qtAc', sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

describe('streaming replica', { skip }, () => {
  let srv;
  let admin;
  before(async () => {
    srv = await startServer({ replica: true, serveArgs: ['--threads', '1'] });
    admin = await srv.login('network_admin');
  });
  after(async () => srv && srv.stop());

  test('health reports the replica and its lag', async () => {
    const r = await srv.api('GET', '/api/v1/health');
    assert.equal(r.status, 200);
    assert.equal(r.body.engine, 'postgresql');
    assert.equal(r.body.replica.status, 'ok');
    assert.equal(r.body.replica.in_recovery, true);
    assert.equal(typeof r.body.replica.lag_seconds, 'number');
    assert.ok(r.body.replica.lag_seconds >= 0);
  });

  test('a school written on the primary is read back from the replica once it caught up', async () => {
    const code = `REP-${Date.now() % 100000}`;
    const created = await srv.api('POST', '/api/v1/schools', {
      token: admin,
      body: {
        code, programme: 'nis',
        name: { kk: 'Реплика мектебі', ru: 'Школа реплики', en: 'Replica school' },
        city: { kk: 'Астана', ru: 'Астана', en: 'Astana' },
      },
    });
    assert.equal(created.status, 201, created.text);
    // The school list is a replica route: wait until the replica has replayed the write.
    let seen = false;
    for (let i = 0; i < 100 && !seen; i++) {
      const list = await srv.api('GET', `/api/v1/schools?q=${code}`, { token: admin });
      assert.equal(list.status, 200);
      seen = list.body.items.some((s) => s.code === code);
      if (!seen) await sleep(50);
    }
    assert.ok(seen, 'the replica never showed the new school');
    // and it really is on the replica: the replica itself has the row
    assert.equal(psql(replica, `SELECT COUNT(*) FROM schools WHERE code = '${code}'`), '1');
    // the detail page reads the primary, at once
    const detail = await srv.api('GET', `/api/v1/schools/${created.body.id}`, { token: admin });
    assert.equal(detail.status, 200);
  });

  test('a killed primary connection fails one request with 503, then the server recovers', async () => {
    const ok = await srv.api('GET', '/api/v1/me', { token: admin });
    assert.equal(ok.status, 200);
    const killed = psql(pg, "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity" +
      " WHERE application_name = 'mektep' AND pid <> pg_backend_pid()");
    assert.ok(Number(killed) >= 1, 'no server connection to kill');
    const failed = await srv.api('GET', '/api/v1/me', { token: admin });
    assert.equal(failed.status, 503, failed.text);
    assert.equal(failed.body.error.code, 'db_unavailable');
    const again = await srv.api('GET', '/api/v1/me', { token: admin });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.user.login, 'admin');
  });
});
