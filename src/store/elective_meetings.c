/* elective_meetings — the elective meetings of the approved timetable on study days; see
 * elective_meetings.h. */
#include "store/elective_meetings.h"

#include "store/row.h"

/* What both queries select after the date: the meeting's period, bell times,
 * group, course, teacher and room. */
#define MEETING_COLUMNS                                                                                        \
	"e.period, b.starts_at, b.ends_at, g.id, g.name, c.title_kk, c.title_ru, c.title_en, p.last_name,"    \
	" p.first_name, r.name"
#define MEETING_JOINS                                                                                          \
	" JOIN elective_groups g ON g.id = e.group_id JOIN elective_courses c ON c.id = g.course_id"          \
	" LEFT JOIN staff sf ON sf.id = e.staff_id LEFT JOIN persons p ON p.id = sf.person_id"                \
	" LEFT JOIN rooms r ON r.id = e.room_id"                                                               \
	" LEFT JOIN bell_periods b ON b.school_id = c.school_id AND b.number = e.period"

/* Columns: 0 the date, then MEETING_COLUMNS. */
static json_t *meeting_row(struct db_stmt *st)
{
	json_t *m = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "date", row_text(st, 0), "period", row_int(st, 1),
			      "starts_at", row_text(st, 2), "ends_at", row_text(st, 3), "group_id", row_int(st, 4),
			      "group_name", row_text(st, 5), "course", row_names(st, 6));
	json_object_set_new(m, "teacher", db_col_is_null(st, 9) ? json_null()
					  : json_pack("{s:o, s:o}", "last_name", row_text(st, 9), "first_name",
						      row_text(st, 10)));
	json_object_set_new(m, "room", row_text(st, 11));
	return m;
}

/* Runs one of the two queries: $1 the student or the teacher, $2..$3 the dates. */
static json_t *meetings(struct db *db, const char *sql, int64_t who, const char *from, const char *to)
{
	struct db_stmt *st = row_prepare_range(db, sql, who, from, to);
	return st ? row_collect(st, meeting_row) : NULL;
}

json_t *elective_meetings_of_student(struct db *db, int64_t student_id, const char *from, const char *to)
{
	return meetings(db,
		"SELECT d.lesson_date, " MEETING_COLUMNS
		" FROM (SELECT DISTINCT x.lesson_date, x.timetable_id, te.weekday FROM lessons x JOIN students s"
		" ON s.class_id = x.class_id JOIN timetable_entries te ON te.id = x.entry_id"
		" WHERE s.id = $1 AND x.lesson_date >= $2 AND x.lesson_date <= $3) d"
		" JOIN timetable_elective_entries e ON e.timetable_id = d.timetable_id AND e.weekday = d.weekday"
		" JOIN elective_group_members m ON m.group_id = e.group_id AND m.student_id = $1"
		" AND m.joined_on <= d.lesson_date AND (m.left_on IS NULL OR m.left_on > d.lesson_date)" MEETING_JOINS
		" ORDER BY d.lesson_date, e.period, g.name",
		student_id, from, to);
}

json_t *elective_meetings_of_teacher(struct db *db, int64_t staff_id, const char *from, const char *to)
{
	/* the days' versions and weekdays: those of the lessons laid on the day from the school's
	 * versions (the lessons' index by year, semester and date) */
	return meetings(db,
		"SELECT d.lesson_date, " MEETING_COLUMNS
		" FROM (SELECT DISTINCT x.lesson_date, x.timetable_id, te.weekday FROM timetables t JOIN staff s"
		" ON s.id = $1 AND s.school_id = t.school_id JOIN lessons x ON x.academic_year_id = t.academic_year_id"
		" AND x.semester = t.semester AND x.lesson_date >= $2 AND x.lesson_date <= $3 AND x.timetable_id = t.id"
		" JOIN timetable_entries te ON te.id = x.entry_id WHERE t.status <> 'draft') d"
		" JOIN timetable_elective_entries e ON e.timetable_id = d.timetable_id AND e.weekday = d.weekday"
		" AND e.staff_id = $1" MEETING_JOINS
		" ORDER BY d.lesson_date, e.period, g.name",
		staff_id, from, to);
}
