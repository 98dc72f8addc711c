#!/usr/bin/env bash
# Builds Release and prints the figures issue 2 asks for: in-process import speed and model memory
# (Google Benchmark), and whole-process `marginalia-cli info` against `xmllint --noout --stream`.
# Extra arguments go to the benchmark binary, e.g. --benchmark_filter=TeiImport.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DMARGINALIA_BUILD_BENCHMARKS=ON
cmake --build build --target marginalia_bench marginalia_ui_bench marginalia-cli

echo "== in process (Google Benchmark)"
QT_QPA_PLATFORM=offscreen build/tests/bench/marginalia_bench "$@"

echo
echo "== reader window: click to first paint (Google Benchmark, offscreen)"
QT_QPA_PLATFORM=offscreen build/tests/bench/marginalia_ui_bench

file=tests/data/frus1934v05.xml
cli=(build/app/marginalia-cli info "$file")
ref=(xmllint --noout --stream "$file")
runs=20
echo
echo "== whole process on $file ($(stat -c %s "$file") bytes), $runs runs each"
"${cli[@]}" >/dev/null # fail early (set -e) if the CLI cannot read the file

if command -v hyperfine >/dev/null; then
    csv=$(mktemp)
    trap 'rm -f "$csv"' EXIT
    hyperfine -N --warmup 3 --runs "$runs" --export-csv "$csv" \
        -n marginalia-cli "${cli[*]}" -n xmllint "${ref[*]}"
    # CSV columns: command,mean,stddev,... with times in seconds; rows in the order given above.
    cli_ms=$(awk -F, 'NR == 2 { print $2 * 1000 }' "$csv")
    ref_ms=$(awk -F, 'NR == 3 { print $2 * 1000 }' "$csv")
else
    mean_ms() { # command...: mean wall time of $runs runs in ms
        "$@" >/dev/null
        local start end
        start=$(date +%s%N)
        for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
        end=$(date +%s%N)
        awk -v ns=$((end - start)) -v n="$runs" 'BEGIN { printf "%.2f", ns / n / 1e6 }'
    }
    cli_ms=$(mean_ms "${cli[@]}")
    ref_ms=$(mean_ms "${ref[@]}")
fi

awk -v c="$cli_ms" -v r="$ref_ms" 'BEGIN {
    printf "marginalia-cli info: %8.2f ms (mean)\n", c
    printf "xmllint --stream:    %8.2f ms (mean)\n", r
    printf "ratio:               %8.2f x (target <= 1.5)\n", c / r
}'
