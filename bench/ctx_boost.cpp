// ctx_boost.cpp - the Boost.Context baseline of ctx_bench.c: the same
// ping-pong as the yieldc one, between the caller and a
// boost::context::fiber (libboost-context-dev). Compiled with g++ -O2 and
// linked into ctx_bench, so that both run in the same process, alternately.
#include <boost/context/fiber.hpp>

#include <time.h>
#include <utility>

namespace ctx = boost::context;

static long long clock_ns() {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

// Switches `rounds` times to a fiber and back (2 * rounds switches) and
// returns the nanoseconds taken. The fiber is made (and its stack
// allocated) before the clock starts and unwound after it stops.
extern "C" long long yc_bench_boost_pingpong(long rounds) {
    ctx::fiber peer{[](ctx::fiber &&back) {
        for (;;)
            back = std::move(back).resume();
        return std::move(back);
    }};
    peer = std::move(peer).resume(); // first entry: not timed
    long long t0 = clock_ns();
    for (long i = 0; i < rounds; i++)
        peer = std::move(peer).resume();
    return clock_ns() - t0;
}
