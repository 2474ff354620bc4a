// The timetable generator through the API (issue 9; TT-1, TT-3): a deputy starts a job
// for semester 1 and gets 202 at once; a second start for the school is 409 while it
// runs; the job's progress is readable by the school's staff and not by another school;
// at the end a NEW DRAFT version stands with every hour of the load, no clash by the
// timetable's own check (its dry run and the director's approval), audited as generate;
// entries locked by hand in the newest version stay where they are;
// an over-full class makes the job fail with the counting conflict in the request's
// language; bad bodies are 422. Runs on both engines (MEKTEP_ENGINE).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertError, network, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net;
before(async () => {
  net = await network(srv);
});

const as = async (role, method, p, body, lang) => srv.api(method, p, { token: await srv.login(role), body, lang });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/* Polls the job until it is no longer running (at most `seconds`); returns its last state
 * and every state seen. */
async function finish(id, seconds = 90, lang) {
  const seen = [];
  for (const end = Date.now() + seconds * 1000; Date.now() < end; ) {
    const r = await as('deputy_academic', 'GET', `/api/v1/timetable-jobs/${id}`, undefined, lang);
    assert.equal(r.status, 200, r.text);
    seen.push(r.body);
    if (r.body.status !== 'running') return { job: r.body, seen };
    await sleep(200);
  }
  assert.fail(`job ${id} still running after ${seconds} s`);
}

