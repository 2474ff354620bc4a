// Elective courses (issue 8) through the student's page, at phone width: the demo student
// (who has chosen nothing) opens "Elective courses" from home, sees the weekly load and the
// ЖОЖ's elective hours, chooses a course — it moves to the chosen ones and the hours
// follow — and, choosing on past the ЖОЖ's hours, gets the refusal at the course with its
// rule (ELE-1) and figures, nothing written; then switches a course on an application
// (ELE-13), refused first without the applicants; the diary lists them (ELE-11). The
// academic deputy then opens another
// student's page and sees the results of each period with the figures that decided them
// (ELE-9, ELE-10: the demo's sessions so far). The interface speaks the user's language
// (Kazakh by default), so the checks read numbers and data attributes, not words.
// Screenshots at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, PHONE, apiSession, BASE, PASSWORD } from './harness.mjs';

before(launch);
after(close);

const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

test('a student chooses an elective', async () => {
  const api = await apiSession('student');
  const me = await api('GET', '/me');
  const card = await api('GET', `/students/${me.student.id}/electives`);
  assert.equal(card.choices.length, 0, 'the demo student has chosen nothing');
  assert.ok(card.load.set && card.offered.length >= 2, 'the grade is offered courses');

  const page = await newPage();
  await signIn(page, 'student');
  await page.setViewportSize(PHONE);
  await page.getByTestId('my-electives').click();
  await page.getByTestId('el-load').waitFor();
  await settle(page);
  const hoursRe = (n, of) => new RegExp(`\\b${n}\\D+${of}\\b`);
  await page.getByTestId('el-hours').filter({ hasText: hoursRe(0, card.load.elective_hours) }).waitFor();
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  await screenshots(page, 'electives-student-before');

  /* the first course: chosen, listed among the student's, the hours follow */
  const first = card.offered[0];
  await page.setViewportSize(PHONE);
  await page.locator(`[data-course="${first.id}"] button`).click();
  await page.getByTestId('el-chosen').waitFor();
  await page.locator(`[data-testid="el-mine"] [data-course="${first.id}"]`).waitFor();
  await page.getByTestId('el-hours').filter({ hasText: hoursRe(first.hours, card.load.elective_hours) }).waitFor();
  assert.equal(await page.locator(`[data-testid="el-offered"] [data-course="${first.id}"]`).count(), 0, 'no longer offered');
  await screenshots(page, 'electives-student-chosen');

  /* on past the ЖОЖ's hours: the refusal at the course, with its rule; nothing written */
  let hours = first.hours;
  const rest = card.offered.slice(1);
  for (const c of rest) {
    const over = hours + c.hours > card.load.elective_hours;
    if (over) page.expectStatus(/\/api\/v1\/students\/\d+\/electives$/, 422);
    await page.locator(`[data-course="${c.id}"] button`).click();
    if (!over) {
      await page.locator(`[data-testid="el-mine"] [data-course="${c.id}"]`).waitFor();
      hours += c.hours;
      continue;
    }
    const err = page.locator(`[data-course="${c.id}"] [data-testid="field-error"]`);
    await err.waitFor();
    assert.match(await err.innerText(), /ELE-1 ·/);
    assert.match(await page.getByTestId('broken-rules').innerText(), /ELE-1/);
    const after = await api('GET', `/students/${me.student.id}/electives`);
    assert.equal(after.load.chosen, hours, 'the refused course was not written');
    assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
    await screenshots(page, 'electives-student-refused');
    break;
  }

  /* a switch (ELE-13): without the applicants it is refused, with them recorded */
  const now = await api('GET', `/students/${me.student.id}/electives`);
  const target = now.offered.find((o) => !o.chosen && o.hours <= first.hours);
  if (target) {
    await page.setViewportSize(PHONE);
    await page.locator(`[data-testid="el-mine"] [data-course="${first.id}"] [data-testid="el-switch-open"]`).click();
    const form = page.getByTestId('el-switch-form');
    await form.locator('#f-switch-course').selectOption(String(target.id));
    page.expectStatus(/\/api\/v1\/students\/\d+\/electives\/switch$/, 422);
    await form.locator('button[type=submit]').click();
    await form.getByTestId('field-error').waitFor();
    await form.locator('#f-switch-applicant').fill('Богданова К., Богданов Н.');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('el-switched').waitFor();
    await page.locator(`[data-testid="el-mine"] [data-course="${target.id}"]`).waitFor();
    const after = await api('GET', `/students/${me.student.id}/electives`);
    const sw = after.choices.find((x) => x.course_id === target.id && x.ends_on === null);
    assert.equal(sw.switched, true, 'remembered as a switch');
    await screenshots(page, 'electives-student-switched');
  }

  /* the diary shows them too (ELE-11) */
  const openNow = (await api('GET', `/students/${me.student.id}/electives`)).choices.filter((x) => x.ends_on === null);
  await page.goto('/diary');
  for (const x of openNow) await page.locator(`[data-testid="diary-electives"] [data-course="${x.course_id}"]`).waitFor();
  assertClean(page);
  await page.context().close();
});

