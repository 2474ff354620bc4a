// What the diary and the journal pages share: ISO weeks (the diary's ?week=YYYY-Www),
// today in Kazakhstan, percentages with the language's decimal mark, the parts of a
// term result (ҚБ/ФО, БЖБ/СОР, ТЖБ/СОЧ) with the figures they came from, and the short
// signs of attendance in a journal's cell.
import { t, tn, locale } from './i18n.svelte.js';

const DAY = 86400000;

/** A YYYY-MM-DD date as a UTC day number (days since 1970-01-01). */
export function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY);
}

/** A UTC day number as YYYY-MM-DD. */
export function isoOfDay(n) {
  return new Date(n * DAY).toISOString().slice(0, 10);
}


/** The ISO week (YYYY-Www) that holds a date. */
export function weekOf(iso) {
  const n = dayNumber(iso);
  const dow = ((new Date(n * DAY).getUTCDay() + 6) % 7) + 1; // 1 = Monday
  const thursday = n + 4 - dow; // the week belongs to the year of its Thursday
  const year = new Date(thursday * DAY).getUTCFullYear();
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week, as a day number; null for a malformed week. */
export function mondayOf(week) {
  const m = /^(\d{4})-W(\d{2})$/.exec(week ?? '');
  if (!m) return null;
  const jan4 = dayNumber(`${m[1]}-01-04`);
  const dow = ((new Date(jan4 * DAY).getUTCDay() + 6) % 7) + 1;
  return jan4 - (dow - 1) + (Number(m[2]) - 1) * 7;
}

/** The week `by` weeks after (or before) `week`. */
export function shiftWeek(week, by) {
  const monday = mondayOf(week);
  return monday === null ? week : weekOf(isoOfDay(monday + 7 * by));
}

/** "16–22 қараша", "30 қараша – 6 желтоқсан": a span of days with month names. */
export function daySpan(from, to) {
  const [, m1, d1] = from.split('-').map(Number);
  const [, m2, d2] = to.split('-').map(Number);
  if (m1 === m2) return t('marks.span_same_month', { from: d1, to: d2, month: t(`month.${m2}`) });
  return t('marks.span', { from: d1, from_month: t(`month.${m1}`), to: d2, to_month: t(`month.${m2}`) });
}

/** "dd.mm" of an ISO date (the year goes without saying in a week or a term). */
export function shortDate(iso) {
  if (!iso) return '';
  const [, m, d] = iso.split('-');
  return `${d}.${m}`;
}

/** A number with one decimal, with a comma in Kazakh and Russian: 66,7. Whole numbers
 * go without decimals: 50. */
export function decimal(x, digits = 1) {
  if (x === null || x === undefined || Number.isNaN(Number(x))) return '—';
  const n = Number(x);
  const s = Number.isInteger(n) ? String(n) : n.toFixed(digits);
  return locale.lang === 'en' ? s : s.replace('.', ',');
}

/** "66,7 %" ("66.7%" in English). */
export function percent(x) {
  if (x === null || x === undefined) return '—';
  return locale.lang === 'en' ? `${decimal(x)}%` : `${decimal(x)} %`;
}

/** The parts of a result in the order shown: the pooled summative of the IB model
 * stands for section and term works together. */
export function resultParts(result, pooled = false) {
  const parts = result?.parts ?? {};
  if (pooled || 'summative' in parts) return ['formative', 'summative'];
  return ['formative', 'section', 'term'];
}

/** The figures a part was computed from, in words: "4 баға, қосындысы 28", "16/20 ұпай". */
export function partFigures(part, figures) {
  const f = figures ?? {};
  if (part === 'formative') {
    if (!f.formative_count) return t('marks.no_marks');
    return tn('count.formative_figures', f.formative_count, { sum: f.formative_sum });
  }
  let points = 0;
  let max = 0;
  if (part === 'section' || part === 'summative') {
    points += f.section_points ?? 0;
    max += f.section_max ?? 0;
  }
  if (part === 'term' || part === 'summative') {
    points += f.term_points ?? 0;
    max += f.term_max ?? 0;
  }
  if (!max) return t('marks.no_works');
  return t('marks.points_of', { points, max });
}

/** "2-тоқсан" or, in a year of semesters, "2-жартыжылдық". */
export function termLabel(n, type) {
  return type === 'semesters' ? t('diary.semester_n', { n }) : t('diary.term_n', { n });
}

/** The sign of an attendance in a journal's cell: absent, late. */
export function attendanceSign(status) {
  return status === 'absent' ? t('marks.sign.absent') : status === 'late' ? t('marks.sign.late') : '';
}

/** An instant (UTC) as "dd.mm.yyyy HH:MM" in Kazakhstan time. */
export function kzDateTime(instant) {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant ?? '';
  const kz = new Date(at.getTime() + 5 * 3600 * 1000).toISOString();
  return `${kz.slice(8, 10)}.${kz.slice(5, 7)}.${kz.slice(0, 4)} ${kz.slice(11, 16)}`;
}
