// The electronic journal and the diary (issue 6: JRN-1..JRN-4, ASM-1, ASM-2): a teacher
// writes only their own lessons or those they cover; a lesson's journal is saved whole
// and audited with before and after; a refused save changes nothing (the journal and the
// audit log); a lesson not held needs its reason; no roll before the lesson's day; a
// closed term refuses writes until the deputy unlocks its class-subject; the term
// summary agrees with the grid it is computed from; what is late; the month's report;
// a parent reads only their own children's diary, and a refusal does not reveal whether
// an id exists; the marking models are data the network office edits.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, auditOf, auditTotal, network, startServer, rolesOf } from './server.mjs';

const TODAY = '2026-11-26';
const srv = await startServer({ serveArgs: ['--today', TODAY] });
after(() => srv.stop());

const { as, get, auditGrows } = rolesOf(srv);
const journalPath = (id) => `/api/v1/lessons/${id}/journal`;

let net;
let me; // the demo teacher's /me
let lesson; // one of their lessons on the day before TODAY, with its roster
let future; // one of their lessons after TODAY
let foreign; // a lesson of school 1 on the same day taught by someone else

/* The journal the tests write: one absent with a reason, one late, marks, a section work. */
const fullJournal = (students) => ({
  topic: 'Периодтық заң',
  homework: '§12, 3-жаттығу',
  attendance: [
    { student_id: students[0].id, status: 'absent', reason: 'illness' },
    { student_id: students[1].id, status: 'late' },
  ],
  marks: [{ student_id: students[1].id, mark: 9 }, { student_id: students[2].id, mark: 6 }],
  work: { kind: 'section', title: 'БЖБ 1', max_points: 20, scores: [{ student_id: students[2].id, points: 17 }] },
});

