#!/usr/bin/env bash
# drsim compare as a CI job uses it: exit 0 on a self-compare, 1 on a slower result with the
# slower systems named, 2 on a file that is not a result; JUnit XML that parses.
# Env: DRSIM (the binary), DRSIM_SRC (the repository), DRSIM_TEST_DATA (test/data).
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
D="$DRSIM_TEST_DATA/results"

fail() {
  echo "FAIL: $*"
  exit 1
}

# expect_rc CODE CMD...: runs CMD, keeps its output in $T/out and $T/err, checks the exit code.
expect_rc() {
  local want=$1
  shift
  "$@" >"$T/out" 2>"$T/err"
  local rc=$?
  if [ "$rc" -ne "$want" ]; then
    cat "$T/out" "$T/err"
    fail "expected exit $want, got $rc: $*"
  fi
}

# check_junit FILE: well-formed XML, a <testsuites> root, failures= equal to the <failure> count.
check_junit() {
  python3 - "$1" <<'PY' || fail "not valid JUnit XML: $1"
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
root = doc.documentElement
assert root.tagName == "testsuites", root.tagName
cases = doc.getElementsByTagName("testcase")
failures = doc.getElementsByTagName("failure")
assert int(root.getAttribute("tests")) == len(cases) > 0
assert int(root.getAttribute("failures")) == len(failures)
for f in failures:
    assert f.getAttribute("message"), "a failure without a message"
PY
}

# edit_json IN OUT PYTHON: writes IN changed by the Python statement (on `d`) to OUT.
edit_json() {
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); $3; json.dump(d, open(sys.argv[2],'w'))" "$1" "$2" ||
    fail "cannot prepare $2"
}

# --- On fixtures: the gate itself, without the engine.
expect_rc 0 "$DRSIM" compare "$D/compare-base.json" "$D/compare-base.json" --junit "$T/self.xml" --markdown "$T/self.md"
grep -q "PASS" "$T/out" || fail "a self-compare does not say PASS"
check_junit "$T/self.xml"
grep -q "no regression" "$T/self.md" || fail "the Markdown summary of a self-compare does not say 'no regression'"

edit_json "$D/compare-base.json" "$T/slow.json" "d['systems'][1]['up_s'] += 3*3600"
expect_rc 1 "$DRSIM" compare "$D/compare-base.json" "$T/slow.json" --junit "$T/slow.xml" --markdown "$T/slow.md"
grep -q "REGRESSION  system *LNX1 .*+3h" "$T/out" || { cat "$T/out"; fail "LNX1 +3h is not named as a regression"; }
check_junit "$T/slow.xml"
grep -q 'name="LNX1"' "$T/slow.xml" || fail "JUnit has no testcase for LNX1"
grep -q "| LNX1 |" "$T/slow.md" || fail "the Markdown summary does not name LNX1"

expect_rc 0 "$DRSIM" compare "$D/compare-base.json" "$T/slow.json" --tolerance 3h
expect_rc 1 "$DRSIM" compare "$D/compare-base.json" "$T/slow.json" --tolerance 2h59m
expect_rc 0 "$DRSIM" compare "$D/compare-base.json" "$T/slow.json" --tolerance 150%
expect_rc 1 "$DRSIM" compare "$D/compare-base.json" "$T/slow.json" --tolerance 10% --tolerance 1h
expect_rc 0 "$DRSIM" compare "$T/slow.json" "$D/compare-base.json"
grep -q "IMPROVEMENT" "$T/out" || fail "a faster result is not reported as an improvement"

expect_rc 2 "$DRSIM" compare "$D/compare-base.json" "$D/compare-not-a-result.json"
grep -q "compare-not-a-result.json: /drsim_version is missing" "$T/err" || { cat "$T/err"; fail "unclear message for a non-result"; }
expect_rc 2 "$DRSIM" compare "$D/compare-base.json" "$T/does-not-exist.json"
grep -q "does-not-exist.json" "$T/err" || fail "a missing file is not named"
edit_json "$D/compare-base.json" "$T/future.json" "d['drsim_version'] = '1.0.0'"
expect_rc 2 "$DRSIM" compare "$D/compare-base.json" "$T/future.json"
grep -q "0.3.0" "$T/err" && grep -q "1.0.0" "$T/err" || { cat "$T/err"; fail "a version mismatch does not name both versions"; }
expect_rc 2 "$DRSIM" compare "$D/compare-base.json" "$D/compare-base.json" --tolerance soon
grep -q -- "--tolerance soon: expected" "$T/err" || fail "a bad tolerance is not explained"
[ ! -e "$T/none.xml" ] || fail "unexpected file"
expect_rc 2 "$DRSIM" compare "$D/compare-base.json" "$D/compare-not-a-result.json" --junit "$T/none.xml"
[ ! -e "$T/none.xml" ] || fail "JUnit written although nothing was compared"

# --- On real runs: fewer tape drives make year 3 slower.
SCENARIO="$DRSIM_SRC/scenarios/insurance-2009-year3.json"
expect_rc 0 "$DRSIM" run "$SCENARIO" --out "$T/base" --quiet
expect_rc 0 "$DRSIM" run "$SCENARIO" --out "$T/slow" --quiet --set /dr_site/tape/drives=1

expect_rc 0 "$DRSIM" compare "$T/base/result.json" "$T/base/result.json" --junit "$T/run-self.xml"
check_junit "$T/run-self.xml"
expect_rc 1 "$DRSIM" compare "$T/base/result.json" "$T/slow/result.json" --junit "$T/run-slow.xml" --markdown "$T/run-slow.md"
check_junit "$T/run-slow.xml"
cp "$T/out" "$T/compare.txt"
python3 - "$T/base/result.json" "$T/slow/result.json" >"$T/slower" <<'PY' || fail "cannot read the results"
import json, sys
base = {s["name"]: s["up_s"] for s in json.load(open(sys.argv[1]))["systems"]}
for s in json.load(open(sys.argv[2]))["systems"]:
    b, c = base.get(s["name"]), s["up_s"]
    if b is not None and (c is None or c > b):
        print(s["name"])
PY
[ -s "$T/slower" ] || fail "one tape drive did not slow any system down"
while read -r name; do
  grep -q "^REGRESSION  system  *$name " "$T/compare.txt" || { cat "$T/compare.txt"; fail "$name is slower but not named as a regression"; }
  grep -q "name=\"$name\"" "$T/run-slow.xml" || fail "$name has no JUnit testcase"
done <"$T/slower"
echo "PASS: compare gate on fixtures and on year 3 with one tape drive ($(wc -l <"$T/slower") systems slower)"
