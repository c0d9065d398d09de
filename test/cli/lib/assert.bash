# Assertions shared by the CLI test scripts (sourced; not a test of its own).
# Needs TMP set to a scratch directory before expect_rc is used.
failures=0
passes=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; passes=$((passes + 1)); }

# expect_rc WANT DESCRIPTION -- command...: runs the command, checks its exit code;
# its output stays in $TMP/out and $TMP/err.
expect_rc() {
  local want=$1 what=$2
  shift 3
  "$@" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  if [ "$rc" -eq "$want" ]; then pass "$what (exit $rc)"; else
    fail "$what: exit $rc, expected $want"; sed 's/^/  | /' "$TMP/err" | head -5; fi
}

# check DESCRIPTION CONDITION...: passes when the condition command succeeds.
check() {
  if "${@:2}"; then pass "$1"; else fail "$1"; fi
}

# finish: the closing count; the script's exit status is whether nothing failed.
finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
