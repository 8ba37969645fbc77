#!/usr/bin/env bash
# Wall time of `mvn -q tls-compat:verify` on examples/legacy-app (one target, the simulator playing SQL Server 2019)
# against `mvn -q validate` on the same project, in one run, with the default handshake rehearsal and without it;
# then the gate against a port where nothing answers,
# to show it stays within its deadline. Prints medians of RUNS runs (default 5).
# Needs the plugin installed and the simulator jar built (examples/demo.sh builds both).
# Usage: bench/gate-bench.sh [RUNS]      Extra Maven flags: BENCH_MVN_FLAGS="-o" bench/gate-bench.sh
set -u
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PORT=14331
DEAD_PORT=14398
MVN_FLAGS=${BENCH_MVN_FLAGS:-}
POM=examples/legacy-app/pom.xml
SIM_JAR=simulator/target/tls-compat-simulator.jar
SIM_PID=""
trap '[ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null' EXIT

[ -f "$SIM_JAR" ] || { echo "missing $SIM_JAR: run examples/demo.sh or ./mvnw install first" >&2; exit 1; }
java -jar "$SIM_JAR" --profile sql2019-win2019 --port "$PORT" >/dev/null 2>&1 &
SIM_PID=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

now_ms() { date +%s%3N; }

# median of the arguments
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

time_runs() { # label, then the mvn arguments
  local label=$1; shift
  local times=()
  for _ in $(seq 1 "$RUNS"); do
    local t0; t0=$(now_ms)
    ./mvnw -q -B $MVN_FLAGS -f "$POM" "$@" >/dev/null 2>&1
    local rc=$?
    times+=($(( $(now_ms) - t0 )))
    LAST_RC=$rc
  done
  local m; m=$(median "${times[@]}")
  printf '%-52s median %6d ms  (runs: %s; last exit %d)\n' "$label" "$m" "${times[*]}" "$LAST_RC"
  MEDIAN=$m
}

echo "tls-compat gate benchmark: $RUNS runs each, $(nproc) cores, $(java -version 2>&1 | head -1)"
time_runs "mvn -q validate" validate
VALIDATE=$MEDIAN
time_runs "mvn -q tls-compat:verify (server answers)" tls-compat:verify "-Dlegacy.db.url=jdbc:sqlserver://localhost:$PORT;trustServerCertificate=true"
VERIFY=$MEDIAN
echo "gate adds (median, with the default handshake rehearsal): $(( VERIFY - VALIDATE )) ms"
time_runs "mvn -q tls-compat:verify (server answers, rehearse=off)" tls-compat:verify "-Dlegacy.db.url=jdbc:sqlserver://localhost:$PORT;trustServerCertificate=true" -Dtls-compat.rehearse=off
echo "the rehearsal's share (median): $(( VERIFY - MEDIAN )) ms"
RUNS=1 time_runs "mvn -q tls-compat:verify (port $DEAD_PORT refuses)" tls-compat:verify "-Dlegacy.db.url=jdbc:sqlserver://localhost:$DEAD_PORT" -Dtls-compat.failOnUnreachable=false
# A server that accepts TCP and never answers: the probe's read timeouts and overall deadline must end the gate.
python3 -c 'import socket,time,sys
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(64)
conns=[]
while True:
    c,_=s.accept(); conns.append(c)' "$DEAD_PORT" &
SILENT_PID=$!
sleep 0.5
RUNS=1 time_runs "mvn -q tls-compat:verify (port $DEAD_PORT silent)" tls-compat:verify "-Dlegacy.db.url=jdbc:sqlserver://localhost:$DEAD_PORT" -Dtls-compat.failOnUnreachable=false
kill "$SILENT_PID" 2>/dev/null
echo "silent server: $MEDIAN ms in total (probe budget: probeTimeoutSeconds=15 in the example pom)"
