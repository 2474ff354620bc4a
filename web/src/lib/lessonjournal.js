// A lesson's journal on the teacher's side (JRN-1, JRN-2, ASM-2): the day's lessons
// (GET /me/lessons) and one lesson's journal (GET/PUT /lessons/{id}/journal) turned into
// the page's form state and back into the body of the save; the server's problems
// (`attendance[2].reason`, `marks[0].mark`, `work.scores[1].points`) led back to the
// student's row they concern.
import { t } from './i18n.svelte.js';

export const ABSENCE_REASONS = ['illness', 'excused', 'unexcused'];

/** The day `n` days after an ISO date. */
export function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const isIsoDate = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** An ISO date as a long date with its weekday in the current language. */
export function longDate(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  return t('date.long', {
    weekday: t(`weekday.${d.getUTCDay()}`),
    day: d.getUTCDate(),
    month: t(`month.${d.getUTCMonth() + 1}`),
    year: d.getUTCFullYear(),
  });
}

/** The state of a lesson of the day list: missed, late, filled or open (nothing yet).
 * Late as the server counts it (JRN-2, JRN-4): a held lesson whose day has passed
 * without a topic or without the roll. */
export function lessonState(l, today) {
  if (l.status === 'missed') return 'missed';
  if (today && l.date < today && (!l.topic || !l.attendance_marked)) return 'late';
  if (l.status === 'held') return 'filled';
  return 'open';
}

/** "9Д · 2-топ" — a lesson's class and group. */
export function classLabel(l) {
  if (!l.class) return '';
  return l.group ? `${l.class.label} · ${t('myday.group', { name: l.group.name })}` : l.class.label;
}

const str = (v) => (v === null || v === undefined ? '' : String(v));

/** The page's form state from a journal (GET or PUT reply). */
export function formOf(j) {
  const planned = j.status === null && j.topic_id === null && j.planned_topic ? j.planned_topic.id : null;
  const topicId = j.topic_id ?? planned;
  const picked = (j.topics ?? []).find((x) => x.id === topicId);
  return {
    missed: j.status === 'missed',
    missed_reason: str(j.missed_reason),
    topic_id: topicId === null || topicId === undefined ? '' : String(topicId),
    // The words of the topic: left empty when they are the КТЖ topic's title (the server
    // writes the title then).
    topic: picked && j.topic === picked.title ? '' : str(j.topic),
    homework: str(j.homework),
    work: j.work ? { kind: j.work.kind, title: str(j.work.title), max_points: str(j.work.max_points) } : null,
    rows: (j.students ?? []).map((s) => ({
      id: s.id,
      attendance: s.attendance || 'present',
      reason: str(s.reason),
      mark: str(s.mark),
      points: str(s.points),
      // EXT-8, LV-5: on externship or leave that day — listed, not expected
      away: s.away ?? null,
    })),
  };
}

/** A whole number typed in an input, or the text as typed (the server says what is wrong). */
function num(s) {
  const v = String(s).trim();
  return /^\d+$/.test(v) ? Number(v) : v;
}

/** The body of PUT /lessons/{id}/journal from the form. With it, where each list entry
 * came from: {attendance: [student ids], marks: [...], scores: [...]}. `rollAllowed`
 * false (a lesson not yet held) sends no roll and no marks. */
export function bodyOf(f, rollAllowed) {
  const from = { attendance: [], marks: [], scores: [] };
  const text = (s) => (s.trim() === '' ? null : s.trim());
  const body = {
    status: f.missed ? 'missed' : 'held',
    missed_reason: f.missed ? text(f.missed_reason) : null,
    topic_id: f.topic_id === '' ? null : Number(f.topic_id),
    topic: text(f.topic),
    homework: text(f.homework),
    attendance: null,
    marks: [],
    work: null,
  };
  if (f.missed || !rollAllowed) return { body, from };
  body.attendance = [];
  for (const r of f.rows) {
    if (r.away || r.attendance === 'present') continue;
    body.attendance.push({ student_id: r.id, status: r.attendance, reason: r.reason === '' ? null : r.reason });
    from.attendance.push(r.id);
  }
  for (const r of f.rows) {
    if (r.away || r.mark.trim() === '') continue;
    body.marks.push({ student_id: r.id, mark: num(r.mark) });
    from.marks.push(r.id);
  }
  if (f.work) {
    const scores = [];
    for (const r of f.rows) {
      if (r.away || r.points.trim() === '') continue;
      scores.push({ student_id: r.id, points: num(r.points) });
      from.scores.push(r.id);
    }
    body.work = { kind: f.work.kind, title: text(f.work.title), max_points: num(f.work.max_points), scores };
  }
  return { body, from };
}

/** The message of a problem shown at its row: the server ends it with where it is
 * ("…: attendance line 1: reason."), which at the row itself only confuses (line 1 of
 * the list sent is not the row's number) — that ending is dropped. */
export function atRow(message) {
  const parts = String(message ?? '').split(': ');
  if (parts.length < 2 || !parts.slice(1).some((p) => /\d/.test(p))) return message;
  const head = parts[0].trim();
  return /[.!?…]$/.test(head) ? head : `${head}.`;
}

/** The server's problems of a refused save, each with where it is shown:
 * {student, column ('attendance'|'mark'|'points'), message} for a row, or {field,
 * message} for the rest of the form (status, missed_reason, topic_id, topic, homework,
 * work.kind, work.title, work.max_points …). */
export function placeProblems(error, from) {
  return error.problems().map((p) => {
    const m = /^(attendance|marks|work\.scores)\[(\d+)\](?:\.(\w+))?$/.exec(p.field ?? '');
    if (!m) return p;
    const list = m[1] === 'attendance' ? from.attendance : m[1] === 'marks' ? from.marks : from.scores;
    const student = list[Number(m[2])];
    if (student === undefined) return p;
    const column = m[1] === 'attendance' ? 'attendance' : m[1] === 'marks' ? 'mark' : 'points';
    return { ...p, student, column, message: atRow(p.message) };
  });
}
