#!/usr/bin/env bash
# Stop what .ci/slurm_up.sh started.
scancel --user root 2>/dev/null || true
pkill -x slurmd 2>/dev/null || true
pkill -x slurmctld 2>/dev/null || true
pkill -x munged 2>/dev/null || true
echo "slurm check: cluster shut down"
