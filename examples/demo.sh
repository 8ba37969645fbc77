#!/usr/bin/env bash
# tls-compat demo: the deployment gate on examples/legacy-app, against the simulator playing SQL Server.
#   1. SQL Server 2008 R2 RTM (TLS 1.0 only)        -> tls-compat:verify FAILS: protocol-mismatch, with the fix
#   2. SQL Server 2019 on Windows Server 2019       -> tls-compat:verify PASSES
# No database needed. Builds the plugin and the simulator first when they are not there yet.
# Extra Maven flags (e.g. -o for offline): DEMO_MVN_FLAGS="-o" examples/demo.sh
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=14330
SIM_JAR="$ROOT/simulator/target/tls-compat-simulator.jar"
PLUGIN_JAR="$HOME/.m2/repository/io/tlscompat/tls-compat-maven-plugin/0.1.0-SNAPSHOT/tls-compat-maven-plugin-0.1.0-SNAPSHOT.jar"
# The gate's rehearsal (on by default) runs the real driver under the agent, which it resolves from the repository.
AGENT_JAR="$HOME/.m2/repository/io/tlscompat/tls-compat-agent/0.1.0-SNAPSHOT/tls-compat-agent-0.1.0-SNAPSHOT-all.jar"
MVN_FLAGS=${DEMO_MVN_FLAGS:-}
SIM_PID=""

stop_simulator() {
  if [ -n "$SIM_PID" ]; then
    kill "$SIM_PID" 2>/dev/null
    wait "$SIM_PID" 2>/dev/null
    SIM_PID=""
  fi
}
trap stop_simulator EXIT

if [ ! -f "$SIM_JAR" ] || [ ! -f "$PLUGIN_JAR" ] || [ ! -f "$AGENT_JAR" ]; then
  echo "== building tls-compat (core, simulator, agent, maven-plugin) once =="
  ./mvnw -q -B $MVN_FLAGS -DskipTests -pl core,simulator,java-agent,maven-plugin -am install || exit 1
fi

start_simulator() {
  java -jar "$SIM_JAR" --profile "$1" --port "$PORT" >/dev/null 2>&1 &
  SIM_PID=$!
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "simulator did not start on port $PORT" >&2
  exit 1
}

verify() {
  ./mvnw -q -B $MVN_FLAGS -f examples/legacy-app/pom.xml tls-compat:verify
}

echo "== 1. legacy-app vs SQL Server 2008 R2 RTM (simulated on localhost:$PORT) =="
start_simulator sql2008r2-rtm
verify
FIRST=$?
stop_simulator
echo "-- exit code $FIRST (expected: build failure)"
echo

echo "== 2. legacy-app vs SQL Server 2019 on Windows Server 2019 (simulated on localhost:$PORT) =="
start_simulator sql2019-win2019
verify
SECOND=$?
stop_simulator
echo "-- exit code $SECOND (expected: success)"
cat examples/legacy-app/target/tls-compat/summary.md

if [ "$FIRST" -ne 0 ] && [ "$SECOND" -eq 0 ]; then
  echo "demo OK: the gate failed on the legacy server and passed on the current one"
  exit 0
fi
echo "demo FAILED: expected a failure then a pass" >&2
exit 1
