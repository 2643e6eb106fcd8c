"""The SLURM path against a real one-node cluster (brought up by .ci/slurm_up.sh): a tiny sweep as an array
compared with the same sweep in process; a task cancelled while it runs, and the rerun that completes it;
the batch script's options read back from `scontrol show job`; a task past its time limit requeued until
its group is done; the one-line errors for a group that cannot fit in its limit and for GPUs asked of a
partition without any. Prints what it saw; exits non-zero on the first thing that differs."""
import re, subprocess, sys, tempfile, time
from pathlib import Path
import pandas as pd

SWEEP = ('--dataset rotated_digits --domains 0,15,30 --targets 15 --arch mnist_cnn --width 16 --seeds 0,1 --criteria random,taylor '
         '--ratios 0.5 --epochs 6 --lr 0.01 --bs 20 --finetune_epochs 1 --corruptions none --algorithm erm,coral').split()
SLURM = '--executor slurm --partition debug --gpus_per_job 0 --cpus_per_task 1'.split()
LONG = ('--dataset rotated_digits --domains 0,15,30 --targets 15 --arch resnet20 --width 16 --seeds 0 --criteria random,l1,taylor '
        '--ratios 0.3,0.5 --epochs 200 --bs 20 --finetune_epochs 10 --corruptions none --n_batches 4').split()  # a parent no limit of 1 minute fits
# A group of 24 criteria that each sleep 5 s in a SLURM task: longer than a 2-minute limit whatever the machine. A task
# is signalled ~90 s after its start; a requeued one waits ~60 s and is signalled ~60 s after it starts again (as this
# cluster counts): 4 slots fit the 24 even where a task takes 20 s to start.
SLEEP_S, SLOW = 5, 24
PLUGIN = f"""import os, time
from dg_pruning.importance import register_criterion, CRITERIA
def slow(name):
    def score(model, units, batches):
        "L1, after {SLEEP_S} s in a SLURM task (in process at once): a unit's length the machine does not change"
        if 'SLURM_JOB_ID' in os.environ: time.sleep({SLEEP_S})
        return CRITERIA['l1'](model, units, batches)
    register_criterion(name)(score)
for k in range({SLOW}): slow(f'slow{{k}}')
"""
def requeued(d):
    (d / 'slow.py').write_text(PLUGIN)
    crit = ','.join(['random'] + [f'slow{k}' for k in range(SLOW)])
    return ('--dataset rotated_digits --domains 0,15,30 --targets 15 --arch mnist_cnn --width 8 --seeds 0 --epochs 3 --bs 20 '
            f'--ratios 0.5 --finetune_epochs 1 --corruptions none --n_batches 2 --criteria {crit} --imports {d / "slow.py"}').split()

