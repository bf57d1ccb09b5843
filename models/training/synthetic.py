"""A small stand-in corpus in the generator's JSONL format, for developing and testing the pipeline without Node."""
import argparse
import json
import os
import random

# Deliberately crude: it only needs the real file's shape (fields, both languages, chained and empty targets)
# so the tokenizer, training loop and export can be exercised; it says nothing about real accuracy.
SEATS_EN = {'driver': ['driver', "driver's"], 'passenger': ['passenger', 'co-pilot'],
            'rear_left': ['rear left', 'back left'], 'rear_right': ['rear right', 'back right'],
            'self': ['my', 'my own']}
SEATS_ZH = {'driver': ['主驾', '司机'], 'passenger': ['副驾', '副驾驶'], 'rear_left': ['后排左边', '左后'],
            'rear_right': ['后排右边', '右后'], 'self': ['我的', '我这边']}
ZH_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']


def zh_number(n):
    if n <= 10:
        return ZH_NUM[n]
    tens, ones = divmod(n, 10)
    return (ZH_NUM[tens] if tens > 1 else '') + '十' + (ZH_NUM[ones] if ones else '')


def one(rng, lang):
    """One (text, actions, template) triple."""
    kind = rng.choice(['heat', 'temp', 'ac', 'none', 'cold', 'fan', 'color'])
    seat = rng.choice(list(SEATS_EN))
    if kind == 'heat':
        v = rng.choice(['on', 'off', '1', '2', '3'])
        if lang == 'en':
            t = rng.choice(['turn {v} the {s} seat heater', 'set {s} seat heat to {v}', 'please make {s} seat heating {v}'])
            text = t.format(v=v, s=rng.choice(SEATS_EN[seat]))
        else:
            vz = {'on': '打开', 'off': '关掉'}[v] if v in ('on', 'off') else '调到' + zh_number(int(v)) + '档'
            text = rng.choice(SEATS_ZH[seat]) + '座椅加热' + vz
        return text, f'seat.heat @{seat} value= {v}', f'{lang}.seat.heat'
    if kind == 'temp':
        v = rng.randint(16, 30)
        if lang == 'en':
            text = rng.choice(['set the temperature to {v}', 'make it {v} degrees', '{v} degrees please']).format(v=v)
        else:
            text = '把温度调到' + (zh_number(v) if rng.random() < 0.5 else str(v)) + '度'
        return text, f'hvac.temp @self value= {v}', f'{lang}.hvac.temp'
    if kind == 'ac':
        v = rng.choice(['on', 'off'])
        text = rng.choice([f'turn the ac {v}', f'switch {v} the air conditioning']) if lang == 'en' else ('打开空调' if v == 'on' else '把AC关掉')
        return text, f'hvac.ac @cabin value= {v}', f'{lang}.hvac.ac'
    if kind == 'cold':
        text = rng.choice(["i'm cold", 'it is freezing in here']) if lang == 'en' else rng.choice(['我有点冷', '好冷啊'])
        return text, 'hvac.temp @self delta= + 2', f'{lang}.cold'
    if kind == 'fan':
        d = rng.choice(['+', '-'])
        text = ('fan up' if d == '+' else 'fan down') if lang == 'en' else ('风量调大' if d == '+' else '风量调小')
        return text, f'hvac.fan @self delta= {d} 1', f'{lang}.fan'
    if kind == 'color':
        c = rng.choice(['red', 'blue', 'green', 'white'])
        zh = {'red': '红色', 'blue': '蓝色', 'green': '绿色', 'white': '白色'}[c]
        text = f'ambient light {c}' if lang == 'en' else f'氛围灯换成{zh}'
        return text, f'light.ambient_color @cabin value= {c}', f'{lang}.color'
    text = rng.choice(['play some music', 'what is the weather', 'call mom']) if lang == 'en' else rng.choice(['放首歌', '今天天气怎么样'])
    return text, '', f'{lang}.none'


def sample(rng, split):
    lang = rng.choice(['en', 'zh'])
    text, actions, template = one(rng, lang)
    if rng.random() < 0.2:  # chained intents
        t2, a2, _ = one(rng, lang)
        if a2 and actions:
            text, actions = text + (' and then ' if lang == 'en' else '然后') + t2, actions + ' ; ' + a2
    speaker = rng.choice(['driver', 'passenger', 'rear_left', 'rear_right'])
    return {'text': text, 'speaker': speaker, 'lang': lang, 'actions': actions, 'intents': [], 'template': template, 'split': split}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--out', required=True)
    ap.add_argument('--train', type=int, default=4000)
    ap.add_argument('--heldout', type=int, default=400)
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    for split, n in (('train', a.train), ('heldout', a.heldout)):
        with open(os.path.join(a.out, f'{split}.jsonl'), 'w', encoding='utf-8') as f:
            for _ in range(n):
                f.write(json.dumps(sample(rng, split), ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
