#!/bin/sh
# Smoke test of the materialized desktop: start it on a virtual display, wait for its main window, require a log
# without exceptions, and take a screenshot when ImageMagick is there. Usage: desktop-smoke.sh PRODUCT_DIR OUT_DIR
# Needs xvfb-run, xauth, xwininfo and GTK 3 (Debian: xvfb xauth x11-utils libgtk-3-0; .ci/run installs them).
set -eu
PRODUCT=$1
OUT=$2
mkdir -p "$OUT"
for tool in xvfb-run xwininfo; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "desktop smoke test: $tool is missing (apt-get install xvfb xauth x11-utils libgtk-3-0)" >&2
    exit 1
  fi
done
xvfb-run -a -s "-screen 0 1280x900x24" sh -s "$PRODUCT" "$OUT" <<'INNER'
PRODUCT=$1
OUT=$2
RECWB_JAVA_OPTS=-Xmx1g "$PRODUCT/recworkbench" > "$OUT/desktop.log" 2>&1 &
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
sleep 3 # let the first part render
if command -v import >/dev/null 2>&1; then import -window root "$OUT/desktop.png"; fi
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
