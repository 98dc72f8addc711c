#!/usr/bin/env bash
# The one list of Debian 12 packages Marginalia needs to build, test, run and benchmark.
# Installs only what is missing, so a second run costs nothing and needs no network.
set -euo pipefail

PACKAGES=(
    # build
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libgl-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    zlib1g-dev # compresses the library's volume outlines (core/catalog)
    libxml2-dev # its SAX2 parser reads TEI (core/parse/xmltokens.cpp)
    libsqlite3-dev # the library search ranks through FTS5's C API (core/store/ftsrank.cpp)
    libzstd-dev # compresses the library index's text (core/store/catalogstore.cpp)
    # team sync (core/store/team*.cpp): Qt's PostgreSQL driver, libpq to read server addresses, and the
    # PostgreSQL 15 server the tests and the benchmark start a throwaway cluster of (scripts/pg-cluster.sh)
    libqt6sql6-psql libpq-dev postgresql-15 postgresql-client-15
    e2fsprogs # chattr: the store tests make files truly read-only for root
    # PDF export: qpdf writes highlights, links and the outline; Poppler-Qt6 and poppler-utils read them back
    libqpdf-dev libpoppler-qt6-dev poppler-utils
    python3 # the PDF tests read the objects back with its standard library (tests/core/export/pdf/pdfdump.py)
    # fuzz (scripts/fuzz.sh): clang and its libFuzzer/AddressSanitizer runtime
    clang libclang-rt-14-dev
    # run and test: a display for the GUI smoke test, the reference XML reader, fonts for rendering
    xvfb xauth libxml2-utils hyperfine fonts-dejavu-core
    bc # scripts/bench-team.sh works out its medians and CPU seconds with it
    # Qt's SVG icon engine, so the window shows the app icon (resources/marginalia.svg)
    libqt6svg6
    # Qt 6's lupdate, for the test that every user-visible string is translatable (scripts/check-translations.sh)
    qt6-l10n-tools
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "deps.sh: installing ${missing[*]}" >&2
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
