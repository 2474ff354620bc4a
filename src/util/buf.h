/* buf — a growable byte buffer (after git's strbuf).
 *
 * Invariants: `data` is never NULL after BUF_INIT or buf_init; it is always
 * NUL-terminated at data[len]; `len` < `cap` once anything was added.
 * A buf owns its storage: release it with buf_release(), or take it with
 * buf_detach() and free() it yourself. */
#ifndef MEKTEP_UTIL_BUF_H
#define MEKTEP_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;  /* the bytes, NUL-terminated; points at a static "" until grown */
	size_t len;  /* bytes used, not counting the NUL */
	size_t cap;  /* bytes allocated; 0 while data is the static "" */
};

extern char buf_empty_[1];
#define BUF_INIT { buf_empty_, 0, 0 }

void buf_init(struct buf *b);
/* Makes room for `extra` more bytes; aborts on out-of-memory (nothing to save). */
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addch(struct buf *b, char c);
__attribute__((format(printf, 2, 3))) void buf_addf(struct buf *b, const char *fmt, ...);
__attribute__((format(printf, 2, 0))) void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
void buf_reset(struct buf *b);    /* empties, keeps the storage */
void buf_release(struct buf *b);  /* frees the storage, back to BUF_INIT */
/* Hands the storage to the caller (always a malloc'd, NUL-terminated string, even
 * when empty); the buf is back to BUF_INIT. */
char *buf_detach(struct buf *b, size_t *len_out);
/* Appends the whole file at `path`: 0, or -1 when it cannot be opened or read. */
int buf_read_file(struct buf *b, const char *path);

#endif
