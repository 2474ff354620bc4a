/* timetable_week_fet — a school's week to solve (timetable_week.h) written as a FET
 * `.fet` file (`mektep timetable export-fet`), for schools that keep using FET and for
 * comparing with it. What solver/fet.c reads back into the same model: days and the
 * periods' starting times as hours; subjects by code; teachers; rooms; students as
 * years (grades) of groups (classes) of subgroups (a split class's sets of students);
 * an activity per hour of the load (Id = its index + 1, tagged with its subject's code);
 * students without gaps from the first hour, each class's daily minimum and maximum of its
 * grade (TT-1, ConstraintStudentsSetMin/MaxHoursDaily), a subject at most twice a day
 * (an activity-tag maximum per subject), the splits at the same time,
 * locked entries as permanently locked starting times, the teachers' unavailable times
 * (ConstraintTeacherNotAvailableTimes), the classes' club times (CLB-5,
 * ConstraintStudentsSetNotAvailableTimes), and each activity's rooms. An elective block's
 * hour (TT-4) is one activity of the subject "electives" with every teacher of the groups
 * meeting then and the block's classes as students, capped as the model caps it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/timetable_week.h"
#include "util/buf.h"

static const char *const day_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

/* Adds s with &, <, >, " escaped. */
static void add_text(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_addch(b, *s);
		}
	}
}

/* <tag>text</tag> and a newline, indented by `tabs`. */
static void add_elem(struct buf *b, int tabs, const char *tag, const char *text)
{
	for (int i = 0; i < tabs; i++)
		buf_addch(b, '\t');
	buf_addf(b, "<%s>", tag);
	add_text(b, text);
	buf_addf(b, "</%s>\n", tag);
}

static void add_int(struct buf *b, int tabs, const char *tag, long v)
{
	char n[24];
	snprintf(n, sizeof n, "%ld", v);
	add_elem(b, tabs, tag, n);
}

static void constraint_open(struct buf *b, const char *kind)
{
	buf_addf(b, "<%s>\n\t<Weight_Percentage>100</Weight_Percentage>\n", kind);
}

static void constraint_close(struct buf *b, const char *kind)
{
	buf_addf(b, "\t<Active>true</Active>\n\t<Comments></Comments>\n</%s>\n", kind);
}

static void add_students(struct buf *b, const struct ttw *w)
{
	buf_adds(b, "<Students_List>\n");
	for (size_t c = 0; c < w->n_classes;) {
		int grade = w->classes[c].grade, students = 0;
		size_t end = c;
		for (; end < w->n_classes && w->classes[end].grade == grade; end++)
			students += w->classes[end].students;
		char name[16];
		snprintf(name, sizeof name, "%d", grade);
		buf_adds(b, "<Year>\n");
		add_elem(b, 1, "Name", name);
		add_int(b, 1, "Number_of_Students", students);
		for (; c < end; c++) {
			const struct ttw_class *k = &w->classes[c];
			buf_adds(b, "\t<Group>\n");
			add_elem(b, 2, "Name", k->label);
			add_int(b, 2, "Number_of_Students", k->students);
			for (int a = 0; a < k->n_atoms; a++) {
				buf_adds(b, "\t\t<Subgroup>\n");
				add_elem(b, 3, "Name", w->atoms[k->first_atom + a].name);
				add_int(b, 3, "Number_of_Students", w->atoms[k->first_atom + a].students);
				buf_adds(b, "\t\t</Subgroup>\n");
			}
			buf_adds(b, "\t</Group>\n");
		}
		buf_adds(b, "</Year>\n");
	}
	buf_adds(b, "</Students_List>\n");
}

/* An elective block's hour (TT-4): its groups' teachers, and its grades' classes as
 * students. */
static void add_block_hour(struct buf *b, const struct ttw *w, const struct ttw_activity *a, int *classes, int *teachers)
{
	int n_teachers, n_classes = ttw_block_members(w, a, classes, teachers, &n_teachers);
	for (int k = 0; k < n_teachers; k++)
		add_elem(b, 1, "Teacher", w->teachers[teachers[k]].name);
	add_elem(b, 1, "Subject", w->subjects[a->subject].code);
	add_elem(b, 1, "Activity_Tag", w->subjects[a->subject].code);
	for (int k = 0; k < n_classes; k++)
		add_elem(b, 1, "Students", w->classes[classes[k]].label);
}

