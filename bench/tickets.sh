#!/usr/bin/env bash
# Workload benchmark: what a desk does all day, each operation timed on its own against a generated desk
# (1M tickets, 100k open; bench/generate-desk.sh): create a ticket, public reply, status change
# (IN_PROGRESS <-> PENDING), first page of a filtered open queue, get by number.
#
#   bench/tickets.sh                     PostgreSQL (jdbc:postgresql://127.0.0.1:5432/baton_bench), 16 clients
#   bench/tickets.sh --db h2             the embedded H2 file database (target/bench-h2/baton)
#   --clients N        client threads per operation (default 16)
#   --agents N         as how many agents they act (default 16: client c uses the API token of bench-agent-(c mod N + 1);
#                      1: all of them as bench-agent, as before 2026-12-02)
#   --seconds N        measured seconds per operation (default 20), after --warmup N seconds (default 5)
#   --jvm-warmup N     first, rounds of every operation for N seconds each, not recorded (default 10), until Baton's
#                      JIT compiler threads used less than --jit-quiet PCT % of a core over a round (default 2; at most
#                      --jit-rounds N rounds, default 8): the operations are measured in Baton's steady state, not while
#                      its JIT still compiles their code (the column "of: JIT" shows what it spent during each window)
#   --ops LIST         operations, comma-separated (default create,reply,transition,list,get)
#   --skip-generate    never run the generator (fail if the database has no tickets)
#   --port N           Baton's port (default: a free one)
#   --url/--user/--password   another database
#   --build            rebuild the jar first (it is also rebuilt when missing or older than src/ or pom.xml)
#   --virtual          virtual threads in the load client instead of platform threads
#   --client KIND      socket (default): each client thread writes its requests and reads the answers on a kept-alive
#                      HTTP/1.1 connection of its own, blocking, as wrk does; jdk: one shared java.net.http.HttpClient
#                      (the client until 2026-12-04; it costs more CPU per request, taken from Baton and PostgreSQL)
#   --sla-rate R       SLA thresholds (warnings, breaches) due per second over the run (default 5), see below
#   --keep-sla         leave the SLA clocks as they are instead of seeding them (the sweep's load then depends on the
#                      clocks earlier runs left: a few hours after a seed, ~100k first-response clocks come due together)
#   --tickets N, --open N   sizes for the generator when it runs
#   -- ARGS...         more options: -X.../-D... go to Baton's JVM, the rest to Baton
#
# It generates the desk if the database has no tickets (an H2 file: if it does not exist), reads the tickets and customers the workload
# uses, starts Baton (java -Xmx2g -jar target/baton-*.jar, BATON_DB_POOL_SIZE=20, --baton.demo=false),
# waits for /actuator/health/readiness, waits until the machine is quiet, runs bench/src/DeskLoad.java,
# Before Baton starts it seeds the SLA clocks (bench/src/SlaBench.java seed, as bench/sla.sh does: a RUNNING first-response
# and resolution clock per open ticket, every older clock and firing replaced) so that the sweep fires --sla-rate
# thresholds per second, spread uniformly over the run, and none of the other clocks comes due during it: the sweep's
# share of the load is the same on every run, whenever the desk was seeded. The column SLA/s shows what it fired.
# stops Baton (SIGTERM, SIGKILL after 20 s; also on failure or Ctrl-C) and prints per operation:
# requests, throughput, p50/p95/p99/max latency, errors, and CPU ms per request of Baton, PostgreSQL (and of that, its
# own background processes: autovacuum, checkpointer, writers), the load client and the rest of the machine, the
# hypervisor steal share, and the MB PostgreSQL's checkpointer wrote (from /proc, over the measured window).
# The workload changes the database (new tickets, replies, status changes); it stays usable for more runs.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

