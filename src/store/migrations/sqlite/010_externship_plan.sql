-- 010: the externship student's individual schedule of remote consultations (issue 7:
-- A1 form 3, EXT-13, EXT-15), one per externship case and academic year it touches:
-- prepared by the academic deputy, approved by the director's order (number, date);
-- each row a subject's consultation (date, topic, teacher) with the date the summative
-- work is sent and the date the completed work comes back, marked by the curator or the
-- subject teacher. docs/movement.md, "The consultation schedule".
CREATE TABLE externship_plans (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES movement_cases(id),
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  school_id INTEGER NOT NULL REFERENCES schools(id),
  order_number TEXT,
  order_date TEXT,
  approved_by INTEGER REFERENCES users(id),
  prepared_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (case_id, academic_year_id)
);

CREATE TABLE externship_plan_rows (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES externship_plans(id),
  position INTEGER NOT NULL,
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  teacher_id INTEGER REFERENCES staff(id),
  consultation_on TEXT NOT NULL,
  topic TEXT NOT NULL,
  work_sent_on TEXT,
  work_received_on TEXT,
  note TEXT,
  updated_by INTEGER REFERENCES users(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX externship_plan_rows_plan ON externship_plan_rows(plan_id, position);
