"""Greedy exact-match of the action sequence on held-out rows, per language (the training-time yardstick)."""
import collections

import torch

from model import greedy


@torch.no_grad()
def exact_match(model, tok, rows, max_len, batch=128, max_new=48):
    """
    {lang: {n, exact}} plus a few misses for the log. Decoding is greedy and only restricted to action tokens
    and [EOS], not to the grammar the runtime enforces, so these figures are a floor for the shipped decoder.
    """
    was_training = model.training
    model.eval()
    allowed = tok.action_ids + [tok.eos_id]
    groups = collections.defaultdict(list)
    for r in rows:
        # The runtime's input budget: the window less the prompt's 3 tokens and 48 decoding steps.
        p = tok.prompt(r['text'], r['speaker'], max_text=max(1, max_len - 3 - 48))
        groups[len(p)].append((p, r))
    hit = collections.Counter()
    seen = collections.Counter()
    misses = []
    for _, items in sorted(groups.items()):
        for k in range(0, len(items), batch):
            chunk = items[k:k + batch]
            outs = greedy(model, [p for p, _ in chunk], allowed, tok.eos_id, max_new=max_new)
            for (_, r), ids in zip(chunk, outs):
                got = tok.decode_actions(ids)
                want = ' '.join((r.get('actions') or '').split())
                lang = r.get('lang', '?')
                seen[lang] += 1
                if got == want:
                    hit[lang] += 1
                elif len(misses) < 8:
                    misses.append({'text': r['text'], 'speaker': r['speaker'], 'want': want, 'got': got})
    model.train(was_training)
    scores = {lang: {'n': seen[lang], 'exact': round(hit[lang] / seen[lang], 4)} for lang in sorted(seen)}
    return scores, misses


def mean_exact(scores):
    return sum(s['exact'] for s in scores.values()) / max(1, len(scores))
