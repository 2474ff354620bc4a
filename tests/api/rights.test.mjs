// Rights, both ways: what each role may read and write, what it is refused, and that a
// refused request writes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, auditTotal, network, newStudent, startServer, rolesOf } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net;
before(async () => {
  net = await network(srv);
});

const { as } = rolesOf(srv);

/* A student of a class who is not the given person (a classmate, for instance). */
async function someStudentOf(classId, notIds = []) {
  const r = await as('network_admin', 'GET', `/api/v1/classes/${classId}/students?limit=500`);
  assert.equal(r.status, 200, r.text);
  const s = r.body.items.find((x) => !notIds.includes(x.id));
  assert.ok(s, `class ${classId} has another student`);
  return s;
}

describe('schools: network roles see all, school roles their own', () => {
  test('the network admin and the contingent unit see every school', async () => {
    for (const role of ['network_admin', 'contingent_unit']) {
      const r = await as(role, 'GET', '/api/v1/schools');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.total, 2);
      assert.deepEqual(r.body.items.map((s) => s.id).sort(), [net.school1, net.school2].sort());
      for (const id of [net.school1, net.school2]) {
        assert.equal((await as(role, 'GET', `/api/v1/schools/${id}`)).status, 200);
        assert.equal((await as(role, 'GET', `/api/v1/schools/${id}/classes`)).status, 200);
        assert.equal((await as(role, 'GET', `/api/v1/schools/${id}/students`)).status, 200);
        assert.equal((await as(role, 'GET', `/api/v1/schools/${id}/staff`)).status, 200);
      }
    }
  });

  test('a director sees only their school in the list', async () => {
    const r = await as('director', 'GET', '/api/v1/schools');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.total, 1);
    assert.deepEqual(r.body.items.map((s) => s.id), [net.school1]);
    const r2 = await as('director2', 'GET', '/api/v1/schools');
    assert.deepEqual(r2.body.items.map((s) => s.id), [net.school2]);
  });

  test("a director reads their school's classes, not another school's (director vs director2)", async () => {
    assert.equal((await as('director', 'GET', `/api/v1/schools/${net.school1}/classes`)).status, 200);
    assert.equal((await as('director2', 'GET', `/api/v1/schools/${net.school2}/classes`)).status, 200);
    assertError(await as('director', 'GET', `/api/v1/schools/${net.school2}/classes`), 403, 'forbidden');
    assertError(await as('director2', 'GET', `/api/v1/schools/${net.school1}/classes`), 403, 'forbidden');
  });

  test("every read of another school's records is 403", async () => {
    const other = net.school2;
    const cls = net.classes2[0];
    const staff = (await as('network_admin', 'GET', `/api/v1/schools/${other}/staff?limit=1`)).body.items[0];
    const student = (await as('network_admin', 'GET', `/api/v1/schools/${other}/students?limit=1`)).body.items[0];
    for (const role of ['director', 'deputy_academic', 'teacher', 'timetable_officer', 'club_leader']) {
      for (const p of [
        `/api/v1/schools/${other}`,
        `/api/v1/schools/${other}/classes`,
        `/api/v1/schools/${other}/students`,
        `/api/v1/schools/${other}/staff`,
        `/api/v1/schools/${other}/academic-years`,
        `/api/v1/classes/${cls.id}`,
        `/api/v1/classes/${cls.id}/students`,
        `/api/v1/staff/${staff.id}`,
        `/api/v1/students/${student.id}`,
        `/api/v1/students/${student.id}/representatives`,
      ])
        assertError(await as(role, 'GET', p), 403, 'forbidden');
    }
  });

  test("a teacher reads their own school's classes and students", async () => {
    const cls = net.classes1[0];
    assert.equal((await as('teacher', 'GET', `/api/v1/schools/${net.school1}/classes`)).status, 200);
    const r = await as('teacher', 'GET', `/api/v1/classes/${cls.id}/students`);
    assert.equal(r.status, 200);
    assert.ok(r.body.items.length > 0);
  });

  test("representatives: staff list their school's, the network any", async () => {
    const mine = await as('director', 'GET', '/api/v1/representatives?limit=500');
    assert.equal(mine.status, 200, mine.text);
    assert.ok(mine.body.total > 0);
    const all = await as('network_admin', 'GET', '/api/v1/representatives?limit=1');
    assert.ok(all.body.total >= mine.body.total);
    assertError(await as('parent', 'GET', '/api/v1/representatives'), 403, 'forbidden');
    assertError(await as('student', 'GET', '/api/v1/representatives'), 403, 'forbidden');
  });
});

