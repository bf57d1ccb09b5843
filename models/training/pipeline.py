"""Corpus dir → trained run → fp32 export → int8 shipped dir with manifest.json, in one process (build-model.sh calls it)."""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixtures  # noqa: E402
import quantize  # noqa: E402
import train  # noqa: E402
from export_onnx import export_dir, load_checkpoint, write_json  # noqa: E402

SHIPPED_FILES = ('model.onnx', 'config.json', 'tokenizer.json', 'tokenizer-cases.json', 'parity-fixture.json')
# Built beside the model from its corpus (WordNet words the corpus never says → words it does; see
# models/runtime/word-lexicon.ts). Node builds it: the WordNet reader and the runtime's word cutting are TypeScript.
LEXICON = 'lexicon.json'
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
BUILD_LEXICON = os.path.join(REPO, 'dist', 'models', 'training', 'corpus', 'build-lexicon.js')


def lexicon_entry(ship_dir):
    path = os.path.join(ship_dir, LEXICON)
    if not os.path.exists(path):
        return {}
    with open(path, encoding='utf-8') as f:
        lex = json.load(f)
    return {'lexicon': {'entries': len(lex['entries']), 'source': lex['source']}}


def build_lexicon(data, ship_dir):
    if not os.path.exists(BUILD_LEXICON):
        sys.exit(f'pipeline: {os.path.relpath(BUILD_LEXICON)} is missing; run `npm run build` first (or pass --no-lexicon)')
    subprocess.run(['node', BUILD_LEXICON, '--data', data, '--out', os.path.join(ship_dir, LEXICON)], check=True)


def file_entry(path):
    with open(path, 'rb') as f:
        return {'sha256': hashlib.sha256(f.read()).hexdigest(), 'bytes': os.path.getsize(path)}


def manifest(ship_dir, record, export_info, quant, pipeline_command):
    return {
        'name': 'Cabin LM',
        'format': 'Hugging Face-style causal LM (config.json, tokenizer.json, model.onnx with past_key_values)',
        'files': {f: file_entry(os.path.join(ship_dir, f)) for f in SHIPPED_FILES + (LEXICON,) if os.path.exists(os.path.join(ship_dir, f))},
        'params': record['params'],
        'architecture': {k: record['model_config'][k] for k in ('d_model', 'n_layers', 'n_heads', 'ffn_mult', 'max_len', 'vocab_size')}
        | {'positions': 'rotary', 'norm': 'pre-LN', 'tied_embeddings': True},
        'quantization': 'int8',
        'quantization_detail': {k: quant[k] for k in ('scheme', 'weight_qmax', 'quantized_ops', 'float_ops', 'bytes', 'fp32_bytes')}
        | {'rewritten': [f'{r["node"]} [{"x".join(map(str, r["weight"]))}]: {r["as"]}' for r in quant['rewritten']]},
        'corpus': {'train_sha256': record['corpus']['train_sha256'], 'train_rows': record['corpus']['train_rows'],
                   'heldout_rows': record['corpus']['heldout_rows'],
                   'generator': 'node dist/models/training/corpus/generate.js --seed SEED --out DIR'},
        'seed': record['seed'],
        'training': {'pipeline_command': pipeline_command, 'command': record['command'], 'reproduce': record['reproduce'],
                     'steps': record['steps'], 'epochs': record['epochs'], 'seconds': record['train_seconds'],
                     'tokens_per_second': record['tokens_per_second'], 'checkpoint': export_info['checkpoint'],
                     'checkpoint_step': export_info['checkpoint_step'], 'best_step': record['best']['step'],
                     'torch': record['torch'], 'python_greedy_heldout': record['best'].get('heldout_greedy')}
        # A run that continues another (train.py --init-from): its steps are its own; the chain's are total_steps.
        | ({'total_steps': record['total_steps'], 'init_from': {k: record['init_from'][k] for k in ('run', 'checkpoint', 'sha256', 'steps')}}
           if record.get('init_from') else {})
        # Weights averaged over finished runs (average.py): which ones, at how many steps each.
        | ({'averaged_from': record['averaged_from']} if record.get('averaged_from') else {}),
        'checks': {'kv_cache_max_abs_diff_torch': export_info['kv_cache_max_abs_diff'], 'opset': export_info['opset']},
        **lexicon_entry(ship_dir),
        'heldout': None,
        'heldout_note': 'null until filled from the TypeScript evaluation (cabin bench, grammar-constrained decoding '
                        'on the full held-out split); training.python_greedy_heldout is best.pt (the step that scored best on a '
                        'held-out slice during training, which is not always the shipped training.checkpoint) in the fp32 Python decoder '
                        'restricted to action tokens but not to the grammar, before quantization',
    }