test('a deputy generates a draft: 202, 409 meanwhile, progress, then a new draft that passes the approval', async () => {
  const list = async () => (await as('director', 'GET', `/api/v1/schools/${net.school1}/timetables`)).body.items;
  const before = await list();
  const approved = before.find((t) => t.status === 'approved' && t.semester === 1);

  const start = await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/timetables/generate`,
    { semester: 1, seed: 3, time_limit: 20 });
  assert.equal(start.status, 202, start.text);
  const job = start.body;
  assert.equal(job.status, 'running');
  assert.equal(job.school_id, net.school1);
  assert.equal(job.semester, 1);
  assert.equal(job.seed, 3);
  assert.equal(job.time_limit, 20);
  assert.equal(job.timetable, null);
  assert.deepEqual(job.problems, []);

  // one job per school; another school may start its own; a teacher may not start one
  assertError(await as('director', 'POST', `/api/v1/schools/${net.school1}/timetables/generate`, { semester: 1 }), 409,
    'generate_running');
  assertError(await as('teacher', 'POST', `/api/v1/schools/${net.school1}/timetables/generate`, { semester: 1 }), 403,
    'forbidden');
  assertError(await as('director2', 'POST', `/api/v1/schools/${net.school1}/timetables/generate`, { semester: 1 }), 403,
    'forbidden');
  // the job is the school's: its staff read it, another school's director does not
  assert.equal((await as('teacher', 'GET', `/api/v1/timetable-jobs/${job.id}`)).status, 200);
  assertError(await as('director2', 'GET', `/api/v1/timetable-jobs/${job.id}`), 403, 'forbidden');
  assertError(await as('parent', 'GET', `/api/v1/timetable-jobs/${job.id}`), 403, 'forbidden');
  assertError(await as('deputy_academic', 'GET', '/api/v1/timetable-jobs/999999'), 404, 'not_found');

  const { job: done, seen } = await finish(job.id);
  assert.equal(done.status, 'done', JSON.stringify(done));
  assert.equal(done.hard, 0);
  assert.equal(done.phase, 'improve');
  assert.ok(done.elapsed > 0 && done.elapsed <= 21, `elapsed ${done.elapsed}`);
  assert.ok(done.finished_at >= done.started_at);
  assert.ok(seen.every((s) => ['build', 'repair', 'improve'].includes(s.phase) && (s.hard === null || Number.isInteger(s.hard))));
  assert.equal(job.hard === null || Number.isInteger(job.hard), true);
  assert.ok(done.result.time_to_feasible >= 0 && done.result.time_to_feasible <= done.elapsed + 0.5);
  assert.equal(done.result.locked, 0);
  assert.deepEqual(done.problems, []);

  // a new draft, numbered after the semester's versions, with every hour of the load
  const after = await list();
  assert.equal(after.length, before.length + 1);
  const draft = (await as('director', 'GET', `/api/v1/timetables/${done.timetable.id}`)).body;
  assert.equal(draft.status, 'draft');
  assert.equal(draft.semester, 1);
  assert.equal(draft.number, done.timetable.number);
  assert.equal(draft.number, Math.max(...before.filter((t) => t.semester === 1).map((t) => t.number)) + 1);
  assert.equal(draft.created_by.login, 'deputy');
  assert.equal(draft.entries.length, done.result.lessons);
  const appr = (await as('director', 'GET', `/api/v1/timetables/${approved.id}`)).body;
  assert.equal(draft.entries.length, appr.entries.length, 'as many lessons as the demo\'s approved version');
  // the same teachers' hours as the approved version (the load), and the ЖОЖ report alike
  const report = (await as('director', 'GET', `/api/v1/timetables/${draft.id}/report`)).body;
  const reportAppr = (await as('director', 'GET', `/api/v1/timetables/${approved.id}/report`)).body;
  assert.deepEqual(report.teachers, reportAppr.teachers);
  assert.deepEqual(report.hours, reportAppr.hours);
  // no class or teacher twice at a time, students without gaps from the first period
  const busy = new Map();
  for (const e of draft.entries) {
    for (const key of [`t${e.teacher.id}`, `c${e.class.id}/${e.group ? e.group.id : '*'}`, e.room ? `r${e.room.id}` : null]) {
      if (!key) continue;
      const k = `${key}@${e.weekday}.${e.period}`;
      assert.ok(!busy.has(k), `${k} twice`);
      busy.set(k, e);
    }
  }
  // TT-4: the elective blocks take their grades' classes, so a class's day is its lessons
  // and its grade's block periods — none of them shared with a lesson
  const meetings = draft.elective_blocks.reduce((n, b) => n + b.groups.length, 0);
  assert.equal(meetings, done.result.elective_rows);
  assert.ok(meetings > 0, 'the demo school has elective blocks');
  const blocks = new Map();
  for (const b of draft.elective_blocks) {
    for (const g of b.grades) blocks.set(`${g}@${b.weekday}`, (blocks.get(`${g}@${b.weekday}`) || new Set()).add(b.period));
  }
  const days = new Map();
  for (const e of draft.entries) {
    const k = `${e.class.id}@${e.weekday}`;
    assert.ok(!blocks.get(`${e.class.grade}@${e.weekday}`)?.has(e.period), `${k}.${e.period}: a lesson in an elective block`);
    if (!days.has(k)) days.set(k, new Set(blocks.get(`${e.class.grade}@${e.weekday}`) || []));
    days.get(k).add(e.period);
  }
  for (const [k, periods] of days) {
    const max = Math.max(...periods);
    assert.equal(periods.size, max, `${k}: periods ${[...periods]} have a gap or a late start`);
  }
  // the timetable's own clash check: the draft re-saved as it is (dry run) is valid
  const dry = await as('deputy_academic', 'PUT', `/api/v1/timetables/${draft.id}/entries?dry_run=1`, {
    replace: true,
    entries: draft.entries.map((e) => ({ weekday: e.weekday, period: e.period, class_id: e.class.id,
      group_id: e.group ? e.group.id : null, subject_id: e.subject.id, staff_id: e.teacher.id,
      room_id: e.room ? e.room.id : null })),
  });
  assert.equal(dry.status, 200, dry.text);
  assert.equal(dry.body.valid, true, JSON.stringify(dry.body.problems?.slice(0, 3)));
  // audited as generate, by the deputy
  const audit = await as('network_admin', 'GET', `/api/v1/audit?entity=timetable&entity_id=${draft.id}`);
  assert.equal(audit.status, 200, audit.text);
  assert.ok(audit.body.items.some((a) => a.action === 'generate'), audit.text);
  // TT-3: the director approves it as any draft; the demo's version is superseded
  const ok = await as('director', 'POST', `/api/v1/timetables/${draft.id}/approve`,
    { parents_committee_date: '2026-11-20', note: 'generated' });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.status, 'approved');
  assert.equal((await as('director', 'GET', `/api/v1/timetables/${approved.id}`)).body.status, 'superseded');
});

test('entries locked by hand in the newest version stay where they are in the generated draft', async () => {
  const versions = (await as('director', 'GET', `/api/v1/schools/${net.school1}/timetables`)).body.items;
  const approved = versions.find((t) => t.status === 'approved' && t.semester === 1);
  const copy = await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/timetables`, { semester: 1, copy_from: approved.id });
  assert.equal(copy.status, 201, copy.text);
  const entries = (await as('deputy_academic', 'GET', `/api/v1/timetables/${copy.body.id}`)).body.entries;
  // three lessons of different classes, one of them a group's
  const pick = [entries.find((e) => e.group), ...entries.filter((e) => !e.group).filter((e, i, a) => a.findIndex((x) => x.class.id === e.class.id) === i).slice(3, 5)];
  const put = await as('deputy_academic', 'PUT', `/api/v1/timetables/${copy.body.id}/entries`,
    { entries: pick.map((e) => ({ id: e.id, locked: true })) });
  assert.equal(put.status, 200, put.text);

  const start = await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/timetables/generate`, { semester: 1, seed: 11, time_limit: 20 });
  assert.equal(start.status, 202, start.text);
  const { job } = await finish(start.body.id);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.result.locked, 3);
  const made = (await as('deputy_academic', 'GET', `/api/v1/timetables/${job.timetable.id}`)).body.entries;
  const locked = made.filter((e) => e.locked);
  assert.equal(locked.length, 3);
  const key = (e) => [e.weekday, e.period, e.class.id, e.group?.id ?? 0, e.subject.id, e.teacher.id].join('/');
  assert.deepEqual(locked.map(key).sort(), pick.map(key).sort());
});

test('caps on every teacher (TT-1): at most 6 lessons and 1 gap a day hold in the draft, the job says them', async () => {
  const start = await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/timetables/generate`,
    { semester: 1, seed: 4, time_limit: 20, teacher_max_daily: 6, teacher_max_gaps_day: 1 });
  assert.equal(start.status, 202, start.text);
  assert.deepEqual([start.body.teacher_max_daily, start.body.teacher_max_gaps_day, start.body.teacher_max_gaps_week],
    [6, 1, null]);
  const { job } = await finish(start.body.id);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.teacher_max_daily, 6);
  const draft = (await as('director', 'GET', `/api/v1/timetables/${job.timetable.id}`)).body;
  // a teacher's day: their lessons and the elective groups they meet
  const day = new Map();
  const at = (teacher, weekday, period) => {
    const k = `${teacher}@${weekday}`;
    day.set(k, (day.get(k) || new Set()).add(period));
  };
  for (const e of draft.entries) at(e.teacher.id, e.weekday, e.period);
  for (const b of draft.elective_blocks) for (const g of b.groups) if (g.staff_id) at(g.staff_id, b.weekday, b.period);
  assert.ok(day.size > 0);
  for (const [k, periods] of day) {
    assert.ok(periods.size <= 6, `${k}: ${periods.size} lessons`);
    const gaps = Math.max(...periods) - Math.min(...periods) + 1 - periods.size;
    assert.ok(gaps <= 1, `${k}: ${gaps} gaps`);
  }
});

