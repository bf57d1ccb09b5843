"""
Averages the weights of finished runs (typically one lineage: a run and the run `train.py --init-from` continued it
into) into a new run dir that `pipeline.py --skip-train` ships: last.pt, tokenizer.json and a record.json whose
`reproduce` rebuilds it from scratch.

    /usr/bin/python3 average.py --out runs/seed1-v21A runs/seed1-v21 runs/seed1-v21C
"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402


def load_run(path):
    for f in ('last.pt', 'record.json', 'tokenizer.json'):
        if not os.path.exists(os.path.join(path, f)):
            raise SystemExit(f'average.py: {path}: no {f} (name finished runs)')
    with open(os.path.join(path, 'record.json'), encoding='utf-8') as f:
        record = json.load(f)
    with open(os.path.join(path, 'tokenizer.json'), encoding='utf-8') as f:
        tokenizer = f.read()
    return record, tokenizer


def ancestors(record):
    """sha256 of every checkpoint the run was trained further from (`init_from`, its parent's, …)."""
    node, shas = record.get('init_from'), set()
    while node:
        shas.add(node['sha256'])
        node = node.get('parent')
    return shas


def related(path_a, rec_a, path_b, rec_b):
    """One run is the other's ancestor, or they share one: their weights sit in one basin whatever corpus each read."""
    a, b = ancestors(rec_a), ancestors(rec_b)
    own = [data.sha256_file(os.path.join(p, 'last.pt')) for p in (path_a, path_b)]
    return own[0] in b or own[1] in a or bool(a & b)


def check_compatible(runs, loaded):
    """
    Weights can be averaged only between runs with one model config and one tokenizer, on one corpus — or on corpora
    of one lineage: a run trained further on a fresh draw (`train.py --fresh-corpus`) averages with its parent.
    """
    (first_rec, first_tok), first = loaded[0], runs[0]
    for path, (rec, tok) in zip(runs[1:], loaded[1:]):
        if rec['corpus']['train_sha256'] != first_rec['corpus']['train_sha256'] and not related(first, first_rec, path, rec):
            raise SystemExit(f'average.py: {path} was trained on another corpus than {first}')
        if rec['model_config'] != first_rec['model_config']:
            raise SystemExit(f'average.py: {path} has another model config than {first}')
        if tok != first_tok:
            raise SystemExit(f'average.py: {path} has another tokenizer than {first}')


def average_weights(checkpoints):
    """Mean of every float tensor, in float32; anything else (none today) is taken from the last checkpoint."""
    last = checkpoints[-1]['model']
    return {k: torch.stack([c['model'][k].float() for c in checkpoints]).mean(0).to(v.dtype) if v.is_floating_point() else v
            for k, v in last.items()}


def reproduce_chain(records, command):
    """Each run's own reproduce (a continued run's already starts with its parent's), each command once, then this one."""
    steps = []
    for rec in records:
        for part in rec['reproduce'].split(' && '):
            if part not in steps:
                steps.append(part)
    return ' && '.join(steps + [command])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True, help='run dir to write (last.pt, tokenizer.json, record.json)')
    ap.add_argument('runs', nargs='+', help='finished run dirs; the last one gives the record its other fields')
    a = ap.parse_args(argv)
    if len(a.runs) < 2:
        raise SystemExit('average.py: name at least two runs')
    if os.path.abspath(a.out) in {os.path.abspath(r) for r in a.runs}:
        raise SystemExit(f'average.py: --out {a.out} is one of the runs averaged')
    loaded = [load_run(r) for r in a.runs]
    check_compatible(a.runs, loaded)
    checkpoints = [torch.load(os.path.join(r, 'last.pt'), map_location='cpu') for r in a.runs]

    command = ' '.join(['/usr/bin/python3', os.path.relpath(__file__)] + (argv if argv is not None else sys.argv[1:]))
    records = [rec for rec, _ in loaded]
    record = dict(records[-1])
    record.update({
        'command': command,
        'reproduce': reproduce_chain(records, command),
        # Each member's own seed: the record's top-level `seed` is the last run's, which alone does not rebuild an average.
        'averaged_from': [{'run': os.path.relpath(r), 'sha256': data.sha256_file(os.path.join(r, 'last.pt')),
                           'steps': rec.get('total_steps', rec['steps']), 'seed': rec['seed'],
                           'corpus_sha256': rec['corpus']['train_sha256']} for r, rec in zip(a.runs, records)],
        # The runs' held-out slices scored their own checkpoints, not this one.
        'best': {'step': None, 'eval_slice': None, 'heldout_greedy': None},
        'eval_history': [],
    })
    ck = dict(checkpoints[-1])
    ck.update({'model': average_weights(checkpoints), 'scores': None})
    data.write_run(a.out, ck, loaded[0][1], record)
    print(f'averaged {len(a.runs)} runs → {a.out}/last.pt (' + ', '.join(f'{x["run"]} step {x["steps"]}' for x in record['averaged_from']) + ')')


if __name__ == '__main__':
    main()
