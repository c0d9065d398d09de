#!/usr/bin/env bash
# Issue 15: a sweep interrupted by SIGINT or SIGTERM (sent to the drsim process alone, as a
# batch system or `kill PID` does) stops the points it is running, reaps them, says so, exits
# 130 / 143, and leaves no temporary file; the points it finished before stay, and the same
# command then resumes from them.
# Env: DRSIM (the binary), DRSIM_SRC (the repository).
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/lib/assert.bash"
y3="$DRSIM_SRC/scenarios/insurance-2009-year3.json"
# descendants PID: PID's child processes and theirs (none: empty)
descendants() {
  local k
  for k in $(pgrep -P "$1"); do
    echo "$k"
    descendants "$k"
  done
}
alive_drsims() {  # of the given pids, those still running drsim (a reused pid would not be)
  local k out=""
  for k in "$@"; do
    [ "$(cat "/proc/$k/comm" 2>/dev/null)" = drsim ] && out="$out $k"
  done
  echo "$out"
}

for sig in INT TERM; do
  want=$([ $sig = INT ] && echo 130 || echo 143)
  out="$TMP/sweep-$sig"
  # 12 points of 300 replications each: a point takes seconds, the sweep far longer
  "$DRSIM" sweep "$y3" --vary /dr_site/tape/drives=1..12 --replications 300 --jobs 2 \
    --out "$out" --quiet 2>"$TMP/$sig.err" &
  pid=$!
  kids=""
  for _ in $(seq 600); do  # until its points have forked their replications (at most 60 s)
    kids=$(descendants "$pid")
    [ "$(echo "$kids" | wc -w)" -ge 3 ] && break
    sleep 0.1
  done
  check "SIG$sig: the sweep runs its points" test "$(echo "$kids" | wc -w)" -ge 3
  kill -$sig "$pid"
  wait "$pid"
  rc=$?
  check "SIG$sig: exit $want (got $rc)" test "$rc" -eq "$want"
  check "SIG$sig: the message says interrupted, what was stopped and how to resume" \
    grep -qE "^drsim sweep: interrupted by .*; [0-9]+ running point\(s\) stopped, [0-9]+ finished and kept; the same command resumes$" \
    "$TMP/$sig.err"
  sleep 0.2
  alive=$(alive_drsims $kids)
  check "SIG$sig: no point or replication left running (was:$alive)" test -z "$alive"
  check "SIG$sig: no temporary file" bash -c "! find '$out' -name '*.tmp.*' 2>/dev/null | grep -q ."
  check "SIG$sig: no sweep table written" test ! -e "$out/sweep.csv"
done

# the interrupted sweep resumes: a cheaper grid over the same folder, stopped then run again
out="$TMP/resume"
# 100 replications a point; 20 under ASan, where each replication's fork costs ~0.1 s of system
# time (its shadow mappings) and 600 of them took 2 minutes
reps=$([ "${DRSIM_SANITIZED:-0}" = 1 ] && echo 20 || echo 100)
"$DRSIM" sweep "$y3" --vary /dr_site/tape/drives=1..6 --replications "$reps" --out "$out" \
  --quiet 2>/dev/null &
pid=$!
for _ in $(seq 600); do  # until the first point is finished
  [ -s "$out/points/0001/point.json" ] && break
  sleep 0.1
done
kill -TERM "$pid"
wait "$pid"
kept=$(find "$out/points" -name point.json | wc -l)
check "a point finished before SIGTERM is kept ($kept)" test "$kept" -ge 1
expect_rc 0 "the same command resumes" -- "$DRSIM" sweep "$y3" --vary /dr_site/tape/drives=1..6 \
  --replications "$reps" --out "$out"
check "the resume reuses the kept points" grep -qE "6 points, [0-9]+ run, $kept reused" "$TMP/out"

finish
