/* main.c - the yieldc driver: options, the pass pipeline, and writing the
   output atomically (a failed run never leaves a partial file). */
#include "diag.h"
#include "pass.h"
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef YC_VERSION
#define YC_VERSION "0.0.0"
#endif
#ifndef YC_LLVM_VERSION_STRING
#define YC_LLVM_VERSION_STRING "unknown"
#endif

static const char usage[] =
    "usage: yieldc INPUT.c -o OUTPUT.c [options] [-- COMPILER-FLAGS...]\n"
    "\n"
    "Translates the coroutines of one C file (functions marked YC_COROUTINE)\n"
    "into resumable state machines for the yieldc runtime. Everything outside\n"
    "coroutine definitions is copied unchanged; #line directives point the\n"
    "compiler and debugger back at INPUT.c. Build the output with any C11\n"
    "compiler against yieldc.h and libyieldc.\n"
    "\n"
    "  -o FILE            write the translation to FILE ('-' for standard\n"
    "                     output); FILE is replaced only if translation\n"
    "                     succeeds\n"
    "  -- FLAGS           the flags INPUT.c is compiled with (-I, -D, -std,\n"
    "                     ...); libclang parses it with them\n"
    "  -p BUILD-DIR       take INPUT.c's flags from BUILD-DIR's\n"
    "                     compile_commands.json (flags after -- are added)\n"
    "  --print-after=PASS print what PASS found (find: the coroutines;\n"
    "                     analyse, normalize: suspension points and where\n"
    "                     each local lives; lower: the rewritten bodies;\n"
    "                     emit: the output)\n"
    "  --stackful         lower every coroutine to the stackful form (each\n"
    "                     call awaited from stackless code runs on its own\n"
    "                     stack); coroutines that a state machine cannot\n"
    "                     express get this form anyway, with a warning\n"
    "  --emit=WHAT,...    print the analysis of each coroutine, for reading\n"
    "                     why it became what it became: fallback (state\n"
    "                     machine or stackful, and why), susp (suspension\n"
    "                     points: file:line:col and what suspends), frame\n"
    "                     (which parameters, locals and temporaries live in\n"
    "                     the frame, at which offsets, and its size), or\n"
    "                     analysis (all three); -o may then be left out\n"
    "  --frame-report     the same as --emit=frame\n"
    "  --stop-after=PASS  stop after PASS and write nothing\n"
    "                     (passes: parse, find, analyse, normalize, lower,\n"
    "                     emit)\n"
    "  --help             show this help\n"
    "  --version          show the version\n"
    "\n"
    "Exit status: 0 on success, 1 on any error (with a diagnostic).\n";

static int is_pass(const char *name) {
    for (const struct pass *p = pass_table; p->name; p++)
        if (!strcmp(p->name, name))
            return 1;
    return 0;
}

/* Parses the command line into opt; returns 0, 1 on a usage error, or -1
   when --help/--version was answered. */
static int parse_options(int argc, char **argv, struct options *opt) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            opt->cflags = (const char **)argv + i + 1;
            opt->ncflags = argc - i - 1;
            break;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return -1;
        } else if (!strcmp(a, "--version")) {
            printf("yieldc %s (libclang %s)\n", YC_VERSION,
                   YC_LLVM_VERSION_STRING);
            return -1;
        } else if (!strcmp(a, "-p")) {
            if (++i == argc) {
                diag_tool(DIAG_ERROR, "-p needs a build directory");
                return 1;
            }
            opt->compdb = argv[i];
        } else if (!strcmp(a, "--stackful")) {
            opt->stackful = 1;
        } else if (!strcmp(a, "--frame-report")) {
            opt->emit |= REPORT_FRAME; /* the older name of --emit=frame */
        } else if (!strncmp(a, "--emit=", 7)) {
            if (report_parse(a + 7, &opt->emit)) {
                diag_tool(DIAG_ERROR,
                          "unknown report in '%s' (reports: fallback, susp, "
                          "frame, analysis)",
                          a);
                return 1;
            }
        } else if (!strcmp(a, "-o")) {
            if (++i == argc) {
                diag_tool(DIAG_ERROR, "-o needs a file name");
                return 1;
            }
            opt->output = argv[i];
        } else if (!strncmp(a, "--print-after=", 14) ||
                   !strncmp(a, "--stop-after=", 13)) {
            int print = a[2] == 'p';
            const char *name = strchr(a, '=') + 1;
            if (!is_pass(name)) {
                diag_tool(DIAG_ERROR, "unknown pass '%s' in %s", name, a);
                return 1;
            }
            if (print)
                opt->print_after = name;
            else
                opt->stop_after = name;
        } else if (a[0] == '-' && a[1]) {
            diag_tool(DIAG_ERROR, "unknown option '%s' (see yieldc --help)", a);
            return 1;
        } else if (opt->input) {
            diag_tool(DIAG_ERROR,
                      "more than one input file ('%s' and '%s'); yieldc "
                      "translates one file per run",
                      opt->input, a);
            return 1;
        } else {
            opt->input = a;
        }
    }
    if (!opt->input) {
        diag_tool(DIAG_ERROR, "no input file (see yieldc --help)");
        return 1;
    }
    if (!opt->output && !opt->stop_after && !opt->print_after && !opt->emit) {
        diag_tool(DIAG_ERROR, "no output file: use -o FILE or -o -");
        return 1;
    }
    return 0;
}

