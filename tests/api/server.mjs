// server — starts `mektep serve` on a fresh demo network for one test file, and the
// small helpers every API test uses: `api()` (fetch with JSON in and out), `login()`
// (a Bearer token per demo role), IIN making, and the checks of the error and list
// shapes.
//
// The engine is a parameter of the whole suite, never a copy of it:
//   MEKTEP_ENGINE=sqlite (default)  a temporary SQLite file per test file
//   MEKTEP_ENGINE=pg                the database of MEKTEP_PG (a conninfo); its public
//                                   schema is dropped and recreated through psql before
//                                   each test file, and test files take turns (a lock).
// MEKTEP_BIN names the binary (default build/mektep, relative to the repository root),
// e.g. MEKTEP_BIN=build-asan/mektep for the sanitizer build.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ENGINE = process.env.MEKTEP_ENGINE || 'sqlite';
export const PASSWORD = 'mektep2026';
export const SEED = 7;
/* The demo's today: its journal is filled for the lessons before it, the same on any day
 * the tests run (the journal tests serve with the same --today). */
export const DEMO_TODAY = '2026-11-26';

/* The demo network's sign-ins, by role (the demo prints one per role). */
export const LOGINS = {
  network_admin: 'admin',
  contingent_unit: 'contingent',
  director: 'director',
  deputy_academic: 'deputy',
  deputy_upbringing: 'upbringing',
  timetable_officer: 'timetable',
  teacher: 'teacher',
  club_leader: 'club',
  student: 'student',
  parent: 'parent',
  director2: 'director2',
};

function resolveBin() {
  const given = process.env.MEKTEP_BIN || 'build/mektep';
  if (path.isAbsolute(given)) return given;
  for (const base of [ROOT, process.cwd()]) {
    const p = path.resolve(base, given);
    if (fs.existsSync(p)) return p;
  }
  return path.resolve(ROOT, given);
}
export const BIN = resolveBin();

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, MEKTEP_QUIET: '1' },
    maxBuffer: 64 << 20,
    timeout: 180_000,
  });
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  if (r.status !== 0)
    throw new Error(`${what}: exit ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/* --- PostgreSQL: one database, so the test files take turns through a lock dir --- */

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function pgLock(conninfo) {
  const key = createHash('sha256').update(conninfo).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `mektep-api-pg-${key}.lock`);
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
      const release = () => fs.rmSync(dir, { recursive: true, force: true });
      process.once('exit', release);
      return release;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = 0;
      try {
        owner = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
      } catch {
        /* being created or removed */
      }
      if (owner && !pidAlive(owner)) fs.rmSync(dir, { recursive: true, force: true });
      await sleep(200);
    }
  }
}

function pgReset(conninfo) {
  run('psql', [conninfo, '-v', 'ON_ERROR_STOP=1', '-q', '-c',
    'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;'], 'psql reset');
}

/* --- the server --- */

/**
 * Creates the database (migrate + demo --schools 2 --seed 7), starts `mektep serve`
 * on a free port and waits for /api/v1/health. options.serveArgs: more arguments for
 * `serve` (e.g. ['--threads', '1']); options.replica: on PostgreSQL, also serve lag-
 * tolerant reads from MEKTEP_PG_READ (--pg-read). Returns the server handle:
 *   url, engine, api(), login(role), as(role, method, path, body) (a request as the role),
 *   get(role, path) (a GET that must answer 200: its body), cli(args) (a subcommand on the same database),
 *   restart(serveArgs) (serves the same database again with these arguments),
 *   stop() (stops the server; throws when it crashed or a sanitizer complained).
 */
export async function startServer(options = {}) {
  assert.ok(fs.existsSync(BIN), `no binary at ${BIN} (build it, or set MEKTEP_BIN)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mektep-api-'));
  let dbArgs;
  let releaseLock = () => {};
  if (ENGINE === 'pg') {
    const pg = process.env.MEKTEP_PG;
    assert.ok(pg, 'MEKTEP_ENGINE=pg needs MEKTEP_PG=<conninfo> (scripts/pg-cluster start DIR)');
    releaseLock = await pgLock(pg);
    pgReset(pg);
    dbArgs = ['--pg', pg];
  } else if (ENGINE === 'sqlite') {
    dbArgs = ['--db', path.join(tmp, 'test.db')];
  } else {
    throw new Error(`MEKTEP_ENGINE must be sqlite or pg, not ${ENGINE}`);
  }
  const cli = (args) => run(BIN, [...args, ...dbArgs], `mektep ${args.join(' ')}`);
  try {
    cli(['migrate']);
    cli(['demo', '--schools', '2', '--seed', String(SEED), '--today', DEMO_TODAY]);
  } catch (e) {
    releaseLock();
    throw e;
  }

  let child;
  let port;
  let log;
  let url;
  const logPath = path.join(tmp, 'server.log');
  let exited = null;
  /* starts `mektep serve` on the database with more arguments; url is then its address */
  async function serve(serveArgs) {
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      log = fs.openSync(logPath, 'w');
      const extra = [...(serveArgs || [])];
      if (options.replica && ENGINE === 'pg' && process.env.MEKTEP_PG_READ)
        extra.push('--pg-read', process.env.MEKTEP_PG_READ);
      child = spawn(BIN, ['serve', ...dbArgs, '--port', String(port), ...extra], {
        stdio: ['ignore', log, log],
        env: { ...process.env, MEKTEP_QUIET: '1' },
      });
      exited = null;
      child.on('exit', (code, signal) => { exited = { code, signal }; });
      url = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 20_000;
      let up = false;
      while (!exited && Date.now() < deadline) {
        try {
          const r = await fetch(`${url}/api/v1/health`);
          if (r.status === 200) {
            up = true;
            break;
          }
        } catch {
          /* not listening yet */
        }
        await sleep(50);
      }
      if (up) return;
      child.kill('SIGKILL');
      fs.closeSync(log);
      if (attempt >= 2) {
        releaseLock();
        throw new Error(`mektep serve did not start:\n${fs.readFileSync(logPath, 'utf8')}`);
      }
    }
  }
  /* stops the server; throws when it crashed or a sanitizer complained */
  async function halt() {
    if (!exited) {
      child.kill('SIGTERM');
      const deadline = Date.now() + 15_000;
      while (!exited && Date.now() < deadline) await sleep(25);
      if (!exited) child.kill('SIGKILL');
    }
    fs.closeSync(log);
    const text = fs.readFileSync(logPath, 'utf8');
    const sanitizer = /ERROR: (Address|Leak|Thread)Sanitizer|runtime error:/.test(text);
    assert.ok(!sanitizer, `the sanitizer complained (log kept in ${logPath}):\n${text}`);
    assert.deepEqual(exited, { code: 0, signal: null },
      `mektep serve did not stop cleanly (${JSON.stringify(exited)}):\n${text.slice(-4000)}`);
  }
  await serve(options.serveArgs);

  const tokens = new Map();
  const srv = {
    get url() {
      return url;
    },
    engine: ENGINE,
    tmp,
    cli,
    api: (method, p, opts) => api(url, method, p, opts),
    async login(role) {
      if (tokens.has(role)) return tokens.get(role);
      const login = LOGINS[role] || role;
      const r = await api(url, 'POST', '/api/v1/auth/login', { body: { login, password: PASSWORD } });
      assert.equal(r.status, 200, `login ${login}: ${r.text}`);
      tokens.set(role, r.body.token);
      return r.body.token;
    },
    /* a request as a demo role; a GET that must answer 200, its body */
    async as(role, method, p, body) {
      return api(url, method, p, { token: await srv.login(role), body });
    },
    async get(role, p) {
      const r = await srv.as(role, 'GET', p);
      assert.equal(r.status, 200, `${role} GET ${p}: ${r.text}`);
      return r.body;
    },
    log: () => fs.readFileSync(logPath, 'utf8'),
    /* the same database served again with other arguments (e.g. another --today);
     * the sign-ins stay valid */
    async restart(serveArgs) {
      await halt();
      await serve(serveArgs);
    },
    async stop() {
      try {
        await halt();
        fs.rmSync(tmp, { recursive: true, force: true });
      } finally {
        releaseLock();
      }
    },
  };
  return srv;
}

