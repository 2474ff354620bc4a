// The electronic journal on the teacher's side (JRN-1, JRN-2, ASM-2): the teacher's day
// (their home) for a pinned date, a lesson's journal filled entirely with the keyboard —
// one student absent with a reason, one late, marks typed, the КТЖ topic picked (the
// planned one is chosen while nothing is saved), homework, Ctrl+S — seen saved after a
// reload; a save the server refuses (a mark above the scale, an absence without its
// reason) shows its message at the student's row. Screenshots at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, apiSession, clickMenu } from './harness.mjs';

before(launch);
after(close);

const DAY = '2026-11-25'; // a Wednesday of the demo's second term

/* The teacher's first own lesson of the day, with a КТЖ laid over it (one is written
 * for the lesson's subject and grade when the school has none yet). */
async function plan() {
  const call = await apiSession('teacher');
  const me = await call('GET', '/me');
  const school = me.user.school_id;
  const day = await call('GET', `/me/lessons?date=${DAY}`);
  assert.equal(day.date, DAY);
  const lesson = day.items.find((l) => !l.covered && !l.cover_staff_id);
  assert.ok(lesson, `the teacher has a lesson of their own on ${DAY}`);
  const { subject, class: cls, group } = lesson;
  const ktp = await call('GET', `/schools/${school}/ktp?subject_id=${subject.id}&grade=${cls.grade}`);
  if (ktp.topics.length === 0) {
    const units = ['Introduction', 'Reading', 'Listening', 'Speaking', 'Writing', 'Grammar in use', 'Vocabulary', 'Project work'];
    const topics = Array.from({ length: 40 }, (_, i) => ({ title: `${units[i % units.length]} ${Math.floor(i / units.length) + 1}`, hours: 2 }));
    await call('PUT', `/schools/${school}/ktp?subject_id=${subject.id}&grade=${cls.grade}`, { topics });
  }
  await call('POST', `/classes/${cls.id}/ktp/lay`, group ? { subject_id: subject.id, group_id: group.id } : { subject_id: subject.id });
  const journal = await call('GET', `/lessons/${lesson.id}/journal`);
  assert.ok(journal.may_write && !journal.locked && journal.marks_allowed, 'the teacher may fill the lesson');
  assert.ok(journal.students.length >= 5, 'the lesson has at least five students');
  assert.ok(journal.topics.length >= 2, 'the lesson has КТЖ topics');
  return { lesson, journal };
}

/** Presses a key of the Kazakh/Russian layout (Playwright's keyboard knows only the US
 * one): the key's code and the letter it types, as the browser gets them. */
const CODES = { н: ['KeyY', 89], к: ['KeyR', 82], п: ['KeyG', 71] };
async function pressCyrillic(page, ch) {
  page.cdp ??= await page.context().newCDPSession(page);
  const [code, vk] = CODES[ch];
  await page.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, code, text: ch, unmodifiedText: ch, windowsVirtualKeyCode: vk });
  await page.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, code, windowsVirtualKeyCode: vk });
}

/** The page's screenshots, from its top with nothing focused (a full-page shot of a
 * page scrolled under its sticky save bar draws that bar mid-page). */
async function shots(page, name) {
  await settle(page);
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    window.scrollTo(0, 0);
  });
  await screenshots(page, name);
}

const row = (page, i) => page.getByTestId('journal-students').locator('tbody tr').nth(i);

