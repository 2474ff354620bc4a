// The academic calendar: the deputy builds next year's structure and is refused by
// CAL-3 at the holidays, fixes it and saves; the director approves it (CAL-5); the
// network office sees which schools have not fixed their dates; the public holidays
// page counts working days across Nauryz 2026 and lets the network admin edit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, assertClean, settle, clickMenu } from './harness.mjs';

before(launch);
after(close);

const input = (page, field) => page.locator(`[data-field="${field}"] input`);
const groupError = (page, field) => page.locator(`[data-field="${field}"] > [data-testid=field-error]`);
let yearUrl = null;

/** Waits until an input holds `value` (filled by a reply that is on its way). */
async function hasValue(locator, value) {
  for (let i = 0; i < 100 && (await locator.inputValue()) !== value; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(await locator.inputValue(), value);
}

test('the deputy builds next year: CAL-3 refused at the holidays, fixed, saved and checked', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/academic-years\/\d+\/structure$/, 422);
  await signIn(page, 'deputy');
  await clickMenu(page, 'Оқу жылы');
  await page.getByTestId('years-table').waitFor();
  assert.match(await page.getByTestId('years-table').innerText(), /2026-2027 оқу жылы[\s\S]*01\.09\.2026 – 25\.05\.2027[\s\S]*бекітілген/);
  await settle(page);
  await screenshots(page, 'years');

  // A new year, suggested after the newest one.
  await page.getByRole('button', { name: '+ Жаңа оқу жылы' }).click();
  assert.equal(await page.getByLabel('Атауы').inputValue(), '2027-2028');
  assert.equal(await page.getByLabel('Оқу жылының басталуы').inputValue(), '01.09.2027');
  await page.getByRole('button', { name: 'Оқу жылын құру' }).click();
  await page.waitForURL(/\/years\/\d+$/);
  yearUrl = new URL(page.url()).pathname;
  await page.getByTestId('year-editor').waitFor();
  await page.locator('main h1').filter({ hasText: '2027-2028 оқу жылы' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Бекіту' }).count(), 0, 'a deputy does not approve');

  // Last year's dates, a year later: 32 holiday days.
  await page.getByTestId('copy-previous').click();
  await hasValue(input(page, 'holidays[0].starts_on'), '24.10.2027');
  assert.match(await page.getByTestId('holiday-total').innerText(), /32 күн/);

  // The autumn holiday shortened to 24–30 October: 29 days, CAL-3 refuses.
  await input(page, 'holidays[0].ends_on').fill('30.10.2027');
  assert.match(await page.getByTestId('holiday-total').innerText(), /29 күн/);
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await groupError(page, 'holidays').waitFor();
  const atHolidays = await groupError(page, 'holidays').innerText();
  assert.match(atHolidays, /CAL-3/);
  assert.match(atHolidays, /30 күнтізбелік күн/);
  assert.match(atHolidays, /қазір 29 күн, кемінде 30 күн керек/);
  assert.match(await page.getByTestId('broken-rules').innerText(), /CAL-3/);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'form-errors', 'the summary takes the focus');
  await screenshots(page, 'year-refused');

  // Fixed: saved, and the check says the year may be approved, with its figures.
  await input(page, 'holidays[0].ends_on').fill('02.11.2027');
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await page.getByTestId('year-saved').waitFor();
  assert.equal(await groupError(page, 'holidays').count(), 0, 'the error is gone');
  const report = page.getByTestId('year-check');
  await report.waitFor();
  const text = await report.innerText();
  assert.match(text, /Бекітуге болады/);
  assert.match(text, /CAL-2[\s\S]*6–10-сыныптар[\s\S]*оқу күні = \d+,\d апта/);
  assert.match(text, /CAL-3[\s\S]*32 күнтізбелік күн/);
  assert.match(text, /CAL-4[\s\S]*98 күн = 14 апта \(01\.09\.2028 дейін\)/);
  await screenshots(page, 'year-saved');
  assertClean(page);
  await page.context().close();
});

