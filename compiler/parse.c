/* parse.c - pass 1: parse the input with libclang and the user's flags. */
#include "diag.h"
#include "pass.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef YC_BUILD_INCLUDE_DIR
#define YC_BUILD_INCLUDE_DIR ""
#endif

static int has_header(const char *dir) {
    char path[PATH_MAX];
    struct stat st;
    if (snprintf(path, sizeof path, "%s/yieldc.h", dir) >= (int)sizeof path)
        return 0;
    return stat(path, &st) == 0;
}

/* The directory holding yieldc.h: next to an installed translator
   (PREFIX/bin/yieldc and PREFIX/include/yieldc.h) or, in a build tree, the
   source tree's runtime/include. */
static char *include_dir(void) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            char *dir = xasprintf("%s/../include", exe);
            if (has_header(dir))
                return dir;
            free(dir);
        }
    }
    return xstrdup(YC_BUILD_INCLUDE_DIR);
}

int parse_run(struct unit *u) {
    char *inc = include_dir();
    char *incflag = xasprintf("-I%s", inc);
    free(inc);
    int nargs = u->opt.ncflags + 2;
    const char **args = xcalloc((size_t)nargs, sizeof *args);
    int i = 0;
    /* The user's -I come first, so that their search order is kept; the
       runtime's directory is searched last. */
    for (int k = 0; k < u->opt.ncflags; k++)
        args[i++] = u->opt.cflags[k];
    args[i++] = "-DYC__TRANSLATING=1";
    args[i++] = incflag;

    u->index = clang_createIndex(0, 0);
    enum CXErrorCode err = clang_parseTranslationUnit2(
        u->index, u->opt.input, args, nargs, NULL, 0,
        CXTranslationUnit_KeepGoing |
            CXTranslationUnit_DetailedPreprocessingRecord,
        &u->tu);
    free(args);
    free(incflag);
    if (err != CXError_Success) {
        diag_tool(DIAG_ERROR, "libclang could not parse '%s' (error %d)",
                  u->opt.input, (int)err);
        return 1;
    }
    u->src.file = clang_getFile(u->tu, u->opt.input);
    diag_forward(u->tu);
    return diag_errors() != 0;
}
