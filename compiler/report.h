/* report.h - the analysis report of --emit: what each coroutine became and
   why. Printed after lowering, which makes the temporaries and resume
   points. */
#ifndef YC_REPORT_H
#define YC_REPORT_H

#include "model.h"

enum {
    REPORT_FALLBACK = 1u << 0, /* the lowering of each coroutine, and why */
    REPORT_SUSP = 1u << 1,     /* each coroutine's suspension points */
    REPORT_FRAME = 1u << 2     /* each coroutine's frame layout */
};
/* Adds the REPORT_* bits named by a comma-separated list ("susp,frame",
   "analysis") to *what; returns 0, or -1 for an unknown name. */
int report_parse(const char *list, unsigned *what);
/* Prints the parts `what` selects for each coroutine, to stdout. */
void report_run(const struct unit *u, unsigned what);

#endif
