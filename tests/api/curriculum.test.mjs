// The curriculum (issue 5, "Curriculum and groups"): the ТОЖ of the network office
// (CUR-1), a school's ЖОЖ generated, adjusted and approved (CUR-2), the split threshold
// as data and the split of a class into groups with audited moves (CUR-3), high-school
// applications, the director's order, mathematics 7/10 and English medium (CUR-4..CUR-7),
// the language of instruction within a year (CUR-8), the teaching load and its report
// (CUR-9), the КТЖ as JSON and CSV (CUR-10). Every refusal: its status, its rule, every
// problem in details, and nothing written (the record and the audit log as before).
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, auditOf, auditTotal, freshIin, network, newStudent, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net;
before(async () => {
  net = await network(srv);
});

const as = async (role, method, p, body, opts = {}) =>
  srv.api(method, p, { token: await srv.login(role), body, ...opts });
const get = async (role, p) => {
  const r = await as(role, 'GET', p);
  assert.equal(r.status, 200, `${role} GET ${p}: ${r.text}`);
  return r.body;
};

/* Runs `fn` (a refused request) and asserts that the audit log and `read()` (what the
 * request would have changed) are the same afterwards. */
async function nothingWritten(read, fn) {
  const auditBefore = await auditTotal(srv);
  const stateBefore = await read();
  const r = await fn();
  assert.deepEqual(await read(), stateBefore, 'nothing is written');
  assert.equal(await auditTotal(srv), auditBefore, 'nothing is audited');
  return r;
}

/* Asserts that after `fn` the audit log grew by exactly `n` entries. */
async function auditGrows(n, fn) {
  const beforeTotal = await auditTotal(srv);
  const out = await fn();
  assert.equal(await auditTotal(srv), beforeTotal + n, `the audit log grows by ${n}`);
  return out;
}

const codes = (r) => r.body.error.details.map((d) => `${d.rule}:${d.code}:${d.field}`).sort();

/* Today in Kazakhstan (UTC+5), and the first academic year whose choice deadline
 * (10 June of the year it starts in, CUR-4) is still ahead. */
const todayKz = () => new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
const openStart = () => {
  const t = todayKz();
  const y = Number(t.slice(0, 4));
  return t <= `${y}-06-10` ? y : y + 1;
};

const subjectsByCode = async () => {
  const r = await get('network_admin', '/api/v1/subjects?limit=500');
  return Object.fromEntries(r.items.map((s) => [s.code, s.id]));
};

let subj; // subject ids by code
let future; // school1's academic year whose choices are still open, with a ЖОЖ
let curriculum; // its ЖОЖ

before(async () => {
  subj = await subjectsByCode();
});