/* Writes out to f, named name for messages. Returns 0 or 1. */
static int write_stream(FILE *f, const char *name, const struct buf *out) {
    if (fwrite(out->data, 1, out->len, f) != out->len || fflush(f) != 0) {
        diag_tool(DIAG_ERROR, "cannot write %s: %s", name, strerror(errno));
        return 1;
    }
    return 0;
}

/* Writes the output next to its destination and renames it into place, so
   that readers never see a partial file and a failure leaves the old file
   alone. A destination that is not a regular file (/dev/null, a FIFO) is
   written to as it is: renaming over it would replace the device. */
static int write_output(const char *path, const struct buf *out) {
    if (!strcmp(path, "-"))
        return write_stream(stdout, "standard output", out);
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        FILE *f = S_ISDIR(st.st_mode) ? NULL : fopen(path, "wb");
        if (!f) {
            diag_tool(DIAG_ERROR, "cannot write '%s': %s", path,
                      S_ISDIR(st.st_mode) ? strerror(EISDIR) : strerror(errno));
            return 1;
        }
        char *name = xasprintf("'%s'", path);
        int rc = write_stream(f, name, out);
        free(name);
        if (fclose(f) != 0 && !rc) {
            diag_tool(DIAG_ERROR, "cannot write '%s': %s", path,
                      strerror(errno));
            rc = 1;
        }
        return rc;
    }
    char *tmp = xasprintf("%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        diag_tool(DIAG_ERROR, "cannot write '%s': %s", path, strerror(errno));
        free(tmp);
        return 1;
    }
    FILE *f = fdopen(fd, "wb");
    int ok = f && fwrite(out->data, 1, out->len, f) == out->len;
    int err = errno;
    if (f) {
        ok = fclose(f) == 0 && ok;
        if (!ok && !err)
            err = errno;
    } else {
        close(fd);
    }
    /* mkstemp creates 0600; give the file the usual umask permissions. */
    mode_t mask = umask(0);
    umask(mask);
    if (ok && chmod(tmp, 0666 & ~mask) != 0)
        ok = 0, err = errno;
    if (ok && rename(tmp, path) != 0)
        ok = 0, err = errno;
    if (!ok) {
        unlink(tmp);
        diag_tool(DIAG_ERROR, "cannot write '%s': %s", path, strerror(err));
    }
    free(tmp);
    return !ok;
}

static int same_file(const char *a, const char *b) {
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

int main(int argc, char **argv) {
    struct unit u;
    memset(&u, 0, sizeof u);
    int rc = parse_options(argc, argv, &u.opt);
    if (rc)
        return rc < 0 ? 0 : 1;
    int err = source_load(&u.src, u.opt.input);
    if (err) {
        diag_tool(DIAG_ERROR, "cannot open '%s': %s", u.opt.input,
                  err == EINVAL ? "not a regular file" : strerror(err));
        return 1;
    }
    if (u.opt.output && strcmp(u.opt.output, "-") &&
        same_file(u.opt.input, u.opt.output)) {
        diag_tool(DIAG_ERROR, "output '%s' is the input file", u.opt.output);
        source_free(&u.src);
        return 1;
    }
    rc = 0;
    int stopped = 0;
    for (const struct pass *p = pass_table; p->name && !rc; p++) {
        rc = p->run(&u);
        if (!rc && u.opt.print_after && !strcmp(u.opt.print_after, p->name) &&
            p->print)
            p->print(&u);
        /* After lower: it makes the temporaries and resume labels. */
        if (!rc && u.opt.emit && !strcmp(p->name, "lower"))
            report_run(&u, u.opt.emit);
        if (u.opt.stop_after && !strcmp(u.opt.stop_after, p->name)) {
            stopped = 1;
            break;
        }
    }
    if (!rc && !stopped && u.opt.output &&
        !(u.opt.print_after && !strcmp(u.opt.output, "-")))
        rc = write_output(u.opt.output, &u.out);
    unit_free(&u);
    return rc ? 1 : 0;
}
