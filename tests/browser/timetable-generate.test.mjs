// The timetable generator in the web app (issue 9; TT-3): the academic deputy opens the
// school's timetables, asks for a generated draft (the seed and time limit folded away
// with their defaults), watches the progress bar and the live figures, and follows the
// link to the new draft, which the list now shows as a draft version. Screenshots of the
// form, the running job and the result at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, apiAs, SHOTS, PHONE, DESKTOP } from './harness.mjs';

before(launch);
after(close);

test('the deputy generates a draft, watches it, and opens it', async () => {
  const get = await apiAs('deputy');
  const school = (await get('/me')).user.school_id;
  const before = (await get(`/schools/${school}/timetables`)).items;

  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/schools/${school}/timetables`);
  await page.getByTestId('timetables-table').waitFor();
  await page.getByTestId('generate-draft').click();
  const form = page.getByTestId('generate-form');
  await form.waitFor();
  // the seed and the time limit are there with their defaults, folded away
  assert.equal(await page.locator('#f-seed').isVisible(), false);
  await form.locator('summary').click();
  assert.equal(await page.locator('#f-seed').inputValue(), '1');
  assert.equal(await page.locator('#f-time_limit').inputValue(), '30');
  await page.locator('#f-time_limit').fill('4');
  await page.locator('#f-seed').fill('2');
  // the caps on every teacher (TT-1): empty by default, a lesson cap given
  assert.equal(await page.locator('#f-teacher_max_daily').inputValue(), '');
  await page.locator('#f-teacher_max_daily').fill('7');
  await screenshots(page, 'timetable-generate-form');

  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/timetables/generate'));
  await page.getByTestId('generate-start').click();
  const body = JSON.parse((await sent).postData());
  assert.deepEqual([body.seed, body.time_limit, body.teacher_max_daily, body.teacher_max_gaps_day], [2, 4, 7, undefined]);
  const job = page.getByTestId('generate-job');
  await job.waitFor();
  // while it runs: the bar and the figures once the solver reported (no settle: the page polls)
  await page.waitForFunction(() => {
    const j = document.querySelector('[data-testid=generate-job]');
    return j.dataset.status !== 'running' || document.querySelector('[data-testid=generate-hard]').textContent !== '—';
  });
  if ((await job.getAttribute('data-status')) === 'running') {
    assert.equal(await page.getByTestId('generate-start').isDisabled(), true);
    assert.match(await page.getByTestId('generate-phase').innerText(), /орналастыру|жою|Жақсарту/);
    await page.screenshot({ path: path.join(SHOTS, 'timetable-generate-running-1440.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(SHOTS, 'timetable-generate-running-390.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
  }
  await page.locator('[data-testid="generate-job"]:not([data-status="running"])').waitFor({ timeout: 60000 });
  assert.equal(await job.getAttribute('data-status'), 'done', `the job ended: ${await job.innerText()}`);
  assert.equal(await page.getByTestId('generate-hard').innerText(), '0');
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
  const link = page.getByTestId('generated-draft');
  await link.waitFor();
  // the list shows the new draft
  await page.locator('[data-testid="timetables-table"] tbody tr').nth(before.length).waitFor();
  await screenshots(page, 'timetable-generate-done');

  const href = await link.getAttribute('href');
  const id = Number(href.match(/\/timetables\/(\d+)$/)[1]);
  const after = (await get(`/schools/${school}/timetables`)).items;
  assert.equal(after.length, before.length + 1);
  const made = after.find((v) => v.id === id);
  assert.equal(made.status, 'draft');
  assert.equal(made.created_by.login, 'deputy');
  assert.ok(made.entries_count > 1000, `${made.entries_count} entries`);

  await link.click();
  await page.waitForURL(new RegExp(`/timetables/${id}$`));
  await page.getByTestId('timetable-grid').waitFor();
  await settle(page);
  await screenshots(page, 'timetable-generate-draft');
  assertClean(page);
  await page.context().close();
});

test('the generator speaks the reader\'s language: Kazakh by default, Russian and English', async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  const school = (await (await apiAs('deputy'))('/me')).user.school_id;
  await page.goto(`/schools/${school}/timetables`);
  await page.getByTestId('timetables-table').waitFor();
  const labels = [['Қазақша', 'kk', 'Жобаны құрастыру', 'Параметрлер'], ['Русский', 'ru', 'Составить проект', 'Параметры'],
    ['English', 'en', 'Generate a draft', 'Options']];
  for (const [button, lang, label, options] of [labels[0], labels[1], labels[2], labels[0]]) {
    if (lang !== 'kk' || button !== labels[0][0] || (await page.locator('html').getAttribute('lang')) !== 'kk') {
      await page.getByRole('button', { name: button }).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    assert.equal((await page.getByTestId('generate-draft').innerText()).trim(), label);
    if (!(await page.getByTestId('generate-form').isVisible())) await page.getByTestId('generate-draft').click();
    assert.equal((await page.locator('[data-testid=generate-form] summary').innerText()).trim(), options);
  }
  await screenshots(page, 'timetable-generate-form-kk');
  assert.equal(await page.locator('html').getAttribute('lang'), 'kk', 'the deputy is left in Kazakh');
  assertClean(page);
  await page.context().close();
});

test('a job that ends without a draft shows why, with the solver\'s sentence (the server\'s replies stood in for)', async () => {
  const school = (await (await apiAs('deputy'))('/me')).user.school_id;
  const job = { id: 777, school_id: school, academic_year_id: 1, semester: 1, seed: 1, time_limit: 30, status: 'running',
    phase: 'build', elapsed: 0, hard: null, soft: null, started_at: '2026-11-27T03:00:00Z', finished_at: null,
    timetable: null, result: null, problems: [] };
  const failed = { ...job, status: 'failed', finished_at: '2026-11-27T03:00:01Z', problems: [{
    code: 'generate_group_hours', rule: 'TT-1', field: null, need: 41, have: 40,
    message: 'Сыныптың (топтың) апталық сабағы аптадағы сабақ орындарынан көп.',
    detail: '7А needs 41 lessons a week; the week has 40 periods' }] };
  const page = await newPage();
  await page.route(/\/api\/v1\/schools\/\d+\/timetables\/generate$/, (route) =>
    route.fulfill({ status: 202, contentType: 'application/json', body: JSON.stringify(job) }));
  await page.route(/\/api\/v1\/timetable-jobs\/777$/, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(failed) }));
  await signIn(page, 'deputy');
  await page.goto(`/schools/${school}/timetables`);
  await page.getByTestId('timetables-table').waitFor();
  await page.getByTestId('generate-draft').click();
  await page.getByTestId('generate-start').click();
  await page.locator('[data-testid="generate-job"][data-status="failed"]').waitFor();
  const why = page.getByTestId('generate-problems');
  await why.waitFor();
  assert.match(await why.innerText(), /Жоба құрастырылмады/);
  assert.match(await why.locator('li[data-code=generate_group_hours]').innerText(), /TT-1.*апталық сабағы[\s\S]*7А needs 41 lessons a week/);
  assert.equal(await page.getByTestId('generated-draft').count(), 0);
  assert.equal(await page.getByTestId('generate-start').isDisabled(), false, 'it may be started again');
  await screenshots(page, 'timetable-generate-failed');
  assertClean(page);
  await page.context().close();
});
