#!/usr/bin/env bash
# Vidal MDVRPTW PR11A–PR18B (../shared/benchmarks/mdvrptw_vidal, PyVRP's VRPLIB dialect): `lastmile solve`, two
# runs at a time (one core each), gap of the cost (Σ round(1000·d) / 1000) to the BKS in each .sol file.
# Usage: Benchmarks/mdvrptw.sh [BUDGET_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-30}
swift build -c release --product lastmile >/dev/null
dir=../shared/benchmarks/mdvrptw_vidal
run() {
    local name=$1
    local out; out=$(.build/release/lastmile solve "$dir/$name.vrp" --time-limit "$2" --seed 1 --threads 1 --check 2>&1)
    local cost; cost=$(sed -n 's/^Cost //p' <<<"$out")
    local bks; bks=$(sed -n 's/^Cost:* *//p' "$dir/$name.sol")
    local feasible=no; grep -q "check passed" <<<"$out" && feasible=yes
    local unassigned; unassigned=$(grep -c '^Unassigned' <<<"$out" || true)
    awk -v n="$name" -v c="$cost" -v b="$bks" -v f="$feasible" -v u="$unassigned" \
        'BEGIN { printf "| %s | %.3f | %.3f | %+.2f | %s | %d |\n", n, c, b / 1000, 100 * (c * 1000 / b - 1), f, u }'
}
export -f run; export dir
echo "| instance | lastmile | BKS | gap % | feasible | unassigned |"
echo "|---|---:|---:|---:|---|---:|"
ls "$dir" | sed -n 's/\.vrp$//p' | sort | xargs -P 2 -I{} bash -c "run {} $budget" | sort | tee /tmp/mdvrptw.md
awk -F'|' '{ gap += $5; n++ } END { printf "\nmean gap %.2f %% over %d instances\n", gap / n, n }' /tmp/mdvrptw.md
