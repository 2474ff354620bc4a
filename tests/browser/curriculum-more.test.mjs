// More of the curriculum: the network's ТОЖ (a refusal of CUR-1 at its row's input, then a
// save), read by others.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, newPage, signIn, screenshots, assertClean, settle, apiAs, BASE, PASSWORD, clickMenu } from './harness.mjs';

before(launch);
after(close);


test('the network admin edits the ТОЖ: CUR-1 refused at the input, then saved', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/curricula\/typical$/, 422);
  await signIn(page, 'admin');
  await clickMenu(page, 'ТОЖ');
  await page.waitForURL(/\/curricula\/typical/);
  const form = page.getByTestId('toj-grade');
  await form.waitFor();
  await page.getByLabel('Сынып', { exact: true }).selectOption('11');
  await page.waitForURL(/grade=11/);
  await form.locator('h2', { hasText: '11-сынып' }).waitFor();
  const physics = form.locator('tr[data-subject=physics]');
  const advanced = form.getByLabel('Физика: Тереңдетілген деңгей');
  const was = Number(await advanced.inputValue());
  await advanced.fill('2');
  await form.getByRole('button', { name: 'Сақтау' }).click();
  const error = physics.locator('[data-testid=field-error]');
  await error.waitFor();
  assert.match(await error.innerText(), /^CUR-1 · Тереңдетілген деңгейдің сағаты стандартты деңгейдікінен аз болмауы керек\.$/);
  assert.match(await page.getByTestId('form-errors').innerText(), /CUR-1 · Физика: /);
  await screenshots(page, 'toj-refused');
  await advanced.fill(String(was + 1));
  await form.getByRole('button', { name: 'Сақтау' }).click();
  await page.getByTestId('toj-saved').waitFor();
  assert.equal(await form.locator('[data-testid=field-error]').count(), 0);
  await page.reload();
  await page.getByTestId('toj-grade').locator('tr[data-subject=physics]').waitFor();
  assert.equal(await page.getByLabel('Физика: Тереңдетілген деңгей').inputValue(), String(was + 1));
  await settle(page);
  await screenshots(page, 'toj-saved');
  assertClean(page);
  await page.context().close();
});

test('a deputy reads the ТОЖ without inputs', async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto('/curricula/typical?programme=nis&grade=7');
  const form = page.getByTestId('toj-grade');
  await form.locator('tr[data-subject=algebra]').waitFor();
  assert.equal(await form.locator('input').count(), 0);
  assert.equal(await form.getByRole('button', { name: 'Сақтау' }).count(), 0);
  assertClean(page);
  await page.context().close();
});

test('a teacher opens their own КТЖ; the deputy edits topics, is refused an empty title and a bad CSV line, then saves', async () => {
  const teacher = await newPage();
  await signIn(teacher, 'teacher');
  await clickMenu(teacher, 'КТЖ');
  const mine = teacher.getByTestId('ktp-mine');
  await mine.waitFor();
  await mine.getByRole('button').first().click();
  const own = teacher.getByTestId('ktp-topics');
  await own.waitFor();
  assert.equal(await own.getByRole('button', { name: 'Тақырып қосу' }).count(), 1, 'a teacher edits the КТЖ of their own subject');
  await settle(teacher);
  await screenshots(teacher, 'ktp-teacher');
  assertClean(teacher);
  await teacher.context().close();

  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/schools\/1\/ktp$/, 422);
  page.expectStatus(/^\/api\/v1\/schools\/1\/ktp\/import$/, 422);
  await signIn(page, 'deputy');
  await page.goto('/schools/1/ktp');
  await page.getByLabel('Пән', { exact: true }).selectOption({ label: 'Алгебра' });
  await page.getByLabel('Сынып', { exact: true }).selectOption('7');
  await page.getByRole('button', { name: 'Ашу' }).click();
  const form = page.getByTestId('ktp-topics');
  await form.waitFor();
  const before = await form.locator('ol.list > li').count();

  // Add a topic, leave its title empty: the server refuses it at that input.
  await form.getByRole('button', { name: 'Тақырып қосу' }).click();
  const n = before + 1;
  await form.getByLabel(`${n}-тақырыптың атауы`).fill('');
  await form.getByRole('button', { name: 'Сақтау' }).click();
  const error = form.locator(`ol.list > li:nth-child(${n}) [data-testid=field-error]`);
  await error.waitFor();
  assert.ok((await error.innerText()).length > 0);
  await screenshots(page, 'ktp-refused');

  // A title, moved up with the keyboard, saved.
  await form.getByLabel(`${n}-тақырыптың атауы`).fill('Қайталау: сызықтық теңдеулер');
  if (n > 1) {
    await form.getByRole('button', { name: `${n}-тақырыпты жоғары жылжыту` }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await form.getByLabel(`${n - 1}-тақырыптың атауы`).inputValue(), 'Қайталау: сызықтық теңдеулер');
  }
  await form.getByRole('button', { name: 'Сақтау' }).click();
  await page.getByTestId('ktp-saved').waitFor();
  assert.equal(await form.locator('ol.list > li').count(), n);

  // A CSV with a bad second topic: the line is named, nothing changes.
  const csv = page.getByTestId('ktp-csv');
  await csv.getByLabel('Жүктелетін файл').setInputFiles({ name: 'ktp.csv', mimeType: 'text/csv', buffer: Buffer.from('order,title,hours\n1,Натурал сандар,4\nx,,2\n') });
  await csv.getByRole('button', { name: 'Жүктеу' }).click();
  const lines = page.getByTestId('ktp-csv-errors');
  await lines.waitFor();
  assert.match(await lines.innerText(), /3-жол/);
  await screenshots(page, 'ktp-csv-refused');
  await csv.getByLabel('Жүктелетін файл').setInputFiles({ name: 'ktp.csv', mimeType: 'text/csv', buffer: Buffer.from('order,title,hours\n1,Натурал сандар,4\n2,Бөлшектер,6\n') });
  await csv.getByRole('button', { name: 'Жүктеу' }).click();
  await page.getByTestId('ktp-saved').waitFor();
  assert.equal(await form.locator('ol.list > li').count(), 2);
  await settle(page);
  await screenshots(page, 'ktp-imported');
  assertClean(page);
  await page.context().close();
});

