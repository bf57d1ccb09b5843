"""Writes parity-fixture.json: torch's logits for fixed prompts, so the TypeScript runtime can check the ONNX files against them."""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_onnx import load_checkpoint  # noqa: E402

PROMPTS = [('turn on the seat heating and set the temperature to 22', 'driver'), ('把空调调到二十二度', 'passenger'),
           ('play some music', 'rear_left')]
HEAD = 8  # logits kept per row: enough to catch a wrong weight or layout, small enough to commit


@torch.no_grad()
def fixture(model, tok, text, speaker, steps=8):
    """
    The prompt's ids; for the prefill (all prompt positions in one call) the argmax per position and the first
    HEAD logits of the last row; then `steps` greedy KV-cached steps restricted to the action tokens and [EOS],
    each with the chosen id, its logit and the first HEAD logits. Feeding the chosen ids back one per call
    reproduces every row.
    """
    ids = tok.prompt(text, speaker)
    n = len(ids)
    logits, *past = model(torch.tensor([ids]), torch.ones(1, n, dtype=torch.long), torch.arange(n)[None],
                          *model.empty_past())
    out = {'text': text, 'speaker': speaker, 'input_ids': ids,
           'prefill': {'argmax': logits[0].argmax(-1).tolist(), 'last_head': [round(v, 5) for v in logits[0, -1, :HEAD].tolist()]},
           'steps': []}
    allowed = torch.full((model.cfg.vocab_size,), float('-inf'))
    allowed[torch.tensor(tok.action_ids + [tok.eos_id])] = 0.0
    row, total = logits[0, -1], n
    for _ in range(steps):
        nxt = int((row + allowed).argmax())
        out['steps'].append({'position': total, 'next_id': nxt, 'next_token': tok.inv[nxt],
                             'next_logit': round(float(row[nxt]), 5), 'head': [round(v, 5) for v in row[:HEAD].tolist()]})
        if nxt == tok.eos_id:
            break
        logits, *past = model(torch.tensor([[nxt]]), torch.ones(1, total + 1, dtype=torch.long),
                              torch.tensor([[total]]), *past)
        row, total = logits[0, -1], total + 1
    out['actions'] = tok.decode_actions([s['next_id'] for s in out['steps']])
    return out


def fixture_doc(model, tok, ck):
    return {'about': 'fp32 torch reference for model.onnx: values agree to ~1e-4 with the fp32 export; compare '
                     'next_id (argmax over allowed_ids) for the int8 export, whose logits carry quantization error',
            'checkpoint_step': ck['step'], 'allowed_ids': tok.action_ids + [tok.eos_id],
            'cases': [fixture(model, tok, t, s) for t, s in PROMPTS]}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--run', required=True, help='training run dir')
    ap.add_argument('--out', required=True, help='file to write (e.g. DIR/parity-fixture.json)')
    ap.add_argument('--checkpoint', default='best.pt')
    a = ap.parse_args()
    torch.set_num_threads(2)
    model, tok, ck = load_checkpoint(a.run, a.checkpoint)
    doc = fixture_doc(model, tok, ck)
    with open(a.out, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False)
        f.write('\n')


if __name__ == '__main__':
    main()
