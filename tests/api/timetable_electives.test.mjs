// The elective blocks of a timetable version (TT-4, A3§10: elective courses run by the
// timetable; ELE-3): a school's grade 7 gets elective groups (tests/api/elective_blocks.mjs),
// the generator makes a draft with their block; GET gives the blocks (each group's
// meeting with course, group, teacher, room) and keeps a class's grade's and a teacher's;
// no class of the grade and no teacher of a group has a lesson then; a hand edit into a
// block slot (a class of the grade, a group's teacher, a meeting's room) is refused with
// TT-4 and writes nothing, as its dry run says; a meeting's room is set in a draft only,
// a room of the school free then (TT-1, TT-4); the director's approval passes and a
// correction keeps the blocks. Runs on both engines (MEKTEP_ENGINE).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, auditGrows as auditGrowsBy, network, startServer } from './server.mjs';
import { electiveBlockSchool } from './elective_blocks.mjs';

const srv = await startServer();
after(() => srv.stop());

const as = async (role, method, p, body, lang) => srv.api(method, p, { token: await srv.login(role), body, lang });
const auditGrows = (n, fn) => auditGrowsBy(srv, n, fn);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const deputy = async (method, p, body) => {
  const r = await as('deputy_academic', method, `/api/v1${p}`, body);
  assert.ok(r.status === 200 || r.status === 201, `${method} ${p}: ${r.status} ${r.text}`);
  return r.body;
};

let net;
let made; // the courses and groups
let draft; // the generated draft with its entries and blocks
const meetings = () => draft.elective_blocks.flatMap((b) => b.groups.map((g) => ({ ...g, weekday: b.weekday, period: b.period })));
const slotOf = (m) => `${m.weekday}.${m.period}`;

