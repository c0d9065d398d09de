#!/usr/bin/env bash
# drsim sweep on a real one-node Slurm cluster started here: Debian's slurm-wlm and munge
# (installed by scripts/dev.sh test), a generated slurm.conf (proctrack/linuxproc,
# task/none), daemons started with -f CONF and stopped by their PID files at the end. The
# option-1-vs-option-2 sweep is submitted as a 4-task array (scripts/slurm/sweep-array.sbatch)
# with --wait, merged by the dependent job (scripts/slurm/sweep-merge.sbatch), and the merged
# files must equal the same sweep run by one process, byte for byte. Skipped (exit 77, saying
# why) only where the packages are not installed. Slurm runs jobs as the submitting user: the
# test runs as root in CI.
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
for tool in munged slurmctld slurmd sbatch scontrol sinfo; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found: install Debian's slurm-wlm and munge (scripts/dev.sh test does)"
    exit 77
  fi
done
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: a Slurm cluster of one's own needs root here (CI runs the tests as root)"
  exit 77
fi
T=$(mktemp -d /tmp/drsim-slurm.XXXXXX)
chmod 700 "$T"
TMP=$T
source "$(dirname "$0")/lib/assert.bash"

stop_daemons() {
  local pidfile pid
  for pidfile in "$T/slurmd.pid" "$T/slurmctld.pid" "$T/munged.pid"; do
    [ -s "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
cleanup() { stop_daemons; rm -rf "$T"; }
trap cleanup EXIT

show_logs() {
  for l in munged slurmctld slurmd; do
    [ -s "$T/$l.log" ] && { echo "--- $l.log (last lines)"; tail -15 "$T/$l.log"; }
  done
}

# munge: our own key, socket and files, so nothing of the machine's is touched
dd if=/dev/urandom of="$T/munge.key" bs=1024 count=1 status=none
chmod 600 "$T/munge.key"
munged --force --key-file="$T/munge.key" --socket="$T/munge.sock" --pid-file="$T/munged.pid" \
  --log-file="$T/munged.log" --seed-file="$T/munged.seed" >"$T/munged.out" 2>&1 || {
  cat "$T/munged.out"; show_logs; fail "munged starts"; finish; exit; }

host=$(hostname -s)
port=$((17000 + RANDOM % 2000))
mkdir -p "$T/state" "$T/spool" "$T/jobs"
CONF="$T/slurm.conf"
cat >"$CONF" <<CONF
ClusterName=drsimtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$T/munge.sock
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=drsim Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$CONF
slurmctld -f "$CONF" -i >"$T/slurmctld.out" 2>&1
slurmd -f "$CONF" >"$T/slurmd.out" 2>&1
idle=no
for _ in $(seq 60); do
  if sinfo -h -o '%t' 2>/dev/null | grep -E '^(idle|mix)' >/dev/null; then idle=yes; break; fi
  sleep 0.5
done
if [ "$idle" != yes ]; then
  cat "$T/slurmctld.out" "$T/slurmd.out"; sinfo 2>&1 | head -5; show_logs
  fail "the one-node cluster comes up (node idle)"
  finish
  exit
fi
pass "the one-node cluster is up"

SW="$DRSIM_SRC/scenarios/sweeps/option1-vs-option2.json"
OUT="$T/out"
cd "$T/jobs" || exit 2
export DRSIM
jid=$(sbatch --parsable --wait --array=1-4 --cpus-per-task=1 \
  "$DRSIM_SRC/scripts/slurm/sweep-array.sbatch" "$SW" "$OUT")
rc=$?
if [ $rc -eq 0 ]; then pass "the 4-task array job $jid ran (sbatch --wait)"; else
  fail "array job: sbatch exit $rc"; tail -5 "$T"/jobs/*.log 2>/dev/null; show_logs; fi
for k in 1 2 3 4; do check "task $k wrote its shard file" test -s "$OUT/shard-$k/shard-$k-of-4.json"; done
sbatch --parsable --wait --dependency="afterok:${jid%%;*}" \
  "$DRSIM_SRC/scripts/slurm/sweep-merge.sbatch" "$OUT" 4 >/dev/null
rc=$?
if [ $rc -eq 0 ]; then pass "the dependent merge job ran"; else
  fail "merge job: sbatch exit $rc"; tail -5 "$T"/jobs/*.log 2>/dev/null; fi

"$DRSIM" sweep "$SW" --out "$T/single" --quiet
check "merged Slurm output is byte-identical to the single-process sweep" diff -r "$T/single" "$OUT/merged"
check "and has every point" test "$(ls "$OUT/merged/points" | wc -l)" -eq 4

cd / || true
finish
