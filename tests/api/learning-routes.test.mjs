// Individual learning routes, ОЖОМ (issue 8, appendix 5): a subject teacher writes a
// student's route with its reason (IR-1), span, five components and schedule (IR-2); it is
// refused with every broken rule and nothing written; the teacher, the curator and the
// student or a representative each agree it from their own sign-in, and only a complete
// route can be agreed (IR-2); an agreed route changes only through a weekly assessment's
// correction, kept as history, and a route week without an assessment is overdue (IR-3);
// only the subject teacher writes the conclusions, only at or after the end (IR-4); the
// deputies' quarter page gives each route student's results and attendance as the
// journal has them (IR-5); the curator, the student and the parent read theirs. The edges
// on both sides are core's unit tests (tests/unit/test_learning_route.c).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertError, auditGrows as auditGrowsBy, network, problems, startServer } from './server.mjs';

const TODAY = '2026-11-26';
const srv = await startServer({ serveArgs: ['--today', TODAY] });
after(() => srv.stop());

const as = async (role, method, p, body, lang) => srv.api(method, p, { token: await srv.login(role), body, lang });
const get = (role, p) => srv.get(role, p);
/* a write that must answer `status`; its body */
async function ok(role, method, p, body, status = 200) {
  const r = await as(role, method, p, body);
  assert.equal(r.status, status, `${role} ${method} ${p}: ${r.text}`);
  return r.body;
}
const auditGrows = (n, fn) => auditGrowsBy(srv, n, fn);

let net;
let student; // the demo's student (7А), whose class the demo's teacher curates
let subject; // a subject of the student's class with lessons in quarter 2
let subjectTeacher; // its teacher's staff id
let yearRoute; // the year route of the student written below
const TEACHER = 'route_teacher'; // a sign-in for that teacher
const CURATOR = 'teacher'; // the demo's teacher curates 7А

const components = {
  target: 'Бөлімнің оқу мақсаттарына жету: карта масштабы, координаттар.',
  content: 'Масштаб, градус торы, координаттарды анықтау.',
  technological: 'Саралап оқыту, жұптық жұмыс, цифрлық карталар.',
  diagnostic: 'Апта сайынғы қысқа тест, бақылау парағы.',
  organisational: 'Сейсенбі мен бейсенбі 15:00, 204 кабинет, кураторға апталық есеп.',
};
const topicRoute = (extra = {}) => ({
  subject_ids: [subject.id],
  reason: 'low_motivation',
  span: 'topic',
  span_title: 'Карта масштабы',
  starts_on: '2026-11-03',
  ends_on: '2026-11-20',
  ...extra,
});
const schedule = [
  { date: '2026-11-03', activity: 'Масштаб түрлері', form: 'сабақта жеке тапсырма' },
  { date: '2026-11-10', activity: 'Координаттар', form: 'өз бетімен оқу' },
  { date: '2026-11-17', activity: 'Қорытынды тест', form: 'практикалық жұмыс' },
];

/* A route of the student by the subject teacher, complete and agreed by all three. */
async function agreedRoute(extra = {}) {
  const r = await ok(TEACHER, 'POST', `/api/v1/students/${student.id}/learning-routes`,
    topicRoute({ ...components, schedule, ...extra }), 201);
  await ok(TEACHER, 'POST', `/api/v1/learning-routes/${r.id}/agree`);
  await ok(CURATOR, 'POST', `/api/v1/learning-routes/${r.id}/agree`);
  const done = await ok('parent', 'POST', `/api/v1/learning-routes/${r.id}/agree`);
  assert.equal(done.status, 'agreed');
  return done;
}

