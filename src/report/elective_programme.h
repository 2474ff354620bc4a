/* elective_programme (report) — an elective course's programme in the structure of ELE-6
 * (A3§17–23) as the description report/pdf.h draws, in Kazakh (the regulation's words),
 * Russian or English: the title page (the school, the course, the grades it is for, the
 * author, the year, the reviews' mark and the methodological association's approval with
 * its date and protocol, or "not approved yet"), then the explanatory note, the thematic
 * plan as a table (section, topic, hours, form of study, with the total), the course's
 * content, the methodological recommendations and the literature with e-resources. Pure:
 * the data comes from the caller.
 *
 * `programme` is the reply of GET /electives/{id}/programme (docs/electives.md):
 * "title_page" {"school": {kk,ru,en}, "course": {kk,ru,en}, "grade_from", "grade_to",
 * "author", "year"}, "explanatory_note", "content", "recommendations", "literature"
 * (texts whose lines are paragraphs), "plan" [{"section","topic","hours","form"}],
 * "reviews" [{"reviewer","reviewed_on","total"}], "approval" null | {"date",
 * "protocol_number"}. A missing part prints as a line to fill in. */
#ifndef MEKTEP_REPORT_ELECTIVE_PROGRAMME_H
#define MEKTEP_REPORT_ELECTIVE_PROGRAMME_H

#include <jansson.h>

#include "core/lang.h"

/* The programme's blocks in `l` (a new array; the caller owns it). */
json_t *elective_programme_doc(json_t *programme, enum lang l);

#endif
