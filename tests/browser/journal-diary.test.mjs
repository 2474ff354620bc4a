// The diary (JRN-3, ASM-2) on a phone (390×844), as parents read it: from the home page's
// link, a parent with two children switches between them and moves a week back and
// returns to this week; each day lists its lessons (a missed lesson and a substitute
// shown as such); the term's results show each part's percentage, weight and the figures
// it was computed from — the same figures the API gives. A student reads their own
// diary. Screenshots at 390 and 1440 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, settle, assertClean, PHONE, apiSession } from './harness.mjs';

before(launch);
after(close);

/* The demo's parent has one child: a second one is linked (once) — a student of
 * another class whose week has a substitute or a lesson not held, so the diary shows
 * them. Returns the parent's children and the diaries of this week as the API gives
 * them. */
async function plan() {
  const parent = await apiSession('parent');
  const deputy = await apiSession('deputy');
  let me = await parent('GET', '/me');
  if (me.children.length < 2) {
    const own = me.children[0];
    const classes = (await deputy('GET', `/schools/${own.school_id}/classes?limit=500`)).items.filter((c) => c.id !== own.class_id);
    let pick = null;
    for (const c of classes) {
      const first = (await deputy('GET', `/classes/${c.id}/students?limit=1`)).items[0];
      if (!first) continue;
      pick ??= first;
      const d = await deputy('GET', `/students/${first.id}/diary`);
      const lessons = d.days.flatMap((x) => x.lessons);
      if (lessons.some((l) => l.cover) && lessons.some((l) => l.status === 'missed')) {
        pick = first;
        break;
      }
    }
    assert.ok(pick, 'a student to link');
    await deputy('POST', `/students/${pick.id}/representatives`, { person_id: me.user.person_id, relation: 'mother' });
    me = await parent('GET', '/me');
  }
  assert.ok(me.children.length >= 2, 'the parent has two children');
  const diaries = {};
  for (const c of me.children) diaries[c.id] = await parent('GET', `/students/${c.id}/diary`);
  return { parent, children: me.children, diaries };
}

/** "66,7 %" as the page writes a percentage in Kazakh. */
const pct = (x) => `${Number.isInteger(x) ? x : x.toFixed(1).replace('.', ',')} %`;

