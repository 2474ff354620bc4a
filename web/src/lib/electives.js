// Elective results as the pages show them (ELE-9, ELE-10): the journal's word
// «сыналды» / «сыналмады» in its colour, or — while the period runs and attendance is
// enough but the test work is still ahead — "on track" instead of a «сыналмады» that only
// means "not yet".
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
