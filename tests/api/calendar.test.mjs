// The academic calendar (issue 5, "Calendar"): the structure of a year and its check
// (CAL-1..CAL-4, 422 with every rule and nothing written), approval and its rights,
// the network office's list of years not fixed before 25 August (CAL-5), the public
// holidays as data edited by the network office, and working days (CAL-7).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, auditOf, auditTotal, network, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net;
before(async () => {
  net = await network(srv);
});

const as = async (role, method, p, body, lang) => srv.api(method, p, { token: await srv.login(role), body, lang });

/* Asserts that after `fn` the audit log grew by exactly `n` entries. */
async function auditGrows(n, fn) {
  const before = await auditTotal(srv);
  const out = await fn();
  assert.equal(await auditTotal(srv), before + n, `the audit log grows by ${n}`);
  return out;
}

/* Today in Kazakhstan (UTC+5), as the server counts it. */
const todayKz = () => new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);

/* A valid NIS structure of 2027–2028: 173 study days (164 for grades 11–12), 31
 * holiday days, a summer of 98 days (90 for seniors). No external assessment of grade
 * 10 (assessment_basic): the basic level keeps its 173 days. */
function nis2027() {
  return {
    type: 'quarters',
    terms: [
      { starts_on: '2027-09-01', ends_on: '2027-10-22' },
      { starts_on: '2027-11-02', ends_on: '2027-12-29' },
      { starts_on: '2028-01-10', ends_on: '2028-03-17' },
      { starts_on: '2028-03-28', ends_on: '2028-05-25' },
    ],
    holidays: [
      { kind: 'autumn', starts_on: '2027-10-23', ends_on: '2027-11-01' },
      { kind: 'winter', starts_on: '2027-12-30', ends_on: '2028-01-09' },
      { kind: 'spring', starts_on: '2028-03-18', ends_on: '2028-03-27' },
    ],
    assessment: { starts_on: '2028-05-15', ends_on: '2028-06-02' },
  };
}

/* The rules of an error's details, sorted and without repeats. */
const rulesOf = (r) => [...new Set(r.body.error.details.map((d) => d.rule))].sort();
const detail = (r, code) => r.body.error.details.find((d) => d.code === code);

let year; // school1's 2027–2028, created by the director below

describe('the demo years', () => {
  test('every demo school has a 2026–2027 structure that passes the check, approved before 25 August', async () => {
    for (const [school, classes, type, terms] of [[net.school1, net.classes1, 'quarters', 4], [net.school2, net.classes2, 'semesters', 2]]) {
      const id = classes[0].academic_year_id;
      const s = await as('network_admin', 'GET', `/api/v1/academic-years/${id}/structure`);
      assert.equal(s.status, 200, s.text);
      assert.equal(s.body.academic_year.school_id, school);
      assert.equal(s.body.type, type);
      assert.equal(s.body.terms.length, terms);
      assert.deepEqual(s.body.holidays.map((h) => h.kind), ['autumn', 'winter', 'spring']);
      assert.ok(s.body.assessment);
      assert.equal(s.body.academic_year.fixed_on, '2026-08-20');
      assert.equal(s.body.academic_year.status, 'current');
      const c = await as('network_admin', 'GET', `/api/v1/academic-years/${id}/check`);
      assert.equal(c.status, 200, c.text);
      assert.equal(c.body.ok, true, c.text);
      assert.deepEqual(c.body.problems, []);
      assert.deepEqual(c.body.figures.levels, ['basic', 'high']);
      assert.equal(c.body.figures.study_days, 171);
      assert.equal(c.body.figures.holiday_days, 32);
    }
  });
});

