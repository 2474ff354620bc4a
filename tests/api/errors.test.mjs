// Every error path of bad input: the shape, the status, the code, the field, every
// problem listed at once, and the message in the request's language.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, auditTotal, makeIin, network, newStudent, problems, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net;
let admin;
before(async () => {
  net = await network(srv);
  admin = await srv.login('network_admin');
});

const post = (p, body, opts = {}) => srv.api('POST', p, { token: admin, body, ...opts });
const patch = (p, body, opts = {}) => srv.api('PATCH', p, { token: admin, body, ...opts });
const student = (extra = {}) => newStudent(net.school1, net.classes1[0].id, extra);

describe('malformed bodies (400)', () => {
  test('malformed JSON is 400 malformed_json', async () => {
    for (const body of ['{', '{"last_name": }', "{'a': 1}", '{"a": 1} trailing', ''])
      assertError(await post('/api/v1/students', body), 400, 'malformed_json');
  });

  test('a body that is not an object is 400 body_not_object', async () => {
    for (const body of ['[]', '[{"last_name": "А"}]'])
      assertError(await post('/api/v1/students', body), 400, 'body_not_object');
  });

  test('a key given twice is refused, not silently overwritten', async () => {
    const r = await post('/api/v1/subjects', '{"code": "dup1", "code": "dup2", "name": {"kk": "а", "ru": "б", "en": "c"}}');
    assertError(r, 400, 'malformed_json');
  });

  test('deeply nested JSON is refused, not a crash', async () => {
    assertError(await post('/api/v1/students', '['.repeat(200000)), 400, 'malformed_json');
    assertError(await post('/api/v1/students', `${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}`), 400);
    assert.equal((await srv.api('GET', '/api/v1/health')).status, 200);
  });

  test('numbers out of every range are refused, not wrapped', async () => {
    const cls = `/api/v1/schools/${net.school1}/classes`;
    const huge = await post(cls, '{"grade": 99999999999999999999999, "letter": "Ж", "language": "kk"}');
    assert.ok([400, 422].includes(huge.status), huge.text);
    assertError(huge, huge.status);
    const big = await post(cls, { grade: 4294967303, letter: 'Ж', language: 'kk' });
    assert.equal(assertError(big, 422, 'out_of_range').field, 'grade');
    assert.equal(assertError(await post('/api/v1/students', student({ class_id: -5 })), 422, 'out_of_range').field, 'class_id');
  });

  test('text that is not UTF-8 is refused', async () => {
    const body = Buffer.concat([Buffer.from('{"code": "x'), Buffer.from([0xff, 0xfe]), Buffer.from('", "name": {"kk": "а", "ru": "б", "en": "c"}}')]);
    const r = await post('/api/v1/subjects', body);
    assert.ok(r.status === 400 || r.status === 422, r.text);
    assertError(r, r.status);
  });
});

