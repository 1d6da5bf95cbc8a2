/* model.c - freeing the records of model.h, and the one way a coroutine is
   marked for the stackful form. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

void coro_fallback(struct coro *co, unsigned off, const char *what) {
    for (unsigned i = 0; i < co->nreasons; i++)
        if (co->reasons[i].off == off && !strcmp(co->reasons[i].what, what))
            return;
    struct reason *r = VEC_PUSH(co->reasons, co->nreasons, co->capreasons);
    r->what = what;
    r->off = off;
    co->stackful = 1;
}

void unit_request_expansion(struct unit *u, unsigned begin) {
    for (unsigned i = 0; i < u->nexpand; i++)
        if (u->expand[i] == begin)
            return;
    *VEC_PUSH(u->expand, u->nexpand, u->capexpand) = begin;
}

static void coro_free(struct coro *co) {
    for (unsigned k = 0; k < co->nlocals; k++) {
        free(co->locals[k].name);
        free(co->locals[k].field);
        free(co->locals[k].cleanup_fn);
    }
    free(co->locals);
    free(co->local_index);
    for (unsigned k = 0; k < co->nsusps; k++)
        free(co->susps[k].spills);
    free(co->susps);
    free(co->refs);
    for (unsigned k = 0; k < co->nlits; k++)
        free(co->lits[k].field);
    free(co->lits);
    free(co->loops);
    free(co->reasons);
    free(co->plain_ptrs);
    free(co->temps);
    for (unsigned k = 0; k < co->nlabels; k++)
        free(co->labels[k].temps);
    free(co->labels);
    buf_free(&co->calls);
    tree_free(&co->tree);
}

void unit_clear(struct unit *u) {
    for (unsigned i = 0; i < u->ncoros; i++)
        coro_free(&u->coros[i]);
    free(u->coros);
    u->coros = NULL;
    u->ncoros = u->capcoros = 0;
    for (unsigned i = 0; i < u->ncdecls; i++) {
        free(u->cdecls[i].usr);
        free(u->cdecls[i].name);
    }
    free(u->cdecls);
    u->cdecls = NULL;
    u->ncdecls = u->capcdecls = 0;
    free(u->cdecl_slots);
    u->cdecl_slots = NULL;
    u->ncdecl_slots = 0;
    for (unsigned i = 0; i < u->nspawns; i++)
        buf_free(&u->spawns[i].site);
    free(u->spawns);
    u->spawns = NULL;
    u->nspawns = u->capspawns = 0;
    free(u->macros);
    u->macros = NULL;
    free(u->macro_reach);
    u->macro_reach = NULL;
    u->nmacros = u->capmacros = 0;
    free(u->expand);
    u->expand = NULL;
    u->nexpand = u->capexpand = 0;
}

void unit_free(struct unit *u) {
    unit_clear(u);
    for (unsigned i = 0; i < u->nforced; i++)
        free(u->forced[i].usr);
    free(u->forced);
    edit_free(&u->edits);
    buf_free(&u->out);
    buf_free(&u->path_lit);
    if (u->tu)
        clang_disposeTranslationUnit(u->tu);
    if (u->index)
        clang_disposeIndex(u->index);
    for (int i = 0; i < u->nargs; i++)
        free(u->args[i]);
    free(u->args);
    source_free(&u->src);
}

int corodecl_waits_in_caller(const struct corodecl *g) {
    static const char *const bare[] = {
        "yc_event_wait", "yc_mutex_lock",  "yc_sem_acquire", "yc_chan_send",
        "yc_chan_recv",  "yc_sleep_until", "yc_sleep_for"};
    if (g->def || g->is_static)
        return 0;
    for (unsigned i = 0; i < sizeof bare / sizeof *bare; i++)
        if (!strcmp(g->name, bare[i]))
            return 1;
    return 0;
}
