#!/usr/bin/env bash
# drsim sweep as a user runs it: the option-1-vs-option-2 sweep file (the story: option 1
# dearer, all its 20+ guests up Monday early afternoon, option 2 only the 3 critical ones),
# the grid from the command line (--vary list and range, --option patch files), an invalid
# point stops the sweep before anything runs, resume reuses finished points, shards merged
# give byte-identical files, and --merge refuses shards of another sweep.
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/lib/assert.bash"
SW="$DRSIM_SRC/scenarios/sweeps/option1-vs-option2.json"
Y3="$DRSIM_SRC/scenarios/insurance-2009-year3.json"

expect_rc 0 "sweep file, 2 jobs" -- "$DRSIM" sweep "$SW" --jobs 2 --out "$TMP/s"
for f in sweep.csv sweep.json sweep.html; do check "writes $f" test -s "$TMP/s/$f"; done
for id in 0001 0002 0003 0004; do
  for f in result.json timeline.html scenario.json point.json; do
    check "point $id has $f" test -s "$TMP/s/points/$id/$f"
  done
done
check "summary: 4 run, 0 reused" grep -q "4 points, 4 run, 0 reused" "$TMP/out"
check "sweep.csv: header and 4 rows" test "$(wc -l <"$TMP/s/sweep.csv")" -eq 5
check "the story: option 1 dearer, 20+ guests up Monday early afternoon; option 2 the 3 critical" \
  python3 - "$TMP/s/sweep.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["points"]
o1 = [r for r in rows if r["option"] == "option1-own-lpar"]
o2 = [r for r in rows if r["option"] == "option2-vendor-vm"]
assert len(o1) == 2 and len(o2) == 2, rows
for a, b in zip(o1, o2):
    assert a["cost_test"] > b["cost_test"] and a["currency"] == "USD", (a, b)
    assert a["guests_up"] >= 20 and 4 * 3600 <= a["last_guest_up_s"] <= 7 * 3600, a
    assert a["last_guest_up_at"].startswith("Mon "), a
    assert b["guests_up"] == 3, b
PY
check "each point's result carries its cost" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["cost"]["currency"] == "USD" and r["cost"]["test"] > 0
assert r["scenario"]["file"] == "points/0001/scenario.json"' "$TMP/s/points/0001/result.json"

# the contract's cost in drsim check and drsim run; none without a contract
"$DRSIM" check "$Y3" >"$TMP/check.txt"
check "check shows the cost of the test" grep -q "this test: *39,012.88 USD" "$TMP/check.txt"
"$DRSIM" check --format json "$Y3" >"$TMP/check.json"
"$DRSIM" check --format json "$DRSIM_SRC/scenarios/insurance-2007-year1.json" >"$TMP/check1.json"
check "check --format json: cost, and null without a contract" python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["cost"]["per_year"] == 39012.88
assert json.load(open(sys.argv[2]))["cost"] is None' "$TMP/check.json" "$TMP/check1.json"
"$DRSIM" run "$DRSIM_SRC/scenarios/insurance-2007-year1.json" --out "$TMP/y1" --quiet
check "a run without a contract has no cost key" python3 -c '
import json, sys
assert "cost" not in json.load(open(sys.argv[1]))' "$TMP/y1/result.json"

# resume: the same sweep again reuses every point and writes the same files
cp -r "$TMP/s" "$TMP/s-first"
expect_rc 0 "the same sweep again" -- "$DRSIM" sweep "$SW" --jobs 2 --out "$TMP/s"
check "says it reused all 4" grep -q "0 run, 4 reused" "$TMP/out"
check "resumed files are byte-identical" diff -r "$TMP/s-first" "$TMP/s"
rm "$TMP/s/points/0003/point.json"  # as if stopped while point 0003 ran
expect_rc 0 "a stopped sweep resumes" -- "$DRSIM" sweep "$SW" --out "$TMP/s"
check "runs only the unfinished point" grep -q "1 run, 3 reused" "$TMP/out"
check "and ends where a whole run ends" diff -r "$TMP/s-first" "$TMP/s"

