#!/usr/bin/env bash
# Builds the headless product if it is not built yet, then runs the two demos:
#  1. offline: Random, MostPopular and ItemKNN on the embedded synthetic dataset (6,000 users x 4,000 items x
#     1M ratings), results in results/demo;
#  2. interactive: eight bandit policies against simulated users (a drawn latent-factor world, two variants),
#     results and time series in results/demo-simulation.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PRODUCT="$ROOT/product/target/products/org.recworkbench.headless/linux/gtk/x86_64/recworkbench"
if [ ! -x "$PRODUCT/recwb" ]; then
  echo "Building RecWorkbench (first run only; tests skipped: run them with ./mvnw -B verify) ..."
  (cd "$ROOT" && ./mvnw -B -q verify -DskipTests)
fi
OUT="${1:-$ROOT/results}"
"$PRODUCT/recwb" run "$PRODUCT/demo.yaml" --output "$OUT/demo"
echo
"$PRODUCT/recwb" simulate "$PRODUCT/simulation.yaml" --output "$OUT/demo-simulation"