before(async () => {
  net = await network(srv);
  student = net.student.student;
  assert.ok(student?.class_id, "the demo student's class");
  const cls = await get('deputy_academic', `/api/v1/classes/${student.class_id}`);
  const curatorStaff = (await get(CURATOR, '/api/v1/me')).staff_id;
  assert.equal(cls.curator.id, curatorStaff, "the demo's teacher curates the student's class");
  const lessons = (await get('deputy_academic',
    `/api/v1/classes/${student.class_id}/lessons?from=2026-11-03&to=2026-11-13`)).items;
  const lesson = lessons.find((l) => !l.group && l.teacher.id !== curatorStaff);
  assert.ok(lesson, 'a whole-class lesson of another teacher');
  subject = lesson.subject;
  subjectTeacher = lesson.teacher.id;
  const staff = await get('deputy_academic', `/api/v1/staff/${subjectTeacher}`);
  srv.cli(['user', 'add', '--login', TEACHER, '--password', PASSWORD, '--role', 'teacher', '--school',
    net.director.school.code, '--person', String(staff.person_id ?? staff.id)]);
});

describe("the demo's routes", () => {
  test('each reason, a year of weekly assessments, the ended ones concluded', async () => {
    const all = (await get('deputy_academic', `/api/v1/schools/${net.school1}/learning-routes`)).items;
    const demo = all.filter((r) => r.assessments > 0);
    assert.deepEqual([...new Set(demo.map((r) => r.reason))].sort(),
      ['high_ability', 'long_illness', 'low_motivation', 'other']);
    for (const r of demo.filter((x) => x.ends_on < TODAY)) {
      assert.equal(r.status, 'concluded');
      assert.ok(r.conclusions && r.recommendations);
    }
    const mine = (await get('student', `/api/v1/students/${student.id}/learning-routes`)).items;
    const year = mine.find((r) => r.span === 'year' && r.assessments > 0);
    assert.ok(year, "the demo student's year route");
    const full = await get('student', `/api/v1/learning-routes/${year.id}`);
    assert.equal(full.status, 'agreed');
    assert.equal(full.schedule.length, full.weeks, 'a schedule row a route week');
    assert.ok(full.assessments.every((a) => a.assessed_on < TODAY));
    assert.equal(full.overdue_weeks.length + full.assessments.length, 11,
      'the 11 route weeks ended before today (the autumn holiday week left out) are assessed or overdue');
  });
});

