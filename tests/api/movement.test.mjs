// The students' movement book (issue 7): a legal representative files an externship for
// a grade-8 child; the academic deputy checks the documents; the council's decision is
// recorded; the director signs the order, which changes the student's status and writes
// the movement book; the deadlines are computed in working days (CAL-7) across a
// weekend. Refusals are 422 with every rule's problem and write nothing (the audit log
// does not grow): grade 7 (EXT-1), a second externship (EXT-2), a missing document
// (EXT-4), a leave of 19 days (LV-3), an order before the decision (EXT-5), a return for
// a student who is not away (LV-8). Rights: another parent and a teacher get 403, and a
// parent's refusal does not reveal whether an id exists.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertError, auditOf, network, problems, startServer, rolesOf } from './server.mjs';

const TODAY = '2026-11-26'; // a Thursday
const srv = await startServer({ serveArgs: ['--today', TODAY] });
after(() => srv.stop());

const { as, get, auditGrows } = rolesOf(srv);
const applications = (id) => `/api/v1/students/${id}/applications`;
const step = (id, what) => `/api/v1/applications/${id}/${what}`;

/* Externship on ground 1 with everything A1§7 asks for. */
const externship = (extra = {}) => ({
  kind: 'externship',
  ground: 'student_admitted_abroad',
  starts_on: '2027-01-11',
  ends_on: '2027-05-25',
  documents: ['study_abroad_proof'],
  foreign_school: 'Harrow School',
  representative_mobile: '+77011234567',
  representative_email: 'ata-ana@example.kz',
  student_email: 'oqushy@example.kz',
  ...extra,
});

let net;
let child; // the parent's grade-8 child
let grade7; // a student of grade 7 of school 1
let other8; // another grade-8 student of school 1
let studying; // a studying student for the leave and the return
let strangerParent; // a parent user of a student of another class

const firstStudents = async (classId, n) =>
  (await get('deputy_academic', `/api/v1/classes/${classId}/students?limit=${n}`)).items;

before(async () => {
  net = await network(srv);
  const byGrade = (g) => net.classes1.filter((c) => c.grade === g);
  assert.ok(byGrade(8).length && byGrade(7).length, 'school 1 has grades 7 and 8');
  let me = await get('parent', '/api/v1/me');
  child = me.children.find((c) => c.school_id === net.school1 && c.grade === 8 && c.status === 'studying');
  if (!child) {
    const pick = (await firstStudents(byGrade(8)[0].id, 1))[0];
    const r = await as('deputy_academic', 'POST', `/api/v1/students/${pick.id}/representatives`, {
      person_id: me.user.person_id,
      relation: 'mother',
    });
    assert.equal(r.status, 201, r.text);
    me = await get('parent', '/api/v1/me');
    child = me.children.find((c) => c.id === pick.id);
  }
  assert.ok(child, "the parent's grade-8 child");
  const eights = (await firstStudents(byGrade(8).at(-1).id, 5)).filter((s) => s.id !== child.id);
  other8 = eights[0];
  studying = eights[1];
  grade7 = (await firstStudents(byGrade(7)[0].id, 1))[0];
  /* a parent of a student of another class, with a sign-in of their own */
  const someone = (await firstStudents(byGrade(7).at(-1).id, 3)).at(-1);
  const reps = await get('deputy_academic', `/api/v1/students/${someone.id}/representatives`);
  assert.ok(reps.items.length, 'the student has a representative');
  srv.cli(['user', 'add', '--login', 'parent_mv', '--password', PASSWORD, '--role', 'parent', '--school',
    net.director.school.code, '--person', String(reps.items[0].id)]);
  strangerParent = 'parent_mv';
});

