#!/usr/bin/env bash
# The whole suite, as `make test` runs it (locally and in CI): unit tests,
# the same under ASan+UBSan, fuzz corpora, documents checked by LibreOffice
# and poppler, the unit tests again on a
# throw-away PostgreSQL cluster, API tests and browser tests.
# Ends with one summary line "total: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh --test || exit 1
export THIDUA_RESULTS
THIDUA_RESULTS=$(mktemp)
pg_started=
cleanup() {
	[ -n "$pg_started" ] && scripts/pg-tmp.sh stop
	rm -f "$THIDUA_RESULTS"
}
trap cleanup EXIT

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
# DOCX/PDF/XLSX read back by LibreOffice and poppler
step doc scripts/test-doc.sh

# PostgreSQL: the same unit tests on a cluster of our own (never the
# machine's service), kept up for the PostgreSQL runs of the API and browser
# suites. PG_URL is passed explicitly to each PostgreSQL step, so the plain
# steps always run on SQLite. THIDUA_TEST_PG_CTL lets the restart test stop
# and start the server.
PG_URL=
pg_unit() {
	# a cluster someone started by hand is reused and left running
	scripts/pg-tmp.sh url >/dev/null 2>&1 || pg_started=1
	PG_URL=$(scripts/pg-tmp.sh start) || return 1
	THIDUA_TEST_PG=$PG_URL THIDUA_TEST_PG_CTL="$PWD/scripts/pg-tmp.sh server" \
		THIDUA_LABEL=unit-pg make -s unit
}
step unit-pg pg_unit
# the sanitizers over the PostgreSQL driver's own paths (bytea, reconnects)
step asan-pg env THIDUA_TEST_PG="$PG_URL" \
	THIDUA_TEST_PG_CTL="$PWD/scripts/pg-tmp.sh server" THIDUA_LABEL=unit-asan-pg make -s -j"$jobs" asan

# `thidua db copy` end to end: SQLite → PostgreSQL → SQLite, through the
# command line (the unit test test_db_copy checks every value).
db_copy_cli() {
	local url dir rc=0
	url=${PG_URL:?no PostgreSQL cluster}
	dir=$(mktemp -d)
	pg() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$url" -c "$1"; }
	{
		pg "DROP SCHEMA public CASCADE; CREATE SCHEMA public" &&
			build/thidua init --data-dir "$dir/a" >/dev/null &&
			sqlite3 "$dir/a/thidua.db" "INSERT INTO login_failures VALUES ('x', 1)" &&
			build/thidua db copy --from "$dir/a" --to "$url" >/dev/null &&
			build/thidua db copy --from "$url" --to "$dir/b" &&
			[ "$(sqlite3 "$dir/b/thidua.db" "SELECT subject FROM login_failures")" = x ] &&
			# a destination holding data is refused
			! build/thidua db copy --from "$dir/a" --to "$url" >/dev/null 2>&1
	} || rc=1
	rm -rf "$dir"
	[ -n "${THIDUA_RESULTS:-}" ] && echo "db-copy-cli $((rc == 0)) $rc" >>"$THIDUA_RESULTS"
	return $rc
}
step db-copy-cli db_copy_cli
unset THIDUA_TEST_PG_URL
step api scripts/test-api.sh
step api-pg env THIDUA_TEST_PG_URL="$PG_URL" THIDUA_LABEL=api-pg scripts/test-api.sh
# alone: it stops and starts the shared cluster
step pg-restart env THIDUA_TEST_PG_URL="$PG_URL" THIDUA_TEST_PG_CTL="$PWD/scripts/pg-tmp.sh server" \
	scripts/node-test.sh pg-restart tests/pg/ 1
step e2e scripts/test-e2e.sh
step e2e-pg env THIDUA_TEST_PG_URL="$PG_URL" THIDUA_LABEL=e2e-pg scripts/test-e2e.sh

read -r pass fail < <(awk '{p += $2; f += $3} END {print p + 0, f + 0}' "$THIDUA_RESULTS")
if [ ${#failed_steps[@]} -gt 0 ]; then
	echo "failed steps: ${failed_steps[*]}"
	[ "$fail" -eq 0 ] && fail=${#failed_steps[@]}
fi
echo "total: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ ${#failed_steps[@]} -eq 0 ]
