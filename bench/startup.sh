#!/usr/bin/env bash
# Startup benchmark: time from `java -jar` to ready (GET /actuator/health/readiness answers 200)
# on the embedded default H2 database, in a fresh temporary working directory.
#
#   bench/startup.sh                 plain `java -jar target/baton-*.jar`
#   bench/startup.sh --aot           the same jar run from its extracted form with a JDK AOT cache
#                                    (made by bench/aot-cache.sh if missing; JDK 25 or newer)
#   bench/startup.sh --extracted     the extracted jar (java -Djarmode=tools -jar ... extract), no AOT cache
#   bench/startup.sh --runs N        warm starts to measure (default 5)
#   bench/startup.sh -- ARGS...      more options: -X.../-D... go to the JVM, the rest to Baton,
#                                    e.g. -- -XX:TieredStopAtLevel=1 --spring.main.lazy-initialization=true
#
# It builds the jar once if it is missing (./mvnw -B -q -DskipTests package). It measures
#   (a) a first start on an empty database (Flyway migrations + demo data), then
#   (b) N warm starts on the database that (a) left behind,
# and prints, per start, the wall time to ready, Spring's application_ready_time_seconds
# (from /actuator/prometheus) and the RSS of the JVM after ready (VmRSS from /proc/PID/status).
# Every server it starts is stopped (SIGTERM, then SIGKILL after 20 s); nothing is left running.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

MODE=plain RUNS=5 JVM_EXTRA=() APP_EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --aot) MODE=aot ;;
    --extracted) MODE=extracted ;;
    --runs) RUNS=$2; shift ;;
    --) shift
        for a in "$@"; do case "$a" in -X*|-D*|-agent*|-javaagent*) JVM_EXTRA+=("$a") ;; *) APP_EXTRA+=("$a") ;; esac; done
        break ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

# shellcheck source=bench/jdk.sh
. "$REPO/bench/jdk.sh"
# shellcheck source=bench/process.sh
. "$REPO/bench/process.sh"
MIN_JDK=21; [ "$MODE" = aot ] && MIN_JDK=25
JAVA_HOME=$(pick_newest_jdk "$MIN_JDK") || { echo "startup.sh: no JDK >= $MIN_JDK found" >&2; exit 1; }
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

jar() { ls "$REPO"/target/baton-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n1; }
if [ -z "$(jar)" ]; then
  echo "== building the jar (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi
JAR=$(jar)

LAUNCH=("$JAVA")
AOT_DIR="$REPO/target/aot-cache"
case "$MODE" in
  aot)
    if [ ! -f "$AOT_DIR/app.aot" ] || [ "$AOT_DIR/app.aot" -ot "$JAR" ]; then
      "$REPO/bench/aot-cache.sh" "${JVM_EXTRA[@]}"
    fi
    LAUNCH+=(-XX:AOTCache="$AOT_DIR/app.aot" "${JVM_EXTRA[@]}" -jar "$AOT_DIR/app/$(basename "$JAR")") ;;
  extracted)
    if [ ! -f "$AOT_DIR/app/$(basename "$JAR")" ] || [ "$AOT_DIR/app/$(basename "$JAR")" -ot "$JAR" ]; then
      rm -rf "$AOT_DIR"; "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$AOT_DIR/app"
    fi
    LAUNCH+=("${JVM_EXTRA[@]}" -jar "$AOT_DIR/app/$(basename "$JAR")") ;;
  *) LAUNCH+=("${JVM_EXTRA[@]}" -jar "$JAR") ;;
esac
LAUNCH+=("${APP_EXTRA[@]}")

WORK=$(mktemp -d /tmp/baton-bench.XXXXXX)
PID=
trap 'stop_pid; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM


