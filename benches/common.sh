# What the bench scripts share (sourced, not run).

# Stops the script unless every tool named is installed.
needs() { # tool...
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
    done
}

# A scratch folder in $tmp, removed when the script exits.
scratch() {
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
}

# The reference department as a scenario file: units of 20 case workers,
# one arm, warm-up 0.
#
#   reference_scenario FILE PRESET YEARS [UNITS [REPLICATIONS]]
#
# UNITS defaults to 10 (200 positions), REPLICATIONS to 1.
reference_scenario() {
    cat > "$1" <<TOML
name = "reference"
seed = 1
replications = ${5:-1}
years = $3
warmup_years = 0
[organisation]
units = ${4:-10}
workers_per_unit = 20
[[arm]]
name = "$2"
preset = "$2"
TOML
}
