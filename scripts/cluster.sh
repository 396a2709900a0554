#!/usr/bin/env bash
# The docker-compose topology as plain processes on 127.0.0.1: a Redis Cluster of three masters
# with a replica each, and N Pulse nodes in redis mode on consecutive ports.
#
#   scripts/cluster.sh up [N]     start it (N Pulse nodes, default 2) and wait until every node is ready
#   scripts/cluster.sh status     what runs, the cluster state, each node's readiness
#   scripts/cluster.sh down       stop everything it started and remove its directory
#   scripts/cluster.sh smoke      register through node 1, read through node 2 (needs `up` first)
#
# Needs redis-server, redis-cli, curl and java on the PATH, and target/pulse.jar (mvn -B -q package
# -DskipTests). Settings, from the environment:
#   PULSE_CLUSTER_DIR   state, logs and pid files        (default /tmp/pulse-cluster)
#   REDIS_BASE_PORT     first of 6 Redis ports; each port + 10000 is its cluster bus (default 17001)
#   PULSE_BASE_PORT     port of Pulse node 1; node i listens on base + i - 1       (default 8081)
#   PULSE_JAR           the jar to run                    (default target/pulse.jar)
set -euo pipefail

DIR=${PULSE_CLUSTER_DIR:-/tmp/pulse-cluster}
REDIS_BASE=${REDIS_BASE_PORT:-17001}
PULSE_BASE=${PULSE_BASE_PORT:-8081}
JAR=${PULSE_JAR:-target/pulse.jar}
REDIS_NODES=6

redis_ports() { for i in $(seq 0 $((REDIS_NODES - 1))); do echo $((REDIS_BASE + i)); done; }
endpoints() { local list=""; for p in $(redis_ports | head -3); do list+="${list:+,}redis://127.0.0.1:$p"; done; echo "$list"; }
need() { command -v "$1" >/dev/null || { echo "cluster.sh: $1 is not on the PATH" >&2; exit 2; }; }

wait_for() { # wait_for <seconds> <description> <command...>
  local deadline=$((SECONDS + $1)) what=$2; shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS > deadline)); then
      echo "cluster.sh: timed out waiting for $what; last log lines:" >&2
      tail -n 5 "$DIR"/*.log "$DIR"/redis-*/redis.log 2>/dev/null >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports() { # every Redis port and its bus port (+10000), every Pulse port: free and in range
  local nodes=$1 p
  if ((REDIS_BASE + REDIS_NODES - 1 + 10000 > 65535)); then
    echo "cluster.sh: REDIS_BASE_PORT $REDIS_BASE too high: bus ports are port + 10000" >&2; exit 2
  fi
  for p in $(redis_ports); do
    for q in "$p" $((p + 10000)); do
      in_use "$q" && { echo "cluster.sh: port $q is in use (REDIS_BASE_PORT=$REDIS_BASE)" >&2; exit 2; }
    done
  done
  for p in $(seq "$PULSE_BASE" $((PULSE_BASE + nodes - 1))); do
    in_use "$p" && { echo "cluster.sh: port $p is in use (PULSE_BASE_PORT=$PULSE_BASE)" >&2; exit 2; }
  done
  return 0
}

