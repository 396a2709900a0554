#!/usr/bin/env bash
# Readings benchmark: ingests 1 000 000 readings through HTTP (10 000 devices, batches of 100,
# shuffled, 5 % duplicates) with bench/ReadingLoad.java, and reports readings/s on the memory store
# and on a 3-master Redis Cluster, plus heap bytes per stored reading on the memory store (used heap
# after a full GC, after the load minus before it, divided by the readings stored).
# Load goes to 127.0.0.1 only.  Usage: bench/readings.sh   (READINGS=1000000 DEVICES=10000 CONNECTIONS=32)
set -euo pipefail
cd "$(dirname "$0")/.."
READINGS=${READINGS:-1000000}
DEVICES=${DEVICES:-10000}
CONNECTIONS=${CONNECTIONS:-32}
source bench/lib.sh
command -v jcmd >/dev/null || { echo "missing jcmd (a JDK)"; exit 1; }

heap_used_kb() {
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $READINGS readings, $DEVICES devices, batches of 100, $CONNECTIONS in flight"
printf '| %-14s | %12s | %10s | %10s | %16s |\n' store "readings/s" accepted refused "heap B/reading"
printf '|%s|%s|%s|%s|%s|\n' "----------------" "--------------" "------------" "------------" "------------------"

start_pulse PULSE_STORE=memory
pid=${PIDS[-1]}
before=$(heap_used_kb "$pid")
read -r _ rate _ accepted _ refused _ failed < <(java bench/ReadingLoad.java "http://127.0.0.1:$PORT" "$READINGS" "$DEVICES" "$CONNECTIONS")
after=$(heap_used_kb "$pid")
per=$(awk -v a="$after" -v b="$before" -v n="$accepted" 'BEGIN {printf "%.1f", (a - b) * 1024 / n}')
printf '| %-14s | %12s | %10s | %10s | %16s |\n' memory "$rate" "$accepted" "$refused" "$per"
[ "$failed" = 0 ] || echo "failed readings: $failed"
stop_pulse

start_cluster
start_pulse PULSE_STORE=redis PULSE_REDIS_TYPE=cluster PULSE_REDIS_ENDPOINTS="$REDIS_ENDPOINTS"
read -r _ rate _ accepted _ refused _ failed < <(java bench/ReadingLoad.java "http://127.0.0.1:$PORT" "$READINGS" "$DEVICES" "$CONNECTIONS")
printf '| %-14s | %12s | %10s | %10s | %16s |\n' "redis cluster" "$rate" "$accepted" "$refused" "-"
[ "$failed" = 0 ] || echo "failed readings: $failed"
stop_pulse
