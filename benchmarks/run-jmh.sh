#!/usr/bin/env bash
# Runs the JMH suite with -prof gc, then turns the JSON into the tables, target checks and chart of BENCHMARKS.md.
#
#   benchmarks/run-jmh.sh                    # everything, as the annotations say: about 40 minutes
#   benchmarks/run-jmh.sh EngineBenchmark    # only the benchmarks matching JMH's regular expressions
#   FORKS=1 WARMUP=2 ITERATIONS=3 benchmarks/run-jmh.sh    # shorter, for a check (overrides every annotation)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/run-jmh.sh    # another JDK
#   SKIP_BUILD=1 benchmarks/run-jmh.sh       # reuse benchmarks/target/benchmarks.jar
#   SECTION=path benchmarks/run-jmh.sh PathBenchmark   # the path benchmark alone, into its own section
#
# Writes benchmarks/results/{jmh.json,jmh.txt,machine.txt,allow-list-size.svg} and the jmh-results section of
# BENCHMARKS.md; with SECTION=path, benchmarks/results/{jmh-path.json,jmh-path.txt,machine-path.txt} and the
# path-results section. Run it on a quiet machine: anything else running shows up in the figures.
set -euo pipefail
cd "$(dirname "$0")/.."

java_command=${JAVA:-java}
results=benchmarks/results
section=${SECTION:-jmh}
suffix=$([[ "$section" == path ]] && echo "-path" || echo "")

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	mvn -B -q -pl benchmarks -am package -DskipTests
fi
mkdir -p "$results"

{
	echo "CPU: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores"
	echo "memory: $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
	echo "OS: $(uname -sr)"
	echo "load average when the run started: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$results/machine$suffix.txt"

# Without overrides, each benchmark runs as its annotations say (2 forks, 5 warm-up and 5 measured iterations of
# 1 s, fewer for the no-CORS floors).
overrides=()
[[ -n "${FORKS:-}" ]] && overrides+=(-f "$FORKS")
[[ -n "${WARMUP:-}" ]] && overrides+=(-wi "$WARMUP")
[[ -n "${ITERATIONS:-}" ]] && overrides+=(-i "$ITERATIONS")
[[ -n "${TIME:-}" ]] && overrides+=(-w "$TIME" -r "$TIME")

"$java_command" -jar benchmarks/target/benchmarks.jar "$@" "${overrides[@]}" -foe true -prof gc \
	-rf json -rff "$results/jmh$suffix.json" | tee "$results/jmh$suffix.txt"

if [[ "$section" == path ]]; then
	python3 benchmarks/report.py path "$results/jmh-path.json" --machine "$results/machine-path.txt" \
		--update BENCHMARKS.md
else
	python3 benchmarks/report.py jmh "$results/jmh.json" --chart "$results/allow-list-size.svg" \
		--machine "$results/machine.txt" --update BENCHMARKS.md
fi
