#!/bin/sh
# What `make bench` needs beyond what setup.sh installs: the two peers it
# measures scorecard against (Debian's matplotlib and gnuplot), GNU time
# for peak memory and valgrind for the profile.  tests/bench/bench.py runs
# this itself when something is missing; it is not part of setup.sh, as
# neither building nor testing scorecard needs any of it.
set -eu
PKGS="python3 python3-matplotlib gnuplot-nox time valgrind fonts-dejavu-core"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
	    grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-peers: installing$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -q
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q \
    --no-install-recommends $missing
