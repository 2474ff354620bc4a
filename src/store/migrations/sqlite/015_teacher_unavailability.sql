-- 015: when a teacher cannot teach (issue 9; TT-1, CUR-9) (SQLite): the generator's
-- model never places a lesson of theirs at such a time, and export-fet writes it as
-- ConstraintTeacherNotAvailableTimes. A row is one period of one weekday (1 Monday ..
-- 6 Saturday), or the whole day when period is NULL; semester NULL: the whole academic
-- year. GET/PUT /staff/{id}/unavailability keeps them (docs/solver.md, "Where it is used").
CREATE TABLE teacher_unavailability (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  semester INTEGER CHECK (semester IN (1, 2)),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 6),
  period INTEGER CHECK (period BETWEEN 1 AND 12),
  updated_by INTEGER REFERENCES users(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX teacher_unavailability_staff ON teacher_unavailability(staff_id, academic_year_id);
