#!/usr/bin/env bash
# Builds the headless product if it is not built yet, then runs the demo experiment:
# Random, MostPopular and ItemKNN on the embedded synthetic dataset (6,000 users x 4,000 items x 1M ratings).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PRODUCT="$ROOT/product/target/products/org.recworkbench.headless/linux/gtk/x86_64/recworkbench"
if [ ! -x "$PRODUCT/recwb" ]; then
  echo "Building RecWorkbench (first run only; tests skipped: run them with ./mvnw -B verify) ..."
  (cd "$ROOT" && ./mvnw -B -q verify -DskipTests)
fi
exec "$PRODUCT/recwb" run "$PRODUCT/demo.yaml" --output "${1:-$ROOT/results/demo}"
