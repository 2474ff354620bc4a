// Clubs, үйірме (issue 8): the deputy for upbringing opens clubs (a sports section names
// its sport); the leader writes the year-long programme with hours and the director's
// deputy approves it (CLB-5, CLB-7); the schedule after lessons — a slot during a member's
// lessons of the approved timetable is 422 CLB-5 — approved by the director; members join
// until 30 June for the next year (CLB-1), may be in several clubs and leave during the
// year (CLB-2), need a valid certificate for a sports section (CLB-3: the day it is valid
// until and the day after) and keep the place when ill (CLB-4); the journal, the
// quarterly report and the deputy's check, the clubs not checked (CLB-7, CLB-8); results
// with their level (CLB-6); the satisfaction survey (CLB-8); the student's clubs for the
// parent. Each 422 lists every broken rule and writes nothing (the audit log does not
// grow). The thresholds' both sides are also core's unit tests (tests/unit/test_club.c).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, getPdf, network, problems, rolesOf, startServer } from './server.mjs';

const TODAY = '2026-11-26';
const srv = await startServer({ serveArgs: ['--today', TODAY] });
after(() => srv.stop());

const { as, get, auditGrows } = rolesOf(srv);
const ok = async (role, method, p, body, status = 200) => {
  const r = await as(role, method, p, body);
  assert.equal(r.status, status, `${role} ${method} ${p}: ${r.text}`);
  return r.body;
};

const club = (extra = {}) => ({
  title: { kk: 'Робототехника үйірмесі', ru: 'Кружок робототехники', en: 'Robotics club' },
  direction: 'technology',
  weekly_hours: 2,
  ...extra,
});
const section = (extra = {}) => club({
  title: { kk: 'Волейбол секциясы', ru: 'Секция волейбола', en: 'Volleyball section' },
  direction: 'sport',
  sports: true,
  sport: 'volleyball',
  ...extra,
});

let net;
let leaderStaff;
let child; // the parent's child
let pupils; // studying students of school 1, not the child

before(async () => {
  net = await network(srv);
  leaderStaff = (await get('club_leader', '/api/v1/me')).staff_id;
  assert.ok(leaderStaff, "the club leader's staff id");
  const me = await get('parent', '/api/v1/me');
  child = me.children.find((c) => c.school_id === net.school1 && c.status === 'studying');
  assert.ok(child, "the parent's child in school 1");
  pupils = [];
  for (const c of net.classes1.filter((k) => k.grade === 7 || k.grade === 9)) {
    for (const s of (await get('deputy_upbringing', `/api/v1/classes/${c.id}/students?limit=100`)).items)
      if (s.id !== child.id && s.status === 'studying') pupils.push(s);
  }
  assert.ok(pupils.length >= 12, 'school 1 has a dozen grade-7 and grade-9 students');
});

const newClub = (body = club({ leader_id: leaderStaff })) =>
  ok('deputy_upbringing', 'POST', `/api/v1/schools/${net.school1}/clubs`, body, 201);