def run(a, command):
    os.makedirs(a.run, exist_ok=True)
    if not a.skip_train:
        argv = ['--data', a.data, '--out', a.run, '--seed', str(a.seed), '--config', a.config, '--threads', str(a.threads)]
        for k in ('minutes', 'epochs', 'steps'):
            if getattr(a, k) is not None:
                argv += [f'--{k}', str(getattr(a, k))]
        train.main(argv)
    with open(os.path.join(a.run, 'record.json'), encoding='utf-8') as f:
        record = json.load(f)
    fp32 = os.path.join(a.run, 'export-fp32')
    export_info = export_dir(a.run, fp32, checkpoint=a.checkpoint, corpus_dir=a.data)
    model, tok, ck = load_checkpoint(a.run, a.checkpoint)
    write_json(os.path.join(fp32, 'parity-fixture.json'), fixtures.fixture_doc(model, tok, ck), indent=None)
    os.makedirs(a.ship, exist_ok=True)
    quant = quantize.quantize_file(os.path.join(fp32, 'model.onnx'), os.path.join(a.ship, 'model.onnx'), a.qmax)
    write_json(os.path.join(fp32, 'quantization.json'), quant)
    for f in SHIPPED_FILES[1:]:
        shutil.copyfile(os.path.join(fp32, f), os.path.join(a.ship, f))
    if a.lexicon:
        build_lexicon(a.data, a.ship)
    elif os.path.exists(os.path.join(a.ship, LEXICON)):
        os.remove(os.path.join(a.ship, LEXICON))  # a stale one would be applied to the new model
    write_json(os.path.join(a.ship, 'manifest.json'), manifest(a.ship, record, export_info, quant, command))
    print(f'shipped {a.ship}: model.onnx {quant["bytes"] / 1e6:.2f} MB (fp32 {quant["fp32_bytes"] / 1e6:.2f} MB aside in {fp32}), '
          f'{record["params"]:,} params, quantized {quant["quantized_ops"]}', flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--data', required=True)
    ap.add_argument('--run', required=True, help='training run dir (checkpoints, record, fp32 export)')
    ap.add_argument('--ship', required=True, help='the model dir to write (models/cabin-lm for the real model)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--config', default='small', choices=sorted(train.CONFIGS))
    ap.add_argument('--minutes', type=float)
    ap.add_argument('--epochs', type=float)
    ap.add_argument('--steps', type=int)
    ap.add_argument('--threads', type=int, default=train.DEFAULT_THREADS)
    # The last step by default: `best.pt` is chosen on held-out rows, so shipping it would let the held-out split
    # pick the model that is then scored on it.
    ap.add_argument('--checkpoint', default='last.pt', choices=['last.pt', 'best.pt'])
    ap.add_argument('--qmax', type=int, default=quantize.DEFAULT_QMAX, choices=[63, 127])
    ap.add_argument('--skip-train', action='store_true', help='export and ship an existing run dir')
    ap.add_argument('--no-lexicon', dest='lexicon', action='store_false',
                    help='ship without lexicon.json (the WordNet word lexicon built from --data)')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    t0 = time.time()
    run(a, ' '.join(['/usr/bin/python3', os.path.relpath(__file__)] + sys.argv[1:]))
    print(f'pipeline done in {time.time() - t0:.0f} s', flush=True)


if __name__ == '__main__':
    main()
