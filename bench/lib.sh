# Shared by the bench scripts: start and stop Pulse and a loopback Redis Cluster, clean up on exit.
# Load goes to 127.0.0.1 only. Source it from a script that has cd'ed to the repository root.

PORT=${PORT:-18480}
REDIS_BASE_PORT=${REDIS_BASE_PORT:-17401}
REDIS_PORTS=("$REDIS_BASE_PORT" $((REDIS_BASE_PORT + 1)) $((REDIS_BASE_PORT + 2)))
WORK=$(mktemp -d)
PIDS=()

for tool in wrk redis-server redis-cli java mvn curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk redis-server curl)"; exit 1; }
done

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for p in "${REDIS_PORTS[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f target/pulse.jar ] || mvn -B -q package -DskipTests

# start_pulse [VAR=value...]: Pulse on $PORT with those settings, waits until it is live
start_pulse() {
  # The access log (one line per request) is off: it measures stdout, not the hot path. Override with
  # PULSE_LOG_LEVELS=... among the arguments.
  # One HTTP verticle (one event loop) unless PULSE_HTTP_INSTANCES says otherwise: wrk shares the two
  # cores, and side by side one loop served heartbeats at 0.846 of the bare server against 0.734 with
  # one per core (9 rotated rounds, 2026-12-05), while the bare servers keep their one per core, with
  # which they are faster (117 000 against 84 000 requests/s). BENCHMARKS.md says more.
  env PULSE_HTTP_PORT=$PORT PULSE_HTTP_INSTANCES="${PULSE_HTTP_INSTANCES:-1}" \
    PULSE_LOG_LEVELS=io.netty=WARN,io.micrometer=ERROR,pulse.access=OFF "$@" \
    java -jar target/pulse.jar >"$WORK/pulse.log" 2>&1 &
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

# start_cluster: a 3-master Redis Cluster on REDIS_PORTS; sets REDIS_ENDPOINTS
start_cluster() {
  for p in "${REDIS_PORTS[@]}"; do
    mkdir -p "$WORK/redis-$p"
    redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file nodes.conf \
      --dir "$WORK/redis-$p" --save '' --appendonly no --daemonize yes --logfile "$WORK/redis-$p.log"
  done
  sleep 0.5
  redis-cli --cluster create $(printf '127.0.0.1:%s ' "${REDIS_PORTS[@]}") --cluster-yes >/dev/null
  for _ in $(seq 1 50); do
    if redis-cli -p "${REDIS_PORTS[0]}" cluster info | grep -q cluster_state:ok; then
      REDIS_ENDPOINTS=$(printf 'redis://127.0.0.1:%s,' "${REDIS_PORTS[@]}" | sed 's/,$//')
      return 0
    fi
    sleep 0.1
  done
  echo "Redis Cluster did not form"; exit 1
}

stop_cluster() {
  for p in "${REDIS_PORTS[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
}

# median_ms URL [N]: median wall time of N sequential GETs, in ms
median_ms() {
  local url=$1 n=${2:-21}
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done \
    | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)] * 1000}'
}
