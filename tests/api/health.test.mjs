// The health check, the headers of every reply, and the errors of the router
// (no such route, wrong method, not signed in).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';

import { ENGINE, assertError, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

describe('health', () => {
  test('GET /api/v1/health is public and says status, engine and schema', async () => {
    const r = await srv.api('GET', '/api/v1/health');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.engine, { sqlite: 'sqlite', pg: 'postgresql' }[ENGINE]);
    assert.ok(Number.isInteger(r.body.schema) && r.body.schema >= 1, r.text);
  });

  test('a bad token does not stop the health check', async () => {
    const r = await srv.api('GET', '/api/v1/health', { token: 'f'.repeat(64) });
    assert.equal(r.status, 200);
  });

  test('API replies carry the security headers and are not cached', async () => {
    const r = await srv.api('GET', '/api/v1/health');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
    assert.match(r.headers.get('content-security-policy'), /default-src 'self'/);
    assert.equal(r.headers.get('cache-control'), 'no-store');
  });
});

describe('router errors', () => {
  test('an unknown route is 404 route_not_found in the error shape', async () => {
    assertError(await srv.api('GET', '/api/v1/no-such-thing'), 404, 'route_not_found');
    assertError(await srv.api('GET', '/api/v2/health'), 404, 'route_not_found');
  });

  test('an id that is not a positive integer matches no route', async () => {
    const token = await srv.login('network_admin');
    for (const id of ['abc', '0', '-1', '01', '1x', '9999999999999999999'])
      assertError(await srv.api('GET', `/api/v1/schools/${id}`, { token }), 404, 'route_not_found');
  });

  test('a known path with another method is 405 method_not_allowed', async () => {
    const token = await srv.login('network_admin');
    assertError(await srv.api('DELETE', '/api/v1/schools', { token }), 405, 'method_not_allowed');
    assertError(await srv.api('PUT', '/api/v1/health'), 405, 'method_not_allowed');
  });

  test('a route that needs sign-in is 401 not_signed_in without a token', async () => {
    for (const p of ['/api/v1/me', '/api/v1/schools', '/api/v1/subjects', '/api/v1/audit', '/api/v1/students/1'])
      assertError(await srv.api('GET', p), 401, 'not_signed_in');
    assertError(await srv.api('POST', '/api/v1/students', { body: {} }), 401, 'not_signed_in');
    assertError(await srv.api('POST', '/api/v1/auth/logout'), 401, 'not_signed_in');
  });

  test('a token that is not a session is 401, however it is written', async () => {
    for (const token of ['f'.repeat(64), 'nonsense', 'F'.repeat(64), `${'a'.repeat(64)}x`])
      assertError(await srv.api('GET', '/api/v1/me', { token }), 401, 'not_signed_in');
    assertError(await srv.api('GET', '/api/v1/me', { headers: { Authorization: 'Basic YWRtaW46eA==' } }), 401,
      'not_signed_in');
  });
});
