// The language switch: Kazakh by default, Russian and English alongside; the choice
// changes every label, and is remembered in the user's profile (PATCH /me).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, assertClean, settle, BASE, PASSWORD, clickMenu } from './harness.mjs';

before(launch);
after(async () => {
  // Leave the user as the demo made them, whatever happened.
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'upbringing', password: PASSWORD }),
  });
  const { token } = await res.json();
  await fetch(`${BASE}/api/v1/me`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ lang: 'kk' }),
  });
  await close();
});

/* the menu's words, those of its closed groups too */
const nav = (page) => page.locator('nav.nav').textContent();

test('switching the language changes the page and is remembered for the user', async () => {
  const page = await newPage();
  await page.goto('/');
  assert.equal(await page.locator('h1').innerText(), 'Жүйеге кіру');

  // On the sign-in page: the choice goes to the profile once signed in.
  await page.getByRole('button', { name: 'Русский' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Вход в систему');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  await screenshots(page, 'language-signin-ru');

  await page.getByLabel('Логин').fill('upbringing');
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('school-figures').waitFor();
  assert.match(await nav(page), /Учащиеся/);
  assert.match(await page.locator('main h1').innerText(), /^Добрый день/);
  await screenshots(page, 'language-home-ru');

  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await nav(page), /Students/);
  assert.doesNotMatch(await nav(page), /Учащиеся/);
  assert.match(await page.locator('main h1').innerText(), /^Good day/);
  await settle(page);

  // A list: column names, dates dd.mm.yyyy.
  await clickMenu(page, /^Students$/);
  await page.getByTestId('students-table').waitFor();
  const head = await page.locator('[data-testid=students-table] thead').innerText();
  assert.match(head, /Name/);
  assert.match(head, /Date of birth/);
  const firstDate = await page.locator('[data-testid=students-table] tbody tr td:nth-child(4)').first().innerText();
  assert.match(firstDate, /^\d{2}\.\d{2}\.\d{4}$/);
  await screenshots(page, 'language-students-en');

  // Remembered: a new sign-in (another browser) opens in English.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#login').waitFor();
  const again = await newPage();
  await signIn(again, 'upbringing');
  await again.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await nav(again), /Staff/);

  // And back to Kazakh.
  await again.getByRole('button', { name: 'Қазақша' }).click();
  await again.waitForFunction(() => document.documentElement.lang === 'kk');
  assert.match(await nav(again), /Басты бет/);
  assert.match(await nav(again), /Оқушылар/);
  await screenshots(again, 'language-home-kk');
  assertClean(page);
  assertClean(again);
  await page.context().close();
  await again.context().close();
});

test('the server’s messages follow the language', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/auth\/login$/, 401);
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Login').fill('nobody');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signin-error').waitFor();
  assert.equal(await page.getByTestId('signin-error').innerText(), 'Wrong login or password.');
  await page.getByRole('button', { name: 'Русский' }).click();
  await page.getByLabel('Пароль').fill('wrong-again');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByText('Неверный логин или пароль.').waitFor();
  assertClean(page);
  await page.context().close();
});
