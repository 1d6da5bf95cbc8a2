/* ctx_arm64_aapcs_elf.S - yc__ctx_make and yc__ctx_switch (src/ctx.h) for
   AArch64, AAPCS64 procedure call standard, ELF (Linux, the BSDs), GNU as.

   AAPCS64 makes x19-x28, x29 (frame pointer), sp and the low 64 bits of
   v8-v15 (d8-d15) callee-saved; x30 (lr) holds the return address, so it
   is saved too. FPCR's mode fields (rounding, flush-to-zero, default NaN)
   are global state that a call must not change; the switch keeps FPCR per
   context, as the x86-64 backend keeps MXCSR, so fesetround in one
   micro-thread does not leak into the others. Writing FPCR can be slow, so
   it is written only when the resumed context's value differs. Everything
   else (x0-x18, the rest of v0-v31, NZCV, FPSR) may be clobbered by any
   call. The switch pushes exactly the callee-saved state onto the stack
   it leaves, stores sp in from->sp, loads to->sp and pops the same frame
   from the stack it resumes:

       offset  contents              offset  contents
       0x00    d8                    0x08    d9
       0x10    d10                   0x18    d11
       0x20    d12                   0x28    d13
       0x30    d14                   0x38    d15
       0x40    x19                   0x48    x20
       0x50    x21                   0x58    x22
       0x60    x23                   0x68    x24
       0x70    x25                   0x78    x26
       0x80    x27                   0x88    x28
       0x90    x29 (fp)              0x98    x30 (lr: where to resume)
       0xa0    FPCR                  0xa8    padding (zero)
       0xb0    the caller's frame
               ^ ctx->sp points at offset 0x00; sp is always 16-byte
                 aligned on AArch64 and the frame is 0xb0 bytes

   A new context (yc__ctx_make) gets the same frame at the 16-byte aligned
   top of its stack, with entry in x19, arg in x20, zero in the other
   registers (x29 = 0 ends frame-pointer chains), the creator's FPCR, and
   yc__ctx_trampoline in x30. The first switch to it returns into the
   trampoline with sp at the stack top, and the trampoline calls
   entry(arg).

   With branch target identification (__ARM_FEATURE_BTI_DEFAULT,
   -mbranch-protection=bti) the entry points start with `bti c` and the
   object carries the GNU property note that marks it BTI-compatible. The
   switch returns with ret, which BTI does not check. */

#if defined(__ARM_FEATURE_BTI_DEFAULT) && __ARM_FEATURE_BTI_DEFAULT == 1
#define YC__BTI_C bti c
#else
#define YC__BTI_C
#endif

        .text

/* void yc__ctx_switch(struct yc__ctx *from (x0), struct yc__ctx *to (x1))

   The CFI describes the frame above while it is on the stack: because the
   resumed frame has the same layout, the same rules hold after sp moves
   to the other stack, until the frame is popped. */
        .globl  yc__ctx_switch
        .hidden yc__ctx_switch
        .type   yc__ctx_switch, %function
        .p2align 4
