/* parts — the columns and joins that name a timetable entry's or a dated lesson's
 * class, group, subject, teacher and room, and the JSON they make. Shared by the
 * timetable's queries and the journal's. In SQL `x` is the entry or the lesson. */
#ifndef MEKTEP_STORE_PARTS_H
#define MEKTEP_STORE_PARTS_H

#include <jansson.h>

#include "store/db.h"

/* 16 columns, read by parts_put. */
#define PART_COLUMNS \
	"c.id, c.grade, c.letter, g.id, g.name, s.id, s.code, s.name_kk, s.name_ru, s.name_en, f.id," \
	" p.last_name, p.first_name, p.middle_name, r.id, r.name"
#define PART_JOINS \
	" JOIN classes c ON c.id = x.class_id LEFT JOIN class_groups g ON g.id = x.group_id" \
	" JOIN subjects s ON s.id = x.subject_id JOIN staff f ON f.id = x.staff_id" \
	" JOIN persons p ON p.id = f.person_id LEFT JOIN rooms r ON r.id = x.room_id"
#define PART_COUNT 16

/* Puts "class" {"id","label","grade"}, "group" {"id","name"} or null, "subject"
 * {"id","code","name"}, "teacher" {"id","last_name","first_name","middle_name"} and
 * "room" {"id","name"} or null into o from the PART_COLUMNS at col. */
void parts_put(json_t *o, struct db_stmt *st, int col);

#endif
