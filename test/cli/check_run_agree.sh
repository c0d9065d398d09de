#!/usr/bin/env bash
# check and run tell one story (issue 11, defect 4): on every shipped and test scenario,
# each guest a network finding of `check` says it blocks (its "blocks" list) is blocked in
# `run` with that code among its missing needs (unless it is still booting at the exercise
# end, never reaching its needs), and each blocked guest of `run` is listed by such a finding; a memory-shortfall of severity error on a z/VM (or on a vendor LPAR holding
# z/VMs) shows paging in `run`. Reactions change the configuration during the run, so the run
# here is without them (--set /reactions=[]).
set -u
DRSIM=${DRSIM:?set DRSIM to the drsim binary}
SRC=${DRSIM_SRC:?set DRSIM_SRC to the repository}
DATA=${DRSIM_TEST_DATA:-$SRC/test/data}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/lib/assert.bash"

for f in "$SRC"/scenarios/insurance-*.json "$DATA"/scenarios/*.json; do
  name=$(basename "$f" .json)
  "$DRSIM" check "$f" --format json --set '/reactions=[]' >"$TMP/check.json" 2>"$TMP/err"
  if [ ! -s "$TMP/check.json" ]; then fail "$name: check gave no JSON"; continue; fi
  if ! "$DRSIM" run "$f" --quiet --out "$TMP/$name" --set '/reactions=[]' 2>"$TMP/err"; then
    fail "$name: run failed"; sed 's/^/  | /' "$TMP/err" | head -5; continue
  fi
  if out=$(python3 - "$f" "$TMP/check.json" "$TMP/$name/result.json" <<'EOF'
import json, sys
scen, check, run = (json.load(open(p)) for p in sys.argv[1:4])
problems = []
status = {s["name"]: s for s in run["systems"]}
def reached(name):  # a guest still booting at the exercise end never got to its needs
    s = status.get(name)
    return s is not None and not (s["status"] == "not_started" or
                                  (s["reason"] or "").startswith("still starting"))
expected = {(g, f["code"]) for f in check["findings"] for g in f.get("blocks", []) if reached(g)}
got = set()
for s in run["systems"]:
    if s["status"] == "blocked":
        for m in s.get("missing") or [{"code": s["blocked_by"]}]:
            got.add((s["name"], m["code"]))
for g, c in sorted(expected - got):
    problems.append(f"check says {c} blocks {g}; run does not block it with {c}")
for g, c in sorted(got - expected):
    problems.append(f"run blocks {g} with {c}; no check finding lists it")
kinds = {s["name"]: s["kind"] for s in scen["production"]["systems"]}
places = scen["dr_site"]["placements"]
paging = run["metrics"]["peak_paging_by_vm"]
for f in check["findings"]:
    if f["code"] != "memory-shortfall" or f["severity"] != "error":
        continue
    subj = f["subject"]
    if kinds.get(subj) == "zos":
        continue  # z/OS paging is not simulated (docs/check-format.md)
    vms = [subj]
    for p in places:
        if p["system"] == subj and p["mode"] == "guests-direct":
            vms.append(p["lpar"])
        if p["lpar"] == subj and kinds.get(p["system"]) == "zvm":
            vms.append(p["system"] if p["mode"] == "guest" else subj)
    if not any(paging.get(v, 0) > 0 for v in vms):
        problems.append(f"check: memory-shortfall error on {subj}; run shows no paging on {vms}")
print("\n".join(problems) or f"{len(expected)} blocked (guest, code) pairs agree")
sys.exit(1 if problems else 0)
EOF
  ); then pass "$name: $out"; else fail "$name:"; echo "$out" | sed 's/^/  | /'; fi
done
finish
