#!/usr/bin/env bash
# Soak: the sample application (Spring MVC on Tomcat) under wrk for five minutes, with allowed requests, preflights,
# refused origins and same-origin requests in turn. Reports the requests served, the count of each status (200
# allowed, 204 preflight, 403 refused, 404 same-origin; anything else is unexpected), the 5xx count, which must be 0,
# and the used heap after a full GC before and after the load.
#
#   benchmarks/soak.sh                          # five minutes, after a 30 s warm-up
#   DURATION=30s benchmarks/soak.sh             # a short run
#
# Settings (environment): DURATION (5m), WARMUP (30s), CONNECTIONS (32), THREADS (2), PORT (18090, and the next one
# for the sample's frontend connector), JAVA_OPTS (-Xms256m -Xmx256m), SKIP_BUILD=1 to reuse the last build.
# The server listens on 127.0.0.1 only and is stopped on exit. Exits non-zero when a 5xx was seen.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${DURATION:-5m}
warmup=${WARMUP:-30s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
port=${PORT:-18090}
read -r -a java_options <<< "${JAVA_OPTS:--Xms256m -Xmx256m}"
work=benchmarks/target/soak
mkdir -p "$work"

benchmarks/ensure-wrk.sh

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	mvn -B -q -pl sample-app -am package dependency:build-classpath -DskipTests \
		-Dmdep.outputFile=target/soak-classpath.txt -Dmdep.includeScope=runtime
fi
classpath="sample-app/target/classes:$(cat sample-app/target/soak-classpath.txt)"

java "${java_options[@]}" -cp "$classpath" io.github.corsstarter.sample.SampleApplication \
	--server.address=127.0.0.1 --server.port="$port" --sample.frontend.port=$((port + 1)) \
	> "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true' EXIT

for _ in $(seq 1 120); do
	curl -s -o /dev/null "http://127.0.0.1:$port/api/data" && break
	sleep 1
done
curl -s -o /dev/null "http://127.0.0.1:$port/api/data" || { echo "The sample did not start; see $work/server.log" >&2; exit 1; }

# The heap in use after a full collection, in KB: what the application retains.
heap_after_gc() {
	jcmd "$server" GC.run > /dev/null
	jcmd "$server" GC.heap_info | awk '/total/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub("K,?", "", $(i + 1)); print $(i + 1); exit } }'
}

url="http://127.0.0.1:$port"
echo "Warming up for $warmup"
wrk -t "$threads" -c "$connections" -d "$warmup" -s benchmarks/soak.lua "$url" > "$work/warmup.txt"
heap_start=$(heap_after_gc)

echo "Soaking for $duration ($connections connections, $threads threads)"
wrk -t "$threads" -c "$connections" -d "$duration" --latency -s benchmarks/soak.lua "$url" | tee "$work/soak.txt"
heap_end=$(heap_after_gc)

served=$(awk '/requests in/ { print $1 }' "$work/soak.txt")
errors=$(awk '/Socket errors/' "$work/soak.txt")
server_errors=$(awk -F'\t' '$1 == "status" && $2 >= 500 { n += $3 } END { print n + 0 }' "$work/soak.txt")
unexpected=$(awk -F'\t' '$1 == "status" && $2 != 200 && $2 != 204 && $2 != 403 && $2 != 404 { n += $3 } END { print n + 0 }' "$work/soak.txt")

echo
echo "requests served:        $served in $duration"
awk -F'\t' '$1 == "status" { printf "status %s:             %s\n", $2, $3 }' "$work/soak.txt"
echo "5xx:                    $server_errors"
echo "unexpected statuses:    $unexpected"
[[ -z "$errors" ]] || echo "wrk:                    $errors"
echo "heap after full GC:     ${heap_start} KB before, ${heap_end} KB after"
[[ "$server_errors" -eq 0 && "$unexpected" -eq 0 ]]