describe('field problems (422)', () => {
  test('an unknown field is 422 unknown_field naming it', async () => {
    const r = await post('/api/v1/students', student({ nickname: 'Бек' }));
    const e = assertError(r, 422, 'unknown_field');
    assert.equal(e.field, 'nickname');
    const r2 = await post(`/api/v1/schools/${net.school1}/classes`, { grade: 7, letter: 'Ж', language: 'kk', room: 12 });
    assert.equal(assertError(r2, 422, 'unknown_field').field, 'room');
    const r3 = await post('/api/v1/subjects', { code: 'zz1', name: { kk: 'а', ru: 'б', en: 'c', de: 'd' } });
    assert.equal(assertError(r3, 422, 'unknown_field').field, 'name');
  });

  test('a wrong type is 422 wrong_type naming the field', async () => {
    const cases = [
      [`/api/v1/schools/${net.school1}/classes`, { grade: '7', letter: 'Ж', language: 'kk' }, 'grade'],
      [`/api/v1/schools/${net.school1}/classes`, { grade: 7.5, letter: 'Ж', language: 'kk' }, 'grade'],
      [`/api/v1/schools/${net.school1}/classes`, { grade: 7, letter: 5, language: 'kk' }, 'letter'],
      ['/api/v1/students', student({ dormitory: 'yes' }), 'dormitory'],
      ['/api/v1/students', student({ school_id: String(net.school1) }), 'school_id'],
      ['/api/v1/students', student({ last_name: null }), 'last_name'],
      ['/api/v1/subjects', { code: 'zz2', name: 'Математика' }, 'name'],
      [`/api/v1/schools/${net.school1}/staff`, { last_name: 'А', first_name: 'Б', roles: 'teacher' }, 'roles'],
    ];
    for (const [p, body, field] of cases) {
      const e = assertError(await post(p, body), 422, 'wrong_type');
      assert.equal(e.field, field, `${p} ${JSON.stringify(body)}`);
    }
  });

  test('an over-long string is 422 too_long; the limit counts letters, not bytes', async () => {
    const long = 'Ә'.repeat(101);
    const e = assertError(await post('/api/v1/students', student({ last_name: long })), 422, 'too_long');
    assert.equal(e.field, 'last_name');
    const e2 = assertError(await post(`/api/v1/schools/${net.school1}/classes`, { grade: 7, letter: 'АБВГ', language: 'kk' }), 422, 'too_long');
    assert.equal(e2.field, 'letter');
    const e3 = assertError(await post('/api/v1/subjects', { code: 'zz3', name: { kk: 'а'.repeat(201), ru: 'б', en: 'c' } }), 422, 'too_long');
    assert.equal(e3.field, 'name.kk');
    /* 100 Kazakh letters (200 bytes) are within the limit of 100. */
    const ok = await post('/api/v1/students', student({ last_name: 'Ә'.repeat(100) }));
    assert.equal(ok.status, 201, ok.text);
  });

  test('an empty string is 422 empty_string', async () => {
    const e = assertError(await post('/api/v1/students', student({ first_name: '' })), 422, 'empty_string');
    assert.equal(e.field, 'first_name');
  });

  test('a missing required field is 422 missing_field naming it', async () => {
    const body = student();
    delete body.funding;
    assert.equal(assertError(await post('/api/v1/students', body), 422, 'missing_field').field, 'funding');
    assert.equal(assertError(await post('/api/v1/subjects', { code: 'zz4' }), 422, 'missing_field').field, 'name');
    const r = await post('/api/v1/subjects', { code: 'zz5', name: { kk: 'а', ru: 'б' } });
    assert.equal(assertError(r, 422, 'missing_field').field, 'name.en');
  });

  test('out of range, bad dates and bad enumerations are named', async () => {
    const cls = `/api/v1/schools/${net.school1}/classes`;
    assert.equal(assertError(await post(cls, { grade: 13, letter: 'Ж', language: 'kk' }), 422, 'out_of_range').field, 'grade');
    assert.equal(assertError(await post(cls, { grade: 7, letter: 'Ж', language: 'en' }), 422, 'bad_enum').field, 'language');
    assert.equal(assertError(await post('/api/v1/students', student({ birth_date: '2011-02-30' })), 422, 'bad_date').field, 'birth_date');
    assert.equal(assertError(await post('/api/v1/students', student({ enrolled_on: '01.09.2026' })), 422, 'bad_date').field, 'enrolled_on');
    assert.equal(assertError(await post('/api/v1/students', student({ funding: 'free' })), 422, 'bad_enum').field, 'funding');
    assert.equal(assertError(await post('/api/v1/students', student({ class_id: 0 })), 422, 'out_of_range').field, 'class_id');
    const staff = `/api/v1/schools/${net.school1}/staff`;
    assert.equal(assertError(await post(staff, { last_name: 'А', first_name: 'Б', roles: [] }), 422, 'missing_field').field, 'roles'); // an empty set: at least one role is needed
    assert.equal(assertError(await post(staff, { last_name: 'А', first_name: 'Б', roles: ['teacher', 'teacher'] }), 422, 'bad_enum').field, 'roles');
    assert.equal(assertError(await post(staff, { last_name: 'А', first_name: 'Б', roles: ['janitor'] }), 422, 'bad_enum').field, 'roles');
  });

  test('every field problem of a body is listed at once', async () => {
    const body = { last_name: 'А'.repeat(101), first_name: 7, nickname: 'x', school_id: net.school1, funding: 'free', birth_date: '2011-13-01', sex: 'm', iin: '110101500001' };
    const r = await post('/api/v1/students', body);
    assertError(r, 422);
    assert.deepEqual(problems(r), [
      'bad_date:birth_date', 'bad_enum:funding', 'too_long:last_name', 'unknown_field:nickname', 'wrong_type:first_name',
    ].sort());
  });

  test('the body is over 1 MiB: 413 body_too_large', async () => {
    const big = JSON.stringify({ ...student(), last_name: 'x'.repeat((1 << 20) + 16) });
    assertError(await post('/api/v1/students', big), 413, 'body_too_large');
    /* Also on a route that takes no body, and on a public one. */
    assertError(await srv.api('DELETE', '/api/v1/students/99999999/representatives/1', { token: admin, body: 'y'.repeat((1 << 20) + 1) }), 413, 'body_too_large');
    assertError(await srv.api('POST', '/api/v1/auth/login', { body: 'z'.repeat(3 << 20) }), 413, 'body_too_large');
    /* The server is fine afterwards. */
    assert.equal((await srv.api('GET', '/api/v1/health')).status, 200);
  });

  test('a body just under 1 MiB is read (and refused for what it says)', async () => {
    const body = JSON.stringify({ ...student(), last_name: 'x'.repeat((1 << 20) - 400) });
    assert.ok(Buffer.byteLength(body) < 1 << 20);
    assertError(await post('/api/v1/students', body), 422, 'too_long');
  });
});

