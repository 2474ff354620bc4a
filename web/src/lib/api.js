// The JSON API at /api/v1. Sign-in lives in an HttpOnly cookie, so requests go with
// credentials 'same-origin' and no token is kept here. Every request names the
// interface language, so the server's messages come back in it.
import { locale } from './i18n.svelte.js';

/** An error reply of the API: {error: {code, rule, message, field, details[]}}. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = error?.code || (status === 0 ? 'network' : 'http');
    this.rule = error?.rule || null;
    this.field = error?.field || null;
    this.details = Array.isArray(error?.details) ? error.details : [];
  }

  /** Every problem: details[], or the error itself when it has none. */
  problems(labels = {}) {
    const all = this.details.length ? this.details : [{ code: this.code, field: this.field, message: this.message }];
    return all.map((d) => ({ ...d, message: humanise(d.message, d.field, labels) }));
  }

  /** The messages per field: {field: message}; the first message of a field wins.
   * labels ({field: label}) replace the API's field names inside the messages. */
  fieldErrors(labels = {}) {
    const out = {};
    for (const d of this.problems(labels)) if (d.field && !(d.field in out)) out[d.field] = d.message;
    return out;
  }
}

/** The server ends a message with the field it concerns, named as users read it in the
 * reply's language ("…: language of instruction."); a field it has no name for is left as
 * sent ("…: last_name."): the form shows its own label there instead. Only that ending
 * is replaced — words of the message that happen to be field names ("phone", "language")
 * are left alone. */
export function humanise(message, field, labels) {
  if (!message || !field || !labels[field] || labels[field].toLowerCase() === field.toLowerCase()) return message;
  const name = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return message.replace(new RegExp(`: ${name}(\\.?)$`), `: ${labels[field]}$1`);
}

/** Listeners told when a request finds the user signed out (401). */
const unauthorisedListeners = new Set();
export function onUnauthorised(fn) {
  unauthorisedListeners.add(fn);
  return () => unauthorisedListeners.delete(fn);
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json', 'Accept-Language': locale.lang };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  let data = null;
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('application/json')) {
    try {
      data = await res.json();
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, data?.error);
    if (res.status === 401 && path !== '/auth/login') for (const fn of unauthorisedListeners) fn(err);
    throw err;
  }
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body ?? {}),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body),
  del: (path) => request('DELETE', path),
};

/** A query string from an object, leaving out empty values: {q:'a', cursor:null} → "?q=a". */
export function query(params) {
  const parts = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
