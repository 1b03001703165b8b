#!/usr/bin/env bash
# Runs each libFuzzer target for FUZZ_SECONDS (default 60) with clang,
# growing its corpus under fuzz/corpus/NAME/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-60}
scripts/deps.sh --fuzz
make -s all
mkdir -p build/fuzz-clang/obj
PKGS="libmicrohttpd sqlite3 jansson libsodium libutf8proc libpq libzip libxml-2.0 xlsxwriter pangocairo cairo-pdf"
CFLAGS="-std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer-no-link,address,undefined -Isrc -Isrc/util -Ibuild/gen $(pkg-config --cflags $PKGS)"
# The sources go into an archive, as in the Makefile, so a target links only
# the objects it uses (and not, say, an unfinished web module).
objs=()
for src in src/*/*.c build/gen/migrations.c build/gen/static.c build/gen/data.c; do
	obj=build/fuzz-clang/obj/$(echo "$src" | tr / _).o
	clang $CFLAGS -c -o "$obj" "$src"
	objs+=("$obj")
done
rm -f build/fuzz-clang/libthidua.a
ar rcs build/fuzz-clang/libthidua.a "${objs[@]}"
for name in "$@"; do
	echo "== $name ($secs s)"
	clang $CFLAGS -fsanitize=fuzzer -o build/fuzz-clang/$name fuzz/$name.c build/fuzz-clang/libthidua.a \
		$(pkg-config --libs $PKGS) -lcsv -lz -lm -lpthread
	mkdir -p fuzz/corpus/$name
	build/fuzz-clang/$name -max_total_time="$secs" -max_len=1048576 fuzz/corpus/$name
done
