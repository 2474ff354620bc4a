// Individual learning routes (ОЖОМ, issue 8): the codes the API uses and how the pages
// name and colour them. The rules live in the server (core/learning_route.h).
import { t } from './i18n.svelte.js';

export const REASONS = ['high_ability', 'low_motivation', 'long_illness', 'other'];
export const SPANS = ['topic', 'section', 'semester', 'year'];
/** IR-2: the five components, in the order of appendix 5. */
export const PARTS = ['target', 'content', 'technological', 'diagnostic', 'organisational'];
export const PROGRESS = ['ahead', 'on_track', 'behind'];

export const statusTone = (s) => ({ draft: 'warn', agreed: 'info', concluded: 'good' })[s] ?? 'neutral';
export const progressTone = (p) => ({ ahead: 'good', on_track: 'info', behind: 'bad' })[p] ?? 'neutral';

/** "Section: 1-бөлім" / "Semester 1" / "Academic year". */
export function spanText(r) {
  const name = t(`ir.span.${r.span}`);
  if (r.span === 'semester' && r.semester) return `${name} ${r.semester}`;
  if (r.span_title) return `${name}: ${r.span_title}`;
  return name;
}

/** The route's subjects' names, comma separated. */
export function subjectsText(r, nameOf) {
  return (r.subjects ?? []).map((s) => nameOf(s.name)).join(', ');
}
