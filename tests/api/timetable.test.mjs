// The timetable (issue 5, "Timetable"): the bell schedule (CAL-6, ORG-7) and rooms; the
// demo's approved, clash-free timetable; saving entries of a draft, where a clash is
// refused with the clashing entries named and nothing written (TT-1); approval by the
// director only (TT-3); corrections as new versions with who, when and why; the report;
// and the dated lessons laid over the calendar (none on holidays, idempotent).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, assertList, auditGrows as auditGrowsBy, auditOf, network, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net;
let approved; // school1's approved version of semester 1 (the demo's), with its entries
before(async () => {
  net = await network(srv);
  const list = await as('director', 'GET', `/api/v1/schools/${net.school1}/timetables`);
  const v = list.body.items.find((t) => t.status === 'approved' && t.semester === 1);
  approved = (await as('director', 'GET', `/api/v1/timetables/${v.id}`)).body;
});

const as = async (role, method, p, body, lang) => srv.api(method, p, { token: await srv.login(role), body, lang });

const auditGrows = (n, fn) => auditGrowsBy(srv, n, fn);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const todayKz = () => new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
const detail = (r, code) => r.body.error.details.find((d) => d.code === code);
const DEMO_BELLS = [
  ['08:00', '08:40', false], ['08:50', '09:30', true], ['09:50', '10:30', false], ['10:40', '11:20', true],
  ['11:40', '12:20', false], ['12:30', '13:10', false], ['13:20', '14:00', false], ['14:10', '14:50', false],
];
const demoPeriods = () => DEMO_BELLS.map(([s, e, m], i) => ({ number: i + 1, starts_at: s, ends_at: e, meal_after: m }));

describe('bell schedule (CAL-6, ORG-7)', () => {
  test('every demo school has 8 periods of 40 minutes from 08:00, 20-minute meal breaks after the 2nd and 4th', async () => {
    for (const school of [net.school1, net.school2]) {
      const r = await as('teacher', 'GET', `/api/v1/schools/${school}/bells`);
      if (school !== net.school1) {
        assertError(r, 403, 'forbidden');
        continue;
      }
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.lesson_minutes, 40);
      assert.equal(r.body.saturday, false);
      assert.deepEqual(r.body.periods, demoPeriods());
      assert.equal(r.body.meal_break_minutes, 20);
    }
  });

  test('a meal break of 19 minutes is refused (ORG-7), 20 passes; a 41-minute lesson is refused (CAL-6)', async () => {
    const periods = demoPeriods();
    periods[2] = { ...periods[2], starts_at: '09:49', ends_at: '10:29' }; // 19 min after the meal
    periods[5] = { ...periods[5], ends_at: '13:11' }; // 41 minutes
    const r = await auditGrows(0, () => as('timetable_officer', 'PUT', `/api/v1/schools/${net.school1}/bells`, { periods }));
    assertError(r, 422);
    const meal = detail(r, 'bells_meal_break_short');
    assert.equal(meal.rule, 'ORG-7');
    assert.equal(meal.field, 'periods[2].starts_at');
    const length = detail(r, 'bells_lesson_length');
    assert.equal(length.rule, 'CAL-6');
    assert.equal(length.field, 'periods[5].ends_at');
    assert.equal(r.body.error.details.length, 2);
    // nothing was written
    assert.deepEqual((await as('director', 'GET', `/api/v1/schools/${net.school1}/bells`)).body.periods, demoPeriods());
  });

  test('bad times are named; the lesson length is the network office’s to change (CAL-6)', async () => {
    const periods = demoPeriods();
    periods[0].starts_at = '8:00';
    let r = await as('director', 'PUT', `/api/v1/schools/${net.school1}/bells`, { periods });
    assertError(r, 422, 'bad_time');
    assert.equal(r.body.error.field, 'periods[0].starts_at');
    r = await as('director', 'PUT', `/api/v1/schools/${net.school1}/bells`, { lesson_minutes: 60, periods: demoPeriods() });
    assertError(r, 403, 'bells_lesson_minutes_agreement');
    assert.equal(r.body.error.rule, 'CAL-6');
    // the network office may, and the periods must then last 60 minutes
    r = await as('network_admin', 'PUT', `/api/v1/schools/${net.school1}/bells`, { lesson_minutes: 60, periods: demoPeriods() });
    assertError(r, 422, 'bells_lesson_length');
    assert.equal(r.body.error.details.length, 8);
  });

  test('the responsible person saves a schedule (audited); a teacher may not; a period in use cannot go', async () => {
    const r = await as('teacher', 'PUT', `/api/v1/schools/${net.school1}/bells`, { periods: demoPeriods() });
    assertError(r, 403, 'forbidden');
    const saved = await auditGrows(1, () => as('timetable_officer', 'PUT', `/api/v1/schools/${net.school1}/bells`,
      { saturday: false, periods: demoPeriods() }));
    assert.equal(saved.status, 200, saved.text);
    assert.match(saved.body.updated_at, INSTANT);
    const e = (await auditOf(srv, 'bell_schedule', net.school1))[0];
    assert.equal(e.action, 'update');
    assert.equal(e.login, 'timetable');
    // the approved timetable uses period 8
    const seven = demoPeriods().slice(0, 7);
    assertError(await as('timetable_officer', 'PUT', `/api/v1/schools/${net.school1}/bells`, { periods: seven }), 422, 'bells_in_use');
  });
});

