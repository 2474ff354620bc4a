-- 016: the elective blocks of a timetable version (issue 9; TT-4, A3§10, ELE-3) (SQLite).
-- Electives run by the timetable: a grade's students (or the grades one cross-grade group
-- joins) have their elective hours at the same periods of the week — the block — and in
-- each block period every elective group of those grades meets at most once, a teacher
-- and a student in one group at a time. A row is one group's meeting in one block period
-- of a version: weekday 1 (Monday) … 6, period of the bell schedule, the grade whose block
-- it is (the lowest grade of a cross-grade block), the group, its teacher then (the
-- group's, or the course's when the group has none) and its room (NULL: not given yet).
-- The generator writes them with a draft, a correction copies them, the week views read
-- them (docs/solver.md, "Elective blocks").
CREATE TABLE timetable_elective_entries (
  id INTEGER PRIMARY KEY,
  timetable_id INTEGER NOT NULL REFERENCES timetables(id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 6),
  period INTEGER NOT NULL CHECK (period BETWEEN 1 AND 12),
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
  group_id INTEGER NOT NULL REFERENCES elective_groups(id),
  staff_id INTEGER REFERENCES staff(id),
  room_id INTEGER REFERENCES rooms(id),
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  UNIQUE (timetable_id, weekday, period, group_id)
);
CREATE INDEX timetable_elective_entries_timetable ON timetable_elective_entries(timetable_id, weekday, period);
