// Requests at the same time: the checks that read before they write must still hold
// (one IIN, one class name, the count of failed sign-ins), and the server must answer
// every request with a proper reply, never a 500.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, auditTotal, freshIin, network, newStudent, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net;
let admin;
before(async () => {
  net = await network(srv);
  admin = await srv.login('network_admin');
});

const N = 12;

describe('concurrent writes', () => {
  test('concurrent_duplicate_iin_gives_422_not_500: one student per IIN, the others iin_taken', async () => {
    const iin = freshIin('2012-08-30', 'm');
    const before = await auditTotal(srv);
    const replies = await Promise.all(Array.from({ length: N }, (_, i) =>
      srv.api('POST', '/api/v1/students', {
        token: admin,
        body: newStudent(net.school1, net.classes1[5].id, { first_name: `Егіз${i}`, iin, birth_date: '2012-08-30', sex: 'm' }),
      })));
    const statuses = replies.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, `exactly one created: ${statuses.join(' ')}`);
    for (const r of replies) if (r.status !== 201) assertError(r, 422, 'iin_taken');
    assert.equal(await auditTotal(srv), before + 1);
    const found = (await srv.api('GET', `/api/v1/schools/${net.school1}/students?q=${iin}`, { token: admin })).body;
    assert.equal(found.total, 1);
  });

  test('concurrent classes of the same name: one 201, the others 409 class_exists', async () => {
    const replies = await Promise.all(Array.from({ length: N }, () =>
      srv.api('POST', `/api/v1/schools/${net.school1}/classes`, { token: admin, body: { grade: 10, letter: 'Ё', language: 'kk' } })));
    const statuses = replies.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(' '));
    for (const r of replies) if (r.status !== 201) assertError(r, 409, 'class_exists');
  });

  test('concurrent patches of one student all succeed and are all audited', async () => {
    const s = (await srv.api('GET', `/api/v1/classes/${net.classes1[6].id}/students?limit=1`, { token: admin })).body.items[0];
    const before = (await srv.api('GET', `/api/v1/audit?entity=student&id=${s.id}`, { token: admin })).body.total;
    const phones = Array.from({ length: N }, (_, i) => `+7701000${String(i).padStart(4, '0')}`);
    const replies = await Promise.all(phones.map((phone) =>
      srv.api('PATCH', `/api/v1/students/${s.id}`, { token: admin, body: { phone } })));
    for (const r of replies) assert.equal(r.status, 200, r.text);
    const after = (await srv.api('GET', `/api/v1/audit?entity=student&id=${s.id}`, { token: admin })).body.total;
    assert.equal(after, before + N);
    const now = (await srv.api('GET', `/api/v1/students/${s.id}`, { token: admin })).body;
    assert.ok(phones.includes(now.phone));
  });

  test('concurrent reads by many roles all answer', async () => {
    const roles = ['network_admin', 'director', 'director2', 'teacher', 'parent', 'student'];
    const tokens = await Promise.all(roles.map((r) => srv.login(r)));
    const replies = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      srv.api('GET', `/api/v1/schools/${net.school1}/students?limit=20&cursor=${i * 5}`, { token: tokens[i % roles.length] })));
    for (const [i, r] of replies.entries()) {
      const role = roles[i % roles.length];
      if (['network_admin', 'director', 'teacher'].includes(role)) assert.equal(r.status, 200, r.text);
      else assertError(r, 403, 'forbidden');
    }
  });
});

describe('concurrent sign-in failures', () => {
  test('parallel_wrong_passwords_are_all_counted: a burst of wrong passwords is throttled too', async () => {
    const name = 'burst_me';
    srv.cli(['user', 'add', '--login', name, '--password', 'Right-pass-2026', '--role', 'contingent_unit']);
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      srv.api('POST', '/api/v1/auth/login', { body: { login: name, password: `wrong-${i}` } })));
    for (const r of replies) assert.ok(r.status === 401 || r.status === 429, r.text);
    /* Twenty failures were made: whatever their order, the account must now wait. */
    const next = await srv.api('POST', '/api/v1/auth/login', { body: { login: name, password: 'Right-pass-2026' } });
    assertError(next, 429, 'login_throttled');
  });
});
