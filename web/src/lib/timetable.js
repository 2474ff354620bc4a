// The timetable's small helpers: the school's week from its bell schedule, short names
// of teachers, what an entry says in a cell, the elective blocks of a slot (TT-4), and
// the clashes a save or a check names.
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

/** The elective blocks of a slot (a version's `elective_blocks`, TT-4). */
export function blocksAt(blocks, weekday, period) {
  return (blocks || []).filter((b) => b.weekday === weekday && b.period === period);
}

/** One line naming an elective group's meeting: course, group, teacher, room. */
export function meetingLine(m) {
  return [
    nameOf(m.course),
    t('timetable.block_group', { group: m.group_name }),
    m.staff_name || t('timetable.block_no_teacher'),
    m.room_name || '',
  ].filter(Boolean).join(' · ');
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

/** The line of the elective meeting a TT-4 clash names (its `block`), or ''. */
export function clashBlockLine(p) {
  const m = p.block;
  if (!m) return '';
  const when = m.weekday ? `${t(`weekday_short.${m.weekday % 7}`)} ${t('timetable.period_n', { n: m.period })} · ` : '';
  return `${when}${t('timetable.block_line', { course: nameOf(m.course), group: m.group_name })}` +
    `${m.staff_name ? ` · ${m.staff_name}` : ''}${m.room_name ? ` · ${m.room_name}` : ''}`;
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
