#!/usr/bin/env bash
# Mail intake benchmark: how fast Baton takes in 10,000 queued mails from IMAP, and the memory it uses meanwhile.
#
#   bench/mail-intake.sh                 PostgreSQL: a fresh database baton_mail_bench on 127.0.0.1 (dropped first)
#   --count N          mails to queue (default 10000): of every 10, 7 new tickets from their own senders (every 5th
#                      HTML with a text alternative) and 3 replies threaded by In-Reply-To/References
#   --url/--user/--password   another PostgreSQL database (it is dropped and recreated)
#   --build            rebuild the jar first (also rebuilt when missing or older than src/ or pom.xml)
#   --timeout S        give up after S seconds of intake (default 1800)
#   --warmup N         mails taken in first, from other senders, and not measured (default 2000): Baton's JIT compiles
#                      the intake's code meanwhile, as it has on a server that has run for a while
#   --server dovecot   the IMAP server (default): Dovecot from Debian's packages (dovecot-imapd, installed when missing
#                      and this runs as root), its own instance on a free loopback port, a Maildir under the work directory
#   --server greenmail GreenMail in its own JVM (the test suite's server; in-memory, slower as the mailbox grows)
#
# It starts the IMAP server with the mails queued (bench/src/MailIntakeBench.java makes them: GreenMail delivers them
# in-process, for Dovecot they are written into the Maildir and indexed with doveadm) while the mailbox's password is
# still wrong, starts Baton from the jar (-Xmx2g, a fresh
# database, one mailbox polled every second, 500 messages a batch, db-scheduler looking for due tasks every second), creates the organization of bench.example through
# the API, then sets the right password: the clock runs from there until the mailbox is empty (Baton removes each
# message once its raw source is stored and it is processed). It samples Baton's heap (its jvm_memory_used_bytes metric: used after and between
# collections) and RSS every second and prints messages per second, the peak and last heap used, the peak RSS, and
# what became of the mails (tickets, entries, failed). Target (issue 6): >= 200 messages/s. The machine may be
# shared with other work: the figures say how busy it was before the run.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

SERVER=dovecot WARMUP=2000 COUNT=10000 URL=jdbc:postgresql://127.0.0.1:5432/baton_mail_bench DB_USER=postgres DB_PASSWORD= BUILD=0 TIMEOUT=1800
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift ;;
    --url) URL=$2; shift ;;
    --user) DB_USER=$2; shift ;;
    --password) DB_PASSWORD=$2; shift ;;
    --build) BUILD=1 ;;
    --timeout) TIMEOUT=$2; shift ;;
    --server) SERVER=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    -h|--help) sed -n '2,/^set -/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "mail-intake.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

case "$SERVER" in
  dovecot)
    if ! command -v dovecot >/dev/null && [ -x /usr/sbin/dovecot ]; then PATH=$PATH:/usr/sbin; fi
    if ! command -v dovecot >/dev/null; then
      if [ "$(id -u)" = 0 ]; then
        echo "== installing Dovecot (apt-get install -y dovecot-imapd)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd >/dev/null
        PATH=$PATH:/usr/sbin
      else
        echo "mail-intake.sh: Dovecot is not installed (apt-get install dovecot-imapd), or use --server greenmail" >&2; exit 1
      fi
    fi ;;
  greenmail) ;;
  *) echo "mail-intake.sh: --server dovecot or greenmail, not $SERVER" >&2; exit 2 ;;
esac

# shellcheck source=bench/jdk.sh
. "$REPO/bench/jdk.sh"
# shellcheck source=bench/process.sh
. "$REPO/bench/process.sh"
JAVA_HOME=$(pick_newest_jdk 21) || { echo "mail-intake.sh: no JDK >= 21 found" >&2; exit 1; }
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

jar() { ls "$REPO"/target/baton-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n1 || true; }
J=$(jar)
if [ $BUILD = 1 ] || [ -z "$J" ] || [ -n "$(find "$REPO/src/main" "$REPO/pom.xml" -newer "$J" -type f -print -quit)" ]; then
  echo "== building the jar (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -o -DskipTests package
fi
JAR=$(jar)
CP_FILE="$REPO/target/bench-mail-classpath.txt"
if [ ! -s "$CP_FILE" ] || [ "$CP_FILE" -ot "$REPO/pom.xml" ]; then
  ./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
fi
CP=$(cat "$CP_FILE")

