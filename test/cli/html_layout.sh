#!/usr/bin/env bash
# The timeline in the meeting room, measured in headless Chromium at 1024x768 and 1920x1080,
# for year 1 and for a generated 200-guest site: a probe script added to a copy of the page
# measures it as drawn and writes its findings into the DOM (--dump-dom): no two labels of a
# marks row (milestones, findings, actions) overlap; the verdict, the milestones and the first
# lanes are on the first screen; the controls bar holds its buttons; the page opens on the busy
# part of the week; LPARs in scenario order; critical guests first. Screenshots are kept.
set -u
: "${DRSIM:?}" "${DRSIM_SRC:?}"
OUT=${DRSIM_SCREENSHOTS:-$(dirname "$DRSIM")/html-screenshots}
scale="$(dirname "$DRSIM")/bench/scale"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
source "$(dirname "$0")/lib/assert.bash"
source "$(dirname "$0")/lib/chromium.bash"

# The probe runs after the page's own script (it comes later in the body).
cat >"$TMP/probe.js" <<'JS'
<script>
(function () {
  var v = { overlaps: [], viewport: [window.innerWidth, window.innerHeight] };
  function r(el) { return el ? el.getBoundingClientRect() : null; }
  function seen(rect) { return !!rect && rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight; }
  var rows = document.querySelectorAll('#tl .marks .trk');
  var labels = 0;
  for (var k = 0; k < rows.length; k++) {
    var box = r(rows[k]);
    var pts = Array.prototype.map.call(rows[k].querySelectorAll('.pt'), function (p) {
      return { t: p.textContent, b: p.getBoundingClientRect() }; });
    pts = pts.filter(function (p) { return p.b.right > box.left && p.b.left < box.right; });
    labels += pts.length;
    for (var i = 0; i < pts.length; i++) for (var j = i + 1; j < pts.length; j++) {
      var a = pts[i].b, b = pts[j].b;
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
        v.overlaps.push(pts[i].t + ' / ' + pts[j].t);
      if (a.bottom > box.bottom + 0.5) v.overlaps.push(pts[i].t + ' outside its row');
    }
  }
  v.labels = labels;
  v.verdict = seen(r(document.querySelector('.verdict')));
  v.milestones = seen(r(document.querySelector('#tl .marks')));
  var lanes = document.querySelectorAll('#tl .lane');
  var first = 0;
  for (var n = 0; n < lanes.length && seen(r(lanes[n])); n++) first++;
  v.first_lanes = first;
  var c = r(document.querySelector('.controls')), lg = r(document.querySelector('.legend'));
  var buttons = document.querySelectorAll('.controls button'), inside = true;
  for (var m = 0; m < buttons.length; m++) { var bb = r(buttons[m]); inside = inside && bb.bottom <= c.bottom + 0.5; }
  v.controls_hold_buttons = inside && c.bottom <= lg.top + 0.5;
  var on = document.querySelector('[data-zoom].on');
  v.view = on ? on.getAttribute('data-zoom') : '';
  v.lpars = Array.prototype.map.call(document.querySelectorAll('.group.lv1>.grp .gl'), function (e) { return e.textContent; });
  v.order = Array.prototype.map.call(lanes, function (l) { return l.querySelector('.nm').textContent + (l.querySelector('.crit') ? '*' : ''); });
  document.documentElement.setAttribute('data-layout', JSON.stringify(v));
})();
</script>
JS

# measure HTML NAME W H [HASH]: dumps the probed DOM, extracts the verdict to $TMP/NAME.json
measure() {
  local html=$1 name=$2 w=$3 h=$4 hash=${5:-}
  local probed="$TMP/$name.probed.html"
  sed '/<\/body>/e cat '"$TMP/probe.js" "$html" >"$probed"
  browser --window-size="$w,$h" --dump-dom "file://$probed$hash" >"$TMP/$name.dom"
  browser --window-size="$w,$h" --screenshot="$OUT/layout-$name.png" "file://$html$hash" >/dev/null
  python3 - "$TMP/$name.dom" >"$TMP/$name.json" <<'PY'
import html, re, sys
m = re.search(r'data-layout="([^"]*)"', open(sys.argv[1]).read())
print(html.unescape(m.group(1)) if m else "{}")
PY
}

