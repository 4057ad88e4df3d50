#!/usr/bin/env bash
# CCH preprocessing per shared map (release build): nested-dissection order + contraction, customization of a
# metric, hierarchy size, and the peak memory of the whole `lastmile matrix` process for 100 of the peer
# harness's reference points. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product lastmile >/dev/null
bin=.build/release/lastmile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| map | nodes | arcs | order+contract s | hierarchy edges | elim. tree height | customize ms | 100×100 ms | peak MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for map in ../shared/maps/*.osm.pbf ../shared/maps/*.osm.gz; do
    name=$(basename "$map"); short=${name%%.*}
    summary=$("$bin" import "$map" -o "$work/g.graph")
    nodes=$(sed -n 's/^kept the largest: \([0-9]*\) nodes.*/\1/p' <<<"$summary")
    arcs=$(sed -n 's/.* nodes ([0-9.]* %), \([0-9]*\) arcs.*/\1/p' <<<"$summary")
    head -101 "../shared/peers/roads/reference/$short/points.csv" > "$work/points.csv"
    out=$( { /usr/bin/time -f "TIME %M" "$bin" matrix --graph "$work/g.graph" --locations "$work/points.csv" \
        --durations-csv "$work/d.csv" --distances-csv "$work/l.csv"; } 2>&1 )
    order=$(sed -n 's/.*ordered and contracted in \([0-9.]* m\?s\).*/\1/p' <<<"$out")
    edges=$(sed -n 's/.*(\([0-9]*\) hierarchy edges.*/\1/p' <<<"$out")
    height=$(sed -n 's/.*elimination tree height \([0-9]*\)).*/\1/p' <<<"$out")
    customize=$(sed -n 's/.*customized in \([0-9.]* m\?s\).*/\1/p' <<<"$out")
    query=$(sed -n 's/.*100×100 matrix in \([0-9.]* m\?s\).*/\1/p' <<<"$out")
    kb=$(sed -n 's/^TIME \([0-9]*\)/\1/p' <<<"$out")
    echo "| $name | $nodes | $arcs | $order | $edges | $height | $customize | $query | $((kb / 1024)) |"
done
