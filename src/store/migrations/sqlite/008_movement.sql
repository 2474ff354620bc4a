-- 008: the students' movement book (issue 7: EXT-1..EXT-11, LV-1..LV-9) (SQLite): the
-- applications for externship, academic leave and the returns from them, each a case
-- that goes through the documents check, the council's decision and the director's
-- order (core/movement.h, the case machine); and the movement book, every status a
-- student has held with its dates and the order that set it. Nothing is deleted: a
-- status that ends gets its last day. docs/movement.md says the same in prose.

-- A case: the application as filed (A1 form 1, A1 form 2, A2 forms 1 and 2) and what
-- each step recorded. status follows core's case machine (case_state_code). grade is
-- the student's grade when the application was filed (EXT-1). starts_on/ends_on: the
-- period asked for (externship, leave); returns_on: the first day back (returns).
-- The council's decision (EXT-5, LV-2, LV-9) and the director's order (number, date,
-- effective dates) are one each per case, so they are columns of the case.
CREATE TABLE movement_cases (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  student_id INTEGER NOT NULL REFERENCES students(id),
  kind TEXT NOT NULL CHECK (kind IN ('externship', 'externship_return', 'academic_leave', 'leave_return')),
  ground TEXT,
  grade INTEGER,
  starts_on TEXT,
  ends_on TEXT,
  returns_on TEXT,
  visa_required INTEGER NOT NULL DEFAULT 0 CHECK (visa_required IN (0, 1)),
  studied_in_inpatient INTEGER NOT NULL DEFAULT 0 CHECK (studied_in_inpatient IN (0, 1)),
  foreign_school TEXT,
  representative_mobile TEXT,
  representative_email TEXT,
  student_email TEXT,
  status TEXT NOT NULL DEFAULT 'filed' CHECK (status IN ('filed', 'documents_checked', 'approved', 'refused',
    'ordered', 'done', 'withdrawn')),
  filed_on TEXT NOT NULL,
  filed_at TEXT NOT NULL,
  filed_by INTEGER REFERENCES users(id),
  documents_checked_on TEXT,
  documents_checked_by INTEGER REFERENCES users(id),
  decided_on TEXT,
  protocol_number TEXT,
  approved INTEGER CHECK (approved IN (0, 1)),
  council TEXT CHECK (council IN ('pedagogical', 'small')),
  decided_by INTEGER REFERENCES users(id),
  order_number TEXT,
  ordered_on TEXT,
  effective_from TEXT,
  effective_to TEXT,
  ordered_by INTEGER REFERENCES users(id),
  done_on TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX movement_cases_student ON movement_cases(student_id);
CREATE INDEX movement_cases_school ON movement_cases(school_id, status);

-- The documents handed in with an application (EXT-4, EXT-11, LV-1, LV-8): one row per
-- kind (core's movement_document_code).
CREATE TABLE movement_case_documents (
  case_id INTEGER NOT NULL REFERENCES movement_cases(id),
  document TEXT NOT NULL CHECK (document IN ('study_abroad_proof', 'posting_abroad_proof',
    'residence_abroad_certificate', 'visa', 'foreign_transcript', 'vkk_conclusion', 'specialised_conclusion',
    'health_certificate', 'inpatient_report_card')),
  PRIMARY KEY (case_id, document)
);

-- The movement book: every status a student has held, from its first day to its last
-- (NULL while it lasts), with the order that set it (NULL for the status the student had
-- when the book began: studying since enrolment). planned_ends_on: the order's last day
-- of an externship or leave. students.status is the status of the open row.
CREATE TABLE student_movements (
  id INTEGER PRIMARY KEY,
  student_id INTEGER NOT NULL REFERENCES students(id),
  school_id INTEGER NOT NULL REFERENCES schools(id),
  status TEXT NOT NULL CHECK (status IN ('studying', 'externship', 'academic_leave', 'graduated', 'left')),
  starts_on TEXT,
  ends_on TEXT,
  planned_ends_on TEXT,
  case_id INTEGER REFERENCES movement_cases(id),
  order_number TEXT,
  ordered_on TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX student_movements_student ON student_movements(student_id, id);
-- One order sets one status, and a student holds one status at a time: two orders signed
-- at once (PostgreSQL runs READ COMMITTED) cannot both write the book.
CREATE UNIQUE INDEX student_movements_case ON student_movements(case_id);
CREATE UNIQUE INDEX student_movements_open ON student_movements(student_id) WHERE ends_on IS NULL;
