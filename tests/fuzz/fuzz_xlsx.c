/* fuzz_xlsx — libFuzzer target for the .xlsx upload reader (ZIP directory, inflate,
 * shared strings, cells): any input must give CSV or a refusal, never a crash. */
#include <stdint.h>
#include <stddef.h>

#include "util/xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf csv = BUF_INIT;
	const char *why = NULL;
	xlsx_to_csv(data, size, &csv, &why);
	buf_release(&csv);
	return 0;
}
