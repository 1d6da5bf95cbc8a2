/* spawn_ptr.c - YC_SPAWN and YC_ASYNC of a call through a function
   pointer (see yc__spawn_request in yieldc/abi.h): the call is made with
   an await request, so that a coroutine's wrapper only creates its frame,
   which is then started as a task. */
#include "sched.h"

yc__fn yc__spawn_request(struct yc__sched *s, yc__fn fn) {
    s->await_fn = fn;
    s->await_caller = NULL;
    s->await_frame = NULL;
    return fn;
}

struct yc_task *yc__spawn_answer(struct yc__sched *s, int async,
                                 size_t ret_offset, size_t ret_size) {
    struct yc__frame *f = s->await_frame;
    s->await_fn = 0;
    s->await_frame = NULL;
    if (!f)
        return NULL; /* a plain function: it has run in the call */
    if (!async) {
        yc__spawn(s, f);
        return NULL;
    }
    return yc__async(s, f, ret_offset, ret_size);
}