test('the academic deputy sees a student’s results with their figures', async () => {
  const api = await apiSession('deputy');
  const me = await api('GET', '/me');
  const classes = (await api('GET', `/schools/${me.user.school_id}/classes?limit=500`)).items.filter((c) => c.grade === 8);
  const someone = (await api('GET', `/classes/${classes[0].id}/students?limit=1`)).items[0];
  const card = await api('GET', `/students/${someone.id}/electives`);
  const held = card.choices.find((x) => x.results?.semester_1?.held > 0);
  assert.ok(held, 'a course with a semester of sessions so far (the demo)');
  const r = held.results.semester_1;

  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/students/${someone.id}`);
  await page.getByTestId('el-link').click();
  await page.getByTestId('el-mine').waitFor();
  await page.setViewportSize(PHONE);
  const row = page.locator(`[data-testid="el-mine"] [data-course="${held.course_id}"] [data-period="semester_1"]`);
  assert.equal(await row.getAttribute('data-result'), r.result);
  const text = await row.innerText();
  for (const n of [r.attended, r.held, r.required_percent]) assert.match(text, new RegExp(`\\b${n}\\b`));
  /* mid-semester, before its test work: on track when attendance is enough, else the
   * journal's word with "so far" */
  if (r.final || r.attendance_short || r.test_works_held > 0) assert.ok(text.includes(r.result), 'сыналды / сыналмады as the journal writes it');
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  await screenshots(page, 'electives-deputy-results');
  assertClean(page);
  await page.context().close();
});

test('the teacher keeps a group’s session journal; the deputy sees the courses and results', async () => {
  const api = await apiSession('teacher');
  const me = await api('GET', '/me');
  const courses = (await api('GET', `/schools/${me.user.school_id}/electives`)).items;
  const mine = courses.find((c) => c.staff_id === me.staff_id);
  assert.ok(mine, "the demo teacher teaches a course");

  const page = await newPage();
  await signIn(page, 'teacher');
  await page.goto(`/schools/${me.user.school_id}/electives`);
  await page.getByTestId('el-courses').waitFor();
  await page.locator(`a[href="/electives/${mine.id}"]`).click();
  await page.getByTestId('el-groups').waitFor();
  await page.getByTestId('el-results').waitFor();
  await page.locator('[data-testid="el-groups"] a').first().click();
  await page.getByTestId('el-roll').waitFor();
  await settle(page);
  const rows = page.locator('[data-testid="el-roll"] li');
  assert.ok((await rows.count()) >= 12, 'the group has its members');

  /* an absence without its reason: refused at the student's row, nothing written */
  const first = rows.first();
  const sid = await first.getAttribute('data-student');
  await page.setViewportSize(PHONE);
  await first.locator('button.mark').nth(1).click();
  page.expectStatus(/\/api\/v1\/elective-groups\/\d+\/sessions$/, 422);
  await page.locator('[data-testid="el-session-form"] button[type=submit]').click();
  await page.locator(`[data-student="${sid}"] [data-testid="field-error"]`).waitFor();
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  await screenshots(page, 'electives-teacher-refused');

  /* with the reason: saved, and listed among the sessions */
  await first.locator('select').selectOption('illness');
  await page.locator('#f-plan_position').selectOption({ index: 1 });
  await page.locator('[data-testid="el-session-form"] button[type=submit]').click();
  await page.getByTestId('el-session-saved').waitFor();
  await page.locator('[data-testid="el-sessions"] li').first().waitFor();
  await screenshots(page, 'electives-teacher-saved');
  assertClean(page);
  await page.context().close();

  const deputy = await newPage();
  await signIn(deputy, 'deputy');
  await deputy.goto(`/electives/${mine.id}`);
  await deputy.getByTestId('el-results').waitFor();
  await deputy.setViewportSize(PHONE);
  assert.ok(await noSideScroll(deputy), 'the course page: no sideways scroll at 390 px');
  await screenshots(deputy, 'electives-deputy-course');
  await deputy.goto(`/schools/${me.user.school_id}/electives`);
  await deputy.getByTestId('el-courses').waitFor();
  await deputy.setViewportSize(PHONE);
  assert.ok(await noSideScroll(deputy), 'the courses page: no sideways scroll at 390 px');
  await screenshots(deputy, 'electives-deputy-courses');
  assertClean(deputy);
  await deputy.context().close();
});

test('the deputy forms a group: under 12 for a second foreign language is refused (ELE-4), 12 are formed', async () => {
  const api = await apiSession('deputy');
  const me = await api('GET', '/me');
  const school = me.user.school_id;
  const teacher = (await (await apiSession('teacher'))('GET', '/me')).staff_id;
  /* grade-8 students of the demo's year (other test files of the run may have made more
   * years and classes) */
  const eights = [];
  let year = null;
  for (const cl of (await api('GET', `/schools/${school}/classes?limit=500`)).items.filter((c) => c.grade === 8)) {
    const studying = (await api('GET', `/classes/${cl.id}/students?limit=100`)).items.filter((s) => s.status === 'studying');
    if (!studying.length || (year && cl.academic_year_id !== year)) continue;
    year = cl.academic_year_id;
    eights.push(...studying);
  }
  /* room in grade 8 for one more hour (the demo's choices fill the ЖОЖ's 2) */
  const curricula = await api('GET', `/schools/${school}/curricula`);
  const joj = (curricula.items ?? curricula).find((k) => k.academic_year_id === year);
  await api('PUT', `/curricula/${joj.id}/electives`, { grades: [{ grade: 8, elective_hours: 4, max_weekly_hours: 40 }] });
  const course = await api('POST', `/schools/${school}/electives`, {
    academic_year_id: year, title: { kk: 'Француз тілі', ru: 'Французский язык', en: 'French' }, kind: 'interest',
    direction: 'languages', second_language: true, grade_from: 8, grade_to: 8, hours: 1, staff_id: teacher,
  });
  await api('PUT', `/electives/${course.id}/programme`, {
    author: 'Test', year_label: '2026-2027', explanatory_note: 'Мақсаты', content: 'Мазмұны', recommendations: 'Әдістері',
    literature: 'Әдебиет', plan: [{ section: 'Кіріспе', topic: 'Сәлемдесу', hours: 2, form: 'диалог' }],
  });
  const crit = Object.fromEntries(['novelty', 'motivation', 'development', 'completeness', 'sequence', 'active_methods',
    'control', 'realism', 'structure'].map((k) => [k, { score: 2 }]));
  await api('POST', `/electives/${course.id}/reviews`, { reviewer: 'ӘБ', reviewed_on: '2026-06-10', criteria: crit });
  await api('POST', `/electives/${course.id}/programme/approve`, { date: '2026-06-20', protocol_number: '3' });
  /* twelve who may still choose */
  const token = (await (await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'deputy', password: PASSWORD }) })).json()).token;
  let chosen = 0;
  for (const s of eights) {
    if (chosen === 12) break;
    const r = await fetch(`${BASE}/api/v1/students/${s.id}/electives`, { method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ course_id: course.id }) });
    if (r.status === 201) chosen++;
  }
  assert.equal(chosen, 12, 'twelve grade-8 students chose the course');

  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/electives/${course.id}`);
  const form = page.getByTestId('el-group-form');
  await form.waitFor();
  await settle(page);
  const boxes = form.locator('ul.free input[type=checkbox]');
  assert.equal(await boxes.count(), 12, 'the twelve who chose it, in no group');
  for (let i = 0; i < 11; i++) await boxes.nth(i).check();
  await form.locator('#f-name').fill('1');
  page.expectStatus(/\/api\/v1\/electives\/\d+\/groups$/, 422);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('broken-rules').filter({ hasText: 'ELE-4' }).waitFor();
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  await screenshots(page, 'electives-deputy-group-refused');
  await boxes.nth(11).check();
  await form.locator('button[type=submit]').click();
  await page.getByTestId('el-group-formed').waitFor();
  await page.getByTestId('el-groups').waitFor();
  const groups = await api('GET', `/electives/${course.id}/groups`);
  assert.equal(groups.items.length, 1);
  assert.equal(groups.items[0].size, 12);
  await screenshots(page, 'electives-deputy-group-formed');
  assertClean(page);
  await page.context().close();
});

