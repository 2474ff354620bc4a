/* names — the demo network's name, city, school and subject data, and the functions
 * that pick from it and spell it (see names.h). */
#include "demo/names.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Kazakh surnames in their male form and Kazakh spelling. */
static const char *const kazakh_surnames[] = {
	"Ахметов", "Әбенов", "Әбдірахманов", "Әлиев", "Әмірханов", "Байжанов", "Байтұрсынов",
	"Бекетов", "Бекмұхамбетов", "Болатов", "Дәулетов", "Досмағамбетов", "Дүйсенов",
	"Ермеков", "Ерғалиев", "Есенов", "Жақсылықов", "Жанұзақов", "Жұмабаев", "Жұмағұлов",
	"Жүнісов", "Ибраев", "Иманбаев", "Исабеков", "Исмағұлов", "Кенжебаев", "Қабдолов",
	"Қайратов", "Қалиев", "Қасымов", "Құдайбергенов", "Құлмағамбетов", "Қуанышев",
	"Мақсұтов", "Мамыров", "Мұқанов", "Мұратов", "Мұхамеджанов", "Нұрғалиев", "Нұрланов",
	"Нұрмағамбетов", "Оспанов", "Омаров", "Оразов", "Өтебаев", "Рахимов", "Рысқұлов",
	"Сағынтаев", "Сапаров", "Сәрсенбаев", "Сәтбаев", "Сейітов", "Серікбаев", "Сыздықов",
	"Смағұлов", "Сұлтанов", "Тәжібаев", "Темірханов", "Тілеубаев", "Тоқтаров", "Төлегенов",
	"Түсіпов", "Ұзақов", "Шәкенов", "Шаяхметов", "Ыбыраев", "Есімов", "Бейсенов",
	"Қожахметов", "Мырзахметов", "Тұрсынов", "Байменов", "Бердібеков", "Әубәкіров",
	"Жақыпов", "Ілиясов", "Кәрімов", "Құрманов", "Мұсабеков", "Нұрпейісов", "Оңғарбаев",
	"Сейфуллин", "Тоқаев", "Шалабаев", "Ысқақов", "Әшімов", "Балтабаев", "Ғабдуллин",
	"Жексенбаев", "Маметов",
};

/* Russian surnames in their male form. */
static const char *const russian_surnames[] = {
	"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
	"Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
	"Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
	"Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов",
	"Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв",
	"Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв",
	"Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров",
	"Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров",
};

/* Kazakh first names of children born 2007–2014. */
static const char *const kazakh_boys[] = {
	"Әлихан", "Нұрасыл", "Ерасыл", "Әлинұр", "Ернұр", "Айсұлтан", "Алдияр", "Арсен",
	"Бекарыс", "Данияр", "Диас", "Ислам", "Мирас", "Нұрислам", "Рамазан", "Санжар",
	"Темірлан", "Ансар", "Әмір", "Ақжол", "Абылай", "Абылайхан", "Жәнібек", "Нұрсұлтан",
	"Ерназар", "Бексұлтан", "Нұрдәулет", "Ерхан", "Дамир", "Әділ", "Аян", "Сұлтан",
	"Мұхаммед", "Амир", "Бекзат", "Нұрым", "Жансұлтан", "Олжас", "Асылжан", "Ерсұлтан",
	"Айбар", "Арнұр", "Әлішер", "Ильяс", "Нұрбек", "Нұрәли", "Тамерлан", "Батыр",
	"Мейіржан", "Рауан",
};
static const char *const kazakh_girls[] = {
	"Айгерім", "Аружан", "Томирис", "Дильназ", "Жансая", "Інжу", "Аяулым", "Әсел",
	"Балнұр", "Дана", "Жанель", "Зере", "Камила", "Мадина", "Назерке", "Аида", "Айару",
	"Ақбота", "Ақерке", "Аиша", "Әсем", "Сабина", "Алуа", "Айша", "Диана", "Медина",
	"Самал", "Меруерт", "Нұрай", "Адина", "Амина", "Айдана", "Ару", "Дариға", "Еркеназ",
	"Ажар", "Айзере", "Арай", "Жібек", "Дильнұр", "Жания", "Ләйлә", "Мөлдір", "Нұрсезім",
	"Сезім", "Тоғжан", "Ұлпан", "Шұғыла", "Іңкәр", "Әйгерім", "Ақмаржан", "Аяжан",
};

