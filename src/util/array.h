/* array — growing a plain C array one element at a time (for rows read from the
 * database into structs). The caller keeps the pointer, the count and the capacity:
 *
 *     struct row *rows = NULL;
 *     size_t n = 0, cap = 0;
 *     while (…) {
 *             if (array_grow((void **)&rows, &cap, n, sizeof *rows) != 0)
 *                     break;            // out of memory: rows[0..n) stay valid
 *             rows[n++] = …;
 *     }
 *     free(rows);
 */
#ifndef MEKTEP_UTIL_ARRAY_H
#define MEKTEP_UTIL_ARRAY_H

#include <stddef.h>

/* Makes room for element `n` of *items (of `size` bytes each), doubling the capacity
 * *cap (64 at first) when it is full. Returns 0, or -1 when memory runs out (then
 * *items and *cap are as they were). */
int array_grow(void **items, size_t *cap, size_t n, size_t size);

#endif
