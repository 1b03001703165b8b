#!/usr/bin/env bash
# Runs each libFuzzer target for FUZZ_SECONDS (default 60) with clang,
# growing its corpus under fuzz/corpus/NAME/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-60}
scripts/deps.sh --fuzz
make -s all
mkdir -p build/fuzz-clang
PKGS="libmicrohttpd sqlite3 jansson libsodium libutf8proc libpq libzip libxml-2.0 xlsxwriter pangocairo cairo-pdf"
srcs=$(ls src/*/*.c)
for name in "$@"; do
	echo "== $name ($secs s)"
	clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -Isrc/util -Ibuild/gen \
		$(pkg-config --cflags $PKGS) -o build/fuzz-clang/$name fuzz/$name.c $srcs \
		build/gen/migrations.c build/gen/static.c build/gen/data.c $(pkg-config --libs $PKGS) -lcsv -lm -lpthread
	mkdir -p fuzz/corpus/$name
	build/fuzz-clang/$name -max_total_time="$secs" -max_len=1048576 fuzz/corpus/$name
done
