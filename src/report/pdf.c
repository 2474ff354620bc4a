/* pdf (report) — the blocks of a document description on A4 pages; see pdf.h. The
 * document is laid out twice with the same code: once into nothing to count its pages,
 * then into the file with "n / N" at the foot of each page. Lengths are in points
 * (1/72 inch), cairo's unit on a PDF surface; pango sizes are absolute in those units. */
#include "report/pdf.h"

#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN_LEFT 70.87   /* 25 mm, the binding side of an office paper */
#define MARGIN_RIGHT 42.52  /* 15 mm */
#define MARGIN_TOP 56.69    /* 20 mm */
#define MARGIN_BOTTOM 62.0  /* room for the page number */
#define TEXT_W (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT)
#define BOTTOM (PAGE_H - MARGIN_BOTTOM)
#define CELL_PAD 3.0
#define FONT_FAMILY "Noto Sans, DejaVu Sans"
#define SIZE_TEXT 10.5
#define SIZE_SMALL 8.5
#define SIZE_HEADING 13.0

/* fontconfig, under pango, keeps the fonts' configuration it loaded for the life of the
 * process and frees it at no exit: the sanitizer build's leak checker is told so, and
 * still reports every other leak. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PDF_LEAK_CHECKER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PDF_LEAK_CHECKER 1
#endif
#ifdef PDF_LEAK_CHECKER
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}
#endif

struct pdf {
	cairo_t *cr;
	double y;    /* where the next block starts on the current page */
	int page;    /* the current page, from 1 */
	int total;   /* pages of the document when known (second pass), else 0 */
	int broken;  /* a malformed block was met */
};

struct text_style {
	double size;
	int bold, italic, justify;
	PangoAlignment align;
	double indent;
};

static const char *text_of(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static double number_of(json_t *o, const char *key, double dflt)
{
	json_t *v = json_object_get(o, key);
	return json_is_number(v) ? json_number_value(v) : dflt;
}

static PangoLayout *layout_new(struct pdf *p, const char *text, double width, const struct text_style *s)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_from_string(FONT_FAMILY);
	pango_font_description_set_absolute_size(fd, s->size * PANGO_SCALE);
	if (s->bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	if (s->italic)
		pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, s->align);
	pango_layout_set_justify(l, s->justify);
	pango_layout_set_indent(l, (int)(s->indent * PANGO_SCALE));
	pango_layout_set_text(l, text, -1);
	return l;
}

static double layout_height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void footer(struct pdf *p)
{
	if (p->total < 2)
		return;
	char text[32];
	snprintf(text, sizeof text, "%d / %d", p->page, p->total);
	struct text_style s = {.size = SIZE_SMALL, .align = PANGO_ALIGN_CENTER};
	PangoLayout *l = layout_new(p, text, TEXT_W, &s);
	cairo_move_to(p->cr, MARGIN_LEFT, PAGE_H - MARGIN_BOTTOM + 24);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

static void new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN_TOP;
}

/* Draws a laid-out text at x from p->y line by line, carrying the lines that do not fit
 * onto the next page; p->y ends under the last line. */
