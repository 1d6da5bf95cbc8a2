/* pass.h - the pipeline: the passes in the order they run, each with what
   --print-after prints of its result. */
#ifndef YC_PASS_H
#define YC_PASS_H

#include "model.h"

struct pass {
    const char *name;
    int (*run)(struct unit *u);          /* 0, or non-zero to stop */
    void (*print)(const struct unit *u); /* --print-after output */
};

extern const struct pass pass_table[];

#endif
