/* pass.c - the pipeline: passes in the order they run. */
#include "pass.h"

const struct pass pass_table[] = {
    {"parse", parse_run, NULL},
    {"find", find_run, find_print},
    {"analyse", analyse_run, analyse_print},
    {"lower", lower_run, NULL},
    {"emit", emit_run, emit_print},
    {NULL, NULL, NULL},
};
