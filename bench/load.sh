#!/usr/bin/env bash
# Runs the load generator (vn.hoinghi.bench.LoadGenerator) against a running server.
#   bench/load.sh --url http://127.0.0.1:8080 --clients 5000 --server-pid <pid> [--burst-ms 5000] [--broadcasts 5]
# Build first: mvn -q -DskipTests package && mvn -q -pl server test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=server/target/test-classpath.txt
if [ ! -s "$cp_file" ] || [ server/pom.xml -nt "$cp_file" ]; then
  mvn -q -o -pl server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
fi
exec java ${LOADGEN_JAVA_OPTS:--Xmx2g} -cp "server/target/test-classes:server/target/classes:$(cat "$cp_file")" \
  vn.hoinghi.bench.LoadGenerator "$@"