test('the deputy opens a course, and its programme is written, reviewed and approved (ELE-5..ELE-7)', async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  const me = await (await apiSession('deputy'))('GET', '/me');
  await page.goto(`/schools/${me.user.school_id}/electives`);
  await page.getByTestId('el-open').click();
  const form = page.getByTestId('el-course-form');
  await form.locator('[id="f-title.kk"]').fill('Астрономия');
  await form.locator('[id="f-title.ru"]').fill('Астрономия для всех');
  await form.locator('[id="f-title.en"]').fill('Astronomy');
  await form.locator('#f-grade_from').fill('9');
  await form.locator('#f-grade_to').fill('8');
  page.expectStatus(/\/api\/v1\/schools\/\d+\/electives$/, 422);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('form-errors').waitFor();
  await form.locator('#f-grade_to').fill('11');
  await form.locator('button[type=submit]').click();
  await page.getByTestId('el-programme-form').waitFor();

  /* approving an empty programme: every missing part (ELE-6) and the review (ELE-7) */
  page.expectStatus(/\/api\/v1\/electives\/\d+\/programme\/approve$/, 422);
  await page.getByTestId('el-approve-form').locator('#f-approve-protocol_number').fill('4');
  await page.getByTestId('el-approve-form').locator('button[type=submit]').click();
  const rules = page.getByTestId('broken-rules');
  await rules.waitFor();
  assert.match(await rules.innerText(), /ELE-6/);
  assert.match(await rules.innerText(), /ELE-7/);
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  await screenshots(page, 'electives-programme-refused');

  const prog = page.getByTestId('el-programme-form');
  await prog.locator('#f-write-author').fill('Ахметова Г.');
  await prog.locator('#f-write-year_label').fill('2026-2027');
  for (const k of ['explanatory_note', 'content', 'recommendations', 'literature'])
    await prog.locator(`#f-write-${k}`).fill(`${k}: мәтін`);
  await prog.getByTestId('el-plan-add').click();
  const row = prog.locator('.row').first().locator('input');
  await row.nth(0).fill('Күн жүйесі');
  await row.nth(1).fill('Планеталар');
  await row.nth(3).fill('практикум');
  await prog.locator('button[type=submit]').click();
  await page.getByTestId('el-programme-done').waitFor();
  const review = page.getByTestId('el-review-form');
  await review.locator('#f-review-reviewer').fill('Сейітова Ә.');
  await review.locator('button[type=submit]').click();
  await page.getByTestId('el-approve-form').waitFor();
  await page.locator('text=/27/').first().waitFor();
  await page.getByTestId('el-approve-form').locator('#f-approve-protocol_number').fill('4');
  await page.getByTestId('el-approve-form').locator('button[type=submit]').click();
  await page.getByTestId('el-approve-form').waitFor({ state: 'detached' });
  const id = /\/electives\/(\d+)/.exec(page.url())[1];
  const p = await (await apiSession('deputy'))('GET', `/electives/${id}/programme`);
  assert.equal(p.status, 'approved');
  assert.equal(p.plan[0].topic, 'Планеталар');
  assert.equal(p.reviews[0].total, 18);
  await screenshots(page, 'electives-programme-approved');
  assertClean(page);
  await page.context().close();
});