rest=${URL#jdbc:postgresql://}; hostport=${rest%%/*}; DBNAME=${rest#*/}; DBNAME=${DBNAME%%\?*}
host=${hostport%%:*}; port=5432; [ "$hostport" != "$host" ] && port=${hostport#*:}
export PGPASSWORD=$DB_PASSWORD
PSQL=(psql -X -q -h "$host" -p "$port" -U "$DB_USER")
"${PSQL[@]}" -d postgres -c "drop database if exists $DBNAME" -c "create database $DBNAME" >/dev/null
autovacuum_on_for_run

WORK=$(mktemp -d /tmp/baton-mail-bench.XXXXXX)
chmod 755 "$WORK"
PID= GM= DOVECOT_CONF=
cleanup() {
  touch "$WORK/stop" 2>/dev/null || true; stop_pid
  [ -n "$GM" ] && { sleep 0.5; kill "$GM" 2>/dev/null || true; }
  [ -n "$DOVECOT_CONF" ] && doveadm -c "$DOVECOT_CONF" stop 2>/dev/null || true
  autovacuum_restore
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== Baton mail intake benchmark ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src 2>/dev/null || echo ', src/ changed'))"
echo "   machine: $(nproc) cores, $(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), busy before the run: $(busy_pct) % of the CPUs (shared machine)"
echo "   java: $("$JAVA" -version 2>&1 | head -n1); database: PostgreSQL $("${PSQL[@]}" -d postgres -tAc 'show server_version'), $URL"
[ -n "$AUTOVACUUM_RESTORE" ] && echo "   autovacuum: off on this server, on for the run (PostgreSQL's default), put back at the end"

IMAP=$(free_port) SMTP=$(free_port) PORT=$(free_port)
BENCH=("$JAVA" -Xmx1g -cp "$CP" -Dlogback.configurationFile="$REPO/bench/src/logback-bench.xml" "$REPO/bench/src/MailIntakeBench.java")
if [ "$SERVER" = dovecot ]; then
  # Dovecot's own instance: its files under $WORK, the mailbox owned by the mail user, plain-text login on loopback
  D=$WORK/dovecot MAILDIR=$WORK/dovecot/home/helpdesk/Maildir
  mkdir -p "$D/run" "$D/state" "$MAILDIR/new" "$MAILDIR/cur" "$MAILDIR/tmp"
  echo 'helpdesk:{PLAIN}not-yet' >"$D/passwd"
  chown -R mail:mail "$D/home"
  DOVECOT_CONF=$D/dovecot.conf
  cat >"$DOVECOT_CONF" <<EOF
base_dir = $D/run
state_dir = $D/state
log_path = $D/dovecot.log
instance_name = baton-bench-$PORT
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
first_valid_uid = $(id -u mail)
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $D/passwd
}
userdb {
  driver = static
  args = uid=mail gid=mail home=$D/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP
  }
  inet_listener imaps {
    port = 0
  }
}
EOF
  dovecot -c "$DOVECOT_CONF" || { cat "$D/dovecot.log" >&2; exit 1; }
  echo "== IMAP server: Dovecot $(dovecot --version | cut -d' ' -f1) on a Maildir (IMAP 127.0.0.1:$IMAP)"
  "${BENCH[@]}" maildir "$WORK" "$MAILDIR" "$D/passwd" "$WARMUP" "$COUNT" >"$WORK/queue.log" 2>&1 &
  GM=$!
else
  echo "== IMAP server: GreenMail in its own JVM (IMAP 127.0.0.1:$IMAP)"
  "${BENCH[@]}" greenmail "$WORK" "$IMAP" "$SMTP" "$WARMUP" "$COUNT" >"$WORK/queue.log" 2>&1 &
  GM=$!
fi
wait_for() {
  while [ ! -f "$WORK/$1" ]; do
    kill -0 "$GM" 2>/dev/null || { echo "mail-intake.sh: the mail server side exited:" >&2; tail -n 30 "$WORK/queue.log" >&2; exit 1; }
    sleep 0.2
  done
}
# Dovecot runs as the mail user: the files written by the bench program become its own
own_mail() { [ "$SERVER" = dovecot ] && chown -R mail:mail "$D/home" || true; }
if [ "$WARMUP" -gt 0 ]; then
  wait_for warmup-queued
  own_mail
fi

echo "== starting Baton on port $PORT (log: $WORK/baton.log)"
(cd "$WORK" && BATON_ADMIN_USER=bench-admin BATON_ADMIN_PASSWORD=bench-admin-password-1 BATON_BASIC_AUTH=true exec "$JAVA" -Xmx2g ${BENCH_JVM_OPTS:-} -jar "$JAR" \
   --server.port="$PORT" --spring.datasource.url="$URL" --spring.datasource.username="$DB_USER" --spring.datasource.password="$DB_PASSWORD" \
   --baton.demo=false --baton.mail.from=desk@bench-desk.test \
   --baton.mail.inbound.interval=1s --baton.mail.inbound.batch=500 --db-scheduler.polling-interval=1s \
   --baton.mail.inbound.mailboxes[0].name=bench --baton.mail.inbound.mailboxes[0].host=127.0.0.1 \
   --baton.mail.inbound.mailboxes[0].port="$IMAP" --baton.mail.inbound.mailboxes[0].protocol=imap \
   --baton.mail.inbound.mailboxes[0].username=helpdesk --baton.mail.inbound.mailboxes[0].password=secret \
   --baton.mail.inbound.mailboxes[0].address=helpdesk@bench-desk.test \
   --logging.level.org.baton.mail=WARN --logging.level.org.baton.mail.MailboxPoller=ERROR >>"$WORK/baton.log" 2>&1 </dev/null) &