before(async () => {
  net = await network(srv);
  me = await get('teacher', '/api/v1/me');
  const day = await get('teacher', '/api/v1/me/lessons?date=2026-11-25');
  assert.ok(day.items.length > 0, 'the demo teacher teaches on 2026-11-25');
  lesson = await get('teacher', journalPath(day.items[0].id));
  assert.ok(lesson.students.length >= 3, 'the lesson has a class list');
  for (const d of ['2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) {
    const later = await get('teacher', `/api/v1/me/lessons?date=${d}`);
    if (later.items.length) {
      future = later.items[0];
      break;
    }
  }
  assert.ok(future, 'the demo teacher teaches after today');
  const classLessons = (await get('director', `/api/v1/classes/${lesson.class.id}/lessons?from=2026-11-25&to=2026-11-25`)).items;
  foreign = classLessons.find((l) => l.teacher.id !== me.staff_id);
  assert.ok(foreign, 'another teacher teaches the class that day');
});

test('/me gives the server\'s today (serve --today), the day the diary and the journal open on', async () => {
  for (const role of ['teacher', 'parent', 'student', 'network_admin']) {
    const me = await get(role, '/api/v1/me');
    assert.equal(me.today, TODAY, `${role}'s /me today`);
  }
});

describe("a lesson's journal (JRN-1, JRN-2, ASM-2)", () => {
  test("the teacher's day lists their lessons with the state of the journal", async () => {
    const day = await get('teacher', '/api/v1/me/lessons?date=2026-11-25');
    assert.equal(day.date, '2026-11-25');
    assert.equal(day.staff_id, me.staff_id);
    for (const l of day.items) {
      assert.equal(l.date, '2026-11-25');
      assert.ok(l.teacher.id === me.staff_id || l.covered, 'own or covered');
    }
    const periods = day.items.map((l) => l.period);
    assert.deepEqual(periods, [...periods].sort((a, b) => a - b), 'by period');
    assertError(await as('parent', 'GET', '/api/v1/me/lessons'), 403, 'forbidden');
  });

  test('the teacher reads the lesson: roster in class-list order, may write, the КТЖ topics', async () => {
    assert.equal(lesson.may_write, true);
    assert.equal(lesson.marks_allowed, true);
    assert.equal(lesson.locked, false);
    assert.equal(lesson.formative_max, 10);
    assert.ok(Array.isArray(lesson.topics));
    for (const s of lesson.students) assert.ok(['present', 'absent', 'late'].includes(s.attendance));
  });

  test('the whole journal is saved in one request, read back, and audited with before and after', async () => {
    const body = fullJournal(lesson.students);
    const r = await auditGrows(1, () => as('teacher', 'PUT', journalPath(lesson.id), body));
    assert.equal(r.status, 200, r.text);
    const back = await get('deputy_academic', journalPath(lesson.id));
    assert.equal(back.status, 'held');
    assert.equal(back.topic, body.topic);
    assert.equal(back.homework, body.homework);
    assert.equal(back.attendance_marked, true);
    assert.deepEqual(back.late, []);
    const byId = new Map(back.students.map((s) => [s.id, s]));
    const [s0, s1, s2] = lesson.students;
    assert.equal(byId.get(s0.id).attendance, 'absent');
    assert.equal(byId.get(s0.id).reason, 'illness');
    assert.equal(byId.get(s1.id).attendance, 'late');
    assert.equal(byId.get(s1.id).mark, 9);
    assert.equal(byId.get(s2.id).attendance, 'present');
    assert.equal(byId.get(s2.id).points, 17);
    assert.deepEqual(back.work, { kind: 'section', title: 'БЖБ 1', max_points: 20 });
    const entry = (await auditOf(srv, 'lesson_journal', lesson.id))[0];
    assert.equal(entry.action, 'save');
    assert.equal(entry.after.marks[String(s1.id)], 9);
    assert.equal(entry.after.attendance[String(s0.id)], 'absent:illness');
    assert.equal(entry.after.work.scores[String(s2.id)], 17);
  });

  test('saving the same journal again writes no audit entry; a changed mark records old and new', async () => {
    const body = fullJournal(lesson.students);
    const same = await auditGrows(0, () => as('teacher', 'PUT', journalPath(lesson.id), body));
    assert.equal(same.status, 200, same.text);
    body.marks[0].mark = 7;
    const changed = await auditGrows(1, () => as('teacher', 'PUT', journalPath(lesson.id), body));
    assert.equal(changed.status, 200, changed.text);
    const entry = (await auditOf(srv, 'lesson_journal', lesson.id))[0];
    const s1 = String(lesson.students[1].id);
    assert.equal(entry.before.marks[s1], 9);
    assert.equal(entry.after.marks[s1], 7);
  });

  test('a refused save lists every problem and changes nothing, the audit log included', async () => {
    const before = await get('teacher', journalPath(lesson.id));
    const total = await auditTotal(srv);
    const [s0, s1] = lesson.students;
    const r = await as('teacher', 'PUT', journalPath(lesson.id), {
      topic: 'Басқа тақырып',
      attendance: [
        { student_id: s0.id, status: 'absent' },
        { student_id: s1.id, status: 'late', reason: 'illness' },
        { student_id: 999999, status: 'absent', reason: 'excused' },
      ],
      marks: [{ student_id: s1.id, mark: 11 }],
      work: { kind: 'term', max_points: 10, scores: [{ student_id: s0.id, points: 12 }] },
    });
    const e = assertError(r, 422);
    const codes = e.details.map((d) => `${d.code}:${d.field}`).sort();
    assert.deepEqual(codes, [
      'absence_reason_required:attendance[0].reason',
      'mark_above_scale:marks[0].mark',
      'points_above_max:work.scores[0].points',
      'reason_only_for_absence:attendance[1].reason',
      'student_not_in_lesson:attendance[2].student_id',
    ]);
    assert.equal(e.details.find((d) => d.code === 'mark_above_scale').rule, 'ASM-2');
    assert.deepEqual(await get('teacher', journalPath(lesson.id)), before, 'nothing written');
    assert.equal(await auditTotal(srv), total, 'no audit entry');
  });

  test("another teacher's lesson is 403 and nothing is written", async () => {
    const before = await get('deputy_academic', journalPath(foreign.id));
    assert.equal(before.may_write, true, 'the deputy may correct it');
    const mine = await get('teacher', journalPath(foreign.id));
    assert.equal(mine.may_write, false);
    const total = await auditTotal(srv);
    assertError(await as('teacher', 'PUT', journalPath(foreign.id), { topic: 'Менің тақырыбым' }), 403, 'forbidden');
    assertError(await as('parent', 'PUT', journalPath(foreign.id), { topic: 'x' }), 403, 'forbidden');
    assertError(await as('director2', 'PUT', journalPath(foreign.id), { topic: 'x' }), 403, 'forbidden');
    assert.deepEqual(await get('deputy_academic', journalPath(foreign.id)), before);
    assert.equal(await auditTotal(srv), total);
  });

  test('JRN-1: the deputy assigns the teacher to cover it; then the substitute writes it', async () => {
    assertError(await as('teacher', 'PUT', `/api/v1/lessons/${foreign.id}/cover`, { staff_id: me.staff_id }), 403, 'forbidden');
    const own = await as('deputy_academic', 'PUT', `/api/v1/lessons/${foreign.id}/cover`, { staff_id: foreign.teacher.id });
    assert.equal(assertError(own, 422, 'cover_is_own_teacher').rule, 'JRN-1');
    const r = await auditGrows(1, () => as('deputy_academic', 'PUT', `/api/v1/lessons/${foreign.id}/cover`,
      { staff_id: me.staff_id, reason: 'Мұғалім ауырып қалды' }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.cover.staff_id, me.staff_id);
    const day = await get('teacher', '/api/v1/me/lessons?date=2026-11-25');
    const covered = day.items.find((l) => l.id === foreign.id);
    assert.ok(covered && covered.covered, 'the covered lesson is on the substitute\'s day');
    const w = await as('teacher', 'PUT', journalPath(foreign.id), { topic: 'Алмастыру сабағы', attendance: [] });
    assert.equal(w.status, 200, w.text);
    assert.equal(w.body.topic, 'Алмастыру сабағы');
    const report = await get('deputy_academic', `/api/v1/schools/${net.school1}/journal/report?month=2026-11`);
    const row = report.items.find((i) => i.staff_id === me.staff_id);
    assert.ok(row.covered >= 1, 'the month report counts the cover');
    for (const i of report.items)
      assert.ok(i.scheduled >= i.held + i.missed + i.not_filled + i.given_to_substitute - 0, JSON.stringify(i));
  });

  test('JRN-1: a lesson not held needs its reason and carries no roll or marks', async () => {
    const id = future.id;
    const noReason = await as('teacher', 'PUT', journalPath(lesson.id), { status: 'missed' });
    assert.equal(assertError(noReason, 422, 'missed_reason_required').rule, 'JRN-1');
    const withMarks = await as('teacher', 'PUT', journalPath(lesson.id), {
      status: 'missed', missed_reason: 'Мектеп жабылды', marks: [{ student_id: lesson.students[0].id, mark: 5 }] });
    assertError(withMarks, 422, 'missed_lesson_has_marks');
    assert.ok(id);
  });

  test('no roll or marks before the lesson\'s day; its topic and homework may be written ahead', async () => {
    const f = await get('teacher', journalPath(future.id));
    assert.equal(f.marks_allowed, false);
    const early = await as('teacher', 'PUT', journalPath(future.id),
      { attendance: [{ student_id: f.students[0].id, status: 'absent', reason: 'excused' }] });
    assertError(early, 422, 'lesson_not_yet_held');
    const plan = await as('teacher', 'PUT', journalPath(future.id), { topic: 'Келесі тақырып', homework: 'Оқу' });
    assert.equal(plan.status, 200, plan.text);
    assert.deepEqual(plan.body.late, []);
  });

  test('JRN-2, JRN-4: a past lesson without a topic or roll is late for its teacher', async () => {
    const r = await as('teacher', 'PUT', journalPath(lesson.id), { homework: 'тек үй тапсырмасы' });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.late.sort(), ['attendance', 'topic']);
    const late = await get('deputy_academic', `/api/v1/schools/${net.school1}/journal/late`);
    assert.equal(late.today, TODAY);
    const t = late.teachers.find((x) => x.staff_id === me.staff_id);
    assert.ok(t && t.lessons_late >= 1, 'the teacher is listed');
    const l = t.lessons.find((x) => x.id === lesson.id);
    if (l) assert.deepEqual(l.late.sort(), ['attendance', 'topic']);
    assert.ok(t.without_topic >= 1 && t.without_attendance >= 1);
    const back = await as('teacher', 'PUT', journalPath(lesson.id), fullJournal(lesson.students));
    assert.equal(back.status, 200, back.text);
  });
});

describe('results (ASM-2)', () => {
  test('the term summary is the marking model over the grid it is computed from', async () => {
    const q = `subject=${lesson.subject.id}&term=${lesson.term}${lesson.group ? `&group=${lesson.group.id}` : ''}`;
    const grid = await get('deputy_academic', `/api/v1/classes/${lesson.class.id}/journal?${q}`);
    const summary = await get('deputy_academic', `/api/v1/classes/${lesson.class.id}/journal/summary?${q}`);
    assert.equal(summary.model.code, 'kz_25_25_50');
    assert.ok(grid.lessons.some((l) => l.id === lesson.id));
    const works = new Map(grid.lessons.filter((l) => l.work).map((l) => [l.id, l.work]));
    let checked = 0;
    for (const s of summary.students) {
      const marks = grid.marks.filter(([, st]) => st === s.id).map(([, , m]) => m);
      const parts = [];
      if (marks.length) parts.push([25, marks.reduce((a, b) => a + b, 0) / (marks.length * 10)]);
      for (const kind of ['section', 'term']) {
        const sc = grid.scores.filter(([l, st]) => st === s.id && works.get(l).kind === kind);
        const max = sc.reduce((a, [l]) => a + works.get(l).max_points, 0);
        if (max) parts.push([kind === 'term' ? 50 : 25, sc.reduce((a, [, , p]) => a + p, 0) / max]);
      }
      if (!parts.length) {
        assert.equal(s.result.mark, null);
        continue;
      }
      const w = parts.reduce((a, [x]) => a + x, 0);
      const percent = Math.floor((parts.reduce((a, [x, f]) => a + x * f, 0) / w) * 1000 + 0.5 + 1e-9) / 10;
      const mark = percent >= 85 ? 5 : percent >= 65 ? 4 : percent >= 40 ? 3 : 2;
      assert.equal(s.result.percent, percent, `student ${s.id}`);
      assert.equal(s.result.mark, mark, `student ${s.id}`);
      assert.equal(s.result.figures.formative_count, marks.length);
      checked++;
    }
    assert.ok(checked >= 2, 'at least the students the tests marked');
  });

  test('the year: every term\'s result and the year mark, the mean of the term marks half up', async () => {
    const q = `subject=${lesson.subject.id}${lesson.group ? `&group=${lesson.group.id}` : ''}`;
    const y = await get('deputy_academic', `/api/v1/classes/${lesson.class.id}/journal/year?${q}`);
    assert.ok(y.terms.length >= 2);
    let marked = 0;
    for (const s of y.students) {
      assert.equal(s.terms.length, y.terms.length);
      const marks = s.terms.map((t) => t.mark).filter((m) => m !== null);
      const expect = marks.length ? Math.floor(marks.reduce((a, b) => a + b, 0) / marks.length + 0.5) : null;
      assert.equal(s.year_mark, expect, `student ${s.id}`);
      if (expect !== null) marked++;
    }
    assert.ok(marked >= 2);
    const term = y.students.find((s) => s.id === lesson.students[2].id).terms[lesson.term - 1];
    assert.ok(term.mark >= 2 && term.figures.section_max >= 20);
  });

  test('the marking models are data: listed, edited by the network office only, checked', async () => {
    const list = await get('teacher', '/api/v1/marking-models');
    assert.deepEqual(list.items.map((m) => m.code).sort(), ['ib_semester', 'kz_25_25_50', 'kz_50_50']);
    assert.equal(list.items.find((m) => m.default).code, 'kz_25_25_50');
    const model = {
      code: 'test_40_60', name: { kk: 'Сынақ', ru: 'Тест', en: 'Test' },
      weights: { formative: 0, section: 40, term: 60 }, formative_max: 10,
      bands: [{ from: 0, mark: 2 }, { from: 40, mark: 3 }, { from: 65, mark: 4 }, { from: 85, mark: 5 }],
      year_weights: [],
    };
    assertError(await as('director', 'PUT', '/api/v1/marking-models', model), 403, 'forbidden');
    const total = await auditTotal(srv);
    const bad = await as('network_admin', 'PUT', '/api/v1/marking-models', { ...model, weights: { formative: 10, section: 40, term: 60 } });
    const e = assertError(bad, 422, 'marking_model_invalid');
    assert.equal(e.rule, 'ASM-2');
    assert.equal(e.field, 'weights');
    assert.equal(await auditTotal(srv), total, 'nothing written');
    const created = await auditGrows(1, () => as('network_admin', 'PUT', '/api/v1/marking-models', model));
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.body.weights, model.weights);
    assert.equal(created.body.default, false);
  });
});