describe('the ТОЖ (CUR-1)', () => {
  test('the demo ships a NIS ТОЖ for grades 7–12 with split subjects and levels in 11–12', async () => {
    const g7 = await get('deputy_academic', '/api/v1/curricula/typical?programme=nis&grade=7');
    assert.ok(g7.id);
    assert.ok(g7.total_hours >= 30 && g7.total_hours <= 40, `grade 7 has ${g7.total_hours} weekly hours`);
    const row = (t, code) => t.rows.find((r) => r.subject.code === code);
    assert.equal(row(g7, 'english').split_in_groups, true);
    assert.equal(row(g7, 'informatics').split_in_groups, true);
    assert.equal(row(g7, 'russian_language').split_language, 'kk');
    assert.equal(row(g7, 'algebra').standard_hours, null);
    assert.equal(row(g7, 'physics').english_medium, false);
    const g11 = await get('teacher', '/api/v1/curricula/typical?programme=nis&grade=11');
    assert.deepEqual([row(g11, 'mathematics').standard_hours, row(g11, 'mathematics').advanced_hours], [7, 10]);
    assert.equal(row(g11, 'physics').english_medium, true);
    assert.equal(row(g11, 'history_kazakhstan').english_medium, false);
    assert.equal(row(g11, 'algebra'), undefined);
    const ib = await get('director2', '/api/v1/curricula/typical?programme=ib&grade=12');
    assert.ok(ib.rows.length > 10);
    const none = await get('network_admin', '/api/v1/curricula/typical?programme=nis&grade=3');
    assert.deepEqual([none.id, none.rows], [null, []]);
  });

  test('a wrong programme or grade is 400 bad_query; students and parents may not read it', async () => {
    assertError(await as('deputy_academic', 'GET', '/api/v1/curricula/typical?programme=xyz&grade=7'), 400, 'bad_query');
    const r = await as('deputy_academic', 'GET', '/api/v1/curricula/typical?programme=nis&grade=13');
    assertError(r, 400, 'bad_query');
    assert.equal(r.body.error.field, 'grade');
    assertError(await as('parent', 'GET', '/api/v1/curricula/typical?programme=nis&grade=7'), 403, 'forbidden');
  });

  test('only the network office replaces a ТОЖ; the rows\' problems are all listed and nothing is written', async () => {
    const read = () => get('network_admin', '/api/v1/curricula/typical?programme=nis&grade=9');
    const rows = (await read()).rows.map((r) => ({ subject_id: r.subject_id, hours: r.hours, component: r.component }));
    assertError(await as('deputy_academic', 'PUT', '/api/v1/curricula/typical?programme=nis&grade=9', { rows }), 403, 'forbidden');
    const bad = [
      { subject_id: subj.physics, hours: 3, component: 'invariant', standard_hours: 3, advanced_hours: 6 },
      { subject_id: subj.chemistry, hours: 2, component: 'invariant', standard_hours: 2 },
      { subject_id: subj.physics, hours: 2, component: 'invariant' },
      { subject_id: 999999, hours: 2, component: 'variative' },
    ];
    const r = await nothingWritten(read, () =>
      as('network_admin', 'PUT', '/api/v1/curricula/typical?programme=nis&grade=9', { rows: bad }));
    assertError(r, 422);
    assert.deepEqual(codes(r), [
      'CUR-1:curriculum_levels_grade:rows[0].standard_hours',
      'CUR-1:curriculum_levels_grade:rows[1].standard_hours',
      'CUR-1:curriculum_levels_pair:rows[1].advanced_hours',
      'CUR-1:duplicate_subject:rows[2].subject_id',
      'null:dangling_reference:rows[3].subject_id',
    ].sort());
    /* the shape of the rows is checked first, every problem at once */
    const shape = await nothingWritten(read, () => as('network_admin', 'PUT', '/api/v1/curricula/typical?programme=nis&grade=9', {
      rows: [{ subject_id: subj.biology, hours: 41, component: 'elective' }, { hours: 2, component: 'invariant', note: 1 }],
    }));
    assert.deepEqual(codes(shape), ['null:bad_enum:rows[0].component', 'null:missing_field:rows[1].subject_id',
      'null:out_of_range:rows[0].hours', 'null:unknown_field:rows[1].note'].sort());
  });

  test('the network office writes the ТОЖ of a new grade, audited with nothing before', async () => {
    const rows = [
      { subject_id: subj.kazakh_language, hours: 5, component: 'invariant' },
      { subject_id: subj.english, hours: 3, component: 'invariant', split_in_groups: true },
      { subject_id: subj.mathematics, hours: 5, component: 'invariant' },
    ];
    const r = await auditGrows(1, () => as('network_admin', 'PUT', '/api/v1/curricula/typical?programme=nis&grade=4', { rows }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.rows.map((x) => [x.subject.code, x.hours, x.split_in_groups]),
      [['kazakh_language', 5, false], ['english', 3, true], ['mathematics', 5, false]]);
    assert.equal(r.body.total_hours, 13);
    const [e] = await auditOf(srv, 'typical_curriculum', r.body.id);
    assert.equal(e.action, 'replace');
    assert.equal(e.before, null);
    assert.deepEqual(e.after, r.body);
  });
});

describe('the ЖОЖ (CUR-2)', () => {
  test('the demo school has its approved ЖОЖ of 2026–2027', async () => {
    const list = await get('teacher', `/api/v1/schools/${net.school1}/curricula`);
    assert.equal(list.total, 1);
    const k = list.items[0];
    assert.equal(k.status, 'approved');
    assert.equal(k.academic_year, '2026-2027');
    assert.ok(k.council_date && k.protocol_number);
    const rows = (await get('network_admin', `/api/v1/curricula/${k.id}?grade=12`)).rows;
    assert.ok(rows.length > 10 && rows.every((r) => r.grade === 12));
    assertError(await as('director2', 'GET', `/api/v1/curricula/${k.id}`), 403, 'forbidden');
    assertError(await as('director2', 'GET', `/api/v1/schools/${net.school1}/curricula`), 403, 'forbidden');
  });

  test('the deputy generates the draft of a new year from the ТОЖ; once per year; others may not', async () => {
    const start = openStart();
    const y = await as('director', 'POST', `/api/v1/schools/${net.school1}/academic-years`, {
      name: `${start}-${start + 1}`, starts_on: `${start}-09-01`, ends_on: `${start + 1}-05-25`,
    });
    assert.equal(y.status, 201, y.text);
    future = y.body;
    const body = { academic_year_id: future.id };
    assertError(await as('teacher', 'POST', `/api/v1/schools/${net.school1}/curricula`, body), 403, 'forbidden');
    assertError(await as('director2', 'POST', `/api/v1/schools/${net.school1}/curricula`, body), 403, 'forbidden');
    assertError(await as('network_admin', 'POST', `/api/v1/schools/${net.school1}/curricula`, body), 403, 'forbidden');
    const r = await auditGrows(1, () => as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/curricula`, body));
    assert.equal(r.status, 201, r.text);
    curriculum = r.body;
    assert.equal(curriculum.status, 'draft');
    assert.equal(curriculum.council_date, null);
    let typical = 0;
    for (const grade of [4, 7, 8, 9, 10, 11, 12])
      typical += (await get('network_admin', `/api/v1/curricula/typical?programme=nis&grade=${grade}`)).rows.length;
    assert.equal(curriculum.rows.length, typical, 'every row of the programme\'s ТОЖ');
    assert.equal(curriculum.rows_count, typical);
    const again = await nothingWritten(() => get('deputy_academic', `/api/v1/schools/${net.school1}/curricula`),
      () => as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/curricula`, body));
    assertError(again, 409, 'curriculum_exists');
    assert.equal(again.body.error.rule, 'CUR-2');
    const other = await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/curricula`, { academic_year_id: net.classes2[0].academic_year_id });
    assertError(other, 422, 'wrong_school');
  });

  test('the deputy adjusts rows; bad rows are all listed and nothing is written', async () => {
    const read = () => get('deputy_academic', `/api/v1/curricula/${curriculum.id}`);
    const bad = await nothingWritten(read, () => as('deputy_academic', 'PATCH', `/api/v1/curricula/${curriculum.id}`, {
      rows: [
        { grade: 8, subject_id: subj.economics },
        { grade: 8, subject_id: subj.physics, standard_hours: 2, advanced_hours: 4 },
        { grade: 8, subject_id: subj.military_training, remove: true },
      ],
    }));
    assertError(bad, 422);
    assert.deepEqual(codes(bad), [
      'CUR-1:curriculum_levels_grade:rows[1].standard_hours',
      'null:missing_field:rows[0].component',
      'null:missing_field:rows[0].hours',
      'null:not_found:rows[2].subject_id',
    ].sort());
    assertError(await as('director2', 'PATCH', `/api/v1/curricula/${curriculum.id}`, { rows: [] }), 403, 'forbidden');
    const r = await auditGrows(1, () => as('deputy_academic', 'PATCH', `/api/v1/curricula/${curriculum.id}`, {
      rows: [
        { grade: 7, subject_id: subj.english, hours: 5 },
        { grade: 7, subject_id: subj.economics, hours: 1, component: 'variative' },
        { grade: 7, subject_id: subj.art, remove: true },
      ],
    }));
    assert.equal(r.status, 200, r.text);
    const g7 = r.body.rows.filter((x) => x.grade === 7);
    assert.equal(g7.find((x) => x.subject.code === 'english').hours, 5);
    assert.equal(g7.find((x) => x.subject.code === 'english').split_in_groups, true, 'what is not named stays');
    assert.equal(g7.find((x) => x.subject.code === 'economics').component, 'variative');
    assert.equal(g7.find((x) => x.subject.code === 'art'), undefined);
    const [e] = await auditOf(srv, 'school_curriculum', curriculum.id);
    assert.equal(e.action, 'update');
    assert.equal(e.before.rows.find((x) => x.grade === 7 && x.subject.code === 'english').hours, 4);
    assert.equal(e.after.rows.find((x) => x.grade === 7 && x.subject.code === 'english').hours, 5);
  });

  test('approval records the council; a future council date is refused; an approved ЖОЖ is fixed', async () => {
    const read = () => get('deputy_academic', `/api/v1/curricula/${curriculum.id}`);
    const tomorrow = new Date(Date.now() + 5 * 3600_000 + 86400_000).toISOString().slice(0, 10);
    const r1 = await nothingWritten(read, () => as('deputy_academic', 'POST', `/api/v1/curricula/${curriculum.id}/approve`, { council_date: tomorrow, protocol_number: '3' }));
    assertError(r1, 422, 'council_date_future');
    assert.equal(r1.body.error.rule, 'CUR-2');
    assertError(await as('deputy_academic', 'POST', `/api/v1/curricula/${curriculum.id}/approve`, { protocol_number: '' }), 422);
    const r = await auditGrows(1, () => as('deputy_academic', 'POST', `/api/v1/curricula/${curriculum.id}/approve`, { council_date: todayKz(), protocol_number: '3' }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'approved');
    assert.equal(r.body.council_date, todayKz());
    assert.equal(r.body.protocol_number, '3');
    const me = await get('deputy_academic', '/api/v1/me');
    assert.equal(r.body.approved_by, me.user.id);
    const [e] = await auditOf(srv, 'school_curriculum', curriculum.id);
    assert.equal(e.action, 'approve');
    assert.equal(e.before.status, 'draft');
    curriculum = r.body;
    const patch = await nothingWritten(read, () => as('deputy_academic', 'PATCH', `/api/v1/curricula/${curriculum.id}`, { rows: [{ grade: 7, subject_id: subj.english, hours: 3 }] }));
    assertError(patch, 409, 'curriculum_approved');
    assertError(await as('director', 'POST', `/api/v1/curricula/${curriculum.id}/approve`, { council_date: todayKz(), protocol_number: '4' }), 409, 'curriculum_approved');
  });
});

describe('groups (CUR-3)', () => {
  let cls; // a Kazakh class of grade 8 in the future year
  const students = [];

  test('the demo splits every class above 17 for its split subjects, by the alphabet', async () => {
    const c = net.classes1.find((x) => x.language === 'kk' && x.grade === 8);
    const groups = (await get('teacher', `/api/v1/classes/${c.id}/groups`)).items;
    assert.deepEqual([...new Set(groups.map((g) => g.subject.code))].sort(), ['english', 'informatics', 'russian_language']);
    const list = (await get('teacher', `/api/v1/classes/${c.id}/students?limit=500`)).items.map((s) => s.id);
    for (const code of ['english', 'informatics']) {
      const [g1, g2] = groups.filter((g) => g.subject.code === code);
      assert.deepEqual([g1.name, g2.name], ['1', '2']);
      assert.equal(g1.size, Math.ceil(list.length / 2));
      assert.deepEqual([...g1.members, ...g2.members].map((m) => m.student_id), list, 'halves of the class list, in its order');
    }
    const ru = net.classes1.find((x) => x.language === 'ru' && x.grade === 8);
    const ruGroups = (await get('teacher', `/api/v1/classes/${ru.id}/groups`)).items;
    assert.deepEqual([...new Set(ruGroups.map((g) => g.subject.code))].sort(), ['english', 'informatics', 'kazakh_language']);
  });

  test('the threshold is data: the network office reads and sets it', async () => {
    assert.deepEqual(await get('teacher', '/api/v1/settings/group-split-threshold'), { key: 'group_split_threshold', value: 17, rule: 'CUR-3' });
    assertError(await as('deputy_academic', 'PUT', '/api/v1/settings/group-split-threshold', { value: 18 }), 403, 'forbidden');
    assertError(await as('network_admin', 'PUT', '/api/v1/settings/group-split-threshold', { value: 0 }), 422, 'out_of_range');
  });

  test('a class of 17 is not split (422 CUR-3, nothing written), of 18 it is', async () => {
    const c = await as('director', 'POST', `/api/v1/schools/${net.school1}/classes`, { academic_year_id: future.id, grade: 8, letter: 'Ж', language: 'kk' });
    assert.equal(c.status, 201, c.text);
    cls = c.body;
    const names = ['Әбенова', 'Ахметов', 'Бекова', 'Ғалымов', 'Дәулетова', 'Ерлан', 'Жақсыбек', 'Зейнолла', 'Ибраев',
      'Қасымова', 'Ләззат', 'Мұратов', 'Нұрлан', 'Омарова', 'Өтепов', 'Сапарова', 'Тұрсын', 'Ұлықбек'];
    for (const last of names) {
      const s = await as('director', 'POST', '/api/v1/students', newStudent(net.school1, cls.id, { last_name: last, birth_date: '2013-04-02' }));
      assert.equal(s.status, 201, s.text);
      students.push(s.body);
      if (students.length === 17) {
        const read = () => get('deputy_academic', `/api/v1/classes/${cls.id}/groups`);
        const r = await nothingWritten(read, () => as('deputy_academic', 'POST', `/api/v1/classes/${cls.id}/groups/split`));
        assertError(r, 422, 'class_not_above_threshold');
        assert.equal(r.body.error.rule, 'CUR-3');
      }
    }
    /* with the threshold at 18, 18 students are not enough either */
    assert.equal((await as('network_admin', 'PUT', '/api/v1/settings/group-split-threshold', { value: 18 })).status, 200);
    assertError(await as('deputy_academic', 'POST', `/api/v1/classes/${cls.id}/groups/split`), 422, 'class_not_above_threshold');
    const set = await auditGrows(1, () => as('network_admin', 'PUT', '/api/v1/settings/group-split-threshold', { value: 17 }));
    assert.deepEqual(set.body, { key: 'group_split_threshold', value: 17, rule: 'CUR-3' });
    assertError(await as('teacher', 'POST', `/api/v1/classes/${cls.id}/groups/split`), 403, 'forbidden');
    assertError(await as('director2', 'POST', `/api/v1/classes/${cls.id}/groups/split`), 403, 'forbidden');
    /* english, informatics, russian_language (a Kazakh class): 6 groups, each audited */
    const r = await auditGrows(6, () => as('deputy_academic', 'POST', `/api/v1/classes/${cls.id}/groups/split`));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.students, 18);
    assert.equal(r.body.threshold, 17);
    assert.equal(r.body.groups.length, 6);
    const english = r.body.groups.filter((g) => g.subject.code === 'english');
    assert.deepEqual(english.map((g) => g.size), [9, 9]);
    /* the Kazakh alphabet: Ә after А, Ғ after Г, Қ after К, Ө after О, Ұ after У */
    assert.deepEqual(english[0].members.map((m) => m.last_name),
      ['Ахметов', 'Әбенова', 'Бекова', 'Ғалымов', 'Дәулетова', 'Ерлан', 'Жақсыбек', 'Зейнолла', 'Ибраев']);
    assert.deepEqual(english[1].members.map((m) => m.last_name),
      ['Қасымова', 'Ләззат', 'Мұратов', 'Нұрлан', 'Омарова', 'Өтепов', 'Сапарова', 'Тұрсын', 'Ұлықбек']);
    const again = await as('deputy_academic', 'POST', `/api/v1/classes/${cls.id}/groups/split`);
    assertError(again, 409, 'groups_exist');
  });

  test('moving a student to the other group is explicit and audited', async () => {
    const groups = (await get('deputy_academic', `/api/v1/classes/${cls.id}/groups`)).items.filter((g) => g.subject.code === 'english');
    const [g1, g2] = groups;
    const who = g1.members[0].student_id;
    assertError(await as('teacher', 'POST', `/api/v1/groups/${g2.id}/members`, { student_id: who }), 403, 'forbidden');
    assertError(await as('director2', 'POST', `/api/v1/groups/${g2.id}/members`, { student_id: who }), 403, 'forbidden');
    const read = () => get('deputy_academic', `/api/v1/classes/${cls.id}/groups`);
    const stranger = net.student.student.id; /* a student of 7А */
    const wrong = await nothingWritten(read, () => as('deputy_academic', 'POST', `/api/v1/groups/${g2.id}/members`, { student_id: stranger }));
    assertError(wrong, 422, 'wrong_class');
    const r = await auditGrows(1, () => as('deputy_academic', 'POST', `/api/v1/groups/${g2.id}/members`, { student_id: who }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.size, 10);
    assert.ok(r.body.members.some((m) => m.student_id === who));
    const after1 = (await read()).items.find((g) => g.id === g1.id);
    assert.equal(after1.size, 8);
    assert.ok(!after1.members.some((m) => m.student_id === who));
    const [e] = await auditOf(srv, 'group_member', who);
    assert.equal(e.action, 'move');
    assert.equal(e.login, 'deputy');
    assert.equal(e.before.group_id, g1.id);
    assert.equal(e.after.group_id, g2.id);
    assert.equal(e.after.subject_id, subj.english);
    assertError(await as('deputy_academic', 'POST', `/api/v1/groups/${g2.id}/members`, { student_id: who }), 409, 'group_member_exists');
    const back = await as('deputy_academic', 'POST', `/api/v1/groups/${g1.id}/members`, { student_id: who });
    assert.equal(back.status, 200, back.text);
    assert.equal(back.body.size, 9);
  });

  test('CUR-8: a student does not change the language of instruction within a year', async () => {
    const s = students[17];
    const ru = await as('director', 'POST', `/api/v1/schools/${net.school1}/classes`, { academic_year_id: future.id, grade: 8, letter: 'З', language: 'ru' });
    assert.equal(ru.status, 201, ru.text);
    const read = () => get('director', `/api/v1/students/${s.id}`);
    const r = await nothingWritten(read, () => as('director', 'PATCH', `/api/v1/students/${s.id}`, { class_id: ru.body.id }));
    assertError(r, 422, 'language_change_in_year');
    assert.equal(r.body.error.rule, 'CUR-8');
    assert.equal(r.body.error.field, 'class_id');
    const kk = await as('director', 'POST', `/api/v1/schools/${net.school1}/classes`, { academic_year_id: future.id, grade: 8, letter: 'И', language: 'kk' });
    const ok = await as('director', 'PATCH', `/api/v1/students/${s.id}`, { class_id: kk.body.id });
    assert.equal(ok.status, 200, ok.text);
    /* the groups list only the students still in the class */
    const groups = (await get('deputy_academic', `/api/v1/classes/${cls.id}/groups`)).items;
    assert.ok(groups.every((g) => !g.members.some((m) => m.student_id === s.id)));
  });
});

describe('high-school choice (CUR-4..CUR-7)', () => {
  let pupil; // a grade-10 student now, in grade 11 of the future year
  let rep;
  let application;
  const choose = (overrides = {}) => ({
    academic_year_id: future.id,
    math_programme: 10,
    subjects: [
      { subject_id: subj.physics, level: 'advanced' },
      { subject_id: subj.informatics, level: 'advanced' },
      { subject_id: subj.chemistry, level: 'standard' },
      { subject_id: subj.geography, level: 'standard' },
    ],
    representative_id: rep,
    ...overrides,
  });
  const readChoices = () => get('deputy_academic', `/api/v1/students/${pupil.id}/choices`);

  before(async () => {
    const grade = 11 - (future.starts_on.slice(0, 4) - 2026);
    const c = net.classes1.find((x) => x.grade === grade && x.language === 'kk');
    pupil = (await get('deputy_academic', `/api/v1/classes/${c.id}/students?limit=1`)).items[0];
    rep = (await get('deputy_academic', `/api/v1/students/${pupil.id}/representatives`)).items[0].id;
  });

  test('the demo\'s grade 11–12 students have applications fixed by the director\'s order; CUR-7 in English', async () => {
    const c = net.classes1.find((x) => x.grade === 11 && x.language === 'ru');
    const s = (await get('deputy_academic', `/api/v1/classes/${c.id}/students?limit=1`)).items[0];
    const apps = (await get('deputy_academic', `/api/v1/students/${s.id}/choices`)).items;
    assert.equal(apps.length, 1);
    assert.equal(apps[0].academic_year.name, '2026-2027');
    assert.ok([7, 10].includes(apps[0].math_programme));
    assert.equal(apps[0].order.number, '112-ө');
    assert.equal(apps[0].subjects.filter((x) => x.level === 'advanced').length, 2);
    for (const x of apps[0].subjects)
      assert.equal(x.language, ['physics', 'chemistry', 'biology', 'informatics'].includes(x.subject.code) ? 'en' : 'ru');
  });

  test('CUR-4: after 10 June the application for that year is refused, nothing written', async () => {
    const c = net.classes1.find((x) => x.grade === 11);
    const s = await as('director', 'POST', '/api/v1/students', newStudent(net.school1, c.id, { birth_date: '2009-05-05' }));
    assert.equal(s.status, 201, s.text);
    const link = await as('director', 'POST', `/api/v1/students/${s.body.id}/representatives`, {
      last_name: 'Серікова', first_name: 'Айгүл', iin: freshIin('1984-02-02', 'f'), birth_date: '1984-02-02', sex: 'f', relation: 'mother',
    });
    assert.equal(link.status, 201, link.text);
    const read = () => get('deputy_academic', `/api/v1/students/${s.body.id}/choices`);
    const r = await nothingWritten(read, () => as('deputy_academic', 'POST', `/api/v1/students/${s.body.id}/choices`,
      choose({ academic_year_id: c.academic_year_id, representative_id: link.body.id })));
    assertError(r, 422, 'choice_deadline_passed');
    assert.deepEqual(codes(r), ['CUR-4:choice_deadline_passed:filed_on']);
  });

  test('who files: the child\'s own representative, or the deputy for a linked representative', async () => {
    assertError(await as('teacher', 'POST', `/api/v1/students/${pupil.id}/choices`, choose()), 403, 'forbidden');
    assertError(await as('director2', 'POST', `/api/v1/students/${pupil.id}/choices`, choose()), 403, 'forbidden');
    assertError(await as('parent', 'POST', `/api/v1/students/${pupil.id}/choices`, choose()), 403, 'forbidden');
    /* the parent's own child is in grade 7: their application is refused by CUR-4, not by rights */
    const child = net.parent.children[0].id;
    const own = await as('parent', 'POST', `/api/v1/students/${child}/choices`, choose({ representative_id: undefined }));
    assertError(own, 422, 'choice_grade');
    const missing = await as('deputy_academic', 'POST', `/api/v1/students/${pupil.id}/choices`, choose({ representative_id: undefined }));
    assertError(missing, 422, 'missing_field');
    const stranger = await as('deputy_academic', 'POST', `/api/v1/students/${pupil.id}/choices`, choose({ representative_id: net.parent.user.person_id }));
    assertError(stranger, 422, 'representative_not_linked');
    assert.equal(stranger.body.error.rule, 'ORG-3');
  });

  test('filed, then changed before the order (200), audited', async () => {
    const r = await auditGrows(1, () => as('deputy_academic', 'POST', `/api/v1/students/${pupil.id}/choices`, choose()));
    assert.equal(r.status, 201, r.text);
    application = r.body;
    assert.equal(application.filed_on, todayKz());
    assert.equal(application.order, null);
    assert.equal(application.representative_id, rep);
    assert.equal(application.subjects.find((x) => x.subject.code === 'physics').language, 'en');
    assert.equal(application.subjects.find((x) => x.subject.code === 'geography').language, 'kk');
    const r2 = await auditGrows(1, () => as('deputy_academic', 'POST', `/api/v1/students/${pupil.id}/choices`, choose({
      subjects: [{ subject_id: subj.physics, level: 'advanced' }, { subject_id: subj.biology, level: 'advanced' }],
    })));
    assert.equal(r2.status, 200, r2.text);
    assert.equal(r2.body.id, application.id);
    const [e] = await auditOf(srv, 'choice_application', application.id);
    assert.equal(e.action, 'update');
    assert.equal(e.before.subjects.length, 4);
    assert.equal(e.after.subjects.length, 2);
    application = r2.body;
  });

  test('CUR-6: mathematics 10 → 7 is refused even before the order; duplicates listed too', async () => {
    const r = await nothingWritten(readChoices, () => as('deputy_academic', 'POST', `/api/v1/students/${pupil.id}/choices`, choose({
      math_programme: 7,
      subjects: [{ subject_id: subj.physics, level: 'advanced' }, { subject_id: subj.physics, level: 'standard' }],
    })));
    assertError(r, 422);
    assert.deepEqual(codes(r), ['CUR-4:duplicate_subject:subjects[1].subject_id', 'CUR-6:math_programme_switch:math_programme']);
    assertError(await as('deputy_academic', 'POST', `/api/v1/students/${pupil.id}/choices`, choose({ math_programme: 8 })), 422);
  });

  test('the director\'s order fixes the listed applications; only the director; each student once', async () => {
    const body = { number: '77-ө', date: todayKz(), academic_year_id: future.id, student_ids: [pupil.id] };
    assertError(await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/choice-orders`, body), 403, 'forbidden');
    assertError(await as('director2', 'POST', `/api/v1/schools/${net.school1}/choice-orders`, body), 403, 'forbidden');
    const other = (await get('deputy_academic', `/api/v1/classes/${net.classes1[0].id}/students?limit=1`)).items[0].id;
    const bad = await nothingWritten(readChoices, () => as('director', 'POST', `/api/v1/schools/${net.school1}/choice-orders`,
      { ...body, student_ids: [pupil.id, other, pupil.id] }));
    assertError(bad, 422);
    assert.deepEqual(codes(bad), ['CUR-4:choice_missing:student_ids[1]', 'null:duplicate_student:student_ids[2]']);
    const r = await auditGrows(2, () => as('director', 'POST', `/api/v1/schools/${net.school1}/choice-orders`, body));
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.body.student_ids, [pupil.id]);
    const fixed = (await readChoices()).items[0];
    assert.deepEqual(fixed.order, { id: r.body.id, number: '77-ө', date: todayKz() });
    const [e] = await auditOf(srv, 'choice_application', application.id);
    assert.equal(e.action, 'fix');
    const twice = await as('director', 'POST', `/api/v1/schools/${net.school1}/choice-orders`, { ...body, number: '78-ө' });
    assertError(twice, 422, 'choice_already_fixed');
    assert.equal(twice.body.error.rule, 'CUR-5');
    const taken = await as('director', 'POST', `/api/v1/schools/${net.school1}/choice-orders`, body);
    assertError(taken, 409, 'order_number_taken');
    assert.deepEqual(codes(taken), ['CUR-5:choice_already_fixed:student_ids[0]', 'null:order_number_taken:number']);
  });

  test('CUR-5: after the order neither a level nor a subject changes (and it is not filed again)', async () => {
    for (const subjects of [
      [{ subject_id: subj.physics, level: 'standard' }, { subject_id: subj.biology, level: 'advanced' }],
      [{ subject_id: subj.physics, level: 'advanced' }, { subject_id: subj.chemistry, level: 'advanced' }],
      [{ subject_id: subj.biology, level: 'advanced' }, { subject_id: subj.physics, level: 'advanced' }],
    ]) {
      const r = await nothingWritten(readChoices, () => as('deputy_academic', 'POST', `/api/v1/students/${pupil.id}/choices`, choose({ subjects })));
      assertError(r, 422, 'choice_fixed');
      assert.equal(r.body.error.rule, 'CUR-5');
    }
  });

  test('who reads: the student\'s school and representatives; not another school or another child\'s parent', async () => {
    assertError(await as('director2', 'GET', `/api/v1/students/${pupil.id}/choices`), 403, 'forbidden');
    assertError(await as('parent', 'GET', `/api/v1/students/${pupil.id}/choices`), 403, 'forbidden');
    assertError(await as('student', 'GET', `/api/v1/students/${pupil.id}/choices`), 403, 'forbidden');
    const child = net.parent.children[0].id;
    assert.deepEqual((await get('parent', `/api/v1/students/${child}/choices`)).items, []);
  });
});

