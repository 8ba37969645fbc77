#!/usr/bin/env bash
# Benchmark: tls-compat's probe (whole process, `java -jar tls-compat-agent.jar probe --json`) on loopback, beside
#   - nmap's ssl-enum-ciphers (the only scanner that speaks TDS) against the same TDS front doors, and
#   - sslscan against the plain-TLS OpenSSL backend that sits behind the simulator's relay.
# Targets (issue 2, section 6): a full TDS probe under 1 s, never slower than sslscan on the same backend, and
# within the connection budget. Connections are counted where they arrive: by the simulator (its --verbose log
# numbers every accepted connection "#N") and by openssl s_server (one "ERROR" or "CONNECTION CLOSED" line per
# connection), not taken from the tools' own claims.
#
# Usage: bench/probe-bench.sh            (after ./mvnw -B install -DskipTests)
#   RUNS=5 PROFILE=sql2019-win2019 NMAP=1 bench/probe-bench.sh
#   NMAP=0 skips nmap (it takes minutes); JAVA=/path/to/java picks the JVM for the probe.
set -euo pipefail

RUNS=${RUNS:-5}
PROFILE=${PROFILE:-sql2019-win2019}
NMAP=${NMAP:-1}
JAVA=${JAVA:-java}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
AGENT=$ROOT/java-agent/target/tls-compat-agent.jar
SIMJAR=$ROOT/simulator/target/tls-compat-simulator.jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tls-compat-bench.XXXXXX")
PIDS=()