up() {
  local nodes=${1:-2}
  need redis-server; need redis-cli; need curl; need java
  [[ -f $JAR ]] || { echo "cluster.sh: $JAR not found; build it with: mvn -B -q package -DskipTests" >&2; exit 2; }
  [[ -e $DIR/pids ]] && { echo "cluster.sh: already up ($DIR); run 'down' first" >&2; exit 2; }
  check_ports "$nodes"
  mkdir -p "$DIR"
  for p in $(redis_ports); do
    mkdir -p "$DIR/redis-$p"
    redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file nodes.conf \
      --cluster-node-timeout 5000 --dir "$DIR/redis-$p" --save '' --appendonly no \
      --logfile "$DIR/redis-$p/redis.log" --daemonize yes --pidfile "$DIR/redis-$p/redis.pid"
    echo "redis $p $DIR/redis-$p/redis.pid" >> "$DIR/pids"
  done
  for p in $(redis_ports); do wait_for 10 "redis on $p" redis-cli -p "$p" ping; done
  local hosts=(); for p in $(redis_ports); do hosts+=("127.0.0.1:$p"); done
  redis-cli --cluster create "${hosts[@]}" --cluster-replicas 1 --cluster-yes > "$DIR/cluster-create.log"
  wait_for 30 "cluster_state:ok" bash -c "redis-cli -p $REDIS_BASE cluster info | grep -q cluster_state:ok"
  for i in $(seq 1 "$nodes"); do
    local port=$((PULSE_BASE + i - 1))
    PULSE_STORE=redis PULSE_REDIS_TYPE=cluster PULSE_REDIS_ENDPOINTS="$(endpoints)" PULSE_HTTP_PORT=$port \
      PULSE_HTTP_INSTANCES=${PULSE_HTTP_INSTANCES:-1} \
      nohup java -jar "$JAR" > "$DIR/pulse-$port.log" 2>&1 &
    echo $! > "$DIR/pulse-$port.pid"
    echo "pulse $port $DIR/pulse-$port.pid" >> "$DIR/pids"
  done
  for i in $(seq 1 "$nodes"); do
    local port=$((PULSE_BASE + i - 1))
    wait_for 60 "Pulse on $port to be ready" curl -sf "http://127.0.0.1:$port/health/ready"
  done
  echo "up: Redis Cluster on $(redis_ports | head -1)-$(redis_ports | tail -1) (3 masters, 3 replicas);" \
    "Pulse on $PULSE_BASE-$((PULSE_BASE + nodes - 1)); state in $DIR"
}

status() {
  [[ -f $DIR/pids ]] || { echo "down (no $DIR/pids)"; return 0; }
  while read -r kind port pidfile; do
    local pid; pid=$(cat "$pidfile" 2>/dev/null || echo "")
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then state=running; else state=stopped; fi
    if [[ $kind == pulse ]]; then
      echo "pulse $port $state ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)"
    else
      echo "redis $port $state $(redis-cli -p "$port" info replication 2>/dev/null | grep -m1 '^role:' | tr -d '\r' || true)"
    fi
  done < "$DIR/pids"
  echo "cluster: $(redis-cli -p "$REDIS_BASE" cluster info 2>/dev/null | grep -m1 cluster_state | tr -d '\r' || echo unreachable)"
}

down() {
  [[ -f $DIR/pids ]] || { echo "nothing to stop (no $DIR/pids)"; return 0; }
  # Pulse first (SIGTERM: graceful), then Redis.
  while read -r kind port pidfile; do
    if [[ $kind == pulse ]]; then kill -TERM "$(cat "$pidfile")" 2>/dev/null || true; fi
  done < "$DIR/pids"
  while read -r kind port pidfile; do
    if [[ $kind == pulse ]]; then
      local pid; pid=$(cat "$pidfile"); local deadline=$((SECONDS + 30))
      while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
      if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    else
      redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || kill -TERM "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null || true
    fi
  done < "$DIR/pids"
  rm -rf "$DIR"
  echo "down"
}

smoke() {
  local one=$PULSE_BASE two=$((PULSE_BASE + 1)) group="smoke-$RANDOM$RANDOM"
  local created; created=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$one/$group/i-1" \
    -d '{"meta":{"via":"node 1"}}')
  [[ $created == 201 ]] || { echo "smoke: registration through node 1 answered $created" >&2; return 1; }
  local seen; seen=$(curl -sf "http://127.0.0.1:$two/$group")
  [[ $seen == *'"via":"node 1"'* ]] || { echo "smoke: node 2 does not see it: $seen" >&2; return 1; }
  curl -sf -X POST "http://127.0.0.1:$one/services" -d "{\"name\":\"$group-svc\",\"version\":\"1.0.0\",\"endpoints\":[\"http://127.0.0.1:$one/health/live\"]}" >/dev/null
  local resolved; resolved=$(curl -sf "http://127.0.0.1:$two/services/$group-svc/resolve")
  [[ $resolved == *"\"id\":\"$group-svc-1\""* ]] || { echo "smoke: node 2 cannot resolve the service: $resolved" >&2; return 1; }
  echo "smoke: registered through node 1 ($one), read and resolved through node 2 ($two)"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  smoke) smoke ;;
  *) echo "usage: scripts/cluster.sh up [N] | status | smoke | down" >&2; exit 2 ;;
esac