describe('an externship from the application to the order (EXT-1..EXT-9, CAL-7)', () => {
  let caseId;

  test('the parent files it: 201 with the case, its status and its deadlines; audited', async () => {
    const r = await auditGrows(1, () => as('parent', 'POST', applications(child.id), externship()));
    assert.equal(r.status, 201, r.text);
    const c = r.body;
    caseId = c.id;
    assert.equal(c.kind, 'externship');
    assert.equal(c.status, 'filed');
    assert.equal(c.student_id, child.id);
    assert.equal(c.grade, 8);
    assert.equal(c.filed_on, TODAY);
    assert.deepEqual(c.documents, ['study_abroad_proof']);
    assert.equal(c.decision, null);
    assert.equal(c.order, null);
    assert.deepEqual(c.deadlines, [], 'nothing is due before the council decides');
    const entry = (await auditOf(srv, 'movement_case', caseId))[0];
    assert.equal(entry.action, 'file');
    assert.equal(entry.after.status, 'filed');
  });

  test('an order before the decision is refused (EXT-5), nothing written', async () => {
    const r = await auditGrows(0, () => as('director', 'POST', step(caseId, 'order'),
      { number: '45-Ө', date: TODAY, starts_on: '2027-01-11', ends_on: '2027-05-25' }));
    const e = assertError(r, 422, 'order_before_decision');
    assert.equal(e.rule, 'EXT-5');
    assert.equal(e.field, 'status');
  });

  test('a teacher and the other school cannot take the steps', async () => {
    assertError(await as('teacher', 'POST', step(caseId, 'documents-checked'), {}), 403, 'forbidden');
    assertError(await as('director2', 'POST', step(caseId, 'decision'),
      { date: TODAY, protocol_number: '7', approved: true, council: 'pedagogical' }), 403, 'forbidden');
  });

  test('the deputy checks the documents; twice is refused', async () => {
    const r = await auditGrows(1, () => as('deputy_academic', 'POST', step(caseId, 'documents-checked'), {}));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'documents_checked');
    assert.equal(r.body.documents_checked_on, TODAY);
    const again = await auditGrows(0, () => as('deputy_academic', 'POST', step(caseId, 'documents-checked'), {}));
    assertError(again, 422, 'documents_already_checked');
  });

  test("the council's decision: the order is due 3 working days later, across the weekend", async () => {
    const future = await as('deputy_academic', 'POST', step(caseId, 'decision'),
      { date: '2026-11-27', protocol_number: '7', approved: true, council: 'pedagogical' });
    assertError(future, 422, 'date_in_future');
    const r = await auditGrows(1, () => as('deputy_academic', 'POST', step(caseId, 'decision'),
      { date: TODAY, protocol_number: '7', approved: true, council: 'pedagogical' }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'approved');
    assert.deepEqual(r.body.decision, { date: TODAY, protocol_number: '7', approved: true, council: 'pedagogical' });
    /* Thursday 26 November → Friday 27, (weekend), Monday 30 November, Tuesday 1 December */
    const order = r.body.deadlines.find((d) => d.code === 'order');
    assert.ok(order, r.text);
    assert.equal(order.rule, 'EXT-5');
    assert.equal(order.actor, 'director');
    assert.equal(order.role, 'director');
    assert.equal(order.counts_from, 'council_decision');
    assert.equal(order.from, TODAY);
    assert.equal(order.working_days, 3);
    assert.equal(order.due, '2026-12-01');
    assert.equal(order.state, 'pending');
    const cal = await get('director', `/api/v1/calendar/add-working-days?from=${TODAY}&days=3`);
    assert.equal(cal.date, order.due, 'the same count as CAL-7');
  });

  test("the school's deadlines list it for the director, by whom and by when", async () => {
    const d = await get('director', `/api/v1/schools/${net.school1}/deadlines`);
    assert.equal(d.today, TODAY);
    const mine = d.items.filter((x) => x.case_id === caseId);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].code, 'order');
    assert.equal(mine[0].due, '2026-12-01');
    assert.equal(mine[0].student.id, child.id);
    /* the cases not done yet, for the pages (a filed case has no deadline yet) */
    assert.deepEqual(d.cases.find((x) => x.id === caseId), { id: caseId, kind: 'externship', status: 'approved', filed_on: TODAY, student: mine[0].student });
    const ranks = d.items.map((x) => (x.state === 'overdue' ? 0 : 1));
    assert.deepEqual(ranks, [...ranks].sort(), 'overdue first');
    assertError(await as('director', 'GET', `/api/v1/schools/${net.school1}/deadlines?today=2027-01-01`), 400, 'bad_query');
    assertError(await as('director2', 'GET', `/api/v1/schools/${net.school1}/deadlines`), 403, 'forbidden');
    assertError(await as('parent', 'GET', `/api/v1/schools/${net.school1}/deadlines`), 403, 'forbidden');
  });

  test('the director signs the order: the movement book shows it; the status changes on its first day', async () => {
    assertError(await as('deputy_academic', 'POST', step(caseId, 'order'),
      { number: '45-Ө', date: TODAY, starts_on: '2027-01-11', ends_on: '2027-05-25' }), 403, 'forbidden');
    const r = await auditGrows(2, () => as('director', 'POST', step(caseId, 'order'),
      { number: '45-Ө', date: TODAY, starts_on: '2027-01-11', ends_on: '2027-05-25' }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'done');
    assert.deepEqual(r.body.order, { number: '45-Ө', date: TODAY, starts_on: '2027-01-11', ends_on: '2027-05-25' });
    /* the externship starts on 11 January: until then the student studies (lists,
     * counts); the day's catch-up of `serve` changes it then (test_store.c) */
    const student = await get('director', `/api/v1/students/${child.id}`);
    assert.equal(student.status, 'studying');
    const audit = (await auditOf(srv, 'student', child.id))[0];
    assert.equal(audit.action, 'status');
    assert.deepEqual([audit.before.status, audit.after.status], ['studying', 'externship']);

    const book = await get('parent', `/api/v1/students/${child.id}/movements`);
    assert.equal(book.student.status, 'studying');
    assert.equal(book.items.length, 2);
    const [was, now] = book.items;
    assert.equal(was.status, 'studying');
    assert.equal(was.ends_on, '2027-01-10');
    assert.equal(was.order, null);
    assert.equal(now.status, 'externship');
    assert.equal(now.starts_on, '2027-01-11');
    assert.equal(now.ends_on, null);
    assert.equal(now.planned_ends_on, '2027-05-25');
    assert.equal(now.case_id, caseId);
    assert.deepEqual(now.order, { number: '45-Ө', date: TODAY });
    /* after the order: its copy to the contingent unit (EXT-9) and the list of subjects (EXT-6) */
    const c = book.cases.find((x) => x.id === caseId);
    /* who took each step, for the pages */
    assert.deepEqual(Object.values(c.actors).map((a) => a.role), ['parent', 'deputy_academic', 'deputy_academic', 'director']);
    const order = c.deadlines.find((d) => d.code === 'order');
    assert.equal(order.state, 'done');
    const copy = c.deadlines.find((d) => d.code === 'contingent_copy');
    assert.equal(copy.rule, 'EXT-9');
    assert.equal(copy.due, '2026-12-01');
    assert.ok(c.deadlines.some((d) => d.code === 'subject_list' && d.rule === 'EXT-6'));
    const staff = await get('teacher', `/api/v1/students/${child.id}/movements`);
    assert.equal(staff.items.length, 2, 'staff of the school read the book');
  });

  test('a second order on the case is refused', async () => {
    const r = await auditGrows(0, () => as('director', 'POST', step(caseId, 'order'),
      { number: '46-Ө', date: TODAY, starts_on: '2027-01-11', ends_on: '2027-05-25' }));
    assertError(r, 422, 'case_closed');
  });
});

