#!/bin/sh
# coverage.sh BUILD-DIR - line and branch coverage of compiler/ and
# runtime/src/ by the test suite, in a build configured with
# -DYC_COVERAGE=ON: zeroes the counters, builds and runs `check` (both
# lowerings), and prints lcov's summary for each directory. The report
# (HTML) goes to BUILD-DIR/coverage/. Needs lcov (Debian: lcov).
set -eu
build=$(cd "${1:?usage: coverage.sh BUILD-DIR}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
lcov_rc="--rc lcov_branch_coverage=1"
cd "$build"
# shellcheck disable=SC2086
lcov $lcov_rc --quiet --zerocounters --directory .
cmake --build . --target check || true
# shellcheck disable=SC2086
lcov $lcov_rc --quiet --capture --directory . --base-directory "$root" \
    --output-file coverage-all.info
for part in runtime/src compiler; do
    name=$(echo "$part" | tr / -)
    # shellcheck disable=SC2086
    lcov $lcov_rc --quiet --extract coverage-all.info "$root/$part/*" \
        --output-file "coverage-$name.info"
    echo "== $part"
    # shellcheck disable=SC2086
    lcov $lcov_rc --summary "coverage-$name.info" 2>&1 | grep -E "lines|branches|functions"
done
if command -v genhtml >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    genhtml $lcov_rc --quiet --output-directory coverage \
        coverage-runtime-src.info coverage-compiler.info >/dev/null
    echo "report: $build/coverage/index.html"
fi