# the grid from the command line: --option from files, --vary list and range
echo '{}' >"$TMP/own.json"
expect_rc 0 "command-line grid" -- "$DRSIM" sweep "$Y3" --option own="$TMP/own.json" \
  --option vm="$DRSIM_SRC/scenarios/sweeps/option2-vendor-vm.json" \
  --vary /dr_site/tape/drives=4..5 --vary '/exercise/rto=36h,48h' --jobs 2 --out "$TMP/g" --quiet
check "2 options x 2 x 2 = 8 points" test "$(ls "$TMP/g/points" | wc -l)" -eq 8
check "grid order: options outermost, last --vary fastest" python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))["points"]
got = [(r["option"], r["settings"][0]["value"], r["settings"][1]["value"]) for r in rows]
want = [(o, d, t) for o in ("own", "vm") for d in (4, 5) for t in ("36h", "48h")]
assert got == want, got
s = json.load(open(sys.argv[2]))
assert s["dr_site"]["tape"]["drives"] == 5 and s["exercise"]["rto"] == "48h"' "$TMP/g/sweep.json" "$TMP/g/points/0004/scenario.json"

# an invalid point: reported with its pointer, nothing runs
expect_rc 1 "an invalid point stops the sweep" -- "$DRSIM" sweep "$Y3" --vary /dr_site/tape/drives=4,0 --out "$TMP/bad"
check "names the point and the pointer" grep -q "point 0002 (/dr_site/tape/drives=0)" "$TMP/err"
check "names the pointer in the scenario" grep -q "/dr_site/tape/drives" "$TMP/err"
check "nothing was run" test ! -e "$TMP/bad/points"
expect_rc 1 "a pointer that names nothing" -- "$DRSIM" sweep "$Y3" --vary /dr_site/nothing=1,2 --out "$TMP/bad"
check "says which" grep -q "/dr_site/nothing" "$TMP/err"
expect_rc 2 "a malformed --vary" -- "$DRSIM" sweep "$Y3" --vary drives=4 --out "$TMP/bad"
expect_rc 2 "a missing option file" -- "$DRSIM" sweep "$Y3" --option x="$TMP/none.json" --out "$TMP/bad"
expect_rc 2 "a bad --shard" -- "$DRSIM" sweep "$SW" --shard 3/2 --out "$TMP/bad"

# replications per point: P50/P90 and the RTO probability join the row
expect_rc 0 "3 replications per point" -- "$DRSIM" sweep "$Y3" --vary /dr_site/tape/drives=4,6 \
  --replications 3 --jobs 2 --out "$TMP/mc" --quiet
check "rows carry P50/P90 and the RTO probability" python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))["points"]
assert len(rows) == 2
for r in rows:
    assert r["replications"] == 3 and 0 <= r["rto_probability"] <= 1, r
    assert r["critical_up_s_p50"] <= r["critical_up_s_p90"], r
    assert r["cost_test"] > 0, r' "$TMP/mc/sweep.json"
check "the CSV has the columns" grep -q "critical_up_s_p90" "$TMP/mc/sweep.csv"

# shards: 3 slices into their own directories, merged, equal the single-machine sweep
for k in 1 2 3; do
  expect_rc 0 "shard $k/3" -- "$DRSIM" sweep "$SW" --shard $k/3 --out "$TMP/sh$k"
  check "shard $k writes no sweep.json" test ! -e "$TMP/sh$k/sweep.json"
done
expect_rc 0 "merge the 3 shards" -- "$DRSIM" sweep --merge "$TMP/sh1" "$TMP/sh2" "$TMP/sh3" --out "$TMP/m"
check "merged output is byte-identical to the single-machine sweep" diff -r "$TMP/s-first" "$TMP/m"
expect_rc 2 "merge with a shard missing" -- "$DRSIM" sweep --merge "$TMP/sh1" "$TMP/sh2" --out "$TMP/m2"
check "says which shard is missing" grep -q "shard(s) 3 of 3 missing" "$TMP/err"
expect_rc 0 "a shard of another sweep (another name)" -- "$DRSIM" sweep "$SW" --set '/name="other"' --shard 3/3 --out "$TMP/other"
expect_rc 2 "merge refuses shards of different sweeps" -- "$DRSIM" sweep --merge "$TMP/sh1" "$TMP/sh2" "$TMP/other" --out "$TMP/m3"
check "says it is another sweep" grep -q "a shard of another sweep" "$TMP/err"
check "and writes nothing" test ! -e "$TMP/m3/sweep.json"

finish