describe('CAL-1..CAL-4: saving a structure', () => {
  before(async () => {
    const r = await as('director', 'POST', `/api/v1/schools/${net.school1}/academic-years`, { name: '2027-2028', starts_on: '2027-09-01', ends_on: '2028-05-25' });
    assert.equal(r.status, 201, r.text);
    year = r.body;
    assert.equal(year.approved_at, null);
    assert.equal(year.type, 'quarters');
  });

  test('a draft that breaks CAL-1, CAL-2, CAL-3 and CAL-4 is refused with 422, every problem with its rule, nothing written', async () => {
    const bad = nis2027();
    bad.terms.pop(); // 3 quarters: CAL-1, and too few study weeks: CAL-2
    bad.holidays.pop(); // 21 holiday days: CAL-3
    bad.assessment.ends_on = '2028-06-30'; // seniors' summer 62 days: CAL-4
    const r = await auditGrows(0, () => as('deputy_academic', 'PUT', `/api/v1/academic-years/${year.id}/structure`, bad));
    const e = assertError(r, 422, 'calendar_term_count');
    assert.equal(e.rule, 'CAL-1');
    assert.deepEqual(rulesOf(r), ['CAL-1', 'CAL-2', 'CAL-3', 'CAL-4']);
    assert.deepEqual(detail(r, 'calendar_term_count'), { ...detail(r, 'calendar_term_count'), have: 3, need: 4, unit: 'terms', field: 'terms' });
    const weeks = detail(r, 'calendar_study_weeks_basic');
    assert.equal(weeks.level, 'basic');
    assert.equal(weeks.need, 165);
    assert.ok(weeks.have < 165);
    assert.equal(detail(r, 'calendar_holiday_days').have, 21);
    const summer = detail(r, 'calendar_summer_senior');
    assert.deepEqual([summer.rule, summer.field, summer.have, summer.need], ['CAL-4', 'assessment', 62, 70]);
    const s = await as('deputy_academic', 'GET', `/api/v1/academic-years/${year.id}/structure`);
    assert.deepEqual([s.body.terms, s.body.holidays, s.body.assessment], [[], [], null]);
  });

  test('CAL-3: holidays of 30 days pass, 29 fail', async () => {
    const s = nis2027();
    s.holidays[2].ends_on = '2028-03-25'; // 10 + 11 + 8 = 29
    const r = await as('director', 'PUT', `/api/v1/academic-years/${year.id}/structure`, s);
    assertError(r, 422, 'calendar_holiday_days');
    assert.deepEqual(rulesOf(r), ['CAL-3']);
    assert.equal(r.body.error.have, 29);
    s.holidays[2].ends_on = '2028-03-26'; // 30
    const c = await as('director', 'GET', `/api/v1/academic-years/${year.id}/check`);
    assert.equal(c.body.ok, false, 'still nothing saved');
    const ok = await as('director', 'PUT', `/api/v1/academic-years/${year.id}/structure`, s);
    assert.equal(ok.status, 200, ok.text);
  });

  test('CAL-4: seniors\' summer of 10 weeks passes, 10 weeks minus a day fails', async () => {
    const s = nis2027();
    s.assessment.ends_on = '2028-06-23'; // 24 June .. 31 August = 69 days
    const r = await as('director', 'PUT', `/api/v1/academic-years/${year.id}/structure`, s);
    assertError(r, 422, 'calendar_summer_senior');
    assert.deepEqual([r.body.error.have, r.body.error.need, r.body.error.level], [69, 70, 'high']);
    s.assessment.ends_on = '2028-06-22'; // 70 days
    assert.equal((await as('director', 'PUT', `/api/v1/academic-years/${year.id}/structure`, s)).status, 200);
  });

  test('the body is checked first: each problem names its path, in the request\'s language', async () => {
    const s = nis2027();
    s.type = 'trimesters';
    s.terms[1].starts_on = '2027-11-31';
    s.terms[2].number = 7;
    s.holidays[0].kind = 'summer';
    delete s.holidays[1].ends_on;
    s.assessment.extra = 1;
    const r = await auditGrows(0, () => as('director', 'PUT', `/api/v1/academic-years/${year.id}/structure`, s, 'en'));
    assertError(r, 422);
    const got = r.body.error.details.map((d) => `${d.code}:${d.field}`).sort();
    assert.deepEqual(got, ['bad_date:terms[1].starts_on', 'bad_enum:holidays[0].kind', 'bad_enum:type',
      'missing_field:holidays[1].ends_on', 'unknown_field:assessment.extra']);
    assert.equal(detail(r, 'bad_date').message, 'The date must be YYYY-MM-DD: term 2: start date.');
    const n = nis2027();
    n.terms[2].number = 2;
    const r2 = await as('director', 'PUT', `/api/v1/academic-years/${year.id}/structure`, n);
    assert.equal(assertError(r2, 422, 'out_of_range').field, 'terms[2].number');
    const r3 = await as('director', 'PUT', `/api/v1/academic-years/${year.id}/structure`, { type: 'quarters', terms: new Array(9).fill({ starts_on: '2027-09-01', ends_on: '2027-09-02' }), holidays: [] });
    assert.equal(assertError(r3, 422, 'out_of_range').field, 'terms');
  });

  test('a valid structure is saved (200), read back as sent, and audited with before and after', async () => {
    const s = nis2027();
    const r = await auditGrows(1, () => as('deputy_academic', 'PUT', `/api/v1/academic-years/${year.id}/structure`, s));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.terms, s.terms.map((t, i) => ({ number: i + 1, ...t })));
    assert.deepEqual(r.body.holidays, s.holidays);
    assert.deepEqual(r.body.assessment, s.assessment);
    const g = await as('teacher', 'GET', `/api/v1/academic-years/${year.id}/structure`);
    assert.deepEqual(g.body, r.body);
    /* what was read can be sent back without academic_year */
    const { academic_year: _, ...back } = g.body;
    assert.equal((await as('director', 'PUT', `/api/v1/academic-years/${year.id}/structure`, back)).status, 200);
    const [e] = await auditOf(srv, 'academic_year_structure', year.id);
    assert.equal(e.action, 'update');
    assert.equal(e.school_id, net.school1);
    assert.deepEqual(e.after, r.body);
    assert.equal(e.before.terms.length, 4);
  });

  test('the check is a report a deputy runs (200), with what was measured', async () => {
    const c = await as('deputy_academic', 'GET', `/api/v1/academic-years/${year.id}/check`);
    assert.equal(c.status, 200, c.text);
    assert.deepEqual(c.body, {
      academic_year_id: year.id, ok: true, problems: [],
      figures: { levels: ['basic', 'high'], study_days: 173, study_days_basic: 173, study_days_high: 164, holiday_days: 31, summer_until: '2028-09-01', summer_days: 98, summer_days_senior: 90 },
    });
  });

  test('CAL-2: grade 10\'s external assessment is taken out of the basic level\'s 33 weeks — 165 study days pass, 164 are 422 and nothing is written', async () => {
    const path = `/api/v1/academic-years/${year.id}/structure`;
    const saved = (await as('director', 'GET', path)).body;
    assert.equal(saved.assessment_basic, null);
    const s = nis2027();
    /* 15 May .. 9 June 2028 takes 9 study days of quarter 4: 173 - 9 = 164 for the basic
     * level; the same year without it passes (it is the one saved) */
    s.assessment_basic = { starts_on: '2028-05-15', ends_on: '2028-06-09' };
    const r = await auditGrows(0, () => as('deputy_academic', 'PUT', path, s, 'en'));
    const e = assertError(r, 422, 'calendar_study_weeks_basic');
    assert.deepEqual(rulesOf(r), ['CAL-2']);
    assert.equal(r.body.error.details.length, 1, 'grades 11–12 keep their days: no calendar_study_weeks_high');
    assert.deepEqual([e.rule, e.field, e.level, e.have, e.need, e.unit], ['CAL-2', 'terms', 'basic', 164, 165, 'study_days']);
    assert.deepEqual((await as('director', 'GET', path)).body, saved, 'nothing written');
    /* it starts inside the year like the grades 11–12 period (CAL-1), under its own field */
    const late = nis2027();
    late.assessment_basic = { starts_on: '2028-05-26', ends_on: '2028-06-09' };
    const l = await auditGrows(0, () => as('director', 'PUT', path, late, 'en'));
    const o = assertError(l, 422, 'calendar_assessment_outside_year');
    assert.deepEqual([o.rule, o.field], ['CAL-1', 'assessment_basic']);
    assert.equal(o.message, 'The external assessment must start within the academic year: grade 10 external assessment.');
    late.assessment_basic.extra = 1;
    assert.equal(assertError(await as('director', 'PUT', path, late), 422, 'unknown_field').field, 'assessment_basic.extra');

    /* from 16 May: 8 study days, 165 left — saved, read back, audited, counted */
    s.assessment_basic.starts_on = '2028-05-16';
    const ok = await auditGrows(1, () => as('deputy_academic', 'PUT', path, s));
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual(ok.body.assessment_basic, s.assessment_basic);
    assert.deepEqual(ok.body.assessment, s.assessment);
    const g = await as('teacher', 'GET', path);
    assert.deepEqual(g.body, ok.body);
    const [a] = await auditOf(srv, 'academic_year_structure', year.id);
    assert.deepEqual([a.before.assessment_basic, a.after.assessment_basic], [null, s.assessment_basic]);
    const c = await as('deputy_academic', 'GET', `/api/v1/academic-years/${year.id}/check`);
    assert.equal(c.body.ok, true, c.text);
    assert.deepEqual([c.body.figures.study_days, c.body.figures.study_days_basic, c.body.figures.study_days_high], [173, 165, 164]);
    /* a PUT that leaves it out removes it, as it does the grades 11–12 period */
    const { assessment_basic: _, ...without } = s;
    const w = await as('director', 'PUT', path, without);
    assert.equal(w.status, 200, w.text);
    assert.equal(w.body.assessment_basic, null);
  });

  test('rights: a teacher, a parent and director2 may not save; other schools are not read', async () => {
    for (const role of ['teacher', 'timetable_officer', 'contingent_unit', 'parent', 'student', 'director2'])
      assertError(await as(role, 'PUT', `/api/v1/academic-years/${year.id}/structure`, nis2027()), 403, 'forbidden');
    for (const role of ['director2', 'parent'])
      for (const p of ['structure', 'check'])
        assertError(await as(role, 'GET', `/api/v1/academic-years/${year.id}/${p}`), 403, 'forbidden');
    assertError(await as('network_admin', 'GET', '/api/v1/academic-years/99999999/structure'), 404, 'not_found');
    /* the network admin may save any school's structure */
    assert.equal((await as('network_admin', 'PUT', `/api/v1/academic-years/${year.id}/structure`, nis2027())).status, 200);
  });
});

