/* report.h - what the runtime says about its tasks: names, the deadlock
   report and the exit report (backtraces and dumps are public: yieldc.h). */
#ifndef YC_REPORT_H
#define YC_REPORT_H

#include "task.h"

/* The name of the coroutine task t was started with, or "?" if its file
   did not register it. */
const char *yc__task_name(const struct yc_task *t);

/* Nothing can run, nothing is pending, and tasks are blocked: reports
   them and exits with status 2. */
void yc__deadlock(struct yc__sched_full *s);

/* At exit, if yc_debug_report is on: lists the tasks that finished and
   were never joined and those that never resumed. */
void yc__exit_report(struct yc__sched_full *s);

#endif
