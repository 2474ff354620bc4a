/* xlsx_read — a small, bounded reader of .xlsx uploads: the ZIP central directory,
 * raw deflate through zlib, and just enough XML for shared strings and cells. */
#include "util/xlsx_read.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static uint32_t le16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const unsigned char *p) { return le16(p) | le16(p + 2) << 16; }

struct zip {
	const unsigned char *data;
	size_t len;
	size_t cd_offset; /* the central directory */
	uint32_t entries;
};

static int zip_open(struct zip *z, const void *data, size_t len)
{
	z->data = data;
	z->len = len;
	if (len < 22)
		return -1;
	/* The end record is in the last 22 + 65535 bytes (a comment may follow it). */
	size_t stop = len > 22 + 65535 ? len - 22 - 65535 : 0;
	for (size_t i = len - 22 + 1; i-- > stop;) {
		const unsigned char *p = z->data + i;
		if (le32(p) == 0x06054b50) {
			z->entries = le16(p + 10);
			z->cd_offset = le32(p + 16);
			return z->cd_offset < len ? 0 : -1;
		}
	}
	return -1;
}

/* Inflates the entry named `name` (exactly, or the first whose name starts with
 * `name` when prefix is set) into a malloc'd NUL-terminated buffer. */
static char *zip_read(const struct zip *z, const char *name, int prefix, size_t *out_len)
{
	size_t pos = z->cd_offset, want = strlen(name);
	for (uint32_t e = 0; e < z->entries; e++) {
		if (pos + 46 > z->len || le32(z->data + pos) != 0x02014b50)
			return NULL;
		const unsigned char *h = z->data + pos;
		uint32_t method = le16(h + 10), csize = le32(h + 20), usize = le32(h + 24);
		uint32_t nlen = le16(h + 28), xlen = le16(h + 30), clen = le16(h + 32);
		size_t local = le32(h + 42);
		const char *fname = (const char *)h + 46;
		if (pos + 46 + nlen > z->len)
			return NULL;
		pos += 46 + (size_t)nlen + xlen + clen;
		if (prefix ? (nlen < want || memcmp(fname, name, want) != 0)
			   : (nlen != want || memcmp(fname, name, want) != 0))
			continue;
		if (local + 30 > z->len || le32(z->data + local) != 0x04034b50)
			return NULL;
		size_t start = local + 30 + le16(z->data + local + 26) + le16(z->data + local + 28);
		if (start > z->len || csize > z->len - start || usize > XLSX_MAX_PART)
			return NULL;
		char *out = malloc((size_t)usize + 1);
		if (!out)
			return NULL;
		if (method == 0 && csize == usize) {
			memcpy(out, z->data + start, usize);
		} else if (method == 8) {
			z_stream s;
			memset(&s, 0, sizeof s);
			if (inflateInit2(&s, -MAX_WBITS) != Z_OK) {
				free(out);
				return NULL;
			}
			s.next_in = (Bytef *)(z->data + start);
			s.avail_in = csize;
			s.next_out = (Bytef *)out;
			s.avail_out = usize;
			int rc = inflate(&s, Z_FINISH);
			inflateEnd(&s);
			if (rc != Z_STREAM_END || s.total_out != usize) {
				free(out);
				return NULL;
			}
		} else {
			free(out);
			return NULL;
		}
		out[usize] = '\0';
		*out_len = usize;
		return out;
	}
	return NULL;
}

