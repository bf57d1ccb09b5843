#!/usr/bin/env bash
# Builds the Cabin LM end to end: corpus → train → export → quantize → manifest. `--smoke`: a tiny model in a temp dir (CI).
#   bash models/training/build-model.sh [--smoke] [--seed N] [--minutes N] [--out DIR] [--data DIR]
# Needs Debian's python3-torch, python3-onnx and libopenblas0-pthread (at /usr/bin/python3) and a built dist/.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${CABIN_PYTHON:-/usr/bin/python3}
smoke=0 seed=1 minutes=35 out="" data="" data_given=0
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1 ;;
    --seed) seed=$2; shift ;;
    --minutes) minutes=$2; shift ;;
    --out) out=$2; shift ;;
    --data) data=$2; data_given=1; shift ;;  # an existing corpus dir: skip generating one
    *) echo "build-model.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

"$PY" -c 'import torch, onnx' 2>/dev/null || { echo "build-model.sh: $PY lacks torch/onnx (apt-get install python3-torch python3-onnx libopenblas0-pthread)" >&2; exit 3; }
[ -f dist/models/training/corpus/generate.js ] || npx tsc -p tsconfig.json

if [ "$smoke" = 1 ]; then
  work=$(mktemp -d -t cabin-lm-smoke.XXXXXX)
  [ -z "$out" ] || trap 'rm -rf "$work"' EXIT  # the shipped dir lives elsewhere: the corpus and run are scratch
  data=${data:-$work/data}
  [ "$data_given" = 1 ] || node dist/models/training/corpus/generate.js --seed "$seed" --out "$data" --small
  # 30 steps of the tiny config: proves every stage runs and the artefacts load, not that the model is any good.
  "$PY" models/training/pipeline.py --data "$data" --run "$work/run" --ship "${out:-$work/cabin-lm}" \
    --config tiny --steps 30 --seed "$seed"
  echo "CABIN_LM_DIR=${out:-$work/cabin-lm}"
else
  data=${data:-models/training/data}
  [ "$data_given" = 1 ] || node dist/models/training/corpus/generate.js --seed "$seed" --out "$data"
  "$PY" models/training/pipeline.py --data "$data" --run "models/training/runs/seed$seed" \
    --ship "${out:-models/cabin-lm}" --config small --minutes "$minutes" --seed "$seed"
fi
