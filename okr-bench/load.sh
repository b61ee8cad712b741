#!/usr/bin/env bash
# The end-to-end load benchmark of docs/benchmarks.md, one database and one size per run:
#   okr-bench/load.sh h2|postgres S|M|L|XL [users...]
# Builds nothing: run `mvn -q package -DskipTests && mvn -q -Pbench package -DskipTests -pl okr-bench -am` first.
# Starts the product (demo company, -Xmx1g) on a fresh database in a scratch directory, times the start
# to ready, imports the generated company through the CSV API in chunks, then runs the mix with each
# number of virtual users (default 8 32 64) while a writer posts 5 check-ins a second, and reads the
# heap after a full GC. Everything goes to loopback; the machine should run nothing else meanwhile.
# With JFR=1, each load phase is recorded (Java Flight Recorder, profile settings) into the scratch
# directory as users-N.jfr.
set -euo pipefail
db=${1:?h2 or postgres}; size=${2:?S, M, L or XL}; shift 2
users=("$@"); [ ${#users[@]} -gt 0 ] || users=(8 32 64)
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/keystone-bench}/$db-$size
port=8091; pgport=5439
rm -rf "$work" && mkdir -p "$work" && cd "$work"
cp_bench="$repo/okr-bench/target/classes:$(cat "$repo/okr-bench/target/cp.txt")"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

opts=()
if [ "$db" = postgres ]; then
    java -cp "$cp_bench" com.keystone.okr.bench.BenchDatabase $pgport "$work/pg" > pg.log 2>&1 &
    pids+=($!)
    until grep -q jdbc pg.log; do sleep 1; done
    opts=(-Dokr.db.url=jdbc:postgresql://localhost:$pgport/keystone -Dokr.db.user=keystone -Dokr.db.password=keystone)
fi
start=$(date +%s.%N)
java -Xmx1g "${opts[@]}" -Dokr.demo=true -jar "$repo/okr-web/target/okr-microbundle.jar" --port $port --nohazelcast \
    --disablephonehome > server.log 2>&1 &
server=$!; pids+=($server)
until curl -sf localhost:$port/health/ready >/dev/null; do sleep 0.5; done
echo "start to ready: $(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $start}") s (demo company loaded)"

first=1
for n in "${users[@]}"; do
    args=(http://localhost:$port "$size" "$n" 60 --warmup=20 --writes=5)
    [ $first = 1 ] || args+=(--no-import)
    first=0
    [ -z "${JFR:-}" ] || jcmd $server JFR.start name=users-$n settings=profile filename="$work/users-$n.jfr" >/dev/null
    java -Xmx3g -cp "$cp_bench" com.keystone.okr.bench.LoadBenchmark "${args[@]}"
    [ -z "${JFR:-}" ] || jcmd $server JFR.stop name=users-$n >/dev/null
done
jcmd $server GC.run >/dev/null
sleep 2
echo "heap after a full GC: $(curl -s localhost:$port/metrics | grep -E '^(base_)?memory_usedHeap_bytes' | awk '{printf "%.0f MiB", $2/1048576}')"
grep -h "live model of cycle" server.log | sed 's/.*live model/live model/' | head -5
