// The curriculum: the school's ЖОЖ at a glance; a new year's ЖОЖ generated from the
// ТОЖ, its hours changed (a bad value refused at its row), approved with the council's
// date and protocol; a student moved between a class's groups and back; the CUR-9 load
// report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, assertClean, settle, BASE, PASSWORD, clickMenu } from './harness.mjs';

before(launch);
after(close);


/** The next academic year of the deputy's school, made here unless a test made it. */
before(async () => {
  const login = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'deputy', password: PASSWORD }),
  });
  const { token } = await login.json();
  const res = await fetch(`${BASE}/api/v1/schools/1/academic-years`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: '2027-2028', starts_on: '2027-09-01', ends_on: '2028-05-25' }),
  });
  assert.ok([201, 409].includes(res.status), `the year 2027-2028: ${res.status}`);
});

test('the school’s ЖОЖ at a glance: subjects by grades with hours and marks', async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  await clickMenu(page, 'Оқу жоспары');
  const table = page.getByTestId('curricula-table');
  await table.waitFor();
  assert.match(await table.innerText(), /2026-2027 оқу жылының ЖОЖ-ы[\s\S]*Бекітілген[\s\S]*28\.08\.2026, хаттама № 1/);
  await table.getByRole('link', { name: '2026-2027 оқу жылының ЖОЖ-ы' }).click();
  const matrix = page.getByTestId('curriculum-matrix');
  await matrix.waitFor();
  const maths = matrix.locator('tr', { has: page.getByRole('rowheader', { name: 'Математика', exact: true }) });
  assert.match(await maths.innerText(), /7 \/ 10/, 'standard and advanced hours of grades 11–12');
  assert.match(await page.getByTestId('curriculum-council').innerText(), /28\.08\.2026/);
  assert.equal(await page.getByTestId('curriculum-approve').count(), 0, 'an approved ЖОЖ is not approved again');
  await settle(page);
  await screenshots(page, 'curriculum-matrix');
  assertClean(page);
  await page.context().close();
});

