#!/usr/bin/env bash
# API tests: node:test files under tests/api/, each starting its own server
# on a free loopback port. THIDUA_TEST_PG_URL switches them to PostgreSQL.
# Records "LABEL PASSED FAILED" in $THIDUA_RESULTS.
set -uo pipefail
cd "$(dirname "$0")/.."
label=${THIDUA_LABEL:-api}
out=$(node --test --test-reporter=spec --test-concurrency=2 tests/api/ 2>&1); rc=$?
echo "$out" | grep -vE '^\s*$' | tail -n 80
pass=$(grep -oE '^ℹ pass [0-9]+' <<<"$out" | grep -oE '[0-9]+$' || echo 0)
fail=$(grep -oE '^ℹ fail [0-9]+' <<<"$out" | grep -oE '[0-9]+$' || echo 0)
[ $rc -ne 0 ] && [ "${fail:-0}" -eq 0 ] && fail=1
echo "$label: ${pass:-0} passed, ${fail:-0} failed"
[ -n "${THIDUA_RESULTS:-}" ] && echo "$label ${pass:-0} ${fail:-0}" >>"$THIDUA_RESULTS"
[ "$rc" -eq 0 ]
