#!/usr/bin/env bash
# Calendar arithmetic microbenchmark (JMH): ns per due instant on a built business calendar.
#
#   bench/calendar-jmh.sh              3 warm-up and 5 measured iterations of 1 s, 1 fork (about 1 min of measuring)
#   bench/calendar-jmh.sh -- ARGS...   other JMH options, e.g. -- -f 3 -i 10 office200
#
# Benchmarks (bench/jmh/java/org/baton/calendar/BusinessTimeBenchmark.java): 8 and 200 business hours on an
# office calendar (Europe/Berlin, Mon-Fri 08-12 and 13-17, Bavarian holidays, closed days), 8 hours on a London
# night shift, the business time in four weeks, and 8 hours on 24×7. The benchmark sources are compiled only by
# the Maven profile jmh, so ./mvnw verify is unchanged. Prints JMH's result table (Score = ns/op).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jdk.sh
JDK=$(pick_newest_jdk 21) || { echo "needs a JDK 21 or newer" >&2; exit 1; }
export JAVA_HOME=$JDK

JMH_ARGS=(-wi 3 -w 1s -i 5 -r 1s -f 1)
if [ "${1:-}" = "--" ]; then shift; JMH_ARGS=("$@"); fi

./mvnw -B -q -Pjmh -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/jmh-classpath.txt)"
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1); CPUs: $(nproc); $(date -u +%Y-%m-%dT%H:%MZ)"
exec "$JAVA_HOME/bin/java" -cp "$CP" org.openjdk.jmh.Main 'org\.baton\.calendar\.BusinessTimeBenchmark' "${JMH_ARGS[@]}"
