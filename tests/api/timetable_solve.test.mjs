// timetable_solve — `mektep timetable solve --fet IN.fet --out OUT.xml` (issue 9) from the
// outside: a small FET file of the repository (tests/fixtures/timetable_tiny.fet) solved
// and the result checked here, independently of the solver (every activity placed once in
// the week, no teacher or students twice at a time, the split English together, PE in the
// gym, the teacher's unavailable slot kept free), and by ../shared/bench/timetable/
// check_nis.py when that directory is there (with an instance of its gen_nis.py too); an
// over-full class refused with the counting conflict's sentence and a non-zero status; a
// teacher unavailable all week blamed by the smallest conflicting set (sv_explain);
// the unsupported FET constraint named. No server: the command only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { BIN, ROOT } from './server.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const SHARED = process.env.MEKTEP_SHARED || path.resolve(ROOT, '..', 'shared');
const BENCH = [SHARED, '/work/shared'].map((d) => path.join(d, 'bench', 'timetable')).find((d) => fs.existsSync(path.join(d, 'check_nis.py')));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mektep-solve-'));

function solve(fet, out, ...more) {
  return spawnSync(BIN, ['timetable', 'solve', '--fet', fet, '--out', out, ...more], { encoding: 'utf8' });
}

/* The elements <tag>text</tag> of each <parent> of an XML text, as objects. */
function records(xml, parent, tags) {
  return [...xml.matchAll(new RegExp(`<${parent}>([\\s\\S]*?)</${parent}>`, 'g'))].map((m) => {
    const r = {};
    for (const t of tags) r[t] = [...m[1].matchAll(new RegExp(`<${t}>([^<]*)</${t}>`, 'g'))].map((x) => x[1]);
    return r;
  });
}

test('solve --fet: a small school solved, and the result holds every rule', () => {
  const fet = path.join(FIXTURES, 'timetable_tiny.fet');
  const out = path.join(work, 'tiny.xml');
  const r = solve(fet, out, '--seed', '3', '--time-limit', '5', '--threads', '1');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /0 hard violations/);
  assert.match(r.stderr, /not supported, ignored: ConstraintTeacherIntervalMaxDaysPerWeek/);
  assert.match(r.stderr, /hard +\d+ +soft +\d+/, 'a progress line');

  const input = fs.readFileSync(fet, 'utf8');
  const acts = records(input, 'Activity', ['Id', 'Teacher', 'Subject', 'Students']);
  const placed = records(fs.readFileSync(out, 'utf8'), 'Activity', ['Id', 'Day', 'Hour', 'Room']);
  assert.equal(placed.length, acts.length);
  const at = new Map(placed.map((p) => [p.Id[0], p]));
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
  const hours = ['08:00', '08:50', '09:50', '10:40'];
  const seen = new Map();
  const occupy = (who, p, id) => {
    const key = `${who}@${p.Day[0]} ${p.Hour[0]}`;
    assert.ok(!seen.has(key), `${key}: activities ${seen.get(key)} and ${id}`);
    seen.set(key, id);
  };
  // a class's subgroups: 7A's lessons occupy 7A-1 and 7A-2
  const atoms = { '7A': ['7A-1', '7A-2'], '7A-1': ['7A-1'], '7A-2': ['7A-2'], '7B': ['7B'] };
  const busy = new Map();
  for (const a of acts) {
    const p = at.get(a.Id[0]);
    assert.ok(p, `activity ${a.Id[0]} placed`);
    assert.ok(days.includes(p.Day[0]) && hours.includes(p.Hour[0]), `activity ${a.Id[0]} inside the week`);
    for (const t of a.Teacher) occupy(t, p, a.Id[0]);
    for (const s of atoms[a.Students[0]]) {
      occupy(s, p, a.Id[0]);
      const day = `${s} ${p.Day[0]}`;
      busy.set(day, [...(busy.get(day) || []), hours.indexOf(p.Hour[0])]);
    }
    if (a.Subject[0] === 'PE') {
      assert.equal(p.Room[0], 'Gym');
      occupy('Gym', p, a.Id[0]);
    }
    if (a.Teacher.includes('Gulnar')) assert.ok(!(p.Day[0] === 'Mon' && p.Hour[0] === '08:00'), 'Gulnar is away then');
  }
  // students start at the first period and have no gaps
  for (const [day, periods] of busy) {
    periods.sort((x, y) => x - y);
    assert.deepEqual(periods, periods.map((_, i) => i), `${day}: ${periods}`);
  }
  for (const m of input.matchAll(/<ConstraintActivitiesSameStartingTime>([\s\S]*?)<\/ConstraintActivitiesSameStartingTime>/g)) {
    const ids = [...m[1].matchAll(/<Activity_Id>(\d+)<\/Activity_Id>/g)].map((x) => at.get(x[1]));
    assert.ok(ids.every((p) => p.Day[0] === ids[0].Day[0] && p.Hour[0] === ids[0].Hour[0]), 'the split English together');
  }
  if (BENCH) {
    const c = spawnSync('python3', [path.join(BENCH, 'check_nis.py'), fet, out], { encoding: 'utf8' });
    assert.equal(c.status, 0, c.stderr);
    assert.match(c.stdout, /hard_total = 0\b/);
  }
});

