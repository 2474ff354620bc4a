// Today in Kazakhstan (UTC+5 across the country) as the server counts it. /me gives the
// server's date (pinned by `serve --today` in demos and tests); the pages open on that
// day and its week even when the device's clock says otherwise, and keep moving with the
// device's clock after midnight. Before /me answers, the device's clock is taken.

const DAY = 86400000;
const KAZAKHSTAN_OFFSET = 5 * 3600 * 1000;

/* Whole days between the server's today and the device's, set from /me. */
let serverShiftDays = 0;

function deviceDayNumber(now) {
  return Math.floor((now.getTime() + KAZAKHSTAN_OFFSET) / DAY);
}

/** Takes /me's today (YYYY-MM-DD); a missing or malformed date keeps the device's. */
export function adoptServerToday(iso, now = new Date()) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  serverShiftDays = m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY) - deviceDayNumber(now) : 0;
}

/** Now in Kazakhstan as a Date to be read with getUTC*(), on the server's day. */
export function kazakhstanNow(now = new Date()) {
  return new Date(now.getTime() + KAZAKHSTAN_OFFSET + serverShiftDays * DAY);
}

/** Today in Kazakhstan as YYYY-MM-DD. */
export function todayIso(now = new Date()) {
  return kazakhstanNow(now).toISOString().slice(0, 10);
}