/* Kazakh first names of adults born 1955–1998; the men's are also the fathers whose
 * names make patronymics. */
static const char *const kazakh_men[] = {
	"Ерлан", "Асқар", "Серік", "Нұрлан", "Қайрат", "Талғат", "Бауыржан", "Ержан", "Мұрат",
	"Арман", "Марат", "Қанат", "Дәурен", "Ермек", "Ерболат", "Бақытжан", "Нұржан", "Ғалым",
	"Азамат", "Дархан", "Жандос", "Алмас", "Самат", "Болат", "Мақсат", "Руслан", "Тимур",
	"Данияр", "Айдос", "Берік", "Әділет", "Жасұлан", "Қуаныш", "Мейрам", "Нұрбол", "Олжас",
	"Рүстем", "Сұлтан", "Төлеген", "Ұлан", "Шыңғыс", "Айбек", "Бекжан", "Жомарт",
	"Серікбай", "Ерғали", "Абай", "Бағдат", "Ғабит", "Қайсар", "Нұрғали", "Әсет", "Ерік",
	"Мұхтар", "Бекболат", "Ерзат", "Ринат", "Саят", "Хамит",
};
static const char *const kazakh_women[] = {
	"Гүлнара", "Жанар", "Айгүл", "Сәуле", "Динара", "Сандуғаш", "Гүлмира", "Ләззат",
	"Бибігүл", "Айнұр", "Мейрамгүл", "Роза", "Әлия", "Салтанат", "Жұлдыз", "Ақмарал",
	"Гаухар", "Майра", "Назгүл", "Әсел", "Гүлжан", "Жазира", "Әсем", "Айжан", "Баян",
	"Мәдина", "Дина", "Эльмира", "Жанна", "Индира", "Алма", "Гүлшат", "Қамшат", "Ботагөз",
	"Шынар", "Райхан", "Ақерке", "Мөлдір", "Меруерт", "Анар", "Гүлнұр", "Жаннат", "Ләйлә",
	"Зарина", "Перизат",
};

/* Russian first names of children born 2007–2014. */
static const char *const russian_boys[] = {
	"Александр", "Максим", "Артём", "Михаил", "Даниил", "Иван", "Дмитрий", "Кирилл",
	"Никита", "Егор", "Матвей", "Андрей", "Илья", "Алексей", "Роман", "Тимофей", "Арсений",
	"Денис", "Глеб", "Владислав", "Ярослав", "Марк", "Лев", "Фёдор", "Степан", "Богдан",
	"Тимур", "Георгий", "Семён", "Павел",
};
static const char *const russian_girls[] = {
	"Анастасия", "Мария", "Анна", "Виктория", "Екатерина", "Софья", "Дарья", "Полина",
	"Алина", "Ксения", "Елизавета", "Валерия", "Вероника", "Арина", "Ульяна", "Алиса",
	"Кристина", "Варвара", "Милана", "Ева", "Диана", "Александра", "Маргарита", "Ангелина",
	"Таисия",
};

/* Russian men's names with the patronymics they give a son and a daughter (irregular
 * enough to be spelled out). */
