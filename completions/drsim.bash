# bash completion for drsim (installed as share/bash-completion/completions/drsim).
# Written by hand: CLI11 generates none. Keep the commands and options in step with
# `drsim help COMMAND` (test/cli/completion.sh checks that they are).

_drsim_options() {
  case "$1" in
    run) echo "--out --set --seed --replications --jobs --replication --fail-on --quiet --pretty --help" ;;
    validate) echo "--set --help" ;;
    check) echo "--set --format --against --help" ;;
    compare) echo "--tolerance --junit --markdown --help" ;;
    sweep) echo "--vary --option --out --seed --replications --jobs --shard --merge --quiet --help" ;;
    report) echo "--html --help" ;;
    explain) echo "--format --help" ;;
    params) echo "--format --help" ;;
    new) echo "--from --help" ;;
    import) echo "--directory --system-config --autolog --iocp --dr-iocp --dr-system-config --tiers --out --quiet --help" ;;
    "") echo "--help --version --color" ;;
    *) echo "--help" ;;
  esac
}

_drsim() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="" cmd="" i
  [ "$COMP_CWORD" -gt 0 ] && prev="${COMP_WORDS[COMP_CWORD - 1]}"
  local commands="run validate check compare sweep report explain schema params new import help version"
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${COMP_WORDS[i]}" in
      --color) i=$((i + 1)) ;;
      -*) ;;
      *) cmd="${COMP_WORDS[i]}"; break ;;
    esac
  done
  COMPREPLY=()
  case "$prev" in
    --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur"); return 0 ;;
    --format)
      local formats="text json"
      [ "$cmd" = params ] && formats="text json markdown"
      mapfile -t COMPREPLY < <(compgen -W "$formats" -- "$cur"); return 0 ;;
    --fail-on) mapfile -t COMPREPLY < <(compgen -W "rto-missed error warning" -- "$cur"); return 0 ;;
    --from) mapfile -t COMPREPLY < <(compgen -W "year3 year2 year1 pre-linux" -- "$cur"); return 0 ;;
    --out)
      if [ "$cmd" = import ]; then mapfile -t COMPREPLY < <(compgen -f -- "$cur"); else
        mapfile -t COMPREPLY < <(compgen -d -- "$cur"); fi
      return 0 ;;
    --directory | --system-config | --autolog | --iocp | --dr-iocp | --dr-system-config | --tiers)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return 0 ;;
    --html | --junit | --markdown | --against)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return 0 ;;
    --set | --seed | --tolerance | --replications | --replication | --jobs) return 0 ;;
  esac
  if [[ "$cur" == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_drsim_options "$cmd")" -- "$cur")
    return 0
  fi
  case "$cmd" in
    "") mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur") ;;
    help) mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur") ;;
    schema | params | version) ;;
    *)  # scenario and result files: *.json and directories
      mapfile -t COMPREPLY < <(compgen -f -X '!*.json' -- "$cur"; compgen -d -- "$cur") ;;
  esac
  return 0
}

complete -o filenames -F _drsim drsim
