/* UTF-8 helpers: strict validation, code point counting, and case folding for
 * search keys (Latin, Kazakh and Russian Cyrillic). */
#ifndef MEKTEP_UTIL_UTF8_H
#define MEKTEP_UTIL_UTF8_H

#include <stddef.h>

/*
 * "Valid" means RFC 3629 UTF-8: shortest form only (no overlong encodings), no
 * UTF-16 surrogates (U+D800..U+DFFF), nothing above U+10FFFF. U+0000 is a valid
 * code point: callers that need a C string also check for NUL bytes.
 */

/* 1 if the `len` bytes at `s` are valid UTF-8, else 0. `s` may be NULL only when
 * `len` is 0 (the empty text is valid). */
int utf8_valid(const char *s, size_t len);

/*
 * Number of code points in the NUL-terminated string `s` (NULL counts as 0). A
 * byte that does not start a valid sequence counts as one, as if it had been
 * replaced by U+FFFD.
 */
size_t utf8_length(const char *s);

/*
 * A lower-cased copy of the NUL-terminated `s`, for search keys. Folded: ASCII
 * A–Z; Latin-1 À–Þ (not ×); Latin Extended-A (Ā–ž, so the Kazakh Latin Ğ Ş Ū
 * fold too, İ → i); every Cyrillic capital of U+0400–U+04FF, including Kazakh
 * Ә Ғ Қ Ң Ө Ұ Ү Һ І; and ё (and so Ё) → е. Everything else, including bytes that
 * are not valid UTF-8, is copied unchanged. The result is never longer than `s`.
 *
 * Returns a string you now own: release it with free(). NULL when `s` is NULL or
 * memory runs out.
 */
char *utf8_fold(const char *s);

/* A malloc'd key that sorts like the Kazakh alphabet when compared byte by byte
 * (А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я,
 * case ignored; the Russian alphabet is a subsequence of it, so Russian names sort
 * right too). Plain ASCII, one byte per character. NULL for NULL or out of memory. */
char *utf8_sort_key(const char *s);

/* A malloc'd copy with the small letters of ASCII, Cyrillic and Kazakh made capital
 * (ә → Ә, і → І, a → A); the caller frees. NULL for NULL or out of memory. */
char *utf8_upper(const char *s);

#endif
