#!/bin/sh
# Smoke test: a third-party bundle whose component declarations SCR cannot read (its Service-Component header names a
# file the bundle lacks) must not hide the other plugins; recwb names it on stderr and goes on (after waiting at
# most 0.2 s for it: CliApplication.waitForComponents).
#   broken-plugin-smoke.sh PRODUCT_DIR OUT_DIR
set -eu
PRODUCT=$1
OUT=$2
rm -rf "$OUT"
mkdir -p "$OUT/bundle/META-INF"
printf 'Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: org.example.broken\nBundle-Version: 1.0.0\nService-Component: OSGI-INF/missing.xml\n' \
  > "$OUT/bundle/META-INF/MANIFEST.MF"
jar cfm "$OUT/broken.jar" "$OUT/bundle/META-INF/MANIFEST.MF"
# a copy of the product (plugins hard-linked where the file system allows), so the built one stays as it was
cp -al "$PRODUCT" "$OUT/product" 2>/dev/null || cp -r "$PRODUCT" "$OUT/product"
rm -rf "$OUT/product/configuration"
cp -r "$PRODUCT/configuration" "$OUT/product/configuration"
cp "$OUT/broken.jar" "$OUT/product/plugins/org.example.broken_1.0.0.jar"
echo "org.example.broken,1.0.0,plugins/org.example.broken_1.0.0.jar,4,true" \
  >> "$OUT/product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
RECWB_JAVA_OPTS=-Xmx1g "$OUT/product/recwb" list algorithms > "$OUT/out.txt" 2> "$OUT/err.txt"
if ! grep -q "SCR did not read the components that org.example.broken 1.0.0 declares" "$OUT/err.txt"; then
  echo "broken-plugin smoke test: no warning naming the broken bundle; stderr was:" >&2
  cat "$OUT/err.txt" >&2
  exit 1
fi
if ! grep -q "^ *item-knn " "$OUT/out.txt"; then
  echo "broken-plugin smoke test: the other plugins are missing; stdout was:" >&2
  cat "$OUT/out.txt" >&2
  exit 1
fi
echo "broken-plugin smoke test: the broken bundle is named, the other plugins are listed"
