#!/usr/bin/env bash
# Issue 11: makes the text copy of every document with footnotes of a TEI volume as history.state.gov
# shows it (tests/data/textcopies/make_copy.py) and checks that marginalia-cli reads each, alone and with
# the volume open, with the TEI document's footnote ids, labels and marker places (the words around each).
# Prints the counts and the documents that differ. Usage: scripts/check-textcopies.sh [VOLUME.xml...]
# (default: tests/data/frus1934v05.xml tests/data/frus1894Nicaragua.xml; needs build/app/marginalia-cli)
set -euo pipefail
cd "$(dirname "$0")/.."
cli=build/app/marginalia-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
volumes=("$@")
((${#volumes[@]})) || volumes=(tests/data/frus1934v05.xml tests/data/frus1894Nicaragua.xml)
for volume in "${volumes[@]}"; do
    ids=$(python3 - "$volume" <<'PY'
import sys, xml.etree.ElementTree as ET
T = '{http://www.tei-c.org/ns/1.0}'
for div in ET.parse(sys.argv[1]).iter(T + 'div'):
    if div.get('type') == 'document' and any(n.get('rend') != 'inline' for n in div.iter(T + 'note')):
        print(div.get('{http://www.w3.org/XML/1998/namespace}id'))
PY
)
    alone=0 both=0 total=0
    for id in $ids; do
        total=$((total + 1))
        python3 tests/data/textcopies/make_copy.py "$volume" "$id" >"$work/copy.txt"
        "$cli" show "$volume" --doc "$id" --format json >"$work/tei.json"
        "$cli" show "$work/copy.txt" --format json >"$work/alone.json" 2>/dev/null || true
        "$cli" show "$work/copy.txt" "$volume" --format json >"$work/both.json" 2>/dev/null || true
        result=$(python3 - "$work" <<'PY'
import json, sys
def notes(name):
    try:
        j = json.load(open(sys.argv[1] + '/' + name))
    except ValueError:
        return None
    words = lambda f: ' '.join(j['text'][:f['offset']].split())[-25:] if f['offset'] >= 0 else None
    return [(f['id'].split('fn')[-1], f['label'], words(f)) for f in j['footnotes']]
tei = notes('tei.json')
print(int(notes('alone.json') == tei), int(notes('both.json') == tei))
PY
)
        read -r a b <<<"$result"
        alone=$((alone + a)) both=$((both + b))
        ((a && b)) || echo "  differs: $(basename "$volume" .xml) $id (alone $a, with the volume $b)"
    done
    echo "$(basename "$volume" .xml): $total documents with footnotes; alone $alone, with the volume $both give the TEI's"
done
