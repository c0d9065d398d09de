#!/usr/bin/env bash
# The command line forgives and explains (issue 16): "did you mean", help, --version, colours
# and NO_COLOR, plurals, a result where a scenario belongs, a malformed --set, run --fail-on,
# drsim new.
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
TMP=$tmp
source "$(dirname "$0")/lib/assert.bash"
y1="$DRSIM_SRC/scenarios/insurance-2007-year1.json"
y3="$DRSIM_SRC/scenarios/insurance-2009-year3.json"
has() {  # has NAME FILE TEXT: the file contains the text (fixed string)
  if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1: no '$3' in"; sed 's/^/  | /' "$2" | head -5; fi
}
hasnt() {
  if grep -qF -- "$3" "$2"; then fail "$1: '$3' found"; else pass "$1"; fi
}

# unknown commands and options are named, with the closest valid one
expect_rc 2 "drsim runn" -- "$DRSIM" runn "$y3"
has "runn: did you mean run" "$TMP/err" 'did you mean `run`?'
expect_rc 2 "drsim chek" -- "$DRSIM" chek "$y3"
has "chek: did you mean check" "$TMP/err" 'did you mean `check`?'
expect_rc 2 "run --outdir" -- "$DRSIM" run "$y3" --outdir "$tmp/d"
has "--outdir is named" "$TMP/err" "unknown option --outdir for \`drsim run\`"
has "--outdir: did you mean --out" "$TMP/err" 'did you mean `--out`?'
expect_rc 2 "check --formt" -- "$DRSIM" check "$y3" --formt json
has "--formt: did you mean --format" "$TMP/err" 'did you mean `--format`?'
expect_rc 2 "run with two scenarios" -- "$DRSIM" run "$y3" "$y1"
has "two scenarios: points at the command's help" "$TMP/err" "drsim help run"
expect_rc 2 "no command" -- "$DRSIM"
has "no command: lists the commands" "$TMP/err" "run validate check"

# help and version
expect_rc 0 "drsim help" -- "$DRSIM" help
has "help lists params" "$TMP/out" "params"
expect_rc 0 "drsim help run" -- "$DRSIM" help run
has "help run shows --fail-on" "$TMP/out" "--fail-on"
expect_rc 0 "drsim run --help" -- "$DRSIM" run --help
has "run --help is help run" "$TMP/out" "--fail-on"
expect_rc 2 "drsim help runn" -- "$DRSIM" help runn
has "help runn: did you mean" "$TMP/err" 'did you mean `run`?'
expect_rc 0 "drsim --version" -- "$DRSIM" --version
has "--version names SimGrid" "$TMP/out" "SimGrid 3."
has "--version names the schema version" "$TMP/out" "scenario schema version 1"
expect_rc 0 "drsim version" -- "$DRSIM" version
has "version = --version" "$TMP/out" "scenario schema version 1"

# colours: --color always/never, and NO_COLOR honoured on a terminal (script gives one)
esc=$'\033['
expect_rc 1 "check --color always" -- "$DRSIM" check "$y1" --color always
has "--color always colours" "$TMP/out" "$esc"
on_tty() {  # on_tty OUTFILE ENV... -- CMD...: runs CMD on a pseudo-terminal
  local outfile=$1; shift
  local envs=(); while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  env "${envs[@]}" script -qec "$(printf '%q ' "$@")" /dev/null >"$outfile" 2>&1 </dev/null
}
on_tty "$tmp/tty" TERM=xterm -- "$DRSIM" check "$y1"
has "a terminal gets colours" "$tmp/tty" "$esc"
"$DRSIM" run "$y1" --out "$tmp/y1" --quiet
"$DRSIM" run "$y3" --out "$tmp/y3" --quiet
for cmd in "check $y1" "check $y1 --against $y3" "validate $y1" "run $y1 --out $tmp/r" \
  "compare $tmp/y3/result.json $tmp/y1/result.json" "report $tmp/y1/result.json" \
  "params" "help" "schema"; do
  # shellcheck disable=SC2086
  on_tty "$tmp/tty" TERM=xterm NO_COLOR=1 -- "$DRSIM" $cmd
  hasnt "NO_COLOR: drsim ${cmd%% *} has no colour" "$tmp/tty" "$esc"
  # shellcheck disable=SC2086
  on_tty "$tmp/tty" TERM=xterm -- "$DRSIM" $cmd --color never
  hasnt "--color never: drsim ${cmd%% *} has no colour" "$tmp/tty" "$esc"
