// The students' movement book (issue 7) through its pages: a parent files an externship
// for a grade-8 child from the child's card — first incomplete, and every refusal shows
// at its field with its rule (EXT-4), all at once — then complete; the academic deputy
// finds it on the school's deadlines page, checks the documents and records the
// council's decision; the director sees the order due (EXT-5, 3 working days) and signs
// it; the child's movement book shows the externship with its order; the application's
// page offers its PDFs (the form, the order, the consultation schedule) to the director
// and the parent, and each link answers 200 application/pdf; the director's contingent
// report page shows the month and downloads it as XLSX and PDF. Screenshots of each step
// at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, PHONE, apiSession, clickMenu, fetchInPage } from './harness.mjs';
import { DAY, isoOf, dmy, todayMs, TODAY, yearEnd, noSideScroll } from './movement_cases.mjs';

before(launch);
after(close);

/* The demo parent's child is in grade 7: a grade-8 student who is studying and has no
 * application yet is linked to the parent (as tests/api/movement.test.mjs does), once
 * per run — a child of an earlier run already had their externship (EXT-2). */
async function gradeEightChild() {
  const parent = await apiSession('parent');
  const deputy = await apiSession('deputy');
  let me = await parent('GET', '/me');
  const fresh = async (id) => (await parent('GET', `/students/${id}/movements`)).cases.length === 0;
  for (const c of me.children) if (c.class?.grade === 8 && c.status === 'studying' && (await fresh(c.id))) return c;
  const school = me.children[0]?.school_id ?? me.user.school_id;
  const classes = (await deputy('GET', `/schools/${school}/classes?limit=500`)).items.filter((c) => c.grade === 8);
  for (const cls of classes) {
    for (const s of (await deputy('GET', `/classes/${cls.id}/students?limit=50`)).items) {
      if (s.status !== 'studying' || me.children.some((c) => c.id === s.id)) continue;
      if ((await deputy('GET', `/students/${s.id}/movements`)).cases.length) continue;
      await deputy('POST', `/students/${s.id}/representatives`, { person_id: me.user.person_id, relation: 'mother' });
      me = await parent('GET', '/me');
      return me.children.find((c) => c.id === s.id);
    }
  }
  assert.fail('no grade-8 student to link');
}

/* Dates relative to the day the test runs (the server's day is Almaty's, UTC+5): the
 * steps are dated today; the externship starts in two weeks and lasts to 25 May of the
 * school year or 100 days, whichever is sooner (EXT-2). The deadlines' arithmetic across
 * weekends and holidays is tests/api/movement.test.mjs's, on fixed dates. */
