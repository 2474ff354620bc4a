// A grade's daily minimum and maximum of lessons per ЖОЖ (issue 9; TT-1, CUR-2): the
// school's staff read each grade's weekly hours (the ЖОЖ's lessons + its elective hours)
// and its bounds, set or Mektep's default; the director and academic deputy set them —
// every broken bound of every grade refused at once with rule TT-1 and its figures,
// nothing written (the audit log does not grow) — a grade left out takes the default
// again; the generator's draft keeps a grade's bounds: no class of the grade has more
// (or fewer) lessons on any day. Both sides of each bound are core's unit tests
// (tests/unit/test_daily_bounds.c); here one side of each. Bounds the week can no longer
// hold (Saturdays added after they were set) fail the job with the counting conflict
// generate_class_min, rule TT-1, naming the classes. Runs on both engines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, auditOf, network, problems, rolesOf, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

const { as, get, auditGrows } = rolesOf(srv);
/* a PUT in a language */
const putIn = async (lang, p, body) => srv.api('PUT', p, { token: await srv.login('deputy_academic'), body, lang });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let net;
let cur; // the ЖОЖ of school 1's current year
let url;
before(async () => {
  net = await network(srv);
  const list = await get('deputy_academic', `/api/v1/schools/${net.school1}/curricula`);
  cur = await get('deputy_academic', `/api/v1/curricula/${(list.items || list)[0].id}`);
  url = `/api/v1/curricula/${cur.id}/daily-bounds`;
});

/* Mektep's default, as docs/curriculum.md states it. */
const byDefault = (h, days, periods) => ({
  min_daily: h < days ? 0 : Math.max(1, Math.floor(h / days) - 1),
  max_daily: Math.min(periods, Math.ceil(h / days) + 1),
});

describe('reading (TT-1)', () => {
  test("each grade's weekly hours — the ЖОЖ's lessons and electives — and Mektep's default", async () => {
    const b = await get('teacher', url);
    assert.equal(b.curriculum_id, cur.id);
    assert.equal(b.days, 5);
    assert.equal(b.periods, 8);
    const electives = (await get('deputy_academic', `/api/v1/curricula/${cur.id}/electives`)).grades;
    const grades = [...new Set(cur.rows.map((r) => r.grade))].sort((x, y) => x - y);
    assert.deepEqual(b.grades.map((g) => g.grade), grades);
    for (const g of b.grades) {
      const lessons = cur.rows.filter((r) => r.grade === g.grade).reduce((s, r) => s + r.hours, 0);
      const el = electives.find((e) => e.grade === g.grade)?.elective_hours ?? 0;
      assert.equal(g.lesson_hours, lessons, `grade ${g.grade}`);
      assert.equal(g.elective_hours, el, `grade ${g.grade}`);
      assert.equal(g.weekly_hours, lessons + el);
      assert.equal(g.set, false);
      assert.deepEqual(g.default, byDefault(g.weekly_hours, 5, 8));
      assert.equal(g.min_daily, g.default.min_daily);
      assert.equal(g.max_daily, g.default.max_daily);
    }
    // the network reads it; another school's director, a parent and a student do not
    await get('network_admin', url);
    assertError(await as('director2', 'GET', url), 403, 'forbidden');
    assertError(await as('parent', 'GET', url), 403, 'forbidden');
    assertError(await as('student', 'GET', url), 403, 'forbidden');
    assertError(await as('deputy_academic', 'GET', '/api/v1/curricula/999999/daily-bounds'), 404, 'not_found');
  });
});

