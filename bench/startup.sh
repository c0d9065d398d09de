#!/usr/bin/env bash
# Start-up cost of the commands (issue 18): the commands that simulate nothing should not pay
# for SimGrid. Runs each command N times under `perf stat` and prints the mean CPU time
# (task-clock: not inflated by other processes on a busy machine the way wall time is), the
# mean wall time, and the shared libraries the process maps.
#
#   bench/startup.sh [DRSIM=build/drsim] [N=20]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
drsim=${1:-$here/build/drsim}
n=${2:-20}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
y1=$here/scenarios/insurance-2007-year1.json
"$drsim" run "$y1" --out "$tmp/base" --quiet || true
libs() {  # shared objects the dynamic loader opens for this command
  LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -c 'calling init:' || true
}
printf '%-34s %10s %10s %6s\n' command "CPU ms" "wall ms" libs
run() {
  local name=$1; shift
  local stat
  stat=$(perf stat -r "$n" -x, -e task-clock "$@" 2>&1 >/dev/null | grep task-clock | tail -1 || true)
  local cpu=${stat%%,*}
  local t0 t1
  t0=$(date +%s%N)
  for ((i = 0; i < n; i++)); do "$@" >/dev/null 2>&1 || true; done
  t1=$(date +%s%N)
  printf '%-34s %10.1f %10.1f %6s\n' "$name" "$cpu" "$(( (t1 - t0) / n / 1000 ))e-3" "$(libs "$@")"
}
run "drsim --version" "$drsim" --version
run "drsim validate year1" "$drsim" validate "$y1"
run "drsim check year1" "$drsim" check "$y1"
run "drsim report year1 result" "$drsim" report "$tmp/base/result.json" --html "$tmp/r.html"
run "drsim compare year1 year1" "$drsim" compare "$tmp/base/result.json" "$tmp/base/result.json"
run "drsim run year1" "$drsim" run "$y1" --out "$tmp/run" --quiet
