#!/usr/bin/env bash
# node-test.sh LABEL DIR CONCURRENCY — runs the node:test files of DIR,
# prints the tail of the report and "LABEL: N passed, N failed", and records
# the counts in $THIDUA_RESULTS. Used by test-api.sh and test-e2e.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
label=$1 dir=$2 conc=$3
out=$(node --test --test-reporter=spec --test-concurrency="$conc" "$dir" 2>&1); rc=$?
echo "$out" | grep -vE '^\s*$' | tail -n 80
pass=$(grep -oE '^ℹ pass [0-9]+' <<<"$out" | grep -oE '[0-9]+$' || echo 0)
fail=$(grep -oE '^ℹ fail [0-9]+' <<<"$out" | grep -oE '[0-9]+$' || echo 0)
[ $rc -ne 0 ] && [ "${fail:-0}" -eq 0 ] && fail=1
echo "$label: ${pass:-0} passed, ${fail:-0} failed"
[ -n "${THIDUA_RESULTS:-}" ] && echo "$label ${pass:-0} ${fail:-0}" >>"$THIDUA_RESULTS"
[ "$rc" -eq 0 ]
