// The head-unit app without Electron: the same renderer over HTTP and the same IPC contract over a WebSocket, on loopback.
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { CabinError } from '../../vehicle-bus/errors.js';
import { appRoot, CONTENT_TYPES, CSP, INDEX_PAGE, RENDERER_ENTRY, servedFile } from './app-files.js';
import type { CabinApp } from './cabin-app.js';
import { dispatch } from './ipc-dispatch.js';
import { parseWireRequest, WS_PATH, type AppEvent, type WireMessage } from './ipc-contract.js';

export interface HeadlessHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A slow window (or a paused tab) must not grow the host's memory: past this, trace batches to it are dropped. */
const MAX_BUFFERED = 4 * 1024 * 1024;
const MAX_MESSAGE = 256 * 1024;

export async function startHeadlessHost(app: CabinApp, opts: { host: string; port: number; log?: (line: string) => void }): Promise<HeadlessHost> {
  const root = appRoot();
  if (!existsSync(join(root, RENDERER_ENTRY))) throw new CabinError('E_NOT_BUILT', `the renderer is not built (${RENDERER_ENTRY} missing); run \`npm run build\``);
  const log = opts.log ?? (() => {});
  let origins = new Set<string>();
  const server = createServer((req, res) => serveStatic(root, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // Only pages this host served may drive the car: a web page in another tab cannot open this socket.
    if (path !== WS_PATH || !origins.has(req.headers.origin ?? '')) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    const send = (m: WireMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
    };
    const off = app.onEvent((event: AppEvent) => {
      if (event.type === 'trace' && ws.bufferedAmount > MAX_BUFFERED) return;
      send({ event });
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        send({ id: null, reply: { ok: false, error: { code: 'E_IPC_MALFORMED', message: 'binary messages are not part of the contract' } } });
        return;
      }
      const parsed = parseWireRequest(data.toString());
      if (!parsed.ok) {
        send({ id: parsed.id, reply: { ok: false, error: parsed.error } });
        return;
      }
      const { id, channel, request } = parsed.message;
      void dispatch(app.handlers, channel, request, log).then((reply) => send({ id, reply }));
    });
    ws.on('close', off);
    ws.on('error', (err) => log(`websocket: ${err.message}`));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const where = `${opts.host}:${opts.port}`;
      if (err.code === 'EADDRINUSE') reject(new CabinError('E_ADDR_IN_USE', `${where} is already in use (choose another --port, or 0 for a free one)`));
      else if (err.code === 'EACCES') reject(new CabinError('E_ADDR_DENIED', `not allowed to listen on ${where}`));
      else reject(err);
    });
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origins = new Set([`http://${opts.host}:${port}`, `http://localhost:${port}`]);
  return {
    url: `http://${opts.host}:${port}/`,
    port,
    close: () => closeAll(server, wss),
  };
}

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/') {
    res.writeHead(302, { ...headers, Location: `/${INDEX_PAGE}` }).end();
    return;
  }
  const file = servedFile(root, path);
  if (!file || !existsSync(file)) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

async function closeAll(server: Server, wss: WebSocketServer): Promise<void> {
  for (const ws of wss.clients) ws.terminate();
  await new Promise<void>((r) => wss.close(() => r()));
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}
