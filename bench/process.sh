# Sourced by the bench scripts that start Baton: stopping it, finding a free port, and waiting
# until the (possibly shared) machine is quiet before measuring.

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
