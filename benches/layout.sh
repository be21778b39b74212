#!/usr/bin/env bash
# Instructions per position-day of the people's daily stocks written in
# four memory layouts (benches/layout.rs says which and why), counted by
# callgrind: each layout's pass over 200 positions for 1,000 days, the
# pass's own instructions (it is kept out of line) divided by 200,000.
# Each line also prints the month's sums, which agree across layouts up to
# the order of the additions.
#
#   bash benches/layout.sh
#
# Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/common.sh
needs valgrind
binary=$(cargo bench --locked --bench layout --no-run 2>&1 |
    sed -n 's/.*Executable benches\/layout.rs (\(.*\))/\1/p')
scratch
for layout in by_position by_field by_field_branch_free by_field_sse2; do
    sums=$(valgrind --tool=callgrind --compress-strings=no --callgrind-out-file="$tmp/cg" \
        "$binary" "$layout" 1000 2>/dev/null)
    awk -v layout="$layout" -v sums="$sums" '
        /^fn=/ { inside = ($0 ~ "::" layout "$") ; next }
        /^[0-9+*-]/ { if (inside && NF >= 2) cost += $2 }
        END { printf "%6.1f instructions per position-day  %s\n", cost / 200000, sums }
    ' "$tmp/cg"
done
