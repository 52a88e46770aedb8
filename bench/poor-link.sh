#!/usr/bin/env bash
# A delegate's phone on an emulated 3G link (400 kbit/s each way, 300 ms round trip, 2 % loss as retransmissions):
# runs PoorLinkBrowserTest N times and prints its figures (docs/benchmarks.md, "A delegate on a 3G link").
#   bench/poor-link.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/../server"
RUNS=${1:-3}
rm -f target/poor-link.md
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$RUNS"); do
  mvn -q test -Dtest=PoorLinkBrowserTest -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| when | link → ballot on screen (ms) | ballot → acknowledged (ms) | link back → caught up (ms) | bytes to the ballot | connections | segments lost |"
echo "|---|---|---|---|---|---|---|"
cat target/poor-link.md
