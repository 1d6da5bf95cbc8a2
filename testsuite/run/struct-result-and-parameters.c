// Coroutines that take structs (one holding an array) and a union by value
// and return structs: the callee works on its own copies, so the caller's
// arguments are unchanged, and the returned struct arrives whole; results
// equal plain C references.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

struct vec {
    double x, y;
};

struct buf {
    int len;
    char data[16];
};

union bits {
    float f;
    unsigned u;
};

YC_COROUTINE static struct vec add(struct vec a, struct vec b) {
    YC_YIELD();
    a.x += b.x;
    YC_YIELD();
    a.y += b.y;
    return a;
}

static struct vec add_ref(struct vec a, struct vec b) {
    a.x += b.x;
    a.y += b.y;
    return a;
}

YC_COROUTINE static struct buf shout(struct buf b) {
    for (int i = 0; i < b.len; i++) {
        YC_YIELD();
        if (b.data[i] >= 'a' && b.data[i] <= 'z')
            b.data[i] = (char)(b.data[i] - 'a' + 'A');
    }
    b.data[b.len++] = '!';
    b.data[b.len] = 0;
    return b;
}

YC_COROUTINE static unsigned raw(union bits b) {
    YC_YIELD();
    return b.u;
}

YC_COROUTINE int main(void) {
    struct vec a = {1.5, 2}, b = {0.25, -4};
    struct vec s = YC_AWAIT(add(a, b));
    struct vec r = add_ref(a, b);
    printf("sum=%.2f %.2f ref %.2f %.2f a=%.2f %.2f\n", s.x, s.y, r.x, r.y, a.x,
           a.y);
    struct buf in = {5, "hello"};
    struct buf out = YC_AWAIT(shout(in));
    printf("in=%s out=%s len=%d\n", in.data, out.data, out.len);
    union bits u;
    u.f = 1.0f;
    printf("bits=%#x\n", YC_AWAIT(raw(u)));
    return 0;
}
// CHECK: sum=1.75 -2.00 ref 1.75 -2.00 a=1.50 2.00
// CHECK-NEXT: in=hello out=HELLO! len=6
// CHECK-NEXT: bits=0x3f800000
