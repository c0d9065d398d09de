#!/usr/bin/env bash
# Issue 15: every bad input and every fault answered cleanly. One check (or a few) per defect;
# each failed on main before its fix (a crash, a hang, a wrong exit code or unsafe output).
# Env: DRSIM (the binary), DRSIM_SRC (the repository), DRSIM_TEST_DATA (test/data).
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}" "${DRSIM_TEST_DATA:?}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/lib/assert.bash"
y1="$DRSIM_SRC/scenarios/insurance-2007-year1.json"
base="$DRSIM_TEST_DATA/results/compare-base.json"
sample="$DRSIM_TEST_DATA/results/sample-year1.json"
# edit_json IN OUT PYTHON: writes IN changed by the Python statement (on `d`) to OUT.
edit_json() {
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); $3; json.dump(d, open(sys.argv[2],'w'))" "$1" "$2"
}
# guarded: a crash or a runaway must fail the check, not the machine (2 GB, 60 s). Under ASan
# (DRSIM_SANITIZED=1) address space cannot be capped (its shadow maps terabytes): ASan's own
# RSS limit stands in for it.
guarded() {
  if [ "${DRSIM_SANITIZED:-0}" = 1 ]; then
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:hard_rss_limit_mb=2000" timeout 60 "$@"
  else
    (ulimit -v 2000000; timeout 60 "$@")
  fi
}

# 1. A chart value of 1e20 made `report` negate LLONG_MIN (segfault): exit 2 naming the pointer.
edit_json "$sample" "$TMP/big.json" "d['series']['paging_pages_per_s']['VMPROD'][3] = 1e20"
expect_rc 2 "1: report, chart value 1e20" -- guarded "$DRSIM" report "$TMP/big.json" --html "$TMP/big.html"
check "1: the message names /series/paging_pages_per_s/VMPROD/3" \
  grep -q "big.json: /series/paging_pages_per_s/VMPROD/3: expected a number from" "$TMP/err"

# 2. engine_mips=1e-300 passed validate and made SimGrid abort in run: refused by validate.
expect_rc 1 "2: validate, engine_mips=1e-300" -- "$DRSIM" validate "$y1" --set /production/machine/engine_mips=1e-300
check "2: the message names /production/machine/engine_mips" grep -q "/production/machine/engine_mips" "$TMP/err"
expect_rc 1 "2: run, engine_mips=1e-300" -- guarded "$DRSIM" run "$y1" --set /production/machine/engine_mips=1e-300 --out "$TMP/mips"
expect_rc 1 "2: validate, a tape rate of 1e-30 B/s" -- "$DRSIM" validate "$y1" \
  --set '/dr_site/tape={"drives": 4, "drive_type": "3590H", "rate": "0.000000000000000000000000000001B/s"}'

# 3. A 100,000-character duration overflowed the stack in std::regex: refused before any regex.
python3 - "$y1" "$TMP/long.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["production"]["guests"][3]["app_start"] = "1s" * 50000
json.dump(d, open(sys.argv[2], "w"))
PY
expect_rc 1 "3: validate, 100,000-character duration, 1 MiB stack" -- \
  bash -c 'ulimit -s 1024; exec "$0" validate "$1"' "$DRSIM" "$TMP/long.json"
check "3: the message names the pointer and the limit" \
  grep -q "/production/guests/3/app_start: a text of 100000 characters; expected at most 4096" "$TMP/err"
expect_rc 1 "3: the same through --set" -- bash -c 'ulimit -s 1024; exec "$0" validate "$1" --set "$2"' \
  "$DRSIM" "$y1" "/production/guests/3/app_start=\"$(printf '1s%.0s' $(seq 50000))\""

# 4. exercise.duration_s = 1e300 looped over day columns until memory ran out; 1e9 a 26 MB page.
for v in 1e300 1e9; do
  edit_json "$sample" "$TMP/long-$v.json" "d['exercise']['duration_s'] = $v"
  expect_rc 2 "4: report, exercise.duration_s=$v" -- guarded "$DRSIM" report "$TMP/long-$v.json" --html "$TMP/l.html"
  check "4: the message names /exercise/duration_s" grep -q "/exercise/duration_s: expected seconds" "$TMP/err"
done
edit_json "$sample" "$TMP/end.json" "d['exercise'].pop('duration_s'); d['systems'][0]['phases'][0]['end_s'] = 1e300"
expect_rc 2 "4: report, a phase end_s=1e300" -- guarded "$DRSIM" report "$TMP/end.json" --html "$TMP/l.html"
edit_json "$base" "$TMP/up.json" "d['systems'][0]['up_s'] = 1e300"
expect_rc 2 "4: compare, an up_s of 1e300" -- guarded "$DRSIM" compare "$base" "$TMP/up.json"
check "4: the message names /systems/0/up_s" grep -q "up.json: /systems/0/up_s: expected seconds" "$TMP/err"

