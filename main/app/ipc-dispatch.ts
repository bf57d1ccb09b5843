// The one door into the core for both Electron IPC and the WebSocket: validate against the contract, run the handler, wrap the outcome.
import { CabinError } from '../../vehicle-bus/errors.js';
import type { Handlers } from './cabin-app.js';
import { requestProblem, type Channel, type Reply, type ResponseOf } from './ipc-contract.js';

/** Never throws: a bad message or a failing handler becomes an error reply the renderer can show in one line. */
export async function dispatch(handlers: Handlers, channel: unknown, request: unknown, log?: (line: string) => void): Promise<Reply> {
  const problem = requestProblem(channel, request);
  if (problem) return { ok: false, error: problem };
  const c = channel as Channel;
  try {
    const handler = handlers[c] as (r: unknown) => Promise<unknown>;
    return { ok: true, response: (await handler(request)) as ResponseOf<Channel> };
  } catch (err) {
    if (err instanceof CabinError) return { ok: false, error: { code: err.code, message: err.message } };
    // Not a user mistake: keep the stack in the host's log, send one line to the window.
    log?.(`${c}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { ok: false, error: { code: 'E_INTERNAL', message: `${c} failed: ${err instanceof Error ? err.message : String(err)}` } };
  }
}
