#!/usr/bin/env bash
# Installs what is missing, builds Release into build/, runs the whole suite (ctest starts and stops the
# throwaway PostgreSQL cluster the team tests need: scripts/pg-cluster.sh), then starts the real
# desktop app once on a virtual display and checks it shows its window and exits cleanly, then fuzzes
# every target for 60 seconds (scripts/fuzz.sh; FUZZ_SECONDS overrides, 0 skips). Any failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh

werror=OFF
[[ "${CI:-}" == "true" ]] && werror=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DMARGINALIA_WERROR="$werror"
cmake --build build

status=0
(cd build && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2) || status=1

echo "== smoke test: build/app/marginalia --quit-after-show under xvfb-run"
# The xcb platform (a real X server) rather than offscreen, so it is the app a user starts.
if timeout 120 xvfb-run -a -s '-screen 0 1280x1024x24' \
        env QT_QPA_PLATFORM=xcb build/app/marginalia --quit-after-show; then
    echo "smoke test: ok"
else
    echo "smoke test: FAILED (status $?)" >&2
    status=1
fi

fuzz_seconds=${FUZZ_SECONDS:-60}
if ((fuzz_seconds > 0)); then
    echo "== fuzzing: scripts/fuzz.sh $fuzz_seconds"
    bash scripts/fuzz.sh "$fuzz_seconds" || { echo "fuzzing: FAILED" >&2; status=1; }
fi

exit $status
