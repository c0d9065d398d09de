#!/usr/bin/env bash
# drsim report RESULT.json [--html FILE]: where the page goes, and exit 2 with the file and
# the JSON Pointer named for anything that is not a usable result.
set -u
DRSIM=${DRSIM:?set DRSIM to the drsim binary}
DATA=${DRSIM_TEST_DATA:?set DRSIM_TEST_DATA to test/data}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/lib/assert.bash"

# expect WANT_RC PATTERN DESCRIPTION -- command...: exit code, and PATTERN in stderr (if any).
expect() {
  local want=$1 pattern=$2 what=$3
  shift 4
  "$@" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  if [ "$rc" -ne "$want" ]; then fail "$what: exit $rc, expected $want"; sed 's/^/  | /' "$TMP/err" | head -3; return; fi
  if [ -n "$pattern" ] && ! grep -qF -- "$pattern" "$TMP/err"; then
    fail "$what: stderr lacks '$pattern'"; sed 's/^/  | /' "$TMP/err" | head -3; return; fi
  pass "$what"
}

mkdir -p "$TMP/saved"
cp "$DATA/results/sample-year1.json" "$TMP/saved/result.json"
expect 0 "" "default: timeline.html beside the result" -- "$DRSIM" report "$TMP/saved/result.json"
[ -s "$TMP/saved/timeline.html" ] && pass "timeline.html written" || fail "no timeline.html beside the result"
grep -q "insurance-2007-year1" "$TMP/saved/timeline.html" || fail "the page lacks the scenario name"
expect 0 "" "--html FILE into a new directory" -- "$DRSIM" report "$TMP/saved/result.json" --html "$TMP/new/dir/t.html"
[ -s "$TMP/new/dir/t.html" ] && pass "--html file written" || fail "--html file missing"
ls "$TMP/new/dir" | grep -q tmp && fail "a temporary file was left behind"

expect 2 "$TMP/missing.json" "missing file: exit 2, names it" -- "$DRSIM" report "$TMP/missing.json"
printf '{"drsim_version": ' >"$TMP/cut.json"
expect 2 "not JSON" "truncated JSON: exit 2" -- "$DRSIM" report "$TMP/cut.json"
echo '{"name": "a scenario, not a result"}' >"$TMP/scenario.json"
expect 2 "/drsim_version is missing" "not a result: exit 2" -- "$DRSIM" report "$TMP/scenario.json"
sed 's/"start_s": 0,/"start_s": "early",/' "$DATA/results/sample-year1.json" >"$TMP/badtype.json"
expect 2 "/systems/0/phases/0/start_s: expected a number" "wrong type: exit 2 with its pointer" -- \
  "$DRSIM" report "$TMP/badtype.json" --html "$TMP/bad.html"
[ -e "$TMP/bad.html" ] && fail "a page was written for a bad result"
expect 2 "" "no result file: exit 2" -- "$DRSIM" report

finish
