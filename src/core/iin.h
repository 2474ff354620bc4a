/* Kazakhstan's IIN (individual identification number): validation of its format,
 * embedded birth date, century/sex digit and check digit; generation for demo data. */
#ifndef MEKTEP_CORE_IIN_H
#define MEKTEP_CORE_IIN_H

/*
 * An IIN is exactly 12 ASCII digits:
 *
 *   Y Y M M D D C S S S S K
 *   birth date  | serial  | check digit
 *               century + sex: 1/2 = born 1800–1899 male/female,
 *                              3/4 = 1900–1999, 5/6 = 2000–2099
 *
 * Check digit: K = sum(d[i] * i, i = 1..11) mod 11; if that is 10, K = sum of the
 * digits weighted 3,4,5,6,7,8,9,10,11,1,2 mod 11; if that is 10 again, no check
 * digit exists and the number is not a valid IIN.
 *
 * Nothing here allocates or keeps a pointer to its arguments.
 */

/* Outcome of iin_parse(); IIN_OK is 0, every other value is a refusal. */
enum iin_status {
	IIN_OK = 0,
	IIN_BAD_FORMAT,   /* not exactly 12 ASCII digits (or NULL) */
	IIN_BAD_DATE,     /* digits 1–6 are not a date of the century named by digit 7 */
	IIN_BAD_CENTURY,  /* digit 7 is not 1..6 */
	IIN_BAD_CHECKSUM, /* digit 12 is not the check digit, or no check digit exists */
};

/* What an IIN says about its holder. */
struct iin_info {
	int year, month, day; /* birth date, a valid date in 1800..2099 */
	char sex;             /* 'm' or 'f' */
};

/*
 * Validate `text`, which must be exactly 12 ASCII digits and nothing else (no
 * spaces, no NUL before the 12th digit, the 13th byte NUL). The checks run in this
 * order and the first failure is returned: format, century digit, birth date,
 * check digit. On IIN_OK, writes *out when `out` is not NULL; on any refusal *out
 * is left untouched.
 */
enum iin_status iin_parse(const char *text, struct iin_info *out);

/* A short English code for a status ("ok", "bad_format", "bad_date",
 * "bad_century", "bad_checksum"); a static string, never NULL. */
const char *iin_status_code(enum iin_status status);

/*
 * Write into `out` (the caller's 13 bytes) a valid IIN for the birth date
 * year-month-day (year 1800..2099) and `sex` ('m' or 'f'), with the serial
 * `serial` mod 10000 as digits 8–11. When that serial has no check digit, the
 * next serial is tried (serial + 1, …, wrapping 9999 → 0000); at most two
 * serials are ever needed. Returns 0, or -1 (out set to "") on a bad date or sex.
 */
int iin_make(int year, int month, int day, char sex, unsigned serial, char out[13]);

/*
 * Check that an IIN agrees with a person's stated birth date ("YYYY-MM-DD", as
 * date_parse() accepts it) and sex ('m' or 'f').
 *
 * Returns the iin_parse() status of `iin`. When that is IIN_OK, *mismatch_field
 * is set to NULL if date and sex both agree, else to "birth_date" or "sex" — the
 * first that disagrees, in that order (an unparsable birth date or a sex other
 * than 'm'/'f' counts as disagreeing). When the status is not IIN_OK,
 * *mismatch_field is set to NULL. `mismatch_field` may be NULL when only the
 * status is wanted; it points to static strings, never to be freed.
 */
int iin_matches_person(const char *iin, const char *birth_date, char sex,
		       const char **mismatch_field);

#endif
