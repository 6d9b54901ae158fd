#!/bin/sh
# Desktop start-up time and memory (docs/benchmarks.md, "Desktop start-up and memory").
# Run from the repository root after a build: xvfb-run -a -s "-screen 0 1280x900x24" benchmarks/desktop/startup.sh
# Starts the desktop three times; the time is until the laid-out main window exists (polled with xwininfo), the
# memory the JVM's resident set 5 s later.
D=product/target/products/org.recworkbench.desktop/linux/gtk/x86_64/recworkbench-desktop
for run in 1 2 3; do
  START=$(date +%s.%N)
  RECWB_JAVA_OPTS=-Xmx2g "$D/recworkbench" > /tmp/recwb-desktop-startup.log 2>&1 &
  PID=$!
  while ! xwininfo -root -tree | grep '"RecWorkbench ": ("RecWorkbench"' \
      | grep -qE ' ([6-9][0-9]{2}|[0-9]{4,})x[0-9]{3,}\+'; do
    sleep 0.1
  done
  END=$(date +%s.%N)
  sleep 5
  JPID=$(pgrep -f "equinox.launcher.*recworkbench-desktop" | head -1)
  RSS=$(ps -o rss= -p "$JPID")
  echo "run $run: main window after $(echo "$END - $START" | bc) s; RSS 5 s later $((RSS / 1024)) MB"
  kill $PID
  wait $PID 2>/dev/null
  sleep 1
done
