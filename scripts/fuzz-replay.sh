#!/usr/bin/env bash
# Replays every fuzz target's corpus (fuzz/corpus/NAME/) as a test.
set -uo pipefail
B=${B:-build}
pass=0 fail=0
for name in "$@"; do
	dir=fuzz/corpus/$name
	[ -d "$dir" ] || { echo "  $name: no corpus"; continue; }
	if out=$("$B/fuzz/$name" "$dir" 2>&1); then
		pass=$((pass + 1)); echo "  $name: $(tail -1 <<<"$out")"
	else
		fail=$((fail + 1)); echo "$out" | tail -30; echo "  $name: FAILED"
	fi
done
echo "fuzz-replay: $pass passed, $fail failed"
[ -n "${THIDUA_RESULTS:-}" ] && echo "fuzz-replay $pass $fail" >>"$THIDUA_RESULTS"
[ "$fail" -eq 0 ]
