// A teacher's unavailable times and the generator's answers in the web app (issue 9;
// TT-1, TT-3): the deputy marks a whole Monday and a Wednesday period on the teacher's
// page, saves, and the teacher then sees the same grid read-only; a teacher unavailable
// all week makes the generator fail and list the rules that cannot hold together, the
// teacher linked to their page; a running job is stopped with its Stop button.
// Screenshots at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, apiAs, apiSession } from './harness.mjs';

before(launch);
after(close);

/* The deputy, signed in on a new page, starts the generator for the school's semester 1
 * with a time limit of `seconds`; returns the page. */
async function startGenerating(school, seconds) {
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/schools/${school}/timetables`);
  await page.getByTestId('timetables-table').waitFor();
  await page.getByTestId('generate-draft').click();
  await page.getByTestId('generate-form').locator('summary').click();
  await page.locator('#f-time_limit').fill(String(seconds));
  await page.getByTestId('generate-start').click();
  return page;
}

test('the deputy marks when the teacher cannot teach; the teacher sees it read-only', async () => {
  const staff = (await (await apiAs('teacher'))('/me')).staff_id;
  const call = await apiSession('deputy');
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/staff/${staff}`);
  const grid = page.getByTestId('unavailability-grid');
  await grid.waitFor();
  assert.equal(await page.getByTestId('unavailability-save').isDisabled(), true, 'nothing to save yet');
  await page.getByTestId('cell-1-0').click();
  await page.getByTestId('cell-3-2').click();
  // a whole Monday marks each of its periods
  assert.equal(await page.getByTestId('cell-1-3').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('cell-3-2').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('cell-3-3').getAttribute('aria-pressed'), 'false');
  await page.getByTestId('unavailability-save').click();
  await page.getByText(/^Сақталды$/).waitFor();
  const saved = await call('GET', `/staff/${staff}/unavailability`);
  assert.deepEqual(saved.items, [{ semester: null, weekday: 1, period: null }, { semester: null, weekday: 3, period: 2 }]);
  await screenshots(page, 'unavailability-deputy');

  // a semester's grid shows the year's times as given, not its own
  await page.locator('#f-unavail_scope').selectOption('1');
  assert.equal(await page.getByTestId('cell-1-0').getAttribute('aria-pressed'), 'false');
  assert.match(await page.getByTestId('cell-1-0').getAttribute('class'), /\byear\b/);
  assertClean(page);
  await page.context().close();

  const own = await newPage();
  await signIn(own, 'teacher');
  await own.goto(`/staff/${staff}`);
  await own.getByTestId('unavailability-grid').waitFor();
  await settle(own);
  assert.equal(await own.getByTestId('cell-1-0').getAttribute('aria-pressed'), 'true');
  assert.equal(await own.getByTestId('cell-1-0').isDisabled(), true, 'the teacher reads, does not change');
  assert.equal(await own.getByTestId('unavailability-save').count(), 0);
  await screenshots(own, 'unavailability-teacher');
  assertClean(own);
  await own.context().close();
  await call('PUT', `/staff/${staff}/unavailability`, { times: [] });
});

test('a teacher unavailable all week: the generator lists the rules that cannot hold together, the teacher linked', async () => {
  const call = await apiSession('deputy');
  const school = (await call('GET', '/me')).user.school_id;
  const load = await call('GET', `/schools/${school}/load`);
  const staff = load.assignments[0].staff_id;
  const week = await call('GET', `/staff/${staff}/unavailability`);
  await call('PUT', `/staff/${staff}/unavailability`, { times: Array.from({ length: week.days }, (_, i) => ({ weekday: i + 1 })) });

  const page = await startGenerating(school, 20);
  await page.locator('[data-testid="generate-job"][data-status="failed"]').waitFor({ timeout: 120000 });
  const box = page.getByTestId('generate-conflicts');
  await box.waitFor();
  const off = box.locator('li[data-code=conflict_teacher_off]');
  assert.match(await off.innerText(), /TT-1.*Мұғалім сабақ бере алмайтын уақыт/);
  const link = off.getByTestId('conflict-teacher');
  assert.equal(await link.getAttribute('href'), `/staff/${staff}`);
  assert.match(await box.innerText(), /Жоба құрастырылмады[\s\S]*Бірге орындалмайтын ережелер[\s\S]*Сандар сыймайды/);
  // the count that names the teacher comes first, with its numbers; each count is shown once
  assert.match(await box.locator('li[data-code=generate_teacher_hours]').innerText(), /is available 0 periods/);
  assert.equal(await page.getByTestId('generate-problems').count(), 0);
  assert.equal(await page.getByTestId('generate-phase').innerText(), 'Себебін іздеу');
  assert.equal(await page.getByTestId('generate-hard').innerText(), '—', 'no search, no figures');
  await screenshots(page, 'timetable-generate-conflicts');

  await link.click();
  await page.waitForURL(new RegExp(`/staff/${staff}$`));
  await page.getByTestId('unavailability-grid').waitFor();
  assert.equal(await page.getByTestId('cell-5-0').getAttribute('aria-pressed'), 'true');
  await screenshots(page, 'unavailability-all-week');
  assertClean(page);
  await page.context().close();
  await call('PUT', `/staff/${staff}/unavailability`, { times: [] });
});

test('the deputy stops a running job: it shows stopped and no draft is written', async () => {
  const call = await apiSession('deputy');
  const school = (await call('GET', '/me')).user.school_id;
  const before = (await call('GET', `/schools/${school}/timetables`)).items.length;
  const page = await startGenerating(school, 120);
  const stop = page.getByTestId('generate-cancel');
  await stop.waitFor();
  await stop.click();
  await page.locator('[data-testid="generate-job"][data-status="cancelled"]').waitFor({ timeout: 5000 });
  assert.match(await page.getByTestId('generate-cancelled').innerText(), /тоқтатылды \(deputy\)/);
  assert.equal(await page.getByTestId('generate-cancel').count(), 0);
  assert.equal(await page.getByTestId('generate-start').isDisabled(), false, 'it may be started again');
  await screenshots(page, 'timetable-generate-cancelled');
  assert.equal((await call('GET', `/schools/${school}/timetables`)).items.length, before);
  assertClean(page);
  await page.context().close();
});
