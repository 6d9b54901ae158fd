#!/bin/sh
# Desktop start-up time and memory (docs/benchmarks.md, "Desktop start-up and memory").
# Run from the repository root after a build: xvfb-run -a -s "-screen 0 1280x900x24" benchmarks/desktop/startup.sh
# [PRODUCT_DIR [RUNS]] (default: this build's desktop, 3 runs; pass another build's folder to compare side by side).
# Starts the desktop three times; the time is until the laid-out main window exists (polled with xwininfo), the
# memory the JVM's resident set 5 s later.
D=${1:-product/target/products/org.recworkbench.desktop/linux/gtk/x86_64/recworkbench-desktop}
RUNS=${2:-3}
DATA=$(mktemp -d)
for run in $(seq 1 "$RUNS"); do
  START=$(date +%s.%N)
  RECWB_JAVA_OPTS=-Xmx2g RECWB_DESKTOP_DATA="$DATA" "$D/recworkbench" > /tmp/recwb-desktop-startup.log 2>&1 &
  PID=$!
  WAITED=0
  while ! xwininfo -root -tree | grep '"RecWorkbench ": ("RecWorkbench"' \
      | grep -qE ' ([6-9][0-9]{2}|[0-9]{4,})x[0-9]{3,}\+'; do
    sleep 0.1
    WAITED=$((WAITED + 1))
    if [ $WAITED -gt 900 ] || ! kill -0 $PID 2>/dev/null; then
      echo "run $run: no main window within 90 s; see /tmp/recwb-desktop-startup.log" >&2
      kill $PID 2>/dev/null
      exit 1
    fi
  done
  END=$(date +%s.%N)
  sleep 5
  JPID=$(pgrep -f "equinox.launcher.*$D" | head -1)
  RSS=$(ps -o rss= -p "$JPID")
  echo "run $run: main window after $(echo "$END - $START" | bc) s; RSS 5 s later $((RSS / 1024)) MB"
  kill $PID
  wait $PID 2>/dev/null
  sleep 1
done
