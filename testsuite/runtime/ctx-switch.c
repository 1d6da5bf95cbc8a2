// The stackful context switch (runtime/src/ctx.h) keeps everything the ABI
// says a call keeps: values on both stacks across many ping-pongs and
// three-way rotations, every callee-saved register on both sides, and each
// context's own floating-point rounding mode; a new context starts on a
// 16-byte aligned stack even when its stack's top is not aligned.
// RUN: %cc -I%S %s -o %t -lm
// RUN: %run %t | FileCheck %s

#include "Inputs/assert.h"

#include "../../runtime/src/ctx.h"
#include "../../runtime/src/fiber.h"
#include "../../runtime/src/stack.h"

#include <fenv.h>
#include <stdint.h>
#if defined(__x86_64__)
#include <xmmintrin.h>
#endif

static struct yc__ctx main_ctx, a_ctx, b_ctx;
static struct yc__stack *a_stack, *b_stack;

static void to_main(struct yc__ctx *self) {
    yc__fiber_switch(self, &main_ctx, NULL, 0);
}
static void main_to(struct yc__ctx *to, const struct yc__stack *st) {
    yc__fiber_switch(&main_ctx, to, st->lo, st->size);
}
static void exit_to_main(struct yc__ctx *self) {
    yc__fiber_exit(self, &main_ctx, NULL, 0);
}

/* ------------------------------------------------------------------ */
/* Ping-pong: a generator hands main a value per switch.               */
/* ------------------------------------------------------------------ */

static long produced;

static void counter(void *arg) {
    yc__fiber_enter();
    long step = *(const long *)arg;
    long local = 0; /* lives on this stack across every switch */
    for (long i = 0;; i += step) {
        ASSERT_EQ(local, i);
        produced = i;
        to_main(&a_ctx);
        if (produced < 0)
            break;
        local += step;
    }
    exit_to_main(&a_ctx);
}

static void ping_pong(void) {
    enum { ROUNDS = 100000 };
    long step = 7, sum = 0;
    yc__ctx_make(&a_ctx, a_stack->lo, a_stack->size, counter, &step);
    for (long i = 0; i < ROUNDS; i++) {
        main_to(&a_ctx, a_stack);
        ASSERT_EQ(produced, i * step);
        sum += produced;
    }
    ASSERT_EQ(sum, step * (ROUNDS - 1) * ROUNDS / 2);
    produced = -1;
    main_to(&a_ctx, a_stack); /* the generator finishes */
    printf("ping-pong: %d round trips\n", ROUNDS);
}
// CHECK: ping-pong: 100000 round trips

/* ------------------------------------------------------------------ */
/* Rotation: main -> a -> b -> main, a token incremented at each stop. */
/* ------------------------------------------------------------------ */

static long token;
static int rotation_over;

static void rot_a(void *arg) {
    (void)arg;
    yc__fiber_enter();
    for (long r = 0; !rotation_over; r++) {
        ASSERT_EQ(token, 3 * r + 1);
        token++;
        yc__fiber_switch(&a_ctx, &b_ctx, b_stack->lo, b_stack->size);
    }
    /* Finished: b is next, and it finishes too. */
    yc__fiber_exit(&a_ctx, &b_ctx, b_stack->lo, b_stack->size);
}

static void rot_b(void *arg) {
    (void)arg;
    yc__fiber_enter();
    for (long r = 0; !rotation_over; r++) {
        ASSERT_EQ(token, 3 * r + 2);
        token++;
        to_main(&b_ctx);
    }
    exit_to_main(&b_ctx);
}

static void rotation(void) {
    long rounds = 1000;
    yc__ctx_make(&a_ctx, a_stack->lo, a_stack->size, rot_a, NULL);
    yc__ctx_make(&b_ctx, b_stack->lo, b_stack->size, rot_b, NULL);
    for (long r = 0; r < rounds; r++) {
        ASSERT_EQ(token, 3 * r);
        token++;
        main_to(&a_ctx, a_stack);
    }
    ASSERT_EQ(token, 3 * rounds);
    rotation_over = 1;
    main_to(&a_ctx, a_stack); /* a finishes into b, b into main */
    printf("rotation: token %ld\n", token);
}
// CHECK-NEXT: rotation: token 3000

