// An elective course's programme as a PDF document (issue 8, ELE-6): the title page
// (school, course, grades, author, year, the review's mark and the methodological
// association's approval with its date and protocol — or "not approved yet" for a
// draft), the explanatory note, the thematic plan as a table whose header repeats on each
// page it runs onto, the content, the recommendations, the literature. A long programme
// breaks over pages. Each is application/pdf with a file name, starts with %PDF- and
// carries the programme's words in Kazakh, Russian or English, read back with pdftotext.
// The school's staff and network roles read it; a family, another school's director, a
// bad ?lang= and an unknown course are refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, getPdf, network, startServer } from './server.mjs';

const TODAY = '2026-11-26';
const srv = await startServer({ serveArgs: ['--today', TODAY] });
after(() => srv.stop());

const as = async (role, method, p, body) => srv.api(method, p, { token: await srv.login(role), body });
const ok = async (role, method, p, body, status = 200) => {
  const r = await as(role, method, p, body);
  assert.equal(r.status, status, `${role} ${method} ${p}: ${r.text}`);
  return r.body;
};
const url = (id, lang) => `/api/v1/electives/${id}/programme.pdf${lang ? `?lang=${lang}` : ''}`;

/* GET as `role`: the headers, each page's text as pdftotext reads it, all of it. */
async function pdf(role, p) {
  const { disposition, raw } = await getPdf(srv, role, p);
  const pages = raw.split('\f').filter((t) => t.trim() !== '').map((t) => t.replace(/\s+/g, ' '));
  return { disposition, pages, text: pages.join(' ') };
}

/* 40 topics in 4 sections: the plan's table runs over a page. */
const plan = Array.from({ length: 40 }, (_, i) => ({
  section: `${Math.floor(i / 10) + 1}-бөлім. Робот құрастыру негіздері`,
  topic: `Тақырып ${i + 1}: датчиктер мен қозғалтқыштарды бағдарламалау, жобаны қорғау`,
  hours: 1 + (i % 3),
  form: i % 2 ? 'жоба' : 'практикум',
}));
const hours = plan.reduce((s, r) => s + r.hours, 0);
/* an explanatory note of 30 paragraphs, each a few lines long */
const note = Array.from({ length: 30 }, (_, i) =>
  `${i + 1}. Курстың мақсаты — оқушылардың ғылыми-зерттеу дағдыларын дамыту, ` +
  'роботтарды құрастыру және бағдарламалау арқылы инженерлік ойлауын қалыптастыру; ' +
  'курс оқушының жеке білім беру маршрутын құруға көмектеседі.').join('\n');
const programme = {
  author: 'Ахметова Гүлнар Серікқызы',
  year_label: '2026',
  explanatory_note: note,
  content: 'Датчиктер: жарық, қашықтық, түс.\nҚозғалтқыштар: сервожетек, қадамдық қозғалтқыш.',
  recommendations: 'Жобалық әдіс, топтық жұмыс, зертханалық практикум.',
  literature: 'LEGO Education. Робототехника негіздері, 2024.\nhttps://education.lego.com',
  plan,
};

let net;
let approvedId;
let draftId;

before(async () => {
  net = await network(srv);
  const teacherStaff = (await ok('teacher', 'GET', '/api/v1/me')).staff_id;
  const course = (title) => ({ title, kind: 'interest', direction: 'it', grade_from: 8, grade_to: 9, hours: 1,
    staff_id: teacherStaff });
  approvedId = (await ok('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/electives`,
    course({ kk: 'Робототехника әлемі', ru: 'Мир робототехники', en: 'The world of robotics' }), 201)).id;
  await ok('teacher', 'PUT', `/api/v1/electives/${approvedId}/programme`, programme);
  const criteria = Object.fromEntries(['novelty', 'motivation', 'development', 'completeness', 'sequence',
    'active_methods', 'control', 'realism', 'structure'].map((k) => [k, { score: 3, comment: 'толық' }]));
  await ok('deputy_academic', 'POST', `/api/v1/electives/${approvedId}/reviews`,
    { reviewer: 'Сейітова Әйгерім', reviewed_on: '2026-06-10', criteria }, 201);
  await ok('deputy_academic', 'POST', `/api/v1/electives/${approvedId}/programme/approve`,
    { date: '2026-06-20', protocol_number: '5' });
  draftId = (await ok('deputy_academic', 'POST', `/api/v1/schools/${net.school1}/electives`,
    { ...course({ kk: 'Шахмат', ru: 'Шахматы', en: 'Chess' }), grade_from: 7, grade_to: 7 }, 201)).id;
});

