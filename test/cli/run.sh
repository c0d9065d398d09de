#!/usr/bin/env bash
# drsim run as a user runs it: outputs, --quiet, summary, exit codes, no half-written result.
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
y3="$DRSIM_SRC/scenarios/insurance-2009-year3.json"
TMP=$tmp
source "$(dirname "$0")/lib/assert.bash"
expect() {  # expect NAME WANTED_RC ACTUAL_RC
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: exit $3, expected $2"; fi
}

out=$("$DRSIM" run "$y3" --out "$tmp/ok"); expect "run year 3" 0 $?
for f in result.json timeline.html run-info.json; do check "writes $f" test -s "$tmp/ok/$f"; done
check "summary names the RTO verdict" grep -q "RTO" <<<"$out"
check "summary says where the timeline is" grep -q "timeline.html" <<<"$out"
check "no temporary files left" test -z "$(ls "$tmp/ok" | grep '\.tmp\.' || true)"
check "run-info.json has the timings, total >= its parts" python3 -c '
import json, sys
i = json.load(open(sys.argv[1]))
parts = [i[k] for k in ("load_s", "wall_clock_s", "outputs_s")]
assert all(p >= 0 for p in parts) and i["total_s"] >= sum(parts) - 1e-6 and i["simulation_events"] > 0
' "$tmp/ok/run-info.json"

out=$("$DRSIM" run "$y3" --out "$tmp/quiet" --quiet); expect "run --quiet" 0 $?
check "--quiet prints nothing" test -z "$out"

(cd "$tmp" && "$DRSIM" run "$y3" --quiet); expect "run with the default out dir" 0 $?
check "default out dir is drsim-out/<stem>" test -s "$tmp/drsim-out/insurance-2009-year3/result.json"

"$DRSIM" run "$tmp/none.json" 2>"$tmp/err"; expect "missing scenario" 2 $?
check "missing scenario: message names the file" grep -q "none.json" "$tmp/err"

"$DRSIM" run "$y3" --set /dr_site/tape/drives=0 --out "$tmp/bad" 2>"$tmp/err"; expect "invalid override" 1 $?
check "invalid override: message names the pointer" grep -q "/dr_site/tape/drives" "$tmp/err"
check "invalid scenario: no output directory" test ! -e "$tmp/bad"

mkdir -p "$tmp/blocked/timeline.html"
"$DRSIM" run "$y3" --out "$tmp/blocked" --quiet 2>"$tmp/err"; expect "unwritable output" 2 $?
check "unwritable output: no result.json left" test ! -e "$tmp/blocked/result.json"

"$DRSIM" run "$y3" --replications 0 2>"$tmp/err"; expect "--replications 0 is refused (Monte Carlo: test/cli/montecarlo.sh)" 2 $?
"$DRSIM" run 2>/dev/null; expect "no scenario argument" 2 $?

finish