describe('the diary', () => {
  test("a parent reads their child's week: days, lessons, and the term's results with their figures", async () => {
    const child = net.parent.children[0];
    const d = await get('parent', `/api/v1/students/${child.id}/diary?week=2026-W48`);
    assert.equal(d.week, '2026-W48');
    assert.equal(d.from, '2026-11-23');
    assert.equal(d.to, '2026-11-29');
    assert.equal(d.student.id, child.id);
    assert.ok(d.days.length >= 5);
    assert.equal(d.days[0].date, '2026-11-23');
    for (const day of d.days)
      for (const l of day.lessons) {
        assert.equal(l.date, day.date);
        assert.ok(l.subject.name.kk && l.teacher.last_name);
        assert.ok(l.attendance === null || ['present', 'absent', 'late'].includes(l.attendance));
      }
    assert.ok(d.term && d.term.number >= 1);
    assert.ok(d.results && Array.isArray(d.results.items));
    for (const r of d.results.items) assert.ok('figures' in r && 'parts' in r && r.subject);
    assertError(await as('parent', 'GET', `/api/v1/students/${child.id}/diary?week=2026-W99`), 400, 'bad_query');
  });

  test("the diary shows what the teacher wrote: the student's absence and marks", async () => {
    const [s0, s1] = lesson.students;
    const d = await get('director', `/api/v1/students/${s1.id}/diary?week=2026-W48`);
    const l = d.days.flatMap((x) => x.lessons).find((x) => x.id === lesson.id);
    assert.ok(l, 'the lesson is in the week');
    assert.equal(l.attendance, 'late');
    assert.equal(l.topic, 'Периодтық заң');
    assert.equal(l.homework, '§12, 3-жаттығу');
    assert.ok(l.mark === 9 || l.mark === 7);
    const d0 = await get('director', `/api/v1/students/${s0.id}/diary?week=2026-W48`);
    const l0 = d0.days.flatMap((x) => x.lessons).find((x) => x.id === lesson.id);
    assert.equal(l0.attendance, 'absent');
    assert.equal(l0.reason, 'illness');
  });

  test("another child's diary is 403 for a parent — the same reply whether or not the id exists", async () => {
    const mine = new Set(net.parent.children.map((c) => c.id));
    const stranger = lesson.students.find((s) => !mine.has(s.id));
    const a = await as('parent', 'GET', `/api/v1/students/${stranger.id}/diary`);
    const b = await as('parent', 'GET', '/api/v1/students/987654321/diary');
    assertError(a, 403, 'forbidden');
    assertError(b, 403, 'forbidden');
    assert.equal(a.text, b.text, 'the refusal does not tell an existing id from a missing one');
    assertError(await as('student', 'GET', `/api/v1/students/${stranger.id === net.student.student?.id ? lesson.students[0].id : stranger.id}/diary`), 403, 'forbidden');
    assertError(await as('director2', 'GET', `/api/v1/students/${stranger.id}/diary`), 403, 'forbidden');
    assertError(await as('director', 'GET', '/api/v1/students/987654321/diary'), 404, 'not_found');
  });
});

