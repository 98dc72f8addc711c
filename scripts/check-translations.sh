#!/usr/bin/env bash
# Runs Qt 6's lupdate over core/, ui/ and app/ into a throw-away .ts and fails on any problem it reports
# (a tr() it cannot place in a context, a non-literal text, a class without Q_OBJECT) or when it finds
# fewer source texts than a floor, so a string that slipped out of tr() or a broken scan is caught.
# Usage: check-translations.sh LUPDATE SOURCE_DIR MIN_TEXTS [WORK_DIR]
set -uo pipefail

lupdate=$1 src=$2 min=$3 work=${4:-$(mktemp -d)}
if [[ ! -x "$lupdate" ]]; then
    echo "check-translations: FAILED: no Qt 6 lupdate at '$lupdate'; run scripts/deps.sh (qt6-l10n-tools)"
    exit 1
fi
mkdir -p "$work"
ts="$work/marginalia_check.ts"
rm -f "$ts"

cd "$src" || exit 1
dirs=() includes=()
for dir in core ui app; do
    [[ -d "$dir" ]] && dirs+=("$dir") && includes+=(-I "$PWD/$dir")
done
# The include paths let lupdate read core/util/translate.h, where Tr::tr gets its context.
out=$("$lupdate" -extensions cpp,h -locations none "${includes[@]}" "${dirs[@]}" -ts "$ts" 2>&1)
status=$?
problems=$(grep -v -E '^(Updating |    Found [0-9]+ source text\(s\)|Scanning directory )' <<<"$out")
# lupdate skips a tr() whose text is not a literal without a word, so look for those here (comments aside).
nonliteral=$(grep -rnE '(^|[^A-Za-z_])tr\(\s*[^" ]' "${dirs[@]}" --include='*.cpp' --include='*.h' \
    | grep -vE '^[^:]+:[0-9]+:\s*//' | sed 's/$/  <- tr() of a text that is not a literal/')
problems=$(printf '%s\n%s' "$problems" "$nonliteral" | sed '/^$/d')
found=$(sed -n -E 's/^ *Found ([0-9]+) source text\(s\).*/\1/p' <<<"$out" | head -n1)

if ((status != 0)) || [[ -n "$problems" ]]; then
    echo "check-translations: FAILED: lupdate (exit $status) reported:"
    echo "${problems:-$out}"
    exit 1
fi
if [[ -z "$found" ]] || ((found < min)); then
    echo "check-translations: FAILED: lupdate found ${found:-no} source texts, fewer than $min"
    echo "$out"
    exit 1
fi
contexts=$(grep -c '<name>' "$ts")
echo "check-translations: ok: $found source texts in $contexts contexts"
