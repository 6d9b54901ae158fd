#!/bin/sh
# Prints the Export-Package header of META-INF/MANIFEST.MF: every package of the embedded DeepLearning4J, ND4J,
# JavaCPP and OpenBLAS jars that holds classes, at the library's version. Run after upgrading a jar (the build copies
# them into lib/), and paste the output over the manifest's Export-Package.
set -eu
cd "$(dirname "$0")/lib"
packages() { # JAR VERSION
  unzip -Z1 "$1" | grep '\.class$' | grep -v '^META-INF/' | sed 's|/[^/]*$||' | sort -u | tr / . \
    | sed "s|\$|;version=\"$2\"|"
}
{
  for j in nd4j-api-1.0.0-M2.1.jar nd4j-common-1.0.0-M2.1.jar nd4j-native-api-1.0.0-M2.1.jar \
      nd4j-native-1.0.0-M2.1.jar deeplearning4j-nn-1.0.0-M2.1.jar deeplearning4j-utility-iterators-1.0.0-M2.1.jar; do
    packages "$j" 1.0.0
  done
  packages javacpp-1.5.7.jar 1.5.7
  packages openblas-0.3.19-1.5.7.jar 0.3.19
} | sort -u -t';' -k1,1 | awk 'NR == 1 { printf "Export-Package: %s", $0; next } { printf ",\n %s", $0 } END { print "" }'
