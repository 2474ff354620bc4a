-- 011: what is done about a case after its order (issue 7) and the e-mail outbox
-- (SQLite). movement_duties records each duty of core/deadline.h that was met: the
-- order's copy sent to the ДББҰ contingent unit (EXT-9, LV-6, LV-9, EXT-11) and the
-- unit's receipt of it, the list of subjects studied abroad (EXT-6), a year's
-- consultation schedule approved by order and its e-mail (EXT-13), the curator's
-- monthly tasks (EXT-14), the IB school's monthly works received (EXT-16). outbox keeps every e-mail with its delivery status; the
-- server's sender delivers it through SMTP and retries (docs/movement.md, "Mail").

-- One row per duty done. period names the occurrence: '' for a duty that happens once
-- (the copy, the list), the academic year's first day for the schedule and its e-mail,
-- the month's first day for the curator's tasks.
CREATE TABLE movement_duties (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES movement_cases(id),
  code TEXT NOT NULL CHECK (code IN ('contingent_copy', 'subject_list', 'consultation_schedule',
    'schedule_email', 'curator_tasks', 'monthly_works')),
  period TEXT NOT NULL,
  done_on TEXT NOT NULL,
  done_by INTEGER REFERENCES users(id),
  done_at TEXT NOT NULL,
  received_on TEXT,
  received_by INTEGER REFERENCES users(id),
  UNIQUE (case_id, code, period)
);
CREATE INDEX movement_duties_code ON movement_duties(code, done_on);

-- An e-mail: recipients comma-separated; status queued (not tried yet), sent (accepted
-- by the SMTP server) or failed (last_error is the server's reason; next_attempt_at
-- set while it will be tried again). case_id/duty/period: the duty the delivery meets
-- (EXT-13's e-mail), marked done when the server accepts it.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  school_id INTEGER REFERENCES schools(id),
  case_id INTEGER REFERENCES movement_cases(id),
  purpose TEXT NOT NULL,
  duty TEXT,
  period TEXT,
  recipients TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  sent_at TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_school ON outbox(school_id, id);

-- The files of a message, any (name, MIME type, bytes); the bytes as base64 text, the
-- way MIME carries them and the same on both engines.
CREATE TABLE outbox_attachments (
  message_id INTEGER NOT NULL REFERENCES outbox(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  content_base64 TEXT NOT NULL,
  PRIMARY KEY (message_id, position)
);
