/* Kazakhstan IIN: parsing and validation (format, century/sex, birth date, check
 * digit), generation of valid numbers, and agreement with a person's record. */
#include "core/iin.h"

#include <stddef.h>

#include "core/date.h"

/* Weights of the second pass; the first pass uses 1..11. */
static const int iin_weights2[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };

/* Check digit 0..9 of the first 11 digits (values 0..9), or -1 if none exists. */
static int iin_check_digit(const int digits[11])
{
	int sum = 0;

	for (int i = 0; i < 11; i++)
		sum += digits[i] * (i + 1);
	if (sum % 11 != 10)
		return sum % 11;
	sum = 0;
	for (int i = 0; i < 11; i++)
		sum += digits[i] * iin_weights2[i];
	return sum % 11 == 10 ? -1 : sum % 11;
}

/* Base year of a century digit 1..6, or -1. */
static int iin_century_base(int c)
{
	if (c < 1 || c > 6)
		return -1;
	return 1800 + 100 * ((c - 1) / 2);
}

enum iin_status iin_parse(const char *text, struct iin_info *out)
{
	int dg[12];
	int base;
	struct date birth;

	if (!text)
		return IIN_BAD_FORMAT;
	for (int i = 0; i < 12; i++) {
		if (text[i] < '0' || text[i] > '9') /* also stops at a NUL */
			return IIN_BAD_FORMAT;
		dg[i] = text[i] - '0';
	}
	if (text[12] != '\0')
		return IIN_BAD_FORMAT;

	base = iin_century_base(dg[6]);
	if (base < 0)
		return IIN_BAD_CENTURY;

	birth.y = base + dg[0] * 10 + dg[1];
	birth.m = dg[2] * 10 + dg[3];
	birth.d = dg[4] * 10 + dg[5];
	if (!date_valid(birth))
		return IIN_BAD_DATE;

	if (iin_check_digit(dg) != dg[11])
		return IIN_BAD_CHECKSUM;

	if (out) {
		out->year = birth.y;
		out->month = birth.m;
		out->day = birth.d;
		out->sex = dg[6] % 2 ? 'm' : 'f';
	}
	return IIN_OK;
}

const char *iin_status_code(enum iin_status status)
{
	switch (status) {
	case IIN_OK:
		return "ok";
	case IIN_BAD_FORMAT:
		return "bad_format";
	case IIN_BAD_DATE:
		return "bad_date";
	case IIN_BAD_CENTURY:
		return "bad_century";
	case IIN_BAD_CHECKSUM:
		return "bad_checksum";
	}
	return "bad_format";
}

int iin_make(int year, int month, int day, char sex, unsigned serial, char out[13])
{
	struct date birth = { year, month, day };
	int dg[11];
	int check;

	out[0] = '\0';
	if (year < 1800 || year > 2099 || !date_valid(birth) || (sex != 'm' && sex != 'f'))
		return -1;

	dg[0] = (year % 100) / 10;
	dg[1] = year % 10;
	dg[2] = month / 10;
	dg[3] = month % 10;
	dg[4] = day / 10;
	dg[5] = day % 10;
	dg[6] = 2 * ((year - 1800) / 100) + (sex == 'm' ? 1 : 2);

	serial %= 10000;
	/* Bounded: among any two consecutive serials at least one has a check digit,
	 * but the loop does not rely on it. */
	for (int tries = 0; tries < 10000; tries++, serial = (serial + 1) % 10000) {
		dg[7] = (int)(serial / 1000);
		dg[8] = (int)(serial / 100 % 10);
		dg[9] = (int)(serial / 10 % 10);
		dg[10] = (int)(serial % 10);
		check = iin_check_digit(dg);
		if (check < 0)
			continue;
		for (int i = 0; i < 11; i++)
			out[i] = (char)('0' + dg[i]);
		out[11] = (char)('0' + check);
		out[12] = '\0';
		return 0;
	}
	return -1; /* not reached */
}

int iin_matches_person(const char *iin, const char *birth_date, char sex,
		       const char **mismatch_field)
{
	struct iin_info info;
	struct date stated;
	enum iin_status st = iin_parse(iin, &info);
	const char *field = NULL;

	if (st == IIN_OK) {
		if (date_parse(birth_date, &stated) || stated.y != info.year ||
		    stated.m != info.month || stated.d != info.day)
			field = "birth_date";
		else if (sex != info.sex)
			field = "sex";
	}
	if (mismatch_field)
		*mismatch_field = field;
	return (int)st;
}
