#!/usr/bin/env bash
# What kind of instructions the engine executes per agent-day in steady
# state, counted as benches/instructions.sh counts them ((10-year run -
# 1-year run) / (200 positions x 9 x 365 days), reference department, one
# arm, one replication, one thread): callgrind counts each executed
# instruction's address, objdump says what the instruction at that address
# is. The floating-point arithmetic is the model's own arithmetic (the
# mechanisms' additions, products, divisions, comparisons); everything else
# (loads and stores, moves between registers, integer work, branches and
# calls) is what it takes to get the operands there and to choose what to
# compute. Their ratio says how far a faster engine can go by writing the
# same arithmetic more tightly.
#
#   bash benches/instruction-mix.sh            # control
#   bash benches/instruction-mix.sh trust
#
# Needs valgrind and objdump (Debian: apt-get install valgrind binutils).
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/common.sh
needs valgrind objdump
preset=${1:-control}
cargo build --release --locked --quiet
scratch

objdump -d --no-show-raw-insn target/release/tillit > "$tmp/code"
for years in 1 10; do
    reference_scenario "$tmp/s.toml" "$preset" "$years"
    valgrind --tool=callgrind --dump-instr=yes --compress-pos=no --compress-strings=no \
        --callgrind-out-file="$tmp/cg-$years" \
        target/release/tillit run "$tmp/s.toml" --jobs 1 -q --out "$tmp/out-$years" 2>/dev/null
done

echo "$preset: executed instructions per agent-day, by kind"
awk -v days=$((200 * 9 * 365)) '
    # objdump: "  2e7a50:\tmulsd  0x8(%rax),%xmm0" -> the kind of each address.
    FILENAME ~ /code$/ {
        if (match($0, /^ *[0-9a-f]+:\t/) == 0) next
        address = substr($0, 1, RLENGTH - 2); gsub(/ /, "", address)
        text = substr($0, RLENGTH + 1)
        split(text, word, /[ \t]+/)
        kind[address] = kind_of(word[1], index(text, "(") > 0)
        next
    }
    # callgrind: "0x2e7a50 194 423643" is an instruction executed 423643
    # times; the line after "calls=" is the inclusive cost of a call.
    # "fn=name" starts the instructions of a function (with the day
    # functions inlined, most of the engine is in a few).
    /^fn=/ { fn = substr($0, 4); gsub(/<impl [^>]*>::|::h[0-9a-f]+$/, "", fn); next }
    /^calls=/ { skip = 1; next }
    /^0x/ {
        if (skip) { skip = 0; next }
        address = substr($1, 3); sub(/^0+/, "", address)
        sign = FILENAME ~ /cg-10$/ ? 1 : -1
        k = (address in kind) ? kind[address] : "outside the binary (libc: memmove, exp, ...)"
        count[k] += sign * $3
        in_fn[fn] += sign * $3
        if (k ~ /^(floating|conversions)/) arithmetic[fn] += sign * $3
        next
    }
    function kind_of(m, memory) {
        if (m ~ /^v?(add|sub|mul|div|sqrt|min|max|fmadd|fmsub)[sp][sd]$/) return "floating-point arithmetic"
        if (m ~ /^v?u?comis[sd]$/ || m ~ /^v?cmp.*[sp]d$/) return "floating-point comparisons"
        if (m ~ /^v?cvt/) return "conversions"
        if (m ~ /^(j|call|ret)/) return "branches, calls and returns"
        if (m ~ /^(v?mov|push|pop|lea|unpck|shufp|movddup)/) return memory && m !~ /^lea/ ? "loads and stores" : "register moves and addresses"
        return memory ? "integer and bit work with memory" : "integer and bit work"
    }
    END {
        for (k in count) { total += count[k]; printf "%8.1f  %s\n", count[k] / days, k | "sort -rn" }
        close("sort -rn")
        printf "%8.1f  in all\n", total / days
        print "\nby function (self, with what is inlined into it): all, floating-point (arithmetic, comparisons, conversions), ratio"
        for (f in in_fn) if (in_fn[f] / days >= 3)
            printf "%8.1f %6.1f %5s  %s\n", in_fn[f] / days, arithmetic[f] / days,
                (arithmetic[f] > 0 ? sprintf("%.1f", in_fn[f] / arithmetic[f]) : "-"), f | "sort -rn"
        close("sort -rn")
    }
' "$tmp/code" "$tmp/cg-1" "$tmp/cg-10"
