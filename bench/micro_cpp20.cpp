// micro_cpp20.cpp - the C++20 coroutine baselines of the micro-benchmarks
// (micro_bench.c), compiled with clang++ -std=c++20 -O2: a generator, a
// lazy task awaited by co_await (which clang may allocate inside the
// caller's frame: elided), a child that suspends once onto a FIFO queue,
// two tasks taking turns on that queue, spawning many tasks onto a FIFO
// and joining them, sleepers on a binary-heap timer queue, and the frame
// size of a two-int coroutine waiting on an event. A
// replaced operator new counts allocations and records the last size.
#include "micro_base.h"

#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <queue>
#include <time.h>
#include <vector>

static long allocs;    // operator new calls so far
static long last_size; // size of the last allocation

void *operator new(std::size_t n) {
    allocs++;
    last_size = (long)n;
    if (void *p = std::malloc(n))
        return p;
    std::abort();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }

long micro_cpp_allocs(void) { return allocs; }

// ------------------------------------------------------------------
// Row 1: a generator
// ------------------------------------------------------------------

struct generator {
    struct promise_type {
        long value;
        generator get_return_object() {
            return generator{
                std::coroutine_handle<promise_type>::from_promise(*this)};
        }
        std::suspend_always initial_suspend() noexcept { return {}; }
        std::suspend_always final_suspend() noexcept { return {}; }
        std::suspend_always yield_value(long v) noexcept {
            value = v;
            return {};
        }
        void return_void() noexcept {}
        void unhandled_exception() noexcept { std::abort(); }
    };
    std::coroutine_handle<promise_type> h;
    explicit generator(std::coroutine_handle<promise_type> h) : h(h) {}
    generator(generator &&o) noexcept : h(o.h) { o.h = {}; }
    ~generator() {
        if (h)
            h.destroy();
    }
};

static generator counter() {
    long n = 0;
    for (;;) {
        n++;
        co_yield n;
    }
}

long micro_cpp_gen_run(long iters) {
    generator g = counter();
    std::coroutine_handle<generator::promise_type> h = g.h;
    for (long i = 0; i < iters; i++) {
        // Hide the handle, so that the resume stays an indirect call as
        // it would be for a generator passed around.
        __asm__ volatile("" : "+r"(h) : : "memory");
        h.resume();
    }
    return h.promise().value;
}

// ------------------------------------------------------------------
// Rows 2 and 3: a lazy task with symmetric transfer
// ------------------------------------------------------------------

template <typename T> struct task {
    struct promise_type {
        T value;
        std::coroutine_handle<> cont;
        task get_return_object() {
            return task{
                std::coroutine_handle<promise_type>::from_promise(*this)};
        }
        std::suspend_always initial_suspend() noexcept { return {}; }
        struct final_awaiter {
            bool await_ready() noexcept { return false; }
            std::coroutine_handle<>
            await_suspend(std::coroutine_handle<promise_type> h) noexcept {
                std::coroutine_handle<> c = h.promise().cont;
                return c ? c : std::noop_coroutine();
            }
            void await_resume() noexcept {}
        };
        final_awaiter final_suspend() noexcept { return {}; }
        void return_value(T v) noexcept { value = v; }
        void unhandled_exception() noexcept { std::abort(); }
    };
    std::coroutine_handle<promise_type> h;
    explicit task(std::coroutine_handle<promise_type> h) : h(h) {}
    task(task &&o) noexcept : h(o.h) { o.h = {}; }
    ~task() {
        if (h)
            h.destroy();
    }
    bool await_ready() noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
        h.promise().cont = c;
        return h;
    }
    T await_resume() noexcept { return h.promise().value; }
};

static task<int> leaf(int x) { co_return x + 1; }

static task<long> await_loop(long iters) {
    long s = 0;
    for (long i = 0; i < iters; i++)
        s += co_await leaf((int)i);
    co_return s;
}

long micro_cpp_await_run(long iters) {
    task<long> t = await_loop(iters);
    t.h.resume();
    return t.h.promise().value;
}

// A FIFO run queue of handles, as small as a scheduler can be.
static std::coroutine_handle<> queue[16];
static unsigned qhead, qtail;

struct yield_to_queue {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept {
        queue[qtail++ & 15] = h;
    }
    void await_resume() noexcept {}
};

static task<int> leaf_yield(int x) {
    co_await yield_to_queue{};
    co_return x + 1;
}

static task<long> roundtrip_loop(long iters) {
    long s = 0;
    for (long i = 0; i < iters; i++)
        s += co_await leaf_yield((int)i);
    co_return s;
}

long micro_cpp_roundtrip_run(long iters) {
    task<long> t = roundtrip_loop(iters);
    queue[qtail++ & 15] = t.h;
    while (qhead != qtail)
        queue[qhead++ & 15].resume();
    return t.h.promise().value;
}

