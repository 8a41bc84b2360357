#!/usr/bin/env bash
# What the agent's in-process JFR parser holds in a JVM with many class loaders: the template leak
# (a class loader per request, 40 a second) run side by side four ways for SECONDS (default 180),
# the live heap of each counted by a class histogram (a full collection) at the end:
#   jfr+precog  a settings=default recording and the agent
#   jfr         the same recording, no agent
#   precog      the agent alone
#   none        neither
# settings=default records jdk.ClassLoaderStatistics, one event per live loader, at every chunk's
# start and end; the agent's parser reads those chunks too. Prints per run the loaders, the live
# heap and the parser's RecordedClassLoader objects, then what the agent costs beside the
# recording beyond what it costs alone: (jfr+precog - jfr) - (precog - none).
#
#   integration-tests/scripts/loader-parser-memory.sh [SECONDS]     (JAVA_HOME picks the JDK)
#
# Needs the test classes and the agent jar built (./mvnw -B install -DskipTests).
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-180}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
agent="$here/../javaagent/target/precog-agent.jar"
variants=(jfr+precog jfr precog none)
# shellcheck source=side-by-side.sh
. "$here/scripts/side-by-side.sh"
for variant in "${variants[@]}"; do
  dir="$work/$variant"; mkdir -p "$dir"
  extra=()
  case $variant in jfr*) extra+=("-XX:StartFlightRecording=settings=default,filename=$dir/run.jfr");; esac
  case $variant in *precog) extra+=("-javaagent:$agent=reportDir=$dir,window=5s");; esac
  # the workload ends when its standard input does; keep it open for the run
  "$java" -XX:+UseG1GC -Xmx256m -XX:MaxMetaspaceSize=256m ${extra[@]+"${extra[@]}"} -cp "$here/target/test-classes" \
      dev.precog.it.workload.ClassLoaderLeakingService 40 > "$dir/out.txt" 2>&1 < <(sleep $((seconds + 120))) &
  pids[$variant]=$!
done
sleep "$seconds"
# every histogram first, so the four JVMs are counted at nearly the same moment
for variant in "${variants[@]}"; do
  "$jcmd" "${pids[$variant]}" GC.class_histogram > "$work/$variant/histogram.txt"
done
declare -A live
for variant in "${variants[@]}"; do
  h="$work/$variant/histogram.txt"
  live[$variant]=$(awk '$1 == "Total" {print $3 / 1048576}' "$h")
  printf '%-10s loaders %6d  live heap %6.1f MB  RecordedClassLoader %6d\n' "$variant" \
      "$(awk '/TemplateClassLoader$/ {print $2}' "$h")" "${live[$variant]}" \
      "$(awk '/jdk\.jfr\.consumer\.RecordedClassLoader / {n = $2} END {print n + 0}' "$h")"
done
awk -v a="${live[jfr+precog]}" -v b="${live[jfr]}" -v c="${live[precog]}" -v d="${live[none]}" \
    'BEGIN {printf "the agent beside the recording, beyond the agent alone: %.1f MB\n", (a - b) - (c - d)}'
