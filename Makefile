# mutu - one non-recursive Makefile.  Output goes to build/ (build/asan/
# for the sanitizer run).  Targets: all run test bench deps clean.
#
#   make            libmutu.a and the mutu binary (build/mutu, linked ./mutu)
#   make run        deps + build + the main job on the bundled data
#   make test       deps + unit tests (plain and ASan+UBSan) + CLI tests
#   make bench      deps + benchmarks under tests/bench/
#   make deps       install the missing Debian packages (apt-get, sudo if not root)

CC       ?= cc
BUILD    ?= build
SANITIZE ?=
OPT      ?= -O2

# Debian packages the project needs, one per line in the README table.
DEB_PACKAGES := build-essential pkg-config libgsl-dev libsqlite3-dev sqlite3 \
	libcsv-dev libinih-dev libcmocka-dev gnuplot-nox chromium python3-simpy \
	fonts-dejavu-core libssl-dev time \
	libxml2-dev zlib1g-dev clang libxml2-utils
# PostgreSQL store backend (libpq) and a real server for its tests (tests/pg/pg.sh)
DEB_PACKAGES += libpq-dev postgresql

# Lazily evaluated ('='): pkg-config runs only when compiling, after deps.
PKG_CFLAGS = $(shell pkg-config --cflags gsl sqlite3 inih libcrypto libxml-2.0 zlib 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs gsl sqlite3 inih libcrypto libxml-2.0 zlib 2>/dev/null || echo -lgsl -lgslcblas -lsqlite3 -linih -lcrypto -lxml2 -lz)
# libpq (PostgreSQL store backend, engine/store_pg.c): pkg-config, else pg_config
PKG_CFLAGS += $(shell pkg-config --cflags libpq 2>/dev/null || echo -I$$(pg_config --includedir 2>/dev/null))
# not linked: engine/store_pq.c loads libpq with dlopen when a PostgreSQL store
# is opened, so processes that never use one do not load its 25 libraries
PKG_LIBS   += -ldl

# Excel output (report/audit --format xlsx) and the JSON Schema checks of the tests.
DEB_PACKAGES += libxlsxwriter-dev python3-jsonschema
PKG_CFLAGS += $(shell pkg-config --cflags xlsxwriter 2>/dev/null)
PKG_LIBS   += $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)