describe('IIN (422, details list every problem)', () => {
  const birth = '2011-04-20';
  const good = makeIin(birth, 'm', 4321);

  test('a malformed IIN is iin_format', async () => {
    for (const iin of ['12345', '1104205O4321', '11042050432a', ' 11042050432'])
      assert.equal(assertError(await post('/api/v1/students', student({ iin, birth_date: birth, sex: 'm' })), 422, 'iin_format').field, 'iin');
  });

  test('a wrong check digit is iin_checksum', async () => {
    const bad = good.slice(0, 11) + String((Number(good[11]) + 1) % 10);
    const e = assertError(await post('/api/v1/students', student({ iin: bad, birth_date: birth, sex: 'm' })), 422, 'iin_checksum');
    assert.equal(e.field, 'iin');
  });

  test('an impossible date or century digit inside the IIN is refused', async () => {
    const feb30 = await post('/api/v1/students', student({ iin: '110230500010', birth_date: birth, sex: 'm' }));
    assert.equal(assertError(feb30, 422, 'iin_date').field, 'iin');
    const r = await post('/api/v1/students', student({ iin: '1104209043210', birth_date: birth, sex: 'm' }));
    assertError(r, 422, 'too_long');
    const c = await post('/api/v1/students', student({ iin: '110420904321', birth_date: birth, sex: 'm' }));
    assertError(c, 422, 'iin_century');
  });

  test('an IIN of another birth date is iin_birth_date_mismatch on birth_date', async () => {
    const e = assertError(await post('/api/v1/students', student({ iin: good, birth_date: '2011-04-21', sex: 'm' })), 422, 'iin_birth_date_mismatch');
    assert.equal(e.field, 'birth_date');
  });

  test('an IIN of the other sex is iin_sex_mismatch on sex', async () => {
    const e = assertError(await post('/api/v1/students', student({ iin: good, birth_date: birth, sex: 'f' })), 422, 'iin_sex_mismatch');
    assert.equal(e.field, 'sex');
  });

  test('iin_birth_date_and_sex_mismatch_both_listed: an IIN disagreeing with both lists both', async () => {
    const r = await post('/api/v1/students', student({ iin: good, birth_date: '2011-04-21', sex: 'f' }));
    assertError(r, 422);
    assert.deepEqual(problems(r), ['iin_birth_date_mismatch:birth_date', 'iin_sex_mismatch:sex']);
  });

  test('the IIN, phone, e-mail and class problems of one request come back together', async () => {
    const bad = good.slice(0, 11) + String((Number(good[11]) + 1) % 10);
    const r = await post('/api/v1/students', student({ iin: bad, birth_date: birth, sex: 'm', phone: '8 701 123', email: 'no-at-sign', class_id: 99999999 }));
    assertError(r, 422);
    assert.deepEqual(problems(r), ['dangling_reference:class_id', 'email_invalid:email', 'iin_checksum:iin', 'phone_invalid:phone']);
  });

  test('a student needs an IIN, a birth date and a sex', async () => {
    const body = student();
    delete body.iin;
    delete body.birth_date;
    delete body.sex;
    const r = await post('/api/v1/students', body);
    assertError(r, 422, 'missing_field');
    assert.deepEqual(problems(r), ['missing_field:birth_date', 'missing_field:iin', 'missing_field:sex']);
  });

  test('an IIN that another person has is 422 iin_taken (students, staff, representatives)', async () => {
    const someone = net.parent.children[0];
    const r = await post('/api/v1/students', student({ iin: someone.iin, birth_date: someone.birth_date, sex: someone.sex }));
    assert.equal(assertError(r, 422, 'iin_taken').field, 'iin');
    const parentPerson = net.parent.user.person;
    const r2 = await post(`/api/v1/schools/${net.school1}/staff`, { last_name: 'А', first_name: 'Б', roles: ['teacher'], iin: parentPerson.iin, birth_date: parentPerson.birth_date, sex: parentPerson.sex });
    assert.equal(assertError(r2, 422, 'iin_taken').field, 'iin');
    const r3 = await post(`/api/v1/students/${someone.id}/representatives`, { last_name: 'А', first_name: 'Б', relation: 'guardian', iin: someone.iin });
    assert.equal(assertError(r3, 422, 'iin_taken').field, 'iin');
    /* Changing someone's IIN to a taken one, too. */
    const other = (await srv.api('GET', `/api/v1/classes/${net.classes1[1].id}/students?limit=1`, { token: admin })).body.items[0];
    const r4 = await patch(`/api/v1/students/${other.id}`, { iin: someone.iin, birth_date: someone.birth_date, sex: someone.sex });
    assert.equal(assertError(r4, 422, 'iin_taken').field, 'iin');
  });
});