test('solve --fet: an over-full class is refused with the conflict, and no timetable', () => {
  const out = path.join(work, 'overfull.xml');
  const r = solve(path.join(FIXTURES, 'timetable_overfull.fet'), out, '--time-limit', '2');
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /no timetable can meet these rules/);
  assert.match(r.stderr, /7B needs 21 lessons a week; the week has 20 periods/);
  assert.ok(!fs.existsSync(out));
});

test('solve --fet: bad input and options', () => {
  const bad = path.join(work, 'bad.fet');
  fs.writeFileSync(bad, '<fet><Days_List>');
  let r = solve(bad, path.join(work, 'bad.xml'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.fet: /);
  r = solve(path.join(FIXTURES, 'timetable_tiny.fet'), path.join(work, 'x.xml'), '--time-limit', '0');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--time-limit must be/);
  r = spawnSync(BIN, ['timetable', 'solve', '--fet', path.join(FIXTURES, 'timetable_tiny.fet')], { encoding: 'utf8' });
  assert.equal(r.status, 2);
});

test('solve --fet: an instance of gen_nis.py, checked by check_nis.py', { skip: !BENCH && 'no ../shared/bench/timetable' }, () => {
  const fet = path.join(work, 'nis.fet');
  const g = spawnSync('python3', [path.join(BENCH, 'gen_nis.py'), '--out', fet, '--seed', '1', '--grades', '7-9', '--parallels', '2',
    '--rooms', '1', '--teacher-max-gaps-week', '3', '--teacher-max-gaps-day', '1'], { encoding: 'utf8' });
  assert.equal(g.status, 0, g.stderr);
  const out = path.join(work, 'nis.xml');
  const r = solve(fet, out, '--seed', '2', '--time-limit', '10');
  assert.equal(r.status, 0, r.stderr);
  const c = spawnSync('python3', [path.join(BENCH, 'check_nis.py'), fet, out], { encoding: 'utf8' });
  assert.equal(c.status, 0, c.stderr);
  assert.match(c.stdout, /hard_total = 0\b/);
  const gaps = Number(/teacher_gaps_total = (\d+)/.exec(c.stdout)[1]);
  assert.ok(gaps <= 20 * 3, `teacher gaps ${gaps} within the weekly cap of 3 for 20 teachers`);
});

test('solve --db and export-fet: a demo school solved into a new draft; its FET file solved too', () => {
  const db = path.join(work, 'demo.db');
  const d = spawnSync(BIN, ['demo', '--db', db, '--schools', '1', '--seed', '7'], { encoding: 'utf8', env: { ...process.env, MEKTEP_QUIET: '1' } });
  assert.equal(d.status, 0, d.stderr);
  const code = /^\s*director\s+director\s+(\S+)/m.exec(d.stdout)?.[1];
  assert.ok(code, d.stdout);

  const fet = path.join(work, 'school.fet');
  let r = spawnSync(BIN, ['timetable', 'export-fet', '--db', db, '--school', code, '--out', fet], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const activities = Number(/(\d+) activities/.exec(r.stdout)[1]);
  const blockHours = Number(/\((\d+) elective block hours\)/.exec(r.stdout)[1]); // TT-4: activities, not lessons
  assert.ok(activities > 500, r.stdout);
  const text = fs.readFileSync(fet, 'utf8');
  assert.equal((text.match(/<Activity>/g) || []).length, activities);
  assert.match(text, /<ConstraintActivitiesSameStartingTime>/);

  const out = path.join(work, 'school.xml');
  r = solve(fet, out, '--time-limit', '20');
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /not supported/);
  if (BENCH) {
    const c = spawnSync('python3', [path.join(BENCH, 'check_nis.py'), fet, out], { encoding: 'utf8' });
    assert.equal(c.status, 0, c.stderr);
    assert.match(c.stdout, /hard_total = 0\b/);
  }

  r = spawnSync(BIN, ['timetable', 'solve', '--db', db, '--school', code, '--time-limit', '20'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`${code} semester 1: draft version 2 \\(timetable \\d+\\): ${activities - blockHours} lessons, 0 hard violations`));
  r = spawnSync(BIN, ['timetable', 'solve', '--db', db, '--school', 'NOPE'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no school with the code NOPE/);
});

test('solve --fet: a teacher unavailable all week — the smallest conflicting set names the teacher\'s times', () => {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
  const hours = ['08:00', '08:50', '09:50', '10:40'];
  const times = days.flatMap((d) => hours.map((h) => `\t<Not_Available_Time>\n\t\t<Day>${d}</Day>\n\t\t<Hour>${h}</Hour>\n\t</Not_Available_Time>\n`));
  const input = fs.readFileSync(path.join(FIXTURES, 'timetable_tiny.fet'), 'utf8');
  const over = input.replace(/<Number_of_Not_Available_Times>1<\/Number_of_Not_Available_Times>[\s\S]*?(<Active>true<\/Active>\n<\/ConstraintTeacherNotAvailableTimes>)/,
    `<Number_of_Not_Available_Times>${times.length}</Number_of_Not_Available_Times>\n${times.join('')}\t$1`);
  assert.notEqual(over, input);
  const fet = path.join(work, 'over.fet');
  fs.writeFileSync(fet, over);
  const r = solve(fet, path.join(work, 'over.xml'), '--seed', '1', '--time-limit', '2', '--threads', '1');
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /Gulnar/);
  assert.match(r.stderr, /smallest set of rules found that cannot hold together[^\n]*\n {2}- the unavailable times of teacher Gulnar\n/);
});
