/* parse.c - pass 1: parse the input with libclang and the user's flags. */
#include "parse.h"

#include "diag.h"

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

/* Whether diagnostic d is the driver's "unknown argument: 'X'"; if so,
 *arg is X (to free). */
static int unknown_arg(CXDiagnostic d, char **arg) {
    CXString s = clang_getDiagnosticSpelling(d);
    const char *t = clang_getCString(s);
    static const char prefix[] = "unknown argument: '";
    int r = clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error && t &&
            !strncmp(t, prefix, sizeof prefix - 1) && strchr(t, '\'') &&
            strrchr(t, '\'') > t + sizeof prefix - 1;
    if (r)
        *arg = xstrndup(t + sizeof prefix - 1,
                        (size_t)(strrchr(t, '\'') - t) - (sizeof prefix - 1));
    clang_disposeString(s);
    return r;
}

/* Parses u->input with u->args (and the unsaved text, if any) into *tu,
   keeping the process's working directory, which libclang changes to a
   -working-directory and leaves there. */
static enum CXErrorCode parse(struct unit *u, struct CXUnsavedFile *unsaved,
                              unsigned nunsaved, CXTranslationUnit *tu) {
    int cwd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    enum CXErrorCode err = clang_parseTranslationUnit2(
        u->index, u->input, (const char *const *)u->args, u->nargs, unsaved,
        nunsaved,
        CXTranslationUnit_KeepGoing |
            CXTranslationUnit_DetailedPreprocessingRecord,
        tu);
    if (cwd >= 0) {
        if (fchdir(cwd) != 0)
            diag_tool(DIAG_ERROR, "cannot return to the current directory: %s",
                      strerror(errno));
        close(cwd);
    }
    return err;
}

/* Drops the arguments that the driver reported as unknown, with a note for
   each. Returns the number dropped. */
static int drop_unknown(struct unit *u) {
    int dropped = 0;
    unsigned n = clang_getNumDiagnostics(u->tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(u->tu, i);
        char *arg;
        if (unknown_arg(d, &arg)) {
            for (int k = 0; k < u->nargs; k++) {
                if (strcmp(u->args[k], arg))
                    continue;
                free(u->args[k]);
                memmove(&u->args[k], &u->args[k + 1],
                        (size_t)(u->nargs - k - 1) * sizeof *u->args);
                u->nargs--;
                dropped++;
                diag_tool(DIAG_NOTE,
                          "ignoring '%s', which libclang does not know", arg);
                break;
            }
            free(arg);
        }
        clang_disposeDiagnostic(d);
    }
    return dropped;
}

int parse_run(struct unit *u) {
    char **dbflags = NULL;
    int ndb = 0;
    if (u->opt.compdb && database_flags(u, &dbflags, &ndb) != 0)
        return 1;
    char *inc = include_dir();
    /* The database's flags, then the user's (-I first, so that their search
       order is kept); the runtime's directory is searched last. Warnings
       are the compiler's business: -w keeps -Werror from turning them into
       errors here. */
    u->args = xcalloc((size_t)(ndb + u->opt.ncflags + 3), sizeof *u->args);
    for (int k = 0; k < ndb; k++)
        u->args[u->nargs++] = dbflags[k];
    free(dbflags);
    for (int k = 0; k < u->opt.ncflags; k++)
        u->args[u->nargs++] = xstrdup(u->opt.cflags[k]);
    u->args[u->nargs++] = xstrdup("-DYC__TRANSLATING=1");
    u->args[u->nargs++] = xasprintf("-I%s", inc);
    u->args[u->nargs++] = xstrdup("-w");
    free(inc);

    /* With the database's working directory, a relative input would be
       looked for there: name it by its absolute path. */
    static char abs_input[PATH_MAX];
    u->input = u->opt.input;
    if (u->opt.compdb && realpath(u->opt.input, abs_input))
        u->input = abs_input;
    u->index = clang_createIndex(0, 0);
    enum CXErrorCode err = parse(u, NULL, 0, &u->tu);
    if (err == CXError_Success && drop_unknown(u)) {
        clang_disposeTranslationUnit(u->tu);
        u->tu = NULL;
        err = parse(u, NULL, 0, &u->tu);
    }
    if (err != CXError_Success) {
        diag_tool(DIAG_ERROR, "libclang could not parse '%s' (error %d)",
                  u->opt.input, (int)err);
        return 1;
    }
    u->src.file = clang_getFile(u->tu, u->input);
    diag_forward(u->tu);
    return diag_errors() != 0;
}

CXTranslationUnit parse_text(struct unit *u, const char *text, unsigned len) {
    struct CXUnsavedFile f = {u->input, text, len};
    CXTranslationUnit tu = NULL;
    if (parse(u, &f, 1, &tu) != CXError_Success)
        return NULL;
    return tu;
}
