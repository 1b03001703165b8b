#!/usr/bin/env bash
# Runs cmocka test binaries; prints each suite's result and records the
# counts in $THIDUA_RESULTS (one line: LABEL PASSED FAILED) when set.
set -uo pipefail
label=${THIDUA_LABEL:-unit}
pass=0 fail=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	p=$(grep -oE '^\[  PASSED  \] [0-9]+' <<<"$out" | grep -oE '[0-9]+$' || true)
	f=$(grep -oE '^\[  FAILED  \] [0-9]+' <<<"$out" | grep -oE '[0-9]+$' || true)
	p=${p:-0} f=${f:-0}
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed before reporting
	if [ "$f" -ne 0 ]; then echo "$out"; fi
	echo "  $(basename "$t"): $p passed, $f failed"
	pass=$((pass + p)) fail=$((fail + f))
done
echo "$label: $pass passed, $fail failed"
[ -n "${THIDUA_RESULTS:-}" ] && echo "$label $pass $fail" >>"$THIDUA_RESULTS"
[ "$fail" -eq 0 ]