describe('parents and students', () => {
  test('a parent reads the academic years of their child\'s school only (CUR-4 applications)', async () => {
    const child = net.parent.children[0];
    const mine = await as('parent', 'GET', `/api/v1/schools/${child.school_id}/academic-years`);
    assert.equal(mine.status, 200, mine.text);
    assert.ok(mine.body.items.length >= 1);
    const other = [net.school1, net.school2].find((id) => !net.parent.children.some((c) => c.school_id === id));
    if (other) assertError(await as('parent', 'GET', `/api/v1/schools/${other}/academic-years`), 403, 'forbidden');
    assertError(await as('student', 'GET', `/api/v1/schools/${child.school_id}/academic-years`), 403, 'forbidden');
  });

  test('a parent reads their own child (200) and not another student (403)', async () => {
    const child = net.parent.children[0];
    const r = await as('parent', 'GET', `/api/v1/students/${child.id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.id, child.id);
    assert.ok(r.body.representatives.some((p) => p.id === net.parent.user.person_id));
    assert.equal((await as('parent', 'GET', `/api/v1/students/${child.id}/representatives`)).status, 200);
    const childIds = net.parent.children.map((c) => c.id);
    const other = await someStudentOf(child.class_id, childIds);
    assertError(await as('parent', 'GET', `/api/v1/students/${other.id}`), 403, 'forbidden');
    assertError(await as('parent', 'GET', `/api/v1/students/${other.id}/representatives`), 403, 'forbidden');
    const elsewhere = (await as('network_admin', 'GET', `/api/v1/schools/${net.school2}/students?limit=1`)).body.items[0];
    assertError(await as('parent', 'GET', `/api/v1/students/${elsewhere.id}`), 403, 'forbidden');
  });

  test('a parent reads their own representative record, not another parent\'s', async () => {
    const me = net.parent.user.person_id;
    const r = await as('parent', 'GET', `/api/v1/representatives/${me}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.body.children.length >= 1);
    const child = net.parent.children[0];
    const other = await someStudentOf(child.class_id, net.parent.children.map((c) => c.id));
    const reps = (await as('network_admin', 'GET', `/api/v1/students/${other.id}/representatives`)).body.items;
    const stranger = reps.find((p) => p.id !== me);
    assert.ok(stranger);
    assertError(await as('parent', 'GET', `/api/v1/representatives/${stranger.id}`), 403, 'forbidden');
    assertError(await as('parent', 'PATCH', `/api/v1/representatives/${stranger.id}`, { phone: '+77010000000' }), 403, 'forbidden');
  });

  test('parents and students reach no school lists', async () => {
    for (const role of ['parent', 'student'])
      for (const p of ['/api/v1/schools', `/api/v1/schools/${net.school1}`, `/api/v1/schools/${net.school1}/classes`,
        `/api/v1/schools/${net.school1}/students`, `/api/v1/classes/${net.classes1[0].id}/students`,
        `/api/v1/audit`])
        assertError(await as(role, 'GET', p), 403, 'forbidden');
  });

  test('a student reads themself only', async () => {
    const self = net.student.student;
    const r = await as('student', 'GET', `/api/v1/students/${self.id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.person_id, net.student.user.person_id);
    assert.equal((await as('student', 'GET', `/api/v1/students/${self.id}/representatives`)).status, 200);
    const classmate = await someStudentOf(self.class_id, [self.id]);
    assertError(await as('student', 'GET', `/api/v1/students/${classmate.id}`), 403, 'forbidden');
    assertError(await as('student', 'GET', `/api/v1/students/${classmate.id}/representatives`), 403, 'forbidden');
  });

  test('everyone signed in reads the subjects', async () => {
    for (const role of ['parent', 'student', 'teacher']) {
      const r = await as(role, 'GET', '/api/v1/subjects');
      assert.equal(r.status, 200, r.text);
      assert.ok(r.body.total > 0);
    }
  });
});

describe('writes: who may, who may not', () => {
  test('a teacher cannot create a student (403)', async () => {
    const body = newStudent(net.school1, net.classes1[0].id);
    assertError(await as('teacher', 'POST', '/api/v1/students', body), 403, 'forbidden');
    for (const role of ['timetable_officer', 'club_leader', 'parent', 'student', 'contingent_unit'])
      assertError(await as(role, 'POST', '/api/v1/students', body), 403, 'forbidden');
  });

  test("a director cannot create a student in another school, nor change one there", async () => {
    assertError(await as('director2', 'POST', '/api/v1/students', newStudent(net.school1, net.classes1[0].id)), 403, 'forbidden');
    const s = await someStudentOf(net.classes1[0].id);
    assertError(await as('director2', 'PATCH', `/api/v1/students/${s.id}`, { first_name: 'Хакер' }), 403, 'forbidden');
    assertError(await as('director2', 'POST', `/api/v1/schools/${net.school1}/classes`, { grade: 9, letter: 'Я', language: 'kk' }), 403, 'forbidden');
    assertError(await as('director2', 'PATCH', `/api/v1/classes/${net.classes1[0].id}`, { letter: 'Я' }), 403, 'forbidden');
    assertError(await as('director2', 'POST', `/api/v1/schools/${net.school1}/staff`, { last_name: 'А', first_name: 'Б', roles: ['teacher'] }), 403, 'forbidden');
    assertError(await as('director2', 'POST', `/api/v1/students/${s.id}/representatives`, { last_name: 'А', first_name: 'Б', relation: 'other' }), 403, 'forbidden');
  });

  test('only the network admin writes schools and subjects', async () => {
    const school = { code: 'X-1', name: { kk: 'а', ru: 'б', en: 'c' }, city: { kk: 'а', ru: 'б', en: 'c' }, programme: 'nis' };
    for (const role of ['director', 'contingent_unit', 'teacher']) {
      assertError(await as(role, 'POST', '/api/v1/schools', school), 403, 'forbidden');
      assertError(await as(role, 'PATCH', `/api/v1/schools/${net.school1}`, { code: 'X-2' }), 403, 'forbidden');
      assertError(await as(role, 'POST', '/api/v1/subjects', { code: 'x', name: { kk: 'а', ru: 'б', en: 'c' } }), 403, 'forbidden');
    }
  });

  test('teachers and other staff cannot change classes, staff or representatives', async () => {
    const cls = net.classes1[0];
    const child = net.parent.children[0];
    for (const role of ['teacher', 'timetable_officer', 'club_leader']) {
      assertError(await as(role, 'PATCH', `/api/v1/classes/${cls.id}`, { letter: 'Я' }), 403, 'forbidden');
      assertError(await as(role, 'POST', `/api/v1/schools/${net.school1}/academic-years`, { name: 'x', starts_on: '2030-09-01', ends_on: '2031-05-25' }), 403, 'forbidden');
      assertError(await as(role, 'PATCH', `/api/v1/representatives/${net.parent.user.person_id}`, { phone: '+77010000000' }), 403, 'forbidden');
      assertError(await as(role, 'DELETE', `/api/v1/students/${child.id}/representatives/${net.parent.user.person_id}`), 403, 'forbidden');
    }
  });

  test('a refused request writes nothing (counts and audit unchanged)', async () => {
    const auditBefore = await auditTotal(srv);
    const students1 = (await as('network_admin', 'GET', `/api/v1/schools/${net.school1}/students?limit=1`)).body.total;
    const cls = net.classes1[0];
    const clsBefore = (await as('network_admin', 'GET', `/api/v1/classes/${cls.id}`)).body;
    const s = await someStudentOf(cls.id);
    const child = net.parent.children[0];
    const repsBefore = (await as('network_admin', 'GET', `/api/v1/students/${child.id}/representatives`)).body;

    /* Refused by role, by school, and by rules (a bad IIN, a dangling class). */
    assertError(await as('teacher', 'POST', '/api/v1/students', newStudent(net.school1, cls.id)), 403);
    assertError(await as('director2', 'POST', '/api/v1/students', newStudent(net.school1, cls.id)), 403);
    assertError(await as('director2', 'PATCH', `/api/v1/students/${s.id}`, { first_name: 'Хакер' }), 403);
    assertError(await as('director2', 'PATCH', `/api/v1/classes/${cls.id}`, { letter: 'Я' }), 403);
    assertError(await as('director2', 'DELETE', `/api/v1/students/${child.id}/representatives/${net.parent.user.person_id}`), 403);
    assertError(await as('director', 'POST', '/api/v1/students', newStudent(net.school1, cls.id, { iin: '000000000000' })), 422);
    assertError(await as('director', 'POST', '/api/v1/students', newStudent(net.school1, 99999999)), 422);
    assertError(await as('director', 'PATCH', `/api/v1/students/${s.id}`, { first_name: 'Жаңа', class_id: net.classes2[0].id }), 422);
    assertError(await as('director', 'POST', `/api/v1/students/${child.id}/representatives`, { last_name: 'Жаңа', first_name: 'Өкіл', relation: 'other', iin: '123' }), 422);

    assert.equal(await auditTotal(srv), auditBefore, 'the audit log grew');
    assert.equal((await as('network_admin', 'GET', `/api/v1/schools/${net.school1}/students?limit=1`)).body.total, students1);
    assert.deepEqual((await as('network_admin', 'GET', `/api/v1/classes/${cls.id}`)).body, clsBefore);
    const after = (await as('network_admin', 'GET', `/api/v1/students/${s.id}`)).body;
    assert.equal(after.first_name, s.first_name);
    assert.equal(after.class_id, s.class_id);
    assert.deepEqual((await as('network_admin', 'GET', `/api/v1/students/${child.id}/representatives`)).body, repsBefore);
  });
});

describe('audit rights', () => {
  test('the director and the network office read the audit log; a teacher is refused', async () => {
    /* One write in each school, so that both have entries. */
    const c1 = await as('director', 'POST', `/api/v1/schools/${net.school1}/classes`, { grade: 12, letter: 'Ю', language: 'kk' });
    assert.equal(c1.status, 201, c1.text);
    const c2 = await as('director2', 'POST', `/api/v1/schools/${net.school2}/classes`, { grade: 12, letter: 'Ю', language: 'ru' });
    assert.equal(c2.status, 201, c2.text);

    for (const role of ['network_admin', 'contingent_unit']) {
      const r = await as(role, 'GET', '/api/v1/audit?entity=class&limit=500');
      assert.equal(r.status, 200, r.text);
      const ids = r.body.items.map((e) => e.entity_id);
      assert.ok(ids.includes(c1.body.id) && ids.includes(c2.body.id));
    }
    const d1 = await as('director', 'GET', '/api/v1/audit?limit=500');
    assert.equal(d1.status, 200, d1.text);
    assert.ok(d1.body.items.length > 0);
    assert.ok(d1.body.items.every((e) => e.school_id === net.school1), 'a director sees only their school');
    assert.ok(d1.body.items.some((e) => e.entity === 'class' && e.entity_id === c1.body.id));
    const d2 = await as('director2', 'GET', `/api/v1/audit?entity=class&id=${c1.body.id}`);
    assert.equal(d2.status, 200);
    assert.equal(d2.body.total, 0, "director2 sees nothing of the other school's class");

    for (const role of ['teacher', 'deputy_academic', 'timetable_officer', 'club_leader', 'parent', 'student'])
      assertError(await as(role, 'GET', '/api/v1/audit'), 403, 'forbidden');
  });
});
