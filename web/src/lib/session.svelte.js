// The signed-in user (GET /api/v1/me) and what their role may do. The session itself
// is the server's HttpOnly cookie; the page only remembers (in localStorage) that it
// signed in, to skip asking /me when it surely did not.
import { api, onUnauthorised } from './api.js';
import { locale, setLang } from './i18n.svelte.js';
import { adoptServerToday } from './today.js';

const HINT_KEY = 'mektep.signed-in';

export const NETWORK_ROLES = ['network_admin', 'contingent_unit'];
export const SCHOOL_ADMIN_ROLES = ['director', 'deputy_academic', 'deputy_upbringing'];
export const SCHOOL_STAFF_ROLES = [...SCHOOL_ADMIN_ROLES, 'timetable_officer', 'teacher', 'club_leader'];
/** The roles a staff member holds at a school (a set of them), in the order shown. */
export const STAFF_ROLES = ['director', 'deputy_academic', 'deputy_upbringing', 'timetable_officer', 'teacher', 'curator', 'club_leader'];

export const session = $state({
  ready: false, // /me has been asked (or need not be)
  me: null, // {user, school?, children?, student?}
});

function hint(on) {
  try {
    if (on) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    /* no storage: /me is asked every time */
  }
}

function hinted() {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

function adopt(me) {
  session.me = me;
  adoptServerToday(me?.today);
  hint(true);
  if (me?.user?.lang) setLang(me.user.lang);
}

/** Asks the server who is signed in; leaves session.me null when nobody is. */
export async function loadSession() {
  if (!hinted()) {
    session.ready = true;
    return;
  }
  try {
    adopt(await api.get('/me'));
  } catch {
    session.me = null;
    hint(false);
  }
  session.ready = true;
}

export async function signIn(login, password) {
  await api.post('/auth/login', { login, password });
  let me = await api.get('/me');
  // A language picked on the sign-in page is what the user wants: it goes to the
  // profile. Otherwise the profile's language is taken.
  if (pickedBeforeSignIn && me.user.lang !== locale.lang) me = await api.patch('/me', { lang: locale.lang });
  pickedBeforeSignIn = false;
  adopt(me);
}

export async function signOut() {
  try {
    await api.post('/auth/logout');
  } finally {
    session.me = null;
    hint(false);
  }
}

/** Switches the language and remembers it in the user's profile. */
let pickedBeforeSignIn = false;

export async function chooseLang(lang) {
  setLang(lang);
  if (!session.me) {
    pickedBeforeSignIn = true;
    return;
  }
  const me = await api.patch('/me', { lang });
  session.me = me;
}

onUnauthorised(() => {
  session.me = null;
  hint(false);
});

export function role() {
  return session.me?.user?.role || null;
}
export function isNetwork() {
  return NETWORK_ROLES.includes(role());
}
export function isSchoolStaff() {
  return SCHOOL_STAFF_ROLES.includes(role());
}
/** Whether the user may create and edit students of the school (the API decides too). */
export function canEditSchool(schoolId) {
  const r = role();
  if (r === 'network_admin') return true;
  return SCHOOL_ADMIN_ROLES.includes(r) && session.me.user.school_id === Number(schoolId);
}
/** Whether the user may create and edit schools and subjects: the network admin only. */
export function isNetworkAdmin() {
  return role() === 'network_admin';
}
/** Whether the user may change a legal representative's record (rep: GET
 * /representatives/:id, with its children): the network admin, the director and deputies
 * of a school where they represent a child, and the representative themself. */
export function canEditRepresentative(rep) {
  const r = role();
  if (r === 'network_admin') return true;
  if (r === 'parent') return session.me.user.person_id === rep.id;
  const school = session.me.user.school_id;
  return SCHOOL_ADMIN_ROLES.includes(r) && (rep.children ?? []).some((c) => c.school_id === school);
}
/** The school the user belongs to, if any. */
export function ownSchoolId() {
  return session.me?.user?.school_id ?? null;
}
export { locale };
