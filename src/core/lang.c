/* lang — language codes. */
#include "core/lang.h"

#include <strings.h>

static const char *const codes[LANG_COUNT] = {"kk", "ru", "en"};

const char *lang_code(enum lang l)
{
	return (unsigned)l < LANG_COUNT ? codes[l] : "kk";
}

int lang_from_code(const char *code)
{
	if (!code)
		return -1;
	for (int i = 0; i < LANG_COUNT; i++)
		if (strcasecmp(code, codes[i]) == 0)
			return i;
	return -1;
}
