// The journal on the academic deputy's side (JRN-1, JRN-2, JRN-4, ASM-2): from the home
// page to the grid of a class-subject for the term — every student and lesson, marks,
// absences and work points where the API has them, a date opening that lesson's journal —
// and its term summary with the figures of each result; what is late, per teacher; the
// month's report with another month picked; a substitute assigned to a lesson ahead from
// the grid; an unlock of an open term refused in Kazakh, then the first term closed and a
// class-subject unlocked. Screenshots at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, apiSession } from './harness.mjs';

before(launch);
after(close);

/** Today in Kazakhstan, as the page takes it. */
const today = () => new Date(Date.now() + 5 * 3600 * 1000).toISOString().slice(0, 10);
/** "66,7 %" as the page writes a percentage in Kazakh. */
const pct = (x) => `${Number.isInteger(x) ? x : x.toFixed(1).replace('.', ',')} %`;

/* The school's first class and, of its subjects taught to the whole class, the first
 * whose grid this term has marks, absences and a summative work, with a lesson still
 * ahead (for the substitute); a teacher to cover it. */
async function plan() {
  const call = await apiSession('deputy');
  const me = await call('GET', '/me');
  const school = me.user.school_id;
  const cls = (await call('GET', `/schools/${school}/classes?limit=500`)).items[0];
  const structure = await call('GET', `/academic-years/${cls.academic_year_id}/structure`);
  const now = today();
  const term = structure.terms.find((x) => x.starts_on <= now && now <= x.ends_on) ?? structure.terms.filter((x) => x.starts_on <= now).at(-1);
  const load = await call('GET', `/schools/${school}/load`);
  const groups = (await call('GET', `/classes/${cls.id}/groups`)).items;
  const split = new Set(groups.map((g) => g.subject_id));
  const subjects = [...new Map(load.assignments.filter((a) => a.class_id === cls.id && !split.has(a.subject_id)).map((a) => [a.subject_id, a.subject])).values()];
  let found = null;
  for (const s of subjects) {
    const grid = await call('GET', `/classes/${cls.id}/journal?subject=${s.id}&term=${term.number}`);
    const ahead = grid.lessons.find((l) => l.date > now);
    if (grid.marks.length && grid.absences.length && grid.scores.length && ahead) {
      found = { subject: s, grid, ahead };
      break;
    }
  }
  assert.ok(found, `${cls.label} has a subject with marks, absences, a work and a lesson ahead`);
  const summary = await call('GET', `/classes/${cls.id}/journal/summary?subject=${found.subject.id}&term=${term.number}`);
  const late = await call('GET', `/schools/${school}/journal/late`);
  const lesson = await call('GET', `/lessons/${found.ahead.id}/journal`);
  const teachers = (await call('GET', `/schools/${school}/staff?role=teacher&limit=500`)).items;
  const substitute = teachers.find((x) => x.id !== lesson.teacher.id && x.id !== me.staff_id && x.active !== false);
  return { call, school, cls, term, structure, ...found, summary, late, lesson, substitute };
}

