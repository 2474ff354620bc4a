/* parts — what names an entry's or a lesson's class, group, subject, teacher and room;
 * see parts.h. */
#include "store/parts.h"

#include <stdio.h>

#include "store/row.h"

void parts_put(json_t *o, struct db_stmt *st, int col)
{
	char label[32];
	snprintf(label, sizeof label, "%lld%s", (long long)db_col_int64(st, col + 1),
		 db_col_text(st, col + 2) ? db_col_text(st, col + 2) : "");
	json_object_set_new(o, "class", json_pack("{s:o, s:s, s:o}", "id", row_int(st, col), "label", label,
						   "grade", row_int(st, col + 1)));
	json_object_set_new(o, "group", db_col_is_null(st, col + 3) ? json_null()
				: json_pack("{s:o, s:o}", "id", row_int(st, col + 3), "name", row_text(st, col + 4)));
	json_object_set_new(o, "subject", json_pack("{s:o, s:o, s:o}", "id", row_int(st, col + 5), "code",
						     row_text(st, col + 6), "name", row_names(st, col + 7)));
	json_object_set_new(o, "teacher", json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, col + 10),
						     "last_name", row_text(st, col + 11), "first_name",
						     row_text(st, col + 12), "middle_name", row_text(st, col + 13)));
	json_object_set_new(o, "room", db_col_is_null(st, col + 14) ? json_null()
				: json_pack("{s:o, s:o}", "id", row_int(st, col + 14), "name", row_text(st, col + 15)));
}
