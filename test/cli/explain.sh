#!/usr/bin/env bash
# drsim explain on a saved result: the critical path as text, one system's account, JSON
# that parses, and exit 2 (with the file named) for an unknown system, a result without
# attribution, a file that is not a result and bad usage.
# Env: DRSIM (the binary), DRSIM_TEST_DATA (test/data).
set -u
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$(dirname "$0")/lib/assert.bash"
R="$DRSIM_TEST_DATA/results/attribution-sample.json"

expect_rc 0 "explain prints the critical path" -- "$DRSIM" explain "$R"
grep -q "RTO moment Mon 10:00: LNX1" "$TMP/out" && pass "names the RTO moment" ||
  fail "no RTO moment line: $(head -3 "$TMP/out")"
grep -q "top: the 4 tape drives: 50m" "$TMP/out" && pass "names the top driver" ||
  fail "no top drivers line"

expect_rc 0 "explain SYSTEM prints its account" -- "$DRSIM" explain "$R" LNX1
grep -q "CPU-starved" "$TMP/out" && pass "the account names its causes" || fail "no causes"

expect_rc 0 "explain --format json" -- "$DRSIM" explain "$R" --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["critical_path"]) == 7' \
  "$TMP/out" && pass "the path JSON parses" || fail "path JSON"
expect_rc 0 "explain SYSTEM --format json" -- "$DRSIM" explain "$R" LNX2 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["system"]["name"] == "LNX2"' \
  "$TMP/out" && pass "the account JSON parses" || fail "account JSON"

expect_rc 2 "an unknown system" -- "$DRSIM" explain "$R" NOPE
grep -q "no system named \"NOPE\"" "$TMP/err" && pass "says which system" || fail "message"
expect_rc 2 "a result without attribution" -- "$DRSIM" explain "$DRSIM_TEST_DATA/results/compare-base.json"
grep -q "compare-base.json: /critical_path is missing" "$TMP/err" && pass "names the file" ||
  fail "message: $(cat "$TMP/err")"
expect_rc 2 "not a result" -- "$DRSIM" explain "$DRSIM_TEST_DATA/results/compare-not-a-result.json"
expect_rc 2 "a missing file" -- "$DRSIM" explain "$TMP/none.json"
expect_rc 2 "no file" -- "$DRSIM" explain
expect_rc 2 "a bad format" -- "$DRSIM" explain "$R" --format xml
finish
