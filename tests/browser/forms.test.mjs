// The create and edit forms of schools, classes, staff, subjects and legal
// representatives: required marks, the server's problems under their fields (name.kk …
// of a translatable name under its own input, a 409 at the field it concerns), success
// opening the record; and no form for a role that may not write.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, assertClean, settle, apiAs, BASE, PASSWORD, clickMenu } from './harness.mjs';

before(launch);
after(close);

/** Sets a user's language in their profile (the English test leaves them as the demo made them). */
async function setLang(login, lang) {
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  const { token } = await res.json();
  await fetch(`${BASE}/api/v1/me`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ lang }),
  });
}

const fieldError = (page, field) => page.locator(`[data-field="${field}"] [data-testid=field-error]`);

test('the network admin adds a subject: problems at the code and the names, then saved and listed', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/subjects$/, 422);
  page.expectStatus(/^\/api\/v1\/subjects$/, 409);
  await signIn(page, 'admin');
  await clickMenu(page, 'Пәндер');
  await page.getByTestId('subjects-table').waitFor();
  await page.getByRole('link', { name: '+ Пән қосу' }).click();
  await page.getByTestId('subject-form').waitFor();
  const names = page.getByRole('group', { name: 'Атауы' });
  // Required marks on the code and on each language of the name.
  for (const id of ['f-code', 'f-name.kk', 'f-name.ru', 'f-name.en'])
    assert.equal(await page.locator(`[id="${id}"]`).getAttribute('aria-required'), 'true', id);
  await screenshots(page, 'subject-form-empty');

  // Only the Kazakh name: the code and the two other names are missing, each under its input.
  await names.getByLabel('Қазақша').fill('Астрономия');
  await page.getByRole('button', { name: 'Пәнді қосу' }).click();
  await fieldError(page, 'name.en').waitFor();
  assert.match(await fieldError(page, 'code').innerText(), /Міндетті өріс толтырылмаған: коды/);
  assert.match(await fieldError(page, 'name.ru').innerText(), /атауы \(орысша\)/);
  assert.match(await fieldError(page, 'name.en').innerText(), /атауы \(ағылшынша\)/);
  assert.equal(await fieldError(page, 'name.kk').count(), 0);
  assert.equal(await page.locator('[id="f-name.ru"]').getAttribute('aria-invalid'), 'true');
  await screenshots(page, 'subject-form-missing');

  // A code another subject has: 409, shown at the code.
  await page.getByLabel('Коды').fill('physics');
  await names.getByLabel('Русский').fill('Астрономия');
  await names.getByLabel('English').fill('Astronomy');
  await page.getByRole('button', { name: 'Пәнді қосу' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-field="name.en"] [data-testid=field-error]'));
  await fieldError(page, 'code').filter({ hasText: 'Бұл код бос емес.' }).waitFor();
  await screenshots(page, 'subject-form-code-taken');

  await page.getByLabel('Коды').fill('astronomy');
  await page.getByRole('button', { name: 'Пәнді қосу' }).click();
  await page.waitForURL(/\/subjects\/\d+$/);
  await page.locator('main h1').filter({ hasText: 'Астрономия' }).waitFor();
  assert.match(await page.locator('dl.info').innerText(), /astronomy[\s\S]*Astronomy/);
  await page.getByRole('navigation', { name: 'Бөлім жолы' }).getByRole('link', { name: 'Пәндер' }).click();
  await page.getByTestId('subjects-table').getByRole('link', { name: 'Астрономия' }).waitFor();
  assertClean(page);
  await page.context().close();
});

