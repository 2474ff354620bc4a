-- 017: a grade's daily minimum and maximum of lessons, per ЖОЖ (issue 9; TT-1, CUR-2)
-- (SQLite). TT-1 (R§31): the timetable takes the ЖОЖ's norm and the sanitary
-- requirements into account; the regulation gives no figures, so the deputy sets them per
-- ЖОЖ and grade with PUT /curricula/{id}/daily-bounds (core/daily_bounds.h checks them
-- against the grade's weekly hours, the days and the periods). A grade without a row
-- takes Mektep's default, derived from its weekly hours. The generator gives every
-- class of the grade these bounds (docs/solver.md, docs/curriculum.md).
CREATE TABLE curriculum_daily_bounds (
  curriculum_id INTEGER NOT NULL REFERENCES school_curricula(id),
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
  min_daily INTEGER NOT NULL CHECK (min_daily BETWEEN 1 AND 12),
  max_daily INTEGER NOT NULL CHECK (max_daily BETWEEN 1 AND 12),
  CHECK (min_daily <= max_daily),
  PRIMARY KEY (curriculum_id, grade)
);
