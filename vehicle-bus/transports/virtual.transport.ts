// In-process CAN bus: a hub of nodes in one process, the embedded default and the simulator's backbone.
import type { CanFrame } from '../frame.js';
import { TransportError } from '../errors.js';
import { BaseTransport, nowSeconds, type TransportOptions } from './base-transport.js';

interface Pending {
  frame: CanFrame;
  from: VirtualNode | null;
}

const registry = new Map<string, VirtualBus>();
let anonymous = 0;

/** Parses `virtual:` / `virtual:NAME` (also `virtual://NAME`) into a bus name; `default` when empty. */
export function virtualBusName(uri: string): string {
  const m = /^virtual:(?:\/\/)?([A-Za-z0-9._-]*)$/.exec(uri);
  if (!m) throw new TransportError(`malformed virtual URI "${uri}" (expected virtual:[NAME], NAME of letters, digits, . _ -)`);
  return m[1] || 'default';
}

export class VirtualBus {
  readonly name: string;
  private readonly nodes = new Set<VirtualNode>();
  private queue: Pending[] = [];
  private scheduled = false;
  private delivering = false;

  /** A named bus joins the process-wide registry so `virtual:NAME` URIs reach it; names are unique. */
  constructor(name?: string) {
    this.name = name ?? `anonymous-${++anonymous}`;
    if (registry.has(this.name)) {
      throw new TransportError(`virtual bus "${this.name}" already exists; use VirtualBus.named() to share it`);
    }
    registry.set(this.name, this);
  }

  /** The bus registered under `name`, created on first use (`virtual:` means "default"). */
  static named(name = 'default'): VirtualBus {
    return registry.get(name) ?? new VirtualBus(name);
  }

  /** Create a node on this bus, already open. `uriOrLabel` only names it in logs. */
  attach(uriOrLabel?: string, opts: TransportOptions = {}): VirtualNode {
    const node = new VirtualNode(this, uriOrLabel, opts);
    node.join();
    return node;
  }

  /** Number of open nodes. */
  size(): number {
    return this.nodes.size;
  }

  /** Close every node and forget the name, so a later `virtual:NAME` gets a fresh bus. */
  async dispose(): Promise<void> {
    await Promise.all([...this.nodes].map((n) => n.close()));
    if (registry.get(this.name) === this) registry.delete(this.name);
  }

  /** Inject a frame as if from a node outside the process (replay, fault injection); every node receives it. */
  inject(frame: CanFrame): void {
    this.enqueue(frame, null);
  }

  /** @internal */
  add(node: VirtualNode): void {
    this.nodes.add(node);
  }

  /** @internal */
  remove(node: VirtualNode): void {
    this.nodes.delete(node);
  }

  /** @internal Copy the payload now so the sender may reuse its buffer; stamp the time it hit the bus. */
  enqueue(frame: CanFrame, from: VirtualNode | null): void {
    const copy: CanFrame = { id: frame.id, extended: frame.extended, data: frame.data.slice(), timestamp: nowSeconds() };
    if (frame.fd) copy.fd = true;
    if (frame.rtr) copy.rtr = true;
    this.queue.push({ frame: copy, from });
    if (!this.scheduled) {
      this.scheduled = true;
      // Sends made by a listener during delivery wait for a macrotask, so a ping-pong of listeners that
      // answer each other cannot recurse or starve timers and I/O; other sends batch in one microtask.
      if (this.delivering) setImmediate(this.flush);
      else queueMicrotask(this.flush);
    }
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    this.delivering = true;
    try {
      for (const { frame, from } of batch) {
        for (const node of this.nodes) if (node !== from) node.deliver(frame);
      }
    } finally {
      this.delivering = false;
    }
  };
}

export class VirtualNode extends BaseTransport {
  readonly label: string;

  constructor(readonly bus: VirtualBus, uriOrLabel?: string, opts: TransportOptions = {}) {
    const uri = uriOrLabel?.startsWith('virtual:') ? uriOrLabel : `virtual:${bus.name}`;
    super(uri, opts);
    this.label = uriOrLabel ?? uri;
  }

  async open(): Promise<void> {
    this.join();
  }

  /** @internal Synchronous open, so `bus.attach()` hands back a node that can send at once. */
  join(): void {
    if (this._state === 'open') return;
    this._state = 'open';
    this.bus.add(this);
  }

  send(frame: CanFrame): Promise<void> {
    const problem = this.sendProblem(frame);
    if (problem) return Promise.reject(problem);
    this.framesSent++;
    this.bus.enqueue(frame, this);
    return Promise.resolve();
  }

  async close(): Promise<void> {
    if (this._state === 'closed') return;
    this._state = 'closed';
    this.bus.remove(this);
  }

  /** @internal */
  deliver(frame: CanFrame): void {
    this.emit(frame);
  }
}

/** `createTransport('virtual:NAME')`: a node on the named bus, not yet open. */
export function createVirtualTransport(uri: string, opts: TransportOptions = {}): VirtualNode {
  return new VirtualNode(VirtualBus.named(virtualBusName(uri)), uri, opts);
}