test('the network admin changes a school’s city in the three languages', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/schools\/\d+$/, 422);
  await signIn(page, 'admin');
  await clickMenu(page, 'Мектептер');
  await page.locator('[data-testid=schools-table] tbody tr a').first().click();
  await page.getByTestId('class-grid').waitFor();
  await page.getByRole('link', { name: 'Өзгерту' }).click();
  await page.getByTestId('school-form').waitFor();
  const city = page.getByRole('group', { name: 'Қала' });
  assert.notEqual(await page.getByRole('group', { name: 'Мектептің атауы' }).getByLabel('Қазақша').inputValue(), '');
  await screenshots(page, 'school-form');

  // The English city emptied: refused at that input only.
  await city.getByLabel('Қазақша').fill('Қосшы');
  await city.getByLabel('Русский').fill('Косшы');
  await city.getByLabel('English').fill('');
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await fieldError(page, 'city.en').waitFor();
  assert.match(await fieldError(page, 'city.en').innerText(), /қала \(ағылшынша\)/);
  await screenshots(page, 'school-form-city-missing');

  await city.getByLabel('English').fill('Kosshy');
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await page.waitForURL(/\/schools\/\d+$/);
  await page.locator('main .sub').filter({ hasText: 'Қосшы' }).waitFor();
  assertClean(page);
  await page.context().close();
});

test('the director opens a class: a letter that exists is refused at the letter, then one with a curator', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/schools\/\d+\/classes$/, 409);
  await signIn(page, 'director');
  await page.getByTestId('class-grid').waitFor();
  await page.getByRole('link', { name: '+ Сынып ашу' }).click();
  await page.getByTestId('class-form').waitFor();
  await settle(page);
  await page.getByLabel('Сынып деңгейі').selectOption('7');
  await page.getByLabel('Литері').fill('А');
  await page.getByLabel('Оқыту тілі').selectOption('kk');
  await page.getByRole('button', { name: 'Сыныпты ашу' }).click();
  await fieldError(page, 'letter').waitFor();
  assert.match(await fieldError(page, 'letter').innerText(), /Бұл оқу жылында мұндай сынып бар/);
  await screenshots(page, 'class-form-exists');

  // The curators offered: the school's teachers, those who curate a class saying which.
  const curator = page.getByLabel('Куратор');
  const options = await curator.locator('option').allInnerTexts();
  assert.ok(options.length > 20, `${options.length} teachers offered`);
  assert.ok(options.some((o) => /\(қазір: \d+[А-ЯӘҒҚҢӨҰҮҺІ]+\)/.test(o)), 'a curator shows their class');
  const free = options.findIndex((o, i) => i > 0 && !o.includes('('));
  await curator.selectOption({ index: free });
  const chosen = options[free];
  await page.getByLabel('Литері').fill('Ж');
  await page.getByRole('button', { name: 'Сыныпты ашу' }).click();
  await page.waitForURL(/\/classes\/\d+$/);
  await page.locator('main h1').filter({ hasText: '7Ж сыныбы' }).waitFor();
  const info = await page.locator('dl.info').innerText();
  assert.ok(info.includes(chosen), `the curator ${chosen} is shown`);
  assert.match(info, /қазақ тілі/);
  await screenshots(page, 'class-created');

  // The class's form opens with what it holds.
  await page.getByRole('link', { name: 'Өзгерту' }).click();
  await page.getByTestId('class-form').waitFor();
  await settle(page);
  assert.equal(await page.getByLabel('Литері').inputValue(), 'Ж');
  assert.equal(await curator.locator('option:checked').innerText(), chosen);
  await screenshots(page, 'class-form-edit');
  assertClean(page);
  await page.context().close();
});

