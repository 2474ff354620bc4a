// The elective courses' forms that were in the API only (issue 8): the academic deputy
// adds a student who switched to a course during the year to its group (ELE-3, ELE-13),
// records a student's final product (ELE-8), changes a course and closes it (ELE-2), and
// sets the ЖОЖ's elective hours and weekly maximum per grade (ELE-1, ELE-12). Each form is
// refused first and shows the server's problems at their fields — the ЖОЖ's in Kazakh,
// Russian and English — then saved, and the API confirms what was written. Screenshots
// at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, PHONE, DESKTOP, apiSession } from './harness.mjs';

before(launch);
after(close);

const today = new Date(Date.now() + 5 * 3600 * 1000).toISOString().slice(0, 10);
const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
const fieldError = (scope, field) => scope.locator(`[data-field="${field}"] [data-testid=field-error]`);

let api;
let course; // a grade-9 course of this test, approved
let group; // its group, of the second switcher
let switchers; // two grade-9 students who switched to it
let joj; // the ЖОЖ of the demo's year

before(async () => {
  api = await apiSession('deputy');
  const me = await api('GET', '/me');
  const school = me.user.school_id;
  /* grade-9 students of the demo's year who chose one of its 1-hour courses */
  let year = null;
  switchers = [];
  for (const cl of (await api('GET', `/schools/${school}/classes?limit=500`)).items.filter((c) => c.grade === 9)) {
    if (year && cl.academic_year_id !== year) continue;
    for (const s of (await api('GET', `/classes/${cl.id}/students?limit=100`)).items.filter((x) => x.status === 'studying')) {
      const card = await api('GET', `/students/${s.id}/electives`);
      const from = card.choices.find((c) => !c.ends_on && !c.switched && c.hours === 1);
      if (!from) continue;
      year = cl.academic_year_id;
      switchers.push({ ...s, from });
      if (switchers.length === 2) break;
    }
    if (switchers.length === 2) break;
  }
  assert.equal(switchers.length, 2, 'two grade-9 students with a 1-hour choice');
  joj = (await api('GET', `/schools/${school}/curricula`)).items.find((k) => k.academic_year_id === year);
  course = await api('POST', `/schools/${school}/electives`, {
    academic_year_id: year, title: { kk: 'Жасанды интеллект', ru: 'Искусственный интеллект', en: 'Artificial intelligence' },
    /* no teacher: electives.test.mjs finds the demo teacher's course by its teacher */
    kind: 'interest', direction: 'it', grade_from: 9, grade_to: 9, hours: 1,
  });
  await api('PUT', `/electives/${course.id}/programme`, {
    author: 'Test', year_label: '2026-2027', explanatory_note: 'Мақсаты', content: 'Мазмұны', recommendations: 'Әдістері',
    literature: 'Әдебиет', plan: [{ section: 'Кіріспе', topic: 'Нейрон', hours: 2, form: 'практикум' }],
  });
  const crit = Object.fromEntries(['novelty', 'motivation', 'development', 'completeness', 'sequence', 'active_methods',
    'control', 'realism', 'structure'].map((k) => [k, { score: 2 }]));
  await api('POST', `/electives/${course.id}/reviews`, { reviewer: 'ӘБ', reviewed_on: '2026-06-10', criteria: crit });
  await api('POST', `/electives/${course.id}/programme/approve`, { date: '2026-06-20', protocol_number: '7' });
  /* both switch to it on an application today (ELE-13); the second is put in a group */
  for (const s of switchers)
    await api('POST', `/students/${s.id}/electives/switch`, { from_course_id: s.from.course_id, course_id: course.id,
      application_on: today, applicant: 'Ата-анасы' });
  group = await api('POST', `/electives/${course.id}/groups`, { name: '1', members: [{ student_id: switchers[1].id }] });
});

