// The elective blocks of a timetable version in the web app (TT-4, A3§10; ELE-3): the
// second school's grade 7 gets elective groups (tests/api/elective_blocks.mjs) and a
// generated draft with their block; the director opens the draft: a grade-7 class's grid
// says "Elective" in the block periods with the groups listed under it, where a group's
// room is picked and saved; a lesson placed in a block period is refused before saving
// with TT-4, naming the elective group; a teacher's week shows their group; a phone gets
// the periods day by day with the groups. Approved and laid, a member's diary shows the
// group's meetings at their periods. Screenshots at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, apiSession, PHONE, DESKTOP } from './harness.mjs';
import { electiveBlockSchool } from '../api/elective_blocks.mjs';

before(launch);
after(close);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let call, school, made, draft; // the second school's director, the groups and the draft of the first test

test('a draft’s elective blocks: shown in a class’s and a teacher’s week, a room picked, a lesson there refused', async () => {
  call = await apiSession('director2');
  school = (await call('GET', '/me')).user.school_id;
  made = await electiveBlockSchool(call, school);
  let job = await call('POST', `/schools/${school}/timetables/generate`, { semester: 1, seed: 5, time_limit: 30 });
  for (const end = Date.now() + 120_000; job.status === 'running' && Date.now() < end; await sleep(300))
    job = await call('GET', `/timetable-jobs/${job.id}`);
  assert.equal(job.status, 'done', JSON.stringify(job));
  draft = await call('GET', `/timetables/${job.timetable.id}`);
  const blocks = draft.elective_blocks;
  assert.ok(blocks.length > 0, 'the draft has blocks');
  const cls = (await call('GET', `/schools/${school}/classes?limit=500`)).items.find((c) => c.grade === 7 && c.academic_year_id === made.year);

  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/timetables\/\d+\/entries$/, 422);
  await signIn(page, 'director2');
  await page.goto(`/timetables/${draft.id}?class=${cls.id}`);
  await page.getByTestId('timetable-grid').waitFor();
  await settle(page);
  // the block periods say Elective, with how many groups meet
  const cells = page.locator('[data-testid=timetable-grid] [data-testid=elective-cell]');
  assert.equal(await cells.count(), blocks.length);
  const b = blocks[0];
  const first = page.locator(`td[data-slot="${b.weekday}-${b.period}"] [data-testid=elective-cell]`);
  assert.match(await first.innerText(), /Электив|Elective/);
  assert.match(await first.getAttribute('title'), new RegExp(b.groups[0].group_name));
  // the list under the grid: every group with its course and teacher
  const list = page.getByTestId('elective-blocks');
  for (const m of blocks.flatMap((x) => x.groups)) {
    const row = list.locator(`[data-meeting="${m.id}"]`);
    assert.match(await row.innerText(), new RegExp(m.group_name));
    assert.match(await row.innerText(), new RegExp(m.staff_name.split(' ')[0]));
  }

  // a room picked for the first group: saved, and shown
  const rooms = (await call('GET', `/schools/${school}/rooms`)).items;
  const used = new Set(draft.entries.filter((e) => e.weekday === b.weekday && e.period === b.period && e.room).map((e) => e.room.id));
  const room = rooms.find((r) => !used.has(r.id) && !b.groups.some((g) => g.room_id === r.id));
  const m = b.groups[0];
  await list.locator(`[data-meeting="${m.id}"] select`).selectOption(String(room.id));
  await list.locator(`[data-meeting="${m.id}"] [role=status]`).waitFor();
  await page.waitForFunction(([slot, name]) => document.querySelector(`td[data-slot="${slot}"] [data-testid=elective-cell]`)?.title.includes(name),
    [`${b.weekday}-${b.period}`, room.name]);
  const saved = (await call('GET', `/timetables/${draft.id}`)).elective_blocks.flatMap((x) => x.groups).find((g) => g.id === m.id);
  assert.equal(saved.room_id, room.id);
  await screenshots(page, 'timetable-electives-class');

  // a lesson in the block period: the check names the elective group (TT-4); not saved
  const lesson = draft.entries.find((e) => e.class.id === cls.id && !e.group);
  const busy = new Set(draft.entries.filter((e) => e.weekday === b.weekday && e.period === b.period).map((e) => e.teacher.id));
  b.groups.forEach((g) => busy.add(g.staff_id));
  const staff = (await call('GET', `/schools/${school}/staff?role=teacher&limit=500`)).items;
  const free = staff.find((s) => !busy.has(s.id));
  await page.locator(`td[data-slot="${b.weekday}-${b.period}"] button`).click();
  const editor = page.getByTestId('lesson-editor');
  await editor.waitFor();
  await page.selectOption('#f-subject_id', String(lesson.subject.id));
  await page.selectOption('#f-staff_id', String(free.id));
  const check = page.getByTestId('check-problems');
  await check.waitFor();
  assert.match(await check.innerText(), /TT-4/);
  assert.equal(await check.locator('[data-code=timetable_clash_block_class]').count(), 1);
  // the clash names a group meeting then (the block's groups at that period: any of them)
  assert.match(await check.getByTestId('clash-with').first().innerText(), new RegExp(`(${b.groups.map((g) => g.group_name).join('|')}) `));
  await editor.locator('button[type=submit]').click();
  await page.getByTestId('save-refused').waitFor();
  await screenshots(page, 'timetable-electives-refused');
  assert.equal(await page.locator(`td[data-slot="${b.weekday}-${b.period}"] .lesson:not(.elective)`).count(), 0);

  // a teacher's week: their groups, named in the cell
  const t0 = made.teachers[0];
  await page.goto(`/timetables/${draft.id}?teacher=${t0}`);
  await page.getByTestId('timetable-grid').waitFor();
  await settle(page);
  const theirs = blocks.flatMap((x) => x.groups.filter((g) => g.staff_id === t0).map((g) => ({ ...g, slot: `${x.weekday}-${x.period}` })));
  assert.equal(theirs.length, 2);
  for (const g of theirs)
    assert.match(await page.locator(`td[data-slot="${g.slot}"] [data-testid=elective-cell]`).innerText(), new RegExp(g.group_name));
  await screenshots(page, 'timetable-electives-teacher');

  // a phone: the class's days, the block period with its groups
  await page.goto(`/timetables/${draft.id}?class=${cls.id}`);
  await page.setViewportSize(PHONE);
  await page.getByTestId('timetable-days').waitFor();
  await settle(page);
  const phoneCell = page.locator(`[data-testid=timetable-days] li[data-slot="${b.weekday}-${b.period}"] [data-testid=elective-cell]`);
  assert.match(await phoneCell.innerText(), new RegExp(b.groups[0].group_name));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll at 390 px');
  await page.setViewportSize(DESKTOP);
  assertClean(page);
  await page.context().close();
});

