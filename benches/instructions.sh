#!/usr/bin/env bash
# Instructions per agent-day of the engine in steady state, counted by
# callgrind (instruction counts do not depend on what else the machine is
# doing): (instructions of a 10-year run - those of a 1-year run) /
# (200 positions x 9 years x 365 days), for the reference department
# (10 units of 20 case workers), one arm, one replication, one thread.
# Subtracting the 1-year run removes start-up, the first year's filling of
# caseloads and writing the results. Prints one line per preset.
#
#   bash benches/instructions.sh            # control and trust
#   bash benches/instructions.sh trust      # one preset
#
# Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/common.sh
needs valgrind
cargo build --release --locked --quiet
scratch
presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(control trust)

instructions() { # preset years
    reference_scenario "$tmp/s.toml" "$1" "$2"
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" \
        target/release/tillit run "$tmp/s.toml" --jobs 1 -q --out "$tmp/out-$1-$2" 2>/dev/null
    awk '/^(summary|totals):/ {print $2; exit}' "$tmp/cg"
}

for preset in "${presets[@]}"; do
    one=$(instructions "$preset" 1)
    ten=$(instructions "$preset" 10)
    echo "$preset: $(( (ten - one) / (200 * 9 * 365) )) instructions per agent-day ($one in 1 year, $ten in 10)"
done
