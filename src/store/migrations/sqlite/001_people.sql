-- 001: the network's organisation and people, sign-in and the audit log (SQLite).
-- Booleans are INTEGER 0/1, dates TEXT 'YYYY-MM-DD', instants TEXT UTC 'YYYY-MM-DDTHH:MM:SSZ',
-- so that the same queries run on SQLite and PostgreSQL.

CREATE TABLE schools (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  city_kk TEXT NOT NULL,
  city_ru TEXT NOT NULL,
  city_en TEXT NOT NULL,
  programme TEXT NOT NULL CHECK (programme IN ('nis', 'ib')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE academic_years (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  name TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'current', 'closed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (school_id, name)
);

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  middle_name TEXT,
  iin TEXT UNIQUE,
  birth_date TEXT,
  sex TEXT CHECK (sex IN ('m', 'f')),
  phone TEXT,
  email TEXT,
  search_key TEXT NOT NULL,
  sort_key TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  school_id INTEGER NOT NULL REFERENCES schools(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (person_id, school_id)
);
CREATE INDEX staff_school ON staff(school_id);

CREATE TABLE staff_roles (
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  role TEXT NOT NULL CHECK (role IN ('director', 'deputy_academic', 'deputy_upbringing',
    'timetable_officer', 'teacher', 'curator', 'club_leader')),
  PRIMARY KEY (staff_id, role)
);

CREATE TABLE classes (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
  letter TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('kk', 'ru')),
  curator_id INTEGER REFERENCES staff(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (academic_year_id, grade, letter)
);
CREATE INDEX classes_school ON classes(school_id);

CREATE TABLE students (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL UNIQUE REFERENCES persons(id),
  school_id INTEGER NOT NULL REFERENCES schools(id),
  class_id INTEGER REFERENCES classes(id),
  funding TEXT NOT NULL CHECK (funding IN ('orken', 'state_order', 'paid')),
  dormitory INTEGER NOT NULL DEFAULT 0 CHECK (dormitory IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'studying'
    CHECK (status IN ('studying', 'externship', 'academic_leave', 'graduated', 'left')),
  enrolled_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX students_class ON students(class_id);
CREATE INDEX students_school ON students(school_id);

CREATE TABLE student_representatives (
  student_id INTEGER NOT NULL REFERENCES students(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  relation TEXT NOT NULL CHECK (relation IN ('mother', 'father', 'adopter', 'guardian',
    'foster_parent', 'patronage_educator', 'other')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (student_id, person_id)
);
CREATE INDEX student_representatives_person ON student_representatives(person_id);

CREATE TABLE subjects (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('network_admin', 'contingent_unit', 'director',
    'deputy_academic', 'deputy_upbringing', 'timetable_officer', 'teacher', 'club_leader',
    'student', 'parent')),
  school_id INTEGER REFERENCES schools(id),
  person_id INTEGER REFERENCES persons(id),
  lang TEXT NOT NULL DEFAULT 'kk' CHECK (lang IN ('kk', 'ru', 'en')),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  school_id INTEGER,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_school ON audit_log(school_id);
