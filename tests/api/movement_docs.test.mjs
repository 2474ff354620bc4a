// The movement book's documents as PDF files (issue 7): the application's form (A2 form 1
// for the parent's academic leave, A1 form 1 for an externship), the director's order once
// it is signed (409 before), the externship's consultation schedule (A1 form 3: rows to
// fill in, then the year the school recorded with its rows and approving order; 409 for
// another kind) and the monthly contingent report as PDF. Each is application/pdf with a
// file name, starts with %PDF- and carries the case's words in Kazakh or Russian, read
// back with pdftotext. Rights: the parent of the child and the school's staff read them;
// another parent, and the staff of another school, get 403.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertError, getPdf, network, startServer } from './server.mjs';

const TODAY = '2026-11-26';
const srv = await startServer({ serveArgs: ['--today', TODAY] });
after(() => srv.stop());

const as = async (role, method, p, body) => srv.api(method, p, { token: await srv.login(role), body });
const ok = async (role, method, p, body) => {
  const r = await as(role, method, p, body);
  assert.ok(r.status === 200 || r.status === 201, `${role} ${method} ${p}: ${r.text}`);
  return r.body;
};
const doc = (id, what, lang) => `/api/v1/applications/${id}/${what}.pdf${lang ? `?lang=${lang}` : ''}`;

/* GET as `role`: the headers, the text pdftotext reads from the PDF and its pages. */
async function pdf(role, p) {
  const { disposition, raw } = await getPdf(srv, role, p);
  return { disposition, text: raw.replace(/\s+/g, ' '), pages: (raw.match(/\f/g) || []).length };
}

let net;
let child; // the parent's child, on academic leave in this test
let childName;
let leaveId;
let externId;
let stranger; // a parent of a child in another class

before(async () => {
  net = await network(srv);
  child = net.parent.children.find((c) => c.school_id === net.school1 && c.status === 'studying');
  assert.ok(child, 'the parent has a studying child at school 1');
  const book = await ok('parent', 'GET', `/api/v1/students/${child.id}/movements`);
  childName = book.student.last_name;
  leaveId = (await ok('parent', 'POST', `/api/v1/students/${child.id}/applications`, {
    kind: 'academic_leave', starts_on: '2026-12-01', ends_on: '2027-01-15', documents: ['vkk_conclusion'] })).id;
  /* an externship filed from paper by the deputy for a grade-9 student */
  const nine = net.classes1.find((c) => c.grade === 9);
  const s = (await ok('deputy_academic', 'GET', `/api/v1/classes/${nine.id}/students?limit=1`)).items[0];
  externId = (await ok('deputy_academic', 'POST', `/api/v1/students/${s.id}/applications`, {
    kind: 'externship', ground: 'student_admitted_abroad', starts_on: '2027-01-11', ends_on: '2027-05-25',
    documents: ['study_abroad_proof'], foreign_school: 'Harrow School', representative_mobile: '+77011234567',
    representative_email: 'ata-ana@example.kz', student_email: 'oqushy@example.kz', filed_on: '2026-11-20' })).id;
  /* another child's parent, signing in */
  const other = net.classes1.find((c) => c.id !== child.class_id);
  const pick = (await ok('deputy_academic', 'GET', `/api/v1/classes/${other.id}/students?limit=1`)).items[0];
  const reps = await ok('deputy_academic', 'GET', `/api/v1/students/${pick.id}/representatives`);
  srv.cli(['user', 'add', '--login', 'parent_docs', '--password', PASSWORD, '--role', 'parent', '--school',
    net.director.school.code, '--person', String(reps.items[0].id)]);
  stranger = 'parent_docs';
});

describe('the application form', () => {
  test('the parent downloads A2 form 1 in Kazakh and in Russian, named after the case', async () => {
    const kk = await pdf('parent', doc(leaveId, 'form', 'kk'));
    assert.match(kk.disposition, new RegExp(`attachment; filename="application-${leaveId}-kk\\.pdf"`));
    assert.match(kk.text, /Өтініш/);
    assert.match(kk.text, /денсаулығына байланысты академиялық демалысты/);
    assert.match(kk.text, /01\.12\.2026 ж\. бастап 15\.01\.2027 ж\. дейін/);
    assert.ok(kk.text.includes(childName), `the child's name in: ${kk.text}`);
    const ru = await pdf('parent', doc(leaveId, 'form', 'ru'));
    assert.match(ru.disposition, /application-\d+-ru\.pdf/);
    assert.match(ru.text, /Заявление/);
    assert.match(ru.text, /академический отпуск по состоянию здоровья/);
    assert.match(ru.text, /врачебно-консультативной комиссии/);
  });

  test("the school's staff read it; another parent and another school get 403; no case is 404", async () => {
    await pdf('teacher', doc(leaveId, 'form'));
    await pdf('network_admin', doc(leaveId, 'form', 'ru'));
    assertError(await as(stranger, 'GET', doc(leaveId, 'form')), 403, 'forbidden');
    assertError(await as('director2', 'GET', doc(leaveId, 'form')), 403, 'forbidden');
    assertError(await as('director', 'GET', doc(999999, 'form')), 404, 'not_found');
    assertError(await as(stranger, 'GET', doc(999999, 'form')), 403, 'forbidden');
    assertError(await as('parent', 'GET', doc(leaveId, 'form', 'xx')), 400, 'bad_query');
  });

  test('A1 form 1 for an externship names the foreign school and the contacts', async () => {
    const f = await pdf('director', doc(externId, 'form', 'kk'));
    assert.match(f.text, /экстернат түріне оқуға ауыстыруыңызды сұраймын/);
    assert.match(f.text, /Harrow School/);
    assert.match(f.text, /\+77011234567/);
    assert.match(f.text, /шетелдік оқу орнынан шақыру/);
  });
});

