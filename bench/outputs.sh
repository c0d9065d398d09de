#!/usr/bin/env bash
# Where a large `drsim run` spends its CPU (issue 18: the outputs under 10 % of a run at 5,000
# guests). Generates a site with bench/scale, runs it once under `perf record` (CPU-clock
# samples with DWARF call stacks: CPU time, so a busy machine does not inflate it) and prints
# the share of the samples under each part, with the sizes of result.json and timeline.html.
#
#   bench/outputs.sh [GUESTS=5000] [DRSIM=build/drsim]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
guests=${1:-5000}
drsim=${2:-$here/build/drsim}
scale=${SCALE:-$(dirname "$drsim")/bench/scale}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
vms=$(( guests >= 100 ? 100 : 1 ))
"$scale" --vms "$vms" --guests $(( guests / vms )) --zos 100 --write "$tmp/site.json" >/dev/null
perf record -q -e cpu-clock -F 4000 --call-graph dwarf,16384 -o "$tmp/perf.data" \
  "$drsim" run "$tmp/site.json" --out "$tmp/out" --quiet "${@:3}" >/dev/null 2>&1 || true
perf script -i "$tmp/perf.data" --no-demangle 2>/dev/null |
  awk '/cpu-clock/ {print ""; next} NF>=2 {print $2}' | sed 's/+0x[0-9a-f]*$//' >"$tmp/stacks"
python3 - "$tmp/stacks" <<'PY'
import re, sys
samples, cur = [], []
for line in open(sys.argv[1]):
    line = line.strip()
    if not line:
        if cur: samples.append(cur)
        cur = []
    else:
        cur.append(line)
if cur: samples.append(cur)
n = len(samples)
def share(pattern):
    r = re.compile(pattern)
    return sum(1 for s in samples if any(r.search(f) for f in s)) / n * 100
parts = [
    ("simulation (drsim::simulate)", r"_ZN5drsim8simulate"),
    ("loading the scenario", r"_ZN5drsim13load_scenario"),
    ("loading the engine module (dlopen)", r"_ZN5drsim11load_engine"),
    ("result tree (to_json)", r"_ZN5drsim7to_json"),
    ("outputs written (write_outputs)", r"write_outputs"),
    ("  of which timeline.html", r"render_timeline_html"),
    ("  of which result.json text", r"serializer.*dump|basic_json.*4dump|result_json_text"),
    ("freeing JSON trees after the outputs", r"_ZN5drsim7cmd_run.*"),
]
print("%d CPU samples (0.25 ms each)" % n)
for name, p in parts[:-1]:
    print("%-40s %5.1f %%  %5.0f ms" % (name, share(p), share(p) * n * 0.25 / 100))
free = sum(1 for s in samples if any("json_value7destroy" in f for f in s)
           and not any(re.search(r"to_json|write_outputs|load_scenario|replication", f) for f in s))
print("%-40s %5.1f %%" % ("JSON trees freed elsewhere", free / n * 100))
out = share(r"_ZN5drsim7to_json|write_outputs|result_json_text|render_timeline_html|timeline_data")
print("%-40s %5.1f %%  %5.0f ms" % ("outputs (all of the above)", out, out * n * 0.25 / 100))
PY
ls -l "$tmp/out/result.json" "$tmp/out/timeline.html" | awk '{print $5, $9}' | sed "s|$tmp/out/||"
