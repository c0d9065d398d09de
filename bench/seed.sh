#!/usr/bin/env bash
# The shipped scenarios against their bare-SimGrid peer (issue 18: "the seed scenarios at
# <= 1.2x the peer's whole-process time"). For each scenarios/insurance-*.json: `drsim run` end
# to end (start-up, loading the engine module, the scenario and its checks, the simulation,
# result.json, timeline.html, run-info.json) against `bench/seed_peer` on the same scenario
# (bench/peers/seed_peer.cpp: the same shape in S4U only, no outputs). Each is run N times under
# `perf stat` (task-clock: CPU ms, children included; steadier than wall time on the shared
# machine) in ROUNDS rounds of N/ROUNDS runs, drsim and the peer alternating so that both see
# the same load; it prints the median of the rounds' means and the ratio, the peak RSS of one
# run of each (/usr/bin/time %M) and the events (drsim: result.json metrics.events). IR=1 adds
# the user-space instructions of one run of each (valgrind's callgrind: exact, whatever the
# load; the kernel's part, the same order for both, is not in them) and their ratio.
#
#   bench/seed.sh [N=30]   ROUNDS=6   IR=0   BUILD=build (where drsim and bench/seed_peer are)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${BUILD:-$src/build}
n=${1:-30}
rounds=${ROUNDS:-6}
per_round=$(((n + rounds - 1) / rounds))
for exe in drsim bench/seed_peer; do
  [ -x "$build/$exe" ] || { echo "bench: $build/$exe missing (cmake --build $build --target ${exe##*/})" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cpu_ms() {  # mean task-clock (ms) of a round of runs of a command
  perf stat -r "$per_round" -x, -e task-clock "$@" 2>&1 >/dev/null |
    awk -F, '/task-clock/ { print $1 }'
}
instructions() {  # user-space instructions of one run (callgrind), in millions
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected :/ { printf "%.1f", $4 / 1e6 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
rss_mib() {
  /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null 2>&1
  echo $(($(cat "$tmp/rss") / 1024))
}

printf '%-26s %9s %8s %6s %9s %8s %8s %8s' scenario drsim_ms peer_ms ratio drsim_MiB \
  peer_MiB drsim_ev peer_ev
[ "${IR:-0}" = 1 ] && printf ' %12s %11s %6s' drsim_Minstr peer_Minstr ratio
echo
for scenario in "$src"/scenarios/insurance-*.json; do
  stem=$(basename "$scenario" .json)
  drsim=("$build/drsim" run "$scenario" --quiet --out "$tmp/run")
  peer=("$build/bench/seed_peer" "$scenario")
  "${drsim[@]}" >/dev/null  # the output folder exists: every timed run replaces it the same way
  d_ev=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["metrics"]["events"])' \
    "$tmp/run/result.json")
  p_ev=$("${peer[@]}" | sed -n 's/.*events \([0-9]*\).*/\1/p')
  : >"$tmp/d" && : >"$tmp/p"
  for ((r = 0; r < rounds; r++)); do
    cpu_ms "${drsim[@]}" >>"$tmp/d"
    cpu_ms "${peer[@]}" >>"$tmp/p"
  done
  d_ms=$(median <"$tmp/d")
  p_ms=$(median <"$tmp/p")
  printf '%-26s %9.1f %8.1f %6.2f %9s %8s %8s %8s' "$stem" "$d_ms" "$p_ms" \
    "$(awk -v a="$d_ms" -v b="$p_ms" 'BEGIN { print a / b }')" "$(rss_mib "${drsim[@]}")" \
    "$(rss_mib "${peer[@]}")" "$d_ev" "$p_ev"
  if [ "${IR:-0}" = 1 ]; then
    d_ir=$(instructions "${drsim[@]}")
    p_ir=$(instructions "${peer[@]}")
    printf ' %12s %11s %6.2f' "$d_ir" "$p_ir" "$(awk -v a="$d_ir" -v b="$p_ir" 'BEGIN { print a / b }')"
  fi
  echo
done