test('the deputy adds the student who switched to the course to its group (ELE-3, ELE-13)', async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/elective-groups/${group.id}`);
  const form = page.getByTestId('el-join-form');
  await form.waitFor();
  await settle(page);
  const [a] = switchers;
  const options = await form.locator('#f-join-student_id option').allTextContents();
  assert.equal(options.length, 2, `only the switcher in no group is offered: ${options}`);
  assert.ok(options[1].includes(a.last_name), options[1]);
  /* nobody picked: the refusal at the field */
  page.expectStatus(/\/api\/v1\/elective-groups\/\d+\/members$/, 422);
  await form.locator('button[type=submit]').click();
  await fieldError(form, 'join-student_id').waitFor();
  await page.getByTestId('form-errors').waitFor();
  await screenshots(page, 'electives-join-refused');
  await form.locator('#f-join-student_id').selectOption(String(a.id));
  await form.locator('button[type=submit]').click();
  await page.getByTestId('el-join-done').waitFor();
  await page.getByTestId('el-join-none').waitFor();
  const g = await api('GET', `/elective-groups/${group.id}`);
  const m = g.members.find((x) => x.student_id === a.id);
  assert.ok(m, 'the switcher is a member');
  assert.equal(m.joined_on, today, 'from the first day of the new choice');
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  await screenshots(page, 'electives-join-done');
  assertClean(page);
  await page.context().close();
});

test("the deputy records a student's final product (ELE-8)", async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/electives/${course.id}`);
  const form = page.getByTestId('el-product-form');
  await form.waitFor();
  await settle(page);
  await page.getByTestId('el-products-none').waitFor();
  /* no student, no title, a day ahead: each at its field */
  const tomorrow = new Date(Date.parse(today) + 86400000).toISOString().slice(0, 10);
  await form.locator('#f-product-recorded_on').fill(tomorrow);
  page.expectStatus(/\/api\/v1\/electives\/\d+\/products$/, 422);
  await form.locator('button[type=submit]').click();
  await fieldError(form, 'product-student_id').waitFor();
  await fieldError(form, 'product-title').waitFor();
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  await page.setViewportSize(DESKTOP);
  await screenshots(page, 'electives-product-refused');
  /* the date's refusal comes once the body is whole: the server checks it after the fields */
  await form.locator('#f-product-student_id').selectOption(String(switchers[1].id));
  await form.locator('#f-product-kind').selectOption('presentation');
  await form.locator('#f-product-title').fill('Нейрондық желі туралы таныстырылым');
  await form.locator('button[type=submit]').click();
  await fieldError(form, 'product-recorded_on').waitFor();
  await form.locator('#f-product-recorded_on').fill(today);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('el-product-done').waitFor();
  await page.getByTestId('el-product-list').filter({ hasText: 'Нейрондық желі' }).waitFor();
  const products = await api('GET', `/electives/${course.id}/products`);
  assert.equal(products.items.length, 1);
  assert.deepEqual([products.items[0].student_id, products.items[0].kind, products.items[0].recorded_on],
    [switchers[1].id, 'presentation', today]);
  await screenshots(page, 'electives-product-recorded');
  assertClean(page);
  await page.context().close();
});

