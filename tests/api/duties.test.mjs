// What is done about a case after its order (issue 7): the director sends the order's
// copy to the ДББҰ contingent unit and the 3-working-day rule (EXT-9) is checked on it —
// on time across Nauryz, one working day late across a weekend; the unit's inbox lists
// the copies with school, student, class, language, kind, order, period, sent on and
// lateness, filtered by school and month, and the unit marks one received. The list of
// subjects (EXT-6, the parent), a year's consultation schedule (EXT-13, the deputy) and
// the curator's monthly tasks (EXT-14, the class's curator) are marked done by the one
// responsible, and the school's deadlines stop listing them; marking the schedule queues
// its e-mail, which stays queued without SMTP settings (GET /outbox says so). Rights:
// each duty refuses anyone else; the inbox is the network's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { curatorLogin, externshipCase } from './movement_cases.mjs';
import { assertError, auditGrows as auditGrowsBy, network, startServer } from './server.mjs';

const TODAY = '2026-11-26';
const srv = await startServer({ serveArgs: ['--today', TODAY] });
after(() => srv.stop());

const { as, get } = srv;
const auditGrows = (n, fn) => auditGrowsBy(srv, n, fn);
const step = (id, what) => `/api/v1/applications/${id}/${what}`;
const dl = (c, code, period) => c.deadlines.find((d) => d.code === code && (period === undefined || d.period === period));

let net;
let child; // the parent's grade-8 child: an externship ordered on Thursday 19 March 2026
let other; // another grade-8 student: ordered on Friday 6 February 2026
let waiting; // a third, whose application is only filed
let caseA;
let caseB;
let caseC;

before(async () => {
  net = await network(srv);
  const eights = net.classes1.filter((c) => c.grade === 8);
  let me = await get('parent', '/api/v1/me');
  child = me.children.find((c) => c.school_id === net.school1 && c.grade === 8 && c.status === 'studying');
  if (!child) {
    const pick = (await get('deputy_academic', `/api/v1/classes/${eights[0].id}/students?limit=1`)).items[0];
    const r = await as('deputy_academic', 'POST', `/api/v1/students/${pick.id}/representatives`,
      { person_id: me.user.person_id, relation: 'mother' });
    assert.equal(r.status, 201, r.text);
    me = await get('parent', '/api/v1/me');
    child = me.children.find((c) => c.id === pick.id);
  }
  const others = (await get('deputy_academic', `/api/v1/classes/${eights.at(-1).id}/students?limit=5`)).items
    .filter((s) => s.id !== child.id);
  [other, waiting] = others;
  caseA = await externshipCase(srv, child, { filed: '2026-03-10', checked: '2026-03-11', decided: '2026-03-16',
    order: '2026-03-19', starts: '2026-03-23', ends: '2026-05-25', number: '31-Ө' });
  caseB = await externshipCase(srv, other, { filed: '2026-02-02', checked: '2026-02-03', decided: '2026-02-04',
    order: '2026-02-06', starts: '2026-02-09', ends: '2026-05-25', number: '12-Ө' });
  caseC = await externshipCase(srv, waiting, { filed: '2026-11-20', starts: '2027-01-11', ends: '2027-05-25' });
});

const caseOf = async (role, studentId, id) =>
  (await get(role, `/api/v1/students/${studentId}/movements`)).cases.find((c) => c.id === id);

