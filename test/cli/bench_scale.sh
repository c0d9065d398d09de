#!/usr/bin/env bash
# The scale benchmark keeps working (its figures are for people, never asserted here): a small
# generated site simulates with every system up, and drsim run takes the same scenario.
set -uo pipefail
: "${DRSIM:?}"
scale="$(dirname "$DRSIM")/bench/scale"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/lib/assert.bash"
size=(--vms 6 --guests 12 --zos 4 --volumes 5 --drives 3)

expect_rc 0 "scale runs a small site" -- "$scale" "${size[@]}"
# 10 systems + 6 x 12 guests, all up by the end
if grep -q "^systems: *82 of 82 up" "$TMP/out"; then pass "every system of the site comes up"; else
  fail "expected 82 of 82 up"; sed 's/^/  | /' "$TMP/out"; fi
grep -q "^events: *[1-9]" "$TMP/out" && pass "prints the event count" || fail "no event count"

expect_rc 2 "scale refuses an unknown option" -- "$scale" --lpars 3
expect_rc 2 "scale refuses an unknown plan" -- "$scale" --plan sometimes
expect_rc 2 "scale refuses a share ladder drsim would refuse" -- "$scale" --share-steps 4

# --plan: per-vm (default) IPLs each z/VM in its own step and XAUTOLOGs its guests after it, as
# the bare-SimGrid peer does; lockstep logs every z/VM's guests on after one step IPLs them all
expect_rc 0 "scale --plan lockstep runs" -- "$scale" "${size[@]}" --plan lockstep
grep -q "^systems: *82 of 82 up" "$TMP/out" && pass "lockstep: every system comes up" || fail "lockstep: not all up"
"$scale" "${size[@]}" --write "$TMP/pv.json" >/dev/null && "$scale" "${size[@]}" --plan lockstep --write "$TMP/ls.json" >/dev/null
if python3 - "$TMP/pv.json" "$TMP/ls.json" <<'PY'
import json, sys
pv, ls = (json.load(open(f))["plan"]["steps"] for f in sys.argv[1:3])
auto = [s for s in pv if s["action"] == "xautolog"]
assert len(auto) == 6 and all(s["after"] == ["ipl-" + s["vm"]] for s in auto), auto
assert all(any(t["id"] == "ipl-" + s["vm"] and t["systems"] == [s["vm"]] for t in pv) for s in auto)
assert all(s["after"] == ["ipl-vm"] for s in ls if s["action"] == "xautolog"), ls
PY
then pass "per-vm: each XAUTOLOG after its own z/VM's IPL step; lockstep: after ipl-vm"; else
  fail "the plans' steps"; fi

# --share-steps: the written site carries cpu.share_steps_per_doubling, which drsim accepts
expect_rc 0 "scale --share-steps writes the site" -- "$scale" "${size[@]}" --share-steps 64 --write "$TMP/steps.json"
if python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["parameters"]; assert p["cpu"]["share_steps_per_doubling"] == 64, p' "$TMP/steps.json"; then
  pass "the site's cpu.share_steps_per_doubling is 64"; else fail "no cpu.share_steps_per_doubling 64 in the site"; fi
expect_rc 0 "drsim validate takes the site with --share-steps" -- "$DRSIM" validate "$TMP/steps.json"

expect_rc 0 "scale --write writes the scenario" -- "$scale" "${size[@]}" --write "$TMP/site.json"
expect_rc 0 "drsim run takes the written scenario" -- "$DRSIM" run "$TMP/site.json" --out "$TMP/run" --quiet
if python3 - "$TMP/run/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert len(r["systems"]) == 82, len(r["systems"])
down = [s["name"] for s in r["systems"] if s["status"] != "up"]
assert not down, down
assert r["metrics"]["volumes_restored"] == 10 * 5
PY
then pass "result.json: 82 systems up, 50 volumes restored"; else fail "result.json of the written scenario"; fi
finish