static void draw_lines(struct pdf *p, PangoLayout *l, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double top = p->y, offset = 0, end = p->y;
	do {
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		double ly = (double)logical.y / PANGO_SCALE, lh = (double)logical.height / PANGO_SCALE;
		if (top + ly - offset + lh > BOTTOM && top + ly - offset > MARGIN_TOP + 0.5) {
			new_page(p);
			top = p->y;
			offset = ly;
		}
		double baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		cairo_move_to(p->cr, x + (double)logical.x / PANGO_SCALE, top + baseline - offset);
		pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		end = top + ly + lh - offset;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	p->y = end;
}

static struct text_style style_of(json_t *b)
{
	struct text_style s = {.size = number_of(b, "size", SIZE_TEXT), .align = PANGO_ALIGN_LEFT};
	if (json_is_true(json_object_get(b, "small"))) {
		s.size = SIZE_SMALL;
		s.italic = 1;
	}
	s.bold = json_is_true(json_object_get(b, "bold"));
	s.italic = s.italic || json_is_true(json_object_get(b, "italic"));
	s.indent = number_of(b, "indent", 0);
	const char *align = text_of(b, "align");
	if (strcmp(align, "right") == 0)
		s.align = PANGO_ALIGN_RIGHT;
	else if (strcmp(align, "center") == 0)
		s.align = PANGO_ALIGN_CENTER;
	else if (strcmp(align, "justify") == 0)
		s.justify = 1;
	return s;
}

/* A paragraph (or a string, as plain text) at x, width wide; then the space after it. */
static void paragraph(struct pdf *p, json_t *b, double x, double width)
{
	struct text_style s = style_of(b);
	const char *text = json_is_string(b) ? json_string_value(b) : text_of(b, "text");
	PangoLayout *l = layout_new(p, text, width, &s);
	/* a part's heading keeps with what follows it: "keep" points of room under it */
	double keep = number_of(b, "keep", 0);
	if (keep > 0 && p->y + layout_height(l) + keep > BOTTOM && p->y > MARGIN_TOP + 0.5)
		new_page(p);
	draw_lines(p, l, x);
	g_object_unref(l);
	p->y += number_of(b, "after", s.size < SIZE_TEXT ? 1.5 : 4.0);
}

static void heading(struct pdf *p, json_t *b)
{
	struct text_style s = {.size = number_of(b, "size", SIZE_HEADING), .bold = 1, .align = PANGO_ALIGN_CENTER};
	PangoLayout *l = layout_new(p, text_of(b, "text"), TEXT_W, &s);
	/* a heading is not left alone at the foot of a page */
	if (p->y + layout_height(l) + 3 * SIZE_TEXT > BOTTOM && p->y > MARGIN_TOP)
		new_page(p);
	p->y += 4;
	draw_lines(p, l, MARGIN_LEFT);
	g_object_unref(l);
	p->y += 8;
}

static void block_right(struct pdf *p, json_t *b)
{
	size_t i;
	json_t *line;
	json_array_foreach(json_object_get(b, "lines"), i, line)
		paragraph(p, line, MARGIN_LEFT + TEXT_W * 0.48, TEXT_W * 0.52);
	p->y += 6;
}

/* One row of a table: the cells laid out, their height, then drawn with borders. A row
 * that does not fit goes to the next page, under the header again. */
static void table_row(struct pdf *p, json_t *cells, const double *w, size_t n, double size, int bold,
		      json_t *header, double min_h, json_t *aligns)
{
	PangoLayout *l[n];
	double h = min_h;
	/* a header's bold words a little smaller, so that they keep whole in narrow columns */
	struct text_style s = {.size = bold ? size * 0.9 : size, .bold = bold};
	for (size_t c = 0; c < n; c++) {
		json_t *cell = json_array_get(cells, c);
		const char *align = json_string_value(json_array_get(aligns, c));
		s.align = bold ? PANGO_ALIGN_CENTER
			: align && strcmp(align, "right") == 0 ? PANGO_ALIGN_RIGHT
			: align && strcmp(align, "center") == 0 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
		l[c] = layout_new(p, json_is_string(cell) ? json_string_value(cell) : "", w[c] - 2 * CELL_PAD, &s);
		double ch = layout_height(l[c]) + 2 * CELL_PAD;
		if (ch > h)
			h = ch;
	}
	if (p->y + h > BOTTOM && p->y > MARGIN_TOP + 0.5) {
		new_page(p);
		if (header)
			table_row(p, header, w, n, size, 1, NULL, 0, NULL);
	}
	double x = MARGIN_LEFT;
	cairo_set_line_width(p->cr, 0.6);
	for (size_t c = 0; c < n; c++) {
		if (bold) {
			cairo_set_source_rgb(p->cr, 0.92, 0.92, 0.92);
			cairo_rectangle(p->cr, x, p->y, w[c], h);
			cairo_fill(p->cr);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
		}
		cairo_rectangle(p->cr, x, p->y, w[c], h);
		cairo_stroke(p->cr);
		cairo_move_to(p->cr, x + CELL_PAD, p->y + CELL_PAD);
		pango_cairo_show_layout(p->cr, l[c]);
		g_object_unref(l[c]);
		x += w[c];
	}
	p->y += h;
}

static void table(struct pdf *p, json_t *b)
{
	json_t *widths = json_object_get(b, "widths"), *header = json_object_get(b, "header"),
	       *rows = json_object_get(b, "rows");
	size_t n = json_array_size(widths);
	if (n == 0 || n > 32 || (header && json_array_size(header) != n)) {
		p->broken = 1;
		return;
	}
	double w[32], sum = 0, size = number_of(b, "size", 9.5);
	for (size_t c = 0; c < n; c++)
		sum += (w[c] = json_number_value(json_array_get(widths, c)));
	if (sum <= 0) {
		p->broken = 1;
		return;
	}
	for (size_t c = 0; c < n; c++)
		w[c] = w[c] / sum * TEXT_W;
	/* the header does not stand alone at the foot of a page */
	if (p->y + 6 * size > BOTTOM && p->y > MARGIN_TOP)
		new_page(p);
	if (header)
		table_row(p, header, w, n, size, 1, NULL, 0, NULL);
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row)
		table_row(p, row, w, n, size, 0, header, number_of(b, "row_height", 0), json_object_get(b, "align"));
	p->y += 8;
}

