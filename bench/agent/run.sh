#!/usr/bin/env bash
# Agent benchmark: loopback TLS handshakes and JVM start-up, with and without -javaagent, interleaved in one run so
# machine noise hits both sides alike. Usage: bench/agent/run.sh [ROUNDS] [HANDSHAKES]   (defaults 5, 1500)
# Needs java-agent/target/tls-compat-agent.jar (mvn -pl java-agent -am package).
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${1:-5}
N=${2:-1500}
JAVA=${JAVA:-java}
AGENT=../../java-agent/target/tls-compat-agent.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f "$AGENT" ] || { echo "no $AGENT: build the agent first (./mvnw -pl java-agent -am package)"; exit 2; }
keytool -genkeypair -alias b -keyalg RSA -keysize 2048 -dname CN=localhost -validity 2 -storetype PKCS12 \
  -keystore "$WORK/ks.p12" -storepass changeit >/dev/null 2>&1
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" HandshakeBench.java
# The agent as an operator would run it: records to a file, probe on (idle: every handshake succeeds), JFR/JMX on.
AGENT_ARG="-javaagent:$AGENT=log=$WORK/tls.jsonl,maxFileSize=1g"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "java: $($JAVA -version 2>&1 | head -1)"
for proto in TLSv1.3 TLSv1.2; do
  : > "$WORK/off.$proto"; : > "$WORK/on.$proto"
  for r in $(seq "$ROUNDS"); do
    $JAVA -cp "$WORK/classes" HandshakeBench "$WORK/ks.p12" 300 "$N" "$proto" >> "$WORK/off.$proto"
    $JAVA "$AGENT_ARG" -cp "$WORK/classes" HandshakeBench "$WORK/ks.p12" 300 "$N" "$proto" 2>/dev/null >> "$WORK/on.$proto"
  done
  off=$(sed 's/.*median_us=\([0-9]*\).*/\1/' "$WORK/off.$proto" | median)
  on=$(sed 's/.*median_us=\([0-9]*\).*/\1/' "$WORK/on.$proto" | median)
  aoff=$(sed 's/.*alloc_bytes_per_handshake=\([0-9]*\).*/\1/' "$WORK/off.$proto" | median)
  aon=$(sed 's/.*alloc_bytes_per_handshake=\([0-9]*\).*/\1/' "$WORK/on.$proto" | median)
  echo "handshake $proto: median of $ROUNDS JVMs x $N handshakes: without agent ${off} us, with agent ${on} us," \
    "added $(awk -v a="$on" -v b="$off" 'BEGIN {printf "%.2f", (a-b)*100/b}') %;" \
    "allocated on the handshake thread: ${aoff} -> ${aon} bytes ($(awk -v a="$aon" -v b="$aoff" 'BEGIN {printf "%+d", a-b}'))"
done
wc -l < "$WORK/tls.jsonl" | sed 's/^/records written by the agent runs: /'

: > "$WORK/start.off"; : > "$WORK/start.on"; : > "$WORK/start.empty"
# Context: what any -javaagent costs on this JVM (java.instrument start-up), with an agent whose premain is empty.
printf 'public class EmptyAgent { public static void premain(String a, java.lang.instrument.Instrumentation i) {} }\n' \
  > "$WORK/EmptyAgent.java"
javac -d "$WORK/empty" "$WORK/EmptyAgent.java"
printf 'Premain-Class: EmptyAgent\n' > "$WORK/empty.mf"
jar cfm "$WORK/empty.jar" "$WORK/empty.mf" -C "$WORK/empty" EmptyAgent.class
for r in $(seq $((ROUNDS * 4))); do
  s=$(date +%s%N); $JAVA -javaagent:"$WORK/empty.jar" -cp "$WORK/classes" HandshakeBench hello; e=$(date +%s%N)
  echo $(((e - s) / 1000000)) >> "$WORK/start.empty"
  s=$(date +%s%N); $JAVA -cp "$WORK/classes" HandshakeBench hello; e=$(date +%s%N); echo $(((e - s) / 1000000)) >> "$WORK/start.off"
  s=$(date +%s%N); $JAVA "$AGENT_ARG" -cp "$WORK/classes" HandshakeBench hello 2>/dev/null; e=$(date +%s%N)
  echo $(((e - s) / 1000000)) >> "$WORK/start.on"
done
soff=$(median < "$WORK/start.off"); son=$(median < "$WORK/start.on"); sempty=$(median < "$WORK/start.empty")
echo "start-up (java ... hello, median of $((ROUNDS * 4))): without agent ${soff} ms, with -javaagent ${son} ms," \
  "added $(awk -v a="$son" -v b="$soff" 'BEGIN {print a-b}') ms (an empty -javaagent: ${sempty} ms)"
