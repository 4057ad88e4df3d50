#!/usr/bin/env bash
# Solver iterations per second with time-dependent travel against static travel on the same day: the sample
# day's depots and fleet with ORDERS orders laid over a map and planned end to end by `lastmile demo`, with
# free-flow static matrices (--traffic none) and with the shipped urban profile (--traffic default: every leg
# driven at its departure, the car network's 15-minute slices over the fleet's shifts). One search chain, the
# same seed, fixed iteration counts.
#
# Two rates per mode, because the machine is shared: the wall-clock rate the demo prints (`solver: N
# iterations in S s`, the solver's setup and first solution included), and the rate per CPU second: the same
# day is also planned with one iteration (everything but the search: import, snapping, matrices, the first
# solution, outputs), and (N − 1) / (CPU seconds of the N run − CPU seconds of the 1 run), user + system time
# of the whole process from /usr/bin/time. The CPU rate leaves out the setup and the other processes' load.
# Usage: Benchmarks/traffic-solver-rate.sh [MAP] [LAT,LON] [ORDERS] [ITERATIONS]
#   e.g. Benchmarks/traffic-solver-rate.sh ../shared/maps/porto.osm.pbf 41.1579,-8.6291 400 3000
# Prints one Markdown row per mode: orders, mode, matrix s, iterations (planning rounds), solver wall s, wall
# iterations/s, search CPU s, iterations per CPU s, peak MB, checked.
set -euo pipefail
cd "$(dirname "$0")/.."
map=${1:-../shared/maps/porto.osm.pbf}; centre=${2:-41.1579,-8.6291}; orders=${3:-400}; iterations=${4:-3000}
swift build -c release --product lastmile >/dev/null
run() {  # mode iterations -> the demo's log with "cpu U S peak KB" appended
    local out; out=$(mktemp -d)
    /usr/bin/time -f "cpu %U %S peak %M KB" .build/release/lastmile demo --map "$map" --centre "$centre" --orders "$orders" \
        --iterations "$2" --threads 1 --traffic "$1" --output "$out" 2>&1 | grep -v "solving"
    rm -rf "$out"
}
for mode in none default; do
    short=$(run "$mode" 1)
    long=$(run "$mode" "$iterations")
    python3 - "$orders" "$mode" "$iterations" <<PY
import re, sys
orders, mode, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def parse(log):
    seconds = lambda value, unit: float(value) / (1000 if unit == "ms" else 1)
    runs = re.findall(r"solver: (\d+) iterations in ([0-9.]+) (m?s)", log)
    matrix = re.search(r"road matrix in ([0-9.]+) (m?s)", log)
    user, system, peak = re.search(r"cpu ([0-9.]+) ([0-9.]+) peak (\d+) KB", log).groups()
    return dict(iterations=sum(int(i) for i, _, _ in runs), solver=sum(seconds(s, u) for _, s, u in runs), rounds=len(runs),
                matrix=seconds(*matrix.groups()), cpu=float(user) + float(system), peak=int(peak) // 1024, checked="check passed" in log)
short, long = parse("""$short"""), parse("""$long""")
label = "static (free flow)" if mode == "none" else "time-dependent (urban default)"
marginal = (long["iterations"] - short["iterations"]) / (long["cpu"] - short["cpu"])
print(f"| {orders} | {label} | {long['matrix']:.1f} | {long['iterations']} ({long['rounds']} rounds) | {long['solver']:.1f} "
      f"| {long['iterations'] / long['solver']:.0f} | {long['cpu'] - short['cpu']:.1f} | {marginal:.0f} | {long['peak']} "
      f"| {'yes' if short['checked'] and long['checked'] else 'NO'} |")
PY
done
