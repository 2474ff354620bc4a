// E-mail through SMTP (issue 7; EXT-13, EXT-14, EXT-9): the server's sender delivers the
// outbox to a local SMTP sink (tests/api/smtp_sink.py, Debian's python3-aiosmtpd). While
// nothing listens on the SMTP port the order's copy to the contingent unit fails with the
// reason and a next try; once the sink starts, the retry delivers it. The curator's
// monthly tasks reach the student and the representative with the Kazakh subject
// (RFC 2047, decoded by Python's own reader), the text, and the PDF attachment byte for
// byte; the order's copy and the consultation schedule carry their PDFs in Kazakh and
// Russian (report/movement_pdf.h), read back with pdftotext; the consultation schedule
// asks for a delivery confirmation, and its delivery marks EXT-13's e-mail duty done.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { curatorLogin, externshipCase } from './movement_cases.mjs';
import { freePort, network, startServer } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TODAY = '2026-11-26';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/* The message carries these PDFs, each a real PDF whose text says `words`. */
function assertPdfs(mail, names, words) {
  assert.deepEqual(mail.attachments.map((a) => [a.filename, a.content_type]), names.map((n) => [n, 'application/pdf']));
  for (const a of mail.attachments) {
    const bytes = Buffer.from(a.base64, 'base64');
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', a.filename);
    assert.equal(bytes.length, a.size);
    assert.match(execFileSync('pdftotext', ['-raw', '-', '-'], { input: bytes }).toString().replace(/\s+/g, ' '), words);
  }
}

const smtpPort = await freePort();
const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mektep-smtp-'));
const srv = await startServer({
  serveArgs: ['--today', TODAY, '--smtp-host', '127.0.0.1', '--smtp-port', String(smtpPort), '--smtp-tls', 'off',
    '--smtp-from', 'mektep@nis.test', '--smtp-retry', '1', '--contingent-email', 'kontingent@nis.test'],
});
let sink = null;
after(async () => {
  if (sink) {
    sink.kill('SIGTERM');
    await new Promise((r) => sink.once('exit', r));
  }
  fs.rmSync(inbox, { recursive: true, force: true });
  await srv.stop();
});

/* Debian's python3 (the package's module is there, whatever python3 the PATH finds first) */
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

async function startSink() {
  const child = spawn(PYTHON, [path.join(HERE, 'smtp_sink.py'), String(smtpPort), inbox], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { if (String(d).includes('ready')) resolve(); });
    child.once('exit', (code) => reject(new Error(`the SMTP sink stopped (${code}): ${err}`)));
  });
  return child;
}

const { as, get } = srv;

/* Waits until `probe` returns something truthy (polling), or fails after `ms`. */
async function until(what, probe, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const message = (id) => until(`outbox message ${id}`, async () =>
  (await get('network_admin', '/api/v1/outbox')).items.find((m) => m.id === id));
/* The delivered messages (the sink's summaries) sent to `address`. */
const delivered = (address) => fs.readdirSync(inbox).filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(inbox, f), 'utf8')))
  .filter((m) => m.rcpt_tos.includes(address));

let netw;
let child;
let caseId;
let curator;

before(async () => {
  netw = await network(srv);
  const eight = netw.classes1.find((c) => c.grade === 8);
  child = (await get('deputy_academic', `/api/v1/classes/${eight.id}/students?limit=1`)).items[0];
  caseId = await externshipCase(srv, child, { filed: '2026-10-01', checked: '2026-10-02', decided: '2026-10-05',
    order: '2026-10-07', starts: '2026-10-12', ends: '2027-03-31', number: '77-Ө' });
  curator = await curatorLogin(srv, child, netw.director.school.code, 'curator_mail');
});

