#!/usr/bin/env bash
# The HTML timeline in a real browser: headless Chromium opens each page offline, the page's
# script marks <html data-drsim="ok"> when it has rendered without an exception, and a
# screenshot is kept for people to look at. Pages: the hand-made year-1 sample, a generated
# result with 1,200 systems, a result whose texts are markup, and every shipped scenario run
# through `drsim run`, and a Monte Carlo run. A page fails on a script error or on any console message; both
# detectors are checked on pages broken on purpose.
set -u
DRSIM=${DRSIM:?set DRSIM to the drsim binary}
SRC=${DRSIM_SRC:?set DRSIM_SRC to the repository}
DATA=${DRSIM_TEST_DATA:-$SRC/test/data}
OUT=${DRSIM_SCREENSHOTS:-$(dirname "$DRSIM")/html-screenshots}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
source "$(dirname "$0")/lib/assert.bash"

source "$(dirname "$0")/lib/chromium.bash"

# page_ok HTML NAME [#HASH]: the page rendered without a script error; screenshot in $OUT/NAME.png.
page_ok() {
  local html=$1 name=$2 hash=${3:-}
  local dom="$TMP/$name.dom"
  BROWSER_LOG="$TMP/$name.console" browser --enable-logging=stderr --v=0 --dump-dom "file://$html$hash" >"$dom"
  if ! grep -q '<html[^>]*data-drsim="ok"' "$dom"; then
    fail "$name: the page's script did not finish: $(grep -o 'data-drsim="[^"]*"' "$dom" | head -1)"
    return 1
  fi
  # the page never writes to the console: any console message (Chromium logs them all as
  # CONSOLE, whatever their level, uncaught exceptions included) is a failure
  if grep -q ':CONSOLE' "$TMP/$name.console"; then
    fail "$name: console output: $(grep ':CONSOLE' "$TMP/$name.console" | head -3)"
    return 1
  fi
  browser --window-size=1600,2000 --screenshot="$OUT/$name.png" "file://$html$hash" >/dev/null
  if [ ! -s "$OUT/$name.png" ]; then fail "$name: no screenshot"; return 1; fi
  pass "$name renders ($(wc -c <"$html") bytes; $OUT/$name.png)"
}

# 1. The hand-made year-1 sample.
"$DRSIM" report "$DATA/results/sample-year1.json" --html "$TMP/sample.html" >/dev/null || fail "drsim report sample"
page_ok "$TMP/sample.html" sample-year1
if page_ok "$TMP/sample.html" sample-year1-tuesday "#day=Tue"; then
  grep -q 'class="tl zoomed"' "$TMP/sample-year1-tuesday.dom" && pass "#day=Tue zooms to Tuesday" || fail "#day=Tue did not zoom"
fi

# 2. The detector fails on a page whose script throws, and on one that writes to the console.
expect_detected() {  # expect_detected WHAT STATEMENT: plants STATEMENT before the render marker
  local what=$1 file="$TMP/planted-${1// /-}.html"
  sed "s/root.setAttribute(.data-drsim., .ok.);/$2 &/" "$TMP/sample.html" >"$file"
  if ! grep -qF "$2" "$file"; then fail "could not plant $what in the page (the render marker moved?)"; return; fi
  local before=$failures
  page_ok "$file" "$what-on-purpose" >/dev/null
  if [ "$failures" -gt "$before" ]; then failures=$before; pass "$what is detected"
  else fail "a page with $what passed"; fi
}
expect_detected "a script error" "undefinedFunction();"
expect_detected "a console error" 'console.error("drsim-console-probe");'

# 3. Texts that are markup show as text; 4. 1,200 systems.
python3 - "$DATA/results/sample-year1.json" "$TMP" <<'EOF'
import copy, json, sys
doc = json.load(open(sys.argv[1]))
evil = copy.deepcopy(doc)
evil["systems"][0]["name"] = "<script>alert(1)</script>"
evil["scenario"]["name"] = "<img src=x onerror=alert(2)>"
evil["findings"][0]["subject"] = "</script><b>x</b>"
json.dump(evil, open(sys.argv[2] + "/evil.json", "w"))
big = copy.deepcopy(doc)
base = doc["systems"]
big["systems"] = []
for i in range(1200):
    s = copy.deepcopy(base[i % len(base)])
    s["name"] = "%s-%04d" % (s["name"], i)
    if s["kind"] == "linux":
        s["host"] = "VM%02d" % (i % 12)
    big["systems"].append(s)
json.dump(big, open(sys.argv[2] + "/large.json", "w"))
EOF
"$DRSIM" report "$TMP/evil.json" --html "$TMP/evil.html" >/dev/null || fail "drsim report evil"
if page_ok "$TMP/evil.html" markup-in-names; then
  browser --dump-dom "file://$TMP/evil.html" >"$TMP/evil.dom"
  if grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$TMP/evil.dom" && ! grep -q '<img src=x' "$TMP/evil.dom"; then
    pass "a system named <script> shows as text"
  else fail "markup from the result reached the DOM"; fi
fi
"$DRSIM" report "$TMP/large.json" --html "$TMP/large.html" >/dev/null || fail "drsim report large"
size=$(wc -c <"$TMP/large.html")
if [ "$size" -lt 3000000 ]; then pass "1,200 systems: $size bytes"; else fail "1,200 systems: $size bytes"; fi
page_ok "$TMP/large.html" large-1200

# 5. Every shipped scenario, run by the engine.
for sc in "$SRC"/scenarios/*.json; do
  case "$sc" in *.schema.json) continue ;; esac
  name=$(basename "$sc" .json)
  if ! "$DRSIM" run "$sc" --out "$TMP/run-$name" --quiet >"$TMP/run.out" 2>&1; then
    rc=$?
    # exit 1 can mean "the answer is no" (e.g. RTO missed); a written result is what counts
    if [ ! -s "$TMP/run-$name/timeline.html" ]; then fail "drsim run $name: exit $rc"; sed 's/^/  | /' "$TMP/run.out" | head -5; continue; fi
  fi
  page_ok "$TMP/run-$name/timeline.html" "scenario-$name"
done

# 6. A Monte Carlo run (headline, whiskers, distribution chart).
if "$DRSIM" run "$SRC/scenarios/insurance-2009-year3.json" --replications 8 --jobs 2 \
  --out "$TMP/run-mc" --quiet >"$TMP/run.out" 2>&1; then
  page_ok "$TMP/run-mc/timeline.html" "monte-carlo-year3"
else
  fail "drsim run --replications 8"; sed 's/^/  | /' "$TMP/run.out" | head -5
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s); chromium log:"; grep -iE "error|uncaught" "$TMP/chromium.log" | grep -viE "dbus|gpu|sandbox|fontconfig" | head -10
  exit 1
fi
echo "all HTML pages render"
