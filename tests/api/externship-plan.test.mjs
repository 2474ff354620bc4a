// The externship student's consultation schedule (issue 7: A1 form 3, EXT-13, EXT-15):
// after the externship's order the academic deputy writes the year's schedule — a
// consultation outside the externship (EXT-13) or an unknown subject is refused with
// every problem at once and nothing written — the director approves it by order, after
// which it cannot change; the row's subject teacher (not another row's) and the deputy
// mark each summative work sent and received — received before sent, or after today, is
// refused (EXT-15); a quarter is done when each subject has three works back (EXT-15).
// The student's parent reads it; a parent of another student does not.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, network, problems, rolesOf, startServer } from './server.mjs';

const TODAY = '2027-03-01'; // a Monday of the third quarter
const srv = await startServer({ serveArgs: ['--today', TODAY] });
after(() => srv.stop());
const { as, get, auditGrows } = rolesOf(srv);

let net;
let student;
let caseId;
let year;
let teacherStaff;
let subjects;

const plan = (id = caseId) => `/api/v1/applications/${id}/plan`;

before(async () => {
  net = await network(srv);
  const eight = net.classes1.filter((c) => c.grade === 8).at(-1);
  student = (await get('deputy_academic', `/api/v1/classes/${eight.id}/students?limit=5`)).items.at(-1);
  const filed = await as('deputy_academic', 'POST', `/api/v1/students/${student.id}/applications`, {
    kind: 'externship', ground: 'student_admitted_abroad', starts_on: '2027-01-11', ends_on: '2027-05-25',
    documents: ['study_abroad_proof'], foreign_school: 'Harrow School', representative_mobile: '+77011234567',
    representative_email: 'ata-ana@example.kz', student_email: 'oqushy@example.kz',
  });
  assert.equal(filed.status, 201, filed.text);
  caseId = filed.body.id;
  for (const [who, what, body] of [
    ['deputy_academic', 'documents-checked', {}],
    ['deputy_academic', 'decision', { date: TODAY, protocol_number: '3', approved: true, council: 'pedagogical' }],
    ['director', 'order', { number: '50-Ө', date: TODAY, starts_on: '2027-01-11', ends_on: '2027-05-25' }],
  ]) {
    const r = await as(who, 'POST', `/api/v1/applications/${caseId}/${what}`, body);
    assert.equal(r.status, 200, `${what}: ${r.text}`);
  }
  teacherStaff = (await get('teacher', '/api/v1/me')).staff_id;
  assert.ok(teacherStaff, 'the demo teacher is staff');
  subjects = (await get('deputy_academic', '/api/v1/subjects?limit=5')).items.map((s) => s.id);
});

