"""Exports a trained Cabin LM checkpoint as a Hugging Face-style causal-LM directory (config.json, tokenizer.json, fp32 model.onnx with KV cache)."""
import argparse
import json
import os
import shutil
import sys

import onnx
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import tokenizer as toklib  # noqa: E402
from model import CabinLM, Config  # noqa: E402

OPSET = 17  # torch 1.13's newest: LayerNormalization stays one node instead of a ReduceMean/Sub/Pow chain

# Inputs the TS tokenizer parity test re-encodes (test/models/runtime/tokenizer.test.ts reads tokenizer-cases.json).
PARITY_TEXTS = ['turn on the AC', 'Set the Driver seat heater to 3, please!', '把AC关掉', '我有点冷', "I'm cold… 25°C",
                'ＡＣ　ｏｆｆ', 'rear-left window?', 'zzzz qqqq', '后排左边的座椅加热打开一下', 'Ⅻ ﬁ ½', '调到22.5度',
                'make it 72 F in the back', 'seat\x1cheat', 'x' * 101, 'Поверни климат', '🔥 too hot']


def load_checkpoint(run_dir, name='best.pt'):
    ck = torch.load(os.path.join(run_dir, name), map_location='cpu')
    cfg = Config(**ck['config'])
    model = CabinLM(cfg)
    model.load_state_dict(ck['model'])
    model.eval()
    tok = toklib.Tokenizer.load(os.path.join(run_dir, 'tokenizer.json'))
    return model, tok, ck


@torch.no_grad()
def kv_cache_check(model, prompts, extra=6):
    """Max |full-sequence logits − prefill-then-one-token-at-a-time logits| over the prompts (the export's KV path)."""
    worst = 0.0
    for p in prompts:
        g = torch.Generator().manual_seed(len(p))
        ids = torch.tensor([p + torch.randint(0, model.cfg.vocab_size, (extra,), generator=g).tolist()])
        n = ids.shape[1]
        full, *_ = model(ids, torch.ones(1, n, dtype=torch.long), torch.arange(n)[None], *model.empty_past())
        split = len(p)
        logits, *past = model(ids[:, :split], torch.ones(1, split, dtype=torch.long), torch.arange(split)[None],
                              *model.empty_past())
        steps = [logits]
        for t in range(split, n):
            logits, *past = model(ids[:, t:t + 1], torch.ones(1, t + 1, dtype=torch.long), torch.tensor([[t]]), *past)
            steps.append(logits)
        worst = max(worst, (torch.cat(steps, dim=1) - full).abs().max().item())
    return worst


def export_onnx(model, path):
    c = model.cfg
    layers, heads, hd = c.n_layers, c.n_heads, c.head_dim
    past_len, seq = 2, 3  # any non-zero sizes: every dimension below is dynamic
    args = (torch.tensor([[5, 6, 7]]), torch.ones(1, past_len + seq, dtype=torch.long),
            torch.arange(past_len, past_len + seq)[None], *[torch.zeros(1, heads, past_len, hd)] * (2 * layers))
    past_names = [f'past_key_values.{i}.{kv}' for i in range(layers) for kv in ('key', 'value')]
    present_names = [f'present.{i}.{kv}' for i in range(layers) for kv in ('key', 'value')]
    dyn = {'input_ids': {0: 'batch', 1: 'seq'}, 'attention_mask': {0: 'batch', 1: 'total_seq'},
           'position_ids': {0: 'batch', 1: 'seq'}, 'logits': {0: 'batch', 1: 'seq'}}
    dyn.update({n: {0: 'batch', 2: 'past_seq'} for n in past_names})
    dyn.update({n: {0: 'batch', 2: 'total_seq'} for n in present_names})
    torch.onnx.export(model, args, path, input_names=['input_ids', 'attention_mask', 'position_ids'] + past_names,
                      output_names=['logits'] + present_names, dynamic_axes=dyn, opset_version=OPSET,
                      do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path), full_check=True)


def hf_config(model, tok):
    c = model.cfg
    return {
        'model_type': 'cabin_lm', 'architectures': ['CabinLM'],
        'hidden_size': c.d_model, 'num_hidden_layers': c.n_layers, 'num_attention_heads': c.n_heads,
        'num_key_value_heads': c.n_heads, 'head_dim': c.head_dim, 'intermediate_size': c.ffn_mult * c.d_model,
        'hidden_act': 'gelu', 'rope_theta': c.rope_base, 'vocab_size': c.vocab_size,
        'max_position_embeddings': c.max_len, 'tie_word_embeddings': True, 'torch_dtype': 'float32',
        'bos_token_id': tok.bos_id, 'eos_token_id': tok.eos_id, 'pad_token_id': tok.pad_id, 'sep_token_id': tok.sep_id,
        'cabin': {'action_token_prefix': toklib.ACTION_PREFIX, 'action_token_suffix': toklib.ACTION_SUFFIX,
                  'speaker_token_format': toklib.SPEAKER_FORMAT, 'prompt': toklib.PROMPT},
    }


def write_json(path, obj, indent=1):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, indent=indent)
        f.write('\n')


def export_dir(run_dir, out_dir, checkpoint='best.pt', corpus_dir=None):
    """Writes out_dir/{config.json, tokenizer.json, tokenizer-cases.json, model.onnx (fp32)}; returns a summary."""
    model, tok, ck = load_checkpoint(run_dir, checkpoint)
    os.makedirs(out_dir, exist_ok=True)
    texts = list(PARITY_TEXTS)
    if corpus_dir and os.path.exists(os.path.join(corpus_dir, 'heldout.jsonl')):
        texts += [r['text'] for r in data.eval_slice(data.read_jsonl(os.path.join(corpus_dir, 'heldout.jsonl')), 20, 7)]
    prompts = [tok.prompt(t, s) for t, s in zip(texts[:6], ['driver', 'passenger', 'rear_left', 'rear_right'] * 2)]
    kv_diff = kv_cache_check(model, prompts)
    if kv_diff > 1e-4:
        raise SystemExit(f'KV-cached forward disagrees with the full forward by {kv_diff:.2e} (> 1e-4)')
    export_onnx(model, os.path.join(out_dir, 'model.onnx'))
    write_json(os.path.join(out_dir, 'config.json'), hf_config(model, tok))
    shutil.copyfile(os.path.join(run_dir, 'tokenizer.json'), os.path.join(out_dir, 'tokenizer.json'))
    write_json(os.path.join(out_dir, 'tokenizer-cases.json'),
               [{'text': t, 'tokens': tok.tokens(t), 'ids': tok.encode_text(t)} for t in texts], indent=None)
    return {'checkpoint': checkpoint, 'checkpoint_step': ck['step'], 'params': model.num_params(), 'kv_cache_max_abs_diff': kv_diff,
            'opset': OPSET, 'fp32_bytes': os.path.getsize(os.path.join(out_dir, 'model.onnx'))}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--run', required=True, help='training run dir (best.pt, tokenizer.json)')
    ap.add_argument('--out', required=True, help='output dir for the fp32 export')
    ap.add_argument('--checkpoint', default='best.pt')
    ap.add_argument('--data', help='corpus dir: adds held-out texts to tokenizer-cases.json')
    a = ap.parse_args()
    torch.set_num_threads(2)
    print(json.dumps(export_dir(a.run, a.out, a.checkpoint, a.data)))


if __name__ == '__main__':
    main()