test('the deputy reads the grid and the summary, what is late, the month report, and assigns a substitute', async () => {
  const p = await plan();
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/academic-years\/\d+\/terms\/\d+\/(unlocks|close)$/, 409);
  await signIn(page, 'deputy');

  // the home page leads to the journal
  const card = page.getByTestId('journal-home');
  await card.waitFor();
  await card.locator(`a[href="/schools/${p.school}/journal"]`).click();
  await page.waitForURL(new RegExp(`/schools/${p.school}/journal$`));
  await page.getByTestId('journal-grid').waitFor();

  // the class-subject picked: the grid has every student and lesson of the term
  await page.selectOption('#jg-subject', String(p.subject.id));
  await page.waitForURL(new RegExp(`subject=${p.subject.id}`));
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="journal-grid"] thead th.lesson').length === n,
    p.grid.lessons.length,
  );
  await settle(page);
  assert.equal(await page.locator('#jg-class').inputValue(), String(p.cls.id));
  assert.equal(await page.locator('#jg-term').inputValue(), String(p.term.number));
  const grid = page.getByTestId('journal-grid');
  assert.equal(await grid.locator('tbody tr').count(), p.grid.students.length);
  const [ml, ms, mark] = p.grid.marks[0];
  const col = p.grid.lessons.findIndex((l) => l.id === ml);
  const cellAt = (student, index) => grid.locator(`tbody tr[data-student="${student}"] td`).nth(index);
  assert.match(await cellAt(ms, col).innerText(), new RegExp(`\\b${mark}\\b`));
  const absence = p.grid.absences.find((a) => a[2] === 'absent') ?? p.grid.absences[0];
  assert.match(await cellAt(absence[1], p.grid.lessons.findIndex((l) => l.id === absence[0])).innerText(), absence[2] === 'absent' ? /Ж/ : /К/);
  const [sl, ss, points] = p.grid.scores[0];
  assert.match(await cellAt(ss, p.grid.lessons.findIndex((l) => l.id === sl)).innerText(), new RegExp(`\\b${points}\\b`));
  assert.match(await grid.locator(`th[data-lesson="${sl}"]`).innerText(), /(БЖБ|ТЖБ)\s*\/\d+/);

  // the term summary beside it: each student's percentage, mark and figures
  const summary = page.getByTestId('journal-summary');
  assert.equal(await summary.locator('tbody tr').count(), p.summary.students.length);
  const s = p.summary.students.find((x) => x.result?.parts?.formative && x.result?.parts?.section) ?? p.summary.students[0];
  const srow = summary.locator(`tr[data-student="${s.id}"]`);
  assert.equal(await srow.getByTestId('summary-percent').innerText(), pct(s.result.percent));
  assert.equal(await srow.getByTestId('summary-mark').innerText(), String(s.result.mark));
  if (s.result.parts.formative)
    assert.match(await srow.locator('[data-part="formative"]').innerText(), new RegExp(`${s.result.figures.formative_count} баға, қосындысы ${s.result.figures.formative_sum}`));
  if (s.result.parts.section)
    assert.match(await srow.locator('[data-part="section"]').innerText(), new RegExp(`${s.result.figures.section_points}/${s.result.figures.section_max} ұпай`));
  assert.match(await page.getByTestId('summary-model').innerText(), /ҚБ \d+ % \+ БЖБ \d+ % \+ ТЖБ \d+ %/);
  await screenshots(page, 'journal-grid');

  // a date opens that lesson's journal
  await grid.locator(`th[data-lesson="${ml}"] a`).click();
  await page.waitForURL(new RegExp(`/lessons/${ml}/journal$`));
  await page.goBack();
  await page.getByTestId('journal-grid').waitFor();

  // a substitute for a lesson ahead, from the grid's row of substitutes
  await grid.locator(`tr.covers td`).nth(p.grid.lessons.findIndex((l) => l.id === p.ahead.id)).locator('a').click();
  await page.waitForURL(new RegExp(`/lessons/${p.ahead.id}/cover$`));
  const form = page.getByTestId('cover-form');
  await form.waitFor();
  await settle(page);
  assert.match(await page.getByTestId('cover-lesson').innerText(), new RegExp(p.lesson.teacher.last_name));
  // no teacher picked: said at the field, nothing sent
  if (!p.lesson.cover) {
    await page.getByTestId('cover-save').click();
    assert.match(await form.getByTestId('field-error').innerText(), /таңдаңыз/);
  }
  await page.selectOption('#f-staff_id', String(p.substitute.id));
  await page.locator('#f-reason').fill('Мұғалім біліктілікті арттыру курсында');
  await page.getByTestId('cover-save').click();
  await page.getByTestId('cover-done').waitFor();
  assert.match(await page.getByTestId('cover-current').innerText(), new RegExp(p.substitute.last_name));
  const saved = await p.call('GET', `/lessons/${p.ahead.id}/journal`);
  assert.equal(saved.cover?.staff_id, p.substitute.id);
  assert.equal(saved.cover?.reason, 'Мұғалім біліктілікті арттыру курсында');
  await screenshots(page, 'journal-cover');

  // what is late: every teacher the API names, each opening to their lessons
  await page.goto(`/schools/${p.school}/journal/late`);
  await page.getByTestId('journal-tabs').waitFor();
  await settle(page);
  if (p.late.teachers.length) {
    const teachers = page.getByTestId('late-teacher');
    assert.equal(await teachers.count(), p.late.teachers.length);
    const worst = [...p.late.teachers].sort((a, b) => b.lessons_late - a.lessons_late)[0];
    const first = teachers.first();
    assert.match(await first.locator('summary').innerText(), new RegExp(worst.last_name));
    if (!(await first.getAttribute('open'))) await first.locator('summary').click();
    const links = first.locator('[data-testid="late-open"]');
    assert.equal(await links.count(), worst.lessons.length);
    assert.equal(await links.first().getAttribute('href'), `/lessons/${worst.lessons[0].id}/journal`);
    assert.equal(await first.locator('[data-testid="late-cover"]').first().getAttribute('href'), `/lessons/${worst.lessons[0].id}/cover`);
    assert.match(await page.getByTestId('late-total').innerText(), new RegExp(`${p.late.lessons_late}`));
  } else {
    await page.getByTestId('empty-state').waitFor();
  }
  await screenshots(page, 'journal-late');

  // the month's report, then the month before
  await page.getByTestId('journal-tabs').locator(`a[href="/schools/${p.school}/journal/report"]`).click();
  const report = page.getByTestId('journal-report');
  await report.waitFor();
  await settle(page);
  const thisMonth = await p.call('GET', `/schools/${p.school}/journal/report`);
  assert.equal(await report.locator('tbody tr').count(), thisMonth.items.length);
  const row = thisMonth.items[0];
  const cells = report.locator(`tbody tr[data-staff="${row.staff_id}"] td`);
  assert.equal(await cells.nth(1).innerText(), String(row.scheduled));
  assert.equal(await cells.nth(2).innerText(), String(row.held));
  await screenshots(page, 'journal-report');
  const months = await page.locator('#report-month option').evaluateAll((os) => os.map((o) => o.value));
  const before = months[months.indexOf(thisMonth.month) - 1];
  if (before) {
    await page.selectOption('#report-month', before);
    await page.waitForURL(new RegExp(`month=${before}`));
    const other = await p.call('GET', `/schools/${p.school}/journal/report?month=${before}`);
    await page.waitForFunction(
      ([id, n]) => document.querySelector(`[data-testid="journal-report"] tbody tr[data-staff="${id}"] td:nth-child(2)`)?.textContent.trim() === String(n),
      [other.items[0].staff_id, other.items[0].scheduled],
    );
    assert.equal(await report.locator('tbody tr').count(), other.items.length);
  }

  assertClean(page);
});

