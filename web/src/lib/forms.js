// Helpers of the forms: what to send for a field, and whether a date field holds a date.
import { t } from './i18n.svelte.js';

/** The value of a text field for the API: trimmed, or null when empty. */
export function textOrNull(v) {
  const s = (v ?? '').toString().trim();
  return s === '' ? null : s;
}

/** Whether a number field's value is empty: '' as first given, null once a field bound
 * with bind:value is emptied. */
export const blankNumber = (v) => v === '' || v === null || v === undefined;

/** A number field's value for the API: a number, or null when empty. */
export const numberOrNull = (v) => (blankNumber(v) ? null : Number(v));

/** Whether a DateField's value is empty or a real ISO date. */
export function isoDateOk(v) {
  if (!v) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The browser's own refusal of date fields that hold no real date (typed wrong), in the
 * shape of an API error (status, message, problems()) for ProblemSummary and the fields;
 * null when every one is empty or a date. `fields` maps the form's keys to the fields the
 * problems name (the API's paths, e.g. {council_date: 'council.date'}); an array names
 * them alike. */
export function badDates(values, fields) {
  const map = Array.isArray(fields) ? Object.fromEntries(fields.map((k) => [k, k])) : fields;
  const bad = Object.keys(map).filter((k) => typeof values[k] === 'string' && !isoDateOk(values[k]));
  if (!bad.length) return null;
  const message = t('form.date_format');
  return { status: 400, message, problems: () => bad.map((k) => ({ field: map[k], code: 'bad_date', message })) };
}

/** A refusal's problems for a form with more than one form on its page: each field named
 * `at(field)` (a prefix, say), and the message per field with its rule first ("ELE-1 ·
 * …"), as ProblemSummary and the fields show them: {problems, errors}. */
export function problemsAt(error, at) {
  const problems = error.problems().map((p) => ({ ...p, field: p.field ? at(p.field) : p.field }));
  const errors = {};
  for (const p of problems) if (p.field && !(p.field in errors)) errors[p.field] = `${p.rule ? `${p.rule} · ` : ''}${p.message}`;
  return { problems, errors };
}

/** A refusal of a table's PUT of `{grades: [...]}` (the ЖОЖ's settings per grade) at its
 * cells: a problem at `grades[i].<key>` goes to the cell `cellOf(grade, key)` with the
 * message without the server's naming of the field (the list's i-th item) and `note(p)`
 * in brackets when it gives one; in the summary with the grade and the column as the
 * table names them (`labelOf(key)`). `sent` are the rows sent, in order. {problems, errors} */
export function gradeCells(error, sent, cellOf, labelOf, note = () => '') {
  const errors = {};
  const problems = error.problems().map((p) => {
    const m = /^grades\[(\d+)\]\.?(\w*)/.exec(p.field ?? '');
    const grade = m ? sent[Number(m[1])]?.grade : null;
    if (!grade) return p;
    const field = cellOf(grade, m[2]);
    const head = p.message.split(': ')[0].replace(/\.$/, '');
    const extra = note(p);
    const text = extra ? `${head} (${extra})` : head;
    if (!(field in errors)) errors[field] = `${text}.`;
    return { ...p, field, message: `${text}: ${t('curriculum.grade_n', { n: grade })}, ${labelOf(m[2]).toLowerCase()}.` };
  });
  return { problems, errors };
}

/** Moves keyboard focus to the first field that has an error. */
export function focusFirstError() {
  requestAnimationFrame(() => {
    const el = document.querySelector('.field.has-error input, .field.has-error select');
    if (el) el.focus();
  });
}

/** The languages of a translatable name ({kk, ru, en}). */
export const NAME_LANGS = ['kk', 'ru', 'en'];

/** A translatable name as a form holds it: three texts, '' when a language is missing. */
export function namesState(names) {
  return Object.fromEntries(NAME_LANGS.map((l) => [l, names?.[l] ?? '']));
}

/** A translatable name for the API: the languages filled in; one left empty is left out,
 * so the server names it (name.kk) and the form shows its problem under that input. */
export function namesBody(names) {
  const out = {};
  for (const l of NAME_LANGS) {
    const v = textOrNull(names[l]);
    if (v !== null) out[l] = v;
  }
  return out;
}

/** The fields of a person (staff member, legal representative), in the order asked. */
export const PERSON_FIELDS = ['last_name', 'first_name', 'middle_name', 'iin', 'birth_date', 'sex', 'phone', 'email'];

/** A person as a form holds it: every field a string, '' when not set. */
export function personState(p) {
  return Object.fromEntries(PERSON_FIELDS.map((k) => [k, p?.[k] ?? '']));
}

/** A person's fields for the API. A new record leaves out what is empty (the server says
 * what it needs); a change sends null for an emptied field (cleared), except the names,
 * which cannot be cleared: an empty text lets the server say why. */
export function personBody(f, { patch = false } = {}) {
  const b = {};
  for (const k of PERSON_FIELDS) {
    const v = textOrNull(f[k]);
    if (v !== null) b[k] = v;
    else if (patch) b[k] = k === 'last_name' || k === 'first_name' ? '' : null;
  }
  return b;
}
