#!/bin/sh
# ALS kernel: the trainer's axpy form against the incubating Vector API (docs/benchmarks.md). Needs only a JDK 17.
set -e
cd "$(dirname "$0")"
mkdir -p target
javac --add-modules jdk.incubator.vector -d target Kernels.java
java --add-modules jdk.incubator.vector -cp target Kernels "${1:-26666}" "${2:-144}" "${3:-200000}"
