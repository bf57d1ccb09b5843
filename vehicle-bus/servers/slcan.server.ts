// Exposes a VirtualBus as a Lawicel SLCAN adapter over TCP, so python-can and other hosts can join the car.
import { TransportError } from '../errors.js';
import { preview } from '../transports/drop-counter.js';
import { SLCAN_BELL, SLCAN_OK, SlcanSplitter, decodeSlcanLine, encodeSlcanFrame } from '../transports/slcan-protocol.js';
import type { VirtualBus } from '../transports/virtual.transport.js';
import { CLIENT_BACKLOG_LIMIT, serveBus, type BusServer, type BusServerOptions, type SessionContext, type Session } from './bus-server.js';

/** What `V` and `N` report: hardware 1.0, software 1.3, serial "CABN". */
const VERSION_REPLY = 'V1013\r';
const SERIAL_REPLY = 'NCABN\r';

export function serveSlcan(bus: VirtualBus, opts: BusServerOptions): Promise<BusServer> {
  return serveBus('slcan', bus, opts, slcanSession);
}

/** One client, behaving like a USB-CAN adapter: closed until `O`, BEL for anything it cannot do. */
function slcanSession(ctx: SessionContext): Session {
  const { node, writer, drops, counters } = ctx;
  let open = false;
  let listenOnly = false;
  let timestamps = false;

  node.subscribe((frame) => {
    if (!open) return;
    if (writer.backlog() > CLIENT_BACKLOG_LIMIT) {
      drops.drop('client-overrun', 'client is not reading; frames to it are dropped like an adapter FIFO overflow');
      return;
    }
    writer.write(encodeSlcanFrame(frame, timestamps ? Math.floor((frame.timestamp ?? 0) * 1000) % 60_000 : undefined));
    counters.framesSent++;
  });

  const reply = (text: string) => writer.write(text);
  const refuse = (reason: string, detail: string) => {
    drops.drop(reason, detail);
    reply(SLCAN_BELL);
  };

  const onLine = (line: string, term: '\r' | '\x07') => {
    if (term === '\x07') return drops.drop('garbage', `BEL from host after "${preview(line)}"`);
    // Hosts send bare CRs to flush an adapter's line buffer; a real adapter ignores them.
    if (line === '') return;
    const msg = decodeSlcanLine(line);
    if (msg.kind === 'bad') return refuse(msg.reason, preview(msg.detail, 60));
    if (msg.kind === 'frame') {
      if (!open || listenOnly) return refuse('not-open', `frame "${preview(line)}" before "O" (channel closed or listen-only)`);
      node.send(msg.frame).catch((err: TransportError) => drops.drop('bus-rejected', err.message));
      counters.framesReceived++;
      return reply(msg.frame.extended ? 'Z\r' : 'z\r');
    }
    const { command, arg } = msg;
    switch (command) {
      case 'O':
      case 'L':
        // python-can sends `O` twice when given a bitrate; a strict adapter would BEL the second, which helps no one.
        open = true;
        listenOnly = command === 'L';
        return reply(SLCAN_OK);
      case 'C':
        open = false;
        return reply(SLCAN_OK);
      case 'S':
        if (!/^[0-8]$/.test(arg)) return refuse('bad-command', `unsupported bitrate "${preview(line)}"`);
        if (open) return refuse('bad-command', 'bitrate change while the channel is open');
        return reply(SLCAN_OK);
      case 's':
        if (!/^[0-9A-Fa-f]{4}$/.test(arg) || open) return refuse('bad-command', `"${preview(line)}"`);
        return reply(SLCAN_OK);
      case 'V':
        return reply(VERSION_REPLY);
      case 'N':
        return reply(SERIAL_REPLY);
      case 'F':
        return reply('F00\r');
      case 'Z':
        if (arg !== '0' && arg !== '1') return refuse('bad-command', `"${preview(line)}"`);
        timestamps = arg === '1';
        return reply(SLCAN_OK);
      case 'M':
      case 'm':
        // Acceptance code/mask are accepted for compatibility; the virtual bus has no hardware filter.
        if (!/^[0-9A-Fa-f]{8}$/.test(arg)) return refuse('bad-command', `"${preview(line)}"`);
        return reply(SLCAN_OK);
      default:
        return refuse('unknown-command', `"${preview(line)}"`);
    }
  };

  const splitter = new SlcanSplitter(onLine, (reason, detail) => drops.drop(reason, detail));
  return {
    data: (chunk) => splitter.push(chunk),
    end: () => splitter.end(),
  };
}
