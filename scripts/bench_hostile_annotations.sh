#!/usr/bin/env bash
# Issue 8, item 5: the whole-process time of `marginalia-cli annotations FILE` when the database holds
# three annotations (imported from a W3C file) whose prefix and suffix are 200,000 characters long and
# whose quote differs from the text by three characters, so that only approximate matching finds them.
# Usage: scripts/bench_hostile_annotations.sh [build/app/marginalia-cli]
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${1:-build/app/marginalia-cli}
file=tests/data/frus1961-63v09-d317.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cli" show --format json "$file" >"$work/d317.json"
python3 - "$work/d317.json" "$work/hostile.jsonld" <<'PY'
import json, sys, uuid
text = json.load(open(sys.argv[1]))["text"]
length = 200000
items = []
for at in (0.2, 0.5, 0.8):
    start = int(len(text) * at)
    exact = text[start:start + 80]
    exact = exact[:40] + "xyz" + exact[43:]
    prefix = (text * (length // len(text) + 1))[-(length - 32):] + text[max(0, start - 32):start]
    suffix = text[start + 80:start + 112] + (text * (length // len(text) + 1))[:length - 32]
    items.append({
        "id": "urn:uuid:" + str(uuid.uuid4()), "type": "Annotation", "motivation": "highlighting",
        "created": "2026-12-01T00:00:00.000Z", "modified": "2026-12-01T00:00:00.000Z",
        "target": {"marginalia:document": "frus1961-63v09/d317",
                   "selector": [{"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                                {"type": "TextPositionSelector", "start": start, "end": start + 80}]}})
json.dump({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": items},
          open(sys.argv[2], "w"))
PY
"$cli" import-annotations --db "$work/db.sqlite" "$work/hostile.jsonld"
echo "== time $cli annotations --db DB $file"
time "$cli" annotations --db "$work/db.sqlite" "$file" >"$work/out.txt"
grep -c "orphaned" "$work/out.txt" || true
