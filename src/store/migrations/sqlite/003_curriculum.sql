-- 003: the curriculum (CUR-1..CUR-10) (SQLite): the network's typical curricula (ТОЖ),
-- each school's working curriculum (ЖОЖ), network settings (the group split threshold),
-- subject groups of a class and their members, high-school choices with the
-- representatives' applications and the director's orders, the teaching load (ОЖ) and
-- the calendar-thematic plans (КТЖ). Hours are weekly academic hours.

-- Network-wide settings as data, edited by the network office. A value is text; its
-- reader parses it (group_split_threshold: an integer, "split when > value", CUR-3).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id)
);
INSERT INTO settings (key, value, updated_at) VALUES ('group_split_threshold', '17', '2026-01-01T00:00:00Z');

-- CUR-1: the ТОЖ of one programme and grade; its subjects are typical_curriculum_rows.
CREATE TABLE typical_curricula (
  id INTEGER PRIMARY KEY,
  programme TEXT NOT NULL CHECK (programme IN ('nis', 'ib')),
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (programme, grade)
);

-- One subject of a ТОЖ. hours: the weekly hours of the class; standard_hours and
-- advanced_hours (both or neither, grades 11–12 only): the hours at each level (CUR-4).
-- split_in_groups: the class is divided into two groups above the threshold (CUR-3);
-- split_language, when set, limits the split to classes taught in that language (the
-- subject is their second language: Russian in Kazakh classes, Kazakh in Russian ones).
CREATE TABLE typical_curriculum_rows (
  curriculum_id INTEGER NOT NULL REFERENCES typical_curricula(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  position INTEGER NOT NULL,
  hours INTEGER NOT NULL CHECK (hours BETWEEN 0 AND 40),
  component TEXT NOT NULL CHECK (component IN ('invariant', 'variative')),
  split_in_groups INTEGER NOT NULL DEFAULT 0 CHECK (split_in_groups IN (0, 1)),
  split_language TEXT CHECK (split_language IN ('kk', 'ru')),
  standard_hours INTEGER CHECK (standard_hours BETWEEN 0 AND 40),
  advanced_hours INTEGER CHECK (advanced_hours BETWEEN 0 AND 40),
  PRIMARY KEY (curriculum_id, subject_id)
);

-- CUR-2: the ЖОЖ of a school for an academic year, generated from the ТОЖ of the
-- school's programme, adjusted by the deputy, approved by the Pedagogical council.
CREATE TABLE school_curricula (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  council_date TEXT,
  protocol_number TEXT,
  approved_by INTEGER REFERENCES users(id),
  approved_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (academic_year_id)
);
CREATE INDEX school_curricula_school ON school_curricula(school_id);

-- One grade and subject of a ЖОЖ; the columns mean what they mean in the ТОЖ.
CREATE TABLE school_curriculum_rows (
  curriculum_id INTEGER NOT NULL REFERENCES school_curricula(id),
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  position INTEGER NOT NULL,
  hours INTEGER NOT NULL CHECK (hours BETWEEN 0 AND 40),
  component TEXT NOT NULL CHECK (component IN ('invariant', 'variative')),
  split_in_groups INTEGER NOT NULL DEFAULT 0 CHECK (split_in_groups IN (0, 1)),
  split_language TEXT CHECK (split_language IN ('kk', 'ru')),
  standard_hours INTEGER CHECK (standard_hours BETWEEN 0 AND 40),
  advanced_hours INTEGER CHECK (advanced_hours BETWEEN 0 AND 40),
  PRIMARY KEY (curriculum_id, grade, subject_id)
);

-- CUR-3: the groups a class is split into for one subject ("1", "2").
CREATE TABLE class_groups (
  id INTEGER PRIMARY KEY,
  class_id INTEGER NOT NULL REFERENCES classes(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (class_id, subject_id, name)
);

-- A student is in at most one group of a class and subject (kept by the API).
CREATE TABLE group_members (
  group_id INTEGER NOT NULL REFERENCES class_groups(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (group_id, student_id)
);
CREATE INDEX group_members_student ON group_members(student_id);

-- CUR-4/CUR-5: the director's order that fixes the choices of the students it lists.
CREATE TABLE choice_orders (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  number TEXT NOT NULL,
  order_date TEXT NOT NULL,
  issued_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (school_id, number)
);

-- CUR-4: a legal representative's application with a student's high-school choice for
-- an academic year: math_programme 7 or 10 weekly hours (CUR-6), filed_on the
-- Kazakhstan date it was filed (by 10 June), order_id once the director's order fixes it.
CREATE TABLE choice_applications (
  id INTEGER PRIMARY KEY,
  student_id INTEGER NOT NULL REFERENCES students(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  representative_id INTEGER REFERENCES persons(id),
  math_programme INTEGER NOT NULL CHECK (math_programme IN (7, 10)),
  filed_on TEXT NOT NULL,
  filed_by INTEGER REFERENCES users(id),
  order_id INTEGER REFERENCES choice_orders(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (student_id, academic_year_id)
);
CREATE INDEX choice_applications_order ON choice_applications(order_id);

-- The subjects of an application and the level of each (CUR-4).
CREATE TABLE student_choices (
  application_id INTEGER NOT NULL REFERENCES choice_applications(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  level TEXT NOT NULL CHECK (level IN ('standard', 'advanced')),
  PRIMARY KEY (application_id, subject_id)
);

-- CUR-9: each teacher's set load for the year, and their elective and club hours.
CREATE TABLE teacher_loads (
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  school_id INTEGER NOT NULL REFERENCES schools(id),
  set_hours INTEGER NOT NULL CHECK (set_hours BETWEEN 0 AND 60),
  elective_hours INTEGER NOT NULL DEFAULT 0 CHECK (elective_hours BETWEEN 0 AND 60),
  club_hours INTEGER NOT NULL DEFAULT 0 CHECK (club_hours BETWEEN 0 AND 60),
  PRIMARY KEY (academic_year_id, staff_id)
);

-- CUR-9: a teacher's hours of a subject in a class, or in one group of it (group_id set;
-- class_id is then the group's class).
CREATE TABLE load_assignments (
  id INTEGER PRIMARY KEY,
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  school_id INTEGER NOT NULL REFERENCES schools(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  class_id INTEGER NOT NULL REFERENCES classes(id),
  group_id INTEGER REFERENCES class_groups(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 40)
);
CREATE INDEX load_assignments_year ON load_assignments(academic_year_id);
CREATE INDEX load_assignments_class ON load_assignments(class_id);

-- CUR-10: the КТЖ topics of a subject and grade in a school's year, in their order.
CREATE TABLE ktp_topics (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 200),
  created_at TEXT NOT NULL,
  UNIQUE (academic_year_id, subject_id, grade, position)
);