# 5. validate /dev/zero never ended; a FIFO without a writer blocked forever.
expect_rc 2 "5: validate /dev/zero" -- timeout 20 "$DRSIM" validate /dev/zero
check "5: /dev/zero is not a regular file" grep -q "not a regular file" "$TMP/err"
mkfifo "$TMP/fifo"
expect_rc 2 "5: validate a FIFO" -- timeout 20 "$DRSIM" validate "$TMP/fifo"
expect_rc 2 "5: report a FIFO" -- timeout 20 "$DRSIM" report "$TMP/fifo" --html "$TMP/f.html"
expect_rc 2 "5: compare against /dev/zero" -- timeout 20 "$DRSIM" compare "$base" /dev/zero

# 6. Names XML forbids, Markdown markup and terminal escapes: each output escapes for its target.
names="d['systems'][0]['name'] = 'LNX\ufffe\uffff\u0001'; d['systems'][1]['name'] = '![p](http://x)'; d['systems'][2]['name'] = '\u001b[2J\u001b]0;owned\u0007X'"
edit_json "$base" "$TMP/names0.json" "$names"
edit_json "$base" "$TMP/names.json" "$names; [s.update(up_s=s['up_s'] + 7200) for s in d['systems'][:3]]"
expect_rc 1 "6: compare with hostile names" -- "$DRSIM" compare "$TMP/names0.json" "$TMP/names.json" --junit "$TMP/n.xml" --markdown "$TMP/n.md"
check "6: no ESC byte on the terminal" bash -c "! grep -q $'\x1b' '$TMP/out'"
check "6: the Markdown shows no image" bash -c "! grep -qF '![p](' '$TMP/n.md'"
check "6: the Markdown still names the system" grep -qF '\!\[p\]\(http://x\)' "$TMP/n.md"
check "6: the JUnit file is well-formed XML 1.0" xmllint --noout "$TMP/n.xml"
check "6: the JUnit file validates against junit-10.xsd" \
  xmllint --noout --schema "$DRSIM_TEST_DATA/junit/junit-10.xsd" "$TMP/n.xml"
expect_rc 0 "6: self-compare" -- "$DRSIM" compare "$base" "$base" --junit "$TMP/self.xml"
check "6: a self-compare's JUnit validates against junit-10.xsd" \
  xmllint --noout --schema "$DRSIM_TEST_DATA/junit/junit-10.xsd" "$TMP/self.xml"

# 7. Outputs: --out "" is an error; a failed write leaves no result.json of an earlier run
#    beside new files; the OS reason is given; a second run waits for the first.
expect_rc 2 "7: run --out \"\"" -- "$DRSIM" run "$y1" --out ""
"$DRSIM" run "$y1" --out "$TMP/o" --quiet
rm "$TMP/o/run-info.json" && mkdir "$TMP/o/run-info.json"  # the next write of it must fail
expect_rc 2 "7: run into a folder where run-info.json cannot be written" -- "$DRSIM" run "$y1" --out "$TMP/o" --quiet
check "7: no result.json of the earlier run is left" test ! -e "$TMP/o/result.json"
check "7: the message gives the OS reason" grep -q "run-info.json: cannot write: Is a directory" "$TMP/err"
check "7: no temporary file is left" bash -c "! ls -a '$TMP/o' | grep -q '\.tmp\.'"
mkdir -p "$TMP/locked"
flock "$TMP/locked/.drsim.lock" -c "touch '$TMP/held'; while [ ! -e '$TMP/go' ]; do sleep 0.1; done" &
holder=$!
while [ ! -e "$TMP/held" ]; do sleep 0.1; done
"$DRSIM" run "$y1" --out "$TMP/locked" --quiet &
runner=$!
waited=no
for _ in $(seq 600); do  # until the run waits on the lock (or has finished without waiting)
  kill -0 $runner 2>/dev/null || break
  if grep -q -- "-> FLOCK .* $runner " /proc/locks; then waited=yes; break; fi
  sleep 0.1
done
check "7: a run waits while another holds its --out" test "$waited" = yes
check "7: it writes nothing meanwhile" test ! -e "$TMP/locked/result.json"
touch "$TMP/go"; wait $holder; wait $runner
check "7: and writes its files once the other is done" test -s "$TMP/locked/result.json"

