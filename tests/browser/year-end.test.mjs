// The year's end of a class (issue 7: ASM-3, DOC-1) through its page: the director opens
// a grade-12 class, records the council's decision and the order for the whole list with
// one student marked as not having passed the external assessment — refused, the problem
// in that student's row with its rule (DOC-1), nothing written — then with everyone
// passed: the class graduates with the general secondary certificate. Screenshots at
// 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, PHONE, apiSession } from './harness.mjs';

before(launch);
after(close);

const isoToday = () => new Date(Date.now() + 5 * 3600 * 1000).toISOString().slice(0, 10);
const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
const dmy = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

test('the director graduates a grade-12 class; a student without the external assessment is refused first (DOC-1)', async () => {
  const director = await apiSession('director');
  const me = await director('GET', '/me');
  const classes = (await director('GET', `/schools/${me.user.school_id}/classes?limit=500`)).items;
  const undecided = [];
  for (const c of classes.filter((x) => x.grade === 12)) {
    if (!(await director('GET', `/classes/${c.id}/year-end`)).decided) undecided.push(c);
  }
  const cls = undecided.at(-1);
  assert.ok(cls, 'a grade-12 class not decided yet');

  const page = await newPage();
  page.expectStatus(new RegExp(`^/api/v1/classes/${cls.id}/year-end$`), 422);
  await signIn(page, 'director');
  await page.goto(`/classes/${cls.id}`);
  await page.getByTestId('class-year-end').click();
  await page.waitForURL(new RegExp(`/classes/${cls.id}/year-end$`));
  const form = page.getByTestId('ye-form');
  await form.waitFor();
  const rows = page.getByTestId('ye-student');
  await rows.first().waitFor();
  const n = await rows.count();
  assert.ok(n >= 3, 'the class list');

  const today = dmy(isoToday());
  await form.locator('[id="f-council.date"]').fill(today);
  await form.locator('[id="f-council.protocol_number"]').fill('11');
  await form.locator('[id="f-order.number"]').fill('130-Ө');
  await form.locator('[id="f-order.date"]').fill(today);
  // the first student has not passed the external assessment
  await rows.nth(0).locator('[data-field$="external_assessment_passed"] input').uncheck();
  await page.getByTestId('ye-submit').click();
  await page.getByTestId('form-errors').waitFor();
  assert.match(await page.getByTestId('broken-rules').innerText(), /DOC-1/);
  assert.match(await rows.nth(0).getByTestId('field-error').first().innerText(), /^DOC-1 · /);
  assert.equal(await rows.nth(1).getByTestId('field-error').count(), 0, 'only that student’s row');
  assert.equal((await director('GET', `/classes/${cls.id}/year-end`)).decided, false, 'nothing written');
  await screenshots(page, 'year-end-refused');
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'the form does not scroll sideways at 390 px');
  await page.setViewportSize({ width: 1440, height: 900 });

  await rows.nth(0).locator('[data-field$="external_assessment_passed"] input').check();
  await page.getByTestId('ye-submit').click();
  await page.getByTestId('ye-decided').waitFor();
  await settle(page);
  const done = page.getByTestId('ye-row');
  assert.equal(await done.count(), n);
  assert.equal(await page.locator('[data-testid="ye-row"][data-status="graduated"]').count(), n, 'everyone graduated');
  assert.match(await done.first().innerText(), /Жалпы орта білім туралы аттестат/);
  assert.match(await page.getByTestId('ye-decided').innerText(), /№130-Ө бұйрық/);
  await screenshots(page, 'year-end-decided');
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'the table does not scroll sideways at 390 px');
  assertClean(page);
  await page.context().close();
});

test('the director’s order for a student leaving the school: the movement book says so', async () => {
  const director = await apiSession('director');
  const me = await director('GET', '/me');
  const nine = (await director('GET', `/schools/${me.user.school_id}/classes?limit=500`)).items.filter((x) => x.grade === 9).at(-1);
  const student = (await director('GET', `/classes/${nine.id}/students?limit=50`)).items.filter((s) => s.status === 'studying').at(-1);
  assert.ok(student, 'a studying student of grade 9');
  const page = await newPage();
  await signIn(page, 'director');
  await page.goto(`/students/${student.id}/movements`);
  await page.getByTestId('leaving-open').click();
  const form = page.getByTestId('leaving-form');
  await form.waitFor();
  const today = dmy(isoToday());
  await form.locator('#f-number').fill('131-Ө');
  await form.locator('#f-date').fill(today);
  await form.locator('#f-leaves_on').fill(today);
  await form.locator('#f-reason').fill('Отбасымен Алматыға көшті');
  await screenshots(page, 'leaving-form');
  await page.getByTestId('leaving-submit').click();
  await page.locator('[data-testid="mv-book-row"][data-status="left"]').waitFor();
  assert.match(await page.locator('[data-testid="mv-book-row"][data-status="left"]').innerText(), /№131-Ө бұйрық/);
  assert.equal(await page.getByTestId('leaving-open').count(), 0, 'no second leaving');
  assert.equal(await page.getByTestId('mv-file').count(), 0, 'no application for a student who left');
  await screenshots(page, 'leaving-done');
  assertClean(page);
  await page.context().close();
});
