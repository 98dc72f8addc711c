#!/usr/bin/env bash
# The library index at the scale of the FRUS series (issue 10). Builds a corpus of N volumes from the test
# volumes (copies with distinct volume ids; default N = 1400, about 3.3 GB, the size of the whole series),
# indexes it with `marginalia-cli library add` and prints, in one run:
#   - indexing, whole process: MB/s of TEI, index size / corpus size, peak memory;
#   - adding the folder again with nothing changed, and with one volume changed;
#   - 100 searches (5 kinds, with and without a date filter, first 50 results with snippets): median, p95,
#     beside `grep -c` of the same word over the same files (no index) and, for N <= 60, beside today's
#     search of open volumes;
#   - opening 200 random documents from the index (outline + the document's span).
# Usage: scripts/bench-library.sh [N]   (BENCH_DIR names the work folder, default build/bench-library)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1400}
work=${BENCH_DIR:-build/bench-library}

bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DMARGINALIA_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build --target marginalia-cli marginalia_library_bench

corpus=$work/corpus-$n
sources=(tests/data/frus1934v05.xml tests/data/frus1894Nicaragua.xml)
ids=(frus1934v05 frus1894Nicaragua)
mkdir -p "$corpus"
if [[ $(find "$corpus" -name '*.xml' | wc -l) -ne $n ]]; then
    echo "== making a corpus of $n volumes in $corpus"
    rm -f "$corpus"/*.xml
    for ((i = 0; i < n; i++)); do
        k=$((i % 2))
        id=$(printf '%s-c%04d' "${ids[$k]}" "$i")
        # The volume id stands on the root (xml:id) and in the header (idno type="frus").
        sed -e "0,/xml:id=\"${ids[$k]}\"/s//xml:id=\"$id\"/" \
            -e "s|<idno type=\"frus\">${ids[$k]}</idno>|<idno type=\"frus\">$id</idno>|" \
            "${sources[$k]}" >"$corpus/$id.xml"
    done
fi
corpus_bytes=$(du -cb "$corpus"/*.xml | tail -1 | cut -f1)
echo "== corpus: $n volumes, $(awk -v b="$corpus_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')"

catalog=$work/catalog-$n.sqlite
rm -f "$catalog" "$catalog-wal" "$catalog-shm"
cli=build/app/marginalia-cli
timed() { # label command...: whole-process wall time (s) and peak memory (MB)
    local label=$1 log
    shift
    log=$(mktemp)
    /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null 2>"$log.err" || { cat "$log.err" >&2; }
    read -r secs kb <"$log"
    rm -f "$log" "$log.err"
    printf '%s %s %s\n' "$label" "$secs" "$kb"
}

read -r _ index_s index_kb < <(timed index "$cli" library add "$corpus" --library "$catalog")
index_bytes=$(du -cb "$catalog"* | tail -1 | cut -f1)
read -r _ again_s again_kb < <(timed again "$cli" library add "$corpus" --library "$catalog")
changed=$(find "$corpus" -name "*.xml" -print -quit) # no pipeline: head closing it early would fail the script (pipefail)
sed -i '0,/<title type="complete">/s//<title type="complete">Changed: /' "$changed"
read -r _ one_s one_kb < <(timed one "$cli" library add "$corpus" --library "$catalog")

echo
echo "== indexing (whole process, ${n} volumes)"
awk -v s="$index_s" -v b="$corpus_bytes" -v i="$index_bytes" -v kb="$index_kb" 'BEGIN {
    printf "first index:          %8.1f s   %8.1f MB/s   (goal >= 40 MB/s)\n", s, b / 1e6 / s
    printf "index size / corpus:  %8.3f                   (goal <= 0.6; %.1f MB)\n", i / b, i / 1e6
    printf "peak memory:          %8.1f MB                (goal <= 500 MB)\n", kb / 1024
}'
awk -v s="$again_s" -v kb="$again_kb" 'BEGIN { printf "add again, unchanged: %8.2f s   peak %.1f MB\n", s, kb / 1024 }'
awk -v s="$one_s" 'BEGIN { printf "one volume changed:   %8.2f s                   (goal <= 1 s)\n", s }'

echo
echo "== search and open, in process"
scan=()
if ((n <= 60)); then scan=(--scan "$corpus"/*.xml); fi
build/tests/bench/marginalia_library_bench "$catalog" "${scan[@]}"

echo
echo "== the same rare word without an index (grep -c over the corpus, whole process)"
read -r _ grep_s _ < <(timed grep grep -rc -w Sevier "$corpus")
awk -v s="$grep_s" 'BEGIN { printf "grep -rc -w Sevier:   %8.1f ms\n", s * 1000 }'

echo
echo "== the window started on that library to its first painted document (whole process, offscreen)"
cmake --build build --target marginalia >/dev/null
settings=$(mktemp -d) # no last session: it starts on the library's first document
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
read -r _ window_s window_kb < <(XDG_CONFIG_HOME=$settings timed window build/app/marginalia --library "$catalog" --quit-after-show)
awk -v s="$window_s" -v kb="$window_kb" 'BEGIN {
    printf "from the index:       %8.0f ms   peak %.1f MB   (goal <= 400 ms, <= 150 MB)\n", s * 1000, kb / 1024 }'
if ((n <= 60)); then
    rm -rf "$settings" && settings=$(mktemp -d)
    read -r _ files_s files_kb < <(XDG_CONFIG_HOME=$settings timed files build/app/marginalia "$corpus"/*.xml --quit-after-show)
    awk -v s="$files_s" -v kb="$files_kb" 'BEGIN {
        printf "the same files opened: %7.0f ms   peak %.1f MB   (every volume parsed, as before the index)\n", s * 1000, kb / 1024 }'
fi
rm -rf "$settings"
