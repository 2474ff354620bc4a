/* roles — who does what in a school and in the network (ORG-5), as a bit each so a
 * route can name the set of roles it allows. */
#ifndef MEKTEP_CORE_ROLES_H
#define MEKTEP_CORE_ROLES_H

enum role {
	ROLE_NETWORK_ADMIN = 1 << 0,     /* the network office (ДББҰ) */
	ROLE_CONTINGENT_UNIT = 1 << 1,   /* the ДББҰ unit that works with the contingent */
	ROLE_DIRECTOR = 1 << 2,
	ROLE_DEPUTY_ACADEMIC = 1 << 3,
	ROLE_DEPUTY_UPBRINGING = 1 << 4,
	ROLE_TIMETABLE_OFFICER = 1 << 5, /* the responsible person of R§23, R§30 */
	ROLE_TEACHER = 1 << 6,
	ROLE_CLUB_LEADER = 1 << 7,
	ROLE_STUDENT = 1 << 8,
	ROLE_PARENT = 1 << 9,            /* a legal representative (ORG-3) */
};
#define ROLES_NETWORK (ROLE_NETWORK_ADMIN | ROLE_CONTINGENT_UNIT)
#define ROLES_SCHOOL_ADMIN (ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_DEPUTY_UPBRINGING)
#define ROLES_SCHOOL_STAFF \
	(ROLES_SCHOOL_ADMIN | ROLE_TIMETABLE_OFFICER | ROLE_TEACHER | ROLE_CLUB_LEADER)
#define ROLES_ALL 0x3ff

/* The role's code as stored ("director"), or NULL for a value that is not one role. */
const char *role_code(enum role r);
/* The role for a code, or 0 when there is none. */
enum role role_from_code(const char *code);
/* Whether the role belongs to one school (all but the network roles). */
int role_is_school(enum role r);
/* Whether a sign-in of this role must be linked to a person (teacher, student, parent). */
int role_needs_person(enum role r);

#endif
