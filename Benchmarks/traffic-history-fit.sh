#!/usr/bin/env bash
# History fit on generated data: a stop log drawn under the shipped urban profile (seeded noise: 10 % travel,
# 20 % service), fitted by `lastmile traffic fit`; prints the held-out errors (MAE, p90) before and after, and
# how close the fitted factors come to the truth on weekday slices, by the fit's own relative standard error
# of each factor (`relative_error` in the fitted profile): well observed = at most 2 %.
# Usage: Benchmarks/traffic-history-fit.sh [MAP [DAYS [VEHICLES [STOPS [SEED]]]]] (default porto 40 20 25 1).
# Results: .peers-results/history/.
set -euo pipefail
cd "$(dirname "$0")/.."
map=${1:-porto}; days=${2:-40}; vehicles=${3:-20}; stops=${4:-25}; seed=${5:-1}
results=.peers-results/history
mkdir -p "$results"
swift build -c release --product lastmile >/dev/null
bin="$PWD/.build/release/lastmile"
graph="$results/$map.graph"
test -f "$graph" || "$bin" import "../shared/maps/$map.osm.pbf" -o "$graph" >/dev/null
truth=profiles/traffic-urban-default.csv
/usr/bin/time -f "history: %e s, %M KB" "$bin" traffic history --graph "$graph" --traffic "$truth" --days "$days" \
    --vehicles "$vehicles" --stops "$stops" --seed "$seed" -o "$results/history.csv"
/usr/bin/time -f "fit: %e s, %M KB" "$bin" traffic fit "$results/history.csv" --graph "$graph" -o "$results/fitted.json" \
    --service-times "$results/services.csv" --holdout-days 8 | tee "$results/fit.txt"
# Fitted against true factors, weekdays, per road group, by the fit's relative standard error.
python3 - "$results/fitted.json" "$truth" <<'PY'
import csv, json, sys
fitted, truth = sys.argv[1:3]
def slot(t): h, m = map(int, t.split(":")); return (h * 60 + m) // 15
true = {}
for r in csv.DictReader(line for line in open(truth) if not line.startswith("#")):
    if r["days"] == "weekdays":
        for s in range(slot(r["start"]), slot(r["end"])): true[(s, r["road"])] = float(r["speed_factor"])
print("| group | relative standard error | weekday slices | within 5 % of the truth | median error | max error |\n|---|---|---:|---:|---:|---:|")
for group in ("arterial", "collector", "local"):
    for low, high in ((0, 0.02), (0.02, 0.05), (0.05, 10)):
        e = sorted(abs(p["speed_factor"] / true[(slot(p["start"]), group)] - 1) for p in json.load(open(fitted))["periods"]
                   if p["days"] == "weekdays" and p["road"] == group and low <= p["relative_error"] < high)
        if e:
            label = f"{100 * low:.0f}–{100 * high:.0f} %" if high < 10 else f"≥ {100 * low:.0f} %"
            print(f"| {group} | {label} | {len(e)} | {sum(x <= 0.05 for x in e)} | {100 * e[len(e) // 2]:.1f} % | {100 * e[-1]:.1f} % |")
PY
