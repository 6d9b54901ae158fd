#!/bin/sh
# Smoke test: the recwb launcher gives implicit ALS the JDK's Vector API module (the fit reports its vector
# kernel), and with a runtime whose release file lists its modules without that one it leaves the module out,
# so the JVM starts, prints no incubator warning and the fit runs the plain-Java kernel.
#   vector-module-smoke.sh PRODUCT_DIR OUT_DIR
set -eu
PRODUCT=$1
OUT=$2
rm -rf "$OUT"
mkdir -p "$OUT/trimmed-jdk/bin"
cat > "$OUT/spec.yaml" <<'SPEC'
name: vector-module-smoke
seed: 1
dataset: {adapter: synthetic, options: {users: 300, items: 200, interactions: 6000}}
split: {method: user-holdout, options: {test-fraction: 0.2}}
algorithms: [{id: implicit-als, params: {factors: 64, iterations: 2}}]
metrics: [NDCG@10]
SPEC
fail() {
  echo "vector-module smoke test: $1; output was:" >&2
  cat "$2" >&2
  exit 1
}
# a fit this small takes the plain kernel unless asked, so ask
RECWB_JAVA_OPTS="-Xmx1g -Drecworkbench.als.kernel=vector" "$PRODUCT/recwb" run "$OUT/spec.yaml" -o "$OUT/with" \
  > "$OUT/with.txt" 2>&1 || fail "the run with the module failed" "$OUT/with.txt"
grep -q "fit implicit-als (vector" "$OUT/with.txt" || fail "the fit did not use the vector kernel" "$OUT/with.txt"

# the same java, presented as a runtime without the module: a wrapper and a release file listing other modules
REAL_JAVA=$(readlink -f "$(command -v "${JAVA:-java}")")
printf '#!/bin/sh\nexec "%s" "$@"\n' "$REAL_JAVA" > "$OUT/trimmed-jdk/bin/java"
chmod +x "$OUT/trimmed-jdk/bin/java"
echo 'MODULES="java.base java.logging java.management java.xml jdk.unsupported"' > "$OUT/trimmed-jdk/release"
JAVA="$OUT/trimmed-jdk/bin/java" RECWB_JAVA_OPTS=-Xmx1g "$PRODUCT/recwb" run "$OUT/spec.yaml" -o "$OUT/without" \
  > "$OUT/without.txt" 2>&1 || fail "the run without the module failed" "$OUT/without.txt"
grep -q "fit implicit-als (scalar kernel)" "$OUT/without.txt" || fail "the fit did not use the plain kernel" "$OUT/without.txt"
if grep -q "incubator" "$OUT/without.txt"; then fail "the module was still added" "$OUT/without.txt"; fi
echo "vector-module smoke test: vector kernel with the module, plain kernel and no warning without it"
