"""Int8 dynamic quantization of the exported Cabin LM by ONNX graph rewrite (weights int8, activations quantized per call)."""
import argparse
import collections
import json
import os
import shutil

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MAX_BYTES = 15 * 1024 * 1024
# ±63, not ±127: onnxruntime's u8×s8 kernel on x86 CPUs without VNNI (AVX2) adds pairs of products in int16
# and saturates once both are near 255×127; 7-bit weights cannot overflow (ORT's own `reduce_range`).
# Per-column scales keep the error of the lost bit small (see the record's logit check).
DEFAULT_QMAX = 63


def quantize_columns(w, qmax):
    """Symmetric per-column int8: w[k, n] ≈ q[k, n] * scale[n] (zero point 0)."""
    scale = np.abs(w).max(axis=0) / qmax
    scale[scale == 0] = 1.0
    q = np.clip(np.round(w / scale), -qmax, qmax).astype(np.int8)
    return q, scale.astype(np.float32)


def quantize_rows(w, qmax):
    q, scale = quantize_columns(w.T, qmax)
    return q.T.copy(), scale


def rewrite(model, qmax=DEFAULT_QMAX):
    """Rewrites `model` in place; returns the list of rewritten nodes for the record."""
    g = model.graph
    inits = {i.name: i for i in g.initializer}
    new_nodes, new_inits, done = [], [], []
    quantized_input = {}  # activation name → (A_q, A_scale, A_zp): one DynamicQuantizeLinear per activation

    def add_init(name, arr):
        new_inits.append(numpy_helper.from_array(arr, name))
        return name

    for node in g.node:
        if node.op_type == 'MatMul' and node.input[1] in inits and len(inits[node.input[1]].dims) == 2:
            # MatMul(A, W) → DynamicQuantizeLinear(A) → MatMulInteger(A_q, W_q, A_zp, W_zp) → Cast → Mul(A_scale·W_scale)
            a, wname = node.input
            w = numpy_helper.to_array(inits[wname]).astype(np.float32)
            q, scale = quantize_columns(w, qmax)
            base = node.name.strip('/').replace('/', '.') or wname
            wq = add_init(f'{base}.weight_int8', q)
            wzp = add_init(f'{base}.weight_zero_point', np.zeros(q.shape[1], dtype=np.int8))
            ws = add_init(f'{base}.weight_scale', scale)
            if a not in quantized_input:
                quantized_input[a] = (f'{a}_quant', f'{a}_scale', f'{a}_zero_point')
                new_nodes.append(helper.make_node('DynamicQuantizeLinear', [a], list(quantized_input[a]),
                                                  name=f'{base}/DynamicQuantizeLinear'))
            aq, ascale, azp = quantized_input[a]
            out = node.output[0]
            new_nodes += [
                helper.make_node('MatMulInteger', [aq, wq, azp, wzp], [f'{base}.int32'], name=f'{base}/MatMulInteger'),
                helper.make_node('Cast', [f'{base}.int32'], [f'{base}.float'], name=f'{base}/Cast', to=TensorProto.FLOAT),
                helper.make_node('Mul', [ascale, ws], [f'{base}.scale'], name=f'{base}/ScaleMul'),
                helper.make_node('Mul', [f'{base}.float', f'{base}.scale'], [out], name=f'{base}/Mul'),
            ]
            done.append({'node': node.name, 'as': 'MatMulInteger (int8 weight per column, uint8 activation per call)',
                         'weight': list(w.shape)})
        elif node.op_type == 'Gather' and node.input[0] in inits and len(inits[node.input[0]].dims) == 2:
            # Embedding table: weight-only int8 per row. Gather the int8 rows, then scale only those rows —
            # dequantizing the whole table (DequantizeLinear → Gather) would cost a full table pass per call.
            tname, ids = node.input
            w = numpy_helper.to_array(inits[tname]).astype(np.float32)
            q, scale = quantize_rows(w, 127)  # weight-only: no integer matmul, so the full range is safe
            base = node.name.strip('/').replace('/', '.') or tname
            wq = add_init(f'{base}.weight_int8', q)
            ws = add_init(f'{base}.row_scale', scale.reshape(-1, 1))
            axis = [a for a in node.attribute if a.name == 'axis']
            new_nodes += [
                helper.make_node('Gather', [wq, ids], [f'{base}.rows_int8'], name=f'{base}/GatherInt8', axis=0),
                helper.make_node('Gather', [ws, ids], [f'{base}.rows_scale'], name=f'{base}/GatherScale', axis=0),
                helper.make_node('Cast', [f'{base}.rows_int8'], [f'{base}.rows_float'], name=f'{base}/Cast', to=TensorProto.FLOAT),
                helper.make_node('Mul', [f'{base}.rows_float', f'{base}.rows_scale'], [node.output[0]], name=f'{base}/Dequant'),
            ]
            assert not axis or axis[0].i == 0, 'embedding Gather along axis 0 expected'
            done.append({'node': node.name, 'as': 'Gather of int8 rows + per-row scale (weight-only)', 'weight': list(w.shape)})
        else:
            new_nodes.append(node)

    del g.node[:]
    g.node.extend(new_nodes)
    g.initializer.extend(new_inits)
    used = {i for n in g.node for i in n.input}
    keep = [i for i in g.initializer if i.name in used]
    del g.initializer[:]
    g.initializer.extend(keep)
    return done


