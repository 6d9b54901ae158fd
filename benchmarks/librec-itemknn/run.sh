#!/bin/sh
# ItemKNN on ML-100K, whole process: LibRec 2.0.0 against RecWorkbench's recwb (see docs/benchmarks.md).
# Usage: benchmarks/librec-itemknn/run.sh [datasets folder]   (default ../shared/datasets from the repo root)
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
for i in 1 2 3; do
  /usr/bin/time -f "librec whole process: %e s wall, %M KB max RSS" \
    java -cp "target/classes:$(cat target/classpath.txt)" org.recworkbench.benchmarks.LibRecItemKnn "$DATA" 2>&1 \
    | grep -E "librec"
  /usr/bin/time -f "recwb whole process: %e s wall, %M KB max RSS" "$P/recwb" run target/itemknn-ml100k.yaml 2>&1 \
    | grep -E "whole process|^item-knn"
done