/**
 * One request. opts: token (Bearer), cookie, body (JSON-encoded unless a string or
 * Buffer), headers, lang (?lang=). Returns {status, headers, text, body (parsed JSON or
 * null)}.
 */
export async function api(base, method, p, opts = {}) {
  const headers = { ...(opts.headers || {}) };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.Cookie = opts.cookie;
  let body;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' || Buffer.isBuffer(opts.body) ? opts.body : JSON.stringify(opts.body);
    headers['Content-Type'] ??= 'application/json';
  }
  let url = base + p;
  if (opts.lang) url += (url.includes('?') ? '&' : '?') + `lang=${opts.lang}`;
  const r = await fetch(url, { method, headers, body });
  const text = await r.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: r.status, headers: r.headers, text, body: json };
}

/* --- shapes --- */

/** Asserts the one error shape of design.md, the status, and (optionally) the code. */
export function assertError(r, status, code) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.match(r.headers.get('content-type') || '', /^application\/json/);
  const e = r.body?.error;
  assert.ok(e && typeof e === 'object', `no error object: ${r.text}`);
  assert.equal(typeof e.code, 'string');
  assert.equal(typeof e.message, 'string');
  assert.ok(e.message.length > 0);
  assert.ok('rule' in e && 'field' in e, `error lacks rule/field: ${r.text}`);
  assert.ok(Array.isArray(e.details) && e.details.length >= 1, `error lacks details: ${r.text}`);
  for (const d of e.details) {
    for (const k of ['code', 'rule', 'field', 'message']) assert.ok(k in d, `detail lacks ${k}: ${r.text}`);
  }
  /* The top-level fields repeat the first detail. */
  const first = e.details[0];
  assert.equal(e.code, first.code);
  assert.equal(e.field, first.field);
  assert.equal(e.rule, first.rule);
  assert.equal(e.message, first.message);
  if (code) assert.equal(e.code, code, `expected code ${code}: ${r.text}`);
  return e;
}