# 8. Signals: "interrupted", exit 130 (SIGINT) or 143 (SIGTERM), no temporary file left.
# signal_waiting_run SIG: a run that waits for its output folder's lock (held by another
# process) gets SIG; its exit code is left in rc and its stderr in $TMP/sig.err.
signal_waiting_run() {
  rm -f "$TMP/go" "$TMP/held"; mkdir -p "$TMP/sig-$1"
  flock "$TMP/sig-$1/.drsim.lock" -c "touch '$TMP/held'; while [ ! -e '$TMP/go' ]; do sleep 0.1; done" &
  local holder=$!
  while [ ! -e "$TMP/held" ]; do sleep 0.1; done
  "$DRSIM" run "$y1" --out "$TMP/sig-$1" --quiet 2>"$TMP/sig.err" &
  local runner=$!
  for _ in $(seq 600); do grep -q -- "-> FLOCK .* $runner " /proc/locks && break; sleep 0.1; done
  kill -"$1" $runner; wait $runner; rc=$?
  touch "$TMP/go"; wait $holder
}
for sig in INT TERM; do
  signal_waiting_run $sig
  want=$([ $sig = INT ] && echo 130 || echo 143)
  check "8: SIG$sig while waiting to write: exit $want (got $rc)" test $rc -eq $want
  check "8: SIG$sig: the message says interrupted" grep -q "drsim: interrupted" "$TMP/sig.err"
done
# 2 (the rest). If SimGrid still fails an internal check (SIGABRT), its message reaches stderr
#    with exit 2 (was: exit 134, empty stderr). The run gets the signal while it waits to write.
signal_waiting_run ABRT
check "2: SIGABRT (an internal check failed): exit 2 (got $rc)" test $rc -eq 2
check "2: SIGABRT: a message on stderr" grep -q "drsim: stopped on an internal check" "$TMP/sig.err"
mkdir -p "$TMP/sig-write"
# The run starts only once the FIFO named after its PID is there (the shell below waits for
# $TMP/start, then execs drsim under the same PID): started at once, a run on a loaded
# machine could finish before mkfifo, and the check waited 60 s for nothing.
bash -c 'while [ ! -e "$1" ]; do sleep 0.05; done; exec "$0" run "$2" --out "$3" --quiet' \
  "$DRSIM" "$TMP/start" "$y1" "$TMP/sig-write" 2>"$TMP/sig.err" &
runner=$!
mkfifo "$TMP/sig-write/timeline.html.tmp.$runner"  # its write blocks until a reader opens it
touch "$TMP/start"
# until one of its threads waits in open() for the FIFO's reader (the kernel function is
# fifo_open before Linux 5.x, wait_for_partner since), or it ended without waiting
for _ in $(seq 600); do
  kill -0 $runner 2>/dev/null || break
  cat /proc/$runner/task/*/wchan 2>/dev/null | grep -qE 'fifo|wait_for_partner' && break
  sleep 0.1
done
kill -INT $runner; wait $runner; rc=$?
check "8: SIGINT during a write: exit 130 (got $rc)" test $rc -eq 130
check "8: SIGINT during a write: no temporary file left" bash -c "! ls -a '$TMP/sig-write' | grep -q '\.tmp\.'"

# 9. --seed out of range was silently 18446744073709551615.
for s in -1 18446744073709551616 1e23 12x ""; do
  expect_rc 2 "9: --seed '$s'" -- "$DRSIM" run "$y1" --seed "$s" --out "$TMP/seed"
  check "9: --seed '$s' is explained" grep -q "expected an integer from 0 to 18446744073709551615" "$TMP/err"
done
check "9: nothing was written" test ! -e "$TMP/seed"

# 10. 1e309 gave the JSON library's error code without a position.
sed 's/"engine_mips": 580/"engine_mips": 1e309/' "$y1" >"$TMP/huge.json"
line=$(grep -n '1e309' "$TMP/huge.json" | head -1 | cut -d: -f1)
expect_rc 2 "10: validate, a number 1e309" -- "$DRSIM" validate "$TMP/huge.json"
check "10: line and column, and why" grep -q "line $line, column [0-9]*: the number 1e309 is too large" "$TMP/err"
check "10: no library error code" bash -c "! grep -q 'json.exception' '$TMP/err'"
expect_rc 2 "10: --set with 1e309" -- "$DRSIM" validate "$y1" --set /production/machine/engine_mips=1e309
check "10: --set: the pointer and why" grep -q "/production/machine/engine_mips.*the number 1e309 is too large" "$TMP/err"

finish
