/* ctx_x86_64_sysv_elf.S - yc__ctx_make and yc__ctx_switch (src/ctx.h) for
   x86-64, System V ABI, ELF (Linux, the BSDs), GNU as syntax.

   The System V ABI makes rbx, rbp, r12-r15, rsp, the control bits of
   MXCSR and the x87 control word callee-saved; every other register
   (rax, rcx, rdx, rsi, rdi, r8-r11, xmm0-15, the x87 stack, the flags) may
   be clobbered by any call, so a caller of yc__ctx_switch has already
   saved what it needs of them. The switch pushes exactly the callee-saved
   state onto the stack it leaves, stores rsp in from->sp, loads to->sp and
   pops the same frame from the stack it resumes:

       offset  contents                         size
       0x00    MXCSR (control and status)       4
       0x04    x87 control word                 2
       0x06    padding (zero in a new frame)    2
       0x08    r12                              8
       0x10    r13                              8
       0x18    r14                              8
       0x20    r15                              8
       0x28    rbx                              8
       0x30    rbp                              8
       0x38    return address (pushed by call)  8
       0x40    the caller's frame
               ^ ctx->sp points at offset 0x00; it is 16-byte aligned,
                 because rsp is 8 mod 16 just after a call

   A new context (yc__ctx_make) gets the same frame at the top of its
   stack, with entry in r12, arg in r13, zero in the other registers, the
   creator's MXCSR and x87 control word, and yc__ctx_trampoline as the
   return address. The first switch to it "returns" into the trampoline
   with rsp at the 16-byte aligned stack top; the trampoline calls
   entry(arg), so entry starts with rsp 8 mod 16, as the ABI requires.

   The switch resumes the other context with an indirect jmp rather than
   ret: a ret into a different stack always misses the return stack
   buffer, while the indirect branch predictor learns the alternation of
   a ping-pong (in bench/ctx_bench.c on an AMD EPYC, a ret-based switch
   took about 2.5 times as long as this one). With Intel CET (__CET__, -fcf-protection) the jmp would
   need an endbr64 at every return address, so that build uses ret; it
   marks the object IBT-compatible but not SHSTK-compatible (a context
   switch breaks the shadow stack). */

#if defined(__CET__) && (__CET__ & 1)
#define YC__ENDBR endbr64
#else
#define YC__ENDBR
#endif

        .text

/* void yc__ctx_switch(struct yc__ctx *from (rdi), struct yc__ctx *to (rsi))

   The CFI describes the frame above while it is on the stack: because the
   resumed frame has the same layout, the same rules hold after rsp moves
   to the other stack, until the frame is popped. */
        .globl  yc__ctx_switch
        .hidden yc__ctx_switch
        .type   yc__ctx_switch, @function
        .p2align 4
yc__ctx_switch:
        .cfi_startproc
        YC__ENDBR                       /* indirect-branch landing pad (CET) */
        leaq    -0x38(%rsp), %rsp       /* room below the return address */
        .cfi_adjust_cfa_offset 0x38
        stmxcsr (%rsp)                  /* save MXCSR at 0x00 */
        fnstcw  0x04(%rsp)              /* save the x87 control word at 0x04 */
        movq    %r12, 0x08(%rsp)        /* save r12 */
        .cfi_rel_offset r12, 0x08
        movq    %r13, 0x10(%rsp)        /* save r13 */
        .cfi_rel_offset r13, 0x10
        movq    %r14, 0x18(%rsp)        /* save r14 */
        .cfi_rel_offset r14, 0x18
        movq    %r15, 0x20(%rsp)        /* save r15 */
        .cfi_rel_offset r15, 0x20
        movq    %rbx, 0x28(%rsp)        /* save rbx */
        .cfi_rel_offset rbx, 0x28
        movq    %rbp, 0x30(%rsp)        /* save rbp */
        .cfi_rel_offset rbp, 0x30

        movq    %rsp, (%rdi)            /* from->sp = this frame */
        movq    (%rsi), %rsp            /* switch to the frame in to->sp */

        ldmxcsr (%rsp)                  /* restore MXCSR */
        fldcw   0x04(%rsp)              /* restore the x87 control word */
        movq    0x08(%rsp), %r12        /* restore r12 */
        .cfi_restore r12
        movq    0x10(%rsp), %r13        /* restore r13 */
        .cfi_restore r13
        movq    0x18(%rsp), %r14        /* restore r14 */
        .cfi_restore r14
        movq    0x20(%rsp), %r15        /* restore r15 */
        .cfi_restore r15
        movq    0x28(%rsp), %rbx        /* restore rbx */
        .cfi_restore rbx
        movq    0x30(%rsp), %rbp        /* restore rbp */
        .cfi_restore rbp
