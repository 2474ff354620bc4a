// Lists and detail pages: search by name and IIN, paging, the way from a school to a
// class to a student, staff by role, representatives, subjects; the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, close, newPage, signIn, screenshots, assertClean, settle, apiAs, PASSWORD, SHOTS, clickMenu } from './harness.mjs';

before(launch);
after(close);

const rows = (page, id) => page.locator(`[data-testid=${id}] tbody tr`);

test('students: paging, search by IIN and by name', async () => {
  const asDirector = await apiAs('director');
  const school = (await asDirector('/me')).user.school_id;
  const some = (await asDirector(`/schools/${school}/students?limit=30`)).items[27];

  const page = await newPage();
  await signIn(page, 'director');
  await page.goto(`/schools/${school}/students`);
  await page.getByTestId('students-table').waitFor();
  assert.equal(await rows(page, 'students-table').count(), 25);
  const pager = page.getByRole('navigation', { name: 'Беттер' });
  assert.match(await pager.innerText(), /ішінен 1–25/);
  const first = await rows(page, 'students-table').first().innerText();

  await pager.getByRole('button', { name: /Келесі/ }).click();
  await page.waitForFunction(() => /26–50/.test(document.querySelector('nav.pager')?.innerText));
  assert.notEqual(await rows(page, 'students-table').first().innerText(), first);
  await screenshots(page, 'students-page-2');
  await pager.getByRole('button', { name: /Алдыңғы/ }).click();
  await page.waitForFunction(() => /1–25/.test(document.querySelector('nav.pager')?.innerText));
  assert.equal(await rows(page, 'students-table').first().innerText(), first);

  await page.getByLabel('Оқушыны іздеу').fill(some.iin);
  await page.getByLabel('Оқушыны іздеу').press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=students-table] tbody tr').length === 1);
  assert.match(await rows(page, 'students-table').first().innerText(), new RegExp(some.last_name));
  await screenshots(page, 'students-search-iin');

  await page.getByLabel('Оқушыны іздеу').fill(some.last_name.toLowerCase());
  await page.getByRole('button', { name: 'Іздеу' }).click();
  await page.waitForURL(/q=/);
  await settle(page);
  const names = await rows(page, 'students-table').allInnerTexts();
  assert.ok(names.length >= 1 && names.every((n) => n.toLowerCase().includes(some.last_name.toLowerCase())));

  await page.getByLabel('Оқушыны іздеу').fill('ешкімжоқ');
  await page.getByRole('button', { name: 'Іздеу' }).click();
  await page.getByText('«ешкімжоқ» бойынша ештеңе табылмады').waitFor();
  assertClean(page);
  await page.context().close();
});

test('from the school to a class to a student and a representative', async () => {
  const page = await newPage();
  await signIn(page, 'director');
  await page.getByTestId('class-grid').locator('a').first().click();
  await page.waitForURL(/\/classes\/\d+$/);
  await page.getByTestId('students-table').waitFor();
  assert.match(await page.locator('main h1').innerText(), /сыныбы$/);
  await screenshots(page, 'class');
  await rows(page, 'students-table').first().locator('a').first().click();
  await page.waitForURL(/\/students\/\d+$/);
  await page.locator('dl.info').waitFor();
  await screenshots(page, 'student');
  await page.locator('.reps a.name').first().click();
  await page.waitForURL(/\/representatives\/\d+$/);
  await page.getByTestId('students-table').waitFor();
  await screenshots(page, 'representative');
  assertClean(page);
  await page.context().close();
});

test('staff by role, representatives and subjects', async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  await clickMenu(page, 'Қызметкерлер');
  await page.getByTestId('staff-table').waitFor();
  await page.getByLabel('Лауазымы').selectOption('curator');
  await page.waitForURL(/role=curator/);
  await settle(page);
  const roles = await page.locator('[data-testid=staff-table] tbody td:nth-child(2)').allInnerTexts();
  assert.ok(roles.length > 0 && roles.every((r) => r.includes('Куратор')));
  await screenshots(page, 'staff-curators');
  await rows(page, 'staff-table').first().locator('a').first().click();
  await page.waitForURL(/\/staff\/\d+$/);
  await page.locator('dl.info').waitFor();

  await clickMenu(page, 'Заңды өкілдер');
  await page.getByTestId('persons-table').waitFor();
  await screenshots(page, 'representatives');

  await clickMenu(page, 'Пәндер');
  await page.getByTestId('subjects-table').waitFor();
  await screenshots(page, 'subjects');
  await rows(page, 'subjects-table').first().locator('a').click();
  await page.waitForURL(/\/subjects\/\d+$/);
  await page.locator('dl.info').waitFor();
  assertClean(page);
  await page.context().close();
});

test('the network office: schools list with figures, a school, its staff', async () => {
  const page = await newPage();
  await signIn(page, 'admin');
  await clickMenu(page, 'Мектептер');
  await page.getByTestId('schools-table').waitFor();
  assert.equal(await rows(page, 'schools-table').count(), 2);
  await screenshots(page, 'schools');
  await page.getByLabel('Мектепті іздеу').fill('IB');
  await page.getByLabel('Мектепті іздеу').press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=schools-table] tbody tr').length === 1);
  await rows(page, 'schools-table').first().locator('a').click();
  await page.getByTestId('class-grid').waitFor();
  await screenshots(page, 'school-admin');
  await page.getByRole('link', { name: 'Қызметкерлер' }).last().click();
  await page.getByTestId('staff-table').waitFor();
  assertClean(page);
  await page.context().close();
});

test('the keyboard alone: sign in, move through the menu, see where the focus is', async () => {
  const page = await newPage();
  await page.goto('/');
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // Қазақша
  await page.keyboard.press('Tab'); // Русский
  await page.keyboard.press('Tab'); // English
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'login');
  await page.keyboard.type('director');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('school-figures').waitFor();
  await settle(page);

  // Tab to the first menu link; its focus ring must show.
  let outline = null;
  for (let i = 0; i < 12 && !outline; i++) {
    await page.keyboard.press('Tab');
    outline = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el.closest('nav.nav')) return null;
      const s = getComputedStyle(el);
      return { text: el.textContent, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
  }
  assert.ok(outline, 'the menu is reachable with Tab');
  assert.equal(outline.style, 'solid');
  assert.ok(outline.width >= 2);
  // the next stop is the first group of the menu: Enter opens it, Tab goes to its first
  // link (the classes), Enter follows it
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'false');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'true');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/schools\/\d+$/);
  await settle(page);
  await page.screenshot({ path: path.join(SHOTS, 'keyboard-focus-1440.png') });

  // Every input on the student form has a label.
  await page.goto(`${new URL(page.url()).origin}/students/new`);
  await page.getByTestId('student-form').waitFor();
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')].filter((el) => !el.labels?.length && !el.getAttribute('aria-label')).map((el) => el.name || el.id),
  );
  assert.deepEqual(unlabelled, []);
  assertClean(page);
  await page.context().close();
});
