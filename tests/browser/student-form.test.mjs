// Creating and editing a student: the server's errors appear next to their fields
// (details[].field), and a correct form saves and opens the new record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, assertClean, settle, clickMenu } from './harness.mjs';

before(launch);
after(close);

/** A valid IIN for a birth date and sex (century digit, serial, check digit). */
function makeIin(birth, sex, serial) {
  const [y, m, d] = birth.split('-');
  const century = Number(y) >= 2000 ? (sex === 'm' ? 5 : 6) : sex === 'm' ? 3 : 4;
  const base = `${y.slice(2)}${m}${d}${century}${String(serial).padStart(4, '0')}`;
  const digits = [...base].map(Number);
  let check = digits.reduce((s, v, i) => s + v * (i + 1), 0) % 11;
  if (check === 10) {
    check = digits.reduce((s, v, i) => s + v * (((i + 2) % 11) + 1), 0) % 11;
    if (check === 10) return null;
  }
  return base + check;
}
function freshIin(birth, sex) {
  for (let i = 0; i < 100; i++) {
    const iin = makeIin(birth, sex, 9000 + Math.floor(Math.random() * 999));
    if (iin) return iin;
  }
  throw new Error('no IIN');
}

const fieldError = (page, field) => page.locator(`[data-field=${field}] [data-testid=field-error]`);

test('a bad student form shows the server’s errors next to the fields, a good one saves', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/students$/, 422);
  await signIn(page, 'director');
  await clickMenu(page, 'Оқушылар');
  await page.getByRole('link', { name: '+ Оқушы қосу' }).click();
  await page.getByTestId('student-form').waitFor();
  await settle(page);
  await screenshots(page, 'student-form-empty');

  // Nothing filled in: each required field gets the server's message under it.
  await page.getByRole('button', { name: 'Оқушыны қосу' }).click();
  await page.getByTestId('form-errors').waitFor();
  for (const f of ['last_name', 'first_name', 'iin', 'birth_date', 'sex']) {
    await fieldError(page, f).waitFor();
    assert.match(await fieldError(page, f).innerText(), /Міндетті өріс толтырылмаған/, f);
    assert.equal(await page.locator(`#f-${f}`).getAttribute('aria-invalid'), 'true');
  }
  await screenshots(page, 'student-form-missing');

  // Filled in, but the IIN's check digit is wrong and the phone is not +7XXXXXXXXXX.
  const iin = freshIin('2013-07-05', 'f');
  const wrong = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
  await page.getByLabel('Тегі').fill('Сәрсенбаева');
  await page.getByLabel(/^Аты\*?$/).fill('Әйгерім');
  await page.getByLabel('Әкесінің аты').fill('Нұрланқызы');
  await page.getByLabel('ЖСН').fill(wrong);
  await page.getByLabel('Туған күні').fill('05.07.2013');
  await page.getByLabel('Жынысы').selectOption('f');
  await page.getByLabel('Сынып').selectOption({ index: 1 });
  await page.getByLabel('Телефон').fill('8 777 123');
  await page.getByRole('button', { name: 'Оқушыны қосу' }).click();
  await fieldError(page, 'iin').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-field=last_name] [data-testid=field-error]'));
  assert.match(await fieldError(page, 'iin').innerText(), /ЖСН/);
  assert.match(await fieldError(page, 'phone').innerText(), /\+7XXXXXXXXXX/);
  assert.equal(await fieldError(page, 'last_name').count(), 0, 'fixed fields lose their error');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'form-errors', 'the summary takes the focus');
  await screenshots(page, 'student-form-bad-iin');

  // Corrected: saved, and the new record opens.
  await page.getByLabel('ЖСН').fill(iin);
  await page.getByLabel('Телефон').fill('+77011234567');
  await page.getByRole('button', { name: 'Оқушыны қосу' }).click();
  await page.waitForURL(/\/students\/\d+$/);
  await page.locator('main h1').filter({ hasText: 'Сәрсенбаева Әйгерім Нұрланқызы' }).waitFor();
  assert.match(await page.locator('main').innerText(), new RegExp(iin));
  assert.match(await page.locator('main').innerText(), /05\.07\.2013/);
  await screenshots(page, 'student-created');
  assertClean(page);
  await page.context().close();
});

test('editing a student: a birth date that disagrees with the IIN is refused at the field', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/students\/\d+$/, 422);
  await signIn(page, 'deputy');
  await clickMenu(page, 'Оқушылар');
  await page.getByTestId('students-table').waitFor();
  await page.locator('[data-testid=students-table] tbody tr a').first().click();
  await page.getByRole('link', { name: 'Өзгерту' }).click();
  await page.getByTestId('student-form').waitFor();
  await page.getByLabel('Туған күні').fill('01.01.2010');
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await fieldError(page, 'birth_date').waitFor();
  assert.match(await fieldError(page, 'birth_date').innerText(), /ЖСН туған күнмен сәйкес келмейді/);
  await screenshots(page, 'student-edit-refused');

  // A date that is no date is caught before it is sent.
  await page.getByLabel('Туған күні').fill('31.02');
  await page.getByRole('button', { name: 'Сақтау' }).click();
  assert.match(await fieldError(page, 'birth_date').innerText(), /кк\.аа\.жжжж/);
  assertClean(page);
  await page.context().close();
});

test('linking a new legal representative: errors at the fields, then the link', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/students\/\d+\/representatives$/, 422);
  await signIn(page, 'director');
  await clickMenu(page, 'Оқушылар');
  await page.getByTestId('students-table').waitFor();
  await page.locator('[data-testid=students-table] tbody tr a').nth(2).click();
  await page.getByRole('link', { name: '+ Заңды өкіл қосу' }).click();
  await page.getByTestId('representative-form').waitFor();
  await page.getByLabel('Тегі').fill('Жұмабаев');
  await page.getByLabel(/^Аты\*?$/).fill('Ғалымжан');
  await page.getByRole('button', { name: 'Заңды өкіл қосу' }).click();
  await fieldError(page, 'relation').waitFor();

  await page.getByLabel('Оқушыға кім болады').selectOption('guardian');
  await page.getByLabel('Электрондық пошта').fill('not-an-address');
  await page.getByRole('button', { name: 'Заңды өкіл қосу' }).click();
  await fieldError(page, 'email').waitFor();
  assert.match(await fieldError(page, 'email').innerText(), /Электрондық пошта мекенжайы қате/);
  await screenshots(page, 'representative-form-errors');

  await page.getByLabel('Электрондық пошта').fill('galymzhan@example.kz');
  await page.getByRole('button', { name: 'Заңды өкіл қосу' }).click();
  await page.waitForURL(/\/students\/\d+$/);
  await page.getByText('Жұмабаев Ғалымжан').waitFor();
  assert.match(await page.locator('main').innerText(), /Қамқоршы/);
  assertClean(page);
  await page.context().close();
});

test('a teacher gets no forms to change students', async () => {
  const page = await newPage();
  await signIn(page, 'teacher');
  await clickMenu(page, 'Оқушылар');
  await page.getByTestId('students-table').waitFor();
  assert.equal(await page.getByRole('link', { name: '+ Оқушы қосу' }).count(), 0);
  await page.locator('[data-testid=students-table] tbody tr a').first().click();
  await page.locator('dl.info').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Өзгерту' }).count(), 0);
  assertClean(page);
  await page.context().close();
});
