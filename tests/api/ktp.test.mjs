// The КТЖ laid over the dated lessons (CUR-10, issue 5): the topics of a subject and
// grade laid in order over a class's (or group's) lessons, a topic of N hours taking N
// lessons; a topic moved to a lesson (pinned) and audited with before and after; a
// topic of another subject refused with nothing written; rights both ways; laying
// again changes nothing and keeps the pinned topic; the lessons carry their topic; the
// КТЖ saved again keeps its topics and the pins on them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, assertList, auditOf, network, startServer, rolesOf } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

const { as, get, auditGrows } = rolesOf(srv);

let net;
let mine; // a load line of the demo "teacher": class (or group) and subject
let grade;
let other; // a subject of that class the teacher does not teach there
const TOPICS = [{ title: 'Кіріспе', hours: 2 }, { title: 'Векторлар', hours: 3 }, { title: 'Қорытынды', hours: 1 }];

const unit = () => (mine.group_id ? `&group_id=${mine.group_id}` : '');
const planPath = (subject = mine.subject_id) => `/api/v1/classes/${mine.class_id}/ktp/plan?subject_id=${subject}${subject === mine.subject_id ? unit() : ''}`;
const layPath = () => `/api/v1/classes/${mine.class_id}/ktp/lay`;
const layBody = () => (mine.group_id ? { subject_id: mine.subject_id, group_id: mine.group_id } : { subject_id: mine.subject_id });
const ktpPath = (subject) => `/api/v1/schools/${net.school1}/ktp?subject_id=${subject}&grade=${grade}`;
// the plan of the other subject: the whole class's, or its first group's when split
const otherPlan = async (role) => {
  const p = await get(role, planPath(other));
  return p.lessons.length || !p.groups.length ? p : get(role, `${planPath(other)}&group_id=${p.groups[0]}`);
};
const titles = (plan) => plan.lessons.map((l) => l.topic && l.topic.title);

before(async () => {
  net = await network(srv);
  const me = await get('teacher', '/api/v1/me');
  const load = await get('teacher', `/api/v1/schools/${net.school1}/load`);
  mine = load.assignments.find((a) => a.staff_id === me.staff_id);
  assert.ok(mine, 'the demo teacher has hours');
  grade = Number(mine.class.match(/^\d+/)[0]);
  const lessons = assertList(await as('teacher', 'GET', `/api/v1/classes/${mine.class_id}/lessons?from=2026-09-01&to=2026-12-31`)).items;
  const taught = new Set(load.assignments.filter((a) => a.staff_id === me.staff_id && a.class_id === mine.class_id).map((a) => a.subject_id));
  other = lessons.find((l) => !taught.has(l.subject.id)).subject.id;
  const r = await as('teacher', 'PUT', ktpPath(mine.subject_id), { topics: TOPICS });
  assert.equal(r.status, 200, r.text);
});