describe('approval (CAL-5)', () => {
  test('the deputy, a teacher, the network admin and director2 may not approve; the director approves', async () => {
    for (const role of ['deputy_academic', 'teacher', 'network_admin', 'director2'])
      assertError(await as(role, 'POST', `/api/v1/academic-years/${year.id}/approve`), 403, 'forbidden');
    const r = await auditGrows(1, () => as('director', 'POST', `/api/v1/academic-years/${year.id}/approve`));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.fixed_on, todayKz());
    assert.equal(r.body.approved_by, net.director.user.id);
    assert.ok(Math.abs(Date.parse(r.body.approved_at) - Date.now()) < 10 * 60_000);
    assert.equal(r.body.status, 'draft', 'the school has a current year: the new one waits');
    const [e] = await auditOf(srv, 'academic_year', year.id);
    assert.equal(e.action, 'approve');
    assert.equal(e.before.approved_at, null);
    assert.equal(e.after.fixed_on, todayKz());
  });

  test('an approved year: approving again is 409, its structure and dates are fixed (409)', async () => {
    const again = await auditGrows(0, () => as('director', 'POST', `/api/v1/academic-years/${year.id}/approve`));
    assert.equal(assertError(again, 409, 'year_approved').rule, 'CAL-5');
    assertError(await as('director', 'PUT', `/api/v1/academic-years/${year.id}/structure`, nis2027()), 409, 'year_approved');
    const p = await as('director', 'PATCH', `/api/v1/academic-years/${year.id}`, { ends_on: '2028-05-31' });
    assert.equal(assertError(p, 409, 'year_approved').field, 'ends_on');
    /* a change that leaves the dates alone is still allowed */
    assert.equal((await as('director', 'PATCH', `/api/v1/academic-years/${year.id}`, { name: '2027-2028' })).status, 200);
  });

  test('a year whose check fails is not approved (422 with the rules), nothing written', async () => {
    const y = await as('director', 'POST', `/api/v1/schools/${net.school1}/academic-years`, { name: '2028-2029', starts_on: '2028-09-01', ends_on: '2029-05-25' });
    assert.equal(y.status, 201, y.text);
    const r = await auditGrows(0, () => as('director', 'POST', `/api/v1/academic-years/${y.body.id}/approve`));
    assertError(r, 422, 'calendar_term_count');
    assert.ok(rulesOf(r).includes('CAL-3'));
    const after = await as('director', 'GET', `/api/v1/academic-years/${y.body.id}/structure`);
    assert.equal(after.body.academic_year.approved_at, null);
  });

  test('new dates of a year with a structure must pass the check (422), as a PUT would', async () => {
    const y = (await as('director', 'GET', `/api/v1/schools/${net.school1}/academic-years`)).body.items.find((x) => x.name === '2028-2029');
    const s = nis2027();
    const shift = (d) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
    for (const list of [s.terms, s.holidays]) for (const p of list) Object.assign(p, { starts_on: shift(p.starts_on), ends_on: shift(p.ends_on) });
    s.assessment = null;
    const put = await as('director', 'PUT', `/api/v1/academic-years/${y.id}/structure`, s);
    assert.equal(put.status, 200, put.text);
    const r = await auditGrows(0, () => as('director', 'PATCH', `/api/v1/academic-years/${y.id}`, { ends_on: '2029-05-20' }));
    assertError(r, 422, 'calendar_term_outside_year');
    assert.equal(r.body.error.field, 'terms[3]');
    assert.equal((await as('director', 'PATCH', `/api/v1/academic-years/${y.id}`, { ends_on: '2029-05-31' })).status, 200);
  });
});