describe('setting (TT-1)', () => {
  test('the deputy sets grades 7 and 9, reads them back; a grade left out takes the default again; audited', async () => {
    const g7 = (await get('deputy_academic', url)).grades.find((g) => g.grade === 7);
    const low = Math.ceil(g7.weekly_hours / 5); // the fewest a day that holds the week
    const put = await auditGrows(1, async () => {
      const r = await as('deputy_academic', 'PUT', url,
        { grades: [{ grade: 7, min_daily: low - 1, max_daily: low }, { grade: 9, min_daily: 5, max_daily: 8 }] });
      assert.equal(r.status, 200, r.text);
      return r.body;
    });
    const back = await get('teacher', url);
    assert.deepEqual(back, put);
    const seven = back.grades.find((g) => g.grade === 7);
    assert.equal(seven.set, true);
    assert.equal(seven.min_daily, low - 1);
    assert.equal(seven.max_daily, low);
    assert.equal(back.grades.find((g) => g.grade === 9).set, true);
    assert.ok(back.grades.filter((g) => ![7, 9].includes(g.grade)).every((g) => !g.set));
    const log = await auditOf(srv, 'curriculum_daily_bounds', cur.id);
    assert.deepEqual(log[0].after, [{ grade: 7, min_daily: low - 1, max_daily: low }, { grade: 9, min_daily: 5, max_daily: 8 }]);
    // the director replaces them with grade 7 alone: 9 is back to its default
    const r = await as('director', 'PUT', url, { grades: [{ grade: 7, min_daily: low - 1, max_daily: low }] });
    assert.equal(r.status, 200, r.text);
    const nine = r.body.grades.find((g) => g.grade === 9);
    assert.equal(nine.set, false);
    assert.deepEqual({ min_daily: nine.min_daily, max_daily: nine.max_daily }, nine.default);
  });

  test('every broken bound of every grade at once, with TT-1 and the figures; nothing written', async () => {
    const before = await get('deputy_academic', url);
    const g8 = before.grades.find((g) => g.grade === 8);
    const g9 = before.grades.find((g) => g.grade === 9);
    const g10 = before.grades.find((g) => g.grade === 10);
    const fill9 = Math.ceil(g9.weekly_hours / 5); // the fewest a day that holds grade 9's week
    assert.ok(fill9 <= 8);
    const body = {
      grades: [
        { grade: 8, min_daily: 0, max_daily: 9 },
        // 10: the maximum × 5 days falls short of its week by one lesson or more
        { grade: 10, min_daily: 4, max_daily: Math.ceil(g10.weekly_hours / 5) - 1 },
        // 9: a minimum above the maximum, and × 5 above its week
        { grade: 9, min_daily: fill9 + 1, max_daily: fill9 },
        { grade: 8, min_daily: 5, max_daily: 8 },
      ],
    };
    const r = await auditGrows(0, () => as('deputy_academic', 'PUT', url, body));
    assertError(r, 422);
    const got = problems(r);
    assert.deepEqual(got, [
      'daily_min_below_one:grades[0].min_daily',
      'daily_max_above_periods:grades[0].max_daily',
      'daily_max_below_week:grades[1].max_daily',
      'daily_min_above_max:grades[2].min_daily',
      'daily_min_exceeds_week:grades[2].min_daily',
      'duplicate_grade:grades[3].grade',
    ].sort());
    const d = r.body.error.details;
    assert.ok(d.filter((p) => p.code !== 'duplicate_grade').every((p) => p.rule === 'TT-1'));
    const short = d.find((p) => p.code === 'daily_max_below_week');
    assert.deepEqual(short.figures, {
      grade: 10, min_daily: 4, max_daily: body.grades[1].max_daily, weekly_hours: g10.weekly_hours,
      lesson_hours: g10.lesson_hours, elective_hours: g10.elective_hours, days: 5, periods: 8,
      min_week: 20, max_week: body.grades[1].max_daily * 5,
    });
    assert.ok(short.figures.max_week < short.figures.weekly_hours);
    assert.equal(d[0].figures.weekly_hours, g8.weekly_hours);
    assert.deepEqual(await get('deputy_academic', url), before);
    // the messages in the request's language
    const [ru, en, kk] = await Promise.all(['ru', 'en', 'kk'].map((l) => putIn(l, url, { grades: [body.grades[1]] })));
    assert.match(ru.body.error.message, /недельных часов параллели/);
    assert.match(en.body.error.message, /grade's weekly hours/);
    assert.match(kk.body.error.message, /апталық сағаттарынан аз/);
  });

  test('who may set them: the school\'s director and academic deputy only; a wrong shape is 422', async () => {
    const body = { grades: [{ grade: 9, min_daily: 5, max_daily: 8 }] };
    assertError(await as('teacher', 'PUT', url, body), 403, 'forbidden');
    assertError(await as('timetable_officer', 'PUT', url, body), 403, 'forbidden');
    assertError(await as('director2', 'PUT', url, body), 403, 'forbidden');
    assertError(await as('deputy_academic', 'PUT', '/api/v1/curricula/999999/daily-bounds', body), 404, 'not_found');
    const r = await as('deputy_academic', 'PUT', url, { grades: [{ grade: 13, min_daily: 'five' }] });
    assertError(r, 422);
    assert.deepEqual(problems(r).sort(), ['missing_field:grades[0].max_daily', 'out_of_range:grades[0].grade',
      'wrong_type:grades[0].min_daily'].sort());
  });
});

describe('the generator (TT-1)', () => {
  test("a generated draft keeps grade 7's bounds: no class of the grade above its maximum or below its minimum", async () => {
    const g7 = (await get('deputy_academic', url)).grades.find((g) => g.grade === 7);
    assert.equal(g7.set, true);
    const start = await as('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/timetables/generate`,
      { semester: 1, seed: 2, time_limit: 40 });
    assert.equal(start.status, 202, start.text);
    let job;
    for (const end = Date.now() + 120000; Date.now() < end; await sleep(300)) {
      job = (await as('deputy_academic', 'GET', `/api/v1/timetable-jobs/${start.body.id}`)).body;
      if (job.status !== 'running') break;
    }
    assert.equal(job.status, 'done', JSON.stringify(job.problems ?? job));
    const draft = await get('director', `/api/v1/timetables/${job.timetable.id}`);
    const sevens = new Set(net.classes1.filter((c) => c.grade === 7).map((c) => c.id));
    // a class's day: its lessons and its grade's elective block periods (TT-4), where the
    // version gives them (a block of grades 7..: `grades` names 7)
    const days = new Map();
    const add = (cls, weekday, period) => {
      const k = `${cls}@${weekday}`;
      days.set(k, (days.get(k) || new Set()).add(period));
    };
    for (const e of draft.entries) if (sevens.has(e.class.id)) add(e.class.id, e.weekday, e.period);
    for (const b of draft.elective_blocks ?? [])
      if ((b.grades ?? [b.grade]).includes(7)) for (const c of sevens) add(c, b.weekday, b.period);
    assert.equal(days.size, sevens.size * 5, 'every class of grade 7 has lessons every day');
    for (const [k, periods] of days) {
      assert.ok(periods.size <= g7.max_daily, `${k}: ${periods.size} lessons, at most ${g7.max_daily}`);
      assert.ok(periods.size >= g7.min_daily, `${k}: ${periods.size} lessons, at least ${g7.min_daily}`);
    }
  });

  test('bounds the week can no longer hold are the job\'s counting conflict (TT-1), naming the classes; nothing written', async () => {
    // school 2: grade 7 at 6..7 a day holds its week of 5 days; with Saturdays 6 × 6 = 36
    // lessons are needed and its classes have fewer
    const school = net.school2;
    const list = await get('director2', `/api/v1/schools/${school}/curricula`);
    const url2 = `/api/v1/curricula/${(list.items || list)[0].id}/daily-bounds`;
    const g7 = (await get('director2', url2)).grades.find((g) => g.grade === 7);
    const fill = Math.ceil(g7.weekly_hours / 5);
    assert.equal((await as('director2', 'PUT', url2, { grades: [{ grade: 7, min_daily: fill - 1, max_daily: fill }] })).status, 200);
    const bells = await get('director2', `/api/v1/schools/${school}/bells`);
    const put = (saturday) => as('director2', 'PUT', `/api/v1/schools/${school}/bells`, {
      lesson_minutes: bells.lesson_minutes, saturday,
      periods: bells.periods.map((p) => ({ number: p.number, starts_at: p.starts_at, ends_at: p.ends_at, meal_after: !!p.meal_after })),
    });
    assert.equal((await put(true)).status, 200);
    const drafts = (await get('director2', `/api/v1/schools/${school}/timetables`)).items.length;
    try {
      const start = await as('director2', 'POST', `/api/v1/schools/${school}/timetables/generate`, { semester: 1, time_limit: 4 });
      assert.equal(start.status, 202, start.text);
      let job;
      for (const end = Date.now() + 180000; Date.now() < end; await sleep(300)) {
        job = (await as('director2', 'GET', `/api/v1/timetable-jobs/${start.body.id}`)).body;
        if (job.status !== 'running') break;
      }
      assert.equal(job.status, 'failed', JSON.stringify(job));
      const mins = job.conflicts.filter((c) => c.kind === 'counted' && c.code === 'generate_class_min');
      const sevens = net.classes2.filter((c) => c.grade === 7).map((c) => c.id);
      assert.deepEqual([...new Set(mins.flatMap((c) => c.classes.map((k) => k.id)))].sort(), [...sevens].sort(),
        JSON.stringify(job.conflicts));
      assert.ok(mins.every((c) => c.rule === 'TT-1' && / 6 days of at least /.test(c.detail)), JSON.stringify(mins[0]));
      const problem = job.problems.find((p) => p.code === 'generate_class_min');
      assert.ok(problem && problem.rule === 'TT-1' && problem.need === 6 * (fill - 1), JSON.stringify(job.problems));
      assert.equal((await get('director2', `/api/v1/schools/${school}/timetables`)).items.length, drafts, 'nothing written');
    } finally {
      await put(false);
      await as('director2', 'PUT', url2, { grades: [] });
    }
  });
});