/* label ____________ name, the caption ("(қолы)") small under the line. */
static void signature(struct pdf *p, json_t *b)
{
	struct text_style s = {.size = SIZE_TEXT, .align = PANGO_ALIGN_LEFT};
	struct text_style cap = {.size = SIZE_SMALL, .italic = 1, .align = PANGO_ALIGN_CENTER};
	double label_w = TEXT_W * 0.36, line_x = MARGIN_LEFT + TEXT_W * 0.38, line_w = TEXT_W * 0.24,
	       name_x = line_x + line_w + 8, name_w = MARGIN_LEFT + TEXT_W - name_x;
	PangoLayout *label = layout_new(p, text_of(b, "label"), label_w, &s);
	PangoLayout *name = layout_new(p, text_of(b, "name"), name_w, &s);
	/* the caption may run a little past both ends of the line, not onto two lines */
	PangoLayout *caption = layout_new(p, text_of(b, "caption"), line_w + 40, &cap);
	double h1 = layout_height(label), h2 = layout_height(name);
	double h = (h1 > h2 ? h1 : h2) + layout_height(caption) + 4;
	if (p->y + h > BOTTOM && p->y > MARGIN_TOP + 0.5)
		new_page(p);
	/* the line sits on the baseline of the label's last line */
	double base = p->y + (h1 > h2 ? h1 : h2) - 3;
	cairo_move_to(p->cr, MARGIN_LEFT, p->y + (h1 > h2 ? 0 : h2 - h1));
	pango_cairo_show_layout(p->cr, label);
	cairo_move_to(p->cr, name_x, p->y + (h2 > h1 ? 0 : h1 - h2));
	pango_cairo_show_layout(p->cr, name);
	cairo_set_line_width(p->cr, 0.6);
	cairo_move_to(p->cr, line_x, base);
	cairo_line_to(p->cr, line_x + line_w, base);
	cairo_stroke(p->cr);
	cairo_move_to(p->cr, line_x - 20, base + 1);
	pango_cairo_show_layout(p->cr, caption);
	g_object_unref(label);
	g_object_unref(name);
	g_object_unref(caption);
	p->y += h + 8;
}

static void block(struct pdf *p, json_t *b)
{
	const char *type = text_of(b, "type");
	if (strcmp(type, "heading") == 0)
		heading(p, b);
	else if (strcmp(type, "paragraph") == 0)
		paragraph(p, b, MARGIN_LEFT, TEXT_W);
	else if (strcmp(type, "block_right") == 0)
		block_right(p, b);
	else if (strcmp(type, "table") == 0)
		table(p, b);
	else if (strcmp(type, "signature") == 0)
		signature(p, b);
	else if (strcmp(type, "space") == 0)
		p->y += number_of(b, "height", SIZE_TEXT);
	else if (strcmp(type, "page_break") == 0)
		new_page(p);
	else
		p->broken = 1;
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t to_nothing(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure, (void)data, (void)len;
	return CAIRO_STATUS_SUCCESS;
}

/* Lays the blocks out on a PDF surface writing through `write`; returns the pages, or
 * -1. */
static int render(json_t *blocks, cairo_write_func_t write, void *closure, int total)
{
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(write, closure, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Mektep");
	struct pdf p = {.cr = cairo_create(surface), .y = MARGIN_TOP, .page = 1, .total = total};
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	size_t i;
	json_t *b;
	json_array_foreach(blocks, i, b)
		block(&p, b);
	footer(&p);
	cairo_show_page(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(surface);
	int bad = p.broken || cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(surface);
	return bad ? -1 : p.page;
}

int pdf_render(json_t *blocks, struct buf *out, int *pages)
{
	if (!json_is_array(blocks))
		return -1;
	int total = render(blocks, to_nothing, NULL, 0);
	if (total < 0 || render(blocks, to_buf, out, total) != total)
		return -1;
	if (pages)
		*pages = total;
	return 0;
}
