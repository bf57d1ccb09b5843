// The head-unit app's configuration, resolved once: flags win, then environment variables, then defaults; frozen and range-checked.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../../vehicle-bus/errors.js';

export interface AppConfig {
  /** Where the style tuner saves and the app loads user style files. */
  readonly userStylesDir: string;
  /** Language model directory; default the shipped models/cabin-lm. */
  readonly modelDir?: string;
  /** Headless host address (always loopback unless asked otherwise). */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly kiosk: boolean;
  /** A CAN bus URI to drive instead of the simulated car in this process (as `cabin listen --bus`). */
  readonly bus?: string;
  /** Fault specs applied at start, as `cabin sim --fault`. */
  readonly faults: readonly string[];
  /** Push-to-talk capture device (`default` for the system's); absent with no micFile: no push-to-talk. */
  readonly micDevice?: string;
  readonly micChannels: number;
  /** A WAV played as the microphones instead (tests, machines without a sound card). */
  readonly micFile?: string;
}

export interface ConfigInput {
  stylesDir?: string;
  modelDir?: string;
  port?: string;
  kiosk?: boolean;
  bus?: string;
  faults?: readonly string[];
  micDevice?: string;
  micChannels?: string;
  micFile?: string;
}

export const DEFAULT_PORT = 8420;

/** `$XDG_CONFIG_HOME/cabin-voice/styles`, the usual place for per-user settings on Linux. */
export function defaultUserStylesDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'cabin-voice', 'styles');
}

export function resolveAppConfig(input: ConfigInput, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const portText = input.port ?? env.CABIN_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port expects 0–65535, got "${portText}"`);
  const modelDir = input.modelDir ?? env.CABIN_MODEL;
  const micDevice = input.micDevice ?? env.CABIN_MIC_DEVICE;
  // An empty $CABIN_BUS means "not set", as a shell `CABIN_BUS= cabin start` intends.
  const bus = input.bus ?? (env.CABIN_BUS || undefined);
  const micFile = input.micFile ?? env.CABIN_MIC_FILE;
  const micChannels = Number(input.micChannels ?? env.CABIN_MIC_CHANNELS ?? '4');
  if (!Number.isInteger(micChannels) || micChannels < 1 || micChannels > 4) throw new UsageError(`--mic-channels expects 1–4, got "${input.micChannels ?? env.CABIN_MIC_CHANNELS}"`);
  return Object.freeze({
    userStylesDir: resolve(input.stylesDir ?? env.CABIN_STYLES_DIR ?? defaultUserStylesDir(env)),
    ...(modelDir ? { modelDir: resolve(modelDir) } : {}),
    host: '127.0.0.1',
    port,
    kiosk: input.kiosk ?? env.CABIN_KIOSK === '1',
    ...(bus ? { bus } : {}),
    faults: Object.freeze([...(input.faults ?? [])]),
    ...(micDevice ? { micDevice } : {}),
    micChannels,
    ...(micFile ? { micFile: resolve(micFile) } : {}),
  });
}
