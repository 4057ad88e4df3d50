#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader LastMile exposes to outside input (issue 16), with libFuzzer and the
# address sanitizer: builds the separate package Fuzz/ into .build-fuzz (the root package's builds are untouched)
# and runs each target of `FuzzTarget` on a working corpus seeded from fixtures/fuzz/<target>/.
#
# Usage: Benchmarks/fuzz.sh [RUNS] [TARGET…]     RUNS: executions per target (default 1000000)
#   MAX_TIME=S   also stop each target after S seconds (default 3600: the issue's "10^6 executions or one hour")
#   JOBS=N       targets run N at a time (default 1; the machine is shared)
#   CONFIG=debug build the fuzzer unoptimised (default release)
# Working corpora go to .fuzz-corpus/<target>/, crash/leak/timeout/oom reproducers to .fuzz-findings/<target>/
# (both git-ignored). A finding is fixed, then its file is copied into fixtures/fuzz/<target>/ so that
# `swift test --filter FuzzRegressionTests` replays it for good. Prints a Markdown table of the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000000}
shift || true
targets=${*:-pbf osm-xml tables vroom graph traffic geojson events}
max_time=${MAX_TIME:-3600}
jobs=${JOBS:-1}
config=${CONFIG:-release}  # optimised and instrumented: several times the executions per second of debug

# SwiftPM links executables with `--defsym main=<module>_main`, which clashes with the `main` libFuzzer's runtime
# brings, so SwiftPM compiles the module and its dependencies (instrumented) and swiftc links them here.
swift build --package-path Fuzz --scratch-path .build-fuzz -c "$config" --target LastMileFuzz -Xswiftc -sanitize=fuzzer,address 2>&1 | tail -1
binary=.build-fuzz/lastmile-fuzz
objects=$(swift build --package-path Fuzz --scratch-path .build-fuzz -c "$config" -Xswiftc -sanitize=fuzzer,address --show-bin-path)
swiftc -sanitize=fuzzer,address -emit-executable "$objects"/*.build/*.o -lz -lproj -o "$binary" 2>&1 | grep -v "ld.gold: warning" || true

run_target() {
    local target=$1
    mkdir -p ".fuzz-corpus/$target" ".fuzz-findings/$target"
    # Extra seeds outside git: the start of each shared extract (its header and first blocks) for the PBF reader.
    if [ "$target" = pbf ] && [ -d ../shared/maps ]; then
        for map in ../shared/maps/*.osm.pbf; do head -c 65536 "$map" > ".fuzz-corpus/$target/$(basename "$map").head"; done
    fi
    local started=$SECONDS
    "$binary" "$target" ".fuzz-corpus/$target" "fixtures/fuzz/$target" -runs="$runs" -max_total_time="$max_time" \
        -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 -print_final_stats=1 \
        -artifact_prefix=".fuzz-findings/$target/" > ".fuzz-findings/$target/log.txt" 2>&1 || true
    local log=".fuzz-findings/$target/log.txt"
    local executions rss coverage findings
    executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    findings=$(find ".fuzz-findings/$target" -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' | wc -l)
    echo "| $target | $executions | $((SECONDS - started)) | $coverage | $(ls ".fuzz-corpus/$target" | wc -l) | $rss | $findings |"
}

echo "| target | executions | seconds | coverage (edges) | corpus files | peak RSS MB | findings |"
echo "|---|---|---|---|---|---|---|"
if [ "$jobs" -gt 1 ]; then
    export -f run_target; export binary runs max_time
    printf '%s\n' $targets | xargs -P "$jobs" -I{} bash -c 'run_target {}'
else
    for target in $targets; do run_target "$target"; done
fi
