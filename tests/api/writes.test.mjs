// Writes: creating and changing schools, academic years, classes, subjects, students,
// representatives (link existing, create new, unlink) and staff — and that every write
// is in the audit log with who, when, before and after.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, assertNames, auditOf, auditTotal, freshIin, network, newStudent, problems, startServer, rolesOf } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net;
before(async () => {
  net = await network(srv);
});

const { as } = rolesOf(srv);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/* The newest audit entry of a record, checked for who, when and what. */
async function lastAudit(entity, id, action, login) {
  const entries = await auditOf(srv, entity, id);
  assert.ok(entries.length > 0, `no audit entry for ${entity} ${id}`);
  const e = entries[0];
  assert.equal(e.entity, entity);
  assert.equal(e.entity_id, id);
  assert.equal(e.action, action);
  assert.match(e.at, INSTANT);
  assert.ok(Math.abs(Date.parse(e.at) - Date.now()) < 10 * 60_000, `at ${e.at} is now`);
  if (login) assert.equal(e.login, login);
  assert.ok(Number.isInteger(e.user_id));
  return e;
}

/* Asserts that after `fn` the audit log grew by exactly `n` entries. */
async function auditGrows(n, fn) {
  const before = await auditTotal(srv);
  const out = await fn();
  assert.equal(await auditTotal(srv), before + n, `the audit log grows by ${n}`);
  return out;
}

