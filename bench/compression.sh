#!/usr/bin/env bash
# Bytes of a delegate's first load (plain, gzip, brotli) and of GET /api/conferences/demo/state (plain, gzip), then
# the server's CPU for N state requests plain and gzipped, alternating, in one run (docs/benchmarks.md, "Compression").
#   bench/compression.sh <server-pid> [url=http://127.0.0.1:8080] [N=1000] [rounds=4]
# The server must run with the demo conference (password hoinghi-demo).
set -euo pipefail
PID=$1; B=${2:-http://127.0.0.1:8080}; N=${3:-1000}; ROUNDS=${4:-4}
cpu() { awk '{print $14+$15}' "/proc/$PID/stat"; } # utime + stime, in clock ticks
tick=$(getconf CLK_TCK)

index=$(curl -s "$B/")
assets=$(grep -o '/assets/[^"]*' <<<"$index")
for ae in "" gzip br; do
  total=0
  for p in / $assets; do
    n=$(curl -s -o /dev/null ${ae:+-H "Accept-Encoding: $ae"} -w '%{size_download}' "$B$p")
    echo "${ae:-plain} $p $n B"; total=$((total + n))
  done
  echo "${ae:-plain} first load: $total B"
done

T=$(curl -s "$B/api/login" -H 'Content-Type: application/json' -d '{"username":"chutri","password":"hoinghi-demo"}' \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
for ae in "" gzip; do
  curl -s -o /dev/null -H "Authorization: Bearer $T" ${ae:+-H "Accept-Encoding: $ae"} \
    -w "${ae:-plain} state: %{size_download} B\n" "$B/api/conferences/demo/state"
done

batch() { # $1: Accept-Encoding, or empty for none; N requests over one kept-alive connection
  local c0 t0 t1 c1
  c0=$(cpu); t0=$(date +%s%N)
  curl -s -H "Authorization: Bearer $T" ${1:+-H "Accept-Encoding: $1"} -o /dev/null "$B/api/conferences/demo/state?i=[1-$N]"
  t1=$(date +%s%N); c1=$(cpu)
  printf '%-5s %d requests: wall %.2f s, server CPU %.2f s\n' "${1:-plain}" "$N" \
    "$(bc -l <<<"($t1 - $t0) / 1000000000")" "$(bc -l <<<"($c1 - $c0) / $tick")"
}
batch ""; batch gzip # warm-up
for _ in $(seq "$ROUNDS"); do batch ""; batch gzip; done