describe('refusals: 422 with every rule, nothing written', () => {
  test('grade 7 (EXT-1)', async () => {
    const r = await auditGrows(0, () => as('deputy_academic', 'POST', applications(grade7.id), externship()));
    const e = assertError(r, 422, 'externship_grade_not_allowed');
    assert.equal(e.rule, 'EXT-1');
    assert.equal(e.field, 'grade');
    const book = await get('deputy_academic', `/api/v1/students/${grade7.id}/movements`);
    assert.deepEqual([book.items, book.cases], [[], []], 'no case, no book');
  });

  test('every problem at once: grade 7, no ground, no documents, no contacts', async () => {
    const r = await auditGrows(0, () => as('deputy_academic', 'POST', applications(grade7.id), {
      kind: 'externship', starts_on: '2027-01-11', ends_on: '2027-05-25', documents: [],
    }));
    assertError(r, 422);
    assert.deepEqual(problems(r), [
      'contact_missing:representative_email',
      'contact_missing:representative_mobile',
      'contact_missing:student_email',
      'document_missing:documents.study_abroad_proof',
      'externship_grade_not_allowed:grade',
      'externship_ground_missing:ground',
      'foreign_school_missing:foreign_school',
    ]);
    for (const d of r.body.error.details) assert.match(d.rule, /^EXT-[134]$/);
  });

  test('a second externship (EXT-2)', async () => {
    const r = await auditGrows(0, () => as('parent', 'POST', applications(child.id),
      externship({ starts_on: '2027-06-01', ends_on: '2027-08-20' })));
    /* the running externship is the one granted: core counts it once, by the status */
    const e = assertError(r, 422, 'student_on_externship');
    assert.equal(e.rule, 'EXT-2');
    assert.equal(e.field, 'status');
    assert.equal(r.body.error.details.length, 1);
    const book = await get('parent', `/api/v1/students/${child.id}/movements`);
    assert.equal(book.cases.length, 1, 'no second case');
  });

  test('a missing document (EXT-4), named in the three languages', async () => {
    const body = externship({ ground: 'representative_posted_abroad' });
    const r = await auditGrows(0, () => as('deputy_academic', 'POST', applications(other8.id), body));
    const e = assertError(r, 422, 'document_missing');
    assert.equal(e.rule, 'EXT-4');
    assert.equal(e.field, 'documents.posting_abroad_proof');
    assert.equal(r.body.error.details.length, 1);
    const msgs = {};
    for (const lang of ['kk', 'ru', 'en']) {
      const x = await srv.api('POST', applications(other8.id), { token: await srv.login('deputy_academic'), body, lang });
      msgs[lang] = x.body.error.message;
    }
    assert.match(msgs.en, /document is missing/);
    assert.match(msgs.ru, /документ/);
    assert.notEqual(msgs.kk, msgs.ru);
  });

  test('a leave of 19 days (LV-3); 20 days is filed', async () => {
    const leave = (ends) => ({ kind: 'academic_leave', starts_on: '2026-12-01', ends_on: ends, documents: ['vkk_conclusion'] });
    const r = await auditGrows(0, () => as('deputy_academic', 'POST', applications(studying.id), leave('2026-12-19')));
    const e = assertError(r, 422, 'leave_too_short');
    assert.equal(e.rule, 'LV-3');
    assert.equal(e.field, 'ends_on');
    const ok = await auditGrows(1, () => as('deputy_academic', 'POST', applications(studying.id), leave('2026-12-20')));
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.body.ground, 'medical');
  });

  test('a leave registered from paper: its order overdue, listed first (LV-4, across a weekend)', async () => {
    /* filed on Monday 16 November, checked on the 17th, decided on Wednesday 18th: the
     * order was due Thursday 19, Friday 20, (weekend), Monday 23 November */
    const r = await as('deputy_academic', 'POST', applications(other8.id), {
      kind: 'academic_leave', starts_on: '2026-11-30', ends_on: '2027-01-29', documents: ['specialised_conclusion'],
      filed_on: '2026-11-16',
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.filed_on, '2026-11-16');
    const id = r.body.id;
    const early = await as('deputy_academic', 'POST', step(id, 'documents-checked'), { date: '2026-11-13' });
    assertError(early, 422, 'date_before_previous_step');
    assert.equal(early.body.error.field, 'date');
    assert.equal((await as('deputy_academic', 'POST', step(id, 'documents-checked'), { date: '2026-11-17' })).status, 200);
    const d = await as('director', 'POST', step(id, 'decision'),
      { date: '2026-11-18', protocol_number: 'К-3', approved: true, council: 'small' });
    assert.equal(d.status, 200, d.text);
    const order = d.body.deadlines.find((x) => x.code === 'order');
    assert.deepEqual([order.rule, order.due, order.state], ['LV-4', '2026-11-23', 'overdue']);
    const list = await get('deputy_academic', `/api/v1/schools/${net.school1}/deadlines`);
    assert.equal(list.items[0].case_id, id, 'overdue first');
    assert.equal(list.items[0].state, 'overdue');
    assert.ok(list.items.slice(1).every((x) => x.state === 'pending' || x.state === 'overdue'));
    const dues = list.items.filter((x) => x.state === 'pending').map((x) => x.due);
    assert.deepEqual(dues, [...dues].sort(), 'then by due day');
    /* a parent's own application is filed today */
    const mine = await as('parent', 'POST', applications(child.id),
      { kind: 'externship_return', returns_on: '2027-03-01', documents: ['foreign_transcript'], filed_on: '2026-11-20' });
    assertError(mine, 422, 'filed_on_staff_only');
  });

  test('a return for a student who is not away (LV-8, EXT-11)', async () => {
    const leaveBack = await auditGrows(0, () => as('deputy_academic', 'POST', applications(other8.id),
      { kind: 'leave_return', returns_on: '2026-12-01', documents: ['health_certificate'] }));
    const e = assertError(leaveBack, 422, 'student_not_on_leave');
    assert.equal(e.rule, 'LV-8');
    const extBack = await auditGrows(0, () => as('deputy_academic', 'POST', applications(other8.id),
      { kind: 'externship_return', returns_on: '2026-12-01', documents: ['foreign_transcript'] }));
    assert.equal(assertError(extBack, 422, 'student_not_on_externship').rule, 'EXT-11');
  });

  test('fields are validated before the rules', async () => {
    const r = await as('deputy_academic', 'POST', applications(other8.id), { kind: 'holiday', documents: ['passport'] });
    assert.deepEqual(problems(r), ['bad_enum:documents', 'bad_enum:kind']);
    const noDates = await as('deputy_academic', 'POST', applications(other8.id), { kind: 'academic_leave' });
    assert.deepEqual(problems(noDates), ['missing_field:ends_on', 'missing_field:starts_on']);
  });
});

