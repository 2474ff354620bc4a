// Each role signs in through the form and lands on its own home page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, assertClean, settle, menuLink, clickMenu, DESKTOP, PHONE } from './harness.mjs';

before(launch);
after(close);

const homes = [
  ['admin', 'network_admin', async (page) => {
    const cards = page.getByTestId('school-card');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 2, 'both demo schools are shown');
    await page.getByTestId('network-totals').waitFor();
  }],
  ['contingent', 'contingent_unit', async (page) => {
    // the unit's home is its inbox of the orders' copies (EXT-9)
    await page.getByTestId('inbox-filters').waitFor();
    await page.locator('[data-testid=inbox], [data-testid=empty-state]').first().waitFor();
    assert.equal(await page.locator('h1').innerText(), 'Бұйрық көшірмелері');
  }],
  ['director', 'director', async (page) => {
    await page.getByTestId('school-figures').waitFor();
    await page.getByTestId('class-grid').waitFor();
    assert.match(await page.getByTestId('school-figures').innerText(), /\d/);
  }],
  ['deputy', 'deputy_academic', async (page) => {
    await page.getByTestId('school-figures').waitFor();
  }],
  ['upbringing', 'deputy_upbringing', async (page) => {
    await page.getByTestId('school-figures').waitFor();
  }],
  ['timetable', 'timetable_officer', async (page) => {
    await page.getByTestId('school-figures').waitFor();
  }],
  ['club', 'club_leader', async (page) => {
    await page.getByTestId('school-figures').waitFor();
  }],
  ['teacher', 'teacher', async (page) => {
    const today = page.getByTestId('today-lessons');
    await today.waitFor();
    // Kazakh by default: the day's lessons (JRN-1), or a note that the day has none.
    await today.locator('[data-testid=day-lessons], [data-testid=empty-state]').first().waitFor();
    assert.match(await today.innerText(), /Бүгінгі сабақтар/);
    await page.getByTestId('my-classes').waitFor();
  }],
  ['parent', 'parent', async (page) => {
    const children = page.getByTestId('child-card');
    await children.first().waitFor();
    assert.ok((await children.count()) >= 1);
  }],
  ['student', 'student', async (page) => {
    await page.locator('dl.info').first().waitFor();
    assert.match(await page.locator('main').innerText(), /ЖСН/);
  }],
];

for (const [login, role, check] of homes) {
  test(`${login} signs in and sees the ${role} home`, async () => {
    const page = await newPage();
    await signIn(page, login);
    await page.getByTestId('home').waitFor();
    assert.equal(await page.getByTestId('home').getAttribute('data-role'), role);
    await check(page);
    await settle(page);
    // the menu's top level is one line at 1440 px, and every link of the menu is reachable:
    // its group opens to show it on screen — at 390 px through the "Menu" button too
    const tops = await page.evaluate(() => [...document.querySelectorAll('nav.nav .top > li')]
      .map((li) => Math.round(li.getBoundingClientRect().top)));
    assert.ok(tops.length >= 2, 'the menu has entries');
    assert.equal(new Set(tops).size, 1, `the menu's top level on one line: ${tops}`);
    const names = await page.evaluate(() => [...document.querySelectorAll('nav.nav a')].map((a) => a.textContent.trim()));
    assert.ok(names.length >= 3, `the menu's links: ${names}`);
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      for (const name of names) {
        const link = await menuLink(page, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        const box = await link.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= viewport.width && box.height > 0,
          `${name} on screen at ${viewport.width} px: ${JSON.stringify(box)}`);
      }
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    }
    await page.setViewportSize(DESKTOP);
    if (login === 'director') {
      // the menu open: "Learning" under its button at 1440 px, in the list down the page at 390
      await page.setViewportSize(PHONE);
      await page.getByTestId('menu-toggle').click();
      await page.setViewportSize(DESKTOP);
      await page.locator('nav.nav [data-group=learning]').click();
      assert.equal(await page.locator('nav.nav [data-group=learning]').getAttribute('aria-expanded'), 'true');
      await screenshots(page, 'menu-director');
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('nav.nav [data-group=learning]').getAttribute('aria-expanded'), 'false');
      await page.keyboard.press('Escape');
    }
    assert.equal(await page.locator('html').getAttribute('lang'), 'kk', 'Kazakh is the default');
    await screenshots(page, `home-${login}`);
    if (login === 'director') {
      // the timetables' page marks its own link and group, not the classes
      await clickMenu(page, 'Сабақ кестесі');
      await page.waitForURL(/\/schools\/\d+\/timetables$/);
      assert.match(await page.locator('nav.nav a[aria-current=page]').getAttribute('href'), /\/timetables$/);
      assert.equal(await page.locator('nav.nav .group-btn.current').getAttribute('data-group'), 'year');
      await settle(page);
    }
    assertClean(page);
    await page.context().close();
  });
}

test('a wrong password is refused with the server message, in Kazakh', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/auth\/login$/, 401);
  await page.goto('/');
  await page.getByLabel('Логин').fill('director');
  await page.locator('#password').fill('wrong-password');
  await page.keyboard.press('Enter');
  const error = page.getByTestId('signin-error');
  await error.waitFor();
  assert.equal(await error.innerText(), 'Логин немесе құпиясөз қате.');
  await screenshots(page, 'signin-refused');
  assertClean(page);
  await page.context().close();
});
