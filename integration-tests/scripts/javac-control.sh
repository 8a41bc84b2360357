#!/usr/bin/env bash
# The javac overhead workload outside Maven, to check what the bench profile measures: each round
# runs every named variant once, in a new random order, in a fresh JVM started from this shell.
# Naming a variant twice (none none2) is an A/A check: how far two identical runs fall apart.
#
#   integration-tests/scripts/javac-control.sh ROUNDS VARIANT...   (none, none2, jfr, precog)
#
# Needs what the bench profile builds first (the Guava sources under target/bench, the test
# classes, the agent jar). Prints one line per run; the last compiles' wall time and process CPU,
# the first compile's wall time and CPU and when it ended after the launch, and the heap after GC
# and resident set at the end. COMPILES (default 5) sets the compiles per JVM.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rounds=$1; shift
sources=$(ls -d "$here"/target/bench/guava-*-sources)
libs=$(ls "$here"/target/bench/guava-classpath/*.jar | tr '\n' ':')
agent="$here/../javaagent/target/precog-agent.jar"
work=$(mktemp -d)
value() { grep "^precog-bench $1=" "$2" | cut -d= -f2; }
for round in $(seq 1 "$rounds"); do
  for variant in $(printf '%s\n' "$@" | shuf); do
    dir="$work/$variant-$round"; mkdir -p "$dir"
    case $variant in
      none*) extra=();;
      jfr) extra=("-XX:StartFlightRecording=settings=default,filename=$dir/run.jfr");;
      precog) extra=("-javaagent:$agent=reportDir=$dir");;
      *) echo "unknown variant $variant" >&2; exit 2;;
    esac
    # the workload ends when its standard input does; keep it open for the run
    java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+UseG1GC "${extra[@]}" -Dprecog.bench.launchedAtMillis="$(date +%s%3N)" -cp "$here/target/test-classes" \
        dev.precog.it.workload.JavacCompileWorkload "$sources" "$libs" "${COMPILES:-5}" > "$dir/out.txt" 2> "$dir/err.txt" < <(sleep 3600)
    if grep -q "agent not started" "$dir/err.txt"; then
      echo "round $round $variant: the agent did not start: $(head -1 "$dir/err.txt")" >&2; exit 1
    fi
    printf 'round %s %-7s measured %6.2f s %6.2f s CPU  first compile %6.2f s, %6.2f s CPU, ended %6.2f s after launch  heap %6.1f MB  RSS %7.1f MB\n' \
        "$round" "$variant" "$(value seconds "$dir/out.txt")" "$(value cpuSeconds "$dir/out.txt")" \
        "$(value compile1Seconds "$dir/out.txt")" "$(value compile1CpuSeconds "$dir/out.txt")" \
        "$(value compile1EndSinceLaunchSeconds "$dir/out.txt")" \
        "$(awk -v b="$(value heapAfterGcBytes "$dir/out.txt")" 'BEGIN {print b / 1048576}')" \
        "$(awk -v b="$(value rssBytes "$dir/out.txt")" 'BEGIN {print b / 1048576}')"
  done
done
rm -rf "$work"
