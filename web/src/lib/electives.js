// Electives as the pages show them: the results (ELE-9, ELE-10) — the journal's word
// «сыналды» / «сыналмады» in its colour, or — while the period runs and attendance is
// enough but the test work is still ahead — "on track" instead of a «сыналмады» that only
// means "not yet"; a day's elective meetings among its lessons (TT-4).
import { t } from './i18n.svelte.js';

/** {tone, text} of a period's result (r from the API), or null when nothing was held. */
export function resultView(r) {
  if (!r || r.result === null || r.result === undefined) return null;
  if (!r.final && !r.attendance_short && r.test_works_held === 0) return { tone: 'info', text: t('el.on_track') };
  const word = `${r.result} · ${t(r.passed ? 'el.passed' : 'el.not_passed')}`;
  return { tone: r.passed ? 'good' : r.final ? 'bad' : 'warn', text: r.final ? word : `${word} · ${t('el.so_far')}` };
}

/** "7–9", or "8" for a course of one grade. */
export const gradesText = (c) => (c.grade_from === c.grade_to ? String(c.grade_from) : `${c.grade_from}–${c.grade_to}`);

/** A day's lessons and elective meetings (TT-4) in one list by period, lessons first
 * within a period: [{key, lesson} | {key, elective}]. */
export function byPeriod(lessons, electives) {
  const rows = [
    ...lessons.map((l) => ({ key: `l${l.id}`, period: l.period, lesson: l })),
    ...electives.map((e) => ({ key: `e${e.group_id}-${e.date}-${e.period}`, period: e.period, elective: e })),
  ];
  return rows.sort((a, b) => a.period - b.period || (a.lesson ? 0 : 1) - (b.lesson ? 0 : 1));
}