test('the deputy changes the course, refused at its fields, then closes it (ELE-2)', async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/electives/${course.id}`);
  await page.getByTestId('el-edit').click();
  const form = page.getByTestId('el-edit-form');
  await form.waitFor();
  await settle(page);
  assert.equal(await form.locator('[id="f-edit-title.en"]').inputValue(), 'Artificial intelligence');
  /* two hours for a course students chose, the grades reversed: both at their fields */
  await form.locator('#f-edit-hours').fill('2');
  await form.locator('#f-edit-grade_from').fill('10');
  page.expectStatus(/\/api\/v1\/electives\/\d+$/, 422);
  await form.locator('button[type=submit]').click();
  await fieldError(form, 'edit-hours').waitFor();
  await fieldError(form, 'edit-grade_to').waitFor();
  assert.match(await fieldError(form, 'edit-hours').innerText(), /ELE-1/);
  await screenshots(page, 'electives-course-refused');
  await form.locator('#f-edit-hours').fill('1');
  await form.locator('#f-edit-grade_from').fill('9');
  await form.locator('[id="f-edit-title.en"]').fill('Artificial intelligence basics');
  await form.locator('#f-edit-active').uncheck();
  await form.locator('button[type=submit]').click();
  await page.getByTestId('el-course-saved').waitFor();
  await page.getByTestId('el-closed').waitFor();
  const c = await api('GET', `/electives/${course.id}`);
  assert.equal(c.active, false);
  assert.equal(c.title.en, 'Artificial intelligence basics');
  assert.equal(c.hours, 1);
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  await screenshots(page, 'electives-course-closed');
  assertClean(page);
  await page.context().close();
});

test("the deputy sets the ЖОЖ's elective hours and maximum per grade, refused at the cell in kk, ru, en", async () => {
  const before = await api('GET', `/curricula/${joj.id}/electives`);
  const nine = before.grades.find((g) => g.grade === 9);
  assert.ok(nine, "the demo's ЖОЖ gives grade 9 its elective hours");
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/curricula/${joj.id}`);
  const box = page.getByTestId('curriculum-electives');
  await box.locator('#f-el-9-elective_hours').waitFor();
  await settle(page);
  assert.equal(await box.locator('#f-el-9-elective_hours').inputValue(), String(nine.elective_hours));
  assert.equal(await box.locator('#f-el-9-max_weekly_hours').inputValue(), String(nine.max_weekly_hours));
  /* 25 elective hours a week (20 at most) and no maximum: both at grade 9's cells */
  await box.locator('#f-el-9-elective_hours').fill('25');
  await box.locator('#f-el-9-max_weekly_hours').fill('');
  page.expectStatus(/\/api\/v1\/curricula\/\d+\/electives$/, 422);
  const messages = {};
  for (const [lang, button] of [['kk', 'Қазақша'], ['ru', 'Русский'], ['en', 'English']]) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await box.locator('button[type=submit]').click();
    /* the refusal again, in the language now asked for: a message not seen before */
    const seen = Object.values(messages);
    const sel = '[data-field="el-9-elective_hours"] [data-testid=field-error]';
    await page.waitForFunction(([s, old]) => document.querySelector(s) && !old.includes(document.querySelector(s).innerText), [sel, seen]);
    await fieldError(box, 'el-9-max_weekly_hours').waitFor();
    messages[lang] = await fieldError(box, 'el-9-elective_hours').innerText();
    if (lang === 'kk') await screenshots(page, 'electives-limits-refused');
  }
  assert.equal(new Set(Object.values(messages)).size, 3, `a message in each language: ${JSON.stringify(messages)}`);
  assert.match(messages.kk, /[әғқңөұүһі]/);
  assert.match(messages.ru, /[а-яё]/);
  assert.match(messages.en, /^[\x20-\x7e]+$/);
  await page.getByRole('button', { name: 'Қазақша', exact: true }).click();
  /* the values back, one more hour of electives for grade 9: saved */
  await box.locator('#f-el-9-elective_hours').fill(String(nine.elective_hours + 1));
  await box.locator('#f-el-9-max_weekly_hours').fill(String(nine.max_weekly_hours));
  await box.locator('button[type=submit]').click();
  await page.getByTestId('curriculum-electives-saved').waitFor();
  const after = await api('GET', `/curricula/${joj.id}/electives`);
  assert.deepEqual(after.grades.find((g) => g.grade === 9), { ...nine, elective_hours: nine.elective_hours + 1 });
  assert.deepEqual(after.grades.filter((g) => g.grade !== 9), before.grades.filter((g) => g.grade !== 9), 'the other grades as they were');
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  await screenshots(page, 'electives-limits-saved');
  /* as it was, for the other tests of the run */
  await api('PUT', `/curricula/${joj.id}/electives`, { grades: [nine] });
  assertClean(page);
  await page.context().close();
});