describe('the outbox through SMTP', () => {
  let copyId;

  test('the server says mail is configured', async () => {
    assert.equal((await get('director', '/api/v1/outbox')).smtp_configured, true);
  });

  test('the SMTP server is down: the copy to the contingent unit fails with the reason and is tried again', async () => {
    const r = await as('director', 'POST', `/api/v1/applications/${caseId}/copy-sent`, { date: '2026-10-08' });
    assert.equal(r.status, 200, r.text);
    const queued = (await get('director', '/api/v1/outbox')).items.find((m) => m.case_id === caseId && m.purpose === 'contingent_copy');
    assert.ok(queued, 'the copy is queued for the unit');
    assert.deepEqual(queued.to, ['kontingent@nis.test']);
    copyId = queued.id;
    const failed = await until('the first failure', async () => {
      const m = await message(copyId);
      return m.status === 'failed' ? m : null;
    });
    assert.ok(failed.attempts >= 1);
    assert.match(failed.last_error, /connect/i);
    assert.ok(failed.next_attempt_at, 'it will be tried again');
    assert.equal(failed.sent_at, null);
    assert.equal(delivered('kontingent@nis.test').length, 0);
  });

  test('the SMTP server comes up: the retry delivers it', async () => {
    sink = await startSink();
    const sent = await until('the retry', async () => {
      const m = await message(copyId);
      return m.status === 'sent' ? m : null;
    });
    assert.ok(sent.attempts >= 2, 'delivered by a retry');
    assert.ok(sent.sent_at);
    assert.equal(sent.last_error, null);
    const [mail] = await until('the message in the sink', async () => delivered('kontingent@nis.test'));
    assert.equal(mail.mail_from, 'mektep@nis.test');
    assert.match(mail.subject_raw, /=\?UTF-8\?B\?/);
    assert.match(mail.subject, /^Бұйрықтың көшірмесі \/ Копия приказа № 77-Ө, 2026-10-07 — /);
    assert.ok(mail.subject.includes(child.last_name));
    assert.match(mail.body, /Бұйрықтың көшірмесі \(№ 77-Ө, 2026-10-07\)/);
    // the order itself, in Kazakh and in Russian (report/movement_pdf.h)
    assertPdfs(mail, [`order-${caseId}-kk.pdf`, `order-${caseId}-ru.pdf`], /77-Ө/);
  });

  test("the curator's tasks reach the student and the representative with the PDF, byte for byte", async () => {
    /* a placeholder PDF with every byte value in it */
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% placeholder\n'), Buffer.from([...Array(256).keys()]),
      Buffer.from('\n%%EOF\n')]);
    const name = 'Қараша-тапсырмалар.pdf';
    const r = await as(curator, 'POST', `/api/v1/applications/${caseId}/duties`, {
      code: 'curator_tasks', period: '2026-11-01', done_on: '2026-11-04',
      message: 'Математика: №3 жиынтық жұмыс. Сәттілік!',
      attachments: [{ name, mime_type: 'application/pdf', content: pdf.toString('base64') }],
    });
    assert.equal(r.status, 200, r.text);
    const out = await until('the tasks sent', async () => {
      const m = (await get('director', '/api/v1/outbox')).items.find((x) => x.purpose === 'curator_tasks');
      return m && m.status === 'sent' ? m : null;
    });
    assert.deepEqual(out.attachments, [{ name, mime_type: 'application/pdf', size: pdf.length }]);
    const mail = await until('the tasks in the sink', async () =>
      delivered('oqushy@example.kz').find((m) => m.subject.startsWith('Айлық')));
    assert.deepEqual(mail.rcpt_tos, ['ata-ana@example.kz', 'oqushy@example.kz']);
    assert.equal(mail.headers.From, 'mektep@nis.test');
    assert.equal(mail.headers.To, 'ata-ana@example.kz, oqushy@example.kz');
    assert.ok(mail.headers['Message-ID'].includes('@mektep'));
    assert.equal(mail.content_type, 'multipart/mixed');
    assert.match(mail.subject, /^Айлық тапсырмалар \/ Задания на месяц 2026-11 — /);
    assert.match(mail.body, /Математика: №3 жиынтық жұмыс\. Сәттілік!/);
    assert.equal(mail.attachments.length, 1);
    const [file] = mail.attachments;
    assert.equal(file.filename, name);
    assert.equal(file.content_type, 'application/pdf');
    assert.equal(file.size, pdf.length);
    assert.equal(file.base64, pdf.toString('base64'));
    assert.equal(mail.headers['Disposition-Notification-To'], undefined, 'only the schedule asks for a confirmation');
  });

  test("the schedule's delivery asks for a confirmation and marks EXT-13's e-mail done", async () => {
    const r = await as('deputy_academic', 'POST', `/api/v1/applications/${caseId}/duties`,
      { code: 'consultation_schedule', done_on: '2026-11-02' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.deadlines.find((d) => d.code === 'schedule_email').done_on, null);
    await until('the schedule sent', async () => {
      const m = (await get('director', '/api/v1/outbox')).items.find((x) => x.purpose === 'consultation_schedule');
      return m && m.status === 'sent';
    });
    const mail = await until('the schedule in the sink', async () =>
      delivered('oqushy@example.kz').find((m) => m.subject.startsWith('Қашықтан консультациялар кестесі')));
    assert.equal(mail.headers['Disposition-Notification-To'], 'mektep@nis.test');
    assertPdfs(mail, [`schedule-${caseId}-kk.pdf`, `schedule-${caseId}-ru.pdf`], /кеңес берудің жеке кестесі|дистанционных консультаций/);
    const book = await get('director', `/api/v1/students/${child.id}/movements`);
    const email = book.cases.find((c) => c.id === caseId).deadlines.find((d) => d.code === 'schedule_email');
    assert.equal(email.rule, 'EXT-13');
    assert.equal(email.done_on, TODAY, 'marked done on the day it was accepted');
    assert.equal(email.due, (await get('director', '/api/v1/calendar/add-working-days?from=2026-11-02&days=2')).date);
    assert.equal(email.state, 'done_late');
  });
});
