// The year's end of a class (issue 7: ASM-3, DOC-1, EXT-12) and a student leaving the
// school. The director records the council's decision and the order for the whole class
// list: grade 7 moves into the classes of the next academic year (made when missing), one
// student stays in grade 7; grade 12 graduates with the general secondary certificate;
// grade 10 gets the basic one and goes on to grade 11 or leaves as a graduate. A refusal
// lists every problem of every student at once and writes nothing: the next year missing,
// a student left out, a student of another class, no external assessment (DOC-1), an
// order before its council. Rights: the deputy and another school's director get 403.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, network, problems, startServer, rolesOf } from './server.mjs';

const TODAY = '2027-05-28'; // the Friday after the last day of the demo's year
const COUNCIL = { date: '2027-05-27', protocol_number: '9' };
const ORDER = { number: '120-Ө', date: TODAY };
const srv = await startServer({ serveArgs: ['--today', TODAY] });
after(() => srv.stop());

const { as, get, auditGrows } = rolesOf(srv);
const yearEnd = (id) => `/api/v1/classes/${id}/year-end`;
const studentsOf = async (classId) =>
  (await get('director', `/api/v1/classes/${classId}/students?limit=100`)).items.filter((s) =>
    ['studying', 'externship', 'academic_leave'].includes(s.status));
const everyone = (list, extra = {}) => list.map((s) => ({ student_id: s.id, decision: 'promoted', ...extra }));

let net;
let byGrade;

before(async () => {
  net = await network(srv);
  byGrade = (g) => net.classes1.filter((c) => c.grade === g);
  assert.ok(byGrade(7).length && byGrade(10).length && byGrade(12).length, 'school 1 has grades 7, 10 and 12');
});

