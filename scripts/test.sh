#!/usr/bin/env bash
# The whole suite, as `make test` runs it (locally and in CI): unit tests,
# the same under ASan+UBSan, fuzz corpora, API tests and browser tests.
# Ends with one summary line "total: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh --test || exit 1
export THIDUA_RESULTS
THIDUA_RESULTS=$(mktemp)
trap 'rm -f "$THIDUA_RESULTS"' EXIT

failed_steps=()
step() {
	local name=$1; shift
	echo "=== $name"
	local t0=$SECONDS
	if ! "$@"; then failed_steps+=("$name"); fi
	echo "=== $name done in $((SECONDS - t0)) s"
}

jobs=$(nproc 2>/dev/null || echo 2)
step build make -s -j"$jobs" all
step unit make -s -j"$jobs" unit
step asan env THIDUA_LABEL=unit-asan make -s -j"$jobs" asan
step fuzz-replay make -s -j"$jobs" fuzz-replay
step api scripts/test-api.sh
step e2e scripts/test-e2e.sh

read -r pass fail < <(awk '{p += $2; f += $3} END {print p + 0, f + 0}' "$THIDUA_RESULTS")
if [ ${#failed_steps[@]} -gt 0 ]; then
	echo "failed steps: ${failed_steps[*]}"
	[ "$fail" -eq 0 ] && fail=${#failed_steps[@]}
fi
echo "total: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ ${#failed_steps[@]} -eq 0 ]
