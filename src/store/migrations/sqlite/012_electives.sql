-- 012: elective courses (issue 8: ELE-1..ELE-14) (SQLite): each school's courses with
-- their kind and direction, the programme in the structure of ELE-6 with its reviews on
-- the nine criteria of ELE-7 and the methodological association's approval, the students'
-- choices with their switches, the groups with fixed membership, the sessions with
-- attendance and the test work, and the students' final products. docs/electives.md
-- says the same in prose; the rules are core/elective.h.

-- ELE-4, ELE-10: the thresholds as data (core's elective_thresholds_default).
INSERT INTO settings (key, value, updated_at) VALUES ('elective_pass_percent', '80', '2026-01-01T00:00:00Z');
INSERT INTO settings (key, value, updated_at) VALUES ('elective_pass_percent_switched', '65', '2026-01-01T00:00:00Z');
INSERT INTO settings (key, value, updated_at) VALUES ('elective_split_at', '17', '2026-01-01T00:00:00Z');
INSERT INTO settings (key, value, updated_at) VALUES ('elective_second_language_min', '12', '2026-01-01T00:00:00Z');

-- ELE-1, ELE-12 (A3§32): what a ЖОЖ gives a grade — the weekly hours of electives a
-- student chooses within, and the maximum weekly load (lessons of the ЖОЖ + electives).
CREATE TABLE curriculum_electives (
  curriculum_id INTEGER NOT NULL REFERENCES school_curricula(id),
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
  elective_hours INTEGER NOT NULL CHECK (elective_hours BETWEEN 0 AND 20),
  max_weekly_hours INTEGER NOT NULL CHECK (max_weekly_hours BETWEEN 1 AND 60),
  PRIMARY KEY (curriculum_id, grade)
);

-- A course of a school's year. ELE-2: kind (equated to the invariant component, or by
-- interest), focus (of an equated course: international exam, olympiad, technology,
-- in-depth study), direction; second_language: a second foreign language (ELE-4's
-- minimum). grade_from..grade_to: the grades it is for; hours: weekly. The programme
-- (ELE-6) is one per course; programme_status follows it: draft → review → approved.
CREATE TABLE elective_courses (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  title_kk TEXT NOT NULL,
  title_ru TEXT NOT NULL,
  title_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('invariant_equated', 'interest')),
  focus TEXT CHECK (focus IN ('international_exam', 'olympiad', 'technology', 'in_depth')),
  direction TEXT NOT NULL CHECK (direction IN ('academic_research', 'languages', 'it')),
  second_language INTEGER NOT NULL DEFAULT 0 CHECK (second_language IN (0, 1)),
  grade_from INTEGER NOT NULL CHECK (grade_from BETWEEN 1 AND 12),
  grade_to INTEGER NOT NULL CHECK (grade_to BETWEEN 1 AND 12),
  hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 10),
  staff_id INTEGER REFERENCES staff(id),
  programme_status TEXT NOT NULL DEFAULT 'draft' CHECK (programme_status IN ('draft', 'review', 'approved')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX elective_courses_school ON elective_courses(school_id, academic_year_id);

-- ELE-6: the programme — title page (author, year, the review/approval mark comes from
-- the reviews and the approval), explanatory note, content, methodological
-- recommendations, literature and e-resources. ELE-5: the methodological association's
-- approval (date, protocol) — for next year by 30 June.
CREATE TABLE elective_programmes (
  course_id INTEGER PRIMARY KEY REFERENCES elective_courses(id),
  author TEXT,
  year_label TEXT,
  explanatory_note TEXT,
  content TEXT,
  recommendations TEXT,
  literature TEXT,
  approved_on TEXT,
  protocol_number TEXT,
  approved_by INTEGER REFERENCES users(id),
  updated_by INTEGER REFERENCES users(id),
  updated_at TEXT NOT NULL
);

-- ELE-6: the thematic plan, in order: section, topic, hours, form of study.
CREATE TABLE elective_plan_rows (
  course_id INTEGER NOT NULL REFERENCES elective_courses(id),
  position INTEGER NOT NULL,
  section TEXT NOT NULL,
  topic TEXT NOT NULL,
  hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 100),
  form TEXT NOT NULL,
  PRIMARY KEY (course_id, position)
);

