# thidua — build, run and test.
#
#   make run    install what is missing, build, create ./var with demo data, serve on :8080
#   make test   the whole suite (unit, sanitizers, fuzz corpora, API, browser; SQLite and PostgreSQL)
#
# Sources are found by wildcard: a new src/<area>/<file>.c needs no edit here.

CC      ?= cc
PKGS    := libmicrohttpd sqlite3 jansson libsodium libutf8proc libpq libzip libxml-2.0 \
           xlsxwriter pangocairo cairo-pdf
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm -lpthread

WARN    := -Wall -Wextra -Wno-unused-parameter -Wshadow -Wstrict-prototypes -Wformat=2
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Isrc -Ibuild/gen -MMD -MP

B       := build
SRC     := $(sort $(wildcard src/*/*.c)) src/main.c
OBJ     := $(SRC:%.c=$(B)/obj/%.o) $(B)/obj/gen/migrations.o $(B)/obj/gen/static.o $(B)/obj/gen/data.o
MIGR    := $(sort $(wildcard src/db/migrations/*.sql))
STATIC  := $(sort $(wildcard src/web/static/*))
DATA    := $(sort $(wildcard data/demo/*.tsv data/demo/*.txt))
TESTS   := $(patsubst tests/unit/%.c,$(B)/tests/%,$(sort $(wildcard tests/unit/test_*.c)))
FUZZ    := $(patsubst fuzz/%.c,%,$(sort $(wildcard fuzz/fuzz_*.c)))
BENCH   := $(patsubst bench/%.c,$(B)/bench/%,$(sort $(wildcard bench/*.c)))

.PHONY: all run test deps unit asan fuzz fuzz-replay api e2e bench clean

all: $(B)/thidua

# ---- the program ----

$(B)/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -O1 -o $@ $<

$(B)/gen/migrations.c: $(B)/tools/embed $(MIGR)
	@mkdir -p $(@D)
	$(B)/tools/embed $@ embedded_migrations $(MIGR)

$(B)/gen/static.c: $(B)/tools/embed $(STATIC)
	@mkdir -p $(@D)
	$(B)/tools/embed $@ embedded_static $(STATIC)

$(B)/gen/data.c: $(B)/tools/embed $(DATA)
	@mkdir -p $(@D)
	$(B)/tools/embed $@ embedded_data $(DATA)

$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc/util -c -o $@ $<

$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/libthidua.a: $(filter-out $(B)/obj/src/main.o,$(OBJ))
	@rm -f $@
	ar rcs $@ $^

$(B)/thidua: $(B)/obj/src/main.o $(B)/libthidua.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

-include $(OBJ:.o=.d) $(TESTS:=.d)

# ---- running ----

deps:
	@scripts/deps.sh

run: deps all
	@scripts/run.sh

# ---- tests ----

$(B)/tests/%: tests/unit/%.c $(B)/libthidua.a tests/unit/testutil.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(B)/libthidua.a $(PKG_LIBS) -lcmocka

unit: $(TESTS)
	@scripts/run-unit.sh $(TESTS)

# Sanitizer build of the unit tests in its own tree.
asan:
	$(MAKE) --no-print-directory B=$(B)/asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    LDFLAGS=-fsanitize=address,undefined unit

# Fuzz corpora replayed as ordinary tests (no clang needed); `make fuzz` runs libFuzzer.
$(B)/fuzz/%: fuzz/%.c fuzz/replay_main.c $(B)/libthidua.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< fuzz/replay_main.c $(B)/libthidua.a $(PKG_LIBS)

fuzz-replay: $(addprefix $(B)/fuzz/,$(FUZZ))
	@scripts/fuzz-replay.sh $(FUZZ)

fuzz:
	@scripts/fuzz.sh $(FUZZ)

api: all
	@scripts/test-api.sh

e2e: all
	@scripts/test-e2e.sh

$(B)/bench/%: bench/%.c $(B)/libthidua.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libthidua.a $(PKG_LIBS)

bench: $(BENCH)
	@for b in $(BENCH); do echo "== $$b"; $$b || exit 1; done

test: deps
	@scripts/test.sh

clean:
	rm -rf $(B)
