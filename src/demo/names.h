/* names — the data of the demo network and how to pick from it: Kazakh and Russian
 * first names, surnames and patronymics, phone numbers and e-mail addresses, the NIS
 * schools and their cities (in Kazakh, Russian and English), the subjects taught.
 *
 * Everything here is a constant table or a pure function of its arguments and the
 * caller's `struct rng`; nothing allocates, nothing keeps a pointer to its arguments.
 * Strings are UTF-8. Output buffers are the caller's and always NUL-terminated
 * (truncated to fit, which the sizes below make unnecessary). */
#ifndef MEKTEP_DEMO_NAMES_H
#define MEKTEP_DEMO_NAMES_H

#include <stddef.h>

#include "demo/rng.h"

/* How a family writes its names. */
enum names_style {
	NAMES_KAZAKH,    /* Kazakh names in Kazakh spelling; patronymic Асқарұлы / Асқарқызы */
	NAMES_KAZAKH_RU, /* Kazakh names in Russian spelling; patronymic Аскарович / Аскаровна */
	NAMES_RUSSIAN,   /* Russian names; patronymic Сергеевич / Сергеевна */
};

/* Which generation's first names: children born 2007–2014, or adults born 1955–1998. */
enum names_age {
	NAMES_CHILD,
	NAMES_ADULT,
};

#define NAMES_MAX 64    /* bytes of one name part, NUL included: enough for every entry */
#define NAMES_PHONE 13  /* "+77XXXXXXXXX" and the NUL */
#define NAMES_EMAIL 96  /* bytes of an e-mail address, NUL included */

/* A person's name as stored: last, first and middle (patronymic) name. */
struct names_person {
	char last[NAMES_MAX];
	char first[NAMES_MAX];
	char middle[NAMES_MAX];
};

/* A surname of the style's origin (Kazakh or Russian), as an index for names_make(). */
int names_pick_surname(struct rng *r, enum names_style style);
/* A first name of the style's origin, sex ('m' or 'f') and generation, as an index
 * for names_make(). A father for names_make() is names_pick_first(r, style, 'm',
 * NAMES_ADULT). */
int names_pick_first(struct rng *r, enum names_style style, char sex, enum names_age age);

/* Writes the full name of a person of `sex` and generation `age`: first name `first`
 * (from names_pick_first with the same style, sex and age), surname `surname` in the
 * form for the sex (Асқаров / Асқарова), and the patronymic made from the adult male
 * first name `father` in the style's way. NAMES_KAZAKH_RU spells everything in Russian
 * letters (Асқар → Аскар). */
void names_make(enum names_style style, char sex, enum names_age age, int first, int surname,
		int father, struct names_person *out);

/* A Kazakh mobile number "+77XXXXXXXXX" with one of the operators' prefixes
 * (700 701 702 705 707 747 771 775 776 777 778). */
void names_phone(struct rng *r, char out[NAMES_PHONE]);

/* `s` (Kazakh or Russian Cyrillic, or ASCII) in lower-case ASCII letters, for e-mail
 * addresses: Жұмабаев → zhumabaev. Other characters are dropped. */
void names_translit(const char *s, char *out, size_t size);

/* A personal e-mail address such as erlan.askarov85@mail.ru, from the name, the birth
 * year and a public mail service. */
void names_email(struct rng *r, const struct names_person *p, int birth_year, char out[NAMES_EMAIL]);

/* A staff address such as askarov_ee@astphm.nis.edu.kz: surname, initials, and the
 * school's `domain` (names_school_domain). */
void names_work_email(const struct names_person *p, const char *domain, char out[NAMES_EMAIL]);

/* What a school teaches in depth, which its name says. */
enum names_profile {
	PROFILE_PHM,     /* physics and mathematics */
	PROFILE_CHB,     /* chemistry and biology */
	PROFILE_IB,      /* the International Baccalaureate school in Astana (programme 'ib') */
	PROFILE_GENERAL, /* a school whose name names no direction */
};

/* One school of the demo network. */
struct names_school {
	const char *code;    /* unique, e.g. "AST-PHM" */
	const char *city_kk; /* Астана, Өскемен, … */
	const char *city_ru; /* Астана, Усть-Каменогорск, … */
	const char *city_en; /* Astana, Oskemen, … */
	enum names_profile profile;
	int real;            /* 1: a school of the real NIS network; 0: a plausible one in
			      * another real city, used only beyond the real schools */
};

#define NAMES_SCHOOLS 40 /* the most schools a demo network can have */
#define NAMES_TITLE 256  /* bytes of a school's full name, NUL included */

/* The schools in the order a network of N schools takes them: the real NIS schools
 * first (the Astana physics and mathematics school first, then the IB school). */
extern const struct names_school names_schools[NAMES_SCHOOLS];

/* The school's full name in Kazakh, Russian and English, e.g. "Астана қаласындағы
 * физика-математика бағытындағы Назарбаев Зияткерлік мектебі". */
void names_school_title(const struct names_school *s, char kk[NAMES_TITLE], char ru[NAMES_TITLE],
			char en[NAMES_TITLE]);
/* The staff e-mail domain of the school: "astphm.nis.edu.kz" for AST-PHM. */
void names_school_domain(const struct names_school *s, char *out, size_t size);

/* A subject taught in NIS grades 7–12, with its names. */
struct names_subject {
	const char *code; /* e.g. "history_kazakhstan" */
	const char *kk, *ru, *en;
};

/* The subjects, ending with an entry whose code is NULL. */
extern const struct names_subject names_subjects[];

#endif
