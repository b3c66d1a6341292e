# scorecard: children's-services indicators into a published highlight report.
# GNU make.  `make` builds ./scorecard; `make check` runs every test and
# ends with "N passed, N failed"; `make regen` rewrites golden files for
# review with git diff.

VERSION	 = 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DATADIR	?= $(PREFIX)/share/scorecard

PKGS	 = cairo pangocairo glib-2.0 libxml-2.0 libcjson libzip xlsxwriter \
	   libqpdf zlib
# Objects listed by hand: the list shows what the program is made of.
LIBOBJS	 = render/util.o render/buf.o render/diag.o render/memlimit.o \
	   render/period.o \
	   render/utf8.o render/file.o render/scene.o render/cssmin.o \
	   render/model.o render/fmt.o render/figures.o render/summary.o \
	   render/json.o render/scale.o render/chart.o render/draw.o \
	   render/drawpng.o render/drawtext.o render/drawdoc.o \
	   render/jsonscan.o render/jsonmsg.o render/jsonfield.o \
	   render/jsoncheck.o \
	   render/svg.o render/pngenc.o render/words.o \
	   render/tmpl.o render/tmpl-ctx.o render/tmpl-parse.o \
	   render/tmpl-node.o render/tmpl-check.o render/tmpl-place.o \
	   render/tmpl-attr.o render/tmpl-inline.o render/tmpl-cost.o \
	   render/tmpl-exec.o render/tmpl-xhtml.o render/tmpl-tree.o \
	   render/xmlpull.o \
	   render/mail.o render/sha256.o render/history.o render/page.o \
	   render/pdfpost.o render/pdf.o render/pdfwalk.o render/pdftable.o \
	   render/pdfdraw.o render/ofiles.o render/outdir.o \
	   render/chartfiles.o render/worker.o render/bind.o render/eml.o render/report.o \
	   render/archive.o render/convert.o \
	   render/batch.o render/jsonout.o render/book.o render/bookloc.o \
	   render/bookcell.o render/bookhead.o render/bookdetail.o \
	   render/booksheet.o render/csv.o \
	   render/zipread.o render/xlsx.o render/xlsxwrite.o render/input.o \
	   render/rfile.o render/tcopy.o render/tell.o
OBJS	 = $(LIBOBJS) render/main.o
UNITS	 = tests/unit/test_buf tests/unit/test_period tests/unit/test_fmt \
	   tests/unit/test_figures tests/unit/test_scale \
	   tests/unit/test_chart tests/unit/test_json tests/unit/test_jsonscan \
	   tests/unit/test_tmpl \
	   tests/unit/test_words tests/unit/test_mail tests/unit/test_png \
	   tests/unit/test_sheet \
	   tests/unit/test_sha256 tests/unit/test_utf8 tests/unit/test_file \
	   tests/unit/test_scene tests/unit/test_page tests/unit/test_util \
	   tests/unit/test_drawtext tests/unit/test_memlimit \
	   tests/unit/test_xmlpull tests/unit/test_tcopy tests/unit/test_cssmin \
	   tests/unit/test_worker tests/unit/test_svg tests/unit/test_chartfiles \
	   tests/unit/test_draw

CPPFLAGS += -D_POSIX_C_SOURCE=200809L -DVERSION='"$(VERSION)"'
CFLAGS	?= -O2 -g
CFLAGS	+= -std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wformat=2 -MMD -MP \
	   $(shell pkg-config --cflags $(PKGS))
LDLIBS	+= $(shell pkg-config --libs $(PKGS)) -lfontconfig -lm

ifeq ($(SANITIZE),1)
CFLAGS	+= -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer
LDFLAGS	+= -fsanitize=address,undefined
endif

all: scorecard

# DATADIR goes into render/config.h, rewritten only when it changes, so
# that `make install PREFIX=...` rebuilds what depends on it.
render/config.h: FORCE
	@printf '#define DATADIR "%s"\n' '$(DATADIR)' >$@.new
	@cmp -s $@.new $@ || mv $@.new $@
	@rm -f $@.new

render/main.o: render/config.h

scorecard: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

render/libscorecard.a: $(LIBOBJS)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJS)

