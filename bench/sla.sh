#!/usr/bin/env bash
# Service-level benchmark: the SLA sweep on a generated desk (1M tickets, 100k open; bench/generate-desk.sh) with
# running clocks for every open ticket. Measures how late warnings and breaches fire after their instant and what
# the sweep costs in CPU. The target (issue): p99 lateness <= 1 s with 100,000 open tickets on PostgreSQL.
#
#   bench/sla.sh                     PostgreSQL (jdbc:postgresql://127.0.0.1:5432/baton_sla_bench): 30,000 thresholds
#                                    due uniformly over a 600 s window (50/s) among 200,000 running clocks
#   bench/sla.sh --db h2             the embedded H2 file database (target/bench-sla-h2/baton)
#   --window S         the measured window in seconds (default 600; with --burst: how long to give the drain, default 120)
#   --firings N        thresholds due in the window (default 30000), spread uniformly
#   --burst N          N thresholds due at the same instant instead (a Monday 09:00 opening): how long the sweep takes
#                      to drain them, and their lateness
#   --baseline S       idle seconds measured before the window opens, nothing due (default: as long as the window)
#   --startup S        seconds allowed for Baton to start before the baseline opens (default 90)
#   --margin S         seconds Baton keeps running after the window, for late firings (default 20)
#   --seed N           random seed of the clocks (default 42)
#   --skip-generate    never run the generator (fail if the database has no tickets)
#   --port N           Baton's port (default: a free one)
#   --url/--user/--password   another database
#   --build            rebuild the jar first (it is also rebuilt when missing or older than src/ or pom.xml)
#   -- ARGS...         more options: -X.../-D... go to Baton's JVM, the rest to Baton
#
# It generates the desk if the database has no tickets (an H2 file: if it does not exist), waits until the machine
# is quiet, then seeds the clocks with SQL (bench/src/SlaBench.java seed: every SLA clock, firing and SLA outbox
# message of the database is replaced; one default SLA policy on the 24x7 calendar, warnings at 75 and 90 %; per open
# ticket a FIRST_RESPONSE and a RESOLUTION clock started in the past, as TargetClock.scheduled would store them), so
# that the window opens --startup + --baseline seconds later. It starts Baton (java -Xmx2g -jar target/baton-*.jar,
# --baton.demo=false, the sweep on as by default: a db-scheduler task sweeping every 200 ms in one long execution),
# waits for /actuator/health/readiness, samples CPU from /proc over the baseline and over the window (utime+stime of
# Baton's JVM; PostgreSQL: the server's processes and the backends of this database, not those of other databases;
# the rest of the machine; steal), waits --margin seconds, stops Baton (SIGTERM, SIGKILL after 20 s; also on failure
# or Ctrl-C) and prints (bench/src/SlaBench.java report): firings in the window, lateness (fired_at - fires_at)
# p50/p95/p99/max, thresholds not fired (lost), duplicate firings and duplicate outbox messages per recipient,
# outbox messages written, the longest stretches without a firing, and CPU-seconds per minute of Baton and
# PostgreSQL in the window and in the baseline, and their difference (what the firings cost).
# Timeline entries (ticket_events, append-only on PostgreSQL) of earlier runs stay; everything else is replaced.
# Bounded: it stops by itself after --startup + --baseline + --window + --margin seconds (plus seeding and the
# report), and only talks to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

DB=postgresql URL= DB_USER= DB_PASSWORD= WINDOW= FIRINGS=30000 BURST=0 BASELINE= STARTUP=90 MARGIN=20 SEED=42
SKIP_GEN=0 PORT= BUILD=0 JVM_EXTRA=() APP_EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift ;;
    --url) URL=$2; shift ;;
    --user) DB_USER=$2; shift ;;
    --password) DB_PASSWORD=$2; shift ;;
    --window) WINDOW=$2; shift ;;
    --firings) FIRINGS=$2; shift ;;
    --burst) BURST=$2; shift ;;
    --baseline) BASELINE=$2; shift ;;
    --startup) STARTUP=$2; shift ;;
    --margin) MARGIN=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --skip-generate) SKIP_GEN=1 ;;
    --port) PORT=$2; shift ;;
    --build) BUILD=1 ;;
    --) shift
        for a in "$@"; do case "$a" in -X*|-D*|-agent*|-javaagent*) JVM_EXTRA+=("$a") ;; *) APP_EXTRA+=("$a") ;; esac; done
        break ;;
    -h|--help) sed -n '2,/^set -/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "sla.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$WINDOW" ]; then if [ "$BURST" -gt 0 ]; then WINDOW=120; else WINDOW=600; fi; fi
BASELINE=${BASELINE:-$WINDOW}
case "$DB" in
  postgresql) URL=${URL:-jdbc:postgresql://127.0.0.1:5432/baton_sla_bench}; DB_USER=${DB_USER:-postgres} ;;
  h2) URL=${URL:-"jdbc:h2:file:./target/bench-sla-h2/baton;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"}; DB_USER=${DB_USER:-sa} ;;
  *) echo "sla.sh: --db must be postgresql or h2" >&2; exit 2 ;;
