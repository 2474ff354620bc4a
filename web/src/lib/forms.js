// Helpers of the forms: what to send for a field, and whether a date field holds a date.

/** The value of a text field for the API: trimmed, or null when empty. */
export function textOrNull(v) {
  const s = (v ?? '').toString().trim();
  return s === '' ? null : s;
}

/** Whether a DateField's value is empty or a real ISO date. */
export function isoDateOk(v) {
  if (!v) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Moves keyboard focus to the first field that has an error. */
export function focusFirstError() {
  requestAnimationFrame(() => {
    const el = document.querySelector('.field.has-error input, .field.has-error select');
    if (el) el.focus();
  });
}
