#!/usr/bin/env bash
# EASE fit time and memory on both compute backends: ml-latest-small (9,742 items) on nd4j and cpu, the
# 20,000-item synthetic set on nd4j (the pure-Java inverse needs about 8x the 9,742-item time there).
# Usage: benchmarks/ease/run.sh [datasets-folder]   (needs the product: ./mvnw -B verify -DskipTests)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RECWB="$ROOT/product/target/products/org.recworkbench.headless/linux/gtk/x86_64/recworkbench/recwb"
DATASETS=$(cd "${1:-$ROOT/../shared/datasets}" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
run() { # spec backend
  local spec="$WORK/$(basename "$1" .yaml)-$2.yaml"
  sed "s|\${RECWB_DATASETS}|$DATASETS|" "$1" > "$spec"
  printf 'backend: %s\n' "$2" >> "$spec"
  echo "== $(basename "$1") on $2"
  RECWB_JAVA_OPTS=${RECWB_JAVA_OPTS:--Xmx12g} /usr/bin/time -f "max RSS %M KB, wall %e s" \
    "$RECWB" run "$spec" --output "$WORK/out-$(basename "$1" .yaml)-$2" 2>&1 | grep -E "ease|most-popular|max RSS|note:|backend"
}
run "$ROOT/benchmarks/ease/ease-ml-latest-small.yaml" nd4j
run "$ROOT/benchmarks/ease/ease-ml-latest-small.yaml" cpu
run "$ROOT/benchmarks/ease/ease-20k.yaml" nd4j