PID=$!
t0=$(date +%s)
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/actuator/health/readiness" || true)" = 200 ]; do
  kill -0 "$PID" 2>/dev/null || { echo "mail-intake.sh: Baton exited:" >&2; tail -n 40 "$WORK/baton.log" >&2; exit 1; }
  [ $(( $(date +%s) - t0 )) -gt 180 ] && { echo "mail-intake.sh: Baton not ready after 180 s" >&2; exit 1; }
  sleep 0.3
done
echo "   ready after $(( $(date +%s) - t0 )) s (pid $PID)"
code=$(curl -s -o "$WORK/org.json" -w '%{http_code}' -u bench-admin:bench-admin-password-1 -H 'Content-Type: application/json' \
  -d '{"name": "Bench Corporation", "code": "BENCH", "mailDomains": ["bench.example"]}' "http://127.0.0.1:$PORT/api/v1/organizations")
[ "$code" = 201 ] || { echo "mail-intake.sh: creating the organization answered $code: $(cat "$WORK/org.json")" >&2; exit 1; }

if [ "$WARMUP" -gt 0 ]; then
  echo "== warm-up: $WARMUP mails from other senders (the JIT compiles the intake's code; not measured)"
  touch "$WORK/warmup-go"
  wait_for warmup-done
  # shellcheck disable=SC1091
  . "$WORK/warmup-done"
  awk -v n="$WARMUP" -v s="$warmup_seconds" -v l="$warmup_left" 'BEGIN { printf "   taken in %.1f s (%.0f/s), %d left\n", s, (n - l) / s, l }'
fi
echo "== queueing $COUNT mails"
wait_for queued
sed 's/^/   /' "$WORK/queued"
own_mail
if [ "$SERVER" = dovecot ]; then
  t_index=$(date +%s.%N)
  doveadm -c "$DOVECOT_CONF" index -u helpdesk INBOX
  echo "   indexed by Dovecot in $(awk -v a="$t_index" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s: $(doveadm -c "$DOVECOT_CONF" mailbox status -u helpdesk messages INBOX)"
fi

