#!/usr/bin/env bash
# Scale benchmark (not a test): for each site size, drsim run end to end against the bare
# SimGrid peer of the same shape (bench/peers/scale_peer.cpp), one after the other in this one
# run. Prints per size: drsim wall, peer wall, their ratio, both peak RSS (/usr/bin/time %M)
# and both event counts (drsim: result.json metrics.events). The machine is shared and noisy:
# read the ratios, not the absolute times.
#   bench/scale.sh [TOTAL/PER_VM ...]     (default: 100/50 1000/50 2500/50 5000/50 10000/50
#                                           20000/50 5000/5 5000/500)
#   BUILD=build (where drsim, scale and scale_peer are); REPEAT=1 (best of REPEAT runs);
#   PLAN=per-vm (each z/VM's guests once it is up, as the peer) or lockstep (all z/VMs' guests
#   after the last z/VM IPL: the site's shape before 2026-12-02); STEPS=N writes the sites with
#   cpu.share_steps_per_doubling N (PR/SM's share ladder; unset: 64, the default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${BUILD:-$src/build}
repeat=${REPEAT:-1}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100/50 1000/50 2500/50 5000/50 10000/50 20000/50 5000/5 5000/500)
for exe in drsim bench/scale bench/scale_peer; do
  [ -x "$build/$exe" ] || { echo "bench: $build/$exe missing (cmake --build $build --target ${exe##*/})" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best wall (s), its CPU seconds and peak RSS (KiB) of REPEAT runs of a command: "wall cpu rss"
best_of() {
  local best="" line t0 t1
  for ((i = 0; i < repeat; i++)); do
    t0=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || {
      echo "bench: failed: $*" >&2; cat "$tmp/err" >&2; exit 2; }
    t1=$(date +%s%N)
    read -r user sys rss <"$tmp/time"
    line="$(echo "($t1 - $t0) / 1000000000" | bc -l) $(echo "$user + $sys" | bc -l) $rss"
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then
      best=$line
    fi
  done
  echo "$best"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

printf '%-11s %8s %8s %6s %8s %8s %6s %9s %8s %8s %8s\n' size drsim_s peer_s ratio \
  drsim_cpu peer_cpu ratio drsim_MiB peer_MiB drsim_ev peer_ev
steps=()
[ -z "${STEPS:-}" ] || steps=(--share-steps "$STEPS")
for size in "${sizes[@]}"; do
  total=${size%/*} per_vm=${size#*/}
  "$build/bench/scale" --total "$total" --per-vm "$per_vm" --plan "${PLAN:-per-vm}" \
    "${steps[@]}" --write "$tmp/site.json" >/dev/null
  read -r d_wall d_cpu d_rss < <(best_of "$build/drsim" run "$tmp/site.json" --quiet --out "$tmp/run")
  d_ev=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["metrics"]["events"])' \
    "$tmp/run/result.json")
  read -r p_wall p_cpu p_rss < <(best_of "$build/bench/scale_peer" --total "$total" --per-vm "$per_vm")
  p_ev=$(sed -n 's/.*events \([0-9]*\).*/\1/p' "$tmp/out")
  printf '%-11s %8.3f %8.3f %6s %8.2f %8.2f %6s %9s %8s %8s %8s\n' "$size" "$d_wall" \
    "$p_wall" "$(ratio "$d_wall" "$p_wall")" "$d_cpu" "$p_cpu" "$(ratio "$d_cpu" "$p_cpu")" \
    "$((d_rss / 1024))" "$((p_rss / 1024))" "$d_ev" "$p_ev"
done