describe('the teaching load (CUR-9)', () => {
  let load;
  const toPut = (l) => ({
    academic_year_id: l.academic_year_id,
    teachers: l.teachers.filter((t) => t.set_hours !== null).map((t) => ({
      staff_id: t.staff_id, set_hours: t.set_hours, elective_hours: t.elective_hours, club_hours: t.club_hours,
    })),
    assignments: l.assignments.map((a) => (a.group_id
      ? { staff_id: a.staff_id, group_id: a.group_id, subject_id: a.subject_id, hours: a.hours }
      : { staff_id: a.staff_id, class_id: a.class_id, subject_id: a.subject_id, hours: a.hours })),
  });
  const readLoad = () => get('deputy_academic', `/api/v1/schools/${net.school1}/load`);

  test('the demo assigns every class-subject and group; a few teachers are off their set load', async () => {
    load = await get('teacher', `/api/v1/schools/${net.school1}/load`);
    assert.ok(load.teachers.length > 20);
    assert.ok(load.assignments.length > 300);
    assert.ok(load.assignments.some((a) => a.group_id && a.group === '2'));
    const report = await get('teacher', `/api/v1/schools/${net.school1}/load/report`);
    assert.equal(report.rule, 'CUR-9');
    assert.deepEqual(report.classes, [], 'every class-subject as the ЖОЖ says');
    assert.ok(report.teachers.length > 0 && report.teachers.length < load.teachers.length / 2, `${report.teachers.length} teachers off`);
    for (const t of report.teachers) {
      assert.equal(t.assigned_hours, t.lesson_hours + t.elective_hours + t.club_hours);
      assert.equal(t.difference, t.assigned_hours - t.set_hours);
      assert.equal(t.status, t.difference > 0 ? 'above' : 'below');
    }
    assert.equal(report.clean, false);
    assertError(await as('director2', 'GET', `/api/v1/schools/${net.school1}/load`), 403, 'forbidden');
    assertError(await as('parent', 'GET', `/api/v1/schools/${net.school1}/load/report`), 403, 'forbidden');
  });

  test('a load with wrong lines is refused with every problem, nothing written', async () => {
    const body = toPut(load);
    const group = load.assignments.find((a) => a.group_id);
    const foreignStaff = (await get('network_admin', `/api/v1/schools/${net.school2}/staff?limit=1`)).items[0].id;
    body.teachers.push({ ...body.teachers[0] });
    body.assignments.push(
      { staff_id: body.teachers[0].staff_id, class_id: group.class_id, group_id: group.group_id, subject_id: group.subject_id, hours: 1 },
      { staff_id: foreignStaff, class_id: group.class_id, subject_id: group.subject_id, hours: 1 },
      { staff_id: body.teachers[0].staff_id, class_id: net.classes2[0].id, subject_id: group.subject_id, hours: 1 },
      { staff_id: body.teachers[0].staff_id, group_id: group.group_id, subject_id: subj.world_history, hours: 1 },
    );
    const n = body.assignments.length;
    const r = await nothingWritten(readLoad, () => as('deputy_academic', 'PUT', `/api/v1/schools/${net.school1}/load`, body));
    assertError(r, 422);
    assert.deepEqual(codes(r), [
      `CUR-9:duplicate_teacher:teachers[${body.teachers.length - 1}].staff_id`,
      `CUR-9:load_class_or_group:assignments[${n - 4}].group_id`,
      `null:wrong_school:assignments[${n - 3}].staff_id`,
      `null:wrong_school:assignments[${n - 2}].class_id`,
      `CUR-9:group_subject_mismatch:assignments[${n - 1}].subject_id`,
    ].sort());
    assertError(await as('teacher', 'PUT', `/api/v1/schools/${net.school1}/load`, toPut(load)), 403, 'forbidden');
    assertError(await as('director2', 'PUT', `/api/v1/schools/${net.school1}/load`, toPut(load)), 403, 'forbidden');
  });

  test('the deputy replaces the load (audited); the report shows the class-subject one hour short', async () => {
    const body = toPut(load);
    const i = body.assignments.findIndex((a) => a.class_id && a.hours >= 2);
    body.assignments[i].hours -= 1;
    const r = await auditGrows(1, () => as('deputy_academic', 'PUT', `/api/v1/schools/${net.school1}/load`, body));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.assignments.length, load.assignments.length);
    const report = await get('deputy_academic', `/api/v1/schools/${net.school1}/load/report`);
    const short = report.classes.find((c) => c.class_id === body.assignments[i].class_id && c.subject_id === body.assignments[i].subject_id);
    assert.ok(short, JSON.stringify(report.classes));
    assert.equal(short.assigned_hours, short.plan_hours - 1);
    assert.equal(short.group_id, null);
    assert.match(short.class, /^\d+\D+$/);
    const [e] = await auditOf(srv, 'teaching_load', load.academic_year_id);
    assert.equal(e.action, 'replace');
    assert.equal(e.before.assignments.length, load.assignments.length);
  });

  test('a year without a ЖОЖ has no report (422 CUR-9)', async () => {
    const start = openStart() + 1;
    const y = await as('director', 'POST', `/api/v1/schools/${net.school1}/academic-years`, {
      name: `${start}-${start + 1}`, starts_on: `${start}-09-01`, ends_on: `${start + 1}-05-25`,
    });
    assert.equal(y.status, 201, y.text);
    const r = await as('deputy_academic', 'GET', `/api/v1/schools/${net.school1}/load/report?academic_year_id=${y.body.id}`);
    assertError(r, 422, 'curriculum_missing');
    assert.equal(r.body.error.rule, 'CUR-9');
  });
});

