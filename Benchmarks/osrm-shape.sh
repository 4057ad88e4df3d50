#!/usr/bin/env bash
# OSRM compatibility by shape (issue 13): the same table, route and error requests to osrm-routed and to
# `lastmile serve`, both serving Porto with the same road model (LastMile's `--profile baseline` = car.lua's
# class speeds), compared member by member (osrm-shape.py). Reuses server-peers.sh's prepared files.
# Usage: Benchmarks/osrm-shape.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=.peers-results/server
[ -f "$work/osrm/porto.osrm.hsgr" ] && [ -f "$work/porto.graph" ] || { echo "run Benchmarks/server-peers.sh first (it prepares $work)" >&2; exit 1; }
osrm=$(ls -d .venv-peers-roads/lib/python3*/site-packages/osrm)
swift build -c release --product lastmile >/dev/null
bin=$PWD/.build/release/lastmile
db=$(mktemp -d)/shape.sqlite
key=$("$bin" keys create --role admin --db "$db" 2>/dev/null)
"$osrm/bin/osrm-routed" --algorithm ch -i 127.0.0.1 -p 5121 "$work/osrm/porto.osrm" >/dev/null 2>&1 &
osrm_pid=$!
"$bin" serve --db "$db" --graph "$work/porto.graph" --port 5122 --log-level warning >/dev/null 2>&1 &
lastmile_pid=$!
trap 'kill $osrm_pid $lastmile_pid 2>/dev/null' EXIT
for url in "http://127.0.0.1:5121/table/v1/driving/0,0;0,0" "http://127.0.0.1:5122/health"; do
    for _ in $(seq 1 300); do curl -s -o /dev/null "$url" && break; sleep 0.1; done
done
python3 Benchmarks/osrm-shape.py 5121 5122 "$key" "$work/coords100.txt"
