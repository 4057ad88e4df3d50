#!/usr/bin/env bash
# Multi-depot sets the peer harness does not read: `lastmile solve` on every instance, two runs at a time (one
# core each), its route file read back by `lastmile check`, gap of the checked cost to the reference cost shipped
# with each instance. Prints a Markdown table and the mean gap.
#   cordeau  ../shared/benchmarks/mdvrp_cordeau: reference = first line of `<name>.res` (jsprit snapshot, 2013)
#   mdvrptw  ../shared/benchmarks/mdvrptw_vidal: reference = `Cost` of `<name>.sol` (BKS, Σ round(1000·d))
# Usage: Benchmarks/reference-gaps.sh cordeau|mdvrptw [BUDGET_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:?cordeau or mdvrptw}; budget=${2:-5}
case "$set_name" in
    cordeau) dir=../shared/benchmarks/mdvrp_cordeau; list=$(ls "$dir" | grep -v '\.res$') ;;
    mdvrptw) dir=../shared/benchmarks/mdvrptw_vidal; list=$(ls "$dir" | sed -n 's/\.vrp$//p') ;;
    *) echo "unknown set '$set_name': use cordeau or mdvrptw" >&2; exit 2 ;;
esac
swift build -c release --product lastmile >/dev/null
run() {
    local name=$1 budget=$2 file reference
    if [ "$set_name" = cordeau ]; then
        file="$dir/$name"; reference=$(head -1 "$dir/$name.res" | tr -d '[:space:]')
    else
        file="$dir/$name.vrp"; reference=$(sed -n 's/^Cost:* *//p' "$dir/$name.sol" | awk '{ print $1 / 1000 }')
    fi
    # The figures come from the round trip: `solve` writes the route file, `check` reads it back and recomputes.
    local solution; solution=$(mktemp --suffix .sol)
    .build/release/lastmile solve "$file" --time-limit "$budget" --seed 1 --threads 1 -o "$solution" 2>/dev/null
    local out; out=$(.build/release/lastmile check "$file" "$solution" 2>&1)
    local cost; cost=$(sed -n 's/^Cost //p' <<<"$out")
    local feasible=no; grep -q "^feasible" <<<"$out" && feasible=yes
    local unassigned; unassigned=$(grep -c '^Unassigned' "$solution" || true)
    rm -f "$solution"
    awk -v n="$name" -v c="$cost" -v r="$reference" -v f="$feasible" -v u="$unassigned" \
        'BEGIN { printf "| %s | %.3f | %.3f | %+.2f | %s | %d |\n", n, c, r, 100 * (c / r - 1), f, u }'
}
export -f run; export dir set_name
echo "| instance | lastmile | reference | gap % | feasible | unassigned |"
echo "|---|---:|---:|---:|---|---:|"
sort <<<"$list" | xargs -P 2 -I{} bash -c "run {} $budget" | sort | tee "/tmp/reference-gaps-$set_name.md"
awk -F'|' '{ gap += $5; n++ } END { printf "\nmean gap %.2f %% over %d instances\n", gap / n, n }' "/tmp/reference-gaps-$set_name.md"
