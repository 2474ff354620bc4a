// What the browser tests share: Debian's Chromium driven by playwright-core (from
// web/node_modules; no browser is downloaded), a page that records every console
// error and failed request, sign-in, and screenshots at desktop and phone width.
//
// The server is started by scripts/run-browser-tests, which passes its address in
// MEKTEP_URL. A test fails on any console error, page error or failed request, and on
// any HTTP error reply that the test did not declare with page.expectStatus().
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../web/package.json'));
const { chromium } = require('playwright-core');

export const BASE = process.env.MEKTEP_URL || 'http://127.0.0.1:8080';
export const PASSWORD = 'mektep2026';
export const SHOTS = path.join(here, 'screenshots');
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

let browser = null;
let profile = null;

export async function launch() {
  // A fresh profile: playwright-core refuses --user-data-dir for launch() and makes a
  // temporary one itself; TMPDIR points it into a folder of ours, removed at close.
  profile = mkdtempSync(path.join(tmpdir(), 'mektep-chromium-'));
  process.env.TMPDIR = profile;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(SHOTS, { recursive: true });
  return browser;
}

export async function close() {
  await browser?.close();
  browser = null;
  if (profile) rmSync(profile, { recursive: true, force: true });
}

/**
 * A fresh context and page (no cookies) at desktop width, watching for problems.
 * page.problems lists what went wrong; page.expectStatus(re, status) declares an
 * error reply that the test expects (e.g. the 403 of a refused page).
 */
export async function newPage({ locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport: DESKTOP, locale, baseURL: BASE });
  const page = await context.newPage();
  const expected = [];
  const problems = [];
  const allowed = (url, status) => expected.some((e) => e.re.test(new URL(url).pathname) && e.status === status);
  const statusOf = new Map();

  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url || '';
    // Chromium reports every 4xx/5xx reply on the console too: those the test
    // expected are not problems.
    const m = /status of (\d{3})/.exec(msg.text());
    if (m && where && allowed(where, Number(m[1]))) return;
    problems.push(`console error: ${msg.text()} ${where}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A navigation that replaced a page's pending request is not a failure of the app.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    statusOf.set(res.url(), res.status());
    if (res.status() >= 400 && !allowed(res.url(), res.status()))
      problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });

  page.expectStatus = (re, status) => expected.push({ re, status });
  page.problems = problems;
  return page;
}

/** Fails the test when the page saw a console error or a failed request. */
export function assertClean(page) {
  assert.deepEqual(page.problems, [], `the page had problems:\n${page.problems.join('\n')}`);
}

/** Opens the app and signs in through the form, as a person would. */
export async function signIn(page, login, password = PASSWORD) {
  await page.goto('/');
  await page.getByLabel(loginLabelRe).fill(login);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('header .who').waitFor();
}
const loginLabelRe = /^(Логин|Login)$/;

/** The main menu's link whose name contains `name` (or matches it, a RegExp), made
 * visible: its group opened — on a phone the menu first (components/MainNav.svelte). */
export async function menuLink(page, name) {
  const nav = page.locator('nav.nav');
  const link = nav.getByRole('link', { name, includeHidden: true }).first();
  await link.waitFor({ state: 'attached' });
  if (await link.isVisible()) return link;
  const toggle = nav.getByTestId('menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const panel = await link.evaluate((a) => a.closest('[id^="menu-"]:not(#menu-top)')?.id ?? null);
  if (panel) {
    const button = nav.locator(`[aria-controls="${panel}"]`);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }
  await link.waitFor({ state: 'visible' });
  return link;
}

/** Goes to the main menu's page named `name` (see menuLink). */
export async function clickMenu(page, name) {
  await (await menuLink(page, name)).click();
}

/** Saves the page as <name>-1440.png and <name>-390.png (full page). */
export async function screenshots(page, name) {
  await settle(page);
  await page.setViewportSize(DESKTOP);
  await settle(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}-1440.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await settle(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}-390.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
}

/** Waits until no request is pending and nothing is loading. */
export async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => {});
}

/** Signs in to the API directly, for a test's set-up and checks: returns
 * `(method, path, body?)` that expects 200, 201 or 202 and gives the reply's JSON. */
export async function apiSession(login) {
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  assert.equal(res.status, 200, `API sign-in as ${login}`);
  const { token } = await res.json();
  return async (method, p, body) => {
    const r = await fetch(`${BASE}/api/v1${p}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(r.status >= 200 && r.status <= 202, `${method} ${p}: ${r.status}`);
    return r.json();
  };
}

/** The same, for reading only: returns `(path)` that GETs it. */
export async function apiAs(login) {
  const call = await apiSession(login);
  return (p) => call('GET', p);
}

/** Fetches `href` inside the page, with its sign-in: {status, type, head} — the first
 * five bytes of the body as text ("%PDF-" for a PDF). */
export async function fetchInPage(page, href) {
  return page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'same-origin' });
    const head = new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5));
    return { status: r.status, type: r.headers.get('content-type'), head };
  }, href);
}
