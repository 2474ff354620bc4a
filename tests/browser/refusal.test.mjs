// A school's staff may not open another school's pages: the server refuses (403) and
// the page says so, in the user's language, without showing anything of that school.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, assertClean, apiAs } from './harness.mjs';

before(launch);
after(close);

async function otherSchool() {
  const asDirector = await apiAs('director');
  const own = (await asDirector('/me')).user.school_id;
  const asAdmin = await apiAs('admin');
  const other = (await asAdmin('/schools')).items.find((s) => s.id !== own);
  const students = await asAdmin(`/schools/${other.id}/students?limit=1`);
  return { own, other, student: students.items[0] };
}

test('the director is refused the other school, and sees why', async () => {
  const { other } = await otherSchool();
  const page = await newPage();
  page.expectStatus(new RegExp(`^/api/v1/schools/${other.id}$`), 403);
  await signIn(page, 'director');
  await page.goto(`/schools/${other.id}`);
  const panel = page.getByTestId('error-panel');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('data-kind'), 'forbidden');
  const text = await panel.innerText();
  assert.match(text, /Қолжетімсіз/);
  assert.match(text, /Бұл әрекетке құқығыңыз жоқ\./, 'the server’s own message, in Kazakh');
  assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(other.name.kk), 'nothing of that school is shown');
  await screenshots(page, 'refused-other-school');
  assertClean(page);
  await page.context().close();
});

test('the director is refused a student and the lists of the other school', async () => {
  const { other, student } = await otherSchool();
  const page = await newPage();
  page.expectStatus(new RegExp(`^/api/v1/students/${student.id}$`), 403);
  page.expectStatus(new RegExp(`^/api/v1/schools/${other.id}$`), 403);
  await signIn(page, 'director');
  await page.goto(`/students/${student.id}`);
  await page.getByTestId('error-panel').waitFor();
  assert.equal(await page.getByTestId('error-panel').getAttribute('data-kind'), 'forbidden');
  assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(student.iin));
  await page.goto(`/schools/${other.id}/students`);
  await page.getByTestId('error-panel').waitFor();
  assert.equal(await page.getByTestId('error-panel').getAttribute('data-kind'), 'forbidden');
  await screenshots(page, 'refused-other-students');
  assertClean(page);
  await page.context().close();
});

test('a parent is refused a child that is not theirs', async () => {
  const { student } = await otherSchool();
  const page = await newPage();
  page.expectStatus(new RegExp(`^/api/v1/students/${student.id}$`), 403);
  await signIn(page, 'parent');
  await page.goto(`/students/${student.id}`);
  await page.getByTestId('error-panel').waitFor();
  assert.equal(await page.getByTestId('error-panel').getAttribute('data-kind'), 'forbidden');
  await screenshots(page, 'refused-parent');
  assertClean(page);
  await page.context().close();
});

test('an address that is no page says so', async () => {
  const page = await newPage();
  await signIn(page, 'director');
  await page.goto('/no/such/page');
  await page.getByTestId('error-panel').waitFor();
  assert.equal(await page.getByTestId('error-panel').getAttribute('data-kind'), 'not_found');
  assertClean(page);
  await page.context().close();
});
