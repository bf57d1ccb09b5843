"""
Turns a shipped int8 model dir back into a run dir that `train.py --init-from` continues and `average.py` averages
(last.pt, tokenizer.json, record.json) — for when the run that trained the shipped model is gone (run dirs are not
committed; a new machine starts without them).

    /usr/bin/python3 recover.py --model models/cabin-lm --data runs/data-v21 --out runs/shipped

The weights are dequantized (int8 × scale). Quantizing them again gives back the shipped int8 tensors exactly, so
`pipeline.py --skip-train` on the recovered run ships the same weights; what int8 rounded away is not recovered.
The tied embedding is stored twice in the shipped file (the Gather table, ±127 per row, and the output MatMul,
±63 per row): each recovered value lies in both of its rounding intervals.
"""
import argparse
import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
from model import CONFIGS, CabinLM, Config  # noqa: E402


def load_shipped(model_dir):
    """The manifest and the int8 initializers, after checking model.onnx is the file the manifest names."""
    for f in ('model.onnx', 'manifest.json', 'tokenizer.json'):
        if not os.path.exists(os.path.join(model_dir, f)):
            raise SystemExit(f'recover.py: {model_dir}: no {f} (name a shipped model dir)')
    with open(os.path.join(model_dir, 'manifest.json'), encoding='utf-8') as f:
        manifest = json.load(f)
    digest = data.sha256_file(os.path.join(model_dir, 'model.onnx'))
    if manifest.get('files', {}).get('model.onnx', {}).get('sha256') != digest:
        raise SystemExit(f'recover.py: {model_dir}/model.onnx (sha256 {digest[:12]}…) is not the file its manifest names')
    if manifest.get('quantization') != 'int8' or 'training' not in manifest:
        raise SystemExit(f'recover.py: {model_dir}: not a Cabin LM int8 export (manifest has no int8 quantization or training record)')
    inits = {i.name: numpy_helper.to_array(i) for i in onnx.load(os.path.join(model_dir, 'model.onnx')).graph.initializer}
    return manifest, inits, digest


def config_for(manifest):
    """The training config whose shape the shipped architecture has (its dropout is what a continuation trains with)."""
    arch = manifest['architecture']
    for name, c in CONFIGS.items():
        if all(c[k] == arch[k] for k in ('d_model', 'n_layers', 'n_heads', 'ffn_mult')):
            return name, Config(vocab_size=arch['vocab_size'], max_len=arch['max_len'], **c)
    raise SystemExit(f'recover.py: no config in model.py has the shipped shape {arch}')


def dequant_columns(inits, base):
    """MatMul weight [in, out] stored per output column: back to the torch Linear layout [out, in]."""
    q, scale = inits[f'{base}.weight_int8'].astype(np.float32), inits[f'{base}.weight_scale']
    if np.any(inits[f'{base}.weight_zero_point']):
        raise SystemExit(f'recover.py: {base}: non-zero weight zero point (this tool reads the symmetric scheme only)')
    return (q * scale).T


def tied_embedding(inits):
    """Each value in both of its rounding intervals: the table's (±127 per row) and the output MatMul's (±63 per row).

    The row maximum keeps the table's exact value, so both row scales come out the same when quantized again."""
    q_row, s_row = inits['emb.Gather.weight_int8'].astype(np.float64), inits['emb.Gather.row_scale'].astype(np.float64)
    q_out, s_out = inits['MatMul.weight_int8'].T.astype(np.float64), inits['MatMul.weight_scale'].astype(np.float64)[:, None]
    lo = np.maximum((q_row - 0.5) * s_row, (q_out - 0.5) * s_out)
    hi = np.minimum((q_row + 0.5) * s_row, (q_out + 0.5) * s_out)
    w = np.where(lo <= hi, (lo + hi) / 2, q_row * s_row)  # disjoint only through float rounding at a bin edge
    peak = np.abs(q_row) == 127
    w[peak] = (q_row * s_row)[peak]
    return w.astype(np.float32), int((lo > hi).sum())


