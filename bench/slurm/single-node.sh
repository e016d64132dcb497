#!/bin/bash
# The cluster path of a sweep, end to end, on this one machine: installs Slurm and MUNGE (Debian packages
# slurm-wlm, munge) when missing, starts a single-node Slurm from a private configuration (nothing under /etc
# is changed), runs bench/slurm/sweep-array.sbatch as a job array of SHARDS tasks plus its merge step, runs the
# same sweep once without Slurm, checks that the two tables are identical byte for byte, and stops the daemons
# it started. Needs root (package install, daemons).
#
#   bench/slurm/single-node.sh [WORKDIR]      (default WORKDIR: /tmp/dln-slurm)
#
# Environment (defaults in brackets): SHARDS [4], PRESET [lazy-rich-lambda-balanced], SWEEP_ARGS
# ["--x init.scale=0.1:2:9:log --y init.delta=-1:1:9 --samples 40"], JAR [target/dln-explorer.jar],
# KEEP=1 leaves the daemons running (stop them with WORKDIR/stop.sh).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${1:-/tmp/dln-slurm}
SHARDS=${SHARDS:-4}
PRESET=${PRESET:-lazy-rich-lambda-balanced}
SWEEP_ARGS=${SWEEP_ARGS:---x init.scale=0.1:2:9:log --y init.delta=-1:1:9 --samples 40}
JAR=$(realpath "${JAR:-$REPO/target/dln-explorer.jar}")
say() { echo "single-node: $*"; }

# 1. packages
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    say "installing slurm-wlm and munge"
    DEBIAN_FRONTEND=noninteractive apt-get install -y slurm-wlm munge >/dev/null
fi
[ -f "$JAR" ] || { say "no $JAR: build it with mvn -B -o -q -DskipTests package"; exit 2; }

# 2. a private configuration for this host (CPUs and memory as slurmd sees them)
mkdir -p "$WORK"/{state,spool,log,run,out}
HOST=$(hostname -s)
NODE=$(slurmd -C | head -1 | sed 's/ UpTime.*//')
export SLURM_CONF="$WORK/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=dln
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
SlurmctldPort=6917
SlurmdPort=6918
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/run/slurmctld.pid
SlurmdPidFile=$WORK/run/slurmd.pid
SlurmctldLogFile=$WORK/log/slurmctld.log
SlurmdLogFile=$WORK/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
$NODE State=UNKNOWN
PartitionName=main Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF

# 3. daemons: MUNGE (as its own user), then the controller and the node daemon
started=()
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    mkdir -p /run/munge && chown munge:munge /run/munge && chmod 0755 /run/munge
    [ -f /etc/munge/munge.key ] || { mungekey --create && chown munge:munge /etc/munge/munge.key; }
    runuser -u munge -- /usr/sbin/munged
    started+=("$(cat /run/munge/munged.pid)")
fi
slurmctld -f "$SLURM_CONF"; sleep 1; started+=("$(cat "$WORK/run/slurmctld.pid")")
slurmd -f "$SLURM_CONF";    sleep 1; started+=("$(cat "$WORK/run/slurmd.pid")")
{
    echo "#!/bin/bash"
    echo "# stops the daemons single-node.sh started (by process id)"
    for p in "${started[@]}"; do echo "kill $p 2>/dev/null || true"; done
} > "$WORK/stop.sh"
chmod +x "$WORK/stop.sh"
stop() { [ "${KEEP:-0}" = 1 ] && say "daemons left running: $WORK/stop.sh stops them" || "$WORK/stop.sh"; }
trap stop EXIT
for i in $(seq 1 30); do
    sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)' && break
    sleep 1
done
sinfo

# 4. the job array and its merge step
OUT="$WORK/out"
rm -f "$OUT"/shard-*.csv "$OUT"/sweep.csv "$OUT"/merge.jobid "$OUT"/*.log
t0=$(date +%s.%N)
# shellcheck disable=SC2086
ARRAY=$(cd "$WORK" && sbatch --parsable --array=1-"$SHARDS" "$REPO/bench/slurm/sweep-array.sbatch" \
    "$JAR" "$PRESET" "$OUT" $SWEEP_ARGS)
say "job array $ARRAY: $SHARDS shards of $PRESET ($SWEEP_ARGS)"
while [ ! -s "$OUT/merge.jobid" ]; do
    [ -n "$(squeue -h -j "$ARRAY" 2>/dev/null)" ] || { say "array ended without a merge job"; cat "$OUT"/task-*.log; exit 1; }
    sleep 1
done
MERGE=$(cat "$OUT/merge.jobid")
while [ -n "$(squeue -h -j "$MERGE" 2>/dev/null)" ]; do sleep 1; done
t1=$(date +%s.%N)
cat "$OUT/merge.log"
[ -s "$OUT/sweep.csv" ] || { say "the merge wrote no sweep.csv"; cat "$OUT"/task-*.log; exit 1; }
say "Slurm path: $(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s wall (array $ARRAY, merge $MERGE)"

# 5. the same sweep in one process, and the comparison
# shellcheck disable=SC2086
java -Djava.awt.headless=true -jar "$JAR" sweep "$PRESET" $SWEEP_ARGS --out "$WORK/single.csv" 2> "$WORK/single.log"
if cmp "$WORK/single.csv" "$OUT/sweep.csv"; then
    say "OK: the merged table of $SHARDS shards equals the single sweep byte for byte ($(($(wc -l < "$OUT/sweep.csv") - 1)) cells)"
else
    say "FAILED: the merged table differs from the single sweep"; exit 1
fi