/* The ISO week ("YYYY-Www") of a date ("YYYY-MM-DD"). */
function isoWeek(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86400000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const n = 1 + Math.floor((thursday.getTime() - jan1) / 86400000 / 7);
  return `${thursday.getUTCFullYear()}-W${String(n).padStart(2, '0')}`;
}

test('approved and laid, the draft’s meetings are in a member’s diary at their periods (TT-4)', async () => {
  const me = await call('GET', '/me');
  await call('POST', `/timetables/${draft.id}/approve`, { parents_committee_date: me.today });
  await call('POST', `/timetables/${draft.id}/lay`, {});
  const next = new Date(Date.parse(`${me.today}T00:00:00Z`) + 7 * 86400000).toISOString().slice(0, 10);
  const group = made.groups[0];
  const meetings = draft.elective_blocks.flatMap((b) => b.groups.filter((g) => g.group_id === group.id).map(() => b));
  assert.ok(meetings.length > 0, 'the group meets in the block');

  const page = await newPage();
  await signIn(page, 'director2');
  await page.goto(`/diary?student=${group.members[0]}&week=${isoWeek(next)}`);
  await page.getByTestId('diary-day').first().waitFor();
  await settle(page);
  const shown = page.getByTestId('diary-elective');
  assert.equal(await shown.count(), meetings.length, 'each meeting of the week, once');
  for (const b of meetings) {
    const day = page.locator(`[data-testid=diary-day]`).nth(b.weekday - 1);
    const item = day.locator(`[data-testid=diary-elective][data-group="${group.id}"]`);
    assert.equal(await item.count(), 1, `weekday ${b.weekday}`);
    assert.equal((await item.locator('.n').innerText()).trim(), String(b.period));
  }
  await screenshots(page, 'diary-electives');
  await page.setViewportSize(PHONE);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll at 390 px');
  await page.setViewportSize(DESKTOP);
  assertClean(page);
  await page.context().close();
});
