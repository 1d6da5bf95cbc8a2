/* layers.c - the one file that knows every layer above the scheduler's
   core: it gives each new scheduler the hooks (sched.h) through which the
   core reaches the reports, offload's worker pool and stackful
   micro-threads, so that the core itself includes none of them. */
#include "offload.h"
#include "report.h"
#include "stackful.h"

static void destroy_fibers(struct yc__sched_full *s) {
    (void)s; /* the fibers are the thread's, as the scheduler is */
    yc__fiber_destroy_all();
}

void yc__layers_attach(struct yc__sched_full *s) {
    s->hooks.deadlock = yc__deadlock;
    s->hooks.fiber_run = yc__fiber_run;
    s->hooks.exit_report = yc__exit_report;
    s->hooks.abandon_offload = yc__offload_abandon;
    s->hooks.destroy_fibers = destroy_fibers;
}
