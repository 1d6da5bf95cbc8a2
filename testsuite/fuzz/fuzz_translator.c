/* fuzz_translator.c - libFuzzer target for the translator: C source text
   in, the whole pass pipeline, translated text out. Besides the
   sanitizers' checks (no crash, no overflow, no leak of the translator's
   own): when the translator accepts an input (which implies that libclang
   parsed it without errors), its output must parse without errors too,
   with the same flags (the -fsyntax-only check of a compiler). */
#include "../../compiler/diag.h"
#include "../../compiler/pass.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef YC_FUZZ_INCLUDE
#error "build with -DYC_FUZZ_INCLUDE=\"runtime/include\""
#endif

static char input[64];
static const char *const flags[] = {"-I" YC_FUZZ_INCLUDE};

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    snprintf(input, sizeof input, "/tmp/yc-fuzz-translator-%d.c",
             (int)getpid());
    return 0;
}

/* The number of errors libclang finds in text, parsed as file `name`. */
static unsigned errors_in(const char *name, const char *text, size_t len) {
    CXIndex ix = clang_createIndex(0, 0);
    struct CXUnsavedFile f = {name, text, (unsigned long)len};
    const char *args[] = {"-I" YC_FUZZ_INCLUDE, "-w"};
    CXTranslationUnit tu = NULL;
    unsigned bad = 1;
    if (clang_parseTranslationUnit2(ix, name, args, 2, &f, 1,
                                    CXTranslationUnit_None,
                                    &tu) == CXError_Success) {
        bad = 0;
        for (unsigned i = 0, n = clang_getNumDiagnostics(tu); i < n; i++) {
            CXDiagnostic d = clang_getDiagnostic(tu, i);
            if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
                CXString m = clang_formatDiagnostic(
                    d, clang_defaultDiagnosticDisplayOptions());
                fprintf(stderr, "%s\n", clang_getCString(m));
                clang_disposeString(m);
                bad++;
            }
            clang_disposeDiagnostic(d);
        }
        clang_disposeTranslationUnit(tu);
    }
    clang_disposeIndex(ix);
    return bad;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    int fd = open(input, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || write(fd, data, n) != (ssize_t)n) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    close(fd);
    struct unit u;
    memset(&u, 0, sizeof u);
    u.opt.input = input;
    u.opt.output = "-";
    u.opt.cflags = (const char **)flags;
    u.opt.ncflags = 1;
    diag_reset();
    if (source_load(&u.src, input) != 0)
        return 0;
    int rc = 0;
    for (const struct pass *p = pass_table; p->name && !rc; p++)
        rc = p->run(&u);
    if (!rc) {
        /* The translation names itself after the input in its #line
           directives; parse it as a file of its own. */
        static char out[80];
        snprintf(out, sizeof out, "%s.out.c", input);
        if (errors_in(out, buf_str(&u.out), u.out.len) != 0) {
            fprintf(stderr, "fuzz_translator: the translation of an "
                            "accepted input does not compile\n");
            fwrite(buf_str(&u.out), 1, u.out.len, stderr);
            abort();
        }
    }
    unit_free(&u);
    return 0;
}
