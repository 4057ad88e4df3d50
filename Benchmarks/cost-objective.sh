#!/usr/bin/env bash
# Issue 15: paid time in the objective on the demo day. The sample day (400 orders, 20 vehicles of two
# carriers) is planned twice with the same seed and iterations: once on today's objective (the vehicle types'
# per-km and per-driving-hour rates: waiting costs nothing) and once on the carriers' rate cards (paid hours
# from loading to return, waiting included, overtime, per-run minimums, fuel index). Both plans are then
# priced under the same rate cards by `lastmile report`; prints the totals of both.
# Usage: Benchmarks/cost-objective.sh [ITERATIONS] [SEED] [CONFIGURATION]
#   e.g. Benchmarks/cost-objective.sh 3000 1 release
#   LASTMILE=path   run that binary instead of building (e.g. another commit's, side by side)
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-3000}; seed=${2:-1}; configuration=${3:-release}
lastmile=${LASTMILE:-.build/$configuration/lastmile}
[ -n "${LASTMILE:-}" ] || swift build -c "$configuration" --product lastmile >/dev/null
out=$(mktemp -d)
date=2026-11-23

# The rate-card objective: the demo loads the cards with the day.
"$lastmile" demo --output "$out/cards" --iterations "$iterations" --seed "$seed" --threads 2 >"$out/cards.log" 2>&1
# Today's objective: the same database without rate cards, planned again, then the cards loaded back to price it.
cp "$out/cards/lastmile.sqlite" "$out/types.sqlite"
sqlite3 "$out/types.sqlite" "DELETE FROM rate_card_item"
"$lastmile" plan --date "$date" --db "$out/types.sqlite" --map "$out/cards/sample-town.osm.pbf" --output "$out/types" \
    --iterations "$iterations" --seed "$seed" --threads 2 >"$out/types.log" 2>&1
"$lastmile" load rate-cards "$out/cards/input/rate-cards.csv" --db "$out/types.sqlite" >/dev/null

for plan in types cards; do
    db="$out/types.sqlite"; version=2
    [ "$plan" = cards ] && { db="$out/cards/lastmile.sqlite"; version=1; }
    echo "== objective: $plan (iterations $iterations per chain, seed $seed)"
    grep -E "solver:|independent check" "$out/$plan.log" | sed 's/^ */   /'
    "$lastmile" report "$date" --version "$version" --db "$db" --format csv >"$out/$plan-report.csv"
    "$lastmile" report "$date" --version "$version" --db "$db" | tail -1
    python3 - "$out/$plan-report.csv" <<'PY'
import csv, sys
rows = {r["row"]: r for r in csv.DictReader(open(sys.argv[1]))}
t = rows["total"]
print(f"   km {t['km']}, drive {t['drive_h']} h, service {t['service_h']} h, wait {t['wait_h']} h, paid {t['paid_h']} h, "
      f"overtime {t['overtime_h']} h, runs {sum(1 for k in rows if k.split(' ')[0] not in ('type', 'depot', 'carrier', 'total'))}")
for k in sorted(rows):
    if k.startswith("carrier "):
        r = rows[k]
        print(f"   {k}: cost {r['cost_total']}, wait {r['wait_h']} h, paid {r['paid_h']} h, overtime {r['overtime_h']} h, co2e {r['co2e_kg']} kg")
PY
done
echo "outputs in $out"