tests/unit/%: tests/unit/%.c render/libscorecard.a tests/harness.h
	$(CC) $(CPPFLAGS) $(CFLAGS) -Irender -Itests $(LDFLAGS) -o $@ $< \
	    render/libscorecard.a $(LDLIBS)

# The example: what the README's first command ends with.
example: scorecard
	./scorecard render input/example.json -o output/example

ifeq ($(SANITIZE)$(SANITIZE_COPY),1)
# `make SANITIZE=1 check`: the same tests built with ASan and UBSan in a
# copy of the tree under tests/build/sanitize.PID, leaving the normal build alone.
check:
	@sh tests/sanitize.sh
else
check: scorecard $(UNITS) tests/pngcheck
	@sh tests/run.sh
endif

# The tests with every program run under valgrind; any error or leak of
# our own fails (tests/valgrind.supp: known leaks of the libraries only).
# The publishable checkers read the same bytes as in `make check`, so
# they are not run again.  SCORECARD_LEAK_CHECK is not set: what Cairo
# and fontconfig keep at exit is reachable (not reported), and freeing it
# raced Pango's font thread (an abort in one render in seven, measured).
VALGRIND_CMD = valgrind -q --leak-check=full \
	   --show-leak-kinds=definite,indirect \
	   --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
	   --suppressions=tests/valgrind.supp
valgrind: scorecard $(UNITS) tests/pngcheck
	@SKIP_PUBLISHABLE=1 VALGRIND="$(VALGRIND_CMD)" sh tests/run.sh

# tests/pngcheck too: without it pdfcheck.py fails and every
# expected-pdf.txt would be rewritten empty.
regen: scorecard tests/unit/test_tmpl tests/pngcheck
	@sh tests/run.sh --regen

install: scorecard
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/assets
	install -m 0755 scorecard $(DESTDIR)$(BINDIR)/scorecard
	install -m 0644 render/scorecard.1 $(DESTDIR)$(MANDIR)/man1/scorecard.1
	install -m 0644 render/scorecard-input.5 \
	    $(DESTDIR)$(MANDIR)/man5/scorecard-input.5
	install -m 0644 templates/report.xhtml templates/email.xhtml \
	    templates/archive.xhtml $(DESTDIR)$(DATADIR)/templates/
	install -m 0644 assets/report.css $(DESTDIR)$(DATADIR)/assets/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/scorecard $(DESTDIR)$(MANDIR)/man1/scorecard.1 \
	    $(DESTDIR)$(MANDIR)/man5/scorecard-input.5
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -f render/config.h scorecard $(OBJS) $(OBJS:.o=.d) render/libscorecard.a $(UNITS) \
	    $(UNITS:=.d) tests/pngcheck tests/pngcheck.d tests/faultcairo.so
	rm -rf output tests/out tests/build
	rm -rf tests/bench/chartbench tests/bench/chartbench.d tests/bench/out \
	    tests/bench/loadbench tests/bench/loadbench.d

FORCE:

.PHONY: FORCE all check valgrind regen install uninstall clean example gallery bench \
	example-xlsx \
	fuzz fuzz-build faults limits ci tsan

-include Makefile.local $(OBJS:.o=.d)

# The benchmark of the issue "Speed and scale": scorecard against gnuplot
# and matplotlib (installed by tests/bench/install-peers.sh when missing),
# results in tests/bench/RESULTS.md.  Not a test: make check never runs it.
# make bench BENCH_ARGS=--quick for a short run; --help for the options.
bench: scorecard tests/bench/chartbench tests/bench/loadbench
	@/usr/bin/python3 tests/bench/bench.py $(BENCH_ARGS)

tests/bench/loadbench: tests/bench/loadbench.c render/libscorecard.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -Irender $(LDFLAGS) -o $@ $< \
	    render/libscorecard.a $(LDLIBS)

tests/bench/chartbench: tests/bench/chartbench.c render/libscorecard.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -Irender $(LDFLAGS) -o $@ $< \
	    render/libscorecard.a $(LDLIBS)

tests/pngcheck: tests/pngcheck.c
	$(CC) $(CPPFLAGS) $(CFLAGS) $(shell pkg-config --cflags libpng) \
	    -o $@ tests/pngcheck.c $(shell pkg-config --libs libpng) -lm

