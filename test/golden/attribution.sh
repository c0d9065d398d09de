#!/usr/bin/env bash
# Golden test of attribution (issue 14, docs/result-format.md "Attribution and the critical
# path") on every shipped scenario: each system's causes add up to its up time (or the
# exercise end) within a second, the critical path covers [0, the RTO moment], and year 1's
# explanation names the story's causes: memory (paging), the vendor's shared CPs at the 3rd
# SIE level, and the missing Hipersocket.
set -euo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rc=0
for f in "$DRSIM_SRC"/scenarios/insurance-*.json; do
  name=$(basename "$f" .json)
  "$DRSIM" run "$f" --out "$tmp/$name" --quiet --seed 7
  python3 - "$tmp/$name/result.json" "$name" <<'PY' || rc=1
import json, sys
r = json.load(open(sys.argv[1])); name = sys.argv[2]; bad = []
end = r["exercise"]["duration_s"]
for s in r["systems"]:
    a = s.get("attribution")
    if a is None:
        bad.append(f"{s['name']}: no attribution"); continue
    until = s["up_s"] if s["up_s"] is not None else end
    total = sum(c["s"] for c in a["causes"])
    if abs(a["until_s"] - until) > 1: bad.append(f"{s['name']}: until_s {a['until_s']} != {until}")
    if abs(total - until) > 1: bad.append(f"{s['name']}: causes sum to {total}, up time {until}")
path = r["critical_path"]; t = 0
for p in path:
    if abs(p["start_s"] - t) > 1: bad.append(f"critical path gap at {t}")
    t = p["end_s"]
if r["rto_drivers"]["from"] is not None and abs(t - r["rto_drivers"]["from"]["t_s"]) > 1:
    bad.append("critical path does not end at the RTO moment")
for b in bad: print(f"FAIL: {name}: {b}")
if not bad: print(f"{name}: {len(r['systems'])} accounts add up; critical path of {len(path)} segments")
sys.exit(1 if bad else 0)
PY
done
# year 1: the story's causes, in the explanation of the recovery and of a critical guest
y1="$tmp/insurance-2007-year1/result.json"
"$DRSIM" explain "$y1" >"$tmp/y1.txt"
"$DRSIM" explain "$y1" LNXP01 >"$tmp/y1-lnxp01.txt"
for want in "paging wait" "VMPROD's paging volumes" "VMPROD's 2 virtual CPs at SIE level 3" \
  "blocked: Hipersocket HSZOS" "Hipersocket HSZOS"; do
  grep -qF "$want" "$tmp/y1.txt" && echo "year 1 explain names: $want" ||
    { echo "FAIL: year 1 explain does not name: $want"; rc=1; }
done
for want in "paging wait" "the vendor's shared CPs (VNDVM)" "at SIE level 3" "Hipersocket HSZOS"; do
  grep -qF "$want" "$tmp/y1-lnxp01.txt" && echo "year 1 explain LNXP01 names: $want" ||
    { echo "FAIL: year 1 explain LNXP01 does not name: $want"; rc=1; }
done
exit $rc
