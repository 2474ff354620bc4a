/* fet — FET's `.fet` files into the solver's model, and the result back out in FET's
 * `<Activities_Timetable>` format (Id, Day, Hour, Room per activity). Pure: the caller
 * reads and writes the files; the XML reader is the small one of this file (elements,
 * text, the five entities and numeric references; attributes, comments, processing
 * instructions and CDATA skipped or taken as text).
 *
 * What is read: days, hours, subjects, teachers, rooms, the students (every subgroup —
 * or group without subgroups, or year without groups — is one class of the model; a
 * group or year in an activity stands for all its subgroups), active activities (of
 * any duration that fits a day) with their teachers, subject, students and tags, and
 * the constraints
 *   ConstraintBasicCompulsoryTime/Space, ConstraintTeacherNotAvailableTimes,
 *   ConstraintTeachersNotAvailable… (same body), ConstraintStudentsMaxGapsPerWeek (0),
 *   ConstraintStudentsEarlyMaxBeginningsAtSecondHour (0), ConstraintStudentsMinHoursDaily,
 *   ConstraintStudentsMaxHoursDaily, ConstraintTeachersMaxGapsPerWeek/PerDay,
 *   ConstraintTeachersMaxHoursDaily, ConstraintTeacherMaxHoursDaily,
 *   ConstraintStudentsActivityTagMaxHoursDaily (taken as a cap per subject of the tagged
 *   activities), ConstraintActivitiesSameStartingTime, ConstraintActivityPreferredStartingTime
 *   (a lock), ConstraintMinDaysBetweenActivities
 *   (soft: the solver's spread goal), ConstraintSubjectPreferredRooms,
 *   ConstraintActivityPreferredRooms, ConstraintActivityPreferredRoom; and for real
 *   schools (Debian's vmg-20180901b-2.fet): ConstraintStudentsSetNotAvailableTimes,
 *   ConstraintStudentsSetMin/MaxHoursDaily (empty days not allowed),
 *   ConstraintTeacher(s)MaxDaysPerWeek, ConstraintTeacher(s)MinHoursDaily,
 *   ConstraintTeacher(s)MaxHoursContinuously, ConstraintActivityEndsStudentsDay,
 *   ConstraintActivitiesEndStudentsDay and ConstraintActivit(y|ies)PreferredTimeSlots
 *   (FET's filters: teacher, students, subject, tag, duration — each empty or equal),
 *   ConstraintTeacherHomeRoom and ConstraintStudentsSetHomeRoom (as FET, for the
 *   activities of that teacher or students set alone that ask no other room). A weight below 100 % is taken as 100 %, except the
 *   spread of ConstraintMinDaysBetweenActivities.
 * Anything else is counted as unsupported (sv_fet_unsupported names the kinds). */
#ifndef MEKTEP_SOLVER_FET_H
#define MEKTEP_SOLVER_FET_H

#include <stddef.h>

#include "solver/solver.h"

struct sv_fet;

/* Parses a .fet file's text into a model: the handle, or NULL with a message in err. */
struct sv_fet *sv_fet_read(const char *xml, size_t len, char *err, size_t errlen);
void sv_fet_free(struct sv_fet *f);
struct sv_model *sv_fet_model(struct sv_fet *f);
/* The constraint kinds ignored, comma-separated ("" when none). */
const char *sv_fet_unsupported(const struct sv_fet *f);

/* The result in FET's <Activities_Timetable> format (malloc'd, NUL-terminated; *len its
 * length), or NULL (no memory). `pl` has one place per activity of the model. */
char *sv_fet_write(const struct sv_fet *f, const struct sv_place *pl, size_t *len);

/* Reads a timetable in FET's <Activities_Timetable> format (FET's own result, or ours)
 * into pl (one place per activity of the model; activities it does not name stay
 * unplaced): 0, or -1 with a message in err. */
int sv_fet_read_result(const struct sv_fet *f, const char *xml, size_t len, struct sv_place *pl, char *err,
		       size_t errlen);

#endif
