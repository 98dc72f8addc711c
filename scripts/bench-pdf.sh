#!/usr/bin/env bash
# Builds Release and times issue 5's PDF export as a user runs it (whole process, `marginalia-cli
# export-pdf`): one letter (d317) with three annotations, side by side with headless Chromium printing
# the same letter from the HTML Marginalia renders (`show --format html`); then a whole volume.
# Goals: d317 <= 150 ms; frus1934v05 <= 15 s; >= 5x faster than Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
# Chromium is only the yardstick of this script: installed here, never by deps.sh.
if ! command -v chromium >/dev/null; then
    sudo=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
    $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium >/dev/null
fi
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }

build=build-pdf-rel
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target marginalia-cli
cli=$PWD/$build/app/marginalia-cli

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tei=$PWD/tests/data/frus1961-63v09-d316-d318.xml
db=$work/annotations.sqlite
annotate() { "$cli" annotate --db "$db" "$tei" --doc d317 --quote "$1" --note "$2" --tag "$3" >/dev/null; }
annotate "code of fair practices" "Which code? See 316." trade
annotate "multilateral export controls" "COCOM" cocom
annotate "At a time when we are engaged in talks with the Soviets" "Berlin talks" trade

"$cli" show --doc d317 --format html "$tei" >"$work/d317.html"
profile=$work/chromium-profile
export_cmd="$cli export-pdf --db $db $tei --doc d317 -o $work/d317.pdf"
chromium_cmd="chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
--disable-component-update --disable-sync --no-first-run --user-data-dir=$profile \
--print-to-pdf=$work/chromium.pdf $work/d317.html"
$export_cmd >/dev/null # fail early (set -e)

echo "== d317 with three annotations, whole process"
csv=$work/times.csv
hyperfine -N --warmup 2 --runs 15 --export-csv "$csv" -n marginalia "$export_cmd" -n chromium "$chromium_cmd"
ours=$(awk -F, 'NR == 2 { print $2 * 1000 }' "$csv")
theirs=$(awk -F, 'NR == 3 { print $2 * 1000 }' "$csv")
awk -v o="$ours" -v t="$theirs" 'BEGIN {
    printf "marginalia-cli export-pdf: %8.1f ms (mean; goal <= 150 ms)\n", o
    printf "chromium --print-to-pdf:   %8.1f ms (mean)\n", t
    printf "ratio:                     %8.1f x faster (goal >= 5x)\n", t / o
}'

echo
echo "== the whole of frus1934v05.xml (goal <= 15 s)"
volume=$PWD/tests/data/frus1934v05.xml
start=$(date +%s%N)
"$cli" export-pdf --db "$db" "$volume" -o "$work/frus1934v05.pdf"
end=$(date +%s%N)
awk -v ns=$((end - start)) -v bytes="$(stat -c %s "$work/frus1934v05.pdf")" \
    'BEGIN { printf "%.2f s, %.1f MB\n", ns / 1e9, bytes / 1e6 }'
