// Elective courses (issue 8): the academic deputy opens courses; the teacher writes the
// programme (ELE-6), a colleague reviews it on the nine criteria (ELE-7), the
// methodological association approves it — late after 30 June (ELE-5); the ЖОЖ gives a
// grade its elective hours and weekly maximum; a parent chooses for the child within them
// (ELE-1) and below the maximum (ELE-12), and switches on an application (ELE-13);
// groups with fixed members, split from 17 and refused under 12 for a second foreign
// language (ELE-3, ELE-4); the teacher's session journal with attendance and the test
// work; the results "сыналды" / "сыналмады" with their figures, 65 % for the switcher
// (ELE-9, ELE-10), in the student's card (ELE-11); a final product (ELE-8). Each 422 lists
// every broken rule and writes nothing (the audit log does not grow). The thresholds'
// both sides are core's unit tests (tests/unit/test_elective.c); here one side of each.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertError, auditGrows as auditGrowsBy, network, problems, startServer } from './server.mjs';

const TODAY = '2026-11-26';
const srv = await startServer({ serveArgs: ['--today', TODAY] });
after(() => srv.stop());

const as = async (role, method, p, body, lang) => srv.api(method, p, { token: await srv.login(role), body, lang });
const get = async (role, p) => {
  const r = await as(role, 'GET', p);
  assert.equal(r.status, 200, `${role} GET ${p}: ${r.text}`);
  return r.body;
};
const ok = async (role, method, p, body, status = 200) => {
  const r = await as(role, method, p, body);
  assert.equal(r.status, status, `${role} ${method} ${p}: ${r.text}`);
  return r.body;
};
const auditGrows = (n, fn) => auditGrowsBy(srv, n, fn);

const criteria = (score = 2) =>
  Object.fromEntries(
    ['novelty', 'motivation', 'development', 'completeness', 'sequence', 'active_methods', 'control', 'realism',
      'structure'].map((k) => [k, { score, comment: `${k}: жақсы` }]),
  );
const programme = {
  author: 'Ахметова Г.',
  year_label: '2026-2027',
  explanatory_note: 'Курстың мақсаты — роботтарды құрастыру және бағдарламалау.',
  content: '1-бөлім. Датчиктер. 2-бөлім. Қозғалтқыштар.',
  recommendations: 'Жобалық әдіс, топтық жұмыс.',
  literature: 'LEGO Education, 2024.',
  plan: [
    { section: 'Датчиктер', topic: 'Жарық датчигі', hours: 2, form: 'практикум' },
    { section: 'Датчиктер', topic: 'Қашықтық датчигі', hours: 2, form: 'жоба' },
    { section: 'Қозғалтқыштар', topic: 'Сервожетек', hours: 3, form: 'зертханалық жұмыс' },
  ],
};
const course = (extra = {}) => ({
  title: { kk: 'Робототехника', ru: 'Робототехника', en: 'Robotics' },
  kind: 'interest',
  direction: 'it',
  grade_from: 8,
  grade_to: 9,
  hours: 1,
  ...extra,
});

let net;
let teacherStaff;
let child; // the parent's child, grade 8
let eights; // other grade-8 students of school 1
let curriculumId;

/* A course of school 1 with its programme written, reviewed and approved. */
async function approvedCourse(extra = {}) {
  const c = await ok('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/electives`,
    course({ staff_id: teacherStaff, ...extra }), 201);
  await ok('teacher', 'PUT', `/api/v1/electives/${c.id}/programme`, programme);
  await ok('deputy_academic', 'POST', `/api/v1/electives/${c.id}/reviews`,
    { reviewer: 'Сейітова Ә.', reviewed_on: '2026-06-10', criteria: criteria() }, 201);
  await ok('deputy_academic', 'POST', `/api/v1/electives/${c.id}/programme/approve`,
    { date: '2026-06-20', protocol_number: '5' });
  return c;
}

