#!/usr/bin/env bash
# End-to-end throughput. For each stack (Spring MVC on Tomcat, WebFlux on Reactor Netty) starts the benchmark
# application four ways, all with the same 10,000 allowed origins: no CORS, Spring's CorsFilter / CorsWebFilter,
# this starter, and no CORS but the starter's response headers echoed on every response (what the headers alone
# cost). Loads each with wrk from the last allowed origin, warm-up first, then rounds that interleave the four (the
# order rotates each round), and prints requests/s and each one's share of the no-CORS throughput.
#
#   benchmarks/e2e.sh                         # both stacks: about 15 minutes
#   benchmarks/e2e.sh mvc                     # one stack: mvc or webflux
#   ROUNDS=5 DURATION=30s benchmarks/e2e.sh   # longer
#   UPDATE=1 benchmarks/e2e.sh                # also write the table into BENCHMARKS.md
#
# Settings (environment): ORIGINS (10000), ROUNDS (3), WARMUP (30s per server), DURATION (15s per load),
# CONNECTIONS (32), THREADS (wrk threads, 1), JAVA (java), JAVA_OPTS (-Xms512m -Xmx512m), PORT (18080, and the
# next three), SKIP_BUILD=1 to reuse the last build. Servers listen on 127.0.0.1 only and are stopped on exit.
# Writes benchmarks/results/e2e.tsv (one line per load) and the servers' logs to benchmarks/target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."

origins=${ORIGINS:-10000}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-30s}
duration=${DURATION:-15s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-1}
java_command=${JAVA:-java}
read -r -a java_options <<< "${JAVA_OPTS:--Xms512m -Xmx512m}"
first_port=${PORT:-18080}
stacks=("$@")
[[ ${#stacks[@]} -gt 0 ]] || stacks=(mvc webflux)
modes=(none spring starter headers)

work=benchmarks/target/e2e
results=benchmarks/results/e2e.tsv
mkdir -p "$work" benchmarks/results

benchmarks/ensure-wrk.sh

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	mvn -B -q -pl benchmarks -am package -DskipTests
fi
classpath="benchmarks/target/classes:$(cat benchmarks/target/e2e-classpath.txt)"

# The policy, in the starter's properties; in spring mode the application binds the same ones for Spring's filter.
properties="$work/cors-e2e.properties"
{
	printf 'cors.origins='
	awk -v n="$origins" 'BEGIN { for (i = 1; i <= n; i++) printf "%shttps://app-%06d.example.net", (i > 1 ? "," : ""), i }'
	printf '\n'
	echo 'cors.methods=GET,HEAD,POST,PUT,PATCH,DELETE'
	echo 'cors.allowed-headers=Content-Type,Authorization,X-Requested-With'
	echo 'cors.exposed-headers=X-Total-Count'
	echo 'cors.allow-credentials=true'
	echo 'cors.max-age=30m'
} > "$properties"
allowed_origin=$(printf 'https://app-%06d.example.net' "$origins")

declare -A server_pid_of=()
server_pids=()
stop_servers() {
	for pid in "${server_pids[@]}"; do
		kill "$pid" 2> /dev/null || true
	done
	for pid in "${server_pids[@]}"; do
		wait "$pid" 2> /dev/null || true
	done
	server_pids=()
	server_pid_of=()
}
trap stop_servers EXIT

port_of() {
	local index
	for index in "${!modes[@]}"; do
		if [[ ${modes[$index]} == "$1" ]]; then
			echo $((first_port + index))
			return
		fi
	done
	echo "Unknown mode '$1'" >&2
	return 1
}

start_server() {
	local stack=$1 mode=$2 main
	case $stack in
		mvc) main=io.github.corsstarter.benchmarks.e2e.mvc.MvcBenchmarkApplication ;;
		webflux) main=io.github.corsstarter.benchmarks.e2e.webflux.WebFluxBenchmarkApplication ;;
		*) echo "Unknown stack '$stack': mvc or webflux" >&2; exit 2 ;;
	esac
	local arguments=(--server.address=127.0.0.1 "--server.port=$(port_of "$mode")" "--bench.cors=$mode"
		"--spring.config.additional-location=file:$properties" --spring.main.banner-mode=off
		--logging.level.root=warn)
	[[ $mode == starter ]] || arguments+=(--cors.enabled=false)
	if curl -s -o /dev/null "http://127.0.0.1:$(port_of "$mode")/"; then
		echo "Port $(port_of "$mode") is already in use: stop what listens there, or set PORT" >&2
		exit 1
	fi
	"$java_command" "${java_options[@]}" -cp "$classpath" "$main" "${arguments[@]}" > "$work/$stack-$mode.log" 2>&1 &
	server_pids+=($!)
	server_pid_of[$mode]=$!
}

