/* test_router — path patterns, {id} captures and method mismatches of the router. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "http/router.h"

static int dummy(struct req *rq) { return 200; }

static const struct route table[] = {
	{"GET", "/api/v1/classes/{id}/students", dummy, ROLES_ALL, 0},
	{"GET", "/api/v1/students/{id}", dummy, ROLES_ALL, 0},
	{"PATCH", "/api/v1/students/{id}", dummy, ROLES_ALL, ROUTE_JSON},
	{"DELETE", "/api/v1/students/{id}/representatives/{id}", dummy, ROLES_ALL, 0},
	{NULL, NULL, NULL, 0, 0},
};

static void test_capture(void **state)
{
	struct req rq;
	memset(&rq, 0, sizeof rq);
	int other = 0;
	const struct route *r = router_match(table, "GET", "/api/v1/classes/42/students", &rq, &other);
	assert_ptr_equal(r, &table[0]);
	assert_int_equal(rq.n_params, 1);
	assert_int_equal(rq.params[0], 42);
	r = router_match(table, "DELETE", "/api/v1/students/7/representatives/9", &rq, &other);
	assert_ptr_equal(r, &table[3]);
	assert_int_equal(rq.params[0], 7);
	assert_int_equal(rq.params[1], 9);
}

static void test_rejects_non_ids(void **state)
{
	struct req rq;
	memset(&rq, 0, sizeof rq);
	int other = 0;
	assert_null(router_match(table, "GET", "/api/v1/students/abc", &rq, &other));
	assert_null(router_match(table, "GET", "/api/v1/students/0", &rq, &other));
	assert_null(router_match(table, "GET", "/api/v1/students/012", &rq, &other));
	assert_null(router_match(table, "GET", "/api/v1/students/-1", &rq, &other));
	assert_null(router_match(table, "GET", "/api/v1/students/1234567890123456789", &rq, &other));
	assert_null(router_match(table, "GET", "/api/v1/students/5/", &rq, &other));
	assert_null(router_match(table, "GET", "/api/v1/students", &rq, &other));
	assert_int_equal(other, 0);
}

static void test_method_mismatch(void **state)
{
	struct req rq;
	memset(&rq, 0, sizeof rq);
	int other = 0;
	assert_null(router_match(table, "POST", "/api/v1/students/5", &rq, &other));
	assert_int_equal(other, 1);
	assert_non_null(router_match(table, "PATCH", "/api/v1/students/5", &rq, &other));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_capture),
		cmocka_unit_test(test_rejects_non_ids),
		cmocka_unit_test(test_method_mismatch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