before(async () => {
  net = await network(srv);
  made = await electiveBlockSchool(deputy, net.school1);
  const start = await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/timetables/generate`,
    { semester: 1, seed: 3, time_limit: 30 });
  assert.equal(start.status, 202, start.text);
  let job;
  for (const end = Date.now() + 120_000; Date.now() < end; await sleep(250)) {
    job = (await as('deputy_academic', 'GET', `/api/v1/timetable-jobs/${start.body.id}`)).body;
    if (job.status !== 'running') break;
  }
  assert.equal(job.status, 'done', JSON.stringify(job));
  draft = (await as('deputy_academic', 'GET', `/api/v1/timetables/${job.timetable.id}`)).body;
});

describe('the generated draft’s blocks (TT-4, ELE-3)', () => {
  test('GET gives every group’s meeting in grade 7’s block, named, with the slot free of lessons', async () => {
    assert.equal(draft.status, 'draft');
    assert.ok(draft.elective_blocks.length >= 1, JSON.stringify(draft.elective_blocks));
    const all = meetings();
    // each 1-hour group meets once; the groups are ours
    assert.deepEqual(all.map((m) => m.group_id).sort(), made.groups.map((g) => g.id).sort());
    for (const b of draft.elective_blocks) {
      assert.equal(b.grade, 7);
      assert.deepEqual(b.grades, [7]);
    }
    for (const m of all) {
      const g = made.groups.find((x) => x.id === m.group_id);
      assert.equal(m.group_name, g.name);
      assert.equal(m.staff_id, g.staff_id);
      assert.match(m.staff_name, /\S+ \S+/);
      assert.ok(['Robotics', 'Chess'].includes(m.course.en), m.course.en);
      assert.ok(m.course.kk && m.course.ru);
      assert.equal(typeof m.id, 'number');
    }
    // a teacher meets one group at a time, and four groups in three hours share an hour
    const slots = new Map();
    for (const m of all) slots.set(slotOf(m), [...(slots.get(slotOf(m)) || []), m]);
    for (const list of slots.values()) assert.equal(new Set(list.map((m) => m.staff_id)).size, list.length);
    assert.ok([...slots.values()].some((l) => l.length >= 2), 'two groups meet at once');
    // no lesson of a grade-7 class, nor of a group's teacher, at a block slot
    const blockSlots = new Set(draft.elective_blocks.map((b) => `${b.weekday}.${b.period}`));
    for (const e of draft.entries) {
      if (!blockSlots.has(`${e.weekday}.${e.period}`)) continue;
      assert.notEqual(e.class.grade, 7, `${e.class.label} has a lesson in its block`);
      assert.ok(!slots.get(`${e.weekday}.${e.period}`).some((m) => m.staff_id === e.teacher.id), 'a teacher in two places');
    }
  });

  test('a class sees its grade’s blocks, another grade none; a teacher sees only their groups', async () => {
    const seven = net.classes1.find((c) => c.grade === 7), eight = net.classes1.find((c) => c.grade === 8);
    const c7 = (await as('teacher', 'GET', `/api/v1/timetables/${draft.id}?class=${seven.id}`)).body;
    assert.equal(c7.elective_blocks.length, draft.elective_blocks.length);
    const c8 = (await as('teacher', 'GET', `/api/v1/timetables/${draft.id}?class=${eight.id}`)).body;
    assert.deepEqual(c8.elective_blocks, []);
    const t0 = made.teachers[0];
    const mine = (await as('teacher', 'GET', `/api/v1/timetables/${draft.id}?teacher=${t0}`)).body.elective_blocks;
    const groups = mine.flatMap((b) => b.groups);
    assert.deepEqual(groups.map((g) => g.group_name).sort(), ['C2', 'R1']);
    assert.ok(groups.every((g) => g.staff_id === t0));
    // ?entries=0 is the version alone
    const bare = (await as('teacher', 'GET', `/api/v1/timetables/${draft.id}?entries=0`)).body;
    assert.equal(bare.elective_blocks, undefined);
  });
});

describe('hand edits into a block (TT-4)', () => {
  test('a lesson of a grade-7 class, of a group’s teacher, or in a meeting’s room then is refused; nothing written', async () => {
    const m = meetings()[0];
    const seven = net.classes1.find((c) => c.grade === 7);
    const eight = net.classes1.find((c) => c.grade === 8);
    const lesson = draft.entries.find((e) => e.class.id === seven.id && !e.group);
    const other = draft.entries.find((e) => e.class.id === eight.id && !e.group);
    const count = draft.entries_count;

    // a new lesson of the grade-7 class at the block slot, with a teacher free then
    const busy = new Set(draft.entries.filter((e) => e.weekday === m.weekday && e.period === m.period).map((e) => e.teacher.id));
    meetings().filter((x) => slotOf(x) === slotOf(m)).forEach((x) => busy.add(x.staff_id));
    const staff = (await as('director', 'GET', `/api/v1/schools/${net.school1}/staff?role=teacher&limit=500`)).body.items;
    const free = staff.find((s) => !busy.has(s.id));
    const add = { weekday: m.weekday, period: m.period, class_id: seven.id, subject_id: lesson.subject.id, staff_id: free.id };
    let r = await auditGrows(0, () => as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries`, { entries: [add] }, 'en'));
    assertError(r, 422, 'timetable_clash_block_class');
    const d = r.body.error.details[0];
    assert.equal(d.rule, 'TT-4');
    assert.equal(d.field, 'entries[0]');
    assert.equal(d.entries[0].index, 0);
    assert.equal(d.entries[0].class.id, seven.id);
    assert.equal(d.block.weekday, m.weekday);
    assert.equal(d.block.period, m.period);
    assert.match(d.message, /elective/);
    // the dry run says the same with 200
    r = await as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries?dry_run=1`, { entries: [add] });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.valid, false);
    assert.deepEqual(r.body.problems.map((p) => [p.code, p.rule]), [['timetable_clash_block_class', 'TT-4']]);

    // a grade-8 lesson moved to the slot with the group's teacher: the teacher is taken
    r = await auditGrows(0, () => as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries`,
      { entries: [{ id: other.id, weekday: m.weekday, period: m.period, staff_id: m.staff_id }] }));
    assertError(r, 422);
    const teacher = r.body.error.details.find((x) => x.code === 'timetable_clash_block_teacher');
    assert.ok(teacher, JSON.stringify(r.body.error.details));
    assert.equal(teacher.rule, 'TT-4');
    assert.equal(teacher.entries[0].id, other.id);
    assert.equal(teacher.block.id, m.id);

    // nothing was written
    const now = (await as('timetable_officer', 'GET', `/api/v1/timetables/${draft.id}`)).body;
    assert.equal(now.entries_count, count);
    const still = now.entries.find((e) => e.id === other.id);
    assert.deepEqual([still.weekday, still.period, still.teacher.id], [other.weekday, other.period, other.teacher.id]);
  });
});