#if defined(__CET__) && (__CET__ & 1)
        leaq    0x38(%rsp), %rsp        /* pop all but the return address */
        .cfi_adjust_cfa_offset -0x38
        ret                             /* return into the resumed context */
#else
        movq    0x38(%rsp), %r8         /* the resumed return address */
        leaq    0x40(%rsp), %rsp        /* pop frame and return address */
        .cfi_adjust_cfa_offset -0x40
        .cfi_register rip, r8
        jmp     *%r8                    /* continue in the resumed context */
#endif
        .cfi_endproc
        .size   yc__ctx_switch, .-yc__ctx_switch

/* void yc__ctx_make(struct yc__ctx *ctx (rdi), void *stack_lo (rsi),
                     size_t size (rdx), void (*entry)(void *) (rcx),
                     void *arg (r8))

   Writes the initial frame at the top of the stack (see the header) and
   points ctx->sp at it. Touches only the new stack and *ctx. */
        .globl  yc__ctx_make
        .hidden yc__ctx_make
        .type   yc__ctx_make, @function
        .p2align 4
yc__ctx_make:
        .cfi_startproc
        YC__ENDBR                       /* indirect-branch landing pad (CET) */
        leaq    (%rsi,%rdx), %rax       /* rax = one past the top byte */
        andq    $-16, %rax              /* align the top down to 16 bytes */
        leaq    -0x40(%rax), %rax       /* rax = frame, 0x40 below top */
        stmxcsr (%rax)                  /* the creator's MXCSR */
        fnstcw  0x04(%rax)              /* the creator's x87 control word */
        movw    $0, 0x06(%rax)          /* clear the padding */
        movq    %rcx, 0x08(%rax)        /* r12 = entry, for the trampoline */
        movq    %r8, 0x10(%rax)         /* r13 = arg, for the trampoline */
        movq    $0, 0x18(%rax)          /* r14 = 0 */
        movq    $0, 0x20(%rax)          /* r15 = 0 */
        movq    $0, 0x28(%rax)          /* rbx = 0 */
        movq    $0, 0x30(%rax)          /* rbp = 0 ends frame-pointer chains */
        leaq    yc__ctx_trampoline(%rip), %rcx /* first "return" */
        movq    %rcx, 0x38(%rax)        /* store it as the return address */
        movq    %rax, (%rdi)            /* ctx->sp = the frame */
        ret                             /* back to the creator */
        .cfi_endproc
        .size   yc__ctx_make, .-yc__ctx_make

/* The bottom of every context's stack: the first switch to a new context
   arrives here with entry in r12, arg in r13 and rsp 16-byte aligned.
   The return address is undefined, so unwinders (gdb, libgcc's, libunwind)
   stop here instead of walking into whatever lies above the stack top. */
        .type   yc__ctx_trampoline, @function
        .p2align 4
yc__ctx_trampoline:
        .cfi_startproc
        .cfi_undefined rip
        YC__ENDBR                       /* reached by an indirect jmp */
        movq    %r13, %rdi              /* first argument: arg */
        callq   *%r12                   /* entry(arg); it must not return */
        ud2                             /* it did: trap rather than run on */
        .cfi_endproc
        .size   yc__ctx_trampoline, .-yc__ctx_trampoline

#if defined(__CET__) && (__CET__ & 1)
/* GNU property note: this object is IBT-compatible (every indirect-branch
   target has endbr64). SHSTK is deliberately not claimed. */
        .section .note.gnu.property, "a"
        .p2align 3
        .long   4                       /* n_namesz: "GNU\0" */
        .long   16                      /* n_descsz: one property, padded */
        .long   5                       /* n_type: NT_GNU_PROPERTY_TYPE_0 */
        .asciz  "GNU"                   /* n_name */
        .long   0xc0000002              /* GNU_PROPERTY_X86_FEATURE_1_AND */
        .long   4                       /* pr_datasz */
        .long   1                       /* GNU_PROPERTY_X86_FEATURE_1_IBT */
        .long   0                       /* padding to 8 bytes */
#endif

/* The stack of a program linking this object stays non-executable. */
        .section .note.GNU-stack, "", %progbits