test('a parent reads the diary on a phone: children, weeks, lessons and results with their figures', async () => {
  const p = await plan();
  const [first, second] = p.children;
  const page = await newPage();
  await signIn(page, 'parent');
  await page.setViewportSize(PHONE);

  // the home page leads to each child's diary
  const links = page.getByTestId('diary-links').locator('a');
  await links.first().waitFor();
  assert.equal(await links.count(), p.children.length);
  await screenshots(page, 'diary-home-parent');
  await page.setViewportSize(PHONE);
  await links.first().click();
  await page.waitForURL(new RegExp(`/diary\\?student=${first.id}$`));
  await page.getByTestId('diary-days').waitFor();
  await settle(page);
  assert.equal(await page.locator('h1').innerText(), 'Күнделік');

  // this week of the first child: every lesson the API gives, on the day it gives
  const d1 = p.diaries[first.id];
  const sub = page.locator('.head .sub');
  assert.match(await sub.innerText(), new RegExp(`${first.last_name} ${first.first_name}`));
  assert.equal(await page.getByTestId('diary-days').getAttribute('data-week'), d1.week);
  assert.match(await page.getByTestId('week-range').innerText(), /қараша|желтоқсан|қазан|қыркүйек|қаңтар|ақпан|наурыз|сәуір|мамыр/);
  const lessons1 = d1.days.flatMap((x) => x.lessons);
  assert.equal(await page.getByTestId('diary-lesson').count(), lessons1.length);
  // the phone page does not scroll sideways
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll at 390 px');

  // the other child, by the switcher
  const switcher = page.getByTestId('diary-children');
  assert.equal(await switcher.locator('button').count(), p.children.length);
  assert.equal(await switcher.locator(`button[data-child="${first.id}"]`).getAttribute('aria-pressed'), 'true');
  await switcher.locator(`button[data-child="${second.id}"]`).click();
  await page.waitForURL(new RegExp(`student=${second.id}`));
  await page.waitForFunction((name) => document.querySelector('.head .sub')?.textContent.includes(name), second.first_name);
  await settle(page);
  assert.equal(await switcher.locator(`button[data-child="${second.id}"]`).getAttribute('aria-pressed'), 'true');
  const d2 = p.diaries[second.id];
  const lessons2 = d2.days.flatMap((x) => x.lessons);
  assert.equal(await page.getByTestId('diary-lesson').count(), lessons2.length);

  // a lesson not held and a substitute are shown as such
  const missed = lessons2.find((l) => l.status === 'missed');
  if (missed) await page.locator(`[data-lesson="${missed.id}"] [data-testid="missed"]`).waitFor();
  const covered = lessons2.find((l) => l.cover);
  if (covered) assert.match(await page.locator(`[data-lesson="${covered.id}"] .cover`).innerText(), new RegExp(covered.cover.last_name));
  // marks, work points and absences where the API has them
  const marked = lessons2.find((l) => l.mark !== null);
  if (marked) assert.equal(await page.locator(`[data-lesson="${marked.id}"] [data-testid="mark"]`).innerText(), String(marked.mark));
  const work = lessons2.find((l) => l.work && l.work.points !== null);
  if (work) assert.match(await page.locator(`[data-lesson="${work.id}"] [data-testid="work"]`).innerText(), new RegExp(`${work.work.points}\\s*/${work.work.max_points}\\s*(БЖБ|ТЖБ)`));
  const absent = lessons2.find((l) => l.attendance === 'absent');
  if (absent) assert.equal(await page.locator(`[data-lesson="${absent.id}"] [data-testid="att"]`).innerText(), 'Келмеді');

  // the term's results: percent, mark, and each part with the figures it came from
  const results = page.getByTestId('diary-results');
  const items = d2.results?.items ?? [];
  assert.ok(items.length > 0, 'the child has term results');
  assert.equal(await results.getByTestId('result').count(), items.length);
  const r = items.find((x) => x.parts.formative && x.parts.section) ?? items[0];
  const row = results.locator(`[data-testid="result"][data-subject="${r.subject.id}"]`);
  assert.equal(await row.getByTestId('result-percent').innerText(), pct(r.percent));
  assert.equal(await row.getByTestId('result-mark').innerText(), String(r.mark));
  if (r.parts.formative) {
    const f = await row.locator('[data-part="formative"]').innerText();
    assert.match(f, new RegExp(pct(r.parts.formative.percent)));
    assert.match(f, new RegExp(`салмағы ${pct(r.parts.formative.weight)}`));
    assert.match(f, new RegExp(`${r.figures.formative_count} баға, қосындысы ${r.figures.formative_sum}`));
  }
  if (r.parts.section) {
    const s = await row.locator('[data-part="section"]').innerText();
    assert.match(s, new RegExp(`${r.figures.section_points}/${r.figures.section_max} ұпай`));
  }
  await screenshots(page, 'diary-parent');

  // a week back, then this week again
  await page.setViewportSize(PHONE);
  await page.getByTestId('week-prev').click();
  await page.waitForURL(/week=\d{4}-W\d{2}/);
  const prevWeek = new URL(page.url()).searchParams.get('week');
  await page.waitForFunction((w) => document.querySelector('[data-testid="diary-days"]')?.dataset.week === w, prevWeek);
  await settle(page);
  assert.notEqual(prevWeek, d2.week);
  const prev = await p.parent('GET', `/students/${second.id}/diary?week=${prevWeek}`);
  assert.equal(await page.getByTestId('diary-lesson').count(), prev.days.flatMap((x) => x.lessons).length);
  assert.equal(new URL(page.url()).searchParams.get('student'), String(second.id), 'the child stays picked');
  await screenshots(page, 'diary-parent-prev-week');
  await page.setViewportSize(PHONE);
  await page.getByTestId('week-this').click();
  await page.waitForFunction((w) => document.querySelector('[data-testid="diary-days"]')?.dataset.week === w, d2.week);
  assert.equal(new URL(page.url()).searchParams.get('week'), null);
  assert.equal(await page.getByTestId('week-this').count(), 0);

  assertClean(page);
});

test('a student reads their own diary', async () => {
  const student = await apiSession('student');
  const me = await student('GET', '/me');
  const d = await student('GET', `/students/${me.student.id}/diary`);
  const page = await newPage();
  await signIn(page, 'student');
  await page.getByTestId('diary-links').locator('a').first().click();
  await page.waitForURL(/\/diary$/);
  await page.getByTestId('diary-days').waitFor();
  await settle(page);
  assert.match(await page.locator('.head .sub').innerText(), new RegExp(me.student.last_name));
  assert.equal(await page.getByTestId('diary-children').count(), 0, 'a student has no one to switch to');
  assert.equal(await page.getByTestId('diary-lesson').count(), d.days.flatMap((x) => x.lessons).length);
  await page.getByTestId('diary-results').waitFor();
  await screenshots(page, 'diary-student');
  assertClean(page);
});
