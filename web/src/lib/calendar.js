// Day arithmetic for the calendar pages, on ISO dates (YYYY-MM-DD) in UTC so that no
// time zone moves a day; and the plain-words texts of the calendar rules' problems.
import { t, locale, formatNumber } from './i18n.svelte.js';
import { kazakhstanNow } from './today.js';

const DAY = 86400000;

/** The ISO date as a day number (days since 1970-01-01), or null when it is no date. */
export function dayNumber(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return null;
  return ms / DAY;
}

/** The ISO date of a day number. */
export function isoOf(n) {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso) {
  const n = dayNumber(iso);
  return n === null ? null : new Date(n * DAY).getUTCDay();
}

/** Calendar days of a period, both ends included; null when a date is missing or wrong. */
export function periodDays(from, to) {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null || b < a) return null;
  return b - a + 1;
}

/** The same day a year later (29 February becomes 28 February). */
export function nextYearSameDay(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return iso;
  const day = m[2] === '02' && m[3] === '29' ? '28' : m[3];
  return `${+m[1] + 1}-${m[2]}-${day}`;
}

/** Monday to Friday inside [from, to] and outside every holiday period: the study days
 * of a term, as CAL-2 counts them (public days off are not taken out). */
export function studyDays(from, to, holidays) {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null || b < a) return null;
  const off = holidays
    .map((h) => [dayNumber(h.starts_on), dayNumber(h.ends_on)])
    .filter(([s, e]) => s !== null && e !== null && e >= s);
  let n = 0;
  for (let d = a; d <= b; d++) {
    const wd = new Date(d * DAY).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    if (off.some(([s, e]) => d >= s && d <= e)) continue;
    n++;
  }
  return n;
}

/** Calendar days covered by the holiday periods inside [from, to], each day once (CAL-3). */
export function holidayDays(holidays, from, to) {
  const lo = dayNumber(from);
  const hi = dayNumber(to);
  const days = new Set();
  for (const h of holidays) {
    const s = dayNumber(h.starts_on);
    const e = dayNumber(h.ends_on);
    if (s === null || e === null || e < s) continue;
    for (let d = s; d <= e; d++) if ((lo === null || d >= lo) && (hi === null || d <= hi)) days.add(d);
  }
  return days.size;
}

/** A number with one decimal, the way the language writes it (34,2 / 34.2). */
export function formatDecimal(x) {
  const rounded = Math.round(x * 10) / 10;
  const whole = Math.trunc(rounded);
  const tenth = Math.round(Math.abs(rounded - whole) * 10);
  if (tenth === 0) return formatNumber(whole);
  return `${formatNumber(whole)}${locale.lang === 'en' ? '.' : ','}${tenth}`;
}

/** Weeks of study days (5 to a week) or of calendar days (7 to a week). */
export const studyWeeks = (days) => formatDecimal(days / 5);
export const calendarWeeks = (days) => formatDecimal(days / 7);

/** "have / need" of a counted problem in plain words, or '' when it has none. */
export function amountText(p) {
  if (p.have === undefined || p.need === undefined || p.have === null) return '';
  if (p.unit === 'study_days')
    return t('cal.amount.study_days', { have: formatNumber(p.have), need: formatNumber(p.need), have_weeks: studyWeeks(p.have), need_weeks: studyWeeks(p.need) });
  if (p.unit === 'days')
    return t('cal.amount.days', { have: formatNumber(p.have), need: formatNumber(p.need), have_weeks: calendarWeeks(p.have), need_weeks: calendarWeeks(p.need) });
  if (p.unit === 'terms') return t('cal.amount.terms', { have: formatNumber(p.have), need: formatNumber(p.need) });
  return '';
}

/** A problem of the API as one line: "CAL-3 · message (29 days, at least 30)". */
export function problemText(p) {
  const amount = amountText(p);
  const text = amount ? `${p.message} ${amount}` : p.message;
  return p.rule ? `${p.rule} · ${text}` : text;
}

/** The academic years around today (Kazakhstan): "2026-2027" is current from
 * 1 August 2026; the list runs from two years back to two ahead. */
export function yearNames(now = new Date()) {
  const kz = kazakhstanNow(now);
  const first = kz.getUTCMonth() >= 7 ? kz.getUTCFullYear() : kz.getUTCFullYear() - 1;
  const out = [];
  for (let y = first - 2; y <= first + 2; y++) out.push(`${y}-${y + 1}`);
  return { names: out, current: `${first}-${first + 1}`, next: `${first + 1}-${first + 2}` };
}

