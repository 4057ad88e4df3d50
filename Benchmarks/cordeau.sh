#!/usr/bin/env bash
# Cordeau MDVRP (../shared/benchmarks/mdvrp_cordeau): `lastmile solve` on every instance, two at a time (one core
# each), gap to the first line of each .res file (the jsprit snapshot's reference cost, not always the BKS).
# Usage: Benchmarks/cordeau.sh [BUDGET_SECONDS]   Prints a Markdown table and the mean gap.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-5}
swift build -c release --product lastmile >/dev/null
dir=../shared/benchmarks/mdvrp_cordeau
run() {
    local name=$1
    local out; out=$(.build/release/lastmile solve "$dir/$name" --time-limit "$2" --seed 1 --threads 1 --check 2>&1)
    local cost; cost=$(sed -n 's/^Cost //p' <<<"$out")
    local reference; reference=$(head -1 "$dir/$name.res" | tr -d '[:space:]')
    local feasible=no; grep -q "check passed" <<<"$out" && feasible=yes
    awk -v n="$name" -v c="$cost" -v r="$reference" -v f="$feasible" 'BEGIN { printf "| %s | %.2f | %.2f | %+.2f | %s |\n", n, c, r, 100 * (c / r - 1), f }'
}
export -f run; export dir
echo "| instance | lastmile | reference (.res) | gap % | feasible |"
echo "|---|---:|---:|---:|---|"
ls "$dir" | grep -v '\.res$' | sort | xargs -P 2 -I{} bash -c "run {} $budget" | sort | tee /tmp/cordeau.md
awk -F'|' '{ gap += $5; n++ } END { printf "\nmean gap %.2f %% over %d instances\n", gap / n, n }' /tmp/cordeau.md