describe("the director's order", () => {
  test('409 until the order is signed, for everyone who may read the case', async () => {
    assertError(await as('parent', 'GET', doc(leaveId, 'order')), 409, 'order_missing');
    assertError(await as('director', 'GET', doc(leaveId, 'order')), 409, 'order_missing');
    assertError(await as(stranger, 'GET', doc(leaveId, 'order')), 403, 'forbidden');
  });

  test('once ordered: number, date, period, the council and its protocol (LV-4)', async () => {
    await ok('deputy_academic', 'POST', `/api/v1/applications/${leaveId}/documents-checked`, {});
    await ok('director', 'POST', `/api/v1/applications/${leaveId}/decision`,
      { date: TODAY, protocol_number: 'К-9', approved: true, council: 'small' });
    await ok('director', 'POST', `/api/v1/applications/${leaveId}/order`,
      { number: 'Б-33', date: TODAY, starts_on: '2026-12-01', ends_on: '2027-01-15' });
    const kk = await pdf('parent', doc(leaveId, 'order', 'kk'));
    assert.match(kk.disposition, new RegExp(`order-${leaveId}-kk\\.pdf`));
    assert.equal(kk.pages, 1);
    assert.match(kk.text, /БҰЙРЫҚ/);
    assert.match(kk.text, /26\.11\.2026 ж\. № Б-33/);
    assert.match(kk.text, /Шағын педагогикалық кеңестің 26\.11\.2026 ж\. № К-9 хаттамасымен/);
    assert.match(kk.text, /01\.12\.2026 ж\. бастап 15\.01\.2027 ж\. дейін академиялық демалыс берілсін/);
    assert.ok(kk.text.includes(childName));
    const ru = await pdf('director', doc(leaveId, 'order', 'ru'));
    assert.match(ru.text, /ПРИКАЗ/);
    assert.match(ru.text, /Малого педагогического совета \(протокол от 26\.11\.2026 № К-9\)/);
    assertError(await as(stranger, 'GET', doc(leaveId, 'order')), 403, 'forbidden');
  });
});

describe('the consultation schedule (A1 form 3)', () => {
  test("an externship's schedule with rows to fill in; another kind is 409", async () => {
    const s = await pdf('deputy_academic', doc(externId, 'schedule', 'ru'));
    assert.match(s.text, /Индивидуальный график дистанционных консультаций/);
    assert.match(s.text, /Дата отправки суммативной работы/);
    assert.match(s.text, /Куратор/);
    assert.match(s.text, / 12\. /, 'numbered rows to fill in');
    assertError(await as('director', 'GET', doc(leaveId, 'schedule')), 409, 'not_externship');
    assertError(await as(stranger, 'GET', doc(externId, 'schedule')), 403, 'forbidden');
    assertError(await as('director2', 'GET', doc(externId, 'schedule')), 403, 'forbidden');
  });

  test('once the school records and approves it: its year, its order and its rows', async () => {
    await ok('deputy_academic', 'POST', `/api/v1/applications/${externId}/documents-checked`, {});
    await ok('director', 'POST', `/api/v1/applications/${externId}/decision`,
      { date: TODAY, protocol_number: '5', approved: true, council: 'pedagogical' });
    await ok('director', 'POST', `/api/v1/applications/${externId}/order`,
      { number: '61-Ө', date: TODAY, starts_on: '2027-01-11', ends_on: '2027-05-25' });
    const plan = `/api/v1/applications/${externId}/plan`;
    const year = (await ok('deputy_academic', 'GET', plan)).years[0];
    const subject = (await ok('deputy_academic', 'GET', '/api/v1/subjects?limit=1')).items[0];
    await ok('deputy_academic', 'PUT', plan, { academic_year_id: year.id, rows: [
      { subject_id: subject.id, consultation_on: '2027-01-18', topic: 'Функциялар', note: 'Zoom' },
      { subject_id: subject.id, consultation_on: '2027-02-01', topic: 'Туынды' }] });
    let s = await pdf('director', doc(externId, 'schedule', 'kk'));
    assert.ok(s.text.includes(`Оқу жылы: ${year.name}`), s.text);
    assert.match(s.text, /Жоба: директордың бұйрығымен әлі бекітілмеген/);
    assert.match(s.text, /Функциялар 18\.01\.2027|18\.01\.2027 Функциялар/);
    assert.match(s.text, /Туынды/);
    assert.ok(s.text.includes(subject.name.kk), `the subject ${subject.name.kk}`);
    await ok('director', 'POST', `${plan}/approve`, { academic_year_id: year.id, number: '62-Ө', date: TODAY });
    s = await pdf('deputy_academic', doc(externId, 'schedule', 'ru'));
    assert.match(s.text, /Утверждён приказом директора от 26\.11\.2026 № 62-Ө/);
    assert.ok(s.text.includes(subject.name.ru));
    assert.doesNotMatch(s.text, / 3\. /, 'the recorded rows only');
  });
});

describe('the contingent report as PDF', () => {
  test("the school's month with the student on leave and the order", async () => {
    const r = await pdf('director', `/api/v1/reports/contingent?school=${net.school1}&month=2026-12&format=pdf&lang=kk`);
    assert.match(r.disposition, /contingent-2026-12\.pdf/);
    assert.match(r.text, /Оқушылар контингенті: 01\.12\.2026 – 31\.12\.2026/);
    assert.match(r.text, /Академиялық демалыс/);
    assert.ok(r.text.includes(childName));
    assert.match(r.text, /Б-33/);
    assertError(await as('parent', 'GET', '/api/v1/reports/contingent?format=pdf'), 403, 'forbidden');
  });
});
