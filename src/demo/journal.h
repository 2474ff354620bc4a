/* journal (demo) — fills the electronic journal (migration 007) of a demo school up to
 * the demo's "today", so that the journal, the diary, the "late" page and the marks have
 * a term's worth of history to show from the start.
 *
 * For every laid lesson of the school's academic year that falls strictly before today
 * (nothing for today or later: the teacher's "today" page keeps its work to do):
 * - lesson_journal: 'held' with the КТЖ planned topic (or "§N <subject>" when the
 *   subject has no КТЖ), homework for most lessons, the roll taken (attendance_marked),
 *   filled_by NULL, filled_at the lesson's day between 14:40 and 16:40 Kazakhstan time;
 *   about 0.5 % 'missed' with a reason («Мұғалім ауырды» …);
 * - about 0.3 % of the lessons of the last two weeks get no row at all (late, JRN-2);
 * - attendance: each student of the roll (the class's studying students enrolled by
 *   then, or the group's members) absent about 4 % of the time — spells of illness of
 *   1–5 days, plus single excused or unexcused absences — and late about 1 %;
 * - formative_marks: on about 35 % of held lessons, for 3–6 present students, on the
 *   scale of the school's marking model (1..10; 1..7 in the IB school, ASM-2), drawn
 *   around each student's own ability (mostly 6–10 out of 10);
 * - summative_works and summative_scores: per class-subject (class, group, subject) and
 *   term, a 'section' work (10–30 points) about every 8th lesson and one 'term' work
 *   (25–40 points) in the term's last week, with a score for every present student;
 *   the IB school's semesters the same way;
 * - lesson_covers: about 0.5 % of held lessons covered by another teacher of the school
 *   who is free at that period, with a reason.
 *
 * Deterministic: every draw comes from the seed and the lesson's content (class, group,
 * subject, date, period) or the student's id, never from the order of writing, so the
 * same seed gives the same journal, and a later "today" extends the same history (the
 * lessons before the earlier today get the same rows, except the few left late).
 * Reads the school in a handful of queries and writes through db_copy, inside the
 * caller's write transaction. */
#ifndef MEKTEP_DEMO_JOURNAL_H
#define MEKTEP_DEMO_JOURNAL_H

#include <stdint.h>

#include "store/db.h"

#define DEMO_JOURNAL_LATE_DAYS 14 /* the unfilled lessons fall in the last two weeks before today */

/* What one school got (added to by demo_journal_school). */
struct demo_journal_counts {
	int lessons;   /* lesson_journal rows: held and missed */
	int missed;    /* of which 'missed' */
	int unfilled;  /* lessons before today left without a journal row (late) */
	int absences, lates, marks, works, scores, covers;
};

/* Told while the journal is written: lessons done of the lessons before today. */
typedef void demo_journal_progress_fn(void *ctx, int done, int total);

/* Fills the journal of the school's academic year `year_id` before `today`
 * ("YYYY-MM-DD"); writes nothing when today is outside the year. Inside the caller's
 * write transaction; the school's lessons must be laid. Adds to *counts. DB_OK or a
 * negative rc. */
int demo_journal_school(struct db *db, int64_t school_id, int64_t year_id, uint64_t seed, const char *today,
			demo_journal_progress_fn *progress, void *ctx, struct demo_journal_counts *counts);

#endif