describe('the КТЖ over the lessons (CUR-10)', () => {
  test('the teacher lays the topics in order: N hours take N lessons; the rest stay free; audited', async () => {
    const r = await auditGrows(1, () => as('teacher', 'POST', layPath(), layBody()));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.rule, 'CUR-10');
    assert.equal(r.body.changed, 6);
    assert.equal(r.body.units.length, 1);
    assert.equal(r.body.units[0].planned, 6);
    assert.equal(r.body.units[0].not_placed, 0);
    const plan = await get('teacher', planPath());
    assert.ok(plan.lessons.length > 6, `${plan.lessons.length} lessons`);
    assert.deepEqual(titles(plan).slice(0, 7), ['Кіріспе', 'Кіріспе', 'Векторлар', 'Векторлар', 'Векторлар', 'Қорытынды', null]);
    assert.ok(plan.lessons.every((l, i) => i === 0 || `${plan.lessons[i - 1].date}${plan.lessons[i - 1].period}` <= `${l.date}${l.period}`), 'in date and period order');
    assert.deepEqual(plan.not_placed, []);
    assert.equal(plan.total_hours, 6);
    assert.equal(plan.lessons[0].topic.pinned, false);
    const [e] = await auditOf(srv, 'ktp_plan', mine.class_id);
    assert.equal(e.action, 'lay');
    assert.equal(e.login, 'teacher');
    // the lessons of the class carry their topic
    const first = plan.lessons[0];
    const day = assertList(await as('teacher', 'GET', `/api/v1/classes/${mine.class_id}/lessons?from=${first.date}&to=${first.date}`)).items;
    assert.equal(day.find((l) => l.id === first.id).topic.title, 'Кіріспе');
    assert.ok(day.filter((l) => l.subject.id === other).every((l) => l.topic === null));
  });

  test('more hours than lessons: the topics beyond the lessons are not placed', async () => {
    const plan = await get('teacher', planPath());
    const n = plan.lessons.length;
    const topics = [{ title: 'Бәрі', hours: n }, { title: 'Артық', hours: 1 }];
    assert.equal((await as('teacher', 'PUT', ktpPath(mine.subject_id), { topics })).status, 200);
    assert.equal((await as('teacher', 'POST', layPath(), layBody())).status, 200);
    const full = await get('teacher', planPath());
    assert.ok(full.lessons.every((l) => l.topic && l.topic.title === 'Бәрі'));
    assert.deepEqual(full.not_placed.map((t) => [t.title, t.placed_hours]), [['Артық', 0]]);
    // back to the three topics: exactly as many hours as the first six lessons
    assert.equal((await as('teacher', 'PUT', ktpPath(mine.subject_id), { topics: TOPICS })).status, 200);
    const r = await as('deputy_academic', 'POST', layPath(), layBody());
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(titles(await get('teacher', planPath())).slice(0, 7), ['Кіріспе', 'Кіріспе', 'Векторлар', 'Векторлар', 'Векторлар', 'Қорытынды', null]);
  });

  test('a topic moved to a lesson is pinned, the others flow around it; audited with before and after', async () => {
    const plan = await get('teacher', planPath());
    const last = plan.lessons[5].topic; // Қорытынды, 1 hour
    const target = plan.lessons[0];
    const r = await auditGrows(1, () => as('teacher', 'PATCH', `/api/v1/lessons/${target.id}/topic`, { topic_id: last.id }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.topic.title, 'Қорытынды');
    assert.equal(r.body.topic.pinned, true);
    const moved = await get('teacher', planPath());
    assert.deepEqual(titles(moved).slice(0, 7), ['Қорытынды', 'Кіріспе', 'Кіріспе', 'Векторлар', 'Векторлар', 'Векторлар', null]);
    const [e] = await auditOf(srv, 'lesson_topic', target.id);
    assert.equal(e.action, 'move');
    assert.equal(e.before.topic.title, 'Кіріспе');
    assert.equal(e.after.topic.title, 'Қорытынды');
  });

  test('laying again changes nothing, is not audited and keeps the pinned topic', async () => {
    const before = await get('teacher', planPath());
    const r = await auditGrows(0, () => as('teacher', 'POST', layPath(), layBody()));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.changed, 0);
    const again = await get('teacher', planPath());
    assert.deepEqual(again, before);
    assert.equal(again.lessons[0].topic.pinned, true);
  });

  test('a topic of another subject is refused (422 CUR-10) and nothing is written', async () => {
    // the other subject's КТЖ, laid by the deputy over the same class
    assert.equal((await as('deputy_academic', 'PUT', ktpPath(other), { topics: [{ title: 'Басқа', hours: 2 }] })).status, 200);
    const lay = await as('deputy_academic', 'POST', layPath(), { subject_id: other });
    assert.equal(lay.status, 200, lay.text);
    const foreign = (await otherPlan('deputy_academic')).lessons.find((l) => l.topic);
    assert.ok(foreign, 'the other subject has a planned lesson');
    const plan = await get('teacher', planPath());
    const read = () => get('teacher', planPath());
    {
      const r = await auditGrows(0, () => as('teacher', 'PATCH', `/api/v1/lessons/${plan.lessons[3].id}/topic`, { topic_id: foreign.topic.id }));
      assertError(r, 422, 'ktp_topic_mismatch');
      assert.equal(r.body.error.rule, 'CUR-10');
      assert.equal(r.body.error.details[0].field, 'topic_id');
    }
    assertError(await auditGrows(0, () => as('teacher', 'PATCH', `/api/v1/lessons/${plan.lessons[3].id}/topic`, { topic_id: 999999999 })), 422, 'dangling_reference');
    assertError(await as('teacher', 'PATCH', `/api/v1/lessons/${plan.lessons[3].id}/topic`, { topic: 1 }), 422);
    assert.deepEqual(await read(), plan, 'nothing is written');
  });

  test('rights: the keepers and the subject\'s teacher may; another subject\'s teacher, another school, a parent may not', async () => {
    const plan = await get('teacher', planPath());
    const others = await otherPlan('director');
    assert.ok(others.lessons.length > 0);
    assertError(await as('teacher', 'POST', layPath(), { subject_id: other }), 403, 'forbidden');
    assertError(await as('teacher', 'PATCH', `/api/v1/lessons/${others.lessons[0].id}/topic`, { topic_id: null }), 403, 'forbidden');
    assertError(await as('director2', 'POST', layPath(), layBody()), 403, 'forbidden');
    assertError(await as('director2', 'PATCH', `/api/v1/lessons/${plan.lessons[0].id}/topic`, { topic_id: null }), 403, 'forbidden');
    assertError(await as('director2', 'GET', planPath()), 403, 'forbidden');
    assertError(await as('parent', 'POST', layPath(), layBody()), 403, 'forbidden');
    assertError(await as('parent', 'GET', planPath()), 403, 'forbidden');
    assertError(await as('teacher', 'PATCH', '/api/v1/lessons/999999999/topic', { topic_id: null }), 404, 'not_found');
    assertError(await as('teacher', 'GET', `/api/v1/classes/${mine.class_id}/ktp/plan`), 400, 'bad_query');
    assert.equal((await get('network_admin', planPath())).lessons.length, plan.lessons.length);
    // the director takes the pin off: the topics flow back in order
    const r = await as('director', 'PATCH', `/api/v1/lessons/${plan.lessons[0].id}/topic`, { topic_id: null });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.topic.title, 'Кіріспе');
    assert.equal(r.body.topic.pinned, false);
    assert.deepEqual(titles(await get('teacher', planPath())).slice(0, 7), ['Кіріспе', 'Кіріспе', 'Векторлар', 'Векторлар', 'Векторлар', 'Қорытынды', null]);
  });

  test('the КТЖ saved again keeps its topics and the pins on them; a pin on a removed topic goes', async () => {
    const plan = await get('teacher', planPath());
    const [intro, vectors, summary] = [plan.lessons[0].topic, plan.lessons[2].topic, plan.lessons[5].topic];
    assert.deepEqual([intro.title, vectors.title, summary.title], ['Кіріспе', 'Векторлар', 'Қорытынды']);
    const free = plan.lessons[6];
    assert.equal(free.topic, null);
    // Қорытынды moved to the free lesson: pinned
    const moved = await as('teacher', 'PATCH', `/api/v1/lessons/${free.id}/topic`, { topic_id: summary.id });
    assert.equal(moved.status, 200, moved.text);
    assert.deepEqual(titles(await get('teacher', planPath())).slice(0, 7), ['Кіріспе', 'Кіріспе', 'Векторлар', 'Векторлар', 'Векторлар', null, 'Қорытынды']);
    // saved again with a topic inserted in the middle: audited as before
    const inserted = [TOPICS[0], { title: 'Өлшемдер', hours: 1 }, TOPICS[1], TOPICS[2]];
    const put = await auditGrows(1, () => as('teacher', 'PUT', ktpPath(mine.subject_id), { topics: inserted }));
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(put.body.topics, inserted.map((t, i) => ({ position: i + 1, ...t })));
    // the pin is still there, on the same topic, now fourth
    let now = await get('teacher', planPath());
    assert.deepEqual(now.lessons[6].topic, { ...summary, position: 4, pinned: true });
    assert.equal(now.lessons[0].topic.id, intro.id);
    assert.equal(now.lessons[2].topic.id, vectors.id);
    assert.deepEqual(now.not_placed.map((t) => [t.title, t.placed_hours]), [['Өлшемдер', 0]]);
    // the next lay keeps the pin and flows the new topic in
    assert.equal((await as('teacher', 'POST', layPath(), layBody())).status, 200);
    now = await get('teacher', planPath());
    assert.deepEqual(titles(now).slice(0, 8), ['Кіріспе', 'Кіріспе', 'Өлшемдер', 'Векторлар', 'Векторлар', 'Векторлар', 'Қорытынды', null]);
    assert.equal(now.lessons[6].topic.pinned, true);
    assert.equal(now.lessons[6].topic.id, summary.id);
    assert.deepEqual(now.not_placed, []);
    // saved again without Өлшемдер and Қорытынды: the lessons of the removed topics, the pin with them, are cleared
    assert.equal((await as('teacher', 'PUT', ktpPath(mine.subject_id), { topics: TOPICS.slice(0, 2) })).status, 200);
    now = await get('teacher', planPath());
    assert.deepEqual(titles(now).slice(0, 8), ['Кіріспе', 'Кіріспе', null, 'Векторлар', 'Векторлар', 'Векторлар', null, null]);
    const day = assertList(await as('teacher', 'GET', `/api/v1/classes/${mine.class_id}/lessons?from=${free.date}&to=${free.date}`)).items;
    assert.equal(day.find((l) => l.id === free.id).topic, null);
    // back to the three topics, laid in order
    assert.equal((await as('teacher', 'PUT', ktpPath(mine.subject_id), { topics: TOPICS })).status, 200);
    assert.equal((await as('teacher', 'POST', layPath(), layBody())).status, 200);
    now = await get('teacher', planPath());
    assert.deepEqual(titles(now).slice(0, 7), ['Кіріспе', 'Кіріспе', 'Векторлар', 'Векторлар', 'Векторлар', 'Қорытынды', null]);
    assert.ok(now.lessons.every((l) => !l.topic || !l.topic.pinned));
    assert.equal(now.lessons[0].topic.id, intro.id);
  });
});