test('the deputy generates next year’s ЖОЖ, changes hours and records the council’s approval', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/curricula\/\d+$/, 422);
  page.expectStatus(/^\/api\/v1\/curricula\/\d+\/approve$/, 422);
  await signIn(page, 'deputy');
  await page.goto('/schools/1/curricula');
  const form = page.getByTestId('curriculum-generate');
  await form.waitFor();
  assert.equal(await form.getByLabel('Оқу жылы').locator('option:checked').innerText(), '2027-2028');
  await form.getByRole('button', { name: 'ТОЖ-дан жасау' }).click();
  await page.waitForURL(/\/curricula\/\d+$/);
  await page.locator('main h1').filter({ hasText: '2027-2028 оқу жылының ЖОЖ-ы' }).waitFor();
  await page.getByRole('link', { name: /^7-сынып/ }).click();
  const grade = page.getByTestId('curriculum-grade');
  await grade.waitFor();
  const algebra = grade.getByLabel('Алгебра: Апталық сағат');
  const before = Number(await algebra.inputValue());

  // Not a number: caught before it is sent, at the row's input.
  await algebra.fill('x');
  await grade.getByRole('button', { name: 'Сақтау' }).click();
  const error = grade.locator('tr[data-subject=algebra] [data-testid=field-error]');
  await error.waitFor();
  assert.match(await error.innerText(), /0-ден 40-қа дейінгі бүтін сан/);
  await algebra.fill(String(before + 1));
  await grade.getByRole('button', { name: 'Сақтау' }).click();
  await page.getByTestId('curriculum-saved').waitFor();
  assert.equal(await grade.locator('[data-testid=field-error]').count(), 0);
  assert.equal(await algebra.inputValue(), String(before + 1));

  // Grade 11: physics' advanced hours below its standard ones break CUR-1, at that input.
  await page.getByRole('link', { name: /^11-сынып/ }).click();
  const g11 = page.getByTestId('curriculum-grade');
  await g11.locator('h2', { hasText: '11-сыныптың пәндері' }).waitFor();
  const advanced = g11.getByLabel('Физика: Тереңдетілген деңгей');
  const advancedBefore = Number(await advanced.inputValue());
  await advanced.fill('2');
  await g11.getByRole('button', { name: 'Сақтау' }).click();
  const levels = g11.locator('tr[data-subject=physics] [data-testid=field-error]');
  await levels.waitFor();
  assert.match(await levels.innerText(), /^CUR-1 · Тереңдетілген деңгейдің сағаты стандартты деңгейдікінен аз болмауы керек\.$/);
  assert.match(await page.getByTestId('form-errors').innerText(), /CUR-1 · Физика: Тереңдетілген/);
  await screenshots(page, 'curriculum-grade-refused');
  await advanced.fill(String(advancedBefore + 1));
  await g11.getByRole('button', { name: 'Сақтау' }).click();
  await page.getByTestId('curriculum-saved').waitFor();

  // The council's date may not be in the future.
  const approve = page.getByTestId('curriculum-approve');
  await approve.getByLabel('Кеңес өткен күн').fill('01.01.2030');
  await approve.getByLabel('Хаттама нөмірі').fill('3');
  await approve.getByRole('button', { name: 'ЖОЖ-ды бекіту' }).click();
  await approve.locator('[data-field=council_date] [data-testid=field-error]').waitFor();
  await screenshots(page, 'curriculum-approve-refused');
  await approve.getByLabel('Кеңес өткен күн').fill('25.11.2026');
  await approve.getByRole('button', { name: 'ЖОЖ-ды бекіту' }).click();
  await page.getByTestId('curriculum-approved').waitFor();
  assert.match(await page.getByTestId('curriculum-council').innerText(), /25\.11\.2026 шешімімен бекітілген, хаттама № 3/);
  assert.equal(await grade.getByLabel('Алгебра: Апталық сағат').count(), 0, 'an approved ЖОЖ is read only');
  await screenshots(page, 'curriculum-approved');
  assertClean(page);
  await page.context().close();
});

test('a student moves to the other group of a subject and back', async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto('/classes/1');
  await page.getByRole('link', { name: 'Топтар' }).click();
  await page.waitForURL(/\/classes\/1\/groups$/);
  const english = page.locator('section[data-subject=english]');
  await english.waitFor();
  const first = english.locator('[data-group="1"] li').first();
  const name = await first.locator('a').innerText();
  await first.getByRole('button', { name: '2-топқа' }).click();
  await page.getByTestId('groups-done').waitFor();
  assert.match(await page.getByTestId('groups-done').innerText(), new RegExp(`${name}.*2-топқа ауыстырылды`));
  const moved = english.locator('[data-group="2"] li', { hasText: name });
  await moved.waitFor();
  await screenshots(page, 'groups');
  await moved.getByRole('button', { name: '1-топқа' }).click();
  await english.locator('[data-group="1"] li', { hasText: name }).waitFor();
  assertClean(page);
  await page.context().close();
});

test('the network office reads the load report (CUR-9)', async () => {
  const page = await newPage();
  await signIn(page, 'contingent');
  await page.goto('/schools/1');
  await page.getByRole('link', { name: 'Жұмыс оқу жоспарлары' }).click();
  await page.getByTestId('curricula-table').waitFor();
  assert.equal(await page.getByTestId('curriculum-generate').count(), 0, 'the network office does not generate');
  await page.getByRole('link', { name: 'Жүктеме есебі' }).click();
  const teachers = page.getByTestId('load-teachers');
  await teachers.waitFor();
  assert.ok((await teachers.locator('tbody tr').count()) > 0);
  assert.match(await teachers.innerText(), /сағ\. (артық|кем)/);
  assert.match(await page.getByTestId('load-summary').innerText(), /CUR-9/);
  await settle(page);
  await screenshots(page, 'load-report');
  assertClean(page);
  await page.context().close();
});
