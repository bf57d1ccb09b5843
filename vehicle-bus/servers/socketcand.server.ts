// Exposes a VirtualBus as a socketcand daemon over TCP (raw mode), for python-can and other socketcand clients.
import type { CanFrame } from '../frame.js';
import type { TransportError } from '../errors.js';
import { preview } from '../transports/drop-counter.js';
import { SocketcandSplitter, decodeSocketcandElement, encodeSocketcandFrame } from '../transports/socketcand-protocol.js';
import type { VirtualBus } from '../transports/virtual.transport.js';
import { CLIENT_BACKLOG_LIMIT, serveBus, type BusServer, type BusServerOptions, type SessionContext, type Session } from './bus-server.js';

/**
 * python-can 4.1.0 reads each handshake reply with one recv() and compares it exactly, so `< ok >` for
 * rawmode must not share a TCP segment with the first frames; frames wait this long after it.
 */
export const RAWMODE_SETTLE_MS = 100;

export function serveSocketcand(bus: VirtualBus, opts: BusServerOptions): Promise<BusServer> {
  return serveBus('socketcand', bus, opts, socketcandSession);
}

function socketcandSession(ctx: SessionContext): Session {
  const { node, writer, drops, counters, socket } = ctx;
  let mode: 'no-bus' | 'bcm' | 'raw' = 'no-bus';
  let held: CanFrame[] | null = null;
  let settle: NodeJS.Timeout | null = null;

  /** A handshake reply: its own write with nothing after it (see RAWMODE_SETTLE_MS). */
  const say = (element: string) => {
    writer.write(element);
    writer.flush();
  };
  // Every frame element ends in `\n`: python-can skips one character after the last `>` it parsed.
  const forward = (frame: CanFrame) => {
    if (writer.backlog() > CLIENT_BACKLOG_LIMIT) {
      drops.drop('client-overrun', 'client is not reading; frames to it are dropped');
      return;
    }
    writer.write(encodeSocketcandFrame(frame, frame.timestamp ?? 0) + '\n');
    counters.framesSent++;
  };

  node.subscribe((frame) => {
    if (mode !== 'raw') return;
    if (held) held.push(frame);
    else forward(frame);
  });

  const onElement = (inner: string) => {
    const msg = decodeSocketcandElement(inner);
    switch (msg.kind) {
      case 'open':
        if (mode !== 'no-bus') return refuse('unexpected-command', 'open while a bus is already open');
        mode = 'bcm';
        return say('< ok >');
      case 'rawmode':
        if (mode === 'no-bus') return refuse('unexpected-command', 'rawmode before open');
        mode = 'raw';
        say('< ok >');
        held = [];
        settle = setTimeout(() => {
          const frames = held ?? [];
          held = null;
          for (const f of frames) forward(f);
        }, RAWMODE_SETTLE_MS);
        return;
      case 'bcmmode':
        if (mode === 'no-bus') return refuse('unexpected-command', 'bcmmode before open');
        mode = 'bcm';
        return say('< ok >');
      case 'echo':
        return mode === 'raw' ? writer.write('< echo >\n') : say('< echo >');
      case 'send':
        // socketcand accepts `send` in both BCM and raw mode.
        if (mode === 'no-bus') return refuse('not-open', 'send before open');
        node.send(msg.frame).catch((err: TransportError) => drops.drop('bus-rejected', err.message));
        counters.framesReceived++;
        return;
      case 'bad':
        return drops.drop(msg.reason, preview(msg.detail, 60));
      case 'other':
        return refuse('unknown-command', `"${preview(inner)}"`);
      default:
        return refuse('unexpected-command', `"${preview(inner)}"`);
    }
  };

  // Errors end in `\n` like frames: they can arrive mid-stream, where python-can would eat the next character.
  const refuse = (reason: string, detail: string) => {
    drops.drop(reason, detail);
    writer.write(`< error ${reason} >\n`);
  };

  const splitter = new SocketcandSplitter(onElement, (reason, detail) => drops.drop(reason, detail));
  socket.write('< hi >');
  return {
    data: (chunk) => splitter.push(chunk),
    end: () => {
      if (settle) clearTimeout(settle);
      splitter.end();
    },
  };
}
