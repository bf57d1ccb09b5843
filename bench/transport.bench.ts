// Frames per second and one-way latency through the virtual bus and through SLCAN/socketcand over loopback TCP.
import { pathToFileURL } from 'node:url';
import type { CanFrame } from '../vehicle-bus/frame.js';
import type { Transport } from '../vehicle-bus/transport.js';
import { VirtualBus } from '../vehicle-bus/transports/virtual.transport.js';
import { createSlcanTransport } from '../vehicle-bus/transports/slcan.transport.js';
import { createSocketcandTransport } from '../vehicle-bus/transports/socketcand.transport.js';
import { serveSlcan } from '../vehicle-bus/servers/slcan.server.js';
import { serveSocketcand } from '../vehicle-bus/servers/socketcand.server.js';
import { median, percentile, round } from './stats.js';

export interface TransportFigures {
  framesPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

export interface TransportBenchResult {
  virtual: TransportFigures;
  slcanTcp: TransportFigures;
  socketcandTcp?: TransportFigures;
  method: string;
}

export interface TransportBenchOptions {
  /** Seconds of saturated sending per throughput repetition. */
  seconds?: number;
  reps?: number;
  /** Paced frames per second for the latency run, and how many frames it times. */
  latencyRateHz?: number;
  latencyFrames?: number;
  socketcand?: boolean;
}

const METHOD =
  'throughput: one sender saturates the path in chunks of 500 frames (awaiting each chunk), frames/s = frames received / ' +
  '(first send → last receive); latency: frames paced at latencyRateHz by a 1 ms timer, each carrying performance.now() ' +
  'at send, one-way = receive time − send time in the same process; every figure is the median over reps.';

/** A sender and a receiving virtual node wired through the path under test. */
interface Path {
  tx: Transport;
  rx: Transport;
  teardown(): Promise<void>;
}

const quiet = () => undefined;

async function virtualPath(): Promise<Path> {
  const bus = new VirtualBus();
  return { tx: bus.attach('bench-tx'), rx: bus.attach('bench-rx'), teardown: () => bus.dispose() };
}

async function serverPath(kind: 'slcan' | 'socketcand'): Promise<Path> {
  const bus = new VirtualBus();
  const server = kind === 'slcan' ? await serveSlcan(bus, { port: 0, log: quiet }) : await serveSocketcand(bus, { port: 0, log: quiet });
  const uri = `${kind}://127.0.0.1:${server.port}`;
  const tx = kind === 'slcan' ? createSlcanTransport(uri, { log: quiet }) : createSocketcandTransport(uri, { log: quiet });
  await tx.open();
  const rx = bus.attach('bench-rx');
  return {
    tx,
    rx,
    async teardown() {
      await tx.close();
      await server.close();
      await bus.dispose();
    },
  };
}

async function throughput(path: Path, seconds: number): Promise<number> {
  let received = 0;
  let lastAt = 0;
  const off = path.rx.subscribe(() => {
    received++;
    lastAt = performance.now();
  });
  const frame: CanFrame = { id: 0x123, extended: false, data: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) };
  const start = performance.now();
  let sent = 0;
  while (performance.now() - start < seconds * 1000) {
    let last: Promise<void> = Promise.resolve();
    for (let i = 0; i < 500; i++) {
      frame.data[0] = sent & 0xff;
      last = path.tx.send(frame);
      sent++;
    }
    await last;
    // Yield to I/O so the receiving side runs while we keep sending.
    await new Promise((r) => setImmediate(r));
  }
  const deadline = performance.now() + 10_000;
  while (received < sent && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  off();
  if (received < sent) throw new Error(`${path.tx.uri}: lost ${sent - received} of ${sent} frames`);
  return received / ((lastAt - start) / 1000);
}

async function latency(path: Path, rateHz: number, count: number): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  const off = path.rx.subscribe((f) => {
    samples.push(performance.now() - new DataView(f.data.buffer, f.data.byteOffset, 8).getFloat64(0));
  });
  const start = performance.now();
  let sent = 0;
  while (sent < count) {
    // Send what is due by now at the paced rate, then sleep ~1 ms: never a saturating burst.
    const due = Math.min(count, Math.floor(((performance.now() - start) / 1000) * rateHz) + 1);
    for (; sent < due; sent++) {
      const data = new Uint8Array(8);
      new DataView(data.buffer).setFloat64(0, performance.now());
      void path.tx.send({ id: 0x321, extended: false, data });
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  const deadline = performance.now() + 5000;
  while (samples.length < count && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  off();
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function measure(make: () => Promise<Path>, o: Required<Omit<TransportBenchOptions, 'socketcand'>>): Promise<TransportFigures> {
  const fps: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  for (let r = 0; r < o.reps; r++) {
    const path = await make();
    try {
      fps.push(await throughput(path, o.seconds));
      const lat = await latency(path, o.latencyRateHz, o.latencyFrames);
      p50.push(lat.p50);
      p99.push(lat.p99);
    } finally {
      await path.teardown();
    }
  }
  return { framesPerSec: round(median(fps)), p50Ms: round(median(p50), 3), p99Ms: round(median(p99), 3) };
}

export async function benchTransports(opts: TransportBenchOptions = {}): Promise<TransportBenchResult> {
  const o = { seconds: opts.seconds ?? 1, reps: opts.reps ?? 5, latencyRateHz: opts.latencyRateHz ?? 1000, latencyFrames: opts.latencyFrames ?? 1000 };
  const result: TransportBenchResult = {
    virtual: await measure(virtualPath, o),
    slcanTcp: await measure(() => serverPath('slcan'), o),
    method: METHOD,
  };
  if (opts.socketcand ?? true) result.socketcandTcp = await measure(() => serverPath('socketcand'), o);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchTransports({ seconds: Number(process.env.BENCH_SECONDS ?? 1) });
  process.stdout.write(JSON.stringify(r, null, 2) + '\n');
}
