#!/usr/bin/env bash
# How tight common random numbers pair the arms: the widths of the
# paired-difference intervals in summary.csv of the default scenario, for
# two builds of tillit (before and after a change that alters the random
# streams). A width ratio new/old above 1 means looser pairing (or chance:
# with n replications a width itself varies by about 1/sqrt(2n)).
#
#   bash benches/crn-widths.sh OLD_BINARY NEW_BINARY [REPLICATIONS [SEED]]
#
# (100 replications and the scenario's seed unless given.)
#
# Prints, per outcome, the interval widths and their ratio, and then the
# geometric mean, the smallest and the largest ratio.
set -euo pipefail
. "$(dirname "$0")/common.sh"
old=$1; new=$2; reps=${3:-100}
seed=()
[ $# -ge 4 ] && seed=(--seed "$4")
scratch
"$old" run --reps "$reps" "${seed[@]}" -q --out "$tmp/old" >/dev/null
"$new" run --reps "$reps" "${seed[@]}" -q --out "$tmp/new" >/dev/null
awk -F, '
    FNR == 1 { file++; next }
    $2 != "level" {
        key = $1 "," $3
        w = $8 - $7
        if (file == 1) { old[key] = w; order[++n] = key } else { new[key] = w }
    }
    END {
        printf "%-45s %14s %14s %8s\n", "arm,outcome", "old width", "new width", "ratio"
        for (i = 1; i <= n; i++) {
            k = order[i]
            if (old[k] <= 0 || !(k in new)) { printf "%-45s %14.6g %14.6g %8s\n", k, old[k], new[k], "-"; continue }
            r = new[k] / old[k]
            printf "%-45s %14.6g %14.6g %8.3f\n", k, old[k], new[k], r
            lsum += log(r); m++
            if (m == 1 || r < lo) lo = r
            if (m == 1 || r > hi) hi = r
        }
        printf "ratios over %d outcomes: geometric mean %.3f, smallest %.3f, largest %.3f\n", m, exp(lsum / m), lo, hi
    }' "$tmp/old/summary.csv" "$tmp/new/summary.csv"
