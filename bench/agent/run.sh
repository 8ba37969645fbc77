#!/usr/bin/env bash
# Agent benchmark: full loopback TLS handshakes and JVM start-up, with and without -javaagent, in interleaved JVM
# pairs, summarised as the median ratio agent/no-agent with a distribution-free 95 % interval (BenchSummary.java).
#
# Usage: bench/agent/run.sh [--full] [--pairs N] [--measured M] [--early E] [--cases LIST] [--raw FILE]
#   default: a short run for development (3 pairs, too few for a 95 % interval; minutes on a busy machine)
#   --full:  10 pairs, 600 steady-state handshakes per JVM, 20 start-up pairs (about 12 minutes on 2 quiet cores)
#   --cases: comma-separated subset of the case ids below
#   --parts: instead, split early life's added CPU (socket TLS 1.3, server in the same JVM) into the agent's writer
#            thread, its transformer (TransformTimer.java around it) and what any retransforming agent costs
# Needs java-agent/target/tls-compat-agent.jar (./mvnw -pl java-agent -am package). JAVA=... picks the JDK.
set -euo pipefail
cd "$(dirname "$0")"
PAIRS=3; MEASURED=200; EARLY=400; WARMUP=200; STARTUP_PAIRS=5; RAW=""; PARTS=0
CASES="socket-tls12-remote,socket-tls13-remote,engine-tls13-remote,socket-tls12-same,socket-tls13-same,engine-tls13-same"
while [ $# -gt 0 ]; do
  case "$1" in
    --full) PAIRS=10; MEASURED=600; STARTUP_PAIRS=20 ;;
    --pairs) PAIRS=$2; shift ;;
    --measured) MEASURED=$2; shift ;;
    --early) EARLY=$2; shift ;;
    --cases) CASES=$2; shift ;;
    --raw) RAW=$2; shift ;;
    --parts) PARTS=1 ;;
    *) echo "unknown option $1; see the usage at the top of $0"; exit 2 ;;
  esac
  shift
done
JAVA=${JAVA:-java}
JAVA_HOME_BIN=$(dirname "$(command -v "$JAVA")")
AGENT=$(pwd)/../../java-agent/target/tls-compat-agent.jar
[ -f "$AGENT" ] || { echo "no $AGENT: build the agent first (./mvnw -pl java-agent -am package)"; exit 2; }
WORK=$(mktemp -d)
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
RAW=${RAW:-$WORK/raw.txt}
: > "$RAW"
"$JAVA_HOME_BIN/keytool" -genkeypair -alias b -keyalg RSA -keysize 2048 -dname CN=localhost -validity 2 \
  -storetype PKCS12 -keystore "$WORK/ks.p12" -storepass changeit >/dev/null 2>&1
"$JAVA_HOME_BIN/javac" -d "$WORK/classes" HandshakeBench.java BenchSummary.java TransformTimer.java
# Context for start-up: what any -javaagent costs on this JVM (java.instrument), with an agent whose premain is empty.
mkdir -p "$WORK/empty"
printf 'public class EmptyAgent { public static void premain(String a, java.lang.instrument.Instrumentation i) {} }\n' \
  > "$WORK/EmptyAgent.java"
"$JAVA_HOME_BIN/javac" -d "$WORK/empty" "$WORK/EmptyAgent.java"
printf 'Premain-Class: EmptyAgent\n' > "$WORK/empty.mf"
"$JAVA_HOME_BIN/jar" cfm "$WORK/empty.jar" "$WORK/empty.mf" -C "$WORK/empty" EmptyAgent.class
BENCH=(-cp "$WORK/classes" HandshakeBench)
START=$(date +%s)