static const struct {
	const char *name, *son, *daughter;
} russian_men[] = {
	{"Сергей", "Сергеевич", "Сергеевна"},
	{"Андрей", "Андреевич", "Андреевна"},
	{"Александр", "Александрович", "Александровна"},
	{"Алексей", "Алексеевич", "Алексеевна"},
	{"Дмитрий", "Дмитриевич", "Дмитриевна"},
	{"Евгений", "Евгеньевич", "Евгеньевна"},
	{"Игорь", "Игоревич", "Игоревна"},
	{"Олег", "Олегович", "Олеговна"},
	{"Владимир", "Владимирович", "Владимировна"},
	{"Николай", "Николаевич", "Николаевна"},
	{"Юрий", "Юрьевич", "Юрьевна"},
	{"Виктор", "Викторович", "Викторовна"},
	{"Павел", "Павлович", "Павловна"},
	{"Вадим", "Вадимович", "Вадимовна"},
	{"Максим", "Максимович", "Максимовна"},
	{"Константин", "Константинович", "Константиновна"},
	{"Денис", "Денисович", "Денисовна"},
	{"Роман", "Романович", "Романовна"},
	{"Михаил", "Михайлович", "Михайловна"},
	{"Василий", "Васильевич", "Васильевна"},
	{"Анатолий", "Анатольевич", "Анатольевна"},
	{"Геннадий", "Геннадьевич", "Геннадьевна"},
	{"Валерий", "Валерьевич", "Валерьевна"},
	{"Вячеслав", "Вячеславович", "Вячеславовна"},
	{"Илья", "Ильич", "Ильинична"},
};
static const char *const russian_women[] = {
	"Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Юлия", "Екатерина",
	"Анна", "Марина", "Оксана", "Виктория", "Людмила", "Галина", "Надежда", "Евгения",
	"Анастасия", "Ксения", "Валентина", "Лариса", "Алёна", "Инна",
};

/* The operators' mobile prefixes after +7. */
static const char *const mobile_prefixes[] = {
	"700", "701", "702", "705", "707", "747", "771", "775", "776", "777", "778",
};

/* Public mail services people in Kazakhstan use. */
static const char *const mail_services[] = {
	"mail.ru", "gmail.com", "mail.kz", "inbox.ru", "yandex.kz", "bk.ru", "list.ru",
};

/* The first name table for a style (Kazakh or Russian origin), sex and generation;
 * *n gets its length. The Russian men's table is read through russian_men instead. */
static const char *const *first_names(enum names_style style, char sex, enum names_age age, int *n)
{
	int kazakh = style != NAMES_RUSSIAN;
	if (age == NAMES_CHILD) {
		if (sex == 'm') {
			*n = kazakh ? COUNT(kazakh_boys) : COUNT(russian_boys);
			return kazakh ? kazakh_boys : russian_boys;
		}
		*n = kazakh ? COUNT(kazakh_girls) : COUNT(russian_girls);
		return kazakh ? kazakh_girls : russian_girls;
	}
	if (sex == 'm') {
		*n = kazakh ? COUNT(kazakh_men) : COUNT(russian_men);
		return kazakh ? kazakh_men : NULL;
	}
	*n = kazakh ? COUNT(kazakh_women) : COUNT(russian_women);
	return kazakh ? kazakh_women : russian_women;
}

int names_pick_surname(struct rng *r, enum names_style style)
{
	int n = style == NAMES_RUSSIAN ? COUNT(russian_surnames) : COUNT(kazakh_surnames);
	return (int)rng_below(r, (uint32_t)n);
}

int names_pick_first(struct rng *r, enum names_style style, char sex, enum names_age age)
{
	int n;
	first_names(style, sex, age, &n);
	return (int)rng_below(r, (uint32_t)n);
}

/* Decodes one code point of trusted UTF-8 (the tables, the caller's names) at *p and
 * advances *p; a stray byte comes back as itself. */
static uint32_t next_cp(const unsigned char **p)
{
	const unsigned char *s = *p;
	uint32_t cp;
	if (s[0] < 0x80) {
		cp = s[0];
		*p = s + 1;
	} else if ((s[0] & 0xE0) == 0xC0 && s[1]) {
		cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		*p = s + 2;
	} else if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2]) {
		cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		*p = s + 3;
	} else {
		cp = s[0];
		*p = s + 1;
	}
	return cp;
}