describe('CAL-5: the years not fixed before 25 August', () => {
  test('the network office sees which schools have not fixed 2027–2028; school1 approved it', async () => {
    for (const role of ['network_admin', 'contingent_unit']) {
      const r = await as(role, 'GET', '/api/v1/calendar/not-fixed?year=2027-2028');
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(Object.keys(r.body).sort(), ['items', 'next', 'total']);
      assert.equal(r.body.total, 1);
      const [it] = r.body.items;
      assert.equal(it.school.id, net.school2);
      assert.equal(it.status, 'missing');
      assert.equal(it.academic_year_id, null);
      assert.equal(it.deadline, '2027-08-25');
      assert.equal(it.overdue, todayKz() >= '2027-08-25');
    }
  });

  test('a draft is listed as not approved; 2026–2027 (fixed 20 August) lists nobody; 2025–2026 is overdue everywhere', async () => {
    const y = await as('director2', 'POST', `/api/v1/schools/${net.school2}/academic-years`, { name: '2027-2028', starts_on: '2027-09-01', ends_on: '2028-05-25' });
    assert.equal(y.status, 201, y.text);
    const r = await as('network_admin', 'GET', '/api/v1/calendar/not-fixed?year=2027-2028');
    assert.deepEqual(r.body.items.map((i) => [i.school.id, i.status, i.academic_year_id]), [[net.school2, 'not_approved', y.body.id]]);
    assert.equal((await as('network_admin', 'GET', '/api/v1/calendar/not-fixed?year=2026-2027')).body.total, 0);
    const old = await as('network_admin', 'GET', '/api/v1/calendar/not-fixed?year=2025-2026');
    assert.equal(old.body.total, 2);
    assert.ok(old.body.items.every((i) => i.status === 'missing' && i.overdue === true && i.deadline === '2025-08-25'));
  });

  test('a school role is refused; a bad year is 400', async () => {
    for (const role of ['director', 'deputy_academic', 'teacher', 'parent'])
      assertError(await as(role, 'GET', '/api/v1/calendar/not-fixed?year=2027-2028'), 403, 'forbidden');
    for (const q of ['', '?year=2027', '?year=2027-2029', '?year=27-28xx', '?year=abcd-efgh'])
      assert.equal(assertError(await as('network_admin', 'GET', `/api/v1/calendar/not-fixed${q}`), 400, 'bad_query').field, 'year');
  });
});

