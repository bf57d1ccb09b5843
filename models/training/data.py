"""Corpus loading, encoding into prompt+target id sequences, and length-bucketed batching for the Cabin LM."""
import hashlib
import json
import os
import random

import torch

SPEAKERS = ('driver', 'passenger', 'rear_left', 'rear_right')


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def write_run(out, checkpoint, tokenizer_json, record):
    """A run dir that `train.py --init-from`, `average.py` and `pipeline.py --skip-train` read: last.pt, tokenizer.json
    (its text) and record.json."""
    os.makedirs(out, exist_ok=True)
    torch.save(checkpoint, os.path.join(out, 'last.pt'))
    with open(os.path.join(out, 'tokenizer.json'), 'w', encoding='utf-8') as f:
        f.write(tokenizer_json)
    with open(os.path.join(out, 'record.json'), 'w', encoding='utf-8') as f:
        json.dump(record, f, indent=1, ensure_ascii=False)
        f.write('\n')


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def load_corpus(data_dir):
    """train rows, heldout rows, the action-token list (the corpus's copy, so training never needs Node)."""
    train = read_jsonl(os.path.join(data_dir, 'train.jsonl'))
    heldout_path = os.path.join(data_dir, 'heldout.jsonl')
    heldout = read_jsonl(heldout_path) if os.path.exists(heldout_path) else []
    with open(os.path.join(data_dir, 'action-tokens.json'), encoding='utf-8') as f:
        actions = json.load(f)
    for r in train[:1000]:
        if r.get('speaker') not in SPEAKERS:
            raise ValueError(f'train.jsonl: unknown speaker {r.get("speaker")!r} in {r}')
    return train, heldout, actions


def encode(rows, tok, max_len):
    """
    Each row → (ids, prompt_len): `[BOS] <spk> text [SEP] actions [EOS]`. The target is never cut; the input
    keeps its head, as the runtime does with an over-long utterance. Rows whose target alone does not fit
    are dropped (and counted), never silently truncated.
    """
    out, dropped = [], 0
    for r in rows:
        target = tok.encode_actions(r.get('actions') or '')
        room = max_len - 3 - len(target)
        if room < 1:
            dropped += 1
            continue
        prompt = tok.prompt(r['text'], r['speaker'], max_text=room)
        out.append((prompt + target, len(prompt)))
    return out, dropped


def batches(samples, batch_tokens, rng):
    """
    One epoch of batches: sort by length (shuffled within equal lengths), cut into batches of at most
    `batch_tokens` padded tokens, shuffle the batch order. Near-equal lengths keep padding (wasted compute) small.
    """
    order = list(range(len(samples)))
    rng.shuffle(order)
    order.sort(key=lambda i: len(samples[i][0]))
    out, cur, cur_max = [], [], 0
    for i in order:
        n = len(samples[i][0])
        if cur and max(cur_max, n) * (len(cur) + 1) > batch_tokens:
            out.append(cur)
            cur, cur_max = [], 0
        cur.append(i)
        cur_max = max(cur_max, n)
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


def collate(samples, idx, pad_id):
    """inputs [b, L-1], labels [b, L-1] with -100 everywhere but the target (actions + [EOS]), real-token count."""
    L = max(len(samples[i][0]) for i in idx)
    x = torch.full((len(idx), L), pad_id, dtype=torch.long)
    y = torch.full((len(idx), L), -100, dtype=torch.long)
    real = 0
    for r, i in enumerate(idx):
        ids, p = samples[i]
        x[r, :len(ids)] = torch.tensor(ids)
        y[r, p:len(ids)] = torch.tensor(ids[p:])
        real += len(ids) - 1
    return x[:, :-1], y[:, 1:], real


def eval_slice(heldout, per_lang, seed):
    """A fixed, seeded sample of up to `per_lang` held-out rows per language."""
    rng = random.Random(seed)
    out = []
    for lang in sorted({r.get('lang', '?') for r in heldout}):
        rows = [r for r in heldout if r.get('lang', '?') == lang]
        rng.shuffle(rows)
        out += rows[:per_lang]
    return out
