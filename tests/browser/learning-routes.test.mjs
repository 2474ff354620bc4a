// Individual learning routes (ОЖОМ, issue 8) in the web app. The demo's teacher (who
// curates 7А) writes a route for the demo student from the student's page: the form is
// refused first with its rule at the field (IR-1: "other" without its description),
// nothing written; saved, the route's page shows it as a draft, and "I agree" records the
// teacher's and curator's agreements at once (IR-2); the student agrees from the diary's
// list and the route is agreed. The teacher then records a week's assessment with a
// correction of the diagnostic component, shown with the text it replaced (IR-3), and,
// the route having ended, writes the conclusions (IR-4). The academic deputy's quarter
// page lists every route student with results and attendance (IR-5). The interface speaks
// Kazakh by default, so the checks read data attributes and numbers. Screenshots at 1440
// and 390 px; no page scrolls sideways on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, PHONE, SHOTS, apiSession } from './harness.mjs';

before(launch);
after(close);

const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

test('a teacher writes a route, the student agrees, the teacher assesses and concludes it', async () => {
  const studentApi = await apiSession('student');
  const me = await studentApi('GET', '/me');
  const sid = me.student.id;
  const before = (await studentApi('GET', `/students/${sid}/learning-routes`)).items.length;

  const page = await newPage();
  await signIn(page, 'teacher');
  await page.goto(`/students/${sid}`);
  await page.getByTestId('ir-list').waitFor();
  await page.getByTestId('ir-new').click();
  const form = page.getByTestId('ir-form');
  await form.waitFor();
  await settle(page);
  const subject = await form.locator('#f-subject_ids option:not([value=""])').first().getAttribute('value');
  await form.locator('#f-subject_ids').selectOption(subject);
  await form.locator('#f-reason').selectOption('other');
  await form.locator('#f-span').selectOption('section');
  await form.locator('#f-span_title').fill('2-бөлім: Тригонометрия');
  await form.locator('#f-starts_on').fill('2026-11-03');
  await form.locator('#f-ends_on').fill('2026-11-20');
  const parts = {
    target: 'Бөлімнің оқу мақсаттарына жету.',
    content: 'Синус, косинус, тангенс.',
    technological: 'Саралап оқыту, жұптық жұмыс.',
    diagnostic: 'Апта сайынғы қысқа тест.',
    organisational: 'Сейсенбі 15:00, 204 кабинет.',
  };
  for (const [k, v] of Object.entries(parts)) await form.locator(`#f-${k}`).fill(v);
  await form.locator('[id="f-schedule[0].date"]').fill('2026-11-05');
  await form.locator('[id="f-schedule[0].activity"]').fill('Синус пен косинус');
  await form.locator('[id="f-schedule[0].form"]').fill('сабақта жеке тапсырма');
  await page.getByTestId('ir-add-row').click();
  await form.locator('[id="f-schedule[1].date"]').fill('2026-11-12');
  await form.locator('[id="f-schedule[1].activity"]').fill('Тангенс');
  await form.locator('[id="f-schedule[1].form"]').fill('өз бетімен оқу');

  /* "other" without its description: the refusal at the field, with its rule, nothing written */
  page.expectStatus(/\/api\/v1\/students\/\d+\/learning-routes$/, 422);
  await page.getByTestId('ir-save').click();
  const err = form.locator('[data-field="reason_note"] [data-testid="field-error"]');
  await err.waitFor();
  assert.match(await page.getByTestId('broken-rules').innerText(), /IR-1/);
  assert.equal((await studentApi('GET', `/students/${sid}/learning-routes`)).items.length, before, 'nothing written');
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'the form has no sideways scroll at 390 px');
  await screenshots(page, 'learning-route-form-refused');

  await form.locator('#f-reason_note').fill('Басқа мектептен ауысып келді');
  await page.getByTestId('ir-save').click();
  const facts = page.getByTestId('ir-facts');
  await facts.waitFor();
  assert.equal(await facts.getAttribute('data-status'), 'draft');
  const routeId = Number(new URL(page.url()).pathname.split('/').pop());
  assert.ok(routeId > 0, 'on the route page');

  /* the draft is changed through the same form */
  await page.getByTestId('ir-edit').click();
  await form.waitFor();
  await settle(page);
  assert.equal(await form.locator('#f-span_title').inputValue(), '2-бөлім: Тригонометрия', 'the form shows the route');
  await form.locator('#f-target').fill('Тригонометриялық функцияларды меңгеру.');
  await page.getByTestId('ir-save').click();
  await facts.waitFor();
  assert.match(await page.locator('[data-field="target"] dd').innerText(), /Тригонометриялық функцияларды/);

  /* the teacher, who also curates 7А, agrees as both */
  await page.getByTestId('ir-agree').click();
  await page.getByTestId('ir-agreed').waitFor();
  for (const a of ['teacher', 'curator'])
    assert.equal(await page.locator(`[data-agreement="${a}"]`).getAttribute('data-agreed'), 'yes');
  assert.equal(await page.locator('[data-agreement="student"]').getAttribute('data-agreed'), 'no');
  assertClean(page);

  /* the student agrees from the diary's list of routes */
  const sp = await newPage();
  await signIn(sp, 'student');
  await sp.setViewportSize(PHONE);
  await sp.goto('/diary');
  await sp.locator(`[data-testid="ir-list"] [data-route="${routeId}"] a`).click();
  await sp.getByTestId('ir-agree').click();
  await sp.getByTestId('ir-agreed').waitFor();
  assert.equal(await sp.getByTestId('ir-facts').getAttribute('data-status'), 'agreed');
  assert.equal(await sp.getByTestId('ir-agree').count(), 0, 'nothing left to agree');
  await sp.goto('/diary');
  await sp.locator(`[data-testid="ir-list"] [data-route="${routeId}"]`).waitFor();
  assert.ok(await noSideScroll(sp), 'the diary has no sideways scroll at 390 px');
  await screenshots(sp, 'learning-route-diary');
  /* the diary is long: the routes' part alone, at phone width */
  await sp.setViewportSize(PHONE);
  await sp.getByTestId('ir-list').screenshot({ path: path.join(SHOTS, 'learning-route-diary-list-390.png') });
  assertClean(sp);

  /* the week's assessment with a correction, kept with the text it replaced */
  await page.goto(`/learning-routes/${routeId}`);
  const af = page.getByTestId('ir-assess-form');
  await af.waitFor();
  await af.locator('#f-assessed_on').fill('2026-11-13');
  await af.locator('#f-progress').selectOption('behind');
  await af.locator('#f-comment').fill('Тангенсті әлі шатастырады.');
  await af.locator('#f-correction-part').selectOption('diagnostic');
  await af.locator('#f-correction-text').fill('Екі апта сайын тест, қосымша кеңес.');
  await page.getByTestId('ir-assess').click();
  await page.getByTestId('ir-assessed').waitFor();
  const list = page.getByTestId('ir-assessment-list');
  await list.locator('li').first().waitFor();
  assert.equal(await list.locator('li').count(), 1);
  assert.equal(await page.getByTestId('ir-correction').count(), 1);
  assert.match(await page.locator('[data-field="diagnostic"] dd').innerText(), /Екі апта сайын тест/);
  const r = await studentApi('GET', `/learning-routes/${routeId}`);
  assert.equal(r.assessments[0].corrections[0].before, parts.diagnostic);
  assert.deepEqual(r.overdue_weeks, ['2026-11-02', '2026-11-16'], 'the weeks of 2 and 16 November are overdue');
  assert.equal(await page.getByTestId('ir-overdue').locator('.badge').count(), 2);

  /* ended on 20 November: the teacher writes the conclusions (IR-4) */
  const cf = page.getByTestId('ir-conclude-form');
  await cf.locator('#f-conclusions').fill('Бөлімнің негізгі мақсаттарына жетті.');
  await cf.locator('#f-recommendations').fill('Сабақта саралап тапсырма беруді жалғастыру.');
  await page.getByTestId('ir-conclude').click();
  await page.getByTestId('ir-conclusions').waitFor();
  assert.equal(await page.getByTestId('ir-facts').getAttribute('data-status'), 'concluded');
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'the route page has no sideways scroll at 390 px');
  await screenshots(page, 'learning-route-page');
  assertClean(page);
});

