-- 002: the structure of an academic year (CAL-1..CAL-5) and Kazakhstan's public
-- holidays as data (CAL-7) (SQLite). The holiday tables mirror core/holidays.h; they
-- are filled from the built-in table holiday_calendar_default() by `mektep migrate`
-- in the same transaction as this file (store/calendar.c, holidays_seed_default).

-- CAL-1: quarters or semesters. CAL-5: approved_at/approved_by record the approval,
-- fixed_on the date the year's dates were fixed (Kazakhstan time).
ALTER TABLE academic_years ADD COLUMN type TEXT NOT NULL DEFAULT 'quarters'
  CHECK (type IN ('quarters', 'semesters'));
ALTER TABLE academic_years ADD COLUMN approved_at TEXT;
ALTER TABLE academic_years ADD COLUMN approved_by INTEGER REFERENCES users(id);
ALTER TABLE academic_years ADD COLUMN fixed_on TEXT;

-- The terms in their order: term_no 1..4 (quarters) or 1..2 (semesters).
CREATE TABLE year_terms (
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  term_no INTEGER NOT NULL CHECK (term_no BETWEEN 1 AND 8),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  PRIMARY KEY (academic_year_id, term_no)
);

-- The holidays of the year in the order they were given.
CREATE TABLE year_holidays (
  academic_year_id INTEGER NOT NULL REFERENCES academic_years(id),
  holiday_no INTEGER NOT NULL CHECK (holiday_no BETWEEN 1 AND 16),
  kind TEXT NOT NULL CHECK (kind IN ('autumn', 'winter', 'spring', 'extra')),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  PRIMARY KEY (academic_year_id, holiday_no)
);

-- The external assessment period of grades 11–12, at most one per year.
CREATE TABLE year_assessment (
  academic_year_id INTEGER PRIMARY KEY REFERENCES academic_years(id),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL
);

-- A holiday on the same day every year of [from_year, to_year] (NULL: unbounded).
CREATE TABLE holiday_rules (
  id INTEGER PRIMARY KEY,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
  from_year INTEGER,
  to_year INTEGER,
  moves_if_weekend INTEGER NOT NULL DEFAULT 1 CHECK (moves_if_weekend IN (0, 1)),
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- A holiday of one year only (Kurban Ait).
CREATE TABLE holiday_fixed (
  id INTEGER PRIMARY KEY,
  holiday_date TEXT NOT NULL UNIQUE,
  moves_if_weekend INTEGER NOT NULL DEFAULT 0 CHECK (moves_if_weekend IN (0, 1)),
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- A transfer of a day off by decree: working_day is worked, day_off is off.
CREATE TABLE holiday_transfers (
  id INTEGER PRIMARY KEY,
  working_day TEXT NOT NULL UNIQUE,
  day_off TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  CHECK (working_day <> day_off)
);
