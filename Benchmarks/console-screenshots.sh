#!/usr/bin/env bash
# Screenshots of the dispatcher console (issue 14) at 1366×768 in the same headless Chromium the browser tests
# use: the overview (map, runs, timeline placeholder), a selected run with its timeline, the actions and live
# feed, and a carrier's view. Plans the sample town's demo day (120 orders) unless DB and DATE are given, serves
# it on a free loopback port, and writes PNGs into FOLDER (default: a new temporary folder; never the repository).
# Usage: Benchmarks/console-screenshots.sh [FOLDER] [DB DATE]      (needs chromium, chromium-driver, libjs-leaflet)
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-$(mktemp -d /tmp/lastmile-console-XXXX)}
config=${CONFIG:-debug}
swift build -c "$config" --product lastmile >/dev/null
swift build -c "$config" --product ConsoleBrowser >/dev/null
bin=.build/$config
work=$(mktemp -d)
if [ $# -ge 3 ]; then
    db=$2; date=$3; map_args=()
else
    $bin/lastmile demo --output "$work/demo" --orders 120 --iterations 800 --threads 1 >/dev/null
    db=$work/demo/lastmile.sqlite; date=2026-11-23; map_args=(--map "$work/demo/sample-town.osm.pbf")
fi
admin=$($bin/lastmile keys create --role admin --db "$db" 2>/dev/null | grep -o 'lm_[A-Za-z0-9_]*' | head -1)
carrier=$($bin/lastmile keys create --role carrier --carrier velo --db "$db" 2>/dev/null | grep -o 'lm_[A-Za-z0-9_]*' | head -1 || true)
$bin/lastmile serve --db "$db" "${map_args[@]}" --port 0 --log-level warning 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/serve.log" | head -1)
$bin/ConsoleBrowser "$url" "$admin" "$date" screenshots "$folder" $carrier
