/* ORG-1 school levels by grade, and the closed vocabularies of representative
 * relations (ORG-3) and student funding (ORG-6). */
#include "core/org.h"

#include <stddef.h>
#include <string.h>

static const char *const level_codes[] = {
	[LEVEL_PRIMARY] = "primary",
	[LEVEL_BASIC] = "basic",
	[LEVEL_HIGH] = "high",
};

static const char *const relations[] = {
	"mother", "father", "adopter", "guardian", "foster_parent", "patronage_educator",
	"other",
};

static const char *const fundings[] = { "orken", "state_order", "paid" };

/* 1 if `s` equals one of the `n` strings of `list`; 0 for NULL. */
static int in_list(const char *s, const char *const *list, size_t n)
{
	if (!s)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return 1;
	return 0;
}

enum org_level org_level_of_grade(int grade)
{
	if (grade >= 1 && grade <= 5)
		return LEVEL_PRIMARY;
	if (grade >= 6 && grade <= 10)
		return LEVEL_BASIC;
	if (grade >= 11 && grade <= 12)
		return LEVEL_HIGH;
	return LEVEL_INVALID;
}

const char *org_level_code(enum org_level level)
{
	switch (level) {
	case LEVEL_PRIMARY:
	case LEVEL_BASIC:
	case LEVEL_HIGH:
		return level_codes[level];
	case LEVEL_INVALID:
		break;
	}
	return NULL;
}

enum org_level org_level_from_code(const char *code)
{
	if (!code)
		return LEVEL_INVALID;
	for (int l = LEVEL_PRIMARY; l < LEVEL_INVALID; l++)
		if (strcmp(code, level_codes[l]) == 0)
			return (enum org_level)l;
	return LEVEL_INVALID;
}

int org_relation_valid(const char *relation)
{
	return in_list(relation, relations, sizeof relations / sizeof relations[0]);
}

int org_funding_valid(const char *funding)
{
	return in_list(funding, fundings, sizeof fundings / sizeof fundings[0]);
}
