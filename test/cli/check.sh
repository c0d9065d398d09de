#!/usr/bin/env bash
# drsim check: exit codes, JSON that parses, and the findings the story reports for each
# shipped scenario. A shipped scenario that is not there yet is skipped with a visible message.
set -u
DRSIM=${DRSIM:?set DRSIM to the drsim binary}
SRC=${DRSIM_SRC:?set DRSIM_SRC to the repository}
SC="$SRC/scenarios"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

source "$(dirname "$0")/lib/assert.bash"


# codes FILE [--set ...]: the finding codes of a check, one "severity code subject" per line.
codes() {
  "$DRSIM" check --format json "$@" >"$TMP/json" 2>"$TMP/err"
  python3 - "$TMP/json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
for f in doc["findings"]:
    print(f["severity"], f["code"], f["subject"])
EOF
}

has_code() { grep -q " $2 " <<<"$1"; }

expect_codes() {  # expect_codes NAME "$found" code...
  local name=$1 found=$2
  shift 2
  for c in "$@"; do
    if has_code "$found" "$c"; then pass "$name: $c"; else fail "$name: no $c finding"; fi
  done
}

expect_no_codes() {
  local name=$1 found=$2
  shift 2
  for c in "$@"; do
    if has_code "$found" "$c"; then fail "$name: unexpected $c finding"; else pass "$name: no $c"; fi
  done
}

shipped() {
  if [ -f "$SC/$1" ]; then return 0; fi
  echo "SKIP: scenarios/$1 is not there yet; its expectations were not checked"
  return 1
}

# --- year 1: the four findings of the story, exit 1 ----------------------------------------
Y1="$SC/insurance-2007-year1.json"
expect_rc 1 "year 1 has error findings" -- "$DRSIM" check "$Y1"
if grep -q $'\033\[' "$TMP/out"; then fail "colour written to a pipe"; else pass "no colour on a pipe"; fi
for part in "VMPROD" "HSZOS" "[ERROR]" "Ask the vendor" "Summary:"; do
  if grep -qF "$part" "$TMP/out"; then pass "text shows '$part'"; else fail "text lacks '$part'"; fi
done
if "$DRSIM" check --format json "$Y1" | python3 -m json.tool >/dev/null; then
  pass "year 1 JSON parses"; else fail "year 1 JSON does not parse"; fi
found=$(codes "$Y1")
expect_codes "year 1" "$found" memory-shortfall no-expanded-storage third-level-guests \
  missing-hipersockets
python3 - "$TMP/json" <<'EOF' && pass "JSON summary counts the findings" || fail "JSON summary or keys"
import json, sys
doc = json.load(open(sys.argv[1]))
errors = sum(1 for f in doc["findings"] if f["severity"] == "error")
assert doc["summary"]["errors"] == errors, doc["summary"]
assert doc["against"] is None
assert doc["ask_the_vendor"], "no questions for the vendor"
for key in ("code", "severity", "subject", "message", "production", "dr", "consequence",
            "remedy", "pointer"):
    assert all(key in f for f in doc["findings"]), key
EOF

if command -v script >/dev/null; then
  script -qec "'$DRSIM' check '$Y1'" /dev/null >"$TMP/tty" 2>&1
  if grep -q $'\033\[' "$TMP/tty"; then pass "colour on a terminal"; else fail "no colour on a terminal"; fi
else
  echo "SKIP: no 'script' command; colour on a terminal not checked"
fi

# --- the fixed twin of year 1 by --set: memory, Xstor and the Hipersocket given --------------
fixed=(--set '/dr_site/placements/2/memory="8GB"' --set '/dr_site/placements/2/xstor="2GB"'
       --set '/dr_site/networks/hipersockets=[{"name":"HSZOS","chpid":"F0","devices":"7000"}]')
found=$(codes "$Y1" "${fixed[@]}")
expect_no_codes "year 1 fixed by --set" "$found" memory-shortfall no-expanded-storage \
  missing-hipersockets
expect_codes "year 1 fixed by --set" "$found" third-level-guests

# --- --against: what changed since last test ------------------------------------------------
"$DRSIM" check --format json --against "$Y1" "$Y1" "${fixed[@]}" >"$TMP/against.json" 2>"$TMP/err"
python3 - "$TMP/against.json" <<'EOF' && pass "--against lists better items" || fail "--against"
import json, sys
doc = json.load(open(sys.argv[1]))
diffs = doc["against"]["differences"]
assert any(d["subject"] == "VMPROD" and d["verdict"] == "better" for d in diffs), diffs
assert any(d["subject"] == "HSZOS" and d["verdict"] == "better" for d in diffs), diffs
assert doc["against"]["summary"]["worse"] == 0, doc["against"]["summary"]
EOF
expect_rc 1 "--against prints the changes" -- "$DRSIM" check --against "$Y1" "$Y1" "${fixed[@]}"
if grep -q "Since the last test" "$TMP/out"; then pass "text shows the changes"; else
  fail "text lacks the changes since last test"; fi

# --- year 2: Linux directly under the vendor's VM; the missing VSWITCH controllers -----------
if shipped insurance-2008-year2.json; then
  found=$(codes "$SC/insurance-2008-year2.json")
  expect_codes "year 2" "$found" missing-vswitch-controller
  expect_no_codes "year 2" "$found" third-level-guests
fi

# --- year 3: VM in its own DR LPAR; new device numbers; no error ----------------------------
if shipped insurance-2009-year3.json; then
  expect_rc 0 "year 3 has no error finding" -- "$DRSIM" check "$SC/insurance-2009-year3.json"
  found=$(codes "$SC/insurance-2009-year3.json")
  expect_codes "year 3" "$found" device-address-change
  "$DRSIM" check --format json --against "$Y1" "$SC/insurance-2009-year3.json" >"$TMP/y3.json"
  python3 - "$TMP/y3.json" <<'EOF' && pass "year 3 against year 1: VM placement better" \
    || fail "year 3 against year 1"
import json, sys
diffs = json.load(open(sys.argv[1]))["against"]["differences"]
assert any(d["subject"] == "VMPROD" and d["item"] == "placement" and d["verdict"] == "better"
           for d in diffs), diffs
EOF
  if grep -q '^error ' <<<"$found"; then fail "year 3: error findings: $found"; fi
fi

# --- the pre-Linux test: no Linux, so no Linux finding --------------------------------------
if shipped insurance-2006-pre-linux.json; then
  found=$(codes "$SC/insurance-2006-pre-linux.json")
  expect_no_codes "pre-Linux" "$found" third-level-guests missing-hipersocket-router \
    missing-vswitch-controller
fi

# --- could not run: exit 2 -------------------------------------------------------------------
expect_rc 2 "missing file" -- "$DRSIM" check "$TMP/no-such.json"
printf '{"name": ' >"$TMP/broken.json"
expect_rc 2 "malformed JSON" -- "$DRSIM" check "$TMP/broken.json"
if grep -q "broken.json" "$TMP/err"; then pass "the error names the file"; else
  fail "the error does not name the file"; fi
expect_rc 2 "bad --format" -- "$DRSIM" check --format xml "$Y1"
expect_rc 2 "missing --against file" -- "$DRSIM" check --against "$TMP/no-such.json" "$Y1"

echo "$failures failure(s)"
finish