# check NAME MIN_LANES: the layout verdicts of one measured page
check() {
  local name=$1 min_lanes=$2
  if python3 - "$TMP/$name.json" "$min_lanes" <<'PY'
import json, sys
v = json.load(open(sys.argv[1])); want = int(sys.argv[2])
problems = []
if not v: problems.append("the probe did not run")
else:
    if v["overlaps"]: problems.append("overlapping labels: %s" % v["overlaps"][:4])
    if v["labels"] == 0: problems.append("no labels measured")
    if not v["verdict"]: problems.append("the verdict is not on the first screen")
    if not v["milestones"]: problems.append("the milestones are not on the first screen")
    if v["first_lanes"] < want: problems.append("only %d lanes on the first screen" % v["first_lanes"])
    if not v["controls_hold_buttons"]: problems.append("the controls bar spills its buttons")
if problems: print("; ".join(problems)); sys.exit(1)
print("%d labels, no overlap, verdict + milestones + %d lanes on screen %s" % (v["labels"], v["first_lanes"], v["viewport"]))
PY
  then pass "$name: $(python3 - "$TMP/$name.json" "$min_lanes" 2>/dev/null <<'PY' || true
import json, sys; v = json.load(open(sys.argv[1])); print("%d labels, %d lanes on the first screen" % (v["labels"], v["first_lanes"]))
PY
)"
  else fail "$name: $(python3 - "$TMP/$name.json" "$min_lanes" <<'PY' 2>&1 | tail -1
import json, sys
v = json.load(open(sys.argv[1])); print(json.dumps({k: v.get(k) for k in ("overlaps", "verdict", "milestones", "first_lanes", "controls_hold_buttons")}))
PY
)"; fi
}
field() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); print(json.dumps(v[sys.argv[2]]))' "$TMP/$1.json" "$2"; }

"$DRSIM" run "$DRSIM_SRC/scenarios/insurance-2007-year1.json" --out "$TMP/y1" --quiet || fail "drsim run year 1"
"$scale" --vms 4 --guests 50 --zos 3 --volumes 4 --drives 4 --write "$TMP/site200.json" >/dev/null || fail "scale --write"
"$DRSIM" run "$TMP/site200.json" --out "$TMP/s200" --quiet || fail "drsim run the 200-guest site"
for size in 1024x768 1920x1080; do
  w=${size%x*}; h=${size#*x}
  measure "$TMP/y1/timeline.html" "year1-$size" "$w" "$h"
  check "year1-$size" 5
  measure "$TMP/s200/timeline.html" "site200-$size" "$w" "$h"
  check "site200-$size" 5
done

# the probe finds overlaps: a copy whose labels all sit in row 0, with the row layout disabled
sed -e 's/--r:[0-9]*/--r:0/g' -e 's/layoutMarks(el);$//' "$TMP/y1/timeline.html" >"$TMP/piled.html"
measure "$TMP/piled.html" "piled-on-purpose" 1024 768
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["overlaps"]' "$TMP/piled-on-purpose.json" 2>/dev/null \
  && pass "the probe detects labels piled up on purpose" || fail "the probe missed piled-up labels"

[ "$(field year1-1024x768 view)" = '"busy"' ] && pass "year 1 opens on the busy part of the week" || fail "year 1 opens on $(field year1-1024x768 view)"
measure "$TMP/y1/timeline.html" "year1-all" 1024 768 "#day=all"
[ "$(field year1-all view)" = '"week"' ] && pass "#day=all opens on the whole exercise" || fail "#day=all: $(field year1-all view)"
check "year1-all" 5
measure "$TMP/y1/timeline.html" "year1-tue" 1024 768 "#day=Tue"
[ "$(field year1-tue view)" = '"1"' ] && pass "#day=Tue opens on Tuesday" || fail "#day=Tue: $(field year1-tue view)"
check "year1-tue" 5

# LPARs in the scenario's order; critical guests first, then the plan's order
python3 - "$TMP/site200-1920x1080.json" "$TMP/site200.json" "$TMP/y1-order" <<'PY' && pass "200-guest site: LPARs in scenario order" || fail "200-guest site: LPAR order"
import json, sys
v = json.load(open(sys.argv[1])); sc = json.load(open(sys.argv[2]))
placed = [p["lpar"] for p in sc["dr_site"]["placements"]]
order = []
for l in placed:
    if l not in order: order.append(l)
shown = [g.replace("LPAR ", "") for g in v["lpars"]]
assert shown == [l for l in order if l in shown], (shown, order)
PY
python3 - "$TMP/year1-1920x1080.json" <<'PY' && pass "year 1: in each tier, critical guests come first" || fail "year 1: a critical guest after a non-critical one"
import json, sys
order = json.load(open(sys.argv[1]))["order"]
prod = [n for n in order if n.startswith("LNXP") or n.startswith("HSROUTER")]
crit = [n.endswith("*") for n in prod]
assert crit == sorted(crit, reverse=True), prod
PY
grep -q "forced off by reaction keep-one-linux" "$TMP/y1/timeline.html" && ! grep -q "forced off \xe2\x80\x94 forced off" "$TMP/y1/timeline.html" \
  && pass "a forced-off bar says its reason once" || fail "forced-off bars repeat 'forced off'"
finish
