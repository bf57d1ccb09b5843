"""The Cabin LM tokenizer: learns a WordPiece vocabulary from the train split and writes/reads a Hugging Face tokenizer.json."""
import collections
import json
import unicodedata

PAD, UNK, BOS, SEP, EOS = '[PAD]', '[UNK]', '[BOS]', '[SEP]', '[EOS]'
SPECIALS = [PAD, UNK, BOS, SEP, EOS]
SEATS = ['driver', 'passenger', 'rear_left', 'rear_right']
SPEAKER_FORMAT = '<spk:{seat}>'
ACTION_PREFIX, ACTION_SUFFIX = '<a:', '>'
PROMPT = '[BOS] <spk:{speaker}> {text} [SEP]'
MAX_CHARS_PER_WORD = 100


def speaker_token(seat):
    return SPEAKER_FORMAT.format(seat=seat)


def action_token(tok):
    return f'{ACTION_PREFIX}{tok}{ACTION_SUFFIX}'


# Rust's char::is_whitespace (Unicode White_Space), which BertPreTokenizer splits on. str.isspace() is wider
# (it also takes U+001C..U+001F), so it would split words the Rust and JS tokenizers keep whole.
WHITESPACE = set('\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000') | {chr(c) for c in range(0x2000, 0x200B)}

# The ranges of BertNormalizer's handle_chinese_chars (tokenizers' is_chinese_char), in the same order.
CJK_RANGES = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F), (0x2B740, 0x2B81F),
              (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)]


def is_cjk(ch):
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in CJK_RANGES)


def is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith('P')


def normalize(text):
    """NFKC, lower case, then a space either side of every CJK character (the normalizer sequence we write)."""
    text = unicodedata.normalize('NFKC', text).lower()
    return ''.join(f' {c} ' if is_cjk(c) else c for c in text)


def pre_tokenize(text):
    """BertPreTokenizer: split on whitespace, each punctuation character a word of its own."""
    words, cur = [], []
    for ch in text:
        if ch in WHITESPACE or is_punct(ch):
            if cur:
                words.append(''.join(cur))
                cur = []
            if ch not in WHITESPACE:
                words.append(ch)
        else:
            cur.append(ch)
    if cur:
        words.append(''.join(cur))
    return words


def words_of(text):
    return pre_tokenize(normalize(text))


def wordpiece(word, vocab):
    """Greedy longest-match-first, as the Rust and JS WordPiece models do: one unknown piece makes the whole word [UNK]."""
    if len(word) > MAX_CHARS_PER_WORD:
        return [UNK]
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while start < end:
            sub = word[start:end] if start == 0 else '##' + word[start:end]
            if sub in vocab:
                break
            end -= 1
        if start == end:
            return [UNK]
        pieces.append(sub)
        start = end
    return pieces


class Tokenizer:
    def __init__(self, vocab, action_tokens):
        self.vocab = vocab
        self.inv = {i: t for t, i in vocab.items()}
        self.action_tokens = list(action_tokens)
        self.pad_id, self.unk_id, self.bos_id, self.sep_id, self.eos_id = (vocab[t] for t in SPECIALS)
        self.action_ids = [vocab[action_token(t)] for t in self.action_tokens]
        self._cache = {}

    def __len__(self):
        return len(self.vocab)

    def encode_text(self, text):
        out = []
        for w in words_of(text):
            ids = self._cache.get(w)
            if ids is None:
                ids = [self.vocab[p] for p in wordpiece(w, self.vocab)]
                if len(self._cache) < 200_000:
                    self._cache[w] = ids
            out.extend(ids)
        return out

    def tokens(self, text):
        return [self.inv[i] for i in self.encode_text(text)]

    def prompt(self, text, speaker, max_text=None):
        ids = self.encode_text(text)
        if max_text is not None:
            ids = ids[:max_text]  # the runtime keeps the head of an over-long input too
        return [self.bos_id, self.vocab[speaker_token(speaker)], *ids, self.sep_id]

    def encode_actions(self, actions):
        """Space-separated action tokens → ids, [EOS] last (the empty string is just [EOS]: no intent)."""
        return [self.vocab[action_token(t)] for t in actions.split()] + [self.eos_id]

    def decode_actions(self, ids):
        out = []
        for i in ids:
            if i == self.eos_id:
                break
            t = self.inv.get(i, '')
            out.append(t[len(ACTION_PREFIX):-len(ACTION_SUFFIX)] if t.startswith(ACTION_PREFIX) else f'?{t}')
        return ' '.join(out)

    # --- tokenizer.json ---

    def to_json(self):
        specials = SPECIALS + [speaker_token(s) for s in SEATS] + [action_token(t) for t in self.action_tokens]
        added = [{'id': self.vocab[t], 'content': t, 'single_word': False, 'lstrip': False, 'rstrip': False,
                  'normalized': False, 'special': True} for t in specials]
        return {
            'version': '1.0', 'truncation': None, 'padding': None, 'added_tokens': added,
            # BertNormalizer is there only for handle_chinese_chars: BertPreTokenizer alone would keep a whole
            # Mandarin sentence as one "word" and spell it with ## pieces, so 冷 and ##冷 would be different ids.
            'normalizer': {'type': 'Sequence', 'normalizers': [
                {'type': 'NFKC'}, {'type': 'Lowercase'},
                {'type': 'BertNormalizer', 'clean_text': False, 'handle_chinese_chars': True, 'strip_accents': False,
                 'lowercase': False}]},
            'pre_tokenizer': {'type': 'BertPreTokenizer'},
            'post_processor': None,
            'decoder': {'type': 'WordPiece', 'prefix': '##', 'cleanup': False},
            'model': {'type': 'WordPiece', 'unk_token': UNK, 'continuing_subword_prefix': '##',
                      'max_input_chars_per_word': MAX_CHARS_PER_WORD, 'vocab': self.vocab},
        }

    def save(self, path):
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(self.to_json(), f, ensure_ascii=False)
            f.write('\n')

    @classmethod
    def load(cls, path):
        with open(path, encoding='utf-8') as f:
            j = json.load(f)
        actions = [t['content'][len(ACTION_PREFIX):-len(ACTION_SUFFIX)] for t in j['added_tokens']
                   if t['content'].startswith(ACTION_PREFIX)]
        return cls(j['model']['vocab'], actions)