describe('references (422)', () => {
  test('a class that does not exist is dangling_reference', async () => {
    const e = assertError(await post('/api/v1/students', student({ class_id: 99999999 })), 422, 'dangling_reference');
    assert.equal(e.field, 'class_id');
  });

  test('a school that does not exist is dangling_reference', async () => {
    const e = assertError(await post('/api/v1/students', newStudent(99999999, null)), 422, 'dangling_reference');
    assert.equal(e.field, 'school_id');
  });

  test('a class of another school is wrong_school', async () => {
    const e = assertError(await post('/api/v1/students', student({ class_id: net.classes2[0].id })), 422, 'wrong_school');
    assert.equal(e.field, 'class_id');
    const s = (await srv.api('GET', `/api/v1/classes/${net.classes1[0].id}/students?limit=1`, { token: admin })).body.items[0];
    assert.equal(assertError(await patch(`/api/v1/students/${s.id}`, { class_id: net.classes2[0].id }), 422, 'wrong_school').field, 'class_id');
  });

  test('a curator of another school or of nobody is refused', async () => {
    const other = (await srv.api('GET', `/api/v1/schools/${net.school2}/staff?limit=1`, { token: admin })).body.items[0];
    const cls = `/api/v1/schools/${net.school1}/classes`;
    assert.equal(assertError(await post(cls, { grade: 8, letter: 'Ш', language: 'kk', curator_id: other.id }), 422, 'wrong_school').field, 'curator_id');
    assert.equal(assertError(await post(cls, { grade: 8, letter: 'Ш', language: 'kk', curator_id: 99999999 }), 422, 'dangling_reference').field, 'curator_id');
    assert.equal(assertError(await patch(`/api/v1/classes/${net.classes1[0].id}`, { curator_id: other.id }), 422, 'wrong_school').field, 'curator_id');
  });

  test('an academic year of another school is wrong_school', async () => {
    const y2 = (await srv.api('GET', `/api/v1/schools/${net.school2}/academic-years`, { token: admin })).body.items[0];
    const r = await post(`/api/v1/schools/${net.school1}/classes`, { grade: 8, letter: 'Щ', language: 'kk', academic_year_id: y2.id });
    assert.equal(assertError(r, 422, 'wrong_school').field, 'academic_year_id');
  });

  test('linking a person that does not exist is dangling_reference', async () => {
    const child = net.parent.children[0];
    const r = await post(`/api/v1/students/${child.id}/representatives`, { person_id: 99999999, relation: 'father' });
    assert.equal(assertError(r, 422, 'dangling_reference').field, 'person_id');
  });

  test('a record that does not exist is 404 not_found', async () => {
    for (const p of ['/api/v1/students/99999999', '/api/v1/classes/99999999', '/api/v1/staff/99999999', '/api/v1/subjects/99999999',
      '/api/v1/schools/99999999', '/api/v1/representatives/99999999', '/api/v1/classes/99999999/students', '/api/v1/students/99999999/representatives'])
      assertError(await srv.api('GET', p, { token: admin }), 404, 'not_found');
    for (const p of ['/api/v1/students/99999999', '/api/v1/classes/99999999', '/api/v1/staff/99999999', '/api/v1/subjects/99999999',
      '/api/v1/schools/99999999', '/api/v1/academic-years/99999999', '/api/v1/representatives/99999999'])
      assertError(await patch(p, {}), 404, 'not_found');
    assertError(await srv.api('DELETE', '/api/v1/students/99999999/representatives/1', { token: admin }), 404, 'not_found');
  });

  test('school_lists_of_missing_school_are_404: the lists of a school that does not exist are 404, not an empty list', async () => {
    for (const p of ['classes', 'students', 'staff', 'academic-years'])
      assertError(await srv.api('GET', `/api/v1/schools/99999999/${p}`, { token: admin }), 404, 'not_found');
  });

  test('year_create_for_missing_school_is_404: not 409 year_exists', async () => {
    const before = await auditTotal(srv);
    const r = await post('/api/v1/schools/99999999/academic-years', { name: '2030-2031', starts_on: '2030-09-01', ends_on: '2031-05-25' });
    assertError(r, 404, 'not_found');
    assert.equal(await auditTotal(srv), before);
  });

  test('staff_create_for_missing_school_is_404_not_500', async () => {
    const before = await auditTotal(srv);
    const r = await post('/api/v1/schools/99999999/staff', { last_name: 'Ахметов', first_name: 'Бауыржан', roles: ['teacher'] });
    assertError(r, 404, 'not_found');
    assert.equal(await auditTotal(srv), before);
  });

  test('class_create_for_missing_school_is_404: not 422 on academic_year_id', async () => {
    const r = await post('/api/v1/schools/99999999/classes', { grade: 7, letter: 'А', language: 'kk' });
    assertError(r, 404, 'not_found');
  });

  test('nothing of the refusals above was written', async () => {
    const before = await auditTotal(srv);
    assertError(await post('/api/v1/students', student({ class_id: net.classes2[0].id })), 422);
    assert.equal(await auditTotal(srv), before);
  });
});

