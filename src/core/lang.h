/* lang — the languages Mektep speaks: Kazakh first, Russian, English. */
#ifndef MEKTEP_CORE_LANG_H
#define MEKTEP_CORE_LANG_H

enum lang { LANG_KK = 0, LANG_RU = 1, LANG_EN = 2 };
#define LANG_COUNT 3

/* "kk", "ru", "en" (Kazakh for a value out of range). */
const char *lang_code(enum lang l);
/* The language for "kk"/"ru"/"en" (case-insensitive); -1 when it is none of them. */
int lang_from_code(const char *code);

#endif