DB=postgresql URL= DB_USER= DB_PASSWORD= CLIENTS=16 AGENTS=16 SECONDS_=20 WARMUP=5 JVM_WARMUP=10 JIT_QUIET=2 JIT_ROUNDS=8 OPS=create,reply,transition,list,get
SKIP_GEN=0 PORT= BUILD=0 VIRTUAL= CLIENT=socket SLA_RATE=5 KEEP_SLA=0 GEN_ARGS=() JVM_EXTRA=() APP_EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift ;;
    --url) URL=$2; shift ;;
    --user) DB_USER=$2; shift ;;
    --password) DB_PASSWORD=$2; shift ;;
    --clients) CLIENTS=$2; shift ;;
    --agents) AGENTS=$2; shift ;;
    --seconds) SECONDS_=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --jvm-warmup) JVM_WARMUP=$2; shift ;;
    --jit-quiet) JIT_QUIET=$2; shift ;;
    --jit-rounds) JIT_ROUNDS=$2; shift ;;
    --ops) OPS=$2; shift ;;
    --skip-generate) SKIP_GEN=1 ;;
    --port) PORT=$2; shift ;;
    --build) BUILD=1 ;;
    --virtual) VIRTUAL=--virtual ;;
    --client) CLIENT=$2; shift ;;
    --sla-rate) SLA_RATE=$2; shift ;;
    --keep-sla) KEEP_SLA=1 ;;
    --tickets|--open) GEN_ARGS+=("$1" "$2"); shift ;;
    --) shift
        for a in "$@"; do case "$a" in -X*|-D*|-agent*|-javaagent*) JVM_EXTRA+=("$a") ;; *) APP_EXTRA+=("$a") ;; esac; done
        break ;;
    -h|--help) sed -n '2,/^set -/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "tickets.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
case "$DB" in
  postgresql) URL=${URL:-jdbc:postgresql://127.0.0.1:5432/baton_bench}; DB_USER=${DB_USER:-postgres} ;;
  h2) URL=${URL:-"jdbc:h2:file:./target/bench-h2/baton;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"}; DB_USER=${DB_USER:-sa} ;;
  *) echo "tickets.sh: --db must be postgresql or h2" >&2; exit 2 ;;