/* Appends XML text [p, end) with its entities decoded. */
static void add_text(struct buf *b, const char *p, const char *end)
{
	while (p < end) {
		if (*p != '&') {
			buf_addch(b, *p++);
			continue;
		}
		const char *semi = memchr(p, ';', (size_t)(end - p));
		if (!semi || semi - p > 10) {
			buf_addch(b, *p++);
			continue;
		}
		size_t n = (size_t)(semi - p + 1);
		if (n == 5 && !memcmp(p, "&amp;", 5)) buf_addch(b, '&');
		else if (n == 4 && !memcmp(p, "&lt;", 4)) buf_addch(b, '<');
		else if (n == 4 && !memcmp(p, "&gt;", 4)) buf_addch(b, '>');
		else if (n == 6 && !memcmp(p, "&quot;", 6)) buf_addch(b, '"');
		else if (n == 6 && !memcmp(p, "&apos;", 6)) buf_addch(b, '\'');
		else if (p[1] == '#') {
			unsigned long cp = p[2] == 'x' ? strtoul(p + 3, NULL, 16) : strtoul(p + 2, NULL, 10);
			unsigned char u[4];
			size_t k = 0;
			if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
			if (cp < 0x80) u[k++] = (unsigned char)cp;
			else if (cp < 0x800) { u[k++] = 0xC0 | (cp >> 6); u[k++] = 0x80 | (cp & 0x3F); }
			else if (cp < 0x10000) { u[k++] = 0xE0 | (cp >> 12); u[k++] = 0x80 | ((cp >> 6) & 0x3F); u[k++] = 0x80 | (cp & 0x3F); }
			else { u[k++] = 0xF0 | (cp >> 18); u[k++] = 0x80 | ((cp >> 12) & 0x3F); u[k++] = 0x80 | ((cp >> 6) & 0x3F); u[k++] = 0x80 | (cp & 0x3F); }
			buf_add(b, u, k);
		} else {
			buf_add(b, p, n);
		}
		p = semi + 1;
	}
}

/* Finds the next element `<tag` (followed by '>', ' ' or '/') in [p, end). */
static const char *find_tag(const char *p, const char *end, const char *tag)
{
	size_t n = strlen(tag);
	while (p && p < end) {
		p = memchr(p, '<', (size_t)(end - p));
		if (!p || (size_t)(end - p) < n + 2)
			return NULL;
		if (!memcmp(p + 1, tag, n) && (p[n + 1] == '>' || p[n + 1] == ' ' || p[n + 1] == '/'))
			return p;
		p++;
	}
	return NULL;
}

/* Appends the text of every <t> inside [p, end) (a shared or inline rich string). */
static void add_runs(struct buf *b, const char *p, const char *end)
{
	while ((p = find_tag(p, end, "t")) != NULL) {
		const char *gt = memchr(p, '>', (size_t)(end - p));
		if (!gt)
			return;
		if (gt[-1] == '/') { /* <t/> */
			p = gt + 1;
			continue;
		}
		const char *close = strstr(gt, "</t>");
		if (!close || close > end)
			return;
		add_text(b, gt + 1, close);
		p = close + 4;
	}
}

/* An attribute's value inside a start tag [p, gt), or 0 length. */
static size_t attr(const char *p, const char *gt, const char *name, const char **value)
{
	size_t n = strlen(name);
	for (const char *q = p; q + n + 2 < gt; q++) {
		if (q[-1] == ' ' && !memcmp(q, name, n) && q[n] == '=' && (q[n + 1] == '"' || q[n + 1] == '\'')) {
			const char *v = q + n + 2, *e = memchr(v, q[n + 1], (size_t)(gt - v));
			if (!e)
				return 0;
			*value = v;
			return (size_t)(e - v);
		}
	}
	return 0;
}

static void add_csv_field(struct buf *csv, const char *text, size_t n)
{
	int quote = 0;
	for (size_t i = 0; i < n; i++)
		quote |= text[i] == ',' || text[i] == '"' || text[i] == '\n' || text[i] == '\r';
	if (!quote) {
		buf_add(csv, text, n);
		return;
	}
	buf_addch(csv, '"');
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '"')
			buf_addch(csv, '"');
		buf_addch(csv, text[i]);
	}
	buf_addch(csv, '"');
}