/** The next academic year of school 1 (for the applications of grades 10–11), made here
 * unless another test made it. */
async function nextYear() {
  const login = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'deputy', password: PASSWORD }),
  });
  const { token } = await login.json();
  const res = await fetch(`${BASE}/api/v1/schools/1/academic-years`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: '2027-2028', starts_on: '2027-09-01', ends_on: '2028-05-25' }),
  });
  assert.ok([201, 409].includes(res.status), `the year 2027-2028: ${res.status}`);
}

test('high-school choice: CUR-6 refused at mathematics, an application filed, the director’s order', async () => {
  await nextYear();
  const get = await apiAs('deputy');
  const classes = (await get('/schools/1/classes?limit=500')).items;
  const first = async (label) => (await get(`/classes/${classes.find((c) => c.label === label).id}/students?limit=1`)).items[0];
  const senior = await first('11А');
  const junior = await first('10А');

  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/students\/\d+\/choices$/, 422);
  await signIn(page, 'deputy');
  await page.goto(`/students/${senior.id}`);
  await page.getByRole('link', { name: 'Жоғары сыныптағы пәндер' }).click();
  const form = page.getByTestId('choice-form');
  await form.waitFor();
  await page.getByTestId('choice-list').waitFor();
  assert.match(await form.getByLabel('Қай оқу жылына').locator('option:checked').innerText(), /2027-2028 \(12-сынып\)/);
  // The other mathematics programme than the fixed one: CUR-6, at the mathematics choice.
  const ten = form.getByLabel('Аптасына 10 сағат (тереңдетілген)');
  const other = (await ten.isChecked()) ? form.getByLabel('Аптасына 7 сағат (стандарт)') : ten;
  await other.check();
  await form.getByRole('button', { name: 'Өтінішті жіберу' }).click();
  const mathError = form.locator('[data-field=math_programme] [data-testid=field-error]');
  await mathError.waitFor();
  assert.match(await mathError.innerText(), /^CUR-6 · Математиканың/);
  await settle(page);
  await screenshots(page, 'choice-refused');

  // A grade-10 student's application for next year, entered by the deputy from paper.
  await page.goto(`/students/${junior.id}/choices`);
  const form2 = page.getByTestId('choice-form');
  await form2.waitFor();
  await form2.getByLabel('Өтініш берген заңды өкіл').selectOption({ index: 1 });
  await form2.getByLabel('Аптасына 10 сағат (тереңдетілген)').check();
  await form2.getByLabel('Физика').selectOption('advanced');
  await form2.getByLabel('Химия').selectOption('standard');
  await form2.getByRole('button', { name: 'Өтінішті жіберу' }).click();
  await page.getByTestId('choice-filed').waitFor();
  await page.getByTestId('choice-list').getByText('Бұйрық әлі шықпаған').waitFor();
  await screenshots(page, 'choice-filed');
  assertClean(page);
  await page.context().close();

  // The director fixes it by an order: the number is required, then issued.
  const director = await newPage();
  director.expectStatus(/^\/api\/v1\/schools\/1\/choice-orders$/, 422);
  await signIn(director, 'director');
  await director.goto('/schools/1/curricula');
  await director.getByRole('link', { name: 'Пәндерге өтініштер' }).click();
  const order = director.getByTestId('choices-order');
  await order.waitFor();
  assert.match(await director.getByLabel('Сынып (қазір)').locator('option:checked').innerText(), /10А → 11-сынып/);
  const row = order.locator(`tr[data-student="${junior.id}"]`);
  await row.getByRole('checkbox').check();
  await order.getByRole('button', { name: 'Бұйрық шығару' }).click();
  await order.locator('[data-field=number] [data-testid=field-error]').waitFor();
  await screenshots(director, 'choices-order-refused');
  const d = new Date();
  const today = `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
  await order.getByLabel('Бұйрық нөмірі').fill('77-ө');
  await order.getByLabel('Бұйрық күні').fill(today);
  await order.getByRole('button', { name: 'Бұйрық шығару' }).click();
  await director.getByTestId('choices-ordered').waitFor();
  await row.getByText('№ 77-ө бұйрықпен бекітілген').waitFor();
  await settle(director);
  await screenshots(director, 'choices-ordered');
  assertClean(director);
  await director.context().close();
});

test('the load editor: a line’s hours refused at the input, a line given to another teacher, saved', async () => {
  const page = await newPage();
  page.expectStatus(/^\/api\/v1\/schools\/1\/load$/, 422);
  await signIn(page, 'deputy');
  await page.goto('/schools/1/curricula');
  await page.getByRole('link', { name: 'Жүктемені өзгерту' }).click();
  const editor = page.getByTestId('load-editor');
  await editor.waitFor();
  const teacher = page.getByTestId('load-teacher');
  const rows = teacher.locator('tbody tr');
  await rows.first().waitFor();
  const count = await rows.count();
  const hours = rows.first().getByLabel(/Апталық сағат$/);
  const was = Number(await hours.inputValue());
  await hours.fill('0');
  await editor.getByRole('button', { name: 'Сақтау' }).click();
  const error = rows.first().locator('[data-testid=field-error]');
  await error.waitFor();
  assert.ok((await error.innerText()).length > 0);
  await page.getByTestId('form-errors').waitFor();
  await settle(page);
  await screenshots(page, 'load-edit-refused');
  await hours.fill(String(was + 1));
  // The last line goes to another teacher: it leaves this teacher's list.
  const last = rows.nth(count - 1);
  const give = last.getByLabel(/Кім береді$/);
  const other = await give.locator('option:not(:checked)').first().getAttribute('value');
  await give.selectOption(other);
  assert.equal(await rows.count(), count - 1);
  await editor.getByRole('button', { name: 'Сақтау' }).click();
  await page.getByTestId('load-saved').waitFor();
  assert.equal(await rows.first().getByLabel(/Апталық сағат$/).inputValue(), String(was + 1));
  await settle(page);
  await screenshots(page, 'load-edit-saved');
  assertClean(page);
  await page.context().close();
});

test('the load editor: a line for one group of a split subject added, saved, seen after a reload, moved to the other group', async () => {
  // A teacher of a split subject (a group line of theirs) and a class split in it
  // where they have no line yet.
  const get = await apiAs('deputy');
  const load = await get('/schools/1/load');
  const classes = (await get('/schools/1/classes?limit=500')).items;
  let pick = null;
  for (const a of load.assignments.filter((x) => x.group_id)) {
    for (const c of classes) {
      if (load.assignments.some((x) => x.staff_id === a.staff_id && x.class_id === c.id && x.subject_id === a.subject_id)) continue;
      const groups = (await get(`/classes/${c.id}/groups`)).items.filter((g) => g.subject_id === a.subject_id);
      if (groups.length === 2) {
        pick = { staff: a.staff_id, cls: c, subject: a.subject, groups };
        break;
      }
    }
    if (pick) break;
  }
  assert.ok(pick, 'a teacher of a split subject and a class split in it');
  const [g1, g2] = pick.groups;

  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto(`/schools/1/load?teacher=${pick.staff}`);
  const editor = page.getByTestId('load-editor');
  const teacher = page.getByTestId('load-teacher');
  await teacher.locator('tbody tr').first().waitFor();
  // The class first: the class-or-group choice offers its split subjects' groups; a group
  // chosen sets the subject.
  await editor.getByLabel('Сынып', { exact: true }).selectOption({ label: pick.cls.label });
  const target = editor.getByLabel('Сынып немесе топ', { exact: true });
  await target.waitFor();
  assert.equal(await target.locator('option').first().innerText(), 'Бүкіл сынып');
  await target.selectOption(String(g2.id));
  assert.equal(await editor.getByLabel('Пән', { exact: true }).inputValue(), String(pick.subject.id));
  assert.equal(await target.inputValue(), String(g2.id));
  assert.deepEqual(await target.locator('option').allInnerTexts(), ['Бүкіл сынып', '1-топ', '2-топ']);
  await editor.locator('#add-hours').fill('2');
  // No caret blinking in the shot: the phone-width capture of the form came out stale around it.
  await editor.locator('#add-hours').blur();
  await screenshots(page, 'load-edit-group-add');
  await editor.getByRole('button', { name: /Сабақ қосу/ }).click();
  const line = (group) => teacher.locator(`tr[data-line="${pick.cls.label}:${group}:${pick.subject.code}"]`);
  await line(g2.name).waitFor();
  const lineTarget = line(g2.name).getByLabel(/: Сынып немесе топ$/);
  assert.equal(await lineTarget.inputValue(), String(g2.id));
  await editor.getByRole('button', { name: 'Сақтау' }).click();
  await page.getByTestId('load-saved').waitFor();

  // Saved with group_id: the server has the line of that group, and so does the page after a reload.
  const saved = (await get('/schools/1/load')).assignments.filter((x) => x.staff_id === pick.staff && x.class_id === pick.cls.id && x.subject_id === pick.subject.id);
  assert.deepEqual(saved.map((x) => [x.group_id, x.hours]), [[g2.id, 2]]);
  await page.reload();
  await line(g2.name).waitFor();
  assert.equal(await line(g2.name).getByLabel(/Апталық сағат$/).inputValue(), '2');
  assert.equal(await line(g2.name).getByLabel(/: Сынып немесе топ$/).inputValue(), String(g2.id));
  await settle(page);
  await screenshots(page, 'load-edit-group-saved');

  // The line changed to the other group, then saved and reloaded.
  await line(g2.name).getByLabel(/: Сынып немесе топ$/).selectOption({ label: '1-топ' });
  await line(g1.name).waitFor();
  await editor.getByRole('button', { name: 'Сақтау' }).click();
  await page.getByTestId('load-saved').waitFor();
  await page.reload();
  await line(g1.name).waitFor();
  assert.equal(await line(g2.name).count(), 0);
  assert.equal(await line(g1.name).getByLabel(/: Сынып немесе топ$/).inputValue(), String(g1.id));
  assertClean(page);
  await page.context().close();
});

test('the КТЖ laid over a class’s dated lessons, a topic moved to another lesson', async () => {
  const page = await newPage();
  await signIn(page, 'deputy');
  await page.goto('/schools/1/ktp');
  await page.getByLabel('Пән', { exact: true }).selectOption({ label: 'Алгебра' });
  await page.getByLabel('Сынып', { exact: true }).selectOption('7');
  await page.getByRole('button', { name: 'Ашу' }).click();
  await page.getByTestId('ktp-plans').getByRole('link', { name: '7А' }).click();
  await page.waitForURL(/\/classes\/\d+\/ktp\?subject_id=\d+/);
  const plan = page.getByTestId('ktp-plan');
  await plan.waitFor();
  await page.getByTestId('ktp-lay').click();
  await page.getByTestId('ktp-plan-done').waitFor();
  const first = plan.locator('tbody tr').first();
  await first.getByText(/^1\. /).waitFor();

  // Move without a lesson picked: said at the lesson's field.
  const move = page.getByTestId('ktp-move');
  const topic = move.getByLabel('Тақырып', { exact: true });
  await topic.selectOption({ index: 2 });
  const title = (await topic.locator('option:checked').innerText()).replace(/^\d+\.\s*/, '');
  await move.getByRole('button', { name: 'Ауыстыру' }).click();
  await move.locator('[data-testid=field-error]').waitFor();
  await move.getByLabel('Сабақ', { exact: true }).selectOption({ index: 1 });
  await move.getByRole('button', { name: 'Ауыстыру' }).click();
  await page.getByTestId('ktp-plan-done').filter({ hasText: 'ауыстырылды' }).waitFor();
  await first.getByText(title).waitFor();
  assert.match(await first.innerText(), /бекітілген/);
  await settle(page);
  await screenshots(page, 'ktp-plan');
  assertClean(page);
  await page.context().close();
});