describe('rights', () => {
  test('another parent: 403 to file or read, the same whether or not the id exists', async () => {
    assertError(await as(strangerParent, 'POST', applications(child.id), externship()), 403, 'forbidden');
    assertError(await as(strangerParent, 'POST', applications(987654321), externship()), 403, 'forbidden');
    const a = await as(strangerParent, 'GET', `/api/v1/students/${child.id}/movements`);
    const b = await as(strangerParent, 'GET', '/api/v1/students/987654321/movements');
    assertError(a, 403, 'forbidden');
    assertError(b, 403, 'forbidden');
    assert.equal(a.text, b.text);
  });

  test('a teacher cannot file; staff of another school cannot read', async () => {
    assertError(await as('teacher', 'POST', applications(other8.id), externship()), 403, 'forbidden');
    assertError(await as('director2', 'POST', applications(other8.id), externship()), 403, 'forbidden');
    assertError(await as('director2', 'GET', `/api/v1/students/${child.id}/movements`), 403, 'forbidden');
    assertError(await as('director', 'GET', '/api/v1/students/987654321/movements'), 404, 'not_found');
  });
});

describe('an early return from externship (EXT-11: documents, then the order, no council)', () => {
  test('the parent files it, the deputy checks, the director orders: the book has three statuses', async () => {
    const body = { kind: 'externship_return', returns_on: '2027-03-01', documents: ['foreign_transcript'] };
    const missing = await auditGrows(0, () => as('parent', 'POST', applications(child.id), { ...body, documents: [] }));
    const e = assertError(missing, 422, 'document_missing');
    assert.deepEqual([e.rule, e.field], ['EXT-11', 'documents.foreign_transcript']);
    const r = await auditGrows(1, () => as('parent', 'POST', applications(child.id), body));
    assert.equal(r.status, 201, r.text);
    const id = r.body.id;
    /* A1§12: the order counts from the application itself */
    const due = r.body.deadlines.find((x) => x.code === 'order');
    assert.deepEqual([due.rule, due.counts_from, due.due], ['EXT-11', 'application', '2026-12-01']);
    assert.equal((await as('deputy_academic', 'POST', step(id, 'documents-checked'), {})).status, 200);
    /* the externship has not begun: a return from its first day would end it before it starts */
    const early = await auditGrows(0, () => as('director', 'POST', step(id, 'order'), { number: '51-Ө', date: TODAY, starts_on: '2027-01-11' }));
    const p = assertError(early, 422, 'order_before_ordered');
    assert.equal(p.field, 'starts_on');
    assert.deepEqual(p.figures, { ordered_from: '2027-01-11', status: 'externship' });
    assert.equal((await get('director', `/api/v1/students/${child.id}/movements`)).items.length, 2, 'nothing written');
    const o = await auditGrows(2, () => as('director', 'POST', step(id, 'order'), { number: '52-Ө', date: TODAY, starts_on: '2027-03-01' }));
    assert.equal(o.status, 200, o.text);
    assert.equal(o.body.status, 'done');
    assert.equal(o.body.order.ends_on, null);
    const book = await get('parent', `/api/v1/students/${child.id}/movements`);
    assert.equal(book.student.status, 'studying');
    assert.deepEqual(book.items.map((x) => [x.status, x.starts_on, x.ends_on]), [
      ['studying', book.items[0].starts_on, '2027-01-10'],
      ['externship', '2027-01-11', '2027-02-28'],
      ['studying', '2027-03-01', null],
    ]);
    assert.deepEqual(book.items[2].order, { number: '52-Ө', date: TODAY });
    /* a server started on 11 January brings the status to the book's row of that day
     * (serve's day's work, src/cli/serve_daily.c); back on TODAY, to TODAY's row */
    await srv.restart(['--today', '2027-01-11']);
    assert.equal((await get('director', `/api/v1/students/${child.id}`)).status, 'externship');
    await srv.restart(['--today', TODAY]);
    assert.equal((await get('director', `/api/v1/students/${child.id}`)).status, 'studying', 'the status is the book\'s row of the server\'s day');
    /* the externship was granted: a new one is refused for good (EXT-2) */
    const again = await as('parent', 'POST', applications(child.id), externship({ starts_on: '2027-09-01', ends_on: '2028-05-25' }));
    assert.equal(assertError(again, 422, 'externship_already_granted').rule, 'EXT-2');
  });
});

