-- 004: the timetable (TT-1..TT-4, CAL-6, ORG-7) (SQLite): each school's bell schedule
-- and rooms, the weekly timetable of a semester in versions (draft → approved by the
-- director after the parents' committee → superseded by a correction), and the dated
-- lessons laid from the approved version over the academic calendar. docs/timetable.md
-- says the same in prose.

-- Network defaults the bell schedule is checked against (settings of migration 003):
-- ORG-7/R§33: a break after which a meal falls lasts at least meal_break_minutes; any
-- other break between two lessons at least min_break_minutes.
INSERT INTO settings (key, value, updated_at) VALUES ('meal_break_minutes', '20', '2026-01-01T00:00:00Z');
INSERT INTO settings (key, value, updated_at) VALUES ('min_break_minutes', '5', '2026-01-01T00:00:00Z');

-- CAL-6: a school's lesson length (40 minutes, or 60 in agreement with the network
-- office) and whether it teaches on Saturdays (weekday 6). A school without a row has
-- the defaults: 40 minutes, Monday to Friday.
CREATE TABLE bell_schedules (
  school_id INTEGER PRIMARY KEY REFERENCES schools(id),
  lesson_minutes INTEGER NOT NULL DEFAULT 40 CHECK (lesson_minutes IN (40, 60)),
  saturday INTEGER NOT NULL DEFAULT 0 CHECK (saturday IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id)
);

-- TT-1: the periods of the day, numbered from 1, with start and end 'HH:MM' (Kazakhstan
-- time). meal_after: a meal (ORG-7) falls in the break after this period.
CREATE TABLE bell_periods (
  school_id INTEGER NOT NULL REFERENCES schools(id),
  number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 12),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  meal_after INTEGER NOT NULL DEFAULT 0 CHECK (meal_after IN (0, 1)),
  PRIMARY KEY (school_id, number)
);

-- The rooms of a school; capacity in seats when known.
CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  name TEXT NOT NULL,
  capacity INTEGER CHECK (capacity BETWEEN 1 AND 1000),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (school_id, name)
);

-- The subjects a specialised room serves (a laboratory, a gym); none: any subject.
CREATE TABLE room_subjects (
  room_id INTEGER NOT NULL REFERENCES rooms(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  PRIMARY KEY (room_id, subject_id)
);

-- TT-3: one version of the weekly timetable of a school's semester (1 or 2 of the
-- academic year). number counts the versions of that semester from 1. A draft is edited;
-- the director approves it after the parents' committee agreed (committee_date, note),
-- which supersedes the semester's approved version; a correction is a new draft copied
-- from an approved version (based_on) with who (created_by), when and why (reason).
CREATE TABLE timetables (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  semester INTEGER NOT NULL CHECK (semester IN (1, 2)),
  number INTEGER NOT NULL CHECK (number >= 1),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'superseded')),
  based_on INTEGER REFERENCES timetables(id),
  reason TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  approved_by INTEGER REFERENCES users(id),
  approved_at TEXT,
  committee_date TEXT,
  committee_note TEXT,
  superseded_at TEXT,
  laid_at TEXT,
  UNIQUE (academic_year_id, semester, number)
);
CREATE INDEX timetables_school ON timetables(school_id);
-- At most one approved version per semester.
CREATE UNIQUE INDEX timetables_one_approved ON timetables(academic_year_id, semester)
  WHERE status = 'approved';

-- One lesson of the week: weekday 1 (Monday) … 5, or 6 in a school that works on
-- Saturdays; period of the bell schedule; a class, or one group of it (group_id, whose
-- class is class_id); subject, teacher, room. locked: kept in place by a generator.
CREATE TABLE timetable_entries (
  id INTEGER PRIMARY KEY,
  timetable_id INTEGER NOT NULL REFERENCES timetables(id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 6),
  period INTEGER NOT NULL CHECK (period BETWEEN 1 AND 12),
  class_id INTEGER NOT NULL REFERENCES classes(id),
  group_id INTEGER REFERENCES class_groups(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  room_id INTEGER REFERENCES rooms(id),
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
);
CREATE INDEX timetable_entries_timetable ON timetable_entries(timetable_id, weekday, period);

-- The dated lessons: an approved version laid over the semester's study days (no lessons
-- on holidays, breaks, weekends or public days off). timetable_id and entry_id say where
-- a lesson came from; the journal fills them. The columns carry no REFERENCES: lessons
-- are derived rows, written only by the lay (store/timetable.c) from entries whose
-- references were checked, and nothing they name is ever deleted (an approved version
-- and its entries do not change). Checking nine keys per row made laying the demo
-- network's 435,000 lessons four times slower on PostgreSQL (bench/README.md).
CREATE TABLE lessons (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL,
  academic_year_id INTEGER NOT NULL,
  semester INTEGER NOT NULL CHECK (semester IN (1, 2)),
  lesson_date TEXT NOT NULL,
  period INTEGER NOT NULL CHECK (period BETWEEN 1 AND 12),
  class_id INTEGER NOT NULL,
  group_id INTEGER,
  subject_id INTEGER NOT NULL,
  staff_id INTEGER NOT NULL,
  room_id INTEGER,
  timetable_id INTEGER NOT NULL,
  entry_id INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX lessons_class_date ON lessons(class_id, lesson_date);
CREATE INDEX lessons_staff_date ON lessons(staff_id, lesson_date);
CREATE INDEX lessons_semester ON lessons(academic_year_id, semester, lesson_date);
