/* parse.c - pass 1: parse the input with libclang and the user's flags. */
#include "diag.h"
#include "pass.h"

#include <clang-c/CXCompilationDatabase.h>
#include <errno.h>
#include <fcntl.h>
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

/* Appends the flags the compilation database (-p DIR) gives the input:
   the first compile command for it, without the compiler, the input, -c
   and -o, and with its directory as the working directory so that relative
   paths mean what they meant to the compiler. Returns 0, or 1 after an
   error. */
static int database_flags(struct unit *u, char ***flags, int *n) {
    CXCompilationDatabase_Error err;
    CXCompilationDatabase db =
        clang_CompilationDatabase_fromDirectory(u->opt.compdb, &err);
    if (err != CXCompilationDatabase_NoError) {
        diag_tool(DIAG_ERROR, "cannot read '%s/compile_commands.json'",
                  u->opt.compdb);
        return 1;
    }
    char path[PATH_MAX];
    const char *file = realpath(u->opt.input, path) ? path : u->opt.input;
    CXCompileCommands cmds =
        clang_CompilationDatabase_getCompileCommands(db, file);
    int rc = 0;
    /* For a file the database does not list, libclang makes up a command
       from a neighbour's, which it ends with "--" and the file: that is
       not the file's own command. */
    int listed = 0;
    if (clang_CompileCommands_getSize(cmds) > 0) {
        CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, 0);
        unsigned argc = clang_CompileCommand_getNumArgs(cmd);
        CXString sep =
            clang_CompileCommand_getArg(cmd, argc >= 2 ? argc - 2 : 0);
        listed = argc < 2 || strcmp(clang_getCString(sep), "--") != 0;
        clang_disposeString(sep);
    }
    if (!listed) {
        diag_tool(DIAG_ERROR,
                  "'%s/compile_commands.json' has no command for "
                  "'%s'",
                  u->opt.compdb, u->opt.input);
        rc = 1;
    } else {
        CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, 0);
        unsigned argc = clang_CompileCommand_getNumArgs(cmd);
        *flags = xcalloc(argc + 1, sizeof **flags);
        CXString dirs = clang_CompileCommand_getDirectory(cmd);
        char *dir = xstrdup(clang_getCString(dirs));
        clang_disposeString(dirs);
        (*flags)[(*n)++] = xasprintf("-working-directory=%s", dir);
        for (unsigned a = 1; a < argc; a++) {
            CXString arg = clang_CompileCommand_getArg(cmd, a);
            const char *s = clang_getCString(arg);
            char *joined =
                s[0] == '/' ? xstrdup(s) : xasprintf("%s/%s", dir, s);
            char *abs = realpath(joined, NULL);
            int is_input = abs && !strcmp(abs, file);
            free(abs);
            free(joined);
            /* "--" would make the flags added after these inputs. */
            if (!strcmp(s, "-o") && a + 1 < argc)
                a++;
            else if (strcmp(s, "-c") && strcmp(s, "--") && !is_input)
                (*flags)[(*n)++] = xstrdup(s);
            clang_disposeString(arg);
        }
        free(dir);
    }
    clang_CompileCommands_dispose(cmds);
    clang_CompilationDatabase_dispose(db);
    return rc;
}

int parse_run(struct unit *u) {
    char **dbflags = NULL;
    int ndb = 0;
    if (u->opt.compdb && database_flags(u, &dbflags, &ndb) != 0)
        return 1;
    char *inc = include_dir();
    char *incflag = xasprintf("-I%s", inc);
    free(inc);
    int nargs = ndb + u->opt.ncflags + 2;
    const char **args = xcalloc((size_t)nargs, sizeof *args);
    int i = 0;
    /* The database's flags, then the user's (-I first, so that their search
       order is kept); the runtime's directory is searched last. */
    for (int k = 0; k < ndb; k++)
        args[i++] = dbflags[k];
    for (int k = 0; k < u->opt.ncflags; k++)
        args[i++] = u->opt.cflags[k];
    args[i++] = "-DYC__TRANSLATING=1";
    args[i++] = incflag;

    /* With the database's working directory, a relative input would be
       looked for there: name it by its absolute path. */
    char abs_input[PATH_MAX];
    const char *input = u->opt.input;
    if (u->opt.compdb && realpath(u->opt.input, abs_input))
        input = abs_input;
    /* libclang changes the process's directory to -working-directory and
       leaves it there: relative paths given to yieldc (the output) must
       keep their meaning. */
    int cwd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    u->index = clang_createIndex(0, 0);
    enum CXErrorCode err = clang_parseTranslationUnit2(
        u->index, input, args, nargs, NULL, 0,
        CXTranslationUnit_KeepGoing |
            CXTranslationUnit_DetailedPreprocessingRecord,
        &u->tu);
    if (cwd >= 0) {
        if (fchdir(cwd) != 0)
            diag_tool(DIAG_ERROR, "cannot return to the current directory: %s",
                      strerror(errno));
        close(cwd);
    }
    free(args);
    free(incflag);
    for (int k = 0; k < ndb; k++)
        free(dbflags[k]);
    free(dbflags);
    if (err != CXError_Success) {
        diag_tool(DIAG_ERROR, "libclang could not parse '%s' (error %d)",
                  u->opt.input, (int)err);
        return 1;
    }
    u->src.file = clang_getFile(u->tu, input);
    diag_forward(u->tu);
    return diag_errors() != 0;
}
