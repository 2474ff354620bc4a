// The externship student's consultation schedule (issue 7: A1 form 3, EXT-13, EXT-15)
// through its page: after the externship's order (set up through the API) the academic
// deputy opens the application, writes the schedule — a consultation before the
// externship is refused at its row with EXT-13 — and saves it; the director approves it
// by order; the deputy marks a summative work sent; the row's teacher finds the student
// on their home page. Screenshots at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, PHONE, apiSession } from './harness.mjs';
import { DAY, isoOf, dmy, todayMs, TODAY, yearEnd, noSideScroll, orderedExternship as shared } from './movement_cases.mjs';

before(launch);
after(close);

const STARTS = isoOf(todayMs + 7 * DAY);
const ENDS = [isoOf(todayMs + 100 * DAY), yearEnd].sort()[0];
const orderedExternship = () => shared({ starts: STARTS, ends: ENDS, number: '60-Ө' });

test('the deputy writes the consultation schedule, the director approves it, a work is marked sent', async () => {
  const { student, caseId } = await orderedExternship();
  const planUrl = `/students/${student.id}/applications/${caseId}/plan`;

  const deputy = await newPage();
  deputy.expectStatus(new RegExp(`^/api/v1/applications/${caseId}/plan$`), 422);
  await signIn(deputy, 'deputy');
  await deputy.goto(`/students/${student.id}/applications/${caseId}`);
  await deputy.getByTestId('mv-plan').click();
  await deputy.waitForURL(new RegExp(`${planUrl}$`));
  await deputy.getByTestId('plan-write').click();
  const form = deputy.getByTestId('plan-form');
  await form.waitFor();
  const row = (i) => deputy.getByTestId('plan-edit-row').nth(i);
  const fillRow = async (i, date, topic) => {
    await row(i).locator('select').first().selectOption({ index: 1 });
    await row(i).locator(`[id="f-rows[${i}].consultation_on"]`).fill(dmy(date));
    await row(i).locator(`[id="f-rows[${i}].topic"]`).fill(topic);
  };
  await fillRow(0, isoOf(todayMs + 8 * DAY), 'Функциялар');
  const teacherStaff = (await (await apiSession('teacher'))('GET', '/me')).staff_id;
  await row(0).locator('select').nth(1).selectOption(String(teacherStaff)); // the demo teacher teaches it
  await deputy.getByTestId('plan-add-row').click();
  await fillRow(1, TODAY, 'Туынды'); // before the externship starts
  await deputy.getByTestId('plan-save').click();
  await deputy.getByTestId('form-errors').waitFor();
  assert.match(await deputy.getByTestId('broken-rules').innerText(), /EXT-13/);
  assert.match(await row(1).innerText(), /EXT-13 · /);
  assert.doesNotMatch(await row(0).innerText(), /EXT-13/);
  await screenshots(deputy, 'plan-refused');
  await row(1).locator('[id="f-rows[1].consultation_on"]').fill(dmy(isoOf(todayMs + 15 * DAY)));
  await deputy.getByTestId('plan-save').click();
  await deputy.getByTestId('plan-table').waitFor();
  assert.equal(await deputy.getByTestId('plan-row').count(), 2);
  await screenshots(deputy, 'plan-written');
  assertClean(deputy);
  await deputy.context().close();

  const director = await newPage();
  await signIn(director, 'director');
  await director.goto(planUrl);
  const approve = director.getByTestId('plan-approve-form');
  await approve.waitFor();
  await approve.locator('#f-number').fill('61-Ө');
  await approve.locator('#f-date').fill(dmy(TODAY));
  await director.getByTestId('plan-approve').click();
  await director.getByTestId('plan-approved').waitFor();
  assert.match(await director.getByTestId('plan-approved').innerText(), /№61-Ө/);
  await screenshots(director, 'plan-approved');
  assertClean(director);
  await director.context().close();

  const marker = await newPage();
  await signIn(marker, 'deputy');
  await marker.goto(planUrl);
  const first = marker.getByTestId('plan-row').first();
  await first.waitFor();
  const rowId = await first.getAttribute('data-row');
  await first.locator(`[id="f-sent-${rowId}"]`).fill(dmy(TODAY));
  await first.getByTestId('plan-mark').click();
  await settle(marker);
  await marker.reload();
  await marker.getByTestId('plan-row').first().waitFor();
  assert.equal(await marker.locator(`[id="f-sent-${rowId}"]`).inputValue(), dmy(TODAY), 'kept');
  await screenshots(marker, 'plan-marked');
  assertClean(marker);
  await marker.context().close();

  // the teacher of the first row finds the student on their home page, with the work to come back
  const teacher = await newPage();
  await signIn(teacher, 'teacher');
  const card = teacher.locator(`[data-testid="my-externship"][data-case="${caseId}"]`);
  await card.waitFor();
  assert.match(await card.innerText(), /1/);
  await screenshots(teacher, 'plan-teacher-home');
  await card.locator('a').click();
  await teacher.waitForURL(new RegExp(`${planUrl}$`));
  await teacher.getByTestId('plan-row').first().waitFor();
  await teacher.setViewportSize(PHONE);
  assert.ok(await noSideScroll(teacher), 'no sideways scroll at 390 px');
  assertClean(teacher);
  await teacher.context().close();
});
