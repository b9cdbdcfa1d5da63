#!/usr/bin/env bash
# Seeds the fuzz corpus from the bundled roadmap and the test fixtures: each file twice, once as
# a single-file roadmap (first byte 0) and once as an included file (first byte 1).
set -euo pipefail
cd "$(dirname "$0")"
out=corpus/load
mkdir -p "$out"
n=0
while IFS= read -r -d '' f; do
    name=$(echo "$f" | tr '/' '_')
    { printf '\x00'; cat "$f"; } > "$out/entry_$name"
    { printf '\x01'; cat "$f"; } > "$out/part_$name"
    n=$((n + 2))
done < <(find ../roadmaps ../tests/fixtures ../tests/corpus -name '*.ron' -print0 2>/dev/null)
echo "seeded $n inputs into $out"
