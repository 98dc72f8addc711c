#!/usr/bin/env bash
# Fuzzes the importers, the parallel TEI reader, the annotation import, opening a database and decoding a
# volume's outline from the library with libFuzzer + AddressSanitizer (tests/fuzz). Builds only
# marginalia_core and the fuzz targets, with clang (no PDF code: qpdf 11.3's headers do not compile with
# clang 14 as C++20), and runs two targets at a time.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]   (default 60 seconds, every target)
# Seeds come from tests/data (and its folders, such as tests/data/textcopies) and tests/fuzz/seeds. Exits non-zero when a target finds a crash, a leak,
# a timeout or a disagreement, and names the input that shows it (under build-fuzz/artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
bash scripts/deps.sh

build=build-fuzz
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer -Wno-unknown-warning-option" \
    -DMARGINALIA_BUILD_FUZZERS=ON -DMARGINALIA_BUILD_BENCHMARKS=OFF >/dev/null

# target, seed file patterns (comma-separated; in tests/data and tests/fuzz/seeds), dictionary or "-"
targets=(
    "fuzz_teiparser *.xml tests/fuzz/tei.dict"
    "fuzz_textcopyparser *.txt -"
    "fuzz_teiparallel parallel-*.xml,frus1961-63v09-*.xml tests/fuzz/tei.dict"
    "fuzz_w3cimport w3c-*.json tests/fuzz/w3c.dict"
    "fuzz_hypothesisimport hypothesis-*.json tests/fuzz/hypothesis.dict"
    "fuzz_database *.sqlite tests/fuzz/database.dict"
    "fuzz_volumeoutline outline-*.bin -"
)
if (($# > 0)); then
    wanted=" $* "
    selected=()
    for t in "${targets[@]}"; do
        if [[ "$wanted" == *" ${t%% *} "* ]]; then selected+=("$t"); fi
    done
    targets=("${selected[@]}")
fi
names=()
for t in "${targets[@]}"; do names+=("${t%% *}"); done
if ((${#names[@]} == 0)); then
    echo "fuzz.sh: no such target: $*" >&2
    exit 2
fi
cmake --build "$build" -j2 --target "${names[@]}"

mkdir -p "$build/artifacts" "$build/logs"
run() { # target, seed patterns, dictionary: runs in the background, its output in $build/logs/TARGET.log
    local target=$1 patterns=$2 dict=$3 corpus="$build/corpus-$1" pattern
    mkdir -p "$corpus"
    IFS=, read -r -a patterns <<<"$patterns"
    for pattern in "${patterns[@]}"; do
        find tests/data tests/fuzz/seeds -maxdepth 2 -name "$pattern" -exec cp -n {} "$corpus/" \;
    done
    local options=(-max_total_time="$seconds" -max_len=262144 -timeout=10 -rss_limit_mb=2048
                   -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1)
    if [[ "$dict" != - ]]; then options+=(-dict="$dict"); fi
    # Qt reads no plugins or settings here beyond the SQLite driver; leaks are reported (detect_leaks=1).
    ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/$target" "${options[@]}" "$corpus" \
        >"$build/logs/$target.log" 2>&1
}
report() { # target, its exit status
    local target=$1 rc=$2 log="$build/logs/$1.log"
    if ((rc == 0)); then
        echo "== $target: ok, $(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}') runs in ${seconds}s"
        return 0
    fi
    # From the first line of the report (sanitizer, libFuzzer or one of our checks), else the end of the log.
    local first
    first=$(grep -n -m 1 -E '==ERROR|ERROR: libFuzzer|deadly signal|ALARM|out-of-memory|_fuzzer: ' "$log" | cut -d: -f1 || true)
    echo "== $target: FAILED (status $rc); from $log:" >&2
    if [[ -n "$first" ]]; then sed -n "${first},$((first + 40))p" "$log" >&2; else tail -n 40 "$log" >&2; fi
    local artifact
    artifact=$(grep -o "Test unit written to .*" "$log" | sed 's/Test unit written to //' | tail -n 1 || true)
    if [[ -n "$artifact" ]]; then
        echo "fuzz.sh: $target: the input that shows it: $artifact (rerun: $build/tests/fuzz/$target $artifact)" >&2
    fi
    return 1
}

echo "== fuzzing ${names[*]} for ${seconds}s each, two at a time"
status=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    pids=()
    for t in "${targets[@]:i:2}"; do
        read -r target pattern dict <<<"$t"
        run "$target" "$pattern" "$dict" &
        pids+=("$!")
    done
    j=0
    for t in "${targets[@]:i:2}"; do
        rc=0
        wait "${pids[j]}" || rc=$?
        report "${t%% *}" "$rc" || status=1
        j=$((j + 1))
    done
done
exit $status
