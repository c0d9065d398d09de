#!/usr/bin/env bash
# Issue 15: a Monte Carlo run (drsim run --replications N) interrupted by SIGINT or SIGTERM
# stops its children, says so, exits 130 / 143 and leaves the output folder as it was (the
# files of the previous run untouched, no temporary file, nothing half-written).
# Env: DRSIM (the binary), DRSIM_SRC (the repository).
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/lib/assert.bash"
y3="$DRSIM_SRC/scenarios/insurance-2009-year3.json"
# children PID: the pids of PID's child processes (none: empty)
children() { pgrep -P "$1" | sort || true; }

out="$TMP/out-dir"
expect_rc 0 "a first run fills the output folder" -- "$DRSIM" run "$y3" --out "$out" --quiet
(cd "$out" && sha256sum result.json timeline.html run-info.json) >"$TMP/before.sha"

for sig in INT TERM; do
  want=$([ $sig = INT ] && echo 130 || echo 143)
  # 100,000 replications take minutes: the signal always lands while replications run
  "$DRSIM" run "$y3" --replications 100000 --jobs 2 --out "$out" --quiet 2>"$TMP/$sig.err" &
  pid=$!
  kids=""
  for _ in $(seq 600); do  # until it has forked its first replications (at most 60 s)
    kids=$(children "$pid")
    [ -n "$kids" ] && break
    sleep 0.1
  done
  check "SIG$sig: the run forked its replications" test -n "$kids"
  kill -$sig "$pid"
  wait "$pid"
  rc=$?
  check "SIG$sig: exit $want (got $rc)" test "$rc" -eq "$want"
  check "SIG$sig: the message says interrupted and that nothing was written" \
    grep -q "^drsim run: interrupted by .*; children stopped, nothing written$" "$TMP/$sig.err"
  alive=""
  for k in $kids; do
    # a pid the kernel reused would not be a drsim
    [ "$(cat "/proc/$k/comm" 2>/dev/null)" = drsim ] && alive="$alive $k"
  done
  check "SIG$sig: no replication left running (was:$alive)" test -z "$alive"
  check "SIG$sig: the previous run's files are untouched" \
    bash -c "cd '$out' && sha256sum --quiet -c '$TMP/before.sha'"
  check "SIG$sig: no temporary file" bash -c "! ls -a '$out' | grep -q '\.tmp\.'"
  check "SIG$sig: no other file appeared" \
    test "$(ls -A "$out" | grep -v '^\.drsim\.lock$' | tr '\n' ' ')" = "result.json run-info.json timeline.html "
done

finish
