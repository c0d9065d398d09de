#!/usr/bin/env bash
# drsim import: exit codes, the story's site importing to a valid scenario, check finding the
# missing Hipersocket, the same bytes twice, the tiers CSV winning on re-import, and every
# malformed input of test/data/import/bad giving its FILE:LINE message and exit code.
set -u
DRSIM=${DRSIM:?set DRSIM to the drsim binary}
DATA=${DRSIM_TEST_DATA:?set DRSIM_TEST_DATA to test/data}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

source "$(dirname "$0")/lib/assert.bash"

mkdir -p "$TMP/site"
cp "$DATA"/import/story/* "$TMP/site/"
cd "$TMP/site" || exit 2

TIERS=tiers.csv
imp() {  # imp OUT [more options]: the story's production files, $TIERS and the options
  local out=$1
  shift
  "$DRSIM" import --directory user.direct --system-config system.config --autolog autolog1.exec \
    --iocp prod.iocp --tiers "$TIERS" --out "$out" "$@"
}

json_get() {  # json_get FILE PYTHON-EXPRESSION-ON-d
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

expect_rc 0 "import of the story with the DR IOCP and SYSTEM CONFIG" -- \
  imp a.json --dr-iocp dr.iocp --dr-system-config dr.system.config
grep -q "a.json: 3 systems, 26 guests" "$TMP/out" && pass "summary" || fail "summary: $(cat "$TMP/out")"
grep -q "user.direct:9: not used: MACHINE ESA 2 (in PROFILE LINDFLT)" "$TMP/err" &&
  pass "statements not used are reported with FILE:LINE" || fail "no not-used report"
expect_rc 0 "the import validates" -- "$DRSIM" validate a.json

expect_rc 0 "a second import" -- imp b.json --dr-iocp dr.iocp --dr-system-config dr.system.config
cmp -s a.json b.json && pass "same files, same bytes" || fail "the two imports differ"

sed 's/^LNXQ01,,qa,false/LNXQ01,,dev,true/' tiers.csv >edited.csv
TIERS=edited.csv
expect_rc 0 "re-import with edited tiers" -- imp c.json --dr-iocp dr.iocp
TIERS=tiers.csv
[ "$(json_get c.json "[g['tier'] for g in d['production']['guests'] if g['name']=='LNXQ01'][0]")" = dev ] &&
  pass "the CSV's tier is kept" || fail "LNXQ01's tier is not the CSV's"

expect_rc 0 "import without DR files" -- imp copy.json
json_get copy.json "d['description']" | grep "copy of production" >/dev/null &&
  pass "the DR side is a copy of production, said in the description" || fail "no copy comment"

expect_rc 0 "import with a DR IOCP without CHPID F0" -- imp nof0.json --dr-iocp dr-no-f0.iocp
grep -q "dr-no-f0.iocp: warning: no IQD CHPID F0 .*(prod.iocp:[0-9]*)" "$TMP/err" &&
  pass "the missing CHPID is a warning with both positions" || fail "no F0 warning"
expect_rc 1 "check finds an error" -- "$DRSIM" check nof0.json
grep -q "missing-hipersockets" "$TMP/out" && grep -q "CHPID F0" "$TMP/out" &&
  grep -q "HSROUTER" "$TMP/out" && pass "check: missing-hipersockets, CHPID F0, HSROUTER" ||
  fail "check does not report the missing Hipersocket: $(head -5 "$TMP/out")"

expect_rc 2 "an unreadable file" -- imp d.json --dr-iocp nosuch.iocp
[ ! -e d.json ] && pass "nothing written" || fail "d.json written"
expect_rc 2 "a required option missing" -- "$DRSIM" import --directory user.direct --out e.json

# The malformed corpus: each file replaces the story input of its kind.
while IFS=$'\t' read -r file code want; do
  case "$file" in '#'* | '') continue ;; esac
  rm -rf "$TMP/case" && mkdir "$TMP/case" && cp "$DATA"/import/story/* "$TMP/case/"
  cp "$DATA/import/bad/$file" "$TMP/case/"
  args=(--directory user.direct --system-config system.config --autolog autolog1.exec
    --iocp prod.iocp --tiers tiers.csv --out out.json)
  case "$file" in
  *.direct) args[1]=$file ;; *.config) args[3]=$file ;; *.exec) args[5]=$file ;;
  *.iocp) args[7]=$file ;; *.csv) args[9]=$file ;;
  esac
  (cd "$TMP/case" && expect_rc "$code" "$file" -- "$DRSIM" import "${args[@]}"; echo "$passes $failures" >"$TMP/count")
  read -r passes failures <"$TMP/count"
  grep -qF -- "$want" "$TMP/err" && pass "$file: message" || fail "$file: no '$want'"
  if [ "$code" = 1 ]; then
    [ ! -e "$TMP/case/out.json" ] && pass "$file: nothing written" || fail "$file: out.json written"
  fi
done <"$DATA/import/bad/EXPECTED.tsv"

finish