describe('the consultation schedule (A1 form 3)', () => {
  test('after the order: the year the externship touches, its quarters, no schedule yet', async () => {
    const v = await get('deputy_academic', plan());
    assert.deepEqual(v.period, { starts_on: '2027-01-11', ends_on: '2027-05-25' });
    assert.equal(v.years.length, 1);
    year = v.years[0];
    assert.equal(year.plan, null);
    assert.ok(year.quarters.length >= 1, 'the quarters that end inside the externship');
    assert.ok(year.quarters.every((q) => q.ends_on >= '2027-01-11' && q.ends_on <= '2027-05-25' && q.rule === 'EXT-15'));
    assert.deepEqual(v.may, { edit: true, approve: false, mark: true });
    assert.deepEqual((await get('director', plan())).may, { edit: false, approve: true, mark: true });
  });

  test('every problem of every row at once, nothing written (EXT-13)', async () => {
    const r = await auditGrows(0, () => as('deputy_academic', 'PUT', plan(), {
      academic_year_id: year.id,
      rows: [
        { subject_id: subjects[0], consultation_on: '2027-01-05', topic: 'Функциялар' },
        { subject_id: 999999, consultation_on: '2027-01-20', topic: 'Кинематика' },
        { subject_id: subjects[1], teacher_id: 999999, consultation_on: '2027-06-01', topic: 'Оптика' },
      ],
    }));
    assertError(r, 422, r.body.error.code);
    assert.deepEqual(problems(r), [
      'consultation_outside_period:rows[0].consultation_on',
      'consultation_outside_period:rows[2].consultation_on',
      'dangling_reference:rows[1].subject_id',
      'wrong_school:rows[2].teacher_id',
    ]);
    assert.equal(r.body.error.details.find((d) => d.code === 'consultation_outside_period').rule, 'EXT-13');
    assert.equal((await get('deputy_academic', plan())).years[0].plan, null);
    assertError(await as('director', 'PUT', plan(), { academic_year_id: year.id, rows: [] }), 403, 'forbidden');
  });

  test('the deputy writes it; the director approves it by order; then it is fixed', async () => {
    const rows = [
      { subject_id: subjects[0], teacher_id: teacherStaff, consultation_on: '2027-01-18', topic: 'Функциялар' },
      { subject_id: subjects[0], consultation_on: '2027-02-01', topic: 'Туынды' },
      { subject_id: subjects[0], consultation_on: '2027-02-15', topic: 'Интеграл' },
      { subject_id: subjects[1], consultation_on: '2027-01-25', topic: 'Кинематика', note: 'Zoom' },
      { subject_id: subjects[1], consultation_on: '2027-02-08', topic: 'Динамика' },
      { subject_id: subjects[1], consultation_on: '2027-02-22', topic: 'Энергия' },
    ];
    const r = await auditGrows(1, () => as('deputy_academic', 'PUT', plan(), { academic_year_id: year.id, rows }));
    assert.equal(r.status, 200, r.text);
    const p = r.body.years[0].plan;
    assert.equal(p.rows.length, 6);
    assert.equal(p.rows[0].teacher.id, teacherStaff);
    assert.equal(p.rows[3].note, 'Zoom');
    assert.equal(p.order, null);
    // not approved yet: nothing to mark
    assertError(await as('deputy_academic', 'PATCH', `/api/v1/plan-rows/${p.rows[0].id}`, { work_sent_on: '2027-01-18' }), 422, 'plan_not_approved');
    assertError(await as('deputy_academic', 'POST', `${plan()}/approve`, { academic_year_id: year.id, number: '51-Ө', date: TODAY }), 403, 'forbidden');
    assertError(await as('director', 'POST', `${plan()}/approve`, { academic_year_id: year.id, number: '51-Ө', date: '2027-03-02' }), 422, 'date_in_future');
    const ok = await auditGrows(1, () => as('director', 'POST', `${plan()}/approve`, { academic_year_id: year.id, number: '51-Ө', date: TODAY }));
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual(ok.body.years[0].plan.order, { number: '51-Ө', date: TODAY });
    // the order meets EXT-13's deadline, and the schedule's e-mail is queued with its PDF
    const c = (await get('deputy_academic', `/api/v1/students/${student.id}/movements`)).cases.find((x) => x.id === caseId);
    const schedule = c.deadlines.find((d) => d.code === 'consultation_schedule');
    assert.deepEqual([schedule.rule, schedule.done_on], ['EXT-13', TODAY]);
    assert.ok(c.deadlines.some((d) => d.code === 'schedule_email' && d.done_on === null), 'the e-mail is due next');
    const mail = (await get('director', '/api/v1/outbox')).items.find((m) => m.case_id === caseId && m.purpose === 'consultation_schedule');
    assert.ok(mail, 'queued');
    assert.ok(mail.attachments.some((a) => a.mime_type === 'application/pdf'), 'with the schedule as PDF');
    assertError(await as('deputy_academic', 'PUT', plan(), { academic_year_id: year.id, rows }), 422, 'plan_approved');
    assertError(await as('director', 'POST', `${plan()}/approve`, { academic_year_id: year.id, number: '52-Ө', date: TODAY }), 422, 'plan_approved');
  });

  test('works sent and received (EXT-15): the row’s teacher and the deputy mark them; a quarter is done with three per subject', async () => {
    const rows = (await get('deputy_academic', plan())).years[0].plan.rows;
    const row = (i) => `/api/v1/plan-rows/${rows[i].id}`;
    // the teacher of row 0 may mark it, not row 1
    const mine = await auditGrows(1, () => as('teacher', 'PATCH', row(0), { work_sent_on: '2027-01-18', work_received_on: '2027-01-25' }));
    assert.equal(mine.status, 200, mine.text);
    assert.equal(mine.body.work_received_on, '2027-01-25');
    assertError(await as('teacher', 'PATCH', row(1), { work_sent_on: '2027-02-01' }), 403, 'forbidden');
    assertError(await as('parent', 'PATCH', row(1), { work_sent_on: '2027-02-01' }), 403, 'forbidden');
    // received before sent, and after today: every problem, nothing written
    const bad = await auditGrows(0, () => as('deputy_academic', 'PATCH', row(1), { work_sent_on: '2027-03-02', work_received_on: '2027-02-20' }));
    assertError(bad, 422, bad.body.error.code);
    assert.deepEqual(problems(bad), ['date_in_future:work_sent_on', 'work_received_before_sent:work_received_on']);
    assert.equal(bad.body.error.details[0].rule, 'EXT-15');
    for (const [i, sent, back] of [[1, '2027-02-01', '2027-02-08'], [2, '2027-02-15', '2027-02-22'], [3, '2027-01-25', '2027-02-01']]) {
      const r = await as('deputy_academic', 'PATCH', row(i), { work_sent_on: sent, work_received_on: back });
      assert.equal(r.status, 200, r.text);
    }
    const q = (await get('deputy_academic', plan())).years[0].quarters.find((x) => x.starts_on <= '2027-02-01' && x.ends_on >= '2027-02-01');
    assert.ok(q, 'the quarter of February');
    assert.equal(q.subjects, 2);
    assert.equal(q.complete, 1, 'the first subject has its three, the second one work');
    assert.equal(q.done_on, null);
    assert.equal(q.state, 'pending');
    // the case's deadlines list the quarter's works (EXT-15), not yet done
    const works = async () => (await get('deputy_academic', `/api/v1/students/${student.id}/movements`)).cases
      .find((c) => c.id === caseId).deadlines.filter((d) => d.code === 'quarter_works');
    const before = await works();
    assert.ok(before.length >= 1 && before.every((d) => d.rule === 'EXT-15'));
    const dq = before.find((d) => d.due === q.ends_on);
    assert.ok(dq, 'the February quarter is due on its last day');
    assert.equal(dq.done_on, null);
    // the second subject's other two works come back: the quarter is done on the last of them
    for (const [i, sent, back] of [[4, '2027-02-08', '2027-02-15'], [5, '2027-02-22', '2027-02-26']]) {
      const r = await as('deputy_academic', 'PATCH', row(i), { work_sent_on: sent, work_received_on: back });
      assert.equal(r.status, 200, r.text);
    }
    const q2 = (await get('deputy_academic', plan())).years[0].quarters.find((x) => x.n === q.n);
    assert.deepEqual([q2.complete, q2.done_on, q2.state], [2, '2027-02-26', 'done']);
    const after = (await works()).find((d) => d.due === q.ends_on);
    assert.deepEqual([after.done_on, after.state], ['2027-02-26', 'done']);
    // the teacher's list: the externship they teach in, with the works still to come back
    const mine2 = (await get('teacher', '/api/v1/me/externships')).items.find((x) => x.case_id === caseId);
    assert.ok(mine2, 'the teacher follows the externship they teach in');
    assert.equal(mine2.student.id, student.id);
    assert.deepEqual([mine2.starts_on, mine2.ends_on, mine2.plan_approved, mine2.works_to_mark], ['2027-01-11', '2027-05-25', true, 0]);
    const other = (await get('teacher', '/api/v1/me/externships')).items.length;
    assertError(await as('parent', 'GET', '/api/v1/me/externships'), 403, 'forbidden');
    assert.ok(other >= 1);
    // a note alone keeps the dates
    const noted = await as('deputy_academic', 'PATCH', row(3), { note: 'Почтамен' });
    assert.equal(noted.body.work_received_on, '2027-02-01');
    assert.equal(noted.body.note, 'Почтамен');
  });

  test('the family reads it; another parent and another school do not', async () => {
    assertError(await as('parent', 'GET', plan()), 403, 'forbidden');
    const parent = await get('parent', '/api/v1/me');
    const link = await as('deputy_academic', 'POST', `/api/v1/students/${student.id}/representatives`, { person_id: parent.user.person_id, relation: 'mother' });
    assert.equal(link.status, 201, link.text);
    const seen = await get('parent', plan());
    assert.equal(seen.years[0].plan.rows.length, 6);
    assert.deepEqual(seen.may, { edit: false, approve: false, mark: false });
    assertError(await as('director2', 'GET', plan()), 403, 'forbidden');
    assertError(await as('deputy_academic', 'GET', plan(999999)), 404, 'not_found');
  });
});