test('the deputy closes a term and unlocks a class-subject, a refusal in Kazakh first', async () => {
  const p = await plan();
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/academic-years\/\d+\/terms\/\d+\/(unlocks|close)$/, 409);
  await signIn(page, 'deputy');
  await page.goto(`/schools/${p.school}/journal?class=${p.cls.id}&subject=${p.subject.id}&term=${p.term.number}`);
  const actions = page.getByTestId('term-actions');
  await actions.waitFor();
  await settle(page);

  // the current term is open: an unlock is refused, the server's words in Kazakh
  await page.getByTestId('term-unlock').click();
  await page.getByTestId('unlock-yes').click();
  assert.match(await actions.getByTestId('field-error').innerText(), /себеб/i);
  await page.locator('#unlock-reason').fill('Бағаны түзету');
  await page.getByTestId('unlock-yes').click();
  const refused = page.getByTestId('term-refused');
  await refused.waitFor();
  assert.match(await refused.innerText(), /[әғқңөұүһі]/, 'the refusal is in Kazakh');
  await screenshots(page, 'journal-term-refused');

  // closing asks first; cancelled, nothing happens
  await page.getByTestId('term-close').click();
  await page.getByTestId('close-confirm').waitFor();
  await page.getByRole('button', { name: /Болдырмау/ }).click();
  await page.getByTestId('term-close').waitFor();

  // the first term (over by now) closed, then this class-subject unlocked in it
  const first = p.structure.terms[0];
  assert.ok(first.ends_on < today(), 'the first term is over');
  await page.selectOption('#jg-term', String(first.number));
  await page.waitForURL(new RegExp(`term=${first.number}`));
  await page.getByTestId('journal-grid').waitFor();
  await page.getByTestId('term-state').waitFor();
  await settle(page);
  // (a second run on the same server finds it closed already: refused, in Kazakh, or
  // locked again, with nothing to close)
  if (await page.getByTestId('term-close').count()) {
    await page.getByTestId('term-close').click();
    await page.getByTestId('close-yes').click();
    await page.locator('[data-testid="term-done"], [data-testid="term-refused"]').first().waitFor();
    if (await page.getByTestId('term-done').count()) {
      assert.match(await page.getByTestId('term-done').innerText(), new RegExp(`${first.number}-тоқсан жабылды`));
      await page.getByTestId('term-state').filter({ hasText: /құлыпталған/ }).waitFor();
      await screenshots(page, 'journal-term-closed');
    }
  }
  assert.equal(await page.getByTestId('term-close').count(), 0, 'a closed term has no close button');
  await page.getByTestId('term-unlock').click();
  await page.locator('#unlock-reason').fill('Бағаны түзету');
  await page.selectOption('#unlock-hours', '4');
  await page.getByTestId('unlock-yes').click();
  await page.getByTestId('term-done').filter({ hasText: /ашылды/ }).waitFor();
  await page.getByTestId('term-state').filter({ hasText: /жазуға болады/ }).waitFor();
  await screenshots(page, 'journal-term-unlocked');
  assertClean(page);
});
