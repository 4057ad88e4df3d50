#!/usr/bin/env bash
# The test suite under the address sanitizer and the thread sanitizer (issue 16), each in its own scratch path
# (.build-asan, .build-tsan: full rebuilds, ~15-25 min each on 2 shared cores; the default .build is untouched).
# Optimised like the suite itself (`swift test -c release`): unoptimised, the solver's tests alone run for hours
# under a sanitizer.
#
# Usage: Benchmarks/sanitizers.sh [address|thread|both] [FILTER]
#   FILTER: a `swift test --filter` expression to run some suites only (default: the whole suite).
#   CONFIG=debug  build unoptimised instead
# Exits non-zero when a sanitizer reports (ASan/TSan abort the test process with a report) or a test fails.
# TSAN_OPTIONS/ASAN_OPTIONS from the environment are kept; halt_on_error makes the first report fail the run.
# Benchmarks/tsan-suppressions.txt lists the reports that are not LastMile's races, each with its evidence.
set -uo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
filter=${2:-}
status=0
run() {
    local sanitizer=$1 scratch=$2
    local args=(-c "${CONFIG:-release}" --sanitize="$sanitizer" --scratch-path "$scratch")
    [ -n "$filter" ] && args+=(--filter "$filter")
    local started=$SECONDS
    echo "== swift test ${args[*]}"
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1} TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/Benchmarks/tsan-suppressions.txt} \
        swift test "${args[@]}" 2>&1 | tee "$scratch.log" | grep -E "Test run with|tests in|WARNING: ThreadSanitizer|ERROR: AddressSanitizer|SUMMARY:|error:" | head -40
    local code=${PIPESTATUS[0]}
    echo "== $sanitizer: exit $code after $((SECONDS - started)) s (full log: $scratch.log)"
    [ "$code" -eq 0 ] || status=1
}
case $which in
    address) run address .build-asan ;;
    thread) run thread .build-tsan ;;
    both) run address .build-asan; run thread .build-tsan ;;
    *) echo "usage: $0 [address|thread|both] [FILTER]" >&2; exit 64 ;;
esac
exit $status
