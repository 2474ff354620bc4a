// Memory: run with the sanitizer build (MEKTEP_BIN=build-asan/mektep), each test does
// one kind of request on its own server and stops it; LeakSanitizer's report at exit
// fails the test that caused it. With a plain build these tests only check that the
// server stops cleanly.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { network, newStudent, startServer } from './server.mjs';

/* Starts a server, runs fn(srv, net), then stops it (which fails on a sanitizer report). */
async function alone(fn) {
  const srv = await startServer();
  let failed = true;
  try {
    await fn(srv, await network(srv));
    failed = false;
  } finally {
    if (failed) await srv.stop().catch(() => {});
  }
  await srv.stop();
}

describe('no leaks', () => {
  test('student_create_leaks_school_json: POST /api/v1/students frees the school it looks up', async () => {
    await alone(async (srv, net) => {
      const token = await srv.login('director');
      const r = await srv.api('POST', '/api/v1/students', { token, body: newStudent(net.school1, net.classes1[0].id) });
      assert.equal(r.status, 201, r.text);
    });
  });

  test('reads and refusals of every kind free what they build', async () => {
    await alone(async (srv, net) => {
      const admin = await srv.login('network_admin');
      const parent = await srv.login('parent');
      const child = net.parent.children[0];
      for (const [token, p] of [
        [admin, '/api/v1/schools'], [admin, `/api/v1/schools/${net.school1}`], [admin, `/api/v1/schools/${net.school1}/classes`],
        [admin, `/api/v1/schools/${net.school1}/students?q=ов`], [admin, `/api/v1/schools/${net.school1}/staff?role=teacher`],
        [admin, `/api/v1/schools/${net.school1}/academic-years`], [admin, `/api/v1/classes/${net.classes1[0].id}`],
        [admin, `/api/v1/classes/${net.classes1[0].id}/students`], [admin, `/api/v1/students/${child.id}`],
        [admin, `/api/v1/students/${child.id}/representatives`], [admin, '/api/v1/representatives?q=а'],
        [admin, `/api/v1/representatives/${net.parent.user.person_id}`], [admin, '/api/v1/subjects?q=math'],
        [admin, '/api/v1/subjects/1'], [admin, '/api/v1/audit?entity=user'], [parent, '/api/v1/me'],
        [parent, `/api/v1/students/${child.id}`], [parent, '/api/v1/schools'], [admin, '/api/v1/students/99999999'],
      ]) {
        const r = await srv.api('GET', p, { token });
        assert.ok(r.status < 500, `${p}: ${r.text}`);
      }
      /* Refusals before the handler looks anything up (the student lookup leak aside). */
      for (const body of ['{', '[]', '{"x": 1}', JSON.stringify({ ...newStudent(net.school1, 1), iin: 5 })]) {
        const r = await srv.api('POST', '/api/v1/students', { token: admin, body });
        assert.ok(r.status >= 400 && r.status < 500, r.text);
      }
      const bad = await srv.api('POST', `/api/v1/schools/${net.school1}/classes`, { token: admin, body: { grade: 7, letter: 'Ж', language: 'kk', curator_id: 99999999 } });
      assert.equal(bad.status, 422, bad.text);
      const dup = await srv.api('POST', `/api/v1/schools/${net.school1}/classes`, { token: admin, body: { grade: net.classes1[0].grade, letter: net.classes1[0].letter, language: 'kk' } });
      assert.equal(dup.status, 409, dup.text);
    });
  });
});