before(async () => {
  net = await network(srv);
  teacherStaff = (await get('teacher', '/api/v1/me')).staff_id;
  assert.ok(teacherStaff, "the teacher's staff id");
  const grade8 = net.classes1.filter((c) => c.grade === 8);
  let me = await get('parent', '/api/v1/me');
  child = me.children.find((c) => c.school_id === net.school1 && c.grade === 8 && c.status === 'studying');
  if (!child) {
    const pick = (await get('deputy_academic', `/api/v1/classes/${grade8[0].id}/students?limit=1`)).items[0];
    await ok('deputy_academic', 'POST', `/api/v1/students/${pick.id}/representatives`,
      { person_id: me.user.person_id, relation: 'mother' }, 201);
    me = await get('parent', '/api/v1/me');
    child = me.children.find((c) => c.id === pick.id);
  }
  assert.ok(child, "the parent's grade-8 child");
  eights = [];
  for (const c of grade8) {
    for (const s of (await get('deputy_academic', `/api/v1/classes/${c.id}/students?limit=100`)).items)
      if (s.id !== child.id && s.status === 'studying') eights.push(s);
  }
  assert.ok(eights.length >= 20, 'school 1 has 20 grade-8 students');
  const curricula = await get('deputy_academic', `/api/v1/schools/${net.school1}/curricula`);
  curriculumId = (curricula.items || curricula)[0].id;
  /* grade 8: 34 weekly hours of lessons in the demo's ЖОЖ, and 2 of the demo's electives
   * (demo/electives.h); here 5 hours of electives, 38 at most */
  const demoCard = await get('parent', `/api/v1/students/${child.id}/electives`);
  assert.equal(demoCard.load.chosen, 2, "the demo's two 1-hour courses");
  await ok('deputy_academic', 'PUT', `/api/v1/curricula/${curriculumId}/electives`,
    { grades: [{ grade: 8, elective_hours: 5, max_weekly_hours: 38 }, { grade: 9, elective_hours: 4, max_weekly_hours: 40 }] });
});