/* Appends the code point cp (below U+10000) to out[*len], keeping room for the NUL. */
static void put_cp(char *out, size_t size, size_t *len, uint32_t cp)
{
	char b[3];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else {
		b[0] = (char)(0xE0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	}
	if (*len + n < size) {
		memcpy(out + *len, b, n);
		*len += n;
	}
	out[*len] = '\0';
}

/* The Russian letter a Kazakh-only letter is written with in Russian spelling
 * (Ә → А, Ғ → Г, Қ → К, Ң → Н, Ө → О, Ұ Ү → У, Һ → Х, І → И); others unchanged. */
static uint32_t russian_letter(uint32_t cp)
{
	switch (cp) {
	case 0x4D8: return 0x410; /* Ә */
	case 0x4D9: return 0x430; /* ә */
	case 0x492: return 0x413; /* Ғ */
	case 0x493: return 0x433; /* ғ */
	case 0x49A: return 0x41A; /* Қ */
	case 0x49B: return 0x43A; /* қ */
	case 0x4A2: return 0x41D; /* Ң */
	case 0x4A3: return 0x43D; /* ң */
	case 0x4E8: return 0x41E; /* Ө */
	case 0x4E9: return 0x43E; /* ө */
	case 0x4B0: case 0x4AE: return 0x423; /* Ұ Ү */
	case 0x4B1: case 0x4AF: return 0x443; /* ұ ү */
	case 0x4BA: return 0x425; /* Һ */
	case 0x4BB: return 0x445; /* һ */
	case 0x406: return 0x418; /* І */
	case 0x456: return 0x438; /* і */
	default: return cp;
	}
}

/* Copies s into out, in Russian letters when `russian`. */
static void spell(const char *s, int russian, char *out, size_t size)
{
	size_t len = 0;
	const unsigned char *p = (const unsigned char *)s;
	out[0] = '\0';
	while (*p) {
		uint32_t cp = next_cp(&p);
		put_cp(out, size, &len, russian ? russian_letter(cp) : cp);
	}
}

/* 1 when s ends with the UTF-8 text `end`. */
static int ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && memcmp(s + n - m, end, m) == 0;
}

/* out = a followed by b, cut (at a byte) to fit `size`. */
static void join(char *out, size_t size, const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na >= size)
		na = size - 1;
	if (nb >= size - na)
		nb = size - na - 1;
	memmove(out, a, na);
	memcpy(out + na, b, nb);
	out[na + nb] = '\0';
}

/* The surname in the form for the sex: -ов/-ев/-ёв/-ин/-ын take -а for a woman. */
static void surname_form(const char *male, char sex, char *out, size_t size)
{
	int inflects = ends_with(male, "ов") || ends_with(male, "ев") || ends_with(male, "ёв") ||
		       ends_with(male, "ин") || ends_with(male, "ын");
	join(out, size, male, sex == 'f' && inflects ? "а" : "");
}

/* The patronymic from a Kazakh father's name: Асқарұлы / Асқарқызы in Kazakh style;
 * Аскарович / Аскаровна (Серикбаевич after -й, Нургалиевич after -и) in Russian style. */
static void kazakh_patronymic(const char *father, int russian, char sex, char *out, size_t size)
{
	if (!russian) {
		join(out, size, father, sex == 'm' ? "ұлы" : "қызы");
		return;
	}
	char stem[NAMES_MAX];
	spell(father, 1, stem, sizeof stem);
	const char *suffix = sex == 'm' ? "ович" : "овна";
	if (ends_with(stem, "й")) {
		stem[strlen(stem) - strlen("й")] = '\0';
		suffix = sex == 'm' ? "евич" : "евна";
	} else if (ends_with(stem, "и")) {
		suffix = sex == 'm' ? "евич" : "евна";
	}
	join(out, size, stem, suffix);
}

void names_make(enum names_style style, char sex, enum names_age age, int first, int surname,
		int father, struct names_person *out)
{
	int russian_spelling = style == NAMES_KAZAKH_RU;
	int n;
	const char *const *firsts = first_names(style, sex, age, &n);
	const char *first_name = firsts ? firsts[first % n] : russian_men[first % n].name;
	spell(first_name, russian_spelling, out->first, sizeof out->first);

	char male[NAMES_MAX];
	if (style == NAMES_RUSSIAN) {
		snprintf(male, sizeof male, "%s", russian_surnames[surname % COUNT(russian_surnames)]);
		int f = father % COUNT(russian_men);
		snprintf(out->middle, sizeof out->middle, "%s",
			 sex == 'm' ? russian_men[f].son : russian_men[f].daughter);
	} else {
		spell(kazakh_surnames[surname % COUNT(kazakh_surnames)], russian_spelling, male, sizeof male);
		kazakh_patronymic(kazakh_men[father % COUNT(kazakh_men)], russian_spelling, sex,
				  out->middle, sizeof out->middle);
	}
	surname_form(male, sex, out->last, sizeof out->last);
}

