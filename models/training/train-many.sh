#!/bin/bash
# Trains several runs at once, each its own train.py process — on a GPU, where one process leaves the card mostly
# idle (the small config is bound by Python and kernel launches: on an H200, three runs side by side each did ~41
# steps/s, 4,238 steps in 1.7 min against ~84 min on one CPU core here; four side by side 31-39 steps/s each).
#
# usage: bash models/training/train-many.sh [--device DEV] [--threads N] [--deadline S] [--pack DIR] [--runs DIR] -- RUN...
#   RUN is NAME:DATA_DIR:SEED:STEPS[:EXTRA], EXTRA being more train.py flags joined by commas (--config,medium).
#   Each run writes RUNS/NAME (--runs, default models/training/runs; its output in RUNS/NAME.out); --device is
#   cuda unless given. --deadline stops runs still going after S seconds (they leave no last.pt). --pack tars each
#   finished run's last.pt, tokenizer.json, progress.log and record.json into DIR/NAME.tar (to carry it off a lent
#   machine); unpacked into runs/NAME, `pipeline.py --skip-train` exports it as any other run. $PYTHON picks the
#   interpreter (default python3).
set -u
usage() { sed -n '6,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
device=cuda threads=2 deadline=0 pack='' runs=''
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case "$1" in
    --device) device=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --deadline) deadline=$2; shift 2 ;;
    --pack) pack=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "train-many.sh: unknown option $1" >&2; usage ;;
  esac
done
[ "${1:-}" = "--" ] && shift || usage
[ $# -gt 0 ] || usage
here=$(cd "$(dirname "$0")" && pwd)
runs=${runs:-$here/runs}
mkdir -p "$runs"
for spec in "$@"; do
  IFS=: read -r name data seed steps extra <<<"$spec"
  [ -n "$name" ] && [ -d "$data" ] && [[ "$seed" =~ ^[0-9]+$ ]] && [[ "$steps" =~ ^[0-9]+$ ]] \
    || { echo "train-many.sh: bad run \"$spec\" (NAME:DATA_DIR:SEED:STEPS[:EXTRA], DATA_DIR must exist)" >&2; exit 2; }
done
pids=() names=()
for spec in "$@"; do
  IFS=: read -r name data seed steps extra <<<"$spec"
  PYTHONUNBUFFERED=1 "${PYTHON:-python3}" "$here/train.py" --data "$data" --out "$runs/$name" --seed "$seed" \
    --steps "$steps" --threads "$threads" --device "$device" ${extra//,/ } > "$runs/$name.out" 2>&1 &
  pids+=($!) names+=("$name")
  echo "train-many.sh: $name started (pid $!, log $runs/$name.out)"
done
start=$(date +%s)
while :; do
  alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
  [ $alive = 0 ] && break
  if [ "$deadline" -gt 0 ] && [ $(( $(date +%s) - start )) -ge "$deadline" ]; then
    echo "train-many.sh: deadline of $deadline s reached, stopping the runs still going" >&2
    kill "${pids[@]}" 2>/dev/null; sleep 2; break
  fi
  sleep 5
done
status=0
for name in "${names[@]}"; do
  d="$runs/$name"
  if [ ! -f "$d/last.pt" ]; then echo "train-many.sh: $name did not finish (tail of $d.out):"; tail -3 "$d.out"; status=1; continue; fi
  echo "train-many.sh: $name: $(tail -1 "$d/progress.log" | cut -c1-160)"
  if [ -n "$pack" ]; then
    mkdir -p "$pack" && (cd "$d" && tar -cf "$pack/$name.tar" last.pt tokenizer.json progress.log $(ls record.json 2>/dev/null))
  fi
done
exit $status