esac
# an H2 path relative to the project, made absolute: Baton runs in a temporary directory
URL=${URL/jdbc:h2:file:.\//jdbc:h2:file:$REPO/}

# shellcheck source=bench/jdk.sh
. "$REPO/bench/jdk.sh"
# shellcheck source=bench/process.sh
. "$REPO/bench/process.sh"
JAVA_HOME=$(pick_newest_jdk 21) || { echo "tickets.sh: no JDK >= 21 found" >&2; exit 1; }
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

# ---- the machine
PG_VERSION=
if [ "$DB" = postgresql ]; then
  rest=${URL#jdbc:postgresql://}; hostport=${rest%%/*}; name=${rest#*/}; name=${name%%\?*}
  host=${hostport%%:*}; port=5432; [ "$hostport" != "$host" ] && port=${hostport#*:}
  export PGPASSWORD=$DB_PASSWORD
  PG_VERSION=$(psql -X -h "$host" -p "$port" -U "$DB_USER" -d postgres -tAc 'show server_version' 2>/dev/null || echo '?')
fi
echo "== Baton ticket workload benchmark ($(date -u +%Y-%m-%dT%H:%MZ))"
echo "   machine: $(nproc) cores, $(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
echo "   java: $("$JAVA" -version 2>&1 | head -n2 | tr '\n' ' ')"
if [ "$DB" = postgresql ]; then echo "   database: PostgreSQL $PG_VERSION, $URL"
else echo "   database: H2 $(tr ':' '\n' <<<"$CP" | sed -n 's#.*/h2-\([0-9.]*\)\.jar#\1#p'), $URL"; fi
echo "   jar: ${JAR#"$REPO"/}"

# ---- the desk: generate it when the database has no tickets
ticket_count() {
  if [ "$DB" = postgresql ]; then
    psql -X -h "$host" -p "$port" -U "$DB_USER" -d "$name" -tAc 'select count(*) from tickets' 2>/dev/null || echo 0
  else
    local path=${URL#jdbc:h2:file:}; path=${path%%;*}
    if [ -f "$path.mv.db" ]; then echo unknown; else echo 0; fi
  fi
}
COUNT=$(ticket_count)
if [ "$COUNT" = 0 ]; then
  if [ $SKIP_GEN = 1 ]; then echo "tickets.sh: the database has no tickets and --skip-generate was given" >&2; exit 1; fi
  # never --fresh here: the generator refuses a database that has users, rather than dropping someone's data
  "$REPO/bench/generate-desk.sh" --db "$DB" --url "$URL" --user "$DB_USER" --password "$DB_PASSWORD" "${GEN_ARGS[@]}"
elif [ ! -f "$REPO/bench/.tokens" ]; then
  echo "tickets.sh: bench/.tokens is missing; make the desk again: bench/generate-desk.sh --db $DB --fresh" >&2; exit 1
fi

WORK=$(mktemp -d /tmp/baton-tickets.XXXXXX)
PID= AUTOVACUUM_RESTORE=
if [ "$DB" = postgresql ]; then
  PSQL=(psql -X -q -h "$host" -p "$port" -U "$DB_USER")
  autovacuum_on_for_run
  [ -n "$AUTOVACUUM_RESTORE" ] && echo "   autovacuum: off on this server, on for the run (PostgreSQL's default), put back at the end"
fi
trap 'stop_pid; autovacuum_restore; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

echo "== reading the workset from the database"
"$JAVA" -cp "$CP" -Dlogback.configurationFile="$REPO/bench/src/logback-bench.xml" "$REPO/bench/src/DeskLoad.java" prepare \
  --url "$URL" --user "$DB_USER" --password "$DB_PASSWORD" --clients "$CLIENTS" --agents "$AGENTS" --tokens "$REPO/bench/.tokens" --out "$WORK/workset.txt"

if [ $KEEP_SLA = 0 ]; then
  # the run's length, generously: Baton's start and the quiet wait, the JVM warm-up and every operation
  n_ops=$(tr ',' '\n' <<<"$OPS" | grep -c .)
  SLA_WINDOW=$(( 120 + n_ops * (JVM_WARMUP * JIT_ROUNDS + WARMUP + SECONDS_) + 60 ))
  SLA_FIRINGS=$(awk -v r="$SLA_RATE" -v w="$SLA_WINDOW" 'BEGIN { printf "%d", r * w }')
  echo "== seeding the SLA clocks: ${SLA_RATE} thresholds/s due over the next ${SLA_WINDOW} s (${SLA_FIRINGS}), the rest after the run"
  "$JAVA" -cp "$CP" "$REPO/bench/src/SlaBench.java" seed --url "$URL" --user "$DB_USER" --password "$DB_PASSWORD" \
    --window "$SLA_WINDOW" --firings "$SLA_FIRINGS" --lead 20 --out "$WORK/sla-seed.txt"
fi

PORT=${PORT:-$(free_port)}
start_baton
echo "   ready after $(( READY_MS / 1000 )) s (pid $PID)"

# Statistics first (a generated desk has none), and autovacuum keeps them as the run's tables grow (above): without it,
# the planner scans tables that have grown (sla_clock_pauses: a transition cost 4.4-5.3 ms of PostgreSQL CPU instead
# of 2.6). Production runs autovacuum; the benchmark measures that state.
if [ "$DB" = postgresql ]; then psql -X -q -h "$host" -p "$port" -U "$DB_USER" -d "$name" -c 'analyze' && echo "   analyzed the database"; fi
# The machine may be shared (other builds): wait until the rest is quiet.
wait_quiet
echo "   machine busy before the load: ${BUSY} % of the CPUs (waited ${WAITED} s)"

"$JAVA" -Xmx1g -Dclk.tck="$(getconf CLK_TCK)" "$REPO/bench/src/DeskLoad.java" run --base "http://127.0.0.1:$PORT" \
  --tokens "$REPO/bench/.tokens" --workset "$WORK/workset.txt" --clients "$CLIENTS" --agents "$AGENTS" --seconds "$SECONDS_" --warmup "$WARMUP" --jvm-warmup "$JVM_WARMUP" \
  --jit-quiet "$JIT_QUIET" --jit-rounds "$JIT_ROUNDS" \
  --pid "$PID" --ops "$OPS" --client "$CLIENT" $VIRTUAL
echo "   (CPU per request: Baton's JVM; PostgreSQL: all postgres processes; client: the load generator; other: the rest of the"
echo "    machine, e.g. other builds; steal: share of the CPU time the hypervisor gave to other guests. A busy 'other' or a"
echo "    high steal means the figures are not clean. Baton's RSS at the end: $(awk '/^VmRSS:/ {printf "%d MiB", $2 / 1024}' "/proc/$PID/status"))"
stop_pid
