#!/bin/sh
# build.sh OUTDIR [YIELDC] - builds the libFuzzer targets into OUTDIR with
# clang (-fsanitize=fuzzer,address,undefined; Debian: clang and
# libclang-rt-14-dev): fuzz_http, fuzz_resp (the example servers'
# parsers), fuzz_translator (the translator's passes, linked with
# libclang) and fuzz_runtime (a coroutine program, translated first with
# YIELDC, default build/compiler/yieldc). The sources are compiled here,
# not taken from a CMake build: they need clang's coverage instrumentation.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: build.sh OUTDIR [YIELDC]}
yieldc=${2:-$root/build/compiler/yieldc}
cc=${CLANG:-clang}
llvm_config=${LLVM_CONFIG:-}
if [ -z "$llvm_config" ]; then
    for c in llvm-config-14 llvm-config-15 llvm-config-16 llvm-config; do
        if command -v "$c" >/dev/null 2>&1; then
            llvm_config=$c
            break
        fi
    done
fi
mkdir -p "$out"
flags="-g -O1 -std=gnu11 -fsanitize=fuzzer,address,undefined
-fno-sanitize-recover=all -fno-omit-frame-pointer"

# shellcheck disable=SC2086
"$cc" $flags -I"$root/examples" "$root/testsuite/fuzz/fuzz_http.c" \
    "$root/examples/http_parse.c" "$root/examples/outbuf.c" \
    -o "$out/fuzz_http"
# shellcheck disable=SC2086
"$cc" $flags -I"$root/examples" "$root/testsuite/fuzz/fuzz_resp.c" \
    "$root/examples/resp_parse.c" -o "$out/fuzz_resp"

# The translator: every source but the driver.
set --
for f in "$root"/compiler/*.c; do
    [ "${f##*/}" = main.c ] || set -- "$@" "$f"
done
libdir=$("$llvm_config" --libdir)
# shellcheck disable=SC2086
"$cc" $flags -I"$("$llvm_config" --includedir)" -I"$root/compiler" \
    -DYC_VERSION='"fuzz"' -DYC_LLVM_VERSION_STRING='"fuzz"' \
    -DYC_BUILD_INCLUDE_DIR="\"$root/runtime/include\"" \
    -DYC_FUZZ_INCLUDE="\"$root/runtime/include\"" \
    "$root/testsuite/fuzz/fuzz_translator.c" "$@" \
    -L"$libdir" -Wl,-rpath,"$libdir" -lclang -o "$out/fuzz_translator"

# The runtime, with the epoll poller and this machine's context switch.
set --
for f in "$root"/runtime/src/*.c; do
    case ${f##*/} in
    poll_poll.c | ctx_ucontext.c) ;;
    *) set -- "$@" "$f" ;;
    esac
done
case $(uname -m) in
x86_64 | amd64) set -- "$@" "$root/runtime/src/ctx_x86_64_sysv_elf.S" ;;
aarch64 | arm64) set -- "$@" "$root/runtime/src/ctx_arm64_aapcs_elf.S" ;;
*) set -- "$@" "$root/runtime/src/ctx_ucontext.c" ;;
esac
"$yieldc" "$root/testsuite/fuzz/fuzz_runtime.c" -o "$out/fuzz_runtime.yc.c" \
    -- -I"$root/runtime/include"
# shellcheck disable=SC2086
"$cc" $flags -I"$root/runtime/include" -I"$root/testsuite/fuzz" \
    "$out/fuzz_runtime.yc.c" "$@" -lpthread -o "$out/fuzz_runtime"
