// End to end in Chromium (playwright-core, Debian's /usr/bin/chromium): the real renderer, host, language model and simulated car.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CabinApp } from '../../main/app/cabin-app.js';
import { startHeadlessHost, type HeadlessHost } from '../../main/app/headless-host.js';
import type { LanguageModel } from '../../models/language-model.js';
import { loadCabinNetwork } from '../../vehicle-bus/cabin/cabin-dbc-file.js';
import { startSimulatedCar } from '../../vehicle-bus/sim/simulated-car.js';
import { VirtualBus } from '../../vehicle-bus/transports/virtual.transport.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Gitignored: screenshots are looked at, not versioned (bench/out/ holds every generated artifact). */
export const SCREENSHOTS = join(process.cwd(), 'bench', 'out', 'screenshots');

const missing = existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (apt-get install chromium, or npm run setup)`;
if (missing) console.warn(`SKIPPED head-unit end-to-end tests: ${missing}`);

describe.skipIf(missing !== null)('head-unit app in Chromium', () => {
  let lm: LanguageModel;
  let app: CabinApp;
  let host: HeadlessHost;
  let browser: Browser;
  let page: Page;
  let stylesDir: string;

  beforeAll(async () => {
    const { loadLanguageModel } = await import('../../models/runtime/onnx-language-model.js');
    const { defaultModelDir } = await import('../../models/runtime/model-config.js');
    const { chromium } = await import('playwright-core');
    stylesDir = mkdtempSync(join(tmpdir(), 'cabin-e2e-styles-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    lm = await loadLanguageModel(defaultModelDir());
    app = await CabinApp.start({ lm, userStylesDir: stylesDir });
    host = await startHeadlessHost(app, { host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1920, height: 720 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Every file the page asks for exists (a missing one is a red line in the user's console).
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
    await page.goto(host.url);
    await page.waitForSelector('body.ready', { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await app?.stop();
    await lm?.close();
    if (stylesDir) rmSync(stylesDir, { recursive: true, force: true });
  });

  async function say(seat: string, text: string): Promise<void> {
    const before = await page.locator('#turns article[data-turn]').count();
    await page.click(`[data-seat=${seat}]`);
    await page.fill('#say-text', text);
    await page.press('#say-text', 'Enter');
    await page.waitForFunction((n) => document.querySelectorAll('#turns article[data-turn]').length > n, before, { timeout: 10_000 });
  }
  const lastReply = () => page.locator('#turns article[data-turn] .reply').first().innerText();

  it('picks a seat, types, and shows the seat icon change and the command frame in the trace', async () => {
    await say('rear_left', 'warm my seat');
    await page.waitForSelector('[data-seat=rear_left][data-heat="2"]', { timeout: 5_000 });
    await page.waitForSelector('#trace-rows tr[data-name="HU_SeatCmd_RearLeft"]', { timeout: 5_000 });
    const turn = page.locator('#turns article[data-turn]').first();
    expect(await turn.getAttribute('data-speaker')).toBe('rear_left');
    expect(await turn.locator('.confirmed').innerText()).toContain('seats.rear_left.heat: confirmed = 2');
    await say('rear_right', '我有点冷');
    await page.waitForSelector('[data-zone=rear_right] b:text("24.0°C")', { timeout: 5_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'cabin-and-trace.png') });
  });

  it('queues two seats into one overlapping batch', async () => {
    await page.click('[data-seat=driver]');
    await page.fill('#say-text', 'fan to max');
    await page.click('#queue-button');
    expect(await page.locator('[data-queued=driver]').count()).toBe(1);
    await page.click('[data-seat=passenger]');
    await page.fill('#say-text', 'turn on my reading light');
    await page.click('#speak-button');
    await page.waitForSelector('[data-seat=passenger][data-reading="true"]', { timeout: 10_000 });
    await page.waitForSelector('.fan[data-row=front][data-fan="7"]', { timeout: 10_000 });
    const speakers = await page.locator('#turns article[data-turn]').evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-speaker')));
    expect(speakers.sort()).toEqual(['driver', 'passenger']);
  });

  it('changes a seat style and the reply changes with it', async () => {
    await say('driver', 'warm my seat');
    const friendly = await lastReply();
    await page.click('[data-tab=tuner]');
    await page.selectOption('select[data-seat-style=driver]', 'playful');
    await page.waitForFunction(() => (document.querySelector('select[data-seat-style=driver]') as HTMLSelectElement).value === 'playful');
    await say('driver', 'turn off my seat heating');
    await say('driver', 'warm my seat');
    const playful = await lastReply();
    expect(playful).not.toBe(friendly);
    expect(playful).toContain('toasty');
  });

  it('edits phrases in the table, shows problems next to their row, previews side by side, and saves a new style file', async () => {
    await page.selectOption('#tuner-base', 'friendly');
    await page.waitForFunction(() => (document.getElementById('tuner-name') as HTMLInputElement).value === 'my-friendly');
    // friendly overrides ack, not-understood, change.already, change.already.switch; one row per key with both languages.
    expect(await page.locator('#phrase-table tbody.phrase').count()).toBe(4);
    const row = (key: string) => page.locator(`#phrase-table tbody.phrase[data-phrase-key="${key}"]`);
    expect(await row('ack').locator('[data-part=zh]').inputValue()).not.toBe('');
    // A new row: the base phrase it replaces shows as the placeholder once the key is typed.
    await page.click('#phrase-add');
    const added = page.locator('#phrase-table tbody.phrase').last();
    await added.locator('input[data-part=key]').fill('change.on:seat.heat');
    const base = JSON.parse(readFileSync(join(process.cwd(), 'intents', 'styles', 'base', 'en.json'), 'utf8'));
    expect(await added.locator('[data-part=en]').getAttribute('placeholder')).toBe(base['change.on']);
    await added.locator('[data-part=en]').fill('Toasty {where} seat, coming up.');
    await row('ack').locator('[data-part=en]').fill('{oops}');
    await page.click('#tuner-preview');
    // The core's problem lands under the ack row, and only there.
    await page.waitForSelector('#phrase-table tbody.phrase[data-phrase-key="ack"] tr.phrase-problem:not(.hidden)');
    expect(await row('ack').locator('tr.phrase-problem').innerText()).toContain('English: unknown placeholder {oops}');
    expect(await page.locator('#phrase-table tr.phrase-problem:not(.hidden)').count()).toBe(1);
    expect(await page.locator('#tuner-problems').innerText()).toContain('1 row has a problem');
    await row('ack').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'style-tuner-phrases.png') });
    // The form itself catches a key used twice, without asking the core.
    await page.click('#phrase-add');
    await page.locator('#phrase-table tbody.phrase').last().locator('input[data-part=key]').fill('ack');
    await page.locator('#phrase-table tbody.phrase').last().locator('[data-part=en]').fill('Hi.');
    await page.click('#tuner-preview');
    await page.waitForSelector('#phrase-table tbody.phrase:last-of-type tr.phrase-problem:has-text("the same key as row 1")');
    await page.locator('#phrase-table tbody.phrase').last().locator('.phrase-remove').click();
    // Removing the ack row drops the override in both languages.
    await row('ack').locator('.phrase-remove').click();
    expect(await row('ack').count()).toBe(0);
    // Voice and rate are edited too, and checked by the core like the file would be.
    expect(await page.inputValue('#tuner-voice-zh')).toBe('cmn');
    await page.fill('#tuner-rate-en', '20');
    await page.click('#tuner-preview');
    await page.waitForSelector('#tuner-problems li:text("voice.en.rate")');
    expect(await page.locator('#phrase-table tr.phrase-problem:not(.hidden)').count()).toBe(0);
    await page.fill('#tuner-rate-en', '150');
    await page.click('#tuner-preview');
    await page.waitForSelector('#tuner-rows tr.differs td.draft:text("Toasty")', { timeout: 10_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'style-tuner.png') });
    await page.fill('#tuner-name', 'Night Drive');
    await page.click('#tuner-save');
    await page.waitForSelector('#tuner-problems li:text("name:")');
    await page.fill('#tuner-name', 'night-drive');
    await page.click('#tuner-save');
    await page.waitForSelector('#tuner-saved:text("night-drive")');
    const saved = JSON.parse(readFileSync(join(stylesDir, 'night-drive.json'), 'utf8'));
    expect(saved.phrases.en['change.on:seat.heat']).toContain('Toasty');
    expect(saved.phrases.en.ack).toBeUndefined();
    expect(saved.phrases.zh.ack).toBeUndefined();
    expect(Object.keys(saved.phrases.zh)).toEqual(['not-understood']);
    expect(await page.locator('select[data-seat-style=passenger] option[value=night-drive]').count()).toBe(1);
  });

  it('injects a fault and the reply says honestly that the module did not respond', async () => {
    await page.click('[data-tab=simulator]');
    await page.click('[data-fault="light:silent"]');
    await page.waitForSelector('#faults-active:text("light:silent")');
    await say('passenger', 'set the ambient light to blue');
    expect(await lastReply()).toMatch(/did not respond/);
    expect(await page.locator('.car').getAttribute('data-ambient')).toBe('white');
    expect(await page.locator('#turns article[data-turn] .confirmed').first().innerText()).toContain('no-response');
    await page.screenshot({ path: join(SCREENSHOTS, 'fault-and-simulator.png') });
    await page.click('#fault-clear');
    await page.waitForSelector('#faults-active:text("Healthy")');
  });

  it('sets the vehicle speed and exports the filtered trace as a candump log', async () => {
    await page.fill('#speed-value', '80');
    await page.press('#speed-value', 'Tab');
    await page.waitForSelector('#speed-now:text("80 km/h")', { timeout: 5_000 });
    await page.fill('#trace-filter', 'HU_');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#trace-export')]);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l).toMatch(/^\(\d+\.\d{6}\) vcan0 3[0-9A-F]{2}#[0-9A-F]{16}$/);
    expect(download.suggestedFilename()).toMatch(/^cabin-trace-.*\.log$/);
  });

  it('works with the keyboard alone: Tab to a seat, Enter picks it, type and Enter speaks', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let onSeat = false;
    for (let i = 0; i < 60 && !onSeat; i++) {
      await page.keyboard.press('Tab');
      onSeat = await page.evaluate(() => document.activeElement?.getAttribute('data-talk-seat') === 'rear_right');
    }
    expect(onSeat).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('say-text');
    const before = await page.locator('#turns article[data-speaker=rear_right]').count();
    await page.keyboard.type('turn on my reading light');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('#turns article[data-speaker=rear_right]').length > n, before, { timeout: 10_000 });
    await page.waitForSelector('[data-seat=rear_right][data-reading="true"]', { timeout: 5_000 });
  });

  it('in a 1400 px desktop window puts the simulator under the cabin, full width, with its tabs unclipped', async () => {
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await p.goto(host.url);
      await p.waitForSelector('body.ready', { timeout: 15_000 });
      const box = async (sel: string) => (await p.locator(sel).boundingBox())!;
      const cabin = await box('.cabin-col');
      const side = await box('.side-col');
      expect(side.y).toBeGreaterThan(cabin.y + cabin.height - 1);
      expect(side.width).toBeGreaterThan(1300);
      // A clipped tab label is wider inside than its box (at 1400 px the column was 150 px and cut "Style tuner").
      const tabs = await p.locator('.side-col [role=tab]').all();
      expect(tabs).toHaveLength(2);
      for (const tab of tabs) {
        expect(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      }
      await p.locator('.side-col').scrollIntoViewIfNeeded();
      await p.screenshot({ path: join(SCREENSHOTS, 'desktop-1400.png') });
    } finally {
      await p.close();
    }
  });

  it('on an external bus shows speed and faults disabled with the reason, and the trace and cabin keep working', async () => {
    const bus = new VirtualBus('e2e-external-car');
    const car = await startSimulatedCar(bus, { network: loadCabinNetwork(), log: () => {} });
    // Same model, second app and host: cheap next to loading the model again.
    const ext = await CabinApp.start({ lm, userStylesDir: stylesDir, bus: 'virtual:e2e-external-car' });
    const extHost = await startHeadlessHost(ext, { host: '127.0.0.1', port: 0 });
    const p = await browser.newPage({ viewport: { width: 1920, height: 720 } });
    try {
      await p.goto(extHost.url);
      await p.waitForSelector('body.ready', { timeout: 15_000 });
      for (const id of ['speed', 'speed-value', 'fault-spec', 'fault-apply', 'fault-clear']) expect(await p.isDisabled(`#${id}`), id).toBe(true);
      expect(await p.isVisible('#sim-reason')).toBe(true);
      expect(await p.locator('#sim-reason').innerText()).toContain('External bus virtual:e2e-external-car');
      expect(await p.locator('#bus').innerText()).toContain('virtual:e2e-external-car');
      await p.click('[data-seat=driver]');
      await p.fill('#say-text', 'warm my seat');
      await p.press('#say-text', 'Enter');
      await p.waitForSelector('[data-seat=driver][data-heat="2"]', { timeout: 10_000 });
      await p.waitForSelector('#trace-rows tr[data-name="HU_SeatCmd_Driver"]', { timeout: 5_000 });
      expect(car.state().seats.driver.heat).toBe(2);
      expect(await p.isVisible('#link')).toBe(false);
      await p.screenshot({ path: join(SCREENSHOTS, 'external-bus.png') });
      // The connection goes away (a cable pulled): the top bar says so at once.
      await bus.dispose();
      await p.waitForSelector('#link:not(.hidden)', { timeout: 5_000 });
      expect(await p.locator('#link').innerText()).toContain('CAN link closed');
      await p.screenshot({ path: join(SCREENSHOTS, 'external-bus-link-closed.png') });
    } finally {
      await p.close();
      await extHost.close();
      await ext.stop();
      await car.stop();
      await bus.dispose();
    }
  });
});