describe('writing a route (IR-1, IR-2)', () => {
  test('the subject teacher writes a draft: the class curator, the year, the teacher themselves', async () => {
    const r = await auditGrows(1, () => ok(TEACHER, 'POST', `/api/v1/students/${student.id}/learning-routes`,
      topicRoute({ target: components.target }), 201));
    assert.equal(r.status, 'draft');
    assert.equal(r.staff_id, subjectTeacher);
    assert.equal(r.curator_id, (await get(CURATOR, '/api/v1/me')).staff_id);
    assert.deepEqual(r.subject_ids, [subject.id]);
    assert.equal(r.starts_on, '2026-11-03');
    assert.equal(r.ends_on, '2026-11-20');
    assert.equal(r.student.id, student.id);
    assert.deepEqual(r.agreements, { teacher: null, curator: null, student: null });
    assert.equal(r.weeks, 3, 'the weeks of 2, 9 and 16 November');
    assert.deepEqual(r.overdue_weeks, [], 'a draft has no assessment due');
  });

  test('a semester and the year take their dates from the academic calendar', async () => {
    const s = await ok(TEACHER, 'POST', `/api/v1/students/${student.id}/learning-routes`,
      { subject_ids: [subject.id], reason: 'high_ability', span: 'semester', semester: 1 }, 201);
    const cal = await get('deputy_academic', `/api/v1/academic-years/${s.academic_year_id}/structure`);
    assert.equal(s.starts_on, cal.terms[0].starts_on);
    assert.equal(s.ends_on, cal.terms[1].ends_on);
    const y = await ok('deputy_academic', 'POST', `/api/v1/students/${student.id}/learning-routes`,
      { subject_ids: [subject.id], reason: 'long_illness', span: 'year', staff_id: subjectTeacher }, 201);
    assert.equal(y.starts_on, cal.academic_year.starts_on);
    assert.equal(y.ends_on, cal.academic_year.ends_on);
    assert.equal(y.semester, null);
    yearRoute = y.id;
  });

  test('every broken rule of a route at once, with its rule, and nothing written', async () => {
    const url = `/api/v1/students/${student.id}/learning-routes`;
    let r = await auditGrows(0, () => as(TEACHER, 'POST', url,
      topicRoute({ reason: 'other', span_title: '', starts_on: '2026-12-10', ends_on: '2026-12-01' })));
    assertError(r, 422);
    assert.deepEqual(problems(r), ['learning_route_reason_note_missing:reason_note',
      'learning_route_span_order:ends_on', 'learning_route_span_title_missing:span_title']);
    const rules = Object.fromEntries(r.body.error.details.map((d) => [d.code, d.rule]));
    assert.equal(rules.learning_route_reason_note_missing, 'IR-1');
    assert.equal(rules.learning_route_span_order, 'IR-2');
    r = await auditGrows(0, () => as(TEACHER, 'POST', url, topicRoute({ span: 'section', starts_on: '2026-08-20' })));
    assert.deepEqual(problems(r), ['learning_route_outside_year:starts_on']);
    r = await auditGrows(0, () => as(TEACHER, 'POST', url, topicRoute({ span: 'semester', starts_on: null })));
    assert.deepEqual(problems(r), ['learning_route_no_semester:semester']);
    r = await auditGrows(0, () => as(TEACHER, 'POST', url, topicRoute({ starts_on: null })));
    assert.deepEqual(problems(r), ['learning_route_span_dates_missing:starts_on']);
    r = await auditGrows(0, () => as(TEACHER, 'POST', url,
      topicRoute({ schedule: [schedule[0], { date: '2026-11-25', activity: 'кеш', form: 'сабақ' }] })));
    assert.deepEqual(problems(r), ['learning_route_schedule_outside:schedule[1].date']);
    r = await as(TEACHER, 'POST', url, topicRoute({ subject_ids: [], reason: 'bored' }));
    assert.deepEqual(problems(r), ['bad_enum:reason', 'invalid_format:subject_ids']);
    r = await as(TEACHER, 'POST', url, topicRoute({ reason: 'other' }), 'en');
    assert.match(r.body.error.message, /"other" needs its description/);
    r = await as(TEACHER, 'POST', url, topicRoute({ reason: 'other' }), 'ru');
    assert.match(r.body.error.message, /Для причины «другое»/);
  });

  test('the administration names the teacher; a parent, a student and another school cannot write', async () => {
    const url = `/api/v1/students/${student.id}/learning-routes`;
    const r = await as('deputy_academic', 'POST', url, topicRoute());
    assert.deepEqual(problems(r), ['missing_field:staff_id']);
    assertError(await as('parent', 'POST', url, topicRoute()), 403);
    assertError(await as('student', 'POST', url, topicRoute()), 403);
    assertError(await as('director2', 'POST', url, topicRoute({ staff_id: subjectTeacher })), 403);
  });
});

