#!/usr/bin/env bash
# Property-based fuzzing of the HTTP API with schemathesis (PyPI) against the served OpenAPI document: the
# sample town's demo day (120 orders) behind `lastmile serve` on a free loopback port, an admin key, every
# operation with generated valid and invalid inputs. Fails on any 5xx answer or any response that breaks the
# document (status, content type, schema).
#
# Needs a venv with schemathesis: python3 -m venv .venv-schemathesis && .venv-schemathesis/bin/pip install schemathesis
# Usage: Benchmarks/api-fuzz.sh [SECONDS]   (default 120)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
# LASTMILE=path/to/lastmile fuzzes that binary instead of a fresh release build.
bin=${LASTMILE:-}
if [ -z "$bin" ]; then swift build -c release --product lastmile >/dev/null; bin=$PWD/.build/release/lastmile; fi
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
"$bin" demo --orders 120 --iterations 800 --threads 1 --seed 3 --date 2026-11-23 --output "$work/demo" >/dev/null 2>&1
"$bin" import maps/sample-town.osm.pbf -o "$work/town.graph" >/dev/null 2>&1
key=$("$bin" keys create --role admin --db "$work/demo/lastmile.sqlite" 2>/dev/null)
"$bin" serve --db "$work/demo/lastmile.sqlite" --graph "$work/town.graph" --port 0 --vroom-time-limit 0.2 --log-level warning 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o "http://[0-9.:]*" "$work/serve.log" | head -1)
echo "fuzzing $url for $seconds s"
.venv-schemathesis/bin/schemathesis run "$url/openapi.json" -H "Authorization: Bearer $key" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-time "$seconds" --workers 2 --seed 42
