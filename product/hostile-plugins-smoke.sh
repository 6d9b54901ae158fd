#!/bin/sh
# Smoke test: hostile third-party bundles dropped into the product must not take it down. Added to a copy of the
# product: a bundle whose component file is missing, the hostile test plugins (a descriptor that throws, an adapter
# with a null id, a metric set whose constructor throws, a fit that never returns), a bundle whose activator throws,
# a bundle whose import nothing exports, and a plain jar that is not a bundle. recwb must name each on stderr (one
# line each, no stack trace, nothing on stdout), list the other plugins, show them in 'recwb plugins', and finish
# a run whose hanging algorithm is stopped by --timeout.
#   hostile-plugins-smoke.sh PRODUCT_DIR OUT_DIR HOSTILE_JAR BADACTIVATOR_JAR
set -eu
PRODUCT=$1
OUT=$2
HOSTILE=$3
BADACTIVATOR=$4
rm -rf "$OUT"
mkdir -p "$OUT/broken/META-INF" "$OUT/unresolvable/META-INF"
printf 'Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: org.example.broken\nBundle-Version: 1.0.0\nService-Component: OSGI-INF/missing.xml\n' \
  > "$OUT/broken/META-INF/MANIFEST.MF"
printf 'Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: org.example.unresolvable\nBundle-Version: 1.0.0\nImport-Package: org.example.missing;version="[1,2)"\n' \
  > "$OUT/unresolvable/META-INF/MANIFEST.MF"
echo "not a bundle" > "$OUT/readme.txt"
# a copy of the product (plugins hard-linked where the file system allows), so the built one stays as it was
cp -al "$PRODUCT" "$OUT/product" 2>/dev/null || cp -r "$PRODUCT" "$OUT/product"
rm -rf "$OUT/product/configuration"
cp -r "$PRODUCT/configuration" "$OUT/product/configuration"
PLUGINS="$OUT/product/plugins"
jar cfm "$PLUGINS/org.example.broken_1.0.0.jar" "$OUT/broken/META-INF/MANIFEST.MF"
jar cfm "$PLUGINS/org.example.unresolvable_1.0.0.jar" "$OUT/unresolvable/META-INF/MANIFEST.MF"
jar cfM "$PLUGINS/plain-library.jar" -C "$OUT" readme.txt
cp "$HOSTILE" "$PLUGINS/org.recworkbench.testing.hostile_0.1.0.jar"
cp "$BADACTIVATOR" "$PLUGINS/org.recworkbench.testing.badactivator_0.1.0.jar"
version() { # the Bundle-Version of a jar (bundles.info must name it exactly)
  unzip -p "$1" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Bundle-Version: //p'
}
HOSTILE_VERSION=$(version "$HOSTILE")
BADACTIVATOR_VERSION=$(version "$BADACTIVATOR")
cat >> "$OUT/product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" <<INFO
org.example.broken,1.0.0,plugins/org.example.broken_1.0.0.jar,4,true
org.example.unresolvable,1.0.0,plugins/org.example.unresolvable_1.0.0.jar,4,true
plain-library,1.0.0,plugins/plain-library.jar,4,true
org.recworkbench.testing.hostile,$HOSTILE_VERSION,plugins/org.recworkbench.testing.hostile_0.1.0.jar,4,true
org.recworkbench.testing.badactivator,$BADACTIVATOR_VERSION,plugins/org.recworkbench.testing.badactivator_0.1.0.jar,4,true
INFO
fail() {
  echo "hostile-plugins smoke test: $1" >&2
  for f in "$OUT"/*.out "$OUT"/*.err; do echo "--- $f" >&2; cat "$f" >&2; done
  exit 1
}
expect() { # FILE TEXT
  grep -qF -- "$2" "$1" || fail "$1 lacks: $2"
}
export RECWB_JAVA_OPTS=-Xmx1g
RECWB="$OUT/product/recwb"

"$RECWB" list algorithms > "$OUT/list.out" 2> "$OUT/list.err" || fail "recwb list failed"
expect "$OUT/list.out" "item-knn"
grep -q "ENTRY\|Exception\|at org\." "$OUT/list.out" && fail "framework log or a stack trace on stdout"
expect "$OUT/list.err" "recwb: warning: bundle org.example.broken 1.0.0 (ACTIVE): SCR did not read the components"
expect "$OUT/list.err" "recwb: warning: bundle org.example.unresolvable 1.0.0 (INSTALLED): cannot resolve: Could not resolve module: org.example.unresolvable"
expect "$OUT/list.err" "org.example.missing"
expect "$OUT/list.err" "recwb: warning: bundle plain-library 1.0.0 (NOT INSTALLED): not an OSGi bundle: the jar has no META-INF/MANIFEST.MF"
expect "$OUT/list.err" "recwb: warning: bundle org.recworkbench.testing.badactivator $BADACTIVATOR_VERSION (RESOLVED)"
expect "$OUT/list.err" "did not start: Exception in org.recworkbench.testing.badactivator.Activator.start()"
expect "$OUT/list.err" "hostile test plugin: the activator fails"
expect "$OUT/list.err" "component org.recworkbench.testing.hostile.ThrowingConstructorMetrics failed to activate"
expect "$OUT/list.err" "recwb: warning: algorithm org.recworkbench.testing.hostile.ThrowingDescriptorAlgorithm from org.recworkbench.testing.hostile $HOSTILE_VERSION"
expect "$OUT/list.err" "is left out: reading its metadata threw java.lang.IllegalStateException: hostile test plugin: no descriptor"
expect "$OUT/list.err" "recwb: warning: dataset adapter org.recworkbench.testing.hostile.NullIdAdapter from org.recworkbench.testing.hostile $HOSTILE_VERSION"
expect "$OUT/list.err" "'recwb plugins' lists every bundle"
grep -q "^	at " "$OUT/list.err" && fail "a stack trace on stderr"

"$RECWB" plugins --problems > "$OUT/plugins.out" 2> "$OUT/plugins.err" || fail "recwb plugins failed"
expect "$OUT/plugins.out" "Problems:"
expect "$OUT/plugins.out" "bundle org.example.unresolvable 1.0.0 (INSTALLED): cannot resolve"
expect "$OUT/plugins.out" "ThrowingDescriptorAlgorithm"

cat > "$OUT/hang.yaml" <<SPEC
name: hang
dataset: {adapter: synthetic, options: {users: 300, items: 200, interactions: 6000}}
split: {method: user-holdout, options: {test-fraction: 0.2}}
algorithms: [{id: hang}, {id: most-popular}]
metrics: [NDCG@10]
SPEC
set +e
"$RECWB" run "$OUT/hang.yaml" --output "$OUT/hang-results" --timeout 3s > "$OUT/run.out" 2> "$OUT/run.err"
rc=$?
set -e
[ "$rc" = 3 ] || fail "recwb run exited with $rc, expected 3 (finished, one algorithm failed)"
expect "$OUT/run.err" "hang FAILED: timed out after 3 s (the algorithm's timeout); it did not stop when asked"
expect "$OUT/run.out" "most-popular"
[ -f "$OUT/hang-results/results.csv" ] || fail "no results.csv"
echo "hostile-plugins smoke test: 7 hostile bundles named, the other plugins listed, the hanging algorithm timed out"
