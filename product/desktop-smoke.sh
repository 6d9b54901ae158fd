#!/bin/sh
# Smoke test of the materialized desktop on a virtual display.
#   desktop-smoke.sh PRODUCT_DIR OUT_DIR                      start it, wait for its main window, require a log
#                                                             without exceptions, take a screenshot
#   desktop-smoke.sh PRODUCT_DIR OUT_DIR DRIVER_JAR [PLUGIN [P2_REPO]]  also drive it: a copy of the product gets
#       the test bundle org.recworkbench.testing.desktop, which opens a dataset, runs an experiment, reads the
#       results, installs and uninstalls PLUGIN, lists P2_REPO, opens the preferences through the real widgets, writes
#       OUT_DIR/drive-report.txt and screenshots, and closes the window; every check must pass.
# Needs xvfb-run, xauth, xwininfo and GTK 3 (Debian: xvfb xauth x11-utils libgtk-3-0; .ci/run installs them).
set -eu
PRODUCT=$1
OUT=$2
DRIVER=${3:-}
PLUGIN=${4:-}
REPOSITORY=${5:-}
mkdir -p "$OUT"
for tool in xvfb-run xwininfo; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "desktop smoke test: $tool is missing (apt-get install xvfb xauth x11-utils libgtk-3-0)" >&2
    exit 1
  fi
done
OPTS="-Xmx1g -Drecworkbench.config=$OUT/config"
if [ -n "$DRIVER" ]; then
  # drive a copy, so the product folder stays as it was built
  rm -rf "$OUT/product"
  cp -r "$PRODUCT" "$OUT/product"
  PRODUCT="$OUT/product"
  NAME=$(basename "$DRIVER")
  cp "$DRIVER" "$PRODUCT/plugins/$NAME"
  VERSION=$(unzip -p "$DRIVER" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Bundle-Version: //p')
  echo "org.recworkbench.testing.desktop,$VERSION,plugins/$NAME,4,true" \
    >> "$PRODUCT/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
  mkdir -p "$OUT/config" "$OUT/workspace"
  printf 'workspace=%s\n' "$OUT/workspace" > "$OUT/config/desktop.properties"
  OPTS="$OPTS -Drecworkbench.drive=$OUT -Drecworkbench.drive.plugin=$PLUGIN -Drecworkbench.drive.repository=$REPOSITORY"
  rm -f "$OUT/drive-report.txt"
fi
xvfb-run -a -s "-screen 0 1280x900x24" sh -s "$PRODUCT" "$OUT" "$OPTS" "$DRIVER" <<'INNER'
PRODUCT=$1
OUT=$2
RECWB_JAVA_OPTS=$3 RECWB_DESKTOP_DATA="$OUT/data" "$PRODUCT/recworkbench" -clean > "$OUT/desktop.log" 2>&1 &
PID=$!
WINDOW=
i=0
while [ $i -lt 90 ]; do
  # e4 creates hidden helper shells first; the main window is the one titled RecWorkbench, once laid out (≥ 600 px)
  WINDOW=$(xwininfo -root -tree | grep '"RecWorkbench ": ("RecWorkbench"' | grep -E ' ([6-9][0-9]{2}|[0-9]{4,})x[0-9]{3,}\+' || true)
  [ -n "$WINDOW" ] && break
  if ! kill -0 $PID 2>/dev/null; then break; fi
  sleep 1
  i=$((i + 1))
done
if [ -n "$4" ]; then
  # driven: the driver closes the window when it is done
  i=0
  while kill -0 $PID 2>/dev/null && [ $i -lt 400 ]; do sleep 1; i=$((i + 1)); done
else
  sleep 3 # let the first part render
  if command -v import >/dev/null 2>&1; then import -window root "$OUT/desktop.png"; fi
fi
kill $PID 2>/dev/null
wait $PID 2>/dev/null
if [ -z "$WINDOW" ]; then
  echo "desktop smoke test: no RecWorkbench main window within 90 s; log:" >&2
  tail -40 "$OUT/desktop.log" >&2
  exit 1
fi
if grep -q "Exception" "$OUT/desktop.log"; then
  echo "desktop smoke test: the desktop logged an exception:" >&2
  grep -m 5 -A 12 "Exception" "$OUT/desktop.log" >&2
  exit 1
fi
echo "desktop smoke test: main window up ($(echo "$WINDOW" | grep -oE '[0-9]{3,}x[0-9]{3,}' | head -1)), no exceptions"
INNER
if [ -n "$DRIVER" ]; then
  if [ ! -f "$OUT/drive-report.txt" ]; then
    echo "desktop smoke test: the driver wrote no report; log:" >&2
    tail -40 "$OUT/desktop.log" >&2
    exit 1
  fi
  cat "$OUT/drive-report.txt"
  if grep -q '^FAIL' "$OUT/drive-report.txt" || ! grep -q '^DONE .* 0 failed$' "$OUT/drive-report.txt"; then
    echo "desktop smoke test: a driven check failed" >&2
    exit 1
  fi
fi
