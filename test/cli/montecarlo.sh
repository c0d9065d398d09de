#!/usr/bin/env bash
# Monte Carlo runs (issue 12): uncertainty "none" gives the nominal run, a replication replays
# alone as in its batch, --jobs changes no byte, spreads widen distributions, incidents follow
# their probabilities, year 3 meets its RTO more often than year 1, a killed or interrupted
# run is reported and writes nothing.
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
TMP=$tmp
source "$(dirname "$0")/lib/assert.bash"
sc="$DRSIM_SRC/scenarios"
y1="$sc/insurance-2007-year1.json"
y3="$sc/insurance-2009-year3.json"
# variant SRC DEST PYTHON: a copy of SRC changed by the python statement (d = the scenario)
variant() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"))' "$1" "$2" "$3"
}
# same_run A B: the two results are the same run (scenario file, replication and Monte Carlo
# fields aside)
same_run() {
  python3 -c 'import json, sys
def core(p):
    d = json.load(open(p))
    for k in ("scenario", "replication", "distribution"):
        d.pop(k, None)
    for k in ("critical_up_s_p50", "critical_up_s_p90", "all_up_s_p50", "all_up_s_p90", "replications"):
        d["recovery"].pop(k, None)
    return d
sys.exit(0 if core(sys.argv[1]) == core(sys.argv[2]) else 1)' "$1" "$2"
}
dist() {  # dist RESULT PYTHON-EXPRESSION (d = the distribution section)
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))["distribution"]
print(eval(sys.argv[2]))' "$1" "$2"
}

# --- uncertainty "none" is today's deterministic run --------------------------------------
variant "$y3" "$tmp/none.json" 'd["parameters"] = {"uncertainty": "none"}'
expect_rc 0 "plain run of year 3" -- "$DRSIM" run "$y3" --out "$tmp/plain" --quiet
expect_rc 0 "5 replications with uncertainty none" -- \
  "$DRSIM" run "$tmp/none.json" --replications 5 --jobs 2 --out "$tmp/none" --quiet
check "uncertainty none: the median replication is the nominal run" same_run "$tmp/plain/result.json" "$tmp/none/result.json"
check "uncertainty none: every replication the same (P10 = P90)" \
  test "$(dist "$tmp/none/result.json" 'd["critical_up_s"]["p10"] == d["critical_up_s"]["p90"]')" = True
"$DRSIM" run "$y3" --seed 99 --out "$tmp/seed99" --quiet || fail "plain run with --seed 99"
check "a plain run is the nominal run whatever --seed (only the seed field differs)" \
  cmp -s "$tmp/plain/result.json" <(sed 's/,"seed":99,/,"seed":1,/' "$tmp/seed99/result.json")

# --- byte-identical whatever --jobs; a replication replays alone -----------------------------
expect_rc 0 "12 replications of year 3, --jobs 1" -- \
  "$DRSIM" run "$y3" --replications 12 --jobs 1 --seed 7 --out "$tmp/j1" --quiet
expect_rc 0 "12 replications of year 3, --jobs 2" -- \
  "$DRSIM" run "$y3" --replications 12 --jobs 2 --seed 7 --out "$tmp/j2" --quiet
check "result.json byte-identical for --jobs 1 and 2" cmp -s "$tmp/j1/result.json" "$tmp/j2/result.json"
check "recovery carries the P50/P90 fields" python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))["recovery"]
assert all(k in r for k in ("critical_up_s_p50", "critical_up_s_p90", "all_up_s_p50", "all_up_s_p90"))
assert r["replications"] == 12' "$tmp/j2/result.json"
median=$(dist "$tmp/j2/result.json" 'd["runs"]["median"]')
expect_rc 0 "replay replication $median alone" -- \
  "$DRSIM" run "$y3" --seed 7 --replication "$median" --out "$tmp/alone" --quiet
check "the replayed replication equals the batch's median run" same_run "$tmp/j2/result.json" "$tmp/alone/result.json"
check "the replayed run names its replication" python3 -c 'import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
assert a["replication"] == b["replication"] and a["replication"]["index"] == int(sys.argv[3])' \
  "$tmp/j2/result.json" "$tmp/alone/result.json" "$median"
