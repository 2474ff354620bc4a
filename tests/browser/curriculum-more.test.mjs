// More of the curriculum: the network's ТОЖ (a refusal of CUR-1 at its row's input, then a
// save), read by others.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, assertClean, settle } from './harness.mjs';

before(launch);
after(close);

const nav = (page) => page.getByRole('navigation', { name: 'Негізгі мәзір' });

test('the network admin edits the ТОЖ: CUR-1 refused at the input, then saved', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/curricula\/typical$/, 422);
  await signIn(page, 'admin');
  await nav(page).getByRole('link', { name: 'ТОЖ' }).click();
  await page.waitForURL(/\/curricula\/typical/);
  const form = page.getByTestId('toj-grade');
  await form.waitFor();
  await page.getByLabel('Сынып', { exact: true }).selectOption('11');
  await page.waitForURL(/grade=11/);
  await form.locator('h2', { hasText: '11-сынып' }).waitFor();
  const physics = form.locator('tr[data-subject=physics]');
  const advanced = form.getByLabel('Физика: Тереңдетілген деңгей');
  const was = Number(await advanced.inputValue());
  await advanced.fill('2');
  await form.getByRole('button', { name: 'Сақтау' }).click();
  const error = physics.locator('[data-testid=field-error]');
  await error.waitFor();
  assert.match(await error.innerText(), /^CUR-1 · Тереңдетілген деңгейдің сағаты стандартты деңгейдікінен аз болмауы керек\.$/);
  assert.match(await page.getByTestId('form-errors').innerText(), /CUR-1 · Физика: /);
  await screenshots(page, 'toj-refused');
  await advanced.fill(String(was + 1));
  await form.getByRole('button', { name: 'Сақтау' }).click();
  await page.getByTestId('toj-saved').waitFor();
  assert.equal(await form.locator('[data-testid=field-error]').count(), 0);
  await page.reload();
  await page.getByTestId('toj-grade').locator('tr[data-subject=physics]').waitFor();
  assert.equal(await page.getByLabel('Физика: Тереңдетілген деңгей').inputValue(), String(was + 1));
  await settle(page);
  await screenshots(page, 'toj-saved');
  assertClean(page);
  await page.context().close();
});

test('a deputy reads the ТОЖ without inputs', async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto('/curricula/typical?programme=nis&grade=7');
  const form = page.getByTestId('toj-grade');
  await form.locator('tr[data-subject=algebra]').waitFor();
  assert.equal(await form.locator('input').count(), 0);
  assert.equal(await form.getByRole('button', { name: 'Сақтау' }).count(), 0);
  assertClean(page);
  await page.context().close();
});