test('bad bodies are 422 and start nothing', async () => {
  const url = `/api/v1/schools/${net.school2}/timetables/generate`;
  let r = await as('director2', 'POST', url, { semester: 3 });
  assertError(r, 422);
  r = await as('director2', 'POST', url, { semester: 1, time_limit: 0 });
  assertError(r, 422);
  r = await as('director2', 'POST', url, { semester: 1, time_limit: 301 });
  assertError(r, 422);
  r = await as('director2', 'POST', url, { seed: 1 });
  assertError(r, 422, 'missing_field');
  r = await as('director2', 'POST', url, { semester: 1, colour: 'red' });
  assertError(r, 422, 'unknown_field');
  for (const [field, value] of [['teacher_max_daily', 0], ['teacher_max_daily', 13], ['teacher_max_gaps_day', -1],
    ['teacher_max_gaps_week', 61], ['teacher_max_gaps_day', 'one']]) {
    r = await as('director2', 'POST', url, { semester: 1, [field]: value });
    assertError(r, 422);
    assert.equal(r.body.error.field, field, `${field}: ${value}`);
  }
  const year1 = (await as('director', 'GET', `/api/v1/schools/${net.school1}/timetables`)).body.items[0].academic_year_id;
  r = await as('director2', 'POST', url, { semester: 1, academic_year_id: year1 });
  assertError(r, 422, 'wrong_school');
});