esac
# an H2 path relative to the project, made absolute: Baton runs in a temporary directory
URL=${URL/jdbc:h2:file:.\//jdbc:h2:file:$REPO/}

# shellcheck source=bench/jdk.sh
. "$REPO/bench/jdk.sh"
# shellcheck source=bench/process.sh
. "$REPO/bench/process.sh"
JAVA_HOME=$(pick_newest_jdk 21) || { echo "sla.sh: no JDK >= 21 found" >&2; exit 1; }
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

jar() { ls "$REPO"/target/baton-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n1 || true; }
J=$(jar)
if [ $BUILD = 1 ] || [ -z "$J" ] || [ -n "$(find "$REPO/src" "$REPO/pom.xml" -newer "$J" -type f -print -quit)" ]; then
  echo "== building the jar (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi
JAR=$(jar)
CP_FILE="$REPO/target/bench-classpath.txt"
if [ ! -s "$CP_FILE" ] || [ "$CP_FILE" -ot "$REPO/pom.xml" ]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$CP_FILE" >/dev/null
fi
CP=$(cat "$CP_FILE")
bench_java() {
  "$JAVA" -Xmx2g -cp "$CP" -Dlogback.configurationFile="$REPO/bench/src/logback-bench.xml" "$REPO/bench/src/SlaBench.java" "$@" \
    --url "$URL" --user "$DB_USER" --password "$DB_PASSWORD"
}

# ---- the machine
PG_VERSION= DBNAME=
if [ "$DB" = postgresql ]; then
  rest=${URL#jdbc:postgresql://}; hostport=${rest%%/*}; DBNAME=${rest#*/}; DBNAME=${DBNAME%%\?*}
  host=${hostport%%:*}; port=5432; [ "$hostport" != "$host" ] && port=${hostport#*:}
  export PGPASSWORD=$DB_PASSWORD
  PG_VERSION=$(psql -X -h "$host" -p "$port" -U "$DB_USER" -d postgres -tAc 'show server_version' 2>/dev/null || echo '?')
fi
echo "== Baton SLA sweep benchmark ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src 2>/dev/null || echo ', src/ changed'))"
echo "   machine: $(nproc) cores, $(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
echo "   java: $("$JAVA" -version 2>&1 | head -n2 | tr '\n' ' ')"
if [ "$DB" = postgresql ]; then echo "   database: PostgreSQL $PG_VERSION, $URL"
else echo "   database: H2 $(tr ':' '\n' <<<"$CP" | sed -n 's#.*/h2-\([0-9.]*\)\.jar#\1#p'), $URL"; fi
echo "   jar: ${JAR#"$REPO"/}"
if [ "$BURST" -gt 0 ]; then echo "   run: burst of $BURST thresholds at one instant, ${WINDOW} s to drain, baseline ${BASELINE} s"
else echo "   run: $FIRINGS thresholds over a ${WINDOW} s window, baseline ${BASELINE} s"; fi

# ---- the desk: generate it when the database has no tickets
ticket_count() {
  if [ "$DB" = postgresql ]; then
    psql -X -h "$host" -p "$port" -U "$DB_USER" -d "$DBNAME" -tAc 'select count(*) from tickets' 2>/dev/null || echo 0
  else
    local path=${URL#jdbc:h2:file:}; path=${path%%;*}
    if [ -f "$path.mv.db" ]; then echo unknown; else echo 0; fi
  fi
}
if [ "$(ticket_count)" = 0 ]; then
  if [ $SKIP_GEN = 1 ]; then echo "sla.sh: the database has no tickets and --skip-generate was given" >&2; exit 1; fi
  # never --fresh here: the generator refuses a database that has users, rather than dropping someone's data
  "$REPO/bench/generate-desk.sh" --db "$DB" --url "$URL" --user "$DB_USER" --password "$DB_PASSWORD"
fi

WORK=$(mktemp -d /tmp/baton-sla.XXXXXX)
PID=
trap 'stop_pid; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

sleep_until_ms() { local left=$(( $1 - $(now_ms) )); [ $left -gt 0 ] && sleep "$(awk -v l=$left 'BEGIN { printf "%.3f", l / 1000 }')"; return 0; }

# CPU in clock ticks so far: "baton pg machine_busy machine_all steal" (busy = all but idle, iowait and steal)
proc_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_sample() {
  local baton=0 pg=0 d comm cmd t
  [ -n "$PID" ] && baton=$(proc_ticks "$PID")
  if [ "$DB" = postgresql ]; then
    for d in /proc/[0-9]*; do
      { read -r comm <"$d/comm"; } 2>/dev/null || continue
      [ "$comm" = postgres ] || continue
      cmd=$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null) || continue
      # a backend ("postgres: [cluster: ]USER DB HOST(PORT) ...") of another database is someone else's
      if [[ "$cmd" =~ \([0-9]+\) ]] && [[ "$cmd" != *" $DBNAME "* ]]; then continue; fi
      t=$(proc_ticks "${d#/proc/}"); pg=$((pg + t))
    done
  fi
  read -r _ u n s idle io irq sirq steal _ </proc/stat
  echo "$baton $pg $((u + n + s + irq + sirq)) $((u + n + s + idle + io + irq + sirq + steal)) $steal"
}

# ---- the clocks
wait_quiet
echo "   machine busy before seeding: ${BUSY} % of the CPUs (waited ${WAITED} s)"
echo "== seeding the SLA clocks"
bench_java seed --window "$WINDOW" --firings "$FIRINGS" --burst "$BURST" --lead $((STARTUP + BASELINE)) --seed "$SEED" --out "$WORK/state"
# shellcheck disable=SC1091
. "$WORK/state"
BASE_START_MS=$((WINDOW_START_MS - BASELINE * 1000))

# ---- Baton
PORT=${PORT:-$(free_port)}
start_baton "$BASE_START_MS" ", when the baseline should open; raise --startup"
echo "   ready after $(( READY_MS / 1000 )) s (pid $PID); baseline opens in $(( (BASE_START_MS - $(now_ms)) / 1000 )) s"

sleep_until_ms "$BASE_START_MS"
read -r -a c0 < <(cpu_sample)
echo "== baseline: ${BASELINE} s, nothing due"
sleep_until_ms "$WINDOW_START_MS"
read -r -a c1 < <(cpu_sample)
echo "== window: ${WINDOW} s from $(date -u -d "@$((WINDOW_START_MS / 1000))" +%H:%M:%SZ)"
sleep_until_ms "$WINDOW_END_MS"
read -r -a c2 < <(cpu_sample)
sleep "$MARGIN"
kill -0 "$PID" 2>/dev/null || { echo "sla.sh: Baton died during the run; log:" >&2; tail -n 40 "$WORK/baton.log" >&2; exit 1; }
RSS=$(awk '/^VmRSS:/ {printf "%d MiB", $2 / 1024}' "/proc/$PID/status")
SWEEP_ERRORS=$(grep -c 'SLA sweep failed' "$WORK/baton.log" || true)
stop_pid

# ---- figures
echo "== results"
bench_java report --state "$WORK/state" $([ "$BURST" -gt 0 ] && echo --burst)
TCK=$(getconf CLK_TCK)
awk -v tck="$TCK" -v bl="$BASELINE" -v win="$WINDOW" -v pg="$([ "$DB" = postgresql ] && echo 1 || echo 0)" \
    -v a="${c0[*]}" -v b="${c1[*]}" -v c="${c2[*]}" 'BEGIN {
  split(a, x, " "); split(b, y, " "); split(c, z, " ")
  # per minute: CPU-seconds consumed per 60 s of wall time
  bb = (y[1] - x[1]) / tck * 60 / bl; bp = (y[2] - x[2]) / tck * 60 / bl
  wb = (z[1] - y[1]) / tck * 60 / win; wp = (z[2] - y[2]) / tck * 60 / win
  bo = ((y[3] - x[3]) - (y[1] - x[1]) - (y[2] - x[2])) / tck * 60 / bl
  wo = ((z[3] - y[3]) - (z[1] - y[1]) - (z[2] - y[2])) / tck * 60 / win
  bi = 100 - 100 * (y[3] - x[3]) / (y[4] - x[4]); wi = 100 - 100 * (z[3] - y[3]) / (z[4] - y[4])
  bs = 100 * (y[5] - x[5]) / (y[4] - x[4]); ws = 100 * (z[5] - y[5]) / (z[4] - y[4])
  printf "   CPU-seconds per minute    %9s %11s %9s\n", "Baton", "PostgreSQL", "other"
  printf "     window                  %9.2f %11s %9.2f\n", wb, pg ? sprintf("%.2f", wp) : "-", wo
  printf "     baseline (nothing due)  %9.2f %11s %9.2f\n", bb, pg ? sprintf("%.2f", bp) : "-", bo
  printf "     window - baseline       %9.2f %11s\n", wb - bb, pg ? sprintf("%.2f", wp - bp) : "-"
  printf "   machine idle: %.0f %% in the window, %.0f %% in the baseline; steal %.1f %% / %.1f %%\n", wi, bi, ws, bs
}'
echo "   (Baton: its JVM; PostgreSQL: the server's processes and this database's backends; other: the rest of the machine,"
echo "    e.g. other builds. 60 CPU-seconds per minute = one core. A busy 'other' or a high steal means the figures are"
echo "    not clean: run again. Baton's RSS at the end: $RSS; sweep failures in its log: $SWEEP_ERRORS)"
