/* UTF-8 validation (RFC 3629), code point counting and lower-case folding of
 * Latin and Cyrillic letters for search keys. */
#include "util/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/*
 * Decode the sequence at `p` (with `avail` >= 1 bytes readable). Returns its
 * length 1..4 and writes *cp, or returns 0 when `p` does not start a valid
 * shortest-form sequence of a scalar value (U+D800..U+DFFF and > U+10FFFF are
 * refused through the allowed ranges of the second byte).
 */
static size_t utf8_decode(const unsigned char *p, size_t avail, uint32_t *cp)
{
	unsigned char b0 = p[0];
	unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
	size_t n;

	if (b0 < 0x80) {
		*cp = b0;
		return 1;
	}
	if (b0 < 0xC2) /* a continuation byte, or C0/C1 (overlong 2-byte forms) */
		return 0;
	if (b0 < 0xE0) {
		n = 2;
	} else if (b0 < 0xF0) {
		n = 3;
		if (b0 == 0xE0)
			lo = 0xA0; /* below: overlong */
		else if (b0 == 0xED)
			hi = 0x9F; /* above: surrogates */
	} else if (b0 < 0xF5) {
		n = 4;
		if (b0 == 0xF0)
			lo = 0x90; /* below: overlong */
		else if (b0 == 0xF4)
			hi = 0x8F; /* above: beyond U+10FFFF */
	} else {
		return 0;
	}
	if (avail < n || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (!is_cont(p[i]))
			return 0;

	*cp = b0 & (0xFF >> (n + 1));
	for (size_t i = 1; i < n; i++)
		*cp = (*cp << 6) | (p[i] & 0x3F);
	return n;
}

/* Encode `cp` (a scalar value) at `out`; returns the number of bytes, 1..4. */
static size_t utf8_encode(uint32_t cp, unsigned char *out)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xE0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (unsigned char)(0xF0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = utf8_decode(p + i, len - i, &cp);

		if (!n)
			return 0;
		i += n;
	}
	return 1;
}

size_t utf8_length(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = s ? strlen(s) : 0;
	size_t i = 0, count = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = utf8_decode(p + i, len - i, &cp);

		i += n ? n : 1;
		count++;
	}
	return count;
}

/* In a run of case pairs where the capital has the parity `upper_parity`, the
 * small letter of a capital is the next code point. */
static uint32_t pair_lower(uint32_t cp, uint32_t upper_parity)
{
	return (cp & 1) == upper_parity ? cp + 1 : cp;
}

/* The lower-case (search) form of one code point. */
static uint32_t fold_cp(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 0x20;
	if (cp < 0xC0)
		return cp;
	if (cp <= 0xDE) /* Latin-1 capitals À..Þ, except the sign × */
		return cp == 0xD7 ? cp : cp + 0x20;
	if (cp >= 0x100 && cp <= 0x17F) { /* Latin Extended-A */
		if (cp == 0x130) /* İ: dotted capital I */
			return 'i';
		if (cp == 0x178) /* Ÿ */
			return 0xFF;
		if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F)
			return cp; /* ı ĸ ŉ ſ have no capital here */
		if ((cp >= 0x139 && cp <= 0x148) || cp >= 0x179)
			return pair_lower(cp, 1);
		return pair_lower(cp, 0);
	}
	if (cp >= 0x400 && cp <= 0x4FF) { /* Cyrillic */
		if (cp == 0x401 || cp == 0x451) /* Ё ё → е */
			return 0x435;
		if (cp <= 0x40F) /* Ѐ..Џ → ѐ..џ (І → і) */
			return cp + 0x50;
		if (cp <= 0x42F) /* А..Я → а..я */
			return cp + 0x20;
		if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) || cp >= 0x4D0)
			return pair_lower(cp, 0); /* Ѡ..ҁ; Ҋ..ҿ (Ғ Қ Ң Ү Ұ Һ); Ӑ..ӿ (Ә Ө) */
		if (cp == 0x4C0) /* palochka Ӏ → ӏ */
			return 0x4CF;
		if (cp >= 0x4C1 && cp <= 0x4CE)
			return pair_lower(cp, 1);
	}
	return cp;
}