echo "== intake: the mailbox opens now"
# heap used (bytes, all heap pools) from Baton's own metrics: a curl a second costs the machine little, where a jstat
# a second (a JVM start each) took about a tenth of it
heap_used() {
  curl -s --max-time 2 -u bench-admin:bench-admin-password-1 "http://127.0.0.1:$PORT/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {sum += $NF} END {printf "%d", sum / 1024}'
}
PEAK_RSS=0 PEAK_HEAP=0 LAST_HEAP=0
sample() {
  local rss heap
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0)
  [ "${rss:-0}" -gt "$PEAK_RSS" ] && PEAK_RSS=$rss
  heap=$(heap_used || echo 0)
  if [ -n "$heap" ] && [ "$heap" -gt 0 ]; then LAST_HEAP=$heap; [ "$heap" -gt "$PEAK_HEAP" ] && PEAK_HEAP=$heap; fi
  return 0
}
# CPU in clock ticks (fields 14-15 of /proc/PID/stat; the machine's from /proc/stat, without idle, iowait and steal)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { local t=0 p; for p in $(pgrep -x postgres); do t=$((t + $(ticks "$p"))); done; echo "$t"; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
# Baton's threads by kind: ticks per kind (GC, JIT compiler, the virtual threads' carriers, the rest)
thread_ticks() {
  for t in /proc/"$PID"/task/*/stat; do cat "$t" 2>/dev/null; done | awk '{
    match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); rest = substr($0, RSTART + RLENGTH + 1); split(rest, f, " ")
    kind = "other"
    if (name ~ /^(GC Thread|G1 |GC |ZWorker|ZDirector)/) kind = "gc"
    else if (name ~ /Compiler|C[12] Compi/) kind = "jit"
    else if (name ~ /^ForkJoinPool-/) kind = "carriers"
    t[kind] += f[12] + f[13] } END { for (k in t) print k, t[k] }' | sort
}
# the poll's phase timers: "phase seconds count" per line
phases() {
  curl -s -u bench-admin:bench-admin-password-1 "http://127.0.0.1:$PORT/actuator/prometheus" \
    | awk '/^baton_mail_intake_(batch|expunge)_seconds_(sum|count)/ {
        phase = "expunge"; if (match($0, /phase="[a-z]+"/)) phase = substr($0, RSTART + 7, RLENGTH - 8)
        if ($1 ~ /_sum/) sum[phase] = $2; else n[phase] = $2 }
      END { for (p in n) printf "%s %s %d\n", p, sum[p] + 0, n[p] }' | sort
}
phases0=$(phases)
threads0=$(thread_ticks)
cpu0=("$(ticks "$PID")" "$(pg_ticks)" "$(machine_ticks)")
touch "$WORK/go"
t_start=$(date +%s)
while [ ! -f "$WORK/done" ]; do
  sample
  kill -0 "$PID" 2>/dev/null || { echo "mail-intake.sh: Baton died:" >&2; tail -n 40 "$WORK/baton.log" >&2; exit 1; }
  [ $(( $(date +%s) - t_start )) -gt "$TIMEOUT" ] && { echo "mail-intake.sh: not done after $TIMEOUT s" >&2; break; }
  sleep 1
done
sample
cpu1=("$(ticks "$PID")" "$(pg_ticks)" "$(machine_ticks)")
threads1=$(thread_ticks)
# shellcheck disable=SC1091
. "$WORK/done" 2>/dev/null || { left=unknown; seconds=$TIMEOUT; first_gone_seconds=-1; }
AFTER_GC=$("$JAVA_HOME/bin/jcmd" "$PID" GC.run >/dev/null 2>&1; heap_used)

echo "== result"
awk -v n="$COUNT" -v s="$seconds" -v left="$left" 'BEGIN {
  printf "   %d mails taken in %.1f s: %.0f messages/s (target >= 200); left on the server: %s\n", n - left, s, (n - left) / s, left }'
awk -v n="$((COUNT - left))" -v hz="$(getconf CLK_TCK)" -v s="$seconds" -v b="$((cpu1[0] - cpu0[0]))" -v p="$((cpu1[1] - cpu0[1]))" \
    -v m="$((cpu1[2] - cpu0[2]))" -v cores="$(nproc)" 'BEGIN { if (n > 0) {
  ms = 1000 / hz / n
  printf "   CPU per message: Baton %.2f ms, PostgreSQL %.2f ms, the rest (IMAP server, this script) %.2f ms; machine %.0f %% busy\n", \
    b * ms, p * ms, (m - b - p) * ms, 100 * m / hz / s / cores } }'
join <(echo "$threads0") <(echo "$threads1") | awk -v n="$((COUNT - left))" -v hz="$(getconf CLK_TCK)" '
  n > 0 { line = line sprintf("%s%s %.2f", line == "" ? "" : ", ", $1, ($3 - $2) * 1000 / hz / n) }
  END { if (line != "") print "   Baton CPU per message by thread (ms): " line " (carriers: the virtual threads that process the mail)" }'
echo "   first message gone from the server after ${first_gone_seconds} s (messages leave the server when a poll closes the folder and expunges what it flagged)"
awk -v p="$PEAK_HEAP" -v l="$LAST_HEAP" -v g="$AFTER_GC" -v r="$PEAK_RSS" 'BEGIN {
  printf "   Baton heap used: peak %.0f MiB (sampled each second), at the end %.0f MiB, after a full GC %.0f MiB (-Xmx2g)\n", p / 1024, l / 1024, g / 1024
  printf "   Baton RSS: peak %.0f MiB\n", r / 1024 }'
echo "   where Baton's poll spent its time (seconds, summed over the measured batches; /actuator/prometheus):"
join <(echo "$phases0") <(phases) | awk '{ printf "     %-8s %7.1f s in %d batches\n", $1, $4 - $2, $5 - $3 }'
echo "   outcomes (mail_intake):"
"${PSQL[@]}" -d "$DBNAME" -tAc "select '     ' || state || ': ' || count(*) from mail_intake group by state order by state"
echo "   tickets: $("${PSQL[@]}" -d "$DBNAME" -tAc "select count(*) from tickets where channel = 'EMAIL'"), customers created: $("${PSQL[@]}" -d "$DBNAME" -tAc "select count(*) from users where role = 'CUSTOMER'"), replies on tickets: $("${PSQL[@]}" -d "$DBNAME" -tAc "select count(*) from ticket_events where kind = 'COMMENT'")"
failed=$("${PSQL[@]}" -d "$DBNAME" -tAc "select count(*) from mail_intake where state = 'FAILED'")
[ "$failed" -gt 0 ] && "${PSQL[@]}" -d "$DBNAME" -tAc "select '     failed: ' || outcome from mail_intake where state = 'FAILED' limit 3"
exit 0
