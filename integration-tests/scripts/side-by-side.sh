# Sourced by the scripts that run variants of a workload side by side: a scratch directory in
# $work, each variant's JVM in pids[variant]; on exit every one is stopped and the directory removed.
work=$(mktemp -d)
declare -A pids
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
