#!/usr/bin/env bash
# Checks that core's folders form layers: a file may include headers of its own folder and of folders
# below it in LAYERS, never of one above (so the folder graph has no cycle), and no base folder includes a
# Qt Gui, Qt Widgets or qpdf header (linking the base without Qt Gui catches <QColor>, not <QtGui/QColor>).
# Prints each folder's includes of other folders. Usage: scripts/check-layers.sh [CORE_DIR]  (default core)
set -euo pipefail
core=${1:-"$(dirname "$0")/../core"}

# Bottom up. The base (marginalia_core, then marginalia_citation) ends at citation; render, export/pdf and models link Qt Gui
# (marginalia_render, marginalia_pdf, marginalia_models; core/CMakeLists.txt), instance Qt Network.
LAYERS=(util fileio anchor model parse jobs library glossary store annotation search catalog team navigation export
        citation render export/pdf models instance)
BASE_TOP=citation

declare -A rank
for i in "${!LAYERS[@]}"; do rank[${LAYERS[$i]}]=$i; done
base_max=${rank[$BASE_TOP]}

status=0
declare -A edges
while IFS= read -r -d '' file; do
    rel=${file#"$core"/}
    folder=$(dirname "$rel")
    if [[ -z ${rank[$folder]+x} ]]; then
        echo "check-layers: $rel: folder $folder is in no layer; add it to LAYERS in $0" >&2
        status=1
        continue
    fi
    lineno=0
    while IFS= read -r line; do
        lineno=$((lineno + 1))
        if [[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]]; then
            target=${BASH_REMATCH[1]}
            [[ $target == */* ]] || continue # a header of the file's own folder
            dep=$(dirname "$target")
            [[ $dep == "$folder" ]] && continue
            if [[ -z ${rank[$dep]+x} ]]; then
                echo "$rel:$lineno: includes \"$target\", from no core folder" >&2
                status=1
            elif ((rank[$dep] >= rank[$folder])); then
                echo "$rel:$lineno: $folder includes \"$target\" from $dep, which is not below it" >&2
                status=1
            fi
            edges[$folder]+=" $dep"
        elif [[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\<(QtGui/|QtWidgets/|qpdf/)[^\>]*\> ]] &&
             ((rank[$folder] <= base_max)); then
            echo "$rel:$lineno: $folder is in the base (Qt Core and Sql only) but includes ${line#*include}" >&2
            status=1
        fi
    done < "$file"
done < <(find "$core" \( -name '*.h' -o -name '*.cpp' \) -print0 | sort -z)

for folder in "${LAYERS[@]}"; do
    deps=$(tr ' ' '\n' <<<"${edges[$folder]:-}" | sed '/^$/d' | sort -u | tr '\n' ' ')
    echo "$folder -> ${deps:-(none)}"
done
((status == 0)) && echo "check-layers: ok, every include points down" || echo "check-layers: FAILED" >&2
exit $status