if [ "$PARTS" = 1 ]; then
  printf 'Premain-Class: TransformTimer\nCan-Retransform-Classes: true\n' > "$WORK/timer.mf"
  "$JAVA_HOME_BIN/jar" cfm "$WORK/timer.jar" "$WORK/timer.mf" -C "$WORK/classes" . >/dev/null
  TIMER="$WORK/timer.jar"
  early() { "$JAVA" "$@" "${BENCH[@]}" run "$WORK/ks.p12" socket TLSv1.3 "$EARLY" 0 1 2>>"$WORK/parts.err" \
    | tr ' ' '\n' | grep -E '^early_(cpu_us|proc_cpu_us|agent_cpu_us|loaded_classes)=' | tr '\n' ' '; }
  for pair in $(seq "$PAIRS"); do
    echo "none $(early)"
    echo "noop $(early -javaagent:"$TIMER"=noop)"
    : > "$WORK/parts.err"
    line=$(early -javaagent:"$TIMER"=start "-javaagent:$AGENT=log=$WORK/parts.jsonl" -javaagent:"$TIMER"=end)
    echo "agent $line $(grep -o 'transform_timer.*' "$WORK/parts.err")"
    rm -f "$WORK/parts.jsonl"*
  done > "$WORK/parts.txt"
  echo "Early life ($EARLY handshakes, socket TLS 1.3, server in the same JVM), medians of $PAIRS JVMs each:"
  awk '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1], ++n[$1, kv[1]]] = kv[2] } }
    function med(c, k,   m, i, j, t, a) { m = n[c, k]; for (i = 1; i <= m; i++) a[i] = v[c, k, i]
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
    END {
      printf "- work threads + agent threads CPU: %.0f ms without an agent, %.0f ms with a no-op transformer, %.0f ms with tls-compat\n", med("none", "early_cpu_us") / 1000, med("noop", "early_cpu_us") / 1000, med("agent", "early_cpu_us") / 1000
      printf "- process CPU: %.0f ms, %.0f ms, %.0f ms\n", med("none", "early_proc_cpu_us") / 1000, med("noop", "early_proc_cpu_us") / 1000, med("agent", "early_proc_cpu_us") / 1000
      printf "- of which the agent writer thread: %.0f ms\n", med("agent", "early_agent_cpu_us") / 1000
      printf "- of which class loads spent in the agent transformer (incl. the JVMTI hand-off): %.0f ms over %d classes\n", med("agent", "transformer_us") / 1000, med("agent", "classes")
      printf "- classes loaded by the end of early life: %d, %d, %d\n", med("none", "early_loaded_classes"), med("noop", "early_loaded_classes"), med("agent", "early_loaded_classes")
    }' "$WORK/parts.txt"
  exit 0
fi

# The "server in another JVM" cases share one JSSE server JVM without the agent, warmed before the first pair.
"$JAVA" "${BENCH[@]}" server "$WORK/ks.p12" "$WORK/port" > /dev/null 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do [ -f "$WORK/port" ] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
"$JAVA" "${BENCH[@]}" run "$WORK/ks.p12" socket TLSv1.3 0 600 1 "$PORT" > /dev/null

# One JVM: $1 case id, $2 off|on, $3 pair. The agent runs as an operator would run it: records to a file, probe,
# JFR and JMX on. Its records are counted (an SSLEngine is not hooked until the agent covers it).
one() {
  local id=$1 agent=$2 pair=$3 transport proto server=()
  transport=${id%%-*}; proto=${id#*-}; proto=${proto%%-*}; proto="TLSv1.${proto#tls1}"
  [ "${id##*-}" = remote ] && server=("$PORT")
  local log="$WORK/tls-$id-$pair.jsonl" args=()
  [ "$agent" = on ] && args=("-javaagent:$AGENT=log=$log,maxFileSize=1g")
  local out
  out=$("$JAVA" "${args[@]}" "${BENCH[@]}" run "$WORK/ks.p12" "$transport" "$proto" "$EARLY" "$WARMUP" "$MEASURED" \
    "${server[@]}" 2>>"$WORK/stderr.txt")
  local records=0
  [ -f "$log" ] && records=$(grep -c '"outcome"' "$log" || true) && rm -f "$log"*
  echo "case=$id agent=$agent pair=$pair early=$EARLY records=$records $out" >> "$RAW"
}

IFS=, read -r -a CASE_LIST <<< "$CASES"
for pair in $(seq "$PAIRS"); do
  for id in "${CASE_LIST[@]}"; do
    # Alternate which side runs first, so a drift in machine load does not favour one side.
    if [ $((pair % 2)) -eq 1 ]; then one "$id" off "$pair"; one "$id" on "$pair"; else one "$id" on "$pair"; one "$id" off "$pair"; fi
  done
  echo "pair $pair of $PAIRS done ($(($(date +%s) - START)) s)" >&2
done

ms() { echo $(( ($2 - $1) / 1000000 )); }
for pair in $(seq "$STARTUP_PAIRS"); do
  s=$(date +%s%N); off=$("$JAVA" "${BENCH[@]}" hello); e=$(date +%s%N); poff=$(ms "$s" "$e")
  s=$(date +%s%N); on=$("$JAVA" "-javaagent:$AGENT=log=$WORK/hello.jsonl" "${BENCH[@]}" hello 2>/dev/null)
  e=$(date +%s%N); pon=$(ms "$s" "$e")
  empty=$("$JAVA" -javaagent:"$WORK/empty.jar" "${BENCH[@]}" hello)
  echo "case=startup agent=off pair=$pair $off process_ms=$poff" >> "$RAW"
  echo "case=startup agent=on pair=$pair $on process_ms=$pon empty_$empty" >> "$RAW"
done

echo "## Agent overhead ($(date -u +%Y-%m-%d))"
echo
echo "- java: $("$JAVA" -version 2>&1 | sed -n 2p)"
echo "- cores: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "- $PAIRS interleaved JVM pairs per case; per JVM $EARLY early-life + $WARMUP warm-up + $MEASURED steady-state" \
  "handshakes; $STARTUP_PAIRS start-up pairs; run took $(($(date +%s) - START)) s"
echo
"$JAVA" -cp "$WORK/classes" BenchSummary "$RAW"
