-- 006: the external assessment of grade 10 (PostgreSQL), the final attestation of basic
-- school (R§79–80): its study days do not count toward the basic level's 33 weeks
-- (CAL-2, "external assessment excluded", R§13). A table like year_assessment (002),
-- the grades 11–12 period, so that both are optional and each year has at most one of
-- each. docs/calendar.md says how the days are counted.
CREATE TABLE year_assessment_basic (
  academic_year_id BIGINT PRIMARY KEY REFERENCES academic_years(id),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL
);
