"""
Trains the Cabin LM from the corpus JSONL: one command, seeded; writes last.pt (what pipeline.py ships), best.pt (best on
a held-out slice, for the record) and a training record.
"""
import argparse
import json
import math
import os
import random
import sys
import time


def _pin_blas_threads(argv):
    """Debian's torch does its matrix products in OpenBLAS, whose thread pool torch.set_num_threads does not reach:
    left alone it starts one worker per core, and two side-by-side runs on 2 cores then spin against each other
    (session 37: 3,438 ms/step against 2,489 with the pool pinned). The pool is sized when the library loads, so
    this runs before `import torch`; a value already in the environment wins."""
    threads = str(DEFAULT_THREADS)
    for i, a in enumerate(argv):
        if a == '--threads' and i + 1 < len(argv):
            threads = argv[i + 1]
        elif a.startswith('--threads='):
            threads = a.split('=', 1)[1]
    for var in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS'):
        os.environ.setdefault(var, threads)


# One thread, not two: with a second thread torch's OpenMP barriers wait on whichever core another process
# holds, and on this shared 2-core machine that measured 4× slower (700 vs 3,050 tokens/s for the small
# config while a Node process held one core). `--threads 2` is there for an otherwise idle machine.
DEFAULT_THREADS = 1

_pin_blas_threads(sys.argv[1:])

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import tokenizer as toklib  # noqa: E402
from evaluate import exact_match, mean_exact  # noqa: E402
from model import CONFIGS, CabinLM, Config  # noqa: E402,F401

DEFAULTS = {  # per-config training defaults; flags override
    'tiny': dict(lr=3e-3, warmup=10, batch_tokens=1024, vocab=1000, eval_n=50, final_eval_n=50, checkpoint_every=0),
    'small': dict(lr=1e-3, warmup=300, batch_tokens=3072, vocab=3000, eval_n=300, final_eval_n=0, checkpoint_every=100),
}
DEFAULTS['medium'] = DEFAULTS['small6'] = DEFAULTS['small']  # the same schedule: only the model's width or depth differs


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--data', required=True, help='dir with train.jsonl, heldout.jsonl, action-tokens.json')
    ap.add_argument('--out', required=True, help='run dir (created)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--config', choices=sorted(CONFIGS), default='small')
    budget = ap.add_mutually_exclusive_group()
    budget.add_argument('--minutes', type=float, help='wall-clock budget; fixed to a step count after a calibration')
    budget.add_argument('--epochs', type=float)
    budget.add_argument('--steps', type=int, help='exact step count (what the record says reproduces a --minutes run)')
    ap.add_argument('--lr', type=float)
    ap.add_argument('--warmup', type=int)
    ap.add_argument('--batch-tokens', type=int)
    ap.add_argument('--vocab', type=int, help='target WordPiece vocabulary size')
    ap.add_argument('--max-len', type=int, default=128)
    ap.add_argument('--evals', type=int, default=8, help='held-out evaluations over the run')
    ap.add_argument('--eval-n', type=int, help='held-out rows per language per evaluation')
    ap.add_argument('--final-eval-n', type=int, help='held-out rows per language for the closing evaluation (0: all)')
    ap.add_argument('--threads', type=int, default=DEFAULT_THREADS)
    ap.add_argument('--device', default='cpu',
                    help="torch device to train on ('cuda' where a GPU is lent; checkpoints are saved for the CPU either way)")
    # A run longer than a sitting: the state goes to resume.pt every --checkpoint-every steps, so a run cut short
    # (a machine lent for a few hours, a reboot) continues with --resume and ends exactly where one unbroken run would.
    ap.add_argument('--checkpoint-every', type=int, help='steps between resume.pt saves (0: never)')
    ap.add_argument('--stop-after', type=int, help='pause after this step (resume.pt written); continue with --resume')
    ap.add_argument('--resume', action='store_true', help="continue the run in --out from its resume.pt")
    # Held-out texts in a log end up read by whoever widens the generator next; the split only measures generalisation
    # while nobody writes phrasings from its misses, so the log says how many there are unless asked for the texts.
    ap.add_argument('--show-misses', action='store_true', help='log the held-out rows the model misses (default: counts only)')
    # A finished run trained further (a warm restart: its weights, a fresh optimizer and a new warmup + cosine): how a
    # run gets a longer schedule on a 2-core machine without starting over. The parent's record travels in the record.
    ap.add_argument('--init-from', help="a finished run's dir (or its last.pt): start from its weights (same config; same corpus unless --fresh-corpus)")
    # Fresh rows instead of another pass over the same ones: a corpus drawn with another seed (generate.js
    # --exclude-heldout keeps the first draw's held-out texts out of it), read with the parent's vocabulary.
    ap.add_argument('--fresh-corpus', action='store_true',
                    help="with --init-from: --data may be another corpus than the parent's; the parent's tokenizer is kept")
    a = ap.parse_args(argv)
    if a.fresh_corpus and not a.init_from:
        raise SystemExit('train.py: --fresh-corpus needs --init-from (it says the parent read another corpus)')
    if a.device.startswith('cuda') and not torch.cuda.is_available():
        raise SystemExit(f'train.py: --device {a.device}: torch {torch.__version__} sees no CUDA device')
    for k, v in DEFAULTS[a.config].items():
        if getattr(a, k) is None:
            setattr(a, k, v)
    if a.minutes is None and a.epochs is None and a.steps is None and not a.resume:
        a.minutes = 35.0
    return a


