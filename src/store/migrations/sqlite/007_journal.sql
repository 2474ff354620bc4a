-- 007: the electronic journal (JRN-1..JRN-4, ASM-1, ASM-2) (SQLite): what happened at
-- each dated lesson — held or not and why, who covered it, the topic, the homework,
-- attendance, formative marks, a summative work with its scores — the marking model as
-- data, and the closing of terms with the deputy's unlocks. docs/journal.md and
-- docs/assessment.md say the same in prose.

-- ASM-2: the marking models the network office keeps (core/assess.h). definition is
-- the model as the API shows it (JSON): weights, summative_pooled, formative_max,
-- bands, year_weights. Seeded with the presets of core/assess.c (store/journal.c).
CREATE TABLE marking_models (
  code TEXT PRIMARY KEY,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  definition TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id)
);
-- The network's model; a school may use another (the IB school: ib_semester).
INSERT INTO settings (key, value, updated_at) VALUES ('marking_model', 'kz_25_25_50', '2026-01-01T00:00:00Z');
ALTER TABLE schools ADD COLUMN marking_model TEXT REFERENCES marking_models(code);

-- JRN-1/JRN-2: a lesson's journal, written when the teacher (or the substitute) saves
-- it. status 'missed' with missed_reason: the lesson was not held. topic_id: the КТЖ
-- topic chosen (no REFERENCES: a КТЖ saved again may drop it; topic keeps the words).
-- attendance_marked: the roll was taken (absences and lateness are rows of
-- attendance; a student without a row was present).
CREATE TABLE lesson_journal (
  lesson_id INTEGER PRIMARY KEY REFERENCES lessons(id),
  status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'missed')),
  missed_reason TEXT,
  topic_id INTEGER,
  topic TEXT,
  homework TEXT,
  attendance_marked INTEGER NOT NULL DEFAULT 0 CHECK (attendance_marked IN (0, 1)),
  filled_by INTEGER REFERENCES users(id),
  filled_at TEXT,
  updated_at TEXT NOT NULL
);

-- JRN-1: the deputy's substitute for a lesson; the substitute may fill its journal.
CREATE TABLE lesson_covers (
  lesson_id INTEGER PRIMARY KEY REFERENCES lessons(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  reason TEXT,
  assigned_by INTEGER REFERENCES users(id),
  assigned_at TEXT NOT NULL
);
CREATE INDEX lesson_covers_staff ON lesson_covers(staff_id);

CREATE TABLE attendance (
  lesson_id INTEGER NOT NULL REFERENCES lesson_journal(lesson_id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  status TEXT NOT NULL CHECK (status IN ('absent', 'late')),
  reason TEXT CHECK (reason IN ('illness', 'excused', 'unexcused')),
  PRIMARY KEY (lesson_id, student_id)
);
CREATE INDEX attendance_student ON attendance(student_id);

-- ASM-2: a formative mark (ФО / ҚБ), one per student and lesson. subject_id and
-- lesson_date repeat the lesson's (which never change) so that a student's figures of a
-- term come from one range of the covering index, without a lookup per mark: the
-- diary asks for them on every request (bench/README.md).
CREATE TABLE formative_marks (
  lesson_id INTEGER NOT NULL REFERENCES lesson_journal(lesson_id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  mark INTEGER NOT NULL CHECK (mark BETWEEN 1 AND 100),
  subject_id INTEGER NOT NULL,
  lesson_date TEXT NOT NULL,
  PRIMARY KEY (lesson_id, student_id)
);
CREATE INDEX formative_marks_student ON formative_marks(student_id, lesson_date, subject_id, mark);

-- ASM-2: a summative work written at a lesson: for a section (СОР / БЖБ) or for the
-- term (СОЧ / ТЖБ), out of max_points; at most one per lesson.
CREATE TABLE summative_works (
  lesson_id INTEGER PRIMARY KEY REFERENCES lesson_journal(lesson_id),
  kind TEXT NOT NULL CHECK (kind IN ('section', 'term')),
  title TEXT,
  max_points INTEGER NOT NULL CHECK (max_points BETWEEN 1 AND 1000)
);
-- A student's points in a work; subject_id, lesson_date, kind and max_points repeat the
-- lesson's and the work's (written with them, in the same save) for the same reason.
CREATE TABLE summative_scores (
  lesson_id INTEGER NOT NULL REFERENCES summative_works(lesson_id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  points INTEGER NOT NULL CHECK (points BETWEEN 0 AND 1000),
  subject_id INTEGER NOT NULL,
  lesson_date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('section', 'term')),
  max_points INTEGER NOT NULL,
  PRIMARY KEY (lesson_id, student_id)
);
CREATE INDEX summative_scores_student ON summative_scores(student_id, lesson_date, subject_id, kind, points, max_points);

-- Closing a term locks the journal of its lessons (the director or academic deputy).
CREATE TABLE term_closures (
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  term_no INTEGER NOT NULL CHECK (term_no BETWEEN 1 AND 8),
  closed_at TEXT NOT NULL,
  closed_by INTEGER REFERENCES users(id),
  PRIMARY KEY (academic_year_id, term_no)
);

-- The deputy's unlock of one class-subject's journal in a closed term, until a time.
CREATE TABLE journal_unlocks (
  id INTEGER PRIMARY KEY,
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  term_no INTEGER NOT NULL CHECK (term_no BETWEEN 1 AND 8),
  class_id INTEGER NOT NULL REFERENCES classes(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  reason TEXT NOT NULL,
  until TEXT NOT NULL,
  unlocked_by INTEGER REFERENCES users(id),
  unlocked_at TEXT NOT NULL
);
CREATE INDEX journal_unlocks_class ON journal_unlocks(class_id, subject_id, term_no);
