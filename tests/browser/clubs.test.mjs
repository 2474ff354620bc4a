// Clubs (issue 8) through the pages: the demo's club leader opens "Clubs" from the menu,
// finds the club they lead with its approved programme and schedule (CLB-5), and fills
// today's session of the journal — content, duration and one member absent ill — which
// shows in the journal's grid (CLB-7); the quarterly report counts it. The deputy for
// upbringing then adds a student without a volleyball certificate to the volleyball
// section and gets the refusal at the student's field with its rule (CLB-3), nothing
// written. The report's PDF links answer with a PDF; a parent answers the club's survey
// from the diary (CLB-8). The interface speaks the user's language (Kazakh by default),
// so the checks read data attributes and figures, not words. Screenshots at 1440 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, PHONE, apiSession, clickMenu, fetchInPage } from './harness.mjs';

before(launch);
after(close);

const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

test('the club leader fills a session of the club journal', async () => {
  const api = await apiSession('club');
  const me = await api('GET', '/me');
  const day = me.today; /* the server's today, which the pages open on */
  const school = me.user.school_id;
  const mine = (await api('GET', `/schools/${school}/clubs`)).items.find((c) => c.leader_id === me.staff_id);
  assert.ok(mine, 'the demo club leader leads a club');
  const club = await api('GET', `/clubs/${mine.id}`);
  assert.ok(club.programme_approved_on && club.schedule_approved_on, "the demo club's programme and schedule are approved");
  const members = club.member_list.filter((m) => m.left_on === null);
  assert.ok(members.length >= 5, 'the club has members');
  const before = (await api('GET', `/clubs/${mine.id}/sessions`)).items.length;

  const page = await newPage();
  await signIn(page, 'club');
  await clickMenu(page, /^(Үйірмелер|Кружки|Clubs)$/);
  await page.getByTestId('cl-list').waitFor();
  await screenshots(page, 'clubs-list');
  await page.locator(`[data-club="${mine.id}"] a`).click();
  await page.getByTestId('cl-session').waitFor();
  await settle(page);
  await screenshots(page, 'clubs-page');
  /* the quarter's report as a PDF in the three languages, the interface's first (CLB-7) */
  const pdfs = page.getByTestId('cl-report-pdf');
  assert.deepEqual(await pdfs.evaluateAll((as) => as.map((a) => a.dataset.lang)), ['kk', 'ru', 'en']);
  const href = await pdfs.first().getAttribute('href');
  assert.match(href, new RegExp(`^/api/v1/clubs/${mine.id}/report\\.pdf\\?quarter=[1-4]&lang=kk$`));
  assert.deepEqual(await fetchInPage(page, href), { status: 200, type: 'application/pdf', head: '%PDF-' }, href);

  await page.setViewportSize(PHONE);
  const form = page.getByTestId('cl-session');
  await form.locator('#cl-s-date').fill(day);
  await form.locator('#cl-s-content').fill('Сервожетекті бағдарламалау');
  await form.locator('#cl-s-hours').fill('2');
  const away = members[0];
  await form.locator(`li[data-student="${away.student_id}"] input[type=checkbox]`).check();
  await form.locator(`li[data-student="${away.student_id}"] select`).selectOption('ill');
  await form.locator('button[type=submit]').click();
  await page.getByTestId('cl-session-saved').waitFor();
  await page.locator(`[data-testid="cl-grid"] [data-date="${day}"]`).waitFor();
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  const cell = page.locator(`[data-testid="cl-grid"] tr[data-student="${away.student_id}"] td.absent`);
  assert.ok((await cell.count()) >= 1, 'the absent member is marked in the grid');

  const sessions = (await api('GET', `/clubs/${mine.id}/sessions`)).items;
  assert.equal(sessions.length, before + 1);
  const filled = sessions.find((s) => s.date === day);
  assert.equal(filled.content, 'Сервожетекті бағдарламалау');
  assert.equal(filled.hours, 2);
  assert.deepEqual(filled.absent, [{ student_id: away.student_id, reason: 'ill' }]);
  await screenshots(page, 'clubs-journal-filled');
  assertClean(page);
  await page.context().close();
});

