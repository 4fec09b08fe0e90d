# Sourced by the bench scripts that start Baton: starting it and stopping it, finding a free port, and waiting
# until the (possibly shared) machine is quiet before measuring.

# PostgreSQL's default (and any production server) analyzes tables as they grow; a server with autovacuum off (these
# machines) keeps the statistics and plans of when its tables were empty, so the planner scans tables that have grown
# (sla_clock_pauses during status changes, mail_intake per mail). Turns autovacuum on for the run when the server has it
# off and the user may (superuser); sets AUTOVACUUM_RESTORE to the statement that puts it back (empty: nothing changed).
# Runs "${PSQL[@]}" (psql with host, port and user).
autovacuum_on_for_run() {
  AUTOVACUUM_RESTORE=
  if [ "$("${PSQL[@]}" -d postgres -tAc 'show autovacuum')" = off ] \
      && [ "$("${PSQL[@]}" -d postgres -tAc 'select rolsuper from pg_roles where rolname = current_user')" = t ]; then
    if [ "$("${PSQL[@]}" -d postgres -tAc "select sourcefile like '%postgresql.auto.conf' from pg_settings where name = 'autovacuum'")" = t ]; then
      AUTOVACUUM_RESTORE="alter system set autovacuum = off"
    else
      AUTOVACUUM_RESTORE="alter system reset autovacuum"
    fi
    "${PSQL[@]}" -d postgres -c "alter system set autovacuum = on" -c "select pg_reload_conf()" >/dev/null
  fi
}

# Puts autovacuum back as autovacuum_on_for_run found it.
autovacuum_restore() {
  if [ -n "${AUTOVACUUM_RESTORE:-}" ]; then
    "${PSQL[@]}" -d postgres -c "$AUTOVACUUM_RESTORE" -c "select pg_reload_conf()" >/dev/null 2>&1 || true
  fi
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts Baton from the jar and waits until it is ready (/actuator/health/readiness answers 200):
# "$JAVA" -Xmx2g JVM_EXTRA... -jar "$JAR" on $PORT against $URL as $DB_USER/$DB_PASSWORD with --baton.demo=false and
# APP_EXTRA... (the two arrays may be unset), BATON_DB_POOL_SIZE 20 unless set, in $WORK, logging to $WORK/baton.log.
# Sets PID and READY_MS (how long the start took). $1: the deadline (epoch ms; default 300 s from now); $2: what
# to add to the message when it is missed. Baton exiting first, or a missed deadline, ends the script (status 1)
# with the log's last lines.
start_baton() {
  local who=${0##*/} deadline=${1:-} hint=${2:-} t0
  echo "== starting Baton on port $PORT (log: $WORK/baton.log)"
  t0=$(now_ms)
  [ -n "$deadline" ] || deadline=$((t0 + 300000))
  (cd "$WORK" && BATON_DB_POOL_SIZE=${BATON_DB_POOL_SIZE:-20} exec "$JAVA" -Xmx2g "${JVM_EXTRA[@]}" -jar "$JAR" --server.port="$PORT" \
     --spring.datasource.url="$URL" --spring.datasource.username="$DB_USER" --spring.datasource.password="$DB_PASSWORD" \
     --baton.demo=false "${APP_EXTRA[@]}" >>"$WORK/baton.log" 2>&1 </dev/null) &
  PID=$!
  while :; do
    if ! kill -0 "$PID" 2>/dev/null; then
      echo "$who: Baton exited before it was ready; log:" >&2; tail -n 40 "$WORK/baton.log" >&2; exit 1
    fi
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/actuator/health/readiness" || true)" = 200 ] && break
    if [ "$(now_ms)" -gt "$deadline" ]; then
      echo "$who: Baton not ready $(( ($(now_ms) - t0) / 1000 )) s after its start$hint" >&2; tail -n 40 "$WORK/baton.log" >&2; exit 1
    fi
    sleep 0.2
  done
  READY_MS=$(( $(now_ms) - t0 ))
}

# Stops the process $PID (TERM, then KILL after 20 s) if it still runs, and clears PID.
stop_pid() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  PID=
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return
  local p
  while :; do p=$((20000 + RANDOM % 20000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done
}

# The share of the CPUs (%) the machine used over one second.
busy_pct() {
  local a b
  read -r -a a < <(head -n1 /proc/stat); sleep 1; read -r -a b < <(head -n1 /proc/stat)
  local total=0 idle i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  idle=$((b[4] - a[4] + b[5] - a[5]))
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

# Waits (up to 3 min) until the rest of the machine uses less than 15 % of the CPUs; leaves the last
# reading in BUSY and the seconds waited in WAITED.
wait_quiet() {
  WAITED=0
  BUSY=$(busy_pct)
  while [ "$BUSY" -ge 15 ] && [ $WAITED -lt "${BENCH_QUIET_WAIT:-180}" ]; do sleep 4; WAITED=$((WAITED + 5)); BUSY=$(busy_pct); done
}