/* ------------------------------------------------------------------ */
/* Callee-saved registers. regs_call(fn, arg, base) sets every         */
/* callee-saved register to base + k, calls fn(arg) (which switches    */
/* away and back), and returns a mask of the registers that did not    */
/* come back as base + k. Both sides run it, with different bases, so  */
/* each switch finds the other side's values in the registers.         */
/* ------------------------------------------------------------------ */

unsigned yc_test_regs_call(void (*fn)(void *), void *arg, uint64_t base);

#if defined(__x86_64__)
/* rbx, rbp, r12-r15: bits 0-5. */
__asm__(
    ".text\n"
    ".globl yc_test_regs_call\n"
    ".hidden yc_test_regs_call\n"
    ".type yc_test_regs_call, @function\n"
    "yc_test_regs_call:\n"
    "  pushq %rbx\n"
    "  pushq %rbp\n"
    "  pushq %r12\n"
    "  pushq %r13\n"
    "  pushq %r14\n"
    "  pushq %r15\n"
    "  subq $8, %rsp\n"     /* 16-byte alignment for the call */
    "  movq %rdx, (%rsp)\n" /* keep base */
    "  movq %rdi, %rax\n"
    "  movq %rsi, %rdi\n"
    "  movq %rdx, %rbx\n"
    "  leaq 1(%rdx), %rbp\n"
    "  leaq 2(%rdx), %r12\n"
    "  leaq 3(%rdx), %r13\n"
    "  leaq 4(%rdx), %r14\n"
    "  leaq 5(%rdx), %r15\n"
    "  callq *%rax\n"
    "  movq (%rsp), %rdx\n"
    "  xorl %eax, %eax\n"
    "  cmpq %rdx, %rbx\n  je 1f\n  orl $1, %eax\n1:\n"
    "  leaq 1(%rdx), %rcx\n  cmpq %rcx, %rbp\n  je 1f\n  orl $2, %eax\n1:\n"
    "  leaq 2(%rdx), %rcx\n  cmpq %rcx, %r12\n  je 1f\n  orl $4, %eax\n1:\n"
    "  leaq 3(%rdx), %rcx\n  cmpq %rcx, %r13\n  je 1f\n  orl $8, %eax\n1:\n"
    "  leaq 4(%rdx), %rcx\n  cmpq %rcx, %r14\n  je 1f\n  orl $16, %eax\n1:\n"
    "  leaq 5(%rdx), %rcx\n  cmpq %rcx, %r15\n  je 1f\n  orl $32, %eax\n1:\n"
    "  addq $8, %rsp\n"
    "  popq %r15\n"
    "  popq %r14\n"
    "  popq %r13\n"
    "  popq %r12\n"
    "  popq %rbp\n"
    "  popq %rbx\n"
    "  ret\n"
    ".size yc_test_regs_call, .-yc_test_regs_call\n");
#elif defined(__aarch64__)
/* x19-x28: bits 0-9; d8-d15: bits 10-17. x29 is the frame pointer and
   x30 the return address: a switch that lost them would not get back. */
#define EXPECT_X(reg, k)                                                       \
    "  add x10, x2, #" #k "\n  cmp " #reg ", x10\n  b.eq 1f\n"                 \
    "  orr w0, w0, #(1 << " #k ")\n1:\n"
#define EXPECT_D(reg, k)                                                       \
    "  add x10, x2, #" #k "\n  fmov x11, " #reg "\n  cmp x11, x10\n"           \
    "  b.eq 1f\n  orr w0, w0, #(1 << " #k ")\n1:\n"
