#!/usr/bin/env bash
# SASRec on the sequence protocol (leave-one-out by time) of ML-100K, against MostPopular, ItemKNN, the last item's neighbours and BPR, with the
# paper's sampled-100 ranking and with full ranking, then the same SASRec in PyTorch (python3-torch): results, fit
# seconds and peak RSS of each run.
# Usage: benchmarks/sequential/run.sh [datasets-folder] [epochs]   (needs the product: ./mvnw -B verify -DskipTests)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RECWB="$ROOT/product/target/products/org.recworkbench.headless/linux/gtk/x86_64/recworkbench/recwb"
DATASETS=$(cd "${1:-$ROOT/../shared/datasets}" && pwd)
EPOCHS=${2:-200}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for protocol in sampled full; do
  sed "s|\${RECWB_DATASETS}|$DATASETS|; s|\${EPOCHS}|$EPOCHS|" "$ROOT/benchmarks/sequential/sasrec-ml100k-$protocol.yaml" \
    > "$WORK/$protocol.yaml"
  echo "== ML-100K leave-one-out, $protocol ranking, SASRec $EPOCHS epochs"
  RECWB_JAVA_OPTS=${RECWB_JAVA_OPTS:--Xmx2g} /usr/bin/time -f "peak RSS %M KB, wall %e s" \
    "$RECWB" run "$WORK/$protocol.yaml" --output "$WORK/$protocol" > "$WORK/$protocol.out" 2> "$WORK/$protocol.err" || true
  grep -vE "^\s*$" "$WORK/$protocol.out" | grep -E "^(algorithm|most-popular|item-knn|last-item-knn|bpr|sasrec)"
  grep -E "peak RSS|error" "$WORK/$protocol.err" || true
done
THREADS=$(nproc)
echo "== PyTorch SASRec (benchmarks/sequential/sasrec.py), sampled ranking, $EPOCHS epochs, $THREADS threads"
OMP_NUM_THREADS=$THREADS /usr/bin/time -f "peak RSS %M KB, wall %e s" \
  /usr/bin/python3 "$ROOT/benchmarks/sequential/sasrec.py" "$DATASETS/ml-100k" "$EPOCHS" "$THREADS"
