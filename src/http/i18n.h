/* i18n — the languages of the reply (Kazakh first, Russian, English) and the
 * catalogue of API messages in all three. */
#ifndef MEKTEP_HTTP_I18N_H
#define MEKTEP_HTTP_I18N_H

#include <stddef.h>

#include "core/lang.h"

/* The first of kk/ru/en named in an Accept-Language header, or -1. */
int lang_from_accept(const char *header);

/* The message of an error code in a language; every code has all three, which a unit
 * test checks. An unknown code gives the message of "internal". */
const char *i18n_message(const char *code, enum lang l);
/* The name of an API field as a user reads it ("last_name" → "тегі" / "фамилия" /
 * "last name"); "name.kk" gives the label of "name" with the language; a field the
 * catalogue does not know comes back as it is. Writes into out (cap bytes). */
const char *i18n_field_label(const char *field, enum lang l, char *out, size_t cap);
/* For the completeness test: the n-th field of the label catalogue, or NULL. */
const char *i18n_field_at(int n);

/* Whether the catalogue has the code. */
int i18n_has(const char *code);
/* For the completeness test: the n-th code of the catalogue, or NULL past the end. */
const char *i18n_code_at(int n);

#endif
