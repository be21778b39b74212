#!/usr/bin/env bash
# Parallel scaling and size scaling of `tillit run`, measured by the wall
# clock, for machines without a Rust toolchain: it needs only the release
# binary (build it here with `cargo build --release`, copy it there).
#
# 1. Parallel efficiency: R replications of the reference department
#    (10 units of 20 case workers, control, 10 years) with 1, 2, 4, ...
#    threads up to the machine's cores; efficiency(k) = T(1) / (k T(k)).
# 2. Cost per agent-day at 200 and at 2,000 case workers (one thread), so
#    that what a larger department costs beyond its size shows.
#
# Each time is the best of three runs (the least disturbed). Wall-clock
# numbers depend on the machine and on what else runs on it: quote them with
# the machine, and prefer benches/instructions.sh for changes to the engine.
#
#   bash benches/scaling.sh                      # target/release/tillit
#   TILLIT=/path/to/tillit REPS=128 THREADS=4 bash benches/scaling.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/common.sh
bin=${TILLIT:-target/release/tillit}
reps=${REPS:-128}
cores=$(nproc)
max_threads=${THREADS:-$cores}
[ -x "$bin" ] || { echo "no tillit binary at $bin: cargo build --release" >&2; exit 1; }
scratch

best_of_three() { # scenario jobs -> seconds
    local best=""
    for _ in 1 2 3; do
        rm -rf "$tmp/out"
        local t0 t1
        t0=$(date +%s.%N)
        "$bin" run "$1" --jobs "$2" -q --out "$tmp/out" >/dev/null
        t1=$(date +%s.%N)
        best=$(awk -v a="$t0" -v b="$t1" -v best="$best" \
            'BEGIN { t = b - a; if (best == "" || t < best) best = t; printf "%.3f", best }')
    done
    echo "$best"
}

echo "machine: $cores cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //')"
echo
echo "parallel efficiency: $reps replications of 200 case workers x 10 years"
reference_scenario "$tmp/par.toml" control 10 10 "$reps"
t1=""
k=1
while [ "$k" -le "$max_threads" ]; do
    t=$(best_of_three "$tmp/par.toml" "$k")
    [ -n "$t1" ] || t1=$t
    awk -v k="$k" -v t="$t" -v t1="$t1" -v n=$((reps * 200 * 3650)) 'BEGIN {
        printf "  %2d threads: %7.3f s  %6.1f M agent-days/s  efficiency %5.1f%%\n", k, t, n / t / 1e6, 100 * t1 / (k * t)
    }'
    if [ "$k" -lt "$max_threads" ] && [ $((k * 2)) -gt "$max_threads" ]; then k=$max_threads; else k=$((k * 2)); fi
done

echo
echo "size: one thread, 10 years"
for units in 10 100; do
    n=$((units * 20))
    r=$((16 / (units / 10)))
    [ "$r" -ge 1 ] || r=1
    reference_scenario "$tmp/size.toml" control 10 "$units" "$r"
    t=$(best_of_three "$tmp/size.toml" 1)
    awk -v p="$n" -v r="$r" -v t="$t" 'BEGIN {
        printf "  %5d case workers, %2d replications: %7.3f s  %6.1f ns per agent-day\n", p, r, t, 1e9 * t / (p * 3650 * r)
    }'
done
