#!/usr/bin/env bash
# All 15-minute slice matrices of a day (06:00–22:00, 64 slices) between N random points of a map, assembled
# into the planner's FIFO time-dependent table (`lastmile traffic matrices`): wall time and peak memory of the
# whole command (read the graph, snap, contract, customize and query every distinct slice, build the table).
#
# Two profiles: the shipped urban profile (slices with equal factors share one matrix: 9 distinct on a
# weekday) and a worst case where every slice differs (64 matrices), written here.
# Usage: Benchmarks/traffic-day-matrices.sh [MAP [N [SEED]]] (default porto 2000 42).
# Results: .peers-results/traffic/ (graph, points, profiles); prints one Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
map=${1:-porto}; n=${2:-2000}; seed=${3:-42}
results=.peers-results/traffic
mkdir -p "$results"
swift build -c release --product lastmile >/dev/null
bin="$PWD/.build/release/lastmile"
graph="$results/$map.graph"
test -f "$graph" || "$bin" import "../shared/maps/$map.osm.pbf" -o "$graph" >/dev/null

# Random points in the map's central road area, snapped to the graph; the first N that snap are kept.
python3 - "$results" "$map" "$n" "$seed" <<'PY'
import json, random, sys
results, name, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
inventory = {m["file"]: m for m in json.load(open("../shared/maps/map_inventory.json"))}
west, south, east, north = inventory[f"{name}.osm.pbf"]["car_road_bbox_lon_lat"]
# The middle third of the road bounding box: the city, not the sea or the fields around it.
cx, cy, wx, wy = (west + east) / 2, (south + north) / 2, (east - west) / 6, (north - south) / 6
rng = random.Random(seed)
with open(f"{results}/candidates.csv", "w") as out:
    out.write("id,lat,lon\n")
    for i in range(int(n * 1.5)):
        out.write(f"p{i},{cy + rng.uniform(-wy, wy):.7f},{cx + rng.uniform(-wx, wx):.7f}\n")
PY
# (snap exits non-zero when some candidates are far from every road: those are the ones dropped.)
"$bin" snap --graph "$graph" --points "$results/candidates.csv" > "$results/snapped.csv" 2>/dev/null || true
awk -F, -v n="$n" 'NR == 1 { print "id,lat,lon"; next } NR <= n + 1 { print $1 "," $2 "," $3 }' "$results/snapped.csv" > "$results/points-$n.csv"
test "$(wc -l < "$results/points-$n.csv")" -eq $((n + 1)) || { echo "fewer than $n points snapped" >&2; exit 1; }

# Worst case: a factor of its own in every slice of every day (96 slices × 3 road groups + ferries).
python3 - "$results/every-slice-differs.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as out:
    out.write("days,start,end,road,speed_factor\nall,00:00,24:00,ferry,1.0\n")
    for s in range(96):
        start, end = f"{s // 4:02d}:{s % 4 * 15:02d}", f"{(s + 1) // 4:02d}:{(s + 1) % 4 * 15:02d}"
        for group, base in (("arterial", 500), ("collector", 600), ("local", 800)):
            out.write(f"all,{start},{end},{group},{(base + 3 * s) / 1000:.3f}\n")
PY

echo "| $map, $n points, 06:00–22:00 | slices | distinct matrices | contract s | slices s | wall s | peak MB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for profile in profiles/traffic-urban-default.csv "$results/every-slice-differs.csv"; do
    /usr/bin/time -f "%e %M" -o "$results/time.txt" "$bin" traffic matrices --graph "$graph" --points "$results/points-$n.csv" \
        --date 2026-12-01 --traffic "$profile" > "$results/run.json"
    read -r wall kb < "$results/time.txt"
    python3 - "$results/run.json" "$profile" "$wall" "$kb" <<'PY'
import json, sys
run, profile, wall, kb = json.load(open(sys.argv[1])), sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
print(f"| `{profile.split('/')[-1]}` | {run['slices']} | {run['distinct_matrices']} | {run['preprocess_s']:.2f} | "
      f"{run['slices_s']:.2f} | {wall:.2f} | {kb // 1024} |")
PY
done
