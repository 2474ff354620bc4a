// What the curriculum pages share: who may change a school's ЖОЖ and groups (its
// director and academic deputy, as the API allows), and the rows of a ЖОЖ by grade.
import { role, ownSchoolId } from './session.svelte.js';

export const CURRICULUM_EDITORS = ['director', 'deputy_academic'];

/** Whether the user may generate, edit and approve the school's ЖОЖ and split groups. */
export function canEditCurriculum(schoolId) {
  return CURRICULUM_EDITORS.includes(role()) && ownSchoolId() === Number(schoolId);
}

/** The grades a ЖОЖ has rows for, in order. */
export function gradesOf(rows) {
  return [...new Set(rows.map((r) => r.grade))].sort((a, b) => a - b);
}

/** The weekly hours of a grade (the rows' hours together). */
export function gradeHours(rows, grade) {
  return rows.filter((r) => r.grade === grade).reduce((s, r) => s + (r.hours ?? 0), 0);
}

/** A row's key inside a ЖОЖ: its grade and subject. */
export const rowKey = (r) => `${r.grade}:${r.subject_id}`;
