#!/usr/bin/env bash
# Parallel overhead and resume time of drsim sweep (issue 13): a 100-point year-3 grid
# (10 drive counts x 10 memory sizes of the customer's VM LPAR). Prints figures, asserts
# nothing (performance is measured in bench/, never in a test).
#   bench/sweep.sh [DRSIM]        (default build/drsim)
# back to back: the same points each run with `drsim run` one after the other;
# jobs 1 / jobs 2: drsim sweep --jobs 1 / --jobs 2; overhead: jobs-2 time / (back to back / 2)
# (the issue asks under 1.3); resume: the finished sweep started again (asks under 1 s).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
drsim="${1:-$here/build/drsim}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
y3="$here/scenarios/insurance-2009-year3.json"
grid=(--vary /dr_site/tape/drives=1..10 --vary /dr_site/lpars/2/memory=8GB,10GB,12GB,14GB,16GB,18GB,20GB,22GB,24GB,26GB)
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l | xargs printf '%.2f'; }

t=$(now); "$drsim" sweep "$y3" "${grid[@]}" --jobs 1 --out "$tmp/j1" --quiet; j1=$(since "$t")
t=$(now); "$drsim" sweep "$y3" "${grid[@]}" --jobs 2 --out "$tmp/j2" --quiet; j2=$(since "$t")
t=$(now)
for s in "$tmp"/j1/points/*/scenario.json; do "$drsim" run "$s" --out "$tmp/run" --quiet; done
b2b=$(since "$t")
t=$(now); "$drsim" sweep "$y3" "${grid[@]}" --jobs 2 --out "$tmp/j2" >"$tmp/resume.out"; resume=$(since "$t")
same=$(diff -rq "$tmp/j1" "$tmp/j2" >/dev/null && echo yes || echo NO)

echo "drsim sweep, 100 points of year 3, $(nproc) cores"
echo "  back to back (drsim run per point): ${b2b} s"
echo "  sweep --jobs 1:                     ${j1} s"
echo "  sweep --jobs 2:                     ${j2} s"
echo "  overhead, jobs 2 / (back to back / 2): $(echo "$j2 / ($b2b / 2)" | bc -l | xargs printf '%.2f')"
echo "  resume of the finished sweep:       ${resume} s ($(grep -o '[0-9]* run, [0-9]* reused' "$tmp/resume.out"))"
echo "  jobs 1 and jobs 2 outputs byte-identical: $same"
