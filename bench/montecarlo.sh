#!/usr/bin/env bash
# Monte Carlo benchmark (not a test): N replications of year 1 with drsim (--jobs J) against
# the SimPy 2 peer of the same shape (bench/peers/year1_simpy.py, one Python process).
# Prints wall and CPU seconds of both and the ratio; targets: drsim under 2 s wall for 1,000
# replications on 2 cores, and at least 5x faster than the peer.
#   bench/montecarlo.sh [N=1000] [J=2]      (DRSIM=build/drsim by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
drsim=${DRSIM:-$src/build/drsim}
n=${1:-1000}
jobs=${2:-2}
scenario=$src/scenarios/insurance-2007-year1.json
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python=/usr/bin/python3  # Debian's python3-simpy (SimPy 2.3) lives there, not in a pyenv
"$python" -c 'import SimPy.Simulation' 2>/dev/null ||
  { echo "bench: python3-simpy missing (scripts/dev.sh installs it)" >&2; exit 2; }

TIMEFORMAT='%R %U %S'
{ time "$drsim" run "$scenario" --replications "$n" --jobs "$jobs" --quiet --out "$out/mc" \
    >/dev/null; } 2>"$out/drsim.time"
read -r d_wall d_user d_sys <"$out/drsim.time"
# the children's CPU is in user/sys too (bash's time counts waited-for children)
{ time "$python" "$here/peers/year1_simpy.py" "$scenario" "$n" >"$out/peer.txt"; } 2>"$out/peer.time"
read -r p_wall p_user p_sys <"$out/peer.time"

probability=$("$python" -c 'import json,sys; d=json.load(open(sys.argv[1]))["distribution"]
print("RTO met in %.0f %% (CI %.0f-%.0f %%), all critical up P50 %s P90 %s" % (
  100*d["rto"]["probability"], 100*d["rto"]["ci95"][0], 100*d["rto"]["ci95"][1],
  d["critical_up_s"]["p50"], d["critical_up_s"]["p90"]))' "$out/mc/result.json")
echo "year 1, $n replications"
echo "  drsim --jobs $jobs: wall ${d_wall} s, cpu $(echo "$d_user + $d_sys" | bc) s   ($probability)"
echo "  SimPy 2 peer:    wall ${p_wall} s, cpu $(echo "$p_user + $p_sys" | bc) s   ($(head -1 "$out/peer.txt"))"
echo "  ratio (peer / drsim): wall $(echo "scale=2; $p_wall / $d_wall" | bc)x," \
  "cpu $(echo "scale=2; ($p_user + $p_sys) / ($d_user + $d_sys)" | bc)x   (target: >= 5x; drsim wall target < 2 s)"
