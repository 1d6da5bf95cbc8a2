/* micro_base.h - the baselines the micro-benchmarks compare yieldc with:
   plain C (micro_base.c) and C++20 coroutines (micro_cpp20.cpp). Each
   *_run(iters) does iters operations and returns a checksum. */
#ifndef MICRO_BASE_H
#define MICRO_BASE_H

#ifdef __cplusplus
extern "C" {
#endif

/* Row 1: resumes a hand-written state machine iters times. */
long micro_sm_run(long iters);
/* Row 2: calls a noinline function iters times. */
long micro_call_run(long iters);

/* Row 1: resumes a C++20 generator iters times. */
long micro_cpp_gen_run(long iters);
/* Row 2: co_awaits a child task that returns at once, iters times. */
long micro_cpp_await_run(long iters);
/* Row 3: co_awaits a child task that suspends once onto a FIFO queue and
   is resumed by a scheduler loop, iters times. */
long micro_cpp_roundtrip_run(long iters);
/* Heap allocations made by the C++ side so far (elision check). */
long micro_cpp_allocs(void);
/* Row 5: the frame size of the two-int coroutine waiting on an event. */
long micro_cpp_idle_frame(void);

#ifdef __cplusplus
}
#endif

#endif