/** The {code, field} pairs of an error's details, sorted, for comparing. */
export function problems(r) {
  return (r.body?.error?.details || []).map((d) => `${d.code}:${d.field}`).sort();
}

/** Asserts the list shape {items, total, next}. */
export function assertList(r) {
  assert.equal(r.status, 200, r.text);
  assert.ok(Array.isArray(r.body.items), r.text);
  assert.equal(typeof r.body.total, 'number');
  assert.ok(r.body.next === null || typeof r.body.next === 'string', `next: ${JSON.stringify(r.body.next)}`);
  assert.deepEqual(Object.keys(r.body).sort(), ['items', 'next', 'total']);
  return r.body;
}

/** Asserts a translatable name {kk, ru, en}. */
export function assertNames(v) {
  assert.deepEqual(Object.keys(v).sort(), ['en', 'kk', 'ru']);
  for (const k of ['kk', 'ru', 'en']) assert.equal(typeof v[k], 'string');
}

/* --- IINs --- */

const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit of 11 digits, or -1 when there is none. */
export function iinCheck(digits11) {
  const d = [...digits11].map(Number);
  let s = d.reduce((a, x, i) => a + x * W1[i], 0) % 11;
  if (s !== 10) return s;
  s = d.reduce((a, x, i) => a + x * W2[i], 0) % 11;
  return s === 10 ? -1 : s;
}

/** A valid IIN for a birth date 'YYYY-MM-DD' and sex 'm'/'f'; serial picks one of many. */
export function makeIin(birth, sex, serial = 1) {
  const [y, m, d] = birth.split('-').map(Number);
  const century = 2 * Math.floor((y - 1800) / 100) + (sex === 'm' ? 1 : 2);
  for (let s = serial % 10000; ; s = (s + 1) % 10000) {
    const head = `${String(y % 100).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${century}${String(s).padStart(4, '0')}`;
    const c = iinCheck(head);
    if (c >= 0) return head + c;
  }
}

/* Deterministic, so a run on the seeded demo network is the same every time. */
let serialCounter = 8100;
/** A fresh valid IIN (a serial not used before in this process). */
export function freshIin(birth, sex) {
  serialCounter = (serialCounter + 7) % 10000;
  return makeIin(birth, sex, serialCounter);
}

/** A new student's body for POST /api/v1/students. */
export function newStudent(schoolId, classId, extra = {}) {
  const birth = extra.birth_date || '2011-03-15';
  const sex = extra.sex || 'f';
  return {
    last_name: 'Тестова',
    first_name: 'Айгерім',
    iin: freshIin(birth, sex),
    birth_date: birth,
    sex,
    school_id: schoolId,
    class_id: classId,
    funding: 'orken',
    ...extra,
  };
}

/* --- the demo network, as the API shows it --- */

/**
 * What the tests need to know of the demo network, read through the API: the two
 * schools (school1 = the director's, school2 = director2's), their classes (current
 * year), the parent's children, the student's own record.
 */
export async function network(srv) {
  const get = async (role, p) => {
    const r = await srv.api('GET', p, { token: await srv.login(role) });
    assert.equal(r.status, 200, `${role} GET ${p}: ${r.text}`);
    return r.body;
  };
  const dir = await get('director', '/api/v1/me');
  const dir2 = await get('director2', '/api/v1/me');
  const school1 = dir.user.school_id;
  const school2 = dir2.user.school_id;
  assert.ok(school1 && school2 && school1 !== school2, 'director and director2 lead two schools');
  const classes1 = (await get('network_admin', `/api/v1/schools/${school1}/classes?limit=500`)).items;
  const classes2 = (await get('network_admin', `/api/v1/schools/${school2}/classes?limit=500`)).items;
  const parent = await get('parent', '/api/v1/me');
  const student = await get('student', '/api/v1/me');
  return { school1, school2, classes1, classes2, parent, student, director: dir, director2: dir2 };
}

/** The total of the audit log as the network admin sees it. */
export async function auditTotal(srv) {
  const r = await srv.api('GET', '/api/v1/audit?limit=1', { token: await srv.login('network_admin') });
  assert.equal(r.status, 200, r.text);
  return r.body.total;
}

/** Asserts that after `fn` the audit log grew by exactly `n` entries; returns fn's result. */
export async function auditGrows(srv, n, fn) {
  const before = await auditTotal(srv);
  const out = await fn();
  assert.equal(await auditTotal(srv), before + n, `the audit log grows by ${n}`);
  return out;
}

/** The audit entries of one record, newest first (as the network admin sees them). */
export async function auditOf(srv, entity, id, role = 'network_admin') {
  const r = await srv.api('GET', `/api/v1/audit?entity=${entity}&id=${id}&limit=500`, { token: await srv.login(role) });
  assert.equal(r.status, 200, r.text);
  return r.body.items;
}

/** A test's calls as a role on this server: `as` and `get` as the server's own (above),
 * `auditGrows(n, fn)` as below. */
export function rolesOf(srv) {
  return { as: srv.as, get: srv.get, auditGrows: (n, fn) => auditGrows(srv, n, fn) };
}
