// bench/journal-prep.mjs — writes the wrk scripts of bench/journal from a running
// server: the diary of the director's school's students (rotating), the save of a
// lesson's whole journal (about 25 students, two bodies alternating so every save
// changes marks and is audited), and the term summary of its class-subjects.
// Usage: node bench/journal-prep.mjs URL OUTDIR TODAY
import fs from 'node:fs';
import path from 'node:path';

const [url, out, today] = process.argv.slice(2);
const call = async (method, p, token, body) => {
  const r = await fetch(url + p, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (r.status !== 200) throw new Error(`${method} ${p}: ${r.status} ${await r.text()}`);
  return r.json();
};
const token = (await call('POST', '/api/v1/auth/login', null, { login: 'director', password: 'mektep2026' })).token;
const me = await call('GET', '/api/v1/me', token);
const school = me.user.school_id;
const classes = (await call('GET', `/api/v1/schools/${school}/classes?limit=500`, token)).items;

const students = [];
const saves = [];
const units = new Map();
const weekAgo = new Date(Date.parse(today) - 21 * 86400e3).toISOString().slice(0, 10);
const dayBefore = new Date(Date.parse(today) - 86400e3).toISOString().slice(0, 10);
for (const c of classes) {
  for (const s of (await call('GET', `/api/v1/classes/${c.id}/students?limit=100`, token)).items) students.push(s.id);
  const lessons = (await call('GET', `/api/v1/classes/${c.id}/lessons?from=${weekAgo}&to=${dayBefore}`, token)).items;
  for (const l of lessons.filter((x) => !x.group).slice(0, 12)) {
    const j = await call('GET', `/api/v1/lessons/${l.id}/journal`, token);
    if (j.term) units.set(`${c.id}:${l.subject.id}:${j.term}`, `/api/v1/classes/${c.id}/journal/summary?subject=${l.subject.id}&term=${j.term}`);
    if (j.students.length < 20 || saves.length >= 400) continue;
    const ids = j.students.map((s) => s.id);
    const body = (mark) => JSON.stringify({
      topic: j.topic || 'Тақырып', homework: j.homework || '§1',
      attendance: [{ student_id: ids[0], status: 'absent', reason: 'illness' }, { student_id: ids[1], status: 'late' }],
      marks: ids.slice(2, 8).map((id) => ({ student_id: id, mark })),
    });
    saves.push([`/api/v1/lessons/${l.id}/journal`, body(8), body(9)]);
  }
}
const lua = (s) => JSON.stringify(s).replace(/\\u/g, '\\u');
const header = `local auth = {["Authorization"] = "Bearer ${token}", ["Content-Type"] = "application/json"}\nlocal i = 0\n`;
fs.writeFileSync(path.join(out, 'diary.lua'), header +
  `local ids = {${students.join(',')}}\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", "/api/v1/students/" .. ids[(i % #ids) + 1] .. "/diary", auth)\nend\n`);
fs.writeFileSync(path.join(out, 'summary.lua'), header +
  `local paths = {${[...units.values()].map(lua).join(',')}}\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1], auth)\nend\n`);
fs.writeFileSync(path.join(out, 'save.lua'), header +
  `local saves = {${saves.map(([p, a, b]) => `{${lua(p)}, ${lua(a)}, ${lua(b)}}`).join(',\n')}}\n` +
  `request = function()\n  i = i + 1\n  local s = saves[(i % #saves) + 1]\n  local body = s[2 + (math.floor(i / #saves) % 2)]\n  return wrk.format("PUT", s[1], auth, body)\nend\n`);
console.log(`bench: school ${school}: ${students.length} students, ${units.size} class-subjects, ${saves.length} lessons to save`);
