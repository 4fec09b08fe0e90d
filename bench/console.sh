#!/usr/bin/env bash
# Agent console page benchmark: the server time of the pages agents live in, on a generated desk (1M tickets, 100k open;
# bench/generate-desk.sh), one request at a time: the queue tabs (mine, my groups, unassigned, near breach sorted by
# nearest due) and ticket pages. The target (issue 5): p95 <= 50 ms on PostgreSQL with the 1,000,000-ticket desk.
#
#   bench/console.sh                   PostgreSQL, jdbc:postgresql://127.0.0.1:5432/baton_bench (generated if empty)
#   --url/--user/--password            another database (e.g. the one bench/sla.sh used)
#   --requests N                       measured requests per page (default 300), after --warmup N (default 100)
#   --port N                           Baton's port (default: a free one)
#   --build                            rebuild the jar first (also rebuilt when missing or older than src/ or pom.xml)
#
# It signs in as the generator's bench-agent (it sets that account's password to the demo password for the run),
# starts Baton (java -Xmx2g -jar target/baton-*.jar, --baton.demo=false), waits for readiness and a quiet machine,
# then times each GET with curl over loopback (%{time_total}: server time plus well under a millisecond of loopback
# and client), and prints p50/p95/p99/max per page. It stops Baton (SIGTERM, then SIGKILL) even on failure. Bounded:
# requests x pages, one at a time, to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
. bench/jdk.sh
. bench/process.sh
URL=jdbc:postgresql://127.0.0.1:5432/baton_bench DB_USER=postgres DB_PASSWORD= REQUESTS=300 WARMUP=100 PORT= BUILD=
while [ $# -gt 0 ]; do
  case "$1" in
    --url) URL=$2; shift 2 ;; --user) DB_USER=$2; shift 2 ;; --password) DB_PASSWORD=$2; shift 2 ;;
    --requests) REQUESTS=$2; shift 2 ;; --warmup) WARMUP=$2; shift 2 ;; --port) PORT=$2; shift 2 ;;
    --build) BUILD=1; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "console.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
JAVA_HOME=$(pick_newest_jdk 21) || { echo "console.sh: needs a JDK 21 or newer" >&2; exit 1; }
export JAVA_HOME; JAVA="$JAVA_HOME/bin/java"
JAR=$(ls "$REPO"/target/baton-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n1 || true)
if [ -n "$BUILD" ] || [ -z "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
  echo "== building the jar"; ./mvnw -B -q -DskipTests package; JAR=$(ls "$REPO"/target/baton-*.jar | grep -v -- '-plain\.jar$' | head -n1)
fi
DB=${URL##*/}; HOSTPORT=${URL#jdbc:postgresql://}; HOSTPORT=${HOSTPORT%%/*}; PGH=${HOSTPORT%%:*}; PGP=${HOSTPORT##*:}
psql_() { PGPASSWORD=$DB_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$PGH" -p "$PGP" -U "$DB_USER" -d "$DB" -tA "$@"; }
if ! psql_ -c 'select 1 from tickets limit 1' 2>/dev/null | grep -q 1; then
  echo "== no desk in $DB: generating it"; bench/generate-desk.sh --url "$URL" --user "$DB_USER" --password "$DB_PASSWORD"
fi
# the demo password ("baton-demo"), bcrypt, for the bench agent of the generated desk
psql_ -c "update users set password_hash = '{bcrypt}\$2a\$10\$f9jyzh.s9Yxgai0gcdoF/OtAFcr4JO26HeBCiVk9ewzfj4oEDWSzC', failed_sign_ins = 0, locked_until = null where username = 'bench-agent'" >/dev/null 2>&1 \
  || psql_ -c "update users set password_hash = '{bcrypt}\$2a\$10\$f9jyzh.s9Yxgai0gcdoF/OtAFcr4JO26HeBCiVk9ewzfj4oEDWSzC' where username = 'bench-agent'" >/dev/null
TICKETS=$(psql_ -c "select string_agg(number, ' ') from (select t.number from tickets t join users u on u.username = 'bench-agent'
                     where t.is_open and t.owner_id = u.id order by t.updated_at desc limit 5) x")
[ -n "$TICKETS" ] || TICKETS=$(psql_ -c "select string_agg(number, ' ') from (select number from tickets where is_open limit 5) x")

WORK=$(mktemp -d /tmp/baton-console.XXXXXX); PID=
cleanup() { stop_pid; }
trap cleanup EXIT; trap 'exit 130' INT TERM
PORT=${PORT:-$(free_port)}; B=http://127.0.0.1:$PORT
start_baton
J=$WORK/cookies
CSRF=$(curl -s -c "$J" -b "$J" "$B/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$J" -b "$J" -o /dev/null -d "username=bench-agent&password=baton-demo&_csrf=$CSRF" "$B/sign-in"
[ "$(curl -s -b "$J" -o /dev/null -w '%{http_code}' "$B/queues")" = 200 ] || { echo "console.sh: could not sign in as bench-agent" >&2; exit 1; }
set -- $TICKETS; FIRST=$1
PAGES=("/queues?view=mine" "/queues?view=group" "/queues?view=unassigned" "/queues?view=near-breach&sort=due" "/tickets/$FIRST")
# statistics first (autovacuum may be off, as on these machines; production runs it): see bench/tickets.sh
psql_ -c 'analyze' >/dev/null
wait_quiet; echo "   machine busy before measuring: ${BUSY} % (waited ${WAITED} s); tickets: $TICKETS"
printf '%-38s %6s %8s %8s %8s %8s %6s\n' page requests p50_ms p95_ms p99_ms max_ms errors
for p in "${PAGES[@]}"; do
  for i in $(seq 1 "$WARMUP"); do curl -s -b "$J" -o /dev/null "$B$p"; done
  : > "$WORK/times"; errors=0
  for i in $(seq 1 "$REQUESTS"); do
    out=$(curl -s -b "$J" -o /dev/null -w '%{http_code} %{time_total}' "$B$p")
    [ "${out%% *}" = 200 ] || errors=$((errors + 1)); echo "${out##* }" >> "$WORK/times"
  done
  python3 - "$p" "$errors" "$WORK/times" <<'PY'
import sys, math
page, errors, path = sys.argv[1], sys.argv[2], sys.argv[3]
t = sorted(float(x) * 1000 for x in open(path) if x.strip())
q = lambda f: t[min(len(t) - 1, math.ceil(f * len(t)) - 1)]
print(f"{page:<38} {len(t):>6} {q(.5):>8.1f} {q(.95):>8.1f} {q(.99):>8.1f} {t[-1]:>8.1f} {errors:>6}")
PY
done
# a ticket page of each sample ticket once more, to show it does not depend on the one ticket
for n in $TICKETS; do printf '   /tickets/%s: %s ms\n' "$n" "$(curl -s -b "$J" -o /dev/null -w '%{time_total}' "$B/tickets/$n" | awk '{printf "%.1f", $1*1000}')"; done
echo "   Baton: $(ps -o rss= -p "$PID" | awk '{printf "%d MiB RSS", $1/1024}')"