describe('courses and programmes (ELE-2, ELE-5..ELE-7)', () => {
  test('the deputy opens a course; every problem of a wrong one at once, nothing written', async () => {
    const c = await auditGrows(1, () => ok('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/electives`,
      course({ staff_id: teacherStaff }), 201));
    assert.equal(c.programme_status, 'draft');
    assert.equal(c.title.en, 'Robotics');
    assert.ok(c.teacher, 'the teacher is named');
    const r = await auditGrows(0, () => as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/electives`,
      course({ grade_from: 9, grade_to: 8, focus: 'olympiad' })));
    assertError(r, 422);
    assert.deepEqual(problems(r), ['elective_focus_kind:focus', 'elective_grades_order:grade_to']);
    assert.equal(r.body.error.details.find((d) => d.field === 'focus').rule, 'ELE-2');
    /* the messages come in the request's language */
    const ru = await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/electives`,
      course({ grade_from: 9, grade_to: 8 }), 'ru');
    const en = await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/electives`,
      course({ grade_from: 9, grade_to: 8 }), 'en');
    assert.match(ru.body.error.message, /класс/);
    assert.match(en.body.error.message, /grade/);
    assertError(await as('teacher', 'POST', `/api/v1/schools/${net.school1}/electives`, course()), 403);
    assertError(await as('director2', 'POST', `/api/v1/schools/${net.school1}/electives`, course()), 403);
    const list = await get('director', `/api/v1/schools/${net.school1}/electives`);
    assert.ok(list.items.some((x) => x.id === c.id));
  });

  test('written by the teacher, reviewed by a colleague on nine criteria, approved by the association', async () => {
    const c = await ok('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/electives`,
      course({ staff_id: teacherStaff }), 201);
    /* an empty programme: every missing part of ELE-6 and the missing review (ELE-7) */
    let r = await auditGrows(0, () => as('deputy_academic', 'POST', `/api/v1/electives/${c.id}/programme/approve`,
      { date: '2026-06-20', protocol_number: '5' }));
    assertError(r, 422);
    assert.deepEqual(problems(r), ['elective_programme_not_reviewed:reviews',
      ...['author', 'content', 'explanatory_note', 'literature', 'plan', 'recommendations', 'year_label']
        .map((f) => `elective_programme_part_missing:${f}`)].sort());
    assert.ok(r.body.error.details.every((d) => d.rule === (d.field === 'reviews' ? 'ELE-7' : 'ELE-6')));
    const p = await ok('teacher', 'PUT', `/api/v1/electives/${c.id}/programme`, programme);
    assert.equal(p.plan.length, 3);
    assert.equal(p.plan[2].form, 'зертханалық жұмыс');
    assert.equal(p.title_page.course.kk, 'Робототехника');
    assert.ok(p.title_page.school, "the title page names the school");
    /* the programme's own teacher does not review it */
    assertError(await as('teacher', 'POST', `/api/v1/electives/${c.id}/reviews`,
      { reviewer: 'Ахметова Г.', reviewed_on: '2026-06-10', criteria: criteria() }), 403);
    r = await as('deputy_academic', 'POST', `/api/v1/electives/${c.id}/reviews`,
      { reviewer: 'Сейітова Ә.', reviewed_on: '2026-06-10', criteria: { novelty: { score: 4 } } });
    assertError(r, 422);
    assert.ok(problems(r).includes('out_of_range:criteria.novelty.score'), r.text);
    assert.ok(problems(r).includes('missing_field:criteria.structure'), r.text);
    const review = await ok('deputy_academic', 'POST', `/api/v1/electives/${c.id}/reviews`,
      { reviewer: 'Сейітова Ә.', reviewed_on: '2026-06-10', criteria: criteria(3), comment: 'Ұсынылады' }, 201);
    assert.equal(review.total, 27);
    assert.equal((await get('deputy_academic', `/api/v1/electives/${c.id}`)).programme_status, 'review');
    const approved = await auditGrows(1, () => ok('deputy_academic', 'POST',
      `/api/v1/electives/${c.id}/programme/approve`, { date: '2026-06-25', protocol_number: '7' }));
    assert.equal(approved.status, 'approved');
    assert.deepEqual(approved.approval, { date: '2026-06-25', protocol_number: '7' });
    assert.equal(approved.deadline, '2026-06-30');
    assert.equal(approved.late, false);
    assert.equal(approved.reviews[0].criteria.control.score, 3);
    assertError(await as('teacher', 'PUT', `/api/v1/electives/${c.id}/programme`, programme), 409,
      'elective_programme_approved');
  });

  test('a programme approved after 30 June is late, and so is one not approved yet', async () => {
    const late = await ok('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/electives`,
      course({ staff_id: teacherStaff, title: { kk: 'Кеш', ru: 'Поздний', en: 'Late' } }), 201);
    await ok('teacher', 'PUT', `/api/v1/electives/${late.id}/programme`, programme);
    await ok('deputy_academic', 'POST', `/api/v1/electives/${late.id}/reviews`,
      { reviewer: 'Сейітова Ә.', reviewed_on: '2026-07-02', criteria: criteria() }, 201);
    const p = await ok('deputy_academic', 'POST', `/api/v1/electives/${late.id}/programme/approve`,
      { date: '2026-07-01', protocol_number: '9' });
    assert.equal(p.late, true);
    const list = await get('deputy_academic', `/api/v1/schools/${net.school1}/electives/late`);
    const ids = list.items.map((x) => x.course_id);
    assert.ok(ids.includes(late.id), 'approved on 1 July: late');
    const onTime = await approvedCourse();
    assert.ok(!ids.includes(onTime.id) && !(await get('deputy_academic',
      `/api/v1/schools/${net.school1}/electives/late`)).items.some((x) => x.course_id === onTime.id), 'approved on 20 June: in time');
    assert.ok(list.items.some((x) => x.status === 'draft'), 'a draft is late once 30 June has passed');
  });
});

