#!/usr/bin/env bash
# Fills a database with a realistic desk for benchmarks: 20 organizations, 50,000 customers, 200 staff,
# 11 support groups, 1,000,000 tickets (100,000 open) with ~4 timeline events each, and bench
# accounts with API tokens (bench-agent, bench-agent-2 … bench-agent-16, bench-coordinator, bench-customer), written to bench/.tokens.
#
#   bench/generate-desk.sh                      PostgreSQL, jdbc:postgresql://127.0.0.1:5432/baton_bench
#   bench/generate-desk.sh --db h2              embedded H2 file database under target/bench-h2/
#   bench/generate-desk.sh --fresh              drop and recreate the database (delete the H2 files) first
#   --url URL --user U --password P             another database (PostgreSQL: created with psql if missing)
#   --tickets N --open N --customers N --agents N --orgs N     sizes (defaults 1000000 100000 50000 200 20)
#   --seed N                                    random seed (default 42); same seed, --now and sizes = same rows
#   --now 2026-11-23T12:00:00Z                  anchor of all times (default: now, to the hour)
#   --fk-checks                                 keep per-row foreign-key checks on during the ticket load (slower);
#                                               by default they are off for it (PostgreSQL superuser: session_replication_role
#                                               = replica; H2: referential_integrity false) and verified in bulk afterwards
#   --keep-indexes                              keep the plain secondary indexes of tickets and ticket_events during the
#                                               load (slower); by default they are dropped and made again after it, from
#                                               their definitions in the catalog
#   --no-compact                                H2: skip the final SHUTDOWN COMPACT (the bulk load leaves the file ~3x
#                                               its data; compacting the 1M desk takes ~40 s)
#
# It runs Baton's Flyway migrations (src/main/resources/db/migration and db/vendor/<db>), refuses a database
# that already has users or tickets, and loads with COPY (PostgreSQL) or multi-row INSERT batches (H2),
# one transaction per 5,000 tickets. It prints the rows per table, the elapsed time and rows/s.
# The Java program is bench/src/GenerateDesk.java, run with the project's runtime classpath
# (./mvnw dependency:build-classpath -> target/bench-classpath.txt, made when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

DB=postgresql URL= DB_USER= DB_PASSWORD= FRESH=0 PASS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift ;;
    --url) URL=$2; shift ;;
    --user) DB_USER=$2; shift ;;
    --password) DB_PASSWORD=$2; shift ;;
    --fresh) FRESH=1 ;;
    --tickets|--open|--customers|--agents|--orgs|--seed|--now|--chunk) PASS+=("$1" "$2"); shift ;;
    --fk-checks|--keep-indexes|--no-compact) PASS+=("$1") ;;
    -h|--help) sed -n '2,/^set -/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "generate-desk.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
case "$DB" in
  postgresql) URL=${URL:-jdbc:postgresql://127.0.0.1:5432/baton_bench}; DB_USER=${DB_USER:-postgres} ;;
  h2) URL=${URL:-"jdbc:h2:file:./target/bench-h2/baton;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"}; DB_USER=${DB_USER:-sa} ;;
  *) echo "generate-desk.sh: --db must be postgresql or h2" >&2; exit 2 ;;
esac

# shellcheck source=bench/jdk.sh
. "$REPO/bench/jdk.sh"
JAVA_HOME=$(pick_newest_jdk 21) || { echo "generate-desk.sh: no JDK >= 21 found" >&2; exit 1; }
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

CP_FILE="$REPO/target/bench-classpath.txt"
if [ ! -s "$CP_FILE" ] || [ "$CP_FILE" -ot "$REPO/pom.xml" ]; then
  echo "== resolving the runtime classpath (./mvnw dependency:build-classpath)"
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$CP_FILE" >/dev/null
fi

if [ "$DB" = postgresql ]; then
  # jdbc:postgresql://host[:port]/name[?params]
  rest=${URL#jdbc:postgresql://}; hostport=${rest%%/*}; name=${rest#*/}; name=${name%%\?*}
  host=${hostport%%:*}; port=5432; [ "$hostport" != "$host" ] && port=${hostport#*:}
  [ -n "$name" ] || { echo "generate-desk.sh: no database name in $URL" >&2; exit 2; }
  export PGPASSWORD=$DB_PASSWORD
  psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$DB_USER" -d postgres "$@"; }
  if [ $FRESH = 1 ]; then
    case "$name" in baton_test|postgres|template0|template1) echo "generate-desk.sh: refusing to drop database $name" >&2; exit 2 ;; esac
    echo "== dropping database $name"
    psql_admin -c "drop database if exists \"$name\" with (force)"
  fi
  if [ -z "$(psql_admin -tAc "select 1 from pg_database where datname = '$name'")" ]; then
    echo "== creating database $name"
    psql_admin -c "create database \"$name\""
  fi
else
  # jdbc:h2:file:PATH[;options]
  path=${URL#jdbc:h2:}; path=${path#file:}; path=${path%%;*}
  if [ $FRESH = 1 ]; then
    echo "== deleting the H2 files $path.*"
    rm -f "$path.mv.db" "$path.trace.db" "$path.lock.db"
  fi
  mkdir -p "$(dirname "$path")"
fi

exec "$JAVA" -Xmx3g -XX:+UseParallelGC -Dlogback.configurationFile="$REPO/bench/src/logback-bench.xml" \
  -cp "$(cat "$CP_FILE")" "$REPO/bench/src/GenerateDesk.java" \
  --db "$DB" --url "$URL" --user "$DB_USER" --password "$DB_PASSWORD" --repo "$REPO" "${PASS[@]}"
