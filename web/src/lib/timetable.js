// The timetable's small helpers: the school's week from its bell schedule, short names
// of teachers, what an entry says in a cell, and the clashes a save or a check names.
import { t, nameOf } from './i18n.svelte.js';

/** The weekdays a school teaches (1 = Monday …), from its bell schedule. */
export function weekdays(bells) {
  return bells?.saturday ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
}

/** "Абенова П. А." */
export function shortName(p) {
  if (!p) return '';
  const initials = [p.first_name, p.middle_name].filter(Boolean).map((s) => `${s[0]}.`).join(' ');
  return initials ? `${p.last_name} ${initials}` : p.last_name;
}

/** The entries of a slot. */
export function at(entries, weekday, period) {
  return entries.filter((e) => e.weekday === weekday && e.period === period);
}

/** "7А · гр. 1" — the class, and the group when the lesson is one group's. */
export function classLabel(e) {
  return e.group ? `${e.class.label} · ${t('timetable.group_short', { name: e.group.name })}` : e.class.label;
}

/** One line naming an entry: when, class (group), subject, teacher, room. */
export function entryLine(e) {
  const parts = [
    `${t(`weekday_short.${e.weekday % 7}`)} ${t('timetable.period_n', { n: e.period })}`,
    e.class ? classLabel(e) : '',
    nameOf(e.subject?.name),
    shortName(e.teacher),
    e.room ? e.room.name : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Whether a problem of the API is a clash (it then names its entries). */
export function isClash(p) {
  return typeof p.code === 'string' && p.code.startsWith('timetable_clash');
}

/** The entries a clash names other than the one being placed (index 0 of the request). */
export function clashOthers(p) {
  return (p.entries || []).filter((e) => e.index === null || e.index === undefined);
}

/** Whether the user may draft and correct the school's timetables (the API decides
 * too): the network office, the school's director, deputies and responsible person. */
export function canEditTimetable(schoolId, role, ownSchool) {
  if (role === 'network_admin') return true;
  return ['director', 'deputy_academic', 'deputy_upbringing', 'timetable_officer'].includes(role) &&
    ownSchool === Number(schoolId);
}

/** Whether the user approves the school's timetables: its director (TT-3). */
export function canApproveTimetable(schoolId, role, ownSchool) {
  return role === 'director' && ownSchool === Number(schoolId);
}
