#!/usr/bin/env bash
# What Precog costs an application's own JFR recording: one workload run twice side by side for
# SECONDS (default 300), each JVM with its own continuous recording (settings=default, to disk, as
# an operator keeps one), one of them with the agent too. At the end each recording is dumped and
# compared: file size, chunks, events. Two causes show: the agent ends chunks so that its stream's
# parser lets go of stack traces (README, "JFR chunks ended"), and every chunk repeats its
# metadata and constant pools; and JFR records an event type at the most detailed setting any
# recording asks for, so where the agent's settings are finer than default.jfc's the application's
# recording gets those events too (and the agent's own threads' events).
#
#   integration-tests/scripts/user-recording-cost.sh [SECONDS [WORKLOAD [ARGS...]]]
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
variants=(jfr jfr+precog)
# shellcheck source=side-by-side.sh
. "$here/scripts/side-by-side.sh"
for variant in "${variants[@]}"; do
  dir="$work/$variant"; mkdir -p "$dir/repository"
  extra=(-XX:StartFlightRecording=name=user,settings=default,disk=true
         "-XX:FlightRecorderOptions=repository=$dir/repository")
  case $variant in *precog) extra+=("-javaagent:$agent=reportDir=$dir,window=10s,interval=10s");; esac
  # the workload ends when its standard input does; keep it open for the run
  "$java" -XX:+UseG1GC -Xmx256m "${extra[@]}" -cp "$here/target/test-classes" \
      "dev.precog.it.workload.$workload" "$@" > "$dir/out.txt" 2>&1 < <(sleep $((seconds + 120))) &
  pids[$variant]=$!
done
sleep "$seconds"
for variant in "${variants[@]}"; do
  "$jcmd" "${pids[$variant]}" JFR.dump name=user "filename=$work/$variant/user.jfr" > /dev/null
done
declare -A bytes chunks events
for variant in "${variants[@]}"; do
  "$jfr" summary "$work/$variant/user.jfr" > "$work/$variant/summary.txt"
  bytes[$variant]=$(stat -c %s "$work/$variant/user.jfr")
  chunks[$variant]=$(awk '$1 == "Chunks:" {print $2}' "$work/$variant/summary.txt")
  events[$variant]=$(awk '$1 ~ /^jdk\./ {n += $2} END {print n + 0}' "$work/$variant/summary.txt")
  printf '%-10s %8.2f MB  %4d chunks  %9d events\n' "$variant" "$(awk -v b="${bytes[$variant]}" 'BEGIN {print b / 1048576}')" \
      "${chunks[$variant]}" "${events[$variant]}"
done
rotations=$(grep -ho '"jfrChunkRotations" *: *[0-9]*' "$work"/jfr+precog/precog-report-*.json 2> /dev/null | tail -1 | grep -o '[0-9]*$' || echo '?')
awk -v a="${bytes[jfr+precog]}" -v b="${bytes[jfr]}" -v ea="${events[jfr+precog]}" -v eb="${events[jfr]}" -v r="$rotations" -v s="$seconds" \
    'BEGIN {printf "with the agent: recording %+.1f%% in size, %+.1f%% in events; the agent ended %s chunks in %d s\n",
            100 * (a / b - 1), 100 * (ea / eb - 1), r, s}'
echo "event types whose count differs most (with the agent minus without):"
join -a1 -a2 -e 0 -o 0,1.2,2.2 \
    <(awk '$1 ~ /^jdk\./ {print $1, $2}' "$work/jfr/summary.txt" | sort) \
    <(awk '$1 ~ /^jdk\./ {print $1, $2}' "$work/jfr+precog/summary.txt" | sort) \
  | awk '{d = $3 - $2; printf "%s %d %d %+d\n", $1, $2, $3, d}' | sort -t' ' -k4,4 -g -r \
  | awk '{a = $4 < 0 ? -$4 : $4; print a, $0}' | sort -g -r | head -8 | awk '{printf "  %-36s %9d -> %9d  (%s)\n", $2, $3, $4, $5}'