static void add_activities(struct buf *b, const struct ttw *w, int *classes, int *teachers)
{
	buf_adds(b, "<Activities_List>\n");
	for (size_t i = 0; i < w->n_acts; i++) {
		const struct ttw_activity *a = &w->acts[i];
		buf_adds(b, "<Activity>\n");
		if (a->block >= 0) {
			add_block_hour(b, w, a, classes, teachers);
		} else {
			const struct ttw_class *c = &w->classes[a->cls];
			add_elem(b, 1, "Teacher", w->teachers[a->teacher].name);
			add_elem(b, 1, "Subject", w->subjects[a->subject].code);
			add_elem(b, 1, "Activity_Tag", w->subjects[a->subject].code);
			if (!a->atoms)
				add_elem(b, 1, "Students", c->label);
			for (int k = 0; k < c->n_atoms; k++)
				if (a->atoms >> k & 1)
					add_elem(b, 1, "Students", w->atoms[c->first_atom + k].name);
		}
		buf_adds(b, "\t<Duration>1</Duration>\n\t<Total_Duration>1</Total_Duration>\n");
		add_int(b, 1, "Id", (long)i + 1);
		buf_adds(b, "\t<Activity_Group_Id>0</Activity_Group_Id>\n\t<Active>true</Active>\n"
			    "\t<Comments></Comments>\n</Activity>\n");
	}
	buf_adds(b, "</Activities_List>\n");
}

/* A teacher's or a class's times off (a bit per period a day) as FET's `kind`, whose
 * owner is <who>name</who>; nothing when there are none. */
static void add_not_available(struct buf *b, const struct ttw *w, const char *kind, const char *who,
			      const char *name, const uint32_t off[SV_MAX_DAYS])
{
	int n = 0;
	for (int d = 0; d < w->days; d++)
		n += __builtin_popcount(off[d]);
	if (!n)
		return;
	constraint_open(b, kind);
	add_elem(b, 1, who, name);
	add_int(b, 1, "Number_of_Not_Available_Times", n);
	for (int d = 0; d < w->days; d++)
		for (int h = 0; h < w->periods; h++)
			if (off[d] >> h & 1) {
				buf_adds(b, "\t<Not_Available_Time>\n");
				add_elem(b, 2, "Day", day_names[d]);
				add_elem(b, 2, "Hour", w->hour_names[h]);
				buf_adds(b, "\t</Not_Available_Time>\n");
			}
	constraint_close(b, kind);
}