#define SET_X(reg, k) "  add " #reg ", x2, #" #k "\n"
#define SET_D(reg, k) "  add x10, x2, #" #k "\n  fmov " #reg ", x10\n"
__asm__(
    ".text\n"
    ".globl yc_test_regs_call\n"
    ".hidden yc_test_regs_call\n"
    ".type yc_test_regs_call, %function\n"
    "yc_test_regs_call:\n"
    "  stp x29, x30, [sp, #-0xb0]!\n"
    "  stp x19, x20, [sp, #0x10]\n"
    "  stp x21, x22, [sp, #0x20]\n"
    "  stp x23, x24, [sp, #0x30]\n"
    "  stp x25, x26, [sp, #0x40]\n"
    "  stp x27, x28, [sp, #0x50]\n"
    "  stp d8, d9, [sp, #0x60]\n"
    "  stp d10, d11, [sp, #0x70]\n"
    "  stp d12, d13, [sp, #0x80]\n"
    "  stp d14, d15, [sp, #0x90]\n"
    "  str x2, [sp, #0xa0]\n" /* keep base */
    "  mov x9, x0\n"
    "  mov x0, x1\n" SET_X(x19, 0) SET_X(x20, 1) SET_X(x21, 2) SET_X(
        x22, 3) SET_X(x23, 4) SET_X(x24, 5) SET_X(x25, 6) SET_X(x26, 7)
        SET_X(x27, 8) SET_X(x28, 9) SET_D(d8, 10) SET_D(d9, 11) SET_D(
            d10, 12) SET_D(d11, 13) SET_D(d12, 14) SET_D(d13, 15) SET_D(d14, 16)
            SET_D(d15,
                  17) "  blr x9\n"
                      "  ldr x2, [sp, #0xa0]\n"
                      "  mov w0, #0\n" EXPECT_X(x19, 0) EXPECT_X(
                          x20,
                          1) EXPECT_X(x21, 2)
                          EXPECT_X(x22,
                                   3) EXPECT_X(x23, 4)
                              EXPECT_X(x24,
                                       5) EXPECT_X(x25, 6)
                                  EXPECT_X(x26,
                                           7) EXPECT_X(x27, 8)
                                      EXPECT_X(x28,
                                               9) EXPECT_D(d8, 10)
                                          EXPECT_D(d9,
                                                   11) EXPECT_D(d10, 12)
                                              EXPECT_D(d11,
                                                       13) EXPECT_D(d12, 14)
                                                  EXPECT_D(d13,
                                                           15) EXPECT_D(d14, 16)
                                                      EXPECT_D(
                                                          d15,
                                                          17) "  ldp x19, x20, "
                                                              "[sp, #0x10]\n"
                                                              "  ldp x21, x22, "
                                                              "[sp, #0x20]\n"
                                                              "  ldp x23, x24, "
                                                              "[sp, #0x30]\n"
                                                              "  ldp x25, x26, "
                                                              "[sp, #0x40]\n"
                                                              "  ldp x27, x28, "
                                                              "[sp, #0x50]\n"
                                                              "  ldp d8, d9, "
                                                              "[sp, #0x60]\n"
                                                              "  ldp d10, d11, "
                                                              "[sp, #0x70]\n"
                                                              "  ldp d12, d13, "
                                                              "[sp, #0x80]\n"
                                                              "  ldp d14, d15, "
                                                              "[sp, #0x90]\n"
                                                              "  ldp x29, x30, "
                                                              "[sp], #0xb0\n"
                                                              "  ret\n"
                                                              ".size "
                                                              "yc_test_regs_"
                                                              "call, "
                                                              ".-yc_test_regs_"
                                                              "call\n");
#else
/* No register check on this processor: report success. */
unsigned yc_test_regs_call(void (*fn)(void *), void *arg, uint64_t base) {
    (void)base;
    fn(arg);
    return 0;
}
#endif

#define BASE_MAIN UINT64_C(0x1000)
#define BASE_B UINT64_C(0x2000)
static unsigned b_mask;
static int regs_done;

static void switch_b_to_main(void *arg) {
    (void)arg;
    to_main(&b_ctx);
}

static void switch_main_to_b(void *arg) {
    (void)arg;
    main_to(&b_ctx, b_stack);
}

static void regs_peer(void *arg) {
    (void)arg;
    yc__fiber_enter();
    while (!regs_done)
        b_mask |= yc_test_regs_call(switch_b_to_main, NULL, BASE_B);
    exit_to_main(&b_ctx);
}

