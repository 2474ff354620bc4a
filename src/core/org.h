/* Organisation vocabulary of the rules: school levels by grade (ORG-1), relations
 * of legal representatives (ORG-3) and kinds of student funding (ORG-6). */
#ifndef MEKTEP_CORE_ORG_H
#define MEKTEP_CORE_ORG_H

/*
 * The codes below are the stable API/database spellings (lower-case ASCII).
 * Every function is pure; returned strings are static and never freed.
 */

/* ORG-1: primary school grades 1–5, basic school 6–10, high school 11–12 (R§7). */
enum org_level { LEVEL_PRIMARY, LEVEL_BASIC, LEVEL_HIGH, LEVEL_INVALID };

/* The level of `grade`, or LEVEL_INVALID for a grade outside 1..12. */
enum org_level org_level_of_grade(int grade);

/* "primary", "basic" or "high"; NULL for LEVEL_INVALID or any other value. */
const char *org_level_code(enum org_level level);

/* The level whose code is exactly `code`; LEVEL_INVALID for anything else,
 * including NULL. */
enum org_level org_level_from_code(const char *code);

/*
 * ORG-3 (R§5.54): 1 if `relation` is exactly one of "mother", "father", "adopter",
 * "guardian", "foster_parent", "patronage_educator", "other"; else 0 (also for
 * NULL). Case-sensitive.
 */
int org_relation_valid(const char *relation);

/* ORG-6: 1 if `funding` is exactly "orken" (the Өркен grant), "state_order" or
 * "paid"; else 0 (also for NULL). Case-sensitive. */
int org_funding_valid(const char *funding);

#endif
