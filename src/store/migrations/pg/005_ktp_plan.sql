-- 005: the КТЖ laid over the dated lessons (CUR-10) (PostgreSQL): each lesson's planned topic.
-- Columns on lessons rather than a table of their own: a lesson the timetable's lay
-- removes takes its plan with it, and one it keeps keeps it (docs/curriculum.md).
-- ktp_topic_id names a row of ktp_topics without REFERENCES, like the rest of lessons:
-- a КТЖ saved again gives its topics new ids, and a plan naming a topic that is gone
-- is cleared by the next lay. ktp_pinned: the teacher moved the topic there (kept by
-- every lay).
ALTER TABLE lessons ADD COLUMN ktp_topic_id BIGINT;
ALTER TABLE lessons ADD COLUMN ktp_pinned INTEGER NOT NULL DEFAULT 0 CHECK (ktp_pinned IN (0, 1));