say() { printf '[bench] %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

cleanup() {
  local pid
  exec 3>&- || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$AGENT" ] || die "missing $AGENT — build first: ./mvnw -B install -DskipTests"
[ -f "$SIMJAR" ] || die "missing $SIMJAR — build first: ./mvnw -B install -DskipTests"
command -v openssl >/dev/null || die "openssl not found — apt-get install -y openssl"

# nmap, sslscan and hyperfine are benchmark-only tools; install them when we can, else skip their rows.
missing=()
for tool in nmap sslscan; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; } \
    || say "could not install ${missing[*]}; their rows are skipped"
fi

now_ms() { date +%s%3N; }

# start_simulator LOGNAME ARGS... : starts the simulator jar on a free port; sets STARTED_PORT. (Not called in
# $(...): a background job started in a subshell would escape the cleanup list.)
start_simulator() {
  local name=$1; shift
  local ready=$WORK/$name.port
  "$JAVA" -jar "$SIMJAR" --port 0 --verbose --ready-file "$ready" --exit-after 1800 "$@" \
    </dev/null >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do [ -s "$ready" ] && break; sleep 0.1; done
  [ -s "$ready" ] || die "simulator $name did not start: $(cat "$WORK/$name.log")"
  STARTED_PORT=$(cat "$ready")
}

# Accepted connections so far, from the simulator's "#N" connection numbers.
sim_connections() { grep -o '^#[0-9]*' "$WORK/$1.log" | tr -d '#' | sort -n | tail -n 1 || true; }
# Connections s_server has finished, one ERROR or CONNECTION CLOSED line each.
backend_connections() { grep -c -E '^(ERROR|CONNECTION CLOSED)$' "$WORK/s_server.log" || true; }

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

RESULTS=$WORK/results.tsv
: >"$RESULTS"
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"; }

# bench_probe LABEL SIMNAME PORT : RUNS whole-process probes; records median wall ms and connections per run.
bench_probe() {
  local label=$1 sim=$2 port=$3 times=() before after start end suites=0 out
  before=$(sim_connections "$sim"); before=${before:-0}
  for i in $(seq "$RUNS"); do
    start=$(now_ms)
    out=$("$JAVA" -jar "$AGENT" probe --json "localhost:$port") || die "probe of $label failed: $out"
    end=$(now_ms)
    times+=($((end - start)))
    [ "$i" -eq 1 ] && printf '%s\n' "$out" >"$WORK/probe-$sim.json"
  done
  sleep 0.5
  after=$(sim_connections "$sim"); after=${after:-0}
  suites=$(grep -c '"TLS_' "$WORK/probe-$sim.json" || true)
  local self; self=$(grep -o '"connections": [0-9]*' "$WORK/probe-$sim.json" | grep -o '[0-9]*$')
  local med; med=$(printf '%s\n' "${times[@]}" | median)
  row "$label" "$med" "$(( (after - before) / RUNS ))" "$suites" "runs: ${times[*]} ms; probe says $self connections; in-probe elapsedMillis $(grep -o '"elapsedMillis": [0-9]*' "$WORK/probe-$sim.json" | grep -o '[0-9]*$')"
  say "$label: median $med ms"
}

# bench_nmap LABEL SIMNAME PORT : one nmap ssl-enum-ciphers run; nmap needs the port's service to be ms-sql-s,
# which a private nmap-services in --datadir provides (nmap falls back to its own files for everything else).
bench_nmap() {
  local label=$1 sim=$2 port=$3 before after start end suites
  mkdir -p "$WORK/nmap-$sim"
  printf 'ms-sql-s\t%s/tcp\t0.5\t# tls-compat simulator\n' "$port" >"$WORK/nmap-$sim/nmap-services"
  before=$(sim_connections "$sim"); before=${before:-0}
  start=$(now_ms)
  timeout 900 nmap -Pn -n -p "$port" --datadir "$WORK/nmap-$sim" --script ssl-enum-ciphers 127.0.0.1 \
    >"$WORK/nmap-$sim.txt" 2>&1 || say "nmap against $label exited non-zero"
  end=$(now_ms)
  sleep 0.5
  after=$(sim_connections "$sim"); after=${after:-0}
  suites=$(grep -c -E '^\|\s+TLS_' "$WORK/nmap-$sim.txt" || true)
  row "$label" "$((end - start))" "$((after - before))" "$suites" "1 run; $(grep -c -E '^\|\s+(SSLv3|TLSv1[.0-9]*):' "$WORK/nmap-$sim.txt" || true) protocol(s) listed"
  say "$label: $((end - start)) ms"
}

# bench_sslscan LABEL PORT : RUNS sslscan runs against the plain-TLS backend.
bench_sslscan() {
  local label=$1 port=$2 times=() before after start end suites
  before=$(backend_connections)
  for i in $(seq "$RUNS"); do
    start=$(now_ms)
    sslscan --no-colour "127.0.0.1:$port" >"$WORK/sslscan.txt" 2>&1 || say "sslscan exited non-zero"
    end=$(now_ms)
    times+=($((end - start)))
  done
  sleep 0.5
  after=$(backend_connections)
  suites=$(grep -c -E '^(Preferred|Accepted) ' "$WORK/sslscan.txt" || true)
  local med; med=$(printf '%s\n' "${times[@]}" | median)
  row "$label" "$med" "$(( (after - before) / RUNS ))" "$suites" "runs: ${times[*]} ms; all checks on (certificate, groups, renegotiation, heartbleed)"
  say "$label: median $med ms"
}

say "work dir $WORK; java: $("$JAVA" -version 2>&1 | head -n 1); $(openssl version)"
command -v nmap >/dev/null && say "$(nmap --version | head -n 1)"
command -v sslscan >/dev/null && say "sslscan $(sslscan --version 2>&1 | grep -o '[0-9]\+\.[0-9.]\+' | head -n 1)"
say "machine: $(nproc) cores, $(uname -sr)"

# 1. The simulator as the named profile (Schannel-like: resets on rejection).
start_simulator sim --profile "$PROFILE"
SIM_PORT=$STARTED_PORT
say "simulator $PROFILE on $SIM_PORT"

# 2. openssl s_server with a Windows Server 2016-like suite list (server order, TLS 1.0-1.3), and the simulator
#    relaying to it. Its stdin is a FIFO this script holds open: s_server shuts down at end of input.
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj /CN=bench.example.test \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" >/dev/null 2>&1
BACKEND_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
CIPHERS='ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES128-SHA256'
CIPHERS+=':ECDHE-RSA-AES256-SHA:ECDHE-RSA-AES128-SHA:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256'
CIPHERS+=':DHE-RSA-AES256-SHA:DHE-RSA-AES128-SHA:AES256-GCM-SHA384:AES128-GCM-SHA256:AES256-SHA256:AES128-SHA256'
CIPHERS+=':AES256-SHA:AES128-SHA:@SECLEVEL=0'
mkfifo "$WORK/s_server.stdin"
openssl s_server -accept "127.0.0.1:$BACKEND_PORT" -cert "$WORK/cert.pem" -key "$WORK/key.pem" \
  -serverpref -cipher "$CIPHERS" <"$WORK/s_server.stdin" >"$WORK/s_server.log" 2>&1 &
PIDS+=($!)
exec 3>"$WORK/s_server.stdin"
for _ in $(seq 100); do grep -q ACCEPT "$WORK/s_server.log" 2>/dev/null && break; sleep 0.1; done
grep -q ACCEPT "$WORK/s_server.log" || die "openssl s_server did not start: $(cat "$WORK/s_server.log")"
start_simulator relay --relay "127.0.0.1:$BACKEND_PORT"
RELAY_PORT=$STARTED_PORT
say "openssl s_server on $BACKEND_PORT (16 TLS<=1.2 suites + 3 TLS 1.3), relay on $RELAY_PORT"

# Warm the page cache and the JIT-free start path once, so the first timed run is not a cold disk read.
"$JAVA" -jar "$AGENT" probe --json "localhost:$SIM_PORT" >/dev/null 2>&1 || true

bench_probe "tls-compat probe -> simulator $PROFILE (TDS)" sim "$SIM_PORT"
bench_probe "tls-compat probe -> relay -> openssl (TDS)" relay "$RELAY_PORT"
if command -v sslscan >/dev/null; then
  bench_sslscan "sslscan -> openssl (plain TLS)" "$BACKEND_PORT"
fi
if [ "$NMAP" = 1 ] && command -v nmap >/dev/null; then
  bench_nmap "nmap ssl-enum-ciphers -> simulator $PROFILE (TDS)" sim "$SIM_PORT"
  bench_nmap "nmap ssl-enum-ciphers -> relay -> openssl (TDS)" relay "$RELAY_PORT"
fi

echo
printf '%-52s %10s %12s %8s  %s\n' "tool -> target" "wall ms" "connections" "suites" "notes"
while IFS=$'\t' read -r label ms conns suites notes; do
  printf '%-52s %10s %12s %8s  %s\n' "$label" "$ms" "$conns" "$suites" "$notes"
done <"$RESULTS"

probe_relay=$(awk -F'\t' '$1 ~ /^tls-compat probe -> relay/ {print $2}' "$RESULTS")
probe_sim=$(awk -F'\t' '$1 ~ /^tls-compat probe -> simulator/ {print $2}' "$RESULTS")
sslscan_ms=$(awk -F'\t' '$1 ~ /^sslscan/ {print $2}' "$RESULTS")
echo
if [ -n "$sslscan_ms" ] && [ -n "$probe_relay" ]; then
  awk -v p="$probe_relay" -v s="$sslscan_ms" 'BEGIN {printf "ratio probe(relay, TDS) / sslscan(plain TLS, same backend): %.2f\n", p / s}'
fi
for label in "simulator" "relay"; do
  n=$(awk -F'\t' -v l="$label" '$1 ~ ("^nmap.*" l) {print $2}' "$RESULTS")
  p=$([ "$label" = simulator ] && echo "$probe_sim" || echo "$probe_relay")
  if [ -n "$n" ] && [ -n "$p" ]; then
    awk -v n="$n" -v p="$p" -v l="$label" 'BEGIN {printf "ratio nmap / probe against the %s: %.1f\n", l, n / p}'
  fi
done
echo "suites: entries listed in the tool's output (probe: both paths, all versions; sslscan: Accepted/Preferred lines;"
echo "nmap: suite lines). connections: counted by the simulator (#N) or by s_server (ERROR/CONNECTION CLOSED), per run."
