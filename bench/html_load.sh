#!/usr/bin/env bash
# How long a timeline.html takes to load in headless Chromium (issue 18: a 10,000-guest page
# under 1 s). A probe added to a copy of the page records, at the load event and after a
# forced layout of the whole page, performance.now() (ms since navigation start: parsing,
# the page's script, style and layout); --dump-dom hands it back. Median of N loads.
#
#   bench/html_load.sh TIMELINE.html... [-n N]       (default N=5)
#   bench/html_load.sh --site GUESTS [-n N]          (bench/scale site, run with build/drsim)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$here/build}
n=5
pages=()
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
while [ $# -gt 0 ]; do
  case $1 in
    -n) n=$2; shift 2 ;;
    --site)
      guests=$2; shift 2
      vms=$(( guests >= 100 ? 100 : 1 )); per=$(( guests / vms ))
      "$build/bench/scale" --vms "$vms" --guests "$per" --zos 100 --write "$tmp/site$guests.json" >/dev/null
      "$build/drsim" run "$tmp/site$guests.json" --out "$tmp/site$guests" --quiet || true
      pages+=("$tmp/site$guests/timeline.html") ;;
    *) pages+=("$1"); shift ;;
  esac
done
CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
probe='<script>addEventListener("load",function(){document.body.getBoundingClientRect();var l=document.querySelectorAll(".lane").length;document.documentElement.setAttribute("data-load-ms",performance.now().toFixed(0)+" "+document.getElementsByTagName("*").length+" "+l)});</script>'
for page in "${pages[@]}"; do
  probed="$tmp/probed.html"
  sed "s#</body>#$probe</body>#" "$page" >"$probed"
  times=()
  for ((i = 0; i < n; i++)); do
    profile=$(mktemp -d "$tmp/profile.XXXX")
    out=$(timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --window-size=1600,1000 --user-data-dir="$profile" --dump-dom "file://$probed" 2>/dev/null |
      grep -o 'data-load-ms="[^"]*"' | head -1 | cut -d'"' -f2)
    times+=("${out:-fail}")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v page="$page" -v bytes="$(wc -c <"$page")" '
    { t[NR] = $1; el = $2; lanes = $3 }
    END { printf "%s: %d bytes, %s elements, %s lanes in the DOM: load %s ms (median of %d; min %s, max %s)\n",
          page, bytes, el, lanes, t[int((NR + 1) / 2)], NR, t[1], t[NR] }'
done