void names_phone(struct rng *r, char out[NAMES_PHONE])
{
	const char *prefix = mobile_prefixes[rng_below(r, COUNT(mobile_prefixes))];
	snprintf(out, NAMES_PHONE, "+7%.3s%07u", prefix, (unsigned)rng_below(r, 10000000));
}

/* The ASCII letters of one lower-case Cyrillic letter (Kazakh letters included), or
 * NULL when it has none. */
static const char *latin_of(uint32_t cp)
{
	static const char *const basic[32] = {
		"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
		"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
	};
	if (cp >= 0x430 && cp <= 0x44F)
		return basic[cp - 0x430];
	switch (cp) {
	case 0x451: return "e";  /* ё */
	case 0x4D9: return "a";  /* ә */
	case 0x493: return "g";  /* ғ */
	case 0x49B: return "k";  /* қ */
	case 0x4A3: return "n";  /* ң */
	case 0x4E9: return "o";  /* ө */
	case 0x4B1: return "u";  /* ұ */
	case 0x4AF: return "u";  /* ү */
	case 0x4BB: return "h";  /* һ */
	case 0x456: return "i";  /* і */
	default: return NULL;
	}
}

void names_translit(const char *s, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	char *folded = utf8_fold(s);
	if (!folded)
		return;
	const unsigned char *p = (const unsigned char *)folded;
	while (*p) {
		uint32_t cp = next_cp(&p);
		const char *latin = NULL;
		char ascii[2] = {0, 0};
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			ascii[0] = (char)cp;
			latin = ascii;
		} else {
			latin = latin_of(cp);
		}
		size_t n = latin ? strlen(latin) : 0;
		if (n && len + n < size) {
			memcpy(out + len, latin, n);
			len += n;
			out[len] = '\0';
		}
	}
	free(folded);
}

void names_email(struct rng *r, const struct names_person *p, int birth_year, char out[NAMES_EMAIL])
{
	char first[NAMES_MAX / 2], last[NAMES_MAX / 2];
	names_translit(p->first, first, sizeof first);
	names_translit(p->last, last, sizeof last);
	const char *service = mail_services[rng_below(r, COUNT(mail_services))];
	switch (rng_below(r, 3)) {
	case 0:
		snprintf(out, NAMES_EMAIL, "%s.%s%02u@%s", first, last, (unsigned)birth_year % 100u,
			 service);
		break;
	case 1:
		snprintf(out, NAMES_EMAIL, "%s_%s@%s", last, first, service);
		break;
	default:
		snprintf(out, NAMES_EMAIL, "%s%.1s%03u@%s", first, last, (unsigned)rng_below(r, 1000),
			 service);
	}
}

void names_work_email(const struct names_person *p, const char *domain, char out[NAMES_EMAIL])
{
	char first[NAMES_MAX / 2], middle[NAMES_MAX / 2], last[NAMES_MAX / 2];
	names_translit(p->first, first, sizeof first);
	names_translit(p->middle, middle, sizeof middle);
	names_translit(p->last, last, sizeof last);
	snprintf(out, NAMES_EMAIL, "%s_%.1s%.1s@%s", last, first, middle, domain);
}

/* The real NIS schools first; from the 22nd on, plausible schools in other real
 * cities (the real network has 21 schools of grades 7–12). */
