/* club_report (report) — a club's quarterly report on its programme's progress (CLB-7,
 * A4§18) as a document description for pdf_render(): the school and the club, the leader,
 * the quarter with its dates, hours planned and held with the share, the quarter's topics
 * of the programme, the sessions held (date, content, hours, members absent), each
 * member's attendance, the deputy for upbringing's check of the journal (CLB-8), and the
 * leader's signature. In kk, ru or en. */
#ifndef MEKTEP_REPORT_CLUB_REPORT_H
#define MEKTEP_REPORT_CLUB_REPORT_H

#include <jansson.h>

#include "core/lang.h"

/* The blocks of the report: `report` as GET /clubs/{id}/report gives it, `club` as
 * GET /clubs/{id} (title, leader), `school` the school's name {kk, ru, en} (may be NULL).
 * A new array. */
json_t *club_report_doc(json_t *report, json_t *club, json_t *school, enum lang l);

#endif