describe('clubs, programme and schedule (CLB-5, CLB-7)', () => {
  test('the deputy opens a club; a wrong one gets every problem at once, nothing written', async () => {
    const c = await auditGrows(1, () => newClub());
    assert.equal(c.title.en, 'Robotics club');
    assert.equal(c.sports, false);
    assert.ok(c.leader, 'the leader is named');
    assert.equal(c.programme_approved_on, null);
    const r = await auditGrows(0, () => as('deputy_upbringing', 'POST', `/api/v1/schools/${net.school1}/clubs`,
      section({ sport: null, leader_id: 999999 })));
    assertError(r, 422);
    const got = problems(r);
    assert.ok(got.includes('club_sport_missing:sport'), got.join());
    assert.ok(got.includes('club_leader_role:leader_id'), got.join());
    const ru = await srv.api('POST', `/api/v1/schools/${net.school1}/clubs`,
      { token: await srv.login('deputy_upbringing'), body: section({ sport: null }), lang: 'ru' });
    assert.equal(ru.status, 422);
    const d = ru.body.error.details.find((x) => x.code === 'club_sport_missing');
    assert.equal(d.rule, 'CLB-3');
    assert.match(d.message, /вид спорта/);
    assert.equal((await as('teacher', 'POST', `/api/v1/schools/${net.school1}/clubs`, club())).status, 403);
    assert.equal((await as('director2', 'POST', `/api/v1/schools/${net.school1}/clubs`, club())).status, 403);
  });

  test('the leader writes the programme, the deputy approves it; an empty one is refused', async () => {
    const c = await newClub();
    const empty = await auditGrows(0, () => as('deputy_upbringing', 'POST', `/api/v1/clubs/${c.id}/programme/approve`,
      { date: '2026-09-05' }));
    assertError(empty, 422, 'club_programme_empty');
    assert.equal(empty.body.error.rule, 'CLB-5');
    const rows = [
      { quarter: 1, topic: 'Датчиктер', hours: 10 },
      { quarter: 2, topic: 'Қозғалтқыштар', hours: 8 },
      { quarter: 3, topic: 'Жоба', hours: 10 },
      { quarter: 4, topic: 'Жарыс', hours: 8 },
    ];
    const p = await auditGrows(1, () => ok('club_leader', 'PUT', `/api/v1/clubs/${c.id}/programme`, { rows }));
    assert.equal(p.programme.length, 4);
    assert.equal(p.programme.reduce((s, r) => s + r.hours, 0), 36);
    assert.equal((await as('club_leader', 'POST', `/api/v1/clubs/${c.id}/programme/approve`, { date: '2026-09-05' })).status, 403);
    const a = await ok('deputy_upbringing', 'POST', `/api/v1/clubs/${c.id}/programme/approve`, { date: '2026-09-05' });
    assert.equal(a.programme_approved_on, '2026-09-05');
    const future = await as('deputy_upbringing', 'POST', `/api/v1/clubs/${c.id}/programme/approve`, { date: '2026-12-01' });
    assertError(future, 422, 'date_in_future');
    /* a changed programme goes back to approval */
    const again = await ok('club_leader', 'PUT', `/api/v1/clubs/${c.id}/programme`, { rows: rows.slice(0, 2) });
    assert.equal(again.programme_approved_on, null);
  });

  test('a schedule slot during a member\'s lessons is 422 CLB-5; after lessons it is saved, the director approves', async () => {
    const c = await newClub();
    const pupil = pupils[0];
    await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`, { student_id: pupil.id, joined_on: '2026-09-10' }, 201);
    const bad = await auditGrows(0, () => as('club_leader', 'PUT', `/api/v1/clubs/${c.id}/schedule`, {
      slots: [
        { weekday: 2, starts_at: '09:00', ends_at: '10:00', room: '101' },
        { weekday: 4, starts_at: '16:00', ends_at: '15:00', room: '101' },
        { weekday: 5, starts_at: '25:00', ends_at: '26:00' },
      ],
    }));
    assertError(bad, 422);
    assert.deepEqual(problems(bad), ['club_session_during_lessons:slots[0].starts_at', 'club_time_invalid:slots[2].starts_at',
      'club_time_order:slots[1].ends_at'].sort());
    const clash = bad.body.error.details.find((d) => d.code === 'club_session_during_lessons');
    assert.equal(clash.rule, 'CLB-5');
    assert.equal((await get('club_leader', `/api/v1/clubs/${c.id}`)).schedule.length, 0, 'nothing written');
    const slots = [{ weekday: 2, starts_at: '17:00', ends_at: '18:20', room: '101' }, { weekday: 4, starts_at: '17:00', ends_at: '17:45', room: '101' }];
    const s = await auditGrows(1, () => ok('club_leader', 'PUT', `/api/v1/clubs/${c.id}/schedule`, { slots }));
    assert.equal(s.schedule.length, 2);
    assert.equal(s.schedule_approved_on, null);
    assert.equal((await as('deputy_upbringing', 'POST', `/api/v1/clubs/${c.id}/schedule/approve`, { date: '2026-09-11' })).status, 403);
    const a = await ok('director', 'POST', `/api/v1/clubs/${c.id}/schedule/approve`, { date: '2026-09-11' });
    assert.equal(a.schedule_approved_on, '2026-09-11');
    /* an empty schedule is not approved (CLB-5) */
    const bare = await newClub();
    const none = await auditGrows(0, () => as('director', 'POST', `/api/v1/clubs/${bare.id}/schedule/approve`, { date: '2026-09-11' }));
    assertError(none, 422, 'club_schedule_empty');
    assert.equal(none.body.error.rule, 'CLB-5');
  });
});

describe('members (CLB-1..CLB-5)', () => {
  test('a sports section needs a certificate for its sport valid on the day (CLB-3)', async () => {
    const c = await newClub(section({ leader_id: leaderStaff }));
    const [a, b] = [pupils[1], pupils[2]];
    const none = await auditGrows(0, () => as('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`,
      { student_id: a.id, joined_on: '2026-11-20' }));
    assertError(none, 422, 'club_certificate_missing');
    assert.equal(none.body.error.rule, 'CLB-3');
    assert.equal(none.body.error.field, 'student_id');
    /* a certificate for another sport does not count */
    await ok('deputy_upbringing', 'POST', `/api/v1/students/${a.id}/medical-certificates`,
      { sport: 'football', issued_on: '2026-09-01', valid_until: '2027-05-31' }, 201);
    assertError(await as('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`, { student_id: a.id, joined_on: '2026-11-20' }),
      422, 'club_certificate_missing');
    /* valid until 20 November: joining on the 20th is allowed, on the 21st not */
    await auditGrows(1, () => ok('deputy_upbringing', 'POST', `/api/v1/students/${a.id}/medical-certificates`,
      { sport: 'volleyball', issued_on: '2026-09-01', valid_until: '2026-11-20' }, 201));
    await ok('deputy_upbringing', 'POST', `/api/v1/students/${b.id}/medical-certificates`,
      { sport: 'volleyball', issued_on: '2026-09-01', valid_until: '2026-11-20' }, 201);
    const late = await auditGrows(0, () => as('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`,
      { student_id: b.id, joined_on: '2026-11-21' }));
    const e = assertError(late, 422, 'club_certificate_missing');
    assert.equal(e.details[0].expired, true, 'the certificate is on file but expired');
    const m = await auditGrows(1, () => ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`,
      { student_id: a.id, joined_on: '2026-11-20' }, 201));
    assert.equal(m.status, 'active');
    assert.equal(m.joined_on, '2026-11-20');
    /* the certificate's dates in order; the parent and a stranger teacher may not enter one */
    assertError(await as('deputy_upbringing', 'POST', `/api/v1/students/${a.id}/medical-certificates`,
      { sport: 'volleyball', issued_on: '2026-09-01', valid_until: '2026-08-31' }), 422, 'club_certificate_dates');
    assert.equal((await as('parent', 'POST', `/api/v1/students/${child.id}/medical-certificates`,
      { sport: 'volleyball', issued_on: '2026-09-01', valid_until: '2027-05-31' })).status, 403);
    /* the sport of a section with members does not change under them */
    const fixed = await auditGrows(0, () => as('deputy_upbringing', 'PATCH', `/api/v1/clubs/${c.id}`, { sport: 'basketball' }));
    assertError(fixed, 422, 'club_sport_fixed');
    assert.equal(fixed.body.error.rule, 'CLB-3');
    const certs = await get('parent', `/api/v1/students/${child.id}/medical-certificates`);
    assert.ok(Array.isArray(certs.items));
  });

  test('a student is in several clubs, leaves one during the year and may join again (CLB-2)', async () => {
    const c1 = await newClub();
    const c2 = await newClub(club({ title: { kk: 'Шахмат', ru: 'Шахматы', en: 'Chess' }, direction: 'science' }));
    const s = pupils[3];
    const m1 = await ok('club_leader', 'POST', `/api/v1/clubs/${c1.id}/members`, { student_id: s.id, joined_on: '2026-09-15' }, 201);
    await ok('deputy_upbringing', 'POST', `/api/v1/clubs/${c2.id}/members`, { student_id: s.id, joined_on: '2026-09-15' }, 201);
    assertError(await auditGrows(0, () => as('club_leader', 'POST', `/api/v1/clubs/${c1.id}/members`,
      { student_id: s.id, joined_on: '2026-10-01' })), 422, 'club_already_member');
    assertError(await as('club_leader', 'POST', `/api/v1/club-members/${m1.id}/leave`, { left_on: '2026-09-01' }),
      422, 'club_left_before_joined');
    const left = await auditGrows(1, () => ok('club_leader', 'POST', `/api/v1/club-members/${m1.id}/leave`, { left_on: '2026-10-31' }));
    assert.equal(left.left_on, '2026-10-31');
    assertError(await as('club_leader', 'POST', `/api/v1/club-members/${m1.id}/leave`, { left_on: '2026-11-01' }),
      422, 'club_member_left');
    assertError(await auditGrows(0, () => as('club_leader', 'PATCH', `/api/v1/club-members/${m1.id}`, { status: 'ill' })),
      422, 'club_member_left');
    await ok('club_leader', 'POST', `/api/v1/clubs/${c1.id}/members`, { student_id: s.id, joined_on: '2026-11-10' }, 201);
    const list = (await get('club_leader', `/api/v1/clubs/${c1.id}`)).member_list.filter((m) => m.student_id === s.id);
    assert.equal(list.length, 2, 'both memberships in the history');
    assert.deepEqual(list.map((m) => m.left_on), [null, '2026-10-31']);
  });

  test('an ill member keeps the place (CLB-4): a status, marked in the journal as the reason', async () => {
    const c = await newClub();
    const s = pupils[4];
    const m = await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`, { student_id: s.id, joined_on: '2026-09-15' }, 201);
    const ill = await auditGrows(1, () => ok('club_leader', 'PATCH', `/api/v1/club-members/${m.id}`,
      { status: 'sanatorium', status_note: 'Бурабай, 3 апта' }));
    assert.equal(ill.status, 'sanatorium');
    assert.equal(ill.left_on, null, 'still a member');
    const session = await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/sessions`,
      { date: '2026-11-24', content: 'Датчиктер', hours: 2, absent: [{ student_id: s.id }] });
    assert.deepEqual(session.absent, [{ student_id: s.id, reason: 'sanatorium' }]);
    assertError(await as('club_leader', 'PATCH', `/api/v1/club-members/${m.id}`, { status: 'away' }), 422);
  });

  test('recruitment for the next year closes on 30 June (CLB-1)', async () => {
    /* a next year starting on 1 September 2027 recruits today (26 November 2026) */
    const next = await as('director', 'POST', `/api/v1/schools/${net.school1}/academic-years`,
      { name: '2027-2028', starts_on: '2027-09-01', ends_on: '2028-05-25' });
    assert.ok(next.status === 201, next.text);
    const c = await newClub(club({ academic_year_id: next.body.id, leader_id: leaderStaff }));
    const m = await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`, { student_id: pupils[5].id }, 201);
    assert.equal(m.joined_on, '2027-09-01', 'a join for next year counts from its first day');
    /* a year that starts after today and whose 30 June has passed: recruitment closed */
    const soon = await as('director', 'POST', `/api/v1/schools/${net.school1}/academic-years`,
      { name: '2026-2027 (2)', starts_on: '2026-12-01', ends_on: '2027-05-25' });
    assert.equal(soon.status, 201, soon.text);
    const k = await newClub(club({ academic_year_id: soon.body.id }));
    const r = await auditGrows(0, () => as('club_leader', 'POST', `/api/v1/clubs/${k.id}/members`,
      { student_id: pupils[5].id }));
    assertError(r, 403);
    const d = await auditGrows(0, () => as('deputy_upbringing', 'POST', `/api/v1/clubs/${k.id}/members`,
      { student_id: pupils[5].id }));
    assertError(d, 422, 'club_recruitment_closed');
    assert.equal(d.body.error.rule, 'CLB-1');
  });

  test('joining a club whose approved slots fall in the student\'s lessons is 422 CLB-5', async () => {
    const c = await newClub();
    await ok('club_leader', 'PUT', `/api/v1/clubs/${c.id}/schedule`, { slots: [{ weekday: 3, starts_at: '08:30', ends_at: '09:30' }] });
    const r = await auditGrows(0, () => as('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`,
      { student_id: pupils[6].id, joined_on: '2026-11-02' }));
    assertError(r, 422, 'club_session_during_lessons');
    assert.equal(r.body.error.rule, 'CLB-5');
  });
});

