#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests, independent of the machine's own
# PostgreSQL service (which may be stopped, absent or configured otherwise).
#
#   scripts/pg-tmp.sh start          create + start (or reuse) the cluster; prints its URL
#   scripts/pg-tmp.sh url            prints the URL of the running cluster
#   scripts/pg-tmp.sh stop           stops the cluster and removes its directory
#   scripts/pg-tmp.sh server stop    stops the server but keeps the cluster (restart tests)
#   scripts/pg-tmp.sh server start   starts it again on the same port
#
# The database `thidua_test` belongs to the role `thidua`, which also owns the
# schema `public`, so a test may `DROP SCHEMA public CASCADE` to start clean;
# `thidua` may also create databases of its own (the API tests give every
# server a fresh one).
# The role `thidua_app` has no rights of its own: tests grant it what an app
# server's role gets in docs/deploy.md (rows only, no DDL).
# Durability is switched off (fsync, synchronous_commit, full_page_writes):
# the data is worthless after the run, speed is what matters.
#
# State (data directory, port, pid) is kept in $THIDUA_PG_STATE (default
# build/pg/state) so that `stop` can find the cluster again.
set -euo pipefail
cd "$(dirname "$0")/.."

state=${THIDUA_PG_STATE:-$PWD/build/pg/state}
mkdir -p "$(dirname "$state")"

die() { echo "pg-tmp: $*" >&2; exit 1; }

# Newest installed server version: /usr/lib/postgresql/<ver>/bin.
find_bin() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V | tail -1 || true)
	[ -n "$d" ] && [ -x "$d/initdb" ] || die "no PostgreSQL server found (apt-get install postgresql)"
	echo "$d"
}

# Runs a command as the cluster's owner: postgres when we are root (the
# server refuses to run as root), else ourselves. cd / because the owner may
# not be allowed into the current directory.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		(cd / && "$@")
	fi
}

port_busy() {
	if command -v ss >/dev/null 2>&1; then
		ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
	else
		# /proc/net/tcp lists local ports in hex; state 0A is LISTEN
		local hex
		hex=$(printf '%04X' "$1")
		grep -qiE "^ *[0-9]+: [0-9A-F]+:$hex [0-9A-F]+:[0-9A-F]+ 0A" /proc/net/tcp /proc/net/tcp6 2>/dev/null
	fi
}

free_port() {
	local p
	for _ in $(seq 1 50); do
		p=$((20000 + RANDOM % 40000))
		port_busy "$p" || { echo "$p"; return 0; }
	done
	die "no free port found"
}

load_state() {
	[ -f "$state" ] || return 1
	# shellcheck disable=SC1090
	. "$state"
	[ -n "${DIR:-}" ] && [ -n "${PORT:-}" ] && [ -n "${BIN:-}" ]
}

url() { echo "postgresql://thidua@127.0.0.1:$PORT/thidua_test"; }

running() {
	[ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1
}

server_start() {
	as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
		-o "-p $PORT" start >/dev/null 2>>"$DIR/pg_ctl.log" || return 1
	PID=$(head -1 "$DIR/data/postmaster.pid")
	write_state
}

server_stop() {
	as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 60 stop >/dev/null
}

write_state() {
	printf 'DIR=%q\nPORT=%q\nPID=%q\nBIN=%q\n' "$DIR" "$PORT" "${PID:-}" "$BIN" >"$state"
}

psql_admin() {
	"$BIN/psql" -X -q -v ON_ERROR_STOP=1 "postgresql://postgres@127.0.0.1:$PORT/$1" "${@:2}"
}

create_cluster() {
	BIN=$(find_bin)
	DIR=$(mktemp -d "${TMPDIR:-/tmp}/thidua-pg.XXXXXX")
	chmod 700 "$DIR"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"
	as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
		--no-instructions >"$DIR/initdb.log" 2>&1 ||
		{ cat "$DIR/initdb.log" >&2; rm -rf "$DIR"; die "initdb failed"; }
	# Loopback only, trust: the cluster lives for one test run.
	as_owner sh -c "cat >'$DIR/data/pg_hba.conf'" <<-EOF
		local all all trust
		host  all all 127.0.0.1/32 trust
	EOF
	as_owner sh -c "cat >>'$DIR/data/postgresql.conf'" <<-EOF
		listen_addresses = '127.0.0.1'
		unix_socket_directories = '$DIR'
		fsync = off
		synchronous_commit = off
		full_page_writes = off
		max_connections = 50
		shared_buffers = 32MB
	EOF
	local tries=0
	while :; do
		PORT=$(free_port)
		server_start && break
		# most likely someone took the port between the check and the start
		tries=$((tries + 1))
		[ $tries -lt 5 ] || { tail -20 "$DIR/server.log" >&2; die "server did not start"; }
	done
	psql_admin postgres -c "CREATE ROLE thidua LOGIN CREATEDB" -c "CREATE ROLE thidua_app LOGIN" \
		-c "CREATE DATABASE thidua_test OWNER thidua"
	psql_admin thidua_test -c "ALTER SCHEMA public OWNER TO thidua"
}

cmd=${1:-}
case "$cmd" in
start)
	if load_state && [ -d "$DIR/data" ] && { running || server_start; }; then
		:
	else
		# no cluster yet, or a stale one (its port taken since): start afresh
		if load_state; then
			case "$DIR" in */thidua-pg.*) rm -rf "$DIR" ;; esac
		fi
		create_cluster
	fi
	url
	;;
url)
	load_state && running || die "no cluster running (scripts/pg-tmp.sh start)"
	url
	;;
stop)
	if load_state; then
		if [ -d "$DIR/data" ] && running; then server_stop || true; fi
		case "$DIR" in */thidua-pg.*) rm -rf "$DIR" ;; esac
	fi
	rm -f "$state"
	;;
server)
	load_state || die "no cluster (scripts/pg-tmp.sh start)"
	case "${2:-}" in
	stop) running && server_stop ;;
	start) running || server_start ;;
	*) die "usage: $0 server start|stop" ;;
	esac
	;;
*)
	echo "usage: $0 start|stop|url|server start|server stop" >&2
	exit 2
	;;
esac