describe('rooms', () => {
  test('the demo schools have rooms; labs serve their subjects', async () => {
    const r = assertList(await as('director', 'GET', `/api/v1/schools/${net.school1}/rooms`));
    assert.ok(r.items.length >= net.classes1.length + 20);
    const lab = r.items.find((x) => x.subjects.some((s) => s.code === 'physics'));
    assert.ok(lab, 'a physics laboratory');
  });

  test('the responsible person adds a room; a name taken is 409; a teacher may not', async () => {
    const subjects = (await as('director', 'GET', '/api/v1/subjects?limit=100')).body.items;
    const chem = subjects.find((s) => s.code === 'chemistry');
    const body = { name: 'Химия зертханасы 9', capacity: 24, subjects: [{ subject_id: chem.id }] };
    const r = await auditGrows(1, () => as('timetable_officer', 'POST', `/api/v1/schools/${net.school1}/rooms`, body));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.name, body.name);
    assert.equal(r.body.subjects[0].code, 'chemistry');
    assertError(await as('timetable_officer', 'POST', `/api/v1/schools/${net.school1}/rooms`, body), 409, 'room_exists');
    assertError(await as('teacher', 'POST', `/api/v1/schools/${net.school1}/rooms`, { name: 'X' }), 403, 'forbidden');
    assertError(await as('director', 'POST', `/api/v1/schools/${net.school1}/rooms`, { name: 'Y', subjects: [{ subject_id: 999999 }] }),
      422, 'dangling_reference');
  });
});

describe('the demo timetable', () => {
  test('every demo school has an approved timetable of semester 1, clash-free, laid over the calendar', async () => {
    assert.equal(approved.number, 1);
    assert.equal(approved.committee_date, '2026-08-29');
    assert.ok(approved.entries.length > 20 * net.classes1.length, `${approved.entries.length} entries`);
    assert.ok(approved.laid_at);
    const seen = new Map();
    for (const e of approved.entries) {
      for (const key of [`t${e.teacher.id}`, e.group ? `g${e.group.id}` : `c${e.class.id}`, e.room ? `r${e.room.id}` : null]) {
        if (!key) continue;
        const k = `${key}@${e.weekday}.${e.period}`;
        assert.ok(!seen.has(k), `${k} twice`);
        seen.set(k, e);
      }
    }
    // a group never meets at the time of a whole-class lesson of its class
    for (const e of approved.entries.filter((x) => x.group))
      assert.ok(!seen.has(`c${e.class.id}@${e.weekday}.${e.period}`), 'a group with its class');
    const other = assertList(await as('director2', 'GET', `/api/v1/schools/${net.school2}/timetables`));
    assert.ok(other.items.some((t) => t.status === 'approved' && t.semester === 1));
  });

  test('the report: hours against the ЖОЖ and teachers against their set loads', async () => {
    const r = await as('deputy_academic', 'GET', `/api/v1/timetables/${approved.id}/report`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.curriculum, true);
    assert.ok(Array.isArray(r.body.hours) && Array.isArray(r.body.teachers));
    // the demo's load gives a few teachers a set load one or two hours off
    assert.ok(r.body.teachers.length > 0);
    for (const t of r.body.teachers) {
      assert.ok(['above', 'below', 'no_load'].includes(t.status));
      assert.notEqual(t.set_hours, t.placed);
      assert.equal(typeof t.teacher.last_name, 'string');
    }
  });

  test('staff of another school may not read it', async () => {
    assertError(await as('director2', 'GET', `/api/v1/timetables/${approved.id}`), 403, 'forbidden');
    assertError(await as('parent', 'GET', `/api/v1/timetables/${approved.id}`), 403, 'forbidden');
  });
});

