// Withdrawing an application before its order (issue 7): a parent's academic leave
// application for their child (filed through the API) is withdrawn from its page after a
// confirmation; the case reads "withdrawn", nothing is due and no step is offered.
// Screenshots at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, apiSession } from './harness.mjs';

before(launch);
after(close);

const DAY = 86400 * 1000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

test('the parent withdraws an academic leave application before the order', async () => {
  const parentApi = await apiSession('parent');
  const child = (await parentApi('GET', '/me')).children.find((c) => c.status === 'studying');
  assert.ok(child, 'a child who studies');
  const start = Date.now() + 5 * 3600 * 1000 + 30 * DAY;
  const filed = await parentApi('POST', `/students/${child.id}/applications`, {
    kind: 'academic_leave', ground: 'medical', starts_on: iso(start), ends_on: iso(start + 40 * DAY), documents: ['vkk_conclusion'],
  });

  const page = await newPage();
  await signIn(page, 'parent');
  await page.goto(`/students/${child.id}/applications/${filed.id}`);
  await page.getByTestId('mv-withdraw').click();
  await page.getByTestId('mv-withdraw-yes').waitFor();
  await screenshots(page, 'movement-withdraw-confirm');
  await page.getByTestId('mv-withdraw-yes').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="mv-status"]')?.dataset.status === 'withdrawn');
  await settle(page);
  assert.equal(await page.getByTestId('mv-withdraw-card').count(), 0, 'nothing more to withdraw');
  assert.equal(await page.getByTestId('mv-next').count(), 0, 'no step is offered');
  const book = await parentApi('GET', `/students/${child.id}/movements`);
  const c = book.cases.find((x) => x.id === filed.id);
  assert.equal(c.status, 'withdrawn');
  assert.deepEqual(c.deadlines, []);
  await screenshots(page, 'movement-withdrawn');
  assertClean(page);
  await page.context().close();
});