describe("the order's copy to the contingent unit (EXT-9, CAL-7)", () => {
  test('before the order there is no copy to send', async () => {
    const r = await auditGrows(0, () => as('director', 'POST', step(caseC, 'copy-sent'), { date: '2026-11-25' }));
    const e = assertError(r, 422, 'duty_not_due');
    assert.equal(e.field, 'code');
  });

  test('only the director of the school sends it', async () => {
    assertError(await as('deputy_academic', 'POST', step(caseA, 'copy-sent'), {}), 403, 'forbidden');
    assertError(await as('director2', 'POST', step(caseA, 'copy-sent'), {}), 403, 'forbidden');
    assertError(await as('contingent_unit', 'POST', step(caseA, 'copy-sent'), {}), 403, 'forbidden');
  });

  test('the copy is due 3 working days after the order, Nauryz skipped: overdue until sent', async () => {
    const c = await caseOf('director', child.id, caseA);
    const copy = dl(c, 'contingent_copy');
    /* Thursday 19 March → Friday 20, (21–25 March off), Thursday 26, Friday 27 */
    assert.equal(copy.due, '2026-03-27');
    assert.equal(copy.rule, 'EXT-9');
    assert.equal(copy.state, 'overdue');
    const cal = await get('director', '/api/v1/calendar/add-working-days?from=2026-03-19&days=3');
    assert.equal(cal.date, copy.due);
    const d = await get('director', `/api/v1/schools/${net.school1}/deadlines`);
    assert.ok(d.items.some((x) => x.case_id === caseA && x.code === 'contingent_copy'));
  });

  test('a date before the order or after today is refused, nothing written', async () => {
    const early = await auditGrows(0, () => as('director', 'POST', step(caseA, 'copy-sent'), { date: '2026-03-18' }));
    assert.equal(assertError(early, 422, 'date_before_event').rule, 'EXT-9');
    assertError(await as('director', 'POST', step(caseA, 'copy-sent'), { date: '2026-11-27' }), 422, 'date_in_future');
  });

  test('sent on Friday 27 March: done on time; the deadlines page no longer lists it', async () => {
    const r = await auditGrows(1, () => as('director', 'POST', step(caseA, 'copy-sent'), { date: '2026-03-27' }));
    assert.equal(r.status, 200, r.text);
    const copy = dl(r.body, 'contingent_copy');
    assert.equal(copy.state, 'done');
    assert.equal(copy.done_on, '2026-03-27');
    assert.equal(copy.late_by, null);
    assert.deepEqual(r.body.duties.find((x) => x.code === 'contingent_copy'),
      { code: 'contingent_copy', period: null, done_on: '2026-03-27', received_on: null });
    const d = await get('director', `/api/v1/schools/${net.school1}/deadlines`);
    assert.ok(!d.items.some((x) => x.case_id === caseA && x.code === 'contingent_copy'));
    const again = await auditGrows(0, () => as('director', 'POST', step(caseA, 'copy-sent'), { date: '2026-03-27' }));
    assert.equal(assertError(again, 409, 'duty_already_done').rule, 'EXT-9');
  });

  test('ordered on Friday 6 February, sent on Thursday 12: one working day late (the weekend skipped)', async () => {
    const r = await as('director', 'POST', step(caseB, 'copy-sent'), { date: '2026-02-12' });
    assert.equal(r.status, 200, r.text);
    const copy = dl(r.body, 'contingent_copy');
    assert.equal(copy.due, '2026-02-11');
    assert.equal(copy.state, 'done_late');
    assert.equal(copy.late_by, 1);
  });

  test("the unit's inbox lists the copies with their lateness; by month and school", async () => {
    const all = await get('contingent_unit', '/api/v1/contingent/inbox');
    const a = all.items.find((x) => x.case_id === caseA);
    const b = all.items.find((x) => x.case_id === caseB);
    assert.ok(a && b, JSON.stringify(all));
    assert.equal(all.total, all.items.length);
    assert.equal(a.school.id, net.school1);
    assert.ok(a.school.name.kk && a.school.code);
    assert.equal(a.student.id, child.id);
    assert.match(a.student.class, /^8/);
    assert.ok(['kk', 'ru'].includes(a.student.language));
    assert.equal(a.kind, 'externship');
    assert.deepEqual(a.order, { number: '31-Ө', date: '2026-03-19', starts_on: '2026-03-23', ends_on: '2026-05-25' });
    assert.equal(a.sent_on, '2026-03-27');
    assert.equal(a.due, '2026-03-27');
    assert.equal(a.rule, 'EXT-9');
    assert.deepEqual([a.on_time, a.late_by, a.state], [true, 0, 'done']);
    assert.deepEqual([b.on_time, b.late_by, b.state, b.sent_on], [false, 1, 'done_late', '2026-02-12']);
    assert.equal(a.received_on, null);
    /* newest first */
    assert.ok(all.items.indexOf(a) < all.items.indexOf(b));

    const march = await get('network_admin', '/api/v1/contingent/inbox?month=2026-03');
    assert.deepEqual(march.items.map((x) => x.case_id), [caseA]);
    const other = await get('contingent_unit', `/api/v1/contingent/inbox?school=${net.school2}`);
    assert.equal(other.items.length, 0);
    assertError(await as('contingent_unit', 'GET', '/api/v1/contingent/inbox?month=2026-13'), 400, 'bad_query');
    assertError(await as('director', 'GET', '/api/v1/contingent/inbox'), 403, 'forbidden');
  });

  test('the unit marks a copy received, once', async () => {
    assertError(await as('network_admin', 'POST', `/api/v1/contingent/inbox/${caseA}/received`, {}), 403, 'forbidden');
    assertError(await as('contingent_unit', 'POST', `/api/v1/contingent/inbox/${caseC}/received`, {}), 404, 'copy_not_sent');
    assertError(await as('contingent_unit', 'POST', `/api/v1/contingent/inbox/${caseA}/received`, { date: '2026-03-20' }),
      422, 'date_before_event');
    const r = await auditGrows(1, () => as('contingent_unit', 'POST', `/api/v1/contingent/inbox/${caseA}/received`,
      { date: '2026-03-30' }));
    assert.equal(r.status, 200, r.text);
    const inbox = await get('contingent_unit', '/api/v1/contingent/inbox?month=2026-03');
    assert.equal(inbox.items[0].received_on, '2026-03-30');
    assertError(await as('contingent_unit', 'POST', `/api/v1/contingent/inbox/${caseA}/received`, {}), 409,
      'duty_already_done');
  });
});

