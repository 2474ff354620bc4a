// A small router over the History API: the address bar is the state. Links are plain
// <a href> (so they work with the keyboard, open in a new tab, etc.); clicks on
// same-origin links are turned into navigate() calls.

function snapshot() {
  return {
    path: decodeURI(location.pathname).replace(/\/+$/, '') || '/',
    query: Object.fromEntries(new URLSearchParams(location.search)),
  };
}

export const route = $state(snapshot());

export function navigate(href, { replace = false } = {}) {
  const url = new URL(href, location.href);
  const current = location.pathname + location.search;
  if (url.pathname + url.search !== current) {
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }
  const next = snapshot();
  const pathChanged = next.path !== route.path;
  route.path = next.path;
  route.query = next.query;
  if (pathChanged) {
    window.scrollTo(0, 0);
    focusMain();
  }
}

/** Changes some query parameters of the current page (search, paging). */
export function setQuery(changes, options) {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, v);
  }
  const qs = params.toString();
  navigate(location.pathname + (qs ? `?${qs}` : ''), options);
}

/** After a page change, moves focus to the main heading so screen readers and
 * keyboard users start at the new content. The heading may come only once the page's
 * data is loaded: it is looked for during a few seconds, unless the user has moved the
 * focus meanwhile. */
let focusSeq = 0;
function focusMain() {
  const seq = ++focusSeq;
  const from = document.activeElement;
  const started = performance.now();
  const attempt = () => {
    if (seq !== focusSeq) return;
    if (document.activeElement !== from && document.activeElement !== document.body) return;
    const h = document.querySelector('main h1');
    if (h) {
      h.setAttribute('tabindex', '-1');
      h.focus({ preventScroll: true });
    } else if (performance.now() - started < 4000) {
      requestAnimationFrame(attempt);
    }
  };
  requestAnimationFrame(attempt);
}

export function startRouter() {
  window.addEventListener('popstate', () => {
    const next = snapshot();
    route.path = next.path;
    route.query = next.query;
  });
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest?.('a[href]');
    if (!a || a.target || a.hasAttribute('download') || a.getAttribute('href').startsWith('#')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    e.preventDefault();
    navigate(url.pathname + url.search);
  });
}

/** Matches a path against patterns like "/schools/:id"; returns the params or null. */
export function match(pattern, path) {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      if (!/^\d+$/.test(s[i])) return null;
      params[p[i].slice(1)] = Number(s[i]);
    } else if (p[i] !== s[i]) {
      return null;
    }
  }
  return params;
}
