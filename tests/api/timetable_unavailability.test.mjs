// A teacher's unavailable times (issue 9; TT-1; migration 015) through the API: the
// school's deputy and timetable officer replace them (the whole year or one semester, a
// period or a whole day), the teacher reads their own and changes nothing, another
// school's director neither; times outside the school's week or given twice are 422 and
// write nothing; the generator never gives the teacher a lesson then (a teacher
// unavailable on Mondays has no Monday lesson in the generated draft). Runs on both
// engines (MEKTEP_ENGINE). export-fet writes them as ConstraintTeacherNotAvailableTimes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { assertError, network, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net, teacherStaff;
before(async () => {
  net = await network(srv);
  teacherStaff = (await as('teacher', 'GET', '/api/v1/me')).body.staff_id;
  assert.ok(teacherStaff, 'the demo teacher is a staff member');
});

const as = async (role, method, p, body, lang) => srv.api(method, p, { token: await srv.login(role), body, lang });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('the deputy and the timetable officer set a teacher\'s times; the teacher reads them; others may not', async () => {
  const url = `/api/v1/staff/${teacherStaff}/unavailability`;
  const empty = await as('teacher', 'GET', url);
  assert.equal(empty.status, 200, empty.text);
  assert.deepEqual(empty.body.items, []);
  assert.ok(empty.body.periods >= 6 && [5, 6].includes(empty.body.days), empty.text);

  let r = await as('deputy_academic', 'PUT', url, { times: [{ weekday: 3, period: 1 }, { weekday: 3, period: 2 }, { weekday: 5 }] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.items, [
    { semester: null, weekday: 3, period: 1 }, { semester: null, weekday: 3, period: 2 }, { semester: null, weekday: 5, period: null },
  ]);
  // a semester's own times stand beside the year's; a PUT replaces only its scope
  r = await as('timetable_officer', 'PUT', url, { semester: 2, times: [{ weekday: 1, period: 7 }] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.items.length, 4);
  r = await as('deputy_academic', 'PUT', url, { times: [{ weekday: 4 }] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.items, [{ semester: null, weekday: 4, period: null }, { semester: 2, weekday: 1, period: 7 }]);
  assert.deepEqual((await as('teacher', 'GET', url)).body.items, r.body.items);
  const audit = await as('network_admin', 'GET', `/api/v1/audit?entity=teacher_unavailability&entity_id=${teacherStaff}`);
  assert.ok(audit.body.items.length >= 3, audit.text);

  assertError(await as('teacher', 'PUT', url, { times: [] }), 403, 'forbidden');
  assertError(await as('director2', 'GET', url), 403, 'forbidden');
  assertError(await as('director2', 'PUT', url, { times: [] }), 403, 'forbidden');
  assertError(await as('parent', 'GET', url), 403, 'forbidden');
  assertError(await as('deputy_academic', 'GET', '/api/v1/staff/999999/unavailability'), 404, 'not_found');
  // another teacher's times are not the teacher's to read
  const other = (await as('director', 'GET', `/api/v1/schools/${net.school1}/staff?limit=200`)).body.items.find((s) => s.id !== teacherStaff);
  assertError(await as('teacher', 'GET', `/api/v1/staff/${other.id}/unavailability`), 403, 'forbidden');

  // refusals write nothing
  const bad = async (body, code) => {
    const x = await as('deputy_academic', 'PUT', url, body, 'ru');
    assertError(x, 422, code);
    return x;
  };
  const sat = await bad({ times: [{ weekday: empty.body.days === 5 ? 6 : 7 }] }, empty.body.days === 5 ? 'unavailability_day' : undefined);
  assert.ok(sat.body.error.details.length >= 1);
  if (empty.body.periods < 12) await bad({ times: [{ weekday: 1, period: empty.body.periods + 1 }] }, 'unavailability_period');
  const twice = await bad({ times: [{ weekday: 2, period: 3 }, { weekday: 2, period: 3 }] }, 'unavailability_twice');
  assert.equal(twice.body.error.details[0].rule, 'TT-1');
  assert.match(twice.body.error.details[0].message, /дважды/);
  await bad({ times: [{ weekday: 2, period: 3 }, { weekday: 2 }] }, 'unavailability_twice');
  await bad({ times: [{ weekday: 0 }] });
  await bad({ semester: 3, times: [] });
  await bad({}, 'missing_field');
  assert.deepEqual((await as('teacher', 'GET', url)).body.items, r.body.items);
  // back to none
  assert.equal((await as('deputy_academic', 'PUT', url, { times: [] })).status, 200);
  assert.equal((await as('deputy_academic', 'PUT', url, { semester: 2, times: [] })).body.items.length, 0);
});

test('the generator gives a teacher unavailable on Mondays no Monday lesson', async () => {
  const load = (await as('director', 'GET', `/api/v1/schools/${net.school1}/load`)).body;
  // the teacher with the most hours: the hardest to keep off Mondays
  const hours = new Map();
  for (const a of load.assignments) hours.set(a.staff_id, (hours.get(a.staff_id) || 0) + a.hours);
  const [staff, h] = [...hours].sort((x, y) => y[1] - x[1])[0];
  assert.ok(h >= 10, `a teacher with ${h} hours`);
  const put = await as('deputy_academic', 'PUT', `/api/v1/staff/${staff}/unavailability`, { semester: 1, times: [{ weekday: 1 }] });
  assert.equal(put.status, 200, put.text);
  const periods = put.body.periods;

  // export-fet: the teacher's Monday, period by period
  const code = (await as('director', 'GET', `/api/v1/schools/${net.school1}`)).body.code;
  const fet = path.join(srv.tmp, 'school.fet');
  srv.cli(['timetable', 'export-fet', '--school', code, '--out', fet]);
  const text = fs.readFileSync(fet, 'utf8');
  const blocks = [...text.matchAll(/<ConstraintTeacherNotAvailableTimes>([\s\S]*?)<\/ConstraintTeacherNotAvailableTimes>/g)];
  assert.equal(blocks.length, 1, 'one teacher has unavailable times');
  assert.match(blocks[0][1], new RegExp(`<Number_of_Not_Available_Times>${periods}</Number_of_Not_Available_Times>`));
  assert.equal([...blocks[0][1].matchAll(/<Day>Monday<\/Day>/g)].length, periods);

  const start = await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/timetables/generate`, { semester: 1, seed: 5, time_limit: 15 });
  assert.equal(start.status, 202, start.text);
  let job;
  for (const end = Date.now() + 90_000; Date.now() < end; await sleep(250)) {
    job = (await as('deputy_academic', 'GET', `/api/v1/timetable-jobs/${start.body.id}`)).body;
    if (job.status !== 'running') break;
  }
  assert.equal(job.status, 'done', JSON.stringify(job));
  const entries = (await as('deputy_academic', 'GET', `/api/v1/timetables/${job.timetable.id}`)).body.entries;
  const mine = entries.filter((e) => e.teacher.id === staff);
  assert.equal(mine.length, h, 'every hour of the teacher placed');
  assert.deepEqual(mine.filter((e) => e.weekday === 1), [], 'no Monday lesson');
  assert.ok(mine.some((e) => e.weekday === 2 || e.weekday === 3), 'lessons on other days');
  assert.equal((await as('deputy_academic', 'PUT', `/api/v1/staff/${staff}/unavailability`, { semester: 1, times: [] })).status, 200);
});