describe('the other duties: EXT-6, EXT-13, EXT-14 by the one responsible', () => {
  let curator; // a sign-in for the curator of the child's class

  before(async () => {
    curator = await curatorLogin(srv, child, net.director.school.code, 'curator_mv');
  });

  test('after the order, the list, the schedule and the monthly tasks are due and overdue', async () => {
    const c = await caseOf('director', child.id, caseA);
    const list = dl(c, 'subject_list');
    assert.deepEqual([list.rule, list.actor, list.state, list.period], ['EXT-6', 'parent', 'overdue', null]);
    const cal = await get('director', '/api/v1/calendar/add-working-days?from=2026-03-23&days=15');
    assert.equal(list.due, cal.date);
    const schedule = dl(c, 'consultation_schedule');
    assert.deepEqual([schedule.rule, schedule.actor, schedule.period, schedule.from], ['EXT-13', 'deputy_academic',
      '2025-09-01', '2026-03-23']);
    const tasks = c.deadlines.filter((d) => d.code === 'curator_tasks');
    assert.deepEqual(tasks.map((d) => [d.period, d.due, d.rule]), [['2026-04-01', '2026-04-05', 'EXT-14'],
      ['2026-05-01', '2026-05-05', 'EXT-14']]);
    assert.equal(dl(c, 'schedule_email'), undefined, 'no e-mail before the schedule is approved');
  });

  test('the list of subjects: the linked parent marks it; a teacher may not', async () => {
    assertError(await as('teacher', 'POST', step(caseA, 'duties'), { code: 'subject_list' }), 403, 'forbidden');
    assertError(await as('director2', 'POST', step(caseA, 'duties'), { code: 'subject_list' }), 403, 'forbidden');
    const r = await auditGrows(1, () => as('parent', 'POST', step(caseA, 'duties'),
      { code: 'subject_list', done_on: '2026-04-10' }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([dl(r.body, 'subject_list').state, dl(r.body, 'subject_list').done_on], ['done', '2026-04-10']);
  });

  test("the curator's tasks: the class's curator marks a month; a month outside the externship is not due", async () => {
    assertError(await as('deputy_academic', 'POST', step(caseA, 'duties'),
      { code: 'curator_tasks', period: '2026-04-01' }), 403, 'forbidden');
    const june = await as(curator, 'POST', step(caseA, 'duties'), { code: 'curator_tasks', period: '2026-06-01', done_on: '2026-06-03' });
    assert.equal(assertError(june, 422, 'duty_not_due').field, 'period');
    const r = await as(curator, 'POST', step(caseA, 'duties'), { code: 'curator_tasks', period: '2026-04-01', done_on: '2026-04-06' });
    assert.equal(r.status, 200, r.text);
    const april = dl(r.body, 'curator_tasks', '2026-04-01');
    /* due on the 5th, a calendar day (a Sunday): the 6th is late by one working day */
    assert.deepEqual([april.state, april.late_by], ['done_late', 1]);
    assert.equal(dl(r.body, 'curator_tasks', '2026-05-01').state, 'overdue');
    const d = await get('director', `/api/v1/schools/${net.school1}/deadlines`);
    const mine = d.items.filter((x) => x.case_id === caseA).map((x) => `${x.code} ${x.period ?? ''}`);
    assert.ok(!mine.includes('curator_tasks 2026-04-01') && mine.includes('curator_tasks 2026-05-01'), mine.join());
    assert.ok(!mine.some((x) => x.startsWith('subject_list')));
  });

  test('the schedule: the deputy marks its order; its e-mail is queued and the e-mail duty appears', async () => {
    assertError(await as('parent', 'POST', step(caseA, 'duties'), { code: 'consultation_schedule' }), 403, 'forbidden');
    const before = (await get('director', '/api/v1/outbox')).items.length;
    const r = await as('deputy_academic', 'POST', step(caseA, 'duties'),
      { code: 'consultation_schedule', done_on: '2026-04-20', message: 'Кесте тіркемеде.' });
    assert.equal(r.status, 200, r.text);
    assert.equal(dl(r.body, 'consultation_schedule').state, 'done');
    const email = dl(r.body, 'schedule_email');
    assert.deepEqual([email.rule, email.from, email.working_days, email.state], ['EXT-13', '2026-04-20', 2, 'overdue']);
    const out = await get('director', '/api/v1/outbox');
    assert.equal(out.smtp_configured, false);
    assert.equal(out.items.length, before + 1);
    const m = out.items[0];
    assert.deepEqual([m.case_id, m.purpose, m.status, m.attempts, m.sent_at], [caseA, 'consultation_schedule', 'queued', 0, null]);
    assert.deepEqual(m.to, ['ata-ana@example.kz', 'oqushy@example.kz']);
    assert.match(m.subject, /Қашықтан консультациялар кестесі/);
    assert.equal((await get('director2', '/api/v1/outbox')).items.length, 0, "another school's director sees none");
    assert.ok((await get('network_admin', `/api/v1/outbox?school=${net.school1}`)).items.some((x) => x.id === m.id));
    assertError(await as('director2', 'GET', `/api/v1/outbox?school=${net.school1}`), 403, 'forbidden');
    assertError(await as('teacher', 'GET', '/api/v1/outbox'), 403, 'forbidden');
  });

  test('a bad attachment is refused at its field, nothing written', async () => {
    const r = await auditGrows(0, () => as(curator, 'POST', step(caseA, 'duties'), {
      code: 'curator_tasks', period: '2026-05-01',
      attachments: [{ name: 'tasks.pdf', mime_type: 'application/pdf', content: '%%% not base64 %%%' }],
    }));
    assert.equal(assertError(r, 422, 'attachment_invalid').field, 'attachments[0].content');
  });
});

describe("the IB school's monthly works (EXT-16)", () => {
  test('each month of the externship is due on its last day; the director marks one received', async () => {
    const school = await get('network_admin', `/api/v1/schools/${net.school1}`);
    const ib = await as('network_admin', 'PATCH', `/api/v1/schools/${net.school1}`, { programme: 'ib' });
    assert.equal(ib.status, 200, ib.text);
    try {
      const eights = net.classes1.filter((c) => c.grade === 8);
      const pick = (await get('deputy_academic', `/api/v1/classes/${eights.at(-1).id}/students?limit=10`)).items
        .find((s) => s.status === 'studying' && s.id !== child.id && s.id !== other.id && s.id !== waiting.id);
      const id = await externshipCase(srv, pick, { filed: '2026-09-28', checked: '2026-09-29', decided: '2026-09-30',
        order: '2026-10-01', starts: '2026-10-05', ends: '2027-03-01', number: '70-Ө' });
      const c = await caseOf('director', pick.id, id);
      const months = c.deadlines.filter((d) => d.code === 'monthly_works');
      assert.ok(months.length >= 2 && months.every((d) => d.rule === 'EXT-16'));
      assert.equal(c.deadlines.filter((d) => d.code === 'quarter_works').length, 0, 'no NIS quarters in an IB school');
      const october = dl(c, 'monthly_works', '2026-10-01');
      assert.deepEqual([october.due, october.state], ['2026-10-31', 'overdue']);
      assertError(await as('parent', 'POST', step(id, 'duties'), { code: 'monthly_works', period: '2026-10-01' }), 403, 'forbidden');
      const r = await auditGrows(1, () => as('director', 'POST', step(id, 'duties'), { code: 'monthly_works', period: '2026-10-01', done_on: '2026-10-30' }));
      assert.equal(r.status, 200, r.text);
      const done = dl(r.body, 'monthly_works', '2026-10-01');
      assert.deepEqual([done.done_on, done.state], ['2026-10-30', 'done']);
      assert.equal(dl(r.body, 'monthly_works', '2026-11-01').done_on, null, 'the next month is still open');
    } finally {
      const back = await as('network_admin', 'PATCH', `/api/v1/schools/${net.school1}`, { programme: school.programme });
      assert.equal(back.status, 200, back.text);
    }
  });
});
