#!/usr/bin/env bash
# The first .docx draft preview after a server start, without (cold) and with (warm) the Word reader's warm-up the
# server process runs once it listens; each measurement in a fresh JVM, alternating cold/warm, in one run
# (docs/benchmarks.md, "First .docx after a start").
#   bench/docx-first-preview.sh [rounds=4] [articles=700]
set -euo pipefail
cd "$(dirname "$0")/../server"
ROUNDS=${1:-4}; ARTICLES=${2:-700}
mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.cp)"
FILE=target/bench-${ARTICLES}.docx
java -cp "$CP" vn.hoinghi.bench.DocxFirstPreviewBenchmark build "$FILE" "$ARTICLES"
echo "$(stat -c %s "$FILE") bytes, $ARTICLES articles; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$ROUNDS"); do
  for mode in cold warm; do
    java -cp "$CP" -Dlogback.configurationFile=none vn.hoinghi.bench.DocxFirstPreviewBenchmark first "$FILE" "$mode" \
      2>/dev/null | grep -E '^(cold|warm):'
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