test('the director adds a staff member with two roles, a bad phone refused, then changes the roles', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/schools\/\d+\/staff$/, 422);
  await signIn(page, 'director');
  await clickMenu(page, 'Қызметкерлер');
  await page.getByTestId('staff-table').waitFor();
  await page.getByRole('link', { name: '+ Қызметкер қосу' }).click();
  await page.getByTestId('staff-form').waitFor();
  await screenshots(page, 'staff-form-empty');

  await page.getByLabel('Тегі').fill('Тоқтарова');
  await page.getByLabel(/^Аты\*?$/).fill('Гүлнар');
  await page.getByLabel('Әкесінің аты').fill('Серікқызы');
  await page.getByRole('checkbox', { name: 'Мұғалім', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Куратор', exact: true }).check();
  await page.getByLabel('Телефон').fill('8 701 123 45 67');
  await page.getByRole('button', { name: 'Қызметкерді қосу' }).click();
  await fieldError(page, 'phone').waitFor();
  assert.match(await fieldError(page, 'phone').innerText(), /\+7XXXXXXXXXX/);
  assert.equal(await page.locator('#f-phone').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'form-errors');
  await screenshots(page, 'staff-form-bad-phone');

  await page.getByLabel('Телефон').fill('+77011234567');
  await page.getByRole('button', { name: 'Қызметкерді қосу' }).click();
  await page.waitForURL(/\/staff\/\d+$/);
  await page.locator('main h1').filter({ hasText: 'Тоқтарова Гүлнар Серікқызы' }).waitFor();
  assert.deepEqual((await page.locator('main .sub').innerText()).split(', ').sort(), ['Куратор', 'Мұғалім']);

  // No role at all is caught before sending; then the roles are changed.
  await page.getByRole('link', { name: 'Өзгерту' }).click();
  await page.getByTestId('staff-form').waitFor();
  assert.ok(await page.getByRole('checkbox', { name: 'Куратор', exact: true }).isChecked());
  await page.getByRole('checkbox', { name: 'Мұғалім', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Куратор', exact: true }).uncheck();
  await page.getByRole('button', { name: 'Сақтау' }).click();
  assert.match(await fieldError(page, 'roles').innerText(), /Кемінде бір лауазымды белгілеңіз/);
  await screenshots(page, 'staff-form-no-role');
  await page.getByRole('checkbox', { name: 'Мұғалім', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Үйірме жетекшісі', exact: true }).check();
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await page.waitForURL(/\/staff\/\d+$/);
  await page.locator('main .sub').filter({ hasNotText: 'Куратор' }).waitFor();
  assert.deepEqual((await page.locator('main .sub').innerText()).split(', ').sort(), ['Мұғалім', 'Үйірме жетекшісі']);
  assert.match(await page.locator('dl.info').innerText(), /\+77011234567/);
  assertClean(page);
  await page.context().close();
});

test('a legal representative’s record: a bad e-mail refused at the field, then saved; the parent edits their own', async () => {
  const asParent = await apiAs('parent');
  const me = (await asParent('/me')).user;
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/representatives\/\d+$/, 422);
  await signIn(page, 'director');
  await page.goto(`/representatives/${me.person_id}`);
  await page.getByRole('link', { name: 'Өзгерту' }).click();
  await page.getByTestId('representative-edit-form').waitFor();
  assert.equal(await page.getByLabel('Тегі').inputValue(), me.person.last_name);
  await page.getByLabel('Электрондық пошта').fill('not-an-address');
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await fieldError(page, 'email').waitFor();
  assert.match(await fieldError(page, 'email').innerText(), /Электрондық пошта мекенжайы қате/);
  await screenshots(page, 'representative-edit-bad-email');
  await page.getByLabel('Электрондық пошта').fill('parent.home@example.kz');
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await page.waitForURL(/\/representatives\/\d+$/);
  await page.locator('dl.info').getByText('parent.home@example.kz').waitFor();
  await page.context().close();

  const own = await newPage();
  await signIn(own, 'parent');
  await own.getByRole('link', { name: 'Менің деректерім' }).click();
  await own.getByRole('link', { name: 'Өзгерту' }).click();
  await own.getByLabel('Телефон').fill('+77019876543');
  await own.getByRole('button', { name: 'Сақтау' }).click();
  await own.waitForURL(/\/representatives\/\d+$/);
  await own.locator('dl.info').getByText('+77019876543').waitFor();
  assertClean(page);
  assertClean(own);
  await own.context().close();
});

test('a teacher sees no create or edit buttons, and a form’s address shows the refusal', async () => {
  const asTeacher = await apiAs('teacher');
  const me = await asTeacher('/me');
  const school = me.user.school_id;
  const cls = me.curated_classes[0];
  const subject = (await asTeacher('/subjects?limit=1')).items[0];

  const page = await newPage();
  await signIn(page, 'teacher');
  await page.goto(`/classes/${cls.id}`);
  await page.locator('dl.info').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Өзгерту' }).count(), 0);
  await page.goto(`/schools/${school}`);
  await page.getByTestId('class-grid').waitFor();
  assert.equal(await page.getByRole('link', { name: '+ Сынып ашу' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Өзгерту' }).count(), 0);
  await clickMenu(page, 'Қызметкерлер');
  await page.getByTestId('staff-table').waitFor();
  assert.equal(await page.getByRole('link', { name: '+ Қызметкер қосу' }).count(), 0);
  await page.locator('[data-testid=staff-table] tbody tr a').first().click();
  await page.locator('dl.info').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Өзгерту' }).count(), 0);
  await clickMenu(page, 'Пәндер');
  await page.getByTestId('subjects-table').waitFor();
  assert.equal(await page.getByRole('link', { name: '+ Пән қосу' }).count(), 0);
  await page.goto(`/subjects/${subject.id}`);
  await page.locator('dl.info').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Өзгерту' }).count(), 0);

  const refusals = [
    [`/classes/${cls.id}/edit`, /Сыныптарды мектептің директоры/],
    [`/schools/${school}/classes/new`, /Сыныптарды мектептің директоры/],
    [`/schools/${school}/staff/new`, /Қызметкерлерді мектептің директоры/],
    [`/staff/${me.staff_id}/edit`, /Қызметкерлерді мектептің директоры/],
    ['/subjects/new', /Пәндерді желі әкімшісі ғана/],
    [`/subjects/${subject.id}/edit`, /Пәндерді желі әкімшісі ғана/],
    [`/schools/${school}/edit`, /Мектептерді желі әкімшісі ғана/],
    ['/schools/new', /Мектептерді желі әкімшісі ғана/],
  ];
  for (const [url, message] of refusals) {
    await page.goto(url);
    const panel = page.getByTestId('error-panel');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('data-kind'), 'forbidden', url);
    assert.match(await panel.innerText(), message, url);
    assert.equal(await page.locator('form').count(), 0, `${url}: no form`);
    if (url.endsWith(`/classes/${cls.id}/edit`)) await screenshots(page, 'refused-class-form');
  }
  assertClean(page);
  await page.context().close();
});

test('in English, the server’s messages name each field once, in words', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/schools\/\d+\/(classes|staff)$/, 422);
  try {
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Login').fill('upbringing');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('class-grid').waitFor();
    await page.getByRole('link', { name: '+ Open a class' }).click();
    await page.getByTestId('class-form').waitFor();
    await page.getByRole('button', { name: 'Open the class' }).click();
    await fieldError(page, 'language').waitFor();
    assert.equal(await fieldError(page, 'grade').innerText(), 'A required field is missing: grade.');
    assert.equal(await fieldError(page, 'language').innerText(), 'A required field is missing: language of instruction.');
    await screenshots(page, 'class-form-en-missing');

    await clickMenu(page, 'Staff');
    await page.getByRole('link', { name: '+ Add a staff member' }).click();
    await page.getByLabel('Last name').fill('Smagulov');
    await page.getByLabel(/^First name\*?$/).fill('Yerlan');
    await page.getByRole('checkbox', { name: 'Teacher', exact: true }).check();
    await page.getByLabel('Phone').fill('12345');
    await page.getByRole('button', { name: 'Add the staff member' }).click();
    await fieldError(page, 'phone').waitFor();
    assert.equal(await fieldError(page, 'phone').innerText(), 'The phone number must look like +7XXXXXXXXXX.');
    assertClean(page);
  } finally {
    await page.context().close();
    await setLang('upbringing', 'kk');
  }
});
