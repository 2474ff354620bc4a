/* roles — the codes of the roles and what each role is tied to. */
#include "core/roles.h"

#include <string.h>

static const struct {
	enum role role;
	const char *code;
} roles[] = {
	{ROLE_NETWORK_ADMIN, "network_admin"},
	{ROLE_CONTINGENT_UNIT, "contingent_unit"},
	{ROLE_DIRECTOR, "director"},
	{ROLE_DEPUTY_ACADEMIC, "deputy_academic"},
	{ROLE_DEPUTY_UPBRINGING, "deputy_upbringing"},
	{ROLE_TIMETABLE_OFFICER, "timetable_officer"},
	{ROLE_TEACHER, "teacher"},
	{ROLE_CLUB_LEADER, "club_leader"},
	{ROLE_STUDENT, "student"},
	{ROLE_PARENT, "parent"},
};

const char *role_code(enum role r)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (roles[i].role == r)
			return roles[i].code;
	return NULL;
}

enum role role_from_code(const char *code)
{
	if (!code)
		return 0;
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(roles[i].code, code) == 0)
			return roles[i].role;
	return 0;
}

int role_is_school(enum role r)
{
	return role_code(r) != NULL && !(r & ROLES_NETWORK);
}

int role_needs_person(enum role r)
{
	return r == ROLE_TEACHER || r == ROLE_STUDENT || r == ROLE_PARENT;
}