done
on_tty "$tmp/tty" TERM=xterm -- "$DRSIM" compare "$tmp/y3/result.json" "$tmp/y1/result.json"
has "compare on a terminal colours (the NO_COLOR check can fail)" "$tmp/tty" "$esc"

# plurals: one CP is "1 shared CP"
expect_rc 1 "check with a 1-CP z/OS" -- "$DRSIM" check "$y1" --format json \
  --set /production/systems/0/cpus=1 --set /production/systems/0/dedicated=true
has "1 dedicated CP" "$TMP/out" '"1 dedicated CP"'
hasnt "never 1 ... CPs" "$TMP/out" '"1 dedicated CPs'

# a result where a scenario belongs; a malformed --set
expect_rc 2 "check --against result.json" -- "$DRSIM" check "$y3" --against "$tmp/y1/result.json"
has "says it is a result" "$TMP/err" "this is a drsim result (result.json), not a scenario"
expect_rc 2 "validate result.json" -- "$DRSIM" validate "$tmp/y1/result.json"
has "validate: a result, not a scenario" "$TMP/err" "not a scenario"
expect_rc 2 "malformed --set" -- "$DRSIM" validate "$y3" --set /dr_site/tape/drives
has "malformed --set says what" "$TMP/err" "has no '='"
has "malformed --set is called that" "$TMP/err" "malformed --set"
hasnt "malformed --set is not 'unreadable'" "$TMP/err" "unreadable"
expect_rc 2 "check, malformed --set" -- "$DRSIM" check "$y3" --set '/name=what-if'
has "check: the value is not JSON" "$TMP/err" "is not JSON"
has "check: malformed --set, nothing checked" "$TMP/err" "malformed --set, nothing checked"

# run --fail-on: year 1 misses its RTO; year 3 meets it
expect_rc 1 "year 1 --fail-on rto-missed" -- "$DRSIM" run "$y1" --out "$tmp/f1" --quiet --fail-on rto-missed
has "fail-on says why" "$TMP/err" "RTO was missed"
test -s "$tmp/f1/result.json" && pass "fail-on still writes the result" || fail "no result with --fail-on"
expect_rc 0 "year 3 --fail-on rto-missed" -- "$DRSIM" run "$y3" --out "$tmp/f3" --quiet --fail-on rto-missed
expect_rc 1 "year 3 --fail-on warning" -- "$DRSIM" run "$y3" --out "$tmp/f3" --quiet --fail-on warning
has "warning findings counted" "$TMP/err" "warning finding"
expect_rc 2 "--fail-on nonsense" -- "$DRSIM" run "$y3" --fail-on sometimes

# drsim new: a valid, commented starting point, never overwriting
expect_rc 0 "drsim new" -- "$DRSIM" new "$tmp/acme.json"
expect_rc 0 "the new scenario is valid" -- "$DRSIM" validate "$tmp/acme.json"
has "named after the file" "$TMP/out" "valid (acme)"
has "it carries comments" "$tmp/acme.json" '"_comment"'
expect_rc 2 "drsim new never overwrites" -- "$DRSIM" new "$tmp/acme.json"
for t in pre-linux year1 year2 year3; do
  "$DRSIM" new --from "$t" "$tmp/from-$t.json" >/dev/null
  expect_rc 0 "new --from $t is valid" -- "$DRSIM" validate "$tmp/from-$t.json"
done
expect_rc 2 "new --from an unknown template" -- "$DRSIM" new --from year9 "$tmp/x.json"
expect_rc 1 "a _comment must be a string" -- "$DRSIM" validate "$tmp/acme.json" --set '/_comment=3'

finish