describe('bad query parameters (400)', () => {
  test('limit and cursor are checked', async () => {
    const base = `/api/v1/schools/${net.school1}/students`;
    for (const q of ['limit=0', 'limit=501', 'limit=abc', 'limit=-1', 'limit=', 'limit=1e2'])
      assert.equal(assertError(await srv.api('GET', `${base}?${q}`, { token: admin }), 400, 'bad_query').field, 'limit', q);
    for (const q of ['cursor=-1', 'cursor=abc', 'cursor=1.5'])
      assert.equal(assertError(await srv.api('GET', `${base}?${q}`, { token: admin }), 400, 'bad_query').field, 'cursor', q);
  });

  test('the audit filter and the staff role are checked', async () => {
    assert.equal(assertError(await srv.api('GET', '/api/v1/audit?id=abc', { token: admin }), 400, 'bad_query').field, 'id');
    assert.equal(assertError(await srv.api('GET', '/api/v1/audit?id=0', { token: admin }), 400, 'bad_query').field, 'id');
    assert.equal(assertError(await srv.api('GET', `/api/v1/audit?entity=${'e'.repeat(41)}`, { token: admin }), 400, 'bad_query').field, 'entity');
    assert.equal(assertError(await srv.api('GET', `/api/v1/schools/${net.school1}/staff?role=janitor`, { token: admin }), 400, 'bad_query').field, 'role');
  });
});

