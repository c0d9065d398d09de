#!/usr/bin/env bash
# drsim validate / drsim schema as a user runs them: exit codes (0 valid, 1 invalid,
# 2 unreadable), messages that name the file and the JSON Pointer, --set, several files.
set -u
DRSIM=${DRSIM:?set DRSIM to the drsim binary}
SRC=${DRSIM_SRC:?set DRSIM_SRC to the repository}
DATA=${DRSIM_TEST_DATA:?set DRSIM_TEST_DATA to test/data}
GOOD="$SRC/scenarios/insurance-2007-year1.json"
BAD="$DATA/bad"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

source "$(dirname "$0")/lib/assert.bash"

# run WANT_RC DESCRIPTION -- ARGS...: runs drsim, checks the exit code; output in $TMP/out, $TMP/err.
run() {
  local want=$1 what=$2
  shift 3
  expect_rc "$want" "$what" -- timeout 60 "$DRSIM" "$@"
}

# err_has TEXT DESCRIPTION: stderr of the last run contains TEXT.
err_has() {
  if grep -qF -- "$1" "$TMP/err"; then pass "$2"; else fail "$2: stderr lacks '$1'"; sed 's/^/  | /' "$TMP/err" | head -5; fi
}

run 0 "year 1 is valid" -- validate "$GOOD"
grep -qF "$GOOD: valid" "$TMP/out" && pass "valid file reported on stdout" || fail "no 'valid' line on stdout"

for f in "$SRC"/scenarios/*.json; do
  case "$f" in *.schema.json) continue ;; esac
  run 0 "shipped $(basename "$f") is valid" -- validate "$f"
done

# The corpus: exit code and "file: pointer: message" for every rule.
while IFS=$'\t' read -r file code text _schema; do
  case "$file" in '#'* | '') continue ;; esac
  run "$code" "corpus $file" -- validate "$BAD/$file"
  err_has "$BAD/$file: $text" "corpus $file names file and pointer"
done <"$BAD/EXPECTED.tsv"

run 1 "unknown reference lists the valid names" -- validate "$BAD/13-unknown-reference.json"
err_has "expected one of: VMPROD" "valid names listed"

# Absurd input: generated here, never a crash or a hang.
python3 -c "print('[' * 200000 + ']' * 200000)" >"$TMP/deep.json"
run 2 "200,000 nested brackets" -- validate "$TMP/deep.json"
head -c 3000000 /dev/urandom >"$TMP/random.json"
run 2 "random bytes" -- validate "$TMP/random.json"
run 2 "missing file" -- validate "$TMP/does-not-exist.json"
err_has "$TMP/does-not-exist.json" "missing file is named"
run 2 "a directory" -- validate "$TMP"

# Several files: each file's problems, exit = the worst.
run 1 "good + invalid = 1" -- validate "$GOOD" "$BAD/11-unknown-key.json"
err_has "/dr_site/tape/drivez" "second file's problem reported"
run 2 "good + invalid + unreadable = 2" -- validate "$GOOD" "$BAD/11-unknown-key.json" "$BAD/01-empty.json"
err_has "11-unknown-key.json" "invalid file still reported beside an unreadable one"

# --set
run 0 "--set a value that exists" -- validate "$GOOD" --set /dr_site/tape/drives=6
run 0 "--set an array element" -- validate "$GOOD" --set '/production/guests/3/tier="qa"'
run 1 "--set that makes the scenario invalid" -- validate "$GOOD" --set /dr_site/tape/drives=0
err_has "/dr_site/tape/drives" "--set problem names the pointer"
run 1 "--set a pointer that does not exist" -- validate "$GOOD" --set /dr_site/tape/drivez=6
err_has "/dr_site/tape/drivez" "missing --set pointer is named"
run 2 "--set without '='" -- validate "$GOOD" --set /dr_site/tape/drives
run 2 "--set value that is not JSON" -- validate "$GOOD" --set /name=what-if

# drsim schema prints the shipped schema.
run 0 "schema" -- schema
if cmp -s "$TMP/out" "$SRC/scenarios/drsim-scenario.schema.json"; then pass "schema output is the shipped file"; else
  fail "schema output differs from scenarios/drsim-scenario.schema.json"; fi
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$TMP/out" && pass "schema output is JSON" || fail "schema output is not JSON"

echo "$failures failure(s)"
finish
