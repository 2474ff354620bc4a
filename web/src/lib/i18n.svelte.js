// The interface language: Kazakh by default, Russian and English alongside. Every text
// is in src/i18n/{kk,ru,en}.json; dates are shown dd.mm.yyyy and numbers with the
// grouping of the chosen language. Reading `locale.lang` (through t() and the
// formatters) makes a component follow a language switch.
import kk from '../i18n/kk.json';
import ru from '../i18n/ru.json';
import en from '../i18n/en.json';
import { kazakhstanNow } from './today.js';

export const LANGS = ['kk', 'ru', 'en'];
const dictionaries = { kk, ru, en };
const STORAGE_KEY = 'mektep.lang';

function initialLang() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGS.includes(saved)) return saved;
  } catch {
    /* storage may be disabled: Kazakh */
  }
  return 'kk';
}

export const locale = $state({ lang: initialLang() });

/** Sets the language of the interface (not of the user's profile: see session). */
export function setLang(lang) {
  if (!LANGS.includes(lang)) return;
  locale.lang = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* not remembered on this device; the profile still remembers it */
  }
}

/** The text of `key` in the current language, with {name} placeholders filled in. */
export function t(key, params) {
  const text = dictionaries[locale.lang][key] ?? dictionaries.kk[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

const pluralRules = {};

/** A counted text: the key's plural form for n in the current language (key.one,
 * key.few, key.many, key.other — each language has the forms its grammar needs), with
 * {n} filled in as a formatted number. */
export function tn(key, n, params = {}) {
  const lang = locale.lang;
  pluralRules[lang] ??= new Intl.PluralRules(lang);
  const form = pluralRules[lang].select(n);
  const dict = dictionaries[lang];
  const k = `${key}.${form}` in dict ? `${key}.${form}` : `${key}.other`;
  return t(k, { ...params, n: formatNumber(n) });
}

/** The name of a translatable thing ({kk, ru, en}) in the current language. */
export function nameOf(names) {
  if (!names) return '';
  if (typeof names === 'string') return names;
  return names[locale.lang] || names.kk || names.ru || names.en || '';
}

// Thousands are grouped with a no-break space in Kazakh and Russian, with a comma in
// English. Done here rather than with Intl, whose Kazakh data some browsers lack.
const GROUP = { kk: '\u00a0', ru: '\u00a0', en: ',' };

/** A whole number with the grouping of the current language (1 234 / 1,234). */
export function formatNumber(n) {
  if (n === null || n === undefined || n === '') return '';
  const num = Number(n);
  if (!Number.isFinite(num)) return String(n);
  const sign = num < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(num)));
  if (digits.length <= 4 && locale.lang !== 'en') return sign + digits; // 1514, as usual in kk/ru
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[locale.lang]);
}

/** An ISO date (YYYY-MM-DD, or an instant) as dd.mm.yyyy, the way all three languages
 * write dates in Kazakhstan. Instants are shown in Kazakhstan time (UTC+5). */
export function formatDate(iso) {
  if (!iso) return '';
  let y, m, d;
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) {
    [, y, m, d] = plain;
  } else {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return iso;
    const kz = new Date(at.getTime() + 5 * 3600 * 1000);
    y = String(kz.getUTCFullYear());
    m = String(kz.getUTCMonth() + 1).padStart(2, '0');
    d = String(kz.getUTCDate()).padStart(2, '0');
  }
  void locale.lang;
  return `${d}.${m}.${y}`;
}

/** Today in Kazakhstan as a long date in the current language, e.g. "14 қараша 2026 ж.". */
export function todayLong(now = new Date()) {
  const kz = kazakhstanNow(now);
  const d = kz.getUTCDate();
  const month = t(`month.${kz.getUTCMonth() + 1}`);
  const weekday = t(`weekday.${kz.getUTCDay()}`);
  return t('date.long', { weekday, day: d, month, year: kz.getUTCFullYear() });
}

/** A person's full name: last, first, middle (as entered). */
export function personName(p) {
  if (!p) return '';
  return [p.last_name, p.first_name, p.middle_name].filter(Boolean).join(' ');
}