test('joining a sports section without a certificate is refused at the field (CLB-3)', async () => {
  const api = await apiSession('upbringing');
  const me = await api('GET', '/me');
  const school = me.user.school_id;
  const section = (await api('GET', `/schools/${school}/clubs`)).items.find((c) => c.sports);
  assert.ok(section, 'the demo school has a sports section');
  const club = await api('GET', `/clubs/${section.id}`);
  const inside = new Set(club.member_list.map((m) => m.student_id));
  const classes = (await api('GET', `/schools/${school}/classes?limit=500`)).items.filter((c) => c.grade === 8);
  const pool = (await api('GET', `/classes/${classes[0].id}/students?limit=100`)).items.filter((s) => s.status === 'studying' && !inside.has(s.id));
  let pick = null;
  for (const s of pool) {
    const certs = (await api('GET', `/students/${s.id}/medical-certificates`)).items;
    if (!certs.some((c) => c.sport === section.sport)) {
      pick = s;
      break;
    }
  }
  assert.ok(pick, 'a grade-8 student without a certificate for the sport');

  const page = await newPage();
  await signIn(page, 'upbringing');
  await page.goto(`/clubs/${section.id}`);
  await page.getByTestId('cl-join').waitFor();
  const join = page.getByTestId('cl-join');
  await join.locator('#cl-q').fill(pick.last_name);
  await join.locator(`#cl-student option[value="${pick.id}"]`).waitFor({ state: 'attached' });
  await join.locator('#cl-student').selectOption(String(pick.id));
  page.expectStatus(/\/api\/v1\/clubs\/\d+\/members$/, 422);
  await join.locator('button[type=submit]').click();
  const error = page.getByTestId('cl-join-error');
  await error.waitFor();
  assert.ok((await error.textContent()).length > 10, 'the refusal is told at the field');
  assert.ok(await join.locator('[data-field="student_id"].has-error').count(), 'the field is marked');
  await page.locator('text=/CLB-3/').first().waitFor();
  const after = await api('GET', `/clubs/${section.id}`);
  assert.equal(after.member_list.length, club.member_list.length, 'nothing written');
  await join.scrollIntoViewIfNeeded();
  await screenshots(page, 'clubs-certificate-refused');
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'no sideways scroll at 390 px');
  assertClean(page);
  await page.context().close();
});

test('a parent answers the club survey from the diary, once a quarter (CLB-8)', async () => {
  const parent = await apiSession('parent');
  const me = await parent('GET', '/me');
  const child = me.children.find((c) => c.status === 'studying');
  assert.ok(child, 'the demo parent has a studying child');
  /* the child in the club leader's club (the demo may have put them there already) */
  const leader = await apiSession('club');
  const lme = await leader('GET', '/me');
  const club = (await leader('GET', `/schools/${lme.user.school_id}/clubs`)).items.find((c) => c.leader_id === lme.staff_id);
  const inClubs = (await parent('GET', `/students/${child.id}/clubs`)).clubs.filter((x) => x.left_on === null);
  if (!inClubs.some((x) => x.club_id === club.id))
    await leader('POST', `/clubs/${club.id}/members`, { student_id: child.id, joined_on: '2026-09-01' });
  const card = await parent('GET', `/students/${child.id}/clubs`);
  assert.ok(card.survey?.quarter, 'today is in a quarter');
  const mine = card.clubs.find((x) => x.club_id === club.id && x.left_on === null);
  assert.ok(mine, "the child is in the leader's club");
  assert.equal(mine.survey_answered_on, null, 'not answered yet this quarter');

  const page = await newPage();
  await signIn(page, 'parent');
  await page.goto(`/diary?student=${child.id}`);
  const item = page.locator(`[data-testid="diary-clubs"] li[data-club="${club.id}"]`);
  const form = item.getByTestId('club-survey-own');
  await form.waitFor();
  await settle(page);
  await screenshots(page, 'clubs-survey-parent');
  await form.locator('input[type=radio][value="4"]').check();
  await form.locator('input:not([type=radio])').fill('Баласы риза');
  await form.locator('button[type=submit]').click();
  await item.getByTestId('club-survey-done').waitFor();
  await settle(page);
  await screenshots(page, 'clubs-survey-answered');
  const after = await parent('GET', `/students/${child.id}/clubs`);
  assert.equal(after.clubs.find((x) => x.club_id === club.id).survey_answered_on, me.today, 'answered today');
  const results = await leader('GET', `/clubs/${club.id}/survey`);
  assert.ok(results.comments.some((c) => c.comment === 'Баласы риза' && c.satisfaction === 4), 'the deputy sees the answer');
  await page.setViewportSize(PHONE);
  assert.ok(await noSideScroll(page), 'no sideways scrolling at 390 px');
  assertClean(page);
  await page.close();
});
