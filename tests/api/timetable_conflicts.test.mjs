// The generator's job when there is no timetable, and cancelled (issue 9; TT-1, TT-3):
// a deliberately over-constrained school — a teacher with lessons unavailable all week —
// fails with `conflicts`: the counting conflict and the smallest conflicting set found by
// the solver (the teacher's unavailable times), each in the request's language with the
// teacher named and linked by id, and writes nothing. A running job is cancelled by who
// started it or by the school's director (not by a teacher or another school): the job
// shows `cancelled` at once, the solver stops within a second (the school may start
// again), no draft is written, and a second cancel is 409. `mektep timetable solve --db`
// on the same school prints the same set and exits 3. Both engines (MEKTEP_ENGINE).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertError, network, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net, overConstrained;
before(async () => {
  net = await network(srv);
});

const as = async (role, method, p, body, lang) => srv.api(method, p, { token: await srv.login(role), body, lang });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const count = async (role, school) => (await as(role, 'GET', `/api/v1/schools/${school}/timetables`)).body.items.length;

async function finish(role, id, lang, seconds = 120) {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await sleep(250)) {
    const r = await as(role, 'GET', `/api/v1/timetable-jobs/${id}`, undefined, lang);
    assert.equal(r.status, 200, r.text);
    if (r.body.status !== 'running') return r.body;
  }
  assert.fail(`job ${id} still running`);
}

test('a teacher unavailable all week who has lessons: the job names the teacher\'s times as the conflict', async () => {
  const school = net.school2;
  const load = (await as('director2', 'GET', `/api/v1/schools/${school}/load`)).body;
  const staff = load.assignments[0].staff_id;
  const week = await as('director2', 'GET', `/api/v1/staff/${staff}/unavailability`);
  const times = Array.from({ length: week.body.days }, (_, i) => ({ weekday: i + 1 }));
  assert.equal((await as('director2', 'PUT', `/api/v1/staff/${staff}/unavailability`, { times })).status, 200);
  const name = (await as('director2', 'GET', `/api/v1/staff/${staff}`)).body.last_name;
  const drafts = await count('director2', school);

  const start = await as('director2', 'POST', `/api/v1/schools/${school}/timetables/generate`, { semester: 1, time_limit: 20 });
  assert.equal(start.status, 202, start.text);
  assert.deepEqual(start.body.conflicts, []);
  const job = await finish('director2', start.body.id, 'ru');
  assert.equal(job.status, 'failed', JSON.stringify(job));
  assert.equal(job.timetable, null);
  assert.equal(await count('director2', school), drafts, 'nothing written');

  const counted = job.conflicts.find((c) => c.kind === 'counted' && c.code === 'generate_teacher_hours');
  assert.ok(counted, JSON.stringify(job.conflicts));
  assert.deepEqual(counted.teachers.map((t) => t.id), [staff]);
  const explained = job.conflicts.filter((c) => c.kind === 'explained');
  assert.ok(explained.length >= 1, JSON.stringify(job.conflicts));
  const off = explained.find((c) => c.code === 'conflict_teacher_off');
  assert.ok(off, JSON.stringify(explained));
  assert.equal(off.rule, 'TT-1');
  assert.deepEqual(off.teachers.map((t) => t.id), [staff]);
  assert.match(off.text, /учитель не может вести уроки/);
  assert.ok(off.text.includes(name), `${off.text} names ${name}`);
  assert.match(off.detail, /unavailable times of teacher/);
  // the smallest set: relaxing the teacher's times alone lets a timetable exist
  assert.ok(explained.length <= 2, JSON.stringify(explained));
  const kk = (await as('director2', 'GET', `/api/v1/timetable-jobs/${start.body.id}`, undefined, 'kk')).body;
  assert.match(kk.conflicts.find((c) => c.code === 'conflict_teacher_off').text, /Мұғалім сабақ бере алмайтын уақыт/);
  const en = (await as('director2', 'GET', `/api/v1/timetable-jobs/${start.body.id}`, undefined, 'en')).body;
  assert.match(en.conflicts.find((c) => c.code === 'conflict_teacher_off').text, /^The times a teacher cannot teach: /);

  // the teacher stays unavailable for the command line's test, the last of the file
  overConstrained = { school, staff, name };
});

test('a running job is cancelled at once by who started it or the director; nothing is written', async () => {
  const school = net.school1;
  const drafts = await count('director', school);
  const start = await as('deputy_academic', 'POST', `/api/v1/schools/${school}/timetables/generate`, { semester: 1, time_limit: 120 });
  assert.equal(start.status, 202, start.text);
  const url = `/api/v1/timetable-jobs/${start.body.id}`;
  // searching
  for (const end = Date.now() + 30_000; Date.now() < end; await sleep(200))
    if ((await as('deputy_academic', 'GET', url)).body.hard !== null) break;

  assertError(await as('teacher', 'DELETE', url), 403, 'forbidden');
  assertError(await as('timetable_officer', 'DELETE', url), 403, 'forbidden');
  assertError(await as('director2', 'DELETE', url), 403, 'forbidden');
  assertError(await as('deputy_academic', 'DELETE', '/api/v1/timetable-jobs/999999'), 404, 'not_found');

  const t0 = Date.now();
  const del = await as('deputy_academic', 'DELETE', url);
  assert.equal(del.status, 200, del.text);
  assert.equal(del.body.status, 'cancelled');
  assert.equal(del.body.cancelled_by, 'deputy');
  assert.equal(del.body.timetable, null);
  // the solver stopped: within a second the school may start again
  let again;
  for (;;) {
    again = await as('timetable_officer', 'POST', `/api/v1/schools/${school}/timetables/generate`, { semester: 1, time_limit: 120 });
    if (again.status !== 409 || Date.now() - t0 > 1000) break;
    await sleep(50);
  }
  assert.equal(again.status, 202, `${Date.now() - t0} ms after the cancel: ${again.text}`);
  const gone = (await as('deputy_academic', 'GET', url)).body;
  assert.equal(gone.status, 'cancelled');
  assertError(await as('deputy_academic', 'DELETE', url, undefined, 'ru'), 409, 'generate_not_running');

  // the director cancels a job another user started
  await sleep(500);
  const del2 = await as('director', 'DELETE', `/api/v1/timetable-jobs/${again.body.id}`);
  assert.equal(del2.status, 200, del2.text);
  assert.equal(del2.body.status, 'cancelled');
  await sleep(1500);
  assert.equal((await as('director', 'GET', `/api/v1/timetable-jobs/${again.body.id}`)).body.status, 'cancelled');
  assert.equal(await count('director', school), drafts, 'no draft written');
});

// Last: a long synchronous command may leave the client's kept-alive sockets stale.
test('the command line says the same and exits 3, writing nothing', async () => {
  assert.ok(overConstrained, 'the first test left a teacher unavailable all week');
  const { school, name } = overConstrained;
  const code = (await as('director2', 'GET', `/api/v1/schools/${school}`)).body.code;
  assert.throws(() => srv.cli(['timetable', 'solve', '--school', code, '--time-limit', '20']), (e) => {
    assert.match(e.message, /exit 3/);
    assert.match(e.message, /the smallest set of rules found that cannot hold together/);
    assert.match(e.message, new RegExp(`  - the unavailable times of teacher ${name}`));
    assert.match(e.message, /nothing written/);
    return true;
  });
});
