// The monthly contingent report (issue 7; EXT-9, LV-6, EXT-10, LV-7): the students of a
// school by grade, language and funding with totals that agree with the school's list;
// a student sent on academic leave by an order appears in the month's leave list with
// the order; the network for the contingent unit; XLSX; rights.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, network, startServer, rolesOf } from './server.mjs';

const srv = await startServer({ serveArgs: ['--today', '2026-11-26'] });
after(() => srv.stop());

const { as, get } = rolesOf(srv);

let net;
let away; // a student of school 1 sent on academic leave by an order in the test

before(async () => {
  net = await network(srv);
  const cls = net.classes1.find((c) => c.grade === 9) || net.classes1[0];
  const list = await get('director', `/api/v1/classes/${cls.id}/students?limit=100`);
  away = list.items[list.items.length - 1];
  const step = (id, what) => `/api/v1/applications/${id}/${what}`;
  const filed = await as('deputy_academic', 'POST', `/api/v1/students/${away.id}/applications`, {
    kind: 'academic_leave', starts_on: '2026-11-23', ends_on: '2027-01-15', documents: ['vkk_conclusion'],
    filed_on: '2026-11-16' });
  assert.equal(filed.status, 201, filed.text);
  const id = filed.body.id;
  assert.equal((await as('deputy_academic', 'POST', step(id, 'documents-checked'), { date: '2026-11-17' })).status, 200);
  assert.equal((await as('director', 'POST', step(id, 'decision'),
    { date: '2026-11-18', protocol_number: 'К-4', approved: true, council: 'small' })).status, 200);
  const o = await as('director', 'POST', step(id, 'order'),
    { number: 'Б-21', date: '2026-11-19', starts_on: '2026-11-23', ends_on: '2027-01-15' });
  assert.equal(o.status, 200, o.text);
});

describe('the contingent report', () => {
  test("a school's month: counts with totals that agree with its students; the leave with its order", async () => {
    const r = await get('director', `/api/v1/reports/contingent?school=${net.school1}&month=2026-11`);
    assert.equal(r.from, '2026-11-01');
    assert.equal(r.to, '2026-11-30');
    assert.equal(r.schools.length, 1);
    const s = r.schools[0];
    assert.equal(s.id, net.school1);
    const sum = (k) => s.counts.reduce((a, c) => a + c[k], 0);
    assert.equal(s.totals.studying, sum('studying'));
    assert.equal(s.totals.academic_leave, sum('academic_leave'));
    assert.ok(s.totals.academic_leave >= 1);
    const students = await get('director', `/api/v1/schools/${net.school1}/students?limit=1`);
    assert.equal(s.totals.students, students.total, 'every student of the school counted once');
    for (const c of s.counts) {
      assert.ok(['kk', 'ru'].includes(c.language));
      assert.ok(['orken', 'state_order', 'paid'].includes(c.funding));
    }
    const row = s.academic_leave.find((a) => a.student_id === away.id);
    assert.ok(row, 'the student on leave is listed (LV-6)');
    assert.deepEqual([row.starts_on, row.planned_ends_on, row.order_number, row.ordered_on],
      ['2026-11-23', '2027-01-15', 'Б-21', '2026-11-19']);
    const october = await get('director', `/api/v1/reports/contingent?school=${net.school1}&month=2026-10`);
    assert.equal(october.schools[0].academic_leave.find((a) => a.student_id === away.id), undefined,
      'not in a month before the leave');
  });

  test('the counts follow the status on the month\'s last day: an externship ordered now for January counts from January', async () => {
    const eight = net.classes1.filter((c) => c.grade === 8).at(-1);
    const student = (await get('director', `/api/v1/classes/${eight.id}/students?limit=100`)).items.at(-2);
    const step = (id, what) => `/api/v1/applications/${id}/${what}`;
    const filed = await as('deputy_academic', 'POST', `/api/v1/students/${student.id}/applications`, {
      kind: 'externship', ground: 'student_admitted_abroad', starts_on: '2027-01-11', ends_on: '2027-05-25',
      documents: ['study_abroad_proof'], foreign_school: 'Harrow School', representative_mobile: '+77011234567',
      representative_email: 'ata-ana@example.kz', student_email: 'oqushy@example.kz' });
    assert.equal(filed.status, 201, filed.text);
    const id = filed.body.id;
    const totals = async (month) => (await get('director', `/api/v1/reports/contingent?school=${net.school1}&month=${month}`)).schools[0].totals;
    const [novBefore, janBefore] = [await totals('2026-11'), await totals('2027-01')];
    assert.equal((await as('deputy_academic', 'POST', step(id, 'documents-checked'), {})).status, 200);
    assert.equal((await as('director', 'POST', step(id, 'decision'), { date: '2026-11-26', protocol_number: '8', approved: true, council: 'pedagogical' })).status, 200);
    const o = await as('director', 'POST', step(id, 'order'), { number: 'Э-9', date: '2026-11-26', starts_on: '2027-01-11', ends_on: '2027-05-25' });
    assert.equal(o.status, 200, o.text);
    const [nov, jan] = [await totals('2026-11'), await totals('2027-01')];
    assert.deepEqual([nov.studying, nov.externship], [novBefore.studying, novBefore.externship], 'November: still studying');
    assert.deepEqual([jan.studying, jan.externship], [janBefore.studying - 1, janBefore.externship + 1], 'January: on externship');
    assert.equal(nov.students, novBefore.students);
  });

  test('the network for the contingent unit; XLSX in the reader\'s language', async () => {
    const r = await get('contingent_unit', '/api/v1/reports/contingent?month=2026-11');
    assert.deepEqual(r.schools.map((s) => s.id).sort(), [net.school1, net.school2].sort());
    const x = await srv.api('GET', '/api/v1/reports/contingent?month=2026-11&format=xlsx&lang=ru',
      { token: await srv.login('contingent_unit') });
    assert.equal(x.status, 200);
    assert.match(x.headers.get('content-type'), /spreadsheetml/);
    assert.match(x.headers.get('content-disposition'), /contingent\.xlsx/);
    assert.ok(x.text.startsWith('PK'), 'a ZIP (xlsx) file');
  });

  test('rights and queries', async () => {
    assertError(await as('teacher', 'GET', `/api/v1/reports/contingent?school=${net.school1}`), 403, 'forbidden');
    assertError(await as('director2', 'GET', `/api/v1/reports/contingent?school=${net.school1}`), 403, 'forbidden');
    assertError(await as('parent', 'GET', '/api/v1/reports/contingent'), 403, 'forbidden');
    assertError(await as('contingent_unit', 'GET', '/api/v1/reports/contingent?month=2026-13'), 400, 'bad_query');
    assertError(await as('contingent_unit', 'GET', '/api/v1/reports/contingent?format=csv'), 400, 'bad_query');
    assertError(await as('contingent_unit', 'GET', '/api/v1/reports/contingent?school=987654'), 404, 'not_found');
    const own = await get('director', '/api/v1/reports/contingent?month=2026-11');
    assert.deepEqual(own.schools.map((s) => s.id), [net.school1], 'a director gets their own school');
  });
});