# test_png decodes what pngenc.c writes with libpng, the reference.
tests/unit/test_png: tests/unit/test_png.c render/libscorecard.a tests/harness.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(shell pkg-config --cflags libpng) \
	    -Irender -Itests $(LDFLAGS) -o $@ $< render/libscorecard.a \
	    $(LDLIBS) $(shell pkg-config --libs libpng) -lz

# Every chart case of the tests on one page, for a person to look at.
gallery: scorecard
	./scorecard render tests/golden/gallery/input.json -o output/gallery
	@echo "open output/gallery/report.html"

# Hostile input and faults.  libFuzzer harnesses (tests/fuzz) built with
# Debian's clang-14 and libclang-rt-14-dev over the library objects
# compiled again, instrumented, under tests/build/fuzz.  `make fuzz` runs each
# for FUZZ_SECONDS from its seeds in tests/fuzz/corpus/<name> (new inputs
# go to tests/build/fuzz/corpus/<name>); any crash, leak, timeout or sanitizer
# report fails and leaves the input in tests/build/fuzz.
FUZZ_SECONDS	?= 60
FUZZCC		?= clang-14
FUZZDIR		 = tests/build/fuzz
FUZZERS		 = json jsonscan period tmpl chart png xlsx csv
FUZZBINS	 = $(FUZZERS:%=$(FUZZDIR)/fuzz_%)
FUZZOBJS	 = $(LIBOBJS:render/%.o=$(FUZZDIR)/%.o)
FUZZCFLAGS	 = -g -O1 -fno-omit-frame-pointer -std=c17 -Wall -Wextra \
		   -fsanitize=address,undefined -fno-sanitize-recover=all \
		   -MMD -MP $(shell pkg-config --cflags $(PKGS))

$(FUZZDIR)/%.o: render/%.c
	@mkdir -p $(FUZZDIR)
	$(FUZZCC) $(CPPFLAGS) $(FUZZCFLAGS) -fsanitize=fuzzer-no-link \
	    -c -o $@ $<

$(FUZZDIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZOBJS)
	$(FUZZCC) $(CPPFLAGS) $(FUZZCFLAGS) -fsanitize=fuzzer -Irender \
	    -o $@ $< $(FUZZOBJS) $(LDLIBS) -lz

# Kept: they are intermediate files of the pattern rule above.
.SECONDARY: $(FUZZOBJS)

fuzz-build: $(FUZZBINS)

fuzz: $(FUZZBINS)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)

# Killed runs, a full disk, planted symlinks, charts that fail
# (tests/faults.sh).
faults: scorecard tests/faultcairo.so
	@sh tests/faults.sh

# Preloaded by tests/faults.sh to make chosen charts' PDFs fail.  Never
# with SANITIZE's flags: an instrumented library preloaded before the
# sanitizer's runtime cannot start.
tests/faultcairo.so: tests/faultcairo.c
	$(CC) -O2 -g -Wall -Wextra -shared -fPIC \
	    $(shell pkg-config --cflags cairo) -o $@ tests/faultcairo.c -ldl -lm

# The worker threads of a render under ThreadSanitizer (tests/tsan.sh):
# scorecard and the threads' unit tests built with clang-14
# -fsanitize=thread in a copy of the tree under tests/build/tsan.PID,
# a dozen renders; any report fails.  About a minute.
tsan:
	@sh tests/tsan.sh

# Big inputs fail fast or render in linear time (tests/limits.sh: about
# a minute, timings printed; not part of make ci).
limits: scorecard
	@sh tests/limits.sh

# What .ci/run runs after setup.sh (tests/ci.sh): every test plain,
# under ASan and UBSan, and under valgrind; each fuzzer for
# CI_FUZZ_SECONDS; the fault tests; the threads under ThreadSanitizer;
# in two lanes at once, after building everything they need here.  Ends with the sum of their summaries.
CI_FUZZ_SECONDS	?= 20
ci: scorecard tests/pngcheck tests/faultcairo.so $(UNITS) $(FUZZBINS)
	@CI_FUZZ_SECONDS=$(CI_FUZZ_SECONDS) sh tests/ci.sh

-include $(wildcard $(FUZZDIR)/*.d)

# input/example.xlsx, the bundled example as a workbook, is made from
# input/example.json by scorecard itself; make check tests they agree.
example-xlsx: scorecard
	./scorecard convert input/example.json --to xlsx -o input/example.xlsx