def learn_vocab(texts, action_tokens, target=3000, min_freq=4):
    """
    A WordPiece vocabulary by greedy pair merging (BPE-style): start from every character seen (word-initial form
    and `##` form), then repeatedly add the most frequent adjacent pair of pieces inside words until `target`
    entries or no pair occurs `min_freq` times. Every merged piece is in the vocabulary, so the longest-match
    WordPiece encoder reproduces frequent words whole and spells rare and misheard words from frequent pieces.
    Ties break on the pieces' text, so the result depends only on the corpus.
    """
    counts = collections.Counter(w for t in texts for w in words_of(t))
    fixed = SPECIALS + [speaker_token(s) for s in SEATS] + [action_token(t) for t in action_tokens]
    words = sorted(counts)
    segs = [[w[0]] + ['##' + c for c in w[1:]] for w in words]
    freq = [counts[w] for w in words]
    # Letters, digits and ASCII punctuation are always spellable, seen or not: an unseen English word or number
    # then costs a few pieces instead of becoming [UNK].
    base = [c for c in 'abcdefghijklmnopqrstuvwxyz0123456789'] + [chr(c) for c in range(33, 127) if is_punct(chr(c))]
    pieces = sorted({p for s in segs for p in s} | set(base) | {'##' + c for c in base if c.isalnum()})
    vocab_list = list(fixed) + [p for p in pieces if p not in fixed]
    have = set(vocab_list)

    pair_count = collections.Counter()
    where = collections.defaultdict(set)
    for i, s in enumerate(segs):
        for a, b in zip(s, s[1:]):
            pair_count[(a, b)] += freq[i]
            where[(a, b)].add(i)

    while len(vocab_list) < target and pair_count:
        (a, b), n = min(pair_count.items(), key=lambda kv: (-kv[1], kv[0]))
        if n < min_freq:
            break
        merged = a + b[2:]
        for i in where.pop((a, b)):
            s = segs[i]
            for x, y in zip(s, s[1:]):  # retract this word's pairs, re-add after the merge
                pair_count[(x, y)] -= freq[i]
                if pair_count[(x, y)] <= 0:
                    del pair_count[(x, y)]
            out, k = [], 0
            while k < len(s):
                if k + 1 < len(s) and s[k] == a and s[k + 1] == b:
                    out.append(merged)
                    k += 2
                else:
                    out.append(s[k])
                    k += 1
            segs[i] = out
            for x, y in zip(out, out[1:]):
                pair_count[(x, y)] += freq[i]
                where[(x, y)].add(i)
        pair_count.pop((a, b), None)
        if merged not in have:
            have.add(merged)
            vocab_list.append(merged)
    return {t: i for i, t in enumerate(vocab_list)}


def build(texts, action_tokens, target=3000):
    return Tokenizer(learn_vocab(texts, action_tokens, target=target), action_tokens)


# Strings whose word splits were worked out by hand from the NFKC/Lowercase/BertNormalizer/BertPreTokenizer
# rules; they pin the Python side to what the Rust and JS tokenizers do with the JSON we write. Piece-level
# parity with @huggingface/tokenizers is checked by the TS tests against tokenizer-cases.json (see export_onnx.py).
HAND_CHECKED = [
    ('Turn ON the A/C!', ['turn', 'on', 'the', 'a', '/', 'c', '!']),
    ('把AC关掉', ['把', 'ac', '关', '掉']),
    ('ＡＣ　ｏｆｆ', ['ac', 'off']),  # NFKC folds full-width letters and the ideographic space
    ("I'm cold…", ['i', "'", 'm', 'cold', '.', '.', '.']),  # NFKC turns the ellipsis into three full stops
    ('seat\x1cheat', ['seat\x1cheat']),  # U+001C is not White_Space for Rust or JS, whatever str.isspace says
    ('调到22.5度', ['调', '到', '22', '.', '5', '度']),
]


def hand_check(tok):
    """The hand-checked cases this code gets wrong (empty when all agree)."""
    bad = [(text, words_of(text)) for text, want in HAND_CHECKED if words_of(text) != want]
    if tok.tokens('x' * 101) != [UNK]:  # over max_input_chars_per_word: one [UNK], not pieces
        bad.append(('x' * 101, tok.tokens('x' * 101)))
    return bad