// Two tasks on the FIFO, each yielding iters / 2 times.
static task<long> spinner(long iters) {
    long n = 0;
    for (long i = 0; i < iters; i++) {
        n++;
        co_await yield_to_queue{};
    }
    co_return n;
}

// Queues two tasks and runs the FIFO until both have finished.
template <typename T> static long run_two(T a, T b) {
    queue[qtail++ & 15] = a.h;
    queue[qtail++ & 15] = b.h;
    while (qhead != qtail)
        queue[qhead++ & 15].resume();
    return a.h.promise().value + b.h.promise().value;
}

long micro_cpp_yield2_run(long iters) {
    return run_two(spinner(iters / 2), spinner(iters - iters / 2));
}

long micro_cpp_roundtrip2_run(long iters) {
    return run_two(roundtrip_loop(iters / 2),
                   roundtrip_loop(iters - iters / 2));
}

// ------------------------------------------------------------------
// Row 4: spawn many tasks onto a FIFO, run them, join them
// ------------------------------------------------------------------

static task<int> child(int x) { co_return x + 1; }

// Creates iters lazy tasks and queues them on a ring of handles (a power
// of two in size), runs the ring until it is empty, then reads every
// result and frees every frame, as yieldc's spawn-all-then-join-all.
long micro_cpp_spawn_run(long iters) {
    std::size_t size = 1;
    while (size < (std::size_t)iters)
        size *= 2;
    std::vector<std::coroutine_handle<>> ring(size);
    std::vector<task<int>> tasks;
    tasks.reserve((std::size_t)iters);
    std::size_t head = 0, tail = 0;
    for (long i = 0; i < iters; i++) {
        tasks.push_back(child((int)i));
        ring[tail++ & (size - 1)] = tasks.back().h;
    }
    while (head != tail)
        ring[head++ & (size - 1)].resume();
    long s = 0;
    for (task<int> &t : tasks) {
        s += t.h.promise().value;
        t.h.destroy();
        t.h = {};
    }
    return s;
}

// ------------------------------------------------------------------
// Row 8: sleepers on a binary-heap timer queue
// ------------------------------------------------------------------

// A coroutine that starts at once and frees its frame when it ends.
struct detached {
    struct promise_type {
        detached get_return_object() { return {}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_void() noexcept {}
        void unhandled_exception() noexcept { std::abort(); }
    };
};

static long long clock_ns() {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

struct timer_entry {
    long long deadline;        // when to resume
    unsigned long seq;         // arming order, for FIFO among equal deadlines
    std::coroutine_handle<> h; // the sleeper
    bool operator>(const timer_entry &o) const {
        return deadline != o.deadline ? deadline > o.deadline : seq > o.seq;
    }
};

static std::priority_queue<timer_entry, std::vector<timer_entry>,
                           std::greater<timer_entry>>
    timers;
static unsigned long timer_seq;

struct sleep_until {
    long long deadline;
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) {
        timers.push({deadline, timer_seq++, h});
    }
    void await_resume() noexcept {}
};

static long long wake_at, last_asleep;
static long sleepers_left;

static detached sleeper() {
    last_asleep = clock_ns();
    co_await sleep_until{wake_at};
    --sleepers_left;
}

long micro_cpp_sleep_run(long iters) {
    long long start = clock_ns();
    wake_at = start + micro_sleep_lead_ns(iters);
    sleepers_left = iters;
    for (long i = 0; i < iters; i++)
        sleeper();
    // The scheduler: one clock read per round, resume what is due, sleep
    // until the next deadline.
    while (sleepers_left) {
        long long now = clock_ns();
        while (!timers.empty() && timers.top().deadline <= now) {
            std::coroutine_handle<> h = timers.top().h;
            timers.pop();
            h.resume();
        }
        if (!timers.empty() && timers.top().deadline > now) {
            long long d = timers.top().deadline;
            struct timespec ts = {(time_t)(d / 1000000000),
                                  (long)(d % 1000000000)};
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);
        }
    }
    micro_phase_done(last_asleep - start, wake_at, clock_ns());
    return iters;
}

// ------------------------------------------------------------------
// Row 5: the frame of a two-int coroutine waiting on an event
// ------------------------------------------------------------------

struct event {
    std::coroutine_handle<> waiter;
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept { waiter = h; }
    void await_resume() noexcept {}
};

static volatile long sink;

static detached idle(event &e, int x) {
    int a = x * 3, b = x ^ 5;
    co_await e;
    sink = sink + a + b;
}

long micro_cpp_idle_frame(void) {
    event e;
    idle(e, 7);
    long size = last_size;
    e.waiter.resume();
    return size;
}
