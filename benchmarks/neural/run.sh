#!/usr/bin/env bash
# A neural model side by side: recwb's (DeepLearning4J) and the same network in PyTorch (Debian's python3-torch,
# CPU), on ML-100K u1 with ratings >= 4: seconds per epoch, peak memory, NDCG@10 and Recall@20 of both, in one run.
# Usage: benchmarks/neural/run.sh [datasets-folder] [epochs] [mult-vae|neumf] [batch size]
# (needs the product: ./mvnw -B verify -DskipTests, and python3-torch: apt-get install python3-torch)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RECWB="$ROOT/product/target/products/org.recworkbench.headless/linux/gtk/x86_64/recworkbench/recwb"
DATASETS=$(cd "${1:-$ROOT/../shared/datasets}" && pwd)
EPOCHS=${2:-50}
MODEL=${3:-mult-vae}
NAME=${MODEL//-/}
case $MODEL in mult-vae) BATCH=${4:-100} ;; *) BATCH=${4:-256} ;; esac
THREADS=$(nproc)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
sed "s|\${RECWB_DATASETS}|$DATASETS|; s|\${EPOCHS}|$EPOCHS|; s|\${BATCH}|$BATCH|" "$ROOT/benchmarks/neural/$NAME-ml100k.yaml" > "$WORK/spec.yaml"
echo "== recwb $MODEL, $EPOCHS epochs, batch $BATCH"
RECWB_JAVA_OPTS=${RECWB_JAVA_OPTS:--Xmx4g} /usr/bin/time -f "peak RSS %M KB, wall %e s" \
  "$RECWB" run "$WORK/spec.yaml" --output "$WORK/out" > "$WORK/recwb.out" 2> "$WORK/recwb.err" || true
grep -E "^$MODEL|^algorithm" "$WORK/recwb.out"
grep -E "peak RSS" "$WORK/recwb.err"
awk -F, -v e="$EPOCHS" -v m="$MODEL" 'NR > 1 && $1 == m { for (i = 1; i <= NF; i++) if (h[i] == "fit_seconds") printf "recwb: %.3f s/epoch\n", $i / e } NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i }' "$WORK/out/results.csv"
echo "== PyTorch $MODEL, $EPOCHS epochs, batch $BATCH, $THREADS threads"
OMP_NUM_THREADS=$THREADS /usr/bin/time -f "peak RSS %M KB, wall %e s" \
  /usr/bin/python3 "$ROOT/benchmarks/neural/$NAME.py" "$DATASETS/ml-100k" "$EPOCHS" "$THREADS" "$BATCH"
