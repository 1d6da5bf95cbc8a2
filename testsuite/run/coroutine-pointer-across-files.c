// A struct of coroutine pointers defined in one translated file, awaited
// through `YC_AWAIT(ops->read(ctx, buf, n))` in another, next to the same
// struct filled with plain functions by an untranslated C file: both
// streams read the same bytes in the same chunks.
// RUN: rm -rf %t && split-file %s %t
// RUN: %yieldc %t/mem.c -o %t/mem.yc.c -- -I%t
// RUN: %yieldc %t/main.c -o %t/main.yc.c -- -I%t
// RUN: %cc -I%t %t/mem.yc.c %t/main.yc.c %t/plain.c -o %t/prog
// RUN: %run %t/prog | FileCheck %s
// CHECK: mem: [hell] [o wo] [rld] total 11
// CHECK-NEXT: plain: [hell] [o wo] [rld] total 11

//--- stream.h
#include <yieldc.h>

/* Reads up to n bytes into buf; returns how many, 0 at the end. */
typedef YC_COROUTINE int (*read_fn)(void *ctx, char *buf, int n);

struct stream_ops {
    const char *name;
    read_fn read;
};

struct cursor {
    const char *data;
    int pos;
};

extern const struct stream_ops mem_ops;
extern const struct stream_ops plain_ops;

//--- mem.c
#include "stream.h"

YC_COROUTINE static int mem_read(void *ctx, char *buf, int n) {
    struct cursor *c = ctx;
    int k = 0;
    while (k < n && c->data[c->pos]) {
        YC_YIELD();
        buf[k++] = c->data[c->pos++];
    }
    return k;
}

const struct stream_ops mem_ops = {"mem", mem_read};

//--- plain.c
/* Plain C, not translated: the same struct holds an ordinary function. */
#include "stream.h"

static int plain_read(void *ctx, char *buf, int n) {
    struct cursor *c = ctx;
    int k = 0;
    while (k < n && c->data[c->pos])
        buf[k++] = c->data[c->pos++];
    return k;
}

const struct stream_ops plain_ops = {"plain", plain_read};

//--- main.c
#include <stdio.h>
#include "stream.h"

YC_COROUTINE static int drain(const struct stream_ops *ops, void *ctx) {
    char buf[8];
    int n, total = 0;
    printf("%s:", ops->name);
    while ((n = YC_AWAIT(ops->read(ctx, buf, 4))) > 0) {
        printf(" [%.*s]", n, buf);
        total += n;
    }
    printf(" total %d\n", total);
    return total;
}

YC_COROUTINE int main(void) {
    const struct stream_ops *all[2] = {&mem_ops, &plain_ops};
    for (int i = 0; i < 2; i++) {
        struct cursor c = {"hello world", 0};
        YC_AWAIT(drain(all[i], &c));
    }
    return 0;
}
