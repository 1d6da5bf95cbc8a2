/* assert.h - typed assertions for the runtime tests: a failure prints the
   location, the comparison and both operands' values, then aborts.

   The macros do not stringify their arguments: the translator rejects
   #x of an argument that names a local kept in the coroutine frame (its
   name changes there), and the line number identifies the assertion. */
#ifndef YC_TEST_ASSERT_H
#define YC_TEST_ASSERT_H

#include <stdio.h>
#include <stdlib.h>
#include <yieldc.h>

#define ASSERT_FAIL_(fmt, ...)                                                 \
    (fprintf(stderr, "%s:%d: assertion failed: " fmt "\n", __FILE__, __LINE__, \
             __VA_ARGS__),                                                     \
     abort())

#define ASSERT_CMP_(a, op, b, type, fmt)                                       \
    do {                                                                       \
        type a_val_ = (type)(a);                                               \
        type b_val_ = (type)(b);                                               \
        if (!(a_val_ op b_val_))                                               \
            ASSERT_FAIL_(fmt " %s " fmt, a_val_, #op, b_val_);                 \
    } while (0)

/* Integers of any signed or small type. */
#define ASSERT_EQ(a, b) ASSERT_CMP_(a, ==, b, long long, "%lld")
#define ASSERT_NE(a, b) ASSERT_CMP_(a, !=, b, long long, "%lld")
#define ASSERT_LT(a, b) ASSERT_CMP_(a, <, b, long long, "%lld")
#define ASSERT_LE(a, b) ASSERT_CMP_(a, <=, b, long long, "%lld")
#define ASSERT_GT(a, b) ASSERT_CMP_(a, >, b, long long, "%lld")
#define ASSERT_GE(a, b) ASSERT_CMP_(a, >=, b, long long, "%lld")
/* Unsigned integers and sizes. */
#define ASSERT_UEQ(a, b) ASSERT_CMP_(a, ==, b, unsigned long long, "%llu")
/* Pointers. */
#define ASSERT_PTR_EQ(a, b) ASSERT_CMP_(a, ==, b, const void *, "%p")
#define ASSERT_PTR_NE(a, b) ASSERT_CMP_(a, !=, b, const void *, "%p")
#define ASSERT_NULL(a) ASSERT_PTR_EQ(a, NULL)
#define ASSERT_NOT_NULL(a) ASSERT_PTR_NE(a, NULL)

/* Runtime error codes, printed by name: ASSERT_ERR(rc, YC_ETIMEDOUT). */
#define ASSERT_ERR(a, b)                                                       \
    do {                                                                       \
        int a_val_ = (a), b_val_ = (b);                                        \
        if (a_val_ != b_val_)                                                  \
            ASSERT_FAIL_("%s == %s", yc_err_name(a_val_),                      \
                         yc_err_name(b_val_));                                 \
    } while (0)
#define ASSERT_OK(a) ASSERT_ERR(a, 0)

/* Any condition. */
#define ASSERT(c)                                                              \
    do {                                                                       \
        if (!(c))                                                              \
            ASSERT_FAIL_("%s", "condition is false");                          \
    } while (0)

#endif
