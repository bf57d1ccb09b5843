// The headless host over a real socket: the contract's error replies, the origin check, and that only the renderer's files are served.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeLanguageModel } from '../../models/language-model.js';
import { CabinApp } from '../../main/app/cabin-app.js';
import { startHeadlessHost, type HeadlessHost } from '../../main/app/headless-host.js';

let app: CabinApp;
let host: HeadlessHost;
let stylesDir: string;

beforeAll(async () => {
  stylesDir = mkdtempSync(join(tmpdir(), 'cabin-styles-'));
  const lm = new FakeLanguageModel({ 'warm my seat': [{ intent: 'seat.heat', zone: 'self', value: 'on' } as never] });
  app = await CabinApp.start({ lm, userStylesDir: stylesDir });
  host = await startHeadlessHost(app, { host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await host?.close();
  await app?.stop();
  rmSync(stylesDir, { recursive: true, force: true });
});

/** Opens a socket as the served page would, and collects replies by id. */
async function client(origin = host.url.replace(/\/$/, '')) {
  const ws = new WebSocket(host.url.replace('http', 'ws') + 'ipc', { origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const replies: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(String(d));
    if (m.event) events.push(m.event);
    else replies.push(m);
  });
  const next = async (n: number) => {
    for (let i = 0; i < 200 && replies.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    return replies.slice(0, n);
  };
  return { ws, next, events };
}

describe('headless host', () => {
  it('answers malformed, unknown and invalid messages with an error reply and keeps serving', async () => {
    const c = await client();
    c.ws.send('{not json');
    c.ws.send(JSON.stringify({ id: 2, channel: 'openTrunk', request: {} }));
    c.ws.send(JSON.stringify({ id: 3, channel: 'say', request: { utterances: [{ speaker: 'pilot', text: 'hi' }] } }));
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    c.ws.send(JSON.stringify({ id: 5, channel: 'setSpeed', request: { speedKph: 30 } }));
    const replies = await c.next(5);
    const byId = (id: number | null) => replies.filter((r) => r.id === id);
    expect(byId(null).map((r) => (r.reply as { error: { code: string } }).error.code).sort()).toEqual(['E_IPC_MALFORMED', 'E_IPC_MALFORMED']);
    expect(byId(2)[0]).toMatchObject({ reply: { ok: false, error: { code: 'E_IPC_UNKNOWN_CHANNEL' } } });
    expect(byId(3)[0]).toMatchObject({ reply: { ok: false, error: { code: 'E_IPC_INVALID', message: expect.stringContaining('speaker') } } });
    expect(byId(5)[0]).toMatchObject({ reply: { ok: true, response: { speedKph: 30 } } });
    c.ws.close();
  });

  it('turns a handler failure into an error reply, not a dropped connection', async () => {
    const c = await client();
    c.ws.send(JSON.stringify({ id: 1, channel: 'getStyle', request: { name: 'nosuch' } }));
    c.ws.send(JSON.stringify({ id: 2, channel: 'applyFault', request: { spec: 'wipers:silent' } }));
    const [a, b] = await c.next(2);
    expect(a).toMatchObject({ id: 1, reply: { ok: false, error: { code: 'E_STYLE', message: expect.stringContaining('unknown style "nosuch"') } } });
    expect(b).toMatchObject({ id: 2, reply: { ok: false, error: { code: 'E_FAULT' } } });
    c.ws.close();
  });

  it('serves a turn end to end and pushes state and trace events', async () => {
    const c = await client();
    c.ws.send(JSON.stringify({ id: 1, channel: 'say', request: { utterances: [{ speaker: 'passenger', text: 'warm my seat' }] } }));
    const [r] = await c.next(1);
    const turn = (r!.reply as { response: { turns: { reply: string; confirmed: string[] }[] } }).response.turns[0]!;
    expect(turn.confirmed).toEqual(['seats.passenger.heat: confirmed = 2']);
    expect(c.events.some((e) => e.type === 'state')).toBe(true);
    // Trace frames come in batches every 250 ms.
    const sawCommand = () => c.events.some((e) => e.type === 'trace' && (e.frames as { name?: string }[]).some((f) => f.name === 'HU_SeatCmd_Passenger'));
    for (let i = 0; i < 100 && !sawCommand(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(sawCommand()).toBe(true);
    c.ws.close();
  });

  it('refuses sockets from other origins (another web page on this machine)', async () => {
    await expect(client('http://evil.example')).rejects.toThrow(/403/);
  });

  it('serves only the renderer files', async () => {
    const get = async (path: string) => (await fetch(new URL(path, host.url))).status;
    expect(await get('/renderer/index.html')).toBe(200);
    expect(await get('/dist/renderer/main.js')).toBe(200);
    expect(await get('/dist/main/app/ipc-contract.js')).toBe(200);
    expect(await get('/package.json')).toBe(404);
    expect(await get('/dist/main/cli.js')).toBe(404);
    expect(await get('/renderer/%2e%2e/package.json')).toBe(404);
    const res = await fetch(new URL('/renderer/index.html', host.url));
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
