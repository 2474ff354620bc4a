// What the clubs' pages share (issue 8): the weekday and schedule as text, the levels of
// results (CLB-6) and the reasons of absence, in the user's language.
import { t } from './i18n.svelte.js';

export const DIRECTIONS = ['sport', 'art', 'science', 'technology', 'languages', 'social'];
export const LEVELS = ['school', 'network', 'regional', 'republican', 'international'];
export const RESULT_KINDS = ['product', 'contest', 'exhibition', 'sport_event'];
export const REASONS = ['ill', 'sanatorium', 'excused', 'unexcused'];

/** "Mon 15:30–16:50 (204)" of a schedule slot. */
export const slotText = (s) => `${t(`weekday_short.${s.weekday % 7}`)} ${s.starts_at}–${s.ends_at}${s.room ? ` (${s.room})` : ''}`;

/** The schedule of a club as one line. */
export const scheduleText = (slots) => (slots?.length ? slots.map(slotText).join(', ') : '—');