describe('CAL-7: public holidays as data and working days', () => {
  const add = async (role, from, days, lang) => as(role, 'GET', `/api/v1/calendar/add-working-days?from=${from}&days=${days}`, undefined, lang);

  test('everyone signed in reads the holidays of a year, shipped for 2025–2027', async () => {
    for (const role of ['parent', 'student', 'teacher', 'network_admin']) {
      const r = await as(role, 'GET', '/api/v1/calendar/holidays?year=2026');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.year, 2026);
      assert.deepEqual(r.body.fixed.map((f) => [f.date, f.name.en]), [['2026-05-27', 'Kurban Ait']]);
      assert.equal(r.body.fixed[0].name.kk, 'Құрбан айт');
      assert.equal(r.body.transfers.length, 0);
      assert.ok(r.body.rules.some((x) => x.month === 3 && x.day === 21 && x.name.ru === 'Наурыз мейрамы'));
      assert.ok(!r.body.rules.some((x) => x.month === 8 && x.day === 30), 'no Constitution Day in 2026');
      for (const d of ['2026-03-23', '2026-03-24', '2026-03-25', '2026-05-27']) assert.ok(r.body.days_off.includes(d), d);
    }
    const y2025 = await as('teacher', 'GET', '/api/v1/calendar/holidays?year=2025');
    assert.deepEqual(y2025.body.transfers.map((t) => [t.working_day, t.day_off]), [['2025-01-05', '2025-01-03']]);
    const y2027 = await as('teacher', 'GET', '/api/v1/calendar/holidays?year=2027');
    assert.ok(y2027.body.rules.some((x) => x.month === 3 && x.day === 15), 'Constitution Day from 2027');
    for (const q of ['', '?year=20x6', '?year=1800', '?year=-5'])
      assertError(await as('teacher', 'GET', `/api/v1/calendar/holidays${q}`), 400);
  });

  test('add-working-days across Nauryz 2026', async () => {
    for (const [from, days, want] of [
      ['2026-03-20', 1, '2026-03-26'], ['2026-03-20', 3, '2026-03-30'], ['2026-03-21', 0, '2026-03-26'],
      ['2026-03-19', 0, '2026-03-19'], ['2026-03-16', 5, '2026-03-26'], ['2026-01-01', 366, '2027-07-01'],
    ]) {
      const r = await add('parent', from, days);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body, { date: want }, `${from} + ${days}`);
    }
  });

  test('a bad date or N outside 0..366 is 400, in the request\'s language', async () => {
    const msgs = {
      kk: ['Күн ЖЖЖЖ-АА-КК пішімінде болуы керек', 'Мән рұқсат етілген шектен тыс'],
      ru: ['Дата должна быть в формате ГГГГ-ММ-ДД', 'Значение вне допустимых пределов'],
      en: ['The date must be YYYY-MM-DD', 'The value is out of range'],
    };
    for (const [lang, [date, range]] of Object.entries(msgs)) {
      const r = await add('teacher', '2026-02-30', 367, lang);
      assertError(r, 400, 'bad_date');
      assert.deepEqual(r.body.error.details.map((d) => `${d.code}:${d.field}`), ['bad_date:from', 'out_of_range:days']);
      assert.ok(r.body.error.details[0].message.startsWith(date), r.text);
      assert.ok(r.body.error.details[1].message.startsWith(range), r.text);
    }
    assert.equal(assertError(await add('teacher', '2026-03-20', -1), 400, 'out_of_range').field, 'days');
    assert.equal(assertError(await add('teacher', '2026-03-20', 'x'), 400, 'bad_query').field, 'days');
    assert.equal(assertError(await add('teacher', '20-03-2026', 1), 400, 'bad_date').field, 'from');
    assertError(await as('teacher', 'GET', '/api/v1/calendar/add-working-days'), 400, 'bad_date');
  });

  test('the network office adds a one-year holiday: it counts at once, audited; a director is refused', async () => {
    const body = { date: '2026-04-10', name: { kk: 'Сынақ күні', ru: 'Пробный день', en: 'Trial day' } };
    assertError(await as('director', 'POST', '/api/v1/calendar/holidays/fixed', body), 403, 'forbidden');
    assertError(await as('contingent_unit', 'POST', '/api/v1/calendar/holidays/fixed', body), 403, 'forbidden');
    assert.deepEqual((await add('teacher', '2026-04-09', 1)).body, { date: '2026-04-10' });
    const r = await auditGrows(1, () => as('network_admin', 'POST', '/api/v1/calendar/holidays/fixed', body));
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.body, { id: r.body.id, ...body, moves_if_weekend: false });
    assert.deepEqual((await add('teacher', '2026-04-09', 1)).body, { date: '2026-04-13' });
    assert.deepEqual((await as('teacher', 'GET', '/api/v1/calendar/holidays?year=2026')).body.fixed.map((f) => f.date), ['2026-04-10', '2026-05-27']);
    const [e] = await auditOf(srv, 'holiday_fixed', r.body.id);
    assert.deepEqual([e.action, e.before, e.after], ['create', null, r.body]);
    assertError(await as('network_admin', 'POST', '/api/v1/calendar/holidays/fixed', body), 409, 'holiday_exists');
    assertError(await as('network_admin', 'POST', '/api/v1/calendar/holidays/fixed', { date: '2026-04-11' }), 422, 'missing_field');

    assertError(await as('director', 'DELETE', `/api/v1/calendar/holidays/fixed/${r.body.id}`), 403, 'forbidden');
    const d = await auditGrows(1, () => as('network_admin', 'DELETE', `/api/v1/calendar/holidays/fixed/${r.body.id}`));
    assert.equal(d.status, 200, d.text);
    assert.deepEqual((await add('teacher', '2026-04-09', 1)).body, { date: '2026-04-10' });
    assertError(await as('network_admin', 'DELETE', `/api/v1/calendar/holidays/fixed/${r.body.id}`), 404, 'not_found');
  });

  test('the network office adds a transfer of a day off: the Saturday is worked, the Friday off', async () => {
    const body = { working_day: '2026-04-11', day_off: '2026-04-10' };
    assertError(await as('director', 'POST', '/api/v1/calendar/holidays/transfers', body), 403, 'forbidden');
    const same = await as('network_admin', 'POST', '/api/v1/calendar/holidays/transfers', { working_day: '2026-04-11', day_off: '2026-04-11' });
    assert.equal(assertError(same, 422, 'holiday_transfer_same_day').rule, 'CAL-7');
    const r = await auditGrows(1, () => as('network_admin', 'POST', '/api/v1/calendar/holidays/transfers', body));
    assert.equal(r.status, 201, r.text);
    assert.deepEqual((await add('teacher', '2026-04-09', 1)).body, { date: '2026-04-11' });
    assert.deepEqual((await add('teacher', '2026-04-09', 2)).body, { date: '2026-04-13' });
    assertError(await as('network_admin', 'POST', '/api/v1/calendar/holidays/transfers', { working_day: '2026-04-11', day_off: '2026-04-17' }), 409, 'holiday_exists');
    const d = await as('network_admin', 'DELETE', `/api/v1/calendar/holidays/transfers/${r.body.id}`);
    assert.equal(d.status, 200, d.text);
    assert.deepEqual((await add('teacher', '2026-04-09', 1)).body, { date: '2026-04-10' });
  });
});
