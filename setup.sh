#!/bin/sh
# The README's two commands, for a fresh Debian 12 machine (as root, or a
# user with sudo):
#
#	sh setup.sh			installs what building and rendering
#					need, builds, renders output/example/
#	sh setup.sh --tests && make ci	installs what the tests need too;
#					make ci runs every test (.ci/run)
#
# Only missing packages are installed, without recommends.  A failed
# download says what failed and what to do; nothing is downloaded by npm
# unless the tests are asked for.
set -eu
cd "$(dirname "$0")"

tests=0
case "${1:-}" in
--tests)	tests=1 ;;
"")		;;
-h|--help)	sed -n '2,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
*)		echo "setup: unknown option: $1 (sh setup.sh [--tests])" >&2
		exit 2 ;;
esac

# Building and rendering: a compiler, make, pkg-config, the libraries'
# headers (Cairo and Pango, libxml2, cJSON; libzip and libxlsxwriter for
# workbooks; qpdf and zlib for the PDF) and the pinned font.  One package a line.
BUILD_PKGS="
fonts-dejavu-core
gcc
libc6-dev
libcairo2-dev
libcjson-dev
libpango1.0-dev
libqpdf-dev
libxlsxwriter-dev
libxml2-dev
libzip-dev
make
pkg-config
zlib1g-dev
"

# The tests (make check, make ci): the PNG reference decoder, Python for
# the MIME and spreadsheet checks, clang 14 with libFuzzer and its
# sanitizer runtimes, valgrind, the PDF tools, and for the publishability
# checks Chromium, its fonts, a Java runtime (the Nu HTML Checker) and
# Node.js with npm.  One package a line.
TEST_PKGS="
ca-certificates
chromium
clang-14
default-jre-headless
fonts-liberation
libclang-rt-14-dev
libpng-dev
nodejs
npm
poppler-utils
python3
python3-openpyxl
qpdf
valgrind
"

say() { echo "setup: $*" >&2; }

# Prints the packages of $* not installed.  Java, Node.js and npm count
# when found as commands, so that a JDK or a Node.js from elsewhere does.
missing() {
	for p in "$@"; do
		case $p in
		default-jre-headless)	command -v java >/dev/null 2>&1 && continue ;;
		nodejs)			command -v node >/dev/null 2>&1 && continue ;;
		npm)			command -v npm >/dev/null 2>&1 && continue ;;
		chromium)		[ -x /usr/bin/chromium ] && continue ;;
		esac
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		    grep -q "install ok installed" || printf ' %s' "$p"
	done
}

pkgs=$BUILD_PKGS
[ $tests = 1 ] && pkgs="$pkgs $TEST_PKGS"
# shellcheck disable=SC2086
need=$(missing $pkgs)
if [ -n "$need" ]; then
	say "installing$need"
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO=sudo
	if ! $SUDO apt-get update -q >&2; then
		say "apt-get update failed: the package lists could not be" \
		    "downloaded.  Check the network, or apt's proxy" \
		    "(Acquire::http::Proxy in /etc/apt/apt.conf.d/), then run" \
		    "this command again."
		exit 1
	fi
	# shellcheck disable=SC2086
	if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q \
	    --no-install-recommends $need >&2; then
		say "apt-get install failed for:$need.  See apt's message" \
		    "above; fix the network or the mirror (or install these" \
		    "packages by hand), then run this command again."
		exit 1
	fi
fi

if [ $tests = 1 ]; then
	# The checkers' npm packages, exactly as locked; no install scripts
	# (vnu-jar's would fetch a Java runtime; no browser is downloaded).
	if [ ! -f tests/browser/node_modules/.package-lock.json ] ||
	    [ tests/browser/package-lock.json -nt \
	    tests/browser/node_modules/.package-lock.json ]; then
		say "npm ci in tests/browser"
		if ! npm ci --prefix tests/browser --ignore-scripts \
		    --no-audit --no-fund --loglevel=error >&2; then
			rm -rf tests/browser/node_modules
			say "npm ci failed: the report checkers (axe-core," \
			    "vnu-jar, playwright-core) could not be downloaded" \
			    "from $(npm config get registry 2>/dev/null)." \
			    "Behind a proxy: npm config set proxy URL (and" \
			    "https-proxy); one that inspects TLS: export" \
			    "NODE_EXTRA_CA_CERTS=its-certificate.pem.  Then" \
			    "run this command again.  scorecard itself builds" \
			    "without them (sh setup.sh)."
			exit 1
		fi
	fi
	say "ready: make ci runs every test (make check the quick ones)"
	exit 0
fi

make -j"$(nproc 2>/dev/null || echo 2)"
make example
say "built ./scorecard; open output/example/report.html"
