-- 014: individual learning routes — ОЖОМ (issue 8: IR-1..IR-6, appendix 5 of the
-- regulation) (SQLite): a route of a student in one or more subjects with its reason,
-- span and dates, its subject teacher and curator, the five components and the work
-- schedule, the three agreements (teacher, curator, the student or a representative);
-- the teachers' weekly assessments with the corrections of the route they made, kept as
-- history; the subject teacher's conclusions and recommendations at the end. Recorded
-- here, in the school's information system (IR-6). docs/learning-routes.md says the same
-- in prose; the rules are core/learning_route.h.

-- IR-1: reason; IR-2: span (topic, section, semester, year) with span_title for a topic
-- or section and semester for a semester; starts_on..ends_on: the span's days in the
-- year; staff_id: the subject teacher; curator_id: the curator; the five components
-- (A5§5). status: draft → agreed (the three agreements, IR-2) → concluded (IR-4).
CREATE TABLE learning_routes (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  reason TEXT NOT NULL CHECK (reason IN ('high_ability', 'low_motivation', 'long_illness', 'other')),
  reason_note TEXT,
  span TEXT NOT NULL CHECK (span IN ('topic', 'section', 'semester', 'year')),
  span_title TEXT,
  semester INTEGER CHECK (semester IN (1, 2)),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  curator_id INTEGER NOT NULL REFERENCES staff(id),
  target TEXT,
  content TEXT,
  technological TEXT,
  diagnostic TEXT,
  organisational TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'agreed', 'concluded')),
  teacher_agreed_at TEXT,
  teacher_agreed_by INTEGER REFERENCES users(id),
  curator_agreed_at TEXT,
  curator_agreed_by INTEGER REFERENCES users(id),
  student_agreed_at TEXT,
  student_agreed_by INTEGER REFERENCES users(id),
  student_agreed_as TEXT CHECK (student_agreed_as IN ('student', 'representative')),
  conclusions TEXT,
  recommendations TEXT,
  concluded_on TEXT,
  concluded_by INTEGER REFERENCES users(id),
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX learning_routes_school ON learning_routes(school_id, academic_year_id);
CREATE INDEX learning_routes_student ON learning_routes(student_id);

-- IR-1: the subjects the route is in.
CREATE TABLE learning_route_subjects (
  route_id INTEGER NOT NULL REFERENCES learning_routes(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  PRIMARY KEY (route_id, subject_id)
);

-- IR-2 (A5§6): the work schedule, in order: a day (or a week's Monday), the topic or
-- activity, the form (lesson in class, group, self-study, practice: A5§10).
CREATE TABLE learning_route_schedule (
  route_id INTEGER NOT NULL REFERENCES learning_routes(id),
  position INTEGER NOT NULL,
  on_date TEXT NOT NULL,
  activity TEXT NOT NULL,
  form TEXT NOT NULL,
  PRIMARY KEY (route_id, position)
);

-- IR-3 (A5§10): a teacher's weekly assessment of the route's progress; week_of is the
-- Monday of assessed_on's week.
CREATE TABLE learning_route_assessments (
  id INTEGER PRIMARY KEY,
  route_id INTEGER NOT NULL REFERENCES learning_routes(id),
  assessed_on TEXT NOT NULL,
  week_of TEXT NOT NULL,
  progress TEXT NOT NULL CHECK (progress IN ('ahead', 'on_track', 'behind')),
  comment TEXT NOT NULL,
  staff_id INTEGER REFERENCES staff(id),
  user_id INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX learning_route_assessments_route ON learning_route_assessments(route_id, week_of);

-- IR-3: a correction of the route made with an assessment: the part changed (a
-- component or "schedule") with its text before and after (the schedule as JSON).
CREATE TABLE learning_route_corrections (
  id INTEGER PRIMARY KEY,
  route_id INTEGER NOT NULL REFERENCES learning_routes(id),
  assessment_id INTEGER NOT NULL REFERENCES learning_route_assessments(id),
  part TEXT NOT NULL,
  before_text TEXT,
  after_text TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX learning_route_corrections_route ON learning_route_corrections(route_id);
