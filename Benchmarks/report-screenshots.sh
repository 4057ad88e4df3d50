#!/usr/bin/env bash
# Renders the cost and CO2e reports (issue 15) to PNG with headless Chromium so a person can look at them: the
# report of a planned day (`lastmile report DATE --format html`) and the carrier comparison (`lastmile report
# compare --format html`). Plans the demo day (400 orders) unless DB and DATE are given. Writes HTML and PNGs
# into FOLDER (default: a new temporary folder; never the repository).
# Usage: Benchmarks/report-screenshots.sh [FOLDER] [DB DATE]      (needs chromium; with DB, the sample town's map)
#   LASTMILE=path   use that binary instead of building the release one
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-$(mktemp -d /tmp/lastmile-report-XXXX)}
mkdir -p "$folder"
lastmile=${LASTMILE:-.build/release/lastmile}
[ -n "${LASTMILE:-}" ] || swift build -c release --product lastmile >/dev/null
if [ $# -ge 3 ]; then
    db=$2; date=$3; map_args=()
else
    "$lastmile" demo --output "$folder/demo" --iterations 1500 --threads 2 >/dev/null
    db=$folder/demo/lastmile.sqlite; date=2026-11-23; map_args=(--map "$folder/demo/sample-town.osm.pbf")
fi
"$lastmile" report "$date" --db "$db" --format html > "$folder/report.html"
"$lastmile" report compare --date "$date" --db "$db" "${map_args[@]}" --iterations 400 --format html > "$folder/compare.html"
for page in report compare; do
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2600 \
        --screenshot="$folder/$page.png" "file://$(realpath "$folder/$page.html")" 2>/dev/null
    echo "$folder/$page.png"
done