describe('a student away (EXT-8, LV-5)', () => {
  test('on academic leave from an order: listed with the order, not expected, and the diary shows it', async () => {
    const away = lesson.students[4];
    const step = (id, what) => `/api/v1/applications/${id}/${what}`;
    const filed = await as('deputy_academic', 'POST', `/api/v1/students/${away.id}/applications`, {
      kind: 'academic_leave', starts_on: '2026-11-23', ends_on: '2026-12-31', documents: ['vkk_conclusion'],
      filed_on: '2026-11-16' });
    assert.equal(filed.status, 201, filed.text);
    const id = filed.body.id;
    assert.equal((await as('deputy_academic', 'POST', step(id, 'documents-checked'), { date: '2026-11-17' })).status, 200);
    const d = await as('director', 'POST', step(id, 'decision'),
      { date: '2026-11-18', protocol_number: 'К-9', approved: true, council: 'small' });
    assert.equal(d.status, 200, d.text);
    const o = await as('director', 'POST', step(id, 'order'),
      { number: 'Б-17', date: '2026-11-19', starts_on: '2026-11-23', ends_on: '2026-12-31' });
    assert.equal(o.status, 200, o.text);

    const j = await get('teacher', journalPath(lesson.id));
    const s = j.students.find((x) => x.id === away.id);
    assert.ok(s, 'the student keeps their place in the list');
    assert.deepEqual([s.away.status, s.away.order_number, s.away.ordered_on], ['academic_leave', 'Б-17', '2026-11-19']);
    const body = fullJournal(lesson.students);
    body.attendance.push({ student_id: away.id, status: 'absent', reason: 'excused' });
    const r = await as('teacher', 'PUT', journalPath(lesson.id), body);
    const e = assertError(r, 422, 'student_away');
    assert.equal(e.rule, 'LV-5');
    assert.equal(e.field, 'attendance[2].student_id');
    /* not counted absent: the roll without them is complete */
    const ok = await as('teacher', 'PUT', journalPath(lesson.id), fullJournal(lesson.students));
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.students.find((x) => x.id === away.id).attendance, 'present');

    const diary = await get('director', `/api/v1/students/${away.id}/diary?week=2026-W48`);
    assert.equal(diary.student.status, 'academic_leave');
    assert.deepEqual(diary.student.away.map((a) => [a.status, a.order_number, a.starts_on]),
      [['academic_leave', 'Б-17', '2026-11-23']]);
    const before = await get('director', `/api/v1/students/${away.id}/diary?week=2026-W46`);
    assert.deepEqual(before.student.away, [], 'the week before the leave has none');
  });
});

