#!/usr/bin/env bash
# Installs what thidua needs and is missing: Debian packages (as root via
# apt-get; otherwise prints the exact command) and, with --test, the test
# tools (Chromium, PostgreSQL, the npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_PKGS=(build-essential pkg-config libmicrohttpd-dev libsqlite3-dev sqlite3 libjansson-dev
	libsodium-dev libutf8proc-dev libcsv-dev libpq-dev libzip-dev libxml2-dev libxlsxwriter-dev
	libcairo2-dev libpango1.0-dev fonts-liberation2)
# LibreOffice opens our DOCX and XLSX in scripts/test-doc.sh
TEST_PKGS=(libcmocka-dev chromium postgresql poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui
	fonts-liberation2)
# clang and its libFuzzer runtime are for `make fuzz` only (deps.sh --fuzz)
FUZZ_PKGS=(clang libclang-rt-14-dev)

want=("${BUILD_PKGS[@]}")
[ "${1:-}" = "--test" ] && want+=("${TEST_PKGS[@]}")
[ "${1:-}" = "--fuzz" ] && want+=("${FUZZ_PKGS[@]}")
command -v node >/dev/null 2>&1 || want+=(nodejs npm)

missing=()
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "deps: installing ${missing[*]}"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	else
		echo "deps: missing Debian packages; run:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
fi

if [ "${1:-}" = "--test" ] && [ ! -d node_modules/playwright-core ]; then
	echo "deps: npm ci"
	npm ci --no-audit --no-fund --loglevel=error
fi
