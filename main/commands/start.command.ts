// `cabin start`: the head-unit app, in Electron where a runnable Electron exists, otherwise served to a browser on loopback.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { boolOpt, stringOpt, type Command, type CommandIO } from '../command.js';
import { UsageError } from '../../vehicle-bus/errors.js';
import { FAULT_SPEC_HELP, Faults, parseFaultSpec } from '../../vehicle-bus/sim/faults.js';
import { DEFAULT_PORT, resolveAppConfig, type AppConfig } from '../app/app-config.js';
import { appRoot } from '../app/app-files.js';
import { createTransport } from '../../vehicle-bus/transports/registry.js';
import { findElectron } from '../app/electron-binary.js';

export const startCommand: Command = {
  name: 'start',
  summary: 'Start the head-unit app: cabin view, conversation, vehicle simulator, style tuner.',
  usage: '[--headless] [--port N] [--kiosk] [--bus URI | --fault SPEC ...] [--styles-dir DIR] [--model DIR]',
  details: [
    'Runs the app in Electron (a 1920x720 window) when an Electron binary is installed and a display is',
    'available; otherwise, or with --headless, serves the same UI on http://127.0.0.1:PORT/ and prints the URL',
    'on stdout ("head-unit app on http://127.0.0.1:8420/"); open it in a browser. Stop with Ctrl-C.',
    'The simulated car runs in the same process; faults can be injected from the simulator panel or here.',
    'With --bus (or $CABIN_BUS) the app drives that CAN bus instead: a real car through an SLCAN adapter or',
    'SocketCAN, or `cabin sim` in another process. The cabin view, conversation and CAN trace work as before;',
    "vehicle speed and fault injection are that car's own, so the simulator panel shows them disabled.",
    'Saved styles go to --styles-dir, else $CABIN_STYLES_DIR, else ~/.config/cabin-voice/styles.',
    '',
    FAULT_SPEC_HELP,
    '',
    'Examples:',
    '  cabin start',
    '  cabin start --headless --port 0 --fault light:silent',
    '  cabin start --bus slcan://127.0.0.1:35000     (the car of a `cabin sim` in another terminal)',
    '  cabin start --bus socketcan:can0',
  ].join('\n'),
  options: {
    headless: { type: 'boolean', description: 'Serve the UI over HTTP and WebSocket even if Electron is available.' },
    port: { type: 'string', arg: 'N', description: `Port of the headless host on 127.0.0.1; 0 picks a free one; implies --headless (default ${DEFAULT_PORT}, or $CABIN_PORT).` },
    kiosk: { type: 'boolean', description: 'Electron only: full-screen kiosk window (or $CABIN_KIOSK=1).' },
    'styles-dir': { type: 'string', arg: 'DIR', description: 'Where the style tuner saves user styles.' },
    model: { type: 'string', arg: 'DIR', description: 'Language model directory (default the shipped models/cabin-lm, or $CABIN_MODEL).' },
    bus: { type: 'string', arg: 'URI', description: 'Drive this CAN bus instead of the in-process simulated car ($CABIN_BUS): slcan://HOST:PORT, slcan:///dev/ttyACM0, socketcand://HOST:PORT, socketcan:IFACE, virtual:NAME.' },
    fault: { type: 'string', multiple: true, arg: 'SPEC', description: 'Inject a fault from the start (repeatable); see below.' },
    'mic-device': { type: 'string', arg: 'DEV', description: 'Push-to-talk capture device ("default" for the system default; $CABIN_MIC_DEVICE).' },
    'mic-channels': { type: 'string', arg: 'N', description: 'Channels of that device, one per seat in DESIGN order (default 4).' },
    'mic-file': { type: 'string', arg: 'WAV', description: 'Play this recording as the microphones when talk is held ($CABIN_MIC_FILE).' },
  },
  async run(args, io) {
    const faults = (args.values.fault as string[] | undefined) ?? [];
    for (const spec of faults) {
      try {
        parseFaultSpec(spec)(new Faults());
      } catch (err) {
        throw new UsageError(`--fault ${spec}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const config = resolveAppConfig({ port: stringOpt(args, 'port'), kiosk: boolOpt(args, 'kiosk') || undefined, stylesDir: stringOpt(args, 'styles-dir'), modelDir: stringOpt(args, 'model'), bus: stringOpt(args, 'bus'), faults, micDevice: stringOpt(args, 'mic-device'), micChannels: stringOpt(args, 'mic-channels'), micFile: stringOpt(args, 'mic-file') });
    if (config.bus) await checkBus(config.bus, stringOpt(args, 'bus') !== undefined ? '--bus' : '$CABIN_BUS', faults);
    const headless = boolOpt(args, 'headless') || stringOpt(args, 'port') !== undefined;
    if (!headless) {
      const electron = findElectron();
      if (electron.ok) return runElectron(electron.path, config, io);
      io.stderr.write(`cabin start: Electron is not available (${electron.reason}); serving the UI to a browser instead\n`);
    } else if (config.kiosk) {
      throw new UsageError('--kiosk applies to the Electron window; it cannot be combined with --headless or --port');
    }
    return runHeadless(config, io);
  },
};

/** A bad URI or a fault for a car that is not ours is a user mistake: one line, before the model loads or a window opens. */
async function checkBus(uri: string, from: string, faults: readonly string[]): Promise<void> {
  if (faults.length) throw new UsageError(`--fault injects faults into the simulated car; it cannot be combined with the bus ${uri} (${from})`);
  try {
    await createTransport(uri); // parses the URI only; nothing connects before open()
  } catch (err) {
    throw new UsageError(`${from}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function runHeadless(config: AppConfig, io: CommandIO): Promise<number> {
  // Loaded here so that `cabin --help` and the Electron path never pay for onnxruntime and ws.
  const { loadLanguageModel } = await import('../../models/runtime/onnx-language-model.js');
  const { defaultModelDir } = await import('../../models/runtime/model-config.js');
  const { CabinApp } = await import('../app/cabin-app.js');
  const { startHeadlessHost } = await import('../app/headless-host.js');
  const log = (line: string) => io.stderr.write(`cabin start: ${line}\n`);
  const lm = await loadLanguageModel(config.modelDir ?? defaultModelDir());
  const { captureFromConfig } = await import('../voice/capture-source.js');
  const capture = await captureFromConfig(config).catch((e: Error) => Promise.reject(new UsageError(`--mic-file: ${e.message}`)));
  const app = await CabinApp.start({ lm, userStylesDir: config.userStylesDir, bus: config.bus, faults: config.faults, log, capture });
  try {
    const host = await startHeadlessHost(app, { host: config.host, port: config.port, log });
    io.stdout.write(`head-unit app on ${host.url}\n`);
    await new Promise<void>((resolve) => {
      if (io.stopSignal.aborted) resolve();
      else io.stopSignal.addEventListener('abort', () => resolve(), { once: true });
    });
    await host.close();
    return 0;
  } finally {
    await app.stop();
    await lm.close();
  }
}

/** Electron gets the resolved settings as flags; its exit code becomes ours. */
async function runElectron(binary: string, config: AppConfig, io: CommandIO): Promise<number> {
  const main = join(appRoot(), 'dist', 'main', 'app', 'electron-main.js');
  const flags = ['--styles-dir', config.userStylesDir, ...(config.modelDir ? ['--model', config.modelDir] : []), ...(config.kiosk ? ['--kiosk'] : []), ...(config.bus ? ['--bus', config.bus] : []), ...config.faults.flatMap((f) => ['--fault', f]), ...(config.micDevice ? ['--mic-device', config.micDevice] : []), '--mic-channels', String(config.micChannels), ...(config.micFile ? ['--mic-file', config.micFile] : [])];
  io.stdout.write(`head-unit app in Electron (${binary})\n`);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // set, it would make Electron a plain Node and never open a window
  const child = spawn(binary, [main, ...flags], { stdio: 'inherit', env });
  const stop = () => child.kill('SIGTERM');
  io.stopSignal.addEventListener('abort', stop, { once: true });
  return new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      io.stopSignal.removeEventListener('abort', stop);
      resolve(code ?? (signal === 'SIGTERM' ? 0 : 1));
    });
  });
}