describe('drafts, clashes and approval (TT-1, TT-3)', () => {
  let draft;
  const pick = {};
  before(async () => {
    // a class, its teachers and a split subject's two groups, from the approved version
    const e = approved.entries;
    const pair = e.find((x) => x.group && e.some((y) => y !== x && y.group && y.class.id === x.class.id &&
      y.weekday === x.weekday && y.period === x.period && y.subject.id === x.subject.id));
    const mate = e.find((y) => y !== pair && y.group && y.class.id === pair.class.id && y.weekday === pair.weekday &&
      y.period === pair.period);
    pick.cls = pair.class.id;
    pick.subject = pair.subject.id;
    pick.groups = [pair.group.id, mate.group.id];
    pick.teachers = [pair.teacher.id, mate.teacher.id];
    pick.other = net.classes1.find((c) => c.id !== pick.cls).id;
    pick.math = e.find((x) => x.subject.code === 'algebra');
  });

  test('the responsible person starts an empty draft of semester 2: numbered, with who and when', async () => {
    const r = await auditGrows(1, () => as('timetable_officer', 'POST', `/api/v1/schools/${net.school1}/timetables`, { semester: 2 }));
    assert.equal(r.status, 201, r.text);
    draft = r.body;
    assert.equal(draft.status, 'draft');
    assert.equal(draft.semester, 2);
    assert.equal(draft.number, 1);
    assert.equal(draft.entries_count, 0);
    assert.equal(draft.created_by.login, 'timetable');
    assert.match(draft.created_at, INSTANT);
    assertError(await as('teacher', 'POST', `/api/v1/schools/${net.school1}/timetables`, { semester: 2 }), 403, 'forbidden');
    assertError(await as('timetable_officer', 'POST', `/api/v1/schools/${net.school1}/timetables`, { semester: 3 }), 422, 'out_of_range');
  });

  const lesson = (wd, period, classId, subject, staff, extra = {}) =>
    ({ weekday: wd, period, class_id: classId, subject_id: subject, staff_id: staff, ...extra });

  test('two groups of one class at once are fine (CUR-3); the same teacher in periods 2 and 3 is fine', async () => {
    const [g1, g2] = pick.groups;
    const [t1, t2] = pick.teachers;
    const r = await as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries`, {
      entries: [
        lesson(1, 1, pick.cls, pick.subject, t1, { group_id: g1 }),
        lesson(1, 1, pick.cls, pick.subject, t2, { group_id: g2 }),
        lesson(1, 2, pick.other, pick.math.subject.id, pick.math.teacher.id),
        lesson(1, 3, pick.cls, pick.math.subject.id, pick.math.teacher.id),
      ],
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.entries.length, 4);
    assert.equal(r.body.entries_count, 4);
    const e = (await auditOf(srv, 'timetable', draft.id))[0];
    assert.equal(e.action, 'update_entries');
    assert.equal(e.after.entries.length, 4);
  });

  test('the same teacher twice at once is refused with both entries named, and nothing is written', async () => {
    const before = (await as('director', 'GET', `/api/v1/timetables/${draft.id}`)).body.entries;
    const body = { entries: [lesson(1, 2, pick.cls, pick.math.subject.id, pick.math.teacher.id)] };
    const r = await auditGrows(0, () => as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries`, body, 'en'));
    assertError(r, 422, 'timetable_clash_teacher');
    const d = r.body.error.details[0];
    assert.equal(d.rule, 'TT-1');
    assert.equal(d.field, 'entries[0]');
    assert.equal(d.message, 'The teacher has two lessons at the same time.');
    const saved = before.find((x) => x.weekday === 1 && x.period === 2);
    const named = d.entries.map((x) => x.id ?? `index ${x.index}`).sort();
    assert.deepEqual(named, [saved.id, 'index 0'].sort());
    const other = d.entries.find((x) => x.id === saved.id);
    assert.equal(other.class.id, pick.other);
    assert.equal(other.teacher.id, pick.math.teacher.id);
    assert.equal(other.subject.code, 'algebra');
    assert.deepEqual((await as('director', 'GET', `/api/v1/timetables/${draft.id}`)).body.entries, before);
  });

  test('a group with its own class at once is refused; the class twice at once is refused', async () => {
    const [g1] = pick.groups;
    let r = await as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries`,
      { entries: [lesson(1, 1, pick.cls, pick.math.subject.id, pick.math.teacher.id)] });
    assertError(r, 422);
    assert.deepEqual([...new Set(r.body.error.details.map((d) => d.code))], ['timetable_clash_group_class']);
    assert.equal(r.body.error.details.length, 2, 'the lesson clashes with both groups');
    assert.ok(r.body.error.details.every((d) => d.entries.some((x) => x.group?.id === g1 || x.group?.id === pick.groups[1])));
    r = await as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries`,
      { entries: [lesson(1, 3, pick.cls, pick.subject, pick.teachers[0])] });
    assertError(r, 422, 'timetable_clash_class');
  });

  test('a dry run answers the clashes without writing', async () => {
    const body = { entries: [lesson(1, 2, pick.cls, pick.math.subject.id, pick.math.teacher.id)] };
    const r = await auditGrows(0, () => as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries?dry_run=1`, body));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.valid, false);
    assert.equal(r.body.problems[0].code, 'timetable_clash_teacher');
    assert.equal(r.body.problems[0].entries.length, 2);
    const ok = await as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries?dry_run=1`,
      { entries: [lesson(2, 1, pick.cls, pick.math.subject.id, pick.math.teacher.id)] });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.valid, true);
    assert.deepEqual(ok.body.problems, []);
    assert.equal((await as('director', 'GET', `/api/v1/timetables/${draft.id}`)).body.entries_count, 4);
  });

  test('references, days and periods are checked, every problem listed', async () => {
    const [g1] = pick.groups;
    const r = await as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries`, {
      entries: [
        lesson(6, 1, pick.cls, pick.math.subject.id, pick.math.teacher.id), // no Saturdays
        lesson(2, 9, pick.cls, pick.math.subject.id, pick.math.teacher.id), // 8 periods
        lesson(2, 2, pick.other, pick.subject, pick.teachers[0], { group_id: g1 }), // a group of another class
        lesson(2, 3, pick.cls, pick.math.subject.id, 999999), // no such staff
        { weekday: 2, period: 4, class_id: pick.cls },
        { id: 999999, period: 5 },
      ],
    });
    assertError(r, 422);
    const got = r.body.error.details.map((d) => `${d.code}:${d.field}`).sort();
    assert.deepEqual(got, [
      'missing_field:entries[4].staff_id',
      'missing_field:entries[4].subject_id',
      'timetable_entry_unknown:entries[5].id',
      'timetable_group_class:entries[2].group_id',
      'timetable_period:entries[1].period',
      'timetable_reference:entries[3].staff_id',
      'timetable_weekday:entries[0].weekday',
    ].sort());
  });

  test('a patch moves and deletes entries by id', async () => {
    const cur = (await as('director', 'GET', `/api/v1/timetables/${draft.id}`)).body.entries;
    const math = cur.find((x) => x.weekday === 1 && x.period === 3);
    const other = cur.find((x) => x.weekday === 1 && x.period === 2);
    const r = await as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries`,
      { entries: [{ id: math.id, weekday: 2, period: 1 }, { id: other.id, delete: true }] });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.entries.length, 3);
    const moved = r.body.entries.find((x) => x.id === math.id);
    assert.deepEqual([moved.weekday, moved.period], [2, 1]);
    assert.ok(!r.body.entries.some((x) => x.id === other.id));
  });

  test('only the director of the school approves, after the parents’ committee (TT-3)', async () => {
    const body = { parents_committee_date: '2026-11-20', note: 'Хаттама № 3' };
    assertError(await as('timetable_officer', 'POST', `/api/v1/timetables/${draft.id}/approve`, body), 403, 'forbidden');
    assertError(await as('deputy_academic', 'POST', `/api/v1/timetables/${draft.id}/approve`, body), 403, 'forbidden');
    const r2 = await as('director2', 'POST', `/api/v1/timetables/${draft.id}/approve`, body);
    assertError(r2, 403, 'forbidden');
    assert.equal(r2.body.error.rule, 'TT-3');
    const future = await as('director', 'POST', `/api/v1/timetables/${draft.id}/approve`, { parents_committee_date: '2099-01-01' });
    assertError(future, 422, 'committee_date_future');
    assert.equal(future.body.error.rule, 'TT-3');
    assertError(await as('director', 'POST', `/api/v1/timetables/${draft.id}/approve`, {}), 422, 'missing_field');
    const r = await auditGrows(1, () => as('director', 'POST', `/api/v1/timetables/${draft.id}/approve`, body));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'approved');
    assert.equal(r.body.approved_by.login, 'director');
    assert.match(r.body.approved_at, INSTANT);
    assert.equal(r.body.committee_date, '2026-11-20');
    assert.equal(r.body.committee_note, 'Хаттама № 3');
    assertError(await as('director', 'POST', `/api/v1/timetables/${draft.id}/approve`, body), 409, 'timetable_not_draft');
    assertError(await as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries`, { entries: [] }), 409, 'timetable_not_draft');
  });

  test('an empty draft cannot be approved', async () => {
    const d = await as('timetable_officer', 'POST', `/api/v1/schools/${net.school1}/timetables`, { semester: 2 });
    assert.equal(d.body.number, 2);
    assertError(await as('director', 'POST', `/api/v1/timetables/${d.body.id}/approve`, { parents_committee_date: '2026-11-20' }),
      422, 'timetable_empty');
  });
});

describe('corrections (TT-3) and dated lessons', () => {
  const cls = () => net.classes1[0];

  test('lessons: none on holidays, weekends or public days off; a week holds the week’s entries', async () => {
    const mine = approved.entries.filter((e) => e.class.id === cls().id).length;
    const week = assertList(await as('teacher', 'GET', `/api/v1/classes/${cls().id}/lessons?from=2026-09-07&to=2026-09-13`));
    assert.equal(week.items.length, mine, 'Monday 7 to Sunday 13 September');
    const first = week.items[0];
    assert.equal(first.date, '2026-09-07');
    assert.equal(first.period, 1);
    assert.equal(first.starts_at, '08:00');
    assert.equal(first.ends_at, '08:40');
    assert.ok(first.entry_id && first.timetable_id === approved.id);
    const all = assertList(await as('teacher', 'GET', `/api/v1/classes/${cls().id}/lessons?from=2026-09-01&to=2026-12-31`)).items;
    const dates = new Set(all.map((l) => l.date));
    for (const d of dates) {
      const day = new Date(`${d}T00:00:00Z`).getUTCDay();
      assert.ok(day >= 1 && day <= 5, `${d} is a weekday`);
      assert.ok(!(d >= '2026-10-24' && d <= '2026-11-02'), `${d} is not in the autumn holiday`);
      assert.ok(d <= '2026-12-29', `${d} is in the semester`);
    }
    assert.ok(!dates.has('2026-12-16'), 'Independence Day');
    assert.equal(dates.size, 79);
    const t = approved.entries.find((e) => e.class.id === cls().id).teacher.id;
    const theirs = assertList(await as('director', 'GET', `/api/v1/staff/${t}/lessons?from=2026-09-07&to=2026-09-11`)).items;
    assert.equal(theirs.length, approved.entries.filter((e) => e.teacher.id === t).length);
  });

  test('lessons are asked for a bounded range, in one’s own school', async () => {
    assertError(await as('teacher', 'GET', `/api/v1/classes/${cls().id}/lessons?from=2026-09-01`), 400, 'bad_query');
    assertError(await as('teacher', 'GET', `/api/v1/classes/${cls().id}/lessons?from=2026-09-01&to=2027-05-25`), 400, 'bad_query');
    assertError(await as('director2', 'GET', `/api/v1/classes/${cls().id}/lessons?from=2026-09-01&to=2026-09-30`), 403, 'forbidden');
    assertError(await as('parent', 'GET', `/api/v1/classes/${cls().id}/lessons?from=2026-09-01&to=2026-09-30`), 403, 'forbidden');
  });

  test('laying again changes nothing; a draft is not laid', async () => {
    const r = await as('timetable_officer', 'POST', `/api/v1/timetables/${approved.id}/lay`, {});
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.from, '2026-09-01');
    assert.equal(r.body.to, '2026-12-29');
    assert.equal(r.body.days, 79);
    assert.equal(r.body.inserted, 0);
    assert.equal(r.body.removed, 0);
    assert.ok(r.body.kept > approved.entries.length * 15, `${r.body.kept} lessons kept`);
    assertError(await as('timetable_officer', 'POST', `/api/v1/timetables/${approved.id}/lay`, { from: '2026-08-31' }), 422, 'timetable_lay_from');
    assertError(await as('teacher', 'POST', `/api/v1/timetables/${approved.id}/lay`, {}), 403, 'forbidden');
  });

  let correction;
  test('a correction is a new draft copied from the approved version, with who, when and why', async () => {
    assertError(await as('timetable_officer', 'POST', `/api/v1/timetables/${approved.id}/correct`, {}), 422, 'missing_field');
    const r = await auditGrows(1, () => as('timetable_officer', 'POST', `/api/v1/timetables/${approved.id}/correct`,
      { reason: 'Мұғалім ауырып қалды' }));
    assert.equal(r.status, 201, r.text);
    correction = r.body;
    assert.equal(correction.status, 'draft');
    assert.equal(correction.semester, 1);
    assert.equal(correction.number, 2);
    assert.equal(correction.based_on, approved.id);
    assert.equal(correction.reason, 'Мұғалім ауырып қалды');
    assert.equal(correction.created_by.login, 'timetable');
    assert.ok(Math.abs(Date.parse(correction.created_at) - Date.now()) < 10 * 60_000);
    assert.equal(correction.entries_count, approved.entries.length);
    const e = (await auditOf(srv, 'timetable', correction.id))[0];
    assert.equal(e.action, 'correct');
    assert.equal(e.after.reason, 'Мұғалім ауырып қалды');
    assertError(await as('timetable_officer', 'POST', `/api/v1/timetables/${correction.id}/correct`, { reason: 'x' }),
      409, 'timetable_not_approved');
  });

  test('approving the correction supersedes the old version; its lay keeps what came before it', async () => {
    const entries = (await as('director', 'GET', `/api/v1/timetables/${correction.id}?class=${cls().id}`)).body.entries;
    assert.ok(entries.every((e) => e.class.id === cls().id));
    const gone = entries.find((e) => !e.group);
    let r = await as('timetable_officer', 'PUT', `/api/v1/timetables/${correction.id}/entries`, { entries: [{ id: gone.id, delete: true }] });
    assert.equal(r.status, 200, r.text);
    r = await as('director', 'POST', `/api/v1/timetables/${correction.id}/approve`, { parents_committee_date: todayKz() });
    assert.equal(r.status, 200, r.text);
    const old = (await as('director', 'GET', `/api/v1/timetables/${approved.id}`)).body;
    assert.equal(old.status, 'superseded');
    assert.ok(old.superseded_at);
    const before = assertList(await as('teacher', 'GET', `/api/v1/classes/${cls().id}/lessons?from=2026-09-01&to=2026-12-31`)).items;
    r = await as('timetable_officer', 'POST', `/api/v1/timetables/${correction.id}/lay`, {});
    assert.equal(r.status, 200, r.text);
    const from = r.body.from;
    assert.ok(from >= todayKz() || from === '2026-09-01' || from > '2026-12-29', `from ${from}`);
    const afterLay = assertList(await as('teacher', 'GET', `/api/v1/classes/${cls().id}/lessons?from=2026-09-01&to=2026-12-31`)).items;
    const past = (list) => list.filter((l) => l.date < from).map((l) => `${l.id}:${l.timetable_id}`);
    assert.deepEqual(past(afterLay), past(before), 'the lessons before the correction are untouched');
    for (const l of afterLay.filter((x) => x.date >= from)) assert.equal(l.timetable_id, correction.id);
    const removedSlot = afterLay.filter((l) => l.date >= from && new Date(`${l.date}T00:00:00Z`).getUTCDay() === gone.weekday &&
      l.period === gone.period && !l.group);
    assert.equal(removedSlot.length, 0, 'the deleted entry has no lessons from the correction on');
    // and again: nothing to do
    r = await as('timetable_officer', 'POST', `/api/v1/timetables/${correction.id}/lay`, {});
    assert.equal(r.body.inserted + r.body.removed + r.body.updated, 0);
  });
});