describe('the year end of a class (ASM-3, DOC-1)', () => {
  test('without the next academic year there is nowhere to move: 422, nothing written', async () => {
    const cls = byGrade(7)[0];
    const list = await studentsOf(cls.id);
    const r = await auditGrows(0, () => as('director', 'POST', yearEnd(cls.id), { council: COUNCIL, order: ORDER, students: everyone(list) }));
    assertError(r, 422, 'next_year_missing');
    assert.equal(r.body.error.rule, 'ASM-3');
    assert.equal((await get('director', yearEnd(cls.id))).decided, false);
  });

  test('every problem of every student at once, nothing written', async () => {
    const made = await as('director', 'POST', `/api/v1/schools/${net.school1}/academic-years`, { name: '2027-2028', starts_on: '2027-09-01', ends_on: '2028-05-25' });
    assert.equal(made.status, 201, made.text);
    const cls = byGrade(12)[0];
    const list = await studentsOf(cls.id);
    assert.ok(list.length >= 3);
    const stranger = (await studentsOf(byGrade(7)[0].id))[0];
    const students = everyone(list.slice(1), { external_assessment_passed: true });
    students[0].external_assessment_passed = false; // DOC-1
    students.push({ student_id: stranger.id, decision: 'promoted', external_assessment_passed: true });
    const r = await auditGrows(0, () => as('director', 'POST', yearEnd(cls.id), {
      council: COUNCIL, order: { number: '1', date: '2027-05-26' }, students,
    }));
    assertError(r, 422, r.body.error.code);
    assert.deepEqual(problems(r), [
      'external_assessment_not_passed:students[0].external_assessment_passed',
      'order_before_council:order.date',
      `student_not_decided:students`,
      `student_not_in_class:students[${students.length - 1}].student_id`,
    ].sort());
    const rules = Object.fromEntries(r.body.error.details.map((d) => [d.code, d.rule]));
    assert.equal(rules.external_assessment_not_passed, 'DOC-1');
    assert.equal(rules.student_not_decided, 'ASM-3');
    assert.equal((await get('director', yearEnd(cls.id))).decided, false);
    assert.equal((await studentsOf(cls.id)).length, list.length, 'nobody moved');
  });

  test('grade 12 graduates with the general secondary certificate, in the movement book with the order', async () => {
    const cls = byGrade(12)[0];
    const list = await studentsOf(cls.id);
    const r = await auditGrows(1 + list.length, () => as('director', 'POST', yearEnd(cls.id), {
      council: COUNCIL, order: ORDER, students: everyone(list, { external_assessment_passed: true }),
    }));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.decisions.length, list.length);
    for (const d of r.body.decisions) {
      assert.equal(d.status_after, 'graduated');
      assert.equal(d.certificate, 'general_secondary');
      assert.equal(d.to_class, null);
      assert.deepEqual(d.order, { number: '120-Ө', date: TODAY });
    }
    const book = await get('director', `/api/v1/students/${list[0].id}/movements`);
    const last = book.items[book.items.length - 1];
    assert.equal(last.status, 'graduated');
    assert.equal(last.starts_on, TODAY);
    assert.deepEqual(last.order, { number: '120-Ө', date: TODAY });
    assert.equal((await get('director', `/api/v1/students/${list[0].id}`)).status, 'graduated');
    assert.equal((await studentsOf(cls.id)).length, 0, 'the class has no one left studying');
    // decided once
    assertError(await as('director', 'POST', yearEnd(cls.id), { council: COUNCIL, order: ORDER, students: [] }), 422, 'year_end_decided');
  });

  test('grade 7 moves into grade 8 of the next year; a student not promoted stays in grade 7', async () => {
    const cls = byGrade(7)[0];
    const list = await studentsOf(cls.id);
    const students = everyone(list);
    students[0].decision = 'not_promoted';
    const r = await as('director', 'POST', yearEnd(cls.id), { council: COUNCIL, order: ORDER, students });
    assert.equal(r.status, 201, r.text);
    assert.ok(r.body.classes_made >= 1, 'the classes of the next year were made');
    const next = r.body.next_year_id;
    const stays = r.body.decisions.find((d) => d.student.id === list[0].id);
    assert.equal(stays.decision, 'not_promoted');
    assert.equal(stays.to_grade, 7);
    assert.equal(stays.to_class.label, `7${cls.letter}`);
    assert.equal(stays.to_class.academic_year_id, next);
    const moved = r.body.decisions.filter((d) => d.student.id !== list[0].id);
    assert.ok(moved.length > 0 && moved.every((d) => d.to_grade === 8 && d.to_class.label === `8${cls.letter}` && d.status_after === 'studying' && d.certificate === null));
    const student = await get('director', `/api/v1/students/${moved[0].student.id}`);
    assert.equal(student.class_id ?? student.class?.id, moved[0].to_class.id);
    const seen = await get('deputy_academic', yearEnd(cls.id));
    assert.equal(seen.decided, true);
    assert.equal(seen.decisions.length, list.length);
  });

  test('grade 10: the basic certificate; on to grade 11, or graduated', async () => {
    const cls = byGrade(10)[0];
    const list = await studentsOf(cls.id);
    const students = everyone(list, { external_assessment_passed: true, continues_to_grade_11: true });
    students[0].continues_to_grade_11 = false;
    const r = await as('director', 'POST', yearEnd(cls.id), { council: COUNCIL, order: ORDER, students });
    assert.equal(r.status, 201, r.text);
    const leaves = r.body.decisions.find((d) => d.student.id === list[0].id);
    assert.deepEqual([leaves.status_after, leaves.certificate, leaves.to_class], ['graduated', 'basic', null]);
    const goes = r.body.decisions.find((d) => d.student.id === list[1].id);
    assert.deepEqual([goes.status_after, goes.certificate, goes.to_grade], ['studying', 'basic', 11]);
  });

  test('only the director of the class’s school decides', async () => {
    const cls = byGrade(9)[0];
    const list = await studentsOf(cls.id);
    const body = { council: COUNCIL, order: ORDER, students: everyone(list) };
    assertError(await as('deputy_academic', 'POST', yearEnd(cls.id), body), 403, 'forbidden');
    assertError(await as('director2', 'POST', yearEnd(cls.id), body), 403, 'forbidden');
    assertError(await as('parent', 'GET', yearEnd(cls.id)), 403, 'forbidden');
    assertError(await as('director', 'POST', yearEnd(999999), body), 404, 'not_found');
  });
});

describe('leaving the school', () => {
  test('the director’s order: the book says "left" from the day given; a second time is refused', async () => {
    const cls = byGrade(9)[0];
    const s = (await studentsOf(cls.id))[0];
    const body = { number: '121-Ө', date: TODAY, leaves_on: '2027-05-31', reason: 'Отбасымен басқа қалаға көшті' };
    assertError(await as('deputy_academic', 'POST', `/api/v1/students/${s.id}/leaving`, body), 403, 'forbidden');
    const bad = await as('director', 'POST', `/api/v1/students/${s.id}/leaving`, { ...body, date: '2027-06-01' });
    assertError(bad, 422, 'date_in_future');
    const r = await auditGrows(1, () => as('director', 'POST', `/api/v1/students/${s.id}/leaving`, body));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.status, 'left');
    assert.equal(r.body.starts_on, '2027-05-31');
    assert.deepEqual(r.body.order, { number: '121-Ө', date: TODAY });
    /* the student leaves on 31 May: until then still studying, but a second order is
     * checked against the ordered "left" */
    assert.equal((await get('director', `/api/v1/students/${s.id}`)).status, 'studying');
    const again = await as('director', 'POST', `/api/v1/students/${s.id}/leaving`, body);
    assertError(again, 422, 'student_left');
  });
});
