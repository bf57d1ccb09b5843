"""
Makes a trained run deeper without changing what it computes: new transformer blocks are inserted between the old
ones with their output projections (attention `proj`, feed-forward `down` and its bias) set to zero, so each new block
adds nothing to the residual stream until training moves those weights. The result is a run dir that `train.py
--init-from` continues under the deeper config — more capacity, starting from the trained model instead of from
scratch (which the small CPU schedule cannot afford for a bigger model).

    /usr/bin/python3 grow.py --from runs/shipped --config small6 --out runs/shipped-deep

The new blocks' input sides (LayerNorms, `qkv`, `up`) get the usual fresh initialisation; they start learning once
their zero output weights have taken a step (AdamW moves a zero weight on the first step, as any other).
"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
from model import CONFIGS, CabinLM, Config  # noqa: E402

ZEROED = ('proj.weight', 'down.weight', 'down.bias')


def placement(old: int, new: int) -> list:
    """For each block of the grown model, the old block it copies, or None for a new one; new blocks are spread
    evenly (4 → 6: old 0, old 1, new, old 2, old 3, new), so every depth of the old stack gets room after it."""
    if new <= old:
        raise ValueError(f'a grown model needs more than {old} layers, not {new}')
    extra = new - old
    after = [min(old - 1, max(0, round((k + 1) * old / extra) - 1)) for k in range(extra)]
    order = []
    for i in range(old):
        order.append(i)
        order.extend([None] * after.count(i))
    return order


def grow_state(sd: dict, old_cfg: Config, new_cfg: Config, seed: int) -> tuple:
    """The deeper model's state dict (old blocks copied, new ones identity) and the placement used."""
    for k in ('vocab_size', 'd_model', 'n_heads', 'ffn_mult', 'max_len', 'rope_base'):
        if getattr(old_cfg, k) != getattr(new_cfg, k):
            raise ValueError(f'{k} is {getattr(old_cfg, k)} in the run, {getattr(new_cfg, k)} in the target config (grow.py only adds layers)')
    order = placement(old_cfg.n_layers, new_cfg.n_layers)
    torch.manual_seed(seed)
    fresh = CabinLM(new_cfg).state_dict()
    out = {k: v.clone() for k, v in sd.items() if not k.startswith('blocks.')}
    for j, src in enumerate(order):
        prefix = f'blocks.{j}.'
        for name in [k[len(prefix):] for k in fresh if k.startswith(prefix)]:
            if src is not None:
                out[prefix + name] = sd[f'blocks.{src}.{name}'].clone()
            elif name in ZEROED:
                out[prefix + name] = torch.zeros_like(fresh[prefix + name])
            else:
                out[prefix + name] = fresh[prefix + name].clone()
    CabinLM(new_cfg).load_state_dict(out)  # strict: every parameter named, every shape right
    return out, order


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--from', dest='src', required=True, help='a finished run dir (last.pt, record.json, tokenizer.json)')
    ap.add_argument('--config', required=True, choices=sorted(CONFIGS), help='the deeper config to grow into')
    ap.add_argument('--out', required=True, help='run dir to write')
    ap.add_argument('--seed', type=int, default=1, help='initialises the new blocks\' input sides')
    a = ap.parse_args(argv)
    for need in ('last.pt', 'record.json', 'tokenizer.json'):
        if not os.path.exists(os.path.join(a.src, need)):
            raise SystemExit(f'grow.py: --from {a.src}: no {need} (name a finished run)')
    if os.path.exists(os.path.join(a.out, 'last.pt')):
        raise SystemExit(f'grow.py: --out {a.out} already holds a last.pt (name a new run dir)')
    record = json.load(open(os.path.join(a.src, 'record.json'), encoding='utf-8'))
    ck = torch.load(os.path.join(a.src, 'last.pt'), map_location='cpu')
    old_cfg = Config(**ck['config'])
    new_cfg = Config(vocab_size=old_cfg.vocab_size, max_len=old_cfg.max_len, **CONFIGS[a.config])
    try:
        sd, order = grow_state(ck['model'], old_cfg, new_cfg, a.seed)
    except ValueError as e:
        raise SystemExit(f'grow.py: {e}')
    command = ' '.join(['/usr/bin/python3', os.path.relpath(__file__)] + (argv if argv is not None else sys.argv[1:]))
    params = sum(v.numel() for k, v in sd.items())
    grown = dict(record)
    grown.update({
        'command': command,
        'reproduce': f'{record["reproduce"]} && {command}',
        'config_name': a.config, 'model_config': new_cfg.to_dict(), 'params': params,
        'eval_history': [], 'best': {'step': None, 'eval_slice': None, 'heldout_greedy': None},
        'grown_from': {'run': os.path.relpath(a.src), 'sha256': data.sha256_file(os.path.join(a.src, 'last.pt')),
                       'config_name': record.get('config_name'), 'n_layers': old_cfg.n_layers,
                       'placement': ['new' if s is None else s for s in order], 'seed': a.seed},
    })
    with open(os.path.join(a.src, 'tokenizer.json'), encoding='utf-8') as f:
        tokenizer = f.read()
    data.write_run(a.out, {'model': sd, 'config': new_cfg.to_dict(), 'step': record['steps'], 'scores': None}, tokenizer, grown)
    layout = ' '.join('new' if s is None else str(s) for s in order)
    print(f'grew {a.src} ({old_cfg.n_layers} layers) → {a.out} ({new_cfg.n_layers} layers: {layout}; {params:,} parameters)')


if __name__ == '__main__':
    main()