describe('the programme of ELE-6 as a PDF', () => {
  test('in Kazakh: the title page with the approval, the parts in order, the plan over pages', async () => {
    const d = await pdf('deputy_academic', url(approvedId, 'kk'));
    assert.match(d.disposition, new RegExp(`attachment; filename="elective-programme-${approvedId}-kk\\.pdf"`));
    assert.ok(d.pages.length >= 4, `a long programme runs over pages: ${d.pages.length}`);
    const title = d.pages[0];
    assert.match(title, /ЭЛЕКТИВТІ КУРСТЫҢ БАҒДАРЛАМАСЫ/);
    assert.match(title, /Робототехника әлемі/);
    assert.match(title, /8–9-сыныптарға арналған бағдарлама/);
    assert.match(title, /Бағдарламаны дайындаған: Ахметова Гүлнар Серікқызы/);
    assert.match(title, /Дайындалған жылы: 2026/);
    assert.match(title, /БЕКІТІЛДІ/);
    assert.match(title, /20\.06\.2026 ж\. № 5 хаттама/);
    assert.match(title, /ҚАРАЛДЫ Сейітова Әйгерім, 10\.06\.2026 ж\., 27 \/ 27 балл/);
    assert.doesNotMatch(title, /Түсіндірме жазба/, 'the title page is a page of its own');
    const parts = ['1. Түсіндірме жазба', '2. Тақырыптық-оқу жоспары', '3. Курстың мазмұны',
      '4. Әдістемелік ұсыныстар', '5. Ұсынылған әдебиеттер'];
    let at = -1;
    for (const p of parts) {
      const i = d.text.indexOf(p, at + 1);
      assert.ok(i > at, `${p} after the part before it`);
      at = i;
    }
    /* every topic is in, the last paragraph of the note too, and the hours' total */
    for (const r of [plan[0], plan[39]]) assert.ok(d.text.includes(r.topic.slice(0, 30)), r.topic);
    assert.match(d.text, /30\. Курстың мақсаты/);
    assert.match(d.text, new RegExp(`Барлығы ${hours}\\b`));
    assert.match(d.text, /https:\/\/education\.lego\.com/);
    /* the table's header is on every page the plan runs onto */
    const planPages = d.pages.filter((t) => /Тақырып \d+:/.test(t));
    assert.ok(planPages.length >= 2, `the plan runs over pages: ${planPages.length}`);
    for (const t of planPages) assert.match(t, /№ Бөлім Тақырып Сағат саны Оқыту түрі/);
    /* numbered pages */
    assert.match(d.pages.at(-1), new RegExp(`${d.pages.length} / ${d.pages.length}`));
  });

  test('in Russian and in English, by ?lang=', async () => {
    const ru = await pdf('teacher', url(approvedId, 'ru'));
    assert.match(ru.pages[0], /ПРОГРАММА ЭЛЕКТИВНОГО КУРСА/);
    assert.match(ru.pages[0], /Мир робототехники/);
    assert.match(ru.pages[0], /Программа для 8–9 классов/);
    assert.match(ru.pages[0], /протокол от 20\.06\.2026 № 5/);
    assert.match(ru.text, /2\. Учебно-тематический план/);
    assert.match(ru.text, /№ Раздел Тема Кол-во часов Форма обучения/);
    const en = await pdf('network_admin', url(approvedId, 'en'));
    assert.match(en.pages[0], /The world of robotics/);
    assert.match(en.pages[0], /Programme for grades 8–9/);
    assert.match(en.text, /5\. Recommended literature/);
  });

  test('a draft: one grade, no review, not approved yet, its missing parts as lines to fill in', async () => {
    const d = await pdf('director', url(draftId, 'kk'));
    assert.match(d.pages[0], /Шахмат/);
    assert.match(d.pages[0], /7-сыныпқа арналған бағдарлама/);
    assert.match(d.pages[0], /Әдістемелік бірлестік әлі бекітпеген/);
    assert.doesNotMatch(d.pages[0], /ҚАРАЛДЫ/);
    assert.match(d.text, /1\. Түсіндірме жазба ____/);
  });

  test('refused: a family, another school, a bad language, an unknown course', async () => {
    for (const role of ['parent', 'student', 'director2']) {
      const r = await as(role, 'GET', url(approvedId, 'kk'));
      assertError(r, 403);
    }
    assertError(await as('deputy_academic', 'GET', url(approvedId, 'de')), 400);
    assertError(await as('deputy_academic', 'GET', url(99999999, 'kk')), 404);
  });
});