const struct names_school names_schools[NAMES_SCHOOLS] = {
	{"AST-PHM", "Астана", "Астана", "Astana", PROFILE_PHM, 1},
	{"AST-IB", "Астана", "Астана", "Astana", PROFILE_IB, 1},
	{"ALM-PHM", "Алматы", "Алматы", "Almaty", PROFILE_PHM, 1},
	{"ALM-CHB", "Алматы", "Алматы", "Almaty", PROFILE_CHB, 1},
	{"SHM-PHM", "Шымкент", "Шымкент", "Shymkent", PROFILE_PHM, 1},
	{"SHM-CHB", "Шымкент", "Шымкент", "Shymkent", PROFILE_CHB, 1},
	{"KRG-CHB", "Қарағанды", "Караганда", "Karaganda", PROFILE_CHB, 1},
	{"AKB-PHM", "Ақтөбе", "Актобе", "Aktobe", PROFILE_PHM, 1},
	{"PVL-CHB", "Павлодар", "Павлодар", "Pavlodar", PROFILE_CHB, 1},
	{"UKK-CHB", "Өскемен", "Усть-Каменогорск", "Oskemen", PROFILE_CHB, 1},
	{"SEM-PHM", "Семей", "Семей", "Semey", PROFILE_PHM, 1},
	{"KOK-PHM", "Көкшетау", "Кокшетау", "Kokshetau", PROFILE_PHM, 1},
	{"TDK-PHM", "Талдықорған", "Талдыкорган", "Taldykorgan", PROFILE_PHM, 1},
	{"TRZ-PHM", "Тараз", "Тараз", "Taraz", PROFILE_PHM, 1},
	{"KZO-CHB", "Қызылорда", "Кызылорда", "Kyzylorda", PROFILE_CHB, 1},
	{"URL-PHM", "Орал", "Уральск", "Oral", PROFILE_PHM, 1},
	{"ATR-CHB", "Атырау", "Атырау", "Atyrau", PROFILE_CHB, 1},
	{"AKT-CHB", "Ақтау", "Актау", "Aktau", PROFILE_CHB, 1},
	{"KST-PHM", "Қостанай", "Костанай", "Kostanay", PROFILE_PHM, 1},
	{"PTR-CHB", "Петропавл", "Петропавловск", "Petropavl", PROFILE_CHB, 1},
	{"TRK-NIS", "Түркістан", "Туркестан", "Turkistan", PROFILE_GENERAL, 1},
	{"KNV-PHM", "Қонаев", "Конаев", "Konaev", PROFILE_PHM, 0},
	{"ZHZ-CHB", "Жезқазған", "Жезказган", "Zhezkazgan", PROFILE_CHB, 0},
	{"EKB-PHM", "Екібастұз", "Экибастуз", "Ekibastuz", PROFILE_PHM, 0},
	{"TMR-CHB", "Теміртау", "Темиртау", "Temirtau", PROFILE_CHB, 0},
	{"RUD-PHM", "Рудный", "Рудный", "Rudny", PROFILE_PHM, 0},
	{"ZHO-CHB", "Жаңаөзен", "Жанаозен", "Zhanaozen", PROFILE_CHB, 0},
	{"BLK-PHM", "Балқаш", "Балхаш", "Balkhash", PROFILE_PHM, 0},
	{"STB-CHB", "Сәтбаев", "Сатпаев", "Satbayev", PROFILE_CHB, 0},
	{"RDR-PHM", "Риддер", "Риддер", "Ridder", PROFILE_PHM, 0},
	{"STG-CHB", "Степногор", "Степногорск", "Stepnogorsk", PROFILE_CHB, 0},
	{"KNT-PHM", "Кентау", "Кентау", "Kentau", PROFILE_PHM, 0},
	{"SRG-CHB", "Сарыағаш", "Сарыагаш", "Saryagash", PROFILE_CHB, 0},
	{"AKS-PHM", "Ақсу", "Аксу", "Aksu", PROFILE_PHM, 0},
	{"SHC-CHB", "Щучинск", "Щучинск", "Shchuchinsk", PROFILE_CHB, 0},
	{"ZHS-PHM", "Жетісай", "Жетысай", "Zhetisay", PROFILE_PHM, 0},
	{"ARL-CHB", "Арал", "Аральск", "Aral", PROFILE_CHB, 0},
	{"KSK-PHM", "Қаскелең", "Каскелен", "Kaskelen", PROFILE_PHM, 0},
	{"TLG-CHB", "Талғар", "Талгар", "Talgar", PROFILE_CHB, 0},
	{"KLS-PHM", "Құлсары", "Кульсары", "Kulsary", PROFILE_PHM, 0},
};

