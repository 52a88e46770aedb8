#!/usr/bin/env bash
# Three server processes on one PostgreSQL, the delegates spread over them round-robin, one vote burst (issue 17,
# item 8; docs/benchmarks.md, "Three nodes on PostgreSQL").
#   bench/three-nodes.sh [clients=15000] [extra LoadGenerator options...]
# Build first: mvn -q -DskipTests package && mvn -q -pl server test-compile. Needs PostgreSQL on 127.0.0.1:5432
# (database test, trust auth, as on the development machines); each run uses a fresh schema and drops it.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-15000}; shift || true
PG=${PG_URL:-postgresql://postgres@127.0.0.1:5432/test}
SCHEMA=bench3_$(date +%s)
OUT=${OUT:-target/three-nodes}
JOPTS=${SERVER_JAVA_OPTS:--Xmx512m}
JAR=${JAR:-server/target/hoinghi-server.jar}
mkdir -p "$OUT"
SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 48)
BALLOT=$(head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 48)
wait_ready() { for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 0.5; done; return 1; }
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true; }
trap cleanup EXIT
for i in 1 2 3; do
  rm -rf "$OUT/node$i"
  # The demo (and the organizer the generator logs in as) is seeded by the first node only, before the others start.
  seed=false; [ "$i" = 1 ] && seed=true
  java $JOPTS -jar "$JAR" --http.port=809$i --data.dir="$OUT/node$i" --store="$PG" \
    --postgres.schema="$SCHEMA" --jwt.secret="$SECRET" --ballot.secret="$BALLOT" --demo.seed=$seed \
    > "$OUT/node$i.log" 2>&1 &
  pids+=($!)
  wait_ready 809$i
done
echo "three nodes ready on schema $SCHEMA; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
LOADGEN_JAVA_OPTS=${LOADGEN_JAVA_OPTS:--Xmx2g} bench/load.sh \
  --url http://127.0.0.1:8091,http://127.0.0.1:8092,http://127.0.0.1:8093 \
  --server-pid "$(IFS=,; echo "${pids[*]}")" --clients "$N" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
