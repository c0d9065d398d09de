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
