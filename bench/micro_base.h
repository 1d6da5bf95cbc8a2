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

/* Row 2, call-heavy code: an expression tree of EVAL_NODES nodes
   (micro_eval_tree), evaluated by a recursive plain C function, one call
   per node; iters is the number of nodes evaluated. */
struct micro_enode {
    int op; /* 0 a constant, 1 +, 2 -, 3 ^ */
    long val;
    const struct micro_enode *l, *r;
};
#define EVAL_NODES 65535
const struct micro_enode *micro_eval_tree(void);
long micro_eval_plain_run(long iters);

/* Row 1: resumes a C++20 generator iters times. */
long micro_cpp_gen_run(long iters);
/* Row 2: co_awaits a child task that returns at once, iters times. */
long micro_cpp_await_run(long iters);
/* Row 3: co_awaits a child task that suspends once onto a FIFO queue and
   is resumed by a scheduler loop, iters times. */
long micro_cpp_roundtrip_run(long iters);
/* Row 3: two C++20 tasks on the FIFO each yield iters / 2 times. */
long micro_cpp_yield2_run(long iters);
/* Row 3: two C++20 tasks each co_await a child that suspends once onto
   the FIFO, iters / 2 times. */
long micro_cpp_roundtrip2_run(long iters);
/* Row 4: creates iters C++20 tasks, queues them all on a FIFO, runs the
   queue, then reads each result and destroys the frame. */
long micro_cpp_spawn_run(long iters);
/* Row 8: iters C++20 coroutines sleep on a binary-heap timer queue until
   one deadline; times their wake-up through micro_phase_done. */
long micro_cpp_sleep_run(long iters);

/* The yieldc sides of the rows with several micro-threads
   (micro_sched.c): rows 3 (yield and await with another task ready), 4
   (spawn all, then join all), 7 (channel ping-pong and mutex hand-off,
   iters messages or hand-offs) and 8 (iters sleepers woken at once). */
long micro_yc_yield2_run(long iters);
long micro_yc_roundtrip2_run(long iters);
long micro_yc_spawn_run(long iters);
long micro_yc_chan_run(long iters);
long micro_yc_mutex_run(long iters);
long micro_yc_event_run(long iters);
long micro_yc_sleep_run(long iters);

/* The pthread baselines (micro_base.c): create + join iters threads (in
   small batches), and iters messages of a mutex + condvar ping-pong. */
long micro_pthread_spawn_run(long iters);
long micro_pthread_pingpong_run(long iters);

/* For the sleeper rows (micro_bench.c): how far ahead to put the common
   deadline for n sleepers, in ns, so that all are asleep before it comes;
   and the report of a run: setup_ns from the start to the last sleeper
   falling asleep, and the clock (CLOCK_MONOTONIC ns) at the common
   deadline and at the last wake-up. The harness then times that phase,
   not the whole run. */
long long micro_sleep_lead_ns(long n);
void micro_phase_done(long long setup_ns, long long deadline, long long last);

/* Heap allocations made by the C++ side so far (elision check). */
long micro_cpp_allocs(void);
/* Row 5: the frame size of the two-int coroutine waiting on an event. */
long micro_cpp_idle_frame(void);

#ifdef __cplusplus
}
#endif

#endif
