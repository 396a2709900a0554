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
source bench/lib.sh

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
start_pulse PULSE_STORE=redis PULSE_REDIS_TYPE=cluster PULSE_REDIS_ENDPOINTS="$REDIS_ENDPOINTS"
run "redis cluster, 100k users" BENCH_USERS=100000
run "redis cluster, one hot user" BENCH_HOT_USER=hot
stop_pulse
