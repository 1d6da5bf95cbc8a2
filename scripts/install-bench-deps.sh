#!/bin/sh
# install-bench-deps.sh - installs the Debian 12 packages that only the
# benchmarks (`cmake --build build --target bench`) use, on top of
# install-deps.sh: the C++20 and Boost.Context baselines, GNU Pth,
# gnuplot for the plot, and redis-server and wrk for row 10 (servers).
# CI does not run it; the bench skips, with a message, whatever is
# missing.
set -eu

packages="g++ clang libboost-context-dev libpth-dev gnuplot-nox python3
valgrind redis-server redis-tools wrk"

missing=""
for package in $packages; do
    state=$(dpkg -s "$package" 2>/dev/null | sed -n 's/^Status: //p' || true)
    [ "$state" = "install ok installed" ] || missing="$missing $package"
done
[ -n "$missing" ] || exit 0

if [ "$(id -u)" -eq 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1; then
    run="sudo"
else
    echo "install-bench-deps.sh: not root and no sudo; install:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$run apt-get update
# shellcheck disable=SC2086
$run apt-get install -y --no-install-recommends $missing
