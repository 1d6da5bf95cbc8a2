/* pass.c - the pipeline: passes in the order they run. */
#include "pass.h"

#include "analyse.h"
#include "emit.h"
#include "find.h"
#include "lower.h"
#include "normalize.h"
#include "parse.h"

const struct pass pass_table[] = {
    {"parse", parse_run, NULL},
    {"find", find_run, find_print},
    {"analyse", analyse_run, analyse_print},
    {"normalize", normalize_run, normalize_print},
    {"lower", lower_run, lower_print},
    {"emit", emit_run, emit_print},
    {NULL, NULL, NULL},
};
