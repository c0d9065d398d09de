#!/usr/bin/env bash
# The hand-written shell completions: bash's is sourced and asked (COMP_WORDS/COMP_CWORD, as
# bash's completion does); both scripts know every command and option `drsim help` lists.
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
TMP=$tmp
source "$(dirname "$0")/lib/assert.bash"
bash_script="$DRSIM_SRC/completions/drsim.bash"
zsh_script="$DRSIM_SRC/completions/_drsim"

# shellcheck source=/dev/null
source "$bash_script"
complete -p drsim >/dev/null 2>&1 && pass "sourcing registers a completion for drsim" || fail "no complete -F for drsim"

ask() {  # ask WORD...: the completions bash would offer for the last word
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  _drsim
  printf '%s\n' "${COMPREPLY[@]}"
}
offers() {  # offers NAME WANT WORD...: WANT is among the completions
  local name=$1 want=$2; shift 2
  if ask "$@" | grep -xF -- "$want" >/dev/null; then pass "$name"; else fail "$name: got $(ask "$@" | tr '\n' ' ')"; fi
}
offers_not() {
  local name=$1 unwanted=$2; shift 2
  if ask "$@" | grep -xF -- "$unwanted" >/dev/null; then fail "$name"; else pass "$name"; fi
}

offers "ru -> run" run drsim ru
offers "ch -> check" check drsim ch
offers_not "ru does not offer check" check drsim ru
offers "run --f -> --fail-on" --fail-on drsim run x.json --f
offers "--fail-on values" rto-missed drsim run x.json --fail-on ""
offers "params --format markdown" markdown drsim params --format m
offers_not "check --format has no markdown" markdown drsim check x.json --format m
offers "--color values" never drsim --color n
offers "after --color VALUE, the commands" validate drsim --color never va
offers "new --from year3" year3 drsim new --from y
offers "help COMMAND" compare drsim help comp
mkdir -p "$tmp/scen"; touch "$tmp/scen/acme.json" "$tmp/scen/notes.txt"
offers "run completes .json files" "$tmp/scen/acme.json" drsim run "$tmp/scen/"
offers_not "run does not offer .txt files" "$tmp/scen/notes.txt" drsim run "$tmp/scen/"

# every command and option of the CLI is in both scripts
"$DRSIM" help >"$tmp/help"
commands=$(awk '/^Subcommands:/{s=1; next} s && /^  [a-z]/{print $1}' "$tmp/help")
[ "$(echo "$commands" | wc -w)" -ge 10 ] && pass "help lists the commands" || fail "help: $commands"
for c in $commands; do
  grep -q "\\b$c\\b" "$bash_script" && pass "bash knows $c" || fail "bash misses $c"
  grep -q "'$c:" "$zsh_script" && pass "zsh knows $c" || fail "zsh misses $c"
  "$DRSIM" help "$c" >"$tmp/h"
  for opt in $(grep -oE -- '--[a-z][a-z-]+' "$tmp/h" | sort -u); do
    [ "$opt" = "--help-all" ] && continue
    grep -qF -- "$opt" "$bash_script" || fail "bash misses $c $opt"
    grep -qF -- "$opt" "$zsh_script" || fail "zsh misses $c $opt"
  done
done
if command -v zsh >/dev/null; then
  zsh -n "$zsh_script" && pass "zsh parses _drsim" || fail "zsh -n _drsim"
fi
finish
