"""The Cabin LM: a small pre-LN decoder-only transformer with rotary positions and a KV-cache forward that exports to ONNX."""
import math
from dataclasses import asdict, dataclass

import torch
from torch import nn
import torch.nn.functional as F

NEG = -1e9  # masked attention score; finite so a fully masked row (padding) gives a uniform softmax, not NaN


@dataclass
class Config:
    vocab_size: int
    d_model: int = 256
    n_layers: int = 4
    n_heads: int = 4
    ffn_mult: int = 4
    max_len: int = 128
    dropout: float = 0.1
    rope_base: float = 10000.0

    @property
    def head_dim(self):
        return self.d_model // self.n_heads

    def to_dict(self):
        return asdict(self)


CONFIGS = {
    # tiny: the CI smoke pipeline (a few steps, seconds); small: the shipped model (see README.md for sizing).
    'tiny': dict(d_model=64, n_layers=2, n_heads=4, ffn_mult=2, dropout=0.0),
    'small': dict(d_model=256, n_layers=4, n_heads=4, ffn_mult=4, dropout=0.05),
    # medium: the one larger size `npm run lm:sizes` put near the 30 ms p95 budget (~1.3× small per utterance, 9.6 MB
    # int8); untrained so far — it needs a GPU's longer schedule to be worth its cost (README, "Training on a GPU").
    'medium': dict(d_model=384, n_layers=4, n_heads=6, ffn_mult=4, dropout=0.05),
    # small6: small two blocks deeper. Made from a trained small run by grow.py (new blocks start as the identity),
    # so it has more room without the from-scratch schedule a CPU cannot afford.
    'small6': dict(d_model=256, n_layers=6, n_heads=4, ffn_mult=4, dropout=0.05),
}


def rope_tables(position_ids, inv_freq):
    """cos/sin [batch, 1, seq, head_dim] for the given positions (computed from the input, so any past length works)."""
    freqs = position_ids[..., None].float() * inv_freq
    emb = torch.cat([freqs, freqs], dim=-1)
    return emb.cos().unsqueeze(1), emb.sin().unsqueeze(1)


def rotate(x, cos, sin):
    half = x.shape[-1] // 2
    return x * cos + torch.cat([-x[..., half:], x[..., :half]], dim=-1) * sin


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.nh, self.hd = c.n_heads, c.head_dim
        self.ln1 = nn.LayerNorm(c.d_model)
        self.qkv = nn.Linear(c.d_model, 3 * c.d_model, bias=False)  # one MatMul, not three: fewer ops per step
        self.proj = nn.Linear(c.d_model, c.d_model, bias=False)
        self.ln2 = nn.LayerNorm(c.d_model)
        self.up = nn.Linear(c.d_model, c.ffn_mult * c.d_model)
        self.down = nn.Linear(c.ffn_mult * c.d_model, c.d_model)
        self.drop = nn.Dropout(c.dropout)

    def forward(self, x, cos, sin, mask, past_k=None, past_v=None):
        b, s, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(b, s, 3, self.nh, self.hd).permute(2, 0, 3, 1, 4)
        q, k = rotate(q, cos, sin), rotate(k, cos, sin)
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        att = (q @ k.transpose(2, 3)) * (1.0 / math.sqrt(self.hd))
        att = torch.where(mask, att, torch.full_like(att, NEG)).softmax(-1)
        y = (self.drop(att) @ v).transpose(1, 2).reshape(b, s, d)
        x = x + self.drop(self.proj(y))
        x = x + self.drop(self.down(F.gelu(self.up(self.ln2(x)))))
        return x, k, v