static void add_time_constraints(struct buf *b, const struct ttw *w)
{
	buf_adds(b, "<Time_Constraints_List>\n");
	constraint_open(b, "ConstraintBasicCompulsoryTime");
	constraint_close(b, "ConstraintBasicCompulsoryTime");
	constraint_open(b, "ConstraintStudentsMaxGapsPerWeek");
	buf_adds(b, "\t<Max_Gaps>0</Max_Gaps>\n");
	constraint_close(b, "ConstraintStudentsMaxGapsPerWeek");
	constraint_open(b, "ConstraintStudentsEarlyMaxBeginningsAtSecondHour");
	buf_adds(b, "\t<Max_Beginnings_At_Second_Hour>0</Max_Beginnings_At_Second_Hour>\n");
	constraint_close(b, "ConstraintStudentsEarlyMaxBeginningsAtSecondHour");
	/* the run's caps on teachers (TT-1), when set */
	if (w->teacher_rules.max_daily != SV_NO_LIMIT) {
		constraint_open(b, "ConstraintTeachersMaxHoursDaily");
		add_int(b, 1, "Maximum_Hours_Daily", w->teacher_rules.max_daily);
		constraint_close(b, "ConstraintTeachersMaxHoursDaily");
	}
	if (w->teacher_rules.max_gaps_day != SV_NO_LIMIT) {
		constraint_open(b, "ConstraintTeachersMaxGapsPerDay");
		add_int(b, 1, "Max_Gaps", w->teacher_rules.max_gaps_day);
		constraint_close(b, "ConstraintTeachersMaxGapsPerDay");
	}
	if (w->teacher_rules.max_gaps_week != SV_NO_LIMIT) {
		constraint_open(b, "ConstraintTeachersMaxGapsPerWeek");
		add_int(b, 1, "Max_Gaps", w->teacher_rules.max_gaps_week);
		constraint_close(b, "ConstraintTeachersMaxGapsPerWeek");
	}
	/* TT-1: each class its grade's bounds (a class without lessons: no minimum) */
	for (size_t c = 0; c < w->n_classes; c++) {
		const struct ttw_class *k = &w->classes[c];
		if (k->min_daily > 0) {
			constraint_open(b, "ConstraintStudentsSetMinHoursDaily");
			add_int(b, 1, "Minimum_Hours_Daily", k->min_daily);
			add_elem(b, 1, "Students", k->label);
			buf_adds(b, "\t<Allow_Empty_Days>false</Allow_Empty_Days>\n");
			constraint_close(b, "ConstraintStudentsSetMinHoursDaily");
		}
		constraint_open(b, "ConstraintStudentsSetMaxHoursDaily");
		add_int(b, 1, "Maximum_Hours_Daily", k->max_daily);
		add_elem(b, 1, "Students", k->label);
		constraint_close(b, "ConstraintStudentsSetMaxHoursDaily");
	}
	for (size_t s = 0; s < w->n_subjects; s++) {
		int used = 0;
		for (size_t i = 0; i < w->n_acts && !used; i++)
			used = w->acts[i].subject == (int)s;
		if (!used)
			continue;
		constraint_open(b, "ConstraintStudentsActivityTagMaxHoursDaily");
		add_elem(b, 1, "Activity_Tag", w->subjects[s].code);
		add_int(b, 1, "Maximum_Hours_Daily", w->subjects[s].max_per_day ? w->subjects[s].max_per_day : 2);
		constraint_close(b, "ConstraintStudentsActivityTagMaxHoursDaily");
	}
	for (size_t i = 0; i < w->n_acts;) {
		size_t j = i + 1;
		if (w->acts[i].set >= 0)
			while (j < w->n_acts && w->acts[j].set == w->acts[i].set)
				j++;
		if (j - i > 1) {
			constraint_open(b, "ConstraintActivitiesSameStartingTime");
			add_int(b, 1, "Number_of_Activities", (long)(j - i));
			for (size_t k = i; k < j; k++)
				add_int(b, 1, "Activity_Id", (long)k + 1);
			constraint_close(b, "ConstraintActivitiesSameStartingTime");
		}
		i = j;
	}
	for (size_t t = 0; t < w->n_teachers; t++)
		add_not_available(b, w, "ConstraintTeacherNotAvailableTimes", "Teacher", w->teachers[t].name,
				  w->teachers[t].off);
	for (size_t c = 0; c < w->n_classes; c++)
		add_not_available(b, w, "ConstraintStudentsSetNotAvailableTimes", "Students", w->classes[c].label,
				  w->classes[c].off);
	for (size_t i = 0; i < w->n_acts; i++) {
		const struct ttw_activity *a = &w->acts[i];
		if (a->lock_day < 0)
			continue;
		constraint_open(b, "ConstraintActivityPreferredStartingTime");
		add_int(b, 1, "Activity_Id", (long)i + 1);
		add_elem(b, 1, "Preferred_Day", day_names[a->lock_day]);
		add_elem(b, 1, "Preferred_Hour", w->hour_names[a->lock_period]);
		buf_adds(b, "\t<Permanently_Locked>true</Permanently_Locked>\n");
		constraint_close(b, "ConstraintActivityPreferredStartingTime");
	}
	buf_adds(b, "</Time_Constraints_List>\n");
}

