// PocketSphinx ships the en-us model's mixture weights only as `sendump`, 8-bit quantised log weights. SphinxTrain's
// Baum-Welch pass (voice enrolment) needs them as a Sphinx-III `mixture_weights` file of float32 probabilities.
// Layout from SphinxTrain's sendump.py: a length-prefixed title, length-prefixed header strings up to an empty one,
// then (when unclustered) two counts and, per feature stream and density, one byte per senone.

export interface MixtureWeights {
  senones: number;
  streams: number;
  densities: number;
  /** Probabilities, [senone][stream][density], each (senone, stream) row summing to 1. */
  weights: Float32Array;
}

export class SendumpError extends Error {}

export function readSendump(bytes: Uint8Array): MixtureWeights {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let little = true;
  const int = (): number => {
    if (at + 4 > bytes.length) throw new SendumpError('sendump is truncated');
    let n = view.getUint32(at, little);
    // The file carries no byte-order mark: a first length that is absurd means the other byte order.
    if (at === 0 && n > 65536) {
      little = false;
      n = view.getUint32(at, little);
    }
    at += 4;
    return n;
  };
  const str = (): string | null => {
    const n = int();
    if (n === 0) return null;
    if (at + n > bytes.length) throw new SendumpError('sendump header is truncated');
    const s = new TextDecoder().decode(bytes.subarray(at, at + n - 1));
    at += n;
    return s;
  };
  str(); // title
  const header = new Map<string, number>();
  for (let h = str(); h !== null; h = str()) {
    const [key, value] = h.split(/\s+/);
    if (key && value !== undefined) header.set(key, Number(value));
  }
  const shift = header.get('mixw_shift') ?? 10;
  const streams = header.get('feature_count') ?? 0;
  let densities = header.get('model_count') ?? 0;
  let senones = header.get('mixture_count') ?? 0;
  if ((header.get('cluster_count') ?? 0) !== 0) throw new SendumpError('clustered sendump files are not supported');
  densities = int();
  senones = int();
  if (!streams || !densities || !senones) throw new SendumpError('sendump header lacks its dimensions');
  if (at + streams * densities * senones > bytes.length) throw new SendumpError('sendump weights are truncated');
  // Each byte b stands for the log weight -(b << shift) in base 1.0001.
  const table = new Float64Array(256);
  for (let b = 0; b < 256; b++) table[b] = Math.pow(1.0001, -(b << shift));
  const weights = new Float32Array(senones * streams * densities);
  for (let f = 0; f < streams; f++) {
    for (let d = 0; d < densities; d++) {
      for (let s = 0; s < senones; s++) weights[(s * streams + f) * densities + d] = table[bytes[at + s]!]!;
      at += senones;
    }
  }
  for (let row = 0; row < senones * streams; row++) {
    let sum = 0;
    for (let d = 0; d < densities; d++) sum += weights[row * densities + d]!;
    for (let d = 0; d < densities; d++) weights[row * densities + d]! /= sum;
  }
  return { senones, streams, densities, weights };
}

/** A Sphinx-III binary 3-D parameter file (SphinxTrain's s3file layout, native little-endian float32). */
export function s3MixtureWeightsFile(m: MixtureWeights): Uint8Array {
  let head = 's3\nversion 1.0\n';
  // The binary part starts on a 4-byte boundary.
  const pad = (4 - ((head.length + 'endhdr\n'.length) & 3)) & 3;
  head += `${' '.repeat(pad)}endhdr\n`;
  const headBytes = new TextEncoder().encode(head);
  const out = new Uint8Array(headBytes.length + 4 + 16 + m.weights.length * 4);
  out.set(headBytes, 0);
  const view = new DataView(out.buffer);
  let at = headBytes.length;
  view.setInt32(at, 0x11223344, true);
  at += 4;
  for (const n of [m.senones, m.streams, m.densities, m.weights.length]) {
    view.setUint32(at, n, true);
    at += 4;
  }
  for (const w of m.weights) {
    view.setFloat32(at, w, true);
    at += 4;
  }
  return out;
}
