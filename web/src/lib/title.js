// The browser tab names the page: "<page> — Mektep".
export function setTitle(page) {
  document.title = page ? `${page} — Mektep` : 'Mektep';
}
