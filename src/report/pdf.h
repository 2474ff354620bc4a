/* pdf (report) — printable documents as A4 PDF files (cairo's PDF surface, pango for
 * the text: real shaping and line breaking, so Kazakh letters ә ғ қ ң ө ұ ү һ і come out
 * right). Pure rendering of a document description; what a document says is decided by
 * its caller (report/movement_docs.c for the regulation's forms and orders,
 * report/elective_programme.c for an elective course's programme).
 *
 * The description is a JSON array of blocks, laid out top to bottom:
 *   {"type":"heading","text"}                      centred, bold, larger
 *   {"type":"paragraph","text","align":"left|right|center|justify","bold","italic",
 *    "size" (points, default 11),"indent" (first line, points),"small" (a caption, 8.5 pt),
 *    "keep" (points of room it needs under it, else it starts a new page: a heading)}
 *   {"type":"block_right","lines":[text...]}        a left-aligned block in the right half
 *                                                  of the page (the addressee of an
 *                                                  application: "Директорға ...")
 *   {"type":"table","widths":[relative...],"header":[text...],"rows":[[text...]...],
 *    "size","row_height" (the least, for rows to fill in by hand),
 *    "align":["left|right|center"...] (per column, of the body's cells)}
 *                                                  bordered, cells wrap, the header row
 *                                                  is repeated on every page it runs onto
 *   {"type":"signature","label","name","caption"}   label, a line to sign on (caption
 *                                                  under it), the name
 *   {"type":"space","height"}                       vertical gap in points
 *   {"type":"page_break"}
 * Every text is UTF-8. Pages are numbered "n / N" at the foot when there are two or more.
 */
#ifndef MEKTEP_REPORT_PDF_H
#define MEKTEP_REPORT_PDF_H

#include <jansson.h>

#include "util/buf.h"

/* Renders the blocks as a PDF into out (appended). *pages (may be NULL) gets the
 * number of pages. 0, or -1 on an error (a malformed block or cairo's failure). */
int pdf_render(json_t *blocks, struct buf *out, int *pages);

#endif