describe('withdrawing an application before the order', () => {
  test('the parent withdraws a leave application: closed, nothing due, no further step; after the order it cannot be', async () => {
    const leave = { kind: 'academic_leave', ground: 'medical', starts_on: '2027-01-11', ends_on: '2027-02-15', documents: ['vkk_conclusion'] };
    const me = await get('parent', '/api/v1/me');
    const filed = await as('deputy_academic', 'POST', applications(studying.id), leave);
    assert.equal(filed.status, 201, filed.text);
    const id = filed.body.id;
    /* a parent of another student, a teacher: 403; nothing written */
    assert.ok(!me.children.some((c) => c.id === studying.id));
    assertError(await auditGrows(0, () => as('parent', 'POST', step(id, 'withdraw'), {})), 403, 'forbidden');
    assertError(await as('teacher', 'POST', step(id, 'withdraw'), {}), 403, 'forbidden');
    assertError(await as('deputy_academic', 'POST', step(id, 'withdraw'), { date: '2026-11-27' }), 422, 'date_in_future');
    const w = await auditGrows(1, () => as('deputy_academic', 'POST', step(id, 'withdraw'), {}));
    assert.equal(w.status, 200, w.text);
    assert.deepEqual([w.body.status, w.body.done_on], ['withdrawn', TODAY]);
    assert.deepEqual(w.body.deadlines, [], 'nothing is due on a withdrawn case');
    assertError(await as('deputy_academic', 'POST', step(id, 'documents-checked'), {}), 422, 'case_closed');
    assertError(await as('deputy_academic', 'POST', step(id, 'withdraw'), {}), 422, 'case_closed');
    /* the parent's own child: an order exists, so no withdrawal */
    const ordered = (await get('parent', `/api/v1/students/${child.id}/movements`)).cases.find((c) => c.status === 'done');
    assertError(await as('parent', 'POST', step(ordered.id, 'withdraw'), {}), 422, 'case_closed');
  });
});