/* The parts of a school's name that its profile sets: the direction (before "НЗМ" in
 * Kazakh, before "г." in Russian, before "in" in English) and a closing remark. */
static const struct title_part {
	const char *kk, *ru, *en, *tail_kk, *tail_ru, *tail_en;
} title_parts[] = {
	[PROFILE_PHM] = {"физика-математика бағытындағы ", "физико-математического направления ",
			 "of Physics and Mathematics ", "", "", ""},
	[PROFILE_CHB] = {"химия-биология бағытындағы ", "химико-биологического направления ",
			 "of Chemistry and Biology ", "", "", ""},
	[PROFILE_IB] = {"", "", "", " (Халықаралық бакалавриат)", " (Международный бакалавриат)",
			" (International Baccalaureate)"},
	[PROFILE_GENERAL] = {"", "", "", "", "", ""},
};

void names_school_title(const struct names_school *s, char kk[NAMES_TITLE], char ru[NAMES_TITLE],
			char en[NAMES_TITLE])
{
	const struct title_part *t = &title_parts[s->profile];
	snprintf(kk, NAMES_TITLE, "%s қаласындағы %sНазарбаев Зияткерлік мектебі%s", s->city_kk, t->kk,
		 t->tail_kk);
	snprintf(ru, NAMES_TITLE, "Назарбаев Интеллектуальная школа %sг. %s%s", t->ru, s->city_ru,
		 t->tail_ru);
	snprintf(en, NAMES_TITLE, "Nazarbayev Intellectual School %sin %s%s", t->en, s->city_en,
		 t->tail_en);
}

void names_school_domain(const struct names_school *s, char *out, size_t size)
{
	char code[16];
	size_t n = 0;
	for (const char *c = s->code; *c && n + 1 < sizeof code; c++)
		if (*c != '-')
			code[n++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + ('a' - 'A') : *c);
	code[n] = '\0';
	snprintf(out, size, "%s.nis.edu.kz", code);
}

/* The subjects of the NIS-Programme in grades 7–12 (the IB school teaches the same
 * subjects under its own programme). */
const struct names_subject names_subjects[] = {
	{"kazakh_language", "Қазақ тілі", "Казахский язык", "Kazakh Language"},
	{"kazakh_literature", "Қазақ әдебиеті", "Казахская литература", "Kazakh Literature"},
	{"russian_language", "Орыс тілі", "Русский язык", "Russian Language"},
	{"russian_literature", "Орыс әдебиеті", "Русская литература", "Russian Literature"},
	{"english", "Ағылшын тілі", "Английский язык", "English"},
	{"mathematics", "Математика", "Математика", "Mathematics"},
	{"algebra", "Алгебра", "Алгебра", "Algebra"},
	{"geometry", "Геометрия", "Геометрия", "Geometry"},
	{"physics", "Физика", "Физика", "Physics"},
	{"chemistry", "Химия", "Химия", "Chemistry"},
	{"biology", "Биология", "Биология", "Biology"},
	{"geography", "География", "География", "Geography"},
	{"informatics", "Информатика", "Информатика", "Computer Science"},
	{"history_kazakhstan", "Қазақстан тарихы", "История Казахстана", "History of Kazakhstan"},
	{"world_history", "Дүниежүзі тарихы", "Всемирная история", "World History"},
	{"law_basics", "Құқық негіздері", "Основы права", "Fundamentals of Law"},
	{"economics", "Экономика", "Экономика", "Economics"},
	{"global_perspectives", "Жаһандық перспективалар және жобалық жұмыс",
	 "Глобальные перспективы и проектные работы", "Global Perspectives and Project Work"},
	{"art", "Көркем еңбек", "Художественный труд", "Art and Design"},
	{"physical_education", "Дене шынықтыру", "Физическая культура", "Physical Education"},
	{"military_training", "Алғашқы әскери және технологиялық дайындық",
	 "Начальная военная и технологическая подготовка",
	 "Basic Military and Technological Training"},
	{NULL, NULL, NULL, NULL},
};
