#!/bin/sh
# sh tests/copytree.sh DEST: copies the tree as it is now, tracked or
# not, into DEST (relative to the tree's top; made if missing), for a
# build of its own that leaves the normal build alone: tests/sanitize.sh,
# tests/tsan.sh and tests/sweep.sh.  The sources, tests and templates go;
# no build product (objects, dependency files, libraries, scorecard,
# render/config.h, the test and bench programs), no output (output/,
# tests/out, tests/build, tests/bench/data), no .git and no node_modules.
# tests/run.sh checks the copy against git ls-files.
set -eu
[ $# = 1 ] || { echo "usage: sh tests/copytree.sh DEST" >&2; exit 2; }
cd "$(dirname "$0")/.."
mkdir -p "$1"
tar -cf - --exclude=./tests/build --exclude=./output --exclude=./tests/out \
    --exclude=./.git --exclude=node_modules --exclude='*.o' \
    --exclude='*.d' --exclude='*.a' --exclude=./scorecard \
    --exclude=./render/config.h --exclude=./tests/pngcheck \
    --exclude='./tests/unit/test_*[!c]' --exclude=./tests/bench/chartbench \
    --exclude=./tests/bench/loadbench --exclude=./tests/bench/data \
    . | tar -C "$1" -xf -
