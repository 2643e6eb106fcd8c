#!/usr/bin/env bash
# Bring up a one-node SLURM cluster on this machine from Debian's packages (slurm-wlm, munge): the node
# at 127.0.0.1 under its short host name, slurmctld and slurmd as root, munged as the munge user, no
# accounting. Exit 3 (and say why) where it cannot: no root or no apt-get. `.ci/slurm_down.sh` stops it.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then echo "slurm check: skipped (bringing up SLURM needs root)"; exit 3; fi
if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then echo "slurm check: skipped (no slurmctld/munged and no apt-get to install them)"; exit 3; fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge) >/dev/null
fi
host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/{print $2}' /proc/meminfo) / 1024 / 2 ))
conf=$(dirname "$(readlink -f "$(command -v slurmctld)")")/../../etc/slurm
[ -d /etc/slurm ] && conf=/etc/slurm
mkdir -p "$conf" /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge
cat > "$conf/slurm.conf" <<CONF
ClusterName=dgci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
AuthInfo=cred_expire=30
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmdSpoolDir=/var/spool/slurmd
StateSaveLocation=/var/spool/slurmctld
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ReturnToService=2
MinJobAge=600
KillWait=10
OverTimeLimit=0
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
chown munge:munge /run/munge
[ -s /etc/munge/munge.key ] || { mungekey --create --force 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; }
chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key
pgrep -x munged >/dev/null || runuser -u munge -- /usr/sbin/munged
pgrep -x slurmctld >/dev/null || slurmctld
pgrep -x slurmd >/dev/null || slurmd
for _ in $(seq 60); do
  state=$(sinfo -h -o %T 2>/dev/null | head -1 || true)
  case "$state" in idle*|mixed*|alloc*) echo "slurm check: one-node cluster up ($host, $cpus CPUs, partition debug: $state)"; exit 0;; esac
  sleep 1
done
echo "slurm check: the cluster did not come up (node state '${state:-none}'); logs in /var/log/slurm" >&2
exit 1