static void registers(void) {
    unsigned main_mask = 0;
    yc__ctx_make(&b_ctx, b_stack->lo, b_stack->size, regs_peer, NULL);
    for (int i = 0; i < 1000; i++)
        main_mask |= yc_test_regs_call(switch_main_to_b, NULL, BASE_MAIN);
    regs_done = 1;
    main_to(&b_ctx, b_stack);
    ASSERT_EQ(main_mask, 0);
    ASSERT_EQ(b_mask, 0);
    printf("registers: kept on both sides\n");
}
// CHECK-NEXT: registers: kept on both sides

/* ------------------------------------------------------------------ */
/* Rounding modes: each context keeps its own.                         */
/* ------------------------------------------------------------------ */

/* The rounding mode of the running context. On x86-64 the mode lives in
   two places, the x87 control word (which glibc's fegetround reads) and
   MXCSR (which SSE arithmetic uses), and both must follow the context;
   on AArch64 it is FPCR, which fegetround reads. The registers are read
   rather than probed with arithmetic because Valgrind keeps them but
   computes in round-to-nearest whatever they say. */
static const char *mode_name(int mode) {
    switch (mode) {
    case FE_UPWARD:
        return "upward";
    case FE_DOWNWARD:
        return "downward";
    case FE_TONEAREST:
        return "to-nearest";
    default:
        return "other";
    }
}

static const char *rounding_mode(void) {
    int mode = fegetround();
#if defined(__x86_64__)
    static const int sse_modes[4] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD,
                                     FE_TOWARDZERO};
    if (sse_modes[(_mm_getcsr() >> 13) & 3] != mode)
        return "mixed: the x87 and SSE modes differ";
#endif
    return mode_name(mode);
}

static void round_peer(void *arg) {
    (void)arg;
    yc__fiber_enter();
    /* Made while main rounded to nearest; main rounds upward now. */
    printf("b starts: %s\n", rounding_mode());
    ASSERT_EQ(fesetround(FE_DOWNWARD), 0);
    to_main(&b_ctx);
    printf("b again: %s\n", rounding_mode());
    ASSERT_EQ(fesetround(FE_TONEAREST), 0);
    exit_to_main(&b_ctx);
}

static void rounding(void) {
    yc__ctx_make(&b_ctx, b_stack->lo, b_stack->size, round_peer, NULL);
    ASSERT_EQ(fesetround(FE_UPWARD), 0);
    printf("main: %s\n", rounding_mode());
    main_to(&b_ctx, b_stack);
    printf("main again: %s\n", rounding_mode());
    main_to(&b_ctx, b_stack);
    printf("main at the end: %s\n", rounding_mode());
    ASSERT_EQ(fesetround(FE_TONEAREST), 0);
}
// CHECK-NEXT: main: upward
// CHECK-NEXT: b starts: to-nearest
// CHECK-NEXT: main again: upward
// CHECK-NEXT: b again: downward
// CHECK-NEXT: main at the end: upward

/* ------------------------------------------------------------------ */
/* Alignment: entry runs on a 16-byte aligned stack whatever the top.  */
/* ------------------------------------------------------------------ */

static void align_peer(void *arg) {
    yc__fiber_enter();
    _Alignas(16) char buf[16];
    char *volatile p = buf; /* the compiler may not fold the check */
    buf[0] = 0;
    *(uintptr_t *)arg = (uintptr_t)p;
    exit_to_main(&b_ctx);
}

static void alignment(void) {
    for (size_t cut = 0; cut < 16; cut++) {
        uintptr_t addr = 1;
        yc__ctx_make(&b_ctx, b_stack->lo, b_stack->size - cut, align_peer,
                     &addr);
        yc__fiber_switch(&main_ctx, &b_ctx, b_stack->lo, b_stack->size - cut);
        ASSERT_EQ(addr % 16, 0);
    }
    printf("alignment: 16 tops aligned\n");
}
// CHECK-NEXT: alignment: 16 tops aligned

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    ASSERT_EQ(yc__stack_alloc(0, 1, &a_stack), 0);
    ASSERT_EQ(yc__stack_alloc(0, 2, &b_stack), 0);
    ping_pong();
    rotation();
    registers();
    rounding();
    alignment();
    yc__stack_free(a_stack);
    yc__stack_free(b_stack);
    yc__stack_pool_drain();
    printf("done\n");
    return 0;
}
// CHECK-NEXT: done
