#!/usr/bin/env bash
# The console's frame budget (issue 14) on a Porto day with 100 runs (2,000 orders): plans the day (release,
# 30 s) unless DB is given, serves it with Porto's roads as the base layer, signs in as admin (every run shown)
# in headless Chromium at 1366×768 and measures the time between animation frames while the map pans 30 px a
# frame (120 frames; the road layer reloads as the view moves) and while runs are selected one per frame.
# Usage: Benchmarks/console-frames.sh [DB]
set -euo pipefail
cd "$(dirname "$0")/.."
map=../shared/maps/porto.osm.pbf
swift build -c release --product lastmile >/dev/null
swift build -c release --product ConsoleBrowser >/dev/null
bin=.build/release
work=$(mktemp -d)
db=${1:-}
if [ -z "$db" ]; then
    $bin/lastmile demo --map "$map" --centre 41.1579,-8.6291 --orders 2000 --time-limit 30 --output "$work/porto" >/dev/null
    db=$work/porto/lastmile.sqlite
fi
date=2026-11-23
admin=$($bin/lastmile keys create --role admin --db "$db" 2>/dev/null | grep -o 'lm_[A-Za-z0-9_]*' | head -1)
$bin/lastmile serve --db "$db" --map "$map" --port 0 --log-level warning 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/serve.log" | head -1)
$bin/ConsoleBrowser "$url" "$admin" "$date" frames
