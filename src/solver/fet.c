/* FET files in and out (fet.h), with a small XML reader of its own. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "solver/fet.h"
#include "solver/model_int.h"

/* --- a small XML tree --- */

struct xn {
	char *name;     /* in the copied text, NUL-terminated */
	char *text;     /* the element's own text (entities decoded, trimmed), or "" */
	int child, next; /* first child, next sibling: node indexes, -1 none */
};

struct xml {
	char *buf;
	struct xn *n;
	int nn, cap;
};

static int xml_node(struct xml *x)
{
	if (x->nn == x->cap) {
		int c = x->cap ? x->cap * 2 : 1024;
		struct xn *p = realloc(x->n, (size_t)c * sizeof *p);
		if (!p)
			return -1;
		x->n = p;
		x->cap = c;
	}
	x->n[x->nn] = (struct xn){NULL, NULL, -1, -1};
	return x->nn++;
}

/* Decodes entities of [s, e) in place into s; returns the new end. */
static char *decode(char *s, char *e)
{
	char *w = s;
	for (char *r = s; r < e;) {
		if (*r != '&') {
			*w++ = *r++;
			continue;
		}
		char *semi = memchr(r, ';', (size_t)(e - r));
		if (!semi) {
			*w++ = *r++;
			continue;
		}
		size_t k = (size_t)(semi - r - 1);
		const char *ent = r + 1;
		unsigned long cp = 0;
		int ok = 1;
		if (k == 3 && !memcmp(ent, "amp", 3))
			cp = '&';
		else if (k == 2 && !memcmp(ent, "lt", 2))
			cp = '<';
		else if (k == 2 && !memcmp(ent, "gt", 2))
			cp = '>';
		else if (k == 4 && !memcmp(ent, "quot", 4))
			cp = '"';
		else if (k == 4 && !memcmp(ent, "apos", 4))
			cp = '\'';
		else if (k >= 2 && ent[0] == '#') {
			char tmp[16];
			if (k >= sizeof tmp)
				ok = 0;
			else {
				memcpy(tmp, ent + 1, k - 1);
				tmp[k - 1] = 0;
				char *end;
				cp = (tmp[0] == 'x' || tmp[0] == 'X') ? strtoul(tmp + 1, &end, 16) : strtoul(tmp, &end, 10);
				ok = *end == 0 && cp > 0 && cp < 0x110000;
			}
		} else
			ok = 0;
		if (!ok) {
			*w++ = *r++;
			continue;
		}
		if (cp < 0x80)
			*w++ = (char)cp;
		else if (cp < 0x800) {
			*w++ = (char)(0xC0 | cp >> 6);
			*w++ = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			*w++ = (char)(0xE0 | cp >> 12);
			*w++ = (char)(0x80 | (cp >> 6 & 0x3F));
			*w++ = (char)(0x80 | (cp & 0x3F));
		} else {
			*w++ = (char)(0xF0 | cp >> 18);
			*w++ = (char)(0x80 | (cp >> 12 & 0x3F));
			*w++ = (char)(0x80 | (cp >> 6 & 0x3F));
			*w++ = (char)(0x80 | (cp & 0x3F));
		}
		r = semi + 1;
	}
	return w;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

#define XML_DEPTH 64

/* Parses the text (copied) into a tree whose root is node 0: 0, or -1 with err. */
static int xml_parse(struct xml *x, const char *src, size_t len, char *err, size_t errlen)
{
	x->buf = malloc(len + 1);
	if (!x->buf) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memcpy(x->buf, src, len);
	x->buf[len] = 0;
	int stack[XML_DEPTH], last_child[XML_DEPTH], depth = 0;
	char *text_start[XML_DEPTH];
	char *p = x->buf, *end = x->buf + len;
	int root = -1;
	while (p < end) {
		char *lt = memchr(p, '<', (size_t)(end - p));
		if (!lt)
			break;
		p = lt;
		if (!strncmp(p, "<?", 2)) {
			char *q = strstr(p, "?>");
			if (!q)
				goto bad;
			p = q + 2;
			continue;
		}
		if (!strncmp(p, "<!--", 4)) {
			char *q = strstr(p, "-->");
			if (!q)
				goto bad;
			p = q + 3;
			continue;
		}
		if (!strncmp(p, "<![CDATA[", 9)) {
			char *q = strstr(p, "]]>");
			if (!q)
				goto bad;
			p = q + 3;
			continue;
		}
		if (!strncmp(p, "<!", 2)) {
			char *q = strchr(p, '>');
			if (!q)
				goto bad;
			p = q + 1;
			continue;
		}
		if (p[1] == '/') {
			/* closing tag: the text of the element is what lies between */
			char *q = strchr(p, '>');
			if (!q || depth == 0)
				goto bad;
			int e = stack[depth - 1];
			char *nm = p + 2, *ne = nm;
			while (ne < q && !is_space(*ne))
				ne++;
			if ((size_t)(ne - nm) != strlen(x->n[e].name) || strncmp(nm, x->n[e].name, (size_t)(ne - nm)))
				goto bad;
			if (x->n[e].child < 0) {
				char *ts = text_start[depth - 1], *te = p;
				while (ts < te && is_space(*ts))
					ts++;
				while (te > ts && is_space(te[-1]))
					te--;
				te = decode(ts, te);
				*te = 0;
				x->n[e].text = ts;
			}
			depth--;
			p = q + 1;
			continue;
		}
		/* opening tag */
		char *q = strchr(p, '>');
		if (!q)
			goto bad;
		int selfclose = q[-1] == '/';
		char *nm = p + 1, *ne = nm;
		while (ne < q && !is_space(*ne) && *ne != '/')
			ne++;
		int id = xml_node(x);
		if (id < 0) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		*ne = 0; /* the name ends here (a space, '/' or '>' we no longer need) */
		x->n[id].name = nm;
		x->n[id].text = "";
		if (depth == 0) {
			if (root >= 0)
				goto bad;
			root = id;
		} else {
			int par = stack[depth - 1];
			if (last_child[depth - 1] < 0)
				x->n[par].child = id;
			else
				x->n[last_child[depth - 1]].next = id;
			last_child[depth - 1] = id;
		}
		p = q + 1;
		if (!selfclose) {
			if (depth == XML_DEPTH)
				goto bad;
			stack[depth] = id;
			last_child[depth] = -1;
			text_start[depth] = p;
			depth++;
		}
	}
	if (depth != 0 || root != 0)
		goto bad;
	return 0;
bad:
	snprintf(err, errlen, "malformed XML near byte %ld", (long)(p - x->buf));
	return -1;
}

static int xchild(const struct xml *x, int node, const char *name)
{
	for (int c = node >= 0 ? x->n[node].child : -1; c >= 0; c = x->n[c].next)
		if (!strcmp(x->n[c].name, name))
			return c;
	return -1;
}

static const char *xtext(const struct xml *x, int node, const char *name)
{
	int c = xchild(x, node, name);
	return c >= 0 ? x->n[c].text : NULL;
}

static int xint(const struct xml *x, int node, const char *name, int dflt)
{
	const char *t = xtext(x, node, name);
	return t && *t ? atoi(t) : dflt;
}

/* --- names --- */

struct names {
	char **v;
	int n, cap;
};

static int names_add(struct names *s, const char *name)
{
	if (s->n == s->cap) {
		int c = s->cap ? s->cap * 2 : 64;
		char **p = realloc(s->v, (size_t)c * sizeof *p);
		if (!p)
			return -1;
		s->v = p;
		s->cap = c;
	}
	s->v[s->n] = strdup(name ? name : "");
	return s->v[s->n] ? s->n++ : -1;
}

static int names_find(const struct names *s, const char *name)
{
	for (int i = 0; name && i < s->n; i++)
		if (!strcmp(s->v[i], name))
			return i;
	return -1;
}

static void names_free(struct names *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

/* --- the handle --- */

/* A students set's name and the classes (atoms) it stands for. */
struct sset {
	char *name;
	int c0, n;     /* into fet.sset_cls */
};

struct sv_fet {
	struct sv_model *m;
	struct names days, hours, subjects, teachers, rooms;
	struct sset *ss;
	int nss;
	int *sset_cls, n_sset_cls;
	int n_student_classes;     /* classes of the students list (not of student-less activities) */
	char unsupported[1024];
};

struct sv_model *sv_fet_model(struct sv_fet *f)
{
	return f->m;
}

const char *sv_fet_unsupported(const struct sv_fet *f)
{
	return f->unsupported;
}

void sv_fet_free(struct sv_fet *f)
{
	if (!f)
		return;
	sv_model_free(f->m);
	names_free(&f->days);
	names_free(&f->hours);
	names_free(&f->subjects);
	names_free(&f->teachers);
	names_free(&f->rooms);
	for (int i = 0; i < f->nss; i++)
		free(f->ss[i].name);
	free(f->ss);
	free(f->sset_cls);
	free(f);
}

static void unsupported(struct sv_fet *f, const char *kind)
{
	size_t k = strlen(kind), have = strlen(f->unsupported);
	/* each kind once */
	for (const char *p = f->unsupported; (p = strstr(p, kind)) != NULL; p += k)
		if ((p == f->unsupported || p[-1] == ' ') && (p[k] == ',' || p[k] == 0))
			return;
	if (have + k + 3 < sizeof f->unsupported)
		snprintf(f->unsupported + have, sizeof f->unsupported - have, "%s%s", have ? ", " : "", kind);
}

static int sset_find(const struct sv_fet *f, const char *name)
{
	for (int i = 0; name && i < f->nss; i++)
		if (!strcmp(f->ss[i].name, name))
			return i;
	return -1;
}

/* Adds a students set standing for classes [c0, c0 + n) of sset_cls. */
static int sset_add(struct sv_fet *f, const char *name, int c0, int n)
{
	if (sset_find(f, name) >= 0)
		return 0; /* a subgroup named again in another group: the same */
	struct sset *p = realloc(f->ss, ((size_t)f->nss + 1) * sizeof *p);
	if (!p)
		return -1;
	f->ss = p;
	f->ss[f->nss].name = strdup(name);
	if (!f->ss[f->nss].name)
		return -1;
	f->ss[f->nss].c0 = c0;
	f->ss[f->nss].n = n;
	f->nss++;
	return 0;
}

static int cls_push(struct sv_fet *f, int c)
{
	int *p = realloc(f->sset_cls, ((size_t)f->n_sset_cls + 1) * sizeof *p);
	if (!p)
		return -1;
	f->sset_cls = p;
	f->sset_cls[f->n_sset_cls++] = c;
	return 0;
}

/* The class of an atom's name, made on first sight. */
static int atom_class(struct sv_fet *f, struct names *atoms, const char *name)
{
	int i = names_find(atoms, name);
	if (i >= 0)
		return i;
	if (names_add(atoms, name) < 0)
		return -1;
	return sv_class(f->m, name, 0, SV_NO_LIMIT);
}

static int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* Day and hour of a <Not_Available_Time>-like node: 0, or -1. */
static int day_hour(const struct sv_fet *f, const struct xml *x, int node, int *d, int *h)
{
	*d = names_find(&f->days, xtext(x, node, "Day"));
	*h = names_find(&f->hours, xtext(x, node, "Hour"));
	return *d >= 0 && *h >= 0 ? 0 : -1;
}

/* Whether element `node` has a child `name` whose text is `text`. */
static int has_child_text(const struct xml *x, int node, const char *name, const char *text)
{
	for (int q = node >= 0 ? x->n[node].child : -1; q >= 0; q = x->n[q].next)
		if (!strcmp(x->n[q].name, name) && !strcmp(x->n[q].text, text))
			return 1;
	return 0;
}

/* How many children `name` element `node` has. */
static int count_children(const struct xml *x, int node, const char *name)
{
	int n = 0;
	for (int q = node >= 0 ? x->n[node].child : -1; q >= 0; q = x->n[q].next)
		n += !strcmp(x->n[q].name, name);
	return n;
}

/* Whether activity node `a` passes the filters of constraint `c` (FET's Teacher_Name,
 * Students_Name, Subject_Name, Activity_Tag_Name, Duration: each empty or equal). */
static int activity_matches(const struct xml *x, int c, int a)
{
	const char *t = xtext(x, c, "Teacher_Name"), *st = xtext(x, c, "Students_Name");
	const char *su = xtext(x, c, "Subject_Name"), *tag = xtext(x, c, "Activity_Tag_Name");
	const char *dur = xtext(x, c, "Duration");
	if (a < 0)
		return 0;
	if (t && *t && !has_child_text(x, a, "Teacher", t))
		return 0;
	if (st && *st && !has_child_text(x, a, "Students", st))
		return 0;
	if (su && *su && !has_child_text(x, a, "Subject", su))
		return 0;
	if (tag && *tag && !has_child_text(x, a, "Activity_Tag", tag))
		return 0;
	if (dur && *dur && xint(x, a, "Duration", 1) != atoi(dur))
		return 0;
	return 1;
}

static int build(struct sv_fet *f, const struct xml *x, char *err, size_t errlen)
{
	int root = 0;
	if (strcmp(x->n[root].name, "fet"))
		return fail(err, errlen, "not a FET file (root <%s>)", x->n[root].name);
	int dl = xchild(x, root, "Days_List"), hl = xchild(x, root, "Hours_List");
	for (int c = dl >= 0 ? x->n[dl].child : -1; c >= 0; c = x->n[c].next)
		if (!strcmp(x->n[c].name, "Day") && names_add(&f->days, xtext(x, c, "Name")) < 0)
			return fail(err, errlen, "out of memory");
	for (int c = hl >= 0 ? x->n[hl].child : -1; c >= 0; c = x->n[c].next)
		if (!strcmp(x->n[c].name, "Hour") && names_add(&f->hours, xtext(x, c, "Name")) < 0)
			return fail(err, errlen, "out of memory");
	f->m = sv_model_new(f->days.n, f->hours.n);
	if (!f->m)
		return fail(err, errlen, "%d days × %d hours: not supported (1..%d × 1..%d)", f->days.n, f->hours.n,
			    SV_MAX_DAYS, SV_MAX_PERIODS);
	struct sv_model *m = f->m;
	m->rules.students_no_gaps = 0;
	m->rules.students_early = 0;
	int l = xchild(x, root, "Subjects_List");
	for (int c = l >= 0 ? x->n[l].child : -1; c >= 0; c = x->n[c].next)
		if (!strcmp(x->n[c].name, "Subject")) {
			if (names_add(&f->subjects, xtext(x, c, "Name")) < 0 ||
			    sv_subject(m, xtext(x, c, "Name"), SV_NO_LIMIT, 0) < 0)
				return fail(err, errlen, "out of memory");
		}
	l = xchild(x, root, "Teachers_List");
	for (int c = l >= 0 ? x->n[l].child : -1; c >= 0; c = x->n[c].next)
		if (!strcmp(x->n[c].name, "Teacher")) {
			if (names_add(&f->teachers, xtext(x, c, "Name")) < 0 ||
			    sv_teacher(m, xtext(x, c, "Name"), SV_NO_LIMIT) < 0)
				return fail(err, errlen, "out of memory");
		}
	l = xchild(x, root, "Rooms_List");
	for (int c = l >= 0 ? x->n[l].child : -1; c >= 0; c = x->n[c].next)
		if (!strcmp(x->n[c].name, "Room")) {
			if (names_add(&f->rooms, xtext(x, c, "Name")) < 0 || sv_room(m, xtext(x, c, "Name")) < 0)
				return fail(err, errlen, "out of memory");
		}
	/* students: every subgroup (or group without, or year without groups) is a class */
	struct names atoms = {0};
	l = xchild(x, root, "Students_List");
	for (int y = l >= 0 ? x->n[l].child : -1; y >= 0; y = x->n[y].next) {
		if (strcmp(x->n[y].name, "Year"))
			continue;
		int y0 = f->n_sset_cls;
		for (int g = x->n[y].child; g >= 0; g = x->n[g].next) {
			if (strcmp(x->n[g].name, "Group"))
				continue;
			int g0 = f->n_sset_cls;
			for (int s = x->n[g].child; s >= 0; s = x->n[s].next) {
				if (strcmp(x->n[s].name, "Subgroup"))
					continue;
				int c = atom_class(f, &atoms, xtext(x, s, "Name"));
				if (c < 0 || cls_push(f, c))
					goto nomem;
			}
			if (f->n_sset_cls == g0) {
				int c = atom_class(f, &atoms, xtext(x, g, "Name"));
				if (c < 0 || cls_push(f, c))
					goto nomem;
			}
		}
		if (f->n_sset_cls == y0) {
			int c = atom_class(f, &atoms, xtext(x, y, "Name"));
			if (c < 0 || cls_push(f, c))
				goto nomem;
		}
		/* the sets: the year (all its classes), each group, each subgroup */
		if (sset_add(f, xtext(x, y, "Name") ? xtext(x, y, "Name") : "", y0, f->n_sset_cls - y0))
			goto nomem;
		int k = y0;
		for (int g = x->n[y].child; g >= 0; g = x->n[g].next) {
			if (strcmp(x->n[g].name, "Group"))
				continue;
			int g0 = k, ns = 0;
			for (int s = x->n[g].child; s >= 0; s = x->n[s].next)
				if (!strcmp(x->n[s].name, "Subgroup")) {
					if (sset_add(f, xtext(x, s, "Name"), k, 1))
						goto nomem;
					k++;
					ns++;
				}
			if (!ns)
				k++;
			if (sset_add(f, xtext(x, g, "Name"), g0, k - g0))
				goto nomem;
		}
	}
	names_free(&atoms);
	atoms = (struct names){0};
	f->n_student_classes = m->n_classes;
	/* rooms per subject and per activity (space constraints come after the activities) */
	int nsub = f->subjects.n;
	int *subj_room_node = malloc(((size_t)nsub + 1) * sizeof(int));
	if (!subj_room_node)
		goto nomem;
	for (int i = 0; i < nsub; i++)
		subj_room_node[i] = -1;
	int sl = xchild(x, root, "Space_Constraints_List");
	for (int c = sl >= 0 ? x->n[sl].child : -1; c >= 0; c = x->n[c].next) {
		const char *k = x->n[c].name;
		const char *act = xtext(x, c, "Active");
		if (act && !strcmp(act, "false"))
			continue;
		if (!strcmp(k, "ConstraintSubjectPreferredRooms") || !strcmp(k, "ConstraintSubjectPreferredRoom")) {
			int s = names_find(&f->subjects, xtext(x, c, "Subject"));
			if (s >= 0)
				subj_room_node[s] = c;
		} else if (strcmp(k, "ConstraintBasicCompulsorySpace") && strcmp(k, "ConstraintActivityPreferredRooms") &&
			   strcmp(k, "ConstraintActivityPreferredRoom") && strcmp(k, "ConstraintTeacherHomeRoom") &&
			   strcmp(k, "ConstraintStudentsSetHomeRoom")) {
			unsupported(f, k);
		}
	}
	/* activities */
	int idmax = 0;
	l = xchild(x, root, "Activities_List");
	for (int c = l >= 0 ? x->n[l].child : -1; c >= 0; c = x->n[c].next)
		if (!strcmp(x->n[c].name, "Activity") && xint(x, c, "Id", 0) > idmax)
			idmax = xint(x, c, "Id", 0);
	int *act_of_id = malloc(((size_t)idmax + 1) * sizeof(int));
	int *tag_node = malloc(((size_t)idmax + 1) * sizeof(int));
	int *act_node = malloc(((size_t)idmax + 1) * sizeof(int));
	int tcap = 64, gcap = 64, rcap = 64;
	int *tl = malloc((size_t)tcap * sizeof(int)), *cl = malloc((size_t)gcap * sizeof(int));
	int *rl = malloc((size_t)rcap * sizeof(int));
	if (!act_of_id || !tag_node || !act_node || !tl || !cl || !rl) {
		free(subj_room_node);
		free(act_of_id);
		free(tag_node);
		free(act_node);
		free(tl);
		free(cl);
		free(rl);
		goto nomem;
	}
	int rc = 0;
	for (int i = 0; i <= idmax; i++)
		act_of_id[i] = tag_node[i] = act_node[i] = -1;
	for (int c = l >= 0 ? x->n[l].child : -1; c >= 0 && !rc; c = x->n[c].next) {
		if (strcmp(x->n[c].name, "Activity"))
			continue;
		const char *active = xtext(x, c, "Active");
		if (active && !strcmp(active, "false"))
			continue;
		int id = xint(x, c, "Id", 0), dur = xint(x, c, "Duration", 1);
		if (dur < 1 || dur > f->hours.n) {
			rc = fail(err, errlen, "activity %d: duration %d does not fit a day of %d hours", id, dur,
				  f->hours.n);
			break;
		}
		int nt = 0, nc = 0, nr = 0;
		for (int k = x->n[c].child; k >= 0 && !rc; k = x->n[k].next) {
			const char *kn = x->n[k].name;
			if (!strcmp(kn, "Teacher")) {
				int t = names_find(&f->teachers, x->n[k].text);
				if (t < 0)
					rc = fail(err, errlen, "activity %d: unknown teacher %s", id, x->n[k].text);
				else if (nt < tcap)
					tl[nt++] = t;
			} else if (!strcmp(kn, "Students")) {
				int s = sset_find(f, x->n[k].text);
				if (s < 0)
					rc = fail(err, errlen, "activity %d: unknown students %s", id, x->n[k].text);
				for (int i = 0; s >= 0 && i < f->ss[s].n; i++) {
					int cls = f->sset_cls[f->ss[s].c0 + i], dup = 0;
					for (int j = 0; j < nc; j++)
						dup |= cl[j] == cls;
					if (!dup && nc == gcap) {
						int *p = realloc(cl, (size_t)gcap * 2 * sizeof(int));
						if (!p) {
							rc = fail(err, errlen, "out of memory");
							break;
						}
						cl = p;
						gcap *= 2;
					}
					if (!dup)
						cl[nc++] = cls;
				}
			} else if (!strcmp(kn, "Activity_Tag")) {
				if (id >= 0 && id <= idmax)
					tag_node[id] = tag_node[id] < 0 ? k : tag_node[id];
			}
		}
		if (rc)
			break;
		int subj = names_find(&f->subjects, xtext(x, c, "Subject"));
		if (subj < 0) {
			rc = fail(err, errlen, "activity %d: unknown subject", id);
			break;
		}
		if (subj_room_node[subj] >= 0)
			for (int k = x->n[subj_room_node[subj]].child; k >= 0 && nr < rcap; k = x->n[k].next)
				if (!strcmp(x->n[k].name, "Preferred_Room") || !strcmp(x->n[k].name, "Room")) {
					int r = names_find(&f->rooms, x->n[k].text);
					if (r >= 0)
						rl[nr++] = r;
				}
		if (nc == 0) {
			/* an activity without students (FET allows it): a class of its own */
			char nm[40];
			snprintf(nm, sizeof nm, "(activity %d)", id);
			int cls = sv_class(m, nm, 0, SV_NO_LIMIT);
			if (cls < 0) {
				rc = fail(err, errlen, "out of memory");
				break;
			}
			cl[nc++] = cls;
		}
		struct sv_activity_spec spec = {subj, nt, tl, nc, cl, 0, NULL, nr, rl, id};
		int a = sv_activity(m, &spec);
		if (a < 0) {
			rc = fail(err, errlen, "activity %d: refused by the model", id);
			break;
		}
		if (dur > 1 && sv_activity_duration(m, a, dur)) {
			rc = fail(err, errlen, "activity %d: refused by the model", id);
			break;
		}
		if (id >= 0 && id <= idmax) {
			act_of_id[id] = a;
			act_node[id] = c;
		}
	}
	/* activity preferred rooms override the subject's */
	for (int c = sl >= 0 ? x->n[sl].child : -1; c >= 0 && !rc; c = x->n[c].next) {
		const char *k = x->n[c].name;
		const char *act = xtext(x, c, "Active");
		if ((act && !strcmp(act, "false")) ||
		    (strcmp(k, "ConstraintActivityPreferredRooms") && strcmp(k, "ConstraintActivityPreferredRoom")))
			continue;
		int id = xint(x, c, "Activity_Id", -1);
		if (id < 0 || id > idmax || act_of_id[id] < 0)
			continue;
		int a = act_of_id[id], nr = 0;
		int tmp[64];
		for (int q = x->n[c].child; q >= 0 && nr < 64; q = x->n[q].next)
			if (!strcmp(x->n[q].name, "Preferred_Room") || !strcmp(x->n[q].name, "Room")) {
				int r = names_find(&f->rooms, x->n[q].text);
				if (r >= 0)
					tmp[nr++] = r;
			}
		if (sv_activity_rooms(m, a, tmp, nr))
			rc = fail(err, errlen, "out of memory");
	}
	/* home rooms: the activities of a teacher (or students set) alone that need no other room */
	for (int c = sl >= 0 ? x->n[sl].child : -1; c >= 0 && !rc; c = x->n[c].next) {
		const char *k = x->n[c].name;
		const char *act = xtext(x, c, "Active");
		int teacher = !strcmp(k, "ConstraintTeacherHomeRoom");
		if ((act && !strcmp(act, "false")) || (!teacher && strcmp(k, "ConstraintStudentsSetHomeRoom")))
			continue;
		int room = names_find(&f->rooms, xtext(x, c, "Room"));
		const char *who = xtext(x, c, teacher ? "Teacher" : "Students");
		for (int id = 0; room >= 0 && who && id <= idmax && !rc; id++) {
			int a = act_of_id[id];
			/* as FET: only the activities of that teacher (students set) alone */
			if (a < 0 || m->act_nr[a] != 0 || count_children(x, act_node[id], teacher ? "Teacher" : "Students") != 1 ||
			    !has_child_text(x, act_node[id], teacher ? "Teacher" : "Students", who))
				continue;
			if (sv_activity_rooms(m, a, &room, 1))
				rc = fail(err, errlen, "out of memory");
		}
	}
	/* time constraints */
	int tcl = xchild(x, root, "Time_Constraints_List");
	for (int c = tcl >= 0 ? x->n[tcl].child : -1; c >= 0 && !rc; c = x->n[c].next) {
		const char *k = x->n[c].name;
		const char *act = xtext(x, c, "Active");
		if (act && !strcmp(act, "false"))
			continue;
		if (!strcmp(k, "ConstraintBasicCompulsoryTime") || !strcmp(k, "ConstraintMinDaysBetweenActivities"))
			continue; /* the latter: the solver's soft spread */
		if (!strcmp(k, "ConstraintTeacherNotAvailableTimes")) {
			int t = names_find(&f->teachers, xtext(x, c, "Teacher"));
			for (int q = x->n[c].child; t >= 0 && q >= 0; q = x->n[q].next) {
				int d, h;
				if (!strcmp(x->n[q].name, "Not_Available_Time") && !day_hour(f, x, q, &d, &h))
					sv_teacher_off(m, t, d, h);
			}
		} else if (!strcmp(k, "ConstraintStudentsMaxGapsPerWeek") && xint(x, c, "Max_Gaps", 1) == 0) {
			m->rules.students_no_gaps = 1;
		} else if (!strcmp(k, "ConstraintStudentsEarlyMaxBeginningsAtSecondHour") &&
			   xint(x, c, "Max_Beginnings_At_Second_Hour", 1) == 0) {
			m->rules.students_early = 1;
		} else if (!strcmp(k, "ConstraintStudentsMinHoursDaily")) {
			int v = xint(x, c, "Minimum_Hours_Daily", 0);
			for (int i = 0; i < f->n_student_classes; i++)
				m->class_min[i] = v;
		} else if (!strcmp(k, "ConstraintStudentsMaxHoursDaily")) {
			int v = xint(x, c, "Maximum_Hours_Daily", 0);
			for (int i = 0; v > 0 && i < f->n_student_classes; i++)
				m->class_max[i] = v;
		} else if (!strcmp(k, "ConstraintTeachersMaxGapsPerWeek")) {
			m->rules.teacher_max_gaps_week = xint(x, c, "Max_Gaps", SV_NO_LIMIT);
		} else if (!strcmp(k, "ConstraintTeachersMaxGapsPerDay")) {
			m->rules.teacher_max_gaps_day = xint(x, c, "Max_Gaps", SV_NO_LIMIT);
		} else if (!strcmp(k, "ConstraintTeachersMaxHoursDaily")) {
			int v = xint(x, c, "Maximum_Hours_Daily", 0);
			for (int i = 0; v > 0 && i < m->n_teachers; i++)
				m->teacher_max[i] = v;
		} else if (!strcmp(k, "ConstraintTeacherMaxHoursDaily")) {
			int t = names_find(&f->teachers, xtext(x, c, "Teacher_Name") ? xtext(x, c, "Teacher_Name")
										      : xtext(x, c, "Teacher"));
			int v = xint(x, c, "Maximum_Hours_Daily", 0);
			if (t >= 0 && v > 0)
				m->teacher_max[t] = v;
		} else if (!strcmp(k, "ConstraintStudentsActivityTagMaxHoursDaily")) {
			const char *tag = xtext(x, c, "Activity_Tag");
			int v = xint(x, c, "Maximum_Hours_Daily", 0);
			for (int id = 0; tag && v > 0 && id <= idmax; id++) {
				if (act_of_id[id] < 0 || tag_node[id] < 0)
					continue;
				/* any of the activity's tags */
				int has = 0;
				for (int q = tag_node[id]; q >= 0 && !has; q = x->n[q].next)
					has = !strcmp(x->n[q].name, "Activity_Tag") && !strcmp(x->n[q].text, tag);
				int s = m->act_subject[act_of_id[id]];
				if (has && (m->subject_max[s] == SV_NO_LIMIT || m->subject_max[s] > v))
					m->subject_max[s] = v;
			}
		} else if (!strcmp(k, "ConstraintStudentsSetNotAvailableTimes")) {
			int ss = sset_find(f, xtext(x, c, "Students"));
			for (int q = x->n[c].child; ss >= 0 && q >= 0; q = x->n[q].next) {
				int d, h;
				if (!strcmp(x->n[q].name, "Not_Available_Time") && !day_hour(f, x, q, &d, &h))
					for (int i = 0; i < f->ss[ss].n; i++)
						sv_class_off(m, f->sset_cls[f->ss[ss].c0 + i], d, h);
			}
		} else if (!strcmp(k, "ConstraintStudentsSetMinHoursDaily") ||
			   !strcmp(k, "ConstraintStudentsSetMaxHoursDaily")) {
			int ss = sset_find(f, xtext(x, c, "Students")), mn = strstr(k, "MinHours") != NULL;
			int v = xint(x, c, mn ? "Minimum_Hours_Daily" : "Maximum_Hours_Daily", 0);
			const char *empty = xtext(x, c, "Allow_Empty_Days");
			if (mn && empty && !strcmp(empty, "true")) {
				unsupported(f, "ConstraintStudentsSetMinHoursDaily (empty days allowed)");
				continue;
			}
			for (int i = 0; ss >= 0 && v > 0 && i < f->ss[ss].n; i++)
				(mn ? m->class_min : m->class_max)[f->sset_cls[f->ss[ss].c0 + i]] = v;
		} else if (!strcmp(k, "ConstraintTeacherMaxDaysPerWeek") || !strcmp(k, "ConstraintTeachersMaxDaysPerWeek") ||
			   !strcmp(k, "ConstraintTeacherMinHoursDaily") || !strcmp(k, "ConstraintTeachersMinHoursDaily") ||
			   !strcmp(k, "ConstraintTeacherMaxHoursContinuously") ||
			   !strcmp(k, "ConstraintTeachersMaxHoursContinuously")) {
			/* one teacher (ConstraintTeacher…) or all (ConstraintTeachers…) */
			int one = k[17] != 's', t0 = 0, t1 = m->n_teachers;
			if (one) {
				t0 = names_find(&f->teachers, xtext(x, c, "Teacher_Name") ? xtext(x, c, "Teacher_Name")
											  : xtext(x, c, "Teacher"));
				t1 = t0 + 1;
			}
			const char *empty = xtext(x, c, "Allow_Empty_Days");
			for (int t = t0; t >= 0 && t < t1; t++) {
				if (strstr(k, "MaxDaysPerWeek"))
					sv_teacher_max_days(m, t, xint(x, c, "Max_Days_Per_Week", SV_NO_LIMIT));
				else if (strstr(k, "MinHoursDaily"))
					sv_teacher_min_daily(m, t, xint(x, c, "Minimum_Hours_Daily", 0),
							     !empty || strcmp(empty, "false"));
				else
					sv_teacher_max_run(m, t, xint(x, c, "Maximum_Hours_Continuously", SV_MAX_PERIODS));
			}
		} else if (!strcmp(k, "ConstraintActivityEndsStudentsDay")) {
			int id = xint(x, c, "Activity_Id", -1);
			if (id >= 0 && id <= idmax && act_of_id[id] >= 0)
				sv_activity_ends_day(m, act_of_id[id]);
		} else if (!strcmp(k, "ConstraintActivitiesEndStudentsDay")) {
			for (int id = 0; id <= idmax; id++)
				if (act_of_id[id] >= 0 && activity_matches(x, c, act_node[id]))
					sv_activity_ends_day(m, act_of_id[id]);
		} else if (!strcmp(k, "ConstraintActivitiesPreferredTimeSlots") ||
			   !strcmp(k, "ConstraintActivityPreferredTimeSlots")) {
			/* every period of a matching activity inside the listed slots */
			uint32_t ok[SV_MAX_DAYS] = {0};
			for (int q = x->n[c].child; q >= 0; q = x->n[q].next)
				if (!strcmp(x->n[q].name, "Preferred_Time_Slot")) {
					int d = names_find(&f->days, xtext(x, q, "Preferred_Day"));
					int h = names_find(&f->hours, xtext(x, q, "Preferred_Hour"));
					if (d >= 0 && h >= 0)
						ok[d] |= 1u << h;
				}
			int single = k[18] == 'P', want = xint(x, c, "Activity_Id", -1);
			for (int id = 0; id <= idmax; id++) {
				if (act_of_id[id] < 0 || (single ? id != want : !activity_matches(x, c, act_node[id])))
					continue;
				for (int d = 0; d < f->days.n; d++)
					for (int h = 0; h < f->hours.n; h++)
						if (!(ok[d] >> h & 1))
							sv_activity_off(m, act_of_id[id], d, h);
			}
		} else if (!strcmp(k, "ConstraintActivityPreferredStartingTime")) {
			int id = xint(x, c, "Activity_Id", -1);
			int d = names_find(&f->days, xtext(x, c, "Preferred_Day"));
			int h = names_find(&f->hours, xtext(x, c, "Preferred_Hour"));
			if (id >= 0 && id <= idmax && act_of_id[id] >= 0 && d >= 0 && h >= 0)
				sv_lock(m, act_of_id[id], d, h);
		} else if (!strcmp(k, "ConstraintActivitiesSameStartingTime")) {
			int ids[256], n = 0;
			for (int q = x->n[c].child; q >= 0 && n < 256; q = x->n[q].next)
				if (!strcmp(x->n[q].name, "Activity_Id")) {
					int id = atoi(x->n[q].text);
					if (id >= 0 && id <= idmax && act_of_id[id] >= 0)
						ids[n++] = act_of_id[id];
				}
			if (n > 1)
				sv_same_time(m, ids, n);
		} else {
			unsupported(f, k);
		}
	}
	free(subj_room_node);
	free(act_of_id);
	free(tag_node);
	free(act_node);
	free(tl);
	free(cl);
	free(rl);
	return rc;
nomem:
	names_free(&atoms);
	return fail(err, errlen, "out of memory");
}

struct sv_fet *sv_fet_read(const char *text, size_t len, char *err, size_t errlen)
{
	struct xml x = {0};
	struct sv_fet *f = calloc(1, sizeof *f);
	if (!f) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (xml_parse(&x, text, len, err, errlen) || build(f, &x, err, errlen)) {
		sv_fet_free(f);
		f = NULL;
	}
	free(x.buf);
	free(x.n);
	return f;
}

/* --- a timetable back in --- */

int sv_fet_read_result(const struct sv_fet *f, const char *text, size_t len, struct sv_place *pl, char *err,
		       size_t errlen)
{
	struct xml x = {0};
	int rc = xml_parse(&x, text, len, err, errlen);
	const struct sv_model *m = f->m;
	for (int a = 0; a < m->n_acts; a++)
		pl[a] = (struct sv_place){-1, -1, -1};
	if (!rc && strcmp(x.n[0].name, "Activities_Timetable"))
		rc = fail(err, errlen, "not a FET timetable (root <%s>)", x.n[0].name);
	for (int c = rc ? -1 : x.n[0].child; c >= 0; c = x.n[c].next) {
		if (strcmp(x.n[c].name, "Activity"))
			continue;
		int64_t id = xint(&x, c, "Id", -1);
		int a = 0;
		while (a < m->n_acts && m->act_ext[a] != id)
			a++;
		if (a == m->n_acts)
			continue;
		pl[a].day = names_find(&f->days, xtext(&x, c, "Day"));
		pl[a].period = names_find(&f->hours, xtext(&x, c, "Hour"));
		pl[a].room = names_find(&f->rooms, xtext(&x, c, "Room"));
		if (pl[a].day < 0 || pl[a].period < 0)
			pl[a].day = pl[a].period = -1;
	}
	free(x.buf);
	free(x.n);
	return rc;
}

/* --- writing --- */

struct out {
	char *b;
	size_t n, cap;
	int fail;
};

static void put(struct out *o, const char *s, size_t k)
{
	if (o->fail)
		return;
	if (o->n + k + 1 > o->cap) {
		size_t c = o->cap ? o->cap * 2 : 65536;
		while (c < o->n + k + 1)
			c *= 2;
		char *p = realloc(o->b, c);
		if (!p) {
			o->fail = 1;
			return;
		}
		o->b = p;
		o->cap = c;
	}
	memcpy(o->b + o->n, s, k);
	o->n += k;
	o->b[o->n] = 0;
}

static void puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void put_esc(struct out *o, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			puts_(o, "&amp;");
			break;
		case '<':
			puts_(o, "&lt;");
			break;
		case '>':
			puts_(o, "&gt;");
			break;
		case '"':
			puts_(o, "&quot;");
			break;
		default:
			put(o, s, 1);
		}
	}
}

char *sv_fet_write(const struct sv_fet *f, const struct sv_place *pl, size_t *len)
{
	struct out o = {0};
	puts_(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Activities_Timetable>\n");
	for (int a = 0; a < f->m->n_acts; a++) {
		char num[32];
		snprintf(num, sizeof num, "%lld", (long long)f->m->act_ext[a]);
		puts_(&o, "<Activity>\n\t<Id>");
		puts_(&o, num);
		puts_(&o, "</Id>\n\t<Day>");
		if (pl[a].day >= 0 && pl[a].day < f->days.n)
			put_esc(&o, f->days.v[pl[a].day]);
		puts_(&o, "</Day>\n\t<Hour>");
		if (pl[a].period >= 0 && pl[a].period < f->hours.n)
			put_esc(&o, f->hours.v[pl[a].period]);
		puts_(&o, "</Hour>\n\t<Room>");
		if (pl[a].room >= 0 && pl[a].room < f->rooms.n)
			put_esc(&o, f->rooms.v[pl[a].room]);
		puts_(&o, "</Room>\n</Activity>\n");
	}
	puts_(&o, "</Activities_Timetable>\n");
	if (o.fail) {
		free(o.b);
		return NULL;
	}
	if (len)
		*len = o.n;
	return o.b;
}