ms2s() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
cpu_s() { # user+sys CPU seconds of process $1 so far
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' "/proc/$1/stat"
}
other_s() { # CPU seconds the rest of the machine used between busy_ticks $1 and now, minus the JVM's $2
  awk -v a="$1" -v b="$(busy_ticks)" -v jvm="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { o = (b - a) / hz - jvm; printf "%.1f", o < 0 ? 0 : o }'
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One start, in this shell (so the EXIT trap can always stop the server): sets WALL_MS READY_S RSS_KIB.
start_once() {
  local label=$1 port t0 t1 code b0
  wait_quiet
  port=$(free_port)
  t0=$(now_ms); b0=$(busy_ticks)
  (cd "$WORK" && exec "${LAUNCH[@]}" --server.port="$port" >>"$WORK/$label.log" 2>&1 </dev/null) &
  PID=$!
  while :; do
    if ! kill -0 "$PID" 2>/dev/null; then
      echo "startup.sh: the server exited before it was ready; log $WORK/$label.log:" >&2
      tail -n 40 "$WORK/$label.log" >&2; exit 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/actuator/health/readiness" || true)
    [ "$code" = 200 ] && break
    if [ $(( $(now_ms) - t0 )) -gt 180000 ]; then echo "startup.sh: not ready after 180 s" >&2; exit 1; fi
    sleep 0.05
  done
  t1=$(now_ms)
  WALL_MS=$((t1 - t0))
  CPU_S=$(cpu_s "$PID" || echo 0)
  OTHER_S=$(other_s "$b0" "$CPU_S")
  RSS_KIB=$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status" || echo 0)
  READY_S=$(curl -s --max-time 5 "http://127.0.0.1:$port/actuator/prometheus" \
    | awk '/^application_ready_time_seconds/ {print $NF; exit}' || true)
  READY_S=${READY_S:-?}
  stop_pid
}

stats() { # min median max of the numbers on stdin
  sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%s %s %s\n", a[1], m, a[NR]}'
}

echo "== Baton startup benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -n1))"
echo "   mode: $MODE; jar: ${JAR#"$REPO"/}; work dir: $WORK"
echo "   command: (cd $WORK && ${LAUNCH[*]} --server.port=PORT)"
row() { printf '%-14s %13s %22s %11s %10s %10s\n' "$@"; }
row start "wall-to-ready" "application_ready_time" "JVM CPU" "RSS" "other CPU"
echo "   (other CPU: CPU seconds used by the rest of the machine while this JVM started; the poller itself takes about 0.5-0.8 s; more means something else was running)"

start_once first
row "first (empty)" "$(ms2s "$WALL_MS") s" "$READY_S s" "$CPU_S s" "$((RSS_KIB / 1024)) MiB" "$OTHER_S s"

walls=() readys=() rsss=() cpus=()
for i in $(seq 1 "$RUNS"); do
  start_once "warm-$i"
  walls+=("$WALL_MS"); readys+=("$READY_S"); rsss+=("$RSS_KIB"); cpus+=("$CPU_S")
  row "warm $i" "$(ms2s "$WALL_MS") s" "$READY_S s" "$CPU_S s" "$((RSS_KIB / 1024)) MiB" "$OTHER_S s"
done

read -r wmin wmed wmax < <(printf '%s\n' "${walls[@]}" | stats)
read -r rmin rmed rmax < <(printf '%s\n' "${readys[@]}" | stats)
read -r smin smed smax < <(printf '%s\n' "${rsss[@]}" | stats)
read -r cmin cmed cmax < <(printf '%s\n' "${cpus[@]}" | stats)
echo "== warm starts ($RUNS): min / median / max"
printf '   wall-to-ready           %s / %s / %s s\n' "$(ms2s "$wmin")" "$(ms2s "$wmed")" "$(ms2s "$wmax")"
printf '   application_ready_time  %.3f / %.3f / %.3f s\n' "$rmin" "$rmed" "$rmax"
printf '   JVM CPU time to ready   %s / %s / %s s\n' "$cmin" "$cmed" "$cmax"
printf '   RSS after ready         %d / %d / %d MiB\n' $((${smin%.*} / 1024)) $((${smed%.*} / 1024)) $((${smax%.*} / 1024))
