#!/usr/bin/env bash
# Alert benchmark: ingests exactly 100 000 events through HTTP (events/s, bench/AlertLoad.java), then times GET /alerts/stats
# (unfiltered, by service, and a combination that scans) and a filtered GET /alerts, on the memory
# store and on a 3-master Redis Cluster, then measures the steady ingestion rate with wrk for 10 s
# (bench/alerts-events.lua, same event mix). Load goes to 127.0.0.1 only.
# Usage: bench/alerts.sh     (EVENTS=100000 CONNECTIONS=32 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-100000}
CONNECTIONS=${CONNECTIONS:-32}
source bench/lib.sh

row() { printf '| %-14s | %10s | %10s | %10s | %10s | %12s | %10s |\n' "$@"; }

measure() {
  local name=$1
  java bench/AlertLoad.java "http://127.0.0.1:$PORT" "$EVENTS" "$CONNECTIONS" >"$WORK/$name.txt"
  local rps stats by_service scan listing
  rps=$(awk '{printf "%s", $2}' "$WORK/$name.txt")
  grep -q 'statuses {200=' "$WORK/$name.txt" || { echo "unexpected answers: $(cat "$WORK/$name.txt")"; exit 1; }
  stats=$(median_ms "http://127.0.0.1:$PORT/alerts/stats")
  by_service=$(median_ms "http://127.0.0.1:$PORT/alerts/stats?service.name=svc-3")
  scan=$(median_ms "http://127.0.0.1:$PORT/alerts/stats?service.name=svc-3&status=RESOLVED")
  listing=$(median_ms "http://127.0.0.1:$PORT/alerts?service.name=svc-3&status=ACKNOWLEDGED&limit=100")
  local steady
  steady=$(wrk -t2 -c"$CONNECTIONS" -d10s -s bench/alerts-events.lua "http://127.0.0.1:$PORT" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  row "$name" "$rps" "$steady" "$stats" "$by_service" "$scan" "$listing"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $EVENTS events, $CONNECTIONS in flight (bench/AlertLoad.java); query times are medians of 21 sequential requests (ms)"
row store "100k ev/s" "wrk ev/s" "stats ms" "svc ms" "svc+st ms" "list ms"
row "--------------" "----------" "----------" "----------" "----------" "------------" "----------"

start_pulse PULSE_STORE=memory
measure memory
stop_pulse

start_cluster
start_pulse PULSE_STORE=redis PULSE_REDIS_TYPE=cluster PULSE_REDIS_ENDPOINTS="$REDIS_ENDPOINTS"
measure "redis cluster"
stop_pulse
