#!/usr/bin/env bash
# Browser tests: node:test files under tests/e2e/ driving Debian's Chromium
# through playwright-core; screenshots land in tests/artifacts/.
set -uo pipefail
cd "$(dirname "$0")/.."
label=${THIDUA_LABEL:-e2e}
out=$(node --test --test-reporter=spec --test-concurrency=1 tests/e2e/ 2>&1); rc=$?
echo "$out" | grep -vE '^\s*$' | tail -n 60
pass=$(grep -oE '^ℹ pass [0-9]+' <<<"$out" | grep -oE '[0-9]+$' || echo 0)
fail=$(grep -oE '^ℹ fail [0-9]+' <<<"$out" | grep -oE '[0-9]+$' || echo 0)
[ $rc -ne 0 ] && [ "${fail:-0}" -eq 0 ] && fail=1
echo "$label: ${pass:-0} passed, ${fail:-0} failed"
[ -n "${THIDUA_RESULTS:-}" ] && echo "$label ${pass:-0} ${fail:-0}" >>"$THIDUA_RESULTS"
[ "$rc" -eq 0 ]
