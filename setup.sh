#!/bin/sh
# One command for a fresh Debian 12 machine: installs what is missing
# (as root, or through sudo), builds scorecard and renders the bundled
# example into output/example/.
set -eu
cd "$(dirname "$0")"
PKGS="make gcc pkg-config libcairo2-dev libpango1.0-dev libxml2-dev \
libcjson-dev libpng-dev fonts-dejavu-core libzip-dev libxlsxwriter-dev \
libqpdf-dev"
# make check: workbooks written by openpyxl for the spreadsheet tests.
PKGS="$PKGS python3-openpyxl"
# make check reads report.pdf with Debian's PDF tools (tests/pdfcheck.py).
PKGS="$PKGS poppler-utils qpdf"
# make ci: libFuzzer and its sanitizer runtimes (clang 14), valgrind.
PKGS="$PKGS clang-14 libclang-rt-14-dev valgrind"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
	    grep -q "install ok installed" || missing="$missing $p"
done
# The checkers make check runs on the reports (tests/browser): Chromium,
# a Java runtime for the Nu HTML Checker, Node.js and npm.  Looked for as
# commands, so that a JDK or a Node.js from elsewhere counts.
[ -x /usr/bin/chromium ] || missing="$missing chromium"
dpkg-query -W -f='${Status}\n' fonts-liberation 2>/dev/null |
    grep -q "install ok installed" || missing="$missing fonts-liberation"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	echo "setup: installing$missing"
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get update -q
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q \
	    --no-install-recommends $missing
fi
# The checkers' npm packages, exactly as locked; no install scripts (vnu-jar's
# would fetch a Java runtime, and no browser is ever downloaded).
if [ ! -f tests/browser/node_modules/.package-lock.json ] ||
    [ tests/browser/package-lock.json -nt \
    tests/browser/node_modules/.package-lock.json ]; then
	echo "setup: npm ci in tests/browser"
	npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund \
	    --loglevel=error >/dev/null
fi
make
make example
echo "setup: open output/example/report.html"