static void add_space_constraints(struct buf *b, const struct ttw *w)
{
	buf_adds(b, "<Space_Constraints_List>\n");
	constraint_open(b, "ConstraintBasicCompulsorySpace");
	constraint_close(b, "ConstraintBasicCompulsorySpace");
	for (size_t i = 0; i < w->n_acts; i++) {
		const struct ttw_activity *a = &w->acts[i];
		if (!a->n_rooms)
			continue;
		constraint_open(b, "ConstraintActivityPreferredRooms");
		add_int(b, 1, "Activity_Id", (long)i + 1);
		add_int(b, 1, "Number_of_Preferred_Rooms", a->n_rooms);
		for (int k = 0; k < a->n_rooms; k++)
			add_elem(b, 1, "Preferred_Room", w->rooms[a->rooms[k]].name);
		constraint_close(b, "ConstraintActivityPreferredRooms");
	}
	buf_adds(b, "</Space_Constraints_List>\n");
}

char *ttw_fet(const struct ttw *w, size_t *len)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<fet version=\"6.8.5\">\n<Mode>Official</Mode>\n");
	char name[80];
	snprintf(name, sizeof name, "Mektep: school %lld, semester %d", (long long)w->school_id, w->semester);
	add_elem(&b, 0, "Institution_Name", name);
	buf_adds(&b, "<Comments>Written by mektep timetable export-fet</Comments>\n<Days_List>\n");
	add_int(&b, 0, "Number_of_Days", w->days);
	for (int d = 0; d < w->days; d++) {
		buf_adds(&b, "<Day>\n");
		add_elem(&b, 1, "Name", day_names[d]);
		buf_adds(&b, "</Day>\n");
	}
	buf_adds(&b, "</Days_List>\n<Hours_List>\n");
	add_int(&b, 0, "Number_of_Hours", w->periods);
	for (int h = 0; h < w->periods; h++) {
		buf_adds(&b, "<Hour>\n");
		add_elem(&b, 1, "Name", w->hour_names[h]);
		buf_adds(&b, "</Hour>\n");
	}
	buf_adds(&b, "</Hours_List>\n<Subjects_List>\n");
	for (size_t s = 0; s < w->n_subjects; s++) {
		buf_adds(&b, "<Subject>\n");
		add_elem(&b, 1, "Name", w->subjects[s].code);
		add_elem(&b, 1, "Comments", w->subjects[s].name);
		buf_adds(&b, "</Subject>\n");
	}
	buf_adds(&b, "</Subjects_List>\n<Activity_Tags_List>\n");
	for (size_t s = 0; s < w->n_subjects; s++) {
		buf_adds(&b, "<Activity_Tag>\n");
		add_elem(&b, 1, "Name", w->subjects[s].code);
		buf_adds(&b, "\t<Printable>true</Printable>\n</Activity_Tag>\n");
	}
	buf_adds(&b, "</Activity_Tags_List>\n<Teachers_List>\n");
	for (size_t t = 0; t < w->n_teachers; t++) {
		buf_adds(&b, "<Teacher>\n");
		add_elem(&b, 1, "Name", w->teachers[t].name);
		buf_adds(&b, "</Teacher>\n");
	}
	buf_adds(&b, "</Teachers_List>\n");
	add_students(&b, w);
	int *classes = malloc((w->n_classes + 1) * sizeof *classes), *teachers = malloc((w->n_teachers + 1) * sizeof *teachers);
	if (!classes || !teachers) {
		free(classes);
		free(teachers);
		buf_release(&b);
		return NULL;
	}
	add_activities(&b, w, classes, teachers);
	free(classes);
	free(teachers);
	buf_adds(&b, "<Buildings_List>\n</Buildings_List>\n<Rooms_List>\n");
	for (size_t r = 0; r < w->n_rooms; r++) {
		buf_adds(&b, "<Room>\n");
		add_elem(&b, 1, "Name", w->rooms[r].name);
		add_elem(&b, 1, "Building", "");
		add_int(&b, 1, "Capacity", w->rooms[r].capacity ? w->rooms[r].capacity : 30);
		buf_adds(&b, "</Room>\n");
	}
	buf_adds(&b, "</Rooms_List>\n");
	add_time_constraints(&b, w);
	add_space_constraints(&b, w);
	buf_adds(&b, "</fet>\n");
	return buf_detach(&b, len);
}