wait_until_up() {
	local stack=$1 mode=$2
	for _ in $(seq 1 120); do
		kill -0 "${server_pid_of[$mode]}" 2> /dev/null || break
		curl -fsS -o /dev/null "http://127.0.0.1:$(port_of "$mode")/api/data" 2> /dev/null && return 0
		sleep 1
	done
	echo "The $stack application ($mode) did not start; see $work/$stack-$mode.log" >&2
	exit 1
}

# Checks that each mode really is what it claims, before any figure is taken: the allowed origin gets its
# Access-Control-Allow-Origin from all modes but none, another origin is refused by the two CORS modes only, the
# refusal is the starter's problem document in starter mode only, and the headers mode answers the allowed origin
# with exactly the starter's CORS headers and Vary (starter is checked first).
starter_cors_headers=""
check_mode() {
	local stack=$1 mode=$2 url headers allow_origin cors_headers refusal refusal_type
	url="http://127.0.0.1:$(port_of "$mode")/api/data"
	headers=$(curl -sS -D - -o /dev/null -H "Origin: $allowed_origin" "$url" | tr -d '\r')
	allow_origin=$(awk -F': ' 'tolower($1) == "access-control-allow-origin" { print $2 }' <<< "$headers")
	cors_headers=$(grep -iE '^(access-control-|vary:)' <<< "$headers" | sort -f || true)
	refusal=$(curl -sS -o /dev/null -w '%{http_code} %{content_type}' -H 'Origin: https://not-allowed.example.org' "$url")
	refusal_type=${refusal#* }
	local expected_origin=$allowed_origin expected_status=403
	case $mode in
		none) expected_origin="" expected_status=200 ;;
		headers) expected_status=200 ;;
		starter) starter_cors_headers=$cors_headers ;;
	esac
	if [[ $allow_origin != "$expected_origin" || ${refusal%% *} != "$expected_status" ]] \
		|| [[ $mode == starter && $refusal_type != application/problem+json* ]] \
		|| [[ $mode == spring && $refusal_type == application/problem+json* ]] \
		|| [[ $mode == headers && $cors_headers != "$starter_cors_headers" ]]; then
		echo "$stack ($mode) does not behave as $mode: Access-Control-Allow-Origin '$allow_origin'," \
			"refusal '$refusal', CORS headers:" $cors_headers >&2
		exit 1
	fi
}

load() {
	local mode=$1 length=$2 output
	output=$(wrk -t"$threads" -c"$connections" -d"$length" --timeout 10s -H "Origin: $allowed_origin" \
		"http://127.0.0.1:$(port_of "$mode")/api/data")
	# A status outside 2xx and 3xx means a mode refused the allowed origin: the figures would not compare alike.
	if grep -q 'Non-2xx' <<< "$output"; then
		echo "wrk saw refusals from $mode:" >&2
		echo "$output" >&2
		exit 1
	fi
	if grep -q 'Socket errors' <<< "$output"; then
		echo "   (wrk against $mode: $(grep 'Socket errors' <<< "$output" | xargs))" >&2
	fi
	awk '/^Requests\/sec:/ { print $2 }' <<< "$output"
}

{
	echo "# $(date -u +%FT%TZ) ORIGINS=$origins ROUNDS=$rounds WARMUP=$warmup DURATION=$duration" \
		"CONNECTIONS=$connections THREADS=$threads JAVA=$("$java_command" -version 2>&1 | head -1)"
	echo "# $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores," \
		"load average $(cut -d' ' -f1-3 /proc/loadavg) when the run started"
	echo "# stack	mode	round	requests/s"
} > "$results"

for stack in "${stacks[@]}"; do
	echo "== $stack: starting the ${#modes[@]} applications with $origins allowed origins"
	for mode in "${modes[@]}"; do
		start_server "$stack" "$mode"
	done
	for mode in "${modes[@]}"; do
		wait_until_up "$stack" "$mode"
		check_mode "$stack" "$mode"
	done
	for mode in "${modes[@]}"; do
		echo "   warm-up: $mode, $warmup"
		load "$mode" "$warmup" > /dev/null
	done
	for round in $(seq 1 "$rounds"); do
		for offset in "${!modes[@]}"; do
			mode=${modes[$(((round - 1 + offset) % ${#modes[@]}))]}
			requests_per_second=$(load "$mode" "$duration")
			echo "   round $round: $mode $requests_per_second requests/s"
			printf '%s\t%s\t%s\t%s\n' "$stack" "$mode" "$round" "$requests_per_second" >> "$results"
		done
	done
	stop_servers
done

echo
update=()
[[ "${UPDATE:-0}" == 1 ]] && update=(--update BENCHMARKS.md)
python3 benchmarks/report.py e2e "$results" "${update[@]}"