describe('the КТЖ (CUR-10)', () => {
  let target; // a subject and grade the demo "teacher" teaches
  const path = () => `/api/v1/schools/${net.school1}/ktp?subject_id=${target.subject}&grade=${target.grade}`;

  before(async () => {
    const me = await get('teacher', '/api/v1/me');
    const load = await get('teacher', `/api/v1/schools/${net.school1}/load`);
    const mine = load.assignments.find((a) => a.staff_id === me.staff_id);
    assert.ok(mine, 'the demo teacher has hours');
    const grade = Number(mine.class.match(/^\d+/)[0]);
    const other = load.assignments.find((a) => a.subject_id !== mine.subject_id && !load.assignments.some((b) => b.staff_id === me.staff_id && b.subject_id === a.subject_id));
    target = { subject: mine.subject_id, grade, other: other.subject_id };
  });

  test('the teacher of the subject loads the topics; the order is kept; audited', async () => {
    const topics = [{ title: 'Кіріспе', hours: 2 }, { title: 'Векторлар, координаттар', hours: 5 }, { title: 'Қорытынды', hours: 1 }];
    const r = await auditGrows(1, () => as('teacher', 'PUT', path(), { topics }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.topics, topics.map((t, i) => ({ position: i + 1, ...t })));
    assert.equal(r.body.total_hours, 8);
    assert.deepEqual(await get('director', path()), r.body);
    const [e] = await auditOf(srv, 'ktp', r.body.academic_year_id);
    assert.equal(e.action, 'replace');
    assert.equal(e.login, 'teacher');
  });

  test('rights: another subject\'s teacher, another school, a parent may not write', async () => {
    const other = `/api/v1/schools/${net.school1}/ktp?subject_id=${target.other}&grade=${target.grade}`;
    assertError(await as('teacher', 'PUT', other, { topics: [{ title: 'x', hours: 1 }] }), 403, 'forbidden');
    assertError(await as('director2', 'PUT', path(), { topics: [] }), 403, 'forbidden');
    assertError(await as('parent', 'GET', path()), 403, 'forbidden');
    assertError(await as('deputy_academic', 'GET', `/api/v1/schools/${net.school1}/ktp?grade=7`), 400, 'bad_query');
  });

  test('a CSV file replaces the topics in the order of its first column', async () => {
    const csv = 'order,title,hours\r\n2,"Функциялар, графиктер",4\r\n1,Кіріспе,1\r\n3,"Тақырып ""A""",2\r\n';
    const r = await auditGrows(1, () => as('deputy_academic', 'POST', path().replace('/ktp?', '/ktp/import?'), csv, { headers: { 'Content-Type': 'text/csv' } }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.topics.map((t) => [t.position, t.title, t.hours]),
      [[1, 'Кіріспе', 1], [2, 'Функциялар, графиктер', 4], [3, 'Тақырып "A"', 2]]);
  });

  test('an Excel workbook (.xlsx) is read as the CSV of its first sheet', async () => {
    const xlsx = fs.readFileSync(new URL('./fixtures/ktp.xlsx', import.meta.url));
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const r = await auditGrows(1, () => as('deputy_academic', 'POST', path().replace('/ktp?', '/ktp/import?'), xlsx, { headers: { 'Content-Type': type } }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.topics.map((t) => [t.position, t.title, t.hours]),
      [[1, 'Кіріспе: сандар, өрнектер', 2], [2, 'Теңдеулер', 3]]);
    // a file that is not a workbook: refused with the rule, nothing written
    const read = () => get('deputy_academic', path());
    const bad = await nothingWritten(read, () => as('deputy_academic', 'POST', path().replace('/ktp?', '/ktp/import?'), Buffer.from('PK not really'), { headers: { 'Content-Type': type } }));
    assert.equal(assertError(bad, 422, 'xlsx_unreadable').rule, 'CUR-10');
  });

  test('a bad CSV file is refused line by line; nothing written', async () => {
    const read = () => get('deputy_academic', path());
    const csv = '1,Кіріспе,1\n1,Қайталау,2\n3,Бос сағат,0\n4,"ашық\n';
    const r = await nothingWritten(read, () => as('deputy_academic', 'POST', path().replace('/ktp?', '/ktp/import?'), csv, { headers: { 'Content-Type': 'text/csv' } }));
    assertError(r, 422);
    assert.deepEqual(codes(r), ['CUR-10:csv_duplicate_order:lines[1]', 'CUR-10:csv_malformed:lines[3]', 'CUR-10:csv_row_invalid:lines[2]'].sort());
    const en = await as('deputy_academic', 'POST', path().replace('/ktp?', '/ktp/import?'), '1,a,0\n', { headers: { 'Content-Type': 'text/csv' }, lang: 'en' });
    assert.equal(en.body.error.message, 'A line needs an order number, a title and hours: line 1.');
    const json = await as('deputy_academic', 'POST', path().replace('/ktp?', '/ktp/import?'), '1,a,1\n', { headers: { 'Content-Type': 'application/json' } });
    assertError(json, 415, 'csv_content_type');
  });
});