describe('schools', () => {
  let school;
  const body = {
    code: 'KST-CHB',
    name: { kk: 'Қостанай қаласындағы химия-биология бағытындағы НЗМ', ru: 'НИШ ХБН г. Костанай', en: 'NIS of Chemistry and Biology in Kostanay' },
    city: { kk: 'Қостанай', ru: 'Костанай', en: 'Kostanay' },
    programme: 'nis',
  };

  test('the network admin creates a school (201), audited with after', async () => {
    const r = await auditGrows(1, () => as('network_admin', 'POST', '/api/v1/schools', body));
    assert.equal(r.status, 201, r.text);
    school = r.body;
    assert.equal(school.code, body.code);
    assert.deepEqual(school.name, body.name);
    assert.deepEqual(school.city, body.city);
    assert.deepEqual(school.figures, { classes: 0, students: 0, staff: 0 });
    assert.deepEqual((await as('network_admin', 'GET', `/api/v1/schools/${school.id}`)).body, school);
    const e = await lastAudit('school', school.id, 'create', 'admin');
    assert.equal(e.before, null);
    assert.deepEqual(e.after, school);
    assert.equal(e.school_id, school.id);
  });

  test('a patch changes only what it names, audited with before and after', async () => {
    const r = await auditGrows(1, () => as('network_admin', 'PATCH', `/api/v1/schools/${school.id}`, { programme: 'ib', city: { kk: 'Қостанай қ.', ru: 'г. Костанай', en: 'Kostanay city' } }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.programme, 'ib');
    assert.equal(r.body.city.en, 'Kostanay city');
    assert.deepEqual(r.body.name, body.name);
    assert.equal(r.body.code, body.code);
    const e = await lastAudit('school', school.id, 'update', 'admin');
    assert.equal(e.before.programme, 'nis');
    assert.equal(e.before.city.en, 'Kostanay');
    assert.equal(e.after.programme, 'ib');
    assert.equal(e.after.city.en, 'Kostanay city');
  });

  test('a code another school has is refused (code_taken), nothing written', async () => {
    const other = (await as('network_admin', 'GET', `/api/v1/schools/${net.school1}`)).body;
    const r = await auditGrows(0, () => as('network_admin', 'PATCH', `/api/v1/schools/${school.id}`, { code: other.code }));
    assert.equal(assertError(r, r.status === 409 ? 409 : 422, 'code_taken').field, 'code');
    const r2 = await auditGrows(0, () => as('network_admin', 'POST', '/api/v1/schools', { ...body }));
    assert.equal(assertError(r2, r2.status === 409 ? 409 : 422, 'code_taken').field, 'code');
    assert.equal((await as('network_admin', 'GET', `/api/v1/schools/${school.id}`)).body.code, body.code);
    /* Its own code again is no conflict. */
    assert.equal((await as('network_admin', 'PATCH', `/api/v1/schools/${school.id}`, { code: body.code })).status, 200);
  });

  test('a new school gets academic years and classes', async () => {
    const y = await as('network_admin', 'POST', `/api/v1/schools/${school.id}/academic-years`, { name: '2026-2027', starts_on: '2026-09-01', ends_on: '2027-05-25', status: 'current' });
    assert.equal(y.status, 201, y.text);
    const c = await as('network_admin', 'POST', `/api/v1/schools/${school.id}/classes`, { grade: 7, letter: 'А', language: 'kk' });
    assert.equal(c.status, 201, c.text);
    assert.equal(c.body.academic_year_id, y.body.id, 'the current year by default');
    assert.equal((await as('network_admin', 'GET', `/api/v1/schools/${school.id}`)).body.figures.classes, 1);
  });
});

describe('academic years', () => {
  let year;

  test('a director adds a year to their school (draft by default), audited', async () => {
    const r = await auditGrows(1, () => as('director', 'POST', `/api/v1/schools/${net.school1}/academic-years`, { name: '2027-2028', starts_on: '2027-09-01', ends_on: '2028-05-25' }));
    assert.equal(r.status, 201, r.text);
    year = r.body;
    assert.equal(year.status, 'draft');
    assert.equal(year.school_id, net.school1);
    const list = (await as('director', 'GET', `/api/v1/schools/${net.school1}/academic-years`)).body;
    assert.ok(list.items.some((y) => y.id === year.id));
    const e = await lastAudit('academic_year', year.id, 'create', 'director');
    assert.equal(e.before, null);
    assert.deepEqual(e.after, year);
  });

  test('a patch is audited with before and after', async () => {
    const r = await as('deputy_academic', 'PATCH', `/api/v1/academic-years/${year.id}`, { ends_on: '2028-05-31' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.ends_on, '2028-05-31');
    const e = await lastAudit('academic_year', year.id, 'update', 'deputy');
    assert.equal(e.before.ends_on, '2028-05-25');
    assert.equal(e.after.ends_on, '2028-05-31');
  });

  test('a year that ends before it starts, or a name taken, is refused', async () => {
    const r = await auditGrows(0, () => as('director', 'PATCH', `/api/v1/academic-years/${year.id}`, { ends_on: '2027-08-01' }));
    assert.equal(assertError(r, 422, 'year_dates_order').field, 'ends_on');
    const r2 = await auditGrows(0, () => as('director', 'POST', `/api/v1/schools/${net.school1}/academic-years`, { name: '2027-2028', starts_on: '2027-09-01', ends_on: '2028-05-25' }));
    assertError(r2, 409, 'year_exists');
    assertError(await as('director2', 'PATCH', `/api/v1/academic-years/${year.id}`, { name: 'x' }), 403, 'forbidden');
  });
});

describe('classes', () => {
  let cls;

  test('a director opens a class in the current year (201), audited', async () => {
    const r = await auditGrows(1, () => as('director', 'POST', `/api/v1/schools/${net.school1}/classes`, { grade: 11, letter: 'Ф', language: 'ru' }));
    assert.equal(r.status, 201, r.text);
    cls = r.body;
    assert.equal(cls.school_id, net.school1);
    assert.equal(cls.academic_year_id, net.classes1[0].academic_year_id);
    assert.equal(cls.label, '11Ф');
    assert.equal(cls.level, 'high');
    assert.equal(cls.curator, null);
    assert.equal(cls.students, 0);
    const e = await lastAudit('class', cls.id, 'create', 'director');
    assert.equal(e.before, null);
    assert.deepEqual(e.after, cls);
    assert.equal(e.school_id, net.school1);
  });

  test('the same grade and letter again is 409 class_exists', async () => {
    const r = await auditGrows(0, () => as('director', 'POST', `/api/v1/schools/${net.school1}/classes`, { grade: 11, letter: 'Ф', language: 'kk' }));
    assertError(r, 409, 'class_exists');
  });

  test('a class letter is one letter whatever its case: 11ф is 11Ф', async () => {
    const r = await auditGrows(0, () => as('director', 'POST', `/api/v1/schools/${net.school1}/classes`, { grade: 11, letter: 'ф', language: 'kk' }));
    assertError(r, 409, 'class_exists');
  });

  test('a patch sets a curator and the language, audited with before and after', async () => {
    const teacher = (await as('director', 'GET', `/api/v1/schools/${net.school1}/staff?role=teacher&limit=1`)).body.items[0];
    const r = await auditGrows(1, () => as('director', 'PATCH', `/api/v1/classes/${cls.id}`, { curator_id: teacher.id, language: 'kk' }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.curator.id, teacher.id);
    assert.equal(r.body.curator.last_name, teacher.last_name);
    assert.equal(r.body.language, 'kk');
    assert.equal(r.body.grade, 11);
    const e = await lastAudit('class', cls.id, 'update', 'director');
    assert.equal(e.before.curator, null);
    assert.equal(e.before.language, 'ru');
    assert.equal(e.after.curator.id, teacher.id);
    assert.equal(e.after.language, 'kk');
    /* A patch that does not name the curator keeps them; null removes them. */
    const kept = await as('director', 'PATCH', `/api/v1/classes/${cls.id}`, { letter: 'Х' });
    assert.equal(kept.body.curator.id, teacher.id);
    assert.equal(kept.body.label, '11Х');
    const removed = await as('director', 'PATCH', `/api/v1/classes/${cls.id}`, { curator_id: null });
    assert.equal(removed.status, 200, removed.text);
    assert.equal(removed.body.curator, null);
  });

  test('a class cannot move to another year by a patch', async () => {
    const r = await as('director', 'PATCH', `/api/v1/classes/${cls.id}`, { academic_year_id: cls.academic_year_id });
    assert.equal(assertError(r, 422, 'unknown_field').field, 'academic_year_id');
  });

  test('renaming onto an existing class is 409 and changes nothing', async () => {
    const existing = net.classes1[0];
    const before = (await as('director', 'GET', `/api/v1/classes/${cls.id}`)).body;
    const r = await auditGrows(0, () => as('director', 'PATCH', `/api/v1/classes/${cls.id}`, { grade: existing.grade, letter: existing.letter }));
    assertError(r, 409, 'class_exists');
    assert.deepEqual((await as('director', 'GET', `/api/v1/classes/${cls.id}`)).body, before);
  });
});

describe('subjects', () => {
  let subject;

  test('the network admin adds a subject (201), audited', async () => {
    const r = await auditGrows(1, () => as('network_admin', 'POST', '/api/v1/subjects', { code: 'robotics', name: { kk: 'Робототехника', ru: 'Робототехника', en: 'Robotics' } }));
    assert.equal(r.status, 201, r.text);
    subject = r.body;
    assertNames(subject.name);
    assert.deepEqual((await as('teacher', 'GET', `/api/v1/subjects/${subject.id}`)).body, subject);
    const e = await lastAudit('subject', subject.id, 'create', 'admin');
    assert.equal(e.before, null);
    assert.deepEqual(e.after, subject);
  });

  test('a patch is audited with before and after; a taken code is 409', async () => {
    const r = await as('network_admin', 'PATCH', `/api/v1/subjects/${subject.id}`, { name: { kk: 'Робототехника', ru: 'Робототехника', en: 'Robotics and coding' } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.name.en, 'Robotics and coding');
    const e = await lastAudit('subject', subject.id, 'update', 'admin');
    assert.equal(e.before.name.en, 'Robotics');
    assert.equal(e.after.name.en, 'Robotics and coding');
    const other = (await as('network_admin', 'GET', '/api/v1/subjects?limit=1')).body.items[0];
    const dup = await auditGrows(0, () => as('network_admin', 'PATCH', `/api/v1/subjects/${subject.id}`, { code: other.code }));
    assertError(dup, 409, 'code_taken');
    assertError(await as('network_admin', 'POST', '/api/v1/subjects', { code: 'robotics', name: { kk: 'а', ru: 'б', en: 'c' } }), 409, 'code_taken');
  });
});

describe('students', () => {
  let s;

  test('a director enrols a student (201): studying, in the class, audited', async () => {
    const cls = net.classes1[2];
    const body = newStudent(net.school1, cls.id, { last_name: 'Жұмабаева', first_name: 'Аружан', middle_name: 'Серікқызы', phone: '+77011234567', email: 'aruzhan@example.kz', enrolled_on: '2026-09-01' });
    const r = await auditGrows(1, () => as('director', 'POST', '/api/v1/students', body));
    assert.equal(r.status, 201, r.text);
    s = r.body;
    for (const k of ['last_name', 'first_name', 'middle_name', 'iin', 'birth_date', 'sex', 'phone', 'email', 'school_id', 'class_id', 'funding', 'enrolled_on'])
      assert.equal(s[k], body[k], k);
    assert.equal(s.status, 'studying');
    assert.equal(s.dormitory, false);
    assert.equal(s.class.id, cls.id);
    assert.equal(s.class.label, cls.label);
    assert.equal(s.level, cls.level);
    assert.ok(Number.isInteger(s.person_id));
    const got = (await as('director', 'GET', `/api/v1/students/${s.id}`)).body;
    assert.deepEqual(got.representatives, []);
    const e = await lastAudit('student', s.id, 'create', 'director');
    assert.equal(e.before, null);
    assert.deepEqual(e.after, s);
    assert.equal(e.school_id, net.school1);
    const inClass = (await as('director', 'GET', `/api/v1/classes/${cls.id}/students?limit=500`)).body.items;
    assert.ok(inClass.some((x) => x.id === s.id));
  });

  test('a patch moves the student to another class and changes funding, audited', async () => {
    const to = net.classes1[3];
    const r = await auditGrows(1, () => as('deputy_academic', 'PATCH', `/api/v1/students/${s.id}`, { class_id: to.id, funding: 'paid', dormitory: true }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.class_id, to.id);
    assert.equal(r.body.funding, 'paid');
    assert.equal(r.body.dormitory, true);
    assert.equal(r.body.iin, s.iin);
    const e = await lastAudit('student', s.id, 'update', 'deputy');
    assert.equal(e.before.class_id, s.class_id);
    assert.equal(e.before.funding, 'orken');
    assert.equal(e.after.class_id, to.id);
    assert.equal(e.after.funding, 'paid');
    assert.equal(e.after.dormitory, true);
  });

  test('a patch of the person fields; null clears an optional one', async () => {
    const r = await as('director', 'PATCH', `/api/v1/students/${s.id}`, { last_name: 'Жұмабаева-Ахметова', email: null });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.last_name, 'Жұмабаева-Ахметова');
    assert.equal(r.body.email, null);
    const e = await lastAudit('student', s.id, 'update', 'director');
    assert.equal(e.before.email, 'aruzhan@example.kz');
    assert.equal(e.after.email, null);
    const found = (await as('director', 'GET', `/api/v1/schools/${net.school1}/students?q=${encodeURIComponent('ахметова')}`)).body.items;
    assert.ok(found.some((x) => x.id === s.id), 'the search finds the new name');
  });

  test('a class can be taken away (null): no class, no level', async () => {
    const r = await as('director', 'PATCH', `/api/v1/students/${s.id}`, { class_id: null });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.class_id, null);
    assert.equal(r.body.class, null);
    assert.equal(r.body.level, null);
  });

  test('the school and the IIN rules hold on a patch', async () => {
    assert.equal(assertError(await as('director', 'PATCH', `/api/v1/students/${s.id}`, { school_id: net.school2 }), 422, 'unknown_field').field, 'school_id');
    assert.equal(assertError(await as('director', 'PATCH', `/api/v1/students/${s.id}`, { sex: 'm' }), 422, 'iin_sex_mismatch').field, 'sex');
    assert.equal(assertError(await as('director', 'PATCH', `/api/v1/students/${s.id}`, { iin: null }), 422, 'wrong_type').field, 'iin');
    assert.equal(assertError(await as('director', 'PATCH', `/api/v1/students/${s.id}`, { status: 'left' }), 422, 'unknown_field').field, 'status');
  });

  test('a new IIN with its birth date and sex is accepted together', async () => {
    const iin = freshIin('2011-12-01', 'm');
    const r = await as('director', 'PATCH', `/api/v1/students/${s.id}`, { iin, birth_date: '2011-12-01', sex: 'm' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.iin, iin);
  });
});

describe('representatives', () => {
  let s;
  let existing;
  let created;

  before(async () => {
    const r = await as('director', 'POST', '/api/v1/students', newStudent(net.school1, net.classes1[4].id, { first_name: 'Нұрсұлтан', sex: 'm', birth_date: '2012-01-09' }));
    assert.equal(r.status, 201, r.text);
    s = r.body;
    existing = net.parent.user.person;
  });

  test('link an existing person (the demo parent) with a relation (201), audited', async () => {
    const r = await auditGrows(1, () => as('director', 'POST', `/api/v1/students/${s.id}/representatives`, { person_id: existing.id, relation: 'guardian' }));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.id, existing.id);
    assert.equal(r.body.relation, 'guardian');
    assert.equal(r.body.student_id, s.id);
    const list = (await as('director', 'GET', `/api/v1/students/${s.id}/representatives`)).body;
    assert.deepEqual(list.items.map((p) => [p.id, p.relation]), [[existing.id, 'guardian']]);
    const e = await lastAudit('representative', existing.id, 'link', 'director');
    assert.equal(e.before, null);
    assert.equal(e.after.student_id, s.id);
    assert.equal(e.after.relation, 'guardian');
    /* The parent now sees this student too. */
    const me = (await as('parent', 'GET', '/api/v1/me')).body;
    assert.ok(me.children.some((c) => c.id === s.id && c.relation === 'guardian'));
    assert.equal((await as('parent', 'GET', `/api/v1/students/${s.id}`)).status, 200);
  });

  test('linking the same person twice is refused (representative_linked)', async () => {
    const r = await auditGrows(0, () => as('director', 'POST', `/api/v1/students/${s.id}/representatives`, { person_id: existing.id, relation: 'mother' }));
    assertError(r, 422, 'representative_linked');
    assert.equal(r.body.error.rule, 'ORG-3');
  });

  test('link a new person (201): created with their contacts, audited', async () => {
    const body = { last_name: 'Бекова', first_name: 'Гүлнар', middle_name: 'Асқарқызы', iin: freshIin('1984-03-08', 'f'), birth_date: '1984-03-08', sex: 'f', phone: '+77017654321', email: 'gulnar.bekova@example.kz', relation: 'mother' };
    const r = await auditGrows(1, () => as('director', 'POST', `/api/v1/students/${s.id}/representatives`, body));
    assert.equal(r.status, 201, r.text);
    created = r.body;
    for (const k of ['last_name', 'first_name', 'middle_name', 'iin', 'birth_date', 'sex', 'phone', 'email', 'relation']) assert.equal(created[k], body[k], k);
    const got = (await as('director', 'GET', `/api/v1/representatives/${created.id}`)).body;
    assert.equal(got.phone, body.phone);
    assert.deepEqual(got.children.map((c) => [c.id, c.relation]), [[s.id, 'mother']]);
    const e = await lastAudit('representative', created.id, 'link', 'director');
    assert.equal(e.after.iin, body.iin);
  });

  test('representative_not_the_student_themself: a student cannot be linked as their own representative', async () => {
    const own = await as('director', 'POST', '/api/v1/students', newStudent(net.school1, net.classes1[4].id, { first_name: 'Өзім' }));
    assert.equal(own.status, 201, own.text);
    const before = await auditTotal(srv);
    const r = await as('director', 'POST', `/api/v1/students/${own.body.id}/representatives`, { person_id: own.body.person_id, relation: 'other' });
    assertError(r, 422);
    assert.equal(r.body.error.field, 'person_id');
    assert.equal(await auditTotal(srv), before);
  });

  test('a new person needs a relation and valid contacts', async () => {
    const r = await auditGrows(0, () => as('director', 'POST', `/api/v1/students/${s.id}/representatives`, { last_name: 'Ә', first_name: 'Б', phone: '87011234567', email: 'a@b' }));
    assertError(r, 422);
    assert.deepEqual(problems(r), ['missing_field:relation']);
    const r2 = await auditGrows(0, () => as('director', 'POST', `/api/v1/students/${s.id}/representatives`, { last_name: 'Ә', first_name: 'Б', phone: '87011234567', email: 'a@b', relation: 'father' }));
    assert.deepEqual(problems(r2), ['email_invalid:email', 'phone_invalid:phone']);
    const r3 = await as('director', 'POST', `/api/v1/students/${s.id}/representatives`, { person_id: existing.id, relation: 'aunt' });
    assert.equal(assertError(r3, 422, 'bad_enum').field, 'relation');
  });

  test('a representative is changed by the school (audited) and by themself', async () => {
    const r = await auditGrows(1, () => as('director', 'PATCH', `/api/v1/representatives/${created.id}`, { phone: '+77019998877' }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.phone, '+77019998877');
    const e = await lastAudit('representative', created.id, 'update', 'director');
    assert.equal(e.before.phone, '+77017654321');
    assert.equal(e.after.phone, '+77019998877');

    const mine = await auditGrows(1, () => as('parent', 'PATCH', `/api/v1/representatives/${existing.id}`, { email: 'inna.new@example.kz' }));
    assert.equal(mine.status, 200, mine.text);
    assert.equal(mine.body.email, 'inna.new@example.kz');
    const e2 = await lastAudit('representative', existing.id, 'update', 'parent');
    assert.equal(e2.before.email, existing.email);
    assert.equal(e2.after.email, 'inna.new@example.kz');
    assertError(await as('parent', 'PATCH', `/api/v1/representatives/${existing.id}`, { phone: '123' }), 422, 'phone_invalid');
  });

  test('representative_update_audit_visible_to_director: a change by the network office shows in the school\'s audit', async () => {
    const r = await as('network_admin', 'PATCH', `/api/v1/representatives/${created.id}`, { phone: '+77015554433' });
    assert.equal(r.status, 200, r.text);
    await lastAudit('representative', created.id, 'update', 'admin');
    const seen = await auditOf(srv, 'representative', created.id, 'director');
    assert.ok(seen.some((e) => e.action === 'update' && e.login === 'admin'),
      `the director of the child's school sees the network admin's change: ${JSON.stringify(seen.map((e) => [e.action, e.login, e.school_id]))}`);
  });

  test('unlink (200): gone from the student, the person stays, audited with before', async () => {
    const r = await auditGrows(1, () => as('director', 'DELETE', `/api/v1/students/${s.id}/representatives/${existing.id}`));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, { unlinked: true });
    const list = (await as('director', 'GET', `/api/v1/students/${s.id}/representatives`)).body;
    assert.deepEqual(list.items.map((p) => p.id), [created.id]);
    assertError(await as('parent', 'GET', `/api/v1/students/${s.id}`), 403, 'forbidden');
    assert.equal((await as('parent', 'GET', '/api/v1/me')).status, 200);
    const e = await lastAudit('representative', existing.id, 'unlink', 'director');
    assert.equal(e.after, null);
    assert.equal(e.before.student_id, s.id);
    assert.equal(e.before.person_id, existing.id);
    /* Twice: nothing to unlink. */
    assertError(await auditGrows(0, () => as('director', 'DELETE', `/api/v1/students/${s.id}/representatives/${existing.id}`)), 404, 'not_found');
  });
});

describe('staff', () => {
  let f;

  test('a director adds a staff member with roles (201), audited', async () => {
    const body = { last_name: 'Қасымов', first_name: 'Ерлан', middle_name: 'Болатұлы', iin: freshIin('1985-10-02', 'm'), birth_date: '1985-10-02', sex: 'm', phone: '+77021112233', roles: ['teacher', 'curator'] };
    const r = await auditGrows(1, () => as('director', 'POST', `/api/v1/schools/${net.school1}/staff`, body));
    assert.equal(r.status, 201, r.text);
    f = r.body;
    assert.equal(f.school_id, net.school1);
    assert.equal(f.active, true);
    assert.deepEqual([...f.roles].sort(), ['curator', 'teacher']);
    assert.equal(f.iin, body.iin);
    assert.deepEqual((await as('teacher', 'GET', `/api/v1/staff/${f.id}`)).body, f);
    const e = await lastAudit('staff', f.id, 'create', 'director');
    assert.equal(e.before, null);
    assert.deepEqual(e.after, f);
  });

  test('a patch changes roles and deactivates, audited with before and after', async () => {
    const r = await auditGrows(1, () => as('director', 'PATCH', `/api/v1/staff/${f.id}`, { roles: ['teacher', 'club_leader'], active: false }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([...r.body.roles].sort(), ['club_leader', 'teacher']);
    assert.equal(r.body.active, false);
    const e = await lastAudit('staff', f.id, 'update', 'director');
    assert.deepEqual([...e.before.roles].sort(), ['curator', 'teacher']);
    assert.equal(e.before.active, true);
    assert.deepEqual([...e.after.roles].sort(), ['club_leader', 'teacher']);
    assert.equal(e.after.active, false);
    const clubs = (await as('director', 'GET', `/api/v1/schools/${net.school1}/staff?role=club_leader&limit=500`)).body.items;
    assert.ok(clubs.some((x) => x.id === f.id));
  });

  test('staff_create_keeps_active_false: a staff member created inactive stays inactive', async () => {
    const r = await as('director', 'POST', `/api/v1/schools/${net.school1}/staff`, { last_name: 'Әбенов', first_name: 'Данияр', roles: ['teacher'], active: false });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.active, false, `created with "active": false, got ${JSON.stringify(r.body.active)}`);
  });

  test('staff of another school cannot be changed', async () => {
    assertError(await as('director2', 'PATCH', `/api/v1/staff/${f.id}`, { active: true }), 403, 'forbidden');
  });
});

describe('the audit log itself', () => {
  test('entries have who, when, what; newest first; filter by entity and id', async () => {
    const r = await as('network_admin', 'GET', '/api/v1/audit?limit=50');
    assert.equal(r.status, 200, r.text);
    const ids = r.body.items.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
    for (const e of r.body.items) {
      for (const k of ['id', 'at', 'user_id', 'login', 'school_id', 'action', 'entity', 'entity_id', 'before', 'after']) assert.ok(k in e, k);
      assert.match(e.at, INSTANT);
    }
    const students = await as('network_admin', 'GET', '/api/v1/audit?entity=student&limit=500');
    assert.ok(students.body.items.length > 0);
    assert.ok(students.body.items.every((e) => e.entity === 'student'));
  });

  test('paging walks the audit log', async () => {
    const all = (await as('network_admin', 'GET', '/api/v1/audit?limit=500')).body;
    const first = (await as('network_admin', 'GET', '/api/v1/audit?limit=3')).body;
    assert.equal(typeof first.next, 'string');
    const second = (await as('network_admin', 'GET', `/api/v1/audit?limit=3&cursor=${first.next}`)).body;
    assert.deepEqual([...first.items, ...second.items].map((e) => e.id), all.items.slice(0, 6).map((e) => e.id));
  });
});
