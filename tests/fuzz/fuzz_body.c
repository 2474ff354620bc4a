/* fuzz_body — libFuzzer target for what reads outside input before any handler: the
 * JSON body checks (validate.c) with the student, staff, school and year-structure field
 * tables (then the calendar rules on a structure that passes them), the
 * router's path matching, and the IIN, date and UTF-8 parsers. A crash, a leak or a
 * sanitizer report is a bug. Built by CMake when MEKTEP_FUZZ=ON (clang). */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/iin.h"
#include "http/router.h"
#include "http/validate.h"
#include "store/calendar.h"
#include "util/utf8.h"

static const char *const fundings[] = {"orken", "state_order", "paid", NULL};
static const char *const types[] = {"quarters", "semesters", NULL};
static const struct field_spec period[] = {
	{.name = "starts_on", .type = FIELD_DATE, .required = 1},
	{.name = "ends_on", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};
static const char *const roles[] = {"teacher", "curator", NULL};
static const struct field_spec extra[] = {
	{.name = "school_id", .type = FIELD_ID, .required = 1},
	{.name = "funding", .type = FIELD_ENUM, .values = fundings},
	{.name = "roles", .type = FIELD_ENUM_SET, .values = roles},
	{.name = "name", .type = FIELD_NAMES},
	{.name = "grade", .type = FIELD_INT, .min = 1, .max = 12},
	{.name = "dormitory", .type = FIELD_BOOL},
	{.name = "enrolled_on", .type = FIELD_DATE, .nullable = 1},
	/* the shape of a year's structure (api/calendar.c), lists and objects nested */
	{.name = "type", .type = FIELD_ENUM, .values = types},
	{.name = "academic_year", .type = FIELD_OBJECT, .fields = period},
	{.name = "terms", .type = FIELD_LIST, .max_len = CALENDAR_MAX_TERMS, .fields = period},
	{.name = "holidays", .type = FIELD_LIST, .max_len = CALENDAR_MAX_HOLIDAYS, .fields = period},
	{.name = "assessment", .type = FIELD_OBJECT, .nullable = 1, .fields = period},
	{.name = "assessment_basic", .type = FIELD_OBJECT, .nullable = 1, .fields = period},
	{.name = NULL},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	/* parsers of single values */
	struct iin_info info;
	iin_parse(text, &info);
	struct date d;
	date_parse(text, &d);
	int y, w;
	date_parse_iso_week(text, &y, &w);
	utf8_valid(text, size);
	free(utf8_fold(text));
	free(utf8_sort_key(text));

	/* the router, on the text as a path */
	struct req rq;
	memset(&rq, 0, sizeof rq);
	int other;
	router_match(api_routes, "GET", text, &rq, &other);

	/* the body checks, as the server runs them */
	json_error_t err;
	rq.json = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &err);
	if (json_is_object(rq.json)) {
		struct field_spec specs[32];
		api_specs_join(specs, 32, extra, 1);
		validate_body(&rq, specs, VALIDATE_CREATE);
		int bad = validate_body(&rq, specs, VALIDATE_PATCH);
		api_check_person(&rq, rq.json, 1);
		/* a structure that passed the checks, through the calendar rules */
		struct calendar_year cy;
		if (!bad && calendar_structure_to_year(rq.json, &cy) == 0)
			calendar_check(&cy, NULL, 0);
	}
	json_decref(rq.json);
	json_decref(rq.errors);
	json_decref(rq.reply);
	free(text);
	return 0;
}