check "the replayed run differs from the nominal run" python3 -c 'import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
sys.exit(0 if a["systems"] != b["systems"] else 1)' "$tmp/plain/result.json" "$tmp/alone/result.json"
check "timeline.html shows the headline and whiskers" grep -q 'RTO met in .* % of 12 replications (CI' "$tmp/j2/timeline.html"
check "timeline.html has P10-P90 whiskers" grep -q 'class="whisk' "$tmp/j2/timeline.html"
check "timeline.html has the distribution chart" grep -q 'distribution of the all-critical-up time' "$tmp/j2/timeline.html"

# --- a wider spread gives a wider distribution ----------------------------------------------
for cv in 0.05 1.0; do
  variant "$y3" "$tmp/cv$cv.json" "d['parameters'] = {'uncertainty': {'zos_ipl': {'dist': 'lognormal', 'cv': $cv}, 'ipl_failure_p': 0}}"
  "$DRSIM" run "$tmp/cv$cv.json" --replications 20 --jobs 2 --out "$tmp/cv$cv" --quiet ||
    fail "20 replications with zos_ipl cv $cv"
done
width='[m["p90"] - m["p10"] for m in d["milestones"] if m["id"] == "first-zos-up"][0]'
narrow=$(dist "$tmp/cv0.05/result.json" "$width")
wide=$(dist "$tmp/cv1.0/result.json" "$width")
check "first z/OS up P10-P90: $narrow s with CV 0.05 < $wide s with CV 1.0" \
  python3 -c "import sys; sys.exit(0 if $narrow < $wide else 1)"

# --- incidents follow their probabilities ---------------------------------------------------
hs=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["dr_site"]["networks"]["hipersockets"][0]["name"])' "$y3")
variant "$y3" "$tmp/p1.json" "d['parameters'] = {'uncertainty': {'ipl_failure_p': 1}}; d['risks'] = [{'id': 'hs', 'probability': 1, 'forget': '$hs'}]"
variant "$y3" "$tmp/p0.json" "d['parameters'] = {'uncertainty': {'ipl_failure_p': 0}}; d['risks'] = [{'id': 'hs', 'probability': 0, 'forget': '$hs'}]"
"$DRSIM" run "$tmp/p1.json" --replications 6 --jobs 2 --out "$tmp/p1" --quiet || fail "run with probability 1"
"$DRSIM" run "$tmp/p0.json" --replications 6 --jobs 2 --out "$tmp/p0" --quiet || fail "run with probability 0"
check "probability 1: every z/OS IPL fails once in every replication" test \
  "$(dist "$tmp/p1/result.json" 'sorted({i["share"] for i in d["incidents"] if i["kind"] == "ipl-failure"})')" = "[1.0]"
check "probability 1: the vendor forgot the definition in every replication" test \
  "$(dist "$tmp/p1/result.json" '[i["share"] for i in d["incidents"] if i["kind"] == "forgotten-definition"]')" = "[1.0]"
check "probability 1: the incidents are events on the median run's timeline" python3 -c 'import json, sys
e = json.load(open(sys.argv[1]))["events"]
assert any(x["kind"] == "incident" and "wait state" in x["message"] for x in e)
assert any(x["kind"] == "incident" and "forgot" in x["message"] for x in e)' "$tmp/p1/result.json"
check "probability 1: each failed IPL is logged inside its system's IPL phase" python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
ipl = {s["name"]: [p for p in s["phases"] if p["phase"] == "ipl"][0] for s in d["systems"] if s["kind"] == "zos"}
e = [x for x in d["events"] if x["kind"] == "incident" and "wait state" in x["message"]]
assert len(e) == len(ipl) and all(ipl[x["subject"]]["start_s"] < x["t_s"] < ipl[x["subject"]]["end_s"] for x in e), e' "$tmp/p1/result.json"
check "probability 0: no IPL failure, no forgotten definition" test \
  "$(dist "$tmp/p0/result.json" '[i for i in d["incidents"] if i["kind"] in ("ipl-failure", "forgotten-definition")]')" = "[]"

