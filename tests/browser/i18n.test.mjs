// The interface texts: every key exists, non-empty, in Kazakh, Russian and English;
// counted texts have the plural forms each language needs; placeholders agree; every
// key the app's code asks for exists; and the Kazakh is Kazakh (not a copy of the
// Russian). Runs without a server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.join(here, '../../web/src');
const LANGS = ['kk', 'ru', 'en'];
const dict = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(path.join(web, 'i18n', `${l}.json`), 'utf8'))]));
// Counted texts (tn() in the app) live under count.* with one key per plural form.
const PLURAL = /^(count\..+)\.(zero|one|two|few|many|other)$/;
const base = (k) => k.replace(PLURAL, '$1');

const baseKeys = (l) => new Set(Object.keys(dict[l]).map(base));

test('every key exists in kk, ru and en', () => {
  const all = new Set(LANGS.flatMap((l) => [...baseKeys(l)]));
  for (const l of LANGS) {
    const missing = [...all].filter((k) => !baseKeys(l).has(k));
    assert.deepEqual(missing, [], `${l}.json lacks keys`);
  }
});

test('no text is empty', () => {
  for (const l of LANGS)
    for (const [k, v] of Object.entries(dict[l])) {
      assert.equal(typeof v, 'string', `${l}:${k} is not a string`);
      assert.ok(v.trim().length > 0, `${l}:${k} is empty`);
    }
});

test('counted texts have every plural form of their language', () => {
  for (const l of LANGS) {
    const forms = new Intl.PluralRules(l).resolvedOptions().pluralCategories;
    const groups = new Set(Object.keys(dict[l]).filter((k) => PLURAL.test(k)).map(base));
    for (const g of groups) for (const f of forms) assert.ok(`${g}.${f}` in dict[l], `${l}: ${g}.${f} is missing`);
  }
});

test('placeholders are the same in every language', () => {
  const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  for (const k of Object.keys(dict.kk)) {
    for (const l of ['ru', 'en']) {
      const other = dict[l][k] ?? dict[l][`${base(k)}.other`];
      if (other !== undefined) assert.equal(names(other), names(dict.kk[k]), `{…} of ${k} differ in ${l}`);
    }
  }
});

function sources(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === 'i18n' ? [] : sources(p);
    return /\.(svelte|js)$/.test(f) ? [p] : [];
  });
}

test('every key the code uses exists', () => {
  const keys = baseKeys('kk');
  const used = new Set();
  const prefixes = new Set();
  for (const file of sources(web)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\btn?\(\s*(['`])([^'`]+)\1/g)) {
      const key = m[2];
      if (key.includes('${')) prefixes.add(key.slice(0, key.indexOf('${')));
      else used.add(key);
    }
  }
  const missing = [...used].filter((k) => !keys.has(k));
  assert.deepEqual(missing, [], 'keys used in the code but missing from kk.json');
  for (const p of prefixes) assert.ok([...keys].some((k) => k.startsWith(p)), `no key starts with ${p}`);
  assert.ok(used.size > 100, `found ${used.size} keys in the code`);
});

test('the Kazakh texts are written in Kazakh', () => {
  // Kazakh-only letters appear throughout, and Kazakh is not a copy of the Russian
  // (same-spelled words such as "Директор" or "Телефон" are fine, a whole page is not).
  const values = Object.values(dict.kk).join(' ');
  assert.match(values, /[әғқңөұүһі]/);
  const letters = (values.match(/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g) || []).length;
  assert.ok(letters > 300, `only ${letters} Kazakh-specific letters`);
  const same = Object.keys(dict.kk).filter((k) => dict.kk[k] === dict.ru[k] && /[а-яё]/i.test(dict.kk[k]));
  assert.ok(same.length < 15, `too many texts equal to the Russian: ${same.join(', ')}`);
});