test('the director approves the year; its dates are then fixed', async () => {
  assert.ok(yearUrl, 'the year of the first test');
  const page = await newPage();
  await signIn(page, 'director');
  await page.goto(yearUrl);
  await page.getByTestId('year-editor').waitFor();
  await page.getByRole('button', { name: 'Бекіту' }).click();
  await page.getByTestId('approve-confirm').waitFor();
  await screenshots(page, 'year-approve');
  await page.getByRole('button', { name: 'Иә, бекіту' }).click();
  await page.getByTestId('year-fixed').waitFor();
  assert.equal(await page.getByTestId('year-editor').count(), 0, 'an approved year is read, not edited');
  await page.getByTestId('year-view').waitFor();
  assert.match(await page.getByTestId('year-view').innerText(), /Күзгі каникул[\s\S]*24\.10\.2027[\s\S]*02\.11\.2027/);
  assertClean(page);
  await page.context().close();
});

test('the network office sees the schools that have not fixed their dates (CAL-5)', async () => {
  const page = await newPage();
  await signIn(page, 'contingent');
  await clickMenu(page, 'Оқу жылдары');
  const table = page.getByTestId('notfixed-table');
  await table.waitFor();
  // 2027-2028: the IB school has no such year yet; the other approved it in time.
  assert.equal(await page.getByLabel('Оқу жылы').inputValue(), '2027-2028');
  assert.equal(await table.locator('tbody tr').count(), 1);
  assert.match(await table.innerText(), /AST-IB[\s\S]*Оқу жылы құрылмаған[\s\S]*25\.08\.2027/);
  await settle(page);
  await screenshots(page, 'not-fixed');

  // 2025-2026: nobody has it, and the deadline is past: both overdue.
  await page.getByLabel('Оқу жылы').selectOption('2025-2026');
  await page.waitForURL(/year=2025-2026/);
  await table.locator('tr.overdue').nth(1).waitFor();
  assert.equal(await table.locator('tr.overdue').count(), 2);
  assert.match(await page.getByTestId('notfixed-count').innerText(), /2 мектептің мерзімі өтті/);
  await screenshots(page, 'not-fixed-overdue');
  assertClean(page);
  await page.context().close();
});

test('working days across Nauryz 2026: 20.03.2026 + 3 is 30.03.2026', async () => {
  const page = await newPage();
  await signIn(page, 'teacher');
  await page.goto('/calendar/holidays?year=2026');
  await page.getByTestId('holiday-calendar').waitFor();
  assert.match(await page.locator('td[data-date="2026-03-23"]').getAttribute('class'), /holiday/);
  assert.match(await page.locator('td[data-date="2026-03-25"]').getAttribute('class'), /off/);
  assert.equal(await page.getByTestId('holiday-admin').count(), 0, 'read-only for a teacher');
  await page.getByLabel('Бастапқы күн').fill('20.03.2026');
  await page.getByLabel('Жұмыс күндерінің саны').fill('3');
  await page.getByRole('button', { name: 'Есептеу' }).click();
  const result = page.getByTestId('workdays-result');
  await result.locator('.date').waitFor();
  assert.match(await result.innerText(), /30\.03\.2026, дүйсенбі/);
  await screenshots(page, 'holidays');
  assertClean(page);
  await page.context().close();
});

test('the network admin adds a transfer of a day off and removes it', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/calendar\/holidays\/transfers$/, 422);
  await signIn(page, 'admin');
  await clickMenu(page, 'Мерекелер');
  await page.getByTestId('holiday-admin').waitFor();
  await page.getByRole('button', { name: /^Келесі жыл/ }).click();
  await page.waitForURL(/year=2027/);
  await page.getByRole('heading', { name: '2027 жылғы мерекелерді өзгерту' }).waitFor();

  // The same day twice is refused at the field.
  const form = page.getByTestId('transfer-form');
  await form.getByLabel('Жұмыс істейтін күн').fill('06.11.2027');
  await form.getByLabel('Демалыс болатын күн').fill('06.11.2027');
  await form.getByRole('button', { name: '+ Ауыстыру қосу' }).click();
  await form.getByTestId('form-errors').waitFor();

  await form.getByLabel('Демалыс болатын күн').fill('08.11.2027');
  await form.getByRole('button', { name: '+ Ауыстыру қосу' }).click();
  await page.locator('td[data-date="2027-11-08"].off').waitFor();
  assert.match(await page.locator('td[data-date="2027-11-06"]').getAttribute('class'), /worked/);
  await screenshots(page, 'holidays-admin');

  await page.getByRole('button', { name: 'Жою: 08.11.2027' }).click();
  await page.getByRole('button', { name: 'Иә, жою' }).click();
  await page.locator('td[data-date="2027-11-08"].off').waitFor({ state: 'detached' });
  assertClean(page);
  await page.context().close();
});
