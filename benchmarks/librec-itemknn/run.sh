#!/bin/sh
# ItemKNN on ML-100K, whole process: LibRec 2.0.0 against RecWorkbench's recwb (see docs/benchmarks.md).
# Usage: [ROUNDS=n] benchmarks/librec-itemknn/run.sh [datasets folder]   (default ../shared/datasets from the
# repo root; 3 alternating rounds). Prints each pair's ratio and the median.
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=$(cd "${1:-$ROOT/../shared/datasets}" && pwd)
cd "$ROOT/benchmarks/librec-itemknn"
"$ROOT/mvnw" -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
P="$ROOT/product/target/products/org.recworkbench.headless/linux/gtk/x86_64/recworkbench"
if [ ! -x "$P/recwb" ]; then
  "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" verify -DskipTests
fi
sed "s#../shared/datasets#$DATA#" itemknn-ml100k.yaml > target/itemknn-ml100k.yaml
ROUNDS=${ROUNDS:-3}
: > target/pairs.txt
for i in $(seq "$ROUNDS"); do
  /usr/bin/time -f "librec whole process: %e s wall, %M KB max RSS" -o target/librec-time.txt \
    java -cp "target/classes:$(cat target/classpath.txt)" org.recworkbench.benchmarks.LibRecItemKnn "$DATA" 2>&1 \
    | grep -E "librec"
  cat target/librec-time.txt
  /usr/bin/time -f "recwb whole process: %e s wall, %M KB max RSS" -o target/recwb-time.txt \
    "$P/recwb" run target/itemknn-ml100k.yaml 2>&1 | grep -E "^item-knn"
  cat target/recwb-time.txt
  echo "$(awk '{print $4}' target/librec-time.txt) $(awk '{print $4}' target/recwb-time.txt)" >> target/pairs.txt
done
# one ratio per alternating pair, then their median (the goal in issue #5 is >= 10x)
awk '{r = $1 / $2; printf "pair %d: librec %.2f s / recwb %.2f s = %.1fx\n", NR, $1, $2, r; print r > "target/ratios.txt"}' \
  target/pairs.txt
sort -n target/ratios.txt | awk '{a[NR] = $1} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
  printf "median ratio over %d pairs: %.1fx (range %.1f-%.1fx)\n", NR, m, a[1], a[NR]}'
