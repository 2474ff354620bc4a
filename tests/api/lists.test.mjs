// Lists: the shape {items, total, next}, paging with ?limit=&cursor=, and search by
// name (Cyrillic, case-insensitive) and by IIN.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertList, assertNames, network, newStudent, startServer } from './server.mjs';

const srv = await startServer();
after(() => srv.stop());

let net;
let admin;
before(async () => {
  net = await network(srv);
  admin = await srv.login('network_admin');
});

const get = (p, token = admin) => srv.api('GET', p, { token });

/* Every page of a list, following `next`; checks each page's shape. */
async function walk(base, limit, token = admin) {
  const items = [];
  const cursors = [];
  let total = null;
  let cursor = null;
  for (let page = 0; page < 1000; page++) {
    const sep = base.includes('?') ? '&' : '?';
    const r = await get(`${base}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    const body = assertList(r);
    assert.ok(body.items.length <= limit);
    if (total === null) total = body.total;
    assert.equal(body.total, total, 'the total stays the same on every page');
    items.push(...body.items);
    if (body.next === null) return { items, total, cursors };
    assert.equal(body.items.length, limit, 'a page before the last is full');
    assert.ok(!cursors.includes(body.next), 'the cursor moves on');
    cursors.push(body.next);
    cursor = body.next;
  }
  throw new Error('paging does not end');
}

describe('list shape', () => {
  test('every list endpoint answers {items, total, next}', async () => {
    const child = net.parent.children[0];
    for (const p of [
      '/api/v1/schools',
      `/api/v1/schools/${net.school1}/academic-years`,
      `/api/v1/schools/${net.school1}/classes`,
      `/api/v1/schools/${net.school1}/students`,
      `/api/v1/schools/${net.school1}/staff`,
      `/api/v1/classes/${net.classes1[0].id}/students`,
      `/api/v1/students/${child.id}/representatives`,
      '/api/v1/representatives',
      '/api/v1/subjects',
      '/api/v1/audit',
    ]) {
      const body = assertList(await get(p));
      assert.ok(body.total >= body.items.length, p);
    }
  });

  test('schools, subjects: names in kk, ru and en', async () => {
    const schools = assertList(await get('/api/v1/schools'));
    for (const s of schools.items) {
      assertNames(s.name);
      assertNames(s.city);
      assert.ok(['nis', 'ib'].includes(s.programme));
      for (const k of ['classes', 'students', 'staff']) assert.ok(Number.isInteger(s.figures[k]));
    }
    const subjects = assertList(await get('/api/v1/subjects?limit=500'));
    assert.ok(subjects.items.length > 0);
    for (const s of subjects.items) {
      assert.equal(typeof s.code, 'string');
      assertNames(s.name);
    }
  });

  test('classes: grade, letter, language, computed level, curator, student count', async () => {
    const body = assertList(await get(`/api/v1/schools/${net.school1}/classes?limit=500`));
    assert.ok(body.items.length > 0);
    for (const c of body.items) {
      assert.equal(c.school_id, net.school1);
      assert.ok(c.grade >= 1 && c.grade <= 12);
      assert.equal(c.label, `${c.grade}${c.letter}`);
      assert.ok(['kk', 'ru'].includes(c.language));
      assert.equal(c.level, c.grade <= 5 ? 'primary' : c.grade <= 10 ? 'basic' : 'high', `ORG-1 level of grade ${c.grade}`);
      assert.ok(c.curator === null || Number.isInteger(c.curator.id));
      assert.ok(Number.isInteger(c.students));
    }
    const sorted = [...body.items].sort((a, b) => a.grade - b.grade || (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0));
    assert.deepEqual(body.items.map((c) => c.id), sorted.map((c) => c.id), 'by grade and letter');
  });

  test('an empty page past the end still has the shape', async () => {
    const body = assertList(await get(`/api/v1/classes/${net.classes1[0].id}/students?cursor=100000`));
    assert.deepEqual(body.items, []);
    assert.equal(body.next, null);
    assert.ok(body.total > 0);
  });
});

describe('paging', () => {
  test('?limit=&cursor= walks through a class: every student once, in order', async () => {
    const cls = net.classes1[0];
    const all = assertList(await get(`/api/v1/classes/${cls.id}/students?limit=500`));
    assert.equal(all.next, null);
    assert.equal(all.items.length, all.total);
    assert.ok(all.total >= 10, `a class of the demo has students (${all.total})`);
    assert.equal(all.total, cls.students, 'the class says how many students study in it');
    for (const limit of [1, 3, 7, all.total, all.total + 1]) {
      const { items, total, cursors } = await walk(`/api/v1/classes/${cls.id}/students`, limit);
      assert.equal(total, all.total);
      assert.deepEqual(items.map((s) => s.id), all.items.map((s) => s.id), `limit ${limit}`);
      assert.equal(cursors.length, Math.ceil(all.total / limit) - 1);
    }
    for (const s of all.items) assert.equal(s.class_id, cls.id);
    const ids = all.items.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  test('the default page of a class is the first 50 at most', async () => {
    const body = assertList(await get(`/api/v1/classes/${net.classes1[0].id}/students`));
    assert.ok(body.items.length <= 50);
  });

  test('paging walks the students of a school and its classes', async () => {
    const { items, total } = await walk(`/api/v1/schools/${net.school1}/students`, 200);
    assert.equal(items.length, total);
    assert.equal(new Set(items.map((s) => s.id)).size, total);
    assert.ok(items.every((s) => s.school_id === net.school1));
    const classes = await walk(`/api/v1/schools/${net.school1}/classes`, 5);
    assert.equal(classes.items.length, net.classes1.length);
    const staff = await walk(`/api/v1/schools/${net.school1}/staff`, 25);
    assert.equal(new Set(staff.items.map((f) => f.id)).size, staff.total);
    const subjects = await walk('/api/v1/subjects', 4);
    assert.equal(new Set(subjects.items.map((s) => s.id)).size, subjects.total);
    const reps = await walk(`/api/v1/representatives?school=${net.school1}`, 250);
    assert.equal(new Set(reps.items.map((p) => p.id)).size, reps.total);
  });

  test('people are listed in the order of the Kazakh alphabet, not of the bytes', async () => {
    const alphabet = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';
    const rank = (ch) => {
      const i = alphabet.indexOf(ch.toLowerCase());
      return i < 0 ? 100 + ch.codePointAt(0) : i;
    };
    const cmp = (a, b) => {
      const x = [...a], y = [...b];
      for (let i = 0; i < Math.min(x.length, y.length); i++)
        if (rank(x[i]) !== rank(y[i])) return rank(x[i]) - rank(y[i]);
      return x.length - y.length;
    };
    const { items } = await walk(`/api/v1/schools/${net.school1}/students`, 500);
    const names = items.map((s) => s.last_name);
    for (let i = 1; i < names.length; i++)
      assert.ok(cmp(names[i - 1], names[i]) <= 0, `${names[i - 1]} is listed before ${names[i]}`);
    // the demo has names with І, Ә, Қ …: they are not all at the start or the end
    assert.ok(names.some((n) => /^[ӘҒҚҢӨҰҮҺІ]/.test(n)), 'no name with a Kazakh first letter to check');
  });
});

describe('search', () => {
  let alibek;
  let cls;
  before(async () => {
    cls = net.classes1[1];
    const r = await srv.api('POST', '/api/v1/students', {
      token: admin,
      body: newStudent(net.school1, cls.id, { last_name: 'Сейітқали', first_name: 'Әлібек', middle_name: 'Ерғалиұлы', sex: 'm', birth_date: '2012-06-14' }),
    });
    assert.equal(r.status, 201, r.text);
    alibek = r.body;
  });

  const search = (base, q, token) => get(`${base}${base.includes('?') ? '&' : '?'}q=${encodeURIComponent(q)}&limit=500`, token);

  test('"әлі" finds "Әлібек": Cyrillic, case-insensitive, in a class and in the school', async () => {
    for (const base of [`/api/v1/classes/${cls.id}/students`, `/api/v1/schools/${net.school1}/students`]) {
      for (const q of ['әлі', 'ӘЛІ', 'Әлі', 'әлібек', 'ӘЛІБЕК', 'сейітқали', 'ерғалиұлы', 'Әлібек Ерғали']) {
        const body = assertList(await search(base, q));
        assert.ok(body.items.some((s) => s.id === alibek.id), `${base} q=${q} finds Әлібек`);
        assert.equal(body.total, body.items.length);
      }
    }
  });

  test('every hit of a name search contains the text, whatever the case', async () => {
    const body = assertList(await search(`/api/v1/schools/${net.school1}/students`, 'әлі'));
    for (const s of body.items) {
      const name = `${s.last_name} ${s.first_name} ${s.middle_name ?? ''}`.toLocaleLowerCase('kk');
      assert.ok(name.includes('әлі'), `${name} matches әлі`);
    }
  });

  test('a search finds nothing where nothing matches, and only in the class asked', async () => {
    const none = assertList(await search(`/api/v1/schools/${net.school1}/students`, 'Ъъъьзззщ'));
    assert.equal(none.total, 0);
    assert.deepEqual(none.items, []);
    assert.equal(none.next, null);
    const otherClass = assertList(await search(`/api/v1/classes/${net.classes1[0].id}/students`, 'Әлібек Ерғали'));
    assert.ok(!otherClass.items.some((s) => s.id === alibek.id));
    const otherSchool = assertList(await search(`/api/v1/schools/${net.school2}/students`, alibek.iin));
    assert.equal(otherSchool.total, 0);
  });

  test('search by IIN, whole or in part', async () => {
    const whole = assertList(await search(`/api/v1/schools/${net.school1}/students`, alibek.iin));
    assert.deepEqual(whole.items.map((s) => s.id), [alibek.id]);
    const part = assertList(await search(`/api/v1/classes/${cls.id}/students`, alibek.iin.slice(0, 8)));
    assert.ok(part.items.some((s) => s.id === alibek.id));
    const demo = (await get(`/api/v1/classes/${net.classes1[2].id}/students?limit=1`)).body.items[0];
    const found = assertList(await search(`/api/v1/schools/${net.school1}/students`, demo.iin));
    assert.deepEqual(found.items.map((s) => s.id), [demo.id]);
  });

  test('search characters of SQL LIKE are taken literally', async () => {
    for (const q of ['%', '_', '\\', "'"]) {
      const body = assertList(await search(`/api/v1/schools/${net.school1}/students`, q));
      assert.equal(body.total, 0, `q=${q}`);
    }
  });

  test('paging a search walks its hits', async () => {
    const base = `/api/v1/classes/${net.classes1[0].id}/students?q=${encodeURIComponent('ов')}`;
    const all = await walk(base, 500);
    assert.ok(all.total > 3, `several names in the class contain "ов" (${all.total})`);
    assert.equal(all.items.length, all.total);
    const { items } = await walk(base, 2);
    assert.deepEqual(items.map((s) => s.id), all.items.map((s) => s.id));
    const school = await walk(`/api/v1/schools/${net.school1}/students?q=${encodeURIComponent('ов')}`, 97);
    assert.equal(school.items.length, school.total);
    assert.equal(new Set(school.items.map((s) => s.id)).size, school.total);
  });

  test('staff: search by name, filter by role', async () => {
    const director = net.director.user.person;
    const byName = assertList(await search(`/api/v1/schools/${net.school1}/staff`, director.last_name.toLocaleUpperCase('kk')));
    assert.ok(byName.items.some((f) => f.person_id === director.id), 'the director is found by surname in capitals');
    const teachers = assertList(await get(`/api/v1/schools/${net.school1}/staff?role=teacher&limit=500`));
    assert.ok(teachers.total > 0);
    assert.ok(teachers.items.every((f) => f.roles.includes('teacher')));
    const directors = assertList(await get(`/api/v1/schools/${net.school1}/staff?role=director`));
    assert.ok(directors.items.some((f) => f.person_id === director.id));
  });

  test('representatives: search by name and by IIN', async () => {
    const parent = net.parent.user.person;
    const byName = assertList(await search('/api/v1/representatives', parent.first_name.toLocaleLowerCase('ru')));
    assert.ok(byName.items.some((p) => p.id === parent.id));
    const byIin = assertList(await search('/api/v1/representatives', parent.iin));
    assert.deepEqual(byIin.items.map((p) => p.id), [parent.id]);
    const director = await srv.login('director');
    const mine = assertList(await search('/api/v1/representatives', parent.iin, director));
    assert.deepEqual(mine.items.map((p) => p.id), [parent.id]);
    const director2 = await srv.login('director2');
    const notMine = assertList(await search('/api/v1/representatives', parent.iin, director2));
    assert.equal(notMine.total, 0, "director2 does not find the other school's parent");
  });

  test('schools and subjects: search in every language, case-insensitive', async () => {
    const schools = assertList(await get('/api/v1/schools?limit=500'));
    const s = schools.items[0];
    const word = s.name.kk.split(' ').find((w) => /[А-ЯӘҒҚҢӨҰҮҺІ]/.test(w[0]) && w.length > 4);
    const hit = assertList(await search('/api/v1/schools', word.toLocaleLowerCase('kk')));
    assert.ok(hit.items.some((x) => x.id === s.id), `${word} lower-cased finds ${s.code}`);
    assert.ok(assertList(await search('/api/v1/schools', s.code.toLowerCase())).items.some((x) => x.id === s.id));
    const subjects = assertList(await get('/api/v1/subjects?limit=500'));
    const sub = subjects.items[0];
    for (const q of [sub.name.ru.toLocaleUpperCase('ru'), sub.name.kk.toLocaleLowerCase('kk'), sub.name.en.toUpperCase()]) {
      const r = assertList(await search('/api/v1/subjects', q));
      assert.ok(r.items.some((x) => x.id === sub.id), `q=${q}`);
    }
  });
});
