#!/usr/bin/env bash
# Installs what is missing, builds Release into build/ and starts Marginalia on the bundled sample.
# Extra arguments go to the app: scripts/run.sh tests/data/frus1934v05.xml --doc d12
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --target marginalia marginalia-cli
exec build/app/marginalia "$@"
