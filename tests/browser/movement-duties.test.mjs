// What follows an order of the movement book (issue 7) through the pages: on the
// application's page the director sends the order's copy to the contingent unit (EXT-9)
// and the academic deputy marks the year's consultation schedule approved (EXT-13), each
// with the button of the duty they answer for — the others see none; the schedule's
// e-mail then waits in the outbox, which says that the server has no SMTP settings. The
// contingent unit's home is its inbox: the copy is there, on time, and the unit marks it
// received. Screenshots at 1440 and 390 px; no page scrolls sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, PHONE, clickMenu } from './harness.mjs';
import { DAY, isoOf, dmy, todayMs, TODAY, yearEnd, noSideScroll, orderedExternship as shared } from './movement_cases.mjs';

before(launch);
after(close);

const STARTS = isoOf(todayMs + 14 * DAY);
const ENDS = [isoOf(todayMs + 114 * DAY), yearEnd].sort()[0];
const orderedExternship = () => shared({ starts: STARTS, ends: ENDS, number: '88-Ө' });

test("the director sends the copy, the deputy marks the schedule, the unit's inbox receives it", async () => {
  const { student, caseId } = await orderedExternship();
  const page = `/students/${student.id}/applications/${caseId}`;
  const row = (p, code) => p.locator(`[data-testid="mv-deadline"][data-code="${code}"]`).first();

  // --- the director: "send the copy" on the copy's row only ---------------------------
  const director = await newPage();
  await signIn(director, 'director');
  await director.goto(page);
  await row(director, 'contingent_copy').waitFor();
  assert.equal(await row(director, 'contingent_copy').getAttribute('data-state'), 'pending');
  const send = director.locator('[data-testid="mv-mark"][data-code="contingent_copy"]');
  assert.equal(await send.innerText(), 'Көшірмені жіберу');
  const codes = await director.locator('[data-testid="mv-mark"]').evaluateAll((b) => b.map((x) => x.dataset.code));
  assert.deepEqual([...new Set(codes)].sort(), ['consultation_schedule', 'contingent_copy', 'subject_list'],
    "the director's duties: the copy, and the school's side of the list and the schedule");
  await screenshots(director, 'movement-copy-to-send');
  await send.click();
  await director.waitForFunction(() => document.querySelector('[data-testid="mv-deadline"][data-code="contingent_copy"]')?.dataset.state === 'done');
  await settle(director);
  assert.match(await row(director, 'contingent_copy').innerText(), new RegExp(`орындалды: ${dmy(TODAY).replace(/\./g, '\\.')}`));
  assert.equal(await director.locator('[data-testid="mv-mark"][data-code="contingent_copy"]').count(), 0, 'sent once');
  await screenshots(director, 'movement-copy-sent');
  await director.setViewportSize(PHONE);
  assert.ok(await noSideScroll(director), 'the application page does not scroll sideways at 390 px');
  assertClean(director);
  await director.context().close();

  // --- the deputy: the consultation schedule (EXT-13); its e-mail becomes due ----------
  const deputy = await newPage();
  await signIn(deputy, 'deputy');
  await deputy.goto(page);
  await row(deputy, 'consultation_schedule').waitFor();
  assert.equal(await deputy.locator('[data-testid="mv-mark"][data-code="contingent_copy"]').count(), 0, 'the copy is the director’s');
  await deputy.locator('[data-testid="mv-mark"][data-code="consultation_schedule"]').click();
  await deputy.waitForFunction(() => document.querySelector('[data-testid="mv-deadline"][data-code="consultation_schedule"]')?.dataset.state === 'done');
  await row(deputy, 'schedule_email').waitFor();
  assert.match(await row(deputy, 'schedule_email').innerText(), /EXT-13/);
  await screenshots(deputy, 'movement-schedule-approved');
  assertClean(deputy);
  await deputy.context().close();

  // --- the contingent unit: its home is the inbox ------------------------------------
  const unit = await newPage();
  await signIn(unit, 'contingent');
  const copy = unit.locator(`[data-testid="inbox-row"][data-case="${caseId}"]`);
  await copy.waitFor();
  assert.equal(await unit.locator('h1').innerText(), 'Бұйрық көшірмелері');
  assert.equal(await copy.getAttribute('data-on-time'), 'true');
  const text = await copy.innerText();
  assert.match(text, /№88-Ө бұйрық/);
  assert.match(text, /Мерзімінде/);
  assert.match(text, /EXT-9/);
  assert.match(text, new RegExp(student.last_name));
  await screenshots(unit, 'contingent-inbox');
  await unit.setViewportSize(PHONE);
  assert.ok(await noSideScroll(unit), 'the inbox does not scroll sideways at 390 px');
  await unit.setViewportSize({ width: 1440, height: 900 });
  await copy.getByTestId('inbox-receive').click();
  await copy.getByTestId('inbox-received').waitFor();
  assert.equal(await copy.getByTestId('inbox-received').innerText(), dmy(TODAY));
  await screenshots(unit, 'contingent-inbox-received');
  assertClean(unit);
  await unit.context().close();

  // --- the director's outbox: the schedule's e-mail waits for SMTP settings -------------
  const again = await newPage();
  await signIn(again, 'director');
  await clickMenu(again, 'Жіберілетін хаттар');
  await again.waitForURL(/\/outbox$/);
  await again.getByTestId('outbox-not-configured').waitFor();
  const mail = again.locator('[data-testid="outbox-row"][data-purpose="consultation_schedule"]').first();
  assert.equal(await mail.getAttribute('data-status'), 'queued');
  assert.match(await mail.innerText(), /oqushy@example\.kz/);
  await screenshots(again, 'outbox-director');
  await again.setViewportSize(PHONE);
  assert.ok(await noSideScroll(again), 'the outbox does not scroll sideways at 390 px');
  assertClean(again);
  await again.context().close();
});
