#!/bin/sh
# install-deps.sh [PACKAGE...] - installs the Debian 12 packages yieldc
# builds and tests with, and the PACKAGEs given, if any is missing: as
# root directly, otherwise through sudo.
set -eu

packages="cmake make gcc libc6-dev dpkg-dev libclang-dev llvm-dev llvm-14-tools clang
python3 valgrind csmith libcsmith-dev libuv1-dev gdb libssl-dev openssl
libclang-rt-14-dev
curl redis-tools gcc-12-source python3-clang-14 clang-format clangd ccache $*"

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
    echo "$(basename "$0"): not root and no sudo; install:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$run apt-get update
# shellcheck disable=SC2086
$run apt-get install -y --no-install-recommends $packages
