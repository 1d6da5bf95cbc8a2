/* cleanup.c - ready-made functions for YC_CLEANUP locals. */
#include "yieldc.h"

#include <stdlib.h>
#include <string.h>

void yc_cleanup_free(void *p) {
    void *q;
    memcpy(&q, p, sizeof q); /* p points at a pointer of any type */
    free(q);
}

void yc_cleanup_close(int *fd) {
    if (*fd >= 0)
        yc_close(*fd);
}

void yc_cleanup_unlock(yc_mutex **m) {
    if (*m)
        yc_mutex_unlock(*m);
}
