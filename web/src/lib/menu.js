// The main menu's entries for the signed-in user: a few top-level groups (students and
// classes, learning, timetable and year, reports), each a short list of links, and the
// home page first. A group with one link is that link; an empty one is left out. A
// family's menu is short and flat. Which entry is the current page: the most specific link
// whose address, or one of the addresses under it (`under`), starts the path.
import { t } from './i18n.svelte.js';
import { isNetwork, isSchoolStaff, role, SCHOOL_ADMIN_ROLES } from './session.svelte.js';

/* Links of the "Learning" group that other parts of issue 8 add: each {label (an i18n
 * key), path (under /schools/{id}/)}. Clubs and individual learning routes join here. */
export const LEARNING_MORE = [
  { label: 'nav.clubs', path: 'clubs' },
  { label: 'nav.routes', path: 'learning-routes' },
];

const link = (href, key, under = []) => ({ href, label: t(key), under });

/* The school staff's groups for school `s`. */
function schoolGroups(s) {
  const r = role();
  const admin = SCHOOL_ADMIN_ROLES.includes(r);
  const people = [
    link(`/schools/${s}`, 'nav.classes', ['/classes/']),
    link(`/schools/${s}/students`, 'nav.students', ['/students/']),
    link(`/schools/${s}/staff`, 'nav.staff', ['/staff/']),
    link('/representatives', 'nav.representatives'),
  ];
  const learning = [
    link(`/schools/${s}/curricula`, 'nav.curriculum', ['/curricula/', `/schools/${s}/load`, `/schools/${s}/choices`]),
    link(`/schools/${s}/ktp`, 'nav.ktp'),
    link('/subjects', 'nav.subjects'),
    link(`/schools/${s}/electives`, 'nav.electives', ['/electives/', '/elective-groups/']),
    ...LEARNING_MORE.map((x) => link(`/schools/${s}/${x.path}`, x.label)),
  ];
  if (admin) learning.push(link(`/schools/${s}/journal`, 'nav.ejournal', ['/lessons/']));
  if (admin) learning.push(link('/today', 'nav.my_lessons'));
  const year = [
    link(`/schools/${s}/years`, 'nav.year', ['/years/']),
    link(`/schools/${s}/timetables`, 'nav.timetables', ['/timetables/']),
  ];
  const reports = [];
  if (['director', 'deputy_academic'].includes(r)) reports.push(link(`/schools/${s}/deadlines`, 'nav.deadlines'));
  if (admin) reports.push(link('/reports/contingent', 'nav.contingent'));
  if (r === 'director') reports.push(link('/outbox', 'nav.outbox'));
  return { people, learning, year, reports };
}

/* The network office's groups. */
function networkGroups() {
  const admin = role() === 'network_admin';
  return {
    people: [link('/schools', 'nav.schools', ['/classes/', '/students/', '/staff/']), link('/representatives', 'nav.representatives')],
    learning: [link('/subjects', 'nav.subjects'), link('/curricula/typical', 'nav.toj')],
    year: [link('/calendar/not-fixed', 'nav.years', ['/years/']), link('/calendar/holidays', 'nav.holidays')],
    /* the contingent unit's home is its inbox */
    reports: [
      ...(admin ? [link('/contingent/inbox', 'nav.inbox')] : []),
      link('/reports/contingent', 'nav.contingent'),
      ...(admin ? [link('/outbox', 'nav.outbox')] : []),
    ],
  };
}

const GROUPS = ['people', 'learning', 'year', 'reports'];

/**
 * The menu: [{ href, label, under } | { key, label, items: [link...] }], home first.
 * @param {number|null} school the user's school
 */
export function menuEntries(school) {
  const home = link('/', 'nav.home');
  if (!isNetwork() && !(isSchoolStaff() && school)) {
    const list = [home];
    if (['parent', 'student'].includes(role())) list.push(link('/diary', 'nav.diary'));
    list.push(link('/subjects', 'nav.subjects'));
    return list;
  }
  const network = isNetwork();
  const groups = network ? networkGroups() : schoolGroups(school);
  const out = [home];
  for (const key of GROUPS) {
    const items = groups[key];
    /* the network's first and third groups hold schools and the calendar */
    const label = network && (key === 'people' || key === 'year') ? `nav.group.net_${key}` : `nav.group.${key}`;
    if (items.length === 1) out.push(items[0]);
    else if (items.length > 1) out.push({ key, label: t(label), items });
  }
  return out;
}

/** Every link of the menu's entries, the groups' opened out. */
export function menuLinks(entries) {
  return entries.flatMap((e) => e.items ?? [e]);
}

/** The href of the link that is the current page at `path`, or null. */
export function currentHref(entries, path) {
  let best = null;
  let bestLength = -1;
  for (const l of menuLinks(entries)) {
    let length = -1;
    if (path === l.href) length = 10000;
    else if (l.href !== '/' && path.startsWith(`${l.href}/`)) length = l.href.length;
    for (const u of l.under) if (path.startsWith(u) && u.length > length && length < 10000) length = u.length;
    if (length > bestLength) {
      best = l.href;
      bestLength = length;
    }
  }
  return best;
}
