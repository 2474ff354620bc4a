// Paging of API lists: the page's cursor and number are in the address (?cursor=&page=),
// so Back works; the cursors of earlier pages are remembered to go back a page.
import { route, setQuery } from './router.svelte.js';

export const PAGE_SIZE = 25;
const earlier = new Map();

function key(page) {
  return `${route.path}|${route.query.q ?? ''}|${route.query.role ?? ''}|${page}`;
}

/** The page number shown (1-based). */
export function pageNumber() {
  const n = Number(route.query.page);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** limit and cursor for the API address of the current page. */
export function pageQuery(size = PAGE_SIZE) {
  return { limit: size, cursor: route.query.cursor ?? null };
}

export function nextPage(cursor) {
  const page = pageNumber();
  earlier.set(key(page + 1), route.query.cursor ?? null);
  setQuery({ cursor, page: page + 1 });
}

export function previousPage() {
  const page = pageNumber();
  const k = key(page);
  if (page <= 2 || !earlier.has(k)) {
    setQuery({ cursor: null, page: null });
    return;
  }
  setQuery({ cursor: earlier.get(k), page: page - 1 });
}