-- ELE-5, ELE-7: a reviewer's scores (0..3) on the nine criteria with a comment each.
CREATE TABLE elective_reviews (
  id INTEGER PRIMARY KEY,
  course_id INTEGER NOT NULL REFERENCES elective_courses(id),
  reviewer_id INTEGER REFERENCES users(id),
  reviewer_name TEXT NOT NULL,
  reviewed_on TEXT NOT NULL,
  criteria TEXT NOT NULL,
  total INTEGER NOT NULL,
  comment TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX elective_reviews_course ON elective_reviews(course_id);

-- ELE-1, ELE-13: a student's choice of a course, from starts_on to ends_on (NULL while it
-- lasts). switched_from: the choice this one replaced by a switch during the year, made
-- on the application of the student and representatives (application_on, applicant) —
-- remembered, because it lowers the pass threshold (ELE-10).
CREATE TABLE elective_choices (
  id INTEGER PRIMARY KEY,
  student_id INTEGER NOT NULL REFERENCES students(id),
  course_id INTEGER NOT NULL REFERENCES elective_courses(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  switched_from INTEGER REFERENCES elective_choices(id),
  application_on TEXT,
  applicant TEXT,
  chosen_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX elective_choices_student ON elective_choices(student_id, academic_year_id);
CREATE INDEX elective_choices_course ON elective_choices(course_id);
-- one open choice of a course per student
CREATE UNIQUE INDEX elective_choices_open ON elective_choices(student_id, course_id) WHERE ends_on IS NULL;

-- ELE-3, ELE-4: a group of a course with its teacher; members are fixed (a member leaves
-- only by a switch: left_on).
CREATE TABLE elective_groups (
  id INTEGER PRIMARY KEY,
  course_id INTEGER NOT NULL REFERENCES elective_courses(id),
  name TEXT NOT NULL,
  staff_id INTEGER REFERENCES staff(id),
  created_at TEXT NOT NULL,
  UNIQUE (course_id, name)
);
CREATE TABLE elective_group_members (
  group_id INTEGER NOT NULL REFERENCES elective_groups(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  joined_on TEXT NOT NULL,
  left_on TEXT,
  PRIMARY KEY (group_id, student_id)
);
CREATE INDEX elective_group_members_student ON elective_group_members(student_id);

-- ELE-14: a session of a group in the e-journal: held or not (missed_reason), the topic
-- (a row of the thematic plan and/or words), semester (1 or 2, from the year's terms),
-- test_work: the course's test work was written at it (ELE-10).
CREATE TABLE elective_sessions (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES elective_groups(id),
  session_date TEXT NOT NULL,
  semester INTEGER NOT NULL CHECK (semester IN (1, 2)),
  status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'missed')),
  missed_reason TEXT,
  plan_position INTEGER,
  topic TEXT,
  test_work INTEGER NOT NULL DEFAULT 0 CHECK (test_work IN (0, 1)),
  filled_by INTEGER REFERENCES users(id),
  updated_at TEXT NOT NULL,
  UNIQUE (group_id, session_date)
);
-- Absences and lateness, as in the lessons' journal (a member without a row was present).
CREATE TABLE elective_attendance (
  session_id INTEGER NOT NULL REFERENCES elective_sessions(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  status TEXT NOT NULL CHECK (status IN ('absent', 'late')),
  reason TEXT CHECK (reason IN ('illness', 'excused', 'unexcused')),
  PRIMARY KEY (session_id, student_id)
);
CREATE INDEX elective_attendance_student ON elective_attendance(student_id);
-- ELE-10: the test work done by a student at a session that held it.
CREATE TABLE elective_test_works (
  session_id INTEGER NOT NULL REFERENCES elective_sessions(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  PRIMARY KEY (session_id, student_id)
);

-- ELE-8: a student's final product of a course.
CREATE TABLE elective_products (
  id INTEGER PRIMARY KEY,
  course_id INTEGER NOT NULL REFERENCES elective_courses(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  kind TEXT NOT NULL CHECK (kind IN ('prize', 'creative_work', 'research_report', 'article', 'talk',
    'presentation', 'video', 'product', 'sports_event', 'patent', 'other')),
  title TEXT NOT NULL,
  recorded_on TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX elective_products_student ON elective_products(student_id);
