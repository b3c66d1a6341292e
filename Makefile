# scorecard: children's-services indicators into a published highlight report.
# GNU make.  `make` builds ./scorecard; `make check` runs every test and
# ends with "N passed, N failed"; `make regen` rewrites golden files for
# review with git diff.

VERSION	 = 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DATADIR	?= $(PREFIX)/share/scorecard

PKGS	 = cairo pangocairo libxml-2.0 libcjson libpng
# Objects listed by hand: the list shows what the program is made of.
LIBOBJS	 = render/util.o render/buf.o render/diag.o render/period.o \
	   render/model.o render/fmt.o render/figures.o render/summary.o \
	   render/json.o render/scale.o render/chart.o render/draw.o \
	   render/svg.o render/tmpl.o render/words.o render/mail.o \
	   render/sha256.o render/report.o render/batch.o
OBJS	 = $(LIBOBJS) render/main.o
UNITS	 = tests/unit/test_buf tests/unit/test_period tests/unit/test_fmt \
	   tests/unit/test_figures tests/unit/test_scale \
	   tests/unit/test_chart tests/unit/test_json tests/unit/test_tmpl \
	   tests/unit/test_words

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

check: scorecard $(UNITS) tests/pngcheck
	@sh tests/run.sh

valgrind: scorecard $(UNITS) tests/pngcheck
	@SCORECARD_LEAK_CHECK=1 VALGRIND="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99" sh tests/run.sh

regen: scorecard
	@sh tests/run.sh --regen

install: scorecard
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/assets
	install -m 0755 scorecard $(DESTDIR)$(BINDIR)/scorecard
	install -m 0644 render/scorecard.1 $(DESTDIR)$(MANDIR)/man1/scorecard.1
	install -m 0644 templates/report.xhtml templates/email.xhtml \
	    templates/archive.xhtml $(DESTDIR)$(DATADIR)/templates/
	install -m 0644 assets/report.css $(DESTDIR)$(DATADIR)/assets/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/scorecard $(DESTDIR)$(MANDIR)/man1/scorecard.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -f render/config.h scorecard $(OBJS) $(OBJS:.o=.d) render/libscorecard.a $(UNITS) \
	    $(UNITS:=.d) tests/pngcheck tests/pngcheck.d
	rm -rf output tests/out
	rm -rf tests/bench/chartbench tests/bench/chartbench.d tests/bench/out

FORCE:

.PHONY: FORCE all check valgrind regen install uninstall clean example gallery bench

-include Makefile.local $(OBJS:.o=.d)

# The benchmark of the issue "Speed and scale": scorecard against gnuplot
# and matplotlib (installed by tests/bench/install-peers.sh when missing),
# results in tests/bench/RESULTS.md.  Not a test: make check never runs it.
# make bench BENCH_ARGS=--quick for a short run; --help for the options.
bench: scorecard tests/bench/chartbench
	@/usr/bin/python3 tests/bench/bench.py $(BENCH_ARGS)

tests/bench/chartbench: tests/bench/chartbench.c render/libscorecard.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -Irender $(LDFLAGS) -o $@ $< \
	    render/libscorecard.a $(LDLIBS)

tests/pngcheck: tests/pngcheck.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ tests/pngcheck.c $(shell pkg-config --libs libpng) -lm

# Every chart case of the tests on one page, for a person to look at.
gallery: scorecard
	./scorecard render tests/golden/gallery/input.json -o output/gallery
	@echo "open output/gallery/report.html"