class Log:
    def __init__(self, path):
        self.f = open(path, 'a', encoding='utf-8')

    def __call__(self, msg):
        line = f'{time.strftime("%H:%M:%S")} {msg}'
        print(line, flush=True)
        self.f.write(line + '\n')
        self.f.flush()


def lr_at(step, total, a):
    """Linear warmup, then cosine down to a tenth of the peak."""
    if step < a.warmup:
        return a.lr * (step + 1) / a.warmup
    p = min(1.0, (step - a.warmup) / max(1, total - a.warmup))
    return a.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * p)))


def make_optimizer(model, lr):
    # No weight decay on norms, biases and the (tied) embedding: decaying rare tokens' rows erases them.
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and not n.startswith('emb.')]
    rest = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and not n.startswith('emb.'))]
    return torch.optim.AdamW([{'params': decay, 'weight_decay': 0.1}, {'params': rest, 'weight_decay': 0.0}],
                             lr=lr, betas=(0.9, 0.98), eps=1e-8)


def reproduce_command(command, steps):
    """The command with its budget replaced by the exact step count it ran (a --minutes run is not otherwise repeatable)."""
    parts = command.split()
    out = []
    skip = False
    for p in parts:
        if skip:
            skip = False
        elif p in ('--minutes', '--epochs', '--steps'):
            skip = True
        else:
            out.append(p)
    return ' '.join(out + ['--steps', str(steps)])


def chain_steps(parent):
    """Steps of every run this one continues (0 for a run from scratch)."""
    return 0 if parent is None else parent['steps'] + chain_steps(parent['parent'])


def cpu_state(model):
    return {k: v.detach().cpu() for k, v in model.state_dict().items()}


def save_checkpoint(path, model, step, scores):
    torch.save({'model': cpu_state(model), 'config': model.cfg.to_dict(), 'step': step, 'scores': scores}, path)


# What must match for a resumed run to be the run it continues: same corpus, seed, model and schedule.
RESUME_KEYS = ('seed', 'config', 'lr', 'warmup', 'batch_tokens', 'vocab', 'max_len', 'evals', 'eval_n', 'init_from', 'fresh_corpus')


def run_identity(a, corpus_sha):
    return {'corpus_sha256': corpus_sha} | {k: getattr(a, k) for k in RESUME_KEYS}


def parent_paths(path):
    """(run dir, checkpoint) for --init-from, which names a run's dir or a checkpoint in it."""
    return (path, os.path.join(path, 'last.pt')) if os.path.isdir(path) else (os.path.dirname(path) or '.', path)


def check_parent(path, corpus_sha, fresh_corpus=False):
    """Before anything is trained: --init-from names a finished run on this corpus (any corpus with --fresh-corpus).
    Returns its record."""
    run_dir, ck_path = parent_paths(path)
    for need in (ck_path, os.path.join(run_dir, 'record.json'), os.path.join(run_dir, 'tokenizer.json')):
        if not os.path.exists(need):
            raise SystemExit(f'train.py: --init-from {path}: no {need} (name a finished run)')
    record = json.load(open(os.path.join(run_dir, 'record.json'), encoding='utf-8'))
    if record['corpus']['train_sha256'] != corpus_sha and not fresh_corpus:
        raise SystemExit(f'train.py: --init-from {path}: trained on another corpus '
                         f'({record["corpus"]["train_sha256"][:12]}…, --data has {corpus_sha[:12]}…; --fresh-corpus if meant)')
    return record


