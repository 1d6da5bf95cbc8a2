#!/bin/sh
# run.sh BUILD-DIR SECONDS [TARGET...] - builds the libFuzzer targets
# (build.sh) into BUILD-DIR/fuzz and runs each TARGET (default: http resp
# runtime translator) for SECONDS. Each starts from its committed seeds
# (corpus/TARGET) and past findings (regressions/TARGET), the translator
# also from the test suite's programs, and keeps what it learns in
# BUILD-DIR/fuzz/corpus-TARGET. A finding is written to BUILD-DIR/fuzz/
# findings/TARGET-*: fix it and add it to regressions/TARGET.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:?usage: run.sh BUILD-DIR SECONDS [TARGET...]}
secs=${2:?usage: run.sh BUILD-DIR SECONDS [TARGET...]}
shift 2
[ $# -gt 0 ] || set -- http resp runtime translator
out=$build/fuzz
"$here/build.sh" "$out" "$build/compiler/yieldc"
mkdir -p "$out/findings"
status=0
for t; do
    mkdir -p "$out/corpus-$t"
    set -- "$out/corpus-$t" "$here/corpus/$t" "$here/regressions/$t"
    case $t in
    translator)
        # libclang's own allocations are no finding: leaks are checked by
        # the Valgrind pass over the translator instead.
        set -- "$@" "$root/testsuite/run" "$root/testsuite/translate" \
            -close_fd_mask=2 -rss_limit_mb=4096 -max_len=65536 \
            -detect_leaks=0 ;;
    runtime) set -- "$@" -max_len=512 ;;
    esac
    echo "fuzz_$t: $secs s"
    if ! "$out/fuzz_$t" "$@" -max_total_time="$secs" \
        -artifact_prefix="$out/findings/$t-" -print_final_stats=1 \
        >"$out/fuzz_$t.log" 2>&1; then
        echo "fuzz_$t: FINDING (see $out/fuzz_$t.log)"
        status=1
    fi
    grep -E "^stat::number_of_executed_units|^Done [0-9]+ runs" \
        "$out/fuzz_$t.log" | tail -1
done
exit $status