def op_summary(model, done):
    counts = collections.Counter(n.op_type for n in model.graph.node)
    int8 = {k: counts[k] for k in ('MatMulInteger', 'DynamicQuantizeLinear') if counts[k]}
    gathers = sum(1 for d in done if d['as'].startswith('Gather'))
    if gathers:
        int8['Gather (int8 embedding rows, weight-only)'] = gathers
    # Gather also stays in the float list: the shape arithmetic uses it on int64 shapes.
    return {'quantized_ops': int8, 'float_ops': sorted(k for k in counts if k not in int8 and k != 'Constant')}


def quantize_file(src, dst, qmax=DEFAULT_QMAX):
    model = onnx.load(src)
    done = rewrite(model, qmax)
    if not done:
        raise SystemExit(f'{src}: no MatMul or Gather with a constant weight found: nothing to quantize')
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, dst)
    size = os.path.getsize(dst)
    if size > MAX_BYTES:
        raise SystemExit(f'{dst} is {size / 1e6:.1f} MB, over the 15 MB budget')
    return {'scheme': f'int8 dynamic: weights symmetric per output column (±{qmax}, zero point 0), activations '
                      f'uint8 asymmetric per call (DynamicQuantizeLinear); embedding int8 per row, weight-only; '
                      f'LayerNorm, Softmax, attention products and residuals fp32',
            'weight_qmax': qmax, 'rewritten': done, **op_summary(model, done), 'bytes': size,
            'fp32_bytes': os.path.getsize(src)}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--in', dest='src', required=True, help='fp32 export dir (model.onnx, config.json, tokenizer.json)')
    ap.add_argument('--out', required=True, help='shipped model dir to write')
    ap.add_argument('--qmax', type=int, default=DEFAULT_QMAX, choices=[63, 127])
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    info = quantize_file(os.path.join(a.src, 'model.onnx'), os.path.join(a.out, 'model.onnx'), a.qmax)
    for f in ('config.json', 'tokenizer.json', 'tokenizer-cases.json', 'parity-fixture.json'):
        if os.path.exists(os.path.join(a.src, f)):
            shutil.copyfile(os.path.join(a.src, f), os.path.join(a.out, f))
    # Beside the fp32 export, not in the shipped dir: the manifest carries what the runtime needs to know.
    with open(os.path.join(a.src, 'quantization.json'), 'w', encoding='utf-8') as f:
        json.dump(info, f, indent=1)
        f.write('\n')
    print(json.dumps({k: v for k, v in info.items() if k != 'rewritten'}))


if __name__ == '__main__':
    main()
