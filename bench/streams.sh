#!/usr/bin/env bash
# Stream-admission benchmark: admissions/s, p50 and p99 on the memory store and on a 3-master Redis
# Cluster, over 100 000 users and for one hot user. Load goes to 127.0.0.1 only, bounded in time.
# Needs: java 17, maven, wrk, redis-server and redis-cli (apt-get install -y wrk redis-server).
# Usage: bench/streams.sh            (DURATION=10s CONNECTIONS=64 WARMUP=5s to change)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=18480
REDIS_PORTS=(17401 17402 17403)
WORK=$(mktemp -d)
PIDS=()

for tool in wrk redis-server redis-cli java mvn; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk redis-server)"; exit 1; }
done

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for p in "${REDIS_PORTS[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f target/pulse.jar ] || mvn -B -q package -DskipTests

start_pulse() {
  env PULSE_HTTP_PORT=$PORT "$@" java -jar target/pulse.jar >"$WORK/pulse.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "Pulse did not start:"; cat "$WORK/pulse.log"; exit 1
}

stop_pulse() {
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'
}

start_cluster() {
  for p in "${REDIS_PORTS[@]}"; do
    mkdir -p "$WORK/redis-$p"
    redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file nodes.conf \
      --dir "$WORK/redis-$p" --save '' --appendonly no --daemonize yes --logfile "$WORK/redis-$p.log"
  done
  sleep 0.5
  redis-cli --cluster create $(printf '127.0.0.1:%s ' "${REDIS_PORTS[@]}") --cluster-yes >/dev/null
  for _ in $(seq 1 50); do
    redis-cli -p "${REDIS_PORTS[0]}" cluster info | grep -q cluster_state:ok && return 0
    sleep 0.1
  done
  echo "Redis Cluster did not form"; exit 1
}

# run NAME [env...]: warm up, measure, print one row
run() {
  local name=$1; shift
  env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/streams-admit.lua "http://127.0.0.1:$PORT" >/dev/null
  env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/streams-admit.lua \
    "http://127.0.0.1:$PORT" >"$WORK/$name.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$name.txt")
  printf '| %-28s | %12s | %8s | %8s |\n' "$name" "$rps" "$p50" "$p99"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP warm-up)"
printf '| %-28s | %12s | %8s | %8s |\n' scenario "requests/s" p50 p99
printf '|%s|%s|%s|%s|\n' "------------------------------" "--------------" "----------" "----------"

start_pulse PULSE_STORE=memory
run "memory, 100k users" BENCH_USERS=100000
run "memory, one hot user" BENCH_HOT_USER=hot
stop_pulse

start_cluster
start_pulse PULSE_STORE=redis PULSE_REDIS_TYPE=cluster \
  PULSE_REDIS_ENDPOINTS="$(printf 'redis://127.0.0.1:%s,' "${REDIS_PORTS[@]}" | sed 's/,$//')"
run "redis cluster, 100k users" BENCH_USERS=100000
run "redis cluster, one hot user" BENCH_HOT_USER=hot
stop_pulse
