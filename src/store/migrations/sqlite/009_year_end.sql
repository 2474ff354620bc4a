-- 009: the year's end of a class (issue 7: ASM-3, DOC-1, EXT-12): the Pedagogical
-- council's decision for every student of the class — promoted to the next grade or not —
-- and the director's order that carries it out: the student moves to the class of the
-- next academic year (grade + 1, or the same grade when not promoted), or graduates with
-- the certificate DOC-1 gives (grade 10: basic, grade 12: general secondary). One row per
-- student and class decided; the class a student left stays in from_class_id, so the
-- class's list of that year can always be rebuilt. docs/movement.md, "The year's end".
CREATE TABLE year_end_decisions (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  from_class_id INTEGER NOT NULL REFERENCES classes(id),
  from_grade INTEGER NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('promoted', 'not_promoted')),
  to_class_id INTEGER REFERENCES classes(id),
  to_grade INTEGER,
  status_after TEXT NOT NULL CHECK (status_after IN ('studying', 'externship', 'academic_leave', 'graduated')),
  certificate TEXT CHECK (certificate IN ('basic', 'general_secondary')),
  council_date TEXT NOT NULL,
  council_protocol TEXT NOT NULL,
  order_number TEXT NOT NULL,
  order_date TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (from_class_id, student_id)
);
CREATE INDEX year_end_decisions_student ON year_end_decisions(student_id);