def load_parent(path, record, cfg, tok_path):
    """The parent's weights, once its config and tokenizer are known to be this run's."""
    run_dir, ck_path = parent_paths(path)
    if record['model_config'] != cfg.to_dict():
        raise SystemExit(f'train.py: --init-from {path}: model config {record["model_config"]} ≠ {cfg.to_dict()}')
    if open(os.path.join(run_dir, 'tokenizer.json'), encoding='utf-8').read() != open(tok_path, encoding='utf-8').read():
        raise SystemExit(f'train.py: --init-from {path}: its tokenizer differs from the one learnt now')
    ck = torch.load(ck_path, map_location='cpu')
    parent = {'run': os.path.relpath(run_dir), 'checkpoint': os.path.basename(ck_path), 'sha256': data.sha256_file(ck_path),
              'corpus_sha256': record['corpus']['train_sha256'], 'steps': record['steps'], 'reproduce': record['reproduce'], 'parent': record.get('init_from')}
    return ck['model'], parent


def save_resume(path, state):
    """Atomically: a run killed while saving keeps the previous resume.pt."""
    tmp = path + '.tmp'
    torch.save(state, tmp)
    os.replace(tmp, path)


def load_resume(path, identity, steps):
    if not os.path.exists(path):
        raise SystemExit(f'train.py: --resume: no {path} (the run saves one every --checkpoint-every steps)')
    state = torch.load(path, weights_only=False, map_location='cpu')
    diff = [f'{k} {state["identity"].get(k)!r} → {v!r}' for k, v in identity.items() if state['identity'].get(k) != v]
    if diff:
        raise SystemExit(f'train.py: --resume: {path} is from a different run ({"; ".join(diff)})')
    if steps is not None and steps != state['total']:
        raise SystemExit(f'train.py: --resume: {path} runs {state["total"]} steps, not --steps {steps}')
    return state


def log_misses(log, misses: list, show: bool, limit=None) -> None:
    """The held-out misses: the first `limit` texts with --show-misses, otherwise only how many."""
    if show:
        for miss in misses[:limit]:
            log(f'  miss: {miss}')
    elif misses:
        log(f'  {len(misses)} held-out rows missed (texts: --show-misses)')