describe('a meeting’s room (TT-1, TT-4)', () => {
  test('a free room of the school is set (audited); one taken by a lesson or another meeting, or of another school, is refused', async () => {
    const all = meetings();
    const pair = all.filter((x) => all.some((y) => y !== x && slotOf(y) === slotOf(x)));
    const [m, mate] = pair;
    const rooms = (await as('director', 'GET', `/api/v1/schools/${net.school1}/rooms`)).body.items;
    const used = new Set(draft.entries.filter((e) => e.weekday === m.weekday && e.period === m.period && e.room).map((e) => e.room.id));
    all.filter((x) => slotOf(x) === slotOf(m) && x.room_id).forEach((x) => used.add(x.room_id));
    const free = rooms.filter((x) => !used.has(x.id));
    const taken = draft.entries.find((e) => e.weekday === m.weekday && e.period === m.period && e.room);
    const url = `/api/v1/timetables/${draft.id}/elective-entries/${m.id}`;

    let r = await auditGrows(1, () => as('timetable_officer', 'PATCH', url, { room_id: free[0].id }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.room_id, free[0].id);
    assert.equal(r.body.room_name, free[0].name);
    assert.equal(r.body.id, m.id);
    const shown = (await as('teacher', 'GET', `/api/v1/timetables/${draft.id}`)).body.elective_blocks
      .flatMap((b) => b.groups).find((g) => g.id === m.id);
    assert.equal(shown.room_name, free[0].name);

    // the other meeting of that hour may not take it (TT-4), nor a lesson's room (TT-1)
    r = await auditGrows(0, () => as('timetable_officer', 'PATCH', `/api/v1/timetables/${draft.id}/elective-entries/${mate.id}`,
      { room_id: free[0].id }));
    assertError(r, 422, 'timetable_clash_block_room');
    assert.equal(r.body.error.rule, 'TT-4');
    assert.equal(r.body.error.details[0].block.id, m.id);
    r = await auditGrows(0, () => as('timetable_officer', 'PATCH', url, { room_id: taken.room.id }));
    assertError(r, 422, 'timetable_clash_room');
    assert.equal(r.body.error.rule, 'TT-1');
    assert.equal(r.body.error.details[0].entries[0].id, taken.id);
    // a room of another school; a lesson placed in the meeting's room then (TT-4)
    const theirs = (await as('director2', 'GET', `/api/v1/schools/${net.school2}/rooms`)).body.items[0];
    assertError(await as('timetable_officer', 'PATCH', url, { room_id: theirs.id }), 422, 'timetable_reference');
    const there = draft.entries.find((e) => e.weekday === m.weekday && e.period === m.period);
    r = await as('timetable_officer', 'PUT', `/api/v1/timetables/${draft.id}/entries?dry_run=1`,
      { entries: [{ id: there.id, room_id: free[0].id }] });
    assert.deepEqual(r.body.problems.map((p) => [p.code, p.rule]), [['timetable_clash_block_room', 'TT-4']]);

    // who may, and what
    assertError(await as('teacher', 'PATCH', url, { room_id: null }), 403, 'forbidden');
    assertError(await as('director2', 'PATCH', url, { room_id: null }), 403, 'forbidden');
    assertError(await as('timetable_officer', 'PATCH', `/api/v1/timetables/${draft.id}/elective-entries/999999`, { room_id: null }), 404, 'not_found');
    assertError(await as('timetable_officer', 'PATCH', url, {}), 422, 'missing_field');
    // null takes the room away, and the room is back for the other meeting
    r = await as('timetable_officer', 'PATCH', url, { room_id: null });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.room_id, null);
    r = await as('timetable_officer', 'PATCH', `/api/v1/timetables/${draft.id}/elective-entries/${mate.id}`, { room_id: free[0].id });
    assert.equal(r.status, 200, r.text);
    draft = (await as('teacher', 'GET', `/api/v1/timetables/${draft.id}`)).body;
  });
});

describe('approval and correction (TT-3)', () => {
  test('the draft with its blocks is approved; its meetings no longer change; a correction keeps them', async () => {
    const r = await as('director', 'POST', `/api/v1/timetables/${draft.id}/approve`, { parents_committee_date: '2026-11-20' });
    assert.equal(r.status, 200, r.text);
    const m = meetings()[0];
    assertError(await as('timetable_officer', 'PATCH', `/api/v1/timetables/${draft.id}/elective-entries/${m.id}`, { room_id: null }),
      409, 'timetable_not_draft');
    const c = await as('timetable_officer', 'POST', `/api/v1/timetables/${draft.id}/correct`, { reason: 'A teacher left' });
    assert.equal(c.status, 201, c.text);
    const copy = (await as('teacher', 'GET', `/api/v1/timetables/${c.body.id}`)).body;
    const key = (b) => b.flatMap((x) => x.groups.map((g) => [x.weekday, x.period, x.grade, g.group_id, g.staff_id, g.room_id, g.locked].join('/'))).sort();
    assert.deepEqual(key(copy.elective_blocks), key(draft.elective_blocks));
    assert.ok(copy.elective_blocks.flatMap((b) => b.groups).some((g) => g.room_id), 'a room was kept');
    // the copy's meetings are its own: a room changed there leaves the approved version's
    const mine = copy.elective_blocks.flatMap((b) => b.groups)[0];
    assert.notEqual(mine.id, m.id);
    const changed = await as('timetable_officer', 'PATCH', `/api/v1/timetables/${c.body.id}/elective-entries/${mine.id}`, { room_id: null });
    assert.equal(changed.status, 200, changed.text);
    const again = (await as('teacher', 'GET', `/api/v1/timetables/${draft.id}`)).body;
    assert.deepEqual(key(again.elective_blocks), key(draft.elective_blocks));
    // a meeting of the approved version is not one of the copy's
    assertError(await as('timetable_officer', 'PATCH', `/api/v1/timetables/${c.body.id}/elective-entries/${m.id}`, { room_id: null }),
      404, 'not_found');
  });
});