class CabinLM(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.cfg = c
        self.emb = nn.Embedding(c.vocab_size, c.d_model)
        self.drop = nn.Dropout(c.dropout)
        self.blocks = nn.ModuleList(Block(c) for _ in range(c.n_layers))
        self.ln_f = nn.LayerNorm(c.d_model)
        # Tied output projection: with ~3k entries the table is a third of the parameters; untying buys nothing here.
        self.register_buffer('inv_freq', 1.0 / (c.rope_base ** (torch.arange(0, c.head_dim, 2).float() / c.head_dim)),
                             persistent=False)
        self.apply(self._init)
        for blk in self.blocks:  # GPT-2's scaled init of the residual projections keeps early training stable
            nn.init.normal_(blk.proj.weight, std=0.02 / math.sqrt(2 * c.n_layers))
            nn.init.normal_(blk.down.weight, std=0.02 / math.sqrt(2 * c.n_layers))

    @staticmethod
    def _init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, std=0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=0.02)

    def head(self, h):
        return F.linear(self.ln_f(h), self.emb.weight)

    def hidden(self, input_ids):
        """Training path: right-padded batches, causal attention only (a pad only follows real tokens, so it is never attended)."""
        s = input_ids.shape[1]
        pos = torch.arange(s, device=input_ids.device).unsqueeze(0)
        cos, sin = rope_tables(pos, self.inv_freq)
        mask = torch.ones(s, s, dtype=torch.bool, device=input_ids.device).tril()[None, None]
        x = self.drop(self.emb(input_ids))
        for blk in self.blocks:
            x, _, _ = blk(x, cos, sin, mask)
        return x

    def forward(self, input_ids, attention_mask, position_ids, *past):
        """
        The exported signature: `past` is (key_0, value_0, key_1, …), each [batch, heads, past_seq, head_dim]
        (past_seq may be 0). Query i (at absolute place past_seq + i) sees key j when j <= past_seq + i and
        attention_mask[:, j] is 1. Returns logits and the present keys/values (past + these tokens).
        """
        s = input_ids.shape[1]
        total = attention_mask.shape[1]
        cos, sin = rope_tables(position_ids, self.inv_freq)
        qi = torch.arange(s, device=input_ids.device).unsqueeze(1) + (total - s)
        kj = torch.arange(total, device=input_ids.device).unsqueeze(0)
        mask = (kj <= qi)[None, None] & attention_mask[:, None, None, :].bool()
        x = self.emb(input_ids)
        presents = []
        for i, blk in enumerate(self.blocks):
            x, k, v = blk(x, cos, sin, mask, past[2 * i], past[2 * i + 1])
            presents += [k, v]
        return (self.head(x), *presents)

    def empty_past(self, batch=1, device=None):
        c = self.cfg
        z = torch.zeros(batch, c.n_heads, 0, c.head_dim, device=device)
        return [z] * (2 * c.n_layers)

    def num_params(self):
        return sum(p.numel() for p in self.parameters())


@torch.no_grad()
def greedy(model, prompts, allowed_ids, eos_id, max_new=48):
    """
    Batched greedy decoding with the KV cache, each step restricted to `allowed_ids` (the action tokens and
    [EOS]: a cheap stand-in for the runtime's grammar). Prompts of one batch must have the same length.
    Returns one id list per prompt, without [EOS].
    """
    model.eval()
    dev = model.emb.weight.device
    ids = torch.tensor(prompts, dtype=torch.long, device=dev)
    b, s = ids.shape
    ban = torch.full((model.cfg.vocab_size,), float('-inf'), device=dev)
    ban[torch.tensor(allowed_ids, device=dev)] = 0.0
    past = model.empty_past(b, dev)
    pos = torch.arange(s, device=dev).unsqueeze(0).expand(b, s)
    out = [[] for _ in range(b)]
    done = [False] * b
    total = s
    x = ids
    for _ in range(max_new):
        if total > model.cfg.max_len:
            break
        logits, *past = model(x, torch.ones(b, total, dtype=torch.long, device=dev), pos, *past)
        nxt = (logits[:, -1] + ban).argmax(-1)
        for r, t in enumerate(nxt.tolist()):  # one copy per step, not one per row: on a GPU each .item() waits
            if not done[r]:
                if t == eos_id:
                    done[r] = True
                else:
                    out[r].append(t)
        if all(done):
            break
        x = nxt.unsqueeze(1)
        pos = torch.full((b, 1), total, dtype=torch.long, device=dev)
        total += 1
    return out