describe('closing a term locks its journal', () => {
  test('a closed term refuses writes (409, nothing written) until the deputy unlocks the class-subject', async () => {
    const year = lesson.academic_year_id;
    const term = lesson.term;
    assertError(await as('teacher', 'POST', `/api/v1/academic-years/${year}/terms/${term}/close`), 403, 'forbidden');
    assertError(await as('deputy_academic', 'POST', `/api/v1/academic-years/${year}/terms/${term}/unlocks`,
      { class_id: lesson.class.id, subject_id: lesson.subject.id, reason: 'x' }), 409, 'term_not_closed');
    const closed = await auditGrows(1, () => as('deputy_academic', 'POST', `/api/v1/academic-years/${year}/terms/${term}/close`));
    assert.equal(closed.status, 200, closed.text);
    assert.ok(closed.body.closed.some((c) => c.term === term));
    assertError(await as('deputy_academic', 'POST', `/api/v1/academic-years/${year}/terms/${term}/close`), 409, 'term_already_closed');

    const gridPath = `/api/v1/classes/${lesson.class.id}/journal?subject=${lesson.subject.id}&term=${term}`;
    const closedGrid = await get('deputy_academic', gridPath);
    assert.equal(closedGrid.closed, true);
    assert.equal(closedGrid.unlocked_until, null);
    const before = await get('teacher', journalPath(lesson.id));
    assert.equal(before.locked, true);
    const total = await auditTotal(srv);
    const body = fullJournal(lesson.students);
    body.marks[0].mark = 4;
    assertError(await as('teacher', 'PUT', journalPath(lesson.id), body), 409, 'term_closed');
    assertError(await as('director', 'PUT', journalPath(lesson.id), body), 409, 'term_closed');
    assert.deepEqual(await get('teacher', journalPath(lesson.id)), before, 'nothing written');
    assert.equal(await auditTotal(srv), total, 'no audit entry');

    const unlock = await auditGrows(1, () => as('deputy_academic', 'POST', `/api/v1/academic-years/${year}/terms/${term}/unlocks`,
      { class_id: lesson.class.id, subject_id: lesson.subject.id, reason: 'Бағаны түзету', hours: 2 }));
    assert.equal(unlock.status, 201, unlock.text);
    assert.ok(unlock.body.until > new Date().toISOString().slice(0, 19));
    assert.equal((await get('deputy_academic', gridPath)).unlocked_until, unlock.body.until);
    const w = await auditGrows(1, () => as('teacher', 'PUT', journalPath(lesson.id), body));
    assert.equal(w.status, 200, w.text);
    assert.equal(w.body.students.find((s) => s.id === lesson.students[1].id).mark, 4);
    const entry = (await auditOf(srv, 'lesson_journal', lesson.id))[0];
    assert.equal(entry.after.marks[String(lesson.students[1].id)], 4);
    // the unlock is for that class-subject only
    const other = await get('deputy_academic', journalPath(foreign.id));
    assert.equal(other.subject.id === lesson.subject.id || other.locked, true);
  });
});
