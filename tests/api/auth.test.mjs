// Sign-in, sign-out, the session cookie, slowing down repeated failures, and /me.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';

import { LOGINS, PASSWORD, assertError, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

const login = (name, password = PASSWORD) =>
  srv.api('POST', '/api/v1/auth/login', { body: { login: name, password } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('sign-in', () => {
  test('the right password gives a token, the user and an HttpOnly SameSite=Strict cookie', async () => {
    const r = await login('director');
    assert.equal(r.status, 200, r.text);
    assert.match(r.body.token, /^[0-9a-f]{64}$/);
    assert.match(r.body.expires_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.ok(Date.parse(r.body.expires_at) > Date.now());
    assert.equal(r.body.user.login, 'director');
    assert.equal(r.body.user.role, 'director');
    assert.ok(Number.isInteger(r.body.user.school_id));
    assert.ok(!('password_hash' in r.body.user));
    const cookie = r.headers.get('set-cookie');
    assert.ok(cookie, 'a Set-Cookie header');
    assert.ok(cookie.startsWith(`mektep_session=${r.body.token}`), cookie);
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*SameSite=Strict/i);
    assert.match(cookie, /;\s*Path=\//i);
  });

  test('every demo role can sign in', async () => {
    for (const [role, name] of Object.entries(LOGINS)) {
      const r = await login(name);
      assert.equal(r.status, 200, `${name}: ${r.text}`);
      assert.equal(r.body.user.role, role === 'director2' ? 'director' : role);
    }
  });

  test('a wrong password is 401 invalid_credentials in the error shape, with no cookie', async () => {
    const r = await login('teacher', 'wrong-password');
    const e = assertError(r, 401, 'invalid_credentials');
    assert.equal(e.field, null);
    assert.equal(r.headers.get('set-cookie'), null);
    assert.ok(!('token' in r.body));
  });

  test('an unknown login gets exactly the same reply as a wrong password', async () => {
    const wrong = await login('teacher', 'wrong-password');
    const unknown = await login('nobody-at-all', 'wrong-password');
    assertError(unknown, 401, 'invalid_credentials');
    assert.deepEqual(unknown.body, wrong.body);
    assert.equal((await login('teacher')).status, 200); // clears the failure count
  });

  test('a sign-in without a password is 422 missing_field; a bad body 400', async () => {
    assertError(await srv.api('POST', '/api/v1/auth/login', { body: { login: 'admin' } }), 422, 'missing_field');
    assertError(await srv.api('POST', '/api/v1/auth/login', { body: '{"login":' }), 400, 'malformed_json');
    assertError(await srv.api('POST', '/api/v1/auth/login', { body: '["admin"]' }), 400, 'body_not_object');
    const r = await srv.api('POST', '/api/v1/auth/login', { body: { login: 'admin', password: PASSWORD, remember: true } });
    assertError(r, 422, 'unknown_field');
    assert.equal(r.body.error.field, 'remember');
  });

  test('repeated failures are slowed down: 429 with Retry-After, even for the right password', async () => {
    const name = 'throttle_me';
    srv.cli(['user', 'add', '--login', name, '--password', 'Right-pass-2026', '--role', 'contingent_unit']);
    assert.equal((await login(name, 'Right-pass-2026')).status, 200);

    let throttled = null;
    const seen = [];
    for (let i = 0; i < 10 && !throttled; i++) {
      const r = await login(name, `wrong-${i}`);
      seen.push(r.status);
      if (r.status === 429) throttled = r;
      else assertError(r, 401, 'invalid_credentials');
    }
    assert.ok(throttled, `no 429 after ten wrong passwords in a row: ${seen.join(' ')}`);
    assert.ok(seen.length >= 3, `throttled too early, after ${seen.length - 1} failures`);
    assertError(throttled, 429, 'login_throttled');
    const wait = Number(throttled.headers.get('retry-after'));
    assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 300, `Retry-After: ${throttled.headers.get('retry-after')}`);

    /* While the account waits, even the right password is refused. */
    const locked = await login(name, 'Right-pass-2026');
    assertError(locked, 429, 'login_throttled');
    assert.ok(Number(locked.headers.get('retry-after')) >= 1);

    /* After the wait, the right password works again and clears the count. */
    await sleep(Number(locked.headers.get('retry-after')) * 1000 + 300);
    const ok = await login(name, 'Right-pass-2026');
    assert.equal(ok.status, 200, ok.text);
    assertError(await login(name, 'wrong-again'), 401, 'invalid_credentials');
  });

  test('a throttled account does not slow down the others', async () => {
    assert.equal((await login('deputy')).status, 200);
  });
});

describe('sessions', () => {
  test('logout invalidates the token and clears the cookie; other sessions live on', async () => {
    const a = (await login('timetable')).body.token;
    const b = (await login('timetable')).body.token;
    assert.notEqual(a, b);
    assert.equal((await srv.api('GET', '/api/v1/me', { token: a })).status, 200);
    const out = await srv.api('POST', '/api/v1/auth/logout', { token: a });
    assert.equal(out.status, 200, out.text);
    assert.deepEqual(out.body, { signed_out: true });
    const cleared = out.headers.get('set-cookie');
    assert.match(cleared, /^mektep_session=;/);
    assert.match(cleared, /Max-Age=0/i);
    assertError(await srv.api('GET', '/api/v1/me', { token: a }), 401, 'not_signed_in');
    assertError(await srv.api('POST', '/api/v1/auth/logout', { token: a }), 401, 'not_signed_in');
    assert.equal((await srv.api('GET', '/api/v1/me', { token: b })).status, 200);
  });

  test('the cookie alone authenticates', async () => {
    const r = await login('club');
    const cookie = r.headers.get('set-cookie').split(';')[0];
    const me = await srv.api('GET', '/api/v1/me', { cookie });
    assert.equal(me.status, 200, me.text);
    assert.equal(me.body.user.login, 'club');
    assertError(await srv.api('GET', '/api/v1/me', { cookie: `mektep_session=${'0'.repeat(64)}` }), 401, 'not_signed_in');
    /* Signing out through the cookie ends that session too. */
    assert.equal((await srv.api('POST', '/api/v1/auth/logout', { cookie })).status, 200);
    assertError(await srv.api('GET', '/api/v1/me', { cookie }), 401, 'not_signed_in');
  });

  test('the Bearer header wins over a stale cookie', async () => {
    const token = (await login('club')).body.token;
    const r = await srv.api('GET', '/api/v1/me', { token, cookie: `mektep_session=${'0'.repeat(64)}` });
    assert.equal(r.status, 200, r.text);
  });
});

describe('/me', () => {
  test('a parent sees their children, each with the relation and school', async () => {
    const r = await srv.api('GET', '/api/v1/me', { token: await srv.login('parent') });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.user.role, 'parent');
    assert.ok(r.body.user.person_id);
    assert.equal(r.body.user.person.id, r.body.user.person_id);
    assert.ok(Array.isArray(r.body.children) && r.body.children.length >= 1, r.text);
    for (const c of r.body.children) {
      assert.ok(Number.isInteger(c.id) && Number.isInteger(c.school_id));
      assert.ok(['mother', 'father', 'adopter', 'guardian', 'foster_parent', 'patronage_educator', 'other'].includes(c.relation));
      assert.equal(typeof c.last_name, 'string');
      // a parent may not read /schools, so the child carries its school's names
      assert.equal(c.school.id, c.school_id);
      assert.ok(c.school.name.kk && c.school.name.ru && c.school.name.en);
    }
    assert.ok(!('student' in r.body));
  });

  test('a teacher sees their staff record and the classes they curate', async () => {
    const r = await srv.api('GET', '/api/v1/me', { token: await srv.login('teacher') });
    assert.equal(r.status, 200, r.text);
    assert.ok(Number.isInteger(r.body.staff_id), r.text);
    assert.ok(r.body.curated_classes.length >= 1, r.text);
    for (const c of r.body.curated_classes) assert.equal(c.curator.id, r.body.staff_id);
    const staff = await srv.api('GET', `/api/v1/staff/${r.body.staff_id}`, { token: await srv.login('teacher') });
    assert.equal(staff.status, 200);
    assert.equal(staff.body.person_id, r.body.user.person_id);
  });

  test('a student sees their own student record', async () => {
    const r = await srv.api('GET', '/api/v1/me', { token: await srv.login('student') });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.user.role, 'student');
    assert.ok(r.body.student, r.text);
    assert.equal(r.body.student.person_id, r.body.user.person_id);
    assert.equal(r.body.student.status, 'studying');
    assert.ok(!('children' in r.body));
  });

  test('a director sees their school', async () => {
    const r = await srv.api('GET', '/api/v1/me', { token: await srv.login('director') });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.user.role, 'director');
    assert.equal(r.body.school.id, r.body.user.school_id);
    assert.ok(r.body.school.code && r.body.school.name.kk && r.body.school.name.ru && r.body.school.name.en);
    assert.ok(!('children' in r.body) && !('student' in r.body));
  });

  test('the network admin belongs to no school', async () => {
    const r = await srv.api('GET', '/api/v1/me', { token: await srv.login('network_admin') });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.user.school_id, null);
    assert.ok(!r.body.school);
  });

  test('PATCH /me sets the language of messages; ?lang= still wins', async () => {
    const token = (await login('upbringing')).body.token;
    const ru = await srv.api('PATCH', '/api/v1/me', { token, body: { lang: 'ru' } });
    assert.equal(ru.status, 200, ru.text);
    assert.equal(ru.body.user.lang, 'ru');
    const missing = await srv.api('GET', '/api/v1/students/999999', { token });
    assertError(missing, 404, 'not_found');
    assert.equal(missing.body.error.message, 'Запись не найдена.');
    assert.equal(missing.headers.get('content-language'), 'ru');
    const en = await srv.api('GET', '/api/v1/students/999999', { token, lang: 'en' });
    assert.equal(en.body.error.message, 'The record was not found.');
    assertError(await srv.api('PATCH', '/api/v1/me', { token, body: { lang: 'de' } }), 422, 'bad_enum');
    assertError(await srv.api('PATCH', '/api/v1/me', { token, body: { role: 'network_admin' } }), 422, 'unknown_field');
    const kk = await srv.api('PATCH', '/api/v1/me', { token, body: { lang: 'kk' } });
    assert.equal(kk.body.user.lang, 'kk');
    assert.equal(kk.body.user.role, 'deputy_upbringing');
  });
});
