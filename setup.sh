#!/bin/sh
# One command for a fresh Debian 12 machine: installs what is missing
# (as root, or through sudo), builds scorecard and renders the bundled
# example into output/example/.
set -eu
cd "$(dirname "$0")"
PKGS="make gcc pkg-config libcairo2-dev libpango1.0-dev libxml2-dev \
libcjson-dev libpng-dev fonts-dejavu-core"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
	    grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "setup: installing$missing"
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get update -q
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q \
	    --no-install-recommends $missing
fi
make
make example
echo "setup: open output/example/report.html"
