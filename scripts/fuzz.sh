#!/usr/bin/env bash
# Fuzzes the TEI and text-copy importers with libFuzzer + AddressSanitizer.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
# Seeds come from tests/data and tests/fuzz/seeds; crashes land in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
bash scripts/deps.sh
# clang is only needed here, so it is installed here and not in deps.sh's list.
if ! command -v clang++ >/dev/null; then
    SUDO=(); [[ $(id -u) -ne 0 ]] && SUDO=(sudo)
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends clang
fi

build=build-fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer -Wno-unknown-warning-option" \
    -DMARGINALIA_BUILD_FUZZERS=ON -DMARGINALIA_BUILD_BENCHMARKS=OFF
cmake --build "$build" --target fuzz_teiparser fuzz_textcopyparser

mkdir -p "$build/artifacts"
status=0
run() { # target, seed file pattern, extra libFuzzer options...
    local target=$1 pattern=$2; shift 2
    local corpus="$build/corpus-$target"
    mkdir -p "$corpus"
    find tests/data tests/fuzz/seeds -maxdepth 1 -name "$pattern" -exec cp -n {} "$corpus/" \;
    echo "== $target for ${seconds}s"
    # Qt reads no plugins or settings here, and leaks in Qt's own statics are not ours.
    ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/$target" "$corpus" \
        -max_total_time="$seconds" -max_len=262144 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 "$@" || status=1
}
run fuzz_teiparser '*.xml' -dict=tests/fuzz/tei.dict
run fuzz_textcopyparser '*.txt'
exit $status
