#!/usr/bin/env bash
# Import and load benchmark for every map in ../shared/maps (release build, this machine).
# Prints a Markdown table: graph size, import time and peak memory of `lastmile import`, load time of the saved
# graph (best of 5 `lastmile info` runs, read call only), and, as a same-run reference for raw decoding speed,
# the time of `osmium fileinfo -e` (libosmium, C++, multi-threaded) reading the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product lastmile >/dev/null
bin=.build/release/lastmile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| map | nodes | arcs | dropped nodes | import s | peak MB | load ms | osmium read s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for map in ../shared/maps/*.osm.pbf ../shared/maps/*.osm.gz; do
    name=$(basename "$map")
    out=$( { /usr/bin/time -f "TIME %e %M" "$bin" import "$map" -o "$work/g.graph"; } 2>&1 )
    nodes=$(sed -n 's/^kept the largest: \([0-9]*\) nodes.*/\1/p' <<<"$out")
    arcs=$(sed -n 's/.* nodes ([0-9.]* %), \([0-9]*\) arcs.*/\1/p' <<<"$out")
    dropped=$(sed -n 's/.*dropped \([0-9]*\) nodes.*/\1/p' <<<"$out")
    read -r seconds kb < <(sed -n 's/^TIME \([0-9.]*\) \([0-9]*\)/\1 \2/p' <<<"$out")
    best=""
    for _ in 1 2 3 4 5; do
        ms=$("$bin" info "$work/g.graph" | sed -n 's/^loaded in \([0-9.]*\) ms/\1/p')
        if [ -z "$best" ] || awk "BEGIN{exit !($ms < $best)}"; then best=$ms; fi
    done
    osmium_s="n/a"
    if command -v osmium >/dev/null; then
        osmium_s=$( { /usr/bin/time -f "%e" osmium fileinfo -e "$map" >/dev/null; } 2>&1 | tail -1)
    fi
    echo "| $name | $nodes | $arcs | $dropped | $seconds | $((kb / 1024)) | $best | $osmium_s |"
done
