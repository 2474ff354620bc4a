// The timetable in the web app (TT-1, TT-3): the responsible person starts a draft
// copied from the approved version, places a lesson in a free cell of a class's week,
// sees the clash with a busy teacher before saving and the save refused with the
// clashing lesson named, then places it with a free teacher; the director approves the
// draft after the parents' committee. Screenshots of the grid at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, apiAs } from './harness.mjs';

before(launch);
after(close);

/* What the test needs, read through the API: the school, its approved version, the
 * first class (the page's default week), a free slot of that class, a teacher busy
 * then (in another class) and one free then. */
async function plan() {
  const get = await apiAs('timetable');
  const me = await get('/me');
  const school = me.user.school_id;
  const versions = (await get(`/schools/${school}/timetables`)).items;
  const approved = versions.find((v) => v.status === 'approved' && v.semester === 1);
  const all = (await get(`/timetables/${approved.id}`)).entries;
  const cls = (await get(`/schools/${school}/classes?limit=500`)).items[0];
  const mine = all.filter((e) => e.class.id === cls.id);
  let slot = null;
  for (let p = 8; p >= 1 && !slot; p--)
    for (let d = 1; d <= 5 && !slot; d++)
      if (!mine.some((e) => e.weekday === d && e.period === p)) slot = { d, p };
  assert.ok(slot, `${cls.label} has a free period`);
  const there = all.filter((e) => e.weekday === slot.d && e.period === slot.p && e.class.id !== cls.id);
  const busy = there[0];
  const busyIds = new Set(there.map((e) => e.teacher.id));
  const staff = (await get(`/schools/${school}/staff?role=teacher&limit=500`)).items;
  const free = staff.find((s) => !busyIds.has(s.id));
  return { school, approved, cls, slot, busy, free };
}

test('a draft: place a lesson, see the clash named and refused, then place it', async () => {
  const p = await plan();
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/timetables\/\d+\/entries$/, 422);
  await signIn(page, 'timetable');

  // the school's versions; a new draft copied from the approved one
  await page.goto(`/schools/${p.school}/timetables`);
  await page.getByTestId('timetables-table').waitFor();
  await page.getByTestId('new-draft').click();
  await page.selectOption('#f-semester', '1');
  await page.selectOption('#f-copy_from', String(p.approved.id));
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(/\/timetables\/\d+$/);
  const draftId = Number(page.url().match(/timetables\/(\d+)$/)[1]);
  assert.notEqual(draftId, p.approved.id);
  await page.getByTestId('timetable-grid').waitFor();
  await settle(page);
  assert.match(await page.locator('h1').innerText(), /1/);

  // the free cell of the first class, picked with the keyboard
  const cell = page.locator(`td[data-slot="${p.slot.d}-${p.slot.p}"] button`);
  await cell.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('lesson-editor');
  await editor.waitFor();
  await page.selectOption('#f-subject_id', String(p.busy.subject.id));
  await page.selectOption('#f-staff_id', String(p.busy.teacher.id));

  // the check before saving names the lesson the teacher already has then
  const check = page.getByTestId('check-problems');
  await check.waitFor();
  const named = await check.getByTestId('clash-with').first().innerText();
  assert.match(named, new RegExp(p.busy.class.label));
  assert.match(named, new RegExp(p.busy.teacher.last_name));

  // saving anyway: refused (422), the same lesson named, nothing written
  await editor.locator('button[type=submit]').click();
  const refused = page.getByTestId('save-refused');
  await refused.waitFor();
  const text = await refused.innerText();
  assert.match(text, /TT-1/);
  assert.match(text, new RegExp(p.busy.class.label));
  assert.match(text, new RegExp(p.busy.teacher.last_name));
  await screenshots(page, 'timetable-clash');
  assert.equal(await page.locator(`td[data-slot="${p.slot.d}-${p.slot.p}"] .lesson`).count(), 0);

  // a free teacher: no clash, and the lesson is placed
  await page.selectOption('#f-staff_id', String(p.free.id));
  await page.getByTestId('check-ok').waitFor();
  await editor.locator('button[type=submit]').click();
  await editor.waitFor({ state: 'detached' });
  const placed = page.locator(`td[data-slot="${p.slot.d}-${p.slot.p}"] .lesson`);
  await placed.waitFor();
  assert.match(await placed.innerText(), new RegExp(p.free.last_name));
  await screenshots(page, 'timetable-draft');
  assertClean(page);
  await page.context().close();

  // the director approves the draft after the parents' committee (TT-3)
  const dir = await newPage();
  await signIn(dir, 'director');
  await dir.goto(`/timetables/${draftId}`);
  await dir.getByTestId('approve-open').click();
  await dir.locator('#f-parents_committee_date').fill('20.11.2026');
  await dir.locator('#f-note').fill('Хаттама № 2');
  await dir.locator('form[aria-labelledby=h-approve] button[type=submit]').click();
  await dir.getByTestId('approve-open').waitFor({ state: 'detached' });
  const status = await dir.getByTestId('timetable-status').innerText();
  assert.match(status, /20\.11\.2026/);
  assert.match(status, /Хаттама № 2/);
  // an approved version has no editable cells
  assert.equal(await dir.locator('[data-testid=timetable-grid] button.cell').count(), 0);
  await screenshots(dir, 'timetable-approved');
  assertClean(dir);
  await dir.context().close();
});

test('a teacher reads the week of a teacher, and a phone gets a day-by-day list', async () => {
  const p = await plan();
  const page = await newPage();
  await signIn(page, 'teacher');
  await page.goto(`/timetables/${p.approved.id}?teacher=${p.busy.teacher.id}`);
  await page.getByTestId('timetable-grid').waitFor();
  await settle(page);
  assert.ok(await page.locator('[data-testid=timetable-grid] .lesson').count() > 0);
  assert.equal(await page.getByTestId('approve-open').count(), 0);
  assert.equal(await page.getByTestId('lay').count(), 0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('timetable-days').waitFor();
  assert.ok(await page.locator('[data-testid=timetable-days] .lesson').count() > 0);
  await screenshots(page, 'timetable-teacher');
  assertClean(page);
  await page.context().close();
});