yc__ctx_switch:
        .cfi_startproc
        YC__BTI_C                       /* indirect-call landing pad (BTI) */
        sub     sp, sp, #0xb0           /* room for the frame */
        .cfi_def_cfa_offset 0xb0
        stp     d8, d9, [sp, #0x00]     /* save d8, d9 */
        .cfi_offset d8, -0xb0
        .cfi_offset d9, -0xa8
        stp     d10, d11, [sp, #0x10]   /* save d10, d11 */
        .cfi_offset d10, -0xa0
        .cfi_offset d11, -0x98
        stp     d12, d13, [sp, #0x20]   /* save d12, d13 */
        .cfi_offset d12, -0x90
        .cfi_offset d13, -0x88
        stp     d14, d15, [sp, #0x30]   /* save d14, d15 */
        .cfi_offset d14, -0x80
        .cfi_offset d15, -0x78
        stp     x19, x20, [sp, #0x40]   /* save x19, x20 */
        .cfi_offset x19, -0x70
        .cfi_offset x20, -0x68
        stp     x21, x22, [sp, #0x50]   /* save x21, x22 */
        .cfi_offset x21, -0x60
        .cfi_offset x22, -0x58
        stp     x23, x24, [sp, #0x60]   /* save x23, x24 */
        .cfi_offset x23, -0x50
        .cfi_offset x24, -0x48
        stp     x25, x26, [sp, #0x70]   /* save x25, x26 */
        .cfi_offset x25, -0x40
        .cfi_offset x26, -0x38
        stp     x27, x28, [sp, #0x80]   /* save x27, x28 */
        .cfi_offset x27, -0x30
        .cfi_offset x28, -0x28
        stp     x29, x30, [sp, #0x90]   /* save the frame pointer and lr */
        .cfi_offset x29, -0x20
        .cfi_offset x30, -0x18
        mrs     x9, fpcr                /* x9 = FPCR, still current below */
        str     x9, [sp, #0xa0]         /* save FPCR */

        mov     x10, sp                 /* sp cannot be stored directly */
        str     x10, [x0]               /* from->sp = this frame */
        ldr     x10, [x1]               /* the frame saved in to->sp */
        mov     sp, x10                 /* switch to the resumed stack */

        ldp     d8, d9, [sp, #0x00]     /* restore d8, d9 */
        ldp     d10, d11, [sp, #0x10]   /* restore d10, d11 */
        ldp     d12, d13, [sp, #0x20]   /* restore d12, d13 */
        ldp     d14, d15, [sp, #0x30]   /* restore d14, d15 */
        ldp     x19, x20, [sp, #0x40]   /* restore x19, x20 */
        ldp     x21, x22, [sp, #0x50]   /* restore x21, x22 */
        ldp     x23, x24, [sp, #0x60]   /* restore x23, x24 */
        ldp     x25, x26, [sp, #0x70]   /* restore x25, x26 */
        ldp     x27, x28, [sp, #0x80]   /* restore x27, x28 */
        ldp     x29, x30, [sp, #0x90]   /* restore fp and the resume address */
        ldr     x10, [sp, #0xa0]        /* the resumed context's FPCR */
        cmp     x9, x10                 /* same as the one in force? */
        b.eq    1f                      /* yes: skip the costly write */
        msr     fpcr, x10               /* no: install it */
1:      add     sp, sp, #0xb0           /* pop the frame */
        .cfi_def_cfa_offset 0
        .cfi_restore d8
        .cfi_restore d9
        .cfi_restore d10
        .cfi_restore d11
        .cfi_restore d12
        .cfi_restore d13
        .cfi_restore d14
        .cfi_restore d15
        .cfi_restore x19
        .cfi_restore x20
        .cfi_restore x21
        .cfi_restore x22
        .cfi_restore x23
        .cfi_restore x24
        .cfi_restore x25
        .cfi_restore x26
        .cfi_restore x27
        .cfi_restore x28
        .cfi_restore x29
        .cfi_restore x30
        ret                             /* resume at x30 of the other side */
        .cfi_endproc
        .size   yc__ctx_switch, .-yc__ctx_switch

/* void yc__ctx_make(struct yc__ctx *ctx (x0), void *stack_lo (x1),
                     size_t size (x2), void (*entry)(void *) (x3),
                     void *arg (x4))

   Writes the initial frame at the top of the stack (see the header) and
   points ctx->sp at it. Touches only the new stack and *ctx. */
        .globl  yc__ctx_make
        .hidden yc__ctx_make
        .type   yc__ctx_make, %function
        .p2align 4
yc__ctx_make:
        .cfi_startproc
        YC__BTI_C                       /* indirect-call landing pad (BTI) */
        add     x9, x1, x2              /* x9 = one past the stack's top byte */
        and     x9, x9, #~15            /* align the top down to 16 bytes */
        sub     x9, x9, #0xb0           /* x9 = the frame, 0xb0 below the top */
        stp     xzr, xzr, [x9, #0x00]   /* d8 = d9 = 0 */
        stp     xzr, xzr, [x9, #0x10]   /* d10 = d11 = 0 */
        stp     xzr, xzr, [x9, #0x20]   /* d12 = d13 = 0 */
        stp     xzr, xzr, [x9, #0x30]   /* d14 = d15 = 0 */
        stp     x3, x4, [x9, #0x40]     /* x19 = entry, x20 = arg */
        stp     xzr, xzr, [x9, #0x50]   /* x21 = x22 = 0 */
        stp     xzr, xzr, [x9, #0x60]   /* x23 = x24 = 0 */
        stp     xzr, xzr, [x9, #0x70]   /* x25 = x26 = 0 */
        stp     xzr, xzr, [x9, #0x80]   /* x27 = x28 = 0 */
        adr     x10, yc__ctx_trampoline /* the first switch resumes here */
        stp     xzr, x10, [x9, #0x90]   /* x29 = 0, x30 = the trampoline */
        mrs     x10, fpcr               /* the creator's FPCR */
        stp     x10, xzr, [x9, #0xa0]   /* FPCR and zero padding */
        str     x9, [x0]                /* ctx->sp = the frame */
        ret                             /* back to the creator */
        .cfi_endproc
        .size   yc__ctx_make, .-yc__ctx_make

/* The bottom of every context's stack: the first switch to a new context
   returns here with entry in x19, arg in x20 and sp 16-byte aligned. The
   return address (x30) is undefined, so unwinders stop here instead of
   walking into whatever lies above the stack top. */
        .type   yc__ctx_trampoline, %function
        .p2align 4
yc__ctx_trampoline:
        .cfi_startproc
        .cfi_undefined x30
        mov     x0, x20                 /* first argument: arg */
        blr     x19                     /* entry(arg); it must not return */
        brk     #0x3e8                  /* it did: trap rather than run on */
        .cfi_endproc
        .size   yc__ctx_trampoline, .-yc__ctx_trampoline

#if defined(__ARM_FEATURE_BTI_DEFAULT) && __ARM_FEATURE_BTI_DEFAULT == 1
/* GNU property note: this object is BTI-compatible. */
        .section .note.gnu.property, "a"
        .p2align 3
        .word   4                       /* n_namesz: "GNU\0" */
        .word   16                      /* n_descsz: one property, padded */
        .word   5                       /* n_type: NT_GNU_PROPERTY_TYPE_0 */
        .asciz  "GNU"                   /* n_name */
        .word   0xc0000000              /* GNU_PROPERTY_AARCH64_FEATURE_1_AND */
        .word   4                       /* pr_datasz */
        .word   1                       /* GNU_PROPERTY_AARCH64_FEATURE_1_BTI */
        .word   0                       /* padding to 8 bytes */
#endif

/* The stack of a program linking this object stays non-executable. */
        .section .note.GNU-stack, "", %progbits
