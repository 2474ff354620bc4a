-- 013: clubs — үйірме (issue 8: CLB-1..CLB-8) (SQLite): the clubs of a school's year with
-- their leader, weekly hours and sports section flag, the year-long programme with hours
-- and its approval, the weekly schedule approved by the director, the members with the
-- dates they joined and left and a status that keeps the place (ill, sanatorium), the
-- students' medical certificates, the club journal with attendance, the deputy for
-- upbringing's quarterly checks, the members' results with their level and the
-- satisfaction survey. docs/clubs.md says the same in prose; the rules are core/club.h.

-- A club of a school's year. sports: a sports section (CLB-3) and `sport` its sport (a
-- key compared with the certificates'). leader_id: the staff member who leads it
-- (club_leader or teacher). programme_approved_on/by: the programme's approval (CLB-5);
-- schedule_approved_on/by: the director's approval of the schedule (CLB-5).
CREATE TABLE clubs (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  title_kk TEXT NOT NULL,
  title_ru TEXT NOT NULL,
  title_en TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('sport', 'art', 'science', 'technology', 'languages', 'social')),
  sports INTEGER NOT NULL DEFAULT 0 CHECK (sports IN (0, 1)),
  sport TEXT,
  leader_id INTEGER REFERENCES staff(id),
  weekly_hours INTEGER NOT NULL CHECK (weekly_hours BETWEEN 1 AND 20),
  programme_approved_on TEXT,
  programme_approved_by INTEGER REFERENCES users(id),
  schedule_approved_on TEXT,
  schedule_approved_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX clubs_school ON clubs(school_id, academic_year_id);

-- CLB-5, CLB-7: the year-long programme, in order: quarter (1..4), topic, hours.
CREATE TABLE club_programme_rows (
  club_id INTEGER NOT NULL REFERENCES clubs(id),
  position INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  topic TEXT NOT NULL,
  hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 200),
  PRIMARY KEY (club_id, position)
);

-- CLB-5: the weekly schedule: weekday 1..7, start and end 'HH:MM', room.
CREATE TABLE club_schedule (
  club_id INTEGER NOT NULL REFERENCES clubs(id),
  position INTEGER NOT NULL,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  room TEXT,
  PRIMARY KEY (club_id, position)
);

-- CLB-2, CLB-4: a membership from joined_on to left_on (NULL while it lasts); a student
-- may be in several clubs and leave and join during the year. status: active, or ill /
-- sanatorium — the place is kept (CLB-4), it is not a leave.
CREATE TABLE club_members (
  id INTEGER PRIMARY KEY,
  club_id INTEGER NOT NULL REFERENCES clubs(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  joined_on TEXT NOT NULL,
  left_on TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ill', 'sanatorium')),
  status_note TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX club_members_club ON club_members(club_id);
CREATE INDEX club_members_student ON club_members(student_id);
CREATE UNIQUE INDEX club_members_open ON club_members(club_id, student_id) WHERE left_on IS NULL;

-- CLB-3: a student's medical certificate allowing a sport, valid issued_on..valid_until.
CREATE TABLE medical_certificates (
  id INTEGER PRIMARY KEY,
  student_id INTEGER NOT NULL REFERENCES students(id),
  sport TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  note TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX medical_certificates_student ON medical_certificates(student_id);

-- CLB-7: the club journal: a session's date, content and duration in hours.
CREATE TABLE club_sessions (
  id INTEGER PRIMARY KEY,
  club_id INTEGER NOT NULL REFERENCES clubs(id),
  session_date TEXT NOT NULL,
  content TEXT NOT NULL,
  hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 6),
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (club_id, session_date)
);

-- CLB-7: who was absent from a session (everyone else of the members that day attended).
CREATE TABLE club_absences (
  session_id INTEGER NOT NULL REFERENCES club_sessions(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  reason TEXT CHECK (reason IN ('ill', 'sanatorium', 'excused', 'unexcused')),
  PRIMARY KEY (session_id, student_id)
);

-- CLB-8: the deputy for upbringing's check of the journal in a quarter.
CREATE TABLE club_checks (
  id INTEGER PRIMARY KEY,
  club_id INTEGER NOT NULL REFERENCES clubs(id),
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  checked_on TEXT NOT NULL,
  note TEXT,
  checked_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX club_checks_club ON club_checks(club_id, quarter);

-- CLB-6: a member's result or product with its level.
CREATE TABLE club_results (
  id INTEGER PRIMARY KEY,
  club_id INTEGER NOT NULL REFERENCES clubs(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  kind TEXT NOT NULL CHECK (kind IN ('product', 'contest', 'exhibition', 'sport_event')),
  title TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('school', 'network', 'regional', 'republican', 'international')),
  award TEXT,
  result_date TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX club_results_club ON club_results(club_id);
CREATE INDEX club_results_student ON club_results(student_id);

-- CLB-8: one answer of the satisfaction survey: a member or a member's representative,
-- satisfaction 1..5 and a comment.
CREATE TABLE club_survey_answers (
  id INTEGER PRIMARY KEY,
  club_id INTEGER NOT NULL REFERENCES clubs(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  respondent TEXT NOT NULL CHECK (respondent IN ('student', 'representative')),
  answered_on TEXT NOT NULL,
  satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  comment TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX club_survey_club ON club_survey_answers(club_id);