test("the deputies' quarter page: each route student's results and attendance", async () => {
  const api = await apiSession('deputy');
  const me = await api('GET', '/me');
  const school = me.user.school_id;
  const q = await api('GET', `/schools/${school}/learning-routes/quarter`);
  assert.ok(q.items.length >= 8, 'the demo routes under way in the quarter');

  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/schools/${school}/learning-routes`);
  const list = page.getByTestId('ir-quarter');
  await list.waitFor();
  await settle(page);
  assert.equal(await list.locator('li[data-route]').count(), q.items.length);
  const held = await list.locator('[data-testid="ir-attendance"]').evaluateAll((els) => els.map((e) => Number(e.dataset.held)));
  assert.ok(held.some((n) => n > 0), 'lessons held in the quarter are counted');
  /* a class's routes, as its curator opens them from the class's page */
  const one = q.items[0];
  await page.goto(`/classes/${one.student.class_id}`);
  await page.getByTestId('class-routes').click();
  await page.waitForURL(new RegExp(`class=${one.student.class_id}`));
  await page.locator(`[data-testid="ir-quarter"] li[data-route="${one.id}"]`).waitFor();
  const shown = await page.locator('[data-testid="ir-quarter"] li[data-route]').count();
  assert.equal(shown, q.items.filter((r) => r.student.class_id === one.student.class_id).length);
  await page.getByTestId('ir-class').selectOption('');
  await page.waitForURL((u) => !u.search.includes('class='));
  assert.equal(await page.getByTestId('ir-term').inputValue(), String(q.term.number));
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'the quarter page has no sideways scroll at 390 px');
  await screenshots(page, 'learning-routes-quarter');

  /* another quarter: the first, whose routes ended or began in it */
  await page.getByTestId('ir-term').selectOption('1');
  await page.waitForURL(/term=1/);
  await settle(page);
  const q1 = await api('GET', `/schools/${school}/learning-routes/quarter?term=1`);
  /* the list is replaced once quarter 1's reply is in: the routes of that quarter alone */
  const ids = q1.items.map((r) => String(r.id)).sort();
  await page.waitForFunction((want) => {
    const got = [...document.querySelectorAll('[data-testid="ir-quarter"] li[data-route]')].map((e) => e.dataset.route).sort();
    return got.join() === want.join();
  }, ids);
  assertClean(page);
});