describe('choices (ELE-1, ELE-12, ELE-13)', () => {
  let one;
  let two;
  test('a parent chooses for the child within the ЖОЖ and below the weekly maximum', async () => {
    one = await approvedCourse();
    two = await approvedCourse({ hours: 2, title: { kk: 'Олимпиадалық информатика', ru: 'Олимпиадная информатика', en: 'Olympiad informatics' } });
    const three = await approvedCourse({ hours: 3 });
    const draft = await ok('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/electives`, course(), 201);
    let card = await get('parent', `/api/v1/students/${child.id}/electives`);
    assert.deepEqual(card.load, { set: true, elective_hours: 5, max_weekly_hours: 38, lessons: 34, chosen: 2, total: 36 });
    assert.ok(card.offered.some((c) => c.id === one.id), 'an approved course of the grade is offered');
    assert.ok(!card.offered.some((c) => c.id === draft.id), 'a draft is not');
    const chosen = await auditGrows(1, () => ok('parent', 'POST', `/api/v1/students/${child.id}/electives`,
      { course_id: one.id }, 201));
    assert.equal(chosen.starts_on, TODAY);
    assert.equal(chosen.load.total, 37);
    assertError(await as('parent', 'POST', `/api/v1/students/${child.id}/electives`, { course_id: one.id }), 422,
      'elective_already_chosen');
    /* 34 + 3 + 2 = 39 > 38: the weekly maximum (ELE-12) alone — 3 + 2 hours fit the ЖОЖ's 5 */
    let r = await auditGrows(0, () => as('parent', 'POST', `/api/v1/students/${child.id}/electives`, { course_id: two.id }));
    assertError(r, 422, 'elective_load_exceeded');
    assert.deepEqual(problems(r), ['elective_load_exceeded:course_id']);
    assert.equal(r.body.error.rule, 'ELE-12');
    assert.deepEqual(r.body.error.details[0].figures, { load: 37, hours: 2, max_weekly_hours: 38 });
    /* 3 + 3 > 5 hours of the ЖОЖ (ELE-1) and 40 > 38 (ELE-12), both at once */
    r = await as('parent', 'POST', `/api/v1/students/${child.id}/electives`, { course_id: three.id });
    assertError(r, 422);
    assert.deepEqual(r.body.error.details.map((d) => d.rule).sort(), ['ELE-1', 'ELE-12']);
    /* not approved (ELE-5); a parent gives no starts_on */
    r = await as('parent', 'POST', `/api/v1/students/${child.id}/electives`, { course_id: draft.id, starts_on: '2026-09-01' });
    assertError(r, 422);
    assert.deepEqual(problems(r), ['elective_programme_not_approved:course_id', 'elective_starts_on_staff_only:starts_on']);
    card = await get('parent', `/api/v1/students/${child.id}/electives`);
    assert.equal(card.choices.length, 3);
    assert.equal(card.load.chosen, 3);
  });

  test('a chosen course keeps its hours and grades; its title changes, and it closes', async () => {
    const r = await auditGrows(0, () => as('deputy_academic', 'PATCH', `/api/v1/electives/${one.id}`, { hours: 2, grade_to: 10 }));
    assertError(r, 422);
    assert.deepEqual(problems(r), ['elective_chosen_fixed:grade_to', 'elective_chosen_fixed:hours']);
    const renamed = await auditGrows(1, () => ok('deputy_academic', 'PATCH', `/api/v1/electives/${one.id}`,
      { title: { kk: 'Робототехника 2', ru: 'Робототехника 2', en: 'Robotics 2' } }));
    assert.equal(renamed.title.en, 'Robotics 2');
    assert.equal(renamed.hours, 1);
    const spare = await approvedCourse();
    const closed = await ok('deputy_academic', 'PATCH', `/api/v1/electives/${spare.id}`, { active: false });
    assert.equal(closed.active, false);
    assertError(await as('parent', 'POST', `/api/v1/students/${child.id}/electives`, { course_id: spare.id }), 422,
      'elective_course_closed');
    assertError(await as('teacher', 'PATCH', `/api/v1/electives/${one.id}`, { active: false }), 403);
  });

  test("another family's parent and a student of another record get 403", async () => {
    const someone = eights.at(-1);
    const reps = await get('deputy_academic', `/api/v1/students/${someone.id}/representatives`);
    srv.cli(['user', 'add', '--login', 'parent_el', '--password', PASSWORD, '--role', 'parent', '--school',
      net.director.school.code, '--person', String(reps.items[0].id)]);
    const stranger = await srv.api('POST', '/api/v1/auth/login', { body: { login: 'parent_el', password: PASSWORD } });
    const token = stranger.body.token;
    assertError(await srv.api('POST', `/api/v1/students/${child.id}/electives`, { token, body: { course_id: one.id } }), 403);
    assertError(await srv.api('GET', `/api/v1/students/${child.id}/electives`, { token }), 403);
    assertError(await srv.api('GET', '/api/v1/students/999999/electives', { token }), 403);
    assertError(await as('student', 'POST', `/api/v1/students/${child.id}/electives`, { course_id: one.id }), 403);
  });

  test('a switch needs the application and is remembered', async () => {
    let r = await as('parent', 'POST', `/api/v1/students/${child.id}/electives/switch`,
      { from_course_id: one.id, course_id: one.id });
    assertError(r, 422);
    assert.deepEqual(problems(r), ['missing_field:applicant', 'missing_field:application_on']);
    r = await as('parent', 'POST', `/api/v1/students/${child.id}/electives/switch`,
      { from_course_id: one.id, course_id: one.id, application_on: '2026-11-20', applicant: 'Ахметов Д., Ахметова Г.' });
    assertError(r, 422, 'elective_switch_same');
    /* 34 + 2 + 2 = 38: the new course fits once the old one is left */
    const sw = await auditGrows(1, () => ok('parent', 'POST', `/api/v1/students/${child.id}/electives/switch`,
      { from_course_id: one.id, course_id: two.id, application_on: '2026-11-20', applicant: 'Ахметов Д., Ахметова Г.' }, 201));
    assert.equal(sw.switched, true);
    assert.equal(sw.application_on, '2026-11-20');
    assert.equal(sw.load.total, 38);
    const card = await get('parent', `/api/v1/students/${child.id}/electives`);
    const open = card.choices.filter((c) => c.ends_on === null);
    assert.ok(open.some((c) => c.course_id === two.id) && !open.some((c) => c.course_id === one.id));
    assert.equal(open.length, 3);
    assert.equal(card.choices.find((c) => c.course_id === one.id).ends_on, TODAY);
  });
});

describe('groups (ELE-3, ELE-4)', () => {
  test('a second foreign language group under 12 is refused; 12 open it', async () => {
    const german = await approvedCourse({ second_language: true, direction: 'languages',
      title: { kk: 'Неміс тілі', ru: 'Немецкий язык', en: 'German' } });
    const twelve = eights.slice(0, 12);
    for (const s of twelve)
      await ok('deputy_academic', 'POST', `/api/v1/students/${s.id}/electives`, { course_id: german.id }, 201);
    const members = (list) => list.map((s) => ({ student_id: s.id }));
    const r = await auditGrows(0, () => as('deputy_academic', 'POST', `/api/v1/electives/${german.id}/groups`,
      { name: '1', staff_id: teacherStaff, members: members(twelve.slice(0, 11)) }));
    assertError(r, 422, 'elective_group_too_small');
    assert.equal(r.body.error.rule, 'ELE-4');
    assert.deepEqual(r.body.error.details[0].figures, { members: 11, minimum: 12 });
    const g = await ok('deputy_academic', 'POST', `/api/v1/electives/${german.id}/groups`,
      { name: '1', staff_id: teacherStaff, members: members(twelve) }, 201);
    assert.equal(g.size, 12);
    assert.equal(g.split_needed, false);
    assert.ok(['one_class', 'parallel'].includes(g.formation));
  });

  test('17 members are flagged to be split; a member must have chosen the course and be in no other group', async () => {
    const c = await approvedCourse();
    const seventeen = eights.slice(0, 17);
    for (const s of seventeen)
      await ok('deputy_academic', 'POST', `/api/v1/students/${s.id}/electives`, { course_id: c.id, starts_on: '2026-09-01' }, 201);
    const r = await as('deputy_academic', 'POST', `/api/v1/electives/${c.id}/groups`,
      { name: 'A', members: [{ student_id: eights[18].id }, { student_id: seventeen[0].id }, { student_id: seventeen[0].id }] });
    assertError(r, 422);
    assert.deepEqual(problems(r), ['duplicate_student:members[2].student_id', 'elective_not_chosen:members[0].student_id']);
    let choosers = (await get('teacher', `/api/v1/electives/${c.id}/choices`)).items;
    assert.deepEqual(choosers.map((x) => x.student_id).sort(), seventeen.map((x) => x.id).sort());
    assert.ok(choosers.every((x) => x.group_id === null && x.grade === 8));
    const g = await ok('deputy_academic', 'POST', `/api/v1/electives/${c.id}/groups`,
      { name: 'A', staff_id: teacherStaff, members: seventeen.map((s) => ({ student_id: s.id })) }, 201);
    choosers = (await get('deputy_academic', `/api/v1/electives/${c.id}/choices`)).items;
    assert.ok(choosers.every((x) => x.group_id === g.id), 'every chooser in the group');
    assert.equal(g.size, 17);
    assert.equal(g.split_needed, true);
    assert.equal(g.split_at, 17);
    const again = await as('deputy_academic', 'POST', `/api/v1/electives/${c.id}/groups`,
      { name: 'B', members: [{ student_id: seventeen[1].id }] });
    assertError(again, 422, 'elective_in_group');
    assertError(await as('teacher', 'POST', `/api/v1/electives/${c.id}/groups`, { name: 'C', members: [] }), 403);
  });
});

describe('the session journal and the results (ELE-8..ELE-11, ELE-14)', () => {
  let c;
  let g;
  let switcher;
  const [x, y, w] = [0, 1, 2];
  /* ten Wednesdays of the first semester */
  const days = ['2026-09-02', '2026-09-09', '2026-09-16', '2026-09-23', '2026-09-30', '2026-10-07', '2026-10-14',
    '2026-10-21', '2026-11-04', '2026-11-11'];

  before(async () => {
    c = await approvedCourse({ grade_from: 9, grade_to: 9, title: { kk: 'Мехатроника', ru: 'Мехатроника', en: 'Mechatronics' } });
    const other = await approvedCourse({ grade_from: 9, grade_to: 9 });
    const nines = [];
    for (const cl of net.classes1.filter((k) => k.grade === 9))
      nines.push(...(await get('deputy_academic', `/api/v1/classes/${cl.id}/students?limit=100`)).items
        .filter((s) => s.status === 'studying'));
    const members = nines.slice(0, 4);
    for (const s of members.slice(0, 3))
      await ok('deputy_academic', 'POST', `/api/v1/students/${s.id}/electives`, { course_id: c.id, starts_on: '2026-09-01' }, 201);
    /* the fourth chose another course on 1 September and switched on 29 September */
    switcher = members[3];
    await ok('deputy_academic', 'POST', `/api/v1/students/${switcher.id}/electives`, { course_id: other.id, starts_on: '2026-09-01' }, 201);
    await ok('deputy_academic', 'POST', `/api/v1/students/${switcher.id}/electives/switch`,
      { from_course_id: other.id, course_id: c.id, application_on: '2026-09-25', applicant: 'Оқушы мен анасы', starts_on: '2026-09-29' }, 201);
    g = await ok('deputy_academic', 'POST', `/api/v1/electives/${c.id}/groups`,
      { name: '9', staff_id: teacherStaff, members: members.slice(0, 3).map((s) => ({ student_id: s.id })) }, 201);
    g = await ok('deputy_academic', 'POST', `/api/v1/elective-groups/${g.id}/members`, { student_id: switcher.id });
    assert.equal(g.size, 4);
    g.ids = members.map((s) => s.id);
  });

  test('a session with every problem at once writes nothing', async () => {
    const r = await auditGrows(0, () => as('teacher', 'POST', `/api/v1/elective-groups/${g.id}/sessions`, {
      date: '2026-09-09',
      plan_position: 9,
      attendance: [
        { student_id: g.ids[x], status: 'absent' },
        { student_id: g.ids[3], status: 'late' },
        { student_id: eights[0].id, status: 'late' },
      ],
      test_work_done: [{ student_id: g.ids[x] }],
    }));
    assertError(r, 422);
    assert.deepEqual(problems(r), [
      'absence_reason_required:attendance[0].reason',
      'elective_no_test_work:test_work_done',
      'elective_plan_row_missing:plan_position',
      'elective_test_work_absent:test_work_done[0].student_id',
      'student_not_in_lesson:attendance[1].student_id', // the switcher joined on 29 September
      'student_not_in_lesson:attendance[2].student_id',
    ]);
    const future = await as('teacher', 'POST', `/api/v1/elective-groups/${g.id}/sessions`,
      { date: '2026-12-02', attendance: [{ student_id: g.ids[x], status: 'late' }] });
    assertError(future, 422, 'lesson_not_yet_held');
    assertError(await as('club', 'POST', `/api/v1/elective-groups/${g.id}/sessions`, { date: '2026-09-09' }), 403);
  });

  test('a year of sessions gives сыналды / сыналмады with the figures, 65 % for the switcher', async () => {
    /* y misses 3 of 10 (70 %), x 2 of 10 (80 %), the switcher 2 of his 6 from 30 September
     * (66.6 %); w skips the test work */
    const absent = { [y]: [0, 1, 2], [x]: [3, 4], 3: [5, 6] };
    for (const [i, date] of days.entries()) {
      const last = i === days.length - 1;
      const attendance = [];
      for (const [m, list] of Object.entries(absent))
        if (list.includes(i)) attendance.push({ student_id: g.ids[m], status: 'absent', reason: 'illness' });
      const body = { date, plan_position: (i % 3) + 1, topic: `Тақырып ${i + 1}`, attendance };
      if (last) Object.assign(body, { test_work: true, test_work_done: [x, y, 3].map((m) => ({ student_id: g.ids[m] })) });
      await ok('teacher', 'POST', `/api/v1/elective-groups/${g.id}/sessions`, body, 201);
    }
    /* saved again: the same session replaced, not a second one */
    const again = await ok('teacher', 'POST', `/api/v1/elective-groups/${g.id}/sessions`,
      { date: days[0], plan_position: 1, topic: 'Тақырып 1', attendance: [{ student_id: g.ids[y], status: 'absent', reason: 'illness' }] });
    assert.equal(again.attendance.length, 1);
    const group = await get('teacher', `/api/v1/elective-groups/${g.id}`);
    assert.equal(group.sessions.length, 10);
    assert.equal(group.may_write, true);
    const session = await get('deputy_academic', `/api/v1/elective-sessions/${group.sessions.at(-1).id}`);
    assert.equal(session.test_work, true);
    assert.equal(session.roll.length, 4);

    const res = await get('deputy_academic', `/api/v1/electives/${c.id}/results?period=1`);
    /* semester 1 runs to 29 December: the results are the standing so far */
    assert.equal(res.final, false);
    assert.ok(res.items.every((i) => i.final === false));
    const by = Object.fromEntries(res.items.map((i) => [i.student_id, i]));
    const rx = by[g.ids[x]], ry = by[g.ids[y]], rw = by[g.ids[w]], rs = by[g.ids[3]];
    assert.deepEqual([rx.result, rx.held, rx.attended, rx.percent, rx.required_percent], ['сыналды', 10, 8, 80, 80]);
    assert.deepEqual([ry.result, ry.attendance_short, ry.percent], ['сыналмады', true, 70]);
    assert.deepEqual([rw.result, rw.test_work_done, rw.percent, rw.attendance_short], ['сыналмады', false, 100, false]);
    assert.deepEqual([rs.result, rs.switched, rs.held, rs.attended, rs.required_percent], ['сыналды', true, 6, 4, 65]);
    assert.equal(rs.percent, 66.6);
    const year = await get('deputy_academic', `/api/v1/electives/${c.id}/results?period=year`);
    assert.equal(year.items.find((i) => i.student_id === g.ids[x]).result, 'сыналды');
    const second = await get('deputy_academic', `/api/v1/electives/${c.id}/results?period=2`);
    assert.equal(second.items.find((i) => i.student_id === g.ids[x]).result, null, 'nothing held in semester 2 yet');
    assertError(await as('deputy_academic', 'GET', `/api/v1/electives/${c.id}/results?period=3`), 400, 'bad_query');

    /* the student's card (ELE-11) */
    const card = await get('deputy_academic', `/api/v1/students/${g.ids[3]}/electives`);
    const mine = card.choices.find((ch) => ch.course_id === c.id);
    assert.equal(mine.switched, true);
    assert.equal(mine.group_id, g.id);
    assert.equal(mine.results.semester_1.result, 'сыналды');
    assert.equal(mine.results.semester_1.required_percent, 65);
  });

  test('the final product of a student who took the course (ELE-8)', async () => {
    const p = await auditGrows(1, () => ok('teacher', 'POST', `/api/v1/electives/${c.id}/products`,
      { student_id: g.ids[x], kind: 'product', title: 'Сызықпен жүретін робот', recorded_on: '2026-11-20' }, 201));
    assert.equal(p.kind, 'product');
    const r = await as('teacher', 'POST', `/api/v1/electives/${c.id}/products`,
      { student_id: eights[0].id, kind: 'talk', title: 'Баяндама', recorded_on: '2026-12-20' });
    assertError(r, 422);
    assert.deepEqual(problems(r), ['date_in_future:recorded_on', 'elective_not_chosen:student_id']);
    const list = await get('director', `/api/v1/electives/${c.id}/products`);
    assert.deepEqual(list.items.map((i) => i.title), ['Сызықпен жүретін робот']);
    const card = await get('deputy_academic', `/api/v1/students/${g.ids[x]}/electives`);
    assert.ok(card.products.some((i) => i.id === p.id));
  });
});

describe('the thresholds as data (ELE-4, ELE-10)', () => {
  test('the network office changes them; contradictions refused; the results follow', async () => {
    const now = await get('teacher', '/api/v1/settings/elective-thresholds');
    assert.deepEqual(now, { pass_percent: 80, pass_percent_switched: 65, split_at: 17, second_language_min: 12 });
    assertError(await as('deputy_academic', 'PUT', '/api/v1/settings/elective-thresholds', now), 403);
    const r = await auditGrows(0, () => as('network_admin', 'PUT', '/api/v1/settings/elective-thresholds',
      { pass_percent: 70, pass_percent_switched: 75, split_at: 12, second_language_min: 12 }));
    assertError(r, 422);
    assert.deepEqual(problems(r), ['elective_thresholds_order:pass_percent_switched', 'elective_thresholds_order:second_language_min']);
    await auditGrows(1, () => ok('network_admin', 'PUT', '/api/v1/settings/elective-thresholds',
      { pass_percent: 70, pass_percent_switched: 60, split_at: 17, second_language_min: 12 }));
    /* y of the journal's test attended 70 %: сыналды at a threshold of 70 */
    const courses = (await get('deputy_academic', `/api/v1/schools/${net.school1}/electives`)).items;
    const mech = courses.find((c) => c.title.en === 'Mechatronics');
    const res = await get('deputy_academic', `/api/v1/electives/${mech.id}/results?period=1`);
    const at70 = res.items.find((i) => i.percent === 70);
    assert.deepEqual([at70.result, at70.required_percent], ['сыналды', 70]);
    await ok('network_admin', 'PUT', '/api/v1/settings/elective-thresholds', now);
  });
});