const TOMORROW = isoOf(todayMs + DAY);
const STARTS = isoOf(todayMs + 14 * DAY);
const DAY_BEFORE_START = isoOf(todayMs + 13 * DAY);
const ENDS = [isoOf(todayMs + 114 * DAY), yearEnd].sort()[0];
const re = (text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/* Each PDF link of the application's page, fetched with the page's sign-in: 200,
 * application/pdf, %PDF-. Returns [what, lang] of the links. */
async function pdfLinks(page) {
  const links = page.getByTestId('mv-pdf');
  const out = [];
  for (let i = 0; i < (await links.count()); i++) {
    const a = links.nth(i);
    const href = await a.getAttribute('href');
    const got = await fetchInPage(page, href);
    assert.deepEqual(got, { status: 200, type: 'application/pdf', head: '%PDF-' }, href);
    out.push([await a.getAttribute('data-what'), await a.getAttribute('data-lang')]);
  }
  return out;
}

test('an externship from the parent’s application to the director’s order', async () => {
  const child = await gradeEightChild();
  assert.ok(child, 'a grade-8 child');

  // --- the parent files it ---------------------------------------------------------
  const parent = await newPage();
  parent.expectStatus(new RegExp(`^/api/v1/students/${child.id}/applications$`), 422);
  await signIn(parent, 'parent');
  await parent.locator(`[data-testid="child-movements"][href="/students/${child.id}/movements"]`).click();
  await parent.waitForURL(new RegExp(`/students/${child.id}/movements$`));
  await parent.getByTestId('mv-file').waitFor();
  assert.equal(await parent.locator('h1').innerText(), 'Оқушылар қозғалысы кітабы');
  await screenshots(parent, 'movement-book-before');

  await parent.getByTestId('mv-file').click();
  await parent.waitForURL(new RegExp(`/students/${child.id}/applications/new$`));
  const form = parent.getByTestId('mv-form');
  await form.waitFor();
  // externship is the kind chosen first; the ground, the period — and nothing else
  assert.ok(await form.locator('input[name=kind][value=externship]').isChecked());
  await form.locator('#f-ground').selectOption('representative_posted_abroad');
  await form.locator('#f-starts_on').fill(dmy(STARTS));
  await form.locator('#f-ends_on').fill(dmy(ENDS));
  await form.locator('#f-representative_mobile').fill('+77011234567');
  await form.locator('#f-representative_email').fill('ata-ana@example.kz');
  await parent.getByTestId('mv-submit').click();

  // every refusal at once, each at its field with its rule
  const summary = parent.getByTestId('form-errors');
  await summary.waitFor();
  assert.match(await parent.getByTestId('broken-rules').innerText(), /EXT-4/);
  const at = (field) => form.locator(`[data-field="${field}"] [data-testid="field-error"]`).first();
  assert.match(await at('documents.study_abroad_proof').innerText(), /^EXT-4 · /);
  assert.match(await at('documents.posting_abroad_proof').innerText(), /^EXT-4 · /);
  assert.match(await at('foreign_school').innerText(), /^EXT-4 · /);
  assert.match(await at('student_email').innerText(), /^EXT-4 · /);
  assert.equal(await form.locator('[data-field="ground"] [data-testid="field-error"]').count(), 0, 'the ground is given');
  assert.equal(await summary.locator('li').count(), 4, 'four problems, all at once');
  await screenshots(parent, 'movement-apply-refused');
  await parent.setViewportSize(PHONE);
  assert.ok(await noSideScroll(parent), 'the form does not scroll sideways at 390 px');
  await parent.setViewportSize({ width: 1440, height: 900 });

  // completed: filed, and its page says so
  await form.locator('#f-foreign_school').fill('Harrow School');
  await form.locator('#f-student_email').fill('oqushy@example.kz');
  await form.locator('[data-doc="study_abroad_proof"] input').check();
  await form.locator('[data-doc="posting_abroad_proof"] input').check();
  await parent.getByTestId('mv-submit').click();
  await parent.waitForURL(new RegExp(`/students/${child.id}/applications/\\d+$`));
  const caseId = Number(parent.url().split('/').pop());
  await parent.getByTestId('mv-steps').waitFor();
  assert.equal(await parent.getByTestId('mv-status').getAttribute('data-status'), 'filed');
  assert.equal(await parent.getByTestId('mv-next').count(), 0, 'the parent takes no step');
  assert.match(await parent.locator('[data-step="filed"]').innerText(), re(dmy(TODAY)));
  assert.match(await parent.getByTestId('mv-case-documents').innerText(), /шетелдік мекемелерге жұмысқа жіберілгенін/);
  await screenshots(parent, 'movement-application-filed');
  assertClean(parent);
  await parent.context().close();

  // --- the deputy checks the documents and records the council's decision ----------
  const deputy = await newPage();
  await signIn(deputy, 'deputy');
  await deputy.getByTestId('mv-home-open').waitFor();
  await screenshots(deputy, 'movement-home-deputy');
  await deputy.getByTestId('mv-home-deadlines').click();
  await deputy.waitForURL(/\/schools\/\d+\/deadlines$/);
  const row = deputy.locator(`[data-testid="mv-open-case"][data-case="${caseId}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /Құжаттарды тексеру/);
  await screenshots(deputy, 'movement-deadlines-deputy');
  await row.locator('a').click();
  await deputy.waitForURL(new RegExp(`/applications/${caseId}$`));
  const next = deputy.getByTestId('mv-next');
  await next.waitFor();
  assert.equal(await next.getAttribute('data-step'), 'documents_checked');
  await screenshots(deputy, 'movement-check-documents');
  await deputy.getByTestId('mv-check').click();
  await deputy.waitForFunction(() => document.querySelector('[data-testid="mv-status"]')?.dataset.status === 'documents_checked');
  await settle(deputy);
  assert.match(await deputy.locator('[data-step="documents_checked"]').innerText(), new RegExp(`${re(dmy(TODAY)).source} · .+\\(Директордың оқу ісі жөніндегі орынбасары\\)`));

  // the decision: dated tomorrow, it is refused (EXT-5) at its field, in Kazakh
  assert.equal(await next.getAttribute('data-step'), 'decided');
  deputy.expectStatus(new RegExp(`^/api/v1/applications/${caseId}/decision$`), 422);
  await deputy.locator('#f-protocol_number').fill('7');
  await deputy.locator('#f-date').fill(dmy(TOMORROW));
  await deputy.getByTestId('mv-decide').click();
  await deputy.getByTestId('form-errors').waitFor();
  assert.match(await deputy.getByTestId('broken-rules').innerText(), /EXT-5/);
  assert.match(await deputy.locator('[data-field="date"] [data-testid="field-error"]').innerText(), /^EXT-5 · Күн бүгінгі күннен кейін болмауы керек/);
  await screenshots(deputy, 'movement-decision-refused');
  await deputy.locator('#f-date').fill('');
  await deputy.getByTestId('mv-decide').click();
  await deputy.waitForFunction(() => document.querySelector('[data-testid="mv-status"]')?.dataset.status === 'approved');
  await settle(deputy);
  assert.match(await deputy.locator('[data-step="decided"]').innerText(), /Педагогикалық кеңес, №7 хаттама — мақұлданды/);
  // the order is due from the decision: 3 working days, across the weekend (EXT-5)
  // (the arithmetic is the API suite's; here: the page shows the day the API computed)
  const book = await (await apiSession('deputy'))('GET', `/students/${child.id}/movements`);
  const orderDue = book.cases.find((x) => x.id === caseId).deadlines.find((d) => d.code === 'order').due;
  assert.ok(orderDue >= isoOf(todayMs + 3 * DAY), `the order is due 3 working days on: ${orderDue}`);
  assert.ok(![0, 6].includes(new Date(orderDue).getUTCDay()), 'a working day');
  const due = deputy.locator('[data-testid="mv-deadline"][data-code="order"]');
  assert.match(await due.innerText(), re(dmy(orderDue)));
  assert.match(await due.innerText(), /EXT-5/);
  assert.equal(await deputy.getByTestId('mv-next').count(), 0, 'the order is the director’s');
  await screenshots(deputy, 'movement-decided');
  assertClean(deputy);
  await deputy.context().close();

  // --- the director signs the order --------------------------------------------------
  const director = await newPage();
  await signIn(director, 'director');
  await clickMenu(director, 'Мерзімдер');
  await director.waitForURL(/\/deadlines$/);
  const duty = director.locator(`[data-testid="mv-deadline"][data-case="${caseId}"][data-code="order"]`);
  await duty.waitFor();
  assert.match(await duty.innerText(), /Директор/);
  assert.match(await duty.innerText(), re(dmy(orderDue)));
  await screenshots(director, 'movement-deadlines-director');
  await duty.locator('a').click();
  await director.waitForURL(new RegExp(`/applications/${caseId}$`));
  await director.getByTestId('mv-order-form').waitFor();
  assert.equal(await director.locator('#f-starts_on').inputValue(), dmy(STARTS), 'the period asked for');
  assert.equal(await director.locator('#f-ends_on').inputValue(), dmy(ENDS));
  await director.locator('#f-number').fill('45-Ө');
  await screenshots(director, 'movement-order');
  await director.getByTestId('mv-order').click();
  await director.waitForFunction(() => document.querySelector('[data-testid="mv-status"]')?.dataset.status === 'done');
  await settle(director);
  assert.match(await director.locator('[data-step="ordered"]').innerText(), re(`№45-Ө бұйрық, ${dmy(TODAY)}`));
  // after the order: its copy to the contingent unit (EXT-9) and the list of subjects (EXT-6)
  await director.locator('[data-testid="mv-deadline"][data-code="contingent_copy"]').waitFor();
  await director.locator('[data-testid="mv-deadline"][data-code="subject_list"]').waitFor();
  await screenshots(director, 'movement-ordered');
  // the documents: the application, the order, the consultation schedule, in Kazakh
  assert.deepEqual(await pdfLinks(director), [['form', 'kk'], ['order', 'kk'], ['schedule', 'kk']]);
  assert.match(await director.getByTestId('mv-pdfs').innerText(), /Өтініш \(PDF\)[\s\S]*Бұйрық \(PDF\)/);

  // --- the month's contingent report, with the downloads ------------------------------
  await director.goto('/reports/contingent');
  await director.getByTestId('ct-counts').waitFor();
  for (const [id, type] of [['ct-pdf', 'application/pdf'], ['ct-xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']]) {
    const href = await director.getByTestId(id).getAttribute('href');
    assert.match(href, /format=(pdf|xlsx)&lang=kk/);
    const got = await fetchInPage(director, href); /* read whole: the page's network is idle again */
    assert.deepEqual([got.status, got.type], [200, type], href);
  }
  await screenshots(director, 'movement-contingent');
  assert.ok(await noSideScroll(director), 'the report does not scroll sideways at 390 px');
  assertClean(director);
  await director.context().close();

  // --- the child's movement book shows the externship --------------------------------
  const again = await newPage();
  await signIn(again, 'parent');
  await again.goto(`/students/${child.id}/movements`);
  await again.getByTestId('mv-book').waitFor();
  const rows = again.getByTestId('mv-book-row');
  assert.equal(await rows.count(), 2);
  assert.equal(await rows.nth(0).getAttribute('data-status'), 'studying');
  assert.match(await rows.nth(0).innerText(), re(dmy(DAY_BEFORE_START)));
  assert.equal(await rows.nth(1).getAttribute('data-status'), 'externship');
  const ext = await rows.nth(1).innerText();
  assert.match(ext, /Экстернат/);
  assert.match(ext, re(dmy(STARTS)));
  assert.match(ext, re(dmy(ENDS)));
  assert.match(ext, re(`№45-Ө бұйрық, ${dmy(TODAY)}`));
  assert.equal(await again.locator(`[data-case="${caseId}"] [data-testid="mv-case-status"]`).innerText(), 'Орындалды');
  await screenshots(again, 'movement-book-after');
  await again.setViewportSize(PHONE);
  assert.ok(await noSideScroll(again), 'the book does not scroll sideways at 390 px');
  // the parent downloads the application and the order too
  await again.goto(`/students/${child.id}/applications/${caseId}`);
  await again.getByTestId('mv-pdfs').waitFor();
  assert.deepEqual(await pdfLinks(again), [['form', 'kk'], ['order', 'kk'], ['schedule', 'kk']]);
  await screenshots(again, 'movement-pdfs-parent');
  assert.ok(await noSideScroll(again), 'the application does not scroll sideways at 390 px');
  // in English the regulation's forms are offered in Kazakh and in Russian
  await again.getByRole('button', { name: 'English' }).click();
  await again.getByText('Application (PDF)').first().waitFor();
  assert.deepEqual(await pdfLinks(again), [['form', 'kk'], ['form', 'ru'], ['order', 'kk'], ['order', 'ru'],
    ['schedule', 'kk'], ['schedule', 'ru']]);
  await screenshots(again, 'movement-pdfs-parent-en');
  await again.getByRole('button', { name: 'Қазақша' }).click();
  await again.getByText('Өтініш (PDF)').first().waitFor();
  assertClean(again);
  await again.context().close();
});