describe('agreeing (IR-2)', () => {
  test('an incomplete route is not agreed: each missing part named, nothing written', async () => {
    const r = await ok(TEACHER, 'POST', `/api/v1/students/${student.id}/learning-routes`,
      topicRoute({ target: components.target, content: '  ' }), 201);
    const res = await auditGrows(0, () => as(TEACHER, 'POST', `/api/v1/learning-routes/${r.id}/agree`));
    assertError(res, 422);
    assert.deepEqual(problems(res), ['learning_route_part_missing:content', 'learning_route_part_missing:diagnostic',
      'learning_route_part_missing:organisational', 'learning_route_part_missing:schedule',
      'learning_route_part_missing:technological']);
    assert.ok(res.body.error.details.every((d) => d.rule === 'IR-2'));
    assert.equal((await get(TEACHER, `/api/v1/learning-routes/${r.id}`)).agreements.teacher, null);
  });

  test('teacher, curator and student each agree from their own sign-in; a change of the draft asks again', async () => {
    const r = await ok(TEACHER, 'POST', `/api/v1/students/${student.id}/learning-routes`,
      topicRoute({ ...components, schedule }), 201);
    const url = `/api/v1/learning-routes/${r.id}/agree`;
    assertError(await as('deputy_academic', 'POST', url), 403);
    let a = await auditGrows(1, () => ok(TEACHER, 'POST', url));
    assert.ok(a.agreements.teacher?.at);
    assert.equal(a.status, 'draft');
    a = await ok(TEACHER, 'PATCH', `/api/v1/learning-routes/${r.id}`, { content: `${components.content} Кесте.` });
    assert.equal(a.agreements.teacher, null, 'a changed draft is agreed anew');
    await ok(TEACHER, 'POST', url);
    a = await ok(CURATOR, 'POST', url);
    assert.ok(a.agreements.curator?.at);
    a = await ok('student', 'POST', url);
    assert.equal(a.agreements.student.as, 'student');
    assert.equal(a.status, 'agreed');
    const p = await as(TEACHER, 'PATCH', `/api/v1/learning-routes/${r.id}`, { target: 'басқа' });
    assertError(p, 409, 'learning_route_not_draft');
    assertError(await as('parent', 'POST', url), 409, 'learning_route_not_draft');
  });

  test('a representative agrees for the student', async () => {
    const r = await agreedRoute();
    assert.equal(r.agreements.student.as, 'representative');
  });
});

describe('weekly assessments and corrections (IR-3)', () => {
  test('a route week without an assessment is overdue; an assessment counts for its week', async () => {
    const r = await agreedRoute();
    assert.deepEqual(r.overdue_weeks, ['2026-11-02', '2026-11-09', '2026-11-16']);
    const url = `/api/v1/learning-routes/${r.id}/assessments`;
    const a = await auditGrows(1, () => ok(TEACHER, 'POST', url,
      { assessed_on: '2026-11-12', progress: 'behind', comment: 'Координаттарды шатастырады.' }, 201));
    assert.deepEqual(a.overdue_weeks, ['2026-11-02', '2026-11-16']);
    assert.equal(a.assessments.length, 1);
    assert.equal(a.assessments[0].week_of, '2026-11-09');
    assert.equal(a.assessments[0].progress, 'behind');
    assert.ok(a.assessments[0].by);
    const c = await ok(CURATOR, 'POST', url, { assessed_on: '2026-11-05', progress: 'on_track', comment: 'Қатысты.' }, 201);
    assert.deepEqual(c.overdue_weeks, ['2026-11-16']);
  });

  test('refused: a draft, a day outside the route or in the future, another teacher, the deputy', async () => {
    const draft = await ok(TEACHER, 'POST', `/api/v1/students/${student.id}/learning-routes`, topicRoute(), 201);
    let r = await auditGrows(0, () => as(TEACHER, 'POST', `/api/v1/learning-routes/${draft.id}/assessments`,
      { assessed_on: '2026-11-10', progress: 'on_track', comment: 'ерте' }));
    assert.deepEqual(problems(r), ['learning_route_not_agreed:null']);
    assert.equal(r.body.error.rule, 'IR-3');
    const ag = await agreedRoute();
    const url = `/api/v1/learning-routes/${ag.id}/assessments`;
    r = await auditGrows(0, () => as(TEACHER, 'POST', url, { assessed_on: '2026-11-23', progress: 'ahead', comment: 'кеш' }));
    assert.deepEqual(problems(r), ['learning_route_assessment_outside:assessed_on']);
    r = await as(TEACHER, 'POST', url, { assessed_on: '2026-11-27', progress: 'ahead', comment: 'ертең' });
    assert.deepEqual(problems(r), ['date_in_future:assessed_on']);
    assertError(await as('deputy_academic', 'POST', url, { progress: 'ahead', comment: 'x' }), 403);
    assertError(await as('director2', 'POST', url, { progress: 'ahead', comment: 'x' }), 403);
  });

  test('a correction changes the route and is kept with what it replaced; an emptied part is refused', async () => {
    const r = await agreedRoute();
    const url = `/api/v1/learning-routes/${r.id}/assessments`;
    const newSchedule = [...schedule.slice(0, 2), { date: '2026-11-19', activity: 'Қайталау', form: 'топтық сабақ' }];
    const a = await ok(TEACHER, 'POST', url, {
      assessed_on: '2026-11-13', progress: 'behind', comment: 'Тестті кейінге қалдырамыз.',
      correction: { diagnostic: 'Екі апта сайын тест.', schedule: newSchedule },
    }, 201);
    assert.equal(a.diagnostic, 'Екі апта сайын тест.');
    assert.equal(a.schedule.at(-1).date, '2026-11-19');
    assert.equal(a.status, 'agreed', 'a corrected route stays agreed');
    const corr = a.assessments[0].corrections;
    assert.deepEqual(corr.map((c) => c.part), ['diagnostic', 'schedule']);
    assert.equal(corr[0].before, components.diagnostic);
    assert.equal(corr[0].after, 'Екі апта сайын тест.');
    assert.equal(JSON.parse(corr[1].before)[2].date, '2026-11-17');
    assert.equal(JSON.parse(corr[1].after)[2].date, '2026-11-19');
    const bad = await auditGrows(0, () => as(TEACHER, 'POST', url, {
      assessed_on: '2026-11-13', progress: 'behind', comment: 'x',
      correction: { content: '', schedule: [{ date: '2026-12-01', activity: 'кеш', form: 'сабақ' }] },
    }));
    assertError(bad, 422);
    assert.deepEqual(problems(bad), ['learning_route_part_missing:correction.content',
      'learning_route_schedule_outside:correction.schedule[0].date']);
    const back = await get(TEACHER, `/api/v1/learning-routes/${r.id}`);
    assert.equal(back.assessments.length, 1, 'the refused assessment was not written');
    assert.equal(back.content, components.content);
  });
});

