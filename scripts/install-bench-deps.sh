#!/bin/sh
# install-bench-deps.sh - installs the Debian 12 packages that only the
# benchmarks (`cmake --build build --target bench`) use, on top of
# install-deps.sh: the C++20 and Boost.Context baselines, GNU Pth,
# gnuplot for the plot, redis-server, redis-tools and wrk for row 10
# (servers), and Go for row 11 (threads, against goroutines).
# CI does not run it; the bench skips, with a message, whatever is
# missing.
set -eu

exec "$(dirname "$0")/install-deps.sh" g++ libboost-context-dev libpth-dev \
    gnuplot-nox redis-server redis-tools wrk golang-go
