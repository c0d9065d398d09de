#!/usr/bin/env bash
# A large site's timeline in headless Chromium (issue 18): past 1,000 systems the guests of
# each host open collapsed with their summary and only the open lanes are in the DOM; a
# group's toggle and "expand all" put the waiting lanes in place, every one of them, and the
# page's own check (lanes and data agree) holds. Small sites open expanded (html_layout.sh).
set -u
: "${DRSIM:?}" "${DRSIM_SRC:?}"
DATA=${DRSIM_TEST_DATA:-$DRSIM_SRC/test/data}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/lib/assert.bash"
source "$(dirname "$0")/lib/chromium.bash"

python3 - "$DATA/results/sample-year1.json" "$TMP/large.json" <<'PY'
import copy, json, sys
doc = json.load(open(sys.argv[1]))
base = doc["systems"]
doc["systems"] = []
for i in range(1500):
    s = copy.deepcopy(base[i % len(base)])
    s["name"] = "%s-%04d" % (s["name"], i)
    if s["kind"] == "linux":
        s["host"] = "VM%02d" % (i % 12)
    doc["systems"].append(s)
json.dump(doc, open(sys.argv[2], "w"))
PY
"$DRSIM" report "$TMP/large.json" --html "$TMP/large.html" >/dev/null || fail "drsim report"

# The probe, after the page's script: lanes in the DOM at load, after one group's toggle,
# after "expand all"; the page's verdict (data-drsim) comes from its own script.
cat >"$TMP/probe.js" <<'JS'
<script>
(function () {
  var v = { total: JSON.parse(document.getElementById('drsim-data').textContent).lanes.length };
  v.at_load = document.querySelectorAll('#tl .lane').length;
  v.collapsed = document.querySelectorAll('#tl .group.collapsed').length;
  v.summaries = document.querySelectorAll('#tl .group.collapsed>.grp .gs').length;
  var g = document.querySelector('#tl .group.collapsed');
  var inside = (g.querySelector('script.later').textContent.match(/class="row lane /g) || []).length;
  g.querySelector('.tog').click();
  v.toggled_open = !g.classList.contains('collapsed') && g.querySelector('.tog').getAttribute('aria-expanded') === 'true';
  v.after_toggle = document.querySelectorAll('#tl .lane').length - v.at_load;
  v.inside = inside;
  document.querySelector('[data-act="expand"]').click();
  v.after_expand = document.querySelectorAll('#tl .lane').length;
  v.templates_left = document.querySelectorAll('#tl script.later').length;
  document.documentElement.setAttribute('data-probe', JSON.stringify(v));
})();
</script>
JS
sed '/<\/body>/e cat '"$TMP/probe.js" "$TMP/large.html" >"$TMP/probed.html"
browser --enable-logging=stderr --v=0 --window-size=1600,1000 --dump-dom "file://$TMP/probed.html" >"$TMP/dom"
grep -q '<html[^>]*data-drsim="ok"' "$TMP/dom" && pass "the page's script finished (lanes and data agree)" ||
  fail "the page's script did not finish: $(grep -o 'data-drsim="[^"]*"' "$TMP/dom" | head -1)"
python3 - "$TMP/dom" >"$TMP/probe.json" <<'PY'
import html, re, sys
m = re.search(r'data-probe="([^"]*)"', open(sys.argv[1]).read())
print(html.unescape(m.group(1)) if m else "{}")
PY
get() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], -1))' "$TMP/probe.json" "$1"; }
total=$(get total)
[ "$total" = 1500 ] && pass "the page's data has 1,500 lanes" || fail "data lanes: $total"
[ "$(get at_load)" -lt 100 ] && pass "at load $(get at_load) lanes are in the DOM, not $total" || fail "at load: $(get at_load) lanes"
[ "$(get collapsed)" -ge 12 ] && [ "$(get summaries)" = "$(get collapsed)" ] &&
  pass "$(get collapsed) groups open collapsed, each with its summary" || fail "collapsed $(get collapsed), summaries $(get summaries)"
[ "$(get toggled_open)" = True ] && [ "$(get after_toggle)" = "$(get inside)" ] && [ "$(get inside)" -gt 0 ] &&
  pass "a group's toggle opens it with its $(get inside) lanes" || fail "toggle: open $(get toggled_open), $(get after_toggle) lanes of $(get inside)"
[ "$(get after_expand)" = "$total" ] && [ "$(get templates_left)" = 0 ] &&
  pass "expand all puts all $total lanes in the DOM" || fail "expand all: $(get after_expand) lanes, $(get templates_left) blocks left"
if grep -q ':CONSOLE' "$TMP/chromium.log"; then fail "console output: $(grep ':CONSOLE' "$TMP/chromium.log" | head -2)"; fi
finish
