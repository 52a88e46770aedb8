#!/usr/bin/env bash
# The fan-out comparison of issue 7, in one run: bare Netty, Socket.IO and Hội Nghị each get the same N clients from
# the same generator and broadcast every 500 ms for S seconds.
#   bench/peers.sh [clients=15000] [seconds=30]
# Build first: mvn -q -DskipTests package && mvn -q -pl server test-compile; (cd bench/peers/socketio && npm ci)
# SERVER_JAVA_OPTS (default -Xmx2g) go to both Java servers, bare Netty and Hội Nghị, so their memory compares.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-15000}
JOPTS=${SERVER_JAVA_OPTS:--Xmx2g}
S=${2:-30}
OUT=${OUT:-target/peers}
mkdir -p "$OUT"
cp_file=server/target/test-classpath.txt
[ -s "$cp_file" ] || mvn -q -o -pl server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
CP="server/target/test-classes:server/target/classes:$(cat "$cp_file")"
[ -d bench/peers/socketio/node_modules ] || (cd bench/peers/socketio && npm ci --no-audit --no-fund --loglevel=error)

wait_port() { for _ in $(seq 1 120); do (echo > /dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.5; done; return 1; }

run() { # target port command...
  local target=$1 port=$2; shift 2
  "$@" > "$OUT/$target-server.log" 2>&1 &
  local pid=$!
  wait_port "$port"
  sleep 2
  java -Xmx2g -cp "$CP" vn.hoinghi.bench.FanoutBench --target "$target" --port "$port" --server-pid "$pid" \
    --clients "$N" --seconds "$S" --out "$OUT/$target.json" 2> "$OUT/$target-generator.log" | tail -n +1 > /dev/null
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run netty 8094 java $JOPTS -cp "$CP" vn.hoinghi.bench.NettyBroadcaster 8094 500
run socketio 8093 node bench/peers/socketio/server.js 8093 500
rm -rf "$OUT/hoinghi-data"
run hoinghi 8095 java $JOPTS -jar server/target/hoinghi-server.jar --http.port=8095 --data.dir="$OUT/hoinghi-data"

python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
r = {t: json.load(open(f"{out}/{t}.json")) for t in ("netty", "socketio", "hoinghi")}
n = r["netty"]
print(f"{'server':10} {'connected':>9} {'deliveries':>10} {'cpu s':>7} {'deliv/cpu-s':>11} {'p50':>6} {'p99':>6} {'max':>6} {'rss/conn':>9} {'closed':>6}")
for t, x in r.items():
    l = x["latencyMs"]
    print(f"{t:10} {x['connected']:>9} {x['deliveries']:>10} {x['serverCpuSeconds']:>7} {x['deliveriesPerCpuSecond']:>11} {l['p50']:>6} {l['p99']:>6} {l['max']:>6} {x['rssBytesPerConnection']:>9} {x['closedDuringRun']:>6}")
h, s = r["hoinghi"], r["socketio"]
def ratio(a, b): return round(a / b, 2) if b else float('nan')
print()
print("hoinghi / netty    deliveries per CPU-s:", ratio(h["deliveriesPerCpuSecond"], n["deliveriesPerCpuSecond"]),
      " p99:", ratio(h["latencyMs"]["p99"], n["latencyMs"]["p99"]), " rss/conn:", ratio(h["rssBytesPerConnection"], n["rssBytesPerConnection"]))
print("hoinghi / socketio deliveries per CPU-s:", ratio(h["deliveriesPerCpuSecond"], s["deliveriesPerCpuSecond"]))
PY
