/* sync_shared.h - the shared mutex, semaphore, event and condition
   variable (sync_shared.c), which sync.c's calls hand over to when the
   object's lock word is set. The blocking ones are primitive steps: p is
   the primitive's frame, x the xwait in it, me the caller as a mutex
   holder. */
#ifndef YC_SYNC_SHARED_H
#define YC_SYNC_SHARED_H

#include "shared.h"

int yc__xmutex_lock(struct yc__sched *s, struct yc__prim *p,
                    struct yc__xwait *x, yc_mutex *m, void *me,
                    int64_t deadline);
int yc__xmutex_trylock(yc_mutex *m, void *me);
int yc__xmutex_unlock(yc_mutex *m, void *me);

int yc__xsem_acquire(struct yc__sched *s, struct yc__prim *p,
                     struct yc__xwait *x, yc_sem *sem, int64_t deadline);
int yc__xsem_tryacquire(yc_sem *sem);
int yc__xsem_release(yc_sem *sem);
unsigned yc__xsem_value(const yc_sem *sem);

int yc__xevent_wait(struct yc__sched *s, struct yc__prim *p,
                    struct yc__xwait *x, yc_event *e, int64_t deadline);
/* Sets (waking every waiter) or clears e. */
void yc__xevent_set(yc_event *e, int set);
int yc__xevent_is_set(const yc_event *e);

/* err: the frame's place for the outcome of the wait on c, kept while
   the call waits for m. */
int yc__xcond_wait(struct yc__sched *s, struct yc__prim *p, struct yc__xwait *x,
                   yc_cond *c, yc_mutex *m, void *me, int *err,
                   int64_t deadline);
/* Wakes the first waiter of c, or all of them. */
void yc__xcond_signal(yc_cond *c, int all);

#endif