CFLAGS   ?= $(OPT) -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
	-Iinclude -Iengine $(PKG_CFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lcsv -lpthread -lm
# The mutu binary loads libxml2, libxlsxwriter and libcrypto with dlopen
# when XES, xlsx or a file hash is first needed (engine/dl_libs.c): linking
# them put nine shared objects (ICU, libstdc++, ...) and libcrypto's
# initialisers into every process's start-up (issue 14).
# The libraries every run uses are linked statically into it (Debian's -dev
# packages ship the archives): their relocation and symbol lookups were
# the rest of the loader's work (mutu --version 10.8 -> 7.1 ms of CPU).
# zlib too (for .gz logs): one shared object fewer to map and relocate
# (--version: 87 -> 78 page faults, 54 -> 45 system calls); libxml2 and
# libxlsxwriter, loaded later with dlopen, bring their own libz.so.
CLI_STATIC = -lgsl -lgslcblas -lsqlite3 -linih -lcsv -lz
CLI_LIBS = -Wl,-Bstatic $(CLI_STATIC) -Wl,-Bdynamic \
	$(filter-out $(CLI_STATIC) -lxml2 -lxlsxwriter -lcrypto,$(LDLIBS_ALL))

# The PostgreSQL store backend (engine/store_pg.c), when present, replaces
# engine/store.c's "built without PostgreSQL" stub (engine/store_int.h).
ifneq ($(wildcard engine/store_pg.c),)
ifeq ($(NO_PG),)
ALL_CFLAGS += -DMUTU_WITH_PG
endif
endif

ifneq ($(SANITIZE),)
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS    += -fsanitize=$(SANITIZE)
endif

# NO_PG=1 leaves the PostgreSQL backend out (a build without libpq's headers).
LIB_SRC  := $(filter-out $(if $(NO_PG),engine/store_pg.c engine/store_pq.c),$(wildcard engine/*.c))
CLI_SRC  := $(wildcard engine/cli/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
BENCH_SRC:= $(wildcard tests/bench/bench_*.c)

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_BIN:= $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
# Peers the benchmarks measure mutu against (plain C, no libmutu).
PEER_BIN := $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(wildcard tests/bench/peer_*.c))
HEADERS  := $(wildcard include/mutu/*.h engine/*.h engine/cli/*.h tests/unit/*.h)

.PHONY: all run test unit cli-test bench deps clean check-headers fuzz fuzz-build fuzz-replay fuzz-replay-clang pgo

all: $(BUILD)/libmutu.a $(BUILD)/mutu

# Header dependencies from the compiler (-MMD -MP): an object depends on
# the headers it includes, recorded in a .d file beside it; a header
# change rebuilds what includes it, and a deleted header does not break
# the build (-MP).  Linked programs (unit tests, benches, fuzz replay)
# keep $(HEADERS): they are single files compiled and linked at once.
DEPFLAGS = -MMD -MP

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c $< -o $@

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# The computing code's own fingerprint (build/gen/code_hash.h: a hash of the
# library's sources and headers).  Month summaries and case measures kept in
# a store are read back only by a build of the same sources (sla_month.c):
# a rule changed in sla.c or cal.c without a bump of SUMS_CODE/MEASURE_CODE
# must never leave a report reading figures the old rule computed.  The cost
# is one cold report per store after an upgrade.  The header is rewritten
# only when the hash changes, so only sla_month.o is rebuilt with it.
CODE_HASH_SRC := $(sort $(LIB_SRC) $(wildcard engine/*.h include/mutu/*.h))
$(BUILD)/gen/code_hash.h: $(CODE_HASH_SRC)
	@mkdir -p $(dir $@)
	@h=$$(cat $(CODE_HASH_SRC) | sha256sum | cut -c1-16); \
	printf '/* generated by the Makefile: hash of the library sources */\n#define MUTU_CODE_HASH "%s"\n' "$$h" >$@.tmp; \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi
$(BUILD)/engine/sla_month.o: $(BUILD)/gen/code_hash.h
$(BUILD)/engine/sla_month.o: ALL_CFLAGS += -I$(BUILD)/gen

$(BUILD)/libmutu.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/mutu: $(CLI_OBJ) $(BUILD)/libmutu.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libmutu.a $(CLI_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libmutu.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libmutu.a -lcmocka $(LDLIBS_ALL)

$(BUILD)/bench/peer_%: tests/bench/peer_%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $(OPT) -o $@ $< -lm

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libmutu.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libmutu.a $(LDLIBS_ALL)

unit: $(UNIT_BIN)

# Every public header must compile on its own.
check-headers:
	@for h in include/mutu/*.h; do \
		echo "#include \"$${h#include/}\"" | $(CC) $(ALL_CFLAGS) -x c -fsyntax-only - || exit 1; \
	done

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all Debian packages present"; \
	else \
		echo "deps: installing missing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing \
			|| { echo "deps: apt-get failed; install by hand:$$missing" >&2; exit 1; }; \
	fi
	@# clang's sanitizer and libFuzzer runtimes are only a Recommends of
	@# Debian's clang (libclang-rt-N-dev, N its major version), which
	@# --no-install-recommends leaves out: without them nothing links
	@v=$$(clang -dumpversion 2>/dev/null | cut -d. -f1); rt=libclang-rt-$$v-dev; \
	if [ -n "$$v" ] && ! echo 'int main(void){return 0;}' | clang -x c -fsanitize=address,undefined -o /dev/null - 2>/dev/null \
	   && apt-cache show $$rt >/dev/null 2>&1; then \
		echo "deps: installing $$rt (clang's sanitizer runtimes)"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$rt \
			|| { echo "deps: apt-get failed; install by hand: $$rt" >&2; exit 1; }; \
	fi

run: deps
	@$(MAKE) --no-print-directory all
	@./tests/run-main.sh $(BUILD)/mutu

# The fuzz corpus is replayed with clang's ASan+UBSan (build/clang-san/):
# gcc's -fsanitize=undefined missed what clang's catches (a pointer plus
# an offset from NULL, a signed overflow gcc folded away at -O1), two real
# defects of round 4 that only `make fuzz` found.  Its own build of the
# library (about 2.5 min on 2 cores, once; the replay itself about 3 s).
FUZZ_REPLAY_BUILD := build/clang-san
test: deps
	@$(MAKE) --no-print-directory all unit check-headers
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=address,undefined OPT=-O1 unit build/asan/mutu
	@$(MAKE) --no-print-directory fuzz-replay-clang
	@FUZZ_BUILD=$(FUZZ_REPLAY_BUILD) ./tests/run.sh $(BUILD) build/asan

bench: deps
	@$(MAKE) --no-print-directory all $(BENCH_BIN) $(PEER_BIN)
	@./tests/bench/run.sh $(BUILD)

# ---- fuzzing (README "Fuzzing") -------------------------------------------
# Every tests/fuzz/fuzz_NAME.c is a libFuzzer harness with seeds in
# tests/fuzz/corpus/NAME/.  `make fuzz FUZZ_SECONDS=N` builds them with clang
# (-fsanitize=fuzzer,address,undefined, the library in build/fuzz/ with
# fuzzer-no-link) and runs each for N seconds; what it finds lands in
# tests/fuzz/findings/NAME/ (git-ignored), new inputs in build/fuzz/work/NAME/.
# `make test` links each harness with tests/fuzz/replay_main.c against the
# ASan+UBSan library instead and replays every corpus file and reproducer once.
FUZZ_SECONDS ?= 60
FUZZ_SRC   := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
FUZZ_DEFS   = -DFUZZ_ROOT='"$(CURDIR)"' -Itests/fuzz
FUZZ_HDRS  := $(HEADERS) tests/fuzz/fuzz_util.h

# replay binaries for `make test` (run with BUILD=build/asan SANITIZE=...)
$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay_main.c $(BUILD)/libmutu.a $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(FUZZ_DEFS) $(LDFLAGS) -o $@ $< tests/fuzz/replay_main.c \
		$(BUILD)/libmutu.a $(LDLIBS_ALL)

fuzz-replay: $(FUZZ_NAMES:%=$(BUILD)/fuzz/replay_%)

# the replay binaries of `make test`, built with clang (-Wno-error as for
# fuzz-build below: the gcc build enforces -Werror)
fuzz-replay-clang:
	@command -v clang >/dev/null || { echo "fuzz-replay-clang: clang is missing: run make deps" >&2; exit 1; }
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_REPLAY_BUILD) CC=clang CFLAGS="-O1 -g -Wno-error" \
		SANITIZE=address,undefined fuzz-replay

# libFuzzer binaries (run with BUILD=build/fuzz CC=clang SANITIZE=fuzzer-no-link,...).
# -Wno-error only here: clang warns about things gcc does not, and the gcc
# build (make all/test) is the one that enforces -Werror.
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/libmutu.a $(FUZZ_HDRS)
	$(CC) $(ALL_CFLAGS) $(FUZZ_DEFS) -fsanitize=fuzzer,address,undefined -o $@ $< \
		$(BUILD)/libmutu.a $(LDLIBS_ALL)

fuzz-build: deps
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang CFLAGS="-O1 -g -Wno-error" \
		SANITIZE=fuzzer-no-link,address,undefined $(FUZZ_NAMES:%=build/fuzz/fuzz_%)

fuzz: fuzz-build
	@for n in $(FUZZ_NAMES); do \
		mkdir -p build/fuzz/work/$$n tests/fuzz/findings/$$n tests/fuzz/corpus/$$n; \
		echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
		build/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-print_final_stats=1 -artifact_prefix=tests/fuzz/findings/$$n/ \
			build/fuzz/work/$$n tests/fuzz/corpus/$$n 2>build/fuzz/$$n.log; \
		rc=$$?; grep -E '^(stat::number_of_executed_units|stat::new_units_added)' build/fuzz/$$n.log \
			| sed "s/^/  $$n /"; \
		if [ $$rc -ne 0 ]; then echo "fuzz: $$n FOUND something (exit $$rc): tests/fuzz/findings/$$n/, log build/fuzz/$$n.log"; fail=1; fi; \
	done; exit $${fail:-0}

# ---- profile-guided release build (README "Benchmarks") -------------------
# `make pgo` builds build/pgo/mutu twice in the same folder: instrumented
# (-fprofile-generate), trained on every shipped scenario and the M/M/1
# benchmark, then rebuilt with -fprofile-use from the .gcda files the
# training left beside the objects.  It links the libraries Debian ships as
# archives statically (GSL, SQLite, libxml2 with ICU, OpenSSL's libcrypto,
# inih, libcsv): the dynamic loader then maps 9 objects (ldd) instead of
# 19, work every process pays at start.  libpq is loaded on demand in both
# builds (engine/store_pq.c).  Output is byte-identical to build/mutu's
# (tests/cli/test_sim_golden.sh).
PGO_BUILD := build/pgo
# static where Debian ships the archive; libxlsxwriter (no .a) and zlib,
# which it needs too, stay shared, so the C library does as well
PGO_STATIC_LIBS = -Wl,-Bstatic -Wl,--start-group -lgsl -lgslcblas -lsqlite3 -linih -lcrypto -lxml2 \
	-licui18n -licuuc -licudata -llzma -lcsv -lstdc++ -Wl,--end-group -Wl,-Bdynamic \
	-lxlsxwriter -lz -ldl -lpthread -lm
PGO_TRAIN := $(wildcard models/scenarios/*.ini) tests/bench/mm1/mm1.ini

pgo: deps
	@rm -rf $(PGO_BUILD)
	@$(MAKE) --no-print-directory BUILD=$(PGO_BUILD) \
		CFLAGS="-O2 -g -fprofile-generate -fprofile-update=single" LDFLAGS="-fprofile-generate" \
		$(PGO_BUILD)/mutu
	@for f in $(PGO_TRAIN); do $(PGO_BUILD)/mutu sim $$f --threads 1 --format json >/dev/null || exit 1; done
	@find $(PGO_BUILD) -name '*.o' -delete; rm -f $(PGO_BUILD)/mutu $(PGO_BUILD)/libmutu.a
	@$(MAKE) --no-print-directory BUILD=$(PGO_BUILD) \
		CFLAGS="-O2 -g -fprofile-use -fprofile-partial-training -Wno-missing-profile" \
		LDLIBS_ALL="$(PGO_STATIC_LIBS)" $(PGO_BUILD)/mutu 2>&1 | \
		grep -v -e 'statically linked applications requires at runtime' -e ': in function' || true
	@test -x $(PGO_BUILD)/mutu && echo "built $(PGO_BUILD)/mutu (profile-guided, libraries linked statically)"

clean:
	rm -rf build reports/out