variant "$y3" "$tmp/drives.json" "d['parameters'] = {'uncertainty': {'drive_failure_p': 1}}"
"$DRSIM" run "$tmp/drives.json" --replication 0 --out "$tmp/drives" --quiet || fail "run with failing drives"
check "probability 1: every drive fails, each an engine event at its time" python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
n = d["metrics"]["tape_drives"]
e = [x for x in d["events"] if x["kind"] == "incident" and "tape drive" in x["message"]]
assert len(e) == n and len({x["subject"] for x in e}) == n, e
assert all(x["t_s"] < 86400 for x in e)' "$tmp/drives/result.json"

# --- year 3 meets its RTO more often than year 1 ---------------------------------------------
"$DRSIM" run "$y1" --replications 10 --jobs 2 --out "$tmp/y1" --quiet || fail "10 replications of year 1"
"$DRSIM" run "$y3" --replications 10 --jobs 2 --out "$tmp/y3" --quiet || fail "10 replications of year 3"
p1=$(dist "$tmp/y1/result.json" 'd["rto"]["probability"]')
p3=$(dist "$tmp/y3/result.json" 'd["rto"]["probability"]')
check "RTO probability: year 3 ($p3) > year 1 ($p1)" python3 -c "import sys; sys.exit(0 if $p3 > $p1 else 1)"
out=$("$DRSIM" run "$y3" --replications 4 --out "$tmp/say")
check "a Monte Carlo run prints the RTO probability with its interval" grep -q 'RTO met in .* % of 4 replications (CI' <<<"$out"

# --- progress: on a terminal only, never with --quiet ---------------------------------------
"$DRSIM" run "$y3" --replications 3 --out "$tmp/pipe" 2>"$tmp/pipe.err" >/dev/null
check "no progress when stderr is not a terminal" test ! -s "$tmp/pipe.err"
if command -v script >/dev/null; then
  script -qec "'$DRSIM' run '$y3' --replications 3 --out '$tmp/tty'" /dev/null >"$tmp/tty.txt" 2>&1
  check "progress on a terminal: done/total" grep -q 'replications 3/3' "$tmp/tty.txt"
  script -qec "'$DRSIM' run '$y3' --replications 3 --quiet --out '$tmp/ttyq'" /dev/null >"$tmp/ttyq.txt" 2>&1
  check "no progress under --quiet, even on a terminal" test ! -s "$tmp/ttyq.txt"
fi

# --- a killed replication is reported; nothing is written -----------------------------------
DRSIM_FAULT_KILL_REPLICATION=3 expect_rc 2 "a killed replication stops the run" -- \
  "$DRSIM" run "$y3" --replications 6 --jobs 2 --out "$tmp/killed" --quiet
check "the error names the replication and its seed" grep -q 'replication 3 (seed [0-9]*) was killed by signal 9' "$tmp/err"
check "the killed run wrote nothing" test ! -e "$tmp/killed/result.json"

# --- SIGTERM stops the children and writes nothing ------------------------------------------
"$DRSIM" run "$y3" --replications 100000 --jobs 2 --out "$tmp/term" --quiet 2>"$tmp/term.err" &
pid=$!
for _ in $(seq 50); do pgrep -P "$pid" >/dev/null && break; sleep 0.1; done
kill -TERM "$pid"
wait "$pid"; rc=$?
check "SIGTERM: exit 143 (was $rc)" test "$rc" = 143
check "SIGTERM: says it was interrupted" grep -q 'interrupted' "$tmp/term.err"
check "SIGTERM: no child left" test -z "$(pgrep -P "$pid" || true)"
check "SIGTERM: nothing written" test ! -e "$tmp/term/result.json"

# --- bad combinations ----------------------------------------------------------------------
expect_rc 2 "--replication with --replications" -- "$DRSIM" run "$y3" --replication 1 --replications 3
finish
