#!/usr/bin/env bash
# Makes a JDK AOT cache (JEP 483/514, JDK 25+) for Baton's jar: target/aot-cache/app.aot, for the
# extracted jar in target/aot-cache/app/. Run the application with it like this:
#   java -XX:AOTCache=target/aot-cache/app.aot -jar target/aot-cache/app/baton-<version>.jar
# The cache is only valid with the same JDK build and the same extracted jar; remake it after
# every build (bench/startup.sh --aot does that when the jar is newer than the cache).
# Training run: the application starts on a throwaway H2 database and exits once the Spring
# context is refreshed (-Dspring.context.exit=onRefresh), so no port is opened and no data kept.
# Arguments are extra JVM options for the training run; give the same ones when running with the
# cache, e.g. bench/aot-cache.sh -Dspring.aot.enabled=true for a jar built with -Pspring-aot.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
. "$REPO/bench/jdk.sh"
JAVA_HOME=$(pick_newest_jdk 25) || { echo "aot-cache.sh: needs a JDK 25 or newer" >&2; exit 1; }
JAVA="$JAVA_HOME/bin/java"

JAR=$(ls "$REPO"/target/baton-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n1 || true)
if [ -z "$JAR" ]; then
  echo "== building the jar (./mvnw -B -q -DskipTests package)"
  JAVA_HOME=$JAVA_HOME ./mvnw -B -q -DskipTests package
  JAR=$(ls "$REPO"/target/baton-*.jar | grep -v -- '-plain\.jar$' | head -n1)
fi

OUT="$REPO/target/aot-cache"
rm -rf "$OUT"; mkdir -p "$OUT"
echo "== extracting $(basename "$JAR") into ${OUT#"$REPO"/}/app"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app"
TRAIN=$(mktemp -d /tmp/baton-aot-train.XXXXXX)
trap 'rm -rf "$TRAIN"' EXIT
echo "== training run with $("$JAVA" -version 2>&1 | head -n1)"
start=$(date +%s%N)
(cd "$TRAIN" && "$JAVA" -XX:AOTCacheOutput="$OUT/app.aot" -Dspring.context.exit=onRefresh "$@" \
   -jar "$OUT/app/$(basename "$JAR")" --server.port=0 >"$OUT/training.log" 2>&1 </dev/null) \
  || { echo "aot-cache.sh: training run failed; see $OUT/training.log" >&2; tail -n 30 "$OUT/training.log" >&2; exit 1; }
echo "== wrote ${OUT#"$REPO"/}/app.aot ($(du -h "$OUT/app.aot" | cut -f1)) in $(( ($(date +%s%N) - start) / 1000000 )) ms"
