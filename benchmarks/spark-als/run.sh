#!/bin/sh
# Implicit ALS, RecWorkbench vs Spark MLlib, side by side in one JVM (see docs/benchmarks.md).
# Usage: benchmarks/spark-als/run.sh [interactions] [iterations] [rank] [setting,...] [ours-only]
#        a setting is CG steps, optionally with the row kernel: 3, 3/scalar, 3/vector
#        (defaults 20000000 3 64 3; Spark is compared with the first setting)
# Installs the bundles into the local Maven repository first; downloads Spark (about 300 MB) on the first run.
set -e
cd "$(dirname "$0")"
../../mvnw -B -q -f ../../pom.xml install -DskipTests
../../mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# Spark 3.5 on Java 17 needs these packages opened (the list Spark's own launcher passes)
OPENS=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS="$OPENS --add-opens=java.base/$p=ALL-UNNAMED"
done
THP=
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  THP=-XX:+UseTransparentHugePages
fi
# shellcheck disable=SC2086
exec java -Xmx16g $THP --add-modules jdk.incubator.vector $OPENS -Djdk.reflect.useDirectMethodHandle=false \
  -cp "target/classes:$(cat target/classpath.txt)" org.recworkbench.benchmarks.SparkAlsBenchmark "$@"
