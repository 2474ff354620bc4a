// A grade's lessons a day on the ЖОЖ's page (issue 9; TT-1): the academic deputy reads each
// grade's weekly hours (the ЖОЖ's lessons + electives) and Mektep's default as the fields'
// hint, is refused at the cells — grade 7's maximum whose five days fall short of its week,
// grade 9's minimum above its maximum and its week — with the figures, in Kazakh and then
// in English, then saves grade 7 alone; the API confirms it, grade 9 keeps the default.
// Screenshots at 1440 and 390 px (no sideways scroll on the phone).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, PHONE, apiSession } from './harness.mjs';

before(launch);
after(close);

const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
const fieldError = (scope, field) => scope.locator(`[data-field="${field}"] [data-testid=field-error]`);

let api;
let joj; // the ЖОЖ of the demo's year

before(async () => {
  api = await apiSession('deputy');
  const me = await api('GET', '/me');
  const cls = (await api('GET', `/schools/${me.user.school_id}/classes?limit=1`)).items[0];
  joj = (await api('GET', `/schools/${me.user.school_id}/curricula`)).items.find((k) => k.academic_year_id === cls.academic_year_id);
  assert.ok(joj, "the ЖОЖ of the demo's year");
  await api('PUT', `/curricula/${joj.id}/daily-bounds`, { grades: [] });
});

test("the deputy sets a grade's lessons a day: refused at the cells with the figures, then saved", async () => {
  const before = await api('GET', `/curricula/${joj.id}/daily-bounds`);
  const g7 = before.grades.find((g) => g.grade === 7);
  const g9 = before.grades.find((g) => g.grade === 9);
  const fill7 = Math.ceil(g7.weekly_hours / before.days);
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/curricula/${joj.id}`);
  const box = page.getByTestId('curriculum-daily-bounds');
  await box.locator('#f-db-7-max').waitFor();
  await settle(page);
  /* empty fields with the default as their hint; the week beside */
  assert.equal(await box.locator('#f-db-7-min').inputValue(), '');
  assert.equal(await box.locator('#f-db-7-max').getAttribute('placeholder'), String(g7.default.max_daily));
  assert.match(await box.locator('tr[data-grade="7"] [data-testid=weekly]').innerText(), new RegExp(`^${g7.weekly_hours}\\b`));

  /* grade 7: at most fill7 − 1 a day cannot hold its week; grade 9: min above max and its week */
  await box.locator('#f-db-7-min').fill('4');
  await box.locator('#f-db-7-max').fill(String(fill7 - 1));
  const fill9 = Math.ceil(g9.weekly_hours / before.days);
  await box.locator('#f-db-9-min').fill(String(fill9 + 1));
  await box.locator('#f-db-9-max').fill(String(fill9));
  page.expectStatus(/\/api\/v1\/curricula\/\d+\/daily-bounds$/, 422);
  await box.locator('button[type=submit]').click();
  await fieldError(box, 'db-7-max').waitFor();
  await fieldError(box, 'db-9-min').waitFor();
  const kk = await fieldError(box, 'db-7-max').innerText();
  assert.match(kk, /[әғқңөұүһі]/);
  const fig = `${fill7 - 1} × ${before.days} = ${(fill7 - 1) * before.days} < ${g7.weekly_hours}`;
  assert.ok(kk.includes(fig), `the figures ${fig} in: ${kk}`);
  assert.ok((await fieldError(box, 'db-9-min').innerText()).includes(`${fill9 + 1} > ${fill9}`));
  assert.equal(await fieldError(box, 'db-7-min').count(), 0, "grade 7's minimum is fine");
  await box.locator('[data-field="db-7-max"]').scrollIntoViewIfNeeded();
  await screenshots(page, 'daily-bounds-refused');
  /* the same refusal in English */
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await box.locator('button[type=submit]').click();
  await page.waitForFunction((s) => /weekly hours/.test(document.querySelector(s)?.innerText ?? ''),
    '[data-field="db-7-max"] [data-testid=field-error]');
  assert.deepEqual(await api('GET', `/curricula/${joj.id}/daily-bounds`), before, 'nothing written');

  /* grade 7 at fill7 − 1 .. fill7, grade 9 back to the default: saved */
  await box.locator('#f-db-7-min').fill(String(fill7 - 1));
  await box.locator('#f-db-7-max').fill(String(fill7));
  await box.locator('#f-db-9-min').fill('');
  await box.locator('#f-db-9-max').fill('');
  await box.locator('button[type=submit]').click();
  await box.getByTestId('curriculum-daily-bounds-saved').waitFor();
  assert.equal(await fieldError(box, 'db-7-max').count(), 0);
  const after = await api('GET', `/curricula/${joj.id}/daily-bounds`);
  const a7 = after.grades.find((g) => g.grade === 7);
  assert.deepEqual([a7.set, a7.min_daily, a7.max_daily], [true, fill7 - 1, fill7]);
  assert.ok(after.grades.filter((g) => g.grade !== 7).every((g) => !g.set), 'the other grades keep the default');
  await page.setViewportSize(PHONE);
  await settle(page);
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  await box.scrollIntoViewIfNeeded();
  await screenshots(page, 'daily-bounds-saved');
  /* as it was, for the other tests of the run */
  await api('PUT', `/curricula/${joj.id}/daily-bounds`, { grades: [] });
  assertClean(page);
  await page.context().close();
});