def state_dict(inits, cfg):
    sd = {}
    emb, disjoint = tied_embedding(inits)
    sd['emb.weight'] = emb
    for i in range(cfg.n_layers):
        for ln in ('ln1', 'ln2'):
            sd[f'blocks.{i}.{ln}.weight'] = inits[f'blocks.{i}.{ln}.weight']
            sd[f'blocks.{i}.{ln}.bias'] = inits[f'blocks.{i}.{ln}.bias']
        for lin in ('qkv', 'proj', 'up', 'down'):
            sd[f'blocks.{i}.{lin}.weight'] = dequant_columns(inits, f'blocks.{i}.{lin}.MatMul')
        for lin in ('up', 'down'):
            sd[f'blocks.{i}.{lin}.bias'] = inits[f'blocks.{i}.{lin}.bias']
    sd['ln_f.weight'], sd['ln_f.bias'] = inits['ln_f.weight'], inits['ln_f.bias']
    sd = {k: torch.from_numpy(np.array(v, dtype=np.float32)) for k, v in sd.items()}
    CabinLM(cfg).load_state_dict(sd)  # strict: every parameter named, every shape right
    return sd, disjoint


def record_for(manifest, cfg, config_name, command, model_dir, digest, corpus):
    t = manifest['training']
    steps = t.get('total_steps', t['steps'])
    return {
        'command': command,
        # Rebuild the shipped model from scratch, ship it where this run read it from, then recover it.
        'reproduce': ' && '.join([t['reproduce'], t['pipeline_command'], command]),
        'seed': manifest['seed'], 'config_name': config_name, 'model_config': cfg.to_dict(),
        'corpus': corpus,
        'params': manifest['params'], 'vocab_size': cfg.vocab_size,
        # train.py counts a continuation's total_steps from these: the shipped lineage's steps.
        'steps': steps, 'epochs': None, 'train_seconds': 0.0, 'eval_seconds': 0.0, 'tokens_per_second': None,
        'best': {'step': None, 'eval_slice': None, 'heldout_greedy': None},
        'resumed_at': [], 'init_from': None, 'total_steps': steps, 'eval_history': [], 'torch': torch.__version__,
        'recovered_from': {'model': os.path.relpath(model_dir), 'model_onnx_sha256': digest,
                           'training': {k: t[k] for k in ('command', 'reproduce', 'steps', 'total_steps', 'init_from',
                                                          'averaged_from') if k in t}},
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--model', required=True, help='shipped model dir (model.onnx, manifest.json, tokenizer.json)')
    ap.add_argument('--data', required=True, help='the corpus dir it was trained on (its train.jsonl hash is checked)')
    ap.add_argument('--out', required=True, help='run dir to write (last.pt, tokenizer.json, record.json)')
    a = ap.parse_args(argv)
    if os.path.exists(os.path.join(a.out, 'last.pt')):
        # A run's weights are not overwritten: they may be the only copy of hours of training.
        raise SystemExit(f'recover.py: --out {a.out} already holds a last.pt (name a new run dir)')
    manifest, inits, digest = load_shipped(a.model)
    train_path = os.path.join(a.data, 'train.jsonl')
    if not os.path.exists(train_path):
        raise SystemExit(f'recover.py: --data {a.data}: no train.jsonl')
    corpus_sha = data.sha256_file(train_path)
    if corpus_sha != manifest['corpus']['train_sha256']:
        raise SystemExit(f'recover.py: --data {a.data}: train.jsonl is {corpus_sha[:12]}…, the model was trained on '
                         f'{manifest["corpus"]["train_sha256"][:12]}… (corpus.generator_commit in its manifest writes it)')
    config_name, cfg = config_for(manifest)
    sd, disjoint = state_dict(inits, cfg)

    command = ' '.join(['/usr/bin/python3', os.path.relpath(__file__)] + (argv if argv is not None else sys.argv[1:]))
    corpus = {k: manifest['corpus'][k] for k in ('train_sha256', 'train_rows', 'heldout_rows')}
    record = record_for(manifest, cfg, config_name, command, a.model, digest, corpus)
    with open(os.path.join(a.model, 'tokenizer.json'), encoding='utf-8') as f:
        tokenizer = f.read()
    data.write_run(a.out, {'model': sd, 'config': cfg.to_dict(), 'step': record['steps'], 'scores': None}, tokenizer, record)
    print(f'recovered {a.model}/model.onnx ({digest[:12]}…, {record["steps"]} steps, config {config_name}) → {a.out}/last.pt'
          + (f'; {disjoint} embedding values at a rounding edge took the table\'s value' if disjoint else ''))


if __name__ == '__main__':
    main()
