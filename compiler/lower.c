/* lower.c - pass 4: rewrite each coroutine for its lowering, and the
   spawns that stand outside coroutines. */
#include "lower.h"

#include "diag.h"
#include "spawn.h"
#include "strategy.h"

#include <stdio.h>

int lower_run(struct unit *u) {
    for (unsigned i = 0; i < u->ncoros; i++)
        lowering_of(&u->coros[i])->lower(u, &u->coros[i]);
    for (unsigned i = 0; i < u->nspawns; i++)
        if (!u->spawns[i].in)
            spawn_lower(u, &u->spawns[i]);
    return diag_errors() != 0;
}

void lower_print(const struct unit *u) {
    for (unsigned i = 0; i < u->ncoros; i++) {
        const struct coro *co = &u->coros[i];
        struct buf b = {0};
        edit_render(&u->edits, &u->src, co->body_begin, co->body_end, &b);
        printf("coroutine %s (%s):\n%s\n", co->name, lowering_of(co)->name,
               buf_str(&b));
        buf_free(&b);
    }
}
