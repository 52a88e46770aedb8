#!/usr/bin/env bash
# Bytes a delegate downloads to a ballot-ready screen on a real-size draft, before and after, in one run
# (docs/benchmarks.md, "First load of a delegate on a real draft").
#   bench/first-load.sh [before-commit=8b8cf7d]
# Builds the web client of <before-commit> into server/target/before-webroot (with the node_modules of this
# checkout), the current web client into web-client/target/classes, then runs DelegateFirstLoadBench in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=${1:-8b8cf7d}
tmp=$(mktemp -d)
git archive "$BEFORE" web-client | tar -x -C "$tmp"
mkdir -p "$tmp/protocol"
git show "$BEFORE:protocol/hoinghi-protocol.schema.json" > "$tmp/protocol/hoinghi-protocol.schema.json"
ln -s "$PWD/web-client/node_modules" "$tmp/web-client/node_modules"
(cd "$tmp/web-client" && npm run build >/dev/null)
rm -rf server/target/before-webroot && mkdir -p server/target && cp -r "$tmp/web-client/target/classes/webroot" server/target/before-webroot
rm -rf "$tmp"
(cd web-client && npm run build >/dev/null)
REQUIRE_BROWSER=1 mvn -o -q -pl web-client,server test -Dexec.skip=true -Dtest=DelegateFirstLoadBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbefore.webroot="$PWD/server/target/before-webroot"
cat server/target/first-load.md
