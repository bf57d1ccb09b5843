// Electron main process: hosts the core (live cabin, dialogue, model) and one locked-down 1920x720 window running the renderer.
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveAppConfig, type AppConfig } from './app-config.js';
import { appRoot, INDEX_PAGE } from './app-files.js';
import { CabinApp } from './cabin-app.js';
import { CHANNELS, EVENT_CHANNEL, ipcChannelName, preloadArgument } from './ipc-contract.js';
import { dispatch } from './ipc-dispatch.js';

const log = (line: string) => process.stderr.write(`cabin app: ${line}\n`);

function configFromArgv(): AppConfig {
  // `cabin start` passes its own flags through; Chromium's switches (--no-sandbox…) are not ours to reject.
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: false,
    options: {
      kiosk: { type: 'boolean' },
      'styles-dir': { type: 'string' },
      model: { type: 'string' },
      bus: { type: 'string' },
      fault: { type: 'string', multiple: true },
      'mic-device': { type: 'string' },
      'mic-channels': { type: 'string' },
      'mic-file': { type: 'string' },
    },
  });
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return resolveAppConfig({
    kiosk: values.kiosk === true ? true : undefined,
    stylesDir: typeof values['styles-dir'] === 'string' ? values['styles-dir'] : undefined,
    modelDir: typeof values.model === 'string' ? values.model : undefined,
    bus: text(values.bus),
    faults: (values.fault as string[] | undefined) ?? [],
    micDevice: text(values['mic-device']),
    micChannels: text(values['mic-channels']),
    micFile: text(values['mic-file']),
  });
}

/** Security items of Electron's checklist that apply to every web contents: no navigation, no new windows, no webviews. */
function lockDown(): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  // Microphone access goes through the main process (sox), never the page; deny every web permission.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** Every IPC handler goes through here: only our own page's main frame may call into the core. */
function registerHandlers(cabin: CabinApp, pageUrl: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannelName(channel), (event: IpcMainInvokeEvent, request: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.url !== pageUrl || frame !== event.sender.mainFrame) {
        return { ok: false, error: { code: 'E_IPC_SENDER', message: `refused ${channel} from ${frame?.url ?? 'a destroyed frame'}` } };
      }
      return dispatch(cabin.handlers, channel, request, log);
    });
  }
}

async function main(): Promise<void> {
  const config = configFromArgv();
  app.enableSandbox();
  await app.whenReady();
  lockDown();
  const { loadLanguageModel } = await import('../../models/runtime/onnx-language-model.js');
  const { defaultModelDir } = await import('../../models/runtime/model-config.js');
  const lm = await loadLanguageModel(config.modelDir ?? defaultModelDir());
  const { captureFromConfig } = await import('../voice/capture-source.js');
  const cabin = await CabinApp.start({ lm, userStylesDir: config.userStylesDir, bus: config.bus, faults: config.faults, log, capture: await captureFromConfig(config) });
  const root = appRoot();
  const indexFile = join(root, INDEX_PAGE);
  registerHandlers(cabin, pathToFileURL(indexFile).href);

  const win = new BrowserWindow({
    width: 1920,
    height: 720,
    kiosk: config.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#0b0f14',
    title: 'Cabin Voice',
    webPreferences: {
      preload: join(root, 'dist', 'main', 'app', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      additionalArguments: [preloadArgument()],
    },
  });
  const off = cabin.onEvent((event) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  });
  win.on('closed', off);
  await win.loadFile(indexFile);

  app.on('window-all-closed', () => {
    void cabin
      .stop()
      .then(() => lm.close())
      .finally(() => app.quit());
  });
}

main().catch((err: unknown) => {
  log(err instanceof Error ? err.message : String(err));
  app.exit(1);
});