int xlsx_to_csv(const void *data, size_t len, struct buf *csv, const char **why)
{
	struct zip z;
	if (zip_open(&z, data, len) != 0) {
		*why = "not a ZIP file";
		return -1;
	}
	size_t slen = 0, wlen = 0;
	char *shared = zip_read(&z, "xl/sharedStrings.xml", 0, &slen);
	char *sheet = zip_read(&z, "xl/worksheets/sheet1.xml", 0, &wlen);
	if (!sheet)
		sheet = zip_read(&z, "xl/worksheets/sheet", 1, &wlen);
	if (!sheet) {
		free(shared);
		*why = "no worksheet";
		return -1;
	}
	/* The shared strings, as offsets into one buffer. */
	struct buf strings = BUF_INIT;
	size_t *offs = NULL, nstr = 0, cap = 0;
	int rc = 0;
	if (shared) {
		const char *p = shared, *end = shared + slen;
		while ((p = find_tag(p, end, "si")) != NULL) {
			const char *gt = memchr(p, '>', (size_t)(end - p));
			if (!gt)
				break;
			/* <si/> is an empty string; otherwise the string runs to </si>. */
			const char *close = gt[-1] == '/' ? gt : strstr(gt, "</si>");
			if (!close)
				break;
			if (nstr == cap) {
				cap = cap ? cap * 2 : 256;
				size_t *grown = realloc(offs, cap * sizeof *offs);
				if (!grown || cap > XLSX_MAX_CELLS) {
					free(grown ? grown : offs);
					offs = NULL;
					rc = -1;
					*why = "too many strings";
					break;
				}
				offs = grown;
			}
			offs[nstr++] = strings.len;
			add_runs(&strings, p, close);
			buf_addch(&strings, '\0');
			p = close + 1;
		}
	}
	const char *p = sheet, *end = sheet + wlen;
	size_t cells = 0;
	while (rc == 0 && (p = find_tag(p, end, "row")) != NULL) {
		const char *gt = memchr(p, '>', (size_t)(end - p));
		if (!gt)
			break;
		const char *row_end = gt[-1] == '/' ? gt : strstr(gt, "</row>");
		if (!row_end)
			row_end = end;
		size_t col_next = 0;
		const char *c = gt;
		while ((c = find_tag(c, row_end, "c")) != NULL) {
			if (++cells > XLSX_MAX_CELLS) {
				rc = -1;
				*why = "too many cells";
				break;
			}
			const char *cgt = memchr(c, '>', (size_t)(row_end - c));
			if (!cgt)
				break;
			const char *ref = NULL, *type = NULL;
			size_t rn = attr(c + 2, cgt, "r", &ref), tn = attr(c + 2, cgt, "t", &type);
			size_t col = col_next;
			if (rn) {
				col = 0;
				for (size_t i = 0; i < rn && ref[i] >= 'A' && ref[i] <= 'Z' && col < 16384; i++)
					col = col * 26 + (size_t)(ref[i] - 'A' + 1);
				col = col ? col - 1 : col_next;
			}
			if (col < col_next || col > col_next + 1024)
				col = col_next; /* out of order or absurd: keep going in order */
			for (; col_next < col; col_next++)
				buf_addch(csv, ',');
			if (col_next > 0)
				buf_addch(csv, ',');
			col_next++;
			const char *cell_end = cgt[-1] == '/' ? cgt : strstr(cgt, "</c>");
			if (!cell_end || cell_end > row_end)
				cell_end = row_end;
			struct buf value = BUF_INIT;
			if (tn == 9 && !memcmp(type, "inlineStr", 9)) {
				add_runs(&value, cgt, cell_end);
			} else {
				const char *v = find_tag(cgt, cell_end, "v");
				const char *vgt = v ? memchr(v, '>', (size_t)(cell_end - v)) : NULL;
				const char *vend = vgt ? strstr(vgt, "</v>") : NULL;
				if (vend && vend <= cell_end) {
					if (tn == 1 && type[0] == 's') {
						unsigned long k = strtoul(vgt + 1, NULL, 10);
						if (k < nstr)
							buf_adds(&value, strings.data + offs[k]);
					} else {
						add_text(&value, vgt + 1, vend);
					}
				}
			}
			add_csv_field(csv, value.data, value.len);
			buf_release(&value);
			c = cell_end;
		}
		buf_adds(csv, "\r\n");
		p = row_end;
	}
	free(offs);
	buf_release(&strings);
	free(shared);
	free(sheet);
	return rc;
}
