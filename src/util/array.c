/* array — growing a plain C array (see array.h). */
#include "util/array.h"

#include <stdint.h>
#include <stdlib.h>

int array_grow(void **items, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t want = *cap ? *cap * 2 : 64;
	if (size && want > SIZE_MAX / size)
		return -1;
	void *p = realloc(*items, want * size);
	if (!p)
		return -1;
	*items = p;
	*cap = want;
	return 0;
}
