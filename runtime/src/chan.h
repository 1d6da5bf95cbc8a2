/* chan.h - the channel struct, shared by chan.c and select.c. */
#ifndef YC_CHAN_H
#define YC_CHAN_H

#include "shared.h"

/* A channel: a ring buffer of messages plus the tasks blocked sending and
   receiving. Receivers wait only while the buffer is empty and no sender
   waits; senders only while it is full (capacity 0: always full). So at
   most one of the two queues is non-empty, and a send first looks for a
   waiting receiver, a receive first for a buffered message. */
struct yc_chan {
    size_t esize;               /* bytes per message */
    size_t cap;                 /* capacity; YC_CHAN_UNBOUNDED: none */
    size_t bufcap;              /* slots allocated, grown up to cap */
    size_t head;                /* slot of the oldest buffered message */
    size_t len;                 /* buffered messages */
    unsigned char *buf;         /* bufcap * esize bytes, or NULL */
    struct yc__wq senders;      /* blocked senders; link data: message */
    struct yc__wq receivers;    /* blocked receivers; link data: where to */
    int closed;                 /* yc_chan_close was called */
    int yc__xs;                 /* shared.h's lock word: 0 for a local
                                channel */
    struct yc__qnode yc__xsend; /* shared: blocked senders (xwaits; data:
                                the message) */
    struct yc__qnode yc__xrecv; /* shared: blocked receivers (data: where
                                to) */
};

#endif