char *utf8_fold(const char *s)
{
	size_t len, i = 0, o = 0;
	unsigned char *out;
	const unsigned char *p = (const unsigned char *)s;

	if (!s)
		return NULL;
	len = strlen(s);
	out = malloc(len + 1);
	if (!out)
		return NULL;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);

		if (!n) {
			out[o++] = p[i++];
			continue;
		}
		/* Every folded form is no longer than its source, so `o` stays <= `i`. */
		o += utf8_encode(fold_cp(cp), out + o);
		i += n;
	}
	out[o] = '\0';
	return (char *)out;
}

/* The Kazakh alphabet in its order, lower case (the Russian letters sit inside it). */
static const uint32_t kazakh_order[] = {
	0x430, 0x4D9, 0x431, 0x432, 0x433, 0x493, 0x434, 0x435, 0x451, 0x436, 0x437, /* а ә б в г ғ д е ё ж з */
	0x438, 0x439, 0x43A, 0x49B, 0x43B, 0x43C, 0x43D, 0x4A3, 0x43E, 0x4E9, 0x43F, /* и й к қ л м н ң о ө п */
	0x440, 0x441, 0x442, 0x443, 0x4B1, 0x4AF, 0x444, 0x445, 0x4BB, 0x446, 0x447, /* р с т у ұ ү ф х һ ц ч */
	0x448, 0x449, 0x44A, 0x44B, 0x456, 0x44C, 0x44D, 0x44E, 0x44F,               /* ш щ ъ ы і ь э ю я */
};

/* One ASCII byte per character, ordered like the Kazakh alphabet: separators first,
 * then digits, Latin letters, the Cyrillic letters in Kazakh order; anything else last. */
static char sort_byte(uint32_t cp)
{
	if (cp == ' ' || cp == '-' || cp == '\'')
		return '!';
	if (cp >= '0' && cp <= '9')
		return (char)('"' + (cp - '0'));             /* 0x22..0x2B */
	if (cp == 0x401)
		cp = 0x451; /* Ё: fold_cp would make it е, but the alphabet keeps ё apart */
	else
		cp = fold_cp(cp);
	if (cp >= 'a' && cp <= 'z')
		return (char)(',' + (cp - 'a'));             /* 0x2C..0x45 */
	for (size_t i = 0; i < sizeof kazakh_order / sizeof kazakh_order[0]; i++)
		if (kazakh_order[i] == cp)
			return (char)('F' + i);              /* 0x46..0x6F */
	return '~';
}

char *utf8_sort_key(const char *s)
{
	if (!s)
		return NULL;
	size_t len = strlen(s), i = 0, o = 0;
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	const unsigned char *p = (const unsigned char *)s;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (!n) {
			out[o++] = '~';
			i++;
			continue;
		}
		out[o++] = sort_byte(cp);
		i += n;
	}
	out[o] = '\0';
	return out;
}

/* The capital of a lower-case letter of the ranges fold_cp lowers (ASCII, Cyrillic and
 * the Kazakh letters); anything else as it is. */
static uint32_t upper_cp(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return cp - 0x20;
	if (cp >= 0x430 && cp <= 0x44F) /* а..я */
		return cp - 0x20;
	if (cp >= 0x450 && cp <= 0x45F) /* ѐ..џ (і → І, ё → Ё) */
		return cp - 0x50;
	if (((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) || (cp >= 0x4D0 && cp <= 0x4FF)) &&
	    (cp & 1))
		return cp - 1; /* ғ қ ң ү ұ һ ә ө … */
	return cp;
}

char *utf8_upper(const char *s)
{
	if (!s)
		return NULL;
	size_t len = strlen(s), i = 0, o = 0;
	unsigned char *out = malloc(len + 1);
	if (!out)
		return NULL;
	const unsigned char *p = (const unsigned char *)s;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (!n) {
			out[o++] = p[i++];
			continue;
		}
		/* Every capital here is as long in UTF-8 as its small letter. */
		o += utf8_encode(upper_cp(cp), out + o);
		i += n;
	}
	out[o] = '\0';
	return (char *)out;
}