describe('conclusions (IR-4)', () => {
  test('only the subject teacher, only at or after the end, once', async () => {
    const ended = await agreedRoute();
    const url = `/api/v1/learning-routes/${ended.id}/conclusions`;
    const body = { conclusions: 'Масштабты меңгерді.', recommendations: 'Келесі бөлімде жұптық жұмысты жалғастыру.' };
    assertError(await as(CURATOR, 'POST', url, body), 403);
    assertError(await as('deputy_academic', 'POST', url, body), 403);
    const c = await auditGrows(1, () => ok(TEACHER, 'POST', url, body));
    assert.equal(c.status, 'concluded');
    assert.equal(c.concluded_on, TODAY);
    assert.equal(c.recommendations, body.recommendations);
    assertError(await as(TEACHER, 'POST', url, body), 409, 'learning_route_concluded');
    /* a route still running (to 11 December) */
    const running = await agreedRoute({ ends_on: '2026-12-11' });
    const r = await auditGrows(0, () => as(TEACHER, 'POST', `/api/v1/learning-routes/${running.id}/conclusions`, body));
    assert.deepEqual(problems(r), ['learning_route_not_ended:ends_on']);
    assert.equal(r.body.error.rule, 'IR-4');
    const draft = await ok(TEACHER, 'POST', `/api/v1/students/${student.id}/learning-routes`, topicRoute(), 201);
    const d = await as(TEACHER, 'POST', `/api/v1/learning-routes/${draft.id}/conclusions`, body);
    assert.deepEqual(problems(d), ['learning_route_not_agreed:null']);
  });
});