describe('languages', () => {
  const bad = () => student({ class_id: 99999999 });

  test('messages differ between ?lang=kk, ru and en; Kazakh is the default', async () => {
    const kk = await post('/api/v1/students', bad(), { lang: 'kk' });
    const ru = await post('/api/v1/students', bad(), { lang: 'ru' });
    const en = await post('/api/v1/students', bad(), { lang: 'en' });
    const none = await post('/api/v1/students', bad());
    for (const r of [kk, ru, en, none]) assertError(r, 422, 'dangling_reference');
    const m = [kk, ru, en].map((r) => r.body.error.message);
    assert.equal(new Set(m).size, 3, `three different messages: ${m.join(' | ')}`);
    assert.equal(none.body.error.message, kk.body.error.message, 'Kazakh by default');
    assert.equal(en.body.error.message, 'The record this field refers to does not exist: class.');
    assert.match(ru.body.error.message, /[а-яё]/i);
    assert.match(kk.body.error.message, /[әғқңөұүһі]/i);
    assert.equal(kk.headers.get('content-language'), 'kk');
    assert.equal(ru.headers.get('content-language'), 'ru');
    assert.equal(en.headers.get('content-language'), 'en');
    assert.equal(none.headers.get('content-language'), 'kk');
    /* The code and field do not change with the language. */
    assert.deepEqual(problems(kk), problems(ru));
    assert.deepEqual(problems(kk), problems(en));
  });

  test('every detail is translated, not only the first', async () => {
    const r = await post('/api/v1/students', student({ class_id: 99999999, phone: 'x' }), { lang: 'en' });
    assert.equal(r.body.error.details.length, 2);
    const k = await post('/api/v1/students', student({ class_id: 99999999, phone: 'x' }), { lang: 'kk' });
    for (let i = 0; i < 2; i++) assert.notEqual(r.body.error.details[i].message, k.body.error.details[i].message);
  });

  test('Accept-Language picks the language when there is no ?lang=', async () => {
    const ru = await post('/api/v1/students', bad(), { headers: { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.8' } });
    assert.equal(ru.headers.get('content-language'), 'ru');
    const en = await post('/api/v1/students', bad(), { headers: { 'Accept-Language': 'en-GB' } });
    assert.equal(en.body.error.message, 'The record this field refers to does not exist: class.');
    const both = await post('/api/v1/students', bad(), { headers: { 'Accept-Language': 'ru' }, lang: 'en' });
    assert.equal(both.headers.get('content-language'), 'en', '?lang= wins over Accept-Language');
    const unknown = await post('/api/v1/students', bad(), { headers: { 'Accept-Language': 'de-DE' } });
    assert.equal(unknown.headers.get('content-language'), 'kk');
  });

  test('errors before sign-in are translated too', async () => {
    const kk = await srv.api('GET', '/api/v1/me');
    const ru = await srv.api('GET', '/api/v1/me', { lang: 'ru' });
    assertError(kk, 401, 'not_signed_in');
    assertError(ru, 401, 'not_signed_in');
    assert.equal(ru.body.error.message, 'Войдите в систему.');
    assert.notEqual(kk.body.error.message, ru.body.error.message);
  });
});