test('an over-full class: the job fails with the counting conflict, in the request\'s language, and writes nothing', async () => {
  const school = net.school2;
  const load = (await as('director2', 'GET', `/api/v1/schools/${school}/load`)).body;
  assert.ok(Array.isArray(load.assignments) && load.assignments.length > 0, JSON.stringify(load).slice(0, 300));
  const first = load.assignments.find((a) => !a.group_id);
  const extra = { staff_id: first.staff_id, class_id: first.class_id, subject_id: first.subject_id, hours: 20 };
  const strip = (a) => (a.group_id ? { staff_id: a.staff_id, group_id: a.group_id, subject_id: a.subject_id, hours: a.hours }
    : { staff_id: a.staff_id, class_id: a.class_id, subject_id: a.subject_id, hours: a.hours });
  const put = await as('director2', 'PUT', `/api/v1/schools/${school}/load`, {
    teachers: load.teachers.map((t) => ({ staff_id: t.staff_id, set_hours: t.set_hours, elective_hours: t.elective_hours, club_hours: t.club_hours })),
    assignments: [...load.assignments.map(strip), extra],
  });
  assert.equal(put.status, 200, put.text);
  const count = (await as('director2', 'GET', `/api/v1/schools/${school}/timetables`)).body.items.length;

  const start = await as('director2', 'POST', `/api/v1/schools/${school}/timetables/generate`, { semester: 1, time_limit: 2 });
  assert.equal(start.status, 202, start.text);
  let job;
  for (const end = Date.now() + 60_000; Date.now() < end; await sleep(200)) {
    const r = await as('director2', 'GET', `/api/v1/timetable-jobs/${start.body.id}`, undefined, 'ru');
    assert.equal(r.status, 200, r.text);
    job = r.body;
    if (job.status !== 'running') break;
  }
  assert.equal(job.status, 'failed', JSON.stringify(job));
  assert.equal(job.timetable, null);
  const p = job.problems.find((x) => x.code === 'generate_group_hours');
  assert.ok(p, JSON.stringify(job.problems));
  assert.equal(p.rule, 'TT-1');
  assert.match(p.message, /уроков в неделю больше/);
  assert.ok(p.need > p.have && p.have === 40, JSON.stringify(p));
  assert.match(p.detail, /needs \d+ lessons a week; the week has 40 periods/);
  const kk = (await as('director2', 'GET', `/api/v1/timetable-jobs/${start.body.id}`, undefined, 'kk')).body;
  assert.match(kk.problems.find((x) => x.code === 'generate_group_hours').message, /апталық сабағы/);
  assert.equal((await as('director2', 'GET', `/api/v1/schools/${school}/timetables`)).body.items.length, count);
  // the school may start again once the job ended
  const again = await as('director2', 'POST', `/api/v1/schools/${school}/timetables/generate`, { semester: 1, time_limit: 1 });
  assert.equal(again.status, 202, again.text);
  for (const end = Date.now() + 60_000; Date.now() < end; await sleep(200)) {
    const r = await as('director2', 'GET', `/api/v1/timetable-jobs/${again.body.id}`);
    if (r.body.status !== 'running') break;
  }
});
