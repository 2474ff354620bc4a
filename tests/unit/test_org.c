/* Unit tests of src/core/org.c: school levels by grade (ORG-1), representative
 * relations (ORG-3) and funding kinds (ORG-6). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/org.h"

/* ORG-1: every boundary of the three levels, from both sides. */
static void test_org1_level_boundaries(void **state)
{
	(void)state;
	assert_int_equal(org_level_of_grade(0), LEVEL_INVALID);
	assert_int_equal(org_level_of_grade(1), LEVEL_PRIMARY);
	assert_int_equal(org_level_of_grade(5), LEVEL_PRIMARY);
	assert_int_equal(org_level_of_grade(6), LEVEL_BASIC);
	assert_int_equal(org_level_of_grade(10), LEVEL_BASIC);
	assert_int_equal(org_level_of_grade(11), LEVEL_HIGH);
	assert_int_equal(org_level_of_grade(12), LEVEL_HIGH);
	assert_int_equal(org_level_of_grade(13), LEVEL_INVALID);
	assert_int_equal(org_level_of_grade(-1), LEVEL_INVALID);
}

static void test_org1_level_codes(void **state)
{
	(void)state;
	assert_string_equal(org_level_code(LEVEL_PRIMARY), "primary");
	assert_string_equal(org_level_code(LEVEL_BASIC), "basic");
	assert_string_equal(org_level_code(LEVEL_HIGH), "high");
	assert_null(org_level_code(LEVEL_INVALID));
	assert_null(org_level_code((enum org_level)42));
}

static void test_org1_level_from_code(void **state)
{
	(void)state;
	assert_int_equal(org_level_from_code("primary"), LEVEL_PRIMARY);
	assert_int_equal(org_level_from_code("basic"), LEVEL_BASIC);
	assert_int_equal(org_level_from_code("high"), LEVEL_HIGH);
	assert_int_equal(org_level_from_code("High"), LEVEL_INVALID);
	assert_int_equal(org_level_from_code("high "), LEVEL_INVALID);
	assert_int_equal(org_level_from_code(""), LEVEL_INVALID);
	assert_int_equal(org_level_from_code(NULL), LEVEL_INVALID);
	/* Every valid grade's code parses back to its level. */
	for (int g = 1; g <= 12; g++)
		assert_int_equal(org_level_from_code(org_level_code(org_level_of_grade(g))),
				 org_level_of_grade(g));
}

/* ORG-3: the relations of legal representatives (R§5.54). */
static void test_org3_relations(void **state)
{
	static const char *const ok[] = {
		"mother", "father", "adopter", "guardian", "foster_parent",
		"patronage_educator", "other",
	};
	static const char *const bad[] = {
		"", "Mother", "mother ", "mothe", "grandmother", "foster parent",
		"patronage", "parent",
	};

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		assert_true(org_relation_valid(ok[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(org_relation_valid(bad[i]));
	assert_false(org_relation_valid(NULL));
}

/* ORG-6: funding is the Өркен grant, a state order or a paid contract. */
static void test_org6_funding(void **state)
{
	(void)state;
	assert_true(org_funding_valid("orken"));
	assert_true(org_funding_valid("state_order"));
	assert_true(org_funding_valid("paid"));
	assert_false(org_funding_valid("Orken"));
	assert_false(org_funding_valid("grant"));
	assert_false(org_funding_valid("state"));
	assert_false(org_funding_valid("paid\n"));
	assert_false(org_funding_valid(""));
	assert_false(org_funding_valid(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_org1_level_boundaries),
		cmocka_unit_test(test_org1_level_codes),
		cmocka_unit_test(test_org1_level_from_code),
		cmocka_unit_test(test_org3_relations),
		cmocka_unit_test(test_org6_funding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