describe('the journal, the report, the checks, results and survey (CLB-6..CLB-8)', () => {
  test('the leader fills the journal; the quarter\'s report counts hours and attendance; the deputy\'s check', async () => {
    const c = await newClub();
    const [a, b] = [pupils[7], pupils[8]];
    await ok('club_leader', 'PUT', `/api/v1/clubs/${c.id}/programme`,
      { rows: [{ quarter: 2, topic: 'Датчиктер', hours: 6 }, { quarter: 2, topic: 'Қозғалтқыштар', hours: 4 }] });
    await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`, { student_id: a.id, joined_on: '2026-11-01' }, 201);
    await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`, { student_id: b.id, joined_on: '2026-11-12' }, 201);
    const bad = await auditGrows(0, () => as('club_leader', 'POST', `/api/v1/clubs/${c.id}/sessions`,
      { date: '2026-11-10', content: 'Жарық датчигі', hours: 2, absent: [{ student_id: b.id }] }));
    assertError(bad, 422, 'club_not_member');
    assert.equal(bad.body.error.field, 'absent[0].student_id');
    assertError(await as('club_leader', 'POST', `/api/v1/clubs/${c.id}/sessions`,
      { date: '2026-11-30', content: 'Ертең', hours: 2 }), 422, 'date_in_future');
    await auditGrows(1, () => ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/sessions`,
      { date: '2026-11-10', content: 'Жарық датчигі', hours: 2 }));
    await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/sessions`,
      { date: '2026-11-17', content: 'Қашықтық датчигі', hours: 2, absent: [{ student_id: a.id, reason: 'ill' }] });
    await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/sessions`,
      { date: '2026-11-24', content: 'Сервожетек', hours: 1, absent: [{ student_id: b.id, reason: 'unexcused' }] });
    /* the same date again replaces the session */
    await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/sessions`, { date: '2026-11-24', content: 'Сервожетек', hours: 2 });
    const sessions = (await get('teacher', `/api/v1/clubs/${c.id}/sessions`)).items;
    assert.equal(sessions.length, 3);
    const rep = await get('deputy_upbringing', `/api/v1/clubs/${c.id}/report?quarter=2`);
    assert.equal(rep.hours_planned, 10);
    assert.equal(rep.hours_held, 6);
    assert.equal(rep.percent, 60);
    assert.equal(rep.topics.length, 2);
    const byId = Object.fromEntries(rep.attendance.map((x) => [x.student_id, x]));
    assert.deepEqual([byId[a.id].sessions, byId[a.id].attended], [3, 2]);
    assert.deepEqual([byId[b.id].sessions, byId[b.id].attended], [2, 2], 'b joined on the 12th');
    assert.equal(rep.check, null);
    assert.equal((await as('deputy_upbringing', 'GET', `/api/v1/clubs/${c.id}/report?quarter=5`)).status, 400);
    /* CLB-8: not checked in the 2nd quarter until the deputy records the check */
    const before = (await get('deputy_upbringing', `/api/v1/schools/${net.school1}/clubs/unchecked?quarter=2`)).items;
    assert.ok(before.some((x) => x.id === c.id));
    assert.equal((await as('club_leader', 'POST', `/api/v1/clubs/${c.id}/checks`, { quarter: 2, checked_on: '2026-11-25' })).status, 403);
    await auditGrows(1, () => ok('deputy_upbringing', 'POST', `/api/v1/clubs/${c.id}/checks`,
      { quarter: 2, checked_on: '2026-11-25', note: 'Журнал толтырылған' }, 201));
    const afterCheck = (await get('director', `/api/v1/schools/${net.school1}/clubs/unchecked?quarter=2`)).items;
    assert.ok(!afterCheck.some((x) => x.id === c.id));
    assert.equal((await get('deputy_upbringing', `/api/v1/clubs/${c.id}/report?quarter=2`)).check.checked_on, '2026-11-25');
    /* the same report as a document to print and sign, in each language (CLB-7) */
    const kk = await getPdf(srv, 'club_leader', `/api/v1/clubs/${c.id}/report.pdf?quarter=2&lang=kk`);
    assert.match(kk.disposition, new RegExp(`club-report-${c.id}-q2-kk\\.pdf`));
    const text = kk.raw.replace(/\s+/g, ' ');
    for (const want of ['тоқсандық есеп', 'Робототехника үйірмесі', '2-тоқсан', 'Жоспарланған сағат: 10, өткізілгені: 6 (60 %)',
      'Датчиктер', 'Қозғалтқыштар', 'Жарық датчигі', '17.11.2026', 'Журнал толтырылған'])
      assert.ok(text.includes(want), `the kk report has «${want}»: ${text}`);
    const ru = (await getPdf(srv, 'deputy_upbringing', `/api/v1/clubs/${c.id}/report.pdf?quarter=2&lang=ru`)).raw.replace(/\s+/g, ' ');
    assert.ok(ru.includes('Квартальный отчёт') && ru.includes('Запланировано часов: 10, проведено: 6 (60 %)'), ru);
    assert.equal((await as('club_leader', 'GET', `/api/v1/clubs/${c.id}/report.pdf?quarter=0&lang=kk`)).status, 400);
    assert.equal((await as('parent', 'GET', `/api/v1/clubs/${c.id}/report.pdf?quarter=2&lang=kk`)).status, 403);
  });

  test('results with their level (CLB-6) and the survey (CLB-8); the parent sees the child\'s clubs', async () => {
    const c = await newClub();
    const m = await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`, { student_id: child.id, joined_on: '2026-09-20' }, 201);
    assert.ok(m.id);
    const bad = await auditGrows(0, () => as('club_leader', 'POST', `/api/v1/clubs/${c.id}/results`,
      { student_id: pupils[9].id, kind: 'contest', title: 'Robotics Cup', level: 'galactic', date: '2026-11-01' }));
    assertError(bad, 422);
    assert.ok(problems(bad).some((p) => p.endsWith(':level')), problems(bad).join());
    const notMember = await as('club_leader', 'POST', `/api/v1/clubs/${c.id}/results`,
      { student_id: pupils[9].id, kind: 'contest', title: 'Robotics Cup', level: 'regional', date: '2026-11-01' });
    assertError(notMember, 422, 'club_not_member');
    await auditGrows(1, () => ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/results`,
      { student_id: child.id, kind: 'contest', title: 'Robotics Cup', level: 'republican', award: '2-орын', date: '2026-11-01' }, 201));
    const results = (await get('teacher', `/api/v1/clubs/${c.id}/results`)).items;
    assert.equal(results[0].level, 'republican');
    /* survey: the deputy enters the answers of a student and a representative */
    await ok('deputy_upbringing', 'POST', `/api/v1/clubs/${c.id}/survey`, { student_id: child.id, respondent: 'student', satisfaction: 5 }, 201);
    await ok('deputy_upbringing', 'POST', `/api/v1/clubs/${c.id}/survey`, { student_id: child.id, respondent: 'representative', satisfaction: 4, comment: 'Баламыз риза' }, 201);
    const sv = await auditGrows(1, () => ok('deputy_upbringing', 'POST', `/api/v1/clubs/${c.id}/survey`,
      { student_id: child.id, respondent: 'student', satisfaction: 4 }, 201));
    assert.equal(sv.student.answers, 2);
    assert.equal(sv.student.average, 4.5);
    assert.deepEqual(sv.representative.by_score, [0, 0, 0, 1, 0]);
    assert.equal(sv.comments[0].comment, 'Баламыз риза');
    assertError(await as('deputy_upbringing', 'POST', `/api/v1/clubs/${c.id}/survey`,
      { student_id: pupils[9].id, respondent: 'student', satisfaction: 3 }), 422, 'club_not_member');
    assert.equal((await as('parent', 'POST', `/api/v1/clubs/${c.id}/survey`, { student_id: child.id, respondent: 'representative', satisfaction: 1 })).status, 403);
    /* the parent's card of the child */
    const card = await get('parent', `/api/v1/students/${child.id}/clubs`);
    const mine = card.clubs.find((x) => x.club_id === c.id);
    assert.ok(mine, 'the club is on the child\'s card');
    assert.equal(mine.title.en, 'Robotics club');
    assert.ok(card.results.some((x) => x.title === 'Robotics Cup' && x.level === 'republican'));
    assert.equal((await as('parent', 'GET', `/api/v1/students/${pupils[9].id}/clubs`)).status, 403);
  });

  test('the member and a representative answer the survey themselves, once a quarter each (CLB-8)', async () => {
    const c = await newClub();
    const other = await newClub();
    await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`, { student_id: child.id, joined_on: '2026-09-20' }, 201);
    const path = `/api/v1/students/${child.id}/clubs/${c.id}/survey`;
    let card = await get('parent', `/api/v1/students/${child.id}/clubs`);
    assert.equal(card.survey.quarter, 2, 'the quarter of 26 November');
    assert.equal(card.clubs.find((x) => x.club_id === c.id).survey_answered_on, null, 'not answered yet');
    /* refused, nothing written: a score out of 1..5, a club the child is not in */
    const bad = await auditGrows(0, () => as('parent', 'POST', path, { satisfaction: 6 }));
    assertError(bad, 422);
    assert.ok(problems(bad).some((p) => p.endsWith(':satisfaction')), problems(bad).join());
    const notIn = await auditGrows(0, () => as('parent', 'POST',
      `/api/v1/students/${child.id}/clubs/${other.id}/survey`, { satisfaction: 3 }));
    assertError(notIn, 422, 'club_not_member');
    assert.equal(notIn.body.error.details[0].rule, 'CLB-8');
    /* the representative answers; a second answer in the quarter is 409 with the day */
    const a = await auditGrows(1, () => ok('parent', 'POST', path, { satisfaction: 4, comment: 'Ұнайды' }, 201));
    assert.deepEqual([a.quarter, a.respondent, a.answered_on, a.satisfaction], [2, 'representative', TODAY, 4]);
    const again = await auditGrows(0, () => as('parent', 'POST', path, { satisfaction: 5 }));
    assertError(again, 409, 'club_survey_answered');
    assert.equal(again.body.error.details[0].answered_on, TODAY);
    card = await get('parent', `/api/v1/students/${child.id}/clubs`);
    assert.equal(card.clubs.find((x) => x.club_id === c.id).survey_answered_on, TODAY);
    const sv = await get('deputy_upbringing', `/api/v1/clubs/${c.id}/survey`);
    assert.equal(sv.representative.answers, 1);
    assert.equal(sv.comments[0].comment, 'Ұнайды');
    /* no one else answers for the child: another student's parent, the staff through this route */
    assert.equal((await as('parent', 'POST', `/api/v1/students/${pupils[9].id}/clubs/${c.id}/survey`,
      { satisfaction: 3 })).status, 403);
    assert.equal((await as('deputy_upbringing', 'POST', path, { satisfaction: 3 })).status, 403);
    /* the student answers for themself, as the student */
    const own = net.student.student;
    assert.equal(own.school_id, net.school1, 'the demo student is of school 1');
    if (own.id !== child.id) /* the demo's parent is the demo student's: already a member */
      await ok('club_leader', 'POST', `/api/v1/clubs/${c.id}/members`, { student_id: own.id, joined_on: '2026-09-20' }, 201);
    const s = await ok('student', 'POST', `/api/v1/students/${own.id}/clubs/${c.id}/survey`, { satisfaction: 5 }, 201);
    assert.equal(s.respondent, 'student');
    assert.equal((await get('deputy_upbringing', `/api/v1/clubs/${c.id}/survey`)).student.answers, 1);
  });
});