describe('who reads them, and the quarter (IR-5)', () => {
  test('the curator sees the class, the student and the parent theirs; another family not', async () => {
    const mine = await get(CURATOR, `/api/v1/schools/${net.school1}/learning-routes?class_id=${student.class_id}`);
    assert.ok(mine.items.length >= 5);
    assert.ok(mine.items.every((r) => r.student.class_id === student.class_id));
    const all = await get('deputy_academic', `/api/v1/schools/${net.school1}/learning-routes`);
    assert.ok(all.items.length >= mine.items.length);
    const fam = await get('parent', `/api/v1/students/${student.id}/learning-routes`);
    assert.ok(fam.items.some((r) => r.status === 'concluded'));
    assert.ok(fam.items.every((r) => r.student_id === student.id));
    const own = await get('student', `/api/v1/learning-routes/${fam.items[0].id}`);
    assert.equal(own.id, fam.items[0].id);
    assertError(await as('director2', 'GET', `/api/v1/learning-routes/${own.id}`), 403);
    assertError(await as('director2', 'GET', `/api/v1/schools/${net.school1}/learning-routes`), 403);
    const other = (await get('deputy_academic', `/api/v1/classes/${student.class_id}/students?limit=5`)).items
      .find((s) => s.id !== student.id);
    const reps = await get('deputy_academic', `/api/v1/students/${other.id}/representatives`);
    srv.cli(['user', 'add', '--login', 'parent_ir', '--password', PASSWORD, '--role', 'parent', '--school',
      net.director.school.code, '--person', String(reps.items[0].id)]);
    assertError(await as('parent_ir', 'GET', `/api/v1/students/${student.id}/learning-routes`), 403);
    assertError(await as('parent_ir', 'GET', `/api/v1/learning-routes/${own.id}`), 403);
    assertError(await as('parent_ir', 'POST', `/api/v1/learning-routes/${own.id}/agree`), 403);
  });

  test("the deputies' quarter: every route student's results and attendance as the journal has them", async () => {
    const q = await get('deputy_academic', `/api/v1/schools/${net.school1}/learning-routes/quarter?term=2`);
    assert.equal(q.term.number, 2);
    const cal = await get('deputy_academic', `/api/v1/academic-years/${q.academic_year_id}/structure`);
    assert.equal(q.term.starts_on, cal.terms[1].starts_on);
    const row = q.items.find((r) => r.id === yearRoute);
    assert.ok(row, 'the year route is under way in quarter 2');
    /* the result of the subject is the diary's for the term */
    const diary = await get('parent', `/api/v1/students/${student.id}/diary`);
    assert.equal(diary.term.number ?? diary.term.term_no, 2);
    const dres = diary.results.items.find((x) => x.subject.id === subject.id);
    const ach = row.achievement.find((x) => x.subject.id === subject.id);
    assert.deepEqual(ach.figures, dres.figures);
    assert.equal(ach.mark, dres.mark);
    /* attendance: the subject's lessons held with the roll taken */
    const att = row.attendance;
    assert.ok(att.held > 0, 'lessons held in the quarter');
    assert.ok(att.absent <= att.held && att.illness <= att.absent);
    assert.equal(att.percent, (100 * (att.held - att.absent)) / att.held);
    const assessed = q.items.filter((r) => r.assessments_in_quarter > 0);
    assert.ok(assessed.length >= 2);
    /* routes of quarter 1 only are not in quarter 4's page */
    const q4 = await get('deputy_academic', `/api/v1/schools/${net.school1}/learning-routes/quarter?term=4`);
    assert.ok(q4.items.every((r) => r.ends_on >= cal.terms[3].starts_on));
    assert.ok(!q4.items.some((r) => r.span === 'topic' && r.ends_on === '2026-11-20'));
    assertError(await as('deputy_academic', 'GET', `/api/v1/schools/${net.school1}/learning-routes/quarter?term=9`), 400);
    assertError(await as('parent', 'GET', `/api/v1/schools/${net.school1}/learning-routes/quarter`), 403);
  });
});