def sh(*cmd, check=True): return subprocess.run(list(cmd), capture_output=True, text=True, check=check)
def dg(*args, check=True):
    r = subprocess.run(['dg_prune', *args], capture_output=True, text=True, env={**__import__('os').environ, 'OMP_NUM_THREADS': '1'})
    if check and r.returncode: sys.exit(f"slurm check: dg_prune {' '.join(args)} failed:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return r
def table(out):
    df = pd.read_csv(Path(out) / 'results.csv', dtype={'target': str})
    return df[[c for c in df.columns if not c.startswith('time_') and c not in ('ran_on', 'host', 'ran_with')]]  # the numbers
def same(a, b, what):
    pd.testing.assert_frame_equal(table(a), table(b), check_exact=False, rtol=1e-6, atol=1e-9)
    print(f"slurm check: {what}: results equal the in-process run's ({len(table(a))} rows)")
def array_id(stdout): return re.search(r'submitted SLURM array (\d+)', stdout).group(1)
def wait_gone(job, limit=600):
    t0 = time.time()
    while sh('squeue', '-h', '-j', job, check=False).stdout.strip() and time.time() - t0 < limit: time.sleep(1)

def main(steps=('array', 'cancel', 'limit', 'errors')):
    d = Path(tempfile.mkdtemp(prefix='slurm_check_', dir='/tmp'))  # a folder every node sees: this one machine
    if 'array' in steps: array(d)
    if 'cancel' in steps: cancel(d)
    if 'limit' in steps: limit(d)
    if 'errors' in steps: errors(d)
    print('slurm check: passed')

def array(d):
    dg(*SWEEP, '--executor', 'inprocess', '--out', str(d / 'inproc'))
    r = dg(*SWEEP, *SLURM, '--timeout_min', '30', '--wait', '--out', str(d / 'array'))
    job = array_id(r.stdout)
    print(f"slurm check: array {job}: {r.stdout.count('failed') and 'failures' or '4 tasks'} finished")
    same(d / 'array', d / 'inproc', f'array {job} (4 tasks, --wait)')
    show = sh('scontrol', 'show', 'job', f'{job}_0').stdout
    want = {'Partition': 'debug', 'TimeLimit': '00:30:00', 'NumCPUs': '1', 'JobName': 'dg_prune'}
    got = {k: (re.search(rf'\b{k}=(\S+)', show) or [None, None])[1] for k in want}
    if got != want or 'gres/gpu' in show: sys.exit(f"slurm check: scontrol shows {got} (want {want}){' and a GPU' if 'gres/gpu' in show else ''}")
    print(f"slurm check: scontrol show job {job}_0: {', '.join(f'{k}={v}' for k, v in got.items())}, no GPU")

def cancel(d):
    if not (d / 'inproc').exists(): dg(*SWEEP, '--executor', 'inprocess', '--out', str(d / 'inproc'))
    r = dg(*SWEEP, *SLURM, '--timeout_min', '30', '--out', str(d / 'cancel'))
    job = array_id(r.stdout)
    t0 = time.time()
    while 'RUNNING' not in sh('squeue', '-h', '-r', '-j', f'{job}_1', '-o', '%T', check=False).stdout and time.time() - t0 < 120: time.sleep(0.2)
    sh('scancel', f'{job}_1'); wait_gone(job)
    print(f"slurm check: task {job}_1 cancelled while it ran; {len(list((d / 'cancel' / 'units').glob('*.json')))} of "
          f"{len(list((d / 'inproc' / 'units').glob('*.json')))} units were written")
    r = dg(*SLURM, '--timeout_min', '30', '--wait', *SWEEP, '--out', str(d / 'cancel'))
    m = re.search(r'submitted SLURM array (\d+): (\d+) task', r.stdout)
    if not m or m.group(2) != '1': sys.exit(f"slurm check: the rerun should submit the cancelled group only: {r.stdout[-800:]}")
    same(d / 'cancel', d / 'inproc', f'rerun after the cancel (array {m.group(1)}: 1 task)')

def limit(d):
    group = requeued(d)
    dg(*group, '--executor', 'inprocess', '--out', str(d / 'long_inproc'))
    t0 = time.time(); r = dg(*group, *SLURM, '--timeout_min', '2', '--wait', '--out', str(d / 'long'), check=False)
    job = re.search(r'submitted SLURM array (\d+)', r.stdout).group(1)
    log = '\n'.join(p.read_text() for p in sorted((d / 'long' / 'jobs').glob('*_log.err')))
    lines = [l for l in log.splitlines() if 'Caught signal' in l or 'DUE TO JOB REQUEUE' in l and 'STEP' not in l]
    restarts = (re.search(r'Restarts=(\d+)', sh('scontrol', 'show', 'job', job, check=False).stdout) or [None, '?'])[1]
    print(f"slurm check: a 2-minute limit on a longer group (array {job}): done in {time.time() - t0:.0f} s after {restarts} requeue(s); its log:")
    for l in lines: print('    ' + l.strip())
    if r.returncode: sys.exit(f"slurm check: the requeued group did not finish: {r.stderr.strip()[-600:]}")
    if 'DUE TO JOB REQUEUE' not in log: sys.exit("slurm check: the group finished without being requeued: raise SLEEP_S")
    same(d / 'long', d / 'long_inproc', 'the group requeued at its time limit')

def errors(d):
    r = dg(*LONG, *SLURM, '--timeout_min', '1', '--wait', '--out', str(d / 'nofit'), check=False)
    print(f"slurm check: a group whose parent cannot train in 1 minute: {(r.stderr.strip().splitlines() or ['?'])[-1]}")
    if r.returncode == 0 or 'did not finish within one time limit' not in r.stderr: sys.exit("slurm check: no clear time-limit error")
    r = dg(*SWEEP, '--executor', 'slurm', '--partition', 'debug', '--timeout_min', '5', '--out', str(d / 'gpu'), check=False)
    print(f"slurm check: the default --gpus_per_job 1 on a partition without GPUs: {(r.stderr.strip().splitlines() or ['?'])[-1]}")
    if r.returncode == 0 or '--gpus_per_job 0' not in r.stderr: sys.exit("slurm check: no clear GPU error")

if __name__ == '__main__': main(*([sys.argv[1:]] if sys.argv[1:] else []))