def main(argv=None):
    a = parse_args(argv)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    log = Log(os.path.join(a.out, 'progress.log'))
    t_start = time.time()
    command = ' '.join(['/usr/bin/python3', os.path.relpath(__file__)] + (argv if argv is not None else sys.argv[1:]))
    log(f'command: {command}')

    train_rows, heldout_rows, action_tokens = data.load_corpus(a.data)
    corpus_sha = data.sha256_file(os.path.join(a.data, 'train.jsonl'))
    resume_path, identity, resumed_at = os.path.join(a.out, 'resume.pt'), run_identity(a, corpus_sha), []
    st = load_resume(resume_path, identity, a.steps) if a.resume else None  # before anything in --out is written
    parent_record = check_parent(a.init_from, corpus_sha, a.fresh_corpus) if a.init_from else None
    if a.fresh_corpus:  # the weights only mean something with the vocabulary they were trained with
        tok = toklib.Tokenizer.load(os.path.join(parent_paths(a.init_from)[0], 'tokenizer.json'))
    else:
        tok = toklib.build([r['text'] for r in train_rows], action_tokens, target=a.vocab)
    bad = toklib.hand_check(tok)
    if bad:
        raise SystemExit(f'tokenizer disagrees with the hand-checked splits: {bad}')
    tok_path = os.path.join(a.out, 'tokenizer.json')
    if st and os.path.exists(tok_path):
        # Written aside first, so that a tokenizer changed between sittings stops the resume and leaves the run as it was.
        tok.save(tok_path + '.new')
        same = open(tok_path + '.new', encoding='utf-8').read() == open(tok_path, encoding='utf-8').read()
        os.remove(tok_path + '.new')
        if not same:
            raise SystemExit(f'train.py: --resume: the tokenizer learnt now differs from {tok_path}')
    tok.save(tok_path)
    samples, dropped = data.encode(train_rows, tok, a.max_len)
    n_tokens = sum(len(s[0]) - 1 for s in samples)
    log(f'corpus: {len(train_rows)} train rows (sha256 {corpus_sha[:12]}…), {len(heldout_rows)} held-out; '
        f'vocab {len(tok)}; {n_tokens} tokens/epoch, mean length {n_tokens / max(1, len(samples)):.1f}; dropped {dropped}')
    eval_rows = data.eval_slice(heldout_rows, a.eval_n, a.seed)
    final_rows = heldout_rows if a.final_eval_n == 0 else data.eval_slice(heldout_rows, a.final_eval_n, a.seed + 1)

    cfg = Config(vocab_size=len(tok), max_len=a.max_len, **CONFIGS[a.config])
    model = CabinLM(cfg).to(a.device)
    params = model.num_params()
    log(f'model: {a.config} {cfg.to_dict()} — {params:,} parameters')
    parent = None
    if a.init_from:
        weights, parent = load_parent(a.init_from, parent_record, cfg, tok_path)
        if not st:  # a resumed sitting loads its own, newer weights below
            model.load_state_dict(weights)
        log(f'weights from {parent["run"]}/{parent["checkpoint"]} (step {parent["steps"]}, sha256 {parent["sha256"][:12]}…); '
            f'fresh optimizer, warmup {a.warmup}, peak lr {a.lr:g}')
    opt = make_optimizer(model, a.lr)

    epoch, epoch_batches = 0, data.batches(samples, a.batch_tokens, rng)
    per_epoch = len(epoch_batches)
    total = a.steps or (round(a.epochs * per_epoch) if a.epochs else None)
    calib_steps = min(30, a.warmup)  # inside warmup the lr ignores the total, so `--steps N` replays these exactly
    eval_every = max(1, total // a.evals) if total else None

    best, best_scores, history = -1.0, None, []
    step, seen_tokens, loss_sum, loss_n = 0, 0, 0.0, 0
    t_train, t_eval_total, t_mark, tok_mark = time.time(), 0.0, time.time(), 0
    if st:
        model.load_state_dict(st['model'])
        opt.load_state_dict(st['optimizer'])
        rng.setstate(st['rng'])
        torch.set_rng_state(st['torch_rng'])
        epoch, epoch_batches, total, eval_every = st['epoch'], st['epoch_batches'], st['total'], st['eval_every']
        best, best_scores, history = st['best'], st['best_scores'], st['history']
        step, seen_tokens, t_eval_total = st['step'], st['seen_tokens'], st['eval_seconds']
        t_train, tok_mark = time.time() - st['train_seconds'], seen_tokens  # time.time() - t_train: seconds over all sittings
        command, resumed_at = st['command'], st['resumed_at'] + [step]
        log(f'resumed at step {step}/{total} from {resume_path} (first command: {command})')

    def resume_state():
        return {'identity': identity, 'command': command, 'resumed_at': resumed_at, 'model': model.state_dict(),
                'optimizer': opt.state_dict(), 'rng': rng.getstate(), 'torch_rng': torch.get_rng_state(),
                'epoch': epoch, 'epoch_batches': epoch_batches, 'total': total, 'eval_every': eval_every,
                'best': best, 'best_scores': best_scores, 'history': history, 'step': step, 'seen_tokens': seen_tokens,
                'train_seconds': time.time() - t_train, 'eval_seconds': t_eval_total}
    model.train()
    while total is None or step < total:
        if not epoch_batches:
            epoch += 1
            epoch_batches = data.batches(samples, a.batch_tokens, rng)
        idx = epoch_batches.pop()
        x, y, real = data.collate(samples, idx, tok.pad_id)
        x, y = x.to(a.device, non_blocking=True), y.to(a.device, non_blocking=True)
        for g in opt.param_groups:
            g['lr'] = lr_at(step, total or 10 ** 9, a)
        sel = y != -100
        h = model.hidden(x)
        loss = F.cross_entropy(model.head(h[sel]), y[sel])  # logits only where the loss is: most positions are input
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        seen_tokens += real
        loss_sum += loss.item()
        loss_n += 1

        if total is None and step == calib_steps:
            # --minutes: fix the step count now, so the schedule is step-based and the record can reproduce it.
            rate = (time.time() - t_train) / step
            # An untrained model never stops, so time a typical-length (12-token) decode, not a full 48-step one.
            t0 = time.time()
            exact_match(model, tok, eval_rows, a.max_len, max_new=12)
            t_eval = time.time() - t0
            final_eval = t_eval * len(final_rows) / max(1, len(eval_rows))
            left = a.minutes * 60 - (time.time() - t_start) - 15 - final_eval  # 15 s for saving
            total = max(step + 1, int((left - a.evals * t_eval) / rate))
            eval_every = max(1, total // a.evals)
            log(f'calibrated: {rate * 1000:.0f} ms/step, eval {t_eval:.1f} s → {total} steps '
                f'({total / per_epoch:.2f} epochs of {per_epoch} batches)')

        if step % 50 == 0 or step == total:
            now = time.time()
            tps = (seen_tokens - tok_mark) / max(1e-9, now - t_mark)
            t_mark, tok_mark = now, seen_tokens
            eta = (now - t_train - t_eval_total) / step * ((total or step) - step)
            log(f'step {step}/{total or "?"} epoch {epoch + 1 - len(epoch_batches) / per_epoch:.2f} '
                f'loss {loss_sum / loss_n:.4f} lr {opt.param_groups[0]["lr"]:.2e} {tps:.0f} tok/s ETA {eta / 60:.1f} min')
            loss_sum, loss_n = 0.0, 0

        if eval_every and (step % eval_every == 0 or step == total):
            t0 = time.time()
            scores, misses = exact_match(model, tok, eval_rows, a.max_len)
            t_eval_total += time.time() - t0
            m = mean_exact(scores)
            history.append({'step': step, 'scores': scores})
            log(f'eval step {step}: ' + ', '.join(f'{k} {v["exact"]:.3f} (n={v["n"]})' for k, v in scores.items())
                + f' [{time.time() - t0:.1f} s]' + (' — best' if m >= best else ''))
            log_misses(log, misses, a.show_misses, limit=3)
            if m >= best:
                best, best_scores = m, scores
                save_checkpoint(os.path.join(a.out, 'best.pt'), model, step, scores)

        if a.stop_after and step == a.stop_after and step < total:
            save_resume(resume_path, resume_state())
            log(f'paused at step {step}/{total}: continue with the same command and --resume')
            return None
        if a.checkpoint_every and step % a.checkpoint_every == 0 and step < total:
            save_resume(resume_path, resume_state())

    save_checkpoint(os.path.join(a.out, 'last.pt'), model, step, history[-1]['scores'] if history else None)
    train_s = time.time() - t_train
    # The best checkpoint on the whole held-out split (or --final-eval-n per language): a figure for the record only,
    # since the slice above chose the checkpoint; the shipped scores come from the TS runtime's constrained decoder.
    best_ck = torch.load(os.path.join(a.out, 'best.pt'))
    model.load_state_dict(best_ck['model'])
    t0 = time.time()
    final_scores, final_misses = exact_match(model, tok, final_rows, a.max_len) if final_rows else ({}, [])
    log(f'best checkpoint (step {best_ck["step"]}) on {len(final_rows)} held-out rows: '
        + ', '.join(f'{k} {v["exact"]:.4f}' for k, v in final_scores.items()) + f' [{time.time() - t0:.0f} s]')
    log_misses(log, final_misses, a.show_misses)
    record = {
        'command': command,
        # From scratch: the parent runs' commands first, when this run continues one.
        'reproduce': ' && '.join(([parent['reproduce']] if parent else []) + [reproduce_command(command, step)]),
        'seed': a.seed, 'config_name': a.config, 'model_config': cfg.to_dict(),
        'training': {k: getattr(a, k) for k in ('lr', 'warmup', 'batch_tokens', 'vocab', 'max_len', 'evals', 'eval_n', 'threads',
                                                'device')},
        'corpus': {'train_sha256': corpus_sha, 'train_rows': len(train_rows), 'heldout_rows': len(heldout_rows),
                   'dropped_rows': dropped, 'tokens_per_epoch': n_tokens},
        'params': params, 'vocab_size': len(tok), 'steps': step, 'epochs': round(step / per_epoch, 3),
        'train_seconds': round(train_s, 1), 'eval_seconds': round(t_eval_total, 1),
        'tokens_per_second': round(seen_tokens / max(1e-9, train_s - t_eval_total)),
        'best': {'step': best_ck['step'], 'eval_slice': best_scores, 'heldout_greedy': final_scores},
        'resumed_at': resumed_at, 'init_from': parent,
        'total_steps': step + chain_steps(parent),
        'eval_history': history, 'torch': torch.__version__,
    }
    with open(os.path.join(a.out, 'record.json'), 'w', encoding='utf-8') as f:
        json.dump(record, f, indent=1, ensure_ascii=False)
        f.write('\n')
    if os.path.exists(resume_path):
        os.remove(resume_path)  # the run is whole: last.pt and record.json replace it
    log(f'done: {step} steps in {train_s / 60:.1f} min, {record["tokens_per_second"]} tok/s, best {best_scores}')
    return record


if __name__ == '__main__':
    main()
