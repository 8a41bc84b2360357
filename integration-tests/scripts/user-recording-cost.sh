#!/usr/bin/env bash
# What Precog costs an application's own JFR recording: one workload run side by side for SECONDS
# (default 300), each JVM with its own continuous recording (settings=default, to disk, as an
# operator keeps one), one without the agent and one with it per chunkRotation in ROTATIONS
# (default "10s", the agent's default; for example ROTATIONS="10s 1m off"). At the end each JVM's
# live heap is counted by a class histogram (a full collection; RecordedStackTrace objects are what
# the agent's stream parser holds of a chunk) and each recording is dumped and compared: file size,
# chunks, events. Two causes show: the agent ends chunks so that its stream's parser lets go of
# stack traces (README, "JFR chunks ended"), two chunks an end, and every chunk repeats its
# metadata, constant pools and once-per-chunk events; and JFR records an event type at the most
# detailed setting any recording asks for, so the agent's own threads' events come too.
#
#   [ROTATIONS="10s 1m off"] integration-tests/scripts/user-recording-cost.sh [SECONDS [WORKLOAD [ARGS...]]]
#
# WORKLOAD is a class of dev.precog.it.workload, RuleEngineService by default (every allocation
# sample a new stack: the agent ends a chunk every 10 s). JAVA_HOME picks the JDK. Needs the test
# classes and the agent jar built (./mvnw -B install -DskipTests).
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-300}
workload=${2:-RuleEngineService}
shift $(( $# > 2 ? 2 : $# ))
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
jfr=${JAVA_HOME:+$JAVA_HOME/bin/}jfr
agent="$here/../javaagent/target/precog-agent.jar"
variants=(jfr)
for r in ${ROTATIONS:-10s}; do variants+=("precog@$r"); done
# shellcheck source=side-by-side.sh
. "$here/scripts/side-by-side.sh"
for variant in "${variants[@]}"; do
  dir="$work/$variant"; mkdir -p "$dir/repository"
  extra=(-XX:StartFlightRecording=name=user,settings=default,disk=true
         "-XX:FlightRecorderOptions=repository=$dir/repository")
  case $variant in precog@*) extra+=("-javaagent:$agent=reportDir=$dir,window=10s,interval=10s,chunkRotation=${variant#precog@}");; esac
  # the workload ends when its standard input does; keep it open for the run
  "$java" -XX:+UseG1GC -Xmx256m "${extra[@]}" -cp "$here/target/test-classes" \
      "dev.precog.it.workload.$workload" "$@" > "$dir/out.txt" 2>&1 < <(sleep $((seconds + 120))) &
  pids[$variant]=$!
done
sleep "$seconds"
for variant in "${variants[@]}"; do
  "$jcmd" "${pids[$variant]}" GC.class_histogram > "$work/$variant/histogram.txt"
  "$jcmd" "${pids[$variant]}" JFR.dump name=user "filename=$work/$variant/user.jfr" > /dev/null
done
declare -A bytes events
printf '%-14s %9s %7s %10s %9s %10s %11s\n' variant recording chunks events 'chunk ends' 'live heap' 'parser stacks'
for variant in "${variants[@]}"; do
  d="$work/$variant"
  "$jfr" summary "$d/user.jfr" > "$d/summary.txt"
  bytes[$variant]=$(stat -c %s "$d/user.jfr")
  events[$variant]=$(awk '$1 ~ /^jdk\./ {n += $2} END {print n + 0}' "$d/summary.txt")
  ends=$(grep -ho '"jfrChunkRotations" *: *[0-9]*' "$d"/precog-report-*.json 2> /dev/null | tail -1 | grep -o '[0-9]*$' || echo '-')
  printf '%-14s %6.2f MB %7d %10d %9s %7.1f MB %11d\n' "$variant" "$(awk -v b="${bytes[$variant]}" 'BEGIN {print b / 1048576}')" \
      "$(awk '$1 == "Chunks:" {print $2}' "$d/summary.txt")" "${events[$variant]}" "$ends" \
      "$(awk '$1 == "Total" {print $3 / 1048576}' "$d/histogram.txt")" \
      "$(awk '/jdk\.jfr\.consumer\.RecordedStackTrace / {n = $2} END {print n + 0}' "$d/histogram.txt")"
done
for variant in "${variants[@]:1}"; do
  awk -v a="${bytes[$variant]}" -v b="${bytes[jfr]}" -v ea="${events[$variant]}" -v eb="${events[jfr]}" -v v="$variant" \
      'BEGIN {printf "%s: recording %+.1f%% in size, %+.1f%% in events\n", v, 100 * (a / b - 1), 100 * (ea / eb - 1)}'
done
first=${variants[1]}
echo "event types whose count differs most ($first minus jfr):"
join -a1 -a2 -e 0 -o 0,1.2,2.2 \
    <(awk '$1 ~ /^jdk\./ {print $1, $2}' "$work/jfr/summary.txt" | sort) \
    <(awk '$1 ~ /^jdk\./ {print $1, $2}' "$work/$first/summary.txt" | sort) \
  | awk '{d = $3 - $2; a = d < 0 ? -d : d; printf "%d %s %d %d %+d\n", a, $1, $2, $3, d}' | sort -g -r | head -8 \
  | awk '{printf "  %-36s %9d -> %9d  (%s)\n", $2, $3, $4, $5}'
