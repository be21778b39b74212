#!/usr/bin/env bash
# Simulated cache misses per agent-day of the engine in steady state, counted
# by cachegrind with a 1 MiB last-level cache standing in for a core's L2:
# (misses of a 4-year run - those of a 1-year run) / (positions x 3 x 365),
# for the reference department (10 units of 20) and one ten times larger
# (100 units of 20), control preset, one replication, one thread. Prints
# instructions, first-level data misses and last-level misses per agent-day.
#
#   bash benches/cache.sh
#
# Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/common.sh
needs valgrind
cargo build --release --locked --quiet
scratch

counts() { # units years -> Ir D1-misses LL-misses
    reference_scenario "$tmp/s.toml" control "$2" "$1"
    valgrind --tool=cachegrind --cache-sim=yes --LL=1048576,16,64 \
        --cachegrind-out-file="$tmp/cg" \
        target/release/tillit run "$tmp/s.toml" --jobs 1 -q --out "$tmp/out-$1-$2" 2>/dev/null
    # summary: Ir I1mr ILmr Dr D1mr DLmr Dw D1mw DLmw
    awk '/^summary:/ {print $2, $6 + $9, $4 + $7 + $10; exit}' "$tmp/cg"
}

for units in 10 100; do
    read -r ir1 d1 ll1 <<< "$(counts "$units" 1)"
    read -r ir4 d4 ll4 <<< "$(counts "$units" 4)"
    awk -v p=$((units * 20)) -v ir=$((ir4 - ir1)) -v d=$((d4 - d1)) -v ll=$((ll4 - ll1)) 'BEGIN {
        n = p * 3 * 365
        printf "%d positions: %.0f instructions, %.2f D1 misses, %.2f LL (1 MiB) misses per agent-day\n", p, ir / n, d / n, ll / n
    }'
done