test('a teacher fills a lesson with the keyboard, sees it saved, and a refusal at the row', async () => {
  const { lesson, journal } = await plan();
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/lessons\/\d+\/journal$/, 422);
  await signIn(page, 'teacher');

  // The teacher's home is their day; the pinned date, then a day forward and back.
  await page.getByTestId('today-lessons').waitFor();
  await page.goto(`/?date=${DAY}`);
  const day = page.getByTestId('today-lessons');
  await day.getByTestId('day-lessons').waitFor();
  assert.match(await day.getByTestId('day-date').innerText(), /2026 жылғы 25 қараша, сәрсенбі/);
  await day.getByTestId('day-next').click();
  await page.waitForURL(/date=2026-11-26|\/$/);
  await day.getByTestId('day-prev').click();
  await page.waitForURL(/date=2026-11-25/);
  const item = day.locator(`li[data-lesson="${lesson.id}"]`);
  await item.waitFor();
  assert.match(await item.innerText(), new RegExp(lesson.class.label));
  await shots(page, 'journal-today');

  // The lesson's journal: Kazakh, the planned topic chosen while nothing is saved.
  await item.locator('a').click();
  await page.waitForURL(new RegExp(`/lessons/${lesson.id}/journal$`));
  const table = page.getByTestId('journal-students');
  await table.waitFor();
  assert.equal(await page.locator('h1').innerText(), 'Сабақ журналы');
  assert.match(await page.getByTestId('keys-help').innerText(), /Ctrl/);
  assert.equal(await table.locator('tbody tr').count(), journal.students.length);
  if (journal.status === null && journal.planned_topic)
    assert.equal(await page.locator('#f-topic_id').inputValue(), String(journal.planned_topic.id), 'the planned topic is chosen');
  await shots(page, 'journal-lesson-open');

  // Everything with the keyboard, after clearing what an earlier run or the demo saved.
  const kb = page.keyboard;
  if (await page.locator('#lj-missed').isChecked()) await page.locator('#lj-missed').uncheck();
  for (let i = 0; i < journal.students.length; i++) {
    const r = row(page, i);
    if ((await r.getAttribute('data-attendance')) !== 'present') {
      await r.getByTestId('mark').focus();
      await pressCyrillic(page, 'п');
    }
    await r.getByTestId('mark').fill('');
  }
  await row(page, 0).getByTestId('mark').focus();
  await kb.type('8');
  await kb.press('Enter'); // row 1
  await pressCyrillic(page, 'н'); // absent: the reason's list takes the focus
  await page.waitForFunction(() => document.activeElement?.dataset?.col === 'reason');
  await kb.press('1'); // illness
  await kb.press('Enter'); // row 2
  await pressCyrillic(page, 'к'); // late
  await kb.type('9');
  await kb.press('ArrowDown'); // row 3
  await kb.type('10');
  await kb.press('Enter'); // row 4
  await kb.press('ArrowUp'); // back to row 3
  await kb.press('ArrowDown'); // row 4 again
  await kb.type('7');
  assert.equal(await row(page, 1).getAttribute('data-attendance'), 'absent');
  assert.equal(await row(page, 1).getByTestId('reason').inputValue(), 'illness');
  assert.equal(await row(page, 2).getAttribute('data-attendance'), 'late');
  assert.equal(await row(page, 4).getByTestId('mark').inputValue(), '7');
  assert.match(await page.getByTestId('roll-counts').innerText(), /жоқ: 1 · кешікті: 1 · баға: 4/);

  // The topic: the next one of the КТЖ, chosen from the list with the arrow key.
  const topicSelect = page.locator('#f-topic_id');
  await topicSelect.focus();
  const before = await topicSelect.inputValue();
  await kb.press('ArrowDown');
  let topic = await topicSelect.inputValue();
  if (topic === before) {
    // Chromium opens a popup for the arrow on some platforms: choose with Enter.
    await kb.press('ArrowDown');
    await kb.press('Enter');
    topic = await topicSelect.inputValue();
  }
  assert.notEqual(topic, '', 'a КТЖ topic is chosen');
  await page.locator('#f-topic').focus();
  await kb.press('Control+a');
  await kb.press('Delete');
  await page.locator('#f-homework').focus();
  await kb.press('Control+a');
  await kb.type('Жаттығу 5, 42-бет');
  assert.equal(await page.getByTestId('save-state').getAttribute('data-state'), 'dirty');
  await kb.press('Control+s');
  await page.locator('[data-testid=save-state][data-state=saved]').waitFor();
  await shots(page, 'journal-lesson-saved');

  // A reload shows what was saved.
  await page.reload();
  await page.getByTestId('journal-students').waitFor();
  assert.equal(await page.locator('#f-topic_id').inputValue(), topic);
  assert.equal(await page.locator('#f-homework').inputValue(), 'Жаттығу 5, 42-бет');
  assert.equal(await row(page, 0).getByTestId('mark').inputValue(), '8');
  assert.equal(await row(page, 1).getAttribute('data-attendance'), 'absent');
  assert.equal(await row(page, 1).getByTestId('reason').inputValue(), 'illness');
  assert.equal(await row(page, 2).getAttribute('data-attendance'), 'late');
  assert.equal(await row(page, 2).getByTestId('mark').inputValue(), '9');
  assert.equal(await row(page, 3).getByTestId('mark').inputValue(), '10');
  assert.equal(await row(page, 4).getByTestId('mark').inputValue(), '7');
  assert.equal(await page.getByTestId('save-state').getAttribute('data-state'), 'clean');
  assert.deepEqual(await page.getByTestId('lesson-badges').innerText().then((s) => /Толтырылды/.test(s)), true);

  // A refused save: a mark above the scale and an absence without its reason, each
  // shown at its student's row with the server's words.
  await row(page, 0).getByTestId('mark').focus();
  await kb.press('Control+a');
  await kb.type(String(journal.formative_max + 1));
  await kb.press('Enter');
  await kb.press('Enter'); // row 1 → row 2
  await kb.press('Enter'); // row 3
  await kb.press('Enter'); // row 4
  await kb.press('n'); // absent (Latin n), no reason given
  await kb.press('Control+s');
  const markError = row(page, 0).getByTestId('field-error');
  await markError.waitFor();
  assert.equal(await markError.innerText(), 'ASM-2 · Баға шкаладан жоғары.');
  const reasonError = row(page, 4).getByTestId('field-error');
  await reasonError.waitFor();
  assert.equal(await reasonError.innerText(), 'Болмау себебін таңдаңыз (ауырды, дәлелді, дәлелсіз).');
  assert.equal(await row(page, 4).getByTestId('reason').getAttribute('aria-invalid'), 'true');
  assert.match(await page.getByTestId('form-errors').innerText(), /Сақталмады/);
  assert.equal(await page.getByTestId('save-state').getAttribute('data-state'), 'dirty');
  await shots(page, 'journal-lesson-refused');

  // Unsaved changes: leaving by a link asks first; staying keeps the page.
  let asked = null;
  page.once('dialog', (d) => {
    asked = d.message();
    d.dismiss();
  });
  await page.getByRole('navigation', { name: 'Бөлім жолы' }).getByRole('link').click();
  assert.match(asked ?? '', /Сақталмаған өзгерістер бар/);
  assert.match(page.url(), new RegExp(`/lessons/${lesson.id}/journal$`));
  assert.equal(await row(page, 0).getByTestId('mark').inputValue(), String(journal.formative_max + 1));

  assertClean(page);
  await page.context().close();
});

test('a director reaches their own lessons from the menu', async () => {
  const page = await newPage();
  await signIn(page, 'director');
  await clickMenu(page, 'Менің сабақтарым');
  await page.waitForURL(/\/today$/);
  const day = page.getByTestId('today-lessons');
  await day.locator('[data-testid=day-lessons], [data-testid=empty-state]').first().waitFor();
  assert.equal(await page.locator('h1').innerText(), 'Менің сабақтарым');
  assertClean(page);
  await page.context().close();
});
