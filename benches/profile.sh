#!/usr/bin/env bash
# Where the engine's instructions per agent-day go: the inclusive count of
# each engine function in steady state, as benches/instructions.sh counts
# the whole ((10-year run - 1-year run) / (200 positions x 9 x 365 days),
# reference department, one arm, one replication, one thread).
#
# The day functions are built out of line for this (the `profile`
# feature puts `#[inline(never)]` on them; a normal build inlines them, so
# its profile would lump them together). Out of line they cost a few
# instructions more each, so the total here is a little above
# benches/instructions.sh's. Prints the functions above 1 instruction per
# agent-day, largest first.
#
#   bash benches/profile.sh            # control
#   bash benches/profile.sh trust
#
# Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/common.sh
needs valgrind
preset=${1:-control}
cargo build --release --locked --quiet --features profile --target-dir target/profile
scratch

# Inclusive instructions per function of a run: every cost line of a
# function's blocks (its own lines and the inclusive cost of its calls).
inclusive() { # years -> "count name" lines
    reference_scenario "$tmp/s.toml" "$preset" "$1"
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" \
        target/profile/release/tillit run "$tmp/s.toml" --jobs 1 -q --out "$tmp/out-$1" 2>/dev/null
    awk '
        function id_of(text,   m) {
            # "(12) name" defines id 12; "(12)" refers to it.
            m = index(text, ")")
            if (m > 0 && substr(text, 1, 1) == "(") {
                key = substr(text, 2, m - 2)
                if (length(text) > m + 1) names[key] = substr(text, m + 2)
                return key
            }
            names[text] = text
            return text
        }
        /^fn=/ { current = id_of(substr($0, 4)); next }
        /^cfn=/ { id_of(substr($0, 5)); next }
        /^[0-9+*-]/ { if (NF >= 2) cost[current] += $2; next }
        END { for (k in cost) if (k in names) print cost[k], names[k] }
    ' "$tmp/cg"
}

inclusive 1 > "$tmp/one"
inclusive 10 > "$tmp/ten"
echo "$preset: inclusive instructions per agent-day, by function"
awk -v days=$((200 * 9 * 365)) '
    FNR == NR { one[substr($0, index($0, " ") + 1)] = $1; next }
    {
        name = substr($0, index($0, " ") + 1)
        if (name !~ /^tillit::(engine|model)::/) next
        per = ($1 - one[name]) / days
        # Method names without the path of their impl.
        gsub(/<impl [^>]*>::/, "", name)
        sub(/^tillit::/, "", name)
        if (per >= 1) printf "%8.0f  %s\n", per, name
    }
' "$tmp/one" "$tmp/ten" | sort -rn
