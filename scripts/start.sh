#!/usr/bin/env bash
# Starts Hangar on http://127.0.0.1:4566 (settings: docs/configuration.md). Builds the fat jar when it is missing or
# older than the sources, and on first start records a class-data-sharing archive so later starts are faster.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=emulator-server/target/hangar.jar
CDS_DIR=.hangar
JAVA="${JAVA:-java}"
# the JVM options (also what bench/run.py measures with): one per line, '#' comments
JVM_OPTS=()
while read -r opt; do
  [ -n "$opt" ] && JVM_OPTS+=("$opt")
done < <(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' scripts/jvm-options)

if [ ! -f "$JAR" ] || [ -n "$(find . -path ./bench -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.xml' \) -path '*/src/main/*' -newer "$JAR" -print -quit)" ] \
   || [ -n "$(find . -maxdepth 2 -name pom.xml -newer "$JAR" -print -quit)" ]; then
  echo "[hangar] building $JAR" >&2
  mvn -q -B -ntp -DskipTests package -pl emulator-server -am
fi

mkdir -p "$CDS_DIR"
java_id=$("$JAVA" -version 2>&1 | head -1 | tr -cd 'A-Za-z0-9._-')
CDS="$CDS_DIR/hangar-$java_id.jsa"
if [ ! -f "$CDS" ] || [ "$JAR" -nt "$CDS" ] || [ scripts/jvm-options -nt "$CDS" ]; then
  echo "[hangar] recording a class-data-sharing archive (first start only)" >&2
  # a short training run: Hangar serves its own typical requests on an ephemeral port, then exits
  HANGAR_CDS_TRAINING=1 HANGAR_PORT=0 "$JAVA" "${JVM_OPTS[@]}" -XX:ArchiveClassesAtExit="$CDS" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$JAR" >/dev/null 2>&1 || rm -f "$CDS"
fi

if [ -f "$CDS" ]; then
  exec "$JAVA" "${JVM_OPTS[@]}" -XX:SharedArchiveFile="$CDS" -Xshare:auto -Xlog:cds=off -jar "$JAR" "$@"
fi
exec "$JAVA" "${JVM_OPTS[@]}" -jar "$JAR" "$@"
